//! The crash-point matrix (issue 10): every flow that reads or writes a channel, killed at
//! every point where a crash could lose or repeat something (`OMS_TEST_CRASH_AT`, see
//! src/crashpoint.rs), then given new work and run again. After each, nothing is lost,
//! nothing is applied or sent twice, no reference is in two outbox files, and
//! `oms stock verify` is clean.
//!
//! [`MATRIX`] is the one table of flows × points. A point that cannot happen in a flow is
//! marked with the reason, so a new flow without its row (or a row without a reason) is
//! visible here. The test prints the matrix with the counts each cell checked.

mod common;
mod crash_support;
mod cycle_support;
mod process_support;

use std::collections::BTreeMap;

use common::Env;
use process_support::*;

/// One cell: crash there, or why that point does not exist in this flow.
#[derive(Clone, Copy)]
enum Cell {
    Crash,
    NotApplicable(&'static str),
}
use Cell::{Crash, NotApplicable as Na};

/// The points, in the order of a row's cells (names as `OMS_TEST_CRASH_AT` spells them).
const POINTS: [&str; 4] = [
    "before_write",
    "after_write",
    "after_commit",
    "between_pages",
];

struct Row {
    /// The row's name; `flow` is the crash-point flow it kills.
    name: &'static str,
    flow: &'static str,
    command: &'static [&'static str],
    /// Work that exists before the crash.
    setup: fn(&Env),
    /// Work that appears between the crash and the run that follows it.
    new_work: fn(&Env),
    /// Asserts the invariants after the second run; returns what it counted.
    check: fn(&Env) -> String,
    cells: [Cell; 4],
}

const OUTBOUND_ONLY: &str = "writes only; reads no channel";
const INBOUND_ONLY: &str = "reads only; writes nothing to the channel";
const ONE_CALL: &str = "one write per run; nothing is read in pages";

const MATRIX: &[Row] = &[
    Row {
        name: "orders-import (files)",
        flow: "orders-import",
        command: &["orders", "import"],
        setup: import_setup,
        new_work: import_new_work,
        check: import_check,
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "shipments-send (files)",
        flow: "shipments-send",
        command: &["orders", "process"],
        setup: send_setup,
        new_work: send_new_work,
        check: send_check,
        cells: [
            Crash,
            Crash,
            Na(OUTBOUND_ONLY),
            Na("one batch file per 500 shipments; no channel read"),
        ],
    },
    Row {
        name: "shipments-send cancellations (files)",
        flow: "shipments-send",
        command: &["shipments", "send"],
        setup: cancel_setup,
        new_work: cancel_new_work,
        check: cancel_check,
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(OUTBOUND_ONLY)],
    },
    Row {
        name: "shipments cancel",
        flow: "shipments-cancel",
        command: &["shipments", "cancel", "S0000001", "--yes"],
        setup: cancel_setup,
        new_work: cancel_new_work,
        check: nothing_to_check,
        cells: [
            Na("records the request in the database only; shipments-send delivers it"),
            Na("records the request in the database only; shipments-send delivers it"),
            Na("reads no channel"),
            Na("reads no channel"),
        ],
    },
    Row {
        name: "shipments-sync (files)",
        flow: "shipments-sync",
        command: &["shipments", "sync"],
        setup: sync_setup,
        new_work: sync_new_work,
        check: sync_check,
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "orders-export (files)",
        flow: "orders-export",
        command: &["orders", "export"],
        setup: export_setup,
        new_work: export_new_work,
        check: export_check,
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(OUTBOUND_ONLY)],
    },
    Row {
        name: "stock-sync (files)",
        flow: "stock-sync",
        command: &["stock", "sync"],
        setup: stock_sync_setup,
        new_work: stock_sync_new_work,
        check: stock_sync_check,
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "stock-push (files)",
        flow: "stock-push",
        command: &["stock", "push"],
        setup: push_setup,
        new_work: push_new_work,
        check: push_check,
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(ONE_CALL)],
    },
    Row {
        name: "po-export (files)",
        flow: "po-export",
        command: &["po", "export"],
        setup: po_setup,
        new_work: po_new_work,
        check: po_check,
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(OUTBOUND_ONLY)],
    },
    Row {
        name: "receipts-sync (files)",
        flow: "receipts-sync",
        command: &["receipts", "sync"],
        setup: receipts_setup,
        new_work: receipts_new_work,
        check: receipts_check,
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "catalog-sync (files master)",
        flow: "catalog-sync",
        command: &["catalog", "sync"],
        setup: catalog_setup,
        new_work: catalog_new_work,
        check: catalog_check,
        cells: [
            Na("no crash point in the push yet: see the report"),
            Na("no crash point in the push yet: see the report"),
            Crash,
            Crash,
        ],
    },
];

#[test]
fn crash_matrix() {
    let rows = MATRIX
        .iter()
        .map(|row| {
            (
                row.name,
                row.cells,
                Box::new(|p: &str| crash_then_resume(row, p)) as Runner,
            )
        })
        .collect();
    table(rows);
}

/// The rows against the mock ShipBob (tests/crash_support/).
#[test]
fn crash_matrix_shipbob() {
    let rows = crash_support::SHIPBOB_MATRIX
        .iter()
        .map(|row| {
            (
                row.name,
                row.cells,
                Box::new(|p: &str| (row.run)(p, row.flow)) as Runner,
            )
        })
        .collect();
    table(rows);
}

/// Runs one cell at a point and returns what it counted.
type Runner<'a> = Box<dyn Fn(&str) -> String + 'a>;

/// Runs every crash cell, prints the table with the counts, fails with every failure.
fn table(rows: Vec<(&str, [Cell; 4], Runner)>) {
    let mut lines = vec![format!(
        "{:<38} {}",
        "flow",
        POINTS.map(|p| format!("{p:<34}")).join(" ")
    )];
    let mut failures = Vec::new();
    for (name, row_cells, run) in rows {
        let mut cells = Vec::new();
        for (point, cell) in POINTS.iter().zip(row_cells) {
            cells.push(match cell {
                Na(why) => format!("n/a ({why})"),
                Crash => {
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(point))) {
                        Ok(counts) => format!("ok {counts}"),
                        Err(e) => {
                            let why = e
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            failures.push(format!("{name} at {point}: {why}"));
                            "FAILED".into()
                        }
                    }
                }
            });
        }
        lines.push(format!("{:<38} {}", name, cells.join(" | ")));
    }
    println!("{}", lines.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Kills `row`'s command at `point`, adds new work, runs it again, checks the invariants.
fn crash_then_resume(row: &Row, point: &str) -> String {
    let env = standard();
    (row.setup)(&env);
    let at = format!("{point}@{}", row.flow);
    let crashed = env
        .oms(row.command.to_vec())
        .env("OMS_TEST_CRASH_AT", &at)
        .run();
    assert_eq!(
        crashed.code, -1,
        "the process was to die at {at}: {crashed:?}"
    );
    (row.new_work)(&env);
    env.oms(row.command.to_vec()).ok();
    let counts = (row.check)(&env);
    assert_stock_consistent(&env);
    counts
}

fn nothing_to_check(_: &Env) -> String {
    String::new()
}

fn count(env: &Env, sql: &str) -> i64 {
    env.db()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Which outbox files of `channel` starting with `prefix` each value of `column` is in.
fn where_is(env: &Env, channel: &str, prefix: &str, column: &str) -> BTreeMap<String, Vec<String>> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in outbox(env, channel) {
        if !name.starts_with(prefix) {
            continue;
        }
        let mut values: Vec<String> = outbox_csv(env, channel, &name)
            .into_iter()
            .map(|row| row[column].clone())
            .collect();
        values.dedup();
        for v in values {
            seen.entry(v).or_default().push(name.clone());
        }
    }
    seen
}

/// Each value in exactly one file; returns how many values and files there were.
fn once_each(env: &Env, channel: &str, prefix: &str, column: &str, expected: usize) -> String {
    let seen = where_is(env, channel, prefix, column);
    for (value, files) in &seen {
        assert_eq!(files.len(), 1, "{value} is in {files:?}");
    }
    assert_eq!(seen.len(), expected, "{seen:?}");
    let files = outbox(env, channel)
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .count();
    format!("{expected} refs/{files} files")
}

fn inbox_left(env: &Env, channel: &str) -> usize {
    std::fs::read_dir(env.path(&format!("channels/{channel}/inbox")))
        .map(|d| d.flatten().filter(|e| e.path().is_file()).count())
        .unwrap_or(0)
}

fn tee_orders(env: &Env, from: usize, to: usize) -> Vec<i64> {
    let ids: Vec<String> = (from..=to).map(|i| i.to_string()).collect();
    let list: Vec<Order> = ids
        .iter()
        .map(|id| Order::new(id, &[("TEE-RED-M", 1)]))
        .collect();
    insert(env, &list)
}

// orders-import ---------------------------------------------------------------------

const ORDER_HEADER: &str =
    "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n";

fn order_file(env: &Env, name: &str, ids: &[u32]) {
    let mut text = ORDER_HEADER.to_string();
    for id in ids {
        text.push_str(&format!(
            "{id},#{id},Ann Lee,1 Elm St,Boston,02134,US,TEE-RED-M,2\n"
        ));
    }
    env.write(&format!("channels/web/inbox/{name}"), &text);
}

fn import_setup(env: &Env) {
    order_file(env, "orders-1.csv", &[7001, 7002]);
    order_file(env, "orders-2.csv", &[7003]);
}

fn import_new_work(env: &Env) {
    order_file(env, "orders-3.csv", &[7004, 7005]);
}

fn import_check(env: &Env) -> String {
    let orders = count(env, "SELECT COUNT(*) FROM orders");
    let units = count(env, "SELECT SUM(quantity) FROM order_lines");
    assert_eq!(
        (orders, units),
        (5, 10),
        "every order once, every line once"
    );
    assert_eq!(inbox_left(env, "web"), 0, "every file was acknowledged");
    format!("{orders} orders/{units} units")
}

// shipments-send --------------------------------------------------------------------

fn send_setup(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 20)]);
    tee_orders(env, 1, 3);
}

fn send_new_work(env: &Env) {
    tee_orders(env, 4, 5);
}

fn send_check(env: &Env) -> String {
    let sent = count(
        env,
        "SELECT COUNT(*) FROM shipments WHERE status = 'sent_to_warehouse'",
    );
    assert_eq!(sent, 5);
    once_each(env, "east-3pl", "shipments-", "reference", 5)
}

// shipments-send: cancellation requests ----------------------------------------------

fn cancel_setup(env: &Env) {
    send_setup(env);
    process(env, &[], 0);
    for r in ["S0000001", "S0000002"] {
        env.oms(["shipments", "cancel", r, "--yes"]).ok();
    }
}

fn cancel_new_work(env: &Env) {
    env.oms(["shipments", "cancel", "S0000003", "--yes"]).ok();
}

fn cancel_check(env: &Env) -> String {
    let delivered = count(
        env,
        "SELECT COUNT(*) FROM shipments WHERE cancel_sent_at IS NOT NULL",
    );
    assert_eq!(delivered, 3);
    once_each(env, "east-3pl", "cancellations-", "reference", 3)
}

// shipments-sync --------------------------------------------------------------------

fn confirm(env: &Env, name: &str, reference: &str) {
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!(
            "reference,sku,quantity_shipped,carrier,tracking_number\n{reference},TEE-RED-M,1,UPS,1Z{reference}\n"
        ),
    );
}

fn sync_setup(env: &Env) {
    send_setup(env);
    process(env, &[], 0);
    confirm(env, "shipments-1.csv", "S0000001");
    confirm(env, "shipments-2.csv", "S0000002");
}

fn sync_new_work(env: &Env) {
    confirm(env, "shipments-3.csv", "S0000003");
}

fn sync_check(env: &Env) -> String {
    let shipped = count(
        env,
        "SELECT COUNT(*) FROM shipments WHERE status = 'shipped'",
    );
    assert_eq!(shipped, 3, "every confirmation applied");
    let moves = count(
        env,
        "SELECT COUNT(*) FROM status_history WHERE entity = 'shipment' AND to_status = 'shipped'",
    );
    assert_eq!(moves, 3, "and none twice");
    assert_eq!(
        level(env, "east", "TEE-RED-M").0,
        17,
        "on hand fell once per unit"
    );
    assert_eq!(inbox_left(env, "east-3pl"), 0);
    format!("{shipped} shipped")
}

// orders-export ---------------------------------------------------------------------

fn export_setup(env: &Env) {
    for id in tee_orders(env, 1, 3) {
        env.oms(["orders", "cancel", &id.to_string(), "--yes"]).ok();
    }
}

fn export_new_work(env: &Env) {
    for id in tee_orders(env, 4, 5) {
        env.oms(["orders", "cancel", &id.to_string(), "--yes"]).ok();
    }
}

fn export_check(env: &Env) -> String {
    let pending = count(env, "SELECT COUNT(*) FROM orders WHERE export_pending = 1");
    assert_eq!(pending, 0, "every update was accepted");
    once_each(env, "web", "order-updates-", "order_id", 5)
}

// stock-sync ------------------------------------------------------------------------

fn snapshot(env: &Env, name: &str, sku: &str, on_hand: i64) {
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!("location,sku,on_hand\neast,{sku},{on_hand}\n"),
    );
}

fn stock_sync_setup(env: &Env) {
    snapshot(env, "stock-1.csv", "TEE-RED-M", 7);
    snapshot(env, "stock-2.csv", "MUG-1", 4);
}

fn stock_sync_new_work(env: &Env) {
    snapshot(env, "stock-3.csv", "TEE-RED-M", 9);
}

fn stock_sync_check(env: &Env) -> String {
    assert_eq!(level(env, "east", "TEE-RED-M").0, 9);
    assert_eq!(level(env, "east", "MUG-1").0, 4);
    assert_eq!(inbox_left(env, "east-3pl"), 0);
    "3 snapshots".into()
}

// stock-push ------------------------------------------------------------------------

fn push_setup(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 5)]);
}

fn push_new_work(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 3)]);
}

fn push_check(env: &Env) -> String {
    let files: Vec<String> = outbox(env, "web")
        .into_iter()
        .filter(|n| n.starts_with("stock-"))
        .collect();
    let newest = files.last().expect("a stock file");
    let rows = outbox_csv(env, "web", newest);
    let tee = rows
        .iter()
        .find(|r| r["sku"] == "TEE-RED-M")
        .expect("TEE-RED-M published");
    assert_eq!(tee["available"], "8", "the newest file has today's value");
    let again = env.oms(["stock", "push", "-o", "json"]).ok().json();
    assert_eq!(again["sent"], 0, "what was sent is remembered: {again:#}");
    format!("{} files", files.len())
}

// po-export -------------------------------------------------------------------------

fn approved_po(env: &Env) -> String {
    let po = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--line",
            "TEE-RED-M=10",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let number = po["number"].as_str().expect("number").to_string();
    env.oms(["po", "approve", &number]).ok();
    number
}

fn po_setup(env: &Env) {
    approved_po(env);
    approved_po(env);
}

fn po_new_work(env: &Env) {
    approved_po(env);
}

fn po_check(env: &Env) -> String {
    let exported = count(
        env,
        "SELECT COUNT(*) FROM purchase_orders WHERE exported_at IS NOT NULL",
    );
    assert_eq!(exported, 3, "every PO exported");
    once_each(env, "east-3pl", "po-", "po_number", 3)
}

// receipts-sync ---------------------------------------------------------------------

fn receipt(env: &Env, name: &str, id: &str, quantity: i64) {
    let number: String = env
        .db()
        .query_row(
            "SELECT number FROM purchase_orders ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("a PO");
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!(
            "receipt_id,po_number,sku,quantity,received_at\n{id},{number},TEE-RED-M,{quantity},2026-11-24\n"
        ),
    );
}

fn receipts_setup(env: &Env) {
    approved_po(env);
    receipt(env, "receipts-001.csv", "R-7", 7);
    receipt(env, "receipts-002.csv", "R-2", 2);
}

fn receipts_new_work(env: &Env) {
    receipt(env, "receipts-003.csv", "R-1", 1);
}

fn receipts_check(env: &Env) -> String {
    let (on_hand, _) = level(env, "east", "TEE-RED-M");
    assert_eq!(on_hand, 10, "every receipt once");
    let receipts = count(env, "SELECT COUNT(*) FROM receipts");
    assert_eq!(receipts, 3);
    assert_eq!(inbox_left(env, "east-3pl"), 0);
    format!("{receipts} receipts/{on_hand} units")
}

// catalog-sync ----------------------------------------------------------------------

const PRODUCT_HEADER: &str = "handle,title,vendor,product_type,tags,status,sku,variant_title,option1,option2,option3,barcode,price,weight_grams\n";

/// A master products file: one product per (sku, price).
fn products(env: &Env, name: &str, rows: &[(&str, &str)]) {
    let mut text = PRODUCT_HEADER.to_string();
    for (sku, price) in rows {
        let handle = sku.to_lowercase();
        text.push_str(&format!(
            "{handle},{sku} title,Northwind,Shirts,,active,{sku},,,,,,{price},100\n"
        ));
    }
    env.write(&format!("channels/web/inbox/{name}"), &text);
}

fn catalog_setup(env: &Env) {
    let toml = env.read("oms.toml");
    env.write(
        "oms.toml",
        &format!("{toml}\n[catalog]\nmaster = \"web\"\n"),
    );
    products(env, "products-1.csv", &[("NEW-A", "10.00")]);
    products(env, "products-2.csv", &[("NEW-B", "20.00")]);
}

fn catalog_new_work(env: &Env) {
    products(
        env,
        "products-3.csv",
        &[("NEW-A", "11.00"), ("NEW-C", "30.00")],
    );
}

fn catalog_check(env: &Env) -> String {
    let new = count(env, "SELECT COUNT(*) FROM variants WHERE sku LIKE 'NEW-%'");
    assert_eq!(new, 3, "every variant once");
    let price = count(env, "SELECT price_cents FROM variants WHERE sku = 'NEW-A'");
    assert_eq!(price, 1100, "the newest file wins");
    assert_eq!(inbox_left(env, "web"), 0, "every file was acknowledged");
    for ch in ["east-3pl", "west-3pl"] {
        let files = outbox(env, ch)
            .into_iter()
            .filter(|n| n.starts_with("products-"))
            .count();
        assert!(files >= 1, "{ch} was sent the catalog");
    }
    format!("{new} variants")
}
