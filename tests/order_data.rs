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
    for ch in ["web", "east-3pl", "west-3pl"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
        }
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

// ---- item 3: warehouses switched off ----

fn east_off() -> String {
    common::STANDARD_CONFIG
        .replace("priority = 1\n", "priority = 1\nenabled = false\n")
        .replace("members = [\"east\", \"west\"]", "members = [\"west\"]")
}

fn set_stock(env: &Env, warehouse: &str, sku: &str, units: i64) {
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        warehouse,
        "--sku",
        sku,
        "--set",
        &units.to_string(),
        "--reason",
        "count",
        "--yes",
    ])
    .ok();
}

fn shipment_warehouses(env: &Env) -> Vec<(String, String)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT o.external_id, s.warehouse FROM shipments s JOIN orders o ON o.id = s.order_id
             ORDER BY s.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn config_check_refuses_a_switched_off_member_or_stock_source() {
    let config =
        common::STANDARD_CONFIG.replace("priority = 1\n", "priority = 1\nenabled = false\n");
    let env = Env::with_config(&config);
    let out = env.oms(["config", "check"]).code(2);
    let line = config
        .lines()
        .position(|l| l.contains("members = [\"east\", \"west\"]"))
        .unwrap()
        + 1;
    out.stderr_has(&format!("oms.toml:{line}:"))
        .stderr_has("virtual_warehouses.all.members")
        .stderr_has("member `east` is switched off")
        .stderr_has("virtual warehouse `all` is enabled");

    let config = east_off().replace("stock_source = \"all\"", "stock_source = \"east\"");
    let env = Env::with_config(&config);
    let line = config
        .lines()
        .position(|l| l.contains("stock_source = \"east\""))
        .unwrap()
        + 1;
    env.oms(["config", "check"])
        .code(2)
        .stderr_has(&format!("oms.toml:{line}:"))
        .stderr_has("sales_channels.web.stock_source")
        .stderr_has("warehouse `east` is switched off");

    // Switched off together with its virtual warehouse, east is fine.
    let env = Env::with_config(
        &config
            .replace("stock_source = \"east\"", "stock_source = \"west\"")
            .replace(
                "members = [\"west\"]",
                "members = [\"east\", \"west\"]\nenabled = false",
            ),
    );
    env.oms(["config", "check"]).ok();
    let list = env.oms(["warehouses", "list", "-o", "json"]).ok().json();
    let east = list
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "east")
        .unwrap();
    assert_eq!(east["enabled"], false);
}

#[test]
fn nothing_is_allocated_or_sent_to_a_switched_off_warehouse() {
    // East's fulfillment channel paused, so the first shipment stays ready to send.
    let paused = "[fulfillment_channels.east-3pl]\nkind = \"files\"\n";
    let env = Env::with_config(
        &common::STANDARD_CONFIG.replace(paused, &format!("{paused}enabled = false\n")),
    );
    for ch in ["web", "east-3pl", "west-3pl"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
        }
    }
    env.oms([
        "catalog", "import", "--file", CATALOG, "--format", "oms-csv",
    ])
    .ok();
    // Made while east was on: this shipment must not leave once it is off.
    set_stock(&env, "east", "TEE-BLK-S", 10);
    import(
        &env,
        "a.csv",
        &format!(
            "order_id,ship_name,ship_address1,ship_country,sku,quantity,price\nA1,{SHIP},TEE-BLK-S,1,19.99\n"
        ),
    );
    env.oms(["orders", "process"]).ok();
    assert_eq!(
        shipment_warehouses(&env),
        [("A1".to_string(), "east".to_string())]
    );

    env.write("oms.toml", &east_off());
    let sent = env.oms(["shipments", "send", "-o", "json"]).ok().json();
    assert_eq!(
        (sent["sent"].as_i64(), sent["waiting_switched_off"].as_i64()),
        (Some(0), Some(1))
    );
    assert!(
        std::fs::read_dir(env.path("channels/east-3pl/outbox"))
            .unwrap()
            .next()
            .is_none()
    );

    // East has stock, west none: the new order waits rather than going east.
    import(
        &env,
        "b.csv",
        &format!(
            "order_id,ship_name,ship_address1,ship_country,warehouse,sku,quantity,price\n\
             B1,{SHIP},,TEE-BLK-S,2,19.99\n\
             B2,{SHIP},east,TEE-BLK-S,1,19.99\n"
        ),
    );
    let report = env.oms(["orders", "process", "-o", "json"]).run().json();
    let text = report.to_string();
    assert!(
        text.contains("requested warehouse `east` is switched off"),
        "{text}"
    );
    let b1 = show(&env, id_of(&env, "B1"));
    assert_eq!(b1["backordered"], true, "{b1}");

    // Its stock is still shown and adjustable; raising it ships nothing from there.
    set_stock(&env, "east", "TEE-BLK-S", 20);
    let stock = env
        .oms(["stock", "show", "--warehouse", "east", "-o", "json"])
        .ok()
        .json();
    assert!(stock.to_string().contains("TEE-BLK-S"), "{stock}");
    env.oms(["orders", "process"]).code(3);
    assert_eq!(shipment_warehouses(&env).len(), 1);

    // Stock arriving in west lets the backorder retry ship it from west.
    set_stock(&env, "west", "TEE-BLK-S", 5);
    env.oms(["orders", "process"]).code(3);
    assert_eq!(
        shipment_warehouses(&env)[1..],
        [("B1".to_string(), "west".to_string())]
    );
}

// ---- item 5: require_ship_to ----

const NO_SHIP_TO: &str = "order_id,ship_name,ship_address1,ship_city,ship_country,sku,quantity,price\n\
     S1,Ann Lee,1 Elm St,Boston,US,MUG-WHT,1,12.50\n\
     S2,Bob Stone,,Boston,,MUG-WHT,1,12.50\n\
     S3,,,,,MUG-WHT,1,12.50\n";

#[test]
fn an_order_without_a_ship_to_is_rejected_naming_what_is_missing() {
    let env = env_with("");
    let report = import(&env, "orders.csv", NO_SHIP_TO);
    assert_eq!(
        (report["imported"].as_i64(), report["rejected"].as_i64()),
        (Some(1), Some(2)),
        "{report}"
    );
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    let reasons: Vec<String> = rejects
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reasons"][0].as_str().unwrap().to_string())
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("orders.csv:3: ship_to.address1, ship_to.country: missing")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r
            .starts_with("orders.csv:4: ship_to.name, ship_to.address1, ship_to.country: missing")
            && r.contains("require_ship_to")),
        "{reasons:?}"
    );
}

#[test]
fn a_digital_channel_turns_require_ship_to_off() {
    let env = env_with("require_ship_to = false\n");
    env.oms(["config", "check"]).ok();
    let report = import(&env, "orders.csv", NO_SHIP_TO);
    assert_eq!(
        (report["imported"].as_i64(), report["rejected"].as_i64()),
        (Some(3), Some(0)),
        "{report}"
    );
    // A fulfillment channel has no orders to import: the key is refused there.
    let config = common::STANDARD_CONFIG.replace(
        "path = \"channels/east-3pl\"\n",
        "path = \"channels/east-3pl\"\nrequire_ship_to = false\n",
    );
    Env::with_config(&config)
        .oms(["config", "check"])
        .code(2)
        .stderr_has("require_ship_to");
}
