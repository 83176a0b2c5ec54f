//! Issue 13 item 3, operator actions: `oms orders ship`, `oms shipments ship` (shipped by
//! hand, with the same stock effects and export as a warehouse's confirmation) and
//! `oms orders clone`.

mod common;
mod ship_support;

use common::{Env, STANDARD_CONFIG};
use serde_json::Value;

const CATALOG: &str = "handle,title,sku,price\ntee,Tee,TEE-1,10.00\nmug,Mug,MUG-1,8.00\n";
const ORDERS: &str = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
                      1001,#1001,Ann Lee,1 Elm St,Boston,02134,US,TEE-1,2\n\
                      1001,,,,,,,MUG-1,1\n";

/// Order 1 processed to east: shipment S0000001 with TEE-1 × 2 and MUG-1 × 1, sent.
fn sent_order() -> Env {
    ship_support::sent(
        STANDARD_CONFIG,
        CATALOG,
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
        ORDERS,
    )
}

/// (on hand, allocated) of a SKU at east.
fn level(env: &Env, sku: &str) -> (i64, i64) {
    env.db()
        .query_row(
            "SELECT l.on_hand, l.allocated FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE l.warehouse = 'east' AND v.sku = ?1",
            [sku],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn status(env: &Env, sql: &str) -> String {
    env.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn order_status(env: &Env) -> String {
    status(env, "SELECT status FROM orders WHERE id = 1")
}

fn shipment_status(env: &Env) -> String {
    status(
        env,
        "SELECT status FROM shipments WHERE reference = 'S0000001'",
    )
}

fn order_updates(env: &Env) -> String {
    let outbox = env.path("channels/web/outbox");
    let mut text = String::new();
    for e in std::fs::read_dir(outbox).unwrap().flatten() {
        if e.file_name()
            .to_string_lossy()
            .starts_with("order-updates-")
        {
            text.push_str(&std::fs::read_to_string(e.path()).unwrap());
        }
    }
    text
}

#[test]
fn orders_ship_ships_every_unit_with_the_stock_effects_and_export_of_a_confirmation() {
    let env = sent_order();
    assert_eq!(level(&env, "TEE-1"), (10, 2));
    let report = env
        .oms([
            "orders",
            "ship",
            "1",
            "--tracking",
            "1ZHAND1",
            "--carrier",
            "UPS",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(report["shipped"], 1, "{report}");
    assert_eq!(report["items"][0]["reference"], "S0000001");
    assert_eq!(report["items"][0]["units_shipped"], 3);
    assert_eq!(shipment_status(&env), "shipped");
    assert_eq!(order_status(&env), "shipped");
    assert_eq!(level(&env, "TEE-1"), (8, 0));
    assert_eq!(level(&env, "MUG-1"), (9, 0));
    let story = env.oms(["orders", "show", "1", "-o", "json"]).ok().json();
    assert!(
        story.to_string().contains("oms orders ship 1"),
        "the story names the command: {story}"
    );
    env.oms(["orders", "export"]).ok();
    let updates = order_updates(&env);
    assert!(updates.contains("1ZHAND1"), "tracking exported:\n{updates}");
    assert!(updates.contains("UPS"), "carrier exported:\n{updates}");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn orders_ship_with_lines_short_ships_and_keeps_the_rest_until_closed() {
    let env = sent_order();
    let report = env
        .oms(["orders", "ship", "1", "--line", "TEE-1=1", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["short_shipped"], 1, "{report}");
    assert_eq!(shipment_status(&env), "short_shipped");
    // allow_partial_fulfillment = false (the default): what did not ship stays allocated…
    assert_eq!(order_status(&env), "partially_fulfilled");
    assert_eq!(level(&env, "TEE-1"), (9, 1));
    assert_eq!(level(&env, "MUG-1"), (10, 1));
    // …until the shipment is closed: the other tee and the mug are free again.
    env.oms(["shipments", "close", "S0000001"]).ok();
    assert_eq!(order_status(&env), "short_shipped");
    assert_eq!(level(&env, "TEE-1"), (9, 0));
    assert_eq!(level(&env, "MUG-1"), (10, 0));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn shipments_ship_ships_one_shipment_and_refuses_it_twice() {
    let env = sent_order();
    env.oms(["shipments", "ship", "S0000001", "--tracking", "1ZA"])
        .ok();
    assert_eq!(shipment_status(&env), "shipped");
    let again = env.oms(["shipments", "ship", "1"]).code(2);
    again.stderr_has("S0000001 cannot be marked shipped: it is already shipped");
    assert_eq!(level(&env, "TEE-1"), (8, 0), "nothing applied twice");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn mistakes_are_refused_naming_them_and_nothing_is_written() {
    let env = sent_order();
    env.oms([
        "orders", "ship", "1", "--line", "HAT-1=1", "--line", "TEE-1=5",
    ])
    .code(2)
    .stderr_has("--line HAT-1=1: `HAT-1` is not on S0000001")
    .stderr_has("--line TEE-1=5: only 2 of `TEE-1` are on the shipments");
    env.oms(["shipments", "ship", "S0000099"])
        .code(2)
        .stderr_has("no shipment `S0000099`");
    env.oms(["orders", "ship", "42"])
        .code(2)
        .stderr_has("there is no order 42");
    assert_eq!(shipment_status(&env), "sent_to_warehouse");
    assert_eq!(level(&env, "TEE-1"), (10, 2));
}

#[test]
fn an_order_without_shipments_cannot_be_shipped_by_hand() {
    let env = sent_order();
    env.write(
        "more.csv",
        "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
         1002,#1002,Bo Li,2 Oak St,Boston,02134,US,TEE-1,1\n",
    );
    env.oms([
        "orders",
        "import",
        "--channel",
        "web",
        "--file",
        "more.csv",
        "--format",
        "oms-csv",
    ])
    .ok();
    env.oms(["orders", "ship", "2"])
        .code(2)
        .stderr_has("order 2 is approved and has no shipment at a warehouse")
        .stderr_has("oms orders process");
}

#[test]
fn dry_run_ships_nothing() {
    let env = sent_order();
    let report = env
        .oms(["orders", "ship", "1", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["shipped"], 1);
    assert_eq!(shipment_status(&env), "sent_to_warehouse");
    assert_eq!(level(&env, "TEE-1"), (10, 2));
}

#[test]
fn orders_clone_makes_a_draft_copy_with_the_same_lines_and_address() {
    let env = sent_order();
    env.oms(["orders", "clone", "1"])
        .ok()
        .stderr_has("created draft order 2 (M0000002), a copy of order 1");
    let copy: Value = env.oms(["orders", "show", "2", "-o", "json"]).ok().json();
    let text = copy.to_string();
    assert_eq!(copy["status"], "draft", "{copy}");
    assert_eq!(copy["channel"], "manual");
    assert_eq!(copy["ship_name"], "Ann Lee");
    assert_eq!(copy["ship_city"], "Boston");
    assert_eq!(copy["ship_zip"], "02134");
    assert!(text.contains("copy of order 1"), "{copy}");
    let lines: Vec<(String, i64)> = {
        let conn = env.db();
        let mut stmt = conn
            .prepare(
                "SELECT v.sku, l.quantity FROM order_lines l JOIN variants v ON v.id = l.variant_id
                 WHERE l.order_id = 2 ORDER BY l.line_no",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(lines, vec![("TEE-1".into(), 2), ("MUG-1".into(), 1)]);
    // The original is untouched and the copy holds no stock until it is approved and processed.
    assert_eq!(order_status(&env), "fulfilling");
    assert_eq!(level(&env, "TEE-1"), (10, 2));
    env.oms(["orders", "clone", "9"])
        .code(2)
        .stderr_has("there is no order 9");
}

#[test]
fn a_shipment_in_a_batch_decided_before_a_crash_is_not_shipped_by_hand() {
    let env = Env::standard();
    env.write("catalog.csv", CATALOG);
    env.write(
        "stock.csv",
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
    );
    env.write("orders.csv", ORDERS);
    env.oms(["catalog", "import", "--file", "catalog.csv"]).ok();
    env.oms(["stock", "adjust", "--file", "stock.csv", "--yes"])
        .ok();
    ship_support::import(&env, "orders.csv");
    // The file is written, the send not yet recorded: the next send writes it again.
    let crashed = env
        .oms(["orders", "process"])
        .env("OMS_TEST_CRASH_AT", "after_write@shipments-send")
        .run();
    assert_eq!(crashed.code, -1, "{crashed:?}");
    assert_eq!(shipment_status(&env), "ready_to_send");
    env.oms(["shipments", "ship", "S0000001"])
        .code(2)
        .stderr_has("shipment S0000001 is in batch `shipments-S0000001")
        .stderr_has("run `oms shipments send` first");
    assert_eq!(level(&env, "TEE-1"), (10, 2), "nothing shipped");
    // Once the batch is confirmed sent, shipping it by hand is fine.
    env.oms(["shipments", "send"]).ok();
    env.oms(["shipments", "ship", "S0000001"]).ok();
    assert_eq!(shipment_status(&env), "shipped");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn cancelling_a_shipment_in_a_batch_decided_before_a_crash_asks_the_warehouse() {
    let env = Env::standard();
    env.write("catalog.csv", CATALOG);
    env.write(
        "stock.csv",
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
    );
    env.write("orders.csv", ORDERS);
    env.oms(["catalog", "import", "--file", "catalog.csv"]).ok();
    env.oms(["stock", "adjust", "--file", "stock.csv", "--yes"])
        .ok();
    ship_support::import(&env, "orders.csv");
    let crashed = env
        .oms(["orders", "process"])
        .env("OMS_TEST_CRASH_AT", "after_write@shipments-send")
        .run();
    assert_eq!(crashed.code, -1, "{crashed:?}");
    // The shipment file is already in the outbox: cancelling here alone would let it ship.
    env.oms(["shipments", "cancel", "S0000001", "--yes"]).ok();
    assert_eq!(shipment_status(&env), "cancel_requested");
    assert_eq!(
        level(&env, "TEE-1"),
        (10, 2),
        "still allocated until the answer"
    );
    // The resend writes the decided batch again, then the cancellation request follows it.
    env.oms(["shipments", "send"]).ok();
    let cancels: Vec<String> = std::fs::read_dir(env.path("channels/east-3pl/outbox"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cancellations-"))
        .collect();
    assert_eq!(cancels.len(), 1, "{cancels:?}");
    let text =
        std::fs::read_to_string(env.path(&format!("channels/east-3pl/outbox/{}", cancels[0])))
            .unwrap();
    assert!(text.contains("S0000001"), "{text}");
    env.oms(["stock", "verify"]).ok();
}
