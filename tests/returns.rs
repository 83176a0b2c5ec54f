//! Issue 16, returns by hand: `oms returns create|list|show|receive|close|cancel`, the
//! `returning` and `quarantine` quantities through the ledger and `stock verify`, and
//! exchanges. Sync with warehouses is in returns_sync.rs.

mod common;
mod returns_support;
mod ship_support;

use returns_support::*;

#[test]
fn create_numbers_an_open_rma_and_the_units_become_returning() {
    let env = shipped();
    assert_eq!(level(&env, "TEE-1"), (8, 0, 0));
    let rma = create(&env, "unwanted", &["tee-1=2", "MUG-1=1"]);
    assert_eq!(rma["number"], "RMA-000001");
    assert_eq!(rma["status"], "open");
    assert_eq!(rma["warehouse"], "east", "the warehouse that shipped it");
    assert_eq!(rma["reason"], "unwanted");
    assert_eq!(line(&rma, "TEE-1")["remaining"], 2);
    assert_eq!(
        level(&env, "TEE-1"),
        (8, 2, 0),
        "on hand unchanged, 2 returning"
    );
    assert_eq!(
        return_ledger(&env, "TEE-1"),
        [("return_opened".into(), 0, 2, 0)]
    );
    let shown = env
        .oms(["stock", "show", "--sku", "TEE-1", "-o", "json"])
        .ok()
        .json();
    let east = shown
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["warehouse"] == "east")
        .unwrap();
    assert_eq!(
        (&east["returning"], &east["available"]),
        (&2.into(), &8.into())
    );
    let list = env.oms(["returns", "list", "-o", "json"]).ok().json();
    assert_eq!(list[0]["number"], "RMA-000001");
    let shown = env.oms(["returns", "show", "1", "-o", "json"]).ok().json();
    assert_eq!(shown["story"][0]["to"], "open");
    verified(&env);
}

#[test]
fn create_refuses_more_than_shipped_net_of_earlier_rmas_with_the_numbers() {
    let env = shipped();
    create(&env, "damaged", &["TEE-1=1"]);
    let out = env
        .oms([
            "returns", "create", "--order", "1", "--reason", "damaged", "--line", "TEE-1=2",
            "--line", "NOPE=1", "--line", "MUG-1=x",
        ])
        .code(2);
    out.stderr_has("--line TEE-1=2: order 1 shipped 2 × TEE-1, 1 already on RMA-000001; 2 asked")
        .stderr_has("--line NOPE=1: sku: unknown SKU `NOPE`")
        .stderr_has("--line MUG-1=x: quantity: `x` is not a whole number");
    assert_eq!(
        level(&env, "TEE-1"),
        (8, 1, 0),
        "nothing of the refused RMA"
    );
    // The one unit left can still be returned, and an order that never shipped cannot.
    assert_eq!(
        create(&env, "damaged", &["TEE-1=1"])["number"],
        "RMA-000002"
    );
    env.oms([
        "returns", "create", "--order", "1", "--reason", "other", "--line", "TEE-1=1",
    ])
    .code(2)
    .stderr_has(
        "order 1 shipped 2 × TEE-1, 1 already on RMA-000001, 1 already on RMA-000002; 1 asked",
    );
    env.oms([
        "returns", "create", "--order", "9", "--reason", "other", "--line", "TEE-1=1",
    ])
    .code(2)
    .stderr_has("there is no order 9");
    env.oms([
        "returns",
        "create",
        "--order",
        "1",
        "--reason",
        "other",
        "--line",
        "MUG-1=1",
        "--warehouse",
        "all",
    ])
    .code(2)
    .stderr_has("`all` is not a physical warehouse");
}

#[test]
fn an_order_not_yet_shipped_has_nothing_to_return() {
    let env = ship_support::sent(
        common::STANDARD_CONFIG,
        CATALOG,
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
        ORDERS,
    );
    env.oms([
        "returns",
        "create",
        "--order",
        "1",
        "--reason",
        "other",
        "--line",
        "TEE-1=1",
        "--warehouse",
        "east",
    ])
    .code(2)
    .stderr_has("order 1 shipped 0 × TEE-1; 1 asked");
}

#[test]
fn receive_with_each_disposition_moves_stock_through_the_ledger() {
    let env = shipped();
    create(&env, "defective", &["TEE-1=2", "MUG-1=1"]);
    let done = env
        .oms([
            "returns",
            "receive",
            "RMA-000001",
            "--line",
            "TEE-1=1:restock",
            "--line",
            "TEE-1=1",
            "-o",
            "json",
        ])
        .ok()
        .json();
    // The unmarked unit takes the reason's default: defective → quarantine.
    assert_eq!(
        (
            &line(&done, "TEE-1")["restocked"],
            &line(&done, "TEE-1")["quarantined"]
        ),
        (&1.into(), &1.into())
    );
    assert_eq!(done["status"], "open", "MUG-1 is still expected");
    assert_eq!(level(&env, "TEE-1"), (9, 0, 1));
    let done = env
        .oms([
            "returns",
            "receive",
            "1",
            "--line",
            "MUG-1=1:dispose",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(done["status"], "received");
    assert_eq!(level(&env, "MUG-1"), (9, 0, 0), "disposed: nothing on hand");
    assert_eq!(
        return_ledger(&env, "MUG-1"),
        [
            ("return_opened".into(), 0, 1, 0),
            ("return_disposed".into(), 0, -1, 0)
        ]
    );
    assert_eq!(
        return_ledger(&env, "TEE-1"),
        [
            ("return_opened".into(), 0, 2, 0),
            ("return_restocked".into(), 1, -1, 0),
            ("return_quarantined".into(), 0, -1, 1),
        ]
    );
    verified(&env);
    env.oms(["returns", "receive", "1", "--line", "MUG-1=1"])
        .code(2)
        .stderr_has("RMA-000001 is received; only open RMAs receive goods");
}

#[test]
fn receive_refuses_more_than_expected_and_moves_nothing() {
    let env = shipped();
    create(&env, "unwanted", &["TEE-1=2"]);
    env.oms([
        "returns",
        "receive",
        "1",
        "--line",
        "TEE-1=1",
        "--line",
        "TEE-1=2",
        "--line",
        "MUG-1=1",
        "--line",
        "TEE-1=1:burn",
    ])
    .code(2)
    .stderr_has(
        "--line TEE-1=2: RMA-000001 expects 1 more × TEE-1 (2 asked, 1 of 2 already arrived)",
    )
    .stderr_has("--line MUG-1=1: sku: `MUG-1` is not on RMA-000001")
    .stderr_has("disposition: `burn` is not one of restock, quarantine, dispose");
    assert_eq!(level(&env, "TEE-1"), (8, 2, 0));
}

#[test]
fn quarantined_units_are_released_or_written_off_by_hand() {
    let env = shipped();
    create(&env, "other", &["TEE-1=2"]);
    env.oms(["returns", "receive", "1", "--line", "TEE-1=2:quarantine"])
        .ok();
    assert_eq!(level(&env, "TEE-1"), (8, 0, 2));
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "TEE-1",
        "--from-quarantine",
        "3",
        "--yes",
    ])
    .code(1)
    .stderr_has("only 2 × TEE-1 in quarantine at east");
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "TEE-1",
        "--from-quarantine",
        "1",
        "--yes",
    ])
    .ok();
    assert_eq!(level(&env, "TEE-1"), (9, 0, 1));
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "TEE-1",
        "--from-quarantine",
        "1",
        "--dispose",
        "--yes",
    ])
    .ok();
    assert_eq!(level(&env, "TEE-1"), (9, 0, 0));
    let reasons: Vec<String> = return_ledger_all(&env, "TEE-1");
    assert!(
        reasons.ends_with(&["quarantine_released".into(), "quarantine_disposed".into()]),
        "{reasons:?}"
    );
    verified(&env);
}

fn return_ledger_all(env: &common::Env, sku: &str) -> Vec<String> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT g.reason FROM stock_ledger g JOIN variants v ON v.id = g.variant_id
             WHERE v.sku = ?1 ORDER BY g.id",
        )
        .unwrap();
    stmt.query_map([sku], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn close_drops_what_never_arrived_and_cancel_only_before_anything_did() {
    let env = shipped();
    create(&env, "unwanted", &["TEE-1=2"]);
    env.oms(["returns", "receive", "1", "--line", "TEE-1=1"])
        .ok();
    env.oms(["returns", "cancel", "1"])
        .code(2)
        .stderr_has("RMA-000001 has received goods; close it instead");
    let closed = env.oms(["returns", "close", "1", "-o", "json"]).ok().json();
    assert_eq!(closed["status"], "closed");
    assert_eq!(
        level(&env, "TEE-1"),
        (9, 0, 0),
        "restocked 1, the other never came"
    );
    // The unit that never came back can be returned again later.
    assert_eq!(
        create(&env, "unwanted", &["TEE-1=1"])["number"],
        "RMA-000002"
    );
    let cancelled = env
        .oms(["returns", "cancel", "2", "-o", "json"])
        .ok()
        .json();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(level(&env, "TEE-1").1, 0);
    env.oms(["returns", "close", "2"])
        .code(2)
        .stderr_has("RMA-000002 is cancelled; only open RMAs can be closed");
    verified(&env);
}

#[test]
fn restocked_units_go_to_backordered_orders() {
    let env = shipped();
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "TEE-1",
        "--set",
        "0",
        "--yes",
    ])
    .ok();
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "west",
        "--sku",
        "TEE-1",
        "--set",
        "0",
        "--yes",
    ])
    .ok();
    env.write(
        "more.csv",
        "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
         1002,#1002,Bo Day,2 Elm St,Boston,02134,US,TEE-1,1\n",
    );
    ship_support::import(&env, "more.csv");
    env.oms(["orders", "process"]).code(0);
    let backordered: i64 = env
        .db()
        .query_row("SELECT backordered FROM orders WHERE id = 2", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(backordered, 1);
    create(&env, "unwanted", &["TEE-1=1"]);
    let done = env
        .oms([
            "returns",
            "receive",
            "1",
            "--line",
            "TEE-1=1:restock",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(done["backorders"]["allocated"][0]["order_id"], 2, "{done}");
    verified(&env);
}

#[test]
fn an_exchange_is_a_new_approved_order_linked_to_the_rma() {
    let env = shipped();
    let rma = env
        .oms([
            "returns",
            "create",
            "--order",
            "1",
            "--reason",
            "wrong_item",
            "--line",
            "TEE-1=1",
            "--exchange",
            "MUG-1=1",
            "--exchange",
            "TEE-1=1@2.50",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let exchange = rma["exchange_order_id"]
        .as_i64()
        .expect("an exchange order");
    let order = env
        .oms(["orders", "show", &exchange.to_string(), "-o", "json"])
        .ok()
        .json();
    assert_eq!(order["status"], "approved");
    assert_eq!(
        order["ship_name"], "Ann Lee",
        "shipped to the original address"
    );
    let prices: Vec<(&str, i64)> = order["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["sku"].as_str().unwrap(),
                l["price_cents"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        prices,
        [("MUG-1", 0), ("TEE-1", 250)],
        "0 unless given: {order}"
    );
    assert_eq!(order["total"], "2.50");
    // Shipped as any order.
    env.oms(["orders", "process"]).ok();
    let shipments: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM shipments WHERE order_id = ?1",
            [exchange],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(shipments, 1);
    env.oms([
        "returns",
        "create",
        "--order",
        "1",
        "--reason",
        "wrong_item",
        "--line",
        "TEE-1=1",
        "--exchange",
        "NOPE=1",
    ])
    .code(2)
    .stderr_has("--exchange NOPE=1: sku: unknown SKU `NOPE`");
}

#[test]
fn stock_verify_proves_returning_and_quarantine_from_the_ledger() {
    let env = shipped();
    create(&env, "defective", &["TEE-1=2"]);
    env.oms(["returns", "receive", "1", "--line", "TEE-1=1"])
        .ok();
    assert_eq!(level(&env, "TEE-1"), (8, 1, 1));
    verified(&env);
    env.db()
        .execute(
            "UPDATE stock_levels SET returning_qty = 5, quarantine = 0 WHERE warehouse = 'east'
             AND variant_id = (SELECT id FROM variants WHERE sku = 'TEE-1')",
            [],
        )
        .unwrap();
    let bad = env.oms(["stock", "verify", "-o", "json"]).code(1).json();
    assert_eq!(
        (
            &bad[0]["level_returning"],
            &bad[0]["ledger_returning"],
            &bad[0]["level_quarantine"],
            &bad[0]["ledger_quarantine"]
        ),
        (&5.into(), &1.into(), &0.into(), &1.into()),
        "{bad}"
    );
    env.oms(["stock", "rebuild", "--yes"]).ok();
    assert_eq!(level(&env, "TEE-1"), (8, 1, 1), "the ledger wins");
    verified(&env);
}
