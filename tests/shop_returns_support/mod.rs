//! What the shop-returns tests share (tests/shopify_returns.rs, the crash matrix's
//! Shopify returns row): the mock shop's answers about returns and a workspace whose
//! order #1001 shipped and whose first read of the shop's returns was applied. Fixtures:
//! tests/fixtures/shopify_returns/.
#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use httpmock::Mock;
use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::cycle_support::*;

pub fn returns_fixture(name: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/shopify_returns/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

pub fn gql<'a>(shop: &'a MockServer, operation: &str, body: String) -> Mock<'a> {
    let operation = operation.to_string();
    shop.mock(move |when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes(operation);
        then.status(200).body(body);
    })
}

/// `query ReturnLines` for return `id`, answered with `file`.
pub fn return_lines<'a>(shop: &'a MockServer, id: u32, file: &str) -> Mock<'a> {
    let vars = json!({ "variables": { "id": format!("gid://shopify/Return/{id}") } }).to_string();
    let body = returns_fixture(file);
    shop.mock(move |when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query ReturnLines")
            .json_body_includes(vars);
        then.status(200).body(body);
    })
}

/// The first read of the shop's returns: R1 open (TEE-1 + MUG-1), R2 requested, R3
/// declined, R5 open with a line not tied to a fulfilment, and #1999-R1 on an order oms
/// never imported.
pub fn first_read(shop: &MockServer) -> Vec<Mock<'_>> {
    vec![
        gql(
            shop,
            "query OrderReturns",
            returns_fixture("order-returns.json"),
        ),
        return_lines(shop, 9001, "return-9001.json"),
        return_lines(shop, 9004, "return-9004.json"),
        return_lines(shop, 9005, "return-9005.json"),
    ]
}

/// `oms returns sync --channel shop -o json`, which must exit with `code`.
pub fn sync(cycle: &Cycle, code: i32) -> Value {
    cycle
        .oms(["returns", "sync", "--channel", "shop", "-o", "json"])
        .code(code)
        .json()
}

pub fn outcome_of<'a>(report: &'a Value, external_id: &str) -> &'a Value {
    report["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["external_id"] == external_id))
        .map_or(&Value::Null, |i| &i["outcome"])
}

/// (returning, on hand) of a SKU in west.
pub fn returning(cycle: &Cycle, sku: &str) -> (i64, i64) {
    cycle.env.db().query_row(
        "SELECT l.returning_qty, l.on_hand FROM stock_levels l JOIN variants v ON v.id = l.variant_id
         WHERE l.warehouse = 'west' AND v.sku = ?1",
        [sku],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// Order #1001 shipped, its shop importing returns, and the first read applied.
pub fn rma_from_shop(shop: &MockServer, sb: &MockServer) -> Cycle {
    let cycle = shipped_order(shop, sb);
    cycle.import_returns();
    let mocks = first_read(shop);
    let report = sync(&cycle, 3);
    assert_eq!(
        (
            report["imported"].as_i64(),
            report["skipped"].as_i64(),
            report["rejected"].as_i64()
        ),
        (Some(1), Some(2), Some(2)),
        "{report}"
    );
    for mut m in mocks {
        m.delete();
    }
    cycle
}

/// Return #1001-R1 as the shop keeps it: `query ReturnLines` shows it unprocessed until a
/// `returnProcess` (with `input`, when given) arrives and processed after, whatever that
/// call was answered (`status`, `body`): a lost answer still processed it. Counts the calls.
pub fn shop_processes_r1(
    shop: &MockServer,
    input: Option<Value>,
    status: u16,
    body: String,
) -> Arc<AtomicUsize> {
    let processed = Arc::new(AtomicBool::new(false));
    let calls = Arc::new(AtomicUsize::new(0));
    for (done, file) in [
        (false, "return-9001.json"),
        (true, "return-9001-processed.json"),
    ] {
        let state = Arc::clone(&processed);
        let vars = json!({ "variables": { "id": "gid://shopify/Return/9001" } }).to_string();
        let answer = returns_fixture(file);
        shop.mock(move |when, then| {
            when.method(POST)
                .path(shop_api("graphql.json"))
                .body_includes("query ReturnLines")
                .json_body_includes(vars)
                .is_true(move |_| state.load(Ordering::SeqCst) == done);
            then.status(200).body(answer);
        });
    }
    let (state, count) = (Arc::clone(&processed), Arc::clone(&calls));
    let input = json!({ "variables": { "input": input.unwrap_or_else(|| json!({})) } }).to_string();
    shop.mock(move |when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("mutation ReturnProcess")
            .json_body_includes(input)
            .is_true(move |_| {
                state.store(true, Ordering::SeqCst);
                count.fetch_add(1, Ordering::SeqCst);
                true
            });
        then.status(status).body(body);
    });
    calls
}

/// The shop's returns read again unchanged, R1's lines left to the test to answer.
pub fn read_again(shop: &MockServer) {
    gql(
        shop,
        "query OrderReturns",
        returns_fixture("order-returns.json"),
    );
    return_lines(shop, 9004, "return-9004.json");
    return_lines(shop, 9005, "return-9005.json");
}

/// `oms returns receive RMA-000001 --line …` by hand.
pub fn receive(cycle: &Cycle, lines: &[&str]) {
    let mut args = vec!["returns", "receive", "RMA-000001"];
    for l in lines {
        args.extend(["--line", l]);
    }
    cycle.oms(args).ok();
}
