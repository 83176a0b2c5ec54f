//! Records that could not be applied (SPEC §4.1: "recorded as a rejection with channel,
//! external id and every reason"). One open row per (flow, channel, external id): seeing
//! the same bad record again updates it instead of piling up duplicates, and a later
//! success resolves it. The payload is kept so the record can be retried once fixed.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::now;

pub struct NewRejection<'a> {
    pub flow: &'a str,
    pub channel: &'a str,
    pub external_id: &'a str,
    pub source: Option<&'a str>,
    pub reasons: &'a [String],
    pub payload: Option<&'a str>,
    pub run_id: Option<i64>,
}

pub fn record(conn: &Connection, r: &NewRejection) -> rusqlite::Result<()> {
    let reasons = serde_json::to_string(r.reasons).unwrap_or_else(|_| "[]".into());
    let at = now();
    conn.prepare_cached(
        "INSERT INTO rejections (flow, channel, external_id, source, reasons, payload, first_seen, last_seen, run_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)
         ON CONFLICT (flow, channel, external_id) DO UPDATE SET
            source = excluded.source, reasons = excluded.reasons, payload = excluded.payload,
            last_seen = excluded.last_seen, run_id = excluded.run_id,
            attempts = CASE WHEN rejections.resolved_at IS NULL OR rejections.dismissed_at IS NOT NULL
                THEN rejections.attempts + 1 ELSE 1 END,
            first_seen = CASE WHEN rejections.resolved_at IS NULL OR rejections.dismissed_at IS NOT NULL
                THEN rejections.first_seen ELSE excluded.first_seen END,
            -- A dismissed record seen again stays dismissed: a person decided it can never apply.
            resolved_at = CASE WHEN rejections.dismissed_at IS NULL THEN NULL ELSE rejections.resolved_at END",
    )?
    .execute(params![r.flow, r.channel, r.external_id, r.source, reasons, r.payload, at, r.run_id])?;
    Ok(())
}

/// Marks an open rejection resolved (the record was applied after all). Returns whether one was open.
/// Resolves the open rejections whose ids start with `prefix`: earlier states of one
/// running-total record, superseded once a later state applied.
pub fn resolve_under(
    conn: &Connection,
    flow: &str,
    channel: &str,
    prefix: &str,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "UPDATE rejections SET resolved_at = ?4
         WHERE flow = ?1 AND channel = ?2 AND substr(external_id, 1, length(?3)) = ?3
           AND resolved_at IS NULL",
    )?
    .execute(params![flow, channel, prefix, now()])
}

pub fn resolve(
    conn: &Connection,
    flow: &str,
    channel: &str,
    external_id: &str,
) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE rejections SET resolved_at = ?4
             WHERE flow = ?1 AND channel = ?2 AND external_id = ?3 AND resolved_at IS NULL",
        )?
        .execute(params![flow, channel, external_id, now()])?;
    Ok(n > 0)
}

/// Points the rejections recorded from source `from` (`path` or `path:line`) at `to`,
/// where acknowledging moved it (`inbox/done/…`), so a person looking finds the file.
/// `None` (nothing moved) changes nothing.
pub fn follow_move(conn: &Connection, from: &str, to: Option<&str>) -> rusqlite::Result<()> {
    let Some(to) = to.filter(|to| *to != from) else {
        return Ok(());
    };
    conn.prepare_cached(
        "UPDATE rejections
            SET source = ?2 || substr(source, length(?1) + 1),
                reasons = replace(reasons, ?1 || ':', ?2 || ':')
          WHERE substr(source, 1, length(?1)) = ?1
            AND (length(source) = length(?1) OR substr(source, length(?1) + 1, 1) = ':')",
    )?
    .execute(params![from, to])?;
    Ok(())
}

/// Closes the open rejections `ids` that a person decided can never be fixed, keeping them
/// as history with `reason`. Returns the ids that were open; the others are left alone.
pub fn dismiss(conn: &Connection, ids: &[i64], reason: &str) -> rusqlite::Result<Vec<i64>> {
    let at = now();
    let mut stmt = conn.prepare_cached(
        "UPDATE rejections SET resolved_at = ?2, dismissed_at = ?2, dismissed_reason = ?3
         WHERE id = ?1 AND resolved_at IS NULL",
    )?;
    let mut done = Vec::new();
    for id in ids {
        if stmt.execute(params![id, at, reason])? > 0 {
            done.push(*id);
        }
    }
    Ok(done)
}

/// The ids of the open rejections of `flow` (and `channel`, if given), for `dismiss --all`.
pub fn open_ids(
    conn: &Connection,
    flow: &str,
    channel: Option<&str>,
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM rejections
         WHERE flow = ?1 AND (?2 IS NULL OR channel = ?2) AND resolved_at IS NULL ORDER BY id",
    )?;
    stmt.query_map(params![flow, channel], |r| r.get(0))?
        .collect()
}

/// What `ids` are, for naming the ones `dismiss` could not close: (id, resolved_at).
pub fn states(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<(i64, Option<String>)>> {
    let mut stmt = conn.prepare_cached("SELECT resolved_at FROM rejections WHERE id = ?1")?;
    let mut out = Vec::new();
    for id in ids {
        let state: Option<Option<String>> = stmt
            .query_row(params![id], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        if let Some(s) = state {
            out.push((*id, s));
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct RejectionRow {
    pub id: i64,
    pub flow: String,
    pub channel: String,
    pub external_id: String,
    pub source: Option<String>,
    pub reasons: Vec<String>,
    pub first_seen: String,
    pub last_seen: String,
    pub attempts: i64,
    pub resolved_at: Option<String>,
    /// Set when a person closed it with `oms rejects dismiss`, with their reason.
    pub dismissed_at: Option<String>,
    pub dismissed_reason: Option<String>,
}

pub struct Filter<'a> {
    pub flow: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub include_resolved: bool,
}

pub fn list(conn: &Connection, f: &Filter) -> rusqlite::Result<Vec<RejectionRow>> {
    // Open ones are read through the partial index `rejections_open`, which SQLite only
    // uses when `resolved_at IS NULL` is in the text, not behind a parameter.
    let open = if f.include_resolved {
        ""
    } else {
        "AND resolved_at IS NULL"
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT id, flow, channel, external_id, source, reasons, first_seen, last_seen, attempts, resolved_at,
                dismissed_at, dismissed_reason
         FROM rejections
         WHERE (?1 IS NULL OR flow = ?1) AND (?2 IS NULL OR channel = ?2) {open}
         ORDER BY id"
    ))?;
    stmt.query_map(params![f.flow, f.channel], |r| {
        let reasons: String = r.get(5)?;
        Ok(RejectionRow {
            id: r.get(0)?,
            flow: r.get(1)?,
            channel: r.get(2)?,
            external_id: r.get(3)?,
            source: r.get(4)?,
            reasons: serde_json::from_str(&reasons).unwrap_or_else(|_| vec![reasons]),
            first_seen: r.get(6)?,
            last_seen: r.get(7)?,
            attempts: r.get(8)?,
            resolved_at: r.get(9)?,
            dismissed_at: r.get(10)?,
            dismissed_reason: r.get(11)?,
        })
    })?
    .collect()
}

/// Open rejections of a flow and channel with their payloads, for a retry pass.
pub fn open_payloads(
    conn: &Connection,
    flow: &str,
    channel: &str,
) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT external_id, payload FROM rejections
         WHERE flow = ?1 AND channel = ?2 AND resolved_at IS NULL AND payload IS NOT NULL ORDER BY id",
    )?;
    stmt.query_map(params![flow, channel], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Watermarks: how far a flow has read a channel (SPEC §4.1: moved only when a run succeeds).
pub mod watermark {
    use rusqlite::{Connection, params};

    use crate::model::now;
    use crate::store::OptionalRow;

    pub fn get(conn: &Connection, channel: &str, flow: &str) -> rusqlite::Result<Option<String>> {
        conn.query_row(
            "SELECT value FROM watermarks WHERE channel = ?1 AND flow = ?2",
            params![channel, flow],
            |r| r.get(0),
        )
        .optional()
    }

    pub fn set(conn: &Connection, channel: &str, flow: &str, value: &str) -> rusqlite::Result<()> {
        conn.execute(
            "INSERT INTO watermarks (channel, flow, value, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (channel, flow) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![channel, flow, value, now()],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, crate::store::Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = crate::store::Store::open(&dir.path().join("t.db")).unwrap();
        (dir, s)
    }

    #[test]
    fn same_record_twice_is_one_row_and_resolves() {
        let (_d, s) = store();
        let reasons = vec!["unknown SKU `X`".to_string()];
        let r = NewRejection {
            flow: "orders import",
            channel: "web",
            external_id: "1001",
            source: Some("a.csv:2"),
            reasons: &reasons,
            payload: Some("{}"),
            run_id: None,
        };
        record(&s.conn, &r).unwrap();
        record(&s.conn, &r).unwrap();
        let f = Filter {
            flow: None,
            channel: None,
            include_resolved: false,
        };
        let open = list(&s.conn, &f).unwrap();
        assert_eq!((open.len(), open[0].attempts), (1, 2));
        assert_eq!(open[0].reasons, reasons);
        assert_eq!(
            open_payloads(&s.conn, "orders import", "web")
                .unwrap()
                .len(),
            1
        );
        assert!(resolve(&s.conn, "orders import", "web", "1001").unwrap());
        assert!(!resolve(&s.conn, "orders import", "web", "1001").unwrap());
        assert!(list(&s.conn, &f).unwrap().is_empty());
        // Rejected again after being resolved: open again, attempts start over.
        record(&s.conn, &r).unwrap();
        assert_eq!(list(&s.conn, &f).unwrap()[0].attempts, 1);
    }

    #[test]
    fn watermarks_round_trip() {
        let (_d, s) = store();
        assert_eq!(
            watermark::get(&s.conn, "web", "orders import").unwrap(),
            None
        );
        watermark::set(&s.conn, "web", "orders import", "2026-01-01T00:00:00Z").unwrap();
        watermark::set(&s.conn, "web", "orders import", "2026-01-02T00:00:00Z").unwrap();
        assert_eq!(
            watermark::get(&s.conn, "web", "orders import")
                .unwrap()
                .as_deref(),
            Some("2026-01-02T00:00:00Z")
        );
    }
}
