//! `oms stock adjust`: on hand changed by hand, one SKU from flags or many from a file,
//! checked first, confirmed on a terminal, then applied under the flow lock.

use std::path::PathBuf;

use clap::Args;

use crate::cli::Ctx;
use crate::error::{Exit, usage};
use crate::model::AdjustReason;
use crate::ops::stock_adjust::{
    self, AdjustReport, Batch, Change, Options, Outcome, ProblemKind, Request,
};
use crate::ops::{stock_adjust_file, stock_adjust_quarantine};
use crate::output::{Format, Progress};

#[derive(Debug, Args)]
pub struct AdjustArgs {
    /// The physical warehouse
    #[arg(
        long,
        value_name = "CODE",
        required_unless_present = "file",
        conflicts_with = "file"
    )]
    pub warehouse: Option<String>,
    /// The SKU (case and surrounding spaces ignored)
    #[arg(long, required_unless_present = "file", conflicts_with = "file")]
    pub sku: Option<String>,
    /// Change on hand by this many units: +5, -3
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        required_unless_present_any = ["set", "file", "from_quarantine"],
        conflicts_with_all = ["set", "file", "from_quarantine"]
    )]
    pub by: Option<i64>,
    /// Set on hand to this many units
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        conflicts_with_all = ["file", "from_quarantine"]
    )]
    pub set: Option<i64>,
    /// Move this many returned units out of quarantine to on hand (docs/returns.md)
    #[arg(long, value_name = "N", conflicts_with = "file")]
    pub from_quarantine: Option<i64>,
    /// With --from-quarantine: write the units off instead of putting them on hand
    #[arg(long, requires = "from_quarantine")]
    pub dispose: bool,
    /// Why stock changed [default: other]
    #[arg(long, value_enum, conflicts_with = "file")]
    pub reason: Option<AdjustReason>,
    /// Free text kept in the ledger row
    #[arg(long, conflicts_with = "file")]
    pub note: Option<String>,
    /// Many adjustments from a CSV file: warehouse,sku,by,set,reason,note (docs/stock-adjustments.md)
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// With --file: apply the valid rows even if some are invalid (exit 3)
    #[arg(long, requires = "file")]
    pub skip_invalid: bool,
    /// Allow on hand to go below zero
    #[arg(long)]
    pub allow_negative: bool,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

/// Checks first without writing, asks, then applies under the flow lock. The lock is not
/// held while a person reads the question, so cron runs are not blocked by a prompt;
/// the requests are checked again when applied, so stock that moved in between is
/// judged as it is then.
pub fn exec(ctx: &Ctx, args: AdjustArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(quantity) = args.from_quarantine {
        return from_quarantine(ctx, &config, &args, quantity);
    }
    let batch = match &args.file {
        Some(path) => {
            super::super::input_file(path)?;
            stock_adjust_file::read(path)?
        }
        None => flags_request(&args)?,
    };
    for warning in &batch.warnings {
        ctx.out.warn(warning);
    }
    if batch.requests.is_empty() {
        ctx.out.note("the file has no adjustments; nothing to do");
        return Ok(Exit::Ok);
    }
    // A file may hold thousands of rows; one adjustment needs no bar.
    let rows = batch.requests.len() as u64;
    let bar = |what: &str| match batch.source {
        Some(_) => ctx.out.progress(rows, what),
        None => Progress::hidden(),
    };
    let hidden = Progress::hidden();
    let opts = Options {
        allow_negative: args.allow_negative,
        skip_invalid: args.skip_invalid,
        dry_run: args.dry_run,
        cause: &ctx.cause,
        progress: &hidden,
    };
    let mut store = ctx.store(&config)?;
    if !args.dry_run {
        let checking = bar("rows checked");
        let mut preview = stock_adjust::adjust(
            &mut store,
            &config,
            &batch,
            Options {
                dry_run: true,
                progress: &checking,
                ..opts
            },
        )?;
        checking.finish();
        if preview.applied == 0 || preview.blocked() || single_refused(&batch, &preview) {
            // Nothing would be written whatever the answer, so there is nothing to ask.
            preview.dry_run = false;
            return finish(ctx, &batch, &preview);
        }
        if !ctx.confirm(&question(&batch, &preview))? {
            ctx.out.note("nothing was changed");
            return Ok(Exit::Failed);
        }
    }
    let _lock = ctx.lock(&config)?;
    let applying = bar("rows");
    let report = stock_adjust::adjust(
        &mut store,
        &config,
        &batch,
        Options {
            progress: &applying,
            ..opts
        },
    )?;
    applying.finish();
    finish(ctx, &batch, &report)
}

fn from_quarantine(
    ctx: &Ctx,
    config: &crate::config::Config,
    args: &AdjustArgs,
    quantity: i64,
) -> anyhow::Result<Exit> {
    let (Some(warehouse), Some(sku)) = (&args.warehouse, &args.sku) else {
        return Err(usage("give --warehouse and --sku with --from-quarantine"));
    };
    let verb = if args.dispose {
        "Write off"
    } else {
        "Release to on hand"
    };
    if !args.dry_run
        && !ctx.confirm(&format!(
            "{verb} {quantity} × {sku} from quarantine at {warehouse}?"
        ))?
    {
        ctx.out.note("nothing was changed");
        return Ok(Exit::Failed);
    }
    let _lock = ctx.lock(config)?;
    let mut store = ctx.store(config)?;
    let done = stock_adjust_quarantine::run(
        &mut store,
        config,
        &stock_adjust_quarantine::QuarantineOptions {
            warehouse,
            sku,
            quantity,
            dispose: args.dispose,
            note: args.note.as_deref(),
            dry_run: args.dry_run,
            cause: &ctx.cause,
        },
    )?;
    let what = if args.dispose {
        "written off"
    } else {
        "released to on hand"
    };
    ctx.out.note(format!(
        "{}{quantity} × {} {what} from quarantine at {warehouse} ({} left in quarantine)",
        if args.dry_run {
            "dry run: would have "
        } else {
            ""
        },
        done.sku,
        done.quarantine_after
    ));
    if ctx.out.format != Format::Table {
        ctx.out.one(&done)?;
    }
    Ok(Exit::Ok)
}

fn flags_request(args: &AdjustArgs) -> anyhow::Result<Batch> {
    let (Some(warehouse), Some(sku)) = (&args.warehouse, &args.sku) else {
        return Err(usage("give --warehouse and --sku, or --file"));
    };
    let change = match (args.by, args.set) {
        (Some(by), None) => Change::By(by),
        (None, Some(set)) => Change::Set(set),
        _ => return Err(usage("give either --by or --set")),
    };
    Ok(Batch {
        requests: vec![Request {
            warehouse: warehouse.clone(),
            sku: sku.clone(),
            change: Some(change),
            reason: args.reason,
            note: args.note.clone(),
            ..Request::default()
        }],
        ..Batch::default()
    })
}

fn single_refused(batch: &Batch, report: &AdjustReport) -> bool {
    batch.source.is_none() && report.rejected > 0
}

/// The one question asked before writing: the change itself for one SKU, and for a
/// file what a person needs to judge it at a glance — rows, units in and out, warehouses.
fn question(batch: &Batch, preview: &AdjustReport) -> String {
    if let (None, [item]) = (&batch.source, preview.items.as_slice()) {
        let (before, after) = (
            item.before.unwrap_or_default(),
            item.after.unwrap_or_default(),
        );
        return format!(
            "Change on hand of {} at {} from {before} to {after} ({:+})?",
            item.sku,
            item.warehouse,
            after - before
        );
    }
    let applied: Vec<_> = preview
        .items
        .iter()
        .filter(|i| i.outcome == Outcome::Applied)
        .collect();
    let deltas = applied.iter().filter_map(|i| i.delta);
    let added: i64 = deltas.clone().filter(|d| *d > 0).sum();
    let removed: i64 = deltas.filter(|d| *d < 0).map(i64::abs).sum();
    let mut warehouses: Vec<&str> = applied.iter().map(|i| i.warehouse.as_str()).collect();
    warehouses.sort_unstable();
    warehouses.dedup();
    let mut q = format!(
        "Apply {} stock adjustment{} from {}: +{added} / -{removed} units on hand in {}?",
        preview.applied,
        plural(preview.applied),
        batch.source.as_deref().unwrap_or("the command line"),
        warehouses.join(", ")
    );
    if preview.rejected > 0 {
        q.push_str(&format!(
            " ({} invalid row{} will be skipped)",
            preview.rejected,
            plural(preview.rejected)
        ));
    }
    q
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints the outcome. A refused flags adjustment is an error (exit 2 when it names a
/// warehouse or SKU that does not exist, else 1); a file with invalid rows lists every
/// problem, and fails unless the invalid rows were skipped.
fn finish(ctx: &Ctx, batch: &Batch, report: &AdjustReport) -> anyhow::Result<Exit> {
    if single_refused(batch, report) {
        let problems: Vec<_> = report.items.iter().flat_map(|i| &i.problems).collect();
        let text = report.problems(batch).join("\n");
        if problems.iter().any(|p| p.kind == ProblemKind::Usage) {
            return Err(usage(text));
        }
        anyhow::bail!(text);
    }
    // A table already shows each rejected row with its problems; other formats keep
    // stdout for machines, so people get the problems on stderr.
    if ctx.out.format != Format::Table {
        for problem in report.problems(batch) {
            ctx.out.warn(problem);
        }
    }
    let exit = ctx.out.report(report)?;
    if report.blocked() {
        anyhow::bail!(
            "nothing from {} was applied: {} of {} rows are invalid (fix them, or pass --skip-invalid to apply the others)",
            batch.source.as_deref().unwrap_or("the command line"),
            report.rejected,
            report.items.len()
        );
    }
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::stock_adjust::AdjustItem;

    fn item(warehouse: &str, sku: &str, before: i64, after: i64, outcome: Outcome) -> AdjustItem {
        AdjustItem {
            warehouse: warehouse.into(),
            sku: sku.into(),
            before: Some(before),
            after: Some(after),
            delta: Some(after - before),
            outcome,
            ..AdjustItem::default()
        }
    }

    #[test]
    fn one_adjustment_asks_with_its_change() {
        let mut preview = AdjustReport::default();
        preview.applied = 1;
        preview.items = vec![item("east", "MUG-1", 5, 505, Outcome::Applied)];
        assert_eq!(
            question(&Batch::default(), &preview),
            "Change on hand of MUG-1 at east from 5 to 505 (+500)?"
        );
    }

    #[test]
    fn a_file_asks_once_with_a_summary() {
        let batch = Batch {
            source: Some("adjust.csv".into()),
            ..Batch::default()
        };
        let mut preview = AdjustReport::default();
        (preview.applied, preview.rejected) = (3, 1);
        preview.items = vec![
            item("west", "MUG-1", 0, 120, Outcome::Applied),
            item("east", "TEE-1", 10, 4, Outcome::Applied),
            item("east", "CAP-1", 1, 31, Outcome::Applied),
            item("east", "BAD", 0, 999, Outcome::Rejected),
        ];
        assert_eq!(
            question(&batch, &preview),
            "Apply 3 stock adjustments from adjust.csv: +150 / -6 units on hand in east, west? \
             (1 invalid row will be skipped)"
        );
    }
}
