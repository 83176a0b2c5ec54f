//! Order updates out: each shipment that left becomes a Shopify fulfillment (through the
//! order's fulfillment orders, with tracking), and a cancellation cancels the order.
//!
//! Never twice: a fulfillment whose tracking number the shop already shows is not
//! created again, and only what the fulfillment orders still call fulfillable is
//! fulfilled — so a resend after a crash or a lost answer finds the work done.

use std::collections::HashMap;

use serde_json::json;

use super::ShopifyChannel;
use super::wire::{self, text};
use crate::connectors::Sent;
use crate::connectors::http::batch::{self, Refusal};
use crate::connectors::http::{HttpError, Retry};
use crate::model::shipment::{Fulfillment, OrderUpdate};
use crate::model::sku_key;

/// Fulfillment order statuses Shopify accepts new fulfillments for.
const FULFILLABLE: [&str; 2] = ["open", "in_progress"];
/// Fulfillment statuses that did not ship anything.
const VOID: [&str; 3] = ["cancelled", "error", "failure"];

pub(super) fn export(
    ch: &mut ShopifyChannel,
    updates: &[OrderUpdate],
) -> anyhow::Result<Vec<Sent>> {
    batch::each(updates, |u| u.order_id.to_string(), |u| export_one(ch, u))
}

fn export_one(ch: &mut ShopifyChannel, u: &OrderUpdate) -> Result<Option<String>, Refusal> {
    let id: i64 = u.external_id.trim().parse().map_err(|_| {
        Refusal::Record(format!(
            "order {}: `{}` is not a Shopify order id",
            u.order_id, u.external_id
        ))
    })?;
    let mut ids: Vec<String> = Vec::new();
    if !u.fulfillments.is_empty() {
        let mut order = OrderFulfilment::read(ch, id)?;
        for f in &u.fulfillments {
            if let Some(done) = order.fulfil(ch, f)? {
                ids.push(done.to_string());
            }
        }
    }
    if u.cancelled {
        cancel(ch, id)?;
    }
    Ok((!ids.is_empty()).then(|| ids.join(",")))
}

/// What the shop knows about one order's fulfilment, kept current as oms adds to it.
struct OrderFulfilment {
    id: i64,
    existing: Vec<wire::Fulfillment>,
    /// (fulfillment order id, its line id, order line item id, units still fulfillable)
    open: Vec<(i64, i64, i64, i64)>,
    /// SKU key → order line item ids, read only when a line lacks its Shopify id.
    by_sku: Option<HashMap<String, Vec<i64>>>,
}

impl OrderFulfilment {
    fn read(ch: &mut ShopifyChannel, id: i64) -> Result<OrderFulfilment, HttpError> {
        let mut o = OrderFulfilment {
            id,
            existing: Vec::new(),
            open: Vec::new(),
            by_sku: None,
        };
        o.refresh(ch)?;
        Ok(o)
    }

    fn refresh(&mut self, ch: &mut ShopifyChannel) -> Result<(), HttpError> {
        let id = self.id;
        let list: wire::Fulfillments = ch
            .gql
            .http
            .get(&format!("orders/{id}/fulfillments.json"))?
            .json()?;
        self.existing = list.fulfillments;
        let fos: wire::FulfillmentOrders = ch
            .gql
            .http
            .get(&format!("orders/{id}/fulfillment_orders.json"))?
            .json()?;
        self.open = fos
            .fulfillment_orders
            .iter()
            .filter(|fo| FULFILLABLE.contains(&fo.status.as_deref().unwrap_or("")))
            .flat_map(|fo| {
                fo.line_items
                    .iter()
                    .filter(|l| l.fulfillable_quantity > 0)
                    .map(move |l| (fo.id, l.id, l.line_item_id, l.fulfillable_quantity))
            })
            .collect();
        Ok(())
    }

    /// The shop's fulfillment carrying one of `f`'s tracking numbers, if there is one.
    fn already_there(&self, f: &Fulfillment) -> Option<i64> {
        self.existing
            .iter()
            .filter(|x| !VOID.contains(&x.status.as_deref().unwrap_or("")))
            .find(|x| {
                x.tracking_numbers
                    .iter()
                    .chain(x.tracking_number.iter())
                    .any(|t| {
                        f.tracking_numbers
                            .iter()
                            .any(|mine| mine.trim() == t.trim())
                    })
            })
            .map(|x| x.id)
    }

    /// Creates the fulfillment for `f` unless the shop already has it; its id, or `None`
    /// when the shop had nothing left to fulfil for these lines.
    fn fulfil(&mut self, ch: &mut ShopifyChannel, f: &Fulfillment) -> Result<Option<i64>, Refusal> {
        if let Some(existing) = self.already_there(f) {
            return Ok(Some(existing));
        }
        let mut take: Vec<(i64, i64, i64)> = Vec::new(); // (fulfillment order, its line, units)
        for line in &f.lines {
            let line_item = self.line_item_id(ch, f, line)?;
            let mut left = line.quantity;
            for open in self.open.iter_mut().filter(|o| o.2 == line_item && o.3 > 0) {
                let units = left.min(open.3);
                if units > 0 {
                    take.push((open.0, open.1, units));
                    open.3 -= units;
                    left -= units;
                }
            }
            if left > 0 && left < line.quantity {
                tracing::warn!(
                    "channel `{}`: shipment {}: {left} of {} units of `{}` are no longer fulfillable in Shopify order {}; fulfilling the rest",
                    ch.code,
                    f.reference,
                    line.quantity,
                    line.sku,
                    self.id
                );
            }
        }
        if take.is_empty() {
            // Fulfilled already (by an earlier run whose answer was lost, or by hand).
            return Ok(None);
        }
        let body = request_body(f, &take, ch.notify_customer);
        match ch.gql.http.post("fulfillments.json", &body, Retry::Unsafe) {
            Ok(reply) => {
                let created: wire::FulfillmentOne = reply.json()?;
                self.existing.push(created.fulfillment);
                Ok(self.existing.last().map(|x| x.id))
            }
            Err(e) if e.maybe_applied => {
                // The answer was lost: see whether the shop made it before anything else.
                self.refresh(ch)?;
                if let Some(existing) = self.already_there(f) {
                    return Ok(Some(existing));
                }
                let still_open = take.iter().any(|(fo, line, _)| {
                    self.open
                        .iter()
                        .any(|o| o.0 == *fo && o.1 == *line && o.3 > 0)
                });
                if still_open { Err(e.into()) } else { Ok(None) }
            }
            Err(e) => Err(e.into()),
        }
    }

    fn line_item_id(
        &mut self,
        ch: &mut ShopifyChannel,
        f: &Fulfillment,
        line: &crate::model::shipment::FulfilledLine,
    ) -> Result<i64, Refusal> {
        if let Some(id) = line
            .external_line_id
            .as_deref()
            .and_then(|s| s.trim().parse().ok())
        {
            return Ok(id);
        }
        if self.by_sku.is_none() {
            let order: wire::OrderOne = ch
                .gql
                .http
                .get(&format!(
                    "orders/{}.json?fields=id,cancelled_at,line_items",
                    self.id
                ))?
                .json()?;
            let mut map: HashMap<String, Vec<i64>> = HashMap::new();
            for li in &order.order.line_items {
                if let Some(sku) = text(&li.sku) {
                    map.entry(sku_key(&sku)).or_default().push(li.id);
                }
            }
            self.by_sku = Some(map);
        }
        match self
            .by_sku
            .as_ref()
            .and_then(|m| m.get(&sku_key(&line.sku)))
        {
            Some(ids) if ids.len() == 1 => Ok(ids[0]),
            Some(_) => Err(Refusal::Record(format!(
                "shipment {}: SKU `{}` is on several lines of Shopify order {}; oms needs the line id",
                f.reference, line.sku, self.id
            ))),
            None => Err(Refusal::Record(format!(
                "shipment {}: SKU `{}` is not on Shopify order {}",
                f.reference, line.sku, self.id
            ))),
        }
    }
}

fn request_body(f: &Fulfillment, take: &[(i64, i64, i64)], notify: bool) -> serde_json::Value {
    let mut by_order: Vec<(i64, Vec<serde_json::Value>)> = Vec::new();
    for (fo, line, units) in take {
        let item = json!({ "id": line, "quantity": units });
        match by_order.iter_mut().find(|(id, _)| id == fo) {
            Some((_, items)) => items.push(item),
            None => by_order.push((*fo, vec![item])),
        }
    }
    let mut fulfillment = json!({
        "notify_customer": notify,
        "line_items_by_fulfillment_order": by_order
            .into_iter()
            .map(|(fo, items)| json!({ "fulfillment_order_id": fo, "fulfillment_order_line_items": items }))
            .collect::<Vec<_>>(),
    });
    let mut tracking = serde_json::Map::new();
    // Shopify's REST fulfillment takes one number; the first is the parcel people track.
    if let Some(number) = f.tracking_numbers.iter().find(|t| !t.trim().is_empty()) {
        tracking.insert("number".into(), json!(number.trim()));
    }
    if let Some(company) = f.carrier.as_deref().filter(|c| !c.trim().is_empty()) {
        tracking.insert("company".into(), json!(company));
    }
    if let Some(url) = f.tracking_url.as_deref().filter(|u| !u.trim().is_empty()) {
        tracking.insert("url".into(), json!(url));
    }
    if !tracking.is_empty() {
        fulfillment["tracking_info"] = serde_json::Value::Object(tracking);
    }
    json!({ "fulfillment": fulfillment })
}

/// Cancels the order unless the shop shows it cancelled already.
fn cancel(ch: &mut ShopifyChannel, id: i64) -> Result<(), Refusal> {
    let state = |ch: &mut ShopifyChannel| -> Result<bool, HttpError> {
        let order: wire::OrderOne = ch
            .gql
            .http
            .get(&format!("orders/{id}.json?fields=id,cancelled_at"))?
            .json()?;
        Ok(order.order.cancelled_at.is_some())
    };
    if state(ch)? {
        return Ok(());
    }
    match ch
        .gql
        .http
        .post(&format!("orders/{id}/cancel.json"), &json!({}), Retry::Safe)
    {
        Ok(_) => Ok(()),
        // A 422 is also what a second cancel gets: believe the order, not the error.
        Err(e) if e.is_record_error() && state(ch)? => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_groups_lines_by_fulfillment_order_and_carries_tracking() {
        let f = Fulfillment {
            reference: "S1".into(),
            carrier: Some("UPS".into()),
            tracking_numbers: vec!["1Z1".into(), "1Z2".into()],
            tracking_url: Some("https://ups.example/1Z1".into()),
            ..Default::default()
        };
        let body = request_body(&f, &[(10, 100, 1), (11, 110, 2), (10, 101, 3)], false);
        assert_eq!(
            body,
            json!({ "fulfillment": {
                "notify_customer": false,
                "line_items_by_fulfillment_order": [
                    { "fulfillment_order_id": 10, "fulfillment_order_line_items": [
                        { "id": 100, "quantity": 1 }, { "id": 101, "quantity": 3 } ] },
                    { "fulfillment_order_id": 11, "fulfillment_order_line_items": [
                        { "id": 110, "quantity": 2 } ] }
                ],
                "tracking_info": { "number": "1Z1", "company": "UPS", "url": "https://ups.example/1Z1" }
            }})
        );
        let bare = request_body(&Fulfillment::default(), &[(1, 2, 3)], false);
        assert!(bare["fulfillment"].get("tracking_info").is_none());
    }
}
