//! The levels a stock sync compares a warehouse's snapshot with, read in one query per
//! file instead of one per reported SKU.

use std::collections::HashMap;

use rusqlite::{Connection, params};

/// The current on hand of one stored level, with the SKU for "not reported" messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub sku: String,
    pub on_hand: i64,
}

/// Every level of one physical warehouse, by variant id.
pub fn held_in(conn: &Connection, warehouse: &str) -> rusqlite::Result<HashMap<i64, Held>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.variant_id, v.sku, l.on_hand
         FROM stock_levels l JOIN variants v ON v.id = l.variant_id
         WHERE l.warehouse = ?1",
    )?;
    stmt.query_map(params![warehouse], |r| {
        Ok((
            r.get(0)?,
            Held {
                sku: r.get(1)?,
                on_hand: r.get(2)?,
            },
        ))
    })?
    .collect()
}
