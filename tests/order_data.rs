//! Issue 14: order totals computed from the lines, warehouses switched off, ship-to
//! addresses required — each through the real binary.

mod common;

use common::Env;
use serde_json::Value;

const CATALOG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/orders/catalog.csv"
);

fn env_with(extra: &str) -> Env {
    let config = format!("{}{extra}", common::STANDARD_CONFIG);
    let env = Env::with_config(&config);
    for sub in ["channels/web/inbox", "channels/east-3pl/outbox"] {
        std::fs::create_dir_all(env.path(sub)).unwrap();
    }
    env.oms([
        "catalog", "import", "--file", CATALOG, "--format", "oms-csv",
    ])
    .ok();
    env
}

fn import(env: &Env, name: &str, text: &str) -> Value {
    env.write(name, text);
    env.oms([
        "orders", "import", "--file", name, "--format", "oms-csv", "-o", "json",
    ])
    .run()
    .json()
}

fn id_of(env: &Env, external_id: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT id FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
}

fn show(env: &Env, id: i64) -> Value {
    env.oms(["orders", "show", &id.to_string(), "-o", "json"])
        .ok()
        .json()
}

const SHIP: &str = "Ann Lee,1 Elm St,US";

#[test]
fn totals_are_computed_from_the_lines_and_a_wrong_subtotal_is_in_the_story() {
    let env = env_with("");
    import(
        &env,
        "orders.csv",
        &format!(
            "order_id,ship_name,ship_address1,ship_country,subtotal,shipping,tax,discount,total,sku,quantity,price\n\
             T1,{SHIP},39.98,5.00,3.20,,48.18,TEE-BLK-S,2,19.99\n\
             T2,{SHIP},30.00,5.00,,,35.00,TEE-BLK-S,2,19.99\n\
             T3,{SHIP},32.48,,,,,TEE-BLK-S,2,19.99\n\
             T3,{SHIP},,,,,,MUG-WHT,1,12.50\n\
             T4,{SHIP},,,,,,MUG-WHT,3,\n"
        ),
    );
    let t1 = show(&env, id_of(&env, "T1"));
    assert_eq!(t1["total"], "39.98", "computed: 2 × 19.99");
    assert_eq!(t1["stated_total"], "48.18");
    assert_eq!(t1["stated_subtotal"], "39.98");
    assert_eq!(
        (&t1["shipping"], &t1["tax"]),
        (&"5.00".into(), &"3.20".into())
    );
    let notes = |v: &Value| -> Vec<String> {
        v["story"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["note"].as_str().map(str::to_string))
            .collect()
    };
    assert!(
        notes(&t1).is_empty(),
        "the subtotal agrees: {:?}",
        notes(&t1)
    );

    let t2_id = id_of(&env, "T2");
    let t2 = show(&env, t2_id);
    assert_eq!(t2["total"], "39.98");
    assert_eq!(
        notes(&t2),
        ["the stated subtotal 30.00 differs from the lines' quantity × price 39.98"]
    );
    // People see it in the story too.
    env.oms(["orders", "show", &t2_id.to_string()])
        .ok()
        .stdout_has("the stated subtotal 30.00 differs");

    let list = env.oms(["orders", "list", "-o", "json"]).ok().json();
    let total_of = |ext: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|o| o["external_id"] == ext)
            .map(|o| (o["total"].clone(), o["stated_total"].clone()))
            .unwrap()
    };
    assert_eq!(total_of("T1"), ("39.98".into(), "48.18".into()));
    assert_eq!(total_of("T3"), ("52.48".into(), Value::Null), "two lines");
    assert_eq!(total_of("T4"), ("no prices".into(), Value::Null));
    env.oms(["orders", "list"]).ok().stdout_has("no prices");
}

#[test]
fn a_subtotal_after_discount_agrees_and_a_bad_amount_names_its_column() {
    let env = env_with("");
    let report = import(
        &env,
        "orders.csv",
        &format!(
            "order_id,ship_name,ship_address1,ship_country,subtotal,discount,sku,quantity,price\n\
             D1,{SHIP},34.98,5.00,TEE-BLK-S,2,19.99\n\
             D2,{SHIP},abc,,TEE-BLK-S,1,19.99\n"
        ),
    );
    let d1 = show(&env, id_of(&env, "D1"));
    assert_eq!(d1["discount"], "5.00");
    assert_eq!(d1["story"].as_array().unwrap().len(), 1, "{d1}");
    let text = report.to_string();
    assert!(
        text.contains("orders.csv:3: subtotal: `abc` is not an amount"),
        "{text}"
    );
}

#[test]
fn a_rule_threshold_uses_the_computed_total() {
    // The shop says 500.00 (shipping and tax included); the lines say 39.98.
    let env = env_with("draft_if_total_over = 100\n");
    import(
        &env,
        "orders.csv",
        &format!(
            "order_id,ship_name,ship_address1,ship_country,total,sku,quantity,price\n\
             R1,{SHIP},500.00,TEE-BLK-S,2,19.99\n\
             R2,{SHIP},500.00,MUG-WHT,1,\n"
        ),
    );
    assert_eq!(show(&env, id_of(&env, "R1"))["status"], "approved");
    assert_eq!(
        show(&env, id_of(&env, "R2"))["status"],
        "draft",
        "no prices: the shop's total is all there is"
    );
}
