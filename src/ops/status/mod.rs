//! `oms status` (SPEC §4.5): the operator's morning view, read straight from the database.
//! `attention` lists what needs a person; `--check` turns a non-empty list into exit 1.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::config::Config;
use crate::store::runs;

mod attention;

use attention::attention;

/// The flows `oms run` runs, in its order; status reports the last run of each.
pub const FLOWS: &[&str] = &[
    "catalog sync",
    "orders import",
    "orders process",
    "shipments send",
    "shipments sync",
    "orders export",
    "po export",
    "receipts sync",
    "returns sync",
    "stock sync",
    "stock push",
];

/// Rows shown per list; the totals say how many there are in all.
const LIMIT: i64 = 20;

#[derive(Debug, Serialize, Default)]
pub struct Status {
    pub needs_attention: bool,
    pub attention: Vec<Attention>,
    pub orders: Vec<StatusCount>,
    pub backordered_total: i64,
    pub backordered: Vec<Backordered>,
    pub waiting_for: Vec<WaitingSku>,
    pub unconfirmed_total: i64,
    pub unconfirmed_shipments: Vec<Unconfirmed>,
    pub failing_shipments: Vec<Failing>,
    pub rejections: Vec<OpenRejections>,
    pub stock_alerts_total: i64,
    pub stock_alerts: Vec<StockAlert>,
    pub runs: Vec<LastRun>,
    /// Why runs cannot be journaled right now (the database cannot be written), if so.
    pub journal: Option<String>,
    /// Orders on hold that need a look: past their release time (no `orders process`
    /// since) or held without a time (only a person releases them).
    pub holds: Vec<HoldAlert>,
    /// Orders past their cancel_after that no warehouse has seen: without `auto_cancel`
    /// a person cancels them (or not); with it, the next `orders process` does.
    pub expired: Vec<crate::store::cancel_after::Expired>,
    /// RMAs open longer than `returns.stale_after_days` (docs/returns.md), oldest first.
    pub stale_returns: Vec<StaleReturn>,
    #[serde(skip)]
    pub auto_cancel: bool,
    /// Inbox files of `files` channels that no flow reads.
    pub unread_files: Vec<crate::ops::inbox_check::UnreadFile>,
    #[serde(skip)]
    pub stale_return_days: u64,
}

#[derive(Debug, Serialize, Default)]
pub struct StaleReturn {
    pub rma: String,
    pub order_id: i64,
    pub warehouse: String,
    pub created_at: String,
    pub days_open: i64,
}

#[derive(Debug, Serialize, Default)]
pub struct HoldAlert {
    pub order_id: i64,
    pub order: String,
    pub channel: String,
    /// past_due | no_time
    pub state: String,
    pub hold_until: Option<String>,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, Default, Clone)]
pub struct Attention {
    pub kind: String,
    pub detail: String,
}

#[derive(Debug, Serialize, Default)]
pub struct StatusCount {
    pub status: String,
    pub orders: i64,
}

#[derive(Debug, Serialize, Default)]
pub struct Backordered {
    pub order_id: i64,
    pub name: Option<String>,
    pub channel: String,
    pub waiting_hours: i64,
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, Default)]
pub struct WaitingSku {
    pub sku: String,
    pub orders: i64,
    pub units: i64,
}

#[derive(Debug, Serialize, Default)]
pub struct Unconfirmed {
    pub reference: String,
    pub order_id: i64,
    pub warehouse: String,
    pub sent_at: Option<String>,
    pub hours: i64,
}

#[derive(Debug, Serialize, Default)]
pub struct Failing {
    pub reference: String,
    pub order_id: i64,
    pub fulfillment_channel: String,
    pub attempts: i64,
    pub last_error: Option<String>,
}

#[derive(Debug, Serialize, Default)]
pub struct OpenRejections {
    pub flow: String,
    pub channel: String,
    pub open: i64,
    pub oldest: String,
}

#[derive(Debug, Serialize, Default)]
pub struct StockAlert {
    pub warehouse: String,
    pub sku: String,
    pub on_hand: i64,
    pub available: i64,
    pub alert: String,
}

#[derive(Debug, Serialize, Default)]
pub struct LastRun {
    pub flow: String,
    pub channel: Option<String>,
    pub outcome: String,
    pub started_at: String,
    pub age_hours: i64,
    pub last_success_hours: Option<i64>,
    pub stale: bool,
    pub error: Option<String>,
}

pub fn gather(config: &Config, conn: &Connection) -> anyhow::Result<Status> {
    let mut s = Status {
        orders: orders_by_status(conn)?,
        backordered_total: count(
            conn,
            "SELECT COUNT(*) FROM orders INDEXED BY orders_backordered
             WHERE backordered = 1 AND status NOT IN ('shipped','short_shipped','cancelled')",
        )?,
        backordered: backordered(conn)?,
        waiting_for: waiting_for(conn)?,
        ..Default::default()
    };
    let hours = config.status.unconfirmed_after_hours as i64;
    s.holds = hold_alerts(conn)?;
    s.expired = crate::store::cancel_after::expired(conn, &crate::model::now())?;
    s.expired.truncate(LIMIT as usize);
    s.auto_cancel = config.defaults.auto_cancel;
    s.stale_return_days = config.returns.stale_after_days;
    s.stale_returns = stale_returns(conn, config.returns.stale_after_days)?;
    s.unconfirmed_total = conn.query_row(
        "SELECT COUNT(*) FROM shipments WHERE status = 'sent_to_warehouse'
           AND (julianday('now') - julianday(sent_at)) * 24 > ?1",
        params![hours],
        |r| r.get(0),
    )?;
    s.unconfirmed_shipments = unconfirmed(conn, hours)?;
    s.failing_shipments = failing(conn)?;
    s.rejections = rejections(conn)?;
    let threshold = config.status.low_stock_threshold;
    s.stock_alerts_total = conn.query_row(
        "SELECT COUNT(*) FROM stock_levels
         WHERE (on_hand < 0 OR on_hand - allocated - held <= ?1)
           AND warehouse NOT IN (SELECT value FROM json_each(?2))",
        params![threshold, virtual_codes(config)],
        |r| r.get(0),
    )?;
    s.stock_alerts = stock_alerts(conn, threshold, &virtual_codes(config))?;
    s.runs = last_runs(conn, config.status.stale_after_hours as i64)?;
    s.journal = journal_problem(&config.database_path);
    s.unread_files = crate::ops::inbox_check::unread_files(config);
    s.attention = attention(&s, hours);
    s.needs_attention = !s.attention.is_empty();
    Ok(s)
}

fn stale_returns(conn: &Connection, days: u64) -> anyhow::Result<Vec<StaleReturn>> {
    let now = crate::model::clock::now_utc();
    let days = i64::try_from(days).unwrap_or(i64::MAX / 2).min(1_000_000);
    let cutoff =
        (now - chrono::Duration::days(days)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(crate::store::returns::open_before(conn, &cutoff)?
        .into_iter()
        .map(|h| StaleReturn {
            days_open: chrono::DateTime::parse_from_rfc3339(&h.created_at)
                .map_or(0, |t| (now - t.with_timezone(&chrono::Utc)).num_days()),
            rma: h.number,
            order_id: h.order_id,
            warehouse: h.warehouse,
            created_at: h.created_at,
        })
        .collect())
}

fn count(conn: &Connection, sql: &str) -> rusqlite::Result<i64> {
    conn.query_row(sql, [], |r| r.get(0))
}

fn orders_by_status(conn: &Connection) -> rusqlite::Result<Vec<StatusCount>> {
    // Counted by triggers in the transaction of each change (migration 0011): grouping
    // every order ever imported took seconds on a large history.
    let mut stmt = conn.prepare(
        "SELECT status, orders FROM order_status_counts WHERE orders > 0 ORDER BY status",
    )?;
    stmt.query_map([], |r| {
        Ok(StatusCount {
            status: r.get(0)?,
            orders: r.get(1)?,
        })
    })?
    .collect()
}

fn backordered(conn: &Connection) -> rusqlite::Result<Vec<Backordered>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, channel, CAST((julianday('now') - julianday(COALESCE(ordered_at, created_at))) * 24 AS INTEGER),
                backorder_reason
         FROM orders INDEXED BY orders_backordered
         WHERE backordered = 1 AND status NOT IN ('shipped','short_shipped','cancelled')
         ORDER BY COALESCE(ordered_at, created_at), id LIMIT ?1",
    )?;
    stmt.query_map(params![LIMIT], |r| {
        Ok(Backordered {
            order_id: r.get(0)?,
            name: r.get(1)?,
            channel: r.get(2)?,
            waiting_hours: r.get::<_, Option<i64>>(3)?.unwrap_or(0),
            reason: r.get(4)?,
        })
    })?
    .collect()
}

/// The SKUs backordered orders wait for: units ordered and not yet in any live shipment.
fn waiting_for(conn: &Connection) -> rusqlite::Result<Vec<WaitingSku>> {
    let mut stmt = conn.prepare(
        // Only the shipments of waiting orders are summed: summing every shipment line
        // ever written made status grow with the history. CROSS JOIN fixes the order:
        // starting from the variants would read every line ever ordered of each SKU, and
        // the bundled SQLite (3.54) starts `covered` from every shipment line unless told
        // (0.9 s at 1M orders).
        "WITH waiting AS MATERIALIZED (
            SELECT id FROM orders INDEXED BY orders_backordered
            WHERE backordered = 1 AND status NOT IN ('shipped','short_shipped','cancelled')
         ),
         covered AS MATERIALIZED (
            SELECT sl.order_line_id, SUM(sl.quantity) AS units
            FROM waiting w CROSS JOIN shipments s ON s.order_id = w.id
            CROSS JOIN shipment_lines sl ON sl.shipment_id = s.id
            WHERE s.status != 'cancelled' GROUP BY sl.order_line_id
         )
         SELECT v.sku, COUNT(DISTINCT l.order_id),
                CAST(TOTAL(l.quantity - COALESCE(c.units, 0)) AS INTEGER)
         FROM waiting w CROSS JOIN order_lines l ON l.order_id = w.id
         CROSS JOIN variants v ON v.id = l.variant_id
         LEFT JOIN covered c ON c.order_line_id = l.id
         WHERE l.quantity > COALESCE(c.units, 0)
           -- A bundle line waits through its components, which are counted.
           AND NOT EXISTS (SELECT 1 FROM order_lines k WHERE k.bundle_line_id = l.id)
         GROUP BY v.id ORDER BY 3 DESC, v.sku_key LIMIT ?1",
    )?;
    stmt.query_map(params![LIMIT], |r| {
        Ok(WaitingSku {
            sku: r.get(0)?,
            orders: r.get(1)?,
            units: r.get(2)?,
        })
    })?
    .collect()
}

fn unconfirmed(conn: &Connection, hours: i64) -> rusqlite::Result<Vec<Unconfirmed>> {
    let mut stmt = conn.prepare(
        "SELECT reference, order_id, warehouse, sent_at, CAST((julianday('now') - julianday(sent_at)) * 24 AS INTEGER)
         FROM shipments WHERE status = 'sent_to_warehouse' AND (julianday('now') - julianday(sent_at)) * 24 > ?1
         ORDER BY sent_at LIMIT ?2",
    )?;
    stmt.query_map(params![hours, LIMIT], |r| {
        Ok(Unconfirmed {
            reference: r.get(0)?,
            order_id: r.get(1)?,
            warehouse: r.get(2)?,
            sent_at: r.get(3)?,
            hours: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
        })
    })?
    .collect()
}

/// Shipments that could not be sent: still waiting, with the last error the channel gave.
fn failing(conn: &Connection) -> rusqlite::Result<Vec<Failing>> {
    let mut stmt = conn.prepare(
        "SELECT reference, order_id, fulfillment_channel, send_attempts, last_error FROM shipments
         WHERE status = 'ready_to_send' AND last_error IS NOT NULL ORDER BY id LIMIT ?1",
    )?;
    stmt.query_map(params![LIMIT], |r| {
        Ok(Failing {
            reference: r.get(0)?,
            order_id: r.get(1)?,
            fulfillment_channel: r.get(2)?,
            attempts: r.get(3)?,
            last_error: r.get(4)?,
        })
    })?
    .collect()
}

fn rejections(conn: &Connection) -> rusqlite::Result<Vec<OpenRejections>> {
    let mut stmt = conn.prepare(
        "SELECT flow, channel, COUNT(*), MIN(first_seen) FROM rejections WHERE resolved_at IS NULL
         GROUP BY flow, channel ORDER BY flow, channel",
    )?;
    stmt.query_map([], |r| {
        Ok(OpenRejections {
            flow: r.get(0)?,
            channel: r.get(1)?,
            open: r.get(2)?,
            oldest: r.get(3)?,
        })
    })?
    .collect()
}

/// Virtual warehouse codes: their own level rows carry only held units, no stock to alert on.
fn virtual_codes(config: &Config) -> String {
    let codes: Vec<&String> = config.virtual_warehouses.keys().collect();
    serde_json::to_string(&codes).unwrap_or_else(|_| "[]".into())
}

fn hold_alerts(conn: &Connection) -> rusqlite::Result<Vec<HoldAlert>> {
    let at = crate::model::now();
    Ok(crate::store::holds::all(conn)?
        .into_iter()
        .filter_map(|h| {
            let state = match &h.hold_until {
                None => "no_time",
                Some(t) if t.as_str() <= at.as_str() => "past_due",
                Some(_) => return None,
            };
            Some(HoldAlert {
                order_id: h.id,
                order: h.order,
                channel: h.channel,
                state: state.into(),
                hold_until: h.hold_until,
                reason: h.reason,
            })
        })
        .take(LIMIT as usize)
        .collect())
}

fn stock_alerts(
    conn: &Connection,
    threshold: i64,
    virtual_codes: &str,
) -> rusqlite::Result<Vec<StockAlert>> {
    let mut stmt = conn.prepare(
        "SELECT l.warehouse, v.sku, l.on_hand, l.on_hand - l.allocated - l.held
         FROM stock_levels l JOIN variants v ON v.id = l.variant_id
         WHERE (l.on_hand < 0 OR l.on_hand - l.allocated - l.held <= ?1)
           AND l.warehouse NOT IN (SELECT value FROM json_each(?3))
         ORDER BY (l.on_hand < 0 OR l.on_hand - l.allocated - l.held < 0) DESC,
                  l.on_hand - l.allocated - l.held, v.sku_key
         LIMIT ?2",
    )?;
    stmt.query_map(params![threshold, LIMIT, virtual_codes], |r| {
        let on_hand: i64 = r.get(2)?;
        let available: i64 = r.get(3)?;
        let alert = if on_hand < 0 || available < 0 {
            "negative"
        } else {
            "low"
        };
        Ok(StockAlert {
            warehouse: r.get(0)?,
            sku: r.get(1)?,
            on_hand,
            available,
            alert: alert.into(),
        })
    })?
    .collect()
}

/// The last run of every (flow, channel) that has run, with the age of its last success.
/// Each pair costs a few index seeks (`runs_flow_channel`, `runs_success`): grouping every
/// run ever journalled made status grow with the history.
fn last_runs(conn: &Connection, stale_hours: i64) -> rusqlite::Result<Vec<LastRun>> {
    let mut last = conn.prepare(
        "SELECT r.flow, r.channel, r.outcome, r.started_at,
                CAST((julianday('now') - julianday(r.started_at)) * 24 AS INTEGER),
                (SELECT CAST((julianday('now') - julianday(MAX(at))) * 24 AS INTEGER) FROM (
                    SELECT MAX(started_at) AS at FROM runs
                    WHERE flow = ?1 AND channel IS ?2 AND outcome = 'ok' AND dry_run = 0
                    UNION ALL
                    SELECT MAX(started_at) FROM runs
                    WHERE flow = ?1 AND channel IS ?2 AND outcome = 'rejected' AND dry_run = 0)),
                r.error, r.pid
         FROM runs r WHERE r.flow = ?1 AND r.channel IS ?2 AND r.dry_run = 0
         ORDER BY r.id DESC LIMIT 1",
    )?;
    let mut rows = Vec::new();
    for (flow, channel) in run_keys(conn)? {
        let found = last
            .query_map(params![flow, channel], |r| {
                let last_success: Option<i64> = r.get(5)?;
                let mut outcome: String = r.get(2)?;
                let mut error: Option<String> = r.get(6)?;
                // Status only reads; a run whose process is gone is marked in the journal by
                // the next run, and shown as what it is meanwhile.
                if outcome == "running" && runs::is_orphan(r.get(7)?) {
                    outcome = "interrupted".into();
                    error = Some(runs::INTERRUPTED.into());
                }
                Ok(LastRun {
                    flow: r.get(0)?,
                    channel: r.get(1)?,
                    outcome,
                    started_at: r.get(3)?,
                    age_hours: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                    last_success_hours: last_success,
                    stale: last_success.is_none_or(|h| h > stale_hours),
                    error,
                })
            })?
            .next()
            .transpose()?;
        rows.extend(found);
    }
    let order = |flow: &str| FLOWS.iter().position(|f| *f == flow).unwrap_or(FLOWS.len());
    rows.sort_by(|a, b| {
        order(&a.flow)
            .cmp(&order(&b.flow))
            .then(a.channel.cmp(&b.channel))
    });
    Ok(rows)
}

/// The distinct (flow, channel) pairs of the journal, one index seek each (a skip scan
/// SQLite does not do by itself). A NULL channel sorts first within its flow.
fn run_keys(conn: &Connection) -> rusqlite::Result<Vec<(String, Option<String>)>> {
    let mut first_of_flow = conn.prepare(
        "SELECT flow, channel FROM runs INDEXED BY runs_flow_channel
         WHERE flow > ?1 ORDER BY flow, channel LIMIT 1",
    )?;
    let mut after_null = conn.prepare(
        "SELECT channel FROM runs INDEXED BY runs_flow_channel
         WHERE flow = ?1 AND channel IS NOT NULL ORDER BY channel LIMIT 1",
    )?;
    let mut after = conn.prepare(
        "SELECT channel FROM runs INDEXED BY runs_flow_channel
         WHERE flow = ?1 AND channel > ?2 ORDER BY channel LIMIT 1",
    )?;
    let mut keys: Vec<(String, Option<String>)> = Vec::new();
    let mut next: Option<(String, Option<String>)> = first_of_flow
        .query_row([""], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    while let Some((flow, channel)) = next {
        let same_flow: Option<String> = match &channel {
            None => after_null.query_row([&flow], |r| r.get(0)).optional()?,
            Some(c) => after.query_row(params![flow, c], |r| r.get(0)).optional()?,
        };
        next = match same_flow {
            Some(c) => Some((flow.clone(), Some(c))),
            None => first_of_flow
                .query_row([&flow], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
        };
        keys.push((flow, channel));
    }
    Ok(keys)
}

/// A run that cannot write the database cannot journal that it failed either, so status
/// (which only reads) checks for itself that a run could write: the database file, its
/// WAL companions, and the folder SQLite creates them in must all be writable.
pub fn journal_problem(db: &Path) -> Option<String> {
    let why = |what: &Path, e: std::io::Error| {
        Some(format!(
            "{} cannot be written ({e}): every run fails and none can be journaled",
            what.display()
        ))
    };
    if !db.exists() {
        return None;
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let path = PathBuf::from(name);
        if (suffix.is_empty() || path.exists())
            && let Err(e) = OpenOptions::new().write(true).open(&path)
        {
            return why(&path, e);
        }
    }
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut probe = db.as_os_str().to_owned();
    probe.push(format!(".probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) => why(dir, e),
    }
}
