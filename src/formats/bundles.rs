//! The bundles file, `parent_sku,component_sku,quantity` (oms-bundles-csv; techOMS's
//! `P_Product_Bundles.csv`): one row per component of a bundle. Rows keep their line and
//! their own problems; whether a bundle is valid is the catalog's to say.

use std::io::Read;

use super::csv_table::{CsvError, CsvRow, CsvTable};

pub const COLUMNS: [&str; 3] = ["parent_sku", "component_sku", "quantity"];

/// One row of a bundles file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BundleRow {
    pub line: u64,
    pub parent_sku: String,
    pub component_sku: String,
    pub quantity: Option<i64>,
    /// Each as `file:line: field: message`.
    pub problems: Vec<String>,
}

/// A read bundles file: its rows and what is worth saying about it (unknown columns).
#[derive(Debug, Default)]
pub struct BundlesFile {
    pub rows: Vec<BundleRow>,
    pub warnings: Vec<String>,
}

/// Reads a bundles file; `source` names it in messages. Fails only when the file has no
/// usable header (a required column missing, not CSV).
pub fn read(source: &str, input: Box<dyn Read>) -> Result<BundlesFile, CsvError> {
    let mut table = CsvTable::open(source, input)?;
    table.require(&COLUMNS)?;
    let mut file = BundlesFile::default();
    let unknown: Vec<&str> = table
        .headers()
        .iter()
        .filter(|h| !h.is_empty() && !COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(h)))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        file.warnings.push(format!(
            "{source}:1: ignoring unknown column(s) {} (known: {})",
            unknown.join(", "),
            COLUMNS.join(", ")
        ));
    }
    while let Some(row) = table.next_row() {
        file.rows.push(match row {
            Ok(row) => read_row(&row),
            Err(e) => BundleRow {
                line: e.line,
                problems: vec![e.to_string()],
                ..BundleRow::default()
            },
        });
    }
    Ok(file)
}

fn read_row(row: &CsvRow) -> BundleRow {
    let mut problems = Vec::new();
    let parent_sku = row.get("parent_sku").unwrap_or_default().to_string();
    let component_sku = row.get("component_sku").unwrap_or_default().to_string();
    if parent_sku.is_empty() {
        problems.push(row.problem("parent_sku", "is empty"));
    }
    if component_sku.is_empty() {
        problems.push(row.problem("component_sku", "is empty"));
    }
    let quantity = match row.int("quantity") {
        Ok(Some(q)) if q > 0 => Some(q),
        Ok(Some(q)) => {
            problems.push(row.problem("quantity", format!("{q}: units per kit must be 1 or more")));
            None
        }
        Ok(None) => {
            problems.push(row.problem("quantity", "is empty"));
            None
        }
        Err(e) => {
            problems.push(e);
            None
        }
    };
    BundleRow {
        line: row.line,
        parent_sku,
        component_sku,
        quantity,
        problems,
    }
}
