//! The writer of `returning` and `quarantine` (migration 0015, docs/returns.md): like
//! [`super::apply`], one ledger row and the level change together, in the caller's
//! transaction, so `stock verify` proves these quantities from the ledger as well.

use rusqlite::{Connection, params};

use super::{LevelColumns, Reference, write};
use crate::model::StockReason;

/// One change of a returned good at one (physical warehouse, variant).
#[derive(Debug, Clone, Copy)]
pub struct ReturnMovement<'a> {
    pub warehouse: &'a str,
    pub variant_id: i64,
    pub on_hand: i64,
    pub returning: i64,
    pub quarantine: i64,
    pub reason: StockReason,
    pub reference: Reference<'a>,
}

/// on_hand, returning, quarantine: what returns move.
const RETURNED_GOODS: LevelColumns = LevelColumns {
    update: "UPDATE stock_levels SET
                on_hand = on_hand + ?3,
                returning_qty = returning_qty + ?4,
                quarantine = quarantine + ?5,
                updated_at = ?6
             WHERE warehouse = ?1 AND variant_id = ?2",
    insert: "INSERT INTO stock_levels (warehouse, variant_id, on_hand, returning_qty, quarantine, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    ledger: "INSERT INTO stock_ledger (at, warehouse, variant_id, d_on_hand, d_returning, d_quarantine,
                                   reason, ref_kind, ref_id, run_id, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
};

/// Applies a movement; one that changes nothing writes nothing.
pub fn apply(conn: &Connection, m: &ReturnMovement) -> rusqlite::Result<()> {
    write(
        conn,
        &RETURNED_GOODS,
        m.warehouse,
        m.variant_id,
        [m.on_hand, m.returning, m.quarantine],
        m.reason,
        &m.reference,
    )
}

/// (returning, quarantine) of one (warehouse, variant); zeros when it has no level.
pub fn level(conn: &Connection, warehouse: &str, variant_id: i64) -> rusqlite::Result<(i64, i64)> {
    let found = conn
        .prepare_cached(
            "SELECT returning_qty, quarantine FROM stock_levels WHERE warehouse = ?1 AND variant_id = ?2",
        )?
        .query_row(params![warehouse, variant_id], |r| Ok((r.get(0)?, r.get(1)?)));
    match found {
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok((0, 0)),
        other => other,
    }
}
