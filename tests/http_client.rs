//! The shared HTTP client's rules, whatever the API: https only, no redirects, which
//! failures are retried for reads and for creates, server-requested waits, and tokens
//! kept out of errors and logs.

mod connector_support;

use std::time::{Duration, Instant};

use connector_support::{TOKEN, config, traced};
use httpmock::prelude::*;
use oms::connectors::http::{Auth, HttpClient, HttpErrorKind, Pacing, Retry, USER_AGENT};

fn client(base: &str, retries: u32) -> (tempfile::TempDir, HttpClient) {
    let (dir, config) = config(&format!(
        r#"
[fulfillment_channels.wh]
kind = "shipbob"
token_file = "token.txt"
max_retries = {retries}
timeout_secs = 1
connect_timeout_secs = 1
"#
    ));
    let ch = &config.fulfillment_channels["wh"];
    let auth = Auth {
        header: "authorization",
        prefix: "Bearer ",
    };
    let http = HttpClient::new("wh", ch, base, auth, Pacing::PerMinute(150)).expect("client");
    (dir, http)
}

#[test]
fn plain_http_is_refused_except_to_this_machine() {
    let (_dir, config) = config(
        r#"
[fulfillment_channels.wh]
kind = "shipbob"
base_url = "http://localhost:8080"
token_file = "token.txt"
"#,
    );
    let ch = &config.fulfillment_channels["wh"];
    let auth = || Auth {
        header: "authorization",
        prefix: "Bearer ",
    };
    let err = HttpClient::new(
        "wh",
        ch,
        "http://api.shipbob.example/2026-01",
        auth(),
        Pacing::None,
    )
    .err()
    .expect("refused");
    assert_eq!(err.kind, HttpErrorKind::Refused);
    assert!(
        err.to_string().contains("must start with https://"),
        "{err}"
    );
    assert!(
        HttpClient::new(
            "wh",
            ch,
            "https://api.shipbob.com/2026-01",
            auth(),
            Pacing::None
        )
        .is_ok()
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oms.toml");
    let text = "[sales_channels.shop]\nkind = \"shopify\"\nshop = \"a.myshopify.com\"\n\
                base_url = \"http://a.myshopify.com\"\ntoken_file = \"token.txt\"\n";
    std::fs::write(dir.path().join("token.txt"), TOKEN).unwrap();
    let problems = oms::config::parse(&path, text, None)
        .unwrap_err()
        .to_string();
    assert!(
        problems.contains("sales_channels.shop.base_url: must start with https://"),
        "{problems}"
    );
}

#[test]
fn requests_carry_the_token_and_our_user_agent() {
    let server = MockServer::start();
    let m = server.mock(|when, then| {
        when.method(GET)
            .path("/2026-01/channel")
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("user-agent", format!("oms/{}", env!("CARGO_PKG_VERSION")));
        then.status(200).body("[]");
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 0);
    http.get("channel").unwrap();
    m.assert_calls(1);
    assert_eq!(USER_AGENT, format!("oms/{}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn redirects_are_not_followed() {
    let elsewhere = MockServer::start();
    let stolen = elsewhere.mock(|when, then| {
        when.any_request();
        then.status(200);
    });
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/2026-01/channel");
        then.status(302).header("Location", elsewhere.url("/steal"));
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 2);
    let err = http.get("channel").unwrap_err();
    assert_eq!(err.status, Some(302));
    assert!(
        err.to_string().ends_with(&format!(
            "HTTP 302 Found: redirects to {}; oms does not follow redirects, so point the channel's address there",
            elsewhere.url("/steal")
        )),
        "{err}"
    );
    stolen.assert_calls(0);
}

#[test]
fn shipbobs_retry_header_is_honoured() {
    let server = MockServer::start();
    let limited = server.mock(|when, then| {
        when.method(GET).path("/2026-01/channel");
        then.status(429)
            .header("x-retry-after", "1")
            .header("x-remaining-calls", "0")
            .body(
                r#"{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}"#,
            );
    });
    limited.up_to_n_times(1);
    let ok = server.mock(|when, then| {
        when.method(GET).path("/2026-01/channel");
        then.status(200).body("[]");
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 2);
    let started = Instant::now();
    http.get("channel").unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "{:?}",
        started.elapsed()
    );
    limited.assert_calls(1);
    ok.assert_calls(1);
}

#[test]
fn creates_are_retried_only_when_the_server_did_not_take_them() {
    let server = MockServer::start();
    let broken = server.mock(|when, then| {
        when.method(POST).path("/2026-01/order");
        then.status(500);
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 3);
    let body = serde_json::json!({ "reference_id": "S1" });
    let err = http.post("order", &body, Retry::Unsafe).unwrap_err();
    broken.assert_calls(1);
    assert!(err.maybe_applied, "a 500 may have created it");

    let server = MockServer::start();
    let limited = server.mock(|when, then| {
        when.method(POST).path("/2026-01/order");
        then.status(429);
    });
    limited.up_to_n_times(1);
    let ok = server.mock(|when, then| {
        when.method(POST).path("/2026-01/order");
        then.status(201).body("{}");
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 3);
    http.post("order", &body, Retry::Unsafe).unwrap();
    limited.assert_calls(1);
    ok.assert_calls(1);

    let server = MockServer::start();
    let flaky = server.mock(|when, then| {
        when.method(GET).path("/2026-01/order");
        then.status(503);
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 3);
    let err = http.get("order").unwrap_err();
    flaky.assert_calls(4);
    assert_eq!((err.status, err.attempts), (Some(503), 4));
}

#[test]
fn a_refused_connection_is_retried_and_reported() {
    // Port 1 (tcpmux) is never one of the ephemeral ports mock servers get, so nothing
    // listens there.
    let (_dir, mut http) = client("http://127.0.0.1:1/2026-01", 2);
    let err = http.get("channel").unwrap_err();
    assert_eq!(
        (err.kind, err.attempts, err.maybe_applied),
        (HttpErrorKind::Connection, 3, false)
    );
    assert!(
        err.to_string().starts_with("channel `wh`: GET /2026-01/channel: connection failed (gave up after 3 attempts): cannot connect"),
        "{err}"
    );
}

#[test]
fn tokens_are_redacted_from_errors_and_debug_traces() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/2026-01/channel");
        then.status(403).body(format!(
            r#"{{"title":"Forbidden","detail":"token Bearer {TOKEN} lacks a scope"}}"#
        ));
    });
    let (_dir, mut http) = client(&server.url("/2026-01"), 2);
    let (err, logs) = traced(|| http.get("channel").unwrap_err());
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
    assert_eq!(
        err.to_string(),
        "channel `wh`: GET /2026-01/channel: HTTP 403 Forbidden: token Bearer <redacted> lacks a scope"
    );
    assert!(!logs.contains(TOKEN), "{logs}");
    assert!(
        logs.contains("url=/2026-01/channel") && logs.contains("status=403"),
        "{logs}"
    );
}
