//! The crash matrix's Shopify rows (see tests/crash_matrix.rs for the table and the
//! rules): `orders export` and `stock push` against a mock GraphQL Admin API on
//! 127.0.0.1, killed before and after the call (`OMS_TEST_CRASH_AT`), then run again;
//! `orders import` killed between pages and after its commit; `returns sync` importing the
//! shop's returns killed after its commit, and reporting one back killed around the call. (`catalog sync`'s Shopify row
//! is in tests/shopify_catalog.rs, beside its `productSet` mock.)
//!
//! The mock keeps what it was asked to do, the way the shop does: once a fulfillment has
//! been created the order shows it, and every `inventorySetQuantities` is logged with its
//! `@idempotent` key. After the resume, the fulfillment was created once, and every key
//! that came twice carried the same request (which Shopify applies once).

mod common;
mod cycle_support;
mod shop_returns_support;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use cycle_support::*;
use httpmock::HttpMockRequest;
use httpmock::prelude::*;
use serde_json::Value;
use shop_returns_support::*;

const POINTS: [&str; 2] = ["before_write", "after_write"];

/// Runs one cell: crash at a point, run again, check; returns what it counted.
type Cell = fn(&str) -> String;

/// Runs `args` until it dies at `point@flow`.
fn crash(cycle: &Cycle, args: &[&str], point: &str, flow: &str) {
    let at = format!("{point}@{flow}");
    let crashed = cycle.oms(args.to_vec()).env("OMS_TEST_CRASH_AT", &at).run();
    assert_eq!(
        crashed.code, -1,
        "the process was to die at {at}: {crashed:?}"
    );
}

fn body_of(req: &HttpMockRequest) -> Value {
    serde_json::from_slice(req.body().as_ref()).unwrap_or_default()
}

/// `orders export` dies before or after `fulfillmentCreate`; the next run creates the
/// fulfillment only if the first did not, and records the shop's id with the order.
fn export_to_shopify(point: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = shipped_order(&shop, &sb);
    let created = Arc::new(AtomicBool::new(false));
    let creates = Arc::new(AtomicUsize::new(0));
    let (c, n) = (Arc::clone(&created), Arc::clone(&creates));
    shop.mock(move |when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("mutation FulfillmentCreate")
            .is_true(move |_| {
                c.store(true, Ordering::SeqCst);
                n.fetch_add(1, Ordering::SeqCst);
                true
            });
        then.status(200)
            .body(fixture("shopify-fulfillment-created.json"));
    });
    for (made, body) in [
        (false, "shopify-order-fulfilment.json"),
        (true, "shopify-order-fulfilled.json"),
    ] {
        let state = Arc::clone(&created);
        shop.mock(move |when, then| {
            when.method(POST)
                .path(shop_api("graphql.json"))
                .body_includes("query OrderFulfilment")
                .is_true(move |_| state.load(Ordering::SeqCst) == made);
            then.status(200).body(fixture(body));
        });
    }
    crash(&cycle, &["orders", "export"], point, "orders-export");
    let before = creates.load(Ordering::SeqCst);
    assert_eq!(
        before,
        usize::from(point != "before_write"),
        "created iff the crash came after it"
    );

    let report = cycle.json(["orders", "export"]);
    assert_eq!(report["sent"], 1, "{report}");
    assert_eq!(creates.load(Ordering::SeqCst), 1, "created once: {report}");
    assert_eq!(
        cycle.text(
            "SELECT remote_id FROM channel_refs WHERE channel = 'shop' AND kind = 'fulfillment'"
        ),
        "4100001"
    );
    let again = cycle.json(["orders", "export"]);
    assert_eq!(again["sent"], 0, "{again}");
    assert_eq!(creates.load(Ordering::SeqCst), 1);
    cycle.oms(["stock", "verify"]).ok();
    format!("1 order/{} create", creates.load(Ordering::SeqCst))
}

/// (key, quantities) of every `inventorySetQuantities` the shop received, in order.
type SetLog = Arc<Mutex<Vec<(String, Value)>>>;

/// `stock push` dies before or after the sets; TEE-1 then gains a unit. The resume
/// resends the recorded batch under the same keys, then pushes the new value.
fn push_to_shopify(point: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = Cycle::new(&shop, &sb);
    shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query InventoryBySku");
        then.status(200)
            .body(fixture("shopify-inventory-by-sku.json"));
    });
    shop.mock(|when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("query InventoryById");
        then.status(200)
            .body(fixture("shopify-inventory-by-id.json"));
    });
    let log = SetLog::default();
    let seen = Arc::clone(&log);
    shop.mock(move |when, then| {
        when.method(POST)
            .path(shop_api("graphql.json"))
            .body_includes("mutation SetAvailable")
            .is_true(move |req| {
                let body = body_of(req);
                let key = body["variables"]["key"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                let quantities = body["variables"]["input"]["quantities"].clone();
                seen.lock().expect("log").push((key, quantities));
                true
            });
        then.status(200).body(fixture("shopify-inventory-set.json"));
    });
    crash(&cycle, &["stock", "push"], point, "stock-push");
    let first: Vec<(String, Value)> = log.lock().expect("log").clone();
    assert_eq!(
        first.len(),
        if point == "before_write" { 0 } else { 2 },
        "{first:?}"
    );

    cycle
        .oms([
            "stock",
            "adjust",
            "--warehouse",
            "west",
            "--sku",
            "TEE-1",
            "--by",
            "+1",
            "--reason",
            "found",
            "--yes",
        ])
        .ok();
    let report = cycle.json(["stock", "push"]);
    assert_eq!(report["sent"], 2, "{report}");
    let all: Vec<(String, Value)> = log.lock().expect("log").clone();
    // The recorded batch goes out first, exactly as decided, then the new levels.
    let resent = &all[first.len()..first.len() + 2];
    if !first.is_empty() {
        assert_eq!(
            resent,
            first.as_slice(),
            "the same requests under the same keys"
        );
    }
    for (key, quantities) in &all {
        let same: Vec<_> = all.iter().filter(|(k, _)| k == key).collect();
        assert!(
            same.iter().all(|(_, q)| q == quantities),
            "key {key} carried two different requests: {all:?}"
        );
    }
    let mut last: Vec<(String, i64)> = all[all.len() - 2..]
        .iter()
        .map(|(_, q)| {
            let item = q[0]["inventoryItemId"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            (item, q[0]["quantity"].as_i64().unwrap_or(-1))
        })
        .collect();
    last.sort();
    assert_eq!(
        last,
        [
            ("gid://shopify/InventoryItem/39072856".to_string(), 5),
            ("gid://shopify/InventoryItem/808950810".to_string(), 11)
        ],
        "the newest values are the ones that stay: {all:?}"
    );
    let again = cycle.json(["stock", "push"]);
    assert_eq!(
        (again["sent"].as_i64(), again["unchanged"].as_i64()),
        (Some(0), Some(2)),
        "{again}"
    );
    assert_eq!(log.lock().expect("log").len(), all.len());
    assert_eq!(
        cycle.text("SELECT remote_id FROM channel_refs WHERE channel = 'shop' AND kind = 'inventory_item' AND local_key = 'tee-1'"),
        "808950810"
    );
    cycle.oms(["stock", "verify"]).ok();
    let keys: std::collections::BTreeSet<&String> = all.iter().map(|(k, _)| k).collect();
    format!("{} sets/{} keys", all.len(), keys.len())
}

/// Two pages of orders from the shop, the second page asked for with the first's cursor.
fn two_pages(shop: &MockServer) {
    for (after, page) in [
        (Value::Null, "orders-page-1.json"),
        (
            Value::from("eyJsYXN0X2lkIjo0NTA3ODk0NzF9"),
            "orders-page-2.json",
        ),
    ] {
        let body = std::fs::read_to_string(format!(
            "{}/tests/fixtures/shopify_graphql/{page}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let vars = serde_json::json!({ "variables": { "after": after } }).to_string();
        shop.mock(move |when, then| {
            when.method(POST)
                .path(shop_api("graphql.json"))
                .body_includes("query Orders")
                .json_body_includes(vars);
            then.status(200).body(body);
        });
    }
}

/// What an import of the two pages left: (orders, distinct orders, open rejections).
fn imported(cycle: &Cycle) -> (i64, i64, i64) {
    (
        cycle.number("SELECT COUNT(*) FROM orders WHERE channel = 'shop'"),
        cycle.number("SELECT COUNT(DISTINCT external_id) FROM orders WHERE channel = 'shop'"),
        cycle.number(
            "SELECT COUNT(*) FROM rejections WHERE flow = 'orders import' AND resolved_at IS NULL",
        ),
    )
}

/// A workspace whose catalog has the pages' SKUs, so their orders are imported.
fn importing(shop: &MockServer, sb: &MockServer) -> Cycle {
    let cycle = Cycle::new(shop, sb);
    for sku in ["IPOD2008BLACK", "IPOD2008GREEN", "IPOD2008RED"] {
        cycle
            .oms(["catalog", "add", "--sku", sku, "--title", "iPod Nano"])
            .ok();
    }
    cycle
}

/// `orders import` from the shop dies after a page (or after the commit, before the
/// watermark is used); the next run reads again and ends where one clean run ends.
fn import_from_shopify(point: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    two_pages(&shop);
    let clean = importing(&shop, &sb);
    // Page 2 holds an order with a line without a SKU: rejected (exit 3), and recorded once.
    clean.oms(["orders", "import"]).code(3);
    let want = imported(&clean);
    assert_eq!(
        want,
        (3, 3, 1),
        "what one clean run stores of the two pages"
    );
    let cycle = importing(&shop, &sb);
    crash(&cycle, &["orders", "import"], point, "orders-import");
    // 3 when the rejection is new to this run, 0 when the crashed run had recorded it.
    let resumed = cycle.oms(["orders", "import"]).run();
    assert!(matches!(resumed.code, 0 | 3), "{resumed:?}");
    let got = imported(&cycle);
    assert_eq!(got, want, "(orders, distinct, rejections) after the resume");
    assert_eq!(got.0, got.1, "no order imported twice");
    assert_eq!(
        cycle.text("SELECT value FROM watermarks WHERE channel = 'shop'"),
        clean.text("SELECT value FROM watermarks WHERE channel = 'shop'"),
        "the watermark ends where a clean run puts it"
    );
    cycle.oms(["stock", "verify"]).ok();
    format!("{} orders/{} rejected", got.0, got.2)
}

#[test]
fn crash_matrix_shopify_import() {
    let mut cells = Vec::new();
    for point in ["after_commit", "between_pages"] {
        cells.push(format!("{point}: ok {}", import_from_shopify(point)));
    }
    // before_write and after_write: an import writes nothing to the shop.
    println!(
        "{:<26} before_write, after_write: n/a (reads only) | {}",
        "orders-import (Shopify)",
        cells.join(" | ")
    );
}

#[test]
fn crash_matrix_shopify() {
    let rows: [(&str, Cell); 2] = [
        ("orders-export (Shopify)", export_to_shopify),
        ("stock-push (Shopify)", push_to_shopify),
    ];
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    for (name, run) in rows {
        let mut cells = Vec::new();
        for point in POINTS {
            cells.push(match std::panic::catch_unwind(|| run(point)) {
                Ok(counts) => format!("{point}: ok {counts}"),
                Err(e) => {
                    let why = e
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    failures.push(format!("{name} at {point}: {why}"));
                    format!("{point}: FAILED")
                }
            });
        }
        // after_commit and between_pages: writes only, one batch per run, no pages read.
        lines.push(format!(
            "{name:<26} {} | after_commit, between_pages: n/a (writes only)",
            cells.join(" | ")
        ));
    }
    println!("{}", lines.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `returns sync` dies around `returnProcess` for an RMA whose goods all arrived; the
/// next run looks the return up first and processes it only if the first did not.
fn report_to_shopify(point: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = rma_from_shop(&shop, &sb);
    gql(
        &shop,
        "query OrderReturns",
        returns_fixture("order-returns-none.json"),
    );
    receive(&cycle, &["TEE-1=1:restock", "MUG-1=1:restock"]);
    let calls = shop_processes_r1(
        &shop,
        None,
        200,
        returns_fixture("return-process-closed.json"),
    );
    crash(
        &cycle,
        &["returns", "sync", "--channel", "shop"],
        point,
        "returns-sync",
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        usize::from(point != "before_write"),
        "processed iff the crash came after the call"
    );
    let resumed = sync(&cycle, 3);
    assert_eq!(resumed["sent"], 1, "{resumed}");
    assert_eq!(calls.load(Ordering::SeqCst), 1, "processed once: {resumed}");
    assert_eq!(sync(&cycle, 3)["sent"], 0, "reported once");
    cycle.oms(["stock", "verify"]).ok();
    format!("1 return/{} process", calls.load(Ordering::SeqCst))
}

/// `returns sync` dies right after committing the page that made the RMA, before the
/// watermark moved; the next run reads the page again and makes nothing twice.
fn import_returns_from_shopify() -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = shipped_order(&shop, &sb);
    cycle.import_returns();
    let _mocks = first_read(&shop);
    crash(
        &cycle,
        &["returns", "sync", "--channel", "shop"],
        "after_commit",
        "returns-sync",
    );
    assert_eq!(
        cycle.number("SELECT COUNT(*) FROM returns"),
        1,
        "the page committed"
    );
    let resumed = sync(&cycle, 3);
    assert_eq!(
        outcome_of(&resumed, "#1001-R1"),
        "already_applied",
        "{resumed}"
    );
    assert_eq!(cycle.number("SELECT COUNT(*) FROM returns"), 1);
    assert_eq!(returning(&cycle, "TEE-1").0, 1, "returning once");
    assert_eq!(
        cycle.text("SELECT value FROM watermarks WHERE channel = 'shop' AND flow = 'returns sync'"),
        "2026-01-20T17:00:00Z"
    );
    cycle.oms(["stock", "verify"]).ok();
    format!(
        "{} RMA/{} rejected",
        cycle.number("SELECT COUNT(*) FROM returns"),
        cycle.number("SELECT COUNT(*) FROM rejections WHERE resolved_at IS NULL")
    )
}

#[test]
fn crash_matrix_shopify_returns() {
    let mut cells: Vec<String> = POINTS
        .iter()
        .map(|point| format!("{point}: ok {}", report_to_shopify(point)))
        .collect();
    cells.push(format!(
        "after_commit: ok {}",
        import_returns_from_shopify()
    ));
    println!(
        "{:<26} {} | between_pages: n/a (each page commits before the next is read)",
        "returns-sync (Shopify)",
        cells.join(" | ")
    );
}
