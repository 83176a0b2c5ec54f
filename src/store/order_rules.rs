//! What order rules write to an order at processing (docs/rules.md): their columns, an
//! added line, and the story check that makes a rule's status change apply once.

use rusqlite::{Connection, params};

use super::orders::NewLine;
use crate::model::now;

/// What rules evaluated at processing change on an order (docs/rules.md).
#[derive(Debug, Clone, Default)]
pub struct RuleColumns<'a> {
    pub carrier_service: Option<&'a str>,
    pub requested_warehouse: Option<&'a str>,
    pub max_splits: Option<i64>,
    pub strict_rule: Option<&'a str>,
    pub tags: Option<&'a str>,
}

/// Writes what processing-time rules decided; columns given as None keep their value.
pub fn set_rule_columns(conn: &Connection, id: i64, c: &RuleColumns) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE orders SET carrier_service = COALESCE(?2, carrier_service),
                requested_warehouse = COALESCE(?3, requested_warehouse),
                max_splits = COALESCE(?4, max_splits),
                strict_rule = COALESCE(?5, strict_rule),
                tags = COALESCE(?6, tags),
                updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        c.carrier_service,
        c.requested_warehouse,
        c.max_splits,
        c.strict_rule,
        c.tags,
        now()
    ])?;
    Ok(())
}

/// Appends a line to an order (a rule's `add_line`) after its last one.
pub fn add_line(conn: &Connection, order_id: i64, line: &NewLine) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO order_lines (order_id, line_no, variant_id, channel_sku, external_line_id, title,
                                  quantity, price_cents)
         SELECT ?1, COALESCE(MAX(line_no), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7
         FROM order_lines WHERE order_id = ?1",
    )?
    .execute(params![
        order_id,
        line.variant_id,
        line.channel_sku,
        line.external_line_id,
        line.title,
        line.quantity,
        line.price_cents
    ])?;
    let id = conn.last_insert_rowid();
    super::orders::add_components(conn, order_id, id, line.variant_id, line.quantity)
}

/// Whether the order's story already mentions `needle` (a rule's status change at
/// processing applies once: an order a person approved or released is not sent back).
pub fn story_mentions(conn: &Connection, id: i64, needle: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM status_history
                        WHERE entity = 'order' AND entity_id = ?1 AND instr(note, ?2) > 0)",
    )?
    .query_row(params![id, needle], |r| r.get(0))
}
