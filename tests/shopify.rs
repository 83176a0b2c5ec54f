//! The `shopify` connector reading orders from a mock Admin API that speaks Shopify's
//! shapes (fixtures modelled on Shopify's documented examples, tests/fixtures/shopify/),
//! and the shared client's behaviour seen through it.

mod connector_support;

use std::time::{Duration, Instant};

use connector_support::{
    Event, Recorded, SHOPIFY_API, TOKEN, fixture, http_error, shopify, traced,
};
use httpmock::prelude::*;
use oms::connectors::http::HttpErrorKind;
use oms::model::order::OrderIn;

#[test]
fn orders_come_page_by_page_once_each_with_a_watermark() {
    let server = MockServer::start();
    let page2 = format!(
        "{}{SHOPIFY_API}/orders.json?limit=250&page_info=p2",
        server.base_url()
    );
    let first = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/orders.json"))
            .query_param("status", "any")
            .query_param("limit", "250")
            .query_param("updated_at_min", "2025-11-01T00:00:00Z")
            .query_param_missing("page_info")
            .header("x-shopify-access-token", TOKEN)
            .header_prefix("user-agent", "oms/");
        then.status(200)
            .header("Link", format!("<{page2}>; rel=\"next\""))
            .header("X-Shopify-Shop-Api-Call-Limit", "2/40")
            .body(fixture("shopify/orders-page-1.json"));
    });
    let second = server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/orders.json"))
            .query_param("page_info", "p2");
        then.status(200).body(fixture("shopify/orders-page-2.json"));
    });
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
        ["#1001", "#1002", "#1004"],
        "test order skipped, #1002 once"
    );
    assert_eq!(
        got.sources(),
        [
            format!(
                "{SHOPIFY_API}/orders.json?status=any&limit=250&updated_at_min=2025-11-01T00%3A00%3A00Z"
            ),
            format!("{SHOPIFY_API}/orders.json?limit=250&page_info=p2"),
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
            "order 450789480 line_items[1]: sku: empty (line 518995061 \"Gift wrapping\")"
        ),
        "{:?}",
        partial.problems
    );
}

#[test]
fn a_429_is_waited_out_as_retry_after_asks() {
    let server = MockServer::start();
    let limited = server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
        then.status(429)
            .header("Retry-After", "1.0")
            .body(r#"{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}"#);
    });
    limited.up_to_n_times(1);
    let ok = server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
        then.status(200).body(r#"{"orders":[]}"#);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let started = Instant::now();
    let watermark = ch.fetch_orders(None, &mut got.sink()).unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "waited {:?}",
        started.elapsed()
    );
    limited.assert_calls(1);
    ok.assert_calls(1);
    assert_eq!(watermark, None);
    assert_eq!(got.sources().len(), 1);
}

#[test]
fn repeated_500s_give_up_naming_channel_endpoint_and_status_after_whole_pages_only() {
    let server = MockServer::start();
    let page2 = format!(
        "{}{SHOPIFY_API}/orders.json?limit=250&page_info=p2",
        server.base_url()
    );
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHOPIFY_API}/orders.json"))
            .query_param_missing("page_info");
        then.status(200)
            .header("Link", format!("<{page2}>; rel=\"next\""))
            .body(fixture("shopify/orders-page-1.json"));
    });
    let broken = server.mock(|when, then| {
        when.method(GET).query_param("page_info", "p2");
        then.status(500)
            .body(r#"{"errors":"Internal Server Error"}"#);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    broken.assert_calls(3);
    let e = http_error(&err);
    assert_eq!((e.status, e.attempts), (Some(500), 3));
    assert_eq!(
        err.to_string(),
        format!(
            "channel `shop`: GET {SHOPIFY_API}/orders.json?limit=250&page_info=p2: HTTP 500 Internal Server Error \
             (gave up after 3 attempts): Internal Server Error"
        )
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
fn a_timeout_is_retried_then_reported() {
    let server = MockServer::start();
    let slow = server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
        then.status(200)
            .delay(Duration::from_millis(2500))
            .body(r#"{"orders":[]}"#);
    });
    let (_dir, mut ch) = shopify(&server, 1, "");
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    slow.assert_calls(2);
    let e = http_error(&err);
    assert_eq!(e.kind, HttpErrorKind::Timeout);
    assert!(err.to_string().starts_with(&format!(
        "channel `shop`: GET {SHOPIFY_API}/orders.json?status=any&limit=250: timed out (gave up after 2 attempts)"
    )), "{err}");
    assert!(got.events.is_empty());
}

#[test]
fn truncated_and_malformed_bodies_are_errors_naming_channel_and_endpoint() {
    for body in [
        r##"{"orders":[{"id":450789469,"name":"#1001","line_items":[{"##,
        "<html>busy</html>",
        r#"{"orders":{"id":1}}"#,
    ] {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
            then.status(200).body(body);
        });
        let (_dir, mut ch) = shopify(&server, 2, "");
        let mut got = Recorded::<OrderIn>::new();
        let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
        assert_eq!(http_error(&err).kind, HttpErrorKind::Malformed, "{body}");
        assert!(
            err.to_string().starts_with(&format!(
                "channel `shop`: GET {SHOPIFY_API}/orders.json?status=any&limit=250: HTTP 200 with a body that is not the JSON expected: "
            )),
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
    // Every page links to another: only the flow stopping can end this read.
    let next = format!(
        "<{}{SHOPIFY_API}/orders.json?limit=250&page_info=again>; rel=\"next\"",
        server.base_url()
    );
    let pages = server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
        then.status(200)
            .header("Link", &next)
            .body(fixture("shopify/orders-page-2.json"));
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
    // At most: the page in hand, one parsed and waiting, one parsed and held back, one
    // fetched and waiting, one fetched and held back. Then the pipeline stops.
    assert!(pages.calls() <= 5, "{} pages read", pages.calls());
}

#[test]
fn tokens_never_appear_in_errors_or_traces() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
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
        logs.contains("orders.json") && logs.contains("status=401"),
        "{logs}"
    );
}

#[test]
fn links_to_other_hosts_are_not_followed() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/orders.json"));
        then.status(200)
            .header(
                "Link",
                "<https://elsewhere.example.com/admin/api/2025-10/orders.json?page_info=x>; rel=\"next\"",
            )
            .body(r#"{"orders":[]}"#);
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::<OrderIn>::new();
    let err = ch.fetch_orders(None, &mut got.sink()).unwrap_err();
    assert_eq!(http_error(&err).kind, HttpErrorKind::Refused);
    assert!(
        err.to_string()
            .contains("will not follow a link to another host"),
        "{err}"
    );
}

#[test]
fn check_reads_the_shop() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHOPIFY_API}/shop.json"));
        then.status(200).body(fixture("shopify/shop.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    assert_eq!(
        ch.check().unwrap(),
        "shop John Smith Test Store (jsmith.myshopify.com), plan basic, API 2025-10"
    );
}
