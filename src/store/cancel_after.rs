//! Orders past their `cancel_after` (docs/processing.md): no longer wanted by the buyer or
//! the shop, and still in oms's hands. `orders process` cancels them (`auto_cancel`),
//! `oms status` lists them otherwise.

use rusqlite::{Connection, params};
use serde::Serialize;

/// An order whose cancel_after has passed before any of it reached a warehouse.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Expired {
    pub order_id: i64,
    pub channel: String,
    pub order: String,
    pub status: String,
    pub cancel_after: String,
}

/// Orders whose cancel_after is before `at` (stored form) and that no warehouse has seen:
/// not final, and no shipment beyond `ready_to_send` (a shipment not yet sent only holds
/// an allocation, which cancelling releases). Earliest deadline first.
pub fn expired(conn: &Connection, at: &str) -> rusqlite::Result<Vec<Expired>> {
    conn.prepare_cached(
        "SELECT o.id, o.channel, COALESCE(o.name, o.external_id), o.status, o.cancel_after
         FROM orders o
         WHERE o.cancel_after IS NOT NULL AND o.cancel_after < ?1
           AND o.status IN ('draft', 'approved', 'on_hold', 'fulfilling', 'partially_fulfilled')
           AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id
                           AND s.status NOT IN ('ready_to_send', 'cancelled'))
         ORDER BY o.cancel_after, o.id",
    )?
    .query_map(params![at], |r| {
        Ok(Expired {
            order_id: r.get(0)?,
            channel: r.get(1)?,
            order: r.get(2)?,
            status: r.get(3)?,
            cancel_after: r.get(4)?,
        })
    })?
    .collect()
}
