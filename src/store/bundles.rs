//! Bundles: which variants a bundle variant is made of, and how many of each per kit.
//! The checks that keep the table meaningful (a component is not a bundle, a bundle has no
//! stock) live in `ops::catalog_bundle`, which calls these inside its transaction.

use std::collections::HashMap;

use rusqlite::{Connection, params};
use serde::Serialize;

use super::OptionalRow;
use crate::model::sku_key;

/// One component of a bundle, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Component {
    #[serde(skip)]
    pub variant_id: i64,
    pub sku: String,
    /// Units of this component in one kit.
    pub quantity: i64,
    /// The component's product status: an order for a kit with an inactive component is
    /// rejected.
    pub status: String,
    /// The component's product title, for the component lines of orders.
    #[serde(skip)]
    pub title: String,
}

/// A bundle with its components, for `catalog bundle list|show`.
#[derive(Debug, Clone, Serialize)]
pub struct Bundle {
    #[serde(skip)]
    pub variant_id: i64,
    pub sku: String,
    pub components: Vec<Component>,
}

/// Replaces the components of `bundle_id` (an empty list makes it a plain variant again).
pub fn replace(
    conn: &Connection,
    bundle_id: i64,
    components: &[(i64, i64)],
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM bundle_components WHERE bundle_id = ?1",
        params![bundle_id],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO bundle_components (bundle_id, component_id, quantity) VALUES (?1, ?2, ?3)",
    )?;
    for (component_id, quantity) in components {
        insert.execute(params![bundle_id, component_id, quantity])?;
    }
    Ok(())
}

/// The components of a bundle in SKU order; empty for a variant that is not a bundle.
pub fn components(conn: &Connection, bundle_id: i64) -> rusqlite::Result<Vec<Component>> {
    conn.prepare_cached(
        "SELECT v.id, v.sku, b.quantity, p.status, p.title
         FROM bundle_components b
         JOIN variants v ON v.id = b.component_id
         JOIN products p ON p.id = v.product_id
         WHERE b.bundle_id = ?1 ORDER BY v.sku_key",
    )?
    .query_map(params![bundle_id], |r| {
        Ok(Component {
            variant_id: r.get(0)?,
            sku: r.get(1)?,
            quantity: r.get(2)?,
            status: r.get(3)?,
            title: r.get(4)?,
        })
    })?
    .collect()
}

pub fn is_bundle(conn: &Connection, variant_id: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT 1 FROM bundle_components WHERE bundle_id = ?1 LIMIT 1")?
        .query_row(params![variant_id], |_| Ok(()))
        .optional()
        .map(|found| found.is_some())
}

/// The SKUs of the bundles `variant_id` is a component of.
pub fn bundles_containing(conn: &Connection, variant_id: i64) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached(
        "SELECT v.sku FROM bundle_components b JOIN variants v ON v.id = b.bundle_id
         WHERE b.component_id = ?1 ORDER BY v.sku_key",
    )?
    .query_map(params![variant_id], |r| r.get(0))?
    .collect()
}

/// Every bundle with its components, in SKU order; `sku` limits it to one bundle.
pub fn list(conn: &Connection, sku: Option<&str>) -> rusqlite::Result<Vec<Bundle>> {
    let key = sku.map(sku_key);
    let mut stmt = conn.prepare(
        "SELECT DISTINCT v.id, v.sku FROM bundle_components b JOIN variants v ON v.id = b.bundle_id
         WHERE ?1 IS NULL OR v.sku_key = ?1 ORDER BY v.sku_key",
    )?;
    let heads: Vec<(i64, String)> = stmt
        .query_map(params![key], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    heads
        .into_iter()
        .map(|(variant_id, sku)| {
            Ok(Bundle {
                components: components(conn, variant_id)?,
                variant_id,
                sku,
            })
        })
        .collect()
}

/// Every bundle's components by bundle variant id, for flows that look at many lines.
pub fn all(conn: &Connection) -> rusqlite::Result<HashMap<i64, Vec<Component>>> {
    let mut out: HashMap<i64, Vec<Component>> = HashMap::new();
    for b in list(conn, None)? {
        out.insert(b.variant_id, b.components);
    }
    Ok(out)
}

/// Open orders (not shipped, short shipped or cancelled) with a line of this variant that
/// has no component lines: it was imported before the SKU became a bundle.
pub fn open_plain_orders(conn: &Connection, variant_id: i64) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached(
        "SELECT DISTINCT o.id FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE l.variant_id = ?1 AND l.bundle_line_id IS NULL
           AND o.status NOT IN ('shipped', 'short_shipped', 'cancelled')
           AND NOT EXISTS (SELECT 1 FROM order_lines k WHERE k.bundle_line_id = l.id)
         ORDER BY o.id LIMIT 5",
    )?
    .query_map(params![variant_id], |r| r.get(0))?
    .collect()
}

/// Where a variant has stock rows (levels or ledger): a variant with stock cannot become
/// a bundle, whose stock is its components'.
pub fn stocked_in(conn: &Connection, variant_id: i64) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached(
        "SELECT warehouse FROM stock_levels WHERE variant_id = ?1
           AND (on_hand <> 0 OR allocated <> 0 OR incoming <> 0)
         ORDER BY warehouse",
    )?
    .query_map(params![variant_id], |r| r.get(0))?
    .collect()
}

/// Kits of every bundle that can be packed from `warehouses`' available stock (on hand −
/// allocated − held of each component), by bundle variant id. A kit is packed in one
/// warehouse, so this is the sum over the warehouses of min over components of
/// floor(available ÷ units per kit); with `split`, components may come from different
/// warehouses and it is min over components of floor(summed available ÷ units per kit).
pub fn kits_available(
    conn: &Connection,
    warehouses: &[String],
    split: bool,
) -> rusqlite::Result<HashMap<i64, i64>> {
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    let sql = if split {
        "WITH per(bundle_id, component_id, quantity, avail) AS (
             SELECT b.bundle_id, b.component_id, b.quantity,
                    COALESCE((SELECT SUM(s.on_hand - s.allocated - s.held) FROM stock_levels s
                              WHERE s.variant_id = b.component_id
                                AND s.warehouse IN (SELECT value FROM json_each(?1))), 0)
             FROM bundle_components b
         )
         SELECT bundle_id, MIN(MAX(avail, 0) / quantity) FROM per GROUP BY bundle_id"
    } else {
        "WITH per(bundle_id, warehouse, quantity, avail) AS (
             SELECT b.bundle_id, w.value, b.quantity,
                    COALESCE((SELECT s.on_hand - s.allocated - s.held FROM stock_levels s
                              WHERE s.variant_id = b.component_id AND s.warehouse = w.value), 0)
             FROM bundle_components b CROSS JOIN json_each(?1) w
         ),
         kits(bundle_id, n) AS (
             SELECT bundle_id, MIN(MAX(avail, 0) / quantity) FROM per GROUP BY bundle_id, warehouse
         )
         SELECT bundle_id, SUM(n) FROM kits GROUP BY bundle_id"
    };
    conn.prepare(sql)?
        .query_map(params![list], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Bundles whose SKU key matches a `stock::sku_like` pattern (all when `None`), as
/// (variant id, SKU) in SKU order.
pub fn matching(conn: &Connection, like: Option<&str>) -> rusqlite::Result<Vec<(i64, String)>> {
    conn.prepare(
        "SELECT v.id, v.sku FROM variants v
         WHERE EXISTS (SELECT 1 FROM bundle_components b WHERE b.bundle_id = v.id)
           AND (?1 IS NULL OR v.sku_key LIKE ?1 ESCAPE '\\')
         ORDER BY v.sku_key",
    )?
    .query_map(params![like], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// A bundle line of an order with part of a kit shipped: some component has shipped
/// units beyond the whole kits counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartialKit {
    pub bundle_sku: String,
    pub kits_shipped: i64,
    pub kits: i64,
    /// Components short of completing the next kit: (SKU, units missing).
    pub short: Vec<(String, i64)>,
}

impl std::fmt::Display for PartialKit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short: Vec<String> = self
            .short
            .iter()
            .map(|(sku, n)| format!("{sku} ×{n}"))
            .collect();
        write!(
            f,
            "{}: {} of {} kits shipped, a partial kit is not counted (short: {})",
            self.bundle_sku,
            self.kits_shipped,
            self.kits,
            short.join(", ")
        )
    }
}

pub fn partial_kits(conn: &Connection, order_id: i64) -> rusqlite::Result<Vec<PartialKit>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.id, bv.sku, b.quantity, b.quantity_shipped, cv.sku,
                c.quantity / b.quantity, c.quantity_shipped
         FROM order_lines b
         JOIN variants bv ON bv.id = b.variant_id
         JOIN order_lines c ON c.bundle_line_id = b.id
         JOIN variants cv ON cv.id = c.variant_id
         WHERE b.order_id = ?1 ORDER BY b.line_no, c.line_no",
    )?;
    let rows = stmt.query_map(params![order_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    let mut out: Vec<(i64, bool, PartialKit)> = Vec::new();
    for row in rows {
        let (line, bundle_sku, kits, kits_shipped, sku, per_kit, shipped) = row?;
        if out.last().is_none_or(|(l, _, _)| *l != line) {
            out.push((
                line,
                false,
                PartialKit {
                    bundle_sku,
                    kits_shipped,
                    kits,
                    short: Vec::new(),
                },
            ));
        }
        let Some((_, beyond, kit)) = out.last_mut() else {
            continue;
        };
        let counted = kits_shipped * per_kit;
        if shipped > counted {
            *beyond = true;
        }
        let missing = (kits_shipped + 1) * per_kit - shipped;
        if missing > 0 && kits_shipped < kits {
            kit.short.push((sku, missing));
        }
    }
    Ok(out
        .into_iter()
        .filter(|(_, beyond, _)| *beyond)
        .map(|(_, _, kit)| kit)
        .collect())
}
