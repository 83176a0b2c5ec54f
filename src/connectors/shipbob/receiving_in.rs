//! Receipts read back from warehouse receiving orders (WROs).
//!
//! Whose WROs: only oms's own. The flow names the POs oms exported here that still expect
//! stock ([`OwnedPo`]); each is read by the WRO id its export recorded
//! (`GET receiving/{id}`), or, when none was recorded, by its PO number. The account-wide
//! `ExternalSync` flag is never used to find them: another tool may set it, and WROs of
//! other integrations are neither read nor acknowledged.
//!
//! What counts: a WRO's `inventory_quantities` are running totals per SKU; the channel's
//! `receive_on` picks the measure (`stowed`, default: put away and sellable; or
//! `received`). Boxes are the evidence: boxes still `Awaiting` count for nothing, and
//! while a WRO is open, a received count counts only from boxes done counting (Stowing,
//! Completed). Per SKU oms takes the lesser of the total and its boxes, so it never
//! exceeds the WRO's own totals. Once the WRO is final (Completed, Cancelled, Incomplete)
//! the totals are what it applies, exactly, and its boxes must account for them: any
//! difference, or a SKU oms cannot name, is a problem (a recorded rejection) and the WRO
//! is not acknowledged. Each state is one receipt with the id `{wro}@{measure}:{sku}={n},…`
//! whose lines are running totals (`running_total_of`): the flow applies only what grows.
//!
//! Acknowledgement (`receiving:setExternalSync`) follows a final WRO fully accounted for,
//! after the caller committed it. Each WRO is its own source.

use std::collections::{BTreeMap, HashMap};

use super::wire::{self, text};
use super::{Ack, ShipbobChannel, products};
use crate::config::ReceiveOn;
use crate::connectors::http::with_query;
use crate::connectors::{Fetched, Sink};
use crate::crashpoint::{self, Point};
use crate::model::order::normalize_timestamp;
use crate::model::purchase::{OwnedPo, ReceiptIn, ReceiptLineIn};

const FLOW: &str = "receipts-sync";
/// WRO statuses after which nothing more will be received.
const FINAL: [&str; 3] = ["completed", "cancelled", "incomplete"];
/// Box statuses after which a box's received count is settled.
const COUNTED: [&str; 2] = ["stowing", "completed"];

pub(super) fn receipts(ch: &mut ShipbobChannel, sink: Sink<ReceiptIn>) -> anyhow::Result<()> {
    let owned = std::mem::take(&mut ch.owned);
    for (i, po) in owned.iter().enumerate() {
        if i > 0 {
            crashpoint::hit(FLOW, Point::BetweenPages);
        }
        let Some((wro, source)) = find(ch, po)? else {
            continue;
        };
        let status = wro.status.as_deref().unwrap_or("").to_lowercase();
        if status == "awaiting" {
            sink(Fetched::SourceDone { source })?;
            continue;
        }
        let boxes_endpoint = format!("receiving/{}/boxes", wro.id);
        let boxes: Vec<wire::WroBox> = wire::decode(&ch.http.get(&boxes_endpoint)?, &ch.code)?;
        let known = known_skus(ch, &wro)?;
        let state = State {
            wro: &wro,
            boxes: &boxes,
            measure: ch.receive_on,
            is_final: FINAL.contains(&status.as_str()),
            po_number: &po.number,
            source: &source,
        };
        let receipt = state.receipt(&known);
        let settled = state.is_final && receipt.as_ref().is_none_or(|r| r.problems.is_empty());
        if let Some(r) = receipt {
            sink(Fetched::Record(r))?;
        }
        if settled {
            ch.wro_po.insert(wro.id, po.number.clone());
            ch.pending
                .insert(source.clone(), Ack::Receiving(vec![wro.id]));
        }
        sink(Fetched::SourceDone { source })?;
    }
    Ok(())
}

/// The PO's WRO and the endpoint it was read from; `None` when ShipBob has none for it.
fn find(ch: &mut ShipbobChannel, po: &OwnedPo) -> anyhow::Result<Option<(wire::Wro, String)>> {
    if let Some(id) = po
        .external_id
        .as_deref()
        .and_then(|i| i.trim().parse::<i64>().ok())
    {
        let reply = ch.http.get(&format!("receiving/{id}"))?;
        let wro: wire::Wro = wire::decode(&reply, &ch.code)?;
        return Ok(Some((wro, reply.endpoint().to_string())));
    }
    let endpoint = with_query("receiving", &[("PurchaseOrderNumbers", &po.number)]);
    let reply = ch.http.get(&endpoint)?;
    let wros: Vec<wire::Wro> = wire::decode(&reply, &ch.code)?;
    // A cancelled WRO may still have stowed units; a live one is the one being worked.
    let mut mine: Vec<wire::Wro> = wros
        .into_iter()
        .filter(|w| {
            text(&w.purchase_order_number).is_some_and(|n| n.eq_ignore_ascii_case(&po.number))
        })
        .collect();
    mine.sort_by_key(|w| (!wire::is_cancelled(&w.status), w.id));
    Ok(mine
        .pop()
        .map(|w| (w, format!("{}#{}", reply.endpoint(), po.number))))
}

/// Inventory id → SKU: the WRO's own list, then the account's products for ids the WRO
/// lists with a null `sku`.
fn known_skus(ch: &mut ShipbobChannel, wro: &wire::Wro) -> anyhow::Result<HashMap<i64, String>> {
    let mut skus: HashMap<i64, String> = wro
        .inventory_quantities
        .iter()
        .filter_map(|q| Some((q.inventory_id, text(&q.sku)?)))
        .collect();
    if wro
        .inventory_quantities
        .iter()
        .any(|q| !skus.contains_key(&q.inventory_id))
    {
        for (sku, id) in products::inventory_skus(ch)? {
            skus.entry(id).or_insert(sku);
        }
    }
    Ok(skus)
}

/// One read of a WRO and its boxes.
struct State<'a> {
    wro: &'a wire::Wro,
    boxes: &'a [wire::WroBox],
    measure: ReceiveOn,
    is_final: bool,
    po_number: &'a str,
    source: &'a str,
}

impl State<'_> {
    fn measure_of_total(&self, q: &wire::WroQuantity) -> i64 {
        match self.measure {
            ReceiveOn::Stowed => q.stowed_quantity,
            ReceiveOn::Received => q.received_quantity,
        }
    }

    /// What the boxes account for, per inventory id.
    fn box_sums(&self) -> BTreeMap<i64, i64> {
        let mut sums = BTreeMap::new();
        for b in self.boxes {
            let status = b.box_status.as_deref().unwrap_or("").to_lowercase();
            let counts = match self.measure {
                // Stowed units are on a shelf whatever the box's state says, but a box
                // still Awaiting has not arrived: what it claims is not real.
                ReceiveOn::Stowed => status != "awaiting",
                ReceiveOn::Received => {
                    COUNTED.contains(&status.as_str()) || (self.is_final && status != "awaiting")
                }
            };
            if !counts {
                continue;
            }
            for item in &b.box_items {
                let n = match self.measure {
                    ReceiveOn::Stowed => item.stowed_quantity,
                    ReceiveOn::Received => item.received_quantity,
                };
                *sums.entry(item.inventory_id).or_default() += n;
            }
        }
        sums
    }

    /// The WRO's state as one receipt of running totals, `None` when nothing counts yet.
    fn receipt(&self, skus: &HashMap<i64, String>) -> Option<ReceiptIn> {
        let source = format!("{} WRO {}", self.source, self.wro.id);
        let measure = self.measure.as_str();
        let mut problems = Vec::new();
        let on_wro = text(&self.wro.purchase_order_number);
        if !on_wro
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(self.po_number))
        {
            problems.push(format!(
                "{source}: purchase_order_number: `{}`, but oms exported it for {}",
                on_wro.unwrap_or_default(),
                self.po_number
            ));
        }
        let boxes = self.box_sums();
        let mut totals: BTreeMap<i64, i64> = BTreeMap::new();
        for q in &self.wro.inventory_quantities {
            *totals.entry(q.inventory_id).or_default() += self.measure_of_total(q);
        }
        let mut counted: BTreeMap<String, i64> = BTreeMap::new();
        let ids: std::collections::BTreeSet<i64> =
            totals.keys().chain(boxes.keys()).copied().collect();
        for id in ids {
            let total = totals.get(&id).copied().unwrap_or(0);
            let in_boxes = boxes.get(&id).copied().unwrap_or(0);
            let units = if self.is_final {
                total
            } else {
                total.min(in_boxes)
            };
            let name = skus.get(&id);
            if self.is_final && total != in_boxes {
                problems.push(format!(
                    "{source}: {} {measure} {total} by the WRO's totals, but its boxes account for {in_boxes}; not acknowledged until they agree",
                    name.map_or_else(|| format!("inventory id {id}"), |s| s.clone()),
                ));
            }
            if units <= 0 {
                continue;
            }
            match name {
                Some(sku) => *counted.entry(sku.clone()).or_default() += units,
                None => problems.push(format!(
                    "{source}: inventory id {id}: {units} {measure}, but its sku is null in the WRO's inventory_quantities and no ShipBob product has that inventory id"
                )),
            }
        }
        if counted.is_empty() && problems.is_empty() {
            return None;
        }
        let state: Vec<String> = counted.iter().map(|(s, n)| format!("{s}={n}")).collect();
        Some(ReceiptIn {
            external_id: format!("{}@{measure}:{}", self.wro.id, state.join(",")),
            po_number: self.po_number.to_string(),
            received_at: self.arrived_at(),
            lines: counted
                .into_iter()
                .map(|(sku, quantity)| ReceiptLineIn {
                    sku,
                    quantity,
                    source: source.clone(),
                    ..ReceiptLineIn::default()
                })
                .collect(),
            source,
            problems,
            running_total_of: Some(self.wro.id.to_string()),
        })
    }

    /// When the counted units arrived: the latest box received date, else the WRO's
    /// last update.
    fn arrived_at(&self) -> Option<String> {
        self.boxes
            .iter()
            .filter_map(|b| text(&b.received_date).and_then(|d| normalize_timestamp(&d)))
            .max()
            .or_else(|| text(&self.wro.last_updated_date).and_then(|d| normalize_timestamp(&d)))
    }
}
