//! `oms catalog import`: products and variants from an oms-csv or Shopify products CSV.
//!
//! Rows are applied one by one through `store::catalog::save`, so a bad row is rejected
//! with its line and the rows around it still import. Work is committed in batches to
//! keep SQLite's WAL small on huge files; a re-run of the same file is harmless because
//! every write is an upsert on the handle and SKU. `--dry-run` runs the same code in one
//! transaction and rolls it back.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use crate::error::Exit;
use crate::formats::products::{FileRow, ProductFormat, ProductReader, RowKind};
use crate::output::{Progress, Report};
use crate::store::Store;
use crate::store::catalog::{SaveError, Saved, Stamp, save};

/// Rows per transaction on a real run.
const BATCH: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Created,
    Updated,
    Unchanged,
    Rejected,
    /// A duplicate SKU within the file: the earlier row was used.
    Skipped,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportItem {
    pub line: u64,
    pub sku: String,
    pub product: String,
    pub outcome: Outcome,
    /// Every problem (rejected), or why the row was skipped, or cells that were ignored.
    pub message: String,
}

#[derive(Debug, Default, Serialize)]
pub struct ImportReport {
    pub file: String,
    pub format: &'static str,
    pub dry_run: bool,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Rows skipped because their SKU was on an earlier row.
    pub skipped: usize,
    /// Shopify rows that only add an image to a product.
    pub images: usize,
    /// Set when the file stopped being readable part-way; the rows before it count.
    pub error: Option<String>,
    pub items: Vec<ImportItem>,
}

impl ImportReport {
    /// Messages a person should see on stderr: duplicates and ignored cells.
    pub fn warnings(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .filter(|i| i.outcome != Outcome::Rejected && !i.message.is_empty())
            .map(|i| i.message.as_str())
    }

    pub fn changed(&self) -> usize {
        self.created + self.updated
    }

    fn push(&mut self, item: ImportItem) {
        match item.outcome {
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Rejected => self.rejected += 1,
            Outcome::Skipped => self.skipped += 1,
        }
        self.items.push(item);
    }
}

impl Report for ImportReport {
    type Item = ImportItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("file", self.file.clone()),
            ("created", self.created.to_string()),
            ("updated", self.updated.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("rejected", self.rejected.to_string()),
            ("skipped", self.skipped.to_string()),
        ];
        if self.images > 0 {
            s.push(("image rows", self.images.to_string()));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        if let Some(e) = &self.error {
            s.push(("error", e.clone()));
        }
        s
    }

    fn items(&self) -> &[ImportItem] {
        &self.items
    }

    fn is_notable(&self, item: &ImportItem) -> bool {
        !item.message.is_empty()
    }

    fn exit(&self) -> Exit {
        if self.error.is_some() {
            Exit::Failed
        } else if self.rejected > 0 {
            Exit::Rejected
        } else {
            Exit::Ok
        }
    }
}

/// Imports `path`. Errors only when the file cannot be read at all (missing, not CSV,
/// missing key columns) or the database fails; bad rows are in the report.
pub fn run(
    store: &mut Store,
    path: &Path,
    format: ProductFormat,
    dry_run: bool,
    progress: &Progress,
) -> anyhow::Result<ImportReport> {
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
    let mut reader = ProductReader::new(&name, Box::new(BufReader::new(file)), format)?;
    let mut report = ImportReport {
        file: name,
        format: format.name(),
        dry_run,
        ..ImportReport::default()
    };
    let stamp = Stamp {
        source: "oms",
        manual: true,
    };
    let mut tx = store.tx()?;
    let mut in_batch = 0;
    while let Some(next) = reader.next_row() {
        let row = match next {
            Ok(row) => row,
            Err(e) => {
                report.error = Some(format!("{e}; the rows before line {} were read", e.line));
                break;
            }
        };
        let item = apply(&tx, &reader, row, stamp)?;
        match item {
            Some(item) => report.push(item),
            None => report.images += 1,
        }
        in_batch += 1;
        progress.inc(1);
        if !dry_run && in_batch >= BATCH {
            tx.commit()?;
            tx = store.tx()?;
            in_batch = 0;
        }
    }
    if dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(report)
}

/// Applies one row; `None` for an image row.
fn apply(
    conn: &rusqlite::Connection,
    reader: &ProductReader,
    row: FileRow,
    stamp: Stamp,
) -> anyhow::Result<Option<ImportItem>> {
    let mut item = ImportItem {
        line: row.line,
        sku: row.sku.unwrap_or_default(),
        product: row.handle.unwrap_or_default(),
        ..ImportItem::default()
    };
    match row.kind {
        RowKind::Image => return Ok(None),
        RowKind::Duplicate { message, .. } => {
            item.outcome = Outcome::Skipped;
            item.message = message;
        }
        RowKind::Rejected(problems) => {
            item.outcome = Outcome::Rejected;
            item.message = problems.join("; ");
        }
        RowKind::Entry(entry) => {
            item.message = entry.warnings.join("; ");
            let saved = save(
                conn,
                &item.product,
                &entry.product,
                &item.sku,
                &entry.variant,
                stamp,
            );
            item.outcome = match saved {
                Ok(Saved::Created) => Outcome::Created,
                Ok(Saved::Updated) => Outcome::Updated,
                Ok(Saved::Unchanged) => Outcome::Unchanged,
                Err(SaveError::NoTitle(handle)) => {
                    item.message = format!(
                        "{}:{}: {}: has no value, and the new product `{handle}` needs a title",
                        reader.source(),
                        row.line,
                        reader.title_column()
                    );
                    Outcome::Rejected
                }
                Err(SaveError::Sql(e)) => return Err(e.into()),
            };
        }
    }
    Ok(Some(item))
}
