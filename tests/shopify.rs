//! The `shopify` connector reading orders from a mock GraphQL Admin API that answers in
//! Shopify's shapes (fixtures modelled on the GraphQL Admin reference,
//! tests/fixtures/shopify_graphql/), and the shared client's behaviour seen through it.

mod connector_support;

use connector_support::{
    CLIENT_SECRET, Event, Recorded, SHOPIFY_GRAPHQL, TOKEN, config, fixture, http_error, shopify,
    traced,
};
use httpmock::prelude::*;
use oms::connectors::http::HttpErrorKind;
use oms::model::order::OrderIn;
use serde_json::json;

const GRANTED: &str = "shpat_GRANTED_e4d1a7";

fn orders_page<'a>(server: &'a MockServer, after: Option<&str>, body: &str) -> httpmock::Mock<'a> {
    let body = body.to_string();
    let vars = json!({ "variables": { "after": after } }).to_string();
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query Orders")
            .json_body_includes(vars);
        then.status(200).body(body);
    })
}

#[test]
fn orders_come_page_by_page_once_each_with_a_watermark() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .header("x-shopify-access-token", TOKEN)
            .header_prefix("user-agent", "oms/")
            .json_body_includes(
                json!({ "variables": { "first": 250, "after": null,
                    "query": "updated_at:>='2025-11-01T00:00:00Z'" } })
                .to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/orders-page-1.json"));
    });
    let second = orders_page(
        &server,
        Some("eyJsYXN0X2lkIjo0NTA3ODk0NzF9"),
        &fixture("shopify_graphql/orders-page-2.json"),
    );
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let watermark = ch
        .fetch_orders(Some("2025-11-01T00:00:00Z"), &mut got.sink())
        .unwrap();
    first.assert_calls(1);
    second.assert_calls(1);

    assert_eq!(watermark.as_deref(), Some("2025-11-21T14:00:00Z"));
    let names: Vec<_> = got
        .records()
        .iter()
        .map(|o| o.name.clone().unwrap())
        .collect();
    assert_eq!(
        names,
        ["#1001", "#1002", "#1004", "#1005"],
        "test order skipped, #1002 once"
    );
    assert_eq!(
        got.sources(),
        [
            "graphql.json orders page 1 (after start)",
            "graphql.json orders page 2 (after eyJsYXN0X2lkIjo0NTA3ODk0NzF9)",
        ]
    );
    assert!(
        matches!(got.events[2], Event::Done(_)),
        "page 1 closes before page 2"
    );

    let orders = got.records();
    let refunded = orders[0];
    let lines: Vec<_> = refunded
        .lines
        .iter()
        .map(|l| (l.sku.as_str(), l.quantity))
        .collect();
    assert_eq!(
        lines,
        [("IPOD2008RED", 1)],
        "refunded lines are not shipped"
    );

    let o = orders[1];
    assert_eq!(o.external_id, "450789470");
    assert_eq!(o.ordered_at.as_deref(), Some("2025-11-20T16:00:00Z"));
    assert_eq!(o.customer_name.as_deref(), Some("Ann Lee"));
    assert_eq!(o.email.as_deref(), Some("ann.lee@mail.example.com"));
    assert_eq!(
        (
            o.ship_to.country.as_deref(),
            o.ship_to.province.as_deref(),
            o.ship_to.zip.as_deref()
        ),
        (Some("CA"), Some("ON"), Some("M5V 2T6"))
    );
    assert_eq!(o.shipping_method.as_deref(), Some("Free Shipping"));
    assert_eq!(
        (o.currency.as_deref(), o.total_cents),
        (Some("USD"), Some(39800))
    );
    assert_eq!(o.tags, ["vip", "gift"]);
    assert_eq!(o.note.as_deref(), Some("Leave at the back door"));
    assert_eq!(o.lines[1].external_line_id.as_deref(), Some("518995020"));
    assert_eq!(o.lines[1].price_cents, Some(19900));
    assert!(o.problems.is_empty(), "{:?}", o.problems);

    let partial = orders[2];
    assert_eq!(partial.lines[0].quantity, 2, "what is still to ship");
    assert_eq!(partial.problems.len(), 1);
    assert!(
        partial.problems[0].contains(
            "order 450789480 lineItems[1]: sku: empty (line 518995061 \"Gift wrapping\")"
        ),
        "{:?}",
        partial.problems
    );

    let cancelled = orders[3];
    assert!(cancelled.cancelled);
    assert_eq!(
        cancelled.units(),
        2,
        "a cancelled order keeps what was ordered"
    );
    assert_eq!(
        (
            cancelled.customer_name.as_deref(),
            cancelled.email.as_deref()
        ),
        (None, None)
    );
    assert!(cancelled.problems.is_empty(), "{:?}", cancelled.problems);
}

#[test]
fn test_orders_come_in_when_the_channel_asks_for_them() {
    let server = MockServer::start();
    orders_page(
        &server,
        None,
        &fixture("shopify_graphql/orders-page-1.json"),
    );
    orders_page(
        &server,
        Some("eyJsYXN0X2lkIjo0NTA3ODk0NzF9"),
        &fixture("shopify_graphql/orders-page-2.json"),
    );
    let (_dir, mut ch) = shopify(&server, 2, "include_test_orders = true");
    let mut got = Recorded::<OrderIn>::new();
    ch.fetch_orders(None, &mut got.sink()).unwrap();
    let test: Vec<_> = got
        .records()
        .iter()
        .filter(|o| o.test)
        .map(|o| o.name.clone())
        .collect();
    assert_eq!(test, [Some("#1003".to_string())]);
}

#[test]
fn throttled_queries_are_waited_out_and_then_answered() {
    let server = MockServer::start();
    let throttled = server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL);
        then.status(200)
            .body(fixture("shopify_graphql/throttled.json"));
    });
    throttled.up_to_n_times(2);
    let ok = orders_page(
        &server,
        None,
        &fixture("shopify_graphql/orders-page-2.json"),
    );
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let (result, logs) = traced(|| ch.fetch_orders(None, &mut got.sink()));
    result.unwrap();
    throttled.assert_calls(2);
    ok.assert_calls(1);
    assert_eq!(got.records().len(), 3);
    assert!(logs.contains("throttled by Shopify; waiting"), "{logs}");
}

#[test]
fn graphql_errors_name_the_operation_and_stop_before_the_page_reaches_the_sink() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL);
        then.status(200).body(
            r#"{"errors":[{"message":"Field 'bogus' doesn't exist on type 'Order'","locations":[{"line":3,"column":5}],
                "extensions":{"code":"undefinedField","typeName":"Order","fieldName":"bogus"}}]}"#,
        );
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("channel `shop`: POST graphql.json Orders: ")
            && text.ends_with("Field 'bogus' doesn't exist on type 'Order'"),
        "{text}"
    );
    assert!(got.events.is_empty());
}

#[test]
fn repeated_500s_give_up_after_whole_pages_only() {
    let server = MockServer::start();
    orders_page(
        &server,
        None,
        &fixture("shopify_graphql/orders-page-1.json"),
    );
    let broken = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("eyJsYXN0X2lkIjo0NTA3ODk0NzF9");
        then.status(500)
            .body(r#"{"errors":"Internal Server Error"}"#);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    broken.assert_calls(3);
    let e = http_error(&err);
    assert_eq!((e.status, e.attempts), (Some(500), 3));
    assert!(
        err.to_string()
            .contains("POST /admin/api/2026-10/graphql.json: HTTP 500"),
        "{err}"
    );
    assert_eq!(got.records().len(), 2, "page 1's orders only");
    assert_eq!(
        got.sources().len(),
        1,
        "and page 1 closed; nothing of page 2"
    );
    assert!(matches!(got.events.last(), Some(Event::Done(_))));
}

#[test]
fn truncated_and_malformed_bodies_are_errors_naming_channel_and_endpoint() {
    for body in [
        r##"{"data":{"orders":{"pageInfo":{"hasNextPage":false},"nodes":[{"id":"gid://shopify/Order/1","name":"#1001","##,
        "<html>busy</html>",
        r#"{"data":{"orders":{"nodes":{"id":1}}}}"#,
    ] {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(POST).path(SHOPIFY_GRAPHQL);
            then.status(200).body(body);
        });
        let (_dir, mut ch) = shopify(&server, 2, "");
        let mut got = Recorded::<OrderIn>::new();
        let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
        assert_eq!(http_error(&err).kind, HttpErrorKind::Malformed, "{body}");
        assert!(
            err.to_string().starts_with(
                "channel `shop`: POST /admin/api/2026-10/graphql.json: HTTP 200 with a body that is not the JSON expected: "
            ),
            "{err}"
        );
        assert!(
            got.events.is_empty(),
            "nothing of a broken page reaches the sink"
        );
    }
}

#[test]
fn a_flow_that_stops_on_a_page_stops_the_read_ahead() {
    let server = MockServer::start();
    // Every page says there is another: only the flow stopping can end this read.
    let looping = fixture("shopify_graphql/orders-page-1.json");
    let pages = server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL);
        then.status(200).body(&looping);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut handed = 0;
    let err = ch
        .fetch_orders(None, &mut |_event| {
            handed += 1;
            anyhow::bail!("disk full")
        })
        .unwrap_err();
    assert_eq!(err.to_string(), "disk full");
    assert_eq!(handed, 1, "nothing is handed over after the flow failed");
    // A cursor that repeats itself ends the read too, so at most two pages are read.
    assert!(pages.calls() <= 5, "{} pages read", pages.calls());
}

#[test]
fn tokens_never_appear_in_errors_or_traces() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL);
        then.status(401).body(format!(
            r#"{{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password): {TOKEN}"}}"#
        ));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let (err, logs) = traced(|| {
        let mut got = Recorded::<OrderIn>::new();
        ch.fetch_orders(None, &mut got.sink()).unwrap_err()
    });
    let text = format!("{err:#} {err:?}");
    assert!(!text.contains(TOKEN), "{text}");
    assert!(err.to_string().contains("HTTP 401 Unauthorized"), "{err}");
    assert!(err.to_string().contains("<redacted>"), "{err}");
    assert!(!logs.contains(TOKEN), "{logs}");
    assert!(
        logs.contains("graphql.json") && logs.contains("status=401"),
        "{logs}"
    );
}

/// The `shop` channel as a Dev Dashboard app: client id + secret, no token.
fn app(server: &MockServer) -> (tempfile::TempDir, Box<dyn oms::connectors::SalesChannel>) {
    let (dir, config) = config(&format!(
        r#"
[sales_channels.shop]
kind = "shopify"
shop = "jsmith.myshopify.com"
base_url = "{}"
client_id = "3f1b0c6e2a"
client_secret_file = "secret.txt"
max_retries = 1
timeout_secs = 1
bulk_import = false
"#,
        server.base_url()
    ));
    let channel = oms::connectors::sales(&config, "shop").expect("shopify connector");
    (dir, channel)
}

#[test]
fn client_credentials_fetch_a_token_once_and_again_after_a_401() {
    let server = MockServer::start();
    let grant = server.mock(|when, then| {
        when.method(POST)
            .path("/admin/oauth/access_token")
            .json_body(
                json!({ "client_id": "3f1b0c6e2a", "client_secret": CLIENT_SECRET,
                               "grant_type": "client_credentials" }),
            );
        then.status(200)
            .body(fixture("shopify_graphql/access-token.json"));
    });
    // The first token is refused once (revoked or expired early): one new grant, then on.
    let refused = server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL).header("x-shopify-access-token", GRANTED);
        then.status(401).body(r#"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#);
    });
    refused.up_to_n_times(1);
    let page = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .header("x-shopify-access-token", GRANTED);
        then.status(200)
            .body(fixture("shopify_graphql/orders-page-2.json"));
    });
    let (_dir, mut ch) = app(&server);
    let (result, logs) = traced(|| {
        let mut got = Recorded::<OrderIn>::new();
        let read = ch.fetch_orders(None, &mut got.sink());
        read.map(|_| got.records().len())
    });
    assert_eq!(result.unwrap(), 3);
    let mut again = Recorded::<OrderIn>::new();
    ch.fetch_orders(None, &mut again.sink()).unwrap();
    grant.assert_calls(2);
    refused.assert_calls(1);
    page.assert_calls(2);
    assert!(
        !logs.contains(GRANTED) && !logs.contains(CLIENT_SECRET),
        "{logs}"
    );

    let text = ch.check().map_err(|e| e.to_string());
    let text = format!("{text:?}");
    assert!(
        !text.contains(GRANTED) && !text.contains(CLIENT_SECRET),
        "{text}"
    );
}

#[test]
fn a_refused_grant_is_an_error_without_the_secret() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path("/admin/oauth/access_token");
        then.status(400).body(format!(
            r#"{{"error":"invalid_client","error_description":"Client authentication failed: {CLIENT_SECRET}"}}"#
        ));
    });
    let (_dir, mut ch) = app(&server);
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    let text = format!("{err:#}");
    assert!(
        text.contains("/admin/oauth/access_token") && text.contains("HTTP 400"),
        "{text}"
    );
    assert!(!text.contains(CLIENT_SECRET), "{text}");
}

#[test]
fn check_says_which_auth_and_which_scopes() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query Check");
        then.status(200).body(fixture("shopify_graphql/check.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    assert_eq!(
        ch.check().unwrap(),
        "shop John Smith Test Store (jsmith.myshopify.com), plan Basic, API 2026-10, \
         auth access token (admin-created custom app), scopes read_orders, \
         write_merchant_managed_fulfillment_orders, write_fulfillments, write_inventory, read_locations, write_products"
    );
}

#[test]
fn check_names_a_missing_scope() {
    let server = MockServer::start();
    let body =
        fixture("shopify_graphql/check.json").replace(r#"{ "handle": "write_inventory" },"#, "");
    server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL);
        then.status(200).body(&body);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let err = ch.check().unwrap_err().to_string();
    assert!(
        err.contains("missing access scope `write_inventory` (needed to push stock levels)"),
        "{err}"
    );
}
