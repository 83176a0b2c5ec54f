//! Typed SQL over one SQLite file. `store` knows SQL, not HTTP or config; `ops` combines
//! it with connectors. Every multi-row change runs in a transaction opened by the caller.

pub mod bundles;
pub mod cancel_after;
pub mod catalog;
pub mod channel_refs;
pub mod history;
pub mod holds;
pub mod lock;
pub mod order_lookup;
pub mod order_rules;
pub mod orders;
pub mod outbound;
pub mod processing;
pub mod purchases;
pub mod rejections;
pub mod returns;
pub mod runs;
pub mod shipment_lots;
pub mod shipment_parts;
pub mod shipments;
pub mod shop_returns;
pub mod stock;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context;
use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use lock::FlowLock;

/// Numbered migrations, applied in order on open; `PRAGMA user_version` is the number applied.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../../migrations/0001_init.sql")),
    (
        "0002_export_pending",
        include_str!("../../migrations/0002_export_pending.sql"),
    ),
    (
        "0003_cancel_requests",
        include_str!("../../migrations/0003_cancel_requests.sql"),
    ),
    (
        "0004_one_ledger_index",
        include_str!("../../migrations/0004_one_ledger_index.sql"),
    ),
    (
        "0005_backordered_index",
        include_str!("../../migrations/0005_backordered_index.sql"),
    ),
    (
        "0006_speed_at_scale",
        include_str!("../../migrations/0006_speed_at_scale.sql"),
    ),
    (
        "0007_outbound_batches",
        include_str!("../../migrations/0007_outbound_batches.sql"),
    ),
    (
        "0008_holds",
        include_str!("../../migrations/0008_holds.sql"),
    ),
    (
        "0009_stock_counted",
        include_str!("../../migrations/0009_stock_counted.sql"),
    ),
    (
        "0010_order_rules",
        include_str!("../../migrations/0010_order_rules.sql"),
    ),
    (
        "0011_partial_fulfilment",
        include_str!("../../migrations/0011_partial_fulfilment.sql"),
    ),
    (
        "0012_cancel_after",
        include_str!("../../migrations/0012_cancel_after.sql"),
    ),
    (
        "0013_order_totals",
        include_str!("../../migrations/0013_order_totals.sql"),
    ),
    (
        "0014_operator",
        include_str!("../../migrations/0014_operator.sql"),
    ),
    (
        "0015_returns",
        include_str!("../../migrations/0015_returns.sql"),
    ),
    (
        "0016_bundles",
        include_str!("../../migrations/0016_bundles.sql"),
    ),
    (
        "0017_status_counts_in_code",
        include_str!("../../migrations/0017_status_counts_in_code.sql"),
    ),
    (
        "0018_shop_returns",
        include_str!("../../migrations/0018_shop_returns.sql"),
    ),
    (
        "0019_lots_and_serials",
        include_str!("../../migrations/0019_lots_and_serials.sql"),
    ),
    (
        "0020_shipment_lots",
        include_str!("../../migrations/0020_shipment_lots.sql"),
    ),
];

pub struct Store {
    pub conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating with mode 0600 if needed) and migrates the database.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the database folder {}", dir.display()))?;
        }
        create_private(path)?;
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        // rusqlite keeps 16 prepared statements by default; an import or a processing run
        // uses more than that per order (lines, kits, story, rejections, counters), so the
        // least recent were parsed again for every order: 6% of an import's time.
        conn.set_prepared_statement_cache_capacity(128);
        let setup = || -> rusqlite::Result<()> {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            retry_while_busy(|| conn.pragma_update(None, "journal_mode", "WAL"))?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            // Bulk flows commit every few thousand records; checkpointing after each commit
            // (the default, at 1,000 pages) would copy the same hot pages again and again.
            conn.pragma_update(None, "wal_autocheckpoint", 10_000)
        };
        setup().with_context(|| {
            format!(
                "cannot open the database {0} (with {0}-wal and {0}-shm beside it)",
                path.display()
            )
        })?;
        if let Ok(mut opened) = OPENED.lock() {
            *opened = Some(path.to_path_buf());
        }
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store
            .migrate()
            .with_context(|| format!("cannot migrate the database {}", path.display()))?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A write transaction that takes SQLite's write lock at once, so two writers
    /// serialize at the start instead of failing half-way through.
    pub fn tx(&mut self) -> rusqlite::Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
    }

    /// Brings the schema up to date under SQLite's write lock, deciding what is pending
    /// only once the lock is held: any number of processes may open a new or old
    /// database at once, the first one migrates and the others find nothing to do.
    fn migrate(&mut self) -> anyhow::Result<()> {
        // Already current (every open but the first after an upgrade): no write lock.
        if check_version(&self.conn)? == MIGRATIONS.len() {
            return Ok(());
        }
        let tx = self.tx()?;
        let applied = check_version(&tx)?;
        for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(applied) {
            tx.execute_batch(sql)
                .with_context(|| format!("migration {name} failed"))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn schema_version(&self) -> rusqlite::Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
    }
}

const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Switching a new database to WAL needs an exclusive lock, and SQLite answers "database
/// is locked" at once instead of calling the busy handler when another connection is
/// doing the same; commands started together on a new database must wait, not fail.
fn retry_while_busy(mut step: impl FnMut() -> rusqlite::Result<()>) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match step() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// The database this process opened last, so that a SQLite error reaching `main` from
/// any flow can name the file (SQLite's own messages never do).
static OPENED: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Adds the database's path to an error that came from SQLite and does not name it yet:
/// "attempt to write a readonly database" alone does not tell the operator which file,
/// nor that its `-wal`/`-shm` files beside it count too. Other errors pass unchanged.
pub fn name_database(err: anyhow::Error, path: &Path) -> anyhow::Error {
    let Some(sqlite) = err
        .chain()
        .find_map(|c| c.downcast_ref::<rusqlite::Error>())
    else {
        return err;
    };
    let text = format!("{err:#}");
    if text.contains(&path.display().to_string()) {
        return err;
    }
    // In full: a relative `database` in the config is relative to where oms ran.
    let shown = std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    use rusqlite::ErrorCode as C;
    let what = match sqlite.sqlite_error_code() {
        Some(C::ReadOnly | C::DiskFull) => format!("cannot write the database {shown}"),
        Some(C::CannotOpen) => {
            format!("cannot open the database {shown} (or its -wal and -shm files beside it)")
        }
        Some(C::DatabaseBusy | C::DatabaseLocked) => format!("the database {shown} is busy"),
        Some(C::SystemIoFailure | C::PermissionDenied) => {
            format!("cannot read or write the database {shown}")
        }
        Some(C::DatabaseCorrupt | C::NotADatabase) => {
            format!("the database {shown} is damaged or not an oms database")
        }
        _ => format!("in the database {shown}"),
    };
    err.context(what)
}

/// [`name_database`] with the database this process opened, if it opened one.
pub fn name_opened_database(err: anyhow::Error) -> anyhow::Error {
    let opened = OPENED.lock().ok().and_then(|o| o.clone());
    match opened {
        Some(path) => name_database(err, &path),
        None => err,
    }
}

/// The schema version applied, refusing a database newer than this oms.
fn check_version(conn: &Connection) -> anyhow::Result<usize> {
    let applied = conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?;
    let applied = usize::try_from(applied).unwrap_or(usize::MAX);
    if applied > MIGRATIONS.len() {
        anyhow::bail!(
            "the database is at schema version {applied}, newer than this oms knows ({}); upgrade oms",
            MIGRATIONS.len()
        );
    }
    Ok(applied)
}

/// Creates the database file readable by its owner only (it holds customer addresses).
fn create_private(path: &Path) -> anyhow::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create the database {}", path.display())),
    }
}

/// Maps "no rows" to `None` for single-row lookups.
pub(crate) trait OptionalRow<T> {
    fn optional(self) -> rusqlite::Result<Option<T>>;
}

impl<T> OptionalRow<T> for rusqlite::Result<T> {
    fn optional(self) -> rusqlite::Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Reads an enum stored as text (statuses), failing the query on an unknown value.
pub(crate) fn parse_text<T: std::str::FromStr<Err = String>>(s: &str) -> rusqlite::Result<T> {
    s.parse::<T>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_applied() {
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
            .unwrap()
            .count();
        assert_eq!(
            files,
            MIGRATIONS.len(),
            "a file in migrations/ is missing from MIGRATIONS"
        );
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len() as i64);
        // Opening again applies nothing twice.
        drop(store);
        let again = Store::open(&dir.path().join("t.db")).unwrap();
        assert_eq!(again.schema_version().unwrap(), MIGRATIONS.len() as i64);
    }
}
