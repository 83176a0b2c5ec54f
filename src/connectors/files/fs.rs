//! The file handling every `files` channel shares: writes that are never seen half-done,
//! and an inbox whose files are moved out only once their content is safely applied.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::inbox::{InboxFlow, claims, is_in_progress};

/// Writes `bytes` to `path` so that a reader (a 3PL's SFTP pickup) sees either nothing or
/// the whole file: a hidden temp file in the same folder, flushed to disk, then renamed.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // The rename itself must survive a power cut, or the file could vanish again.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}

/// Files of `inbox` that `flow` reads, oldest name first.
pub fn inbox_files(inbox: &Path, flow: &InboxFlow) -> anyhow::Result<Vec<PathBuf>> {
    files_where(inbox, |name| claims(flow, name))
}

/// Files of `dir` named `PREFIX….EXTENSION` (any case), oldest name first.
pub fn files_named(dir: &Path, prefix: &str, extension: &str) -> anyhow::Result<Vec<PathBuf>> {
    let suffix = format!(".{extension}");
    files_where(dir, |name| {
        let name = name.to_lowercase();
        name.starts_with(prefix) && name.ends_with(&suffix)
    })
}

/// Hidden and temp files are skipped: they are someone else's half-written uploads.
fn files_where(dir: &Path, wanted: impl Fn(&str) -> bool) -> anyhow::Result<Vec<PathBuf>> {
    // A missing folder is an error, never "no files": see FilesChannel::existing_inbox.
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_file() && !is_in_progress(&name) && wanted(&name) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Moves a fully applied inbox file to `inbox/done/`.
pub fn move_done(path: &Path) -> anyhow::Result<PathBuf> {
    move_into(path, "done")
}

/// Moves a file that could not be read at all to `inbox/failed/`, with the reason in a
/// `.error.txt` beside it, so it is neither retried forever nor silently dropped.
pub fn move_failed(path: &Path, reason: &str) -> anyhow::Result<PathBuf> {
    let dest = move_into(path, "failed")?;
    let mut note = dest.clone().into_os_string();
    note.push(".error.txt");
    atomic_write(Path::new(&note), format!("{reason}\n").as_bytes())?;
    Ok(dest)
}

fn move_into(path: &Path, sub: &str) -> anyhow::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new(".")).join(sub);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut dest = dir.join(&name);
    // Never overwrite an earlier file of the same name: keep both.
    let mut n = 1;
    while dest.exists() {
        dest = dir.join(format!("{name}.{n}"));
        n += 1;
    }
    std::fs::rename(path, &dest)
        .with_context(|| format!("cannot move {} to {}", path.display(), dest.display()))?;
    Ok(dest)
}

#[cfg(test)]
mod tests {
    use super::super::inbox::{ORDERS, STOCK};
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out/shipments.csv");
        atomic_write(&p, b"a,b\n").unwrap();
        atomic_write(&p, b"a,b\n1,2\n").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "a,b\n1,2\n");
        let names: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn inbox_lists_wanted_files_in_name_order_and_moves_them() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path();
        for name in [
            "b-orders.csv",
            "a-orders.json",
            ".hidden.csv",
            "x.csv.tmp-1",
            "notes.txt",
            "products-1.csv",
            "stock-1.csv",
        ] {
            std::fs::write(inbox.join(name), "x").unwrap();
        }
        let all = inbox_files(inbox, &ORDERS).unwrap();
        let names: Vec<_> = all
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        // A shop's inbox: stock-1.csv is an order file there, products-1.csv never is.
        assert_eq!(names, ["a-orders.json", "b-orders.csv", "stock-1.csv"]);
        assert_eq!(inbox_files(inbox, &STOCK).unwrap().len(), 1);

        let done = move_done(&all[0]).unwrap();
        assert!(done.ends_with("done/a-orders.json"));
        std::fs::write(inbox.join("a-orders.json"), "again").unwrap();
        let again = move_done(&inbox.join("a-orders.json")).unwrap();
        assert!(
            again.ends_with("done/a-orders.json.1"),
            "{}",
            again.display()
        );

        let failed = move_failed(&all[1], "line 3: not CSV").unwrap();
        let note = std::fs::read_to_string(format!("{}.error.txt", failed.display())).unwrap();
        assert_eq!(note, "line 3: not CSV\n");
        assert!(
            inbox_files(inbox, &ORDERS)
                .unwrap()
                .iter()
                .all(|p| !p.ends_with("b-orders.csv"))
        );
    }
}
