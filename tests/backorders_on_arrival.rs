//! Backorder retries when stock arrives (SPEC §4.2.4): a receipt (`oms receipts sync`) or
//! a stock snapshot (`oms stock sync`) that raises on hand lets backordered orders ship,
//! first in first out, each only when everything it waits for fits — in the transaction
//! that raised the stock, so a dry run previews it and keeps nothing.

mod common;
mod process_support;
mod purchases_support;

use common::Env;
use process_support::*;
use purchases_support::{approved, drop_receipts, receipt_csv};
use serde_json::Value;

fn allocated_orders(report: &Value) -> Vec<i64> {
    report["backorders"]["allocated"]
        .as_array()
        .map(|list| list.iter().filter_map(|a| a["order_id"].as_i64()).collect())
        .unwrap_or_default()
}

/// Ledger rows of a SKU at a warehouse, oldest first: (reason, on hand, allocated, incoming).
fn ledger_of(env: &Env, warehouse: &str, sku: &str) -> Vec<(String, i64, i64, i64)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT g.reason, g.d_on_hand, g.d_allocated, g.d_incoming
             FROM stock_ledger g JOIN variants v ON v.id = g.variant_id
             WHERE g.warehouse = ?1 AND v.sku_key = lower(?2) ORDER BY g.id",
        )
        .expect("prepare");
    stmt.query_map([warehouse, sku], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

fn row(reason: &str, on_hand: i64, allocated: i64, incoming: i64) -> (String, i64, i64, i64) {
    (reason.to_string(), on_hand, allocated, incoming)
}

fn incoming(env: &Env, warehouse: &str, sku: &str) -> i64 {
    purchases_support::level(env, warehouse, sku).2
}

fn receipts_sync(env: &Env, extra: &[&str]) -> Value {
    let mut args = vec!["receipts", "sync", "-o", "json"];
    args.extend(extra);
    env.oms(args).ok().json()
}

/// Drops an east snapshot: (sku, on hand) counted at the warehouse.
fn drop_snapshot(env: &Env, name: &str, counts: &[(&str, i64)]) {
    let mut text = String::from("location,sku,on_hand\n");
    for (sku, n) in counts {
        text.push_str(&format!("east,{sku},{n}\n"));
    }
    env.write(&format!("channels/east-3pl/inbox/{name}"), &text);
}

fn stock_sync(env: &Env, extra: &[&str]) -> Value {
    let mut args = vec!["stock", "sync", "-o", "json"];
    args.extend(extra);
    env.oms(args).ok().json()
}

/// The last cause recorded for an order's status.
fn last_order_cause(env: &Env, id: i64) -> String {
    env.db()
        .query_row(
            "SELECT cause FROM status_history WHERE entity = 'order' AND entity_id = ?1
             ORDER BY id DESC LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .expect("story")
}

#[test]
fn a_receipt_allocates_the_order_it_was_waiting_for() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 5)])]);
    process(&env, &[], 0);
    let (status, backordered, reason) = order_state(&env, ids[0]);
    assert_eq!((status.as_str(), backordered), ("approved", true));
    assert!(reason.is_some_and(|r| r.contains("TEE-RED-M")));

    let po = approved(&env, "east", &["TEE-RED-M=3"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R1", &po, "TEE-RED-M", 3)]),
    );
    let report = receipts_sync(&env, &[]);
    assert_eq!(report["applied"], 1);
    assert_eq!(allocated_orders(&report), ids);
    assert_eq!(report["backorders"]["allocated"][0]["units"], 5);
    assert_eq!(report["backorders"]["waiting"], 0);

    let list = shipments_of(&env, ids[0]);
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].warehouse.as_str(), list[0].status.as_str()),
        ("east", "ready_to_send")
    );
    assert_eq!(list[0].lines, [("TEE-RED-M".to_string(), 5)]);
    assert_eq!(
        order_state(&env, ids[0]),
        ("fulfilling".into(), false, None)
    );
    assert!(
        last_order_cause(&env, ids[0]).ends_with("(receipts sync)"),
        "the receipts run is the cause"
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (5, 5));
    assert_eq!(incoming(&env, "east", "TEE-RED-M"), 0);
    assert_eq!(
        ledger_of(&env, "east", "TEE-RED-M"),
        [
            row("adjust:found", 2, 0, 0),
            row("po_approved", 0, 0, 3),
            row("receipt", 3, 0, -3),
            row("allocation", 0, 5, 0),
        ]
    );
    assert_stock_consistent(&env);

    // The next processing run sends it.
    let sent = process(&env, &[], 0);
    assert_eq!(sent["send"]["sent"], 1, "{sent:#}");
    assert_eq!(shipments_of(&env, ids[0])[0].status, "sent_to_warehouse");
    assert_eq!(outbox(&env, "east-3pl").len(), 1);
}

#[test]
fn a_receipt_of_one_of_two_skus_allocates_nothing_until_the_other_arrives() {
    let env = standard();
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 2), ("MUG-1", 2)])]);
    process(&env, &[], 0);
    let po = approved(&env, "east", &["TEE-RED-M=2", "MUG-1=2"]);

    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R1", &po, "TEE-RED-M", 2)]),
    );
    let report = receipts_sync(&env, &[]);
    assert_eq!(report["items"][0]["po_status"], "receiving");
    assert!(allocated_orders(&report).is_empty());
    assert_eq!(report["backorders"]["waiting"], 1);
    assert!(shipments(&env).is_empty());
    assert!(order_state(&env, ids[0]).1, "still backordered");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (2, 0));

    drop_receipts(
        &env,
        "receipts-2.csv",
        &receipt_csv(&[("R2", &po, "MUG-1", 2)]),
    );
    let report = receipts_sync(&env, &[]);
    assert_eq!(report["items"][0]["po_status"], "received");
    assert_eq!(allocated_orders(&report), ids);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(list.len(), 1, "one warehouse ships both lines");
    assert_eq!(
        list[0].lines,
        [("TEE-RED-M".to_string(), 2), ("MUG-1".to_string(), 2)]
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (2, 2));
    assert_eq!(level(&env, "east", "MUG-1"), (2, 2));
    assert_eq!(
        order_state(&env, ids[0]),
        ("fulfilling".into(), false, None)
    );
    assert_stock_consistent(&env);
}

#[test]
fn a_dry_run_receipts_sync_previews_the_allocation_and_keeps_nothing() {
    let env = standard();
    let ids = insert(&env, &[Order::new("1", &[("MUG-1", 4)])]);
    process(&env, &[], 0);
    let po = approved(&env, "east", &["MUG-1=4"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R1", &po, "MUG-1", 4)]),
    );

    let preview = receipts_sync(&env, &["--dry-run"]);
    assert_eq!(allocated_orders(&preview), ids);
    assert!(shipments(&env).is_empty());
    assert!(order_state(&env, ids[0]).1);
    assert_eq!(level(&env, "east", "MUG-1"), (0, 0));
    assert_eq!(incoming(&env, "east", "MUG-1"), 4);

    let real = receipts_sync(&env, &[]);
    assert_eq!(allocated_orders(&real), ids);
    assert_eq!(level(&env, "east", "MUG-1"), (4, 4));
    assert_stock_consistent(&env);
}

#[test]
fn a_stock_sync_that_raises_on_hand_allocates_backorders_whole() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 1)]);
    let ids = insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 3)]),
            Order::new("2", &[("TEE-RED-M", 1), ("CAP-1", 2)]),
        ],
    );
    process(&env, &[], 0);
    // Order 2 fits today's single tee but waits for caps; order 1 waits for tees.
    assert!(order_state(&env, ids[0]).1);
    assert!(order_state(&env, ids[1]).1);

    // A preview shows the allocation and keeps nothing.
    drop_snapshot(&env, "stock-1.csv", &[("TEE-RED-M", 4)]);
    let preview = stock_sync(&env, &["--dry-run"]);
    assert_eq!(allocated_orders(&preview), [ids[0]]);
    assert!(shipments(&env).is_empty());
    assert_eq!(level(&env, "east", "TEE-RED-M"), (1, 0));

    let report = stock_sync(&env, &[]);
    assert_eq!(report["changed"], 1);
    assert_eq!(
        allocated_orders(&report),
        [ids[0]],
        "order 2 still lacks caps"
    );
    assert_eq!(report["backorders"]["waiting"], 1);
    assert_eq!(
        shipments_of(&env, ids[0])[0].lines,
        [("TEE-RED-M".to_string(), 3)]
    );
    assert!(shipments_of(&env, ids[1]).is_empty());
    assert!(order_state(&env, ids[1]).1);
    assert_eq!(level(&env, "east", "TEE-RED-M"), (4, 3));
    assert!(last_order_cause(&env, ids[0]).ends_with("(stock sync)"));

    drop_snapshot(&env, "stock-2.csv", &[("TEE-RED-M", 4), ("CAP-1", 2)]);
    let report = stock_sync(&env, &[]);
    assert_eq!(allocated_orders(&report), [ids[1]]);
    assert_eq!(
        shipments_of(&env, ids[1])[0].lines,
        [("TEE-RED-M".to_string(), 1), ("CAP-1".to_string(), 2)]
    );
    assert_eq!(
        order_state(&env, ids[1]),
        ("fulfilling".into(), false, None)
    );
    assert_eq!(
        ledger_of(&env, "east", "CAP-1"),
        [row("stock_sync", 2, 0, 0), row("allocation", 0, 2, 0)]
    );
    assert_stock_consistent(&env);

    let sent = process(&env, &[], 0);
    assert_eq!(sent["send"]["sent"], 2, "{sent:#}");
}

#[test]
fn a_stock_sync_that_lowers_on_hand_retries_nothing() {
    let env = standard();
    stock(&env, &[("east", "MUG-1", 5)]);
    insert(&env, &[Order::new("1", &[("MUG-1", 9)])]);
    process(&env, &[], 0);
    drop_snapshot(&env, "stock-1.csv", &[("MUG-1", 3)]);
    let report = stock_sync(&env, &[]);
    assert_eq!(report["changed"], 1);
    assert!(report.get("backorders").is_none(), "{report:#}");
}

#[test]
fn backorders_compete_for_arriving_units_first_in_first_out() {
    let env = standard();
    // Inserted newest first, so ids do not give the order away.
    let ids = insert(
        &env,
        &[
            Order {
                ordered_at: Some("2026-03-02T09:00:00Z"),
                ..Order::new("newer", &[("TEE-BLUE-L", 3)])
            },
            Order {
                ordered_at: Some("2026-03-01T09:00:00Z"),
                ..Order::new("older", &[("TEE-BLUE-L", 3)])
            },
        ],
    );
    let (newer, older) = (ids[0], ids[1]);
    process(&env, &[], 0);

    // Four arrive: enough for one order, and the older one gets them.
    let po = approved(&env, "east", &["TEE-BLUE-L=4"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R1", &po, "TEE-BLUE-L", 4)]),
    );
    let report = receipts_sync(&env, &[]);
    assert_eq!(allocated_orders(&report), [older]);
    assert!(order_state(&env, newer).1);
    assert!(shipments_of(&env, newer).is_empty());
    assert_eq!(level(&env, "east", "TEE-BLUE-L"), (4, 3));

    // One left over is not enough; a count that finds two more is.
    drop_snapshot(&env, "stock-1.csv", &[("TEE-BLUE-L", 6)]);
    let report = stock_sync(&env, &[]);
    assert_eq!(allocated_orders(&report), [newer]);
    assert_eq!(level(&env, "east", "TEE-BLUE-L"), (6, 6));
    assert_eq!(order_state(&env, newer), ("fulfilling".into(), false, None));
    assert_stock_consistent(&env);
}
