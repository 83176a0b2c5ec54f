//! `oms stock …`: levels, the ledger, adjustments, the ledger checks, and stock sync and
//! push with the channels (SPEC §2, §4.2).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::model::AdjustReason;
use crate::ops::stock_adjust::{self, AdjustReport, Batch, Change, Options, ProblemKind, Request};
use crate::ops::stock_history::{self, HistoryOptions};
use crate::ops::stock_show::{self, ShowOptions};
use crate::ops::{stock_adjust_file, stock_push, stock_rebuild, stock_sync, stock_verify};
use crate::output::Format;

#[derive(Debug, Subcommand)]
pub enum StockCmd {
    /// Levels per warehouse and SKU (virtual warehouses show their members' sums)
    Show(ShowArgs),
    /// The stock ledger, newest first
    History(HistoryArgs),
    /// Change on hand of one SKU in one physical warehouse, or many from a CSV file
    Adjust(AdjustArgs),
    /// Check that every level equals the sum of its ledger rows (exit 1 when not)
    Verify,
    /// Recompute every level from the ledger
    Rebuild(RebuildArgs),
    /// Set on hand to what fulfillment channels report (stock snapshots)
    Sync(SyncArgs),
    /// Publish available stock to sales channels
    Push(PushArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Only this SKU (`*` matches any text)
    #[arg(long)]
    pub sku: Option<String>,
    /// Only these warehouses, physical or virtual (repeatable)
    #[arg(long, value_name = "CODE")]
    pub warehouse: Vec<String>,
    /// Include rows where every quantity is zero
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only this SKU (`*` matches any text)
    #[arg(long)]
    pub sku: Option<String>,
    /// Physical or virtual warehouse (repeatable); a virtual one means its members
    #[arg(long, value_name = "CODE")]
    pub warehouse: Vec<String>,
    /// Only rows at or after this time: RFC 3339, or YYYY-MM-DD for midnight UTC
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// At most this many rows
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(i64).range(1..))]
    pub limit: i64,
}

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
        required_unless_present_any = ["set", "file"],
        conflicts_with_all = ["set", "file"]
    )]
    pub by: Option<i64>,
    /// Set on hand to this many units
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        conflicts_with = "file"
    )]
    pub set: Option<i64>,
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

#[derive(Debug, Args)]
pub struct RebuildArgs {
    /// Show what would be mended without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this fulfillment channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Report what would change without writing or moving any file
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Only this sales channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Send every SKU, not only those changed since the last push
    #[arg(long)]
    pub full: bool,
    /// Show what would be sent per channel and SKU, without sending or writing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Ctx, cmd: StockCmd) -> anyhow::Result<Exit> {
    match cmd {
        StockCmd::Show(args) => show(ctx, args),
        StockCmd::History(args) => history(ctx, args),
        StockCmd::Adjust(args) => adjust(ctx, args),
        StockCmd::Verify => verify(ctx),
        StockCmd::Rebuild(args) => rebuild(ctx, args),
        StockCmd::Sync(args) => sync(ctx, args),
        StockCmd::Push(args) => push(ctx, args),
    }
}

fn show(ctx: &Ctx, args: ShowArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let opts = ShowOptions {
        sku: args.sku.as_deref(),
        warehouses: &args.warehouse,
        all: args.all,
    };
    ctx.out
        .list(&stock_show::show(&store.conn, &config, &opts)?)?;
    Ok(Exit::Ok)
}

fn history(ctx: &Ctx, args: HistoryArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let opts = HistoryOptions {
        sku: args.sku.as_deref(),
        warehouses: &args.warehouse,
        since: args.since.as_deref(),
        limit: args.limit,
    };
    ctx.out
        .list(&stock_history::history(&store.conn, &config, &opts)?)?;
    Ok(Exit::Ok)
}

fn verify(ctx: &Ctx) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let report = stock_verify::verify(&store.conn)?;
    let n = report.mismatches.len();
    if n == 0 {
        // A table of nothing helps no one; machines still get their empty list.
        if ctx.out.format != Format::Table {
            ctx.out.list(&report.mismatches)?;
        }
        ctx.out.note(match report.levels {
            1 => "1 level matches the ledger".to_string(),
            levels => format!("{levels} levels match the ledger"),
        });
        return Ok(Exit::Ok);
    }
    ctx.out.list(&report.mismatches)?;
    anyhow::bail!(
        "{n} of {} level{} differ from the ledger; `oms stock rebuild` sets them to the ledger's sums",
        report.levels,
        if report.levels == 1 { "" } else { "s" }
    )
}

fn rebuild(ctx: &Ctx, args: RebuildArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let report = stock_rebuild::rebuild(&mut store, args.dry_run)?;
    ctx.out.report(&report)
}

fn sync(ctx: &Ctx, args: SyncArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(c) = &args.channel
        && !config.fulfillment_channels.contains_key(c)
    {
        return Err(usage(format!("unknown fulfillment channel `{c}`")));
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let opts = stock_sync::Options {
        channel: args.channel.as_deref(),
        dry_run: args.dry_run,
        cause: &ctx.cause,
    };
    let report = stock_sync::run(&config, &mut store, &opts)?;
    ctx.out.report(&report)
}

fn push(ctx: &Ctx, args: PushArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(c) = &args.channel
        && !config.sales_channels.contains_key(c)
    {
        return Err(usage(format!("unknown sales channel `{c}`")));
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let opts = stock_push::Options {
        channel: args.channel.as_deref(),
        full: args.full,
        dry_run: args.dry_run,
    };
    let report = stock_push::run(&config, &mut store, &opts)?;
    for note in &report.notes {
        ctx.out.note(note);
    }
    ctx.out.report(&report)
}

/// Checks first without writing, asks, then applies under the flow lock. The lock is not
/// held while a person reads the question, so cron runs are not blocked by a prompt;
/// the requests are checked again when applied, so stock that moved in between is
/// judged as it is then.
fn adjust(ctx: &Ctx, args: AdjustArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let batch = match &args.file {
        Some(path) => stock_adjust_file::read(path)?,
        None => flags_request(&args)?,
    };
    for warning in &batch.warnings {
        ctx.out.warn(warning);
    }
    if batch.requests.is_empty() {
        ctx.out.note("the file has no adjustments; nothing to do");
        return Ok(Exit::Ok);
    }
    let opts = Options {
        allow_negative: args.allow_negative,
        skip_invalid: args.skip_invalid,
        dry_run: args.dry_run,
        cause: &ctx.cause,
    };
    let mut store = ctx.store(&config)?;
    if !args.dry_run {
        let mut preview = stock_adjust::adjust(
            &mut store,
            &config,
            &batch,
            Options {
                dry_run: true,
                ..opts
            },
        )?;
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
    let report = stock_adjust::adjust(&mut store, &config, &batch, opts)?;
    finish(ctx, &batch, &report)
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

fn question(batch: &Batch, preview: &AdjustReport) -> String {
    match (&batch.source, preview.items.as_slice()) {
        (None, [item]) => format!(
            "Change on hand of {} at {} from {} to {}?",
            item.sku,
            item.warehouse,
            item.before.unwrap_or_default(),
            item.after.unwrap_or_default()
        ),
        (source, _) => {
            let mut q = format!(
                "Apply {} stock adjustment{} from {}?",
                preview.applied,
                if preview.applied == 1 { "" } else { "s" },
                source.as_deref().unwrap_or("the command line")
            );
            if preview.rejected > 0 {
                q.push_str(&format!(
                    " ({} invalid row{} will be skipped)",
                    preview.rejected,
                    if preview.rejected == 1 { "" } else { "s" }
                ));
            }
            q
        }
    }
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
