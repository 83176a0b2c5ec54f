//! `oms catalog sync` (SPEC §4.4): import products and variants from the master product
//! source (`catalog.master`), then push the catalog to every other channel that takes
//! products. With `master = "oms"` there is nothing to import and the catalog kept here
//! is pushed as it is. The rules are in docs/files-connector.md, "Products".

mod channel;
mod import;
mod push;

use rusqlite::{Connection, Transaction};
use serde::Serialize;

use super::flow::{self, Journaled};
use crate::config::{self, Config};
use crate::error::{Exit, usage};
use crate::output::{Progress, Report};
use crate::store::Store;
use crate::store::runs::Outcome;

use channel::Role;

pub const FLOW: &str = "catalog sync";

/// The value of `catalog.master` that makes oms itself the master.
pub const OMS: &str = "oms";

pub struct Options<'a> {
    /// Only this channel: the master (import only) or another channel (push only).
    pub channel: Option<&'a str>,
    /// Push to channels whose catalog has not changed since their last push, too.
    pub full: bool,
    pub dry_run: bool,
    /// Remove variants a channel has that the catalog does not, where writing a product
    /// replaces its variants (Shopify); otherwise they are kept and reported. Implies `full`.
    pub prune: bool,
    /// Advanced by products read from the master.
    pub progress: &'a Progress,
}

/// One record read from the master, or one SKU a channel refused, or a file that could
/// not be read.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    /// `import` (from the master), `import bundle` (a row of the master's bundles file,
    /// with the bundle as `sku` and the component as `product`) or `push`.
    pub action: String,
    /// The SKU in oms.
    pub sku: String,
    /// The SKU as the channel names it (its `sku_map`).
    pub channel_sku: String,
    pub product: String,
    /// import: `new`, `changed`, `unchanged`, `rejected`, `skipped` (a duplicate SKU) or
    /// `unreadable` (a whole file); push: `refused`, or for a variant the channel has and
    /// the catalog does not, `kept` or `removed` (`--prune`).
    pub outcome: String,
    /// Where the record was read (`file:line`).
    pub source: String,
    /// When a person last edited the values this import replaced.
    pub manual_edit_at: Option<String>,
    pub message: Option<String>,
}

/// What happened with one channel.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ChannelResult {
    pub channel: String,
    /// `master` (imported from) or `target` (pushed to).
    pub role: String,
    /// master: `read` or `failed`; target: `sent`, `would send`, `unchanged` (the same
    /// catalog as its last push), `nothing to send`, `refused` (some SKUs), `skipped`
    /// (the channel cannot take products) or `failed`.
    pub outcome: String,
    /// Records read from the master (bad ones too), or variants sent (or to be sent) to
    /// the target.
    pub variants: usize,
    pub refused: usize,
    /// The channel's variants that the catalog does not have, left as they were.
    pub kept: usize,
    /// The same, removed at the channel (`--prune`).
    pub removed: usize,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct SyncReport {
    pub dry_run: bool,
    pub master: String,
    /// `ok`, `rejected` (some records or files were not applied, or some SKUs refused),
    /// `failed` (a channel failed) or `skipped` (the master channel is disabled).
    pub outcome: String,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Records skipped because an earlier record of the same source has their SKU.
    pub skipped: usize,
    /// Changed records whose values a person had edited here.
    pub overwritten: usize,
    pub unreadable_files: usize,
    pub channels: Vec<ChannelResult>,
    /// Messages for the person running it (SKUs left out, channels skipped).
    pub notes: Vec<String>,
    pub items: Vec<Item>,
}

impl SyncReport {
    /// Messages a person must see on stderr: duplicates and overwritten manual edits.
    pub fn warnings(&self) -> impl Iterator<Item = String> + '_ {
        self.items
            .iter()
            .filter(|i| {
                matches!(
                    i.outcome.as_str(),
                    import::SKIPPED | push::KEPT | push::REMOVED
                ) || i.manual_edit_at.is_some()
            })
            .filter_map(|i| {
                let message = i.message.as_deref()?;
                let plain = matches!(
                    i.outcome.as_str(),
                    import::SKIPPED | push::KEPT | push::REMOVED
                );
                Some(if plain {
                    message.to_string()
                } else {
                    format!("{}: {}: {message}", i.source, i.sku)
                })
            })
    }

    fn push_item(&mut self, item: Item) {
        match item.outcome.as_str() {
            import::NEW => self.new += 1,
            import::CHANGED => self.changed += 1,
            import::UNCHANGED => self.unchanged += 1,
            import::REJECTED => self.rejected += 1,
            import::SKIPPED => self.skipped += 1,
            import::UNREADABLE => self.unreadable_files += 1,
            _ => {}
        }
        if item.manual_edit_at.is_some() {
            self.overwritten += 1;
        }
        self.items.push(item);
    }

    fn compute_outcome(&self) -> Outcome {
        let refused = self.channels.iter().any(|c| c.refused > 0);
        if self.channels.iter().any(|c| c.outcome == "failed") {
            Outcome::Failed
        } else if self.rejected > 0 || self.unreadable_files > 0 || refused {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

impl Report for SyncReport {
    type Item = Item;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![("master", self.master.clone())];
        if self.outcome == MASTER_DISABLED {
            s.push(("outcome", "skipped: the master channel is disabled".into()));
            return s;
        }
        if self.channels.iter().any(|c| c.role == "master") {
            s.extend([
                ("new", self.new.to_string()),
                ("changed", self.changed.to_string()),
                ("unchanged", self.unchanged.to_string()),
                ("rejected", self.rejected.to_string()),
                ("skipped", self.skipped.to_string()),
            ]);
            if self.overwritten > 0 {
                s.push(("manual edits overwritten", self.overwritten.to_string()));
            }
            if self.unreadable_files > 0 {
                s.push(("unreadable files", self.unreadable_files.to_string()));
            }
        }
        for c in &self.channels {
            let mut line = format!("{} ({}): {}", c.channel, c.role, c.outcome);
            if c.variants > 0 {
                line.push_str(&format!(", {} variants", c.variants));
            }
            if c.refused > 0 {
                line.push_str(&format!(", {} refused", c.refused));
            }
            if let Some(m) = &c.message {
                line.push_str(&format!(" — {m}"));
            }
            s.push(("channel", line));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written, sent or moved".into()));
        }
        s
    }

    fn items(&self) -> &[Item] {
        &self.items
    }

    fn is_notable(&self, item: &Item) -> bool {
        matches!(
            item.outcome.as_str(),
            import::REJECTED | import::SKIPPED | import::UNREADABLE | push::REFUSED | push::KEPT
        ) || item.manual_edit_at.is_some()
    }

    fn exit(&self) -> Exit {
        if self.outcome == MASTER_DISABLED {
            return Exit::Ok;
        }
        flow::exit_of(self.compute_outcome())
    }
}

impl Journaled for SyncReport {
    fn counts(&self) -> serde_json::Value {
        let channels: serde_json::Map<String, serde_json::Value> = self
            .channels
            .iter()
            .map(|c| (c.channel.clone(), c.outcome.clone().into()))
            .collect();
        serde_json::json!({
            "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
            "rejected": self.rejected, "skipped": self.skipped,
            "overwritten": self.overwritten, "unreadable_files": self.unreadable_files,
            "channels": channels,
        })
    }

    fn outcome(&self) -> Outcome {
        self.compute_outcome()
    }
}

/// The report's outcome when the master channel is disabled.
const MASTER_DISABLED: &str = "skipped";

/// Runs the sync. A disabled master channel makes it do nothing: that is a state of the
/// configuration, not a failure, so the report says `skipped` and the exit code is 0;
/// nothing is journaled because nothing ran. A channel that fails is reported and does
/// not stop the others.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<SyncReport> {
    let master = config.catalog.master.get_ref().as_str();
    let mut report = SyncReport {
        dry_run: opts.dry_run,
        master: master.to_string(),
        ..SyncReport::default()
    };
    if let Some(code) = opts.channel
        && channel::find(config, code).is_none()
    {
        return Err(usage(format!("unknown channel `{code}`")));
    }
    let master_channel = if master == OMS {
        None
    } else {
        let (role, ch) = channel::find(config, master)
            .ok_or_else(|| usage(format!("catalog.master: unknown channel `{master}`")))?;
        if !ch.enabled {
            report.outcome = MASTER_DISABLED.into();
            report.notes.push(format!(
                "catalog.master `{master}` is disabled (enabled = false): nothing was imported \
                 or pushed; enable it, or make another channel or `oms` the master"
            ));
            return Ok(report);
        }
        Some((role, master, ch))
    };
    let master_role = master_channel.map(|(role, _, _)| role);
    let targets: Vec<(Role, &str, &config::Channel)> = channel::all(config)
        .into_iter()
        .filter(|(role, code, _)| Some(*role) != master_role || *code != master)
        .filter(|(_, code, ch)| match opts.channel {
            Some(only) => only == *code,
            None => ch.enabled,
        })
        .collect();
    let import_from = master_channel.filter(|_| opts.channel.is_none_or(|c| c == master));

    let mut report = flow::journaled(store, FLOW, opts.channel, opts.dry_run, |store, _| {
        let mut writer = Writer::new(store, opts.dry_run)?;
        if let Some(master) = import_from {
            let result = import::run(config, &mut writer, master, opts.progress, &mut report);
            report.channels.push(result);
        }
        for target in targets {
            let result = push::run(config, &mut writer, target, opts, &mut report);
            report.channels.push(result);
        }
        writer.finish()?;
        Ok(report)
    })?;
    report.outcome = match report.compute_outcome() {
        Outcome::Ok => "ok",
        Outcome::Rejected => "rejected",
        Outcome::Failed => "failed",
    }
    .into();
    Ok(report)
}

/// Where the flow writes. A real run commits each unit of work on its own (a master
/// file, a channel's push record), so a file is acknowledged only once it is committed
/// and a failure later loses nothing before it. A dry run does everything in one
/// transaction that is rolled back at the end, so the push plan sees the catalog the
/// import would have made.
enum Writer<'s> {
    Real(&'s mut Store),
    Dry(Transaction<'s>),
}

impl<'s> Writer<'s> {
    fn new(store: &'s mut Store, dry_run: bool) -> rusqlite::Result<Writer<'s>> {
        Ok(if dry_run {
            Writer::Dry(store.tx()?)
        } else {
            Writer::Real(store)
        })
    }

    fn is_dry(&self) -> bool {
        matches!(self, Writer::Dry(_))
    }

    /// For reads: sees what this run has written so far, committed or not.
    fn conn(&self) -> &Connection {
        match self {
            Writer::Real(store) => &store.conn,
            Writer::Dry(tx) => tx,
        }
    }

    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> anyhow::Result<T>) -> anyhow::Result<T> {
        match self {
            Writer::Real(store) => {
                let tx = store.tx()?;
                let out = f(&tx)?;
                tx.commit()?;
                Ok(out)
            }
            Writer::Dry(tx) => f(tx),
        }
    }

    fn finish(self) -> rusqlite::Result<()> {
        match self {
            Writer::Real(_) => Ok(()),
            Writer::Dry(tx) => tx.rollback(),
        }
    }
}
