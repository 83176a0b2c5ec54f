//! `oms orders …`: import from sales channels or files, rejections, listing, the story of
//! one order, and the changes made by hand (approve, cancel, create).

mod edit;
mod hold;
mod process;
pub(crate) mod ship;
mod show;

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::formats::orders::OrderFormat;
use crate::model::OrderStatus;
use crate::ops::orders_import::{self, FileInput};
use crate::store::{orders, rejections};

#[derive(Debug, Subcommand)]
pub enum OrdersCmd {
    /// Fetch new and changed orders from sales channels, or read them from a file
    /// (exit 3 when some were rejected)
    #[command(after_long_help = super::examples::ORDERS_IMPORT)]
    Import(ImportArgs),
    /// Orders that could not be imported, with every reason
    Rejects(RejectsArgs),
    /// Orders, newest first
    List(ListArgs),
    /// One order: its lines, shipments with tracking, and its story
    #[command(
        after_long_help = "Examples:\n  oms orders show 12                       # the internal id, as `orders list` shows it\n  oms orders show '#1001'                  # the shop's order name (1001 works too, if no id 1001)\n  oms orders show --external 6798177894699 # the channel's id of the order"
    )]
    Show(ShowArgs),
    /// Approve draft orders so they can be processed
    Approve(ApproveArgs),
    /// Cancel orders: at once if nothing was sent to a warehouse, else by asking it
    Cancel(CancelArgs),
    /// Put orders on hold: their units are reserved on the sales channel's stock source
    /// until the hold ends (after --for / at --until, or by `oms orders release`)
    Hold(hold::HoldArgs),
    /// End holds by hand and process the released orders now
    Release(hold::ReleaseArgs),
    /// Enter an order by hand; it starts as a draft
    Create(Box<edit::CreateArgs>),
    /// A new draft order with the same lines and address as order N
    Clone(ship::CloneArgs),
    /// Mark what an order has at its warehouses shipped by hand (with the same stock
    /// effects and export to the shop as a warehouse's confirmation)
    Ship(ship::ShipOrderArgs),
    /// Allocate approved orders, create shipments and send them to the warehouses
    #[command(after_long_help = super::examples::ORDERS_PROCESS)]
    Process(process::ProcessArgs),
    /// Report shipped lines, tracking and cancellations back to the sales channels
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only this sales channel
    #[arg(long)]
    pub channel: Option<String>,
    /// Show what would be sent without sending or remembering anything
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Only this sales channel; with --file, the channel the file's orders belong to
    /// (required when several are configured)
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Read orders from this file instead of the channels (docs/order-files.md)
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The file's layout [default: oms-json for .json/.ndjson; a CSV by its header:
    /// shopify-csv when it has `Name` and `Lineitem sku`, else oms-csv]
    #[arg(long, value_enum, requires = "file")]
    pub format: Option<OrderFormat>,
    /// Read orders updated since this time (YYYY-MM-DD or RFC 3339) instead of since the
    /// last import; orders already imported are matched as usual (shopify channels)
    #[arg(long, value_name = "TIME", conflicts_with = "file")]
    pub since: Option<String>,
    /// Report what would change without writing anything or moving any file
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct RejectsArgs {
    /// Only this sales channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Include rejections resolved since (the order was imported after all)
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The order: its id, or the shop's order name (`#1001`)
    #[arg(required_unless_present = "external", conflicts_with = "external")]
    pub order: Option<String>,
    /// The channel's id of the order instead (Shopify's order id, a file's order_id)
    #[arg(long, value_name = "ID")]
    pub external: Option<String>,
    /// Only orders of this sales channel, when a name or id is used by several
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only orders in this status (draft, approved, fulfilling, partially_fulfilled,
    /// shipped, short_shipped, cancel_requested, cancelled)
    #[arg(long)]
    pub status: Option<String>,
    /// Only orders of this sales channel (`manual` for orders entered by hand)
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Only backordered orders
    #[arg(long)]
    pub backordered: bool,
    /// Orders whose name, external id or email starts with TEXT (email in any case)
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// At most this many orders
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(i64).range(1..))]
    pub limit: i64,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `orders list` shows by default; the rest with `--columns` or `-o json`.
const LIST_COLUMNS: &[&str] = &[
    "id",
    "name",
    "channel",
    "status",
    "?backordered",
    "units",
    "total",
    "ordered_at",
    "?hold_until",
];

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// Order numbers
    #[arg(required = true, value_name = "ORDER")]
    pub orders: Vec<i64>,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// Order numbers
    #[arg(required = true, value_name = "ORDER")]
    pub orders: Vec<i64>,
    /// Show what would change without writing (asks nothing)
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Ctx, cmd: OrdersCmd) -> anyhow::Result<Exit> {
    match cmd {
        OrdersCmd::Import(args) => import(ctx, args),
        OrdersCmd::Rejects(args) => rejects(ctx, args),
        OrdersCmd::List(args) => list(ctx, args),
        OrdersCmd::Show(args) => {
            let config = ctx.config()?;
            let store = ctx.store(&config)?;
            let id = show::resolve(&store.conn, &args)?;
            show::print(ctx, &store.conn, id)?;
            Ok(Exit::Ok)
        }
        OrdersCmd::Approve(args) => edit::approve(ctx, &args.orders, args.dry_run),
        OrdersCmd::Cancel(args) => edit::cancel(ctx, &args.orders, args.dry_run),
        OrdersCmd::Create(args) => edit::create(ctx, *args),
        OrdersCmd::Clone(args) => ship::clone(ctx, args),
        OrdersCmd::Ship(args) => ship::ship_order(ctx, args),
        OrdersCmd::Hold(args) => hold::hold(ctx, args),
        OrdersCmd::Release(args) => hold::release(ctx, args),
        OrdersCmd::Process(args) => process::exec(ctx, args),
        OrdersCmd::Export(args) => export(ctx, args),
    }
}

fn import(ctx: &Ctx, args: ImportArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(path) = &args.file {
        super::input_file(path)?;
    }
    let file = match &args.file {
        None => None,
        Some(path) => Some(FileInput {
            path,
            format: file_format(path, args.format)?,
        }),
    };
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let progress = match &args.file {
        Some(path) => {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            ctx.out.progress(size, "bytes read")
        }
        None => ctx.out.progress(0, "orders"),
    };
    let opts = orders_import::Options {
        channel: args.channel.as_deref(),
        file,
        since: args.since.as_deref(),
        dry_run: args.dry_run,
        verbose: ctx.out.verbose > 0,
        cause: &ctx.cause,
        progress: &progress,
    };
    let report = orders_import::run(&config, &mut store, &opts)?;
    progress.finish();
    ctx.out.report(&report)
}

/// The format of a file given with --file: as asked, or recognised as the inbox does
/// (by extension, and a CSV by its header).
pub(super) fn file_format(
    path: &std::path::Path,
    asked: Option<OrderFormat>,
) -> anyhow::Result<OrderFormat> {
    if let Some(f) = asked {
        return Ok(f);
    }
    crate::formats::orders::detect_format(path).map_err(usage)
}

fn rejects(ctx: &Ctx, args: RejectsArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let rows = rejections::list(
        &store.conn,
        &rejections::Filter {
            flow: Some(orders_import::FLOW),
            channel: args.channel.as_deref(),
            include_resolved: args.all,
        },
    )?;
    ctx.out.list_columns(
        &rows,
        &args.columns.or_wrapped(super::rejects::LIST_COLUMNS),
    )?;
    Ok(Exit::Ok)
}

fn list(ctx: &Ctx, args: ListArgs) -> anyhow::Result<Exit> {
    if let Some(s) = &args.status {
        s.parse::<OrderStatus>().map_err(usage)?;
    }
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let rows = orders::list(
        &store.conn,
        &orders::ListFilter {
            status: args.status.as_deref().map(str::trim),
            channel: args.channel.as_deref(),
            backordered: args.backordered,
            search: args.search.as_deref().filter(|t| !t.trim().is_empty()),
            limit: args.limit,
        },
    )?;
    ctx.out
        .list_columns(&rows, &args.columns.or(LIST_COLUMNS))?;
    Ok(Exit::Ok)
}

fn export(ctx: &Ctx, args: ExportArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(c) = &args.channel
        && !config.sales_channels.contains_key(c)
    {
        return Err(usage(config.unknown_sales_channel(c)));
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let progress = ctx.out.progress(0, "orders");
    let opts = crate::ops::orders_export::Options {
        channel: args.channel.as_deref(),
        dry_run: args.dry_run,
        progress: &progress,
    };
    let report = crate::ops::orders_export::run(&config, &mut store, &opts)?;
    progress.finish();
    ctx.out.report(&report)
}
