//! The whole cycle with the real binary against a mock Shopify and a mock ShipBob on
//! 127.0.0.1: an order imported from the shop is sent to the warehouse, shipped there,
//! reported back to the shop with its tracking, and the warehouse's stock is published to
//! the shop. The database is checked after every step. Fixtures: tests/fixtures/full_cycle/.

mod common;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use common::{Env, Run};
use httpmock::prelude::*;
use serde_json::{Value, json};

const SHOPIFY_TOKEN: &str = "shpat_CYCLE_SECRET_0c1d";
const SHIPBOB_TOKEN: &str = "pat_CYCLE_SECRET_9e8f";
const TRACKING: &str = "9400111899223197428490";

fn shop_api(path: &str) -> String {
    format!("/admin/api/2025-10/{path}")
}

fn sb_api(path: &str) -> String {
    format!("/2026-01/{path}")
}

fn fixture(name: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/full_cycle/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// A workspace selling on `shop` (Shopify) and shipping from `west`, ShipBob's
/// fulfillment center 10, with two SKUs in the catalog and counted stock in `west`.
struct Cycle {
    env: Env,
}

impl Cycle {
    fn new(shop: &MockServer, sb: &MockServer) -> Cycle {
        let env = Env::with_config(&format!(
            r#"
database = "oms.db"

[defaults]
warehouse = "west"
carrier_service = "standard"

[carrier_services.standard]
carrier = "USPS"
service = "Priority"

[sales_channels.shop]
kind = "shopify"
shop = "cycle.myshopify.com"
base_url = "{}"
token = "${{SHOPIFY_TOKEN}}"
location_id = "655441491"
stock_source = "west"
max_retries = 2
timeout_secs = 5

[fulfillment_channels.sb]
kind = "shipbob"
base_url = "{}"
token = "${{SHIPBOB_TOKEN}}"
channel_id = "432951"
max_retries = 2
timeout_secs = 5

[fulfillment_channels.sb.carrier_map]
standard = "Standard"

[warehouses.west]
fulfillment_channel = "sb"
location_id = "10"
"#,
            shop.base_url(),
            sb.base_url()
        ));
        let cycle = Cycle { env };
        for (sku, title) in [("TEE-1", "Black Tee"), ("MUG-1", "Mug")] {
            cycle
                .oms(["catalog", "add", "--sku", sku, "--title", title])
                .ok();
        }
        for (sku, units) in [("TEE-1", "10"), ("MUG-1", "5")] {
            cycle
                .oms([
                    "stock",
                    "adjust",
                    "--warehouse",
                    "west",
                    "--sku",
                    sku,
                    "--set",
                    units,
                    "--reason",
                    "count",
                    "--yes",
                ])
                .ok();
        }
        cycle
    }

    /// `oms` with the channels' tokens in its environment and retries that do not wait.
    fn oms<'a>(&self, args: impl IntoIterator<Item = &'a str>) -> Run {
        self.env
            .oms(args)
            .env("SHOPIFY_TOKEN", SHOPIFY_TOKEN)
            .env("SHIPBOB_TOKEN", SHIPBOB_TOKEN)
            .env("OMS_HTTP_BACKOFF_MS", "1")
    }

    /// `oms … -o json` that must succeed, parsed; no token may show in its output.
    fn json<'a>(&self, args: impl IntoIterator<Item = &'a str>) -> Value {
        let done = self.oms(args.into_iter().chain(["-o", "json"])).ok();
        for token in [SHOPIFY_TOKEN, SHIPBOB_TOKEN] {
            assert!(
                !done.stdout.contains(token) && !done.stderr.contains(token),
                "a token leaked:\n{}\n{}",
                done.stdout,
                done.stderr
            );
        }
        done.json()
    }

    fn text(&self, sql: &str) -> String {
        self.env
            .db()
            .query_row(sql, [], |r| r.get::<_, String>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    fn number(&self, sql: &str) -> i64 {
        self.env
            .db()
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// (on_hand, allocated) of a SKU in `west`.
    fn stock(&self, sku: &str) -> (i64, i64) {
        self.env
            .db()
            .query_row(
                "SELECT l.on_hand, l.allocated FROM stock_levels l
                 JOIN variants v ON v.id = l.variant_id
                 WHERE l.warehouse = 'west' AND v.sku = ?1",
                [sku],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or_else(|e| panic!("stock of {sku}: {e}"))
    }

    fn shipment_status(&self) -> String {
        self.text("SELECT status FROM shipments WHERE reference = 'S0000001'")
    }

    fn order_status(&self) -> String {
        self.text("SELECT status FROM orders WHERE channel = 'shop' AND external_id = '5710001'")
    }
}

fn orders_page(shop: &MockServer) -> httpmock::Mock<'_> {
    shop.mock(|when, then| {
        when.method(GET)
            .path(shop_api("orders.json"))
            .query_param("status", "any")
            .query_param("limit", "250")
            .header("x-shopify-access-token", SHOPIFY_TOKEN);
        then.status(200)
            .header("x-shopify-shop-api-call-limit", "1/40")
            .body(fixture("shopify-orders.json"));
    })
}

/// ShipBob looks every reference up before creating anything; `found` is its answer.
fn shipbob_lookup<'a>(sb: &'a MockServer, found: &str) -> httpmock::Mock<'a> {
    let found = found.to_string();
    sb.mock(move |when, then| {
        when.method(GET)
            .path(sb_api("order"))
            .query_param("ReferenceIds", "S0000001");
        then.status(200).body(found);
    })
}

fn shipbob_create(sb: &MockServer) -> httpmock::Mock<'_> {
    sb.mock(|when, then| {
        when.method(POST)
            .path(sb_api("order"))
            .header("authorization", format!("Bearer {SHIPBOB_TOKEN}"))
            .header("shipbob_channel_id", "432951")
            .json_body_includes(
                json!({
                    "reference_id": "S0000001",
                    "order_number": "#1001",
                    "type": "DTC",
                    "shipping_method": "Standard",
                    "location_id": 10,
                    "recipient": {
                        "name": "Ann Lee",
                        "email": "ann.lee@mail.example.com",
                        "address": { "address1": "12 Elm Road", "city": "Toronto", "country": "CA", "zip_code": "M5V 2T6" }
                    },
                    "products": [
                        { "reference_id": "TEE-1", "name": "Black Tee", "quantity": 2 },
                        { "reference_id": "MUG-1", "name": "Mug", "quantity": 1 }
                    ]
                })
                .to_string(),
            );
        then.status(201).body(fixture("shipbob-order-created.json"));
    })
}

/// Imports order #1001 and checks it arrived approved, with the watermark moved.
fn import_the_order(cycle: &Cycle, shop: &MockServer) {
    let mut page = orders_page(shop);
    let report = cycle.json(["orders", "import"]);
    assert_eq!(report["imported"], 1, "{report}");
    page.assert_calls(1);
    assert_eq!(cycle.order_status(), "approved");
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM order_lines"),
        2,
        "both lines"
    );
    // The newest updated_at (15:00 UTC) minus the 5-minute overlap.
    assert_eq!(
        cycle.text("SELECT value FROM watermarks WHERE channel = 'shop'"),
        "2026-01-10T14:55:00Z"
    );
    page.delete();
}

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
    let seen_at_ack: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = Arc::clone(&seen_at_ack);
    let db: PathBuf = cycle.env.path("oms.db");
    let ack = sb.mock(move |when, then| {
        when.method(POST)
            .path(sb_api("shipment:batchUpdateTrackingUpload"))
            .json_body(json!({ "is_tracking_uploaded": true, "shipment_ids": [100810005] }))
            .is_true(move |req| {
                if req.uri().path().ends_with("batchUpdateTrackingUpload") {
                    let status = rusqlite::Connection::open(&db)
                        .and_then(|c| {
                            c.query_row(
                                "SELECT status FROM shipments WHERE reference = 'S0000001'",
                                [],
                                |r| r.get::<_, String>(0),
                            )
                        })
                        .unwrap_or_else(|e| format!("unreadable: {e}"));
                    seen.lock().expect("ack log").push(status);
                }
                true
            });
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
        when.method(GET)
            .path(shop_api("orders/5710001/fulfillments.json"));
        then.status(200).body(r#"{"fulfillments":[]}"#);
    });
    shop.mock(|when, then| {
        when.method(GET)
            .path(shop_api("orders/5710001/fulfillment_orders.json"));
        then.status(200)
            .body(fixture("shopify-fulfillment-orders.json"));
    });
    let fulfil = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("fulfillments.json"))
            .json_body(json!({ "fulfillment": {
                "notify_customer": false,
                "line_items_by_fulfillment_order": [{
                    "fulfillment_order_id": 6120001,
                    "fulfillment_order_line_items": [
                        { "id": 7200001, "quantity": 2 },
                        { "id": 7200002, "quantity": 1 }
                    ]
                }],
                "tracking_info": {
                    "number": TRACKING,
                    "company": "USPS",
                    "url": format!("https://tools.usps.com/go/TrackConfirmAction?tLabels={TRACKING}")
                }
            }}));
        then.status(201)
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

    // 6. stock push: the shop's variants are read once to find the inventory items.
    let variants = shop.mock(|when, then| {
        when.method(GET)
            .path(shop_api("products.json"))
            .query_param("fields", "id,variants");
        then.status(200).body(fixture("shopify-products.json"));
    });
    let set = |item: i64, available: i64| {
        shop.mock(move |when, then| {
            when.method(POST)
                .path(shop_api("inventory_levels/set.json"))
                .json_body(json!({
                    "location_id": 655441491, "inventory_item_id": item, "available": available
                }));
            then.status(200)
                .body(fixture("shopify-inventory-level-set.json"));
        })
    };
    let tee = set(808950810, 7);
    let mug = set(39072856, 3);
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
    // reading every variant of the shop again.
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
        when.method(GET)
            .path(shop_api("inventory_items.json"))
            .query_param("ids", "808950810");
        then.status(200)
            .body(fixture("shopify-inventory-items.json"));
    });
    let tee_again = set(808950810, 8);
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
fn shipbob_failing_leaves_shipments_ready_and_a_later_run_sends_each_once() {
    let shop = MockServer::start();
    let sb = MockServer::start();
    let cycle = Cycle::new(&shop, &sb);
    import_the_order(&cycle, &shop);

    let lookup = shipbob_lookup(&sb, "[]");
    let mut down = sb.mock(|when, then| {
        when.method(POST).path(sb_api("order"));
        then.status(500)
            .body(r#"{"title":"Internal Server Error"}"#);
    });
    let done = cycle.oms(["orders", "process", "-o", "json"]).code(1);
    let report = done.json();
    assert_eq!(report["allocated"], 1, "{report}");
    let failed = report["send"]["failed_channels"].to_string();
    assert!(
        failed.contains("sb") && failed.contains("HTTP 500"),
        "the channel failure is reported: {report}"
    );
    // Each create's lost answer is looked up before the next try: never blindly resent.
    assert!(down.calls() >= 1);
    assert_eq!(
        lookup.calls(),
        down.calls() + 1,
        "a lookup before every create"
    );
    assert_eq!(cycle.shipment_status(), "ready_to_send");
    assert_eq!(
        cycle.number("SELECT send_attempts FROM shipments WHERE reference = 'S0000001'"),
        1
    );
    let error = cycle.text("SELECT last_error FROM shipments WHERE reference = 'S0000001'");
    assert!(error.contains("HTTP 500"), "{error}");
    assert!(!error.contains(SHIPBOB_TOKEN));
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM shipments WHERE external_id IS NOT NULL"),
        0
    );
    // Allocated once, for the one shipment waiting to be sent.
    assert_eq!(cycle.stock("TEE-1"), (10, 2));
    cycle.oms(["stock", "verify"]).ok();
    let runs = cycle.json(["runs", "list"]);
    let send_run = runs
        .as_array()
        .and_then(|r| r.iter().find(|r| r["flow"] == "shipments send"))
        .unwrap_or_else(|| panic!("no send run: {runs}"))
        .clone();
    assert_eq!(send_run["outcome"], "failed", "{send_run}");

    // ShipBob is back: the next run sends the waiting shipment, once.
    down.delete();
    let create = shipbob_create(&sb);
    let report = cycle.json(["orders", "process"]);
    assert_eq!(report["send"]["sent"], 1, "{report}");
    create.assert_calls(1);
    assert_eq!(cycle.shipment_status(), "sent_to_warehouse");
    assert_eq!(
        cycle.text("SELECT external_id FROM shipments WHERE reference = 'S0000001'"),
        "700100"
    );
    let report = cycle.json(["shipments", "send"]);
    assert_eq!(report["ready"], 0, "{report}");
    create.assert_calls(1);
    assert_eq!(cycle.stock("TEE-1"), (10, 2));
    cycle.oms(["stock", "verify"]).ok();
}

#[test]
fn shipments_applied_before_a_page_failed_are_still_acknowledged() {
    let shop = MockServer::start();
    let sb = MockServer::start();
    let cycle = Cycle::new(&shop, &sb);
    import_the_order(&cycle, &shop);
    shipbob_lookup(&sb, "[]");
    shipbob_create(&sb);
    cycle.json(["orders", "process"]);

    let page_2 = sb_api("order?HasTracking=true&IsTrackingUploaded=false&Limit=250&Page=2");
    sb.mock(|when, then| {
        when.method(GET)
            .path(sb_api("order"))
            .query_param("HasTracking", "true")
            .query_param_missing("Page");
        then.status(200)
            .header("next-page", &page_2)
            .body(fixture("shipbob-orders-shipped.json"));
    });
    let down = sb.mock(|when, then| {
        when.method(GET)
            .path(sb_api("order"))
            .query_param("Page", "2");
        then.status(503).body("upstream unavailable");
    });
    let ack = sb.mock(|when, then| {
        when.method(POST)
            .path(sb_api("shipment:batchUpdateTrackingUpload"))
            .json_body(json!({ "is_tracking_uploaded": true, "shipment_ids": [100810005] }));
        then.status(200)
            .body(fixture("shipbob-tracking-uploaded.json"));
    });
    let done = cycle.oms(["shipments", "sync", "-o", "json"]).code(1);
    let report = done.json();
    assert!(
        report["failed_channels"].to_string().contains("HTTP 503"),
        "{report}"
    );
    assert_eq!(down.calls(), 3, "the page was tried 1 + max_retries times");
    assert_eq!(cycle.shipment_status(), "shipped", "page 1 was committed");
    ack.assert_calls(1);
    assert_eq!(cycle.stock("TEE-1"), (8, 0));
    cycle.oms(["stock", "verify"]).ok();
}

#[test]
fn a_page_that_fails_leaves_the_watermark_and_the_next_import_reads_again() {
    let shop = MockServer::start();
    let sb = MockServer::start();
    let cycle = Cycle::new(&shop, &sb);
    let next = format!(
        "<{}{}>; rel=\"next\"",
        shop.base_url(),
        shop_api("orders.json?limit=250&page_info=p2")
    );
    let mut first = shop.mock(|when, then| {
        when.method(GET)
            .path(shop_api("orders.json"))
            .query_param("status", "any");
        then.status(200)
            .header("link", &next)
            .body(fixture("shopify-orders.json"));
    });
    let mut broken = shop.mock(|when, then| {
        when.method(GET)
            .path(shop_api("orders.json"))
            .query_param("page_info", "p2");
        then.status(200).body(r#"{"orders":[{"id":"#);
    });
    let done = cycle.oms(["orders", "import", "-o", "json"]).code(1);
    assert!(
        done.json()["failed_channels"]
            .to_string()
            .contains("not the JSON expected"),
        "{}",
        done.stdout
    );
    broken.assert_calls(1);
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM watermarks WHERE channel = 'shop'"),
        0,
        "the watermark moves only when the whole read succeeded"
    );

    broken.delete();
    first.delete();
    orders_page(&shop);
    let report = cycle.json(["orders", "import"]);
    assert_eq!(
        report["imported"].as_i64().unwrap_or(0) + report["unchanged"].as_i64().unwrap_or(0),
        1,
        "{report}"
    );
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM orders"),
        1,
        "never twice"
    );
    assert_eq!(
        cycle.text("SELECT value FROM watermarks WHERE channel = 'shop'"),
        "2026-01-10T14:55:00Z"
    );
}

#[test]
fn config_check_warns_when_a_shipbob_channel_has_no_channel_id() {
    let env = Env::with_config(
        r#"
[fulfillment_channels.sb]
kind = "shipbob"
token = "${SHIPBOB_TOKEN}"

[warehouses.west]
fulfillment_channel = "sb"
location_id = "10"
"#,
    );
    let done = env
        .oms(["config", "check"])
        .env("SHIPBOB_TOKEN", SHIPBOB_TOKEN)
        .ok();
    done.stderr_has("fulfillment_channels.sb.channel_id: not set")
        .stderr_has("oms channels check");
    assert!(!done.stdout.contains("channel_id"), "warnings go to stderr");
}
