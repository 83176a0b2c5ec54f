//! `oms receipts sync`: what warehouses received against POs (SPEC §4.3). Each fulfillment
//! channel is one journaled run; each source (a file) is applied in one transaction and
//! acknowledged only after it committed, so a crash re-reads it and the receipts' unique
//! (channel, id) makes that harmless. Bad receipts are rejected one by one; the valid
//! ones of the same source are still applied. Stock a source raises goes to the
//! backordered orders in that source's transaction (SPEC §4.2.4).

mod apply;

use std::collections::BTreeSet;

use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;

use super::backorders::RetryReport;
use super::flow::{self, Journaled};
use crate::config::Config;
use crate::connectors::{self, Fetched, FulfillmentChannel};
use crate::crashpoint::{self, Point};
use crate::error::{Exit, usage};
use crate::model::purchase::{OwnedPo, ReceiptIn};
use crate::output::{Progress, Report};
use crate::store::runs::Outcome;
use crate::store::{Store, channel_refs};

pub const FLOW: &str = "receipts sync";
const CRASH_FLOW: &str = "receipts-sync";

pub struct SyncOptions<'a> {
    pub channel: Option<&'a str>,
    pub dry_run: bool,
    /// How status changes are attributed when there is no run (dry runs).
    pub cause: &'a str,
    /// Advanced by receipt lines applied.
    pub progress: &'a Progress,
}

#[derive(Debug, Serialize, Default)]
pub struct ReceiptsSyncReport {
    pub dry_run: bool,
    pub files: usize,
    pub applied: usize,
    pub already_applied: usize,
    pub rejected: usize,
    /// Receipts rejected on an earlier run that still cannot be applied.
    pub still_rejected: usize,
    pub over_received: usize,
    pub failed_files: usize,
    pub failed_channels: usize,
    /// Files applied and committed (counted above) that could not be moved out of the
    /// inbox or acknowledged: each is an item naming the path and why.
    pub not_moved: usize,
    pub units_received: i64,
    pub items: Vec<ReceiptItem>,
    /// The (physical warehouse, variant) pairs whose available stock rose. Empty after
    /// a dry run: a preview raised nothing.
    #[serde(skip)]
    pub stock_raised: BTreeSet<(String, i64)>,
    /// Backordered orders retried because receipts raised stock (SPEC §4.2.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backorders: Option<RetryReport>,
}

#[derive(Debug, Serialize, Default)]
pub struct ReceiptItem {
    pub channel: String,
    pub receipt: String,
    pub po: String,
    pub source: String,
    pub outcome: ReceiptOutcome,
    /// The receipt's status once applied: short_received or received.
    pub status: Option<String>,
    pub po_status: Option<String>,
    pub units: i64,
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptOutcome {
    #[default]
    Applied,
    /// Seen before (same channel and receipt id): nothing changed.
    AlreadyApplied,
    /// Applied, but more arrived than was still expected; a warning, one per line.
    OverReceived,
    Rejected,
    /// Rejected on an earlier run, tried again, and still not applicable.
    StillRejected,
    /// A whole file could not be read; it was moved to the inbox's `failed/`.
    FileFailed,
    /// The channel could not be read at all (its run failed).
    ChannelFailed,
    /// Applied and committed, but the file could not be moved out of the inbox (or the
    /// source acknowledged); the next sync finds its receipts already applied.
    NotMoved,
}

impl ReceiptsSyncReport {
    fn push(&mut self, item: ReceiptItem) {
        match item.outcome {
            ReceiptOutcome::Applied => {
                self.applied += 1;
                self.units_received += item.units;
            }
            ReceiptOutcome::AlreadyApplied => self.already_applied += 1,
            ReceiptOutcome::OverReceived => self.over_received += 1,
            ReceiptOutcome::Rejected => self.rejected += 1,
            ReceiptOutcome::StillRejected => self.still_rejected += 1,
            ReceiptOutcome::FileFailed => self.failed_files += 1,
            ReceiptOutcome::ChannelFailed => self.failed_channels += 1,
            ReceiptOutcome::NotMoved => self.not_moved += 1,
        }
        self.items.push(item);
    }

    fn merge(&mut self, other: ReceiptsSyncReport) {
        self.files += other.files;
        self.stock_raised.extend(other.stock_raised);
        if let Some(retry) = other.backorders {
            self.backorders.get_or_insert_default().absorb(retry);
        }
        for item in other.items {
            self.push(item);
        }
    }
}

impl Report for ReceiptsSyncReport {
    type Item = ReceiptItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("files", self.files.to_string()),
            ("receipts applied", self.applied.to_string()),
            ("units received", self.units_received.to_string()),
            ("already applied", self.already_applied.to_string()),
            ("over-received lines", self.over_received.to_string()),
            ("rejected", self.rejected.to_string()),
            ("unreadable files", self.failed_files.to_string()),
        ];
        if self.still_rejected > 0 {
            s.push(("still rejected", self.still_rejected.to_string()));
        }
        if let Some(b) = self.backorders.as_ref().filter(|b| !b.allocated.is_empty()) {
            s.push(("backorders allocated", b.allocated.len().to_string()));
        }
        if self.not_moved > 0 {
            s.push(("files not moved", self.not_moved.to_string()));
        }
        if self.failed_channels > 0 {
            s.push(("failed channels", self.failed_channels.to_string()));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written or moved".to_string()));
        }
        s
    }

    fn items(&self) -> &[ReceiptItem] {
        &self.items
    }

    fn is_notable(&self, item: &ReceiptItem) -> bool {
        !matches!(
            item.outcome,
            ReceiptOutcome::Applied | ReceiptOutcome::AlreadyApplied
        )
    }

    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for ReceiptsSyncReport {
    fn counts(&self) -> serde_json::Value {
        json!({
            "files": self.files,
            "applied": self.applied,
            "units_received": self.units_received,
            "already_applied": self.already_applied,
            "over_received": self.over_received,
            "rejected": self.rejected,
            "still_rejected": self.still_rejected,
            "failed_files": self.failed_files,
            "not_moved": self.not_moved,
        })
    }

    fn outcome(&self) -> Outcome {
        if self.failed_channels > 0 || self.not_moved > 0 {
            Outcome::Failed
        } else if self.rejected > 0 || self.failed_files > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

pub fn run(
    store: &mut Store,
    config: &Config,
    o: &SyncOptions,
) -> anyhow::Result<ReceiptsSyncReport> {
    let channels: Vec<&String> = match o.channel {
        Some(code) => {
            let (code, ch) = config
                .fulfillment_channels
                .get_key_value(code)
                .ok_or_else(|| usage(config.unknown_fulfillment_channel(code)))?;
            if !ch.enabled {
                return Err(usage(format!(
                    "fulfillment channel `{code}` is disabled (enabled = false)"
                )));
            }
            vec![code]
        }
        None => config
            .fulfillment_channels
            .iter()
            .filter(|(_, c)| c.enabled)
            .map(|(code, _)| code)
            .collect(),
    };
    let mut report = ReceiptsSyncReport {
        dry_run: o.dry_run,
        ..Default::default()
    };
    for code in channels {
        let part = flow::journaled(store, FLOW, Some(code), o.dry_run, |store, run_id| {
            let cause = flow::cause_of(FLOW, run_id, o.cause);
            let applier = apply::Applier::new(config, code, run_id, cause);
            sync_channel(store, config, &applier, o)
        });
        match part {
            Ok(part) => report.merge(part),
            Err(e) => report.push(ReceiptItem {
                channel: code.clone(),
                outcome: ReceiptOutcome::ChannelFailed,
                reasons: vec![format!("{e:#}")],
                ..Default::default()
            }),
        }
    }
    if o.dry_run {
        // A preview raised no stock: nothing may be allocated on the strength of it.
        report.stock_raised.clear();
    }
    Ok(report)
}

fn sync_channel(
    store: &mut Store,
    config: &Config,
    applier: &apply::Applier,
    o: &SyncOptions,
) -> anyhow::Result<ReceiptsSyncReport> {
    let dry_run = o.dry_run;
    let mut connector = connectors::fulfillment(config, applier.channel)?;
    connector.expect_receipts(owned_pos(store, config, applier.channel)?);
    let mut report = ReceiptsSyncReport {
        dry_run,
        ..Default::default()
    };
    if dry_run {
        // One transaction for the whole preview, so later files see earlier ones'
        // effects exactly as a real run would; it is rolled back when dropped.
        let tx = store.tx()?;
        retry_rejected(&tx, applier, &mut report, o.progress)?;
        let mut ignored = Sources::default();
        stream(
            connector.as_mut(),
            applier,
            &mut report,
            &mut ignored,
            |records, report| apply_all(&tx, applier, records, report, o.progress),
        )?;
    } else {
        let tx = store.tx()?;
        retry_rejected(&tx, applier, &mut report, o.progress)?;
        tx.commit()?;
        let mut sources = Sources::default();
        let read = stream(
            connector.as_mut(),
            applier,
            &mut report,
            &mut sources,
            |records, report| {
                let tx = store.tx()?;
                apply_all(&tx, applier, records, report, o.progress)?;
                tx.commit()?;
                crashpoint::hit(CRASH_FLOW, Point::BetweenPages);
                Ok(())
            },
        );
        if !sources.done.is_empty() {
            crashpoint::hit(CRASH_FLOW, Point::AfterCommit);
        }
        // Committed sources are acknowledged even when a later one failed: they are
        // applied, and ShipBob's acknowledgement is what keeps them from coming again.
        for source in &sources.done {
            match connector.ack(source) {
                Ok(moved) => {
                    crate::store::rejections::follow_move(&store.conn, source, moved.as_deref())?
                }
                Err(e) => report.push(not_moved(applier.channel, source, &e)),
            }
        }
        for (po, id) in connector.settled() {
            channel_refs::set(
                &store.conn,
                applier.channel,
                channel_refs::WRO_SETTLED,
                &po,
                &id,
            )?;
        }
        read?;
        for (source, reason) in &sources.failed {
            if let Err(e) = connector.set_aside(source, reason) {
                report.push(not_moved(applier.channel, source, &e));
            }
        }
    }
    Ok(report)
}

/// The item for a source whose receipts are committed but that could not be moved.
fn not_moved(channel: &str, source: &str, why: &anyhow::Error) -> ReceiptItem {
    ReceiptItem {
        channel: channel.to_string(),
        source: source.to_string(),
        outcome: ReceiptOutcome::NotMoved,
        reasons: vec![format!(
            "{why:#}; its receipts are applied and counted, and the file stays in the inbox: \
             the next sync finds them already applied"
        )],
        ..Default::default()
    }
}

/// The POs exported to `channel`'s warehouses whose channel records are not settled.
fn owned_pos(store: &Store, config: &Config, channel: &str) -> anyhow::Result<Vec<OwnedPo>> {
    let settled = channel_refs::all(&store.conn, channel, channel_refs::WRO_SETTLED)?;
    let served: Vec<&str> = config
        .warehouses
        .iter()
        .filter(|(_, w)| w.fulfillment_channel.get_ref() == channel)
        .map(|(code, _)| code.as_str())
        .collect();
    Ok(
        crate::store::purchases::awaiting_receipt(&store.conn, &served)?
            .into_iter()
            .filter(|h| !settled.contains_key(&h.number))
            .map(|h| OwnedPo {
                number: h.number,
                external_id: h.external_id,
            })
            .collect(),
    )
}

/// Sources read: those applied (to acknowledge), and the unreadable ones with why.
#[derive(Default)]
struct Sources {
    done: Vec<String>,
    failed: Vec<(String, String)>,
}

/// Reads the channel's receipts, handing each complete source to `apply_source`, and
/// notes in `sources` each one applied and each one unreadable, also when the read
/// stops half-way.
fn stream(
    connector: &mut dyn FulfillmentChannel,
    applier: &apply::Applier,
    report: &mut ReceiptsSyncReport,
    sources: &mut Sources,
    mut apply_source: impl FnMut(&[ReceiptIn], &mut ReceiptsSyncReport) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut pending: Vec<ReceiptIn> = Vec::new();
    connector.receipts(&mut |event| {
        match event {
            Fetched::Record(r) => pending.push(r),
            Fetched::SourceDone { source } => {
                report.files += 1;
                apply_source(&pending, report)?;
                pending.clear();
                sources.done.push(source);
            }
            Fetched::Lines { .. } => {}
            Fetched::SourceFailed { source, reason } => {
                report.files += 1;
                sources.failed.push((source.clone(), reason.clone()));
                report.push(ReceiptItem {
                    channel: applier.channel.to_string(),
                    source,
                    outcome: ReceiptOutcome::FileFailed,
                    reasons: vec![reason],
                    ..Default::default()
                });
            }
        }
        Ok(())
    })
}

/// Applies one source's receipts and, when they raised stock, retries the backorders in
/// the same transaction, so the stock and the orders it lets ship commit (or roll back)
/// together.
/// Receipts rejected on earlier runs are applied first if they now can be (the SKU was
/// added to the catalog or the PO, the sku_map was fixed). The warehouse will not report
/// them again, so without this a fixed mistake would leave the stock unreceived.
fn retry_rejected(
    conn: &Connection,
    applier: &apply::Applier,
    report: &mut ReceiptsSyncReport,
    progress: &Progress,
) -> anyhow::Result<()> {
    let stored: Vec<ReceiptIn> =
        crate::store::rejections::open_payloads(conn, FLOW, applier.channel)?
            .into_iter()
            .filter_map(|(_, payload): (String, String)| serde_json::from_str(&payload).ok())
            .collect();
    if stored.is_empty() {
        return Ok(());
    }
    applier.retrying.set(true);
    let result = apply_all(conn, applier, &stored, report, progress);
    applier.retrying.set(false);
    result
}

fn apply_all(
    conn: &Connection,
    applier: &apply::Applier,
    records: &[ReceiptIn],
    report: &mut ReceiptsSyncReport,
    progress: &Progress,
) -> anyhow::Result<()> {
    // Set aside what earlier sources raised, to see whether this one raised anything.
    let earlier = std::mem::take(&mut report.stock_raised);
    for r in records {
        applier.apply(conn, r, report)?;
        progress.inc(1);
    }
    let retry = applier.retry_backorders(conn, &report.stock_raised)?;
    report.stock_raised.extend(earlier);
    if let Some(retry) = retry {
        report.backorders.get_or_insert_default().absorb(retry);
    }
    Ok(())
}
