//! The crash matrix's rows on `files` channels: each flow's work before the crash, the
//! work that appears after it, and the invariants checked once it has run again.

use std::collections::BTreeMap;

use crate::common::Env;
use crate::process_support::*;

pub fn nothing_to_check(_: &Env) -> String {
    String::new()
}

pub fn count(env: &Env, sql: &str) -> i64 {
    env.db()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Which outbox files of `channel` starting with `prefix` each value of `column` is in.
pub fn where_is(
    env: &Env,
    channel: &str,
    prefix: &str,
    column: &str,
) -> BTreeMap<String, Vec<String>> {
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
pub fn once_each(env: &Env, channel: &str, prefix: &str, column: &str, expected: usize) -> String {
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

pub fn inbox_left(env: &Env, channel: &str) -> usize {
    std::fs::read_dir(env.path(&format!("channels/{channel}/inbox")))
        .map(|d| d.flatten().filter(|e| e.path().is_file()).count())
        .unwrap_or(0)
}

pub fn tee_orders(env: &Env, from: usize, to: usize) -> Vec<i64> {
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

pub fn order_file(env: &Env, name: &str, ids: &[u32]) {
    let mut text = ORDER_HEADER.to_string();
    for id in ids {
        text.push_str(&format!(
            "{id},#{id},Ann Lee,1 Elm St,Boston,02134,US,TEE-RED-M,2\n"
        ));
    }
    env.write(&format!("channels/web/inbox/{name}"), &text);
}

pub fn import_setup(env: &Env) {
    order_file(env, "orders-1.csv", &[7001, 7002]);
    order_file(env, "orders-2.csv", &[7003]);
}

pub fn import_new_work(env: &Env) {
    order_file(env, "orders-3.csv", &[7004, 7005]);
}

pub fn import_check(env: &Env) -> String {
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

pub fn send_setup(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 20)]);
    tee_orders(env, 1, 3);
}

pub fn send_new_work(env: &Env) {
    tee_orders(env, 4, 5);
}

pub fn send_check(env: &Env) -> String {
    let sent = count(
        env,
        "SELECT COUNT(*) FROM shipments WHERE status = 'sent_to_warehouse'",
    );
    assert_eq!(sent, 5);
    once_each(env, "east-3pl", "shipments-", "reference", 5)
}

// shipments-send: cancellation requests ----------------------------------------------

pub fn cancel_setup(env: &Env) {
    send_setup(env);
    process(env, &[], 0);
    for r in ["S0000001", "S0000002"] {
        env.oms(["shipments", "cancel", r, "--yes"]).ok();
    }
}

pub fn cancel_new_work(env: &Env) {
    env.oms(["shipments", "cancel", "S0000003", "--yes"]).ok();
}

pub fn cancel_check(env: &Env) -> String {
    let delivered = count(
        env,
        "SELECT COUNT(*) FROM shipments WHERE cancel_sent_at IS NOT NULL",
    );
    assert_eq!(delivered, 3);
    once_each(env, "east-3pl", "cancellations-", "reference", 3)
}

// shipments-sync --------------------------------------------------------------------

pub fn confirm(env: &Env, name: &str, reference: &str) {
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!(
            "reference,sku,quantity_shipped,carrier,tracking_number\n{reference},TEE-RED-M,1,UPS,1Z{reference}\n"
        ),
    );
}

pub fn sync_setup(env: &Env) {
    send_setup(env);
    process(env, &[], 0);
    confirm(env, "shipments-1.csv", "S0000001");
    confirm(env, "shipments-2.csv", "S0000002");
}

pub fn sync_new_work(env: &Env) {
    confirm(env, "shipments-3.csv", "S0000003");
}

pub fn sync_check(env: &Env) -> String {
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

pub fn export_setup(env: &Env) {
    for id in tee_orders(env, 1, 3) {
        env.oms(["orders", "cancel", &id.to_string(), "--yes"]).ok();
    }
}

pub fn export_new_work(env: &Env) {
    for id in tee_orders(env, 4, 5) {
        env.oms(["orders", "cancel", &id.to_string(), "--yes"]).ok();
    }
}

pub fn export_check(env: &Env) -> String {
    let pending = count(env, "SELECT COUNT(*) FROM orders WHERE export_pending = 1");
    assert_eq!(pending, 0, "every update was accepted");
    once_each(env, "web", "order-updates-", "order_id", 5)
}

// stock-sync ------------------------------------------------------------------------

pub fn snapshot(env: &Env, name: &str, sku: &str, on_hand: i64) {
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!("location,sku,on_hand\neast,{sku},{on_hand}\n"),
    );
}

pub fn stock_sync_setup(env: &Env) {
    snapshot(env, "stock-1.csv", "TEE-RED-M", 7);
    snapshot(env, "stock-2.csv", "MUG-1", 4);
}

pub fn stock_sync_new_work(env: &Env) {
    snapshot(env, "stock-3.csv", "TEE-RED-M", 9);
}

pub fn stock_sync_check(env: &Env) -> String {
    assert_eq!(level(env, "east", "TEE-RED-M").0, 9);
    assert_eq!(level(env, "east", "MUG-1").0, 4);
    assert_eq!(inbox_left(env, "east-3pl"), 0);
    "3 snapshots".into()
}

// stock-push ------------------------------------------------------------------------

pub fn push_setup(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 5)]);
}

pub fn push_new_work(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 3)]);
}

pub fn push_check(env: &Env) -> String {
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

/// `web` takes changes instead of values (`stock_push = "delta"`), 5 red tees at east.
pub fn push_delta_setup(env: &Env) {
    let config = env.read("oms.toml").replacen(
        "stock_source = \"all\"\n",
        "stock_source = \"all\"\nstock_push = \"delta\"\n",
        1,
    );
    env.write("oms.toml", &config);
    push_setup(env);
}

/// A shop applies each change file once, by its name (a resend rewrites the same name with
/// the same bytes): the changes then add up to today's value, not one unit more.
pub fn push_delta_check(env: &Env) -> String {
    let files: Vec<String> = outbox(env, "web")
        .into_iter()
        .filter(|n| n.starts_with("stock-delta-"))
        .collect();
    let total: i64 = files
        .iter()
        .flat_map(|f| outbox_csv(env, "web", f))
        .filter(|r| r["sku"] == "TEE-RED-M")
        .map(|r| r["delta"].parse::<i64>().expect("a whole delta"))
        .sum();
    assert_eq!(total, 8, "the changes add up to what east has: {files:?}");
    let again = env.oms(["stock", "push", "-o", "json"]).ok().json();
    assert_eq!(again["sent"], 0, "what was sent is remembered: {again:#}");
    format!("{} files/+{total}", files.len())
}

// po-export -------------------------------------------------------------------------

pub fn approved_po(env: &Env) -> String {
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

pub fn po_setup(env: &Env) {
    approved_po(env);
    approved_po(env);
}

pub fn po_new_work(env: &Env) {
    approved_po(env);
}

pub fn po_check(env: &Env) -> String {
    let exported = count(
        env,
        "SELECT COUNT(*) FROM purchase_orders WHERE exported_at IS NOT NULL",
    );
    assert_eq!(exported, 3, "every PO exported");
    once_each(env, "east-3pl", "po-", "po_number", 3)
}

// receipts-sync ---------------------------------------------------------------------

pub fn receipt(env: &Env, name: &str, id: &str, quantity: i64) {
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

pub fn receipts_setup(env: &Env) {
    approved_po(env);
    receipt(env, "receipts-001.csv", "R-7", 7);
    receipt(env, "receipts-002.csv", "R-2", 2);
}

pub fn receipts_new_work(env: &Env) {
    receipt(env, "receipts-003.csv", "R-1", 1);
}

pub fn receipts_check(env: &Env) -> String {
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
pub fn products(env: &Env, name: &str, rows: &[(&str, &str)]) {
    let mut text = PRODUCT_HEADER.to_string();
    for (sku, price) in rows {
        let handle = sku.to_lowercase();
        text.push_str(&format!(
            "{handle},{sku} title,Northwind,Shirts,,active,{sku},,,,,,{price},100\n"
        ));
    }
    env.write(&format!("channels/web/inbox/{name}"), &text);
}

pub fn catalog_setup(env: &Env) {
    let toml = env.read("oms.toml");
    env.write(
        "oms.toml",
        &format!("{toml}\n[catalog]\nmaster = \"web\"\n"),
    );
    products(env, "products-1.csv", &[("NEW-A", "10.00")]);
    products(env, "products-2.csv", &[("NEW-B", "20.00")]);
}

pub fn catalog_new_work(env: &Env) {
    products(
        env,
        "products-3.csv",
        &[("NEW-A", "11.00"), ("NEW-C", "30.00")],
    );
}

pub fn catalog_check(env: &Env) -> String {
    let new = count(env, "SELECT COUNT(*) FROM variants WHERE sku LIKE 'NEW-%'");
    assert_eq!(new, 3, "every variant once");
    let price = count(env, "SELECT price_cents FROM variants WHERE sku = 'NEW-A'");
    assert_eq!(price, 1100, "the newest file wins");
    assert_eq!(inbox_left(env, "web"), 0, "every file was acknowledged");
    let mut pushes = 0;
    for ch in ["east-3pl", "west-3pl"] {
        // Every products file is a recorded batch, sent, and written under its name
        // once: a resend after a crash rewrote the same file instead of adding one.
        let files: Vec<String> = outbox(env, ch)
            .into_iter()
            .filter(|n| n.starts_with("products-"))
            .map(|n| n.trim_end_matches(".csv").to_string())
            .collect();
        let db = env.db();
        let batches: Vec<(String, bool)> = db
            .prepare(
                "SELECT name, sent_at IS NOT NULL FROM outbound_batches
                 WHERE channel = ?1 AND kind LIKE 'products-%' ORDER BY name",
            )
            .unwrap()
            .query_map([ch], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let names: Vec<&String> = batches.iter().map(|(n, _)| n).collect();
        assert_eq!(
            files.iter().collect::<Vec<_>>(),
            names,
            "{ch}: files = batches"
        );
        assert!(batches.iter().all(|(_, sent)| *sent), "{ch}: {batches:?}");
        assert!(!files.is_empty(), "{ch} was sent the catalog");
        let newest = outbox_csv(env, ch, &format!("{}.csv", files[files.len() - 1]));
        let skus: Vec<&str> = newest.iter().map(|r| r["sku"].as_str()).collect();
        assert!(
            skus.contains(&"NEW-C"),
            "{ch}: the newest catalog went last: {skus:?}"
        );
        pushes += files.len();
    }
    format!("{new} variants/{pushes} pushes")
}
