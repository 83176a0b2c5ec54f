//! Products and variants. A variant's `sku_key` (trimmed, lower-cased) is unique; the
//! `sku` column keeps the spelling first seen.

use std::collections::HashMap;

use rusqlite::{Connection, params};
use serde::Serialize;

use super::OptionalRow;
use crate::model::sku_key;

#[derive(Debug, Clone, Serialize, Default)]
pub struct VariantRef {
    pub id: i64,
    pub product_id: i64,
    pub sku: String,
}

/// Looks a SKU up by its key (case and surrounding space ignored).
pub fn find_variant(conn: &Connection, sku: &str) -> rusqlite::Result<Option<VariantRef>> {
    conn.prepare_cached("SELECT id, product_id, sku FROM variants WHERE sku_key = ?1")?
        .query_row(params![sku_key(sku)], |r| {
            Ok(VariantRef {
                id: r.get(0)?,
                product_id: r.get(1)?,
                sku: r.get(2)?,
            })
        })
        .optional()
}

/// Every variant id by SKU key, for bulk work (imports, syncs) that must not query per row.
pub fn variant_ids(conn: &Connection) -> rusqlite::Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare("SELECT sku_key, id FROM variants")?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}
