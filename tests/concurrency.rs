//! Reliability (SPEC §8): two runs at once never allocate an order twice, and a run killed
//! half-way is finished by the next one without doing anything twice.

mod common;
mod process_support;

use std::collections::BTreeSet;

use common::Env;
use process_support::*;

/// `n` orders of two lines each over the fixture's SKUs, 1–3 units a line.
fn many_orders(env: &Env, n: usize) {
    let names: Vec<String> = (0..n).map(|i| format!("B{i:05}")).collect();
    let list: Vec<Order> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let a = SKUS[i % SKUS.len()];
            let b = SKUS[(i / SKUS.len() + 1 + i) % SKUS.len()];
            Order::new(name, &[(a, 1 + (i % 3) as i64), (b, 1 + (i % 2) as i64)])
        })
        .collect();
    insert(env, &list);
}

fn stock_everywhere(env: &Env, units: i64) {
    let rows: Vec<(&str, &str, i64)> = ["east", "west"]
        .into_iter()
        .flat_map(|w| SKUS.iter().map(move |s| (w, *s, units)))
        .collect();
    stock(env, &rows);
}

/// Order lines whose shipments (not cancelled) carry more than was ordered.
fn over_allocated_lines(env: &Env) -> i64 {
    env.db()
        .query_row(
            "SELECT COUNT(*) FROM order_lines l
             WHERE l.quantity < (SELECT COALESCE(SUM(sl.quantity), 0)
                                 FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                                 WHERE sl.order_line_id = l.id AND s.status <> 'cancelled')",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Order lines not fully covered by shipments.
fn unallocated_lines(env: &Env) -> i64 {
    env.db()
        .query_row(
            "SELECT COUNT(*) FROM order_lines l
             WHERE l.quantity > (SELECT COALESCE(SUM(sl.quantity), 0)
                                 FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                                 WHERE sl.order_line_id = l.id AND s.status <> 'cancelled')",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Every reference in every shipment file of both warehouses' outboxes, with repeats.
fn references_sent(env: &Env) -> Vec<String> {
    let mut refs = Vec::new();
    for channel in ["east-3pl", "west-3pl"] {
        for file in outbox(env, channel) {
            let mut in_file = BTreeSet::new();
            for row in outbox_csv(env, channel, &file) {
                in_file.insert(row["reference"].clone());
            }
            refs.extend(in_file);
        }
    }
    refs
}

#[test]
fn two_runs_at_once_allocate_every_order_at_most_once() {
    let env = standard();
    // Less stock than demand, so the two runs compete for it.
    stock_everywhere(&env, 700);
    many_orders(&env, 2000);
    let codes: Vec<i32> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..2)
            .map(|_| s.spawn(|| env.oms(process_args(&["-q"])).run()))
            .collect();
        runs.into_iter()
            .map(|r| r.join().expect("thread").code)
            .collect()
    });
    assert!(
        codes.iter().all(|c| *c == 0 || *c == 75) && codes.contains(&0),
        "exit codes {codes:?}"
    );
    assert_eq!(over_allocated_lines(&env), 0);
    let overdrawn: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM stock_levels WHERE allocated > on_hand",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(overdrawn, 0);
    let unflagged: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM orders WHERE status = 'approved' AND backordered = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unflagged, 0, "every order is allocated or backordered");
    let sent = references_sent(&env);
    let distinct: BTreeSet<&String> = sent.iter().collect();
    assert_eq!(distinct.len(), sent.len(), "no shipment is sent twice");
    assert_eq!(sent.len(), shipments(&env).len());
    assert_stock_consistent(&env);
}

#[test]
fn a_run_killed_half_way_is_finished_by_the_next_without_repeats() {
    let env = standard();
    stock_everywhere(&env, 10_000);
    // Abort half-way through the second batch: the first is committed, the second not.
    let batch = oms::ops::orders_process::BATCH;
    let total = batch + 2000;
    many_orders(&env, total);
    let killed = env
        .oms(process_args(&["-q"]))
        .env("OMS_TEST_ABORT_AFTER_ORDERS", (batch + 500).to_string())
        .run();
    assert_ne!(killed.code, 0, "the hook aborts the run");
    // The first batch was committed; the one in flight was not; nothing was sent yet.
    let orders_with_shipments = |env: &Env| -> i64 {
        env.db()
            .query_row("SELECT COUNT(DISTINCT order_id) FROM shipments", [], |r| {
                r.get(0)
            })
            .unwrap()
    };
    assert_eq!(orders_with_shipments(&env), batch as i64);
    assert!(references_sent(&env).is_empty());
    assert_stock_consistent(&env);

    let report = process(&env, &[], 0);
    assert_eq!(
        report["orders"],
        total - batch,
        "only what the killed run did not commit"
    );
    assert_eq!(report["send"]["sent"], shipments(&env).len());
    assert_eq!(orders_with_shipments(&env), total as i64);
    assert_eq!(over_allocated_lines(&env), 0);
    assert_eq!(unallocated_lines(&env), 0);
    let allocation_rows: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM stock_ledger WHERE reason = 'allocation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let shipment_lines: i64 = env
        .db()
        .query_row("SELECT COUNT(*) FROM shipment_lines", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        allocation_rows, shipment_lines,
        "one allocation per shipment line"
    );
    let sent = references_sent(&env);
    let distinct: BTreeSet<&String> = sent.iter().collect();
    assert_eq!(distinct.len(), sent.len());
    assert_stock_consistent(&env);
}
