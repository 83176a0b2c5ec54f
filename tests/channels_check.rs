//! `oms channels check` with the real binary against mock APIs on 127.0.0.1.

mod common;

use common::Env;
use httpmock::prelude::*;

const TOKEN: &str = "shpat_CLI_SECRET_51c0";

fn workspace(shop: &MockServer, warehouse: &MockServer) -> Env {
    let env = Env::with_config(&format!(
        r#"
[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[fulfillment_channels.sb]
kind = "shipbob"
base_url = "{}"
token = "${{SHIPBOB_TOKEN}}"
channel_id = "432951"

[fulfillment_channels.old]
kind = "files"
enabled = false
path = "channels/gone"

[warehouses.east]
fulfillment_channel = "east-3pl"

[warehouses.west]
fulfillment_channel = "sb"
location_id = "10"

[sales_channels.shop]
kind = "shopify"
shop = "jsmith.myshopify.com"
base_url = "{}"
token = "${{SHOPIFY_TOKEN}}"
"#,
        warehouse.base_url(),
        shop.base_url()
    ));
    for sub in ["inbox", "outbox"] {
        std::fs::create_dir_all(env.path(&format!("channels/east-3pl/{sub}"))).unwrap();
    }
    env
}

#[test]
fn every_enabled_channel_is_tried_and_one_failure_fails_the_command() {
    let shop = MockServer::start();
    shop.mock(|when, then| {
        when.method(POST)
            .path("/admin/api/2026-10/graphql.json")
            .header("x-shopify-access-token", TOKEN);
        then.status(200)
            .body(include_str!("fixtures/shopify_graphql/check.json"));
    });
    let warehouse = MockServer::start();
    let refused = warehouse.mock(|when, then| {
        when.method(GET).path("/2026-01/channel");
        then.status(401)
            .body(r#"{"title":"Unauthorized","status":401}"#);
    });
    let env = workspace(&shop, &warehouse);
    let done = env
        .oms(["channels", "check", "-o", "json"])
        .env("SHOPIFY_TOKEN", TOKEN)
        .env("SHIPBOB_TOKEN", TOKEN)
        .code(1);
    refused.assert_calls(1);
    let report = done.json();
    assert_eq!(
        (report["ok"].as_u64(), report["failed"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(report["not_checked"], serde_json::json!(["old"]));
    let rows: Vec<(String, String, String, bool)> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["channel"].as_str().unwrap().to_string(),
                i["kind"].as_str().unwrap().to_string(),
                i["role"].as_str().unwrap().to_string(),
                i["ok"].as_bool().unwrap(),
            )
        })
        .collect();
    let row = |c: &str, k: &str, r: &str, ok| (c.to_string(), k.to_string(), r.to_string(), ok);
    assert_eq!(
        rows,
        [
            row("shop", "shopify", "sales", true),
            row("east-3pl", "files", "fulfillment", true),
            row("sb", "shipbob", "fulfillment", false),
        ]
    );
    let detail = report["items"][2]["detail"].as_str().unwrap();
    assert_eq!(
        detail,
        "channel `sb`: GET /2026-01/channel: HTTP 401 Unauthorized: Unauthorized"
    );
    assert!(
        report["items"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("John Smith Test Store")
    );
    assert!(!done.stdout.contains(TOKEN) && !done.stderr.contains(TOKEN));

    let table = env
        .oms(["channels", "check"])
        .env("SHOPIFY_TOKEN", TOKEN)
        .env("SHIPBOB_TOKEN", TOKEN)
        .code(1);
    table
        .stdout_has("HTTP 401 Unauthorized")
        .stdout_has("failed: 1");

    env.oms(["channels", "check", "--channel", "shop"])
        .env("SHOPIFY_TOKEN", TOKEN)
        .env("SHIPBOB_TOKEN", TOKEN)
        .ok();
    env.oms(["channels", "check", "--channel", "nope"])
        .env("SHOPIFY_TOKEN", TOKEN)
        .env("SHIPBOB_TOKEN", TOKEN)
        .code(2)
        .stderr_has("unknown channel `nope`");
}
