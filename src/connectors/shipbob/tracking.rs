//! Shipment confirmations in, the way ShipBob's tracking guide describes: orders with
//! tracking not yet uploaded (`GET order?HasTracking=true&IsTrackingUploaded=false`),
//! acknowledged after the caller applied them (`POST shipment:batchUpdateTrackingUpload`)
//! so they are not reported again. Cancelled orders carry no tracking, so orders updated
//! in the last few days are also read for cancellations; reporting one twice is harmless
//! (the shipments flow sees a cancelled shipment as unchanged).

use std::collections::BTreeMap;

use chrono::{Duration, SecondsFormat, Utc};

use super::wire::{self, is_cancelled, text};
use super::{Ack, ShipbobChannel, next_page, too_many_pages};
use crate::connectors::http::with_query;
use crate::connectors::{Fetched, Sink};
use crate::model::order::normalize_timestamp;
use crate::model::shipment::{ConfirmedLine, ConfirmedStatus, ShipmentConfirmation, ShippedLot};

/// How far back cancellations made in ShipBob are looked for.
const CANCELLED_LOOKBACK_DAYS: i64 = 3;

pub(super) fn updates(
    ch: &mut ShipbobChannel,
    sink: Sink<ShipmentConfirmation>,
) -> anyhow::Result<()> {
    if ch.channel_id.is_none() {
        // Marking tracking as uploaded for another integration's orders would stop that
        // integration from ever seeing it, so oms reads only its own channel's orders.
        anyhow::bail!(
            "fulfillment channel `{}`: set `channel_id` to read shipments (`oms channels check` lists the token's channels)",
            ch.code
        );
    }
    let tracked = with_query(
        "order",
        &[
            ("HasTracking", "true"),
            ("IsTrackingUploaded", "false"),
            ("Limit", "250"),
        ],
    );
    read(ch, tracked, sink, Scan::Tracking)?;
    let since = (Utc::now() - Duration::days(CANCELLED_LOOKBACK_DAYS))
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    let recent = with_query(
        "order",
        &[("LastUpdateStartDate", since.as_str()), ("Limit", "250")],
    );
    read(ch, recent, sink, Scan::Cancellations)
}

#[derive(Clone, Copy, PartialEq)]
enum Scan {
    Tracking,
    Cancellations,
}

fn read(
    ch: &mut ShipbobChannel,
    first: String,
    sink: Sink<ShipmentConfirmation>,
    scan: Scan,
) -> anyhow::Result<()> {
    let mut next = Some(first);
    let mut pages = 0;
    while let Some(endpoint) = next.take() {
        pages += 1;
        too_many_pages(&ch.code, pages)?;
        let reply = ch.http.get(&endpoint)?;
        let orders: Vec<wire::Order> = reply.json()?;
        next = next_page(&reply).filter(|n| *n != endpoint);
        let source = reply.endpoint().to_string();
        let mut uploaded: Vec<i64> = Vec::new();
        for order in orders.iter().filter(|o| ch.ours(o)) {
            let found = match scan {
                Scan::Tracking => confirmation(order, &source),
                Scan::Cancellations if is_cancelled(&order.status) => {
                    cancellation(order, &source).map(|c| (c, Vec::new()))
                }
                Scan::Cancellations => None,
            };
            if let Some((c, shipments)) = found {
                uploaded.extend(shipments);
                sink(Fetched::Record(c))?;
            }
        }
        if !uploaded.is_empty() {
            ch.pending.insert(source.clone(), Ack::Tracking(uploaded));
        }
        sink(Fetched::SourceDone { source })?;
    }
    Ok(())
}

/// What one ShipBob order says about our shipment, once every one of its parcels has
/// tracking (ShipBob may split an order; a half-shipped one waits for the next run).
/// Returns the confirmation and the shipment ids to mark as uploaded.
pub(super) fn confirmation(
    order: &wire::Order,
    page: &str,
) -> Option<(ShipmentConfirmation, Vec<i64>)> {
    let reference = text(&order.reference_id)?;
    if is_cancelled(&order.status) {
        let ids = order.shipments.iter().map(|s| s.id).collect();
        return cancellation(order, page).map(|c| (c, ids));
    }
    let live: Vec<&wire::Shipment> = order
        .shipments
        .iter()
        .filter(|s| !is_cancelled(&s.status))
        .collect();
    let has_tracking = |s: &&wire::Shipment| {
        s.tracking
            .as_ref()
            .and_then(|t| text(&t.tracking_number))
            .is_some()
    };
    if live.is_empty() {
        let ids = order.shipments.iter().map(|s| s.id).collect();
        return cancellation(order, page).map(|c| (c, ids));
    }
    if !live.iter().all(has_tracking) {
        return None;
    }
    let source = format!("{page} order {}", order.id);
    let mut problems = Vec::new();
    let mut units: BTreeMap<String, i64> = BTreeMap::new();
    let mut lots: Vec<ShippedLot> = Vec::new();
    let mut c = ShipmentConfirmation {
        reference,
        external_id: Some(order.id.to_string()),
        status: ConfirmedStatus::Shipped,
        ..Default::default()
    };
    for s in &live {
        if let Some(t) = &s.tracking {
            if let Some(number) = text(&t.tracking_number)
                && !c.tracking_numbers.contains(&number)
            {
                c.tracking_numbers.push(number);
            }
            c.carrier = c.carrier.take().or_else(|| text(&t.carrier));
            c.tracking_url = c.tracking_url.take().or_else(|| text(&t.tracking_url));
        }
        let shipped = s
            .tracking
            .as_ref()
            .and_then(|t| text(&t.shipping_date))
            .or_else(|| text(&s.actual_fulfillment_date))
            .and_then(|d| normalize_timestamp(&d));
        c.shipped_at = c.shipped_at.take().max(shipped);
        for p in &s.products {
            let Some(sku) = text(&p.reference_id).or_else(|| text(&p.sku)) else {
                problems.push(format!(
                    "{source}: shipment {}: product {} has no reference_id or sku",
                    s.id, p.id
                ));
                continue;
            };
            if p.inventory_items.is_empty() {
                problems.push(format!(
                    "{source}: shipment {}: product `{sku}` does not say how many units shipped",
                    s.id
                ));
            }
            for item in &p.inventory_items {
                lots.extend(item_lots(&sku, item));
            }
            *units.entry(sku).or_default() +=
                p.inventory_items.iter().map(|i| i.quantity).sum::<i64>();
        }
    }
    c.lots = lots;
    c.lines = units
        .into_iter()
        .map(|(sku, quantity_shipped)| ConfirmedLine {
            sku,
            quantity_shipped,
        })
        .collect();
    if c.lines.is_empty() && problems.is_empty() {
        problems.push(format!("{source}: no products in the shipments"));
    }
    c.source = source;
    c.problems = problems;
    Some((c, live.iter().map(|s| s.id).collect()))
}

/// The lots of one inventory item ShipBob shipped: one per serial number (a unit each, the
/// rest of the item's units, if any, under its lot), or the item's units under its lot.
fn item_lots(sku: &str, item: &wire::InventoryItem) -> Vec<ShippedLot> {
    let lot = text(&item.lot);
    let expiration_date = text(&item.expiration_date).and_then(|d| normalize_timestamp(&d));
    let one = |serial: Option<String>, quantity: i64| ShippedLot {
        sku: sku.to_string(),
        lot: lot.clone(),
        serial,
        expiration_date: expiration_date.clone(),
        quantity,
    };
    let serials: Vec<String> = item
        .serial_numbers
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut out: Vec<ShippedLot> = serials.iter().map(|s| one(Some(s.clone()), 1)).collect();
    let rest = item.quantity - out.len() as i64;
    if rest > 0 && (lot.is_some() || expiration_date.is_some()) {
        out.push(one(None, rest));
    }
    out
}

fn cancellation(order: &wire::Order, page: &str) -> Option<ShipmentConfirmation> {
    Some(ShipmentConfirmation {
        reference: text(&order.reference_id)?,
        external_id: Some(order.id.to_string()),
        status: ConfirmedStatus::Cancelled,
        source: format!("{page} order {}", order.id),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_numbers_are_a_unit_each_and_the_rest_keeps_its_lot() {
        let item: wire::InventoryItem = serde_json::from_str(
            r#"{"id": 1, "quantity": 3, "lot": "L-7", "expiration_date": "2027-06-30T00:00:00Z",
                "serial_numbers": ["SN-1", " ", "SN-2"]}"#,
        )
        .unwrap();
        let lots: Vec<String> = item_lots("TEE-1", &item)
            .iter()
            .map(|l| l.describe())
            .collect();
        assert_eq!(
            lots,
            [
                "lot L-7 serial SN-1 exp 2027-06-30T00:00:00Z × 1",
                "lot L-7 serial SN-2 exp 2027-06-30T00:00:00Z × 1",
                "lot L-7 exp 2027-06-30T00:00:00Z × 1"
            ]
        );
        let plain: wire::InventoryItem = serde_json::from_str(
            r#"{"id": 1, "quantity": 2, "lot": null, "expiration_date": null, "serial_numbers": null}"#,
        )
        .unwrap();
        assert!(item_lots("TEE-1", &plain).is_empty(), "nothing to say");
    }

    fn order(json: &str) -> wire::Order {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn split_orders_wait_for_every_parcel_and_then_sum_units() {
        let shipment = |id: i64, tracking: &str, qty: i64| {
            format!(
                r#"{{"id":{id},"status":"Completed","tracking":{{"carrier":"USPS","tracking_number":"{tracking}",
                    "tracking_url":"https://t/{tracking}","shipping_date":"2025-03-0{id}T10:00:00Z"}},
                    "products":[{{"id":1,"reference_id":"TEE-1","sku":"SB-1","inventory_items":[{{"id":5,"quantity":{qty}}}]}}]}}"#
            )
        };
        let half = order(&format!(
            r#"{{"id":9,"reference_id":"S1","shipments":[{},{}]}}"#,
            shipment(1, "T1", 1),
            shipment(2, "", 1)
        ));
        assert!(confirmation(&half, "p").is_none());
        let both = order(&format!(
            r#"{{"id":9,"reference_id":"S1","shipments":[{},{}]}}"#,
            shipment(1, "T1", 1),
            shipment(2, "T2", 2)
        ));
        let (c, ids) = confirmation(&both, "p").unwrap();
        assert_eq!(ids, [1, 2]);
        assert_eq!(c.tracking_numbers, ["T1", "T2"]);
        assert_eq!(c.shipped_at.as_deref(), Some("2025-03-02T10:00:00Z"));
        assert_eq!(c.lines.len(), 1);
        assert_eq!(
            (c.lines[0].sku.as_str(), c.lines[0].quantity_shipped),
            ("TEE-1", 3)
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
    }

    #[test]
    fn cancelled_orders_confirm_a_cancellation() {
        let o =
            order(r#"{"id":9,"reference_id":"S1","status":"Cancelled","shipments":[{"id":4}]}"#);
        let (c, ids) = confirmation(&o, "p").unwrap();
        assert_eq!((c.status, ids), (ConfirmedStatus::Cancelled, vec![4]));
        let unknown = order(r#"{"id":9,"status":"Cancelled"}"#);
        assert!(confirmation(&unknown, "p").is_none(), "not ours to report");
    }
}
