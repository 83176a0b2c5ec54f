//! The `shopify` connector sending to a mock Admin API: fulfillments with tracking,
//! cancellations, stock levels, and products read (fixtures in tests/fixtures/shopify/).

mod connector_support;

use connector_support::{Recorded, SHOPIFY_API, fixture, shopify};
use httpmock::prelude::*;
use oms::connectors::Unsupported;
use oms::model::shipment::{FulfilledLine, Fulfillment, OrderUpdate, StockPublish};

fn update(fulfillments: Vec<Fulfillment>, cancelled: bool) -> OrderUpdate {
    OrderUpdate {
        order_id: 12,
        external_id: "450789470".into(),
        order_name: Some("#1002".into()),
        status: if cancelled { "cancelled" } else { "shipped" }.into(),
        cancelled,
        fulfillments,
    }
}

fn shipped(reference: &str, tracking: &str, line: &str) -> Fulfillment {
    Fulfillment {
        reference: reference.into(),
        carrier: Some("UPS".into()),
        tracking_numbers: vec![tracking.into()],
        tracking_url: Some(format!("https://www.ups.com/track?tracknum={tracking}")),
        lines: vec![FulfilledLine {
            sku: "IPOD2008RED".into(),
            external_line_id: Some(line.into()),
            quantity: 1,
        }],
        ..Default::default()
    }
}

#[test]
fn fulfillments_are_created_once_through_fulfillment_orders() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/orders/450789470/fulfillments.json"));
        then.status(200)
            .body(fixture("shopify/fulfillments-existing.json"));
    });
    server.mock(|when, then| {
        when.method(GET).path(format!(
            "{SHOPIFY_API}/orders/450789470/fulfillment_orders.json"
        ));
        then.status(200)
            .body(fixture("shopify/fulfillment-orders.json"));
    });
    let create = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHOPIFY_API}/fulfillments.json"))
            .json_body(serde_json::json!({ "fulfillment": {
                "notify_customer": false,
                "line_items_by_fulfillment_order": [{
                    "fulfillment_order_id": 1046000780,
                    "fulfillment_order_line_items": [{ "id": 1072503278, "quantity": 1 }]
                }],
                "tracking_info": {
                    "number": "1Z999AA10123456784",
                    "company": "UPS",
                    "url": "https://www.ups.com/track?tracknum=1Z999AA10123456784"
                }
            }}));
        then.status(201)
            .body(fixture("shopify/fulfillment-create-response.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let already = shipped("S0000001", "1Z001985YW99744790", "466157050");
    let new = shipped("S0000002", "1Z999AA10123456784", "518995020");
    let answers = ch
        .export_orders(&[update(vec![already.clone(), new], false)])
        .unwrap();
    create.assert_calls(1);
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].reference, "12");
    assert_eq!(answers[0].error, None);
    assert_eq!(
        answers[0].external_id.as_deref(),
        Some("255858046,1069019868")
    );

    // Sent again (an answer lost in a crash): the shop has it, nothing is created.
    let again = ch.export_orders(&[update(vec![already], false)]).unwrap();
    create.assert_calls(1);
    assert_eq!(again[0].external_id.as_deref(), Some("255858046"));
}

#[test]
fn cancellations_are_sent_only_to_orders_the_shop_has_not_cancelled() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/orders/450789470.json"));
        then.status(200)
            .body(r#"{"order":{"id":450789470,"cancelled_at":null}}"#);
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/orders/450789471.json"));
        then.status(200)
            .body(fixture("shopify/order-cancelled.json"));
    });
    let cancel = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHOPIFY_API}/orders/450789470/cancel.json"));
        then.status(200)
            .body(fixture("shopify/order-cancelled.json"));
    });
    let other_cancel = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHOPIFY_API}/orders/450789471/cancel.json"));
        then.status(422)
            .body(r#"{"error":"Cannot cancel a cancelled order"}"#);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut second = update(Vec::new(), true);
    second.order_id = 13;
    second.external_id = "450789471".into();
    let answers = ch
        .export_orders(&[update(Vec::new(), true), second])
        .unwrap();
    cancel.assert_calls(1);
    other_cancel.assert_calls(0);
    assert!(answers.iter().all(|a| a.error.is_none()), "{answers:?}");
}

#[test]
fn stock_is_set_per_inventory_item_and_unknown_skus_are_answered_alone() {
    let server = MockServer::start();
    let products = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/products.json"))
            .query_param("fields", "id,variants");
        then.status(200).body(fixture("shopify/products.json"));
    });
    let set = server.mock(|when, then| {
        when.method(POST)
            .path(format!("{SHOPIFY_API}/inventory_levels/set.json"))
            .json_body(serde_json::json!({
                "location_id": 655441491, "inventory_item_id": 49148385, "available": 5
            }));
        then.status(200)
            .body(fixture("shopify/inventory-level-set-response.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "location_id = \"655441491\"");
    let level = |sku: &str, available| StockPublish {
        sku: sku.into(),
        available,
        location_id: None,
        remote_id: None,
    };
    let answers = ch
        .push_stock(&[level("ipod2008red", 5), level("NOPE-1", 3)])
        .unwrap();
    assert_eq!(answers[0].error, None);
    assert_eq!(answers[0].external_id.as_deref(), Some("49148385"));
    assert_eq!(answers[1].reference, "NOPE-1");
    assert_eq!(answers[1].error.as_deref(), Some("SKU not in the shop"));
    ch.push_stock(&[level("IPOD2008RED", 5)]).unwrap();
    set.assert_calls(2);
    products.assert_calls(1);
}

#[test]
fn remembered_inventory_items_are_checked_instead_of_reading_every_variant() {
    let server = MockServer::start();
    let products = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/products.json"))
            .query_param("fields", "id,variants");
        then.status(200).body(fixture("shopify/products.json"));
    });
    let pink_item = r#"{"id":808950810,"sku":"IPOD2008PINK","tracked":true}"#;
    let check_one = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/inventory_items.json"))
            .query_param("ids", "808950810");
        then.status(200)
            .body(format!(r#"{{"inventory_items":[{pink_item}]}}"#));
    });
    // 808950810 still carries IPOD2008PINK; 111 is gone (its variant was deleted and
    // made again, so IPOD2008RED has a new item now).
    let check = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/inventory_items.json"))
            .query_param("ids", "808950810,111");
        then.status(200)
            .body(format!(r#"{{"inventory_items":[{pink_item}]}}"#));
    });
    let set = |item: i64| {
        server.mock(move |when, then| {
            when.method(POST)
                .path(format!("{SHOPIFY_API}/inventory_levels/set.json"))
                .json_body(serde_json::json!({
                    "location_id": 655441491, "inventory_item_id": item, "available": 2
                }));
            then.status(200)
                .body(fixture("shopify/inventory-level-set-response.json"));
        })
    };
    let (pink, red, stale) = (set(808950810), set(49148385), set(111));
    let (_dir, mut ch) = shopify(&server, 2, "location_id = \"655441491\"");
    let level = |sku: &str, remembered: &str| StockPublish {
        sku: sku.into(),
        available: 2,
        location_id: None,
        remote_id: Some(remembered.into()),
    };
    let answers = ch
        .push_stock(&[level("IPOD2008PINK", "808950810")])
        .unwrap();
    assert_eq!(answers[0].external_id.as_deref(), Some("808950810"));
    check_one.assert_calls(1);
    products.assert_calls(0);

    let answers = ch
        .push_stock(&[
            level("IPOD2008PINK", "808950810"),
            level("IPOD2008RED", "111"),
        ])
        .unwrap();
    check.assert_calls(1);
    products.assert_calls(1);
    stale.assert_calls(0);
    red.assert_calls(1);
    pink.assert_calls(2);
    assert_eq!(
        answers[1].external_id.as_deref(),
        Some("49148385"),
        "the new id is answered, to be remembered"
    );
}

#[test]
fn products_are_read_and_writing_them_is_not_supported() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/products.json"));
        then.status(200).body(fixture("shopify/products.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::new();
    ch.list_products(&mut got.sink()).unwrap();
    let skus: Vec<_> = got
        .records()
        .iter()
        .map(|p| p.entry.variant.sku.clone())
        .collect();
    assert_eq!(
        skus,
        [
            "IPOD2008PINK",
            "IPOD2008RED",
            "IPOD2008GREEN",
            "IPOD2008BLACK",
            "IPOD2009BLACK"
        ]
    );
    let first = &got.records()[0].entry;
    assert_eq!(first.product.handle, "ipod-nano");
    assert_eq!(first.variant.options[0].as_deref(), Some("Pink"));
    assert_eq!(first.variant.price_cents, Some(19900));

    let err = ch.write_products(&[]).unwrap_err();
    assert!(err.downcast_ref::<Unsupported>().is_some());
    assert_eq!(
        err.to_string(),
        "channel `shop` (shopify) cannot take products"
    );
}
