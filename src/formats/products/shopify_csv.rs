//! Shopify's products CSV (Admin → Products → Import/Export).
//!
//! Reading: columns by name; a product's columns only on its handle's first row; extra
//! rows that carry only an image; barcodes kept as the text written (Excel turns them
//! into `3.65275E+11`, and that is what the merchant's file holds).
//!
//! Writing: the columns Shopify's importer needs to create or update products and
//! variants, with product columns on the first row of each handle only. oms does not
//! store option names (the schema has no column for them), so options are written as
//! `Option1`..`Option3`; a product without options gets Shopify's `Title` /
//! `Default Title` pair, which the reader turns back into "no options".

use std::io::Write;

use super::{Layout, Weight};
use crate::formats::csv_io;
use crate::model::catalog::{CatalogEntry, DEFAULT_OPTION};
use crate::model::format_cents;

pub(super) static LAYOUT: Layout = Layout {
    handle: "Handle",
    title: "Title",
    description: Some("Body (HTML)"),
    vendor: "Vendor",
    product_type: "Type",
    tags: "Tags",
    status: "Status",
    sku: "Variant SKU",
    variant_title: None,
    options: ["Option1 Value", "Option2 Value", "Option3 Value"],
    barcode: "Variant Barcode",
    price: "Variant Price",
    weight: "Variant Grams",
    weight_kind: Weight::Decimal,
    default_option_placeholder: true,
    image_rows: true,
};

const HEADER: [&str; 17] = [
    "Handle",
    "Title",
    "Body (HTML)",
    "Vendor",
    "Type",
    "Tags",
    "Option1 Name",
    "Option1 Value",
    "Option2 Name",
    "Option2 Value",
    "Option3 Name",
    "Option3 Value",
    "Variant SKU",
    "Variant Grams",
    "Variant Price",
    "Variant Barcode",
    "Status",
];

/// Writes entries grouped by product; entries of one handle must be adjacent (as
/// `store::catalog::records` returns them).
pub fn write(out: impl Write, entries: &[CatalogEntry]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(csv_io)?;
    for group in entries.chunk_by(|a, b| a.product.handle == b.product.handle) {
        // How many option columns the product uses: the last one any variant fills.
        let used = (0..3)
            .rev()
            .find(|i| group.iter().any(|e| e.variant.options[*i].is_some()))
            .map_or(0, |i| i + 1);
        for (
            n,
            CatalogEntry {
                product: p,
                variant: v,
            },
        ) in group.iter().enumerate()
        {
            let first = n == 0;
            let on_first = |s: &str| if first { s.to_string() } else { String::new() };
            let opt_first = |o: &Option<String>| on_first(o.as_deref().unwrap_or(""));
            let mut options = Vec::with_capacity(6);
            if used == 0 {
                options.extend([on_first("Title"), DEFAULT_OPTION.to_string()]);
                options.extend(std::iter::repeat_n(String::new(), 4));
            } else {
                for (i, value) in v.options.iter().enumerate() {
                    let name = if i < used {
                        format!("Option{}", i + 1)
                    } else {
                        String::new()
                    };
                    options.push(on_first(&name));
                    options.push(value.clone().unwrap_or_default());
                }
            }
            let mut record = vec![
                p.handle.clone(),
                on_first(&p.title),
                opt_first(&p.description),
                opt_first(&p.vendor),
                opt_first(&p.product_type),
                opt_first(&p.tags),
            ];
            record.extend(options);
            record.extend([
                v.sku.clone(),
                v.weight_grams.map(|g| g.to_string()).unwrap_or_default(),
                v.price_cents.map(format_cents).unwrap_or_default(),
                v.barcode.clone().unwrap_or_default(),
                on_first(p.status.as_str()),
            ]);
            w.write_record(&record).map_err(csv_io)?;
        }
    }
    w.flush()
}
