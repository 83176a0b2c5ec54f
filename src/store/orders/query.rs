//! What `oms orders list` and `oms orders show` read: rows and the whole record, each
//! with the total computed from its lines by [`crate::model::lines_total`].

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::store::OptionalRow;

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
    /// The lines' Σ quantity × price, or why there is none ([`total_text`]).
    pub total: String,
    /// What the shop said the total is (with shipping and tax), when it said.
    pub stated_total: Option<String>,
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
    let recent = list_where(
        conn,
        f,
        &filters,
        &crate::store::order_lookup::recent_condition(),
    )?;
    if recent.len() as i64 >= f.limit {
        return Ok(recent);
    }
    let search = crate::store::order_lookup::search_condition(&filters);
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
            let (a, b, c) = crate::store::order_lookup::search_params(t);
            (Some(a), Some(b), Some(c))
        }
        None => (None, None, None),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT o.id, o.channel, o.external_id, o.name, o.status, o.backordered,
                (SELECT COUNT(*) FROM order_lines l
                 WHERE l.order_id = o.id AND l.bundle_line_id IS NULL),
                (SELECT CAST(TOTAL(quantity) AS INTEGER) FROM order_lines l
                 WHERE l.order_id = o.id AND l.bundle_line_id IS NULL),
                o.total_cents, o.ordered_at, o.updated_at, o.hold_until, {LINE_PRICES}
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
            total: total_text(&r.get::<_, String>(12)?),
            stated_total: r.get::<_, Option<i64>>(8)?.map(crate::model::format_cents),
            ordered_at: r.get(9)?,
            updated_at: r.get(10)?,
            hold_until: r.get(11)?,
        })
    })?
    .collect()
}

/// A JSON array of `[quantity, price_cents]` per line of order `o`, so a list can add
/// up each order with [`crate::model::lines_total`] without a query per order. Component
/// lines of bundles are oms's own and carry no price: only the shop's lines count.
const LINE_PRICES: &str = "(SELECT json_group_array(json_array(l.quantity, l.price_cents))
     FROM (SELECT quantity, price_cents FROM order_lines
           WHERE order_id = o.id AND bundle_line_id IS NULL ORDER BY line_no) l)";

/// The computed total of [`LINE_PRICES`] as people read it: the amount, or why there is
/// none — "no prices" rather than an empty cell that looks like zero.
pub fn total_text(line_prices: &str) -> String {
    use crate::model::{NoTotal, format_cents, lines_total};
    let lines: Vec<(i64, Option<i64>)> = serde_json::from_str(line_prices).unwrap_or_default();
    match lines_total(lines.iter().copied()) {
        Ok(cents) => format_cents(cents),
        Err(NoTotal::Unpriced(_)) if lines.iter().all(|(_, p)| p.is_none()) => "no prices".into(),
        Err(NoTotal::Unpriced(i)) => format!("no price on line {}", i + 1),
        Err(NoTotal::Overflow) => "too large to add up".into(),
    }
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
    /// The lines' Σ quantity × price, or why there is none ([`total_text`]).
    pub total: String,
    /// The shop's own figures, as far as it gave them: kept to compare, never used
    /// in place of the lines.
    pub stated_total: Option<String>,
    pub stated_subtotal: Option<String>,
    pub shipping: Option<String>,
    pub tax: Option<String>,
    pub discount: Option<String>,
    pub tags: Option<String>,
    pub note: Option<String>,
    /// Not yet sent to a warehouse after this, the order is cancelled (or listed by status).
    pub cancel_after: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

pub fn detail(conn: &Connection, id: i64) -> rusqlite::Result<Option<OrderDetail>> {
    conn.prepare_cached(&format!(
        "SELECT id, channel, external_id, name, status, backordered, backorder_reason, ordered_at,
                customer_name, email, phone, ship_name, ship_company, ship_address1, ship_address2,
                ship_city, ship_province, ship_zip, ship_country, shipping_method, carrier_service,
                requested_warehouse, currency, total_cents, tags, note, created_at, updated_at,
                subtotal_cents, shipping_cents, tax_cents, discount_cents, {LINE_PRICES},
                cancel_after
         FROM orders o WHERE id = ?1",
    ))?
    .query_row(params![id], |r| {
        let cents = |i: usize| -> rusqlite::Result<Option<String>> {
            Ok(r.get::<_, Option<i64>>(i)?.map(crate::model::format_cents))
        };
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
            total: total_text(&r.get::<_, String>(32)?),
            stated_total: cents(23)?,
            stated_subtotal: cents(28)?,
            shipping: cents(29)?,
            tax: cents(30)?,
            discount: cents(31)?,
            tags: r.get(24)?,
            note: r.get(25)?,
            cancel_after: r.get(33)?,
            created_at: r.get(26)?,
            updated_at: r.get(27)?,
        })
    })
    .optional()
}
