//! Products and variants. A variant's `sku_key` (trimmed, lower-cased) is unique; the
//! `sku` column keeps the spelling first seen. Every change goes through [`save`], an
//! upsert on the natural keys (handle, SKU key) that says whether anything changed, so
//! re-importing the same file is harmless and reports "unchanged".

use std::collections::HashMap;

use rusqlite::{Connection, Row, params};
use serde::Serialize;

use super::OptionalRow;
use crate::model::catalog::{
    CatalogEntry, Product, ProductPatch, ProductStatus, Variant, VariantPatch,
};
use crate::model::{now, sku_key};

#[derive(Debug, Clone, Serialize, Default)]
pub struct VariantRef {
    pub id: i64,
    pub product_id: i64,
    pub sku: String,
}

/// Looks a SKU up by its key (case and surrounding space ignored).
pub fn find_variant(conn: &Connection, sku: &str) -> rusqlite::Result<Option<VariantRef>> {
    conn.prepare_cached("SELECT id, product_id, sku FROM variants WHERE sku_key = ?1")?
        .query_row(params![sku_key(sku)], |r| {
            Ok(VariantRef {
                id: r.get(0)?,
                product_id: r.get(1)?,
                sku: r.get(2)?,
            })
        })
        .optional()
}

/// Every variant id by SKU key, for bulk work (imports, syncs) that must not query per row.
pub fn variant_ids(conn: &Connection) -> rusqlite::Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare("SELECT sku_key, id FROM variants")?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Who is writing: `source` is `oms` for changes made by hand (commands and file
/// imports) or a channel code. `manual` stamps `manual_edit_at` on the rows it changes,
/// which tells a later sync from the master that a person changed them; a write that is
/// not manual comes from the master and clears the stamp of every row it changes, since
/// the person's values are gone.
#[derive(Debug, Clone, Copy)]
pub struct Stamp<'a> {
    pub source: &'a str,
    pub manual: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Saved {
    Created,
    Updated,
    Unchanged,
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A new product needs a title; the caller names the field in its own terms.
    #[error("a title is required for the new product `{0}`")]
    NoTitle(String),
    #[error(transparent)]
    Sql(#[from] rusqlite::Error),
}

/// What [`save_traced`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saving {
    pub saved: Saved,
    /// The latest manual edit among the rows this write changed (the product, the
    /// variant): a person's values that are now replaced.
    pub replaced_manual_edit: Option<String>,
}

/// Creates or updates the product `handle` and the variant `sku` in it. A variant that
/// already exists under another product moves to this one. Writes only what changed.
pub fn save(
    conn: &Connection,
    handle: &str,
    product: &ProductPatch,
    sku: &str,
    variant: &VariantPatch,
    stamp: Stamp,
) -> Result<Saved, SaveError> {
    save_traced(conn, handle, product, sku, variant, stamp).map(|s| s.saved)
}

/// [`save`], also saying whose manual edits the write replaced.
pub fn save_traced(
    conn: &Connection,
    handle: &str,
    product: &ProductPatch,
    sku: &str,
    variant: &VariantPatch,
    stamp: Stamp,
) -> Result<Saving, SaveError> {
    let at = now();
    let manual_at = stamp.manual.then_some(at.as_str());
    let mut replaced: Option<String> = None;
    let (product_id, product_changed) = match product_row(conn, handle)? {
        Some((id, old, old_manual)) => {
            let mut new = old.clone();
            product.apply(&mut new);
            let changed = new != old;
            if changed {
                update_product(conn, id, &new, stamp.source, manual_at, &at)?;
                replaced = old_manual;
            }
            (id, changed)
        }
        None => {
            let title = product
                .title
                .clone()
                .ok_or_else(|| SaveError::NoTitle(handle.to_string()))?;
            let mut new = Product {
                handle: handle.to_string(),
                title,
                ..Product::default()
            };
            product.apply(&mut new);
            (
                insert_product(conn, &new, stamp.source, manual_at, &at)?,
                true,
            )
        }
    };
    let saved = match variant_row(conn, sku)? {
        Some(StoredVariant {
            id,
            product_id: old_product,
            variant: old,
            manual_edit_at: old_manual,
        }) => {
            let mut new = old.clone();
            variant.apply(&mut new);
            if new != old || old_product != product_id {
                update_variant(conn, id, product_id, &new, stamp.source, manual_at, &at)?;
                replaced = replaced.max(old_manual);
                Saved::Updated
            } else if product_changed {
                Saved::Updated
            } else {
                Saved::Unchanged
            }
        }
        None => {
            let mut new = Variant {
                sku: sku.trim().to_string(),
                ..Variant::default()
            };
            variant.apply(&mut new);
            insert_variant(conn, product_id, &new, stamp.source, manual_at, &at)?;
            Saved::Created
        }
    };
    Ok(Saving {
        saved,
        replaced_manual_edit: replaced,
    })
}

pub fn product_by_handle(
    conn: &Connection,
    handle: &str,
) -> rusqlite::Result<Option<(i64, Product)>> {
    Ok(product_row(conn, handle)?.map(|(id, p, _)| (id, p)))
}

/// The product with this handle: its id, values and manual edit time.
fn product_row(
    conn: &Connection,
    handle: &str,
) -> rusqlite::Result<Option<(i64, Product, Option<String>)>> {
    conn.prepare_cached(
        "SELECT id, handle, title, vendor, product_type, tags, description, status,
                manual_edit_at
         FROM products WHERE handle = ?1",
    )?
    .query_row(params![handle], |r| {
        Ok((r.get(0)?, product_at(r, 1)?, r.get(8)?))
    })
    .optional()
}

/// The variant with this SKU key: its id, its product's id and its values.
pub fn variant_by_sku(
    conn: &Connection,
    sku: &str,
) -> rusqlite::Result<Option<(i64, i64, Variant)>> {
    Ok(variant_row(conn, sku)?.map(|s| (s.id, s.product_id, s.variant)))
}

/// A stored variant with its ids and the time a person last edited it.
struct StoredVariant {
    id: i64,
    product_id: i64,
    variant: Variant,
    manual_edit_at: Option<String>,
}

fn variant_row(conn: &Connection, sku: &str) -> rusqlite::Result<Option<StoredVariant>> {
    conn.prepare_cached(
        "SELECT id, product_id, sku, title, option1, option2, option3, barcode, price_cents,
                weight_grams, manual_edit_at
         FROM variants WHERE sku_key = ?1",
    )?
    .query_row(params![sku_key(sku)], |r| {
        Ok(StoredVariant {
            id: r.get(0)?,
            product_id: r.get(1)?,
            variant: variant_at(r, 2)?,
            manual_edit_at: r.get(10)?,
        })
    })
    .optional()
}

fn insert_product(
    conn: &Connection,
    p: &Product,
    source: &str,
    manual_at: Option<&str>,
    at: &str,
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO products (handle, title, vendor, product_type, tags, description, status,
                               source, manual_edit_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
    )?
    .execute(params![
        p.handle,
        p.title,
        p.vendor,
        p.product_type,
        p.tags,
        p.description,
        p.status.as_str(),
        source,
        manual_at,
        at
    ])?;
    Ok(conn.last_insert_rowid())
}

/// `manual_at` replaces the stamp: `None` (a write from the master) clears it.
fn update_product(
    conn: &Connection,
    id: i64,
    p: &Product,
    source: &str,
    manual_at: Option<&str>,
    at: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE products SET title = ?2, vendor = ?3, product_type = ?4, tags = ?5,
                description = ?6, status = ?7, source = ?8,
                manual_edit_at = ?9, updated_at = ?10
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        p.title,
        p.vendor,
        p.product_type,
        p.tags,
        p.description,
        p.status.as_str(),
        source,
        manual_at,
        at
    ])?;
    Ok(())
}

fn insert_variant(
    conn: &Connection,
    product_id: i64,
    v: &Variant,
    source: &str,
    manual_at: Option<&str>,
    at: &str,
) -> rusqlite::Result<i64> {
    let [o1, o2, o3] = &v.options;
    conn.prepare_cached(
        "INSERT INTO variants (product_id, sku, sku_key, title, option1, option2, option3,
                               barcode, price_cents, weight_grams, source, manual_edit_at,
                               created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
    )?
    .execute(params![
        product_id,
        v.sku,
        sku_key(&v.sku),
        v.title,
        o1,
        o2,
        o3,
        v.barcode,
        v.price_cents,
        v.weight_grams,
        source,
        manual_at,
        at
    ])?;
    Ok(conn.last_insert_rowid())
}

/// `manual_at` replaces the stamp, as in [`update_product`].
fn update_variant(
    conn: &Connection,
    id: i64,
    product_id: i64,
    v: &Variant,
    source: &str,
    manual_at: Option<&str>,
    at: &str,
) -> rusqlite::Result<()> {
    let [o1, o2, o3] = &v.options;
    conn.prepare_cached(
        "UPDATE variants SET product_id = ?2, title = ?3, option1 = ?4, option2 = ?5,
                option3 = ?6, barcode = ?7, price_cents = ?8, weight_grams = ?9, source = ?10,
                manual_edit_at = ?11, updated_at = ?12
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        product_id,
        v.title,
        o1,
        o2,
        o3,
        v.barcode,
        v.price_cents,
        v.weight_grams,
        source,
        manual_at,
        at
    ])?;
    Ok(())
}

/// A variant with its product, and where its values came from.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub entry: CatalogEntry,
    pub source: String,
    /// The later of the product's and the variant's manual edits.
    pub manual_edit_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

const RECORD_SELECT: &str =
    "SELECT p.handle, p.title, p.vendor, p.product_type, p.tags, p.description, p.status,
            v.sku, v.title, v.option1, v.option2, v.option3, v.barcode, v.price_cents,
            v.weight_grams, v.source, max(coalesce(v.manual_edit_at, ''), coalesce(p.manual_edit_at, '')),
            v.created_at, v.updated_at
     FROM variants v JOIN products p ON p.id = v.product_id";

/// Variants with their products, grouped by product (handle order) and in the order
/// the variants were created, which is the order exports need. `search` matches SKUs,
/// handles, titles and barcodes, ignoring ASCII case.
pub fn records(conn: &Connection, search: Option<&str>) -> rusqlite::Result<Vec<Record>> {
    let pattern = search.map(|s| {
        let escaped = s
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    let sql = format!(
        "{RECORD_SELECT}
         WHERE ?1 IS NULL OR v.sku LIKE ?1 ESCAPE '\\' OR p.handle LIKE ?1 ESCAPE '\\'
            OR p.title LIKE ?1 ESCAPE '\\' OR v.title LIKE ?1 ESCAPE '\\'
            OR v.barcode LIKE ?1 ESCAPE '\\'
         ORDER BY p.handle, v.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    stmt.query_map(params![pattern], record_at)?.collect()
}

/// One variant with its product, by SKU (case and surrounding space ignored).
pub fn record(conn: &Connection, sku: &str) -> rusqlite::Result<Option<Record>> {
    conn.prepare_cached(&format!("{RECORD_SELECT} WHERE v.sku_key = ?1"))?
        .query_row(params![sku_key(sku)], record_at)
        .optional()
}

fn record_at(r: &Row) -> rusqlite::Result<Record> {
    let manual: String = r.get(16)?;
    Ok(Record {
        entry: CatalogEntry {
            product: product_at(r, 0)?,
            variant: variant_at(r, 7)?,
        },
        source: r.get(15)?,
        manual_edit_at: (!manual.is_empty()).then_some(manual),
        created_at: r.get(17)?,
        updated_at: r.get(18)?,
    })
}

/// A product from 7 columns starting at `at`: handle, title, vendor, type, tags,
/// description, status.
fn product_at(r: &Row, at: usize) -> rusqlite::Result<Product> {
    let status: String = r.get(at + 6)?;
    Ok(Product {
        handle: r.get(at)?,
        title: r.get(at + 1)?,
        vendor: r.get(at + 2)?,
        product_type: r.get(at + 3)?,
        tags: r.get(at + 4)?,
        description: r.get(at + 5)?,
        status: ProductStatus::parse(&status).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                at + 6,
                rusqlite::types::Type::Text,
                format!("products.status: {e}").into(),
            )
        })?,
    })
}

/// A variant from 8 columns starting at `at`: sku, title, option1-3, barcode, price, weight.
fn variant_at(r: &Row, at: usize) -> rusqlite::Result<Variant> {
    Ok(Variant {
        sku: r.get(at)?,
        title: r.get(at + 1)?,
        options: [r.get(at + 2)?, r.get(at + 3)?, r.get(at + 4)?],
        barcode: r.get(at + 5)?,
        price_cents: r.get(at + 6)?,
        weight_grams: r.get(at + 7)?,
    })
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
