//! `oms orders process`: allocate approved orders, create shipments, send them.

use clap::Args;

use crate::cli::Ctx;
use crate::error::Exit;
use crate::ops::orders_process::{self, Options};

#[derive(Debug, Args)]
pub struct ProcessArgs {
    /// Only orders of this sales channel
    #[arg(long, value_name = "SALES")]
    pub channel: Option<String>,
    /// Only these orders (repeatable)
    #[arg(long = "order", value_name = "N")]
    pub orders: Vec<i64>,
    /// Show, per order, which warehouses were considered and why one was chosen
    #[arg(long)]
    pub explain: bool,
    /// Plan and report without writing or sending anything
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Ctx, args: ProcessArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let progress = ctx.out.progress(0, "orders");
    let opts = Options {
        channel: args.channel.as_deref(),
        orders: &args.orders,
        explain: args.explain,
        verbose: ctx.out.verbose > 0,
        dry_run: args.dry_run,
        cause: &ctx.cause,
        progress: &progress,
    };
    let report = orders_process::run(&config, &mut store, &opts)?;
    progress.finish();
    ctx.out.report(&report)
}
