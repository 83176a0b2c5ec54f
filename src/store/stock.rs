//! Stock levels and the append-only ledger (SPEC §2).
//!
//! [`apply`] is the only function that changes `stock_levels`, and it always writes the
//! ledger row in the same statement group, so levels equal the ledger's sums by
//! construction; [`verify`] proves it and [`rebuild`] restores it.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::{StockReason, now};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Level {
    pub on_hand: i64,
    pub allocated: i64,
    pub incoming: i64,
}

impl Level {
    pub fn available(&self) -> i64 {
        self.on_hand - self.allocated
    }
}

/// What a ledger row points at: an order, shipment, PO, receipt, adjustment or run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reference<'a> {
    pub kind: Option<&'a str>,
    pub id: Option<&'a str>,
    pub run_id: Option<i64>,
    pub note: Option<&'a str>,
}

/// One change of stock at one (physical warehouse, variant).
#[derive(Debug, Clone, Copy)]
pub struct Movement<'a> {
    pub warehouse: &'a str,
    pub variant_id: i64,
    pub on_hand: i64,
    pub allocated: i64,
    pub incoming: i64,
    pub reason: StockReason,
    pub reference: Reference<'a>,
}

/// Applies a movement: ledger row + level update, in the caller's transaction.
/// Returns the new level. A movement that changes nothing writes nothing.
pub fn apply(conn: &Connection, m: &Movement) -> rusqlite::Result<Level> {
    if m.on_hand == 0 && m.allocated == 0 && m.incoming == 0 {
        return level(conn, m.warehouse, m.variant_id);
    }
    let at = now();
    let level = conn
        .prepare_cached(
            "INSERT INTO stock_levels (warehouse, variant_id, on_hand, allocated, incoming, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (warehouse, variant_id) DO UPDATE SET
                on_hand = on_hand + excluded.on_hand,
                allocated = allocated + excluded.allocated,
                incoming = incoming + excluded.incoming,
                updated_at = excluded.updated_at
             RETURNING on_hand, allocated, incoming",
        )?
        .query_row(params![m.warehouse, m.variant_id, m.on_hand, m.allocated, m.incoming, at], |r| {
            Ok(Level { on_hand: r.get(0)?, allocated: r.get(1)?, incoming: r.get(2)? })
        })?;
    conn.prepare_cached(
        "INSERT INTO stock_ledger (at, warehouse, variant_id, d_on_hand, d_allocated, d_incoming,
                                   reason, ref_kind, ref_id, run_id, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        at,
        m.warehouse,
        m.variant_id,
        m.on_hand,
        m.allocated,
        m.incoming,
        m.reason.as_str(),
        m.reference.kind,
        m.reference.id,
        m.reference.run_id,
        m.reference.note,
    ])?;
    Ok(level)
}

/// Sets on_hand to `target` (stock sync, `adjust --set`), recording the delta.
pub fn set_on_hand(
    conn: &Connection,
    warehouse: &str,
    variant_id: i64,
    target: i64,
    reason: StockReason,
    reference: Reference,
) -> rusqlite::Result<(Level, i64)> {
    let current = level(conn, warehouse, variant_id)?;
    let delta = target - current.on_hand;
    let m = Movement {
        warehouse,
        variant_id,
        on_hand: delta,
        allocated: 0,
        incoming: 0,
        reason,
        reference,
    };
    Ok((apply(conn, &m)?, delta))
}

pub fn level(conn: &Connection, warehouse: &str, variant_id: i64) -> rusqlite::Result<Level> {
    let found = conn
        .prepare_cached(
            "SELECT on_hand, allocated, incoming FROM stock_levels WHERE warehouse = ?1 AND variant_id = ?2",
        )?
        .query_row(params![warehouse, variant_id], |r| {
            Ok(Level { on_hand: r.get(0)?, allocated: r.get(1)?, incoming: r.get(2)? })
        });
    match found {
        Ok(l) => Ok(l),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(Level::default()),
        Err(e) => Err(e),
    }
}

/// One row of `oms stock show`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LevelRow {
    pub warehouse: String,
    pub sku: String,
    pub on_hand: i64,
    pub allocated: i64,
    pub available: i64,
    pub incoming: i64,
}

/// Levels of the given physical warehouses (all when empty), optionally for SKU keys
/// matching a `LIKE` pattern, ordered by SKU then warehouse.
pub fn levels(
    conn: &Connection,
    warehouses: &[String],
    sku_like: Option<&str>,
) -> rusqlite::Result<Vec<LevelRow>> {
    let all = warehouses.is_empty();
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT l.warehouse, v.sku, l.on_hand, l.allocated, l.incoming
         FROM stock_levels l JOIN variants v ON v.id = l.variant_id
         WHERE (?1 OR l.warehouse IN (SELECT value FROM json_each(?2)))
           AND (?3 IS NULL OR v.sku_key LIKE ?3 ESCAPE '\\')
         ORDER BY v.sku_key, l.warehouse",
    )?;
    stmt.query_map(params![all, list, sku_like], |r| {
        let on_hand: i64 = r.get(2)?;
        let allocated: i64 = r.get(3)?;
        Ok(LevelRow {
            warehouse: r.get(0)?,
            sku: r.get(1)?,
            on_hand,
            allocated,
            available: on_hand - allocated,
            incoming: r.get(4)?,
        })
    })?
    .collect()
}

/// One row of `oms stock history`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LedgerRow {
    pub id: i64,
    pub at: String,
    pub warehouse: String,
    pub sku: String,
    pub on_hand: i64,
    pub allocated: i64,
    pub incoming: i64,
    pub reason: String,
    pub reference: Option<String>,
    pub run_id: Option<i64>,
    pub note: Option<String>,
}

pub struct HistoryFilter<'a> {
    pub warehouses: &'a [String],
    pub sku_key: Option<&'a str>,
    pub since: Option<&'a str>,
    pub limit: i64,
}

/// Ledger rows, newest first.
pub fn history(conn: &Connection, f: &HistoryFilter) -> rusqlite::Result<Vec<LedgerRow>> {
    let all = f.warehouses.is_empty();
    let list = serde_json::to_string(f.warehouses).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT g.id, g.at, g.warehouse, v.sku, g.d_on_hand, g.d_allocated, g.d_incoming, g.reason,
                CASE WHEN g.ref_kind IS NULL THEN NULL ELSE g.ref_kind || ' ' || COALESCE(g.ref_id, '') END,
                g.run_id, g.note
         FROM stock_ledger g JOIN variants v ON v.id = g.variant_id
         WHERE (?1 OR g.warehouse IN (SELECT value FROM json_each(?2)))
           AND (?3 IS NULL OR v.sku_key = ?3)
           AND (?4 IS NULL OR g.at >= ?4)
         ORDER BY g.id DESC LIMIT ?5",
    )?;
    stmt.query_map(params![all, list, f.sku_key, f.since, f.limit], |r| {
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
        })
    })?
    .collect()
}

/// A (warehouse, SKU) whose stored level differs from its ledger sums.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct Mismatch {
    pub warehouse: String,
    pub sku: String,
    pub level_on_hand: i64,
    pub ledger_on_hand: i64,
    pub level_allocated: i64,
    pub ledger_allocated: i64,
    pub level_incoming: i64,
    pub ledger_incoming: i64,
}

const LEDGER_VS_LEVELS: &str = "
    WITH sums AS (
        SELECT warehouse, variant_id, SUM(d_on_hand) AS on_hand, SUM(d_allocated) AS allocated,
               SUM(d_incoming) AS incoming
        FROM stock_ledger GROUP BY warehouse, variant_id
    ),
    keys AS (
        SELECT warehouse, variant_id FROM sums
        UNION SELECT warehouse, variant_id FROM stock_levels
    )
    SELECT k.warehouse, k.variant_id, v.sku,
           COALESCE(l.on_hand, 0), COALESCE(s.on_hand, 0),
           COALESCE(l.allocated, 0), COALESCE(s.allocated, 0),
           COALESCE(l.incoming, 0), COALESCE(s.incoming, 0)
    FROM keys k
    JOIN variants v ON v.id = k.variant_id
    LEFT JOIN stock_levels l ON l.warehouse = k.warehouse AND l.variant_id = k.variant_id
    LEFT JOIN sums s ON s.warehouse = k.warehouse AND s.variant_id = k.variant_id
    WHERE COALESCE(l.on_hand, 0) != COALESCE(s.on_hand, 0)
       OR COALESCE(l.allocated, 0) != COALESCE(s.allocated, 0)
       OR COALESCE(l.incoming, 0) != COALESCE(s.incoming, 0)
    ORDER BY v.sku_key, k.warehouse";

/// Every (warehouse, SKU) whose level differs from the ledger's sums.
pub fn verify(conn: &Connection) -> rusqlite::Result<Vec<Mismatch>> {
    let mut stmt = conn.prepare(LEDGER_VS_LEVELS)?;
    stmt.query_map([], |r| {
        Ok(Mismatch {
            warehouse: r.get(0)?,
            sku: r.get(2)?,
            level_on_hand: r.get(3)?,
            ledger_on_hand: r.get(4)?,
            level_allocated: r.get(5)?,
            ledger_allocated: r.get(6)?,
            level_incoming: r.get(7)?,
            ledger_incoming: r.get(8)?,
        })
    })?
    .collect()
}

/// Recomputes every level from the ledger; returns the mismatches it mended.
/// Levels are derived data: the ledger is the record, so the ledger wins.
pub fn rebuild(conn: &Connection) -> rusqlite::Result<Vec<Mismatch>> {
    let mended = verify(conn)?;
    conn.execute_batch(
        "DELETE FROM stock_levels;
         INSERT INTO stock_levels (warehouse, variant_id, on_hand, allocated, incoming, updated_at)
         SELECT warehouse, variant_id, SUM(d_on_hand), SUM(d_allocated), SUM(d_incoming),
                strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         FROM stock_ledger GROUP BY warehouse, variant_id;",
    )?;
    Ok(mended)
}
