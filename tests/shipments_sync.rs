//! `oms shipments sync`: confirmations that cannot be applied are rejected and kept, and a
//! rejected confirmation is applied on a later run once its cause is fixed.

mod common;
mod ship_support;

use common::{Env, STANDARD_CONFIG};
use serde_json::Value;

const CATALOG: &str = "handle,title,sku,price\ntee,Tee,TEE-1,10.00\nmug,Mug,MUG-1,8.00\n";
const ORDERS: &str = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
                      1001,#1001,Ann Lee,1 Elm St,Boston,02134,US,TEE-1,2\n\
                      1001,,,,,,,MUG-1,1\n";

/// One order processed to east: shipment S0000001 with TEE-1 × 2 and MUG-1 × 1.
fn sent_order(config: &str) -> Env {
    ship_support::sent(
        config,
        CATALOG,
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
        ORDERS,
    )
}

fn confirm(env: &Env, name: &str, rows: &[(&str, i64)]) {
    let mut text = String::from("reference,sku,quantity_shipped,carrier,tracking_number\n");
    for (sku, qty) in rows {
        text.push_str(&format!("S0000001,{sku},{qty},UPS,1Z999\n"));
    }
    env.write(&format!("channels/east-3pl/inbox/{name}"), &text);
}

fn shipment_status(env: &Env) -> String {
    env.db()
        .query_row(
            "SELECT status FROM shipments WHERE reference = 'S0000001'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// Open rejections of `shipments sync`: (external id, reasons as JSON).
fn open_rejections(env: &Env) -> Vec<(String, Value)> {
    let conn = env.db();
    let mut stmt = conn
        .prepare("SELECT external_id, reasons FROM rejections WHERE flow = 'shipments sync' AND resolved_at IS NULL")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|row| {
            let (id, reasons) = row.unwrap();
            (id, serde_json::from_str(&reasons).unwrap())
        })
        .collect()
}

#[test]
fn a_rejected_confirmation_is_applied_once_its_sku_is_mapped() {
    let env = sent_order(STANDARD_CONFIG);
    // The warehouse spells the tee its own way.
    confirm(&env, "shipments-1.csv", &[("WH-TEE", 2), ("MUG-1", 1)]);
    let report = env.oms(["shipments", "sync", "-o", "json"]).code(3).json();
    assert_eq!(report["rejected"], 1, "{report:#}");
    assert_eq!(
        shipment_status(&env),
        "sent_to_warehouse",
        "nothing was applied"
    );
    let open = open_rejections(&env);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].0, "S0000001");
    assert!(
        open[0].1[0]
            .as_str()
            .unwrap()
            .contains("unknown SKU `WH-TEE`"),
        "{open:#?}"
    );
    // The file itself was read and is done: the warehouse will not send it again.
    assert!(
        env.path("channels/east-3pl/inbox/done/shipments-1.csv")
            .is_file()
    );

    // A run before the fix keeps it rejected without failing again.
    let again = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(
        (again["rejected"].as_i64(), again["still_rejected"].as_i64()),
        (Some(0), Some(1))
    );

    // Map the warehouse's SKU, and the next run applies the stored confirmation.
    let fixed = STANDARD_CONFIG.replace(
        "[fulfillment_channels.west-3pl]",
        "[fulfillment_channels.east-3pl.sku_map]\n\"WH-TEE\" = \"TEE-1\"\n\n[fulfillment_channels.west-3pl]",
    );
    env.write("oms.toml", &fixed);
    let applied = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(
        (
            applied["shipped"].as_i64(),
            applied["still_rejected"].as_i64()
        ),
        (Some(1), Some(0)),
        "{applied:#}"
    );
    assert_eq!(shipment_status(&env), "shipped");
    assert!(
        open_rejections(&env).is_empty(),
        "the rejection is resolved"
    );
    env.oms(["stock", "verify"]).ok();
    let on_hand: i64 = env
        .db()
        .query_row(
            "SELECT on_hand FROM stock_levels l JOIN variants v ON v.id = l.variant_id WHERE v.sku = 'TEE-1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_hand, 8, "two tees left the warehouse");
}

#[test]
fn shipping_more_than_was_sent_is_rejected_and_never_applied() {
    let env = sent_order(STANDARD_CONFIG);
    confirm(&env, "shipments-1.csv", &[("TEE-1", 5), ("MUG-1", 1)]);
    let report = env.oms(["shipments", "sync", "-o", "json"]).code(3).json();
    let item = &report["items"].as_array().unwrap()[0];
    assert_eq!(item["outcome"], "rejected");
    assert!(
        item["message"]
            .as_str()
            .unwrap()
            .contains("ships 5 of `TEE-1` but shipment `S0000001` carried 2"),
        "{item:#}"
    );
    assert_eq!(shipment_status(&env), "sent_to_warehouse");
    // Retried on every run, it stays rejected: no stock moves, no exit 3 again.
    let again = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(again["still_rejected"], 1);
    assert_eq!(shipment_status(&env), "sent_to_warehouse");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn rejects_lists_every_flow_and_status_points_there() {
    let env = sent_order(STANDARD_CONFIG);
    confirm(&env, "shipments-1.csv", &[("TEE-1", 5)]);
    env.oms(["shipments", "sync"]).code(3);
    let all = env.oms(["rejects", "-o", "json"]).ok().json();
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["flow"], "shipments sync");
    let none = env
        .oms(["rejects", "--flow", "orders-import", "-o", "json"])
        .ok()
        .json();
    assert!(none.as_array().unwrap().is_empty());
    env.oms(["rejects", "--flow", "nope"])
        .code(2)
        .stderr_has("is not a flow");
    let status = env.oms(["status", "--check", "-o", "json"]).code(1).json();
    let detail = status["attention"][0]["detail"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        detail.contains("oms rejects --flow \"shipments sync\""),
        "{detail}"
    );
}
