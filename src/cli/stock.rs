//! `oms stock …`: levels, the ledger, adjustments, the ledger checks, and stock sync and
//! push with the channels (SPEC §2, §4.2).

mod adjust;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::ops::stock_history::{self, HistoryOptions};
use crate::ops::stock_show::{self, ShowOptions};
use crate::ops::{stock_push, stock_rebuild, stock_sync, stock_verify};
use crate::output::Format;

#[derive(Debug, Subcommand)]
pub enum StockCmd {
    /// Levels per warehouse and SKU (virtual warehouses show their members' sums)
    #[command(after_long_help = super::examples::STOCK_SHOW)]
    Show(ShowArgs),
    /// The stock ledger, newest first
    History(HistoryArgs),
    /// Change on hand of one SKU in one physical warehouse, or many from a CSV file
    #[command(after_long_help = super::examples::STOCK_ADJUST)]
    Adjust(adjust::AdjustArgs),
    /// Check that every level equals the sum of its ledger rows (exit 1 when not)
    Verify,
    /// Recompute every level from the ledger
    Rebuild(RebuildArgs),
    /// Set on hand to what fulfillment channels report (stock snapshots)
    Sync(SyncArgs),
    /// Publish available stock to sales channels
    #[command(after_long_help = super::examples::STOCK_PUSH)]
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
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `stock show` shows by default.
const SHOW_COLUMNS: &[&str] = &[
    "warehouse",
    "?kind",
    "sku",
    "on_hand",
    "allocated",
    "available",
    "incoming",
    "held",
];

/// What `stock history` shows by default: the rarer changes go first when narrow.
const HISTORY_COLUMNS: &[&str] = &[
    "at",
    "warehouse",
    "sku",
    "on_hand_change",
    "?allocated_change",
    "?incoming_change",
    "?held_change",
    "?returning_change",
    "?quarantine_change",
    "reason",
    "reference",
    "?note",
];

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
    #[command(flatten)]
    pub columns: super::ColumnsArg,
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
        StockCmd::Adjust(args) => adjust::exec(ctx, args),
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
    let rows = stock_show::show(&store.conn, &config, &opts)?;
    ctx.out
        .list_columns(&rows, &args.columns.or(SHOW_COLUMNS))?;
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
    let rows = stock_history::history(&store.conn, &config, &opts)?;
    ctx.out
        .list_columns(&rows, &args.columns.or(HISTORY_COLUMNS))?;
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
        return Err(usage(config.unknown_fulfillment_channel(c)));
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let progress = ctx.out.progress(0, "lines");
    let opts = stock_sync::Options {
        channel: args.channel.as_deref(),
        dry_run: args.dry_run,
        cause: &ctx.cause,
        progress: &progress,
    };
    let report = stock_sync::run(&config, &mut store, &opts)?;
    progress.finish();
    ctx.out.report(&report)
}

fn push(ctx: &Ctx, args: PushArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(c) = &args.channel
        && !config.sales_channels.contains_key(c)
    {
        return Err(usage(config.unknown_sales_channel(c)));
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let progress = ctx.out.progress(0, "SKUs");
    let opts = stock_push::Options {
        channel: args.channel.as_deref(),
        full: args.full,
        dry_run: args.dry_run,
        progress: &progress,
    };
    let report = stock_push::run(&config, &mut store, &opts)?;
    progress.finish();
    for note in &report.notes {
        ctx.out.note(note);
    }
    ctx.out.report(&report)
}
