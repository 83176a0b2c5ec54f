use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::ops::rejects_dismiss;
use crate::store::rejections;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct RejectsArgs {
    #[command(subcommand)]
    pub cmd: Option<RejectsCmd>,
    /// Only this flow, e.g. "shipments sync" or shipments-sync
    #[arg(long)]
    pub flow: Option<String>,
    /// Only this channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Include closed rejections: resolved (applied after all) and dismissed (with the reason)
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `rejects` and `orders rejects` show by default; the rest with `--columns`.
pub(super) const LIST_COLUMNS: &[&str] = &[
    "id",
    "flow",
    "channel",
    "external_id",
    "reasons",
    "?attempts",
    "?last_seen",
    "?dismissed_reason",
];

#[derive(Debug, Subcommand)]
pub enum RejectsCmd {
    /// Close rejections that can never be fixed; they stay in `oms rejects --all` with the reason
    #[command(
        after_long_help = "Examples:\n  oms rejects dismiss 12 14 --reason \"test order, deleted in the shop\"\n  oms rejects dismiss --all --flow orders-import --channel web --reason \"edited after shipping\""
    )]
    Dismiss(DismissArgs),
}

#[derive(Debug, Args)]
pub struct DismissArgs {
    /// Rejection ids, as `oms rejects` lists them
    #[arg(
        value_name = "ID",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub ids: Vec<i64>,
    /// Why they can never be fixed (kept in the history)
    #[arg(long, value_name = "TEXT")]
    pub reason: String,
    /// Every open rejection of --flow (and --channel, if given)
    #[arg(long, requires = "flow")]
    pub all: bool,
    /// The flow whose rejections --all dismisses, e.g. orders-import
    #[arg(long, requires = "all")]
    pub flow: Option<String>,
    /// With --all: only this channel
    #[arg(long, value_name = "CODE", requires = "all")]
    pub channel: Option<String>,
}

/// Every record any flow could not apply, with its reasons: orders, shipment
/// confirmations, receipts, stock lines. `oms orders rejects` is the orders-only view.
pub fn exec(ctx: &Ctx, args: RejectsArgs) -> anyhow::Result<Exit> {
    if let Some(RejectsCmd::Dismiss(d)) = args.cmd {
        return dismiss(ctx, d);
    }
    let flow = args.flow.as_deref().map(super::flow_arg).transpose()?;
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let filter = rejections::Filter {
        flow,
        channel: args.channel.as_deref(),
        include_resolved: args.all,
    };
    let rows = rejections::list(&store.conn, &filter)?;
    ctx.out
        .list_columns(&rows, &args.columns.or_wrapped(LIST_COLUMNS))?;
    Ok(Exit::Ok)
}

fn dismiss(ctx: &Ctx, a: DismissArgs) -> anyhow::Result<Exit> {
    let flow = a.flow.as_deref().map(super::flow_arg).transpose()?;
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let report = rejects_dismiss::run(
        &mut store,
        &rejects_dismiss::Options {
            ids: &a.ids,
            all_of_flow: flow,
            channel: a.channel.as_deref(),
            reason: &a.reason,
        },
    )?;
    for id in &report.already_closed {
        ctx.out.warn(format!(
            "rejection {id} is already closed (resolved or dismissed): left as it is"
        ));
    }
    if ctx.out.format != crate::output::Format::Table {
        ctx.out.one(&report)?;
    } else {
        let n = report.dismissed.len();
        ctx.out.note(format!(
            "dismissed {n} rejection{}; `oms rejects --all` keeps them with the reason",
            if n == 1 { "" } else { "s" }
        ));
    }
    if !report.unknown.is_empty() {
        let ids: Vec<String> = report.unknown.iter().map(i64::to_string).collect();
        return Err(usage(format!(
            "no rejection with id {} (see `oms rejects --all`)",
            ids.join(", ")
        )));
    }
    Ok(Exit::Ok)
}
