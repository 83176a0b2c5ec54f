//! SPEC §2's table of event effects, row by row: each event, done through the real
//! command, moves on_hand / allocated / incoming of its warehouse and SKU by exactly the
//! table's deltas, in ledger rows of its reason, and `oms stock verify` agrees afterwards.

mod common;
mod process_support;
mod purchases_support;

use common::Env;
use process_support::{Order, insert, process, shipments_of, standard, stock};
use purchases_support::{approved, draft, drop_receipts, receipt_csv};

/// (on_hand, allocated, incoming) deltas.
type Delta = (i64, i64, i64);

/// Runs `event` and asserts its effect on `sku` at east: the level moved by `delta`, and
/// the ledger rows the event wrote for that SKU are all of `reason` and add up to `delta`.
fn assert_effect(env: &Env, sku: &str, reason: &str, delta: Delta, event: impl FnOnce()) {
    let before = purchases_support::level(env, "east", sku);
    let last: i64 = env
        .db()
        .query_row("SELECT COALESCE(MAX(id), 0) FROM stock_ledger", [], |r| {
            r.get(0)
        })
        .expect("last row");
    event();
    let after = purchases_support::level(env, "east", sku);
    let moved = (after.0 - before.0, after.1 - before.1, after.2 - before.2);
    assert_eq!(moved, delta, "{reason}: levels of {sku} moved by");

    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT g.reason, g.d_on_hand, g.d_allocated, g.d_incoming
             FROM stock_ledger g JOIN variants v ON v.id = g.variant_id
             WHERE g.id > ?1 AND g.warehouse = 'east' AND v.sku_key = lower(?2)",
        )
        .expect("prepare");
    let rows: Vec<(String, i64, i64, i64)> = stmt
        .query_map(rusqlite::params![last, sku], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    if delta == (0, 0, 0) {
        assert!(
            rows.is_empty(),
            "{reason}: no ledger rows expected: {rows:?}"
        );
    } else {
        assert!(
            rows.iter().all(|r| r.0 == reason),
            "{reason}: ledger rows {rows:?}"
        );
        let sums = rows
            .iter()
            .fold((0, 0, 0), |s, r| (s.0 + r.1, s.1 + r.2, s.2 + r.3));
        assert_eq!(sums, delta, "{reason}: ledger rows {rows:?}");
    }
    env.oms(["stock", "verify"]).ok();
}

/// A shipment confirmation from the east warehouse: (reference, sku, units shipped).
fn confirm(env: &Env, name: &str, lines: &[(&str, &str, i64)]) {
    let mut text = String::from("reference,status,sku,quantity_shipped,tracking_number\n");
    for (reference, sku, units) in lines {
        text.push_str(&format!(
            "{reference},shipped,{sku},{units},1Z{reference}\n"
        ));
    }
    env.write(&format!("channels/east-3pl/inbox/{name}"), &text);
}

/// The reference of an order's only shipment.
fn shipment_of(env: &Env, order: i64) -> String {
    let list = shipments_of(env, order);
    assert_eq!(list.len(), 1, "{list:?}");
    list[0].reference.clone()
}

fn shipment_status(env: &Env, reference: &str) -> String {
    env.oms(["shipments", "show", reference, "-o", "json"])
        .ok()
        .json()["status"]
        .as_str()
        .expect("status")
        .to_string()
}

#[test]
fn allocation_reserves_q() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 3)])]);
    assert_effect(&env, "TEE-RED-M", "allocation", (0, 3, 0), || {
        process(&env, &[], 0);
    });
}

#[test]
fn shipped_with_s_units_takes_s_and_a_short_shipment_keeps_the_rest_until_closed() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5), ("east", "MUG-1", 5)]);
    let ids = insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 3)]),
            Order::new("2", &[("MUG-1", 4)]),
        ],
    );
    process(&env, &[], 0);
    let (full, short) = (shipment_of(&env, ids[0]), shipment_of(&env, ids[1]));

    assert_effect(&env, "TEE-RED-M", "shipped", (-3, -3, 0), || {
        confirm(&env, "shipments-1.csv", &[(&full, "TEE-RED-M", 3)]);
        env.oms(["shipments", "sync"]).ok();
    });
    assert_eq!(shipment_status(&env, &full), "shipped");

    // One mug of four shipped: on hand and allocated lose 1; the other 3 stay allocated
    // for a later parcel (allow_partial_fulfillment = false, the default)…
    assert_effect(&env, "MUG-1", "shipped", (-1, -1, 0), || {
        confirm(&env, "shipments-2.csv", &[(&short, "MUG-1", 1)]);
        env.oms(["shipments", "sync"]).ok();
    });
    assert_eq!(shipment_status(&env, &short), "short_shipped");
    // …until the shipment is closed, which releases them.
    assert_effect(&env, "MUG-1", "release", (0, -3, 0), || {
        env.oms(["shipments", "close", &short]).ok();
    });
}

#[test]
fn cancelled_before_shipping_releases_q() {
    let env = standard();
    // Order 1's shipment goes to the warehouse.
    stock(&env, &[("east", "CAP-1", 1)]);
    let sent = insert(&env, &[Order::new("1", &[("CAP-1", 1)])])[0];
    process(&env, &[], 0);
    let sent = shipment_of(&env, sent);
    // Orders 2 and 3 wait for stock, whose arrival gives them shipments not yet sent.
    let ids = insert(
        &env,
        &[
            Order::new("2", &[("TEE-RED-M", 3)]),
            Order::new("3", &[("MUG-1", 2)]),
        ],
    );
    process(&env, &[], 0);
    stock(&env, &[("east", "TEE-RED-M", 3), ("east", "MUG-1", 2)]);
    let unsent = shipment_of(&env, ids[0]);
    assert_eq!(shipment_status(&env, &unsent), "ready_to_send");

    assert_effect(&env, "TEE-RED-M", "release", (0, -3, 0), || {
        env.oms(["shipments", "cancel", &unsent, "--yes"]).ok();
    });
    assert_effect(&env, "MUG-1", "release", (0, -2, 0), || {
        env.oms(["orders", "cancel", &ids[1].to_string(), "--yes"])
            .ok();
    });
    // At the warehouse, the allocation is held until the warehouse confirms.
    assert_effect(&env, "CAP-1", "release", (0, 0, 0), || {
        env.oms(["shipments", "cancel", &sent, "--yes"]).ok();
    });
    assert_effect(&env, "CAP-1", "release", (0, -1, 0), || {
        env.write(
            "channels/east-3pl/inbox/shipments-1.csv",
            &format!("reference,status\n{sent},cancelled\n"),
        );
        env.oms(["shipments", "sync"]).ok();
    });
}

#[test]
fn po_approved_adds_q_to_incoming() {
    let env = standard();
    let po = draft(&env, "east", &["TEE-RED-M=10"]);
    assert_effect(&env, "TEE-RED-M", "po_approved", (0, 0, 10), || {
        env.oms(["po", "approve", &po]).ok();
    });
}

#[test]
fn receipt_of_r_units_adds_r_and_takes_at_most_what_is_still_expected() {
    let env = standard();
    let po = approved(&env, "east", &["TEE-RED-M=5"]);
    assert_effect(&env, "TEE-RED-M", "receipt", (3, 0, -3), || {
        drop_receipts(
            &env,
            "receipts-1.csv",
            &receipt_csv(&[("R1", &po, "TEE-RED-M", 3)]),
        );
        env.oms(["receipts", "sync"]).ok();
    });
    // Over-receipt: 4 arrive where 2 are still expected.
    assert_effect(&env, "TEE-RED-M", "receipt", (4, 0, -2), || {
        drop_receipts(
            &env,
            "receipts-2.csv",
            &receipt_csv(&[("R2", &po, "TEE-RED-M", 4)]),
        );
        env.oms(["receipts", "sync"]).ok();
    });
    // A late straggler on a received PO: nothing is expected any more.
    assert_effect(&env, "TEE-RED-M", "receipt", (1, 0, 0), || {
        drop_receipts(
            &env,
            "receipts-3.csv",
            &receipt_csv(&[("R3", &po, "TEE-RED-M", 1)]),
        );
        env.oms(["receipts", "sync"]).ok();
    });
}

#[test]
fn po_closed_or_cancelled_releases_the_u_units_never_received() {
    let env = standard();
    let closed = approved(&env, "east", &["TEE-RED-M=10"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R1", &closed, "TEE-RED-M", 4)]),
    );
    env.oms(["receipts", "sync"]).ok();
    assert_effect(&env, "TEE-RED-M", "po_closed", (0, 0, -6), || {
        env.oms(["po", "close", &closed, "--yes"]).ok();
    });

    let cancelled = approved(&env, "east", &["MUG-1=5"]);
    assert_effect(&env, "MUG-1", "po_closed", (0, 0, -5), || {
        env.oms(["po", "cancel", &cancelled, "--yes"]).ok();
    });
}

#[test]
fn manual_adjustment_moves_on_hand_by_a() {
    let env = standard();
    let adjust = |by: &str, reason: &str| {
        env.oms([
            "stock",
            "adjust",
            "--warehouse",
            "east",
            "--sku",
            "TEE-RED-M",
            "--by",
            by,
            "--reason",
            reason,
            "--yes",
        ])
        .ok();
    };
    assert_effect(&env, "TEE-RED-M", "adjust:found", (4, 0, 0), || {
        adjust("+4", "found")
    });
    assert_effect(&env, "TEE-RED-M", "adjust:damaged", (-3, 0, 0), || {
        adjust("-3", "damaged")
    });
}

#[test]
fn stock_update_from_a_channel_sets_on_hand_to_n_and_records_the_delta() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 7)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 2)])]);
    process(&env, &[], 0);
    let snapshot = |name: &str, n: i64| {
        env.write(
            &format!("channels/east-3pl/inbox/{name}"),
            &format!("location,sku,on_hand\neast,TEE-RED-M,{n}\n"),
        );
        env.oms(["stock", "sync"]).ok();
    };
    // Allocated stays as it was: the warehouse counts what is on its shelves.
    assert_effect(&env, "TEE-RED-M", "stock_sync", (-3, 0, 0), || {
        snapshot("stock-1.csv", 4)
    });
    assert_effect(&env, "TEE-RED-M", "stock_sync", (5, 0, 0), || {
        snapshot("stock-2.csv", 9)
    });
    assert_eq!(
        purchases_support::level(&env, "east", "TEE-RED-M"),
        (9, 2, 0)
    );
    assert_effect(&env, "TEE-RED-M", "stock_sync", (0, 0, 0), || {
        snapshot("stock-3.csv", 9)
    });
}
