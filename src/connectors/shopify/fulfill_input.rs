//! The `FulfillmentInput` oms sends for the lines of one shipment at one location.

use serde_json::{Value, json};

use crate::model::shipment::Fulfillment;

/// `FulfillmentInput` for lines at one location, grouped by fulfillment order.
pub(super) fn fulfillment_input(
    f: &Fulfillment,
    group: &[&(String, String, String, i64)],
    notify: bool,
) -> Value {
    let mut by_order: Vec<(&str, Vec<Value>)> = Vec::new();
    for (_, fo, line, units) in group {
        let item = json!({ "id": line, "quantity": units });
        match by_order.iter_mut().find(|(id, _)| id == fo) {
            Some((_, items)) => items.push(item),
            None => by_order.push((fo.as_str(), vec![item])),
        }
    }
    let mut input = json!({
        "lineItemsByFulfillmentOrder": by_order
            .into_iter()
            .map(|(fo, items)| json!({ "fulfillmentOrderId": fo, "fulfillmentOrderLineItems": items }))
            .collect::<Vec<_>>(),
        "notifyCustomer": notify,
    });
    let mut tracking = serde_json::Map::new();
    let numbers: Vec<&str> = f
        .tracking_numbers
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    match numbers.as_slice() {
        [] => {}
        [one] => {
            tracking.insert("number".into(), json!(one));
        }
        many => {
            tracking.insert("numbers".into(), json!(many));
        }
    }
    if let Some(company) = f.carrier.as_deref().filter(|c| !c.trim().is_empty()) {
        tracking.insert("company".into(), json!(company));
    }
    if let Some(url) = f.tracking_url.as_deref().filter(|u| !u.trim().is_empty()) {
        tracking.insert("url".into(), json!(url));
    }
    if !tracking.is_empty() {
        input["trackingInfo"] = Value::Object(tracking);
    }
    input
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(fo: &str, line: &str, units: i64) -> (String, String, String, i64) {
        (
            "gid://shopify/Location/1".into(),
            fo.into(),
            line.into(),
            units,
        )
    }

    #[test]
    fn input_groups_lines_by_fulfillment_order_and_carries_tracking() {
        let f = Fulfillment {
            reference: "S1".into(),
            carrier: Some("UPS".into()),
            tracking_numbers: vec!["1Z1".into()],
            tracking_url: Some("https://ups.example/1Z1".into()),
            ..Default::default()
        };
        let (a, b, c) = (
            line("fo10", "l100", 1),
            line("fo11", "l110", 2),
            line("fo10", "l101", 3),
        );
        let input = fulfillment_input(&f, &[&a, &b, &c], true);
        assert_eq!(
            input,
            json!({
                "lineItemsByFulfillmentOrder": [
                    { "fulfillmentOrderId": "fo10", "fulfillmentOrderLineItems": [
                        { "id": "l100", "quantity": 1 }, { "id": "l101", "quantity": 3 } ] },
                    { "fulfillmentOrderId": "fo11", "fulfillmentOrderLineItems": [
                        { "id": "l110", "quantity": 2 } ] }
                ],
                "notifyCustomer": true,
                "trackingInfo": { "number": "1Z1", "company": "UPS", "url": "https://ups.example/1Z1" }
            })
        );
        let several = Fulfillment {
            tracking_numbers: vec!["A".into(), " ".into(), "B".into()],
            ..Default::default()
        };
        let input = fulfillment_input(&several, &[&a], false);
        assert_eq!(input["trackingInfo"], json!({ "numbers": ["A", "B"] }));
        assert!(
            fulfillment_input(&Fulfillment::default(), &[&a], false)
                .get("trackingInfo")
                .is_none()
        );
    }
}
