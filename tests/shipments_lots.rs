//! Lots and serial numbers coming back with shipment confirmations (issue 14 item 2): kept
//! per parcel, shown by `shipments show` and `orders show`, passed to the shop in the order
//! updates, and a row that cannot be right (a serial on two units) rejected by name.

mod common;
mod ship_support;

use common::{Env, STANDARD_CONFIG};
use serde_json::Value;

const CATALOG: &str = "handle,title,sku,price\ntee,Tee,TEE-1,10.00\nmug,Mug,MUG-1,8.00\n";
const ORDERS: &str = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
                      1001,#1001,Ann Lee,1 Elm St,Boston,02134,US,TEE-1,2\n\
                      1001,,,,,,,MUG-1,1\n";

/// Order 1 (TEE-1 × 2, MUG-1 × 1) sent to east as S0000001.
fn sent() -> Env {
    let env = ship_support::sent(
        STANDARD_CONFIG,
        CATALOG,
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
        ORDERS,
    );
    let reference: String = env
        .db()
        .query_row("SELECT reference FROM shipments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reference, "S0000001");
    env
}

fn confirm(env: &Env, rows: &str) {
    env.write(
        "channels/east-3pl/inbox/shipments-1.csv",
        &format!(
            "reference,sku,quantity_shipped,carrier,tracking_number,lot,serial,expiration_date\n{rows}"
        ),
    );
}

#[test]
fn lots_and_serials_that_shipped_are_kept_shown_and_told_to_the_shop() {
    let env = sent();
    confirm(
        &env,
        "S0000001,TEE-1,1,UPS,1Z9,L-7,,2027-06-30\n\
         S0000001,TEE-1,1,UPS,1Z9,L-8,,\n\
         S0000001,MUG-1,1,UPS,1Z9,,SN-9,\n",
    );
    let sync = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(sync["shipped"], 1, "{sync}");

    let shown = env
        .oms(["shipments", "show", "S0000001", "-o", "json"])
        .ok()
        .json();
    let lots: Vec<(String, Value, Value, Value, i64)> = shown["lots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["sku"].as_str().unwrap().to_string(),
                l["lot"].clone(),
                l["serial"].clone(),
                l["expiration_date"].clone(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lots,
        [
            (
                "TEE-1".into(),
                "L-7".into(),
                Value::Null,
                "2027-06-30".into(),
                1
            ),
            ("TEE-1".into(), "L-8".into(), Value::Null, Value::Null, 1),
            ("MUG-1".into(), Value::Null, "SN-9".into(), Value::Null, 1),
        ]
    );
    env.oms(["shipments", "show", "S0000001"])
        .ok()
        .stdout_has("SN-9");
    let order = env.oms(["orders", "show", "1", "-o", "json"]).ok().json();
    assert_eq!(order["lots"].as_array().map(Vec::len), Some(3), "{order}");
    env.oms(["orders", "show", "1"])
        .ok()
        .stdout_has("S0000001 part 1: TEE-1 lot L-7 exp 2027-06-30 × 1");

    env.oms(["orders", "export"]).ok();
    let outbox = env.path("channels/web/outbox");
    let file = std::fs::read_dir(&outbox)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("order-updates-")
        })
        .expect("an order updates file");
    let text = std::fs::read_to_string(file).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].ends_with(",sku,line_id,quantity,lots"), "{text}");
    assert!(
        rows.iter()
            .any(|r| r.ends_with(",TEE-1,,2,lot L-7 exp 2027-06-30 × 1; lot L-8 × 1")),
        "{text}"
    );
    assert!(
        rows.iter()
            .any(|r| r.ends_with(",MUG-1,,1,serial SN-9 × 1")),
        "{text}"
    );

    // Read again: applied once, lots kept once.
    confirm(&env, "S0000001,MUG-1,1,UPS,1Z9,,SN-9,\n");
    env.oms(["shipments", "sync"]).ok();
    let count: i64 = env
        .db()
        .query_row("SELECT COUNT(*) FROM shipment_lots", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 3);
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_serial_on_more_than_one_unit_or_a_bad_date_rejects_the_confirmation() {
    let env = sent();
    confirm(
        &env,
        "S0000001,TEE-1,2,UPS,1Z9,,SN-1,\n\
         S0000001,MUG-1,1,UPS,1Z9,L-1,,next week\n",
    );
    env.oms(["shipments", "sync"]).code(3);
    let rejects = env.oms(["rejects", "-o", "json"]).ok();
    rejects
        .stdout_has("shipments-1.csv:2: serial: a row with a serial number ships one unit, got 2")
        .stdout_has(
            "shipments-1.csv:3: expiration_date: `next week` is not a date (YYYY-MM-DD or RFC 3339)",
        );
    let status: String = env
        .db()
        .query_row("SELECT status FROM shipments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "sent_to_warehouse", "nothing of it applied");
}
