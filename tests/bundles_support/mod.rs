//! A workspace with KIT-1 = 2 × A + 1 × B and the steps of a kit's life (stock, an order,
//! a warehouse confirmation), shared by the bundle tests through the real binary.
#![allow(dead_code)]

use serde_json::Value;

use crate::common::Env;

pub const CATALOG: &str = "handle,title,sku,price\n\
    kit-one,Kit One,KIT-1,30.00\n\
    part-a,Part A,A,5.00\n\
    part-b,Part B,B,7.00\n\
    part-c,Part C,C,2.00\n";

/// The standard workspace (east, west; channel `web`) with KIT-1 = 2 × A + 1 × B, on
/// `config`.
pub fn workspace(config: &str) -> Env {
    let env = Env::with_config(config);
    for ch in ["east-3pl", "west-3pl", "web"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
        }
    }
    env.write("catalog.csv", CATALOG);
    env.oms(["catalog", "import", "--file", "catalog.csv"]).ok();
    env.oms([
        "catalog",
        "bundle",
        "set",
        "KIT-1",
        "--component",
        "A=2",
        "--component",
        "B=1",
    ])
    .ok();
    env
}

pub fn stock(env: &Env, rows: &[(&str, &str, i64)]) {
    let mut csv = String::from("warehouse,sku,by,reason\n");
    for (w, sku, by) in rows {
        csv.push_str(&format!("{w},{sku},{by},found\n"));
    }
    env.write("adjust.csv", &csv);
    env.oms(["stock", "adjust", "--file", "adjust.csv", "--yes"])
        .ok();
}

/// Imports one order `external_id` with lines (line id, sku, quantity).
pub fn import(env: &Env, external_id: &str, lines: &[(&str, &str, i64)], code: i32) -> Value {
    let mut csv = String::from(
        "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,line_id,sku,quantity,price\n",
    );
    for (line_id, sku, q) in lines {
        csv.push_str(&format!(
            "{external_id},#{external_id},Ada,1 Way,London,N1,GB,{line_id},{sku},{q},30.00\n"
        ));
    }
    let file = format!("order-{external_id}.csv");
    env.write(&file, &csv);
    env.oms([
        "orders", "import", "--file", &file, "--format", "oms-csv", "-o", "json",
    ])
    .code(code)
    .json()
}

pub fn order_id(env: &Env, external_id: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT id FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
}

/// (sku, quantity, sku of the bundle line it belongs to) per order line, in line order.
pub fn lines(env: &Env, external_id: &str) -> Vec<(String, i64, Option<String>)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT v.sku, l.quantity, bv.sku FROM order_lines l
             JOIN orders o ON o.id = l.order_id JOIN variants v ON v.id = l.variant_id
             LEFT JOIN order_lines b ON b.id = l.bundle_line_id
             LEFT JOIN variants bv ON bv.id = b.variant_id
             WHERE o.external_id = ?1 ORDER BY l.line_no",
        )
        .unwrap();
    stmt.query_map([external_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// (warehouse, sku, quantity) of every shipment line not cancelled, in id order.
pub fn shipped_lines(env: &Env) -> Vec<(String, String, i64)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT s.warehouse, v.sku, l.quantity FROM shipments s
             JOIN shipment_lines l ON l.shipment_id = s.id JOIN variants v ON v.id = l.variant_id
             WHERE s.status <> 'cancelled' ORDER BY s.id, l.id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

pub fn allocated(env: &Env, warehouse: &str, sku: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT COALESCE(SUM(s.allocated), 0) FROM stock_levels s
             JOIN variants v ON v.id = s.variant_id WHERE s.warehouse = ?1 AND v.sku = ?2",
            [warehouse, sku],
            |r| r.get(0),
        )
        .unwrap()
}

pub fn kit_ledger_rows(env: &Env) -> i64 {
    env.db()
        .query_row(
            "SELECT count(*) FROM stock_ledger l JOIN variants v ON v.id = l.variant_id
             WHERE v.sku = 'KIT-1'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

pub fn backorder_reason(env: &Env, external_id: &str) -> Option<String> {
    env.db()
        .query_row(
            "SELECT backorder_reason FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
}

pub fn s(v: &str) -> String {
    v.to_string()
}

/// A warehouse confirmation of shipment S0000001: (sku, units shipped); returns the
/// `shipments sync` report.
pub fn confirm(env: &Env, name: &str, rows: &[(&str, i64)]) -> Value {
    let mut text = String::from("reference,sku,quantity_shipped,carrier,tracking_number\n");
    for (sku, qty) in rows {
        text.push_str(&format!("S0000001,{sku},{qty},UPS,1Z-{name}\n"));
    }
    env.write(&format!("channels/east-3pl/inbox/{name}"), &text);
    env.oms(["shipments", "sync", "-o", "json"]).ok().json()
}

/// Units shipped of the order's lines: (sku, shipped) in line order.
pub fn line_shipped(env: &Env, external_id: &str) -> Vec<(String, i64)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT v.sku, l.quantity_shipped FROM order_lines l
             JOIN orders o ON o.id = l.order_id JOIN variants v ON v.id = l.variant_id
             WHERE o.external_id = ?1 ORDER BY l.line_no",
        )
        .unwrap();
    stmt.query_map([external_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
