//! RMAs as ShipBob return orders (docs/returns.md, docs/connectors.md).
//!
//! Out: `POST return` with `reference_id` = the RMA number, after looking the number up
//! (`GET return?ReferenceIds=…`), and again when the answer was lost, so a resend never
//! makes a second return order.
//! In: each RMA sent and still expected is read by its id (`GET return/{id}`) until its
//! status is `Completed`; then its items' `action_taken` become the receipt's lines.

use serde::Deserialize;
use serde_json::json;

use super::wire::{self, nullable, text};
use super::{ShipbobChannel, products};
use crate::connectors::http::{Retry, with_query};
use crate::connectors::{Fetched, Sent, Sink};
use crate::model::returns::{
    Disposition, ReturnReceiptIn, ReturnReceiptLine, ReturnRequest, SentReturn,
};
use crate::model::sku_key;

#[derive(Debug, Deserialize)]
struct ReturnOrder {
    id: i64,
    #[serde(default)]
    reference_id: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    inventory: Vec<Item>,
}

#[derive(Debug, Deserialize)]
struct Item {
    #[serde(default)]
    id: Option<i64>,
    #[serde(default)]
    sku: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    action_taken: Vec<Action>,
}

#[derive(Debug, Deserialize)]
struct Action {
    #[serde(default)]
    action: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    quantity_processed: i64,
}

/// Lists come as an array or, in later versions, as a page with `items`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Listed {
    Array(Vec<ReturnOrder>),
    Page { items: Vec<ReturnOrder> },
}

pub(super) fn send(ch: &mut ShipbobChannel, rma: &ReturnRequest) -> anyhow::Result<Sent> {
    if let Some(id) = existing(ch, &rma.number)? {
        return Ok(Sent::ok(&rma.number, Some(id.to_string())));
    }
    let refuse = |message: String| Sent::refused(rma.number.clone(), message);
    let Some(location) = text(&rma.location_id).and_then(|l| l.parse::<i64>().ok()) else {
        return Ok(refuse(format!(
            "{}: warehouse `{}` has no numeric location_id (its ShipBob fulfillment center id)",
            rma.number, rma.warehouse
        )));
    };
    let ids = products::inventory_ids(ch)?;
    let mut inventory = Vec::new();
    let mut unknown = Vec::new();
    for line in &rma.lines {
        match ids.get(&sku_key(&line.sku)) {
            Some(id) => inventory.push(json!({
                "id": id,
                "quantity": line.quantity,
                "requested_action": "Default",
            })),
            None => unknown.push(line.sku.as_str()),
        }
    }
    if !unknown.is_empty() {
        return Ok(refuse(format!(
            "{}: SKU(s) not in ShipBob: {}",
            rma.number,
            unknown.join(", ")
        )));
    }
    let body = json!({
        "reference_id": rma.number,
        "fulfillment_center": { "id": location },
        "inventory": inventory,
    });
    match ch.http.post("return", &body, Retry::Unsafe) {
        Ok(reply) => {
            let created: ReturnOrder = wire::decode(&reply, &ch.code)?;
            Ok(Sent::ok(&rma.number, Some(created.id.to_string())))
        }
        // The answer was lost: ShipBob may hold the return now; ask before sending again.
        Err(e) if e.maybe_applied => match existing(ch, &rma.number)? {
            Some(id) => Ok(Sent::ok(&rma.number, Some(id.to_string()))),
            None => Err(e.into()),
        },
        Err(e) if e.is_record_error() => Ok(refuse(e.to_string())),
        Err(e) => Err(e.into()),
    }
}

/// The live return order already made for RMA `number`, if any.
fn existing(ch: &mut ShipbobChannel, number: &str) -> anyhow::Result<Option<i64>> {
    let endpoint = with_query("return", &[("ReferenceIds", number)]);
    let listed: Listed = wire::decode(&ch.http.get(&endpoint)?, &ch.code)?;
    let orders = match listed {
        Listed::Array(v) | Listed::Page { items: v } => v,
    };
    Ok(orders
        .iter()
        .find(|r| {
            text(&r.reference_id).as_deref() == Some(number) && !wire::is_cancelled(&r.status)
        })
        .map(|r| r.id))
}

/// One receipt per sent RMA whose return order is `Completed`; the others are still on
/// their way (or being processed) and are asked about again next time.
pub(super) fn receipts(
    ch: &mut ShipbobChannel,
    sent: &[SentReturn],
    sink: Sink<ReturnReceiptIn>,
) -> anyhow::Result<()> {
    let mut skus: Option<Vec<(String, i64)>> = None;
    for rma in sent {
        let Some(id) = rma.external_id.as_deref() else {
            continue;
        };
        let endpoint = format!("return/{id}");
        let reply = ch.http.get(&endpoint)?;
        let order: ReturnOrder = wire::decode(&reply, &ch.code)?;
        let completed = order
            .status
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("completed"));
        if !completed {
            continue;
        }
        let mut receipt = ReturnReceiptIn {
            external_id: format!("return:{}", order.id),
            rma: rma.number.clone(),
            source: format!("{} return {}", ch.code, order.id),
            ..ReturnReceiptIn::default()
        };
        for item in &order.inventory {
            let sku = match text(&item.sku) {
                Some(s) => Some(s),
                None => {
                    let known = match &skus {
                        Some(k) => k,
                        None => skus.insert(products::inventory_skus(ch)?),
                    };
                    known
                        .iter()
                        .find(|(_, inv)| Some(*inv) == item.id)
                        .map(|(s, _)| s.clone())
                }
            };
            let Some(sku) = sku else {
                receipt.problems.push(format!(
                    "{}: item {}: no SKU, and its inventory id is not a ShipBob product here",
                    receipt.source,
                    item.id.map_or("?".to_string(), |i| i.to_string())
                ));
                continue;
            };
            for action in item
                .action_taken
                .iter()
                .filter(|a| a.quantity_processed > 0)
            {
                receipt.lines.push(ReturnReceiptLine {
                    sku: sku.clone(),
                    quantity: action.quantity_processed,
                    disposition: disposition_of(action.action.as_deref()),
                    origin: format!("{} {sku}", receipt.source),
                });
            }
        }
        sink(Fetched::Record(receipt))?;
        sink(Fetched::SourceDone {
            source: format!("return:{}", order.id),
        })?;
    }
    Ok(())
}

/// ShipBob's action taken on an item, as oms's disposition; an action oms does not know
/// leaves it to the RMA reason's configured default.
fn disposition_of(action: Option<&str>) -> Option<Disposition> {
    let a = action?.to_lowercase();
    if a.contains("restock") {
        Some(Disposition::Restock)
    } else if a.contains("quarantine") {
        Some(Disposition::Quarantine)
    } else if ["dispose", "destroy", "discard", "recycle", "donate"]
        .iter()
        .any(|w| a.contains(w))
    {
        Some(Disposition::Dispose)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_map_to_dispositions() {
        assert_eq!(disposition_of(Some("Restock")), Some(Disposition::Restock));
        assert_eq!(
            disposition_of(Some("Quarantine")),
            Some(Disposition::Quarantine)
        );
        assert_eq!(disposition_of(Some("Dispose")), Some(Disposition::Dispose));
        assert_eq!(disposition_of(Some("Inspect")), None);
        assert_eq!(disposition_of(None), None);
    }
}
