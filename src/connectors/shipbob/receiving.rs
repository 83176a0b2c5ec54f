//! Purchase orders as warehouse receiving orders (WROs) and receipts read back from them.
//!
//! Out: `POST receiving` with `purchase_order_number` = the PO number, after looking the
//! number up (`GET receiving?PurchaseOrderNumbers=…`) so a resend never makes a second WRO.
//!
//! In: WROs not yet marked synced (`GET receiving?ExternalSync=false`). A WRO's quantities
//! are running totals, while oms applies each receipt as units added; so oms reads the
//! WRO's boxes (`GET receiving/{id}/boxes`) and makes one receipt per counted box, with
//! the id `{wro id}-box-{box id}`. A box that arrives later is a new receipt; a box read
//! again is the same receipt and changes nothing. A box counts once its counting is done
//! (Stowing or Completed), or when the whole WRO is final (Completed, Cancelled,
//! Incomplete). Once the caller has applied a page, its final WROs are marked synced
//! (`POST receiving:setExternalSync`) and are not read again.

use std::collections::HashMap;

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::json;

use super::wire::{self, is_cancelled, text};
use super::{Ack, ShipbobChannel, next_page, products, too_many_pages};
use crate::connectors::http::{Retry, with_query};
use crate::connectors::{Fetched, Sent, Sink};
use crate::model::order::normalize_timestamp;
use crate::model::purchase::{PoRequest, ReceiptIn, ReceiptLineIn};
use crate::model::sku_key;

/// WRO statuses after which nothing more will be received.
const FINAL: [&str; 3] = ["completed", "cancelled", "incomplete"];
/// Box statuses after which a box's received quantities are settled.
const COUNTED: [&str; 2] = ["stowing", "completed"];
/// Arrival date sent when the PO has none (ShipBob requires one).
const DEFAULT_ARRIVAL_DAYS: i64 = 7;

pub(super) fn send(ch: &mut ShipbobChannel, po: &PoRequest) -> anyhow::Result<Sent> {
    if let Some(id) = existing(ch, &po.number)? {
        return Ok(Sent::ok(&po.number, Some(id.to_string())));
    }
    let refuse = |message: String| Sent {
        reference: po.number.clone(),
        external_id: None,
        error: Some(message),
    };
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
            Some(id) => items.push(json!({ "inventory_id": id, "quantity": line.quantity })),
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
        "boxes": [{ "box_items": items }],
    });
    match ch.http.post("receiving", &body, Retry::Unsafe) {
        Ok(reply) => {
            let wro: wire::Wro = reply.json()?;
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
    let wros: Vec<wire::Wro> = ch.http.get(&endpoint)?.json()?;
    Ok(wros
        .iter()
        .find(|w| {
            text(&w.purchase_order_number).as_deref() == Some(number.trim())
                && !is_cancelled(&w.status)
        })
        .map(|w| w.id))
}

pub(super) fn receipts(ch: &mut ShipbobChannel, sink: Sink<ReceiptIn>) -> anyhow::Result<()> {
    let mut next = Some(with_query(
        "receiving",
        &[("ExternalSync", "false"), ("Limit", "250")],
    ));
    let mut pages = 0;
    while let Some(endpoint) = next.take() {
        pages += 1;
        too_many_pages(&ch.code, pages)?;
        let reply = ch.http.get(&endpoint)?;
        let wros: Vec<wire::Wro> = reply.json()?;
        next = next_page(&reply).filter(|n| *n != endpoint);
        let source = reply.endpoint().to_string();
        let mut settled = Vec::new();
        for wro in &wros {
            let status = wro.status.as_deref().unwrap_or("").to_lowercase();
            let is_final = FINAL.contains(&status.as_str());
            if status != "awaiting" {
                let boxes: Vec<wire::WroBox> = ch
                    .http
                    .get(&format!("receiving/{}/boxes", wro.id))?
                    .json()?;
                for r in box_receipts(wro, &boxes, is_final, &source) {
                    sink(Fetched::Record(r))?;
                }
            }
            if is_final {
                settled.push(wro.id);
            }
        }
        if !settled.is_empty() {
            ch.pending.insert(source.clone(), Ack::Receiving(settled));
        }
        sink(Fetched::SourceDone { source })?;
    }
    Ok(())
}

/// One receipt per counted box of a WRO (see the module's note on ids).
fn box_receipts(
    wro: &wire::Wro,
    boxes: &[wire::WroBox],
    is_final: bool,
    page: &str,
) -> Vec<ReceiptIn> {
    let skus: HashMap<i64, String> = wro
        .inventory_quantities
        .iter()
        .filter_map(|q| Some((q.inventory_id, text(&q.sku)?)))
        .collect();
    let po_number = text(&wro.purchase_order_number).unwrap_or_default();
    boxes
        .iter()
        .filter(|b| {
            is_final
                || COUNTED.contains(
                    &b.box_status
                        .as_deref()
                        .unwrap_or("")
                        .to_lowercase()
                        .as_str(),
                )
        })
        .filter_map(|b| {
            let source = format!(
                "{page} WRO {} box {}",
                wro.id,
                b.box_number.unwrap_or(b.box_id)
            );
            let mut problems = Vec::new();
            if po_number.is_empty() {
                problems.push(format!("{source}: purchase_order_number: empty"));
            }
            let mut lines: Vec<ReceiptLineIn> = Vec::new();
            for item in b.box_items.iter().filter(|i| i.received_quantity > 0) {
                let sku = skus.get(&item.inventory_id).cloned().unwrap_or_else(|| {
                    problems.push(format!(
                        "{source}: inventory id {} is not among the WRO's SKUs",
                        item.inventory_id
                    ));
                    String::new()
                });
                match lines.iter_mut().find(|l| !sku.is_empty() && l.sku == sku) {
                    Some(l) => l.quantity += item.received_quantity,
                    None => lines.push(ReceiptLineIn {
                        sku,
                        quantity: item.received_quantity,
                        source: source.clone(),
                    }),
                }
            }
            (!lines.is_empty()).then(|| ReceiptIn {
                external_id: format!("{}-box-{}", wro.id, b.box_id),
                po_number: po_number.clone(),
                received_at: text(&b.received_date)
                    .or_else(|| text(&wro.last_updated_date))
                    .and_then(|d| normalize_timestamp(&d)),
                lines,
                source,
                problems,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wro(status: &str) -> wire::Wro {
        serde_json::from_str(&format!(
            r#"{{"id":443001,"status":"{status}","purchase_order_number":"PO-7",
                "inventory_quantities":[{{"inventory_id":1,"sku":"TEE-1"}},{{"inventory_id":2,"sku":"MUG-1"}}]}}"#
        ))
        .unwrap()
    }

    fn boxes() -> Vec<wire::WroBox> {
        serde_json::from_str(
            r#"[{"box_id":11,"box_number":1,"box_status":"Stowing","received_date":"2025-02-19T01:23:05.85+00:00",
                 "box_items":[{"inventory_id":1,"quantity":100,"received_quantity":98},
                              {"inventory_id":2,"quantity":5,"received_quantity":0}]},
                {"box_id":12,"box_number":2,"box_status":"Counting",
                 "box_items":[{"inventory_id":2,"quantity":10,"received_quantity":4}]}]"#,
        )
        .unwrap()
    }

    #[test]
    fn counted_boxes_are_receipts_with_stable_ids() {
        let list = box_receipts(&wro("Arrived"), &boxes(), false, "p");
        assert_eq!(list.len(), 1, "box 2 is still being counted");
        let r = &list[0];
        assert_eq!(
            (r.external_id.as_str(), r.po_number.as_str()),
            ("443001-box-11", "PO-7")
        );
        assert_eq!(r.received_at.as_deref(), Some("2025-02-19T01:23:05Z"));
        assert_eq!(
            (r.lines.len(), r.lines[0].sku.as_str(), r.lines[0].quantity),
            (1, "TEE-1", 98)
        );
        assert!(r.problems.is_empty());

        let done = box_receipts(&wro("Completed"), &boxes(), true, "p");
        let ids: Vec<_> = done.iter().map(|r| r.external_id.as_str()).collect();
        assert_eq!(ids, ["443001-box-11", "443001-box-12"]);
    }

    #[test]
    fn unknown_inventory_ids_are_problems() {
        let b: Vec<wire::WroBox> = serde_json::from_str(
            r#"[{"box_id":1,"box_status":"Completed","box_items":[{"inventory_id":9,"received_quantity":1}]}]"#,
        )
        .unwrap();
        let list = box_receipts(&wro("Completed"), &b, true, "p");
        assert_eq!(
            list[0].problems,
            ["p WRO 443001 box 1: inventory id 9 is not among the WRO's SKUs"]
        );
    }
}
