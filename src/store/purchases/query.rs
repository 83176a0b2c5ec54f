//! The read side of POs: `oms po list` rows and the whole record `oms po show` prints.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{PoHead, PoLine, lines, receipts};
use crate::model::PoStatus;
use crate::store::history;

/// One row of `oms po list`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PoRow {
    pub number: String,
    pub status: String,
    pub supplier: String,
    pub warehouse: String,
    pub lines: i64,
    pub ordered: i64,
    pub received: i64,
    pub expected_at: Option<String>,
    pub exported_at: Option<String>,
    pub created_at: String,
}

pub struct ListFilter<'a> {
    pub status: Option<PoStatus>,
    /// Physical warehouses to include; all when empty.
    pub warehouses: &'a [String],
}

pub fn list(conn: &Connection, f: &ListFilter) -> rusqlite::Result<Vec<PoRow>> {
    let all = f.warehouses.is_empty();
    let list = serde_json::to_string(f.warehouses).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare(
        "SELECT p.number, p.status, p.supplier, p.warehouse,
                COUNT(l.id), COALESCE(SUM(l.quantity), 0), COALESCE(SUM(l.quantity_received), 0),
                p.expected_at, p.exported_at, p.created_at
         FROM purchase_orders p LEFT JOIN po_lines l ON l.po_id = p.id
         WHERE (?1 IS NULL OR p.status = ?1)
           AND (?2 OR p.warehouse IN (SELECT value FROM json_each(?3)))
         GROUP BY p.id ORDER BY p.id",
    )?;
    stmt.query_map(params![f.status.map(|s| s.as_str()), all, list], |r| {
        Ok(PoRow {
            number: r.get(0)?,
            status: r.get(1)?,
            supplier: r.get(2)?,
            warehouse: r.get(3)?,
            lines: r.get(4)?,
            ordered: r.get(5)?,
            received: r.get(6)?,
            expected_at: r.get(7)?,
            exported_at: r.get(8)?,
            created_at: r.get(9)?,
        })
    })?
    .collect()
}

/// Everything `oms po show` tells about a PO.
#[derive(Debug, Clone, Serialize, Default)]
pub struct PoDetail {
    pub number: String,
    pub status: String,
    pub supplier: String,
    pub warehouse: String,
    pub expected_at: Option<String>,
    pub note: Option<String>,
    pub external_id: Option<String>,
    pub exported_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub ordered: i64,
    pub received: i64,
    pub remaining: i64,
    pub lines: Vec<PoLine>,
    pub receipts: Vec<receipts::ReceiptRow>,
    pub history: Vec<history::Change>,
}

pub fn detail(conn: &Connection, head: &PoHead) -> rusqlite::Result<PoDetail> {
    let lines = lines(conn, head.id)?;
    Ok(PoDetail {
        number: head.number.clone(),
        status: head.status.as_str().to_string(),
        supplier: head.supplier.clone(),
        warehouse: head.warehouse.clone(),
        expected_at: head.expected_at.clone(),
        note: head.note.clone(),
        external_id: head.external_id.clone(),
        exported_at: head.exported_at.clone(),
        created_at: head.created_at.clone(),
        updated_at: head.updated_at.clone(),
        ordered: lines.iter().map(|l| l.ordered).sum(),
        received: lines.iter().map(|l| l.received).sum(),
        remaining: lines.iter().map(|l| l.remaining).sum(),
        receipts: receipts::of_po(conn, head.id)?,
        history: history::of(conn, "po", head.id)?,
        lines,
    })
}
