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

/// What an interrupted run's error says.
pub const INTERRUPTED: &str = "the process ended before the run finished (killed, crashed or lost power); found by the next run";

/// Opens a run row. It is written outside the flow's own transaction so that a failed
/// flow still leaves its run (and error) in the journal.
///
/// Runs are started under the flow lock, so a run still `running` that another process
/// opened belongs to a process that is gone: it is marked `interrupted` here, at the
/// next start, instead of staying `running` forever.
pub fn start(
    conn: &Connection,
    flow: &str,
    channel: Option<&str>,
    dry_run: bool,
) -> rusqlite::Result<i64> {
    mark_interrupted(conn)?;
    conn.execute(
        "INSERT INTO runs (flow, channel, started_at, dry_run, pid) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![flow, channel, now(), dry_run, std::process::id()],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Marks every run left `running` by another process as `interrupted`; returns how many.
/// A process that is still alive (seen in /proc, where there is one) is left alone, so a
/// run started without the lock by mistake is never called dead while it works.
pub fn mark_interrupted(conn: &Connection) -> rusqlite::Result<usize> {
    let me = std::process::id();
    let open: Vec<(i64, Option<u32>)> = conn
        .prepare_cached(
            "SELECT id, pid FROM runs WHERE outcome = 'running' AND (pid IS NULL OR pid <> ?1)",
        )?
        .query_map(params![me], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut marked = 0;
    for (id, pid) in open {
        if pid.is_some_and(alive) {
            continue;
        }
        // Without /proc nothing is known alive, and the flow lock held by the caller is
        // the proof that the other process is gone.
        marked += conn.execute(
            "UPDATE runs SET outcome = 'interrupted', finished_at = ?2, error = ?3
             WHERE id = ?1 AND outcome = 'running'",
            params![id, now(), INTERRUPTED],
        )?;
    }
    Ok(marked)
}

/// Whether a `running` row opened by process `pid` has no process behind it any more.
pub fn is_orphan(pid: Option<u32>) -> bool {
    match pid {
        Some(pid) => pid != std::process::id() && !alive(pid),
        // Opened before runs recorded their process: only the next run can tell.
        None => false,
    }
}

fn alive(pid: u32) -> bool {
    let proc = std::path::Path::new("/proc");
    proc.join("self").exists() && proc.join(pid.to_string()).exists()
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
        "SELECT id, flow, channel, started_at, finished_at, outcome, dry_run, counts, error, pid
         FROM runs WHERE (?1 IS NULL OR flow = ?1) ORDER BY id DESC LIMIT ?2",
    )?;
    stmt.query_map(params![flow, limit], |r| {
        let counts: Option<String> = r.get(7)?;
        // Shown as what it is before the next run marks it in the journal.
        let orphan = r.get::<_, String>(5)? == "running" && is_orphan(r.get(9)?);
        Ok(RunRow {
            id: r.get(0)?,
            flow: r.get(1)?,
            channel: r.get(2)?,
            started_at: r.get(3)?,
            finished_at: r.get(4)?,
            outcome: match orphan {
                true => "interrupted".into(),
                false => r.get(5)?,
            },
            dry_run: r.get(6)?,
            counts: counts.and_then(|c| serde_json::from_str(&c).ok()),
            error: match orphan {
                true => Some(INTERRUPTED.into()),
                false => r.get(8)?,
            },
        })
    })?
    .collect()
}
