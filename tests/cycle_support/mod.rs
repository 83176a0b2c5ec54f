//! What the full-cycle tests share: a workspace selling on a mock Shopify and shipping
//! from a mock ShipBob (both on 127.0.0.1), the mocks' common answers, and ways to look at
//! the database. Fixtures: tests/fixtures/full_cycle/.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::common::{Env, Run};
use httpmock::prelude::*;
use serde_json::{Value, json};

pub const SHOPIFY_TOKEN: &str = "shpat_CYCLE_SECRET_0c1d";
pub const SHIPBOB_TOKEN: &str = "pat_CYCLE_SECRET_9e8f";
pub const TRACKING: &str = "9400111899223197428490";

pub fn shop_api(path: &str) -> String {
    format!("/admin/api/2026-10/{path}")
}

pub fn sb_api(path: &str) -> String {
    format!("/2026-01/{path}")
}

pub fn fixture(name: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/full_cycle/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// A workspace selling on `shop` (Shopify) and shipping from `west`, ShipBob's
/// fulfillment center 10, with two SKUs in the catalog and counted stock in `west`.
pub struct Cycle {
    pub env: Env,
}

impl Cycle {
    pub fn new(shop: &MockServer, sb: &MockServer) -> Cycle {
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
bulk_import = false

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
    pub fn oms<'a>(&self, args: impl IntoIterator<Item = &'a str>) -> Run {
        self.env
            .oms(args)
            .env("SHOPIFY_TOKEN", SHOPIFY_TOKEN)
            .env("SHIPBOB_TOKEN", SHIPBOB_TOKEN)
            .env("OMS_HTTP_BACKOFF_MS", "1")
    }

    /// `oms … -o json` that must succeed, parsed; no token may show in its output.
    pub fn json<'a>(&self, args: impl IntoIterator<Item = &'a str>) -> Value {
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

    pub fn text(&self, sql: &str) -> String {
        self.env
            .db()
            .query_row(sql, [], |r| r.get::<_, String>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    pub fn number(&self, sql: &str) -> i64 {
        self.env
            .db()
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// (on_hand, allocated) of a SKU in `west`.
    pub fn stock(&self, sku: &str) -> (i64, i64) {
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

    pub fn shipment_status(&self) -> String {
        self.text("SELECT status FROM shipments WHERE reference = 'S0000001'")
    }

    /// Turns on `import_returns` for the shop (`oms returns sync` imports its returns).
    pub fn import_returns(&self) {
        let config = self.env.read("oms.toml").replacen(
            "bulk_import = false",
            "bulk_import = false\nimport_returns = true",
            1,
        );
        self.env.write("oms.toml", &config);
    }

    pub fn order_status(&self) -> String {
        self.text("SELECT status FROM orders WHERE channel = 'shop' AND external_id = '5710001'")
    }
}

pub fn orders_page(shop: &MockServer) -> httpmock::Mock<'_> {
    shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query Orders")
            .header("x-shopify-access-token", SHOPIFY_TOKEN);
        then.status(200)
            .body(fixture("shopify-graphql-orders.json"));
    })
}

/// ShipBob looks every reference up before creating anything; `found` is its answer.
pub fn shipbob_lookup<'a>(sb: &'a MockServer, found: &str) -> httpmock::Mock<'a> {
    let found = found.to_string();
    sb.mock(move |when, then| {
        when.method(GET)
            .path(sb_api("order"))
            .query_param("ReferenceIds", "S0000001");
        then.status(200).body(found);
    })
}

pub fn shipbob_create(sb: &MockServer) -> httpmock::Mock<'_> {
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
pub fn import_the_order(cycle: &Cycle, shop: &MockServer) {
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

/// Order #1001 imported from the shop, sent to ShipBob and shipped there with tracking.
pub fn shipped_order(shop: &MockServer, sb: &MockServer) -> Cycle {
    let cycle = Cycle::new(shop, sb);
    import_the_order(&cycle, shop);
    ship_the_order(&cycle, sb);
    cycle
}

/// Sends the imported order #1001 to ShipBob, which ships it with tracking.
pub fn ship_the_order(cycle: &Cycle, sb: &MockServer) {
    shipbob_lookup(sb, "[]");
    shipbob_create(sb);
    assert_eq!(cycle.json(["orders", "process"])["send"]["sent"], 1);
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
    sb.mock(|when, then| {
        when.method(POST)
            .path(sb_api("shipment:batchUpdateTrackingUpload"));
        then.status(200)
            .body(fixture("shipbob-tracking-uploaded.json"));
    });
    assert_eq!(cycle.json(["shipments", "sync"])["shipped"], 1);
    assert_eq!(cycle.order_status(), "shipped");
}

/// What the database said each time a request to a path ending in `suffix` arrived:
/// `sql`'s single value, read by a separate connection the way a crash would leave it.
/// Put the matcher on the mock with `is_true`; read the log once the command is done.
pub fn db_at_request(
    db: PathBuf,
    suffix: &'static str,
    sql: &'static str,
) -> (
    Arc<Mutex<Vec<String>>>,
    impl Fn(&HttpMockRequest) -> bool + Send + Sync + 'static,
) {
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let seen = Arc::clone(&log);
    let matcher = move |req: &HttpMockRequest| {
        if req.uri().path().ends_with(suffix) {
            let value = rusqlite::Connection::open(&db)
                .and_then(|c| c.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0)))
                .map(|v| match v {
                    rusqlite::types::Value::Text(t) => t,
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    other => format!("{other:?}"),
                })
                .unwrap_or_else(|e| format!("unreadable: {e}"));
            seen.lock().expect("request log").push(value);
        }
        true
    };
    (log, matcher)
}
