//! Bulk reads behind `orders process`, backorder retries and `shipments send`. These flows
//! touch tens of thousands of orders per run, so they read a batch of orders (or shipments)
//! per query instead of one row at a time; the ids of a batch travel as one JSON array.

use rusqlite::{Connection, params};

use crate::model::OrderStatus;
use crate::model::order::Address;
use crate::model::rollup::Rollup;

/// What planning needs to know about an order besides its lines.
#[derive(Debug, Clone)]
pub struct OrderHead {
    pub id: i64,
    pub channel: String,
    pub name: Option<String>,
    pub external_id: String,
    pub status: OrderStatus,
    pub backordered: bool,
    pub backorder_reason: Option<String>,
    pub requested_warehouse: Option<String>,
    pub carrier_service: Option<String>,
    /// An order rule's `max_splits` for this order.
    pub max_splits: Option<u32>,
    /// The rule whose warehouse must ship the order in full (`only_enough_stock`).
    pub strict_rule: Option<String>,
    /// The facts the order's status follows from (model::rollup), as the batch was read;
    /// the same facts `ops::order_status::refresh` reads one order at a time.
    pub rollup: Rollup,
}

/// One order line with the units no shipment covers yet.
#[derive(Debug, Clone)]
pub struct OpenLine {
    pub order_id: i64,
    pub order_line_id: i64,
    pub variant_id: i64,
    pub sku: String,
    /// Ordered minus the units in shipments that are not cancelled; may be 0.
    pub remaining: i64,
    /// Set for a component line of a bundle line.
    pub kit: Option<KitPart>,
}

/// What a component line belongs to: its bundle line, the bundle's SKU, units per kit.
#[derive(Debug, Clone)]
pub struct KitPart {
    pub line_id: i64,
    pub sku: String,
    pub per_kit: i64,
}

/// Page cache of `orders process`: every stock level and the ledger's indexes, touched at
/// random by each batch.
pub const PROCESS_CACHE_KIB: i64 = 65_536;
/// Page cache of an import: the index pages a batch of orders lands on. Half of processing's,
/// so the import of a million orders stays under 100 MB with its duplicate-id sets; a larger
/// cache measured no faster.
pub const IMPORT_CACHE_KIB: i64 = 32_768;

/// Gives this connection a page cache that holds a bulk run's working set; SQLite's default
/// of 2 MB would write those pages out and read them back many times within one batch.
pub fn widen_cache(conn: &Connection, kib: i64) -> rusqlite::Result<()> {
    conn.pragma_update(None, "cache_size", -kib)
}

fn id_list(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// The heads of the given orders, in id order.
pub fn heads(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<OrderHead>> {
    conn.prepare_cached(
        "SELECT o.id, o.channel, o.name, o.external_id, o.status, o.backordered,
                o.backorder_reason, o.requested_warehouse, o.carrier_service,
                (SELECT COUNT(*) FROM shipments s WHERE s.order_id = o.id
                    AND (s.status IN ('ready_to_send', 'sent_to_warehouse', 'cancel_requested')
                        OR (s.status = 'short_shipped' AND s.rest_open = 1))),
                (SELECT COUNT(*) FROM shipments s WHERE s.order_id = o.id
                    AND s.status IN ('shipped', 'short_shipped')),
                NOT EXISTS (SELECT 1 FROM order_lines l
                            WHERE l.order_id = o.id AND l.quantity_shipped < l.quantity),
                o.max_splits, o.strict_rule
         FROM orders o WHERE o.id IN (SELECT value FROM json_each(?1)) ORDER BY o.id",
    )?
    .query_map(params![id_list(ids)], |r| {
        let backordered = r.get(5)?;
        Ok(OrderHead {
            id: r.get(0)?,
            channel: r.get(1)?,
            name: r.get(2)?,
            external_id: r.get(3)?,
            status: super::parse_text(&r.get::<_, String>(4)?)?,
            backordered,
            backorder_reason: r.get(6)?,
            requested_warehouse: r.get(7)?,
            carrier_service: r.get(8)?,
            max_splits: r
                .get::<_, Option<i64>>(12)?
                .map(|m| u32::try_from(m.max(1)).unwrap_or(u32::MAX)),
            strict_rule: r.get(13)?,
            rollup: Rollup {
                open_shipments: r.get::<_, i64>(9)? as usize,
                shipped_shipments: r.get::<_, i64>(10)? as usize,
                fully_shipped: r.get(11)?,
                backordered,
            },
        })
    })?
    .collect()
}

/// The lines of the given orders with what is left to allocate, ordered by order and line.
/// Shipments are found through their order (indexed), not through their lines (which are
/// indexed only by shipment).
pub fn open_lines(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<OpenLine>> {
    conn.prepare_cached(
        "WITH batch(id) AS (SELECT value FROM json_each(?1)),
         covered(line_id, units) AS (
             SELECT sl.order_line_id, SUM(sl.quantity)
             FROM shipments s JOIN shipment_lines sl ON sl.shipment_id = s.id
             WHERE s.order_id IN (SELECT id FROM batch) AND s.status <> 'cancelled'
             GROUP BY sl.order_line_id
         )
         SELECT l.order_id, l.id, l.variant_id, v.sku, l.quantity - COALESCE(c.units, 0),
                l.bundle_line_id, bv.sku, l.quantity / b.quantity
         FROM order_lines l
         JOIN variants v ON v.id = l.variant_id
         LEFT JOIN covered c ON c.line_id = l.id
         LEFT JOIN order_lines b ON b.id = l.bundle_line_id
         LEFT JOIN variants bv ON bv.id = b.variant_id
         WHERE l.order_id IN (SELECT id FROM batch)
           -- A bundle line is allocated through its component lines.
           AND NOT EXISTS (SELECT 1 FROM order_lines k WHERE k.bundle_line_id = l.id)
         ORDER BY l.order_id, l.line_no",
    )?
    .query_map(params![id_list(ids)], |r| {
        Ok(OpenLine {
            order_id: r.get(0)?,
            order_line_id: r.get(1)?,
            variant_id: r.get(2)?,
            sku: r.get(3)?,
            remaining: r.get(4)?,
            kit: match r.get::<_, Option<i64>>(5)? {
                Some(line_id) => Some(KitPart {
                    line_id,
                    sku: r.get(6)?,
                    per_kit: r.get(7)?,
                }),
                None => None,
            },
        })
    })?
    .collect()
}

/// One stock level as the planner loads it.
#[derive(Debug, Clone)]
pub struct StockRow {
    pub warehouse: String,
    pub variant_id: i64,
    pub on_hand: i64,
    pub allocated: i64,
}

/// The stock levels of `variant_ids` in every warehouse, in one query: the planner loads
/// the SKUs each batch needs, so a retry for one SKU does not read the whole catalog.
/// Units held on a physical stock source by orders on hold are not free to allocate, so
/// they count as allocated here.
pub fn levels_of(conn: &Connection, variant_ids: &[i64]) -> rusqlite::Result<Vec<StockRow>> {
    conn.prepare_cached(
        "SELECT warehouse, variant_id, on_hand, allocated + held FROM stock_levels
         WHERE variant_id IN (SELECT value FROM json_each(?1))",
    )?
    .query_map([id_list(variant_ids)], |r| {
        Ok(StockRow {
            warehouse: r.get(0)?,
            variant_id: r.get(1)?,
            on_hand: r.get(2)?,
            allocated: r.get(3)?,
        })
    })?
    .collect()
}

/// Records a send attempt for each of `ids` before they are sent (SPEC §8), in one
/// statement: the bulk twin of `shipments::note_attempt`.
pub fn note_attempts(conn: &Connection, ids: &[i64]) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE shipments SET send_attempts = send_attempts + 1, updated_at = ?2
         WHERE id IN (SELECT value FROM json_each(?1))",
    )?
    .execute(params![id_list(ids), crate::model::now()])?;
    Ok(())
}

/// A shipment with its order's address and its lines, as a warehouse must receive it.
/// SKUs are oms's; the flow translates them for the channel.
#[derive(Debug, Clone, Default)]
pub struct Outbound {
    pub id: i64,
    pub reference: String,
    pub order_id: i64,
    pub order_name: Option<String>,
    pub order_external_id: String,
    pub sales_channel: String,
    pub warehouse: String,
    pub carrier_service: Option<String>,
    pub email: Option<String>,
    pub ship_to: Address,
    pub lines: Vec<OutboundLine>,
}

#[derive(Debug, Clone, Default)]
pub struct OutboundLine {
    pub sku: String,
    pub quantity: i64,
    pub title: Option<String>,
    /// For a component of a bundle line: the bundle's SKU, so the warehouse can pack the kit.
    pub bundle_sku: Option<String>,
    /// ... and the bundle line's id (oms's order line id).
    pub bundle_line_id: Option<i64>,
}

/// The given shipments with everything a shipment request needs, in id order.
pub fn outbound(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<Outbound>> {
    let list = id_list(ids);
    let mut shipments: Vec<Outbound> = conn
        .prepare_cached(
            "SELECT s.id, s.reference, s.order_id, o.name, o.external_id, o.channel, s.warehouse,
                    s.carrier_service, o.email, o.ship_name, o.ship_company, o.ship_address1,
                    o.ship_address2, o.ship_city, o.ship_province, o.ship_zip, o.ship_country, o.phone
             FROM shipments s JOIN orders o ON o.id = s.order_id
             WHERE s.id IN (SELECT value FROM json_each(?1)) ORDER BY s.id",
        )?
        .query_map(params![list], |r| {
            Ok(Outbound {
                id: r.get(0)?,
                reference: r.get(1)?,
                order_id: r.get(2)?,
                order_name: r.get(3)?,
                order_external_id: r.get(4)?,
                sales_channel: r.get(5)?,
                warehouse: r.get(6)?,
                carrier_service: r.get(7)?,
                email: r.get(8)?,
                ship_to: Address {
                    name: r.get(9)?,
                    company: r.get(10)?,
                    address1: r.get(11)?,
                    address2: r.get(12)?,
                    city: r.get(13)?,
                    province: r.get(14)?,
                    zip: r.get(15)?,
                    country: r.get(16)?,
                    phone: r.get(17)?,
                },
                lines: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT sl.shipment_id, v.sku, sl.quantity, ol.title, bv.sku, ol.bundle_line_id
         FROM shipment_lines sl
         JOIN variants v ON v.id = sl.variant_id
         JOIN order_lines ol ON ol.id = sl.order_line_id
         LEFT JOIN order_lines b ON b.id = ol.bundle_line_id
         LEFT JOIN variants bv ON bv.id = b.variant_id
         WHERE sl.shipment_id IN (SELECT value FROM json_each(?1))
         ORDER BY sl.shipment_id, sl.id",
    )?;
    let mut rows = stmt.query(params![list])?;
    // Both queries are in id order, so the lines are handed out in one walk.
    let mut at = 0;
    while let Some(r) = rows.next()? {
        let shipment_id: i64 = r.get(0)?;
        while at < shipments.len() && shipments[at].id < shipment_id {
            at += 1;
        }
        if let Some(s) = shipments.get_mut(at).filter(|s| s.id == shipment_id) {
            s.lines.push(OutboundLine {
                sku: r.get(1)?,
                quantity: r.get(2)?,
                title: r.get(3)?,
                bundle_sku: r.get(4)?,
                bundle_line_id: r.get(5)?,
            });
        }
    }
    Ok(shipments)
}
