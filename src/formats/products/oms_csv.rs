//! oms's own catalog CSV: one row per variant, product columns repeated on every row
//! (a reader accepts them empty on later rows of the same handle). See docs/formats.md.

use std::io::Write;

use super::{Layout, Weight};
use crate::formats::csv_io;
use crate::model::catalog::CatalogEntry;
use crate::model::format_cents;

pub(super) static LAYOUT: Layout = Layout {
    handle: "handle",
    title: "title",
    description: None,
    vendor: "vendor",
    product_type: "product_type",
    tags: "tags",
    status: "status",
    sku: "sku",
    variant_title: Some("variant_title"),
    options: ["option1", "option2", "option3"],
    barcode: "barcode",
    price: "price",
    weight: "weight_grams",
    weight_kind: Weight::Whole,
    default_option_placeholder: false,
    image_rows: false,
};

const HEADER: [&str; 14] = [
    "handle",
    "title",
    "vendor",
    "product_type",
    "tags",
    "status",
    "sku",
    "variant_title",
    "option1",
    "option2",
    "option3",
    "barcode",
    "price",
    "weight_grams",
];

/// Writes entries in the given order; the header is written even for an empty catalog.
pub fn write(out: impl Write, entries: &[CatalogEntry]) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(csv_io)?;
    for CatalogEntry {
        product: p,
        variant: v,
    } in entries
    {
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        let [o1, o2, o3] = &v.options;
        w.write_record([
            p.handle.clone(),
            p.title.clone(),
            text(&p.vendor),
            text(&p.product_type),
            text(&p.tags),
            p.status.as_str().to_string(),
            v.sku.clone(),
            text(&v.title),
            text(o1),
            text(o2),
            text(o3),
            text(&v.barcode),
            v.price_cents.map(format_cents).unwrap_or_default(),
            v.weight_grams.map(|g| g.to_string()).unwrap_or_default(),
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}
