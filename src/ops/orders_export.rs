//! `oms orders export` (SPEC §4.1.4): each changed order's state — shipped lines with
//! tracking, or its cancellation — goes back to its sales channel. What was accepted is
//! remembered as a fingerprint, so nothing is sent twice. The ids the channel answers
//! (Shopify's fulfillments) are kept in `channel_refs` with the order, so that what a
//! re-export after a lost answer found in the shop can be checked against them.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;
use serde::Serialize;

use super::flow::{self, Journaled};
use crate::config::Config;
use crate::connectors;
use crate::crashpoint::{self, Point};
use crate::error::Exit;
use crate::model::fingerprint;
use crate::model::shipment::{FulfilledLine, Fulfillment, OrderUpdate};
use crate::output::{Progress, Report};
use crate::store::outbound::{self, Batch};
use crate::store::runs::Outcome;
use crate::store::shipment_lots::{self, LotRow};
use crate::store::shipments::FulfilledLineRow;
use crate::store::{Store, channel_refs, orders, shipment_parts, shipments};

pub const FLOW: &str = "orders export";
const CRASH_FLOW: &str = "orders-export";

/// Updates sent to a channel per call: big enough to be cheap, small enough that one
/// refused call does not hold back thousands of orders.
const BATCH: usize = 500;

pub struct Options<'a> {
    pub channel: Option<&'a str>,
    pub dry_run: bool,
    /// Advanced by orders settled: unchanged, or answered by the channel.
    pub progress: &'a Progress,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    pub order_id: i64,
    pub order_name: Option<String>,
    pub status: String,
    pub shipments: usize,
    pub units: i64,
    pub outcome: String,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ExportReport {
    pub dry_run: bool,
    pub sent: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub failed_channels: Vec<String>,
    pub items: Vec<Item>,
}

impl Report for ExportReport {
    type Item = Item;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            (
                if self.dry_run { "would send" } else { "sent" },
                self.sent.to_string(),
            ),
            ("unchanged", self.unchanged.to_string()),
            ("failed", self.failed.to_string()),
        ];
        if !self.failed_channels.is_empty() {
            s.push(("failed channels", self.failed_channels.join(", ")));
        }
        s
    }
    fn items(&self) -> &[Item] {
        &self.items
    }
    fn is_notable(&self, item: &Item) -> bool {
        item.outcome == "failed"
    }
    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl flow::PerChannel for ExportReport {
    fn absorb(&mut self, part: ExportReport) {
        self.sent += part.sent;
        self.unchanged += part.unchanged;
        self.failed += part.failed;
        self.items.extend(part.items);
    }
    fn failed_channels(&mut self) -> &mut Vec<String> {
        &mut self.failed_channels
    }
}

impl Journaled for ExportReport {
    fn counts(&self) -> serde_json::Value {
        serde_json::json!({ "sent": self.sent, "unchanged": self.unchanged, "failed": self.failed })
    }
    fn outcome(&self) -> Outcome {
        if self.failed > 0 || !self.failed_channels.is_empty() {
            Outcome::Failed
        } else {
            Outcome::Ok
        }
    }
}

/// Exports every enabled sales channel (or one), each as its own journaled run.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<ExportReport> {
    let mut total = ExportReport {
        dry_run: opts.dry_run,
        ..Default::default()
    };
    let channels = flow::chosen(&config.sales_channels, opts.channel);
    flow::per_channel(
        store,
        FLOW,
        channels,
        opts.dry_run,
        &mut total,
        |store, code, _| export_channel(config, store, code, opts),
    );
    Ok(total)
}

fn export_channel(
    config: &Config,
    store: &mut Store,
    code: &str,
    opts: &Options,
) -> anyhow::Result<ExportReport> {
    let dry_run = opts.dry_run;
    let mut report = ExportReport {
        dry_run,
        ..Default::default()
    };
    // Batches decided before a crash go out first, exactly as decided (same file, same
    // bytes); their orders are not batched again until they are settled.
    let unsent: Vec<Batch<Vec<OrderUpdate>>> =
        outbound::unsent(&store.conn, outbound::ORDER_UPDATES, code)?;
    let held: HashSet<i64> = unsent
        .iter()
        .flat_map(|b| b.members.iter().filter_map(|(id, _)| *id))
        .collect();
    let pending: Vec<(i64, Option<String>)> = orders::export_pending(&store.conn, code)?
        .into_iter()
        .filter(|(id, _)| !held.contains(id))
        .collect();
    if pending.is_empty() && unsent.is_empty() {
        return Ok(report);
    }
    opts.progress
        .add_length((pending.len() + held.len()) as u64);
    let mut connector = connectors::sales(config, code)?;
    let mut to_send: Vec<OrderUpdate> = Vec::new();
    for (id, exported) in pending {
        let Some(update) = order_update(config, &store.conn, id)? else {
            opts.progress.inc(1);
            continue;
        };
        let hash = fingerprint::of_json(&update);
        if exported.as_deref() == Some(hash.as_str()) {
            if !dry_run {
                orders::mark_exported(&store.conn, id, &hash)?;
            }
            report.unchanged += 1;
            report.items.push(Item {
                outcome: "unchanged".into(),
                ..item_of(code, &update)
            });
            opts.progress.inc(1);
        } else {
            to_send.push(update);
        }
    }
    let mut batches = unsent;
    for chunk in to_send.chunks(BATCH) {
        let members: Vec<(Option<i64>, String)> = chunk
            .iter()
            .map(|u| (Some(u.order_id), u.order_id.to_string()))
            .collect();
        if dry_run {
            report.sent += chunk.len();
            report.items.extend(chunk.iter().map(|u| Item {
                outcome: "would send".into(),
                ..item_of(code, u)
            }));
            opts.progress.inc(chunk.len() as u64);
            continue;
        }
        // Named when decided, by time and first and last order, so names sort in the order
        // batches were decided and a resend reuses the name.
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let (first, last) = (&members[0].1, &members[members.len() - 1].1);
        let name = format!("{}-{stamp}-{first}-{last}", outbound::ORDER_UPDATES);
        let tx = store.tx()?;
        let batch = outbound::claim(
            &tx,
            outbound::ORDER_UPDATES,
            code,
            &name,
            &members,
            chunk.to_vec(),
        )?;
        tx.commit()?;
        batches.push(batch);
    }
    if dry_run {
        for batch in &batches {
            report.sent += batch.payload.len();
            report.items.extend(batch.payload.iter().map(|u| Item {
                outcome: "would send".into(),
                ..item_of(code, u)
            }));
        }
        return Ok(report);
    }
    for batch in &batches {
        crashpoint::hit(CRASH_FLOW, Point::BeforeWrite);
        let answers = connector.export_orders_batch(&batch.name, &batch.payload)?;
        crashpoint::hit(CRASH_FLOW, Point::AfterWrite);
        let tx = store.tx()?;
        for update in &batch.payload {
            let item = item_of(code, update);
            let hash = fingerprint::of_json(update);
            let answer = answers
                .iter()
                .find(|a| a.reference == update.order_id.to_string());
            match answer.and_then(|a| a.error.clone()) {
                None if answer.is_some() => {
                    orders::mark_exported(&tx, update.order_id, &hash)?;
                    if let Some(ids) = answer.and_then(|a| a.external_id.as_deref()) {
                        channel_refs::set(
                            &tx,
                            code,
                            channel_refs::FULFILLMENT,
                            &update.order_id.to_string(),
                            ids,
                        )?;
                    }
                    report.sent += 1;
                    report.items.push(Item {
                        outcome: "sent".into(),
                        ..item
                    });
                }
                error => {
                    report.failed += 1;
                    let message =
                        error.unwrap_or_else(|| "the channel did not answer for this order".into());
                    report.items.push(Item {
                        outcome: "failed".into(),
                        message: Some(message),
                        ..item
                    });
                }
            }
        }
        outbound::mark_sent(&tx, batch.id)?;
        tx.commit()?;
        opts.progress.inc(batch.payload.len() as u64);
    }
    Ok(report)
}

fn item_of(code: &str, update: &OrderUpdate) -> Item {
    Item {
        channel: code.to_string(),
        order_id: update.order_id,
        order_name: update.order_name.clone(),
        status: update.status.clone(),
        shipments: update.fulfillments.len(),
        units: update
            .fulfillments
            .iter()
            .flat_map(|f| &f.lines)
            .map(|l| l.quantity)
            .sum(),
        ..Default::default()
    }
}

/// The state of order `id` as its shop should see it: every shipment that left, with the
/// units per line, and whether it was cancelled.
pub fn order_update(
    config: &Config,
    conn: &Connection,
    id: i64,
) -> anyhow::Result<Option<OrderUpdate>> {
    let Some(order) = orders::detail(conn, id)? else {
        return Ok(None);
    };
    let mut fulfillments = Vec::new();
    let mut kits = KitTally::new(&orders::lines(conn, id)?);
    for s in shipments::of_order(conn, id)? {
        if !matches!(s.status.as_str(), "shipped" | "short_shipped") {
            continue;
        }
        let service = s
            .carrier_service
            .as_deref()
            .and_then(|cs| config.carrier_services.get(cs));
        // One fulfilment per part (parcel), so a shipment completed later is reported as
        // its new units only; the first part keeps the shipment's own reference.
        let lots = shipment_lots::of_shipment(conn, s.id)?;
        for part in shipment_parts::of_shipment(conn, s.id)? {
            let of_part: Vec<&LotRow> = lots.iter().filter(|l| l.part == part.part_no).collect();
            let lines = kits.shop_lines(part.lines, &of_part);
            if lines.is_empty() {
                continue;
            }
            fulfillments.push(Fulfillment {
                reference: if part.part_no == 1 {
                    s.reference.clone()
                } else {
                    format!("{}-{}", s.reference, part.part_no)
                },
                carrier: part
                    .carrier
                    .or_else(|| s.carrier.clone())
                    .or_else(|| service.map(|c| c.carrier.clone())),
                service: service.map(|c| c.service.clone()),
                tracking_numbers: part.tracking_numbers,
                tracking_url: part.tracking_url.or_else(|| s.tracking_url.clone()),
                shipped_at: part.shipped_at.or_else(|| s.shipped_at.clone()),
                lines,
            });
        }
    }
    Ok(Some(OrderUpdate {
        order_id: order.id,
        external_id: order.external_id,
        order_name: order.name,
        cancelled: order.status == "cancelled",
        status: order.status,
        fulfillments,
    }))
}

/// The shop hears of bundle lines, never of their components (docs/bundles.md): a part
/// (parcel) reports the whole kits it completes, counted over the parts before it, so a
/// partial kit is reported by the part that completes it.
struct KitTally {
    /// Component line id → (bundle line id, units per kit).
    parts: HashMap<i64, (i64, i64)>,
    /// Bundle line id → its SKU and line id in the shop, its component line ids, and
    /// the kits already reported.
    bundles: HashMap<i64, (String, Option<String>, Vec<i64>, i64)>,
    /// Units of each component line shipped in the parts seen so far.
    shipped: HashMap<i64, i64>,
}

impl KitTally {
    fn new(lines: &[orders::LineRow]) -> KitTally {
        let mut tally = KitTally {
            parts: HashMap::new(),
            bundles: HashMap::new(),
            shipped: HashMap::new(),
        };
        for c in lines {
            let Some(b) = c
                .bundle_line_id
                .and_then(|b| lines.iter().find(|l| l.id == b))
            else {
                continue;
            };
            tally
                .parts
                .insert(c.id, (b.id, c.quantity / b.quantity.max(1)));
            tally
                .bundles
                .entry(b.id)
                .or_insert_with(|| {
                    (
                        b.channel_sku.clone(),
                        b.external_line_id.clone(),
                        Vec::new(),
                        0,
                    )
                })
                .2
                .push(c.id);
        }
        tally
    }

    /// The shop's lines of one part; a plain line carries the lots its units came from (a
    /// bundle's components are oms's own, so a kit line carries none).
    fn shop_lines(&mut self, rows: Vec<FulfilledLineRow>, lots: &[&LotRow]) -> Vec<FulfilledLine> {
        let mut out = Vec::new();
        let mut touched: Vec<i64> = Vec::new();
        for l in rows {
            match self.parts.get(&l.order_line_id) {
                Some(&(bundle, _)) => {
                    *self.shipped.entry(l.order_line_id).or_default() += l.quantity_shipped;
                    if !touched.contains(&bundle) {
                        touched.push(bundle);
                    }
                }
                None => out.push(FulfilledLine {
                    lots: lots
                        .iter()
                        .filter(|lot| lot.order_line_id == l.order_line_id)
                        .map(|lot| lot.to_shop(&l.channel_sku))
                        .collect(),
                    sku: l.channel_sku,
                    external_line_id: l.external_line_id,
                    quantity: l.quantity_shipped,
                }),
            }
        }
        for bundle in touched {
            let Some((sku, line_id, components, reported)) = self.bundles.get_mut(&bundle) else {
                continue;
            };
            let whole = components
                .iter()
                .map(|c| {
                    let per_kit = self.parts.get(c).map_or(1, |p| p.1.max(1));
                    self.shipped.get(c).copied().unwrap_or(0) / per_kit
                })
                .min()
                .unwrap_or(0);
            if whole > *reported {
                out.push(FulfilledLine {
                    sku: sku.clone(),
                    external_line_id: line_id.clone(),
                    quantity: whole - *reported,
                    lots: Vec::new(),
                });
                *reported = whole;
            }
        }
        out
    }
}
