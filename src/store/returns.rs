//! Return authorizations (RMAs) and their lines (migration 0015, docs/returns.md). An
//! RMA's status changes only through [`set_status`], which writes the story row too.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{OptionalRow, history, parse_text};
use crate::model::returns::{Disposition, number_for};
use crate::model::{ReturnStatus, now};

/// An RMA ready to be stored: SKUs resolved, quantities checked against the order.
pub struct NewReturn<'a> {
    pub order_id: i64,
    pub warehouse: &'a str,
    pub reason: &'a str,
    pub note: Option<&'a str>,
    /// (variant id, quantity)
    pub lines: &'a [(i64, i64)],
}

/// Creates an open RMA with its lines in the caller's write transaction and starts its
/// story. Returns (id, number).
pub fn create(conn: &Connection, r: &NewReturn, cause: &str) -> rusqlite::Result<(i64, String)> {
    // Inside an IMMEDIATE transaction MAX(id) + 1 is ours, as for POs.
    let id: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(id), 0) + 1 FROM returns")?
        .query_row([], |row| row.get(0))?;
    let number = number_for(id);
    let at = now();
    conn.prepare_cached(
        "INSERT INTO returns (id, number, order_id, warehouse, reason, status, note, created_at,
                              updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?7)",
    )?
    .execute(params![
        id,
        number,
        r.order_id,
        r.warehouse,
        r.reason,
        r.note,
        at
    ])?;
    for (no, (variant_id, quantity)) in r.lines.iter().enumerate() {
        conn.prepare_cached(
            "INSERT INTO return_lines (return_id, line_no, variant_id, quantity)
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, no as i64 + 1, variant_id, quantity])?;
    }
    history::record(
        conn,
        "return",
        id,
        None,
        ReturnStatus::Open.as_str(),
        cause,
        None,
    )?;
    Ok((id, number))
}

pub fn set_exchange(conn: &Connection, id: i64, order_id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE returns SET exchange_order_id = ?2 WHERE id = ?1")?
        .execute(params![id, order_id])?;
    Ok(())
}

/// Sets the prices of an exchange order's lines (in line order) and its total to their sum:
/// what the customer pays for the replacement, 0 unless a price was given.
pub fn price_exchange(conn: &Connection, order_id: i64, prices: &[i64]) -> rusqlite::Result<()> {
    for (no, price) in prices.iter().enumerate() {
        conn.prepare_cached(
            "UPDATE order_lines SET price_cents = ?3 WHERE order_id = ?1 AND line_no = ?2",
        )?
        .execute(params![order_id, no as i64 + 1, price])?;
    }
    conn.prepare_cached(
        "UPDATE orders SET total_cents =
            (SELECT SUM(quantity * price_cents) FROM order_lines WHERE order_id = ?1)
         WHERE id = ?1",
    )?
    .execute([order_id])?;
    Ok(())
}

/// Moves an RMA from `from` to `to` if it is still in `from`, with its story row.
pub fn set_status(
    conn: &Connection,
    id: i64,
    (from, to): (ReturnStatus, ReturnStatus),
    cause: &str,
    note: Option<&str>,
) -> rusqlite::Result<bool> {
    history::transition(
        conn,
        "returns",
        "return",
        id,
        (from.as_str(), to.as_str()),
        cause,
        note,
    )
}

/// An RMA's header.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ReturnHead {
    pub id: i64,
    pub number: String,
    pub order_id: i64,
    pub warehouse: String,
    pub reason: String,
    pub status: ReturnStatus,
    pub note: Option<String>,
    pub exchange_order_id: Option<i64>,
    pub external_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub(super) const HEAD: &str =
    "SELECT id, number, order_id, warehouse, reason, status, note, exchange_order_id,
                           external_id, created_at, updated_at FROM returns";

pub(super) fn head_of(r: &rusqlite::Row) -> rusqlite::Result<ReturnHead> {
    Ok(ReturnHead {
        id: r.get(0)?,
        number: r.get(1)?,
        order_id: r.get(2)?,
        warehouse: r.get(3)?,
        reason: r.get(4)?,
        status: parse_text(&r.get::<_, String>(5)?)?,
        note: r.get(6)?,
        exchange_order_id: r.get(7)?,
        external_id: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

/// The RMA with this (normalized) number.
pub fn find(conn: &Connection, number: &str) -> rusqlite::Result<Option<ReturnHead>> {
    conn.prepare_cached(&format!("{HEAD} WHERE number = ?1"))?
        .query_row([number], head_of)
        .optional()
}

/// RMAs, newest first, optionally in one status or of one order.
pub fn list(
    conn: &Connection,
    status: Option<ReturnStatus>,
    order_id: Option<i64>,
) -> rusqlite::Result<Vec<ReturnHead>> {
    conn.prepare_cached(&format!(
        "{HEAD} WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR order_id = ?2)
         ORDER BY id DESC"
    ))?
    .query_map(params![status.map(|s| s.as_str()), order_id], head_of)?
    .collect()
}

/// Open RMAs created before `before` (RFC 3339), oldest first: `oms status`'s stale list.
pub fn open_before(conn: &Connection, before: &str) -> rusqlite::Result<Vec<ReturnHead>> {
    conn.prepare_cached(&format!(
        "{HEAD} WHERE status = 'open' AND created_at < ?1 ORDER BY id"
    ))?
    .query_map([before], head_of)?
    .collect()
}

/// One line of an RMA with what arrived of it so far, per disposition.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct ReturnLine {
    #[serde(skip)]
    pub id: i64,
    #[serde(skip)]
    pub variant_id: i64,
    pub sku: String,
    pub quantity: i64,
    pub restocked: i64,
    pub quarantined: i64,
    pub disposed: i64,
    /// Units still expected back.
    pub remaining: i64,
}

pub fn lines(conn: &Connection, return_id: i64) -> rusqlite::Result<Vec<ReturnLine>> {
    conn.prepare_cached(
        "SELECT l.id, l.variant_id, v.sku, l.quantity, l.received_restock,
                l.received_quarantine, l.received_dispose
         FROM return_lines l JOIN variants v ON v.id = l.variant_id
         WHERE l.return_id = ?1 ORDER BY l.line_no",
    )?
    .query_map([return_id], |r| {
        let quantity: i64 = r.get(3)?;
        let (restocked, quarantined, disposed): (i64, i64, i64) = (r.get(4)?, r.get(5)?, r.get(6)?);
        Ok(ReturnLine {
            id: r.get(0)?,
            variant_id: r.get(1)?,
            sku: r.get(2)?,
            quantity,
            restocked,
            quarantined,
            disposed,
            remaining: quantity - restocked - quarantined - disposed,
        })
    })?
    .collect()
}

/// Records `quantity` units of a line as arrived with `disposition`; the table's CHECK
/// refuses more than the line asked for.
pub fn receive_line(
    conn: &Connection,
    line_id: i64,
    disposition: Disposition,
    quantity: i64,
) -> rusqlite::Result<()> {
    let column = match disposition {
        Disposition::Restock => "received_restock",
        Disposition::Quarantine => "received_quarantine",
        Disposition::Dispose => "received_dispose",
    };
    conn.prepare_cached(&format!(
        "UPDATE return_lines SET {column} = {column} + ?2 WHERE id = ?1"
    ))?
    .execute(params![line_id, quantity])?;
    Ok(())
}

pub fn touch(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE returns SET updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, now()])?;
    Ok(())
}

/// Per variant of an order: units shipped (the order lines' `quantity_shipped`).
pub fn shipped_by_variant(conn: &Connection, order_id: i64) -> rusqlite::Result<Vec<(i64, i64)>> {
    conn.prepare_cached(
        "SELECT variant_id, SUM(quantity_shipped) FROM order_lines
         WHERE order_id = ?1 GROUP BY variant_id",
    )?
    .query_map([order_id], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// What the order's RMAs already claim of a variant, per RMA number: every unit of an
/// open RMA, what arrived on a received or closed one, nothing of a cancelled one.
pub fn claimed(
    conn: &Connection,
    order_id: i64,
    variant_id: i64,
) -> rusqlite::Result<Vec<(String, i64)>> {
    conn.prepare_cached(
        "SELECT r.number,
                CASE r.status WHEN 'open' THEN l.quantity
                     ELSE l.received_restock + l.received_quarantine + l.received_dispose END
         FROM returns r JOIN return_lines l ON l.return_id = r.id
         WHERE r.order_id = ?1 AND l.variant_id = ?2 AND r.status != 'cancelled'
         ORDER BY r.id",
    )?
    .query_map(params![order_id, variant_id], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect::<rusqlite::Result<Vec<(String, i64)>>>()
    .map(|v| v.into_iter().filter(|(_, q)| *q > 0).collect())
}

/// The warehouse that shipped the order's units (the first shipment that shipped any):
/// where its returns go unless told otherwise.
pub fn shipped_from(conn: &Connection, order_id: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT s.warehouse FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
         WHERE s.order_id = ?1 AND l.quantity_shipped > 0 ORDER BY s.id LIMIT 1",
    )?
    .query_row([order_id], |r| r.get(0))
    .optional()
}

/// Open RMAs into `warehouses` that no warehouse has been told about yet, oldest first.
pub fn awaiting_export(
    conn: &Connection,
    warehouses: &[String],
) -> rusqlite::Result<Vec<ReturnHead>> {
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(&format!(
        "{HEAD} WHERE status = 'open' AND exported_at IS NULL
           AND warehouse IN (SELECT value FROM json_each(?1)) ORDER BY id"
    ))?
    .query_map([list], head_of)?
    .collect()
}

/// Open RMAs into `warehouses` that their warehouse was told about: the ones whose
/// receipts a channel that is asked per return reads.
pub fn exported_open(
    conn: &Connection,
    warehouses: &[String],
) -> rusqlite::Result<Vec<ReturnHead>> {
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(&format!(
        "{HEAD} WHERE status = 'open' AND exported_at IS NOT NULL
           AND warehouse IN (SELECT value FROM json_each(?1)) ORDER BY id"
    ))?
    .query_map([list], head_of)?
    .collect()
}

/// The warehouse took RMA `id`; it is never sent again.
pub fn mark_exported(
    conn: &Connection,
    id: i64,
    external_id: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE returns SET exported_at = ?2, external_id = COALESCE(?3, external_id),
                            updated_at = ?2
         WHERE id = ?1",
    )?
    .execute(params![id, now(), external_id])?;
    Ok(())
}

/// Whether any RMA exists: without one there is nothing to send or receive.
pub fn any(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM returns)")?
        .query_row([], |r| r.get(0))
}

/// Whether any RMA goes to one of `warehouses`: a channel without one has nothing to send
/// and no receipt of its could apply.
pub fn any_into(conn: &Connection, warehouses: &[String]) -> rusqlite::Result<bool> {
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM returns WHERE warehouse IN (SELECT value FROM json_each(?1)))",
    )?
    .query_row([list], |r| r.get(0))
}

/// Whether a warehouse's receipt was already applied.
pub fn receipt_applied(
    conn: &Connection,
    channel: &str,
    external_id: &str,
) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM return_receipts WHERE channel = ?1 AND external_id = ?2)",
    )?
    .query_row(params![channel, external_id], |r| r.get(0))
}

/// Records a warehouse's receipt `external_id` as applied; false when it already was.
pub fn claim_receipt(
    conn: &Connection,
    return_id: i64,
    channel: &str,
    external_id: &str,
) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO return_receipts (return_id, channel, external_id, created_at)
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT (channel, external_id) DO NOTHING",
        )?
        .execute(params![return_id, channel, external_id, now()])?;
    Ok(n == 1)
}

/// Everything `oms returns show` tells: header, lines with outcomes, story.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ReturnDetail {
    #[serde(flatten)]
    pub head: ReturnHead,
    pub lines: Vec<ReturnLine>,
    pub story: Vec<history::Change>,
}

pub fn detail(conn: &Connection, head: &ReturnHead) -> rusqlite::Result<ReturnDetail> {
    Ok(ReturnDetail {
        head: head.clone(),
        lines: lines(conn, head.id)?,
        story: history::of(conn, "return", head.id)?,
    })
}
