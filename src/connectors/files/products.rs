//! The catalog in and out: `inbox/products-*.csv` (oms-csv or Shopify's products CSV,
//! told apart by the header) when this channel is the catalog master, and
//! `outbox/products-<UTC time>.csv|json` when the catalog is pushed to it. Layouts:
//! docs/files-connector.md, "Products"; the CSV columns: docs/formats.md.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{FilesChannel, fs};
use crate::config::FileFormat;
use crate::connectors::{Sent, Sink};
use crate::formats::CsvTable;
use crate::formats::bundles::{self, BundleRow};
use crate::formats::products::{FileRow, ProductFormat, ProductReader, RowKind, write_oms_csv};
use crate::model::catalog::{CatalogEntry, ProductIn};

/// Reads every products file in the inbox, one source per file, oldest name first.
pub(super) fn list(ch: &FilesChannel, sink: Sink<ProductIn>) -> anyhow::Result<()> {
    super::stream_inbox(ch, &super::inbox::PRODUCTS, read_file, sink)
}

/// Reads every bundles file (`bundles-*.csv`, oms-bundles-csv) in the inbox, one source
/// per file, oldest name first.
pub(super) fn list_bundles(ch: &FilesChannel, sink: Sink<BundleRow>) -> anyhow::Result<()> {
    super::stream_inbox(ch, &super::inbox::BUNDLES, read_bundles, sink)
}

fn read_bundles(path: &Path) -> Result<Vec<BundleRow>, String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    bundles::read(&name, Box::new(std::io::BufReader::new(file)))
        .map(|f| f.rows)
        .map_err(|e| e.to_string())
}

/// The whole file is read before any record is handed over, so a file that turns out
/// to be unreadable half-way is set aside whole instead of being half applied.
fn read_file(path: &Path) -> Result<Vec<ProductIn>, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let format = detect(&name, &bytes)?;
    let mut reader = ProductReader::new(&name, Box::new(Cursor::new(bytes)), format)
        .map_err(|e| e.to_string())?;
    let title_column = reader.title_column();
    let mut list = Vec::new();
    while let Some(row) = reader.next_row() {
        let row = row.map_err(|e| format!("{e}; the file was not applied"))?;
        list.extend(product_in(&name, title_column, row));
    }
    Ok(list)
}

/// Shopify's export has `Handle` and `Variant SKU`; anything else is read as oms-csv,
/// whose reader then names the key columns it misses.
fn detect(name: &str, bytes: &[u8]) -> Result<ProductFormat, String> {
    let header_end = bytes
        .iter()
        .position(|b| *b == b'\n')
        .map_or(bytes.len(), |i| i + 1);
    let header = Cursor::new(bytes[..header_end].to_vec());
    let table = CsvTable::open(name, Box::new(header)).map_err(|e| e.to_string())?;
    Ok(if table.has("Handle") && table.has("Variant SKU") {
        ProductFormat::ShopifyCsv
    } else {
        ProductFormat::OmsCsv
    })
}

/// One row as a record: the values a variant and its product have after the row is
/// applied to nothing, since the master's record is all there is of it. `None` for a
/// Shopify row that only adds an image.
fn product_in(name: &str, title_column: &str, row: FileRow) -> Option<ProductIn> {
    let source = format!("{name}:{}", row.line);
    let mut entry = CatalogEntry::default();
    entry.product.handle = row.handle.unwrap_or_default();
    entry.variant.sku = row.sku.unwrap_or_default();
    let problems = match row.kind {
        RowKind::Image => return None,
        RowKind::Duplicate { message, .. } => vec![message],
        RowKind::Rejected(problems) => problems,
        RowKind::Entry(e) => {
            // Cells ignored on a product's later rows change nothing; said, not fatal.
            for warning in &e.warnings {
                tracing::warn!("{warning}");
            }
            e.product.apply(&mut entry.product);
            e.variant.apply(&mut entry.variant);
            if entry.product.title.is_empty() {
                vec![format!(
                    "{source}: {title_column}: is empty; the product `{}` needs a title",
                    entry.product.handle
                )]
            } else {
                Vec::new()
            }
        }
    };
    Some(ProductIn {
        entry,
        source,
        problems,
    })
}

/// Writes one file with every entry (none for an empty list: that is how a flow asks
/// whether this channel takes products without sending any), named after the recorded
/// `batch` when there is one.
pub(super) fn write(
    ch: &FilesChannel,
    batch: Option<&str>,
    entries: &[CatalogEntry],
) -> anyhow::Result<Vec<Sent>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let bytes = match ch.format() {
        FileFormat::Csv => {
            let mut buf = Vec::with_capacity(entries.len() * 128);
            write_oms_csv(&mut buf, entries)?;
            buf
        }
        FileFormat::Json => {
            let rows: Vec<JsonProduct> = entries.iter().map(JsonProduct::from).collect();
            serde_json::to_vec_pretty(&rows)?
        }
    };
    let path = match batch {
        Some(name) => ch.outbox_file(name)?,
        None => outbox_path(&ch.existing_outbox()?, ch.format()),
    };
    fs::atomic_write(&path, &bytes)?;
    Ok(entries
        .iter()
        .map(|e| Sent::ok(&e.variant.sku, None))
        .collect())
}

/// One variant with its product in a JSON file: oms-csv's columns, with the amounts as
/// whole numbers (as in oms-json order files) and the description, which CSV lacks.
#[derive(Serialize)]
struct JsonProduct<'a> {
    handle: &'a str,
    title: &'a str,
    vendor: Option<&'a str>,
    product_type: Option<&'a str>,
    tags: Option<&'a str>,
    description: Option<&'a str>,
    status: &'static str,
    sku: &'a str,
    variant_title: Option<&'a str>,
    option1: Option<&'a str>,
    option2: Option<&'a str>,
    option3: Option<&'a str>,
    barcode: Option<&'a str>,
    price_cents: Option<i64>,
    weight_grams: Option<i64>,
}

impl<'a> From<&'a CatalogEntry> for JsonProduct<'a> {
    fn from(
        CatalogEntry {
            product: p,
            variant: v,
        }: &'a CatalogEntry,
    ) -> Self {
        let [o1, o2, o3] = &v.options;
        JsonProduct {
            handle: &p.handle,
            title: &p.title,
            vendor: p.vendor.as_deref(),
            product_type: p.product_type.as_deref(),
            tags: p.tags.as_deref(),
            description: p.description.as_deref(),
            status: p.status.as_str(),
            sku: &v.sku,
            variant_title: v.title.as_deref(),
            option1: o1.as_deref(),
            option2: o2.as_deref(),
            option3: o3.as_deref(),
            barcode: v.barcode.as_deref(),
            price_cents: v.price_cents,
            weight_grams: v.weight_grams,
        }
    }
}

/// `products-20261126T101500.123Z.csv`: sortable, and never the name of an earlier file,
/// so a warehouse that has not yet picked up the previous catalog loses nothing.
fn outbox_path(outbox: &Path, format: FileFormat) -> PathBuf {
    let ext = match format {
        FileFormat::Csv => "csv",
        FileFormat::Json => "json",
    };
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let mut path = outbox.join(format!("products-{stamp}.{ext}"));
    let mut n = 1;
    while path.exists() {
        path = outbox.join(format!("products-{stamp}-{n}.{ext}"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<ProductIn>, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("products-1.csv");
        std::fs::write(&path, text).unwrap();
        read_file(&path)
    }

    #[test]
    fn the_header_tells_shopify_from_oms_csv() {
        let shopify = read(
            "Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Image Src\n\
             hat,Hat,Title,Default Title,HAT-1,17.99,a.jpg\n\
             hat,,,,,,b.jpg\n",
        )
        .unwrap();
        assert_eq!(shopify.len(), 1, "the image row is not a record");
        let hat = &shopify[0];
        assert!(hat.problems.is_empty(), "{:?}", hat.problems);
        assert!(hat.source.ends_with("products-1.csv:2"), "{}", hat.source);
        assert_eq!(
            (
                hat.entry.variant.sku.as_str(),
                hat.entry.variant.price_cents
            ),
            ("HAT-1", Some(1799))
        );
        assert_eq!(
            hat.entry.variant.options[0], None,
            "Default Title is no option"
        );

        let oms = read("handle,title,sku,price\nmug,Mug,MUG-1,12.50\n").unwrap();
        assert_eq!(oms[0].entry.product.title, "Mug");
        assert_eq!(oms[0].entry.variant.price_cents, Some(1250));
    }

    #[test]
    fn bad_rows_carry_their_problems_and_duplicates_their_sku() {
        let list = read(
            "handle,title,sku,price\n\
             mug,,MUG-1,12.50\n\
             cup,Cup,CUP-1,x\n\
             cup,Cup,cup-1,3\n",
        )
        .unwrap();
        assert_eq!(list.len(), 3);
        assert!(
            list[0].problems[0].contains(":2: title: is empty"),
            "{:?}",
            list[0].problems
        );
        assert!(
            list[1].problems[0].contains(":3: price"),
            "{:?}",
            list[1].problems
        );
        assert_eq!(list[2].entry.variant.sku, "cup-1");
        assert!(
            list[2].problems[0].contains("duplicate SKU"),
            "{:?}",
            list[2].problems
        );
    }

    #[test]
    fn a_file_without_key_columns_is_unreadable() {
        let err = read("name,price\nmug,1\n").unwrap_err();
        assert!(err.contains("handle") && err.contains("sku"), "{err}");
    }
}
