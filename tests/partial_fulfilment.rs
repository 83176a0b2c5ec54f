//! Issue 13 item 4, partial fulfilment as techOMS defines it: with
//! `allow_partial_fulfillment = false` (the default) a warehouse that ships 3 of 5 leaves
//! the shipment short_shipped with the 2 missing units still allocated, the order
//! partially fulfilled, and a later parcel may ship the rest; `shipments close` or
//! `orders ship` settles it. With `true`, the shipment closes short at once.

mod common;
mod ship_support;

use common::{Env, STANDARD_CONFIG};

const CATALOG: &str = "handle,title,sku,price\ntee,Tee,TEE-1,10.00\nmug,Mug,MUG-1,8.00\n";
const HEADER: &str =
    "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n";

/// Order 1 (TEE-1 × 5) processed and sent to east as S0000001; 10 tees on hand.
fn sent_order(config: &str) -> Env {
    ship_support::sent(
        config,
        CATALOG,
        "warehouse,sku,set\neast,TEE-1,10\n",
        &format!("{HEADER}1001,#1001,Ann Lee,1 Elm St,Boston,02134,US,TEE-1,5\n"),
    )
}

fn confirm(env: &Env, name: &str, units: i64, tracking: &str) {
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!(
            "reference,sku,quantity_shipped,carrier,tracking_number\nS0000001,TEE-1,{units},UPS,{tracking}\n"
        ),
    );
}

/// (on hand, allocated) of TEE-1 at east.
fn tees(env: &Env) -> (i64, i64) {
    env.db()
        .query_row(
            "SELECT l.on_hand, l.allocated FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE l.warehouse = 'east' AND v.sku = 'TEE-1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn one(env: &Env, sql: &str) -> String {
    env.db().query_row(sql, [], |r| r.get(0)).unwrap()
}

fn statuses(env: &Env) -> (String, String) {
    (
        one(
            env,
            "SELECT status FROM shipments WHERE reference = 'S0000001'",
        ),
        one(env, "SELECT status FROM orders WHERE id = 1"),
    )
}

/// Every row of every order-updates file: (shipment_reference, tracking, quantity).
fn exported(env: &Env) -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for e in std::fs::read_dir(env.path("channels/web/outbox"))
        .unwrap()
        .flatten()
    {
        if !e
            .file_name()
            .to_string_lossy()
            .starts_with("order-updates-")
        {
            continue;
        }
        let mut reader = csv::Reader::from_path(e.path()).unwrap();
        for r in reader.deserialize::<std::collections::HashMap<String, String>>() {
            let r = r.unwrap();
            rows.push((
                r["shipment_reference"].clone(),
                r["tracking_numbers"].clone(),
                r["quantity"].clone(),
            ));
        }
    }
    rows.sort();
    rows.dedup();
    rows
}

fn with_defaults(extra: &str) -> String {
    STANDARD_CONFIG.replace("[defaults]\n", &format!("[defaults]\n{extra}\n"))
}

#[test]
fn a_short_parcel_keeps_the_rest_allocated_and_a_later_parcel_ships_it() {
    let env = sent_order(STANDARD_CONFIG);
    assert_eq!(tees(&env), (10, 5));
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    let report = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["short_shipped"], 1, "{report}");
    assert!(
        report["items"][0]["message"]
            .as_str()
            .unwrap()
            .contains("2 units stay allocated"),
        "{report}"
    );
    assert_eq!(
        statuses(&env),
        ("short_shipped".into(), "partially_fulfilled".into())
    );
    assert_eq!(tees(&env), (7, 2), "3 left, 2 still allocated");
    env.oms(["stock", "verify"]).ok();
    env.oms(["orders", "export"]).ok();

    confirm(&env, "shipments-p2.csv", 2, "1ZPART2");
    let report = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["shipped"], 1, "{report}");
    assert_eq!(statuses(&env), ("shipped".into(), "shipped".into()));
    assert_eq!(tees(&env), (5, 0));
    env.oms(["stock", "verify"]).ok();
    env.oms(["orders", "export"]).ok();
    // Each parcel is reported once, under its own reference, with its own units.
    assert_eq!(
        exported(&env),
        vec![
            ("S0000001".into(), "1ZPART1".into(), "3".into()),
            ("S0000001-2".into(), "1ZPART2".into(), "2".into()),
        ]
    );
    let story = env
        .oms(["shipments", "show", "S0000001", "-o", "json"])
        .ok()
        .json();
    assert!(
        story.to_string().contains("part 2: 2 more units shipped"),
        "{story}"
    );
}

#[test]
fn the_same_parcel_twice_is_unchanged_and_too_many_units_are_rejected() {
    let env = sent_order(STANDARD_CONFIG);
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    env.oms(["shipments", "sync"]).ok();
    confirm(&env, "shipments-again.csv", 3, "1ZPART1");
    let report = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["unchanged"], 1, "{report}");
    assert_eq!(tees(&env), (7, 2));
    confirm(&env, "shipments-many.csv", 3, "1ZPART3");
    // Wide enough that the message is not wrapped inside its column.
    env.oms(["shipments", "sync"])
        .env("COLUMNS", "400")
        .code(3)
        .stdout_has(
            "ships 3 more of `TEE-1` but only 2 of the 5 on shipment `S0000001` are still to ship",
        );
    assert_eq!(tees(&env), (7, 2));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn shipments_close_releases_the_rest_and_closes_the_order_short() {
    let env = sent_order(STANDARD_CONFIG);
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    env.oms(["shipments", "sync"]).ok();
    let report = env
        .oms(["shipments", "close", "S0000001", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["closed"], 1, "{report}");
    assert_eq!(report["items"][0]["units_released"], 2);
    assert_eq!(report["items"][0]["order_status"], "short_shipped");
    assert_eq!(
        statuses(&env),
        ("short_shipped".into(), "short_shipped".into())
    );
    assert_eq!(tees(&env), (7, 0));
    // Closed for good: a late parcel is refused, and closing again is a usage error.
    env.oms(["shipments", "close", "S0000001"])
        .code(2)
        .stderr_has("shipment S0000001 has nothing left open to close");
    confirm(&env, "shipments-late.csv", 2, "1ZLATE");
    env.oms(["shipments", "sync", "-o", "json"]).ok();
    assert_eq!(tees(&env), (7, 0));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn closing_the_rest_lets_a_backordered_order_ship() {
    let env = sent_order(STANDARD_CONFIG);
    env.write(
        "more.csv",
        &format!("{HEADER}1002,#1002,Bo Li,2 Oak St,Boston,02134,US,TEE-1,7\n"),
    );
    ship_support::import(&env, "more.csv");
    env.oms(["orders", "process"]).ok();
    assert_eq!(
        one(&env, "SELECT status FROM orders WHERE id = 2"),
        "approved"
    );
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    env.oms(["shipments", "sync"]).ok();
    // 7 on hand, 2 still kept for order 1: not enough for order 2's 7.
    assert_eq!(
        one(&env, "SELECT status FROM orders WHERE id = 2"),
        "approved"
    );
    let closed = env
        .oms(["shipments", "close", "S0000001", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        closed["backorders"]["allocated"].as_array().map(Vec::len),
        Some(1),
        "the report says the backorder was allocated: {closed}"
    );
    assert_eq!(
        one(&env, "SELECT status FROM orders WHERE id = 2"),
        "fulfilling"
    );
    assert_eq!(tees(&env), (7, 7));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn orders_ship_settles_the_rest_by_hand() {
    let env = sent_order(STANDARD_CONFIG);
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    env.oms(["shipments", "sync"]).ok();
    let report = env
        .oms(["orders", "ship", "1", "--tracking", "1ZHAND", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["shipped"], 1, "{report}");
    assert_eq!(report["items"][0]["units_shipped"], 2);
    assert_eq!(statuses(&env), ("shipped".into(), "shipped".into()));
    assert_eq!(tees(&env), (5, 0));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn cancelling_a_partly_shipped_order_releases_the_rest() {
    let env = sent_order(STANDARD_CONFIG);
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    env.oms(["shipments", "sync"]).ok();
    env.oms(["orders", "cancel", "1", "--yes"]).ok();
    assert_eq!(
        statuses(&env),
        ("short_shipped".into(), "short_shipped".into())
    );
    assert_eq!(tees(&env), (7, 0));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn allowed_partial_fulfilment_closes_the_shipment_short_at_once() {
    let env = sent_order(&with_defaults("allow_partial_fulfillment = true"));
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    let report = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["short_shipped"], 1, "{report}");
    assert_eq!(
        statuses(&env),
        ("short_shipped".into(), "short_shipped".into())
    );
    assert_eq!(tees(&env), (7, 0), "the rest released at once");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_sales_channel_overrides_the_default() {
    let config = with_defaults("allow_partial_fulfillment = true").replace(
        "stock_source = \"all\"\n",
        "stock_source = \"all\"\nallow_partial_fulfillment = false\n",
    );
    let env = sent_order(&config);
    confirm(&env, "shipments-p1.csv", 3, "1ZPART1");
    env.oms(["shipments", "sync"]).ok();
    assert_eq!(
        statuses(&env),
        ("short_shipped".into(), "partially_fulfilled".into())
    );
    assert_eq!(tees(&env), (7, 2));
}
