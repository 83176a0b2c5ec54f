//! Proving levels equal the ledger's sums (`oms stock verify`) and restoring it
//! (`oms stock rebuild`).

use anyhow::Context;
use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::now;

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
    pub level_held: i64,
    pub ledger_held: i64,
    pub level_returning: i64,
    pub ledger_returning: i64,
    pub level_quarantine: i64,
    pub ledger_quarantine: i64,
    #[serde(skip)]
    pub variant_id: i64,
}

const LEDGER_VS_LEVELS: &str = "
    WITH sums AS (
        SELECT warehouse, variant_id, SUM(d_on_hand) AS on_hand, SUM(d_allocated) AS allocated,
               SUM(d_incoming) AS incoming, SUM(d_held) AS held,
               SUM(d_returning) AS returning_qty, SUM(d_quarantine) AS quarantine
        FROM stock_ledger GROUP BY warehouse, variant_id
    ),
    keys AS (
        SELECT warehouse, variant_id FROM sums
        UNION SELECT warehouse, variant_id FROM stock_levels
    )
    SELECT k.warehouse, k.variant_id, v.sku,
           COALESCE(l.on_hand, 0), COALESCE(s.on_hand, 0),
           COALESCE(l.allocated, 0), COALESCE(s.allocated, 0),
           COALESCE(l.incoming, 0), COALESCE(s.incoming, 0),
           COALESCE(l.held, 0), COALESCE(s.held, 0),
           COALESCE(l.returning_qty, 0), COALESCE(s.returning_qty, 0),
           COALESCE(l.quarantine, 0), COALESCE(s.quarantine, 0)
    FROM keys k
    JOIN variants v ON v.id = k.variant_id
    LEFT JOIN stock_levels l ON l.warehouse = k.warehouse AND l.variant_id = k.variant_id
    LEFT JOIN sums s ON s.warehouse = k.warehouse AND s.variant_id = k.variant_id
    WHERE COALESCE(l.on_hand, 0) != COALESCE(s.on_hand, 0)
       OR COALESCE(l.allocated, 0) != COALESCE(s.allocated, 0)
       OR COALESCE(l.incoming, 0) != COALESCE(s.incoming, 0)
       OR COALESCE(l.held, 0) != COALESCE(s.held, 0)
       OR COALESCE(l.returning_qty, 0) != COALESCE(s.returning_qty, 0)
       OR COALESCE(l.quarantine, 0) != COALESCE(s.quarantine, 0)
    ORDER BY v.sku_key, k.warehouse";

/// Every (warehouse, SKU) whose level differs from the ledger's sums.
pub fn verify(conn: &Connection) -> rusqlite::Result<Vec<Mismatch>> {
    let mut stmt = conn.prepare(LEDGER_VS_LEVELS)?;
    stmt.query_map([], |r| {
        Ok(Mismatch {
            warehouse: r.get(0)?,
            variant_id: r.get(1)?,
            sku: r.get(2)?,
            level_on_hand: r.get(3)?,
            ledger_on_hand: r.get(4)?,
            level_allocated: r.get(5)?,
            ledger_allocated: r.get(6)?,
            level_incoming: r.get(7)?,
            ledger_incoming: r.get(8)?,
            level_held: r.get(9)?,
            ledger_held: r.get(10)?,
            level_returning: r.get(11)?,
            ledger_returning: r.get(12)?,
            level_quarantine: r.get(13)?,
            ledger_quarantine: r.get(14)?,
        })
    })?
    .collect()
}

/// How many (warehouse, SKU) levels are stored, for "N levels match the ledger".
pub fn level_count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT COUNT(*) FROM stock_levels", [], |r| r.get(0))
}

/// Sets every mismatched level to its ledger sums, in the caller's transaction, and
/// returns what it mended. Levels are derived data and the ledger is the record, so the
/// ledger wins; levels that already match keep their `updated_at`.
pub fn rebuild(conn: &Connection) -> anyhow::Result<Vec<Mismatch>> {
    let mended = verify(conn)?;
    let at = now();
    let mut upsert = conn.prepare_cached(
        "INSERT INTO stock_levels (warehouse, variant_id, on_hand, allocated, incoming, held,
                                   updated_at, returning_qty, quarantine)
         VALUES (?1, ?2, ?3, ?4, ?5, ?7, ?6, ?8, ?9)
         ON CONFLICT (warehouse, variant_id) DO UPDATE SET
            on_hand = excluded.on_hand,
            allocated = excluded.allocated,
            incoming = excluded.incoming,
            held = excluded.held,
            returning_qty = excluded.returning_qty,
            quarantine = excluded.quarantine,
            updated_at = excluded.updated_at",
    )?;
    for m in &mended {
        upsert
            .execute(params![
                m.warehouse,
                m.variant_id,
                m.ledger_on_hand,
                m.ledger_allocated,
                m.ledger_incoming,
                at,
                m.ledger_held,
                m.ledger_returning,
                m.ledger_quarantine
            ])
            .with_context(|| {
                format!(
                    "cannot set {} at {} to its ledger sums (on hand {}, allocated {}, incoming {}, held {})",
                    m.sku,
                    m.warehouse,
                    m.ledger_on_hand,
                    m.ledger_allocated,
                    m.ledger_incoming,
                    m.ledger_held
                )
            })?;
    }
    Ok(mended)
}
