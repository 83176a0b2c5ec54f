//! `oms stock verify`: proves every stored level equals the sum of its ledger rows.

use rusqlite::Connection;

use crate::store::stock::{self, Mismatch};

pub struct VerifyReport {
    /// How many levels are stored (all of them were compared).
    pub levels: i64,
    pub mismatches: Vec<Mismatch>,
}

pub fn verify(conn: &Connection) -> anyhow::Result<VerifyReport> {
    // One read transaction, so the count and the comparison see the same database.
    let tx = conn.unchecked_transaction()?;
    let report = VerifyReport {
        levels: stock::level_count(&tx)?,
        mismatches: stock::verify(&tx)?,
    };
    tx.finish()?;
    Ok(report)
}
