//! completions/ and man/ are generated from the CLI definition and committed so that
//! packagers need not build oms to get them. These tests fail when they drift; run
//! `OMS_UPDATE_GENERATED=1 cargo test --test generated` to regenerate them.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::Env;

fn files_in(dir: &Path) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            map.insert(name, std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    map
}

fn check(kind: &str, args: &[&str]) {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(kind);
    let env = Env::empty();
    let mut full: Vec<&str> = args.to_vec();
    full.extend(["--dir", "out"]);
    env.oms(&full).ok();
    let fresh = files_in(&env.path("out"));
    assert!(!fresh.is_empty(), "oms wrote no {kind}");
    if std::env::var_os("OMS_UPDATE_GENERATED").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        std::fs::create_dir_all(&committed).unwrap();
        for (name, text) in &fresh {
            std::fs::write(committed.join(name), text).unwrap();
        }
        return;
    }
    let old = files_in(&committed);
    let stale: Vec<&String> = fresh
        .keys()
        .filter(|k| old.get(*k) != fresh.get(*k))
        .collect();
    let extra: Vec<&String> = old.keys().filter(|k| !fresh.contains_key(*k)).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "{kind}/ is out of date (changed: {stale:?}, no longer generated: {extra:?}); \
         run `OMS_UPDATE_GENERATED=1 cargo test --test generated` and commit the result"
    );
}

#[test]
fn completions_are_current() {
    check("completions", &["completions"]);
}

#[test]
fn man_pages_are_current() {
    check("man", &["man"]);
}

#[test]
fn completion_script_for_one_shell_goes_to_stdout() {
    let out = Env::empty().oms(["completions", "bash"]).ok();
    out.stdout_has("_oms()");
}
