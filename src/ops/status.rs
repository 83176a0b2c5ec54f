//! `oms status` (SPEC §4.5): the operator's morning view, read straight from the database.
//! `attention` lists what needs a person; `--check` turns a non-empty list into exit 1.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::config::Config;

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
    /// Orders on hold that need a look: past their release time (no `orders process`
    /// since) or held without a time (only a person releases them).
    pub holds: Vec<HoldAlert>,
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
            "SELECT COUNT(*) FROM orders WHERE backordered = 1 AND status NOT IN ('shipped','short_shipped','cancelled')",
        )?,
        backordered: backordered(conn)?,
        waiting_for: waiting_for(conn)?,
        ..Default::default()
    };
    let hours = config.status.unconfirmed_after_hours as i64;
    s.holds = hold_alerts(conn)?;
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
    s.attention = attention(&s, hours);
    s.needs_attention = !s.attention.is_empty();
    Ok(s)
}

fn count(conn: &Connection, sql: &str) -> rusqlite::Result<i64> {
    conn.query_row(sql, [], |r| r.get(0))
}

fn orders_by_status(conn: &Connection) -> rusqlite::Result<Vec<StatusCount>> {
    let mut stmt =
        conn.prepare("SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status")?;
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
         FROM orders WHERE backordered = 1 AND status NOT IN ('shipped','short_shipped','cancelled')
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
        "WITH covered AS (
            SELECT sl.order_line_id, SUM(sl.quantity) AS units
            FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
            WHERE s.status != 'cancelled' GROUP BY sl.order_line_id
         )
         SELECT v.sku, COUNT(DISTINCT l.order_id), SUM(l.quantity - COALESCE(c.units, 0))
         FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN variants v ON v.id = l.variant_id
         LEFT JOIN covered c ON c.order_line_id = l.id
         WHERE o.backordered = 1 AND o.status NOT IN ('shipped','short_shipped','cancelled')
           AND l.quantity > COALESCE(c.units, 0)
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
fn last_runs(conn: &Connection, stale_hours: i64) -> rusqlite::Result<Vec<LastRun>> {
    let mut stmt = conn.prepare(
        "WITH last AS (SELECT MAX(id) AS id FROM runs WHERE dry_run = 0 GROUP BY flow, channel),
              ok AS (SELECT flow, channel, MAX(started_at) AS at FROM runs
                     WHERE dry_run = 0 AND outcome IN ('ok', 'rejected') GROUP BY flow, channel)
         SELECT r.flow, r.channel, r.outcome, r.started_at,
                CAST((julianday('now') - julianday(r.started_at)) * 24 AS INTEGER),
                CAST((julianday('now') - julianday(ok.at)) * 24 AS INTEGER), r.error
         FROM runs r JOIN last ON last.id = r.id
         LEFT JOIN ok ON ok.flow = r.flow AND ok.channel IS r.channel",
    )?;
    let mut rows: Vec<LastRun> = stmt
        .query_map([], |r| {
            let last_success: Option<i64> = r.get(5)?;
            Ok(LastRun {
                flow: r.get(0)?,
                channel: r.get(1)?,
                outcome: r.get(2)?,
                started_at: r.get(3)?,
                age_hours: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                last_success_hours: last_success,
                stale: last_success.is_none_or(|h| h > stale_hours),
                error: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let order = |flow: &str| FLOWS.iter().position(|f| *f == flow).unwrap_or(FLOWS.len());
    rows.sort_by(|a, b| {
        order(&a.flow)
            .cmp(&order(&b.flow))
            .then(a.channel.cmp(&b.channel))
    });
    Ok(rows)
}

fn attention(s: &Status, unconfirmed_hours: i64) -> Vec<Attention> {
    let mut list = Vec::new();
    let mut add = |kind: &str, detail: String| {
        list.push(Attention {
            kind: kind.into(),
            detail,
        })
    };
    for r in &s.runs {
        let name = match &r.channel {
            Some(c) => format!("{} ({c})", r.flow),
            None => r.flow.clone(),
        };
        if r.outcome == "failed" {
            add(
                "failed run",
                format!(
                    "{name} failed {}h ago: {}",
                    r.age_hours,
                    r.error.as_deref().unwrap_or("see `oms runs list`")
                ),
            );
        } else if r.stale {
            let when = r
                .last_success_hours
                .map(|h| format!("{h}h ago"))
                .unwrap_or_else(|| "never".into());
            add("stale flow", format!("{name} last succeeded {when}"));
        }
    }
    for r in &s.rejections {
        add(
            "rejections",
            format!(
                "{} open in {} ({}); see `oms rejects --flow \"{}\"`",
                r.open, r.flow, r.channel, r.flow
            ),
        );
    }
    if s.unconfirmed_total > 0 {
        add(
            "unconfirmed shipments",
            format!(
                "{} shipments sent more than {unconfirmed_hours}h ago are not confirmed",
                s.unconfirmed_total
            ),
        );
    }
    for f in &s.failing_shipments {
        add(
            "send failing",
            format!(
                "{} to {}: {}",
                f.reference,
                f.fulfillment_channel,
                f.last_error.as_deref().unwrap_or("")
            ),
        );
    }
    for h in &s.holds {
        let why = h
            .reason
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        match &h.hold_until {
            Some(t) => add(
                "hold past due",
                format!(
                    "order {} {} was due for release at {t}{why}; run `oms orders process`",
                    h.order_id, h.order
                ),
            ),
            None => add(
                "hold without time",
                format!(
                    "order {} {} is on hold until released by hand{why}: `oms orders release {}`",
                    h.order_id, h.order, h.order_id
                ),
            ),
        }
    }
    let negative = s
        .stock_alerts
        .iter()
        .filter(|a| a.alert == "negative")
        .count();
    if negative > 0 {
        add(
            "negative stock",
            format!("{negative} SKU/warehouse levels are below zero; see `oms stock show`"),
        );
    }
    list
}
