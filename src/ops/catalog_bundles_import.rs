//! `oms catalog import --format oms-bundles-csv`: bundles from a `parent_sku,
//! component_sku,quantity` file (techOMS's `P_Product_Bundles.csv` has that shape).
//!
//! The rows of one parent are that bundle's whole list of components: the file replaces
//! what the catalog had. A bundle is applied whole or not at all — a kit stored with one
//! component missing would ship short — so a bad row keeps its bundle unchanged, and the
//! other bundles of the file still apply. Bundles are judged in file order by
//! `catalog_bundle::check`, so a cycle within the file is refused on whichever side of it
//! comes second.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use anyhow::Context;
use serde::Serialize;

use super::catalog_bundle::{self, Part, Spec};
use crate::error::Exit;
use crate::formats::bundles::{self, BundleRow};
use crate::model::sku_key;
use crate::output::Report;
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The row's bundle was created or changed.
    #[default]
    Applied,
    /// The row's bundle already had exactly these components.
    Unchanged,
    Rejected,
    /// The row is fine but another row of its bundle is not, so the bundle was kept.
    NotApplied,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RowItem {
    pub line: u64,
    pub parent_sku: String,
    pub component_sku: String,
    pub quantity: Option<i64>,
    pub outcome: Outcome,
    /// Each problem as `file:line: field: message`.
    pub message: String,
}

#[derive(Debug, Default, Serialize)]
pub struct BundlesReport {
    pub file: String,
    pub format: &'static str,
    pub dry_run: bool,
    /// Bundles whose components were created or changed.
    pub bundles_set: usize,
    pub bundles_unchanged: usize,
    pub bundles_rejected: usize,
    pub rows_rejected: usize,
    pub warnings: Vec<String>,
    pub items: Vec<RowItem>,
}

impl Report for BundlesReport {
    type Item = RowItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("file", self.file.clone()),
            ("bundles set", self.bundles_set.to_string()),
            ("bundles unchanged", self.bundles_unchanged.to_string()),
            ("bundles rejected", self.bundles_rejected.to_string()),
            ("rows rejected", self.rows_rejected.to_string()),
        ];
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }

    fn items(&self) -> &[RowItem] {
        &self.items
    }

    fn is_notable(&self, item: &RowItem) -> bool {
        !item.message.is_empty()
    }

    fn exit(&self) -> Exit {
        if self.bundles_rejected > 0 {
            Exit::Rejected
        } else {
            Exit::Ok
        }
    }
}

/// One bundle of the file: its rows in file order.
struct Group {
    key: String,
    rows: Vec<RowItem>,
}

pub fn run(store: &mut Store, path: &Path, dry_run: bool) -> anyhow::Result<BundlesReport> {
    let name = path.display().to_string();
    let file = File::open(path).with_context(|| format!("cannot open {name}"))?;
    apply(store, &name, Box::new(BufReader::new(file)), dry_run)
}

/// Reads and applies a bundles file from any stream; `source` names it in messages.
pub fn apply(
    store: &mut Store,
    source: &str,
    input: Box<dyn Read>,
    dry_run: bool,
) -> anyhow::Result<BundlesReport> {
    let file = bundles::read(source, input)?;
    let tx = store.tx()?;
    let mut report = apply_rows(&tx, source, file.rows)?;
    report.warnings = file.warnings;
    report.dry_run = dry_run;
    if dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(report)
}

/// Applies the rows of one bundles file in the caller's transaction (also used by
/// `catalog sync` for a files master's `inbox/bundles-*.csv`).
pub fn apply_rows(
    conn: &rusqlite::Connection,
    source: &str,
    rows: Vec<BundleRow>,
) -> anyhow::Result<BundlesReport> {
    let mut report = BundlesReport {
        file: source.to_string(),
        format: "oms-bundles-csv",
        ..BundlesReport::default()
    };
    let mut groups: Vec<Group> = Vec::new();
    let mut orphans = Vec::new();
    for row in rows {
        let item = RowItem {
            line: row.line,
            outcome: if row.problems.is_empty() {
                Outcome::Applied
            } else {
                Outcome::Rejected
            },
            message: row.problems.join("; "),
            parent_sku: row.parent_sku,
            component_sku: row.component_sku,
            quantity: row.quantity,
        };
        if item.parent_sku.is_empty() {
            // No parent: the row belongs to no bundle and stops none.
            orphans.push(item);
            continue;
        }
        let key = sku_key(&item.parent_sku);
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => g.rows.push(item),
            None => groups.push(Group {
                key,
                rows: vec![item],
            }),
        }
    }
    for mut group in groups {
        judge(conn, source, &mut group)?;
        let rejected = group.rows.iter().any(|r| r.outcome == Outcome::Rejected);
        if rejected {
            report.bundles_rejected += 1;
            let bad: Vec<String> = group
                .rows
                .iter()
                .filter(|r| r.outcome == Outcome::Rejected)
                .map(|r| r.line.to_string())
                .collect();
            for r in group
                .rows
                .iter_mut()
                .filter(|r| r.outcome != Outcome::Rejected)
            {
                r.outcome = Outcome::NotApplied;
                r.message = format!(
                    "{source}:{}: bundle {} kept as it was: line(s) {} of it are rejected",
                    r.line,
                    r.parent_sku,
                    bad.join(", ")
                );
            }
        }
        report.items.extend(group.rows);
    }
    report.items.extend(orphans);
    report.items.sort_by_key(|i| i.line);
    report.rows_rejected = report
        .items
        .iter()
        .filter(|i| i.outcome == Outcome::Rejected)
        .count();
    // Bundles set/unchanged are counted per group from its first row's outcome.
    let mut counted: Vec<String> = Vec::new();
    for i in &report.items {
        let key = sku_key(&i.parent_sku);
        if i.parent_sku.is_empty() || counted.contains(&key) {
            continue;
        }
        match i.outcome {
            Outcome::Applied => report.bundles_set += 1,
            Outcome::Unchanged => report.bundles_unchanged += 1,
            _ => {}
        }
        counted.push(key);
    }
    Ok(report)
}

/// Checks a bundle's rows against the catalog and, when all are good, saves it.
fn judge(conn: &rusqlite::Connection, source: &str, group: &mut Group) -> anyhow::Result<()> {
    let mut lines = Vec::new();
    let mut spec = Spec {
        sku: group.rows[0].parent_sku.clone(),
        components: Vec::new(),
    };
    for (i, r) in group.rows.iter().enumerate() {
        if r.outcome != Outcome::Rejected {
            spec.components
                .push((r.component_sku.clone(), r.quantity.unwrap_or_default()));
            lines.push(i);
        }
    }
    // Every row is already rejected: its own problems say it all.
    if spec.components.is_empty() {
        return Ok(());
    }
    match catalog_bundle::check(conn, &spec)? {
        Ok(checked) => {
            if group.rows.iter().any(|r| r.outcome == Outcome::Rejected) {
                return Ok(());
            }
            let outcome = if catalog_bundle::save(conn, &checked)? {
                Outcome::Applied
            } else {
                Outcome::Unchanged
            };
            for r in &mut group.rows {
                r.outcome = outcome;
            }
        }
        Err(problems) => {
            for p in problems {
                let (index, field) = match p.part {
                    Part::Bundle => (0, "parent_sku"),
                    Part::Component(c) => (lines[c], "component_sku"),
                    Part::Quantity(c) => (lines[c], "quantity"),
                };
                let row = &mut group.rows[index];
                row.outcome = Outcome::Rejected;
                let text = format!("{source}:{}: {field}: {}", row.line, p.message);
                if row.message.is_empty() {
                    row.message = text;
                } else {
                    row.message = format!("{}; {text}", row.message);
                }
            }
        }
    }
    Ok(())
}
