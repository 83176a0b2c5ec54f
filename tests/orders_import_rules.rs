//! `oms orders import`: what decides a new order's status, warehouse, carrier service
//! and SKUs (rules, thresholds, maps), and which channel a file's orders belong to.

mod common;
mod orders_support;

use common::Env;
use orders_support::*;
use serde_json::Value;

const RULES_CONFIG: &str = r#"
database = "oms.db"

[defaults]
carrier_service = "standard"

[carrier_services.standard]
carrier = "Any"
service = "Standard"

[carrier_services.ups-ground]
carrier = "UPS"
service = "Ground"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[fulfillment_channels.west-3pl]
kind = "files"
path = "channels/west-3pl"

[warehouses.east]
fulfillment_channel = "east-3pl"

[warehouses.west]
fulfillment_channel = "west-3pl"

[sales_channels.web]
kind = "files"
path = "channels/web"
draft_if_total_over = 100.0
draft_if_units_over = 5

[sales_channels.web.carrier_map]
"Express" = "ups-ground"

[sales_channels.web.sku_map]
"SHOP-TEE-S" = "TEE-BLK-S"

[[sales_channels.web.rules]]
name = "wholesale waits for a person"
tag = "wholesale"
status = "draft"

[[sales_channels.web.rules]]
name = "Canada ships from the west"
country = "CA"
warehouse = "west"
carrier_service = "ups-ground"
"#;

#[test]
fn rules_thresholds_and_maps_decide_status_warehouse_carrier_and_sku() {
    let env = Env::with_config(RULES_CONFIG);
    catalog(&env);
    env.write(
        "orders.csv",
        "order_id,total,tags,shipping_method,ship_name,ship_address1,ship_country,test,sku,quantity,price\n\
         BIG,150.00,,,Ann Lee,1 Main St,US,,HOODIE-GRY-M,3,50.00\n\
         MANY,60.00,,,Ann Lee,1 Main St,US,,SOCKS-3PK,6,9.99\n\
         WHOLE,19.99,wholesale,,Ann Lee,1 Main St,US,,TEE-BLK-M,1,19.99\n\
         FAST,19.99,,express,Ann Lee,1 Main St,US,,TEE-BLK-L,1,19.99\n\
         MAPPED,19.99,,,Ann Lee,1 Main St,US,,shop-tee-s,1,19.99\n\
         NORTH,15.00,,Express,Ann Lee,1 Main St,CA,,CAP-RED,1,15.00\n\
         TEST,4.00,,,Ann Lee,1 Main St,US,yes,STICKER-PACK,1,4.00\n",
    );
    let r = import_file(&env, "orders.csv", "oms-csv").ok().json();
    assert_eq!(
        (&r["imported"], &r["skipped"]),
        (&Value::from(6), &Value::from(1))
    );
    let status = |id| order_text(&env, id, "status").unwrap();
    assert_eq!(status("BIG"), "draft", "draft_if_total_over");
    assert_eq!(status("MANY"), "draft", "draft_if_units_over");
    assert_eq!(status("WHOLE"), "draft", "a rule with status = draft");
    assert_eq!(status("FAST"), "approved");
    assert_eq!(
        order_text(&env, "FAST", "carrier_service").as_deref(),
        Some("ups-ground"),
        "carrier_map, whatever the case of the method"
    );
    assert_eq!(
        order_text(&env, "MAPPED", "carrier_service").as_deref(),
        Some("standard")
    );
    assert_eq!(
        lines(&env, "MAPPED"),
        [("TEE-BLK-S".into(), 1, Some(1999), "shop-tee-s".into())]
    );
    assert_eq!(
        order_text(&env, "NORTH", "requested_warehouse").as_deref(),
        Some("west")
    );
    assert_eq!(
        order_text(&env, "NORTH", "carrier_service").as_deref(),
        Some("ups-ground")
    );
    assert_eq!(
        count(
            &env,
            "SELECT COUNT(*) FROM orders WHERE external_id = 'TEST'"
        ),
        0
    );
}

#[test]
fn a_file_needs_a_channel_when_several_are_configured() {
    let config = format!(
        "{}\n[sales_channels.shop2]\nkind = \"files\"\npath = \"channels/shop2\"\n",
        common::STANDARD_CONFIG
    );
    let env = Env::with_config(&config);
    catalog(&env);
    let file = fixture("oms-orders.json");
    env.oms(["orders", "import", "--file", &file])
        .code(2)
        .stderr_has("--channel");
    env.oms(["orders", "import", "--file", &file, "--channel", "nope"])
        .code(2)
        .stderr_has("unknown sales channel `nope`");
    let r = env
        .oms([
            "orders",
            "import",
            "--file",
            &file,
            "--channel",
            "shop2",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(r["imported"], 2);
    assert_eq!(
        count(&env, "SELECT COUNT(*) FROM orders WHERE channel = 'shop2'"),
        3
    );
    // A CSV's layout comes from its header now (issue 18 item 15), so what is missing
    // here is the file, named as every command names it.
    env.oms(["orders", "import", "--file", "x.csv"])
        .code(2)
        .stderr_has("cannot open x.csv: ");
}
