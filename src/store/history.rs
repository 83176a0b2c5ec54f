//! Status changes with time and cause (SPEC §3): the story `oms orders show` tells.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::now;

pub fn record(
    conn: &Connection,
    entity: &str,
    entity_id: i64,
    from: Option<&str>,
    to: &str,
    cause: &str,
    note: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO status_history (entity, entity_id, from_status, to_status, at, cause, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![entity, entity_id, from, to, now(), cause, note])?;
    Ok(())
}

/// Moves row `id` of `table` from status `from` to `to` if it is still in `from`, and
/// records the change in the story under `entity`. The guard makes a concurrent change
/// lose cleanly instead of being overwritten; returns whether the row moved. `table` is
/// one of our own table names, never input.
pub(crate) fn transition(
    conn: &Connection,
    table: &'static str,
    entity: &str,
    id: i64,
    (from, to): (&str, &str),
    cause: &str,
    note: Option<&str>,
) -> rusqlite::Result<bool> {
    if from == to {
        return Ok(false);
    }
    let sql =
        format!("UPDATE {table} SET status = ?3, updated_at = ?4 WHERE id = ?1 AND status = ?2");
    let moved = conn
        .prepare_cached(&sql)?
        .execute(params![id, from, to, now()])?
        == 1;
    if moved {
        record(conn, entity, id, Some(from), to, cause, note)?;
    }
    Ok(moved)
}

#[derive(Debug, Serialize, Default, Clone)]
pub struct Change {
    pub at: String,
    pub from: Option<String>,
    pub to: String,
    pub cause: String,
    pub note: Option<String>,
}

pub fn of(conn: &Connection, entity: &str, entity_id: i64) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare(
        "SELECT at, from_status, to_status, cause, note FROM status_history
         WHERE entity = ?1 AND entity_id = ?2 ORDER BY id",
    )?;
    stmt.query_map(params![entity, entity_id], |r| {
        Ok(Change {
            at: r.get(0)?,
            from: r.get(1)?,
            to: r.get(2)?,
            cause: r.get(3)?,
            note: r.get(4)?,
        })
    })?
    .collect()
}
