use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::Exit;
use crate::store::runs;

#[derive(Debug, Subcommand)]
pub enum RunsCmd {
    /// The journal of runs: flow, channel, times, counts, outcome, error (newest first)
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only runs of this flow, e.g. orders-import
    #[arg(long)]
    pub flow: Option<String>,
    /// At most this many runs, newest first
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `runs list` shows by default: an error before the counts, which go first when
/// the terminal is narrow.
const LIST_COLUMNS: &[&str] = &[
    "id",
    "flow",
    "channel",
    "started_at",
    "outcome",
    "error",
    "counts",
];

pub fn exec(ctx: &Ctx, cmd: RunsCmd) -> anyhow::Result<Exit> {
    let RunsCmd::List(args) = cmd;
    let flow = args.flow.as_deref().map(super::flow_arg).transpose()?;
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let rows = runs::list(&store.conn, flow, args.limit)?;
    ctx.out
        .list_columns(&rows, &args.columns.or(LIST_COLUMNS))?;
    Ok(Exit::Ok)
}
