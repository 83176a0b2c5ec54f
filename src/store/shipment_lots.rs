//! The lots and serial numbers of shipped units (migration 0020), per parcel and order line.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::shipment::ShippedLot;

/// One lot of a parcel as stored: `lot.sku` is oms's SKU.
pub struct NewShipmentLot<'a> {
    pub shipment_id: i64,
    pub part_no: i64,
    pub order_line_id: i64,
    pub variant_id: i64,
    pub lot: &'a ShippedLot,
}

pub fn add(conn: &Connection, l: &NewShipmentLot) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO shipment_lots (shipment_id, part_no, order_line_id, variant_id, lot, serial,
                                    expiration_date, quantity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        l.shipment_id,
        l.part_no,
        l.order_line_id,
        l.variant_id,
        l.lot.lot,
        l.lot.serial,
        l.lot.expiration_date,
        l.lot.quantity
    ])?;
    Ok(())
}

/// A stored lot, as `shipments show` and `orders show` list it.
#[derive(Debug, Clone, Serialize, Default)]
pub struct LotRow {
    pub shipment: String,
    pub part: i64,
    pub sku: String,
    pub lot: Option<String>,
    pub serial: Option<String>,
    pub expiration_date: Option<String>,
    pub quantity: i64,
    #[serde(skip)]
    pub order_line_id: i64,
}

impl LotRow {
    /// The lot as it goes to the shop, under the shop's SKU.
    pub fn to_shop(&self, sku: &str) -> ShippedLot {
        ShippedLot {
            sku: sku.to_string(),
            lot: self.lot.clone(),
            serial: self.serial.clone(),
            expiration_date: self.expiration_date.clone(),
            quantity: self.quantity,
        }
    }
}

fn row(r: &rusqlite::Row) -> rusqlite::Result<LotRow> {
    Ok(LotRow {
        shipment: r.get(0)?,
        part: r.get(1)?,
        sku: r.get(2)?,
        lot: r.get(3)?,
        serial: r.get(4)?,
        expiration_date: r.get(5)?,
        quantity: r.get(6)?,
        order_line_id: r.get(7)?,
    })
}

const COLUMNS: &str = "SELECT s.reference, l.part_no, v.sku, l.lot, l.serial, l.expiration_date,
                              l.quantity, l.order_line_id
                       FROM shipment_lots l JOIN shipments s ON s.id = l.shipment_id
                       JOIN variants v ON v.id = l.variant_id";

pub fn of_shipment(conn: &Connection, shipment_id: i64) -> rusqlite::Result<Vec<LotRow>> {
    conn.prepare_cached(&format!(
        "{COLUMNS} WHERE l.shipment_id = ?1 ORDER BY l.part_no, l.id"
    ))?
    .query_map([shipment_id], row)?
    .collect()
}

pub fn of_order(conn: &Connection, order_id: i64) -> rusqlite::Result<Vec<LotRow>> {
    conn.prepare_cached(&format!(
        "{COLUMNS} WHERE s.order_id = ?1 ORDER BY s.id, l.part_no, l.id"
    ))?
    .query_map([order_id], row)?
    .collect()
}
