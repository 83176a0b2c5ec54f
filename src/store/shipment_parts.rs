//! The parts of a shipment: one per confirmation applied to it (a parcel with its own
//! tracking). A shipment shipped in one go has one part; one shipped short and completed
//! later has several, and the export to the shop sends each part once.

use rusqlite::{Connection, params};

use super::shipments::{FulfilledLineRow, ShippedInfo};

#[derive(Debug, Clone, Default)]
pub struct PartRow {
    pub part_no: i64,
    pub carrier: Option<String>,
    pub tracking_numbers: Vec<String>,
    pub tracking_url: Option<String>,
    pub shipped_at: Option<String>,
    pub lines: Vec<FulfilledLineRow>,
}

/// Records a part: `lines` are (shipment line id, units shipped in this part). Returns
/// its number within the shipment (1 for the first).
pub fn add(
    conn: &Connection,
    shipment_id: i64,
    info: &ShippedInfo,
    lines: &[(i64, i64)],
) -> rusqlite::Result<i64> {
    let part_no: i64 = conn
        .prepare_cached(
            "SELECT COALESCE(MAX(part_no), 0) + 1 FROM shipment_parts WHERE shipment_id = ?1",
        )?
        .query_row(params![shipment_id], |r| r.get(0))?;
    let tracking = serde_json::to_string(info.tracking_numbers).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO shipment_parts (shipment_id, part_no, carrier, tracking_numbers, tracking_url, shipped_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        shipment_id,
        part_no,
        info.carrier,
        tracking,
        info.tracking_url,
        info.shipped_at
    ])?;
    let part_id = conn.last_insert_rowid();
    let mut insert = conn.prepare_cached(
        "INSERT INTO shipment_part_lines (part_id, shipment_line_id, quantity) VALUES (?1, ?2, ?3)",
    )?;
    for (line_id, units) in lines.iter().filter(|(_, u)| *u > 0) {
        insert.execute(params![part_id, line_id, units])?;
    }
    Ok(part_no)
}

/// A shipment's parts in order, each with its lines as the sales channel knows them.
pub fn of_shipment(conn: &Connection, shipment_id: i64) -> rusqlite::Result<Vec<PartRow>> {
    let mut parts: Vec<(i64, PartRow)> = conn
        .prepare_cached(
            "SELECT id, part_no, carrier, tracking_numbers, tracking_url, shipped_at
             FROM shipment_parts WHERE shipment_id = ?1 ORDER BY part_no",
        )?
        .query_map(params![shipment_id], |r| {
            let tracking: String = r.get(3)?;
            Ok((
                r.get(0)?,
                PartRow {
                    part_no: r.get(1)?,
                    carrier: r.get(2)?,
                    tracking_numbers: serde_json::from_str(&tracking).unwrap_or_default(),
                    tracking_url: r.get(4)?,
                    shipped_at: r.get(5)?,
                    lines: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut lines = conn.prepare_cached(
        "SELECT ol.channel_sku, ol.external_line_id, pl.quantity, ol.id
         FROM shipment_part_lines pl
         JOIN shipment_lines sl ON sl.id = pl.shipment_line_id
         JOIN order_lines ol ON ol.id = sl.order_line_id
         WHERE pl.part_id = ?1 ORDER BY sl.id",
    )?;
    for (id, part) in &mut parts {
        part.lines = lines
            .query_map(params![*id], |r| {
                Ok(FulfilledLineRow {
                    channel_sku: r.get(0)?,
                    external_line_id: r.get(1)?,
                    quantity_shipped: r.get(2)?,
                    order_line_id: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(parts.into_iter().map(|(_, p)| p).collect())
}

/// Marks whether a short shipment still waits for its missing units.
pub fn set_rest_open(conn: &Connection, shipment_id: i64, open: bool) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE shipments SET rest_open = ?2 WHERE id = ?1")?
        .execute(params![shipment_id, open])?;
    Ok(())
}
