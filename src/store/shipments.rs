//! Shipments: the part of an order sent to one physical warehouse. A shipment is stored
//! (`ready_to_send`, with its allocation) before it is sent, and its `reference` is the
//! idempotency key every send and resend uses (SPEC §8).

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{OptionalRow, history};
use crate::model::{ShipmentStatus, now};

#[derive(Debug, Clone, Default)]
pub struct NewShipment<'a> {
    pub order_id: i64,
    pub warehouse: &'a str,
    pub fulfillment_channel: &'a str,
    pub carrier_service: Option<&'a str>,
    pub lines: Vec<NewShipmentLine>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct NewShipmentLine {
    pub order_line_id: i64,
    pub variant_id: i64,
    pub quantity: i64,
}

/// The reference of shipment `id`: short, unique, and stable across resends.
pub fn reference_for(id: i64) -> String {
    format!("S{id:07}")
}

/// Creates a `ready_to_send` shipment with its lines in the caller's (write) transaction.
/// The caller allocates its stock in the same transaction. Returns (id, reference).
pub fn create(conn: &Connection, s: &NewShipment, cause: &str) -> rusqlite::Result<(i64, String)> {
    // Inside an IMMEDIATE transaction nobody else can insert, so MAX(id) + 1 is ours and the
    // reference can be derived from the id in one insert.
    let id: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(id), 0) + 1 FROM shipments")?
        .query_row([], |r| r.get(0))?;
    let reference = reference_for(id);
    let at = now();
    conn.prepare_cached(
        "INSERT INTO shipments (id, order_id, reference, warehouse, fulfillment_channel, carrier_service,
                                status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'ready_to_send', ?7, ?7)",
    )?
    .execute(params![id, s.order_id, reference, s.warehouse, s.fulfillment_channel, s.carrier_service, at])?;
    let mut line = conn.prepare_cached(
        "INSERT INTO shipment_lines (shipment_id, order_line_id, variant_id, quantity) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for l in &s.lines {
        line.execute(params![id, l.order_line_id, l.variant_id, l.quantity])?;
    }
    history::record(
        conn,
        "shipment",
        id,
        None,
        ShipmentStatus::ReadyToSend.as_str(),
        cause,
        None,
    )?;
    Ok((id, reference))
}

/// Changes a shipment's status if it is still in `from`; records the story. Returns whether it did.
pub fn set_status(
    conn: &Connection,
    id: i64,
    from: ShipmentStatus,
    to: ShipmentStatus,
    cause: &str,
    note: Option<&str>,
) -> rusqlite::Result<bool> {
    history::transition(
        conn,
        "shipments",
        "shipment",
        id,
        (from.as_str(), to.as_str()),
        cause,
        note,
    )
}

/// Records a send attempt before it is made (SPEC §8: side effects recorded, then confirmed).
pub fn note_attempt(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE shipments SET send_attempts = send_attempts + 1, updated_at = ?2 WHERE id = ?1",
    )?
    .execute(params![id, now()])?;
    Ok(())
}

/// Confirms sends: `sent_to_warehouse`, the channel's id for each, the time, and the
/// story. Two statements for a whole batch: a send of 100,000 shipments must not cost
/// 300,000 round trips. Only shipments still `ready_to_send` move; returns how many did.
pub fn mark_sent(
    conn: &Connection,
    sent: &[(i64, Option<&str>)],
    cause: &str,
) -> rusqlite::Result<usize> {
    if sent.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i64> = sent.iter().map(|(id, _)| *id).collect();
    let list = serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into());
    let at = now();
    let moved: Vec<i64> = conn
        .prepare_cached(
            "UPDATE shipments SET status = 'sent_to_warehouse', sent_at = ?2, updated_at = ?2, last_error = NULL
             WHERE id IN (SELECT value FROM json_each(?1)) AND status = 'ready_to_send'
             RETURNING id",
        )?
        .query_map(params![list, at], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // The channel's own ids come back only from API connectors; one update each.
    let mut set_external =
        conn.prepare_cached("UPDATE shipments SET external_id = ?2 WHERE id = ?1")?;
    for (id, external) in sent {
        if let Some(external) = external {
            set_external.execute(params![id, external])?;
        }
    }
    let moved_list = serde_json::to_string(&moved).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO status_history (entity, entity_id, from_status, to_status, at, cause)
         SELECT 'shipment', value, 'ready_to_send', 'sent_to_warehouse', ?2, ?3 FROM json_each(?1)",
    )?
    .execute(params![moved_list, at, cause])?;
    Ok(moved.len())
}

pub fn record_error(conn: &Connection, id: i64, error: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE shipments SET last_error = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, error, now()])?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ShipmentRow {
    pub id: i64,
    pub reference: String,
    pub order_id: i64,
    pub order_name: Option<String>,
    pub warehouse: String,
    pub fulfillment_channel: String,
    pub carrier_service: Option<String>,
    pub status: String,
    pub external_id: Option<String>,
    pub carrier: Option<String>,
    pub tracking_numbers: Vec<String>,
    pub tracking_url: Option<String>,
    pub shipped_at: Option<String>,
    pub send_attempts: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<String>,
    pub created_at: String,
    /// Shipped short with the missing units still allocated, waiting for a later
    /// confirmation or `shipments close` (allow_partial_fulfillment = false).
    #[serde(skip)]
    pub rest_open: bool,
}

const SHIPMENT_COLUMNS: &str = "s.id, s.reference, s.order_id, o.name, s.warehouse, s.fulfillment_channel,
    s.carrier_service, s.status, s.external_id, s.carrier, s.tracking_numbers, s.tracking_url, s.shipped_at,
    s.send_attempts, s.last_error, s.sent_at, s.created_at, s.rest_open";

fn shipment_row(r: &rusqlite::Row) -> rusqlite::Result<ShipmentRow> {
    let tracking: Option<String> = r.get(10)?;
    Ok(ShipmentRow {
        id: r.get(0)?,
        reference: r.get(1)?,
        order_id: r.get(2)?,
        order_name: r.get(3)?,
        warehouse: r.get(4)?,
        fulfillment_channel: r.get(5)?,
        carrier_service: r.get(6)?,
        status: r.get(7)?,
        external_id: r.get(8)?,
        carrier: r.get(9)?,
        tracking_numbers: tracking
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default(),
        tracking_url: r.get(11)?,
        shipped_at: r.get(12)?,
        send_attempts: r.get(13)?,
        last_error: r.get(14)?,
        sent_at: r.get(15)?,
        created_at: r.get(16)?,
        rest_open: r.get(17)?,
    })
}

pub fn by_reference(conn: &Connection, reference: &str) -> rusqlite::Result<Option<ShipmentRow>> {
    conn.prepare_cached(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.reference = ?1"
    ))?
    .query_row(params![reference.trim()], shipment_row)
    .optional()
}

/// A shipment named the way people type it: its reference (S0000042) or its number (42).
pub fn find(conn: &Connection, named: &str) -> rusqlite::Result<Option<ShipmentRow>> {
    match named.trim().parse::<i64>() {
        Ok(id) => by_id(conn, id),
        Err(_) => by_reference(conn, named.trim()),
    }
}

pub fn by_id(conn: &Connection, id: i64) -> rusqlite::Result<Option<ShipmentRow>> {
    conn.prepare_cached(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?1"
    ))?
    .query_row(params![id], shipment_row)
    .optional()
}

pub fn of_order(conn: &Connection, order_id: i64) -> rusqlite::Result<Vec<ShipmentRow>> {
    conn.prepare_cached(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments s JOIN orders o ON o.id = s.order_id
         WHERE s.order_id = ?1 ORDER BY s.id"
    ))?
    .query_map(params![order_id], shipment_row)?
    .collect()
}

pub struct ListFilter<'a> {
    pub status: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub warehouse: Option<&'a str>,
    pub limit: i64,
}

pub fn list(conn: &Connection, f: &ListFilter) -> rusqlite::Result<Vec<ShipmentRow>> {
    // As in `orders::list`: a literal status test lets SQLite use `shipments_status`.
    let status = if f.status.is_some() {
        "s.status = ?1"
    } else {
        "?1 IS NULL"
    };
    conn.prepare(&format!(
        "SELECT {SHIPMENT_COLUMNS} FROM shipments s JOIN orders o ON o.id = s.order_id
         WHERE {status} AND (?2 IS NULL OR s.fulfillment_channel = ?2)
           AND (?3 IS NULL OR s.warehouse = ?3)
         ORDER BY s.id DESC LIMIT ?4"
    ))?
    .query_map(
        params![f.status, f.channel, f.warehouse, f.limit],
        shipment_row,
    )?
    .collect()
}

/// Ids of shipments waiting to be sent, oldest first, optionally for one fulfillment channel.
pub fn ready_to_send(conn: &Connection, channel: Option<&str>) -> rusqlite::Result<Vec<i64>> {
    Ok(ready_to_send_by_warehouse(conn, channel)?
        .into_iter()
        .map(|(id, _)| id)
        .collect())
}

/// (id, warehouse) of the shipments ready to send, oldest first: a switched-off
/// warehouse's shipments stay where they are.
pub fn ready_to_send_by_warehouse(
    conn: &Connection,
    channel: Option<&str>,
) -> rusqlite::Result<Vec<(i64, String)>> {
    conn.prepare(
        "SELECT id, warehouse FROM shipments WHERE status = 'ready_to_send' AND (?1 IS NULL OR fulfillment_channel = ?1)
         ORDER BY id",
    )?
    .query_map(params![channel], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ShipmentLineRow {
    pub id: i64,
    pub order_line_id: i64,
    pub variant_id: i64,
    pub sku: String,
    pub quantity: i64,
    pub quantity_shipped: i64,
}

impl ShipmentLineRow {
    /// Units the warehouse has not reported shipped yet.
    pub fn unshipped(&self) -> i64 {
        self.quantity - self.quantity_shipped
    }
}

pub fn lines(conn: &Connection, shipment_id: i64) -> rusqlite::Result<Vec<ShipmentLineRow>> {
    conn.prepare_cached(
        "SELECT l.id, l.order_line_id, l.variant_id, v.sku, l.quantity, l.quantity_shipped
         FROM shipment_lines l JOIN variants v ON v.id = l.variant_id
         WHERE l.shipment_id = ?1 ORDER BY l.id",
    )?
    .query_map(params![shipment_id], |r| {
        Ok(ShipmentLineRow {
            id: r.get(0)?,
            order_line_id: r.get(1)?,
            variant_id: r.get(2)?,
            sku: r.get(3)?,
            quantity: r.get(4)?,
            quantity_shipped: r.get(5)?,
        })
    })?
    .collect()
}

/// What a warehouse told us about a shipment that left.
#[derive(Debug, Clone, Default)]
pub struct ShippedInfo<'a> {
    pub external_id: Option<&'a str>,
    pub carrier: Option<&'a str>,
    pub tracking_numbers: &'a [String],
    pub tracking_url: Option<&'a str>,
    pub shipped_at: Option<&'a str>,
}

pub fn record_shipped(conn: &Connection, id: i64, info: &ShippedInfo) -> rusqlite::Result<()> {
    let tracking = serde_json::to_string(info.tracking_numbers).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "UPDATE shipments SET external_id = COALESCE(?2, external_id), carrier = COALESCE(?3, carrier),
            tracking_numbers = ?4, tracking_url = COALESCE(?5, tracking_url), shipped_at = COALESCE(?6, ?7), updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![id, info.external_id, info.carrier, tracking, info.tracking_url, info.shipped_at, now()])?;
    Ok(())
}

/// Sets a shipment line's shipped units and adds them to its order line.
pub fn set_line_shipped(
    conn: &Connection,
    line: &ShipmentLineRow,
    shipped: i64,
) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE shipment_lines SET quantity_shipped = ?2 WHERE id = ?1")?
        .execute(params![line.id, shipped])?;
    conn.prepare_cached(
        "UPDATE order_lines SET quantity_shipped = quantity_shipped + ?2 WHERE id = ?1",
    )?
    .execute(params![line.order_line_id, shipped - line.quantity_shipped])?;
    // A bundle line counts as shipped in whole kits: the fewest kits any of its
    // components has shipped (a partial kit is not shipped).
    conn.prepare_cached(
        "UPDATE order_lines SET quantity_shipped = (
             SELECT MIN(c.quantity_shipped / (c.quantity / order_lines.quantity))
             FROM order_lines c WHERE c.bundle_line_id = order_lines.id)
         WHERE id = (SELECT bundle_line_id FROM order_lines WHERE id = ?1)",
    )?
    .execute(params![line.order_line_id])?;
    Ok(())
}

/// A shipped line as the sales channel knows it: its SKU and line id there, and units shipped.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FulfilledLineRow {
    pub channel_sku: String,
    pub external_line_id: Option<String>,
    pub quantity_shipped: i64,
    /// The order line, to tell a bundle's component lines (never sent to the shop).
    #[serde(skip)]
    pub order_line_id: i64,
}

pub fn fulfilled_lines(
    conn: &Connection,
    shipment_id: i64,
) -> rusqlite::Result<Vec<FulfilledLineRow>> {
    conn.prepare_cached(
        "SELECT ol.channel_sku, ol.external_line_id, sl.quantity_shipped, ol.id
         FROM shipment_lines sl JOIN order_lines ol ON ol.id = sl.order_line_id
         WHERE sl.shipment_id = ?1 AND sl.quantity_shipped > 0 ORDER BY sl.id",
    )?
    .query_map(params![shipment_id], |r| {
        Ok(FulfilledLineRow {
            channel_sku: r.get(0)?,
            external_line_id: r.get(1)?,
            quantity_shipped: r.get(2)?,
            order_line_id: r.get(3)?,
        })
    })?
    .collect()
}

/// Cancellation requests recorded but not yet delivered to the warehouse, oldest first.
pub fn cancellations_to_send(
    conn: &Connection,
    channel: Option<&str>,
) -> rusqlite::Result<Vec<(i64, String)>> {
    conn.prepare(
        "SELECT id, reference FROM shipments
         WHERE status = 'cancel_requested' AND cancel_sent_at IS NULL AND (?1 IS NULL OR fulfillment_channel = ?1)
         ORDER BY id",
    )?
    .query_map(params![channel], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// Confirms that a cancellation request reached the warehouse.
pub fn mark_cancel_sent(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE shipments SET cancel_sent_at = ?2, updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, now()])?;
    Ok(())
}
