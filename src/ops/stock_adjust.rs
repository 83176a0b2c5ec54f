//! `oms stock adjust`: change on hand of SKUs in physical warehouses by hand, one from
//! flags or many from a CSV file (read by `stock_adjust_file`).
//!
//! Every request is checked against the database inside the write transaction, in file
//! order, so a row is judged by the stock the rows before it leave behind. A batch with
//! invalid rows is applied all-or-nothing unless the caller skips the invalid ones.

use rusqlite::Connection;
use serde::Serialize;

use super::backorders::{self, RetryReport};
use super::stock_scope;
use crate::config::Config;
use crate::error::Exit;
use crate::model::{AdjustReason, StockReason};
use crate::output::{Progress, Report};
use crate::store::Store;
use crate::store::catalog::find_variant;
use crate::store::stock::{self, Movement, Reference};

/// Quantities beyond this are typing mistakes, not stock; refusing them also keeps the
/// SQL sums far from integer overflow.
pub const MAX_QUANTITY: i64 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Add this many units (negative to remove).
    By(i64),
    /// Make on hand exactly this many units.
    Set(i64),
}

impl Change {
    fn field(self) -> &'static str {
        match self {
            Change::By(_) => "by",
            Change::Set(_) => "set",
        }
    }
}

/// What kind of mistake a problem is: naming something that does not exist is a usage
/// error (exit 2) when typed as flags; anything else fails the request (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProblemKind {
    Usage,
    #[default]
    Invalid,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problem {
    /// The CSV column (`None` for a row that could not be read at all).
    pub field: Option<&'static str>,
    pub message: String,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            field: Some(field),
            message: message.into(),
            kind: ProblemKind::Invalid,
        }
    }

    fn usage(field: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            kind: ProblemKind::Usage,
            ..Problem::invalid(field, message)
        }
    }
}

/// One requested adjustment, from the flags or from one CSV row.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The CSV line; `None` for an adjustment typed as flags.
    pub line: Option<u64>,
    pub warehouse: String,
    pub sku: String,
    /// `None` when the row's by/set could not be read (its problems say why).
    pub change: Option<Change>,
    pub reason: Option<AdjustReason>,
    pub note: Option<String>,
    /// Problems found while reading the request, before the database was asked.
    pub problems: Vec<Problem>,
}

/// The requests of one command, and where they came from.
#[derive(Debug, Default)]
pub struct Batch {
    /// The file name, used in messages as `FILE:LINE: field: problem`.
    pub source: Option<String>,
    pub requests: Vec<Request>,
    /// Things worth saying that do not make any row invalid (e.g. unknown columns).
    pub warnings: Vec<String>,
}

impl Batch {
    /// A problem as the user reads it: `adjustments.csv:4: by: ...`, or the bare
    /// message for an adjustment typed as flags.
    pub fn describe(&self, line: Option<u64>, p: &Problem) -> String {
        match (&self.source, line) {
            (Some(source), Some(line)) => match p.field {
                Some(field) => format!("{source}:{line}: {field}: {}", p.message),
                None => format!("{source}:{line}: {}", p.message),
            },
            _ => p.message.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub allow_negative: bool,
    /// Apply the valid requests even when others are invalid.
    pub skip_invalid: bool,
    /// Roll back instead of committing.
    pub dry_run: bool,
    /// Who asked, for the story of orders the raised stock lets ship.
    pub cause: &'a str,
    /// Advanced by requests checked (and applied).
    pub progress: &'a Progress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Applied,
    /// Already at the requested on hand (`--by 0`, or `--set` to the current value).
    Unchanged,
    Rejected,
    /// Valid, but not applied because other requests in the batch were invalid.
    NotApplied,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct AdjustItem {
    pub line: Option<u64>,
    pub warehouse: String,
    pub sku: String,
    pub before: Option<i64>,
    pub after: Option<i64>,
    pub delta: Option<i64>,
    pub outcome: Outcome,
    pub message: Option<String>,
    #[serde(skip)]
    pub problems: Vec<Problem>,
}

/// A (physical warehouse, variant) whose available stock rose: where backordered
/// orders may now fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub warehouse: String,
    pub variant_id: i64,
}

#[derive(Debug, Default, Serialize)]
pub struct AdjustReport {
    pub source: Option<String>,
    pub dry_run: bool,
    pub applied: usize,
    pub unchanged: usize,
    pub rejected: usize,
    pub not_applied: usize,
    pub items: Vec<AdjustItem>,
    /// Rows whose available rose, for the caller to retry backorders against. Empty
    /// when nothing was committed.
    #[serde(skip)]
    pub raised: Vec<Raised>,
    /// Backordered orders retried because stock rose (SPEC §4.2.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backorders: Option<RetryReport>,
    #[serde(skip)]
    skip_invalid: bool,
}

impl AdjustReport {
    /// Invalid requests stopped the whole batch.
    pub fn blocked(&self) -> bool {
        self.rejected > 0 && !self.skip_invalid
    }

    /// Every problem, in the form the user reads it.
    pub fn problems(&self, batch: &Batch) -> Vec<String> {
        self.items
            .iter()
            .flat_map(|i| i.problems.iter().map(|p| batch.describe(i.line, p)))
            .collect()
    }
}

impl Report for AdjustReport {
    type Item = AdjustItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("applied", self.applied.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("rejected", self.rejected.to_string()),
        ];
        if self.not_applied > 0 {
            s.push(("not applied", self.not_applied.to_string()));
        }
        if let Some(b) = self.backorders.as_ref().filter(|b| !b.allocated.is_empty()) {
            s.push(("backorders allocated", b.allocated.len().to_string()));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }

    fn items(&self) -> &[AdjustItem] {
        &self.items
    }

    /// Rejections always; and a single adjustment typed as flags, whose one line is
    /// the answer the person asked for.
    fn is_notable(&self, item: &AdjustItem) -> bool {
        item.outcome == Outcome::Rejected || item.line.is_none()
    }

    fn exit(&self) -> Exit {
        match (self.rejected > 0, self.skip_invalid) {
            (false, _) => Exit::Ok,
            (true, true) => Exit::Rejected,
            (true, false) => Exit::Failed,
        }
    }
}

/// Checks and applies a batch in one transaction under the caller's flow lock. The
/// transaction is committed only when nothing is dry, and nothing invalid blocks it.
pub fn adjust(
    store: &mut Store,
    config: &Config,
    batch: &Batch,
    opts: Options,
) -> anyhow::Result<AdjustReport> {
    let tx = store.tx()?;
    let mut report = AdjustReport {
        source: batch.source.clone(),
        dry_run: opts.dry_run,
        skip_invalid: opts.skip_invalid,
        ..AdjustReport::default()
    };
    for request in &batch.requests {
        let item = one(&tx, config, batch, request, opts, &mut report.raised)?;
        match item.outcome {
            Outcome::Applied => report.applied += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Rejected => report.rejected += 1,
            Outcome::NotApplied => report.not_applied += 1,
        }
        report.items.push(item);
        opts.progress.inc(1);
    }
    // In the same transaction, so the stock and the orders it lets ship commit together.
    if !report.blocked() && !report.raised.is_empty() {
        let variants: Vec<i64> = report.raised.iter().map(|r| r.variant_id).collect();
        report.backorders = Some(backorders::retry_skus(
            config, &tx, None, opts.cause, &variants,
        )?);
    }
    if report.blocked() {
        for item in report.items.iter_mut() {
            if item.outcome == Outcome::Applied {
                item.outcome = Outcome::NotApplied;
                item.message = Some("not applied: other rows are invalid".into());
            }
        }
        report.not_applied += report.applied;
        report.applied = 0;
        report.raised.clear();
    } else if opts.dry_run {
        report.raised.clear();
    } else {
        tx.commit()?;
    }
    Ok(report)
}

fn one(
    conn: &Connection,
    config: &Config,
    batch: &Batch,
    r: &Request,
    opts: Options,
    raised: &mut Vec<Raised>,
) -> anyhow::Result<AdjustItem> {
    let mut item = AdjustItem {
        line: r.line,
        warehouse: r.warehouse.clone(),
        sku: r.sku.clone(),
        problems: r.problems.clone(),
        ..AdjustItem::default()
    };
    if !r.warehouse.is_empty() {
        if config.is_virtual(&r.warehouse) {
            item.problems.push(Problem::usage(
                "warehouse",
                stock_scope::virtual_refused(config, &r.warehouse),
            ));
        } else if !config.is_physical(&r.warehouse) {
            item.problems.push(Problem::usage(
                "warehouse",
                stock_scope::unknown_warehouse(config, &r.warehouse),
            ));
        }
    }
    let variant = match r.sku.trim() {
        "" => None,
        sku => {
            let found = find_variant(conn, sku)?;
            match &found {
                None => item
                    .problems
                    .push(Problem::usage("sku", format!("unknown SKU `{sku}`"))),
                Some(v) => {
                    if let Some(message) = bundle_has_no_stock(conn, v)? {
                        item.problems.push(Problem::invalid("sku", message));
                    }
                }
            }
            found
        }
    };
    if r.change.is_none() && item.problems.is_empty() {
        item.problems
            .push(Problem::invalid("by", "give either by or set"));
    }
    let (Some(variant), Some(change), true) = (variant, r.change, item.problems.is_empty()) else {
        return Ok(rejected(item, batch));
    };
    item.sku = variant.sku.clone();
    let before = stock::level(conn, &r.warehouse, variant.id)?.on_hand;
    item.before = Some(before);
    let after = match change {
        Change::By(d) => before.checked_add(d).filter(|_| plausible(d)),
        Change::Set(n) => Some(n),
    }
    .filter(|a| plausible(*a));
    let Some(after) = after else {
        item.problems.push(Problem::invalid(
            change.field(),
            format!("more than {MAX_QUANTITY} units is not a plausible quantity"),
        ));
        return Ok(rejected(item, batch));
    };
    item.after = Some(after);
    item.delta = Some(after - before);
    if after == before {
        item.outcome = Outcome::Unchanged;
        item.message = Some(format!("already {before} on hand"));
        return Ok(item);
    }
    if after < 0 && !opts.allow_negative {
        item.problems.push(Problem::invalid(
            change.field(),
            format!(
                "would leave {} at {} with {after} on hand (now {before}); --allow-negative permits it",
                variant.sku, r.warehouse
            ),
        ));
        return Ok(rejected(item, batch));
    }
    let reason = StockReason::Adjustment(r.reason.unwrap_or(AdjustReason::Other));
    let location = match (&batch.source, r.line) {
        (Some(source), Some(line)) => Some(format!("{source}:{line}")),
        _ => None,
    };
    let reference = Reference {
        kind: Some("adjustment"),
        id: location.as_deref(),
        run_id: None,
        note: r.note.as_deref(),
    };
    match change {
        Change::By(delta) => {
            let m = Movement {
                warehouse: &r.warehouse,
                variant_id: variant.id,
                on_hand: delta,
                allocated: 0,
                incoming: 0,
                reason,
                reference,
            };
            stock::apply(conn, &m)?;
        }
        Change::Set(target) => {
            stock::set_on_hand(conn, &r.warehouse, variant.id, target, reason, reference)?;
        }
    }
    let key = Raised {
        warehouse: r.warehouse.clone(),
        variant_id: variant.id,
    };
    if after > before && !raised.contains(&key) {
        raised.push(key);
    }
    Ok(item)
}

fn plausible(quantity: i64) -> bool {
    (-MAX_QUANTITY..=MAX_QUANTITY).contains(&quantity)
}

fn rejected(mut item: AdjustItem, batch: &Batch) -> AdjustItem {
    item.outcome = Outcome::Rejected;
    let text: Vec<String> = item
        .problems
        .iter()
        .map(|p| batch.describe(item.line, p))
        .collect();
    item.message = Some(text.join("; "));
    item
}

/// Why a bundle's stock cannot be moved, or `None` for a plain variant: its stock is its
/// components', and availability is computed from them (docs/bundles.md).
pub fn bundle_has_no_stock(
    conn: &Connection,
    v: &crate::store::catalog::VariantRef,
) -> rusqlite::Result<Option<String>> {
    let components = crate::store::bundles::components(conn, v.id)?;
    if components.is_empty() {
        return Ok(None);
    }
    let names: Vec<&str> = components.iter().map(|c| c.sku.as_str()).collect();
    Ok(Some(format!(
        "{} is a bundle: it has no stock of its own; adjust its components ({}) instead",
        v.sku,
        names.join(", ")
    )))
}
