//! Shared by the stock test files: a workspace whose catalog holds a few SKUs, and
//! stock moved through the store's one write path. The catalog commands are built
//! elsewhere, so variants are inserted with SQL once `oms` has created the database.
#![allow(dead_code)]

use oms::model::{AdjustReason, StockReason};
use oms::store::Store;
use oms::store::stock::{Movement, Reference};
use serde_json::Value;

use crate::common::Env;

pub const SKUS: &[&str] = &["TEE-RED-M", "TEE-BLUE-L", "MUG-1"];

/// The standard workspace with a migrated database and [`SKUS`] in the catalog. The
/// catalog commands are built elsewhere, so variants are inserted directly.
pub fn workspace() -> Env {
    let env = Env::standard();
    env.oms(["stock", "verify"]).ok();
    let db = env.db();
    db.execute(
        "INSERT INTO products (handle, title, created_at, updated_at)
         VALUES ('things', 'Things', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        [],
    )
    .expect("product");
    let product = db.last_insert_rowid();
    for sku in SKUS {
        db.execute(
            "INSERT INTO variants (product_id, sku, sku_key, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            rusqlite::params![product, sku],
        )
        .expect("variant");
    }
    env
}

/// Moves stock through the store's one write path, as the flows will.
pub fn seed(env: &Env, warehouse: &str, sku: &str, on_hand: i64, allocated: i64, incoming: i64) {
    let store = Store::open(&env.path("oms.db")).expect("store");
    let variant = oms::store::catalog::find_variant(&store.conn, sku)
        .expect("query")
        .expect("variant");
    let m = Movement {
        warehouse,
        variant_id: variant.id,
        on_hand,
        allocated,
        incoming,
        reason: StockReason::Adjustment(AdjustReason::Count),
        reference: Reference::default(),
    };
    oms::store::stock::apply(&store.conn, &m).expect("apply");
}

pub fn ledger_rows(env: &Env) -> i64 {
    env.db()
        .query_row("SELECT COUNT(*) FROM stock_ledger", [], |r| r.get(0))
        .expect("count")
}

pub fn on_hand(env: &Env, warehouse: &str, sku: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT COALESCE((SELECT l.on_hand FROM stock_levels l JOIN variants v ON v.id = l.variant_id
                              WHERE l.warehouse = ?1 AND v.sku_key = lower(?2)), 0)",
            rusqlite::params![warehouse, sku],
            |r| r.get(0),
        )
        .expect("level")
}

/// `stock show -o json` rows keyed by (warehouse, sku).
pub fn shown(env: &Env, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["stock", "show", "-o", "json"];
    args.extend_from_slice(extra);
    env.oms(args).ok().json().as_array().expect("array").clone()
}

pub fn row<'a>(rows: &'a [Value], warehouse: &str, sku: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["warehouse"] == warehouse && r["sku"] == sku)
        .unwrap_or_else(|| panic!("no row {warehouse}/{sku} in {rows:#?}"))
}
