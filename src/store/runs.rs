//! The journal of runs (SPEC §4.5 `oms runs list`): one row per flow execution.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::now;

/// How a run ended; ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Ok,
    Rejected,
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Rejected => "rejected",
            Outcome::Failed => "failed",
        }
    }
}

/// Opens a run row. It is written outside the flow's own transaction so that a failed
/// flow still leaves its run (and error) in the journal.
pub fn start(
    conn: &Connection,
    flow: &str,
    channel: Option<&str>,
    dry_run: bool,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO runs (flow, channel, started_at, dry_run) VALUES (?1, ?2, ?3, ?4)",
        params![flow, channel, now(), dry_run],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn finish(
    conn: &Connection,
    run_id: i64,
    outcome: Outcome,
    counts: &serde_json::Value,
    error: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE runs SET finished_at = ?2, outcome = ?3, counts = ?4, error = ?5 WHERE id = ?1",
        params![run_id, now(), outcome.as_str(), counts.to_string(), error],
    )?;
    Ok(())
}

#[derive(Debug, Serialize, Default)]
pub struct RunRow {
    pub id: i64,
    pub flow: String,
    pub channel: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub outcome: String,
    pub dry_run: bool,
    pub counts: Option<serde_json::Value>,
    pub error: Option<String>,
}

pub fn list(conn: &Connection, flow: Option<&str>, limit: i64) -> rusqlite::Result<Vec<RunRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, flow, channel, started_at, finished_at, outcome, dry_run, counts, error
         FROM runs WHERE (?1 IS NULL OR flow = ?1) ORDER BY id DESC LIMIT ?2",
    )?;
    stmt.query_map(params![flow, limit], |r| {
        let counts: Option<String> = r.get(7)?;
        Ok(RunRow {
            id: r.get(0)?,
            flow: r.get(1)?,
            channel: r.get(2)?,
            started_at: r.get(3)?,
            finished_at: r.get(4)?,
            outcome: r.get(5)?,
            dry_run: r.get(6)?,
            counts: counts.and_then(|c| serde_json::from_str(&c).ok()),
            error: r.get(8)?,
        })
    })?
    .collect()
}
