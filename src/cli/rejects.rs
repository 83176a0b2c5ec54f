use clap::Args;

use super::Ctx;
use crate::error::Exit;
use crate::store::rejections;

#[derive(Debug, Args)]
pub struct RejectsArgs {
    /// Only this flow, e.g. "shipments sync" or shipments-sync
    #[arg(long)]
    pub flow: Option<String>,
    /// Only this channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Include rejections resolved since (applied after all)
    #[arg(long)]
    pub all: bool,
}

/// Every record any flow could not apply, with its reasons: orders, shipment
/// confirmations, receipts, stock lines. `oms orders rejects` is the orders-only view.
pub fn exec(ctx: &Ctx, args: RejectsArgs) -> anyhow::Result<Exit> {
    let flow = args.flow.as_deref().map(super::flow_arg).transpose()?;
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let filter = rejections::Filter {
        flow,
        channel: args.channel.as_deref(),
        include_resolved: args.all,
    };
    ctx.out.list(&rejections::list(&store.conn, &filter)?)?;
    Ok(Exit::Ok)
}
