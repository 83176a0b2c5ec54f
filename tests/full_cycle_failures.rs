//! The full cycle when things go wrong: ShipBob down while shipments are sent, a page
//! failing half-way through shipments sync or orders import, a ShipBob channel without
//! its channel id. Real binary, mock Shopify and ShipBob on 127.0.0.1.

mod common;
mod cycle_support;

use common::Env;
use cycle_support::*;
use httpmock::prelude::*;
use serde_json::json;

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
    let with_next = fixture("shopify-graphql-orders.json").replace(
        r#""hasNextPage": false,
    "endCursor": null"#,
        r#""hasNextPage": true,
    "endCursor": "p2""#,
    );
    assert!(with_next.contains(r#""endCursor": "p2""#));
    let mut first = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .json_body_includes(r#"{"variables":{"after":null}}"#);
        then.status(200).body(&with_next);
    });
    let mut broken = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .json_body_includes(r#"{"variables":{"after":"p2"}}"#);
        then.status(200)
            .body(r#"{"data":{"orders":{"nodes":[{"id":"#);
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
