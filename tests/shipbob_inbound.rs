//! The `shipbob` connector's inbound side against a mock API: stock per fulfillment
//! center, POs as receiving orders, receipts per counted box, products, the check.

mod connector_support;

use connector_support::{Recorded, SHIPBOB_API, SHIPBOB_CHANNEL, fixture, shipbob};
use httpmock::prelude::*;
use oms::model::catalog::{CatalogEntry, Product, ProductIn, Variant};
use oms::model::purchase::{PoRequest, PoRequestLine};
use oms::model::shipment::StockCount;
use serde_json::json;

#[test]
fn stock_is_counted_at_the_warehouses_fulfillment_centers() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/inventory-level/locations"));
        then.status(200)
            .body(fixture("shipbob/inventory-levels-by-location.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<StockCount>::new();
    ch.stock_counts(&mut got.sink()).unwrap();
    let counts: Vec<_> = got
        .records()
        .iter()
        .map(|c| (c.location.as_str(), c.sku.as_str(), c.on_hand))
        .collect();
    assert_eq!(
        counts,
        [("10", "TEE-1", 42), ("10", "MUG-1", 0)],
        "Cicero (228) is not ours"
    );
}

fn po(number: &str, sku: &str) -> PoRequest {
    PoRequest {
        number: number.into(),
        supplier: "Acme".into(),
        warehouse: "west".into(),
        location_id: Some("10".into()),
        expected_at: Some("2025-12-01".into()),
        note: None,
        lines: vec![PoRequestLine {
            sku: sku.into(),
            quantity: 100,
            ..Default::default()
        }],
    }
}

#[test]
fn purchase_orders_become_one_receiving_order_each() {
    let server = MockServer::start();
    let none_yet = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/receiving"))
            .query_param("PurchaseOrderNumbers", "PO-0001");
        then.status(200).body("[]");
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/receiving"))
            .query_param("PurchaseOrderNumbers", "PO-0002");
        then.status(200).body(format!(
            "[{}]",
            fixture("shipbob/receiving-created.json").replace("PO-0001", "PO-0002")
        ));
    });
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/product"));
        then.status(200).body(fixture("shipbob/products.json"));
    });
    let create = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/receiving"))
            .json_body(json!({
                "purchase_order_number": "PO-0001",
                "fulfillment_center": { "id": 10 },
                "package_type": "Package",
                "box_packaging_type": "EverythingInOneBox",
                "expected_arrival_date": "2025-12-01T00:00:00Z",
                "boxes": [{ "tracking_number": null, "box_items": [{ "inventory_id": 8588331, "quantity": 100 }] }]
            }));
        then.status(201)
            .body(fixture("shipbob/receiving-created.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let sent = ch.send_purchase_order(&po("PO-0001", "tee-1")).unwrap();
    assert_eq!(
        (sent.external_id.as_deref(), sent.error),
        (Some("443001"), None)
    );
    none_yet.assert_calls(1);
    let again = ch.send_purchase_order(&po("PO-0002", "TEE-1")).unwrap();
    assert_eq!(
        again.external_id.as_deref(),
        Some("443001"),
        "found, not made again"
    );
    create.assert_calls(1);
    let unknown = ch.send_purchase_order(&po("PO-0001", "NOPE-9")).unwrap();
    assert!(
        unknown
            .error
            .unwrap()
            .contains("SKU(s) not in ShipBob: NOPE-9")
    );
    create.assert_calls(1);
}

/// ShipBob takes a lot number per box item (and no serial numbers): each lot of a SKU is
/// an item of its own.
#[test]
fn lots_go_with_the_receiving_order() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/receiving"));
        then.status(200).body("[]");
    });
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/product"));
        then.status(200).body(fixture("shipbob/products.json"));
    });
    let create = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHIPBOB_API}/receiving"))
            .json_body_includes(
                json!({ "boxes": [{ "tracking_number": null, "box_items": [
                    { "inventory_id": 8588331, "quantity": 60, "lot_number": "L-2026-11" },
                    { "inventory_id": 8588331, "quantity": 40, "lot_number": "L-2026-12" },
                    { "inventory_id": 8588331, "quantity": 1 }
                ] }] })
                .to_string(),
            );
        then.status(201)
            .body(fixture("shipbob/receiving-created.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut order = po("PO-0001", "TEE-1");
    order.lines = vec![
        PoRequestLine {
            sku: "TEE-1".into(),
            quantity: 60,
            lot: Some("L-2026-11".into()),
            serial: None,
        },
        PoRequestLine {
            sku: "TEE-1".into(),
            quantity: 40,
            lot: Some("L-2026-12".into()),
            serial: None,
        },
        PoRequestLine {
            sku: "TEE-1".into(),
            quantity: 1,
            lot: None,
            serial: Some("SN-1".into()),
        },
    ];
    let sent = ch.send_purchase_order(&order).unwrap();
    assert_eq!(sent.error, None);
    create.assert_calls(1);
}

#[test]
fn products_are_listed_and_missing_ones_created() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/product"));
        then.status(200).body(fixture("shipbob/products.json"));
    });
    let create = server.mock(|when, then| {
        when.method(POST).path(format!("{SHIPBOB_API}/product")).json_body(json!({
            "name": "Hoodie", "type_id": 1,
            "variants": [{ "name": "Hoodie / L", "sku": "HOOD-L" }]
        }));
        then.status(201).body(r#"{"id":5003,"name":"Hoodie","variants":[{"id":7003,"name":"Hoodie / L","sku":"HOOD-L","inventory":{"inventory_id":8588400}}]}"#);
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<ProductIn>::new();
    ch.list_products(&mut got.sink()).unwrap();
    let listed: Vec<_> = got
        .records()
        .iter()
        .map(|p| &p.entry)
        .map(|e| {
            (
                e.product.handle.clone(),
                e.variant.sku.clone(),
                e.variant.barcode.clone(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "black-tee".to_string(),
                "TEE-1".to_string(),
                Some("0123456789012".to_string())
            ),
            ("mug".to_string(), "MUG-1".to_string(), None),
        ]
    );
    let entry = |handle: &str, title: &str, sku: &str, variant: Option<&str>| CatalogEntry {
        product: Product {
            handle: handle.into(),
            title: title.into(),
            ..Default::default()
        },
        variant: Variant {
            sku: sku.into(),
            title: variant.map(str::to_string),
            ..Default::default()
        },
    };
    let answers = ch
        .write_products(&[
            entry("black-tee", "Black Tee", "TEE-1", None),
            entry("hoodie", "Hoodie", "HOOD-L", Some("Hoodie / L")),
        ])
        .unwrap();
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
            ("TEE-1", Some("7001"), None),
            ("HOOD-L", Some("7003"), None)
        ]
    );
}

#[test]
fn check_names_the_configured_channel_or_says_it_is_not_the_tokens() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/channel"));
        then.status(200).body(fixture("shipbob/channels.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    assert_eq!(
        ch.check().unwrap(),
        "channel 432951 (PAT Channel), API 2026-01"
    );
    let (_dir, mut wrong) = shipbob(&server, r#"channel_id = "99""#);
    assert_eq!(
        wrong.check().unwrap_err().to_string(),
        "channel_id 99 is not one of this token's channels: 432951 (PAT Channel)"
    );
}
