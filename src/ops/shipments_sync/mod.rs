//! `oms shipments sync` (SPEC §4.1.3): shipment confirmations from every fulfillment
//! channel update shipments, stock and order status. A confirmation that ships more than
//! was sent, or names a SKU the shipment does not carry, is rejected and recorded, never
//! applied.

use std::collections::HashMap;

use rusqlite::Connection;

use super::backorders;
mod by_hand;
mod decide;
mod parts;
mod report;

pub(crate) use by_hand::{apply_by_hand, check_by_hand};
use decide::{Decision, decide};
use parts::{record_lots, record_part};
pub use report::{Item, SyncReport};

use super::flow;
use crate::config::Config;
use crate::connectors::{self, Fetched};
use crate::crashpoint::{self, Point};
use crate::model::order::normalize_timestamp;
use crate::model::shipment::ShipmentConfirmation;
use crate::model::{ShipmentStatus, StockReason, sku_key};
use crate::output::Progress;
use crate::store::shipments::{self, ShipmentLineRow, ShipmentRow};
use crate::store::stock::{self, Movement, Reference, counted};
use crate::store::{Store, rejections};
use crate::store::{history, orders, shipment_parts};

pub const FLOW: &str = "shipments sync";

pub struct Options<'a> {
    pub channel: Option<&'a str>,
    pub dry_run: bool,
    /// Who asked, for the story of orders changed outside a run (dry runs).
    pub cause: &'a str,
    /// Advanced by confirmations applied.
    pub progress: &'a Progress,
}

/// Syncs every enabled fulfillment channel (or one), each as its own journaled run.
/// A channel that fails is reported and does not stop the others.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<SyncReport> {
    let mut total = SyncReport {
        dry_run: opts.dry_run,
        ..Default::default()
    };
    let channels = flow::chosen(&config.fulfillment_channels, opts.channel);
    flow::per_channel(
        store,
        FLOW,
        channels,
        opts.dry_run,
        &mut total,
        |store, code, run_id| {
            let cause = flow::cause_of(FLOW, run_id, opts.cause);
            sync_channel(config, store, code, &cause, run_id, opts)
        },
    );
    Ok(total)
}

fn sync_channel(
    config: &Config,
    store: &mut Store,
    code: &str,
    cause: &str,
    run_id: Option<i64>,
    opts: &Options,
) -> anyhow::Result<SyncReport> {
    let dry_run = opts.dry_run;
    let mut connector = connectors::fulfillment(config, code)?;
    let sku_map = channel_sku_map(config, code);
    let mut report = SyncReport {
        dry_run,
        ..Default::default()
    };
    let run = Run {
        config,
        channel: code,
        sku_map: &sku_map,
        cause,
        run_id,
    };
    retry_rejected(store, &run, &mut report)?;
    let mut pending: Vec<ShipmentConfirmation> = Vec::new();
    let mut done_sources: Vec<String> = Vec::new();
    let mut failed_sources: Vec<(String, String)> = Vec::new();
    let read = connector.shipment_updates(&mut |event| {
        match event {
            Fetched::Record(c) => pending.push(c),
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
                // One transaction per file: the file moves to done/ only once all of it is committed.
                let tx = store.tx()?;
                let released = report.released.len();
                for c in pending.drain(..) {
                    let item = apply(&tx, &run, &c, &mut report, false)?;
                    report.items.push(item);
                    opts.progress.inc(1);
                }
                // In the file's transaction, so the release and the orders it lets ship
                // commit together.
                let raised = &report.released[released..];
                if let Some(retry) = backorders::retry_raised(config, &tx, run_id, cause, raised)? {
                    report.backorders.get_or_insert_default().absorb(retry);
                }
                if dry_run {
                    tx.rollback()?;
                } else {
                    tx.commit()?;
                    done_sources.push(source);
                    crashpoint::hit("shipments-sync", Point::BetweenPages);
                }
            }
        }
        Ok(())
    });
    // Only committed sources are listed, and only after the whole read, so pages are
    // not shifted under a paged read by acknowledging between them (ShipBob's list of
    // unacknowledged tracking shrinks with every acknowledgement). What was committed is
    // acknowledged even when a later page failed: it is applied and need not come again.
    if !done_sources.is_empty() {
        crashpoint::hit("shipments-sync", Point::AfterCommit);
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
    if !dry_run {
        for (source, reason) in failed_sources {
            if let Err(e) = connector.set_aside(&source, &reason) {
                report.not_moved(code, source, &e);
            }
        }
    }
    Ok(report)
}

/// Confirmations rejected on earlier runs are tried again first: the SKU may be in the
/// catalog or the sku_map by now. The warehouse will not send them again (an API
/// connector has acknowledged them, a file has moved to done/), so without this a fixed
/// mistake would leave the shipment waiting forever.
fn retry_rejected(store: &mut Store, run: &Run, report: &mut SyncReport) -> anyhow::Result<()> {
    let code = run.channel;
    let open = rejections::open_payloads(&store.conn, FLOW, code)?;
    if open.is_empty() {
        return Ok(());
    }
    let tx = store.tx()?;
    for (key, payload) in open {
        match serde_json::from_str::<ShipmentConfirmation>(&payload) {
            Ok(c) => {
                let item = apply(&tx, run, &c, report, true)?;
                report.items.push(item);
            }
            Err(e) => {
                report.still_rejected += 1;
                report.items.push(Item {
                    channel: code.to_string(),
                    reference: key,
                    outcome: "still rejected".into(),
                    message: Some(format!("the stored confirmation cannot be read back: {e}")),
                    ..Default::default()
                });
            }
        }
    }
    if report.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(())
}

/// The fulfillment channel's SKU map, keyed by channel SKU key.
fn channel_sku_map(config: &Config, code: &str) -> HashMap<String, String> {
    config
        .fulfillment_channels
        .get(code)
        .map(|c| {
            c.sku_map
                .iter()
                .map(|(k, v)| (sku_key(k), v.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// What every confirmation of one channel's run is applied with.
struct Run<'a> {
    config: &'a Config,
    channel: &'a str,
    sku_map: &'a HashMap<String, String>,
    cause: &'a str,
    run_id: Option<i64>,
}

fn apply(
    conn: &Connection,
    run: &Run,
    c: &ShipmentConfirmation,
    report: &mut SyncReport,
    retrying: bool,
) -> anyhow::Result<Item> {
    let Run {
        channel,
        sku_map,
        cause,
        run_id,
        ..
    } = *run;
    let mut item = Item {
        channel: channel.to_string(),
        reference: c.reference.clone(),
        source: c.source.clone(),
        tracking: c.tracking_numbers.join(" "),
        ..Default::default()
    };
    let decided = decide(conn, channel, sku_map, c)?;
    let (shipment, plan) = match decided {
        Decision::Reject(reasons) if retrying => {
            // Already recorded with its reasons; counting it again would make every run
            // exit 3 over the same old record.
            report.still_rejected += 1;
            item.outcome = "still rejected".into();
            item.message = Some(reasons.join("; "));
            return Ok(item);
        }
        Decision::Reject(reasons) => {
            report.rejected += 1;
            let key = if c.reference.is_empty() {
                c.source.as_str()
            } else {
                c.reference.as_str()
            };
            let payload = serde_json::to_string(c).ok();
            rejections::record(
                conn,
                &rejections::NewRejection {
                    flow: FLOW,
                    channel,
                    external_id: key,
                    source: Some(&c.source),
                    reasons: &reasons,
                    payload: payload.as_deref(),
                    run_id,
                },
            )?;
            item.outcome = "rejected".into();
            item.message = Some(reasons.join("; "));
            return Ok(item);
        }
        Decision::Unchanged(shipment, why) => {
            if retrying {
                rejections::resolve(conn, FLOW, channel, &c.reference)?;
            }
            report.unchanged += 1;
            item.order_id = Some(shipment.order_id);
            item.outcome = "unchanged".into();
            item.message = Some(why);
            return Ok(item);
        }
        Decision::Apply(shipment, plan) => (shipment, plan),
    };
    item.order_id = Some(shipment.order_id);
    let current: ShipmentStatus = shipment.status.parse().map_err(anyhow::Error::msg)?;
    let reference = Reference {
        kind: Some("shipment"),
        id: Some(&shipment.reference),
        run_id,
        note: None,
    };
    let lines = shipments::lines(conn, shipment.id)?;
    let sales_channel = orders::channel_of(conn, shipment.order_id)?;
    let partial_allowed = run.config.allow_partial_fulfillment(&sales_channel);
    let mut rest_open = false;
    let mut note = None;
    let next = match plan {
        None => {
            // Cancelling a shipment shipped short closes its rest; any other, all of it.
            for l in &lines {
                release(
                    conn,
                    &shipment,
                    l,
                    0,
                    l.unshipped(),
                    StockReason::Release,
                    reference,
                )?;
            }
            report.cancelled += 1;
            if current == ShipmentStatus::ShortShipped {
                note = Some(
                    "the rest closed: the warehouse cancelled what it had not shipped".to_string(),
                );
                ShipmentStatus::ShortShipped
            } else {
                ShipmentStatus::Cancelled
            }
        }
        Some(shipped) => {
            let left_at = c.shipped_at.as_deref().and_then(normalize_timestamp);
            let complete = lines
                .iter()
                .zip(&shipped)
                .all(|(l, s)| l.quantity_shipped + s == l.quantity);
            // Short and not allowed to close: the missing units stay allocated for a later
            // parcel or `shipments close` (docs/processing.md).
            rest_open = !complete && !partial_allowed;
            for (l, s) in lines.iter().zip(&shipped) {
                // A snapshot taken after the units left no longer counts them: only the
                // allocation goes (docs/stock.md).
                let counted_at = counted::at(conn, &shipment.warehouse, l.variant_id)?;
                let off_hand =
                    if counted::already_counted(counted_at.as_deref(), left_at.as_deref()) {
                        0
                    } else {
                        *s
                    };
                let unallocate = if rest_open { *s } else { l.unshipped() };
                release(
                    conn,
                    &shipment,
                    l,
                    off_hand,
                    unallocate,
                    StockReason::Shipped,
                    reference,
                )?;
                shipments::set_line_shipped(conn, l, l.quantity_shipped + s)?;
                item.units_shipped += s;
            }
            let part = record_part(conn, &shipment, &lines, &shipped, c)?;
            record_lots(conn, &shipment, &lines, part, sku_map, &c.lots)?;
            if part > 1 {
                note = Some(format!(
                    "part {part}: {} more {} shipped",
                    item.units_shipped,
                    if item.units_shipped == 1 {
                        "unit"
                    } else {
                        "units"
                    }
                ));
            }
            if complete {
                report.shipped += 1;
                ShipmentStatus::Shipped
            } else {
                report.short_shipped += 1;
                ShipmentStatus::ShortShipped
            }
        }
    };
    shipment_parts::set_rest_open(conn, shipment.id, rest_open)?;
    if rest_open {
        let waiting: i64 = lines.iter().map(|l| l.unshipped()).sum::<i64>() - item.units_shipped;
        let (stay, them) = if waiting == 1 {
            ("stays", "it")
        } else {
            ("stay", "them")
        };
        item.message = Some(format!(
            "{} {stay} allocated for a later parcel; `oms shipments close {}` releases {them}",
            crate::model::words::count(waiting, "unit"),
            shipment.reference
        ));
    } else {
        // What a closed shipment did not ship is free again.
        report.released.extend(
            lines
                .iter()
                .map(|l| (shipment.warehouse.clone(), l.variant_id)),
        );
    }
    if next == current {
        // Another part of a short shipment: no status change, but the story tells it.
        history::record(
            conn,
            "shipment",
            shipment.id,
            Some(current.as_str()),
            next.as_str(),
            cause,
            note.as_deref(),
        )?;
    }
    // A kit counts as shipped only whole: say which components keep one from counting.
    let partial: Vec<String> = crate::store::bundles::partial_kits(conn, shipment.order_id)?
        .iter()
        .map(ToString::to_string)
        .collect();
    if !partial.is_empty() {
        let kits = partial.join("; ");
        item.message = Some(match item.message.take() {
            Some(m) => format!("{m}; {kits}"),
            None => kits,
        });
    }
    shipments::set_status(conn, shipment.id, current, next, cause, note.as_deref())?;
    crate::store::orders::mark_export_pending(conn, shipment.order_id)?;
    rejections::resolve(conn, FLOW, channel, &c.reference)?;
    super::order_status::refresh(conn, shipment.order_id, cause)?;
    item.outcome = next.as_str().to_string();
    Ok(item)
}

/// Ships `shipped` units of a shipment line (on hand down) and releases `unallocate` of its
/// allocation: all that is left of it when the shipment closes (SPEC §2), only the shipped
/// units while a short shipment waits for the rest.
fn release(
    conn: &Connection,
    shipment: &ShipmentRow,
    line: &ShipmentLineRow,
    shipped: i64,
    unallocate: i64,
    reason: StockReason,
    reference: Reference,
) -> rusqlite::Result<()> {
    if shipped == 0 && unallocate == 0 {
        return Ok(());
    }
    stock::apply(
        conn,
        &Movement {
            warehouse: &shipment.warehouse,
            variant_id: line.variant_id,
            on_hand: -shipped,
            allocated: -unallocate,
            incoming: 0,
            reason,
            reference,
        },
    )?;
    Ok(())
}
