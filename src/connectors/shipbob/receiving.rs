//! Purchase orders as warehouse receiving orders (WROs) and receipts read back from them.
//!
//! Out: `POST receiving` with `purchase_order_number` = the PO number, after looking the
//! number up (`GET receiving?PurchaseOrderNumbers=…`) so a resend never makes a second WRO.
//!
//! In: see `receiving_in`.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::json;

use super::wire::{self, is_cancelled, text};
use super::{ShipbobChannel, products};
use crate::connectors::Sent;
use crate::connectors::http::{Retry, with_query};
use crate::model::order::normalize_timestamp;
use crate::model::purchase::PoRequest;
use crate::model::sku_key;

/// Arrival date sent when the PO has none (ShipBob requires one).
const DEFAULT_ARRIVAL_DAYS: i64 = 7;

pub(super) fn send(ch: &mut ShipbobChannel, po: &PoRequest) -> anyhow::Result<Sent> {
    if let Some(id) = existing(ch, &po.number)? {
        return Ok(Sent::ok(&po.number, Some(id.to_string())));
    }
    let refuse = |message: String| Sent::refused(po.number.clone(), message);
    let Some(location) = text(&po.location_id) else {
        return Ok(refuse(format!(
            "PO {}: warehouse `{}` has no location_id (its ShipBob fulfillment center id)",
            po.number, po.warehouse
        )));
    };
    let Ok(location) = location.parse::<i64>() else {
        return Ok(refuse(format!(
            "PO {}: location_id `{location}` of warehouse `{}` is not a ShipBob fulfillment center id",
            po.number, po.warehouse
        )));
    };
    let ids = products::inventory_ids(ch)?;
    let mut items = Vec::new();
    let mut unknown = Vec::new();
    for line in &po.lines {
        match ids.get(&sku_key(&line.sku)) {
            // ShipBob tracks lots, not serial numbers: a serial stays with oms.
            Some(id) => items.push(match &line.lot {
                Some(lot) => {
                    json!({ "inventory_id": id, "quantity": line.quantity, "lot_number": lot })
                }
                None => json!({ "inventory_id": id, "quantity": line.quantity }),
            }),
            None => unknown.push(line.sku.as_str()),
        }
    }
    if !unknown.is_empty() {
        return Ok(refuse(format!(
            "PO {}: SKU(s) not in ShipBob: {}; push the catalog to ShipBob first",
            po.number,
            unknown.join(", ")
        )));
    }
    let arrival = po
        .expected_at
        .as_deref()
        .and_then(normalize_timestamp)
        .unwrap_or_else(|| {
            (Utc::now() + Duration::days(DEFAULT_ARRIVAL_DAYS))
                .to_rfc3339_opts(SecondsFormat::Secs, true)
        });
    let body = json!({
        "purchase_order_number": po.number,
        "fulfillment_center": { "id": location },
        "package_type": "Package",
        "box_packaging_type": "EverythingInOneBox",
        "expected_arrival_date": arrival,
        // Required (nullable) in 2026-01: oms does not know the carrier's number yet.
        "boxes": [{ "tracking_number": null, "box_items": items }],
    });
    match ch.http.post("receiving", &body, Retry::Unsafe) {
        Ok(reply) => {
            let wro: wire::Wro = wire::decode(&reply, &ch.code)?;
            Ok(Sent::ok(&po.number, Some(wro.id.to_string())))
        }
        Err(e) if e.maybe_applied => match existing(ch, &po.number)? {
            Some(id) => Ok(Sent::ok(&po.number, Some(id.to_string()))),
            None => Err(e.into()),
        },
        Err(e) if e.is_record_error() => Ok(refuse(e.to_string())),
        Err(e) => Err(e.into()),
    }
}

/// The live WRO already made for PO `number`, if any.
fn existing(ch: &mut ShipbobChannel, number: &str) -> anyhow::Result<Option<i64>> {
    let endpoint = with_query("receiving", &[("PurchaseOrderNumbers", number)]);
    let wros: Vec<wire::Wro> = wire::decode(&ch.http.get(&endpoint)?, &ch.code)?;
    Ok(wros
        .iter()
        .find(|w| {
            text(&w.purchase_order_number).as_deref() == Some(number.trim())
                && !is_cancelled(&w.status)
        })
        .map(|w| w.id))
}
