//! When a stock snapshot last counted a (warehouse, variant) (table `stock_counted`): the
//! rule that keeps snapshots and receipts from counting the same units twice
//! (docs/stock.md, "Snapshots, receipts and shipments").

use rusqlite::{Connection, OptionalExtension, params};

/// Records that a snapshot taken at `at` counted the variant in the warehouse; an older
/// snapshot applied later never moves the mark back.
pub fn mark(conn: &Connection, warehouse: &str, variant_id: i64, at: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO stock_counted (warehouse, variant_id, counted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (warehouse, variant_id)
         DO UPDATE SET counted_at = excluded.counted_at WHERE counted_at < excluded.counted_at",
    )?
    .execute(params![warehouse, variant_id, at])?;
    Ok(())
}

/// When the variant was last counted in the warehouse, if ever.
pub fn at(conn: &Connection, warehouse: &str, variant_id: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT counted_at FROM stock_counted WHERE warehouse = ?1 AND variant_id = ?2",
    )?
    .query_row(params![warehouse, variant_id], |r| r.get(0))
    .optional()
}

/// Whether units that moved at `moved_at` are already in the last snapshot's count.
/// Both are UTC RFC 3339 (`…Z`), so text order is time order; an unknown time is
/// taken as "after": oms cannot prove the snapshot saw it.
pub fn already_counted(counted_at: Option<&str>, moved_at: Option<&str>) -> bool {
    match (counted_at, moved_at) {
        (Some(c), Some(m)) => m <= c,
        _ => false,
    }
}
