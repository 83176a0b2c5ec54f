//! Product files: oms-csv and Shopify's products CSV (docs/formats.md, "Catalog files").
//!
//! Both are one row per variant, with a product's columns on the first row of its handle
//! (repeated or left empty on later rows). [`ProductReader`] turns rows into patches —
//! a column the file lacks changes nothing, an empty cell in a present column clears the
//! value — and applies the file-wide rules: later rows of a handle inherit its first row's
//! product columns, the second row with a SKU already seen is skipped, and every problem
//! is named `file:line: column: problem` without stopping the rows after it.

mod oms_csv;
mod reader;
mod shopify_csv;

use crate::model::catalog::{ProductPatch, VariantPatch};

pub use oms_csv::write as write_oms_csv;
pub use reader::ProductReader;
pub use shopify_csv::write as write_shopify_csv;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductFormat {
    OmsCsv,
    ShopifyCsv,
}

impl ProductFormat {
    pub fn name(self) -> &'static str {
        match self {
            ProductFormat::OmsCsv => "oms-csv",
            ProductFormat::ShopifyCsv => "shopify-csv",
        }
    }

    fn layout(self) -> &'static Layout {
        match self {
            ProductFormat::OmsCsv => &oms_csv::LAYOUT,
            ProductFormat::ShopifyCsv => &shopify_csv::LAYOUT,
        }
    }
}

/// How `Variant Grams`-like cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    /// A whole number of grams.
    Whole,
    /// Decimal grams (Shopify writes `226.796185` for weights entered in ounces),
    /// rounded to the nearest gram.
    Decimal,
}

/// The column names of one format. Columns are found by name, in any order.
struct Layout {
    handle: &'static str,
    title: &'static str,
    description: Option<&'static str>,
    vendor: &'static str,
    product_type: &'static str,
    tags: &'static str,
    status: &'static str,
    sku: &'static str,
    variant_title: Option<&'static str>,
    options: [&'static str; 3],
    barcode: &'static str,
    price: &'static str,
    weight: &'static str,
    weight_kind: Weight,
    /// Shopify's "Default Title" option value stands for "no options".
    default_option_placeholder: bool,
    /// Shopify adds rows for extra images: same handle, no variant data.
    image_rows: bool,
}

/// One data row of a product file, read and checked but not yet applied.
#[derive(Debug)]
pub struct FileRow {
    pub line: u64,
    pub sku: Option<String>,
    pub handle: Option<String>,
    pub kind: RowKind,
}

#[derive(Debug)]
pub enum RowKind {
    /// A variant to create or update.
    Entry(Box<Entry>),
    /// A Shopify row that only carries an extra image of its product.
    Image,
    /// The SKU was already on an earlier row of the file; the earlier row wins.
    Duplicate { first_line: u64, message: String },
    /// Every problem found, each as `file:line: column: problem`.
    Rejected(Vec<String>),
}

#[derive(Debug)]
pub struct Entry {
    pub product: ProductPatch,
    pub variant: VariantPatch,
    /// Cells that were ignored, as `file:line: column: why`.
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests;
