//! `oms channels check` (SPEC §4.5): tries every enabled channel with one cheap call —
//! a `files` channel's folders exist and take a file, a shop or warehouse API answers
//! with the configured token — so a bad token or a moved folder shows up before a run
//! fails on it at night. Nothing is written to the database.

use std::path::Path;

use serde::Serialize;

use crate::config::{Channel, ChannelKind, Config};
use crate::connectors;
use crate::error::{Exit, usage};
use crate::output::Report;

pub struct Options<'a> {
    /// Only this channel (checked even when disabled).
    pub channel: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    pub kind: String,
    pub role: String,
    pub ok: bool,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CheckReport {
    pub ok: usize,
    pub failed: usize,
    /// Disabled channels, left alone unless named with `--channel`.
    pub not_checked: Vec<String>,
    pub items: Vec<Item>,
}

impl Report for CheckReport {
    type Item = Item;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("ok", self.ok.to_string()),
            ("failed", self.failed.to_string()),
        ];
        if !self.not_checked.is_empty() {
            s.push(("disabled, not checked", self.not_checked.join(", ")));
        }
        s
    }
    fn items(&self) -> &[Item] {
        &self.items
    }
    /// Every channel's line is the answer the command was run for.
    fn is_notable(&self, _item: &Item) -> bool {
        true
    }
    fn exit(&self) -> Exit {
        if self.failed > 0 {
            Exit::Failed
        } else {
            Exit::Ok
        }
    }
}

#[derive(Clone, Copy)]
enum Role {
    Sales,
    Fulfillment,
}

pub fn run(config: &Config, opts: &Options) -> anyhow::Result<CheckReport> {
    if let Some(code) = opts.channel
        && !config.sales_channels.contains_key(code)
        && !config.fulfillment_channels.contains_key(code)
    {
        let known: Vec<&str> = config
            .sales_channels
            .keys()
            .chain(config.fulfillment_channels.keys())
            .map(String::as_str)
            .collect();
        return Err(usage(format!(
            "unknown channel `{code}` (configured: {})",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    }
    let all = config
        .sales_channels
        .iter()
        .map(|(code, ch)| (code, ch, Role::Sales))
        .chain(
            config
                .fulfillment_channels
                .iter()
                .map(|(code, ch)| (code, ch, Role::Fulfillment)),
        );
    let mut report = CheckReport::default();
    for (code, ch, role) in all {
        match opts.channel {
            Some(only) if only != code => continue,
            None if !ch.enabled => {
                report.not_checked.push(code.clone());
                continue;
            }
            _ => {}
        }
        let outcome = check_one(config, code, ch, role);
        let ok = outcome.is_ok();
        if ok {
            report.ok += 1;
        } else {
            report.failed += 1;
        }
        report.items.push(Item {
            channel: code.clone(),
            kind: ch.kind.as_str().to_string(),
            role: match role {
                Role::Sales => "sales",
                Role::Fulfillment => "fulfillment",
            }
            .to_string(),
            ok,
            detail: outcome.unwrap_or_else(|e| e),
        });
    }
    Ok(report)
}

fn check_one(config: &Config, code: &str, ch: &Channel, role: Role) -> Result<String, String> {
    if ch.kind == ChannelKind::Files {
        let ok = check_folder(ch.dir.as_deref())?;
        let unread = ch
            .dir
            .as_deref()
            .map(|dir| crate::ops::inbox_check::unread_in(config, code, dir))
            .unwrap_or_default();
        return match unread.first() {
            None => Ok(ok),
            Some(first) => Err(format!(
                "{} inbox file{} read by no flow: {} (this inbox reads {})",
                unread.len(),
                if unread.len() == 1 { " is" } else { "s are" },
                unread
                    .iter()
                    .map(|f| f.file.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                first.read_here
            )),
        };
    }
    let result = match role {
        Role::Sales => connectors::sales(config, code).and_then(|mut c| c.check()),
        Role::Fulfillment => connectors::fulfillment(config, code).and_then(|mut c| c.check()),
    };
    result.map_err(|e| format!("{e:#}"))
}

/// The channel's folder with `inbox/` and `outbox/`, each of which takes a file.
fn check_folder(dir: Option<&Path>) -> Result<String, String> {
    let dir = dir.ok_or("the channel has no `path`")?;
    if !dir.is_dir() {
        return Err(format!("{} is not a folder", dir.display()));
    }
    for sub in ["inbox", "outbox"] {
        let folder = dir.join(sub);
        if !folder.is_dir() {
            return Err(format!("{} is missing", folder.display()));
        }
        let probe = folder.join(format!(".oms-check-{}", std::process::id()));
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .and_then(|_| std::fs::remove_file(&probe))
            .map_err(|e| format!("cannot write in {}: {e}", folder.display()))?;
    }
    Ok(format!("{} (inbox/ and outbox/ writable)", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_must_exist_and_take_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ch");
        assert!(
            check_folder(Some(&root))
                .unwrap_err()
                .ends_with("is not a folder")
        );
        std::fs::create_dir_all(root.join("inbox")).unwrap();
        assert!(
            check_folder(Some(&root))
                .unwrap_err()
                .ends_with("outbox is missing")
        );
        std::fs::create_dir_all(root.join("outbox")).unwrap();
        let ok = check_folder(Some(&root)).unwrap();
        assert!(ok.ends_with("(inbox/ and outbox/ writable)"), "{ok}");
        assert_eq!(std::fs::read_dir(root.join("inbox")).unwrap().count(), 0);
    }
}
