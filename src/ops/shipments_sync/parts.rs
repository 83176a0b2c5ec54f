//! What a confirmed parcel leaves behind besides stock movements: its part of the
//! shipment (tracking, units per line) and the lots and serials the warehouse named.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::model::shipment::{ShipmentConfirmation, ShippedLot};
use crate::model::sku_key;
use crate::store::shipment_lots::{self, NewShipmentLot};
use crate::store::shipment_parts;
use crate::store::shipments::{self, ShipmentLineRow, ShipmentRow, ShippedInfo};

/// Keeps the lots and serials the warehouse named with parcel `part`, each with the
/// shipment line of its SKU (decide() checked every SKU is on the shipment).
pub(super) fn record_lots(
    conn: &Connection,
    shipment: &ShipmentRow,
    lines: &[ShipmentLineRow],
    part: i64,
    sku_map: &HashMap<String, String>,
    lots: &[ShippedLot],
) -> rusqlite::Result<()> {
    for lot in lots {
        let key = sku_key(&lot.sku);
        let key = sku_map.get(&key).map(|m| sku_key(m)).unwrap_or(key);
        let Some(line) = lines.iter().find(|l| sku_key(&l.sku) == key) else {
            continue;
        };
        shipment_lots::add(
            conn,
            &NewShipmentLot {
                shipment_id: shipment.id,
                part_no: part,
                order_line_id: line.order_line_id,
                variant_id: line.variant_id,
                lot,
            },
        )?;
    }
    Ok(())
}

/// Records what this confirmation shipped as the shipment's next part, and the shipment's
/// tracking as every part's together. Returns the part's number.
pub(super) fn record_part(
    conn: &Connection,
    shipment: &ShipmentRow,
    lines: &[ShipmentLineRow],
    shipped: &[i64],
    c: &ShipmentConfirmation,
) -> rusqlite::Result<i64> {
    let mut tracking = shipment.tracking_numbers.clone();
    for t in &c.tracking_numbers {
        if !tracking.contains(t) {
            tracking.push(t.clone());
        }
    }
    let info = ShippedInfo {
        external_id: c.external_id.as_deref(),
        carrier: c.carrier.as_deref(),
        tracking_numbers: &tracking,
        tracking_url: c.tracking_url.as_deref(),
        shipped_at: c.shipped_at.as_deref(),
    };
    shipments::record_shipped(conn, shipment.id, &info)?;
    let part_lines: Vec<(i64, i64)> = lines.iter().zip(shipped).map(|(l, s)| (l.id, *s)).collect();
    shipment_parts::add(
        conn,
        shipment.id,
        &ShippedInfo {
            tracking_numbers: &c.tracking_numbers,
            ..info
        },
        &part_lines,
    )
}
