//! The `shipbob` connector's shipments against a mock API speaking ShipBob's 2026-01
//! shapes: orders created once per reference (also after a lost answer), tracking read
//! and acknowledged, cancellations (fixtures in tests/fixtures/shipbob/).

mod connector_support;

use std::time::Duration;

use connector_support::{Recorded, SHIPBOB_API, SHIPBOB_CHANNEL, TOKEN, fixture, shipbob};
use httpmock::prelude::*;
use oms::model::order::Address;
use oms::model::shipment::{
    ConfirmedStatus, ShipmentConfirmation, ShipmentRequest, ShipmentRequestLine,
};
use serde_json::json;

fn request(reference: &str) -> ShipmentRequest {
    ShipmentRequest {
        reference: reference.into(),
        order_id: 1,
        order_name: "#1002".into(),
        order_external_id: "450789470".into(),
        sales_channel: "shop".into(),
        warehouse: "west".into(),
        location_id: Some("10".into()),
        shipping_method: Some("Standard".into()),
        email: Some("ann.lee@mail.example.com".into()),
        ship_to: Address {
            name: Some("Ann Lee".into()),
            address1: Some("12 Elm Road".into()),
            city: Some("Toronto".into()),
            province: Some("ON".into()),
            zip: Some("M5V 2T6".into()),
            country: Some("CA".into()),
            ..Default::default()
        },
        lines: vec![ShipmentRequestLine {
            sku: "TEE-1".into(),
            quantity: 2,
            title: Some("Black Tee M".into()),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn created_order() -> String {
    fixture("shipbob/order-created.json")
}

#[test]
fn shipments_become_orders_once_per_reference() {
    let server = MockServer::start();
    let existing = created_order()
        .replace("S0000001", "S0000002")
        .replace("309589638", "309589639");
    let lookup = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/order"))
            .query_param("ReferenceIds", "S0000001,S0000002")
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("shipbob_channel_id", "432951");
        then.status(200).body(format!("[{existing}]"));
    });
    let create = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/order"))
            .json_body_includes(
                r#"{"reference_id":"S0000001","shipping_method":"Standard","location_id":10}"#,
            )
            .json_body_includes(
                r#"{"products":[{"reference_id":"TEE-1","name":"Black Tee M","quantity":2}]}"#,
            )
            .json_body_includes(
                r#"{"recipient":{"name":"Ann Lee","email":"ann.lee@mail.example.com"}}"#,
            );
        then.status(201).body(created_order());
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let answers = ch
        .send_shipments(&[request("S0000001"), request("S0000002")])
        .unwrap();
    lookup.assert_calls(1);
    create.assert_calls(1);
    let ids: Vec<_> = answers
        .iter()
        .map(|a| {
            (
                a.reference.as_str(),
                a.external_id.as_deref(),
                a.error.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("S0000001", Some("309589638"), None),
            ("S0000002", Some("309589639"), None)
        ]
    );
}

/// The mock "creates" the order and then loses the answer: the next lookup finds it.
fn lost_answer(then_create: impl FnOnce(httpmock::Then)) {
    let server = MockServer::start();
    let before = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/order"))
            .query_param("ReferenceIds", "S0000001");
        then.status(200).body("[]");
    });
    before.up_to_n_times(1);
    let after = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/order"))
            .query_param("ReferenceIds", "S0000001");
        then.status(200).body(format!("[{}]", created_order()));
    });
    let create = server.mock(|when, then| {
        when.method(POST).path(format!("{SHIPBOB_API}/order"));
        then_create(then);
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let answers = ch.send_shipments(&[request("S0000001")]).unwrap();
    create.assert_calls(1);
    before.assert_calls(1);
    after.assert_calls(1);
    assert_eq!(answers[0].error, None);
    assert_eq!(answers[0].external_id.as_deref(), Some("309589638"));
}

#[test]
fn a_500_after_creating_is_looked_up_not_sent_twice() {
    lost_answer(|then| {
        then.status(500)
            .body(r#"{"title":"Internal Server Error"}"#);
    });
}

#[test]
fn a_timeout_after_creating_is_looked_up_not_sent_twice() {
    lost_answer(|then| {
        then.status(201)
            .delay(Duration::from_millis(2500))
            .body(created_order());
    });
}

#[test]
fn an_order_that_was_not_created_is_sent_again() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/order"));
        then.status(200).body("[]");
    });
    let failing = server.mock(|when, then| {
        when.method(POST).path(format!("{SHIPBOB_API}/order"));
        then.status(503);
    });
    failing.up_to_n_times(1);
    let create = server.mock(|when, then| {
        when.method(POST).path(format!("{SHIPBOB_API}/order"));
        then.status(201).body(created_order());
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let answers = ch.send_shipments(&[request("S0000001")]).unwrap();
    failing.assert_calls(1);
    create.assert_calls(1);
    assert_eq!(answers[0].external_id.as_deref(), Some("309589638"));
}

#[test]
fn refused_orders_are_answered_alone() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/order"));
        then.status(200).body("[]");
    });
    server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/order"))
            .json_body_includes(r#"{"reference_id":"S0000001"}"#);
        then.status(400)
            .body(r#"{"Recipient.Address.Address1":["The Address1 field is required."]}"#);
    });
    server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/order"))
            .json_body_includes(r#"{"reference_id":"S0000002"}"#);
        then.status(201).body(created_order());
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let answers = ch
        .send_shipments(&[request("S0000001"), request("S0000002")])
        .unwrap();
    assert_eq!(
        answers[0].error.as_deref(),
        Some(
            "channel `sb`: POST /2026-01/order: HTTP 400 Bad Request: Recipient.Address.Address1: The Address1 field is required."
        )
    );
    assert_eq!(answers[1].error, None);
}

#[test]
fn tracking_is_confirmed_and_marked_uploaded_only_after_ack() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/order"))
            .query_param("HasTracking", "true")
            .query_param("IsTrackingUploaded", "false");
        then.status(200)
            .body(fixture("shipbob/orders-with-tracking.json"));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/order"))
            .query_param_exists("LastUpdateStartDate");
        then.status(200).body(fixture("shipbob/orders-recent.json"));
    });
    let upload = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/shipment:batchUpdateTrackingUpload"))
            .json_body(json!({ "is_tracking_uploaded": true, "shipment_ids": [100810005] }));
        then.status(200)
            .body(fixture("shipbob/tracking-uploaded.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<ShipmentConfirmation>::new();
    ch.shipment_updates(&mut got.sink()).unwrap();
    let records = got.records();
    assert_eq!(
        records.len(),
        2,
        "half-shipped and other channels' orders wait: {records:?}"
    );
    let c = records[0];
    assert_eq!(
        (c.reference.as_str(), c.status),
        ("S0000003", ConfirmedStatus::Shipped)
    );
    assert_eq!(c.tracking_numbers, ["9400111899223197428490"]);
    assert_eq!(c.carrier.as_deref(), Some("USPS"));
    assert_eq!(c.shipped_at.as_deref(), Some("2025-11-21T16:02:11Z"));
    assert_eq!(
        (c.lines[0].sku.as_str(), c.lines[0].quantity_shipped),
        ("TEE-1", 2)
    );
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert!(c.lots.is_empty(), "no lot, no serials: {:?}", c.lots);
    assert_eq!(
        (records[1].reference.as_str(), records[1].status),
        ("S0000005", ConfirmedStatus::Cancelled)
    );

    upload.assert_calls(0);
    let sources: Vec<String> = got.sources().iter().map(|s| s.to_string()).collect();
    for source in &sources {
        ch.ack(source).unwrap();
    }
    upload.assert_calls(1);
}

#[test]
fn shipments_are_not_read_without_a_channel_id() {
    let server = MockServer::start();
    let (_dir, mut ch) = shipbob(&server, "");
    let mut got = Recorded::<ShipmentConfirmation>::new();
    let err = ch.shipment_updates(&mut got.sink()).unwrap_err();
    assert!(err.to_string().contains("set `channel_id`"), "{err}");
}

#[test]
fn cancellations_go_to_the_referenced_orders() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/order"));
        then.status(200).body(format!("[{}]", created_order()));
    });
    let cancel = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/order/309589638:cancel"));
        then.status(200)
            .body(fixture("shipbob/order-cancel-response.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let answers = ch
        .cancel_shipments(&["S0000001".to_string(), "S0000009".to_string()])
        .unwrap();
    cancel.assert_calls(1);
    assert_eq!(answers[0].external_id.as_deref(), Some("309589638"));
    assert_eq!(answers[0].error, None);
    assert_eq!(
        answers[1].error.as_deref(),
        Some("no ShipBob order has reference_id `S0000009`")
    );
}
