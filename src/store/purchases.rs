//! Purchase orders and their lines (SPEC §2, §3, §4.3); receipts live in [`receipts`].
//! A PO's status changes only through [`set_status`], which writes the story row in the
//! same transaction, so no code path can move a PO silently.

mod query;
pub mod receipts;

pub use query::{ListFilter, PoDetail, PoRow, detail, list};

use rusqlite::{Connection, params};
use serde::Serialize;

use super::{OptionalRow, history, parse_text};
use crate::model::{PoStatus, format_cents, now};

/// A PO ready to be stored: SKUs already resolved to variants, quantities checked.
#[derive(Debug, Clone, Default)]
pub struct NewPo<'a> {
    pub supplier: &'a str,
    pub warehouse: &'a str,
    pub expected_at: Option<&'a str>,
    pub note: Option<&'a str>,
    pub lines: &'a [NewPoLine],
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewPoLine {
    pub variant_id: i64,
    pub quantity: i64,
    pub unit_cost_cents: Option<i64>,
    /// A line is its variant with its lot and serial: one PO may list a SKU once per lot.
    pub lot: Option<String>,
    pub serial: Option<String>,
}

/// The number people and warehouses use for PO `id`: stable, sortable, never reused.
pub fn number_for(id: i64) -> String {
    format!("PO-{id:06}")
}

/// What a person may type for a PO: its number in any case, or just its digits (`7`).
pub fn normalize_number(input: &str) -> String {
    let t = input.trim();
    match t.parse::<i64>() {
        Ok(n) if n > 0 && !t.starts_with('+') => number_for(n),
        _ => t.to_uppercase(),
    }
}

/// Creates a draft PO with its lines in the caller's (write) transaction and starts its
/// story. Returns (id, number).
pub fn create(conn: &Connection, po: &NewPo, cause: &str) -> rusqlite::Result<(i64, String)> {
    // Inside an IMMEDIATE transaction nobody else can insert, so MAX(id) + 1 is ours and the
    // number can be derived from the id in one insert.
    let id: i64 = conn
        .prepare_cached("SELECT COALESCE(MAX(id), 0) + 1 FROM purchase_orders")?
        .query_row([], |r| r.get(0))?;
    let number = number_for(id);
    let at = now();
    conn.prepare_cached(
        "INSERT INTO purchase_orders (id, number, supplier, warehouse, status, expected_at, note,
                                      created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 'draft', ?5, ?6, ?7, ?7)",
    )?
    .execute(params![
        id,
        number,
        po.supplier,
        po.warehouse,
        po.expected_at,
        po.note,
        at
    ])?;
    for line in po.lines {
        set_line(conn, id, line)?;
    }
    history::record(conn, "po", id, None, PoStatus::Draft.as_str(), cause, None)?;
    Ok((id, number))
}

/// Sets the quantity (and unit cost, when given) of a line on a PO — a variant with its lot
/// and serial: updates the existing line, appends a new one, or removes it when the
/// quantity is 0.
pub fn set_line(conn: &Connection, po_id: i64, line: &NewPoLine) -> rusqlite::Result<()> {
    const SAME: &str = "po_id = ?1 AND variant_id = ?2 AND lot IS ?3 AND serial IS ?4";
    let key = params![po_id, line.variant_id, line.lot, line.serial];
    if line.quantity == 0 {
        conn.prepare_cached(&format!("DELETE FROM po_lines WHERE {SAME}"))?
            .execute(key)?;
        return Ok(());
    }
    let updated = conn
        .prepare_cached(&format!(
            "UPDATE po_lines SET quantity = ?5, unit_cost_cents = COALESCE(?6, unit_cost_cents)
             WHERE {SAME}"
        ))?
        .execute(params![
            po_id,
            line.variant_id,
            line.lot,
            line.serial,
            line.quantity,
            line.unit_cost_cents
        ])?;
    if updated == 0 {
        conn.prepare_cached(
            "INSERT INTO po_lines (po_id, line_no, variant_id, quantity, unit_cost_cents, lot, serial)
             VALUES (?1, (SELECT COALESCE(MAX(line_no), 0) + 1 FROM po_lines WHERE po_id = ?1),
                     ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            po_id,
            line.variant_id,
            line.quantity,
            line.unit_cost_cents,
            line.lot,
            line.serial
        ])?;
    }
    Ok(())
}

/// Rewrites the header fields a draft may change.
pub fn update_header(
    conn: &Connection,
    id: i64,
    supplier: &str,
    expected_at: Option<&str>,
    note: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE purchase_orders SET supplier = ?2, expected_at = ?3, note = ?4, updated_at = ?5
         WHERE id = ?1",
    )?
    .execute(params![id, supplier, expected_at, note, now()])?;
    Ok(())
}

/// Changes a PO's status if it is still in `from`, and records why. The guard makes a
/// concurrent change lose cleanly instead of being overwritten; returns whether it moved.
pub fn set_status(
    conn: &Connection,
    id: i64,
    from: PoStatus,
    to: PoStatus,
    cause: &str,
    note: Option<&str>,
) -> rusqlite::Result<bool> {
    history::transition(
        conn,
        "purchase_orders",
        "po",
        id,
        (from.as_str(), to.as_str()),
        cause,
        note,
    )
}

/// Confirms that a PO reached its warehouse's channel; it is never exported again.
pub fn mark_exported(
    conn: &Connection,
    id: i64,
    external_id: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE purchase_orders SET exported_at = ?2, external_id = COALESCE(?3, external_id),
                                    updated_at = ?2
         WHERE id = ?1",
    )?
    .execute(params![id, now(), external_id])?;
    Ok(())
}

/// A PO's header as the flows need it.
#[derive(Debug, Clone, PartialEq)]
pub struct PoHead {
    pub id: i64,
    pub number: String,
    pub supplier: String,
    pub warehouse: String,
    pub status: PoStatus,
    pub expected_at: Option<String>,
    pub note: Option<String>,
    pub external_id: Option<String>,
    pub exported_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

const HEAD_COLUMNS: &str =
    "id, number, supplier, warehouse, status, expected_at, note, external_id,
                            exported_at, created_at, updated_at";

fn head_of(r: &rusqlite::Row) -> rusqlite::Result<PoHead> {
    Ok(PoHead {
        id: r.get(0)?,
        number: r.get(1)?,
        supplier: r.get(2)?,
        warehouse: r.get(3)?,
        status: parse_text(&r.get::<_, String>(4)?)?,
        expected_at: r.get(5)?,
        note: r.get(6)?,
        external_id: r.get(7)?,
        exported_at: r.get(8)?,
        created_at: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

/// Finds a PO by number, case ignored (see [`normalize_number`] for what people type).
pub fn find(conn: &Connection, number: &str) -> rusqlite::Result<Option<PoHead>> {
    conn.prepare_cached(&format!(
        "SELECT {HEAD_COLUMNS} FROM purchase_orders WHERE number = ?1 COLLATE NOCASE"
    ))?
    .query_row(params![normalize_number(number)], head_of)
    .optional()
}

/// Approved POs not yet exported, oldest first.
pub fn awaiting_export(conn: &Connection) -> rusqlite::Result<Vec<PoHead>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {HEAD_COLUMNS} FROM purchase_orders
         WHERE status = 'approved' AND exported_at IS NULL ORDER BY id"
    ))?;
    stmt.query_map([], head_of)?.collect()
}

/// Exported POs of these warehouses that expect stock or were received in full (their
/// channel record may not be settled yet), oldest first: what a fulfillment channel
/// reports receipts for.
pub fn awaiting_receipt(conn: &Connection, warehouses: &[&str]) -> rusqlite::Result<Vec<PoHead>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {HEAD_COLUMNS} FROM purchase_orders
         WHERE status IN ('approved', 'receiving', 'received') AND exported_at IS NOT NULL
         ORDER BY id"
    ))?;
    let all: Vec<PoHead> = stmt.query_map([], head_of)?.collect::<Result<_, _>>()?;
    Ok(all
        .into_iter()
        .filter(|h| warehouses.contains(&h.warehouse.as_str()))
        .collect())
}

/// One line of a PO, with what has arrived so far.
#[derive(Debug, Clone, Serialize, Default, PartialEq)]
pub struct PoLine {
    #[serde(skip)]
    pub id: i64,
    #[serde(skip)]
    pub variant_id: i64,
    pub line_no: i64,
    /// None when the variant has vanished from the catalog (it cannot be approved then).
    pub sku: Option<String>,
    pub ordered: i64,
    pub received: i64,
    pub remaining: i64,
    pub unit_cost: Option<String>,
    pub lot: Option<String>,
    pub serial: Option<String>,
}

impl PoLine {
    pub fn is_complete(&self) -> bool {
        self.received >= self.ordered
    }
}

pub fn lines(conn: &Connection, po_id: i64) -> rusqlite::Result<Vec<PoLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.variant_id, l.line_no, v.sku, l.quantity, l.quantity_received,
                l.unit_cost_cents, l.lot, l.serial
         FROM po_lines l LEFT JOIN variants v ON v.id = l.variant_id
         WHERE l.po_id = ?1 ORDER BY l.line_no",
    )?;
    stmt.query_map(params![po_id], |r| {
        let ordered: i64 = r.get(4)?;
        let received: i64 = r.get(5)?;
        Ok(PoLine {
            id: r.get(0)?,
            variant_id: r.get(1)?,
            line_no: r.get(2)?,
            sku: r.get(3)?,
            ordered,
            received,
            remaining: (ordered - received).max(0),
            unit_cost: r.get::<_, Option<i64>>(6)?.map(format_cents),
            lot: r.get(7)?,
            serial: r.get(8)?,
        })
    })?
    .collect()
}

/// Adds received units to a line.
pub fn add_received(conn: &Connection, line_id: i64, quantity: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE po_lines SET quantity_received = quantity_received + ?2 WHERE id = ?1",
    )?
    .execute(params![line_id, quantity])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, crate::store::Store) {
        let dir = tempfile::tempdir().unwrap();
        let s = crate::store::Store::open(&dir.path().join("t.db")).unwrap();
        s.conn
            .execute_batch(
                "INSERT INTO products (id, handle, title, created_at, updated_at)
                 VALUES (1, 'tee', 'Tee', 'x', 'x');
                 INSERT INTO variants (id, product_id, sku, sku_key, created_at, updated_at)
                 VALUES (1, 1, 'TEE-1', 'tee-1', 'x', 'x'), (2, 1, 'TEE-2', 'tee-2', 'x', 'x');",
            )
            .unwrap();
        (dir, s)
    }

    #[test]
    fn numbers_accept_digits_and_any_case() {
        assert_eq!(number_for(7), "PO-000007");
        assert_eq!(normalize_number(" 7 "), "PO-000007");
        assert_eq!(normalize_number("po-000007"), "PO-000007");
        assert_eq!(normalize_number("-3"), "-3");
    }

    #[test]
    fn lines_are_set_replaced_and_removed() {
        let (_d, s) = store();
        let line = |variant_id, quantity| NewPoLine {
            variant_id,
            quantity,
            unit_cost_cents: None,
            lot: None,
            serial: None,
        };
        let po = NewPo {
            supplier: "Acme",
            warehouse: "east",
            lines: &[
                NewPoLine {
                    unit_cost_cents: Some(250),
                    ..line(1, 10)
                },
                line(2, 5),
            ],
            ..Default::default()
        };
        let (id, number) = create(&s.conn, &po, "test").unwrap();
        assert_eq!(number, "PO-000001");
        set_line(&s.conn, id, &line(1, 4)).unwrap();
        set_line(&s.conn, id, &line(2, 0)).unwrap();
        let got = lines(&s.conn, id).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0].ordered, got[0].unit_cost.as_deref()),
            (4, Some("2.50")),
            "a new quantity keeps the cost it had"
        );
        set_line(&s.conn, id, &line(2, 1)).unwrap();
        assert_eq!(lines(&s.conn, id).unwrap()[1].line_no, 2);
        // The same variant from another lot is a line of its own; its own 0 removes only it.
        let lot_b = NewPoLine {
            lot: Some("B-7".into()),
            ..line(1, 6)
        };
        set_line(&s.conn, id, &lot_b).unwrap();
        let got = lines(&s.conn, id).unwrap();
        assert_eq!(
            got.iter()
                .map(|l| (l.ordered, l.lot.as_deref()))
                .collect::<Vec<_>>(),
            [(4, None), (1, None), (6, Some("B-7"))]
        );
        set_line(
            &s.conn,
            id,
            &NewPoLine {
                quantity: 0,
                ..lot_b
            },
        )
        .unwrap();
        assert_eq!(lines(&s.conn, id).unwrap().len(), 2);
        let head = find(&s.conn, "1").unwrap().unwrap();
        assert_eq!(head.status, PoStatus::Draft);
        assert!(set_status(&s.conn, id, PoStatus::Draft, PoStatus::Approved, "t", None).unwrap());
        assert!(
            !set_status(&s.conn, id, PoStatus::Draft, PoStatus::Cancelled, "t", None).unwrap(),
            "a stale `from` changes nothing"
        );
        let story = history::of(&s.conn, "po", id).unwrap();
        assert_eq!(story.len(), 2);
        assert_eq!(story[1].to, "approved");
    }
}
