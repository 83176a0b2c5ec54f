//! Stock levels and the append-only ledger (SPEC §2).
//!
//! [`apply`] is the only function that changes `stock_levels`, and it always writes the
//! ledger row in the same statement group, so levels equal the ledger's sums by
//! construction; [`verify`] proves it and [`rebuild`] restores it. Reads for the
//! `stock show|history` commands live in `query`, the ledger checks in `audit`,
//! the bulk reads and writes of `stock sync` and `stock push` in `snapshot` and `push`.

mod audit;
pub mod counted;
pub mod push;
mod query;
pub mod returns;
pub mod snapshot;

pub use audit::{Mismatch, level_count, rebuild, verify};
pub use query::{
    HistoryFilter, LedgerRow, LevelRow, history, levels, sku_like, stocked_warehouses,
};

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
/// A movement that changes nothing writes nothing.
pub fn apply(conn: &Connection, m: &Movement) -> rusqlite::Result<()> {
    write(
        conn,
        &FLOW_OF_GOODS,
        m.warehouse,
        m.variant_id,
        [m.on_hand, m.allocated, m.incoming],
        m.reason,
        &m.reference,
    )
}

/// The statements that move three quantities of one level and log the change in the
/// ledger: each writer has its own (constant, so SQLite prepares them once).
pub(crate) struct LevelColumns {
    update: &'static str,
    insert: &'static str,
    ledger: &'static str,
}

/// on_hand, allocated, incoming: orders, receipts, adjustments.
const FLOW_OF_GOODS: LevelColumns = LevelColumns {
    update: "UPDATE stock_levels SET
                on_hand = on_hand + ?3,
                allocated = allocated + ?4,
                incoming = incoming + ?5,
                updated_at = ?6
             WHERE warehouse = ?1 AND variant_id = ?2",
    insert:
        "INSERT INTO stock_levels (warehouse, variant_id, on_hand, allocated, incoming, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    ledger:
        "INSERT INTO stock_ledger (at, warehouse, variant_id, d_on_hand, d_allocated, d_incoming,
                                   reason, ref_kind, ref_id, run_id, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
};

/// Writes one level change and its ledger row; three zeros write nothing.
pub(crate) fn write(
    conn: &Connection,
    columns: &LevelColumns,
    warehouse: &str,
    variant_id: i64,
    deltas: [i64; 3],
    reason: StockReason,
    reference: &Reference,
) -> rusqlite::Result<()> {
    if deltas == [0, 0, 0] {
        return Ok(());
    }
    let at = now();
    let [a, b, c] = deltas;
    let args = params![warehouse, variant_id, a, b, c, at];
    // Not an UPSERT: SQLite checks the CHECK constraint on the row an INSERT proposes
    // before it finds the conflict, so `INSERT … ON CONFLICT DO UPDATE` with a negative
    // allocated delta would fail even when the existing row has enough to release.
    // No RETURNING either: it makes SQLite buffer every changed row, and this runs for
    // every line of every order processed.
    let updated = conn.prepare_cached(columns.update)?.execute(args)?;
    if updated == 0 {
        conn.prepare_cached(columns.insert)?.execute(args)?;
    }
    conn.prepare_cached(columns.ledger)?.execute(params![
        at,
        warehouse,
        variant_id,
        a,
        b,
        c,
        reason.as_str(),
        reference.kind,
        reference.id,
        reference.run_id,
        reference.note,
    ])?;
    Ok(())
}

/// Changes the units held on a stock source (a physical or virtual warehouse code) by
/// `delta`: ledger row (`d_held`) and level together, like [`apply`], in the caller's
/// transaction. The only writer of `held`.
pub fn hold(
    conn: &Connection,
    source: &str,
    variant_id: i64,
    delta: i64,
    reason: StockReason,
    reference: Reference,
) -> rusqlite::Result<()> {
    if delta == 0 {
        return Ok(());
    }
    let at = now();
    let updated = conn
        .prepare_cached(
            "UPDATE stock_levels SET held = held + ?3, updated_at = ?4
             WHERE warehouse = ?1 AND variant_id = ?2",
        )?
        .execute(params![source, variant_id, delta, at])?;
    if updated == 0 {
        conn.prepare_cached(
            "INSERT INTO stock_levels (warehouse, variant_id, held, updated_at)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![source, variant_id, delta, at])?;
    }
    conn.prepare_cached(
        "INSERT INTO stock_ledger (at, warehouse, variant_id, d_held, reason, ref_kind, ref_id,
                                   run_id, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        at,
        source,
        variant_id,
        delta,
        reason.as_str(),
        reference.kind,
        reference.id,
        reference.run_id,
        reference.note,
    ])?;
    Ok(())
}

/// What an order's hold rows still hold, per (source, variant): the sums of its `d_held`
/// ledger rows, so a release gives back exactly what was taken, whatever the config or
/// the order's lines say now.
pub fn held_by_order(
    conn: &Connection,
    order_id: i64,
) -> rusqlite::Result<Vec<(String, i64, i64)>> {
    conn.prepare_cached(
        "SELECT warehouse, variant_id, SUM(d_held) FROM stock_ledger
         WHERE d_held != 0 AND ref_id = ?1 AND ref_kind = 'order'
         GROUP BY warehouse, variant_id HAVING SUM(d_held) != 0
         ORDER BY warehouse, variant_id",
    )?
    .query_map(params![order_id.to_string()], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?
    .collect()
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
    apply(conn, &m)?;
    let after = Level {
        on_hand: target,
        ..current
    };
    Ok((after, delta))
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
