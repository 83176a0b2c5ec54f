//! Transactions of an import: one per [`BATCH`] orders, so a huge file neither holds one
//! giant transaction (the WAL would grow by hundreds of MB) nor pays a commit per order.
//! A dry run keeps one transaction open to the end and rolls it back.

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Orders per transaction on a real run. Each commit writes every index page the batch
/// touched (names, external ids, e-mails and the line index land all over their trees), so
/// bigger batches write far less. A 1,000,000-order import (bench/run.sh's data, release
/// build) took 41.0 s at 10,000, 32.7 s at 50,000, 32.0 s at 100,000 and 31.4 s at
/// 250,000; 50,000 holds the write lock for about two seconds, well inside the 10 s other
/// writers wait (store::BUSY_TIMEOUT), and a crash redoes at most that many.
pub const BATCH: usize = 50_000;

/// Test-only: `OMS_TEST_IMPORT_BATCH=N` commits every N orders instead, so the crash tests
/// (tests/orders_import_crash.rs) can lose "the batch in flight" on a small file.
const BATCH_HOOK: &str = "OMS_TEST_IMPORT_BATCH";

/// Test-only crash hook for the reliability test (tests/orders_import.rs): with
/// `OMS_TEST_ABORT_AFTER_ORDERS=N` the process aborts right after the Nth order has been
/// written, inside its batch and before that batch's commit, as a power cut would.
const ABORT_HOOK: &str = "OMS_TEST_ABORT_AFTER_ORDERS";

pub struct Batch<'c> {
    conn: &'c Connection,
    tx: Option<Transaction<'c>>,
    dry_run: bool,
    in_batch: usize,
    batch_size: usize,
    written: u64,
    abort_after: Option<u64>,
}

impl<'c> Batch<'c> {
    pub fn begin(conn: &'c Connection, dry_run: bool) -> rusqlite::Result<Batch<'c>> {
        use crate::store::processing::{IMPORT_CACHE_KIB, widen_cache};
        widen_cache(conn, IMPORT_CACHE_KIB)?;
        Ok(Batch {
            conn,
            tx: Some(open(conn)?),
            dry_run,
            in_batch: 0,
            batch_size: std::env::var(BATCH_HOOK)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .filter(|&n| n > 0)
                .unwrap_or(BATCH),
            written: 0,
            abort_after: std::env::var(ABORT_HOOK)
                .ok()
                .and_then(|v| v.trim().parse().ok()),
        })
    }

    /// The connection, with this batch's transaction open on it.
    pub fn conn(&self) -> &'c Connection {
        self.conn
    }

    /// Counts one order handed to the database; commits when the batch is full.
    pub fn order_written(&mut self) -> rusqlite::Result<()> {
        self.written += 1;
        if self.abort_after == Some(self.written) {
            std::process::abort();
        }
        self.in_batch += 1;
        if !self.dry_run && self.in_batch >= self.batch_size {
            self.commit()?;
            self.tx = Some(open(self.conn)?);
        }
        Ok(())
    }

    /// Commits what is left (or rolls everything back on a dry run).
    pub fn finish(mut self) -> rusqlite::Result<()> {
        if self.dry_run {
            if let Some(tx) = self.tx.take() {
                tx.rollback()?;
            }
            Ok(())
        } else {
            self.commit()
        }
    }

    fn commit(&mut self) -> rusqlite::Result<()> {
        self.in_batch = 0;
        match self.tx.take() {
            Some(tx) => tx.commit(),
            None => Ok(()),
        }
    }
}

/// A write transaction taken at once (IMMEDIATE), like `Store::tx`; it is opened on a
/// shared reference so the connection stays usable by the code writing in it.
fn open(conn: &Connection) -> rusqlite::Result<Transaction<'_>> {
    Transaction::new_unchecked(conn, TransactionBehavior::Immediate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(c: &Connection) -> i64 {
        c.query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn commits_every_batch_and_rolls_back_dry_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let c = Connection::open(&path).unwrap();
        c.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER)")
            .unwrap();
        let mut b = Batch::begin(&c, false).unwrap();
        for i in 0..(BATCH as i64 + 5) {
            b.conn().execute("INSERT INTO t VALUES (?1)", [i]).unwrap();
            b.order_written().unwrap();
        }
        // Another connection sees the first batch only: the rest is not committed yet.
        let other = Connection::open(&path).unwrap();
        assert_eq!(count(&other), BATCH as i64);
        drop(b);
        assert_eq!(
            count(&c),
            BATCH as i64,
            "dropping rolls back the open batch"
        );

        let mut dry = Batch::begin(&c, true).unwrap();
        for i in 0..(BATCH as i64 + 5) {
            dry.conn()
                .execute("INSERT INTO t VALUES (?1)", [i])
                .unwrap();
            dry.order_written().unwrap();
        }
        dry.finish().unwrap();
        assert_eq!(count(&c), BATCH as i64);
    }
}
