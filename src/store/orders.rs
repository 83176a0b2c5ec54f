//! Sales orders and their lines. Status changes go through [`set_status`], which also
//! writes the story row (SPEC §3), so no code path can change a status silently.

use std::sync::LazyLock;

use rusqlite::{Connection, ToSql, params, params_from_iter};
use serde::Serialize;

mod query;

pub use query::{ListFilter, OrderDetail, OrderRow, detail, list, total_text};

use super::{OptionalRow, history};
use crate::model::{OrderStatus, now};

/// An order ready to be stored: SKUs already resolved to variants, status decided.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NewOrder {
    pub channel: String,
    pub external_id: String,
    pub name: Option<String>,
    pub ordered_at: Option<String>,
    pub customer_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub ship_name: Option<String>,
    pub ship_company: Option<String>,
    pub ship_address1: Option<String>,
    pub ship_address2: Option<String>,
    pub ship_city: Option<String>,
    pub ship_province: Option<String>,
    pub ship_zip: Option<String>,
    pub ship_country: Option<String>,
    pub shipping_method: Option<String>,
    pub carrier_service: Option<String>,
    pub requested_warehouse: Option<String>,
    pub currency: Option<String>,
    pub total_cents: Option<i64>,
    pub subtotal_cents: Option<i64>,
    pub shipping_cents: Option<i64>,
    pub tax_cents: Option<i64>,
    pub discount_cents: Option<i64>,
    pub tags: Option<String>,
    pub note: Option<String>,
    pub upstream_updated_at: Option<String>,
    pub upstream_hash: Option<String>,
    /// An order rule's `max_splits` for this order.
    pub max_splits: Option<i64>,
    /// The rule whose warehouse must ship this order in full (`only_enough_stock`).
    pub strict_rule: Option<String>,
    /// RFC 3339 UTC: after this the order is cancelled if not yet sent (docs/processing.md).
    pub cancel_after: Option<String>,
    pub lines: Vec<NewLine>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct NewLine {
    pub variant_id: i64,
    pub channel_sku: String,
    pub external_line_id: Option<String>,
    pub title: Option<String>,
    pub quantity: i64,
    pub price_cents: Option<i64>,
}

/// The columns an order's content is kept in, in the order [`content_params`] binds them.
/// Insert and upstream edit write the same content, so both are built from this list.
const CONTENT_COLUMNS: [&str; 29] = [
    "name",
    "ordered_at",
    "customer_name",
    "email",
    "phone",
    "ship_name",
    "ship_company",
    "ship_address1",
    "ship_address2",
    "ship_city",
    "ship_province",
    "ship_zip",
    "ship_country",
    "shipping_method",
    "carrier_service",
    "requested_warehouse",
    "currency",
    "total_cents",
    "subtotal_cents",
    "shipping_cents",
    "tax_cents",
    "discount_cents",
    "tags",
    "note",
    "upstream_updated_at",
    "upstream_hash",
    "max_splits",
    "strict_rule",
    "cancel_after",
];

fn content_params(o: &NewOrder) -> [&dyn ToSql; 29] {
    [
        &o.name,
        &o.ordered_at,
        &o.customer_name,
        &o.email,
        &o.phone,
        &o.ship_name,
        &o.ship_company,
        &o.ship_address1,
        &o.ship_address2,
        &o.ship_city,
        &o.ship_province,
        &o.ship_zip,
        &o.ship_country,
        &o.shipping_method,
        &o.carrier_service,
        &o.requested_warehouse,
        &o.currency,
        &o.total_cents,
        &o.subtotal_cents,
        &o.shipping_cents,
        &o.tax_cents,
        &o.discount_cents,
        &o.tags,
        &o.note,
        &o.upstream_updated_at,
        &o.upstream_hash,
        &o.max_splits,
        &o.strict_rule,
        &o.cancel_after,
    ]
}

/// `INSERT … (channel, external_id, status, created_at, updated_at, <content>)`: ?1–?4, then content.
static INSERT_SQL: LazyLock<String> = LazyLock::new(|| {
    let slots: Vec<String> = (5..5 + CONTENT_COLUMNS.len())
        .map(|n| format!("?{n}"))
        .collect();
    format!(
        "INSERT INTO orders (channel, external_id, status, created_at, updated_at, {})
         VALUES (?1, ?2, ?3, ?4, ?4, {})",
        CONTENT_COLUMNS.join(", "),
        slots.join(", ")
    )
});

/// `UPDATE … SET updated_at = ?2, <content> WHERE id = ?1`.
static UPDATE_SQL: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = CONTENT_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 3))
        .collect();
    format!(
        "UPDATE orders SET updated_at = ?2, {} WHERE id = ?1",
        sets.join(", ")
    )
});

/// Inserts an order with its lines in the caller's transaction and records its first
/// status in the story. Returns the new order id (the number people use: `oms orders show N`).
pub fn insert(
    conn: &Connection,
    o: &NewOrder,
    status: OrderStatus,
    cause: &str,
) -> rusqlite::Result<i64> {
    let at = now();
    let status_text = status.as_str();
    let head: [&dyn ToSql; 4] = [&o.channel, &o.external_id, &status_text, &at];
    conn.prepare_cached(&INSERT_SQL)?
        .execute(params_from_iter(head.into_iter().chain(content_params(o))))?;
    let id = conn.last_insert_rowid();
    // Counted here, not by a trigger: see migrations/0017_status_counts_in_code.sql.
    conn.prepare_cached(
        "INSERT INTO order_status_counts (status, orders) VALUES (?1, 1)
         ON CONFLICT (status) DO UPDATE SET orders = orders + 1",
    )?
    .execute(params![status_text])?;
    insert_lines(conn, id, &o.lines)?;
    history::record(conn, "order", id, None, status.as_str(), cause, None)?;
    Ok(id)
}

fn insert_lines(conn: &Connection, order_id: i64, lines: &[NewLine]) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, line_no, variant_id, channel_sku, external_line_id, title,
                                  quantity, price_cents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut inserted = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        stmt.execute(params![
            order_id,
            i as i64 + 1,
            l.variant_id,
            l.channel_sku,
            l.external_line_id,
            l.title,
            l.quantity,
            l.price_cents
        ])?;
        inserted.push((conn.last_insert_rowid(), l));
    }
    for (id, l) in inserted {
        add_components(conn, order_id, id, l.variant_id, l.quantity)?;
    }
    Ok(())
}

/// Gives a line whose SKU is a bundle its component lines (docs/bundles.md): after the
/// order's last line, each pointing at it, for `units per kit × kits` units. The bundle
/// line stays as the shop sent it; only its components are allocated and shipped.
pub fn add_components(
    conn: &Connection,
    order_id: i64,
    line_id: i64,
    variant_id: i64,
    kits: i64,
) -> rusqlite::Result<()> {
    if !super::bundles::is_bundle(conn, variant_id)? {
        return Ok(());
    }
    let components = super::bundles::components(conn, variant_id)?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO order_lines (order_id, line_no, variant_id, channel_sku, title, quantity,
                                  bundle_line_id)
         SELECT ?1, COALESCE(MAX(line_no), 0) + 1, ?2, ?3, ?4, ?5, ?6
         FROM order_lines WHERE order_id = ?1",
    )?;
    for c in components {
        stmt.execute(params![
            order_id,
            c.variant_id,
            c.sku,
            c.title,
            c.quantity.saturating_mul(kits),
            line_id
        ])?;
    }
    Ok(())
}

/// Replaces the content of an order not yet processed (an upstream edit, SPEC §4.1.1).
/// Status and story are kept; the edit itself is noted in the story.
pub fn replace_content(
    conn: &Connection,
    id: i64,
    o: &NewOrder,
    cause: &str,
) -> rusqlite::Result<()> {
    let at = now();
    let head: [&dyn ToSql; 2] = [&id, &at];
    conn.execute(
        &UPDATE_SQL,
        params_from_iter(head.into_iter().chain(content_params(o))),
    )?;
    conn.execute("DELETE FROM order_lines WHERE order_id = ?1", params![id])?;
    insert_lines(conn, id, &o.lines)?;
    let status: String = conn.query_row(
        "SELECT status FROM orders WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )?;
    history::record(
        conn,
        "order",
        id,
        Some(&status),
        &status,
        cause,
        Some("updated from the channel"),
    )?;
    Ok(())
}

/// The facts an import needs to decide what to do with an order it sees again.
#[derive(Debug, Clone)]
pub struct Known {
    pub id: i64,
    pub status: OrderStatus,
    pub upstream_hash: Option<String>,
    pub has_shipments: bool,
}

pub fn find_by_external(
    conn: &Connection,
    channel: &str,
    external_id: &str,
) -> rusqlite::Result<Option<Known>> {
    conn.prepare_cached(
        "SELECT o.id, o.status, o.upstream_hash, EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)
         FROM orders o WHERE o.channel = ?1 AND o.external_id = ?2",
    )?
    .query_row(params![channel, external_id], |r| {
        let status: String = r.get(1)?;
        Ok(Known {
            id: r.get(0)?,
            status: super::parse_text(&status)?,
            upstream_hash: r.get(2)?,
            has_shipments: r.get(3)?,
        })
    })
    .optional()
}

/// Changes an order's status and records why. `from` guards against a concurrent change:
/// the update only happens if the order is still in `from`; returns whether it did.
pub fn set_status(
    conn: &Connection,
    id: i64,
    from: OrderStatus,
    to: OrderStatus,
    cause: &str,
    note: Option<&str>,
) -> rusqlite::Result<bool> {
    history::transition(
        conn,
        "orders",
        "order",
        id,
        (from.as_str(), to.as_str()),
        cause,
        note,
    )
}

/// Sets or clears the backorder flag and its reason ("not enough stock: SKU X needs 5, 2 available").
pub fn set_backordered(conn: &Connection, id: i64, reason: Option<&str>) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE orders SET backordered = ?2, backorder_reason = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![id, reason.is_some(), reason, now()])?;
    Ok(())
}

/// The sales channel an order came from (`manual` for orders entered by hand).
pub fn channel_of(conn: &Connection, id: i64) -> rusqlite::Result<String> {
    conn.prepare_cached("SELECT channel FROM orders WHERE id = ?1")?
        .query_row(params![id], |r| r.get(0))
}

pub fn status_of(conn: &Connection, id: i64) -> rusqlite::Result<Option<OrderStatus>> {
    conn.prepare_cached("SELECT status FROM orders WHERE id = ?1")?
        .query_row(params![id], |r| super::parse_text(&r.get::<_, String>(0)?))
        .optional()
}

/// A line as processing and syncing need it.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LineRow {
    pub id: i64,
    pub line_no: i64,
    pub variant_id: i64,
    pub sku: String,
    pub channel_sku: String,
    pub external_line_id: Option<String>,
    pub title: Option<String>,
    pub quantity: i64,
    pub price_cents: Option<i64>,
    pub quantity_shipped: i64,
    /// For a component line: the bundle line it is part of (docs/bundles.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bundle_line_id: Option<i64>,
}

impl LineRow {
    /// Whether the shop sent this line (a component line is oms's own).
    pub fn from_shop(&self) -> bool {
        self.bundle_line_id.is_none()
    }
}

/// The ids of an order's bundle lines: those that have component lines, and so are
/// neither allocated nor held themselves (their components are).
pub fn kit_line_ids(lines: &[LineRow]) -> std::collections::HashSet<i64> {
    lines.iter().filter_map(|l| l.bundle_line_id).collect()
}

pub fn lines(conn: &Connection, order_id: i64) -> rusqlite::Result<Vec<LineRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.line_no, l.variant_id, v.sku, l.channel_sku, l.external_line_id, l.title,
                l.quantity, l.price_cents, l.quantity_shipped, l.bundle_line_id
         FROM order_lines l JOIN variants v ON v.id = l.variant_id
         WHERE l.order_id = ?1 ORDER BY l.line_no",
    )?;
    stmt.query_map(params![order_id], |r| {
        Ok(LineRow {
            id: r.get(0)?,
            line_no: r.get(1)?,
            variant_id: r.get(2)?,
            sku: r.get(3)?,
            channel_sku: r.get(4)?,
            external_line_id: r.get(5)?,
            title: r.get(6)?,
            quantity: r.get(7)?,
            price_cents: r.get(8)?,
            quantity_shipped: r.get(9)?,
            bundle_line_id: r.get(10)?,
        })
    })?
    .collect()
}

/// Orders waiting for processing, oldest first: approved, and either never processed or
/// backordered (SPEC §4.1.2). `only` limits to given ids (`--order N`).
pub fn awaiting_processing(conn: &Connection, only: &[i64]) -> rusqlite::Result<Vec<i64>> {
    let list = serde_json::to_string(only).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT o.id FROM orders o
         WHERE o.status = 'approved'
           AND (?1 = '[]' OR o.id IN (SELECT value FROM json_each(?1)))
         ORDER BY COALESCE(o.ordered_at, o.created_at), o.id",
    )?;
    stmt.query_map(params![list], |r| r.get(0))?.collect()
}

/// The backordered orders with a line for one of `variant_ids`, oldest first: those a
/// stock rise for these SKUs may let ship. Read through `order_lines_variant`, so it costs
/// the orders that use the SKUs, not every backorder.
pub fn backordered_for(conn: &Connection, variant_ids: &[i64]) -> rusqlite::Result<Vec<i64>> {
    let ids = serde_json::to_string(variant_ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT o.id FROM orders o
         WHERE o.id IN (SELECT l.order_id FROM order_lines l INDEXED BY order_lines_variant
                        WHERE l.variant_id IN (SELECT value FROM json_each(?1)))
           AND o.backordered = 1 AND o.status IN ('approved', 'fulfilling', 'partially_fulfilled')
         ORDER BY COALESCE(o.ordered_at, o.created_at), o.id",
    )?;
    stmt.query_map([ids], |r| r.get(0))?.collect()
}

/// Flags an order whose shop should hear about a change (see `orders export`).
pub fn mark_export_pending(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE orders SET export_pending = 1 WHERE id = ?1")?
        .execute(params![id])?;
    Ok(())
}

/// Orders waiting to be exported, oldest change first, for one sales channel.
pub fn export_pending(
    conn: &Connection,
    channel: &str,
) -> rusqlite::Result<Vec<(i64, Option<String>)>> {
    conn.prepare_cached(
        "SELECT id, exported_hash FROM orders WHERE export_pending = 1 AND channel = ?1 ORDER BY updated_at, id",
    )?
    .query_map(params![channel], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// Records that the channel accepted the order's state with this content hash.
pub fn mark_exported(conn: &Connection, id: i64, hash: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE orders SET export_pending = 0, exported_hash = ?2 WHERE id = ?1")?
        .execute(params![id, hash])?;
    Ok(())
}
