//! The whole cycle with the real binary against a mock Shopify and a mock ShipBob on
//! 127.0.0.1: an order imported from the shop is sent to the warehouse, shipped there,
//! reported back to the shop with its tracking, and the warehouse's stock is published to
//! the shop; a purchase order goes to the warehouse and its counted box comes back. The
//! database is checked after every step.

mod common;
mod cycle_support;

use cycle_support::*;
use httpmock::prelude::*;
use serde_json::json;

#[test]
fn an_order_goes_from_shopify_to_shipbob_and_back_and_stock_follows() {
    let shop = MockServer::start();
    let sb = MockServer::start();
    let cycle = Cycle::new(&shop, &sb);

    // 1. orders import
    import_the_order(&cycle, &shop);

    // 2. orders process: allocated and sent to ShipBob as one order, reference = ours.
    let lookup = shipbob_lookup(&sb, "[]");
    let create = shipbob_create(&sb);
    let report = cycle.json(["orders", "process"]);
    assert_eq!(report["allocated"], 1, "{report}");
    assert_eq!(report["send"]["sent"], 1, "{report}");
    lookup.assert_calls(1);
    create.assert_calls(1);
    assert_eq!(cycle.shipment_status(), "sent_to_warehouse");
    assert_eq!(
        cycle.text("SELECT external_id FROM shipments WHERE reference = 'S0000001'"),
        "700100",
        "ShipBob's order id is kept with the shipment"
    );
    assert_eq!(cycle.order_status(), "fulfilling");
    assert_eq!(cycle.stock("TEE-1"), (10, 2));
    assert_eq!(cycle.stock("MUG-1"), (5, 1));

    // 3. ShipBob ships it with tracking; shipments sync applies it, then acknowledges.
    sb.mock(|when, then| {
        when.method(GET)
            .path(sb_api("order"))
            .query_param("HasTracking", "true")
            .query_param("IsTrackingUploaded", "false");
        then.status(200)
            .body(fixture("shipbob-orders-shipped.json"));
    });
    sb.mock(|when, then| {
        when.method(GET)
            .path(sb_api("order"))
            .query_param_exists("LastUpdateStartDate");
        then.status(200).body("[]");
    });
    // What the database said when the acknowledgement arrived: it must already hold
    // the shipment as shipped, or a crash in between would lose the tracking for good.
    let (seen_at_ack, at_ack) = db_at_request(
        cycle.env.path("oms.db"),
        "batchUpdateTrackingUpload",
        "SELECT status FROM shipments WHERE reference = 'S0000001'",
    );
    let ack = sb.mock(move |when, then| {
        when.method(POST)
            .path(sb_api("shipment:batchUpdateTrackingUpload"))
            .json_body(json!({ "is_tracking_uploaded": true, "shipment_ids": [100810005] }))
            .is_true(at_ack);
        then.status(200)
            .body(fixture("shipbob-tracking-uploaded.json"));
    });
    let preview = cycle.json(["shipments", "sync", "--dry-run"]);
    assert_eq!(preview["shipped"], 1, "{preview}");
    ack.assert_calls(0);
    assert_eq!(
        cycle.shipment_status(),
        "sent_to_warehouse",
        "a dry run writes nothing"
    );

    let report = cycle.json(["shipments", "sync"]);
    assert_eq!(report["shipped"], 1, "{report}");
    ack.assert_calls(1);
    let seen = seen_at_ack.lock().expect("ack log").clone();
    assert!(
        !seen.is_empty() && seen.iter().all(|s| s == "shipped"),
        "acknowledged before the commit: {seen:?}"
    );
    assert_eq!(cycle.shipment_status(), "shipped");
    assert_eq!(
        cycle.text("SELECT tracking_numbers FROM shipments WHERE reference = 'S0000001'"),
        format!("[\"{TRACKING}\"]")
    );
    assert_eq!(cycle.order_status(), "shipped");
    assert_eq!(cycle.stock("TEE-1"), (8, 0));
    assert_eq!(cycle.stock("MUG-1"), (4, 0));

    // 4. orders export: one fulfillment through the order's fulfillment order, with tracking.
    shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query OrderFulfilment")
            .json_body_includes(
                json!({ "variables": { "id": "gid://shopify/Order/5710001" } }).to_string(),
            );
        then.status(200)
            .body(fixture("shopify-order-fulfilment.json"));
    });
    let fulfil = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("mutation FulfillmentCreate")
            .json_body_includes(json!({ "variables": { "fulfillment": {
                "lineItemsByFulfillmentOrder": [{
                    "fulfillmentOrderId": "gid://shopify/FulfillmentOrder/6120001",
                    "fulfillmentOrderLineItems": [
                        { "id": "gid://shopify/FulfillmentOrderLineItem/7200001", "quantity": 2 },
                        { "id": "gid://shopify/FulfillmentOrderLineItem/7200002", "quantity": 1 }
                    ]
                }],
                "notifyCustomer": false,
                "trackingInfo": {
                    "number": TRACKING,
                    "company": "USPS",
                    "url": format!("https://tools.usps.com/go/TrackConfirmAction?tLabels={TRACKING}")
                }
            }}}).to_string());
        then.status(200)
            .body(fixture("shopify-fulfillment-created.json"));
    });
    let report = cycle.json(["orders", "export"]);
    assert_eq!(report["sent"], 1, "{report}");
    fulfil.assert_calls(1);
    assert_eq!(
        cycle.number("SELECT export_pending FROM orders WHERE external_id = '5710001'"),
        0
    );
    assert_eq!(
        cycle.text(
            "SELECT remote_id FROM channel_refs WHERE channel = 'shop' AND kind = 'fulfillment'
             AND local_key = (SELECT id FROM orders WHERE external_id = '5710001')"
        ),
        "4100001",
        "the shop's fulfillment id is kept with the order"
    );
    let again = cycle.json(["orders", "export"]);
    assert_eq!(again["sent"], 0, "nothing is sent twice: {again}");
    fulfil.assert_calls(1);

    // 5. stock sync: ShipBob's counts at fulfillment center 10 (not Cicero's) become on hand.
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("inventory-level/locations"));
        then.status(200).body(fixture("shipbob-inventory.json"));
    });
    let report = cycle.json(["stock", "sync"]);
    assert_eq!(report["changed"], 2, "{report}");
    assert_eq!(cycle.stock("TEE-1"), (7, 0));
    assert_eq!(cycle.stock("MUG-1"), (3, 0));

    // 6. stock push: the inventory items are found by SKU, and never having published
    // anything, oms sets each level from what the shop shows (compare-and-swap).
    let variants = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query InventoryBySku");
        then.status(200)
            .body(fixture("shopify-inventory-by-sku.json"));
    });
    let set = |item: i64, available: i64, from: i64| {
        shop.mock(move |when, then| {
            when.method(POST)
                .path(shop_api("graphql.json"))
                .body_includes("mutation SetAvailable")
                .json_body_includes(
                    json!({ "variables": { "input": { "quantities": [{
                    "inventoryItemId": format!("gid://shopify/InventoryItem/{item}"),
                    "locationId": "gid://shopify/Location/655441491",
                    "quantity": available,
                    "changeFromQuantity": from
                }] } } })
                    .to_string(),
                );
            then.status(200).body(fixture("shopify-inventory-set.json"));
        })
    };
    let tee = set(808950810, 7, 0);
    let mug = set(39072856, 3, 0);
    let report = cycle.json(["stock", "push"]);
    assert_eq!(report["sent"], 2, "{report}");
    variants.assert_calls(1);
    tee.assert_calls(1);
    mug.assert_calls(1);
    assert_eq!(
        cycle.text(
            "SELECT group_concat(local_key || '=' || remote_id, ' ') FROM
             (SELECT * FROM channel_refs WHERE channel = 'shop' AND kind = 'inventory_item' ORDER BY local_key)"
        ),
        "mug-1=39072856 tee-1=808950810"
    );

    // A later push sends only what changed, and checks the remembered item instead of
    // searching the shop for the SKU again.
    cycle
        .oms([
            "stock",
            "adjust",
            "--warehouse",
            "west",
            "--sku",
            "TEE-1",
            "--by",
            "+1",
            "--reason",
            "found",
            "--yes",
        ])
        .ok();
    let check = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query InventoryById")
            .json_body_includes(
                json!({ "variables": { "ids": ["gid://shopify/InventoryItem/808950810"] } })
                    .to_string(),
            );
        then.status(200)
            .body(fixture("shopify-inventory-by-id.json"));
    });
    // From 7, what oms published last time.
    let tee_again = set(808950810, 8, 7);
    let report = cycle.json(["stock", "push"]);
    assert_eq!(
        (report["sent"].as_i64(), report["unchanged"].as_i64()),
        (Some(1), Some(1)),
        "{report}"
    );
    check.assert_calls(1);
    tee_again.assert_calls(1);
    variants.assert_calls(1);

    cycle.oms(["stock", "verify"]).ok();
}

#[test]
fn a_purchase_order_goes_to_shipbob_and_its_counted_box_comes_back_as_a_receipt() {
    let shop = MockServer::start();
    let sb = MockServer::start();
    let cycle = Cycle::new(&shop, &sb);
    cycle
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "west",
            "--line",
            "TEE-1=20",
            "--line",
            "MUG-1=10",
            "--expected",
            "2026-02-01",
        ])
        .ok();
    cycle.oms(["po", "approve", "PO-000001"]).ok();

    sb.mock(|when, then| {
        when.method(GET)
            .path(sb_api("receiving"))
            .query_param("PurchaseOrderNumbers", "PO-000001");
        then.status(200).body("[]");
    });
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("product"));
        then.status(200).body(fixture("shipbob-products.json"));
    });
    let create = sb.mock(|when, then| {
        when.method(POST)
            .path(sb_api("receiving"))
            .json_body(json!({
                "purchase_order_number": "PO-000001",
                "fulfillment_center": { "id": 10 },
                "package_type": "Package",
                "box_packaging_type": "EverythingInOneBox",
                "expected_arrival_date": "2026-02-01T00:00:00Z",
                "boxes": [{ "tracking_number": null, "box_items": [
                    { "inventory_id": 8588331, "quantity": 20 },
                    { "inventory_id": 8588349, "quantity": 10 }
                ] }]
            }));
        then.status(201).body(fixture("shipbob-wro.json"));
    });
    let report = cycle.json(["po", "export"]);
    assert_eq!(report["exported"], 1, "{report}");
    create.assert_calls(1);
    assert_eq!(
        cycle.text("SELECT external_id FROM purchase_orders WHERE number = 'PO-000001'"),
        "443001",
        "the WRO id is kept with the PO"
    );

    sb.mock(|when, then| {
        when.method(GET).path(sb_api("receiving/443001"));
        then.status(200).body(fixture("shipbob-wro.json"));
    });
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("receiving/443001/boxes"));
        then.status(200).body(fixture("shipbob-wro-boxes.json"));
    });
    // The receipt must be stored before ShipBob is told the WRO is synced.
    let (receipts_at_ack, at_ack) = db_at_request(
        cycle.env.path("oms.db"),
        "setExternalSync",
        "SELECT COUNT(*) FROM receipts",
    );
    let synced = sb.mock(move |when, then| {
        when.method(POST)
            .path(sb_api("receiving:setExternalSync"))
            .json_body(json!({ "ids": [443001], "is_external_sync": true }))
            .is_true(at_ack);
        then.status(200).body("[]");
    });
    let preview = cycle.json(["receipts", "sync", "--dry-run"]);
    assert_eq!(preview["units_received"], 28, "{preview}");
    synced.assert_calls(0);
    assert_eq!(cycle.number("SELECT COUNT(*) FROM receipts"), 0);

    let report = cycle.json(["receipts", "sync"]);
    assert_eq!(report["units_received"], 28, "{report}");
    synced.assert_calls(1);
    let seen = receipts_at_ack.lock().expect("ack log").clone();
    assert!(
        !seen.is_empty() && seen.iter().all(|n| n == "1"),
        "marked synced before the receipt was committed: {seen:?}"
    );
    assert_eq!(
        cycle.text("SELECT external_id FROM receipts"),
        "443001@stowed:MUG-1=8,TEE-1=20"
    );
    assert_eq!(
        cycle.text("SELECT status FROM purchase_orders WHERE number = 'PO-000001'"),
        "receiving",
        "two mugs are still expected"
    );
    assert_eq!(cycle.stock("TEE-1"), (30, 0));
    assert_eq!(cycle.stock("MUG-1"), (13, 0));
    cycle.oms(["stock", "verify"]).ok();
}
