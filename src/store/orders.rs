//! Sales orders and their lines. Status changes go through [`set_status`], which also
//! writes the story row (SPEC §3), so no code path can change a status silently.

use std::sync::LazyLock;

use rusqlite::{Connection, ToSql, params, params_from_iter};
use serde::Serialize;

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
    pub tags: Option<String>,
    pub note: Option<String>,
    pub upstream_updated_at: Option<String>,
    pub upstream_hash: Option<String>,
    /// An order rule's `max_splits` for this order.
    pub max_splits: Option<i64>,
    /// The rule whose warehouse must ship this order in full (`only_enough_stock`).
    pub strict_rule: Option<String>,
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
const CONTENT_COLUMNS: [&str; 24] = [
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
    "tags",
    "note",
    "upstream_updated_at",
    "upstream_hash",
    "max_splits",
    "strict_rule",
];

fn content_params(o: &NewOrder) -> [&dyn ToSql; 24] {
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
        &o.tags,
        &o.note,
        &o.upstream_updated_at,
        &o.upstream_hash,
        &o.max_splits,
        &o.strict_rule,
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

/// One row of `oms orders list`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OrderRow {
    pub id: i64,
    pub channel: String,
    pub external_id: String,
    pub name: Option<String>,
    pub status: String,
    pub backordered: bool,
    pub lines: i64,
    pub units: i64,
    pub total: Option<String>,
    pub ordered_at: Option<String>,
    pub updated_at: String,
    /// When an order on hold is released by itself (none: only by hand).
    pub hold_until: Option<String>,
}

pub struct ListFilter<'a> {
    pub status: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub backordered: bool,
    /// The start of a name, external id or email (see store::order_lookup).
    pub search: Option<&'a str>,
    pub limit: i64,
}

pub fn list(conn: &Connection, f: &ListFilter) -> rusqlite::Result<Vec<OrderRow>> {
    // A status filter written as `?1 IS NULL OR status = ?1` hides `orders_status` from
    // the planner, which then walks every order from the newest to find a rare status.
    let status = if f.status.is_some() {
        "o.status = ?1"
    } else {
        "?1 IS NULL"
    };
    let filters =
        format!("{status} AND (?2 IS NULL OR o.channel = ?2) AND (NOT ?3 OR o.backordered)");
    if f.search.is_none() {
        return list_where(
            conn,
            f,
            &filters,
            "?5 IS NULL AND ?6 IS NULL AND ?7 IS NULL",
        );
    }
    // `+` keeps the planner off `orders_status` inside the search: the text's range
    // is the narrow one, a status can cover most of a million orders.
    let filters = filters.replace("o.status = ?1", "+o.status = ?1");
    let recent = list_where(conn, f, &filters, &super::order_lookup::recent_condition())?;
    if recent.len() as i64 >= f.limit {
        return Ok(recent);
    }
    let search = super::order_lookup::search_condition(&filters);
    list_where(conn, f, &filters, &search)
}

fn list_where(
    conn: &Connection,
    f: &ListFilter,
    filters: &str,
    search: &str,
) -> rusqlite::Result<Vec<OrderRow>> {
    let (text, hashed, lower) = match f.search {
        Some(t) => {
            let (a, b, c) = super::order_lookup::search_params(t);
            (Some(a), Some(b), Some(c))
        }
        None => (None, None, None),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT o.id, o.channel, o.external_id, o.name, o.status, o.backordered,
                (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id),
                (SELECT CAST(TOTAL(quantity) AS INTEGER) FROM order_lines l WHERE l.order_id = o.id),
                o.total_cents, o.ordered_at, o.updated_at, o.hold_until
         FROM orders o
         WHERE {filters} AND {search}
         ORDER BY o.id DESC LIMIT ?4"
    ))?;
    let p = params![
        f.status,
        f.channel,
        f.backordered,
        f.limit,
        text,
        hashed,
        lower
    ];
    stmt.query_map(p, |r| {
        Ok(OrderRow {
            id: r.get(0)?,
            channel: r.get(1)?,
            external_id: r.get(2)?,
            name: r.get(3)?,
            status: r.get(4)?,
            backordered: r.get(5)?,
            lines: r.get(6)?,
            units: r.get(7)?,
            total: r.get::<_, Option<i64>>(8)?.map(crate::model::format_cents),
            ordered_at: r.get(9)?,
            updated_at: r.get(10)?,
            hold_until: r.get(11)?,
        })
    })?
    .collect()
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
}

pub fn lines(conn: &Connection, order_id: i64) -> rusqlite::Result<Vec<LineRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.line_no, l.variant_id, v.sku, l.channel_sku, l.external_line_id, l.title,
                l.quantity, l.price_cents, l.quantity_shipped
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
        })
    })?
    .collect()
}

/// The whole order record, for `orders show` and for building shipments.
#[derive(Debug, Clone, Serialize, Default)]
pub struct OrderDetail {
    pub id: i64,
    pub channel: String,
    pub external_id: String,
    pub name: Option<String>,
    pub status: String,
    pub backordered: bool,
    pub backorder_reason: Option<String>,
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
    pub total: Option<String>,
    pub tags: Option<String>,
    pub note: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub fn detail(conn: &Connection, id: i64) -> rusqlite::Result<Option<OrderDetail>> {
    conn.prepare_cached(
        "SELECT id, channel, external_id, name, status, backordered, backorder_reason, ordered_at,
                customer_name, email, phone, ship_name, ship_company, ship_address1, ship_address2,
                ship_city, ship_province, ship_zip, ship_country, shipping_method, carrier_service,
                requested_warehouse, currency, total_cents, tags, note, created_at, updated_at
         FROM orders WHERE id = ?1",
    )?
    .query_row(params![id], |r| {
        Ok(OrderDetail {
            id: r.get(0)?,
            channel: r.get(1)?,
            external_id: r.get(2)?,
            name: r.get(3)?,
            status: r.get(4)?,
            backordered: r.get(5)?,
            backorder_reason: r.get(6)?,
            ordered_at: r.get(7)?,
            customer_name: r.get(8)?,
            email: r.get(9)?,
            phone: r.get(10)?,
            ship_name: r.get(11)?,
            ship_company: r.get(12)?,
            ship_address1: r.get(13)?,
            ship_address2: r.get(14)?,
            ship_city: r.get(15)?,
            ship_province: r.get(16)?,
            ship_zip: r.get(17)?,
            ship_country: r.get(18)?,
            shipping_method: r.get(19)?,
            carrier_service: r.get(20)?,
            requested_warehouse: r.get(21)?,
            currency: r.get(22)?,
            total: r.get::<_, Option<i64>>(23)?.map(crate::model::format_cents),
            tags: r.get(24)?,
            note: r.get(25)?,
            created_at: r.get(26)?,
            updated_at: r.get(27)?,
        })
    })
    .optional()
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

/// Backordered orders, first in first out (SPEC §4.2.4).
pub fn backordered(conn: &Connection) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        // The partial index holds only backordered orders; without the hint SQLite may walk
        // every approved order instead.
        "SELECT id FROM orders INDEXED BY orders_backordered
         WHERE backordered = 1 AND status IN ('approved', 'fulfilling', 'partially_fulfilled')
         ORDER BY COALESCE(ordered_at, created_at), id",
    )?;
    stmt.query_map([], |r| r.get(0))?.collect()
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

/// Whether a channel has any order yet (answered from the (channel, external_id) index).
pub fn channel_has_orders(conn: &Connection, channel: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM orders WHERE channel = ?1)")?
        .query_row(params![channel], |r| r.get(0))
}
