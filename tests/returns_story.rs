//! Issue 16, the stories: `oms orders show` lists an order's returns and their outcomes,
//! `oms status` flags RMAs open longer than `returns.stale_after_days`.

mod common;
mod returns_support;
mod ship_support;

use returns_support::*;

#[test]
fn orders_show_lists_returns_and_what_became_of_them() {
    let env = shipped();
    create(&env, "defective", &["TEE-1=2", "MUG-1=1"]);
    env.oms([
        "returns",
        "receive",
        "1",
        "--line",
        "TEE-1=1:restock",
        "--line",
        "TEE-1=1",
    ])
    .ok();
    let order = env.oms(["orders", "show", "1", "-o", "json"]).ok().json();
    let rma = &order["returns"][0];
    assert_eq!(
        (&rma["number"], &rma["status"]),
        (&"RMA-000001".into(), &"open".into())
    );
    assert_eq!(line(rma, "TEE-1")["restocked"], 1);
    assert_eq!(line(rma, "TEE-1")["quarantined"], 1);
    assert_eq!(line(rma, "MUG-1")["remaining"], 1);
    let table = env.oms(["orders", "show", "1"]).ok();
    table.stdout_has(
        "RMA-000001 open (defective) into east: TEE-1 × 2 (1 restocked, 1 quarantined); MUG-1 × 1 (1 expected)",
    );
}

#[test]
fn an_order_without_returns_shows_no_returns_field() {
    let env = shipped();
    let order = env.oms(["orders", "show", "1", "-o", "json"]).ok().json();
    assert!(order.get("returns").is_none(), "{order}");
}

#[test]
fn status_flags_rmas_open_longer_than_stale_after_days() {
    let env = shipped();
    let created = env
        .oms([
            "returns", "create", "--order", "1", "--reason", "other", "--line", "MUG-1=1", "-o",
            "json",
        ])
        .env("OMS_TEST_NOW", "2026-11-01T09:00:00Z")
        .ok()
        .json();
    assert_eq!(created["created_at"], "2026-11-01T09:00:00Z");
    let fresh = env
        .oms(["status", "-o", "json"])
        .env("OMS_TEST_NOW", "2026-11-10T09:00:00Z")
        .ok()
        .json();
    assert_eq!(fresh["stale_returns"], serde_json::json!([]), "9 days < 14");
    let late = env
        .oms(["status", "-o", "json"])
        .env("OMS_TEST_NOW", "2026-11-20T09:00:00Z")
        .run()
        .json();
    assert_eq!(late["stale_returns"][0]["rma"], "RMA-000001");
    assert_eq!(late["stale_returns"][0]["days_open"], 19);
    let attention = late["attention"].as_array().unwrap();
    assert!(
        attention.iter().any(|a| a["kind"] == "stale returns"
            && a["detail"]
                .as_str()
                .unwrap()
                .contains("1 RMAs open more than 14 days")),
        "{attention:?}"
    );
    // Closed, it is no longer anyone's worry.
    env.oms(["returns", "close", "1"]).ok();
    let closed = env
        .oms(["status", "-o", "json"])
        .env("OMS_TEST_NOW", "2026-11-20T09:00:00Z")
        .run()
        .json();
    assert_eq!(closed["stale_returns"], serde_json::json!([]));
}
