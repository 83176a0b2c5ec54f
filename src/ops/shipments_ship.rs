//! `oms shipments ship REF` and `oms orders ship N`: a person marks shipments shipped by
//! hand (the merchant packed them, or the warehouse confirmed by phone). Each becomes a
//! shipment confirmation applied exactly as one from the warehouse would be
//! (ops/shipments_sync), so stock, order status and the export to the shop cannot differ.
//! Everything named is checked first; one problem refuses all of it and writes nothing.

use rusqlite::Connection;

use super::backorders;
use super::shipments_sync::{self, SyncReport};
use crate::config::Config;
use crate::error::usage;
use crate::model::ShipmentStatus;
use crate::model::clock::now_utc;
use crate::model::shipment::{ConfirmedLine, ConfirmedStatus, ShipmentConfirmation};
use crate::model::sku_key;
use crate::store::shipments::{self, ShipmentRow};
use crate::store::{orders, outbound};

/// What the person typed about the parcel(s).
#[derive(Debug, Clone, Default)]
pub struct ByHand {
    pub tracking_numbers: Vec<String>,
    pub carrier: Option<String>,
    pub tracking_url: Option<String>,
    /// (SKU, units) shipped; empty: every unit of every shipment named.
    pub lines: Vec<(String, i64)>,
}

/// Ships the named shipments (references or numbers) in the caller's transaction.
pub fn ship_shipments(
    config: &Config,
    conn: &Connection,
    references: &[String],
    by_hand: &ByHand,
    cause: &str,
) -> anyhow::Result<SyncReport> {
    let mut found: Vec<ShipmentRow> = Vec::new();
    let mut problems = Vec::new();
    for r in references {
        match shipments::find(conn, r)? {
            None => problems.push(format!("no shipment `{}`", r.trim())),
            Some(row) => match shippable(conn, &row)? {
                Err(why) => problems.push(why),
                Ok(()) if found.iter().any(|f| f.id == row.id) => {}
                Ok(()) => found.push(row),
            },
        }
    }
    refuse_if(problems)?;
    ship(config, conn, &found, by_hand, cause)
}

/// Ships what order `id` has at its warehouses: every open shipment, or the units of
/// `by_hand.lines` spread over them in shipment order.
pub fn ship_order(
    config: &Config,
    conn: &Connection,
    id: i64,
    by_hand: &ByHand,
    cause: &str,
) -> anyhow::Result<SyncReport> {
    let Some(status) = orders::status_of(conn, id)? else {
        return Err(usage(format!("there is no order {id}")));
    };
    let mut open = Vec::new();
    for row in shipments::of_order(conn, id)? {
        if shippable(conn, &row)?.is_ok() {
            open.push(row);
        }
    }
    if open.is_empty() {
        return Err(usage(format!(
            "order {id} is {status} and has no shipment at a warehouse to mark shipped{}",
            if status.is_final() {
                ""
            } else {
                "; `oms orders process` creates its shipments"
            }
        )));
    }
    ship(config, conn, &open, by_hand, cause)
}

/// Only a shipment that holds its allocation and is not being cancelled can ship.
fn shippable(conn: &Connection, row: &ShipmentRow) -> anyhow::Result<Result<(), String>> {
    let status: ShipmentStatus = row.status.parse().map_err(anyhow::Error::msg)?;
    Ok(match status {
        // A batch claimed before a crash goes out again as decided: shipped by hand now,
        // the warehouse would get it anyway and ship it a second time.
        ShipmentStatus::ReadyToSend => match outbound::unsent_batch_of(conn, &row.reference)? {
            Some(batch) => Err(format!(
                "shipment {} is in batch `{batch}`, decided but not yet confirmed sent; \
                 run `oms shipments send` first, then mark it shipped if the warehouse did not",
                row.reference
            )),
            None => Ok(()),
        },
        ShipmentStatus::SentToWarehouse => Ok(()),
        // Shipped short, the rest still allocated: shipping it by hand settles it.
        ShipmentStatus::ShortShipped if row.rest_open => Ok(()),
        ShipmentStatus::CancelRequested => Err(format!(
            "shipment {} waits for the warehouse's answer to a cancellation; it cannot be marked shipped",
            row.reference
        )),
        other => Err(format!(
            "shipment {} cannot be marked shipped: it is already {other}",
            row.reference
        )),
    })
}

fn refuse_if(problems: Vec<String>) -> anyhow::Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(usage(problems.join("\n")))
    }
}

fn ship(
    config: &Config,
    conn: &Connection,
    rows: &[ShipmentRow],
    by_hand: &ByHand,
    cause: &str,
) -> anyhow::Result<SyncReport> {
    let confirmations = confirmations(conn, rows, by_hand, cause)?;
    let mut problems = Vec::new();
    for c in &confirmations {
        let channel = channel_of(rows, &c.reference);
        if let Err(reasons) = shipments_sync::check_by_hand(conn, channel, c)? {
            problems.extend(reasons);
        }
    }
    refuse_if(problems)?;
    let mut report = SyncReport::default();
    for c in &confirmations {
        let channel = channel_of(rows, &c.reference);
        let item = shipments_sync::apply_by_hand(config, conn, channel, c, cause, &mut report)?;
        report.items.push(item);
    }
    // A short shipment releases what did not ship; orders waiting for it may fit now.
    report.backorders = backorders::retry_raised(config, conn, None, cause, &report.released)?;
    Ok(report)
}

fn channel_of<'a>(rows: &'a [ShipmentRow], reference: &str) -> &'a str {
    rows.iter()
        .find(|r| r.reference == reference)
        .map(|r| r.fulfillment_channel.as_str())
        .unwrap_or_default()
}

/// One confirmation per shipment that ships anything, in the shipments' order.
fn confirmations(
    conn: &Connection,
    rows: &[ShipmentRow],
    by_hand: &ByHand,
    cause: &str,
) -> anyhow::Result<Vec<ShipmentConfirmation>> {
    let mut per_shipment: Vec<Vec<ConfirmedLine>> = Vec::with_capacity(rows.len());
    let mut room: Vec<Vec<(String, i64)>> = Vec::with_capacity(rows.len());
    for row in rows {
        let lines = shipments::lines(conn, row.id)?;
        room.push(
            lines
                .iter()
                .map(|l| (l.sku.clone(), l.unshipped()))
                .collect(),
        );
        per_shipment.push(Vec::new());
    }
    if by_hand.lines.is_empty() {
        for (i, lines) in room.iter().enumerate() {
            per_shipment[i] = lines
                .iter()
                .filter(|(_, q)| *q > 0)
                .map(|(sku, q)| ConfirmedLine {
                    sku: sku.clone(),
                    quantity_shipped: *q,
                })
                .collect();
        }
    } else {
        spread(&by_hand.lines, &mut room, &mut per_shipment, rows)?;
    }
    let shipped_at = now_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(rows
        .iter()
        .zip(per_shipment)
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(row, lines)| ShipmentConfirmation {
            reference: row.reference.clone(),
            status: ConfirmedStatus::Shipped,
            carrier: by_hand.carrier.clone(),
            tracking_numbers: by_hand.tracking_numbers.clone(),
            tracking_url: by_hand.tracking_url.clone(),
            shipped_at: Some(shipped_at.clone()),
            lines,
            source: format!("by hand ({cause})"),
            ..Default::default()
        })
        .collect())
}

/// Spreads typed `SKU=QTY` units over the shipments carrying that SKU, first come first
/// filled; units beyond what the shipments carry are refused.
fn spread(
    typed: &[(String, i64)],
    room: &mut [Vec<(String, i64)>],
    per_shipment: &mut [Vec<ConfirmedLine>],
    rows: &[ShipmentRow],
) -> anyhow::Result<()> {
    let mut wanted: Vec<(String, String, i64)> = Vec::new(); // (key, as typed, units)
    for (sku, units) in typed {
        let key = sku_key(sku);
        match wanted.iter_mut().find(|(k, _, _)| *k == key) {
            Some(w) => w.2 += units,
            None => wanted.push((key, sku.clone(), *units)),
        }
    }
    let mut problems = Vec::new();
    for (key, typed_sku, units) in wanted {
        let mut left = units;
        let mut carried = 0;
        for (i, lines) in room.iter_mut().enumerate() {
            for (sku, free) in lines.iter_mut().filter(|(s, _)| sku_key(s) == key) {
                carried += *free;
                let take = left.min(*free);
                if take > 0 {
                    *free -= take;
                    left -= take;
                    per_shipment[i].push(ConfirmedLine {
                        sku: sku.clone(),
                        quantity_shipped: take,
                    });
                }
            }
        }
        if carried == 0 {
            let refs: Vec<&str> = rows.iter().map(|r| r.reference.as_str()).collect();
            problems.push(format!(
                "--line {typed_sku}={units}: `{typed_sku}` is not on {}",
                refs.join(", ")
            ));
        } else if left > 0 {
            problems.push(format!(
                "--line {typed_sku}={units}: only {carried} of `{typed_sku}` are on the shipments"
            ));
        }
    }
    refuse_if(problems)
}
