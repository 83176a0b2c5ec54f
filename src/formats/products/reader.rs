//! Reading a product file row by row: the file-wide rules (first row of a handle defines
//! the product, duplicate SKUs, image rows) and the checks of every cell.

use std::collections::HashMap;
use std::io::Read;

use super::{Entry, FileRow, Layout, ProductFormat, RowKind, Weight};
use crate::formats::{CsvRow, CsvTable, csv_table::CsvError};
use crate::model::catalog::{DEFAULT_OPTION, ProductPatch, ProductStatus, VariantPatch};
use crate::model::sku_key;

/// The layout's columns that this file actually has; `None` for a missing column.
struct Present {
    title: Option<&'static str>,
    description: Option<&'static str>,
    vendor: Option<&'static str>,
    product_type: Option<&'static str>,
    tags: Option<&'static str>,
    status: Option<&'static str>,
    variant_title: Option<&'static str>,
    options: [Option<&'static str>; 3],
    barcode: Option<&'static str>,
    price: Option<&'static str>,
    weight: Option<&'static str>,
}

/// What a handle's first row said about its product.
struct FirstRow {
    line: u64,
    /// The patch, or the problems that make the product unusable.
    patch: Result<ProductPatch, Vec<String>>,
    /// The product cells as written, to notice later rows that say something else.
    cells: Vec<(&'static str, Option<String>)>,
}

pub struct ProductReader {
    table: CsvTable,
    layout: &'static Layout,
    present: Present,
    /// SKU key → the line it was first seen on.
    seen: HashMap<String, u64>,
    products: HashMap<String, FirstRow>,
    /// The line of an undecodable row just returned, to tell a bad row (the reader moves
    /// past it) from a failing stream (it never does).
    failed_at: Option<u64>,
}

impl ProductReader {
    /// Reads the header and checks that the key columns are there. `source` names the
    /// file in messages.
    pub fn new(
        source: &str,
        input: Box<dyn Read>,
        format: ProductFormat,
    ) -> Result<Self, CsvError> {
        let table = CsvTable::open(source, input)?;
        let layout = format.layout();
        table.require(&[layout.handle, layout.sku])?;
        let has = |name: &'static str| table.has(name).then_some(name);
        let present = Present {
            title: has(layout.title),
            description: layout.description.and_then(has),
            vendor: has(layout.vendor),
            product_type: has(layout.product_type),
            tags: has(layout.tags),
            status: has(layout.status),
            variant_title: layout.variant_title.and_then(has),
            options: layout.options.map(has),
            barcode: has(layout.barcode),
            price: has(layout.price),
            weight: has(layout.weight),
        };
        Ok(ProductReader {
            table,
            layout,
            present,
            seen: HashMap::new(),
            products: HashMap::new(),
            failed_at: None,
        })
    }

    /// The column that holds a product's title, for messages about it.
    pub fn title_column(&self) -> &'static str {
        self.layout.title
    }

    pub fn source(&self) -> &str {
        self.table.source()
    }

    /// The next row. A row that cannot be decoded is returned as rejected; an error is
    /// returned only when the file cannot be read any further.
    pub fn next_row(&mut self) -> Option<Result<FileRow, CsvError>> {
        let layout = self.layout;
        let present = &self.present;
        let seen = &mut self.seen;
        let products = &mut self.products;
        match self.table.next_row()? {
            Ok(row) => {
                self.failed_at = None;
                Some(Ok(read_row(&row, layout, present, seen, products)))
            }
            Err(e) if self.failed_at == Some(e.line) => Some(Err(e)),
            Err(e) => {
                self.failed_at = Some(e.line);
                Some(Ok(FileRow {
                    line: e.line,
                    sku: None,
                    handle: None,
                    kind: RowKind::Rejected(vec![e.to_string()]),
                }))
            }
        }
    }
}

fn read_row(
    row: &CsvRow,
    layout: &Layout,
    present: &Present,
    seen: &mut HashMap<String, u64>,
    products: &mut HashMap<String, FirstRow>,
) -> FileRow {
    let sku = row.get(layout.sku).map(str::to_string);
    let handle = row.get(layout.handle).map(str::to_string);
    let done = |kind| FileRow {
        line: row.line,
        sku: sku.clone(),
        handle: handle.clone(),
        kind,
    };
    if let Some(h) = &handle
        && !products.contains_key(h)
    {
        products.insert(h.clone(), first_row(row, present));
    }
    let has_variant_data = sku.is_some()
        || present
            .options
            .iter()
            .flatten()
            .any(|c| row.get(c).is_some())
        || [present.price, present.barcode]
            .iter()
            .flatten()
            .any(|c| row.get(c).is_some());
    if layout.image_rows && !has_variant_data {
        return done(RowKind::Image);
    }
    if let Some(s) = &sku {
        if let Some(first) = seen.get(&sku_key(s)) {
            let message = format!(
                "{}: {}: duplicate SKU `{s}` (first on line {first}); this row is skipped",
                row.location(),
                layout.sku
            );
            return done(RowKind::Duplicate {
                first_line: *first,
                message,
            });
        }
        seen.insert(sku_key(s), row.line);
    }

    let mut problems = Vec::new();
    if sku.is_none() {
        problems.push(row.problem(layout.sku, "is empty; the SKU is the variant's key"));
    }
    let mut warnings = Vec::new();
    let product = match handle.as_ref().and_then(|h| products.get(h)) {
        None => {
            problems.push(row.problem(layout.handle, "is empty"));
            None
        }
        Some(first) => {
            if first.line != row.line {
                warnings = differing_cells(row, first);
            }
            match &first.patch {
                Ok(patch) => Some(patch.clone()),
                Err(own) if first.line == row.line => {
                    problems.extend(own.iter().cloned());
                    None
                }
                Err(own) => {
                    problems.push(row.problem(
                        layout.handle,
                        format!("the product's first row is invalid ({})", own.join("; ")),
                    ));
                    None
                }
            }
        }
    };
    let variant = variant_patch(row, layout, present, &mut problems);
    match product {
        Some(product) if problems.is_empty() => done(RowKind::Entry(Box::new(Entry {
            product,
            variant,
            warnings,
        }))),
        _ => done(RowKind::Rejected(problems)),
    }
}

fn first_row(row: &CsvRow, present: &Present) -> FirstRow {
    let text = |col: Option<&'static str>| -> Option<Option<String>> {
        col.map(|c| row.get(c).map(str::to_string))
    };
    let status = match present.status.and_then(|c| Some((c, row.get(c)?))) {
        None => Ok(None),
        Some((c, s)) => ProductStatus::parse(s)
            .map(Some)
            .map_err(|e| vec![row.problem(c, e)]),
    };
    let patch = status.map(|status| ProductPatch {
        // An empty title cannot clear one: it leaves the stored title alone.
        title: present.title.and_then(|c| row.get(c)).map(str::to_string),
        vendor: text(present.vendor),
        product_type: text(present.product_type),
        tags: text(present.tags),
        description: text(present.description),
        status,
    });
    FirstRow {
        line: row.line,
        patch,
        cells: product_columns(present)
            .map(|c| (c, row.get(c).map(str::to_string)))
            .collect(),
    }
}

fn product_columns(present: &Present) -> impl Iterator<Item = &'static str> {
    [
        present.title,
        present.description,
        present.vendor,
        present.product_type,
        present.tags,
        present.status,
    ]
    .into_iter()
    .flatten()
}

/// Later rows of a handle may leave product cells empty or repeat them; a different
/// value is ignored (as Shopify does) and said so.
fn differing_cells(row: &CsvRow, first: &FirstRow) -> Vec<String> {
    first
        .cells
        .iter()
        .filter_map(|(col, first_value)| {
            let value = row.get(col)?;
            (first_value.as_deref() != Some(value)).then(|| {
                row.problem(
                    col,
                    format!(
                        "`{value}` differs from the product's first row (line {}); ignored",
                        first.line
                    ),
                )
            })
        })
        .collect()
}

fn variant_patch(
    row: &CsvRow,
    layout: &Layout,
    present: &Present,
    problems: &mut Vec<String>,
) -> VariantPatch {
    let text = |col: Option<&'static str>| -> Option<Option<String>> {
        col.map(|c| row.get(c).map(str::to_string))
    };
    let options = present.options.map(|col| {
        text(col).map(|v| v.filter(|v| !(layout.default_option_placeholder && v == DEFAULT_OPTION)))
    });
    let title = match present.variant_title {
        Some(c) => Some(row.get(c).map(str::to_string)),
        // Without a title column the title is the option values, as Shopify shows it.
        None if layout.variant_title.is_none() => Some(None),
        None => None,
    };
    let price_cents = present.price.map(|c| match row.cents(c) {
        Ok(Some(p)) if p < 0 => {
            problems.push(row.problem(c, format!("`{}` is negative", row.get(c).unwrap_or(""))));
            None
        }
        Ok(p) => p,
        Err(e) => {
            problems.push(e);
            None
        }
    });
    let weight_grams = present
        .weight
        .map(|c| match grams(row, c, layout.weight_kind) {
            Ok(w) => w,
            Err(e) => {
                problems.push(e);
                None
            }
        });
    VariantPatch {
        title,
        options,
        barcode: text(present.barcode),
        price_cents,
        weight_grams,
    }
}

fn grams(row: &CsvRow, col: &str, kind: Weight) -> Result<Option<i64>, String> {
    let Some(text) = row.get(col) else {
        return Ok(None);
    };
    let not_grams = || row.problem(col, format!("`{text}` is not a weight in grams"));
    let grams = match kind {
        Weight::Whole => text.parse::<i64>().map_err(|_| not_grams())?,
        Weight::Decimal => {
            let g: f64 = text.parse().map_err(|_| not_grams())?;
            // 1e15 g is far beyond any parcel, and keeps the cast below exact.
            if !g.is_finite() || g.abs() > 1e15 {
                return Err(not_grams());
            }
            g.round() as i64
        }
    };
    if grams < 0 {
        return Err(row.problem(col, format!("`{text}` is negative")));
    }
    Ok(Some(grams))
}
