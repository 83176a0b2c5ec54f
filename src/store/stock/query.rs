//! Reads behind `oms stock show` and `oms stock history`.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::sku_key;

/// A SKU pattern where `*` matches any text, as a `LIKE` pattern on `sku_key` with
/// `\` as the escape character. `%` and `_` are ordinary characters in SKUs, so they
/// are escaped rather than left to act as wildcards.
pub fn sku_like(pattern: &str) -> String {
    let key = sku_key(pattern);
    let mut like = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        match c {
            '\\' | '%' | '_' => {
                like.push('\\');
                like.push(c);
            }
            '*' => like.push('%'),
            c => like.push(c),
        }
    }
    like
}

/// One row of `oms stock show`: a physical level from the store, or a virtual
/// warehouse's sum over its members (`kind` says which).
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct LevelRow {
    pub warehouse: String,
    pub kind: &'static str,
    pub sku: String,
    pub on_hand: i64,
    pub allocated: i64,
    pub available: i64,
    pub incoming: i64,
    /// Units reserved by orders on hold; only a sales channel's stock source has any.
    pub held: i64,
    /// Units on open RMAs on their way back (docs/returns.md); like incoming, not available.
    pub returning: i64,
    /// Returned units held aside: neither on hand nor available.
    pub quarantine: i64,
}

/// Physical levels for the given warehouses (every warehouse that has a level when the
/// list is empty) and, optionally, SKU keys matching a [`sku_like`] pattern; ordered by
/// SKU then warehouse. With `every_variant`, variants without a level row in a warehouse
/// appear with zeros, so "how much X is in west" has an answer even before any movement.
pub fn levels(
    conn: &Connection,
    warehouses: &[String],
    sku_like: Option<&str>,
    every_variant: bool,
) -> rusqlite::Result<Vec<LevelRow>> {
    let all = warehouses.is_empty();
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    let sql = if every_variant {
        "WITH wh(code) AS (
             SELECT value FROM json_each(?2) WHERE NOT ?1
             UNION SELECT DISTINCT warehouse FROM stock_levels WHERE ?1
         )
         SELECT wh.code, v.sku, COALESCE(l.on_hand, 0), COALESCE(l.allocated, 0),
                COALESCE(l.incoming, 0), COALESCE(l.held, 0),
                COALESCE(l.returning_qty, 0), COALESCE(l.quarantine, 0)
         FROM variants v CROSS JOIN wh
         LEFT JOIN stock_levels l ON l.warehouse = wh.code AND l.variant_id = v.id
         WHERE (?3 IS NULL OR v.sku_key LIKE ?3 ESCAPE '\\')
         ORDER BY v.sku_key, wh.code"
    } else {
        "SELECT l.warehouse, v.sku, l.on_hand, l.allocated, l.incoming, l.held,
                l.returning_qty, l.quarantine
         FROM stock_levels l JOIN variants v ON v.id = l.variant_id
         WHERE (?1 OR l.warehouse IN (SELECT value FROM json_each(?2)))
           AND (?3 IS NULL OR v.sku_key LIKE ?3 ESCAPE '\\')
         ORDER BY v.sku_key, l.warehouse"
    };
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map(params![all, list, sku_like], |r| {
        let on_hand: i64 = r.get(2)?;
        let allocated: i64 = r.get(3)?;
        let held: i64 = r.get(5)?;
        Ok(LevelRow {
            warehouse: r.get(0)?,
            kind: "physical",
            sku: r.get(1)?,
            on_hand,
            allocated,
            available: on_hand - allocated - held,
            incoming: r.get(4)?,
            held,
            returning: r.get(6)?,
            quarantine: r.get(7)?,
        })
    })?
    .collect()
}

/// Warehouses that have at least one level row, including ones no longer configured.
pub fn stocked_warehouses(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT warehouse FROM stock_levels ORDER BY 1")?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// One row of `oms stock history`; the quantities are the row's deltas, and their
/// names say so, so nobody reads `-2` as a level.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LedgerRow {
    pub id: i64,
    pub at: String,
    pub warehouse: String,
    pub sku: String,
    #[serde(rename = "on_hand_change")]
    pub on_hand: i64,
    #[serde(rename = "allocated_change")]
    pub allocated: i64,
    #[serde(rename = "incoming_change")]
    pub incoming: i64,
    #[serde(rename = "held_change")]
    pub held: i64,
    #[serde(rename = "returning_change")]
    pub returning: i64,
    #[serde(rename = "quarantine_change")]
    pub quarantine: i64,
    pub reason: String,
    pub reference: Option<String>,
    pub run_id: Option<i64>,
    pub note: Option<String>,
}

pub struct HistoryFilter<'a> {
    /// Physical warehouses; empty means all.
    pub warehouses: &'a [String],
    /// A [`sku_like`] pattern.
    pub sku_like: Option<&'a str>,
    /// RFC 3339 UTC with seconds (the stored form), so text comparison orders correctly.
    pub since: Option<&'a str>,
    pub limit: i64,
}

/// Ledger rows, newest first.
pub fn history(conn: &Connection, f: &HistoryFilter) -> rusqlite::Result<Vec<LedgerRow>> {
    let all = f.warehouses.is_empty();
    let list = serde_json::to_string(f.warehouses).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT g.id, g.at, g.warehouse, v.sku, g.d_on_hand, g.d_allocated, g.d_incoming, g.reason,
                CASE WHEN g.ref_kind IS NULL THEN NULL
                     ELSE trim(g.ref_kind || ' ' || COALESCE(g.ref_id, '')) END,
                g.run_id, g.note, g.d_held, g.d_returning, g.d_quarantine
         FROM stock_ledger g JOIN variants v ON v.id = g.variant_id
         WHERE (?1 OR g.warehouse IN (SELECT value FROM json_each(?2)))
           AND (?3 IS NULL OR v.sku_key LIKE ?3 ESCAPE '\\')
           AND (?4 IS NULL OR g.at >= ?4)
         ORDER BY g.id DESC LIMIT ?5",
    )?;
    stmt.query_map(params![all, list, f.sku_like, f.since, f.limit], |r| {
        Ok(LedgerRow {
            id: r.get(0)?,
            at: r.get(1)?,
            warehouse: r.get(2)?,
            sku: r.get(3)?,
            on_hand: r.get(4)?,
            allocated: r.get(5)?,
            incoming: r.get(6)?,
            reason: r.get(7)?,
            reference: r.get(8)?,
            run_id: r.get(9)?,
            note: r.get(10)?,
            held: r.get(11)?,
            returning: r.get(12)?,
            quarantine: r.get(13)?,
        })
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sku_patterns_become_escaped_like_patterns() {
        assert_eq!(sku_like(" TEE-*-M "), "tee-%-m");
        assert_eq!(sku_like("A_B%C"), "a\\_b\\%c");
        assert_eq!(sku_like("back\\slash*"), "back\\\\slash%");
        assert_eq!(sku_like("exact"), "exact");
    }
}
