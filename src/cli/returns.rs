//! `oms returns …`: return authorizations (docs/returns.md).

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::model::ReturnStatus;
use crate::model::returns::{LineArg, ReturnReason, normalize_number, parse_line};
use crate::ops::po_lines;
use crate::ops::{returns_cancel, returns_close, returns_create, returns_receive, returns_sync};
use crate::output::Format;
use crate::store::returns::{self, ReturnDetail};

#[derive(Debug, Subcommand)]
pub enum ReturnsCmd {
    /// Authorize a return of units an order shipped: RMA-000001, `open`, units `returning`
    Create(CreateArgs),
    /// List RMAs, newest first
    List(ListArgs),
    /// One RMA: lines with what arrived and what became of it, and its story
    Show {
        /// RMA number (RMA-000001, or just 1)
        rma: String,
    },
    /// Goods arrived: restock, quarantine or dispose of them, line by line
    Receive(ReceiveArgs),
    /// Nothing more is coming back: what never arrived stops being `returning`
    Close(ChangeArgs),
    /// End an RMA before anything arrived
    Cancel(ChangeArgs),
    /// Send RMAs to warehouses, apply what they report, import shop returns (docs/returns.md)
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this fulfillment channel, or this sales channel that imports returns
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Show what would be sent and received without sending, writing or moving anything
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The order id (as `oms orders list` shows it)
    #[arg(long, value_name = "ID")]
    pub order: i64,
    /// A line coming back: SKU=QTY (repeatable)
    #[arg(long = "line", value_name = "SKU=QTY", required = true)]
    pub lines: Vec<String>,
    /// Why the goods come back
    #[arg(long, value_enum)]
    pub reason: ReturnReason,
    /// The physical warehouse receiving the goods [default: the one that shipped them]
    #[arg(long, value_name = "CODE")]
    pub warehouse: Option<String>,
    /// A note kept with the return
    #[arg(long)]
    pub note: Option<String>,
    /// Send this instead, as a new approved order: SKU=QTY or SKU=QTY@PRICE (price 0
    /// unless given; repeatable)
    #[arg(long = "exchange", value_name = "SKU=QTY")]
    pub exchange: Vec<String>,
    /// Show the RMA that would be created without writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only RMAs in this status (open, received, closed, cancelled)
    #[arg(long, value_parser = parse_status)]
    pub status: Option<ReturnStatus>,
    /// Only RMAs of this order
    #[arg(long, value_name = "ID")]
    pub order: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ReceiveArgs {
    /// RMA number
    pub rma: String,
    /// What arrived: SKU=QTY, or SKU=QTY:restock|quarantine|dispose [default: the
    /// disposition configured for the RMA's reason] (repeatable)
    #[arg(long = "line", value_name = "SKU=QTY[:DISPOSITION]", required = true)]
    pub lines: Vec<String>,
    /// Show the result without writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// RMA number
    pub rma: String,
    /// Show the result without writing it
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_status(s: &str) -> Result<ReturnStatus, String> {
    s.parse()
}

/// The lines that could be read, and the problems of the others, named with the rest.
fn lines(flags: &[String], with_disposition: bool) -> (Vec<LineArg>, Vec<String>) {
    let mut good = Vec::new();
    let mut problems = Vec::new();
    for f in flags {
        match parse_line(f, with_disposition) {
            Ok(l) => good.push(l),
            Err(e) => problems.push(e),
        }
    }
    (good, problems)
}

pub fn exec(ctx: &Ctx, cmd: ReturnsCmd) -> anyhow::Result<Exit> {
    match cmd {
        ReturnsCmd::Create(a) => create(ctx, a),
        ReturnsCmd::List(a) => {
            let config = ctx.config()?;
            let store = ctx.store(&config)?;
            ctx.out
                .list(&returns::list(&store.conn, a.status, a.order)?)?;
            Ok(Exit::Ok)
        }
        ReturnsCmd::Show { rma } => {
            let config = ctx.config()?;
            let store = ctx.store(&config)?;
            let number = normalize_number(&rma);
            let head = returns::find(&store.conn, &number)?
                .ok_or_else(|| usage(format!("there is no RMA `{number}`")))?;
            print_detail(ctx, &returns::detail(&store.conn, &head)?)?;
            Ok(Exit::Ok)
        }
        ReturnsCmd::Receive(a) => receive(ctx, a),
        ReturnsCmd::Close(a) => change(ctx, a, "closed", returns_close::run),
        ReturnsCmd::Cancel(a) => change(ctx, a, "cancelled", returns_cancel::run),
        ReturnsCmd::Sync(a) => {
            let config = ctx.config()?;
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let options = returns_sync::SyncOptions {
                channel: a.channel.as_deref(),
                dry_run: a.dry_run,
                cause: &ctx.cause,
            };
            let report = returns_sync::run(&mut store, &config, &options)?;
            ctx.out.report(&report)
        }
    }
}

fn create(ctx: &Ctx, a: CreateArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let (specs, mut problems) = lines(&a.lines, false);
    let mut exchange = Vec::new();
    for e in &a.exchange {
        match po_lines::parse_flag(e) {
            Ok(l) => exchange.push(l),
            Err(why) => problems.push(why.replacen("--line", "--exchange", 1)),
        }
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let detail = returns_create::run(
        &mut store,
        &config,
        &returns_create::CreateOptions {
            order_id: a.order,
            lines: &specs,
            line_problems: &problems,
            reason: a.reason,
            warehouse: a.warehouse.as_deref(),
            note: a.note.as_deref(),
            exchange: &exchange,
            dry_run: a.dry_run,
            cause: "oms returns create",
        },
    )?;
    let verb = if a.dry_run { "would create" } else { "created" };
    let exchange = detail
        .head
        .exchange_order_id
        .map(|id| format!(" and exchange order {id} (approved)"))
        .unwrap_or_default();
    ctx.out.note(format!(
        "{verb} {} (open) for order {}{exchange}; receive it with `oms returns receive {} --line SKU=QTY`",
        detail.head.number, detail.head.order_id, detail.head.number
    ));
    if ctx.out.shows_outcomes() {
        print_detail(ctx, &detail)?;
    }
    Ok(Exit::Ok)
}

fn receive(ctx: &Ctx, a: ReceiveArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let (specs, problems) = lines(&a.lines, true);
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let done = returns_receive::run(
        &mut store,
        &config,
        &returns_receive::ReceiveOptions {
            number: &a.rma,
            lines: &specs,
            line_problems: &problems,
            dry_run: a.dry_run,
            cause: &ctx.cause,
        },
    )?;
    if a.dry_run {
        ctx.out.note("dry run: nothing was written");
    }
    if let Some(retry) = done.backorders.as_ref().filter(|r| !r.allocated.is_empty()) {
        ctx.out.note(format!(
            "{} backordered orders allocated from the restocked units",
            retry.allocated.len()
        ));
    }
    if ctx.out.format != Format::Table {
        ctx.out.one(&done)?;
    } else if ctx.out.shows_outcomes() {
        print_detail(ctx, &done.rma)?;
    }
    Ok(Exit::Ok)
}

fn change(
    ctx: &Ctx,
    a: ChangeArgs,
    done: &str,
    run: fn(&mut crate::store::Store, &str, bool, &str) -> anyhow::Result<ReturnDetail>,
) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let detail = run(&mut store, &a.rma, a.dry_run, &ctx.cause)?;
    let verb = if a.dry_run { "would be" } else { "is" };
    ctx.out
        .note(format!("{} {verb} {done}", detail.head.number));
    if ctx.out.shows_outcomes() {
        print_detail(ctx, &detail)?;
    }
    Ok(Exit::Ok)
}

/// Machines get one document; people get the header, then the lines and the story.
fn print_detail(ctx: &Ctx, d: &ReturnDetail) -> anyhow::Result<()> {
    if ctx.out.format != Format::Table {
        return ctx.out.one(d);
    }
    ctx.out.one(&d.head)?;
    ctx.out.heading("lines:")?;
    ctx.out.list(&d.lines)?;
    ctx.out.heading("story:")?;
    ctx.out.list(&d.story)
}
