//! Shopify orders through a bulk operation (`bulkOperationRunQuery`, polled with
//! `node(id:)`, JSONL streamed from the signed `url`), against a mock GraphQL Admin API
//! with fixtures modelled on Shopify's reference (tests/fixtures/shopify_graphql/bulk-*).
//! Polls do not wait: `OMS_SHOPIFY_BULK_POLL_MS=0` (connector_support::setup).

mod connector_support;

use connector_support::{Recorded, SHOPIFY_GRAPHQL, TOKEN, fixture, http_error, shopify, traced};
use httpmock::prelude::*;
use oms::model::order::OrderIn;

const BULK: &str = "bulk_import = true";

/// A fixture with `{BASE}` pointing at the mock server.
fn at(server: &MockServer, name: &str) -> String {
    fixture(&format!("shopify_graphql/{name}")).replace("{BASE}", &server.base_url())
}

fn start_mock<'a>(server: &'a MockServer, body: String) -> httpmock::Mock<'a> {
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation BulkOrders")
            .body_includes("groupObjects: true");
        then.status(200).body(body);
    })
}

fn poll_mock<'a>(server: &'a MockServer, body: String) -> httpmock::Mock<'a> {
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query BulkOperation(")
            .json_body_includes(r#"{"variables":{"id":"gid://shopify/BulkOperation/720918"}}"#);
        then.status(200).body(body);
    })
}

#[test]
fn a_first_import_runs_a_bulk_operation_and_streams_its_jsonl_order_by_order() {
    let server = MockServer::start();
    let started = start_mock(&server, at(&server, "bulk-start.json"));
    // The first poll finds it still running; the next one finds it done.
    let running = poll_mock(&server, at(&server, "bulk-running.json"));
    running.up_to_n_times(1);
    let completed = poll_mock(&server, at(&server, "bulk-completed.json"));
    let result = server.mock(|when, then| {
        when.method(GET)
            .path("/bulk/720918.jsonl")
            .query_param("Signature", "c2lnbmF0dXJl")
            // Signed storage: the signature is the credential, the shop's token stays home.
            .header_missing("x-shopify-access-token");
        then.status(200)
            .header("content-type", "application/jsonl")
            .body(fixture("shopify_graphql/bulk-orders.jsonl"));
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let (watermark, logs) = traced(|| ch.fetch_orders(None, &mut got.sink()));
    let watermark = watermark.unwrap();
    started.assert_calls(1);
    running.assert_calls(1);
    completed.assert_calls(1);
    result.assert_calls(1);
    assert!(
        logs.contains("started a bulk operation for orders"),
        "{logs}"
    );
    assert!(
        !logs.contains("Signature=c2lnbmF0dXJl"),
        "the signed URL is never logged"
    );

    assert_eq!(
        watermark.as_deref(),
        Some("2025-11-21T14:00:00Z"),
        "newest updatedAt minus the overlap"
    );
    let orders = got.records();
    let names: Vec<_> = orders.iter().map(|o| o.name.clone().unwrap()).collect();
    assert_eq!(
        names,
        ["#1001", "#1004", "#1005"],
        "test order #1002 skipped"
    );
    assert_eq!(
        got.sources(),
        ["bulk operation 720918 orders 1-4"],
        "one source for the chunk, closed after its orders"
    );

    let first = orders[0];
    let lines: Vec<_> = first
        .lines
        .iter()
        .map(|l| (l.sku.as_str(), l.quantity, l.price_cents))
        .collect();
    assert_eq!(
        lines,
        [
            ("IPOD2008GREEN", 1, Some(19900)),
            ("IPOD2008RED", 2, Some(19997))
        ],
        "line items joined their order from the lines after it"
    );
    assert_eq!(first.shipping_method.as_deref(), Some("Free Shipping"));
    assert_eq!(first.ship_to.province.as_deref(), Some("KY"));
    assert_eq!(first.source, "bulk operation 720918 line 1 order 450789469");
    assert_eq!(
        first.lines[1].external_line_id.as_deref(),
        Some("518995019")
    );

    let partial = orders[1];
    assert_eq!(partial.lines[0].quantity, 2, "what is still to ship");
    assert_eq!(partial.ship_to.country.as_deref(), Some("CA"));
    assert_eq!(partial.shipping_method.as_deref(), Some("Standard"));

    let cancelled = orders[2];
    assert!(cancelled.cancelled);
    assert_eq!(
        cancelled.units(),
        2,
        "a cancelled order keeps what was ordered"
    );
}

#[test]
fn a_long_window_goes_through_a_bulk_operation_with_its_filter() {
    let server = MockServer::start();
    let started = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .header("x-shopify-access-token", TOKEN)
            .body_includes("mutation BulkOrders")
            // The filter is written into the bulk query (it takes no variables).
            .body_includes(
                r#"orders(query: \"updated_at:>='2020-01-01T00:00:00Z'\", sortKey: UPDATED_AT)"#,
            );
        then.status(200).body(at(&server, "bulk-start.json"));
    });
    let completed = poll_mock(&server, at(&server, "bulk-completed.json"));
    server.mock(|when, then| {
        when.method(GET).path("/bulk/720918.jsonl");
        then.status(200)
            .body(fixture("shopify_graphql/bulk-orders.jsonl"));
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let watermark = ch
        .fetch_orders(Some("2020-01-01T00:00:00Z"), &mut got.sink())
        .unwrap();
    started.assert_calls(1);
    completed.assert_calls(1);
    assert_eq!(got.records().len(), 3);
    assert_eq!(watermark.as_deref(), Some("2025-11-21T14:00:00Z"));
}

#[test]
fn a_failed_bulk_operation_names_its_id_and_error_code() {
    let server = MockServer::start();
    start_mock(&server, at(&server, "bulk-start.json"));
    poll_mock(&server, at(&server, "bulk-failed.json"));
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    let text = format!("{err:#}");
    assert!(
        text.contains("channel `shop`: bulk operation gid://shopify/BulkOperation/720918 ended FAILED (errorCode TIMEOUT)"),
        "{text}"
    );
    assert!(text.contains("--since"), "says what to do: {text}");
    assert!(got.events.is_empty(), "nothing reached the flow");
}

#[test]
fn a_canceled_bulk_operation_is_an_error_naming_it() {
    let server = MockServer::start();
    start_mock(&server, at(&server, "bulk-start.json"));
    let canceled = at(&server, "bulk-failed.json")
        .replace(r#""status": "FAILED""#, r#""status": "CANCELED""#)
        .replace(r#""errorCode": "TIMEOUT""#, r#""errorCode": null"#);
    poll_mock(&server, canceled);
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let text = format!("{:#}", ch.fetch_orders(None, &mut got.sink()).unwrap_err());
    assert!(
        text.contains("bulk operation gid://shopify/BulkOperation/720918 ended CANCELED (errorCode none given): it was canceled"),
        "{text}"
    );
}

#[test]
fn an_expired_result_url_is_an_error_naming_the_operation() {
    let server = MockServer::start();
    start_mock(&server, at(&server, "bulk-start.json"));
    poll_mock(&server, at(&server, "bulk-completed.json"));
    server.mock(|when, then| {
        when.method(GET).path("/bulk/720918.jsonl");
        then.status(400).body(
            "<?xml version='1.0' encoding='UTF-8'?><Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>",
        );
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let text = format!("{:#}", ch.fetch_orders(None, &mut got.sink()).unwrap_err());
    assert!(
        text.contains("HTTP 400 for the result of bulk operation gid://shopify/BulkOperation/720918 (the link has expired"),
        "{text}"
    );
    assert!(text.contains("/bulk/720918.jsonl"), "{text}");
    assert!(
        !text.contains("Signature="),
        "the signature is not shown: {text}"
    );
}

#[test]
fn a_result_cut_short_or_out_of_order_stops_the_import_naming_the_line() {
    let server = MockServer::start();
    start_mock(&server, at(&server, "bulk-start.json"));
    poll_mock(&server, at(&server, "bulk-completed.json"));
    let jsonl = fixture("shopify_graphql/bulk-orders.jsonl");
    let mut lines: Vec<&str> = jsonl.lines().collect();
    // A line item of #1001 after #1002 began: not a grouped result.
    let moved = lines.remove(3);
    lines.insert(5, moved);
    let body = lines.join("\n");
    server.mock(move |when, then| {
        when.method(GET).path("/bulk/720918.jsonl");
        then.status(200).body(body);
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let text = format!("{:#}", ch.fetch_orders(None, &mut got.sink()).unwrap_err());
    assert!(
        text.contains("bulk operation 720918 result line 6: `gid://shopify/LineItem/518995019` belongs to gid://shopify/Order/450789469, not to the order before it"),
        "{text}"
    );
    assert!(got.sources().is_empty(), "no source was closed");
}

#[test]
fn a_bulk_operation_already_running_for_the_same_orders_is_waited_for() {
    let server = MockServer::start();
    let busy = start_mock(&server, at(&server, "bulk-in-progress.json"));
    let query = oms::connectors::shopify::bulk_orders_query(None);
    let current = serde_json::json!({ "data": { "currentBulkOperation": {
        "id": "gid://shopify/BulkOperation/720918", "status": "RUNNING", "errorCode": null,
        "objectCount": "120", "rootObjectCount": "40", "url": null, "query": query } } });
    let asked = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query CurrentBulkOperation");
        then.status(200).body(current.to_string());
    });
    poll_mock(&server, at(&server, "bulk-completed.json"));
    let result = server.mock(|when, then| {
        when.method(GET).path("/bulk/720918.jsonl");
        then.status(200)
            .body(fixture("shopify_graphql/bulk-orders.jsonl"));
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    ch.fetch_orders(None, &mut got.sink()).unwrap();
    busy.assert_calls(1);
    asked.assert_calls(1);
    result.assert_calls(1);
    assert_eq!(got.records().len(), 3);
}

#[test]
fn another_running_bulk_operation_is_named_not_waited_for() {
    let server = MockServer::start();
    start_mock(&server, at(&server, "bulk-in-progress.json"));
    server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query CurrentBulkOperation");
        then.status(200).body(
            r#"{"data":{"currentBulkOperation":{"id":"gid://shopify/BulkOperation/720917","status":"RUNNING","query":"{ products { edges { node { id } } } }"}}}"#,
        );
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let text = format!("{:#}", ch.fetch_orders(None, &mut got.sink()).unwrap_err());
    assert!(
        text.contains(
            "another one (gid://shopify/BulkOperation/720917, RUNNING) is running in the shop"
        ),
        "{text}"
    );
}

#[test]
fn a_bulk_query_refused_with_access_denied_is_an_http_403() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL);
        then.status(200).body(
            r#"{"errors":[{"message":"Access denied for orders field. Required access: `read_orders` access scope.","extensions":{"code":"ACCESS_DENIED"}}]}"#,
        );
    });
    let (_dir, mut ch) = shopify(&server, 1, BULK);
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    let http = http_error(&err);
    assert_eq!(http.status, Some(403));
    assert!(http.endpoint.contains("BulkOrders"), "{http}");
    assert!(http.to_string().contains("read_orders"), "{http}");
}
