//! `oms orders import --since` through the real binary, against a mock Shopify GraphQL
//! Admin API: the window read, the watermark rule, the first import as a bulk operation,
//! and what files channels do with `--since`.

mod common;

use common::Env;
use httpmock::prelude::*;
use serde_json::Value;

const GRAPHQL: &str = "/admin/api/2026-10/graphql.json";
/// The clock the runs see: a few days after the fixtures' orders.
const NOW: &str = "2025-11-25T12:00:00Z";

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/shopify_graphql/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn workspace(server: &MockServer) -> Env {
    let env = Env::with_config(&format!(
        r#"
database = "oms.db"

[defaults]
warehouse = "east"
carrier_service = "standard"

[carrier_services.standard]
carrier = "Any"
service = "Standard"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[warehouses.east]
fulfillment_channel = "east-3pl"

[sales_channels.web]
kind = "files"
path = "channels/web"

[sales_channels.shop]
kind = "shopify"
shop = "jsmith.myshopify.com"
base_url = "{}"
token = "${{SHOPIFY_TOKEN}}"
max_retries = 0
timeout_secs = 5
"#,
        server.base_url()
    ));
    for dir in ["channels/web/inbox", "channels/east-3pl/outbox"] {
        std::fs::create_dir_all(env.path(dir)).unwrap();
    }
    for sku in ["IPOD2008GREEN", "IPOD2008RED", "IPOD2008BLACK", "TEE-1"] {
        oms(&env, &["catalog", "add", "--sku", sku, "--title", sku]).ok();
    }
    env
}

fn oms(env: &Env, args: &[&str]) -> common::Run {
    env.oms(args)
        .env("OMS_TEST_NOW", NOW)
        .env("OMS_SHOPIFY_BULK_POLL_MS", "0")
        .env("SHOPIFY_TOKEN", "shpat_SINCE_TEST_5d1e")
}

fn watermark(env: &Env) -> Option<String> {
    env.db()
        .query_row(
            "SELECT value FROM watermarks WHERE channel = 'shop'",
            [],
            |r| r.get(0),
        )
        .ok()
}

/// The page answered to the `orders` query filtered from `since`.
fn page_since<'a>(server: &'a MockServer, since: &str, body: String) -> httpmock::Mock<'a> {
    let vars = format!(r#"{{"variables":{{"after":null,"query":"updated_at:>='{since}'"}}}}"#);
    server.mock(move |when, then| {
        when.method(POST)
            .path(GRAPHQL)
            .body_includes("query Orders")
            .json_body_includes(vars);
        then.status(200).body(body);
    })
}

#[test]
fn a_first_import_is_a_bulk_operation_and_since_rereads_a_window_without_losing_the_watermark() {
    let server = MockServer::start();
    let env = workspace(&server);
    let base = server.base_url();
    let started = server.mock(|when, then| {
        when.method(POST)
            .path(GRAPHQL)
            .body_includes("mutation BulkOrders");
        then.status(200).body(fixture("bulk-start.json"));
    });
    server.mock(|when, then| {
        when.method(POST)
            .path(GRAPHQL)
            .body_includes("query BulkOperation(");
        then.status(200)
            .body(fixture("bulk-completed.json").replace("{BASE}", &base));
    });
    server.mock(|when, then| {
        when.method(GET).path("/bulk/720918.jsonl");
        then.status(200).body(fixture("bulk-orders.jsonl"));
    });

    // 1. No watermark yet: everything, through a bulk operation.
    let first: Value = oms(
        &env,
        &["orders", "import", "--channel", "shop", "-o", "json"],
    )
    .ok()
    .json();
    started.assert_calls(1);
    assert_eq!(
        (&first["imported"], &first["cancelled"], &first["skipped"]),
        (&Value::from(2), &Value::from(1), &Value::from(0)),
        "#1001 and #1004 imported, #1005 stored as cancelled, the test order never reached the flow: {first}"
    );
    assert_eq!(watermark(&env).as_deref(), Some("2025-11-21T14:00:00Z"));

    // 2. --since before the watermark: the window is read again (pages: 5 days is short),
    //    what is there already comes back unchanged or updated, and the watermark may move
    //    on, never back.
    let window = page_since(
        &server,
        "2025-11-20T00:00:00Z",
        fixture("orders-page-2.json"),
    );
    let again: Value = oms(
        &env,
        &["orders", "import", "--since", "2025-11-20", "-o", "json"],
    )
    .code(3)
    .json();
    window.assert_calls(1);
    started.assert_calls(1);
    // #1002 was a test order in the shop before and is a real one now; #1004 comes back
    // with a line without SKU and stays as it was; #1005 is the same cancelled order.
    assert_eq!(
        (&again["imported"], &again["unchanged"], &again["rejected"]),
        (&Value::from(1), &Value::from(1), &Value::from(1)),
        "{again}"
    );
    let rejected = &again["items"][0];
    assert_eq!(rejected["external_id"], "450789480");
    assert!(
        rejected["message"]
            .as_str()
            .unwrap()
            .ends_with("order 2 stays as it was"),
        "{rejected}"
    );
    let notes = again["notes"].to_string();
    assert!(
        notes.contains("files channel `web`: --since does not apply"),
        "{again}"
    );
    assert_eq!(watermark(&env).as_deref(), Some("2025-11-21T14:00:00Z"));

    // 3. --since after the watermark: read, but the gap before it is not covered, so the
    //    watermark stays for the next regular import.
    let later = page_since(
        &server,
        "2025-11-24T00:00:00Z",
        fixture("orders-page-2.json"),
    );
    oms(
        &env,
        &[
            "orders",
            "import",
            "--channel",
            "shop",
            "--since",
            "2025-11-24",
        ],
    )
    .code(3);
    later.assert_calls(1);
    assert_eq!(watermark(&env).as_deref(), Some("2025-11-21T14:00:00Z"));
}

#[test]
fn since_is_refused_for_a_files_channel_and_for_a_bad_time() {
    let server = MockServer::start();
    let env = workspace(&server);
    let anything = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let refused = oms(
        &env,
        &[
            "orders",
            "import",
            "--channel",
            "web",
            "--since",
            "2025-11-20",
        ],
    )
    .code(2);
    refused.stderr_has("--since: sales channel `web` is a files channel");
    let bad = oms(&env, &["orders", "import", "--since", "last tuesday"]).code(2);
    bad.stderr_has("--since: `last tuesday` is neither a date");
    let with_file = oms(
        &env,
        &[
            "orders",
            "import",
            "--file",
            "x.json",
            "--since",
            "2025-11-20",
        ],
    )
    .code(2);
    with_file.stderr_has("--since");
    anything.assert_calls(0);
}
