//! Orders on hold: the release time and reason beside the order (SPEC §3 `on_hold`).
//! The held units themselves are stock (store::stock::hold); this is only the schedule.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::now;

/// Records when (NULL: only by hand) and why order `id` is released.
pub fn set(
    conn: &Connection,
    id: i64,
    until: Option<&str>,
    reason: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE orders SET hold_until = ?2, hold_reason = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, until, reason, now()])?;
    Ok(())
}

pub fn clear(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    set(conn, id, None, None)
}

/// Orders on hold whose release time is at or before `at` (stored form), oldest hold first.
pub fn due(conn: &Connection, at: &str) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached(
        "SELECT id FROM orders
         WHERE status = 'on_hold' AND hold_until IS NOT NULL AND hold_until <= ?1
         ORDER BY hold_until, id",
    )?
    .query_map(params![at], |r| r.get(0))?
    .collect()
}

/// One order on hold, for `oms status`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Held {
    pub id: i64,
    pub channel: String,
    pub order: String,
    /// None: held until a person releases it.
    pub hold_until: Option<String>,
    pub reason: Option<String>,
}

/// Every order on hold, those without a release time first, then by release time.
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Held>> {
    conn.prepare_cached(
        "SELECT id, channel, COALESCE(name, external_id), hold_until, hold_reason FROM orders
         WHERE status = 'on_hold'
         ORDER BY hold_until IS NOT NULL, hold_until, id",
    )?
    .query_map([], |r| {
        Ok(Held {
            id: r.get(0)?,
            channel: r.get(1)?,
            order: r.get(2)?,
            hold_until: r.get(3)?,
            reason: r.get(4)?,
        })
    })?
    .collect()
}
