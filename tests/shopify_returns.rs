//! Returns from the shop (docs/returns.md "From the shop") against a mock GraphQL Admin
//! API on 127.0.0.1: order #1001 imported from Shopify and shipped from `west` (ShipBob),
//! then `oms returns sync --channel shop` imports the shop's returns as RMAs and reports
//! back how each ended. Fixtures: tests/fixtures/shopify_returns/, shaped like the API's
//! answers, with every status a return can have and a return oms cannot read.

mod common;
mod cycle_support;
mod shop_returns_support;

use std::sync::atomic::Ordering;

use cycle_support::*;
use httpmock::prelude::*;
use serde_json::json;
use shop_returns_support::*;

#[test]
fn an_open_shop_return_becomes_one_rma_and_the_rest_are_named() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = shipped_order(&shop, &sb);
    let before = (returning(&cycle, "TEE-1"), returning(&cycle, "MUG-1"));
    cycle.import_returns();
    let mocks = first_read(&shop);
    let report = sync(&cycle, 3);
    assert_eq!(outcome_of(&report, "#1001-R1"), "imported", "{report}");
    assert_eq!(outcome_of(&report, "#1001-R2"), "skipped");
    assert_eq!(outcome_of(&report, "#1001-R3"), "skipped");
    assert_eq!(outcome_of(&report, "#1001-R5"), "rejected");
    assert_eq!(outcome_of(&report, "#1999-R1"), "rejected");
    // A requested return is not asked about: only open ones have lines worth reading.
    mocks[1].assert_calls(1);

    let rma = cycle.json(["returns", "show", "RMA-000001"]);
    assert_eq!(rma["status"], "open", "{rma}");
    assert_eq!(rma["warehouse"], "west", "where it shipped from");
    assert_eq!(
        rma["reason"], "unwanted",
        "size-too-small is the first line's"
    );
    assert_eq!(
        rma["note"],
        "Too small across the shoulders / handle chipped in transit"
    );
    let lines: Vec<(String, i64)> = rma["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["sku"].as_str().unwrap().to_string(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(lines, [("TEE-1".to_string(), 1), ("MUG-1".to_string(), 1)]);
    assert_eq!(returning(&cycle, "TEE-1"), (before.0.0 + 1, before.0.1));
    assert_eq!(returning(&cycle, "MUG-1"), (before.1.0 + 1, before.1.1));

    let rejected = cycle.oms(["rejects", "-o", "json"]).ok();
    rejected
        .stdout_has("order 5710999 has not been imported from `shop`")
        .stdout_has("UnverifiedReturnLineItem is not tied to a shipped order line");
    assert_eq!(
        cycle.text("SELECT value FROM watermarks WHERE channel = 'shop' AND flow = 'returns sync'"),
        "2026-01-20T17:00:00Z",
        "the newest order's updatedAt less the overlap"
    );

    // Read again: nothing new is made, the rejected ones are named again, once each.
    let again = sync(&cycle, 3);
    assert_eq!(again["imported"], 0, "{again}");
    assert_eq!(outcome_of(&again, "#1001-R1"), "already_applied");
    assert_eq!(cycle.number("SELECT COUNT(*) FROM returns"), 1);
    assert_eq!(
        cycle.number(
            "SELECT COUNT(*) FROM rejections WHERE flow = 'returns sync' AND resolved_at IS NULL"
        ),
        2
    );
    assert_eq!(
        returning(&cycle, "TEE-1").0,
        before.0.0 + 1,
        "returning once"
    );
    cycle.oms(["stock", "verify"]).ok();
}

#[test]
fn a_return_the_shop_cancels_cancels_its_rma_and_is_not_reported() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = rma_from_shop(&shop, &sb);
    let open = returning(&cycle, "TEE-1").0;
    gql(
        &shop,
        "query OrderReturns",
        returns_fixture("order-returns-cancelled.json"),
    );
    let lines = return_lines(&shop, 9001, "return-9001.json");
    let process = gql(
        &shop,
        "mutation ReturnProcess",
        returns_fixture("return-process-closed.json"),
    );
    // The two rejected ones are tried again (their order is still not here).
    let report = sync(&cycle, 3);
    assert_eq!(outcome_of(&report, "#1001-R1"), "cancelled", "{report}");
    assert_eq!(
        cycle.text("SELECT status FROM returns WHERE number = 'RMA-000001'"),
        "cancelled"
    );
    assert_eq!(returning(&cycle, "TEE-1").0, open - 1, "nothing comes back");
    lines.assert_calls(0);
    process.assert_calls(0);
    assert_eq!(sync(&cycle, 3)["cancelled"], 0, "cancelled once");
    cycle.oms(["stock", "verify"]).ok();
}

#[test]
fn what_arrived_is_processed_in_the_shop_once_even_when_the_answer_is_lost() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = rma_from_shop(&shop, &sb);
    read_again(&shop);
    receive(&cycle, &["TEE-1=1:restock", "MUG-1=1:dispose"]);
    // The shop processes the first call but its answer never comes back.
    let both = json!({
        "returnId": "gid://shopify/Return/9001",
        "returnLineItems": [
            { "id": "gid://shopify/ReturnLineItem/7001", "quantity": 1 },
            { "id": "gid://shopify/ReturnLineItem/7002", "quantity": 1 }
        ]
    });
    let calls = shop_processes_r1(&shop, Some(both), 502, "bad gateway".into());
    let close = gql(
        &shop,
        "mutation ReturnClose",
        returns_fixture("return-close.json"),
    );
    let lost = sync(&cycle, 1);
    let item = lost["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["rma"] == "RMA-000001" && i["outcome"] == "failed")
        .cloned()
        .unwrap_or_else(|| panic!("the lost answer is a failure: {lost}"));
    assert!(
        item["reasons"][0].as_str().unwrap().contains("502"),
        "{item}"
    );
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM returns WHERE shop_reported_at IS NULL"),
        1,
        "not reported until the shop answers"
    );

    // The resend looks first: the shop has processed everything, so nothing goes twice.
    let resent = sync(&cycle, 3);
    assert_eq!(resent["sent"], 1, "{resent}");
    assert_eq!(calls.load(Ordering::SeqCst), 1, "processed once");
    close.assert_calls(0);
    assert_eq!(sync(&cycle, 3)["sent"], 0, "reported once");
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[test]
fn a_return_closed_short_processes_what_came_and_closes_the_shops_return() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = rma_from_shop(&shop, &sb);
    read_again(&shop);
    return_lines(&shop, 9001, "return-9001.json");
    receive(&cycle, &["TEE-1=1:restock"]);
    cycle.oms(["returns", "close", "RMA-000001"]).ok();
    let process = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("mutation ReturnProcess")
            .json_body_includes(
                json!({ "variables": { "input": { "returnLineItems": [
                    { "id": "gid://shopify/ReturnLineItem/7001", "quantity": 1 }
                ] } } })
                .to_string(),
            );
        then.status(200)
            .body(returns_fixture("return-process-open.json"));
    });
    let close = shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("mutation ReturnClose")
            .json_body_includes(
                json!({ "variables": { "id": "gid://shopify/Return/9001" } }).to_string(),
            );
        then.status(200).body(returns_fixture("return-close.json"));
    });
    let report = sync(&cycle, 3);
    assert_eq!(report["sent"], 1, "{report}");
    process.assert_calls(1);
    close.assert_calls(1);
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM outbound_batches WHERE kind = 'shop-return' AND sent_at IS NOT NULL"),
        1,
        "decided in a batch, then sent"
    );
    assert_eq!(sync(&cycle, 3)["sent"], 0, "reported once");
    process.assert_calls(1);
}

#[test]
fn a_shops_refusal_is_named_and_a_files_shop_cannot_import_returns() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = rma_from_shop(&shop, &sb);
    read_again(&shop);
    return_lines(&shop, 9001, "return-9001.json");
    cycle.oms(["returns", "close", "RMA-000001"]).ok();
    gql(
        &shop,
        "mutation ReturnClose",
        returns_fixture("return-process-user-errors.json").replace("returnProcess", "returnClose"),
    );
    let report = sync(&cycle, 1);
    let reasons = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["rma"] == "RMA-000001" && i["outcome"] == "failed")
        .map(|i| i["reasons"].to_string())
        .unwrap_or_default();
    assert!(
        reasons.contains("returnClose: input.returnLineItems.0.quantity: Quantity exceeds"),
        "{report}"
    );

    let files = common::Env::with_config(
        "[sales_channels.web]\nkind = \"files\"\npath = \"web\"\nimport_returns = true\n",
    );
    files
        .oms(["config", "check"])
        .code(2)
        .stderr_has("only a `shopify` channel has returns to import");
}

#[test]
fn a_return_read_before_its_goods_shipped_applies_once_they_have() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = Cycle::new(&shop, &sb);
    import_the_order(&cycle, &shop);
    cycle.import_returns();
    let mut mocks = first_read(&shop);
    let early = sync(&cycle, 3);
    assert_eq!(outcome_of(&early, "#1001-R1"), "rejected", "{early}");
    assert_eq!(cycle.number("SELECT COUNT(*) FROM returns"), 0);
    // The shop has nothing new to say; the order ships meanwhile.
    mocks.remove(0).delete();
    gql(
        &shop,
        "query OrderReturns",
        returns_fixture("order-returns-none.json"),
    );
    ship_the_order(&cycle, &sb);
    let late = sync(&cycle, 3);
    assert_eq!(outcome_of(&late, "#1001-R1"), "imported", "{late}");
    assert_eq!(cycle.number("SELECT COUNT(*) FROM returns"), 1);
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM rejections WHERE external_id = 'gid://shopify/Return/9001' AND resolved_at IS NULL"),
        0,
        "its rejection is resolved"
    );
    assert_eq!(sync(&cycle, 3)["imported"], 0, "made once");
    cycle.oms(["stock", "verify"]).ok();
}
