//! `oms stock sync` (SPEC §4.2.1): each fulfillment channel reports on hand per warehouse
//! and SKU; oms sets its on hand to the reported number, recording the difference in the
//! ledger. A row naming an unknown location or SKU is rejected and recorded, never
//! guessed at; SKUs a snapshot does not mention are left as they are and listed. Stock a
//! file raises goes to the backordered orders in that file's transaction (SPEC §4.2.4).

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

mod rows;

use rows::{Row, Rows, Rules, resolve};

use super::backorders::{self, RetryReport};
use super::flow::{self, Journaled};
use crate::config::Config;
use crate::connectors::{self, Fetched};
use crate::crashpoint::{self, Point};
use crate::error::Exit;
use crate::model::StockReason;
use crate::model::shipment::StockCount;
use crate::output::{Progress, Report};
use crate::store::runs::Outcome;
use crate::store::stock::{self, Reference, counted, snapshot};
use crate::store::{Store, catalog, rejections};

pub const FLOW: &str = "stock sync";

pub struct Options<'a> {
    pub channel: Option<&'a str>,
    pub dry_run: bool,
    /// Who asked, for the story of orders changed outside a run (dry runs).
    pub cause: &'a str,
    /// Advanced by lines read.
    pub progress: &'a Progress,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    pub warehouse: String,
    pub sku: String,
    pub before: Option<i64>,
    pub after: Option<i64>,
    pub delta: Option<i64>,
    /// `changed`, `unchanged`, `rejected`, `not reported` or `unreadable`.
    pub outcome: String,
    pub source: String,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct SyncReport {
    pub dry_run: bool,
    pub changed: usize,
    pub unchanged: usize,
    pub rejected: usize,
    pub not_reported: usize,
    pub failed_files: usize,
    /// Files applied and committed (and counted above) that could not be moved out of
    /// the inbox or acknowledged: each is an item naming the path and why.
    pub not_moved: usize,
    pub failed_channels: Vec<String>,
    pub items: Vec<Item>,
    /// (warehouse, variant) pairs whose available stock rose, where backordered orders
    /// may now fit. Empty after a dry run.
    #[serde(skip)]
    pub raised: Vec<(String, i64)>,
    /// Backordered orders retried because on hand rose (SPEC §4.2.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backorders: Option<RetryReport>,
}

impl Report for SyncReport {
    type Item = Item;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("changed", self.changed.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("rejected", self.rejected.to_string()),
        ];
        if self.not_reported > 0 {
            s.push((
                "not reported",
                format!("{} (left as they were; -v lists them)", self.not_reported),
            ));
        }
        if self.failed_files > 0 {
            s.push(("unreadable files", self.failed_files.to_string()));
        }
        if self.not_moved > 0 {
            s.push(("files not moved", self.not_moved.to_string()));
        }
        if let Some(b) = self.backorders.as_ref().filter(|b| !b.allocated.is_empty()) {
            s.push(("backorders allocated", b.allocated.len().to_string()));
        }
        if !self.failed_channels.is_empty() {
            s.push(("failed channels", self.failed_channels.join(", ")));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }
    fn items(&self) -> &[Item] {
        &self.items
    }
    fn is_notable(&self, item: &Item) -> bool {
        matches!(
            item.outcome.as_str(),
            "rejected" | "unreadable" | "not_moved"
        )
    }
    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for SyncReport {
    fn counts(&self) -> serde_json::Value {
        serde_json::json!({
            "changed": self.changed, "unchanged": self.unchanged, "rejected": self.rejected,
            "not_reported": self.not_reported, "failed_files": self.failed_files, "not_moved": self.not_moved,
        })
    }
    fn outcome(&self) -> Outcome {
        if !self.failed_channels.is_empty() || self.not_moved > 0 {
            Outcome::Failed
        } else if self.rejected > 0 || self.failed_files > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

impl SyncReport {
    fn not_moved(&mut self, channel: &str, source: String, why: &anyhow::Error) {
        self.not_moved += 1;
        self.items.push(Item {
            channel: channel.to_string(),
            outcome: "not_moved".into(),
            source,
            message: Some(format!(
                "{why:#}; what it holds is applied and counted, and the file stays in the \
                 inbox: the next sync finds it applied"
            )),
            ..Default::default()
        });
    }
}

impl flow::PerChannel for SyncReport {
    fn absorb(&mut self, other: SyncReport) {
        self.changed += other.changed;
        self.unchanged += other.unchanged;
        self.rejected += other.rejected;
        self.not_moved += other.not_moved;
        self.not_reported += other.not_reported;
        self.failed_files += other.failed_files;
        self.items.extend(other.items);
        self.raised.extend(other.raised);
        if let Some(retry) = other.backorders {
            self.backorders.get_or_insert_default().absorb(retry);
        }
    }

    fn failed_channels(&mut self) -> &mut Vec<String> {
        &mut self.failed_channels
    }
}

/// Syncs every enabled fulfillment channel (or the one named), each as its own
/// journaled run. A channel that fails is reported and does not stop the others.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<SyncReport> {
    let mut total = SyncReport {
        dry_run: opts.dry_run,
        ..Default::default()
    };
    // Loaded once for every channel and file: a 100,000-line snapshot must not look
    // its SKUs up one by one.
    let variants = catalog::variant_ids(&store.conn)?;
    let channels = flow::chosen(&config.fulfillment_channels, opts.channel);
    flow::per_channel(
        store,
        FLOW,
        channels,
        opts.dry_run,
        &mut total,
        |store, code, run_id| {
            let cause = flow::cause_of(FLOW, run_id, opts.cause);
            sync_channel(config, store, code, &variants, run_id, &cause, opts)
        },
    );
    total.raised.sort();
    total.raised.dedup();
    Ok(total)
}

fn sync_channel(
    config: &Config,
    store: &mut Store,
    code: &str,
    variants: &HashMap<String, i64>,
    run_id: Option<i64>,
    cause: &str,
    opts: &Options,
) -> anyhow::Result<SyncReport> {
    let dry_run = opts.dry_run;
    let mut connector = connectors::fulfillment(config, code)?;
    let bundles = crate::store::bundles::list(&store.conn, None)?
        .into_iter()
        .map(|b| crate::model::sku_key(&b.sku))
        .collect();
    let rules = Rules::new(config, code, variants).with_bundles(bundles);
    // Only the keys of open rejections: resolving row by row would cost one UPDATE per line.
    let mut open: HashSet<String> = rejections::open_payloads(&store.conn, FLOW, code)?
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    let mut report = SyncReport {
        dry_run,
        ..Default::default()
    };
    let mut pending: Vec<StockCount> = Vec::new();
    let mut done_sources: Vec<String> = Vec::new();
    let mut failed_sources: Vec<(String, String)> = Vec::new();
    // The channels report no time with a snapshot; it is as of the read.
    let taken_at = crate::model::now();
    let read = connector.stock_counts(&mut |event| {
        match event {
            Fetched::Record(c) => {
                pending.push(c);
                opts.progress.inc(1);
            }
            Fetched::Lines { .. } => {}
            Fetched::SourceFailed { source, reason } => {
                report.failed_files += 1;
                failed_sources.push((source.clone(), reason.clone()));
                report.items.push(Item {
                    channel: code.to_string(),
                    outcome: "unreadable".into(),
                    source,
                    message: Some(reason),
                    ..Default::default()
                });
            }
            Fetched::SourceDone { source } => {
                let rows = resolve(&rules, &source, std::mem::take(&mut pending));
                // One transaction per file: it moves to done/ only once all of it is committed.
                let tx = store.tx()?;
                let raised = report.raised.len();
                let mut file = FileRun {
                    conn: &tx,
                    code,
                    run_id,
                    taken_at: &taken_at,
                    open: &mut open,
                    report: &mut report,
                };
                file.apply(&rows)?;
                // In the file's transaction, so the new on hand and the orders it lets
                // ship commit together, and a dry run previews both.
                if report.raised.len() > raised {
                    let variants: Vec<i64> = report.raised[raised..].iter().map(|r| r.1).collect();
                    let retry = backorders::retry_skus(config, &tx, run_id, cause, &variants)?;
                    report.backorders.get_or_insert_default().absorb(retry);
                }
                if dry_run {
                    tx.rollback()?;
                } else {
                    tx.commit()?;
                    done_sources.push(source);
                    crashpoint::hit("stock-sync", Point::BetweenPages);
                }
            }
        }
        Ok(())
    });
    // Committed sources are acknowledged even when a later one failed: they are applied.
    if !done_sources.is_empty() {
        crashpoint::hit("stock-sync", Point::AfterCommit);
    }
    // A source that cannot be moved does not undo what was committed from it: the
    // report keeps its counts and names it, and the next run finds it applied.
    for source in done_sources {
        match connector.ack(&source) {
            Ok(moved) => rejections::follow_move(&store.conn, &source, moved.as_deref())?,
            Err(e) => report.not_moved(code, source, &e),
        }
    }
    read?;
    if dry_run {
        report.raised.clear();
    } else {
        for (source, reason) in failed_sources {
            if let Err(e) = connector.set_aside(&source, &reason) {
                report.not_moved(code, source, &e);
            }
        }
    }
    Ok(report)
}

/// Applies one file's rows inside its transaction.
struct FileRun<'a> {
    conn: &'a Connection,
    code: &'a str,
    run_id: Option<i64>,
    /// When the snapshot was read: what it counts is recorded as counted then.
    taken_at: &'a str,
    open: &'a mut HashSet<String>,
    report: &'a mut SyncReport,
}

impl FileRun<'_> {
    fn apply(&mut self, rows: &Rows) -> anyhow::Result<()> {
        let mut held = HashMap::new();
        for warehouse in &rows.warehouses {
            held.insert(warehouse.clone(), snapshot::held_in(self.conn, warehouse)?);
        }
        for row in &rows.rows {
            let item = match row {
                Row::Rejected {
                    count,
                    warehouse,
                    reasons,
                } => self.reject(count, warehouse.as_deref(), reasons)?,
                Row::Repeat {
                    count,
                    warehouse,
                    sku,
                    first,
                } => Item {
                    warehouse: warehouse.clone(),
                    sku: sku.clone(),
                    after: Some(count.on_hand),
                    outcome: "unchanged".into(),
                    message: Some(format!("repeats {first}")),
                    ..self.item(count)
                },
                Row::Valid {
                    count,
                    warehouse,
                    sku,
                    variant_id,
                } => {
                    let current = held.get(warehouse).and_then(|h| h.get(variant_id));
                    let sku = current.map_or(sku.as_str(), |h| h.sku.as_str());
                    let before = current.map_or(0, |h| h.on_hand);
                    self.set(count, warehouse, sku, *variant_id, before)?
                }
            };
            match item.outcome.as_str() {
                "changed" => self.report.changed += 1,
                "unchanged" => self.report.unchanged += 1,
                _ => self.report.rejected += 1,
            }
            self.report.items.push(item);
        }
        for warehouse in &rows.warehouses {
            let Some(levels) = held.get(warehouse) else {
                continue;
            };
            let reported = rows.reported.get(warehouse);
            let mut missing: Vec<Item> = levels
                .iter()
                .filter(|(id, h)| h.on_hand != 0 && !reported.is_some_and(|r| r.contains(id)))
                .map(|(_, h)| Item {
                    channel: self.code.to_string(),
                    warehouse: warehouse.clone(),
                    sku: h.sku.clone(),
                    before: Some(h.on_hand),
                    after: Some(h.on_hand),
                    delta: Some(0),
                    outcome: "not reported".into(),
                    source: rows.source.clone(),
                    message: Some(format!(
                        "not in the snapshot; on hand left at {}",
                        h.on_hand
                    )),
                })
                .collect();
            missing.sort_by(|a, b| a.sku.cmp(&b.sku));
            self.report.not_reported += missing.len();
            self.report.items.extend(missing);
        }
        Ok(())
    }

    fn item(&self, count: &StockCount) -> Item {
        Item {
            channel: self.code.to_string(),
            sku: count.sku.clone(),
            source: count.source.clone(),
            ..Item::default()
        }
    }

    fn set(
        &mut self,
        count: &StockCount,
        warehouse: &str,
        sku: &str,
        variant_id: i64,
        before: i64,
    ) -> anyhow::Result<Item> {
        let mut item = Item {
            warehouse: warehouse.to_string(),
            sku: sku.to_string(),
            before: Some(before),
            after: Some(count.on_hand),
            delta: Some(count.on_hand - before),
            outcome: "unchanged".into(),
            ..self.item(count)
        };
        if count.on_hand != before {
            let reference = Reference {
                kind: Some("stock sync"),
                id: Some(&count.source),
                run_id: self.run_id,
                note: None,
            };
            let (_, delta) = stock::set_on_hand(
                self.conn,
                warehouse,
                variant_id,
                count.on_hand,
                StockReason::StockSync,
                reference,
            )?;
            item.delta = Some(delta);
            item.outcome = "changed".into();
            if delta > 0 {
                self.report.raised.push((warehouse.to_string(), variant_id));
            }
        }
        // Also when unchanged: the number is now known to include what arrived before.
        counted::mark(self.conn, warehouse, variant_id, self.taken_at)?;
        let key = rejection_key(count);
        if self.open.remove(&key) {
            rejections::resolve(self.conn, FLOW, self.code, &key)?;
        }
        Ok(item)
    }

    fn reject(
        &mut self,
        count: &StockCount,
        warehouse: Option<&str>,
        reasons: &[String],
    ) -> anyhow::Result<Item> {
        let key = rejection_key(count);
        let payload = serde_json::to_string(count).ok();
        rejections::record(
            self.conn,
            &rejections::NewRejection {
                flow: FLOW,
                channel: self.code,
                external_id: &key,
                source: Some(&count.source),
                reasons,
                payload: payload.as_deref(),
                run_id: self.run_id,
            },
        )?;
        self.open.insert(key);
        Ok(Item {
            warehouse: warehouse.unwrap_or_default().to_string(),
            outcome: "rejected".into(),
            message: Some(reasons.join("; ")),
            ..self.item(count)
        })
    }
}

/// One open rejection per reported (location, SKU), so the same bad line in tomorrow's
/// snapshot updates it instead of adding another; lines too broken to name either are
/// keyed by where they were read.
fn rejection_key(count: &StockCount) -> String {
    if count.location.is_empty() || count.sku.is_empty() {
        count.source.clone()
    } else {
        format!("{}/{}", count.location, count.sku)
    }
}
