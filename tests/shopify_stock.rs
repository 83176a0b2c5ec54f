//! The `shopify` connector setting stock on a mock GraphQL Admin API on 127.0.0.1:
//! `inventorySetQuantities` compare-and-swap from the value oms last saw (or the level
//! read first), a stale `changeFromQuantity` read again, and the `@idempotent` key the
//! same on every retry of the same request. Fixtures: tests/fixtures/shopify_graphql/
//! (`inventory-*`), modelled on the GraphQL Admin reference.

mod common;
mod connector_support;
mod cycle_support;

use connector_support::{SHOPIFY_GRAPHQL, fixture, shopify};
use httpmock::prelude::*;
use oms::connectors::shopify::idempotency_key;
use oms::model::shipment::StockPublish;
use serde_json::json;

fn level(
    sku: &str,
    available: i64,
    last_seen: Option<i64>,
    remembered: Option<&str>,
) -> StockPublish {
    StockPublish {
        sku: sku.into(),
        available,
        location_id: None,
        remote_id: remembered.map(str::to_string),
        last_seen,
        delta: None,
    }
}

const BATCH: &str = "stock-20261204T000000.000Z";
const OTTAWA: &str = "gid://shopify/Location/655441491";

/// One `inventorySetQuantities` of `item` to `quantity` from `from`, under its key.
fn set<'a>(
    server: &'a MockServer,
    sku: &str,
    item: &str,
    quantity: i64,
    from: Option<i64>,
) -> httpmock::Mock<'a> {
    set_answering(
        server,
        sku,
        item,
        quantity,
        from,
        200,
        fixture("shopify_graphql/inventory-set.json"),
    )
}

fn set_answering<'a>(
    server: &'a MockServer,
    sku: &str,
    item: &str,
    quantity: i64,
    from: Option<i64>,
    status: u16,
    body: String,
) -> httpmock::Mock<'a> {
    let vars = json!({ "variables": {
        "key": idempotency_key(BATCH, sku, OTTAWA, from, quantity),
        "input": {
            "name": "available",
            "reason": "correction",
            "referenceDocumentUri": format!("gid://oms/StockPush/{BATCH}"),
            "quantities": [{
                "inventoryItemId": format!("gid://shopify/InventoryItem/{item}"),
                "locationId": OTTAWA,
                "quantity": quantity,
                "changeFromQuantity": from
            }]
        }
    }})
    .to_string();
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("inventorySetQuantities(input: $input) @idempotent(key: $key)")
            .json_body_includes(vars);
        then.status(status).body(body);
    })
}

fn search(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query InventoryBySku");
        then.status(200)
            .body(fixture("shopify_graphql/inventory-by-sku.json"));
    })
}

#[test]
fn stock_is_set_from_the_last_value_seen_or_the_level_read_first() {
    let server = MockServer::start();
    let search = search(&server);
    // Red: oms last published 3. Pink: never published, so the shop's 1 is read first.
    let red = set(&server, "IPOD2008RED", "49148385", 5, Some(3));
    let pink = set(&server, "IPOD2008PINK", "808950810", 2, Some(1));
    let (_dir, mut ch) = shopify(&server, 2, "location_id = \"655441491\"");
    let answers = ch
        .push_stock_batch(
            BATCH,
            &[
                level("ipod2008red", 5, Some(3), None),
                level("IPOD2008PINK", 2, None, None),
                level("NOPE-1", 3, None, None),
            ],
        )
        .unwrap();
    search.assert_calls(1);
    red.assert_calls(1);
    pink.assert_calls(1);
    let got: Vec<_> = answers
        .iter()
        .map(|a| {
            (
                a.reference.as_str(),
                a.external_id.as_deref(),
                a.error.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("ipod2008red", Some("49148385"), None),
            ("IPOD2008PINK", Some("808950810"), None),
            ("NOPE-1", None, Some("SKU not in the shop")),
        ],
        "the near miss IPOD2008RED-REFURB is not taken for IPOD2008RED"
    );
    assert!(answers.iter().all(|a| a.note.is_none()));
}

#[test]
fn a_stale_change_from_quantity_is_read_again_and_the_answer_says_so() {
    let server = MockServer::start();
    search(&server);
    let stale = set_answering(
        &server,
        "IPOD2008RED",
        "49148385",
        5,
        Some(3),
        200,
        fixture("shopify_graphql/inventory-set-stale.json"),
    );
    let reread = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query InventoryById")
            .json_body_includes(
                json!({ "variables": { "ids": ["gid://shopify/InventoryItem/49148385"], "location": OTTAWA } })
                    .to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/inventory-reread.json"));
    });
    let from_now = set(&server, "IPOD2008RED", "49148385", 5, Some(1));
    let (_dir, mut ch) = shopify(&server, 2, "location_id = \"655441491\"");
    let answers = ch
        .push_stock_batch(BATCH, &[level("IPOD2008RED", 5, Some(3), None)])
        .unwrap();
    stale.assert_calls(1);
    reread.assert_calls(1);
    from_now.assert_calls(1);
    assert_eq!(answers[0].error, None);
    assert_eq!(
        answers[0].note.as_deref(),
        Some("the shop had 1 where oms last saw 3: read again and set to 5")
    );
}

#[test]
fn a_lost_stock_answer_is_retried_under_the_same_idempotency_key() {
    let server = MockServer::start();
    // Remembered items are checked by id (808950810 still carries the SKU; the other id
    // is gone), so only the SKU without a good id is searched for.
    let check = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query InventoryById");
        then.status(200)
            .body(fixture("shopify_graphql/inventory-by-id.json"));
    });
    let search = search(&server);
    let key = idempotency_key(BATCH, "IPOD2008PINK", OTTAWA, Some(1), 2);
    let lost = set_answering(
        &server,
        "IPOD2008PINK",
        "808950810",
        2,
        Some(1),
        503,
        "upstream connect error".into(),
    );
    lost.up_to_n_times(1);
    let retried = set(&server, "IPOD2008PINK", "808950810", 2, Some(1));
    let red = set(&server, "IPOD2008RED", "49148385", 7, Some(4));
    let (_dir, mut ch) = shopify(&server, 2, "location_id = \"655441491\"");
    let answers = ch
        .push_stock_batch(
            BATCH,
            &[
                level("IPOD2008PINK", 2, Some(1), Some("808950810")),
                level("IPOD2008RED", 7, None, Some("111")),
            ],
        )
        .unwrap();
    check.assert_calls(1);
    search.assert_calls(1);
    lost.assert_calls(1);
    retried.assert_calls(1);
    red.assert_calls(1);
    assert!(answers.iter().all(|a| a.error.is_none()), "{answers:?}");
    assert!(key.starts_with(&format!("oms-{BATCH}-")), "{key}");

    // The same batch sent again (after a crash) is the same request under the same key.
    ch.push_stock_batch(
        BATCH,
        &[level("IPOD2008PINK", 2, Some(1), Some("808950810"))],
    )
    .unwrap();
    retried.assert_calls(2);
}

/// A `delta` channel's change goes out as `inventoryAdjustQuantities` with the change, no
/// compare-and-swap (`changeFromQuantity: null`, which Shopify wants said), and a key of its
/// own that a lost answer's retry and a resend of the batch repeat.
#[test]
fn a_delta_push_adjusts_the_level_once_under_its_key() {
    let server = MockServer::start();
    let search = search(&server);
    let key = idempotency_key(BATCH, "IPOD2008RED~delta", OTTAWA, None, -2);
    let vars = json!({ "variables": {
        "key": key,
        "input": {
            "name": "available",
            "reason": "correction",
            "referenceDocumentUri": format!("gid://oms/StockPush/{BATCH}"),
            "changes": [{
                "inventoryItemId": "gid://shopify/InventoryItem/49148385",
                "locationId": OTTAWA,
                "delta": -2,
                "changeFromQuantity": null
            }]
        }
    }})
    .to_string();
    let answer = |status: u16, body: String| {
        let vars = vars.clone();
        server.mock(move |when, then| {
            when.method(POST)
                .path(SHOPIFY_GRAPHQL)
                .body_includes("inventoryAdjustQuantities(input: $input) @idempotent(key: $key)")
                .json_body_includes(vars);
            then.status(status).body(body);
        })
    };
    let mut lost = answer(503, "upstream connect error".into());
    lost.up_to_n_times(1);
    let adjusted = answer(
        200,
        fixture("shopify_graphql/inventory-set.json")
            .replace("inventorySetQuantities", "inventoryAdjustQuantities"),
    );
    let set_calls = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("inventorySetQuantities");
        then.status(500);
    });
    let (_dir, mut ch) = shopify(&server, 2, "location_id = \"655441491\"");
    let change = StockPublish {
        delta: Some(-2),
        ..level("IPOD2008RED", 3, Some(5), None)
    };
    let answers = ch
        .push_stock_batch(BATCH, std::slice::from_ref(&change))
        .unwrap();
    assert!(answers.iter().all(|a| a.error.is_none()), "{answers:?}");
    assert_eq!(answers[0].external_id.as_deref(), Some("49148385"));
    search.assert_calls(1);
    lost.assert_calls(1);
    adjusted.assert_calls(1);
    set_calls.assert_calls(0);
    ch.push_stock_batch(BATCH, &[change]).unwrap();
    adjusted.assert_calls(2);
    lost.delete();
}

/// `oms stock push` through the binary: the report's item says the level was read again.
#[test]
fn the_push_report_says_when_a_level_was_read_again() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = cycle_support::Cycle::new(&shop, &sb);
    let graphql = cycle_support::shop_api("graphql.json");
    let answer = |query: &'static str, body: String| {
        let path = graphql.clone();
        shop.mock(move |when, then| {
            when.method(POST).path(path).body_includes(query);
            then.status(200).body(body);
        })
    };
    answer(
        "query InventoryBySku",
        cycle_support::fixture("shopify-inventory-by-sku.json"),
    );
    // Someone sold three tees in the shop: it holds 7, not the 0 oms read a moment ago.
    answer(
        "query InventoryById",
        cycle_support::fixture("shopify-inventory-by-id.json"),
    );
    let set = |item: i64, from: i64, body: String| {
        let path = graphql.clone();
        let vars = json!({ "variables": { "input": { "quantities": [{
            "inventoryItemId": format!("gid://shopify/InventoryItem/{item}"),
            "locationId": "gid://shopify/Location/655441491",
            "quantity": if item == 808950810 { 10 } else { 5 },
            "changeFromQuantity": from
        }] } } })
        .to_string();
        shop.mock(move |when, then| {
            when.method(POST)
                .path(path)
                .body_includes("mutation SetAvailable")
                .json_body_includes(vars);
            then.status(200).body(body);
        })
    };
    let stale = set(
        808950810,
        0,
        fixture("shopify_graphql/inventory-set-stale.json"),
    );
    let tee = set(
        808950810,
        7,
        cycle_support::fixture("shopify-inventory-set.json"),
    );
    let mug = set(
        39072856,
        0,
        cycle_support::fixture("shopify-inventory-set.json"),
    );
    let report = cycle.json(["stock", "push"]);
    stale.assert_calls(1);
    tee.assert_calls(1);
    mug.assert_calls(1);
    assert_eq!(report["sent"], 2, "{report}");
    let messages: Vec<_> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["sku"].as_str().unwrap(), i["message"].as_str()))
        .collect();
    assert!(
        messages.contains(&(
            "TEE-1",
            Some("the shop had 7 where oms last saw 0: read again and set to 10")
        )),
        "{messages:?}"
    );
    assert!(messages.contains(&("MUG-1", None)), "{messages:?}");
}
