//! Shared by the returns test files: an order shipped from east, and short ways to make
//! RMAs and read the new quantities back.
#![allow(dead_code)]

use serde_json::Value;

use crate::common::{Env, STANDARD_CONFIG};
use crate::ship_support;

pub const CATALOG: &str = "handle,title,sku,price\ntee,Tee,TEE-1,10.00\nmug,Mug,MUG-1,8.00\n";
pub const ORDERS: &str = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
                          1001,#1001,Ann Lee,1 Elm St,Boston,02134,US,TEE-1,2\n\
                          1001,,,,,,,MUG-1,1\n";

/// Order 1 (TEE-1 × 2, MUG-1 × 1) shipped from east, which had 10 of each.
pub fn shipped() -> Env {
    shipped_with(STANDARD_CONFIG)
}

pub fn shipped_with(config: &str) -> Env {
    let env = ship_support::sent(
        config,
        CATALOG,
        "warehouse,sku,set\neast,TEE-1,10\neast,MUG-1,10\n",
        ORDERS,
    );
    env.oms([
        "orders",
        "ship",
        "1",
        "--tracking",
        "1Z1",
        "--carrier",
        "UPS",
    ])
    .ok();
    env
}

/// `oms returns create --order 1 --reason REASON --line …` as JSON.
pub fn create(env: &Env, reason: &str, lines: &[&str]) -> Value {
    let mut args = vec![
        "returns", "create", "--order", "1", "--reason", reason, "-o", "json",
    ];
    for l in lines {
        args.extend(["--line", l]);
    }
    env.oms(args).ok().json()
}

/// (on hand, returning, quarantine) of a SKU at east.
pub fn level(env: &Env, sku: &str) -> (i64, i64, i64) {
    env.db()
        .query_row(
            "SELECT l.on_hand, l.returning_qty, l.quarantine FROM stock_levels l
             JOIN variants v ON v.id = l.variant_id WHERE l.warehouse = 'east' AND v.sku = ?1",
            [sku],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

/// The ledger's (reason, d_on_hand, d_returning, d_quarantine) rows of a SKU for returns.
pub fn return_ledger(env: &Env, sku: &str) -> Vec<(String, i64, i64, i64)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT g.reason, g.d_on_hand, g.d_returning, g.d_quarantine FROM stock_ledger g
             JOIN variants v ON v.id = g.variant_id
             WHERE v.sku = ?1 AND g.ref_kind = 'return' ORDER BY g.id",
        )
        .unwrap();
    stmt.query_map([sku], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The RMA's line of `sku` in a JSON detail.
pub fn line<'a>(rma: &'a Value, sku: &str) -> &'a Value {
    rma["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["sku"] == sku)
        .unwrap_or_else(|| panic!("no line {sku} in {rma}"))
}

/// `oms stock verify` passes and says every level matches.
pub fn verified(env: &Env) {
    env.oms(["stock", "verify"]).ok();
}
