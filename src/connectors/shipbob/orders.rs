//! Shipments out as ShipBob orders (`POST order`, `reference_id` = our shipment reference)
//! and their cancellation (`POST order/{id}:cancel`).
//!
//! Idempotent on the reference: the whole batch is looked up first (`GET
//! order?ReferenceIds=…`) and only missing orders are created. When a create's answer is
//! lost (timeout, broken connection, 5xx) ShipBob may still have made the order, so it
//! is looked up again before any resend: never a second order for one shipment.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::ShipbobChannel;
use super::wire::{self, is_cancelled, text};
use crate::connectors::Sent;
use crate::connectors::http::batch::{self, Refusal};
use crate::connectors::http::{HttpError, Retry, with_query};
use crate::model::shipment::ShipmentRequest;

/// References per lookup request (they travel comma-separated in the query).
const LOOKUP_CHUNK: usize = 50;

pub(super) fn send(ch: &mut ShipbobChannel, list: &[ShipmentRequest]) -> anyhow::Result<Vec<Sent>> {
    if list.is_empty() {
        return Ok(Vec::new());
    }
    let refs: Vec<&str> = list.iter().map(|s| s.reference.as_str()).collect();
    let existing = lookup(ch, &refs)?;
    batch::each(
        list,
        |s| s.reference.clone(),
        |s| {
            if let Some(order) = existing.get(&s.reference) {
                return Ok(Some(order.id.to_string()));
            }
            let body = order_body(s).map_err(Refusal::Record)?;
            create(ch, &s.reference, &body).map(|id| Some(id.to_string()))
        },
    )
}

/// Posts one order; after a lost answer, looks it up before trying again.
fn create(ch: &mut ShipbobChannel, reference: &str, body: &Value) -> Result<i64, Refusal> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match ch.http.post("order", body, Retry::Unsafe) {
            Ok(reply) => return Ok(reply.json::<wire::Order>()?.id),
            Err(e) if e.maybe_applied => {
                if let Some(order) = lookup(ch, &[reference])?.remove(reference) {
                    tracing::info!(
                        "channel `{}`: order for {reference} was created although its answer was lost",
                        ch.code
                    );
                    return Ok(order.id);
                }
                if attempt > ch.http.max_retries() {
                    return Err(e.into());
                }
                ch.http.pause(attempt);
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// ShipBob's orders for these references, by reference. A cancelled order counts only
/// when there is no live one for the same reference.
pub(super) fn lookup(
    ch: &mut ShipbobChannel,
    refs: &[&str],
) -> Result<HashMap<String, wire::Order>, HttpError> {
    let mut found: HashMap<String, wire::Order> = HashMap::new();
    for chunk in refs.chunks(LOOKUP_CHUNK) {
        let joined = chunk.join(",");
        let mut next = Some(with_query(
            "order",
            &[("ReferenceIds", joined.as_str()), ("Limit", "250")],
        ));
        while let Some(endpoint) = next.take() {
            let reply = ch.http.get(&endpoint)?;
            let orders: Vec<wire::Order> = reply.json()?;
            next = super::next_page(&reply).filter(|n| *n != endpoint);
            for order in orders {
                let Some(reference) = text(&order.reference_id) else {
                    continue;
                };
                if !chunk.contains(&reference.as_str()) || !ch.ours(&order) {
                    continue;
                }
                let keep = found
                    .get(&reference)
                    .is_none_or(|old| is_cancelled(&old.status) && !is_cancelled(&order.status));
                if keep {
                    found.insert(reference, order);
                }
            }
        }
    }
    Ok(found)
}

/// The `POST order` body for one shipment.
fn order_body(s: &ShipmentRequest) -> Result<Value, String> {
    let method = [&s.shipping_method, &s.carrier_service]
        .into_iter()
        .find_map(text)
        .ok_or_else(|| {
            format!(
                "shipment {}: no shipping method: map its carrier service in the channel's carrier_map",
                s.reference
            )
        })?;
    if s.lines.is_empty() {
        return Err(format!("shipment {}: no lines to ship", s.reference));
    }
    let a = &s.ship_to;
    let mut body = json!({
        "reference_id": s.reference,
        "order_number": s.order_name,
        "type": "DTC",
        "shipping_method": method,
        "recipient": {
            "name": a.name,
            "address": {
                "address1": a.address1,
                "address2": a.address2,
                "company_name": a.company,
                "city": a.city,
                "state": a.province,
                "country": a.country,
                "zip_code": a.zip,
            },
            "email": s.email,
            "phone_number": a.phone,
        },
        // By reference_id and name, ShipBob finds the product or creates it.
        // A kit's components carry their bundle line as the line reference (ShipBob takes a
        // number there), so the components of one kit can be told apart from the rest.
        "products": s.lines.iter().map(|l| {
            let mut p = json!({
                "reference_id": l.sku,
                "name": l.title.as_deref().unwrap_or(&l.sku),
                "quantity": l.quantity,
            });
            if let Some(kit) = l.bundle_line_id {
                p["external_line_id"] = json!(kit);
            }
            p
        }).collect::<Vec<_>>(),
    });
    if let Some(location) = text(&s.location_id) {
        let id: i64 = location.parse().map_err(|_| {
            format!(
                "shipment {}: location_id `{location}` of warehouse `{}` is not a ShipBob fulfillment center id",
                s.reference, s.warehouse
            )
        })?;
        body["location_id"] = json!(id);
    }
    Ok(body)
}

pub(super) fn cancel(ch: &mut ShipbobChannel, references: &[String]) -> anyhow::Result<Vec<Sent>> {
    if references.is_empty() {
        return Ok(Vec::new());
    }
    let refs: Vec<&str> = references.iter().map(String::as_str).collect();
    let existing = lookup(ch, &refs)?;
    batch::each(references, String::clone, |reference| {
        let Some(order) = existing.get(reference) else {
            return Err(Refusal::Record(format!(
                "no ShipBob order has reference_id `{reference}`"
            )));
        };
        if is_cancelled(&order.status) {
            return Ok(Some(order.id.to_string()));
        }
        let reply = ch.http.request(
            reqwest::Method::POST,
            &format!("order/{}:cancel", order.id),
            None,
            Retry::Safe,
        )?;
        let result: wire::CancelResult = reply.json()?;
        let refused: Vec<String> = result
            .canceled_shipment_results
            .iter()
            .filter(|r| r.is_success == Some(false))
            .map(|r| {
                format!(
                    "shipment {}: {}",
                    r.shipment_id,
                    r.reason.as_deref().unwrap_or("refused")
                )
            })
            .collect();
        if refused.is_empty() {
            Ok(Some(order.id.to_string()))
        } else {
            Err(Refusal::Record(format!(
                "ShipBob did not cancel order {}: {}",
                order.id,
                refused.join("; ")
            )))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::order::Address;
    use crate::model::shipment::ShipmentRequestLine;

    fn request() -> ShipmentRequest {
        ShipmentRequest {
            reference: "S0000001".into(),
            order_name: "#1001".into(),
            warehouse: "west".into(),
            location_id: Some("10".into()),
            carrier_service: Some("standard".into()),
            shipping_method: Some("Standard".into()),
            email: Some("bob@example.com".into()),
            ship_to: Address {
                name: Some("Bob Norman".into()),
                address1: Some("Chestnut Street 92".into()),
                city: Some("Louisville".into()),
                province: Some("KY".into()),
                zip: Some("40202".into()),
                country: Some("US".into()),
                ..Default::default()
            },
            lines: vec![ShipmentRequestLine {
                sku: "TEE-1".into(),
                quantity: 2,
                title: None,
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn order_body_carries_reference_recipient_products_and_location() {
        let body = order_body(&request()).unwrap();
        assert_eq!(body["reference_id"], "S0000001");
        assert_eq!(body["shipping_method"], "Standard");
        assert_eq!(body["location_id"], 10);
        assert_eq!(body["recipient"]["address"]["state"], "KY");
        assert_eq!(
            body["products"],
            json!([{ "reference_id": "TEE-1", "name": "TEE-1", "quantity": 2 }])
        );
    }

    #[test]
    fn a_kit_component_names_its_bundle_line() {
        let mut r = request();
        r.lines[0].bundle_sku = Some("KIT-1".into());
        r.lines[0].bundle_line_id = Some(41);
        let body = order_body(&r).unwrap();
        assert_eq!(body["products"][0]["external_line_id"], 41);
        assert_eq!(body["products"][0]["reference_id"], "TEE-1");
    }

    #[test]
    fn order_body_refuses_what_shipbob_cannot_take() {
        let mut r = request();
        r.shipping_method = None;
        assert_eq!(order_body(&r).unwrap()["shipping_method"], "standard");
        r.carrier_service = None;
        assert!(order_body(&r).unwrap_err().contains("no shipping method"));
        let mut r = request();
        r.location_id = Some("west-fc".into());
        assert!(
            order_body(&r)
                .unwrap_err()
                .contains("`west-fc` of warehouse `west` is not a ShipBob fulfillment center id")
        );
    }
}
