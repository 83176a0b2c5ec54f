//! Backorder retry (SPEC §4.2.4): stock that rises lets backordered orders ship, first in
//! first out, each only when everything it waits for fits.

mod common;
mod process_support;

use process_support::*;
use serde_json::Value;

fn allocated_orders(report: &Value) -> Vec<i64> {
    report["backorders"]["allocated"]
        .as_array()
        .map(|list| list.iter().filter_map(|a| a["order_id"].as_i64()).collect())
        .unwrap_or_default()
}

#[test]
fn a_positive_adjustment_allocates_an_order_waiting_for_that_sku() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 5)])]);
    process(&env, &[], 0);
    assert!(order_state(&env, ids[0]).1);

    let report = stock(&env, &[("east", "TEE-RED-M", 3)]).json();
    assert_eq!(allocated_orders(&report), ids);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(list.len(), 1);
    assert_eq!(
        (list[0].status.as_str(), list[0].lines[0].1),
        ("ready_to_send", 5)
    );
    assert_eq!(
        order_state(&env, ids[0]),
        ("fulfilling".into(), false, None)
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (5, 5));
    let cause: String = env
        .db()
        .query_row(
            "SELECT cause FROM status_history WHERE entity = 'shipment' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(cause.starts_with("oms stock adjust"), "{cause}");
    assert_stock_consistent(&env);

    // The next send delivers it.
    let sent = env.oms(["shipments", "send", "-o", "json"]).ok().json();
    assert_eq!(sent["sent"], 1);
}

#[test]
fn an_order_is_allocated_only_when_all_its_lines_fit() {
    let env = standard();
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 2), ("MUG-1", 2)])]);
    process(&env, &[], 0);

    let report = stock(&env, &[("east", "TEE-RED-M", 2)]).json();
    assert!(allocated_orders(&report).is_empty());
    assert!(shipments(&env).is_empty());
    assert_eq!(level(&env, "east", "TEE-RED-M"), (2, 0));
    assert!(order_state(&env, ids[0]).1, "still backordered");

    let report = stock(&env, &[("west", "MUG-1", 2)]).json();
    assert_eq!(allocated_orders(&report), ids);
    let warehouses: Vec<String> = shipments_of(&env, ids[0])
        .iter()
        .map(|s| s.warehouse.clone())
        .collect();
    assert_eq!(
        warehouses,
        ["east", "west"],
        "a split is fine; a partial is not"
    );
}

#[test]
fn partial_shipments_do_not_apply_to_retries() {
    let config = config_with(
        &[(
            "[fulfillment_channels.east-3pl]\n",
            "[fulfillment_channels.east-3pl]\nallow_partial = true\n",
        )],
        "",
    );
    let env = workspace(&config);
    stock(&env, &[("east", "TEE-RED-M", 1)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 1), ("MUG-1", 3)])]);
    process(&env, &[], 0);
    assert_eq!(
        shipments_of(&env, ids[0]).len(),
        1,
        "process ships the part it can"
    );

    // Two of the three mugs arrive: the remainder still does not fit as a whole.
    stock(&env, &[("east", "MUG-1", 2)]);
    assert_eq!(shipments_of(&env, ids[0]).len(), 1);
    let report = stock(&env, &[("east", "MUG-1", 1)]).json();
    assert_eq!(allocated_orders(&report), ids);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(list[1].lines, [("MUG-1".to_string(), 3)]);
    assert_eq!(
        order_state(&env, ids[0]),
        ("fulfilling".into(), false, None)
    );
    assert_stock_consistent(&env);
}

#[test]
fn the_oldest_backorder_is_served_first() {
    let env = standard();
    // Inserted newest first, so ids do not give the order away.
    let ids = insert(
        &env,
        &[
            Order {
                ordered_at: Some("2026-03-02T09:00:00Z"),
                ..Order::new("newer", &[("TEE-RED-M", 3)])
            },
            Order {
                ordered_at: Some("2026-03-01T09:00:00Z"),
                ..Order::new("older", &[("TEE-RED-M", 3)])
            },
        ],
    );
    process(&env, &[], 0);
    let report = stock(&env, &[("east", "TEE-RED-M", 4)]).json();
    assert_eq!(allocated_orders(&report), [ids[1]]);
    assert!(order_state(&env, ids[0]).1);
    assert!(shipments_of(&env, ids[0]).is_empty());

    let report = stock(&env, &[("east", "TEE-RED-M", 2)]).json();
    assert_eq!(allocated_orders(&report), [ids[0]]);
}

#[test]
fn a_dry_run_adjustment_previews_the_retry_and_keeps_nothing() {
    let env = standard();
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 1)])]);
    process(&env, &[], 0);
    env.write("adjust.csv", "warehouse,sku,by\neast,TEE-RED-M,1\n");
    let report = env
        .oms([
            "stock",
            "adjust",
            "--file",
            "adjust.csv",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(allocated_orders(&report), ids);
    assert!(shipments(&env).is_empty());
    assert!(order_state(&env, ids[0]).1);
}

#[test]
fn stock_released_by_a_warehouse_cancellation_goes_to_the_backorders() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 3)]);
    let ids = insert(
        &env,
        &[
            Order {
                ordered_at: Some("2026-03-01T09:00:00Z"),
                ..Order::new("first", &[("TEE-RED-M", 3)])
            },
            Order {
                ordered_at: Some("2026-03-02T09:00:00Z"),
                ..Order::new("second", &[("TEE-RED-M", 3)])
            },
        ],
    );
    process(&env, &[], 0);
    assert!(order_state(&env, ids[1]).1);

    env.write(
        "channels/east-3pl/inbox/shipments-1.csv",
        "reference,status\nS0000001,cancelled\n",
    );
    let report = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["cancelled"], 1);
    assert_eq!(allocated_orders(&report), [ids[1]]);
    assert_eq!(shipments_of(&env, ids[1])[0].status, "ready_to_send");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (3, 3));
    assert_stock_consistent(&env);
}
