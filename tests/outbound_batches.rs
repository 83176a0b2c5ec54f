//! Batches are decided before they are sent (docs/files-connector.md): a crash after an
//! outbox file is in place and before the database knows, then new work, then a resend,
//! leaves every reference in exactly one file, and the file resent is byte for byte the
//! one written before the crash.

mod common;
mod process_support;

use std::collections::BTreeMap;

use process_support::*;

/// Every outbox file of `channel` starting with `prefix`, with its bytes.
fn files(env: &common::Env, channel: &str, prefix: &str) -> BTreeMap<String, String> {
    outbox(env, channel)
        .into_iter()
        .filter(|n| n.starts_with(prefix))
        .map(|n| {
            let text = env.read(&format!("channels/{channel}/outbox/{n}"));
            (n, text)
        })
        .collect()
}

/// Which files each value of `column` appears in.
fn where_is(
    env: &common::Env,
    channel: &str,
    prefix: &str,
    column: &str,
) -> BTreeMap<String, Vec<String>> {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for name in files(env, channel, prefix).keys() {
        let mut in_file: Vec<String> = outbox_csv(env, channel, name)
            .into_iter()
            .map(|row| row[column].clone())
            .collect();
        in_file.dedup();
        for v in in_file {
            seen.entry(v).or_default().push(name.clone());
        }
    }
    seen
}

fn crash(env: &common::Env, args: &[&str], at: &str) {
    let done = env.oms(args.to_vec()).env("OMS_TEST_CRASH_AT", at).run();
    assert_eq!(done.code, -1, "the process was to die at {at}: {done:?}");
}

fn orders(from: usize, to: usize) -> Vec<String> {
    (from..=to).map(|i| format!("{i}")).collect()
}

fn insert_orders(env: &common::Env, ids: &[String]) -> Vec<i64> {
    let list: Vec<Order> = ids
        .iter()
        .map(|id| Order::new(id, &[("TEE-RED-M", 1)]))
        .collect();
    insert(env, &list)
}

#[test]
fn item1_resend_after_crash_writes_the_same_file() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 50)]);
    insert_orders(&env, &orders(1, 3));
    crash(&env, &["orders", "process"], "after_write@shipments-send");
    let before = files(&env, "east-3pl", "shipments-");
    assert_eq!(before.len(), 1, "{before:?}");
    let still_ready: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM shipments WHERE status = 'ready_to_send'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        still_ready, 3,
        "the crash came before the send was recorded"
    );

    // New ready shipments appear before the resend.
    insert_orders(&env, &orders(4, 5));
    process(&env, &[], 0);

    let after = files(&env, "east-3pl", "shipments-");
    for (name, bytes) in &before {
        assert_eq!(after.get(name), Some(bytes), "{name} was resent as it was");
    }
    assert_eq!(after.len(), 2, "the new work is in a new file: {after:?}");
    let seen = where_is(&env, "east-3pl", "shipments-", "reference");
    assert_eq!(seen.len(), 5, "{seen:?}");
    for (reference, in_files) in &seen {
        assert_eq!(in_files.len(), 1, "{reference} is in {in_files:?}");
    }
    let sent: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM shipments WHERE status = 'sent_to_warehouse'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sent, 5);
    assert_stock_consistent(&env);
}

#[test]
fn item1_a_backorder_retry_before_the_resend_goes_in_a_new_file() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2), ("west", "TEE-RED-M", 0)]);
    insert_orders(&env, &orders(1, 3));
    crash(&env, &["orders", "process"], "after_write@shipments-send");
    let before = files(&env, "east-3pl", "shipments-");
    // Stock arrives: the backordered order is retried and becomes ready before the resend.
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    process(&env, &[], 0);
    let after = files(&env, "east-3pl", "shipments-");
    for (name, bytes) in &before {
        assert_eq!(after.get(name), Some(bytes), "{name} was resent as it was");
    }
    let seen = where_is(&env, "east-3pl", "shipments-", "reference");
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(seen.values().all(|f| f.len() == 1), "{seen:?}");
    assert_stock_consistent(&env);
}

#[test]
fn item2_order_updates_resend_after_crash_writes_the_same_file() {
    let env = standard();
    let ids = insert_orders(&env, &orders(1, 5));
    for id in &ids[..3] {
        env.oms(["orders", "cancel", &id.to_string(), "--yes"]).ok();
    }
    crash(&env, &["orders", "export"], "after_write@orders-export");
    let before = files(&env, "web", "order-updates-");
    assert_eq!(before.len(), 1, "{before:?}");

    // More orders change before the resend.
    for id in &ids[3..] {
        env.oms(["orders", "cancel", &id.to_string(), "--yes"]).ok();
    }
    let report = env.oms(["orders", "export", "-o", "json"]).ok().json();
    assert_eq!(report["sent"], 5, "{report:#}");

    let after = files(&env, "web", "order-updates-");
    for (name, bytes) in &before {
        assert_eq!(after.get(name), Some(bytes), "{name} was resent as it was");
    }
    assert_eq!(after.len(), 2, "{after:?}");
    let seen = where_is(&env, "web", "order-updates-", "order_id");
    assert_eq!(seen.len(), 5, "{seen:?}");
    for (order, in_files) in &seen {
        assert_eq!(in_files.len(), 1, "order {order} is in {in_files:?}");
    }
    // Nothing more to say: a further export writes nothing.
    let again = env.oms(["orders", "export", "-o", "json"]).ok().json();
    assert_eq!(again["sent"], 0, "{again:#}");
    assert_eq!(files(&env, "web", "order-updates-").len(), 2);
}

#[test]
fn cancellation_requests_resend_after_crash_writes_the_same_file() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 10)]);
    insert_orders(&env, &orders(1, 3));
    process(&env, &[], 0);
    for r in ["S0000001", "S0000002"] {
        env.oms(["shipments", "cancel", r, "--yes"]).ok();
    }
    crash(&env, &["shipments", "send"], "after_write@shipments-send");
    let before = files(&env, "east-3pl", "cancellations-");
    assert_eq!(before.len(), 1, "{before:?}");
    env.oms(["shipments", "cancel", "S0000003", "--yes"]).ok();
    env.oms(["shipments", "send"]).ok();
    let after = files(&env, "east-3pl", "cancellations-");
    for (name, bytes) in &before {
        assert_eq!(after.get(name), Some(bytes), "{name} was resent as it was");
    }
    let seen = where_is(&env, "east-3pl", "cancellations-", "reference");
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(seen.values().all(|f| f.len() == 1), "{seen:?}");
}
