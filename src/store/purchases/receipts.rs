//! Receipts: what a warehouse reports it received against a PO. A receipt is stored once
//! per (channel, external id), so reading the same report again is recognised and changes
//! nothing. Its status is decided when it is stored and written to the story with it.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::model::{ReceiptStatus, now};
use crate::store::history;

pub struct NewReceipt<'a> {
    pub po_id: i64,
    pub channel: &'a str,
    pub external_id: &'a str,
    pub received_at: Option<&'a str>,
    pub status: ReceiptStatus,
    pub lines: &'a [NewReceiptLine],
}

#[derive(Debug, Clone)]
pub struct NewReceiptLine {
    pub po_line_id: i64,
    pub variant_id: i64,
    pub quantity: i64,
    pub lot: Option<String>,
    pub serial: Option<String>,
    pub expiration_date: Option<String>,
}

/// Whether this channel's receipt was already applied.
pub fn exists(conn: &Connection, channel: &str, external_id: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM receipts WHERE channel = ?1 AND external_id = ?2)",
    )?
    .query_row(params![channel, external_id], |r| r.get(0))
}

/// Stores a receipt with its lines and records its status in the story. Returns its id.
pub fn insert(conn: &Connection, r: &NewReceipt, cause: &str) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO receipts (po_id, channel, external_id, status, received_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        r.po_id,
        r.channel,
        r.external_id,
        r.status.as_str(),
        r.received_at,
        now()
    ])?;
    let id = conn.last_insert_rowid();
    let mut line = conn.prepare_cached(
        "INSERT INTO receipt_lines (receipt_id, po_line_id, variant_id, quantity, lot, serial,
                                    expiration_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for l in r.lines {
        line.execute(params![
            id,
            l.po_line_id,
            l.variant_id,
            l.quantity,
            l.lot,
            l.serial,
            l.expiration_date
        ])?;
    }
    history::record(conn, "receipt", id, None, r.status.as_str(), cause, None)?;
    Ok(id)
}

/// One receipt of a PO, as `oms po show` lists it.
#[derive(Debug, Clone, Serialize, Default)]
pub struct ReceiptRow {
    pub receipt: String,
    pub channel: String,
    pub status: String,
    pub units: i64,
    /// The lots, serials and expiration dates the warehouse reported, line by line
    /// (`TEE-RED-M lot L-1 exp 2027-06-30 × 10; MUG-1 serial SN-9 × 1`).
    pub lots: Option<String>,
    pub received_at: Option<String>,
    pub recorded_at: String,
}

pub fn of_po(conn: &Connection, po_id: i64) -> rusqlite::Result<Vec<ReceiptRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.external_id, r.channel, r.status,
                (SELECT COALESCE(SUM(quantity), 0) FROM receipt_lines l WHERE l.receipt_id = r.id),
                r.received_at, r.created_at,
                (SELECT group_concat(v.sku || COALESCE(' lot ' || l.lot, '')
                                     || COALESCE(' serial ' || l.serial, '')
                                     || COALESCE(' exp ' || l.expiration_date, '')
                                     || ' × ' || l.quantity, '; ')
                 FROM receipt_lines l JOIN variants v ON v.id = l.variant_id
                 WHERE l.receipt_id = r.id
                   AND (l.lot IS NOT NULL OR l.serial IS NOT NULL OR l.expiration_date IS NOT NULL))
         FROM receipts r WHERE r.po_id = ?1 ORDER BY r.id",
    )?;
    stmt.query_map(params![po_id], |r| {
        Ok(ReceiptRow {
            receipt: r.get(0)?,
            channel: r.get(1)?,
            status: r.get(2)?,
            units: r.get(3)?,
            lots: r.get(6)?,
            received_at: r.get(4)?,
            recorded_at: r.get(5)?,
        })
    })?
    .collect()
}

/// Units per variant applied by a channel's receipts whose ids start with `prefix`: what
/// earlier reads of one running-total record (a WRO) already counted.
pub fn applied_under(
    conn: &Connection,
    channel: &str,
    prefix: &str,
) -> rusqlite::Result<std::collections::HashMap<i64, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.variant_id, SUM(l.quantity) FROM receipts r
         JOIN receipt_lines l ON l.receipt_id = r.id
         WHERE r.channel = ?1 AND substr(r.external_id, 1, length(?2)) = ?2
         GROUP BY l.variant_id",
    )?;
    stmt.query_map(rusqlite::params![channel, prefix], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}
