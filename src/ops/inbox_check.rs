//! Inbox files no flow will read, for `oms status` and `oms channels check`: a warehouse
//! that names its confirmations `confirm-7.csv` or a shop that drops `orders.xlsx` would
//! otherwise wait in the inbox unseen while nothing is confirmed or imported.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::{ChannelKind, Config};
use crate::connectors::files::inbox::{self, Roles};

#[derive(Debug, Clone, Serialize)]
pub struct UnreadFile {
    pub channel: String,
    pub file: String,
    /// The names this inbox's flows read.
    pub read_here: String,
}

/// What reads the folder `dir`: every enabled `files` channel configured on it, in either
/// role (one folder may serve a shop and a warehouse).
fn roles_of(config: &Config, dir: &Path) -> Roles {
    let master = config.catalog.master.get_ref();
    let mut roles = Roles::default();
    let on_dir = |ch: &crate::config::Channel| {
        ch.enabled && ch.kind == ChannelKind::Files && ch.dir.as_deref() == Some(dir)
    };
    for (code, ch) in &config.sales_channels {
        if on_dir(ch) {
            roles.sales = true;
            roles.master |= code == master;
        }
    }
    for (code, ch) in &config.fulfillment_channels {
        if on_dir(ch) {
            roles.fulfillment = true;
            roles.master |= code == master;
        }
    }
    roles
}

/// The files in `dir/inbox` that none of the folder's flows reads. A missing inbox has
/// none here: the flows and `channels check` report the folder itself.
pub fn unread_in(config: &Config, code: &str, dir: &Path) -> Vec<UnreadFile> {
    let roles = roles_of(config, dir);
    let inbox = dir.join("inbox");
    let Ok(names) = inbox::unread(&inbox, roles) else {
        return Vec::new();
    };
    names
        .into_iter()
        .map(|name| UnreadFile {
            channel: code.to_string(),
            file: inbox.join(name).display().to_string(),
            read_here: inbox::patterns(roles),
        })
        .collect()
}

/// Every enabled `files` channel's unread inbox files, each folder once.
pub fn unread_files(config: &Config) -> Vec<UnreadFile> {
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut files = Vec::new();
    let channels = config
        .sales_channels
        .iter()
        .chain(config.fulfillment_channels.iter());
    for (code, ch) in channels {
        let Some(dir) = ch.dir.as_deref() else {
            continue;
        };
        if !ch.enabled || ch.kind != ChannelKind::Files || seen.iter().any(|d| d == dir) {
            continue;
        }
        seen.push(dir.to_path_buf());
        files.extend(unread_in(config, code, dir));
    }
    files
}
