//! Re-deriving an order's status from its shipments after anything about them changed.

use rusqlite::{Connection, params};

use crate::model::OrderStatus;
use crate::model::rollup::{Rollup, order_status};
use crate::store::orders;

/// Recomputes order `id`'s status (model::rollup) and records the change, if any, with
/// `cause`. Returns the new status.
pub fn refresh(conn: &Connection, id: i64, cause: &str) -> anyhow::Result<OrderStatus> {
    let current =
        orders::status_of(conn, id)?.ok_or_else(|| anyhow::anyhow!("order {id} does not exist"))?;
    let rollup = conn.prepare_cached(
        "SELECT
            (SELECT COUNT(*) FROM shipments WHERE order_id = ?1
                AND (status IN ('ready_to_send', 'sent_to_warehouse', 'cancel_requested')
                    OR (status = 'short_shipped' AND rest_open = 1))),
            (SELECT COUNT(*) FROM shipments WHERE order_id = ?1 AND status IN ('shipped', 'short_shipped')),
            NOT EXISTS (SELECT 1 FROM order_lines WHERE order_id = ?1 AND quantity_shipped < quantity),
            (SELECT backordered FROM orders WHERE id = ?1)",
    )?
    .query_row(params![id], |r| {
        Ok(Rollup {
            open_shipments: r.get::<_, i64>(0)? as usize,
            shipped_shipments: r.get::<_, i64>(1)? as usize,
            fully_shipped: r.get(2)?,
            backordered: r.get(3)?,
        })
    })?;
    let next = order_status(current, &rollup);
    orders::set_status(conn, id, current, next, cause, None)?;
    Ok(next)
}
