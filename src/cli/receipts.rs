use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::Exit;
use crate::ops::receipts_sync;

#[derive(Debug, Subcommand)]
pub enum ReceiptsCmd {
    /// Read receipts from fulfillment channels: on hand up, incoming down, POs advance
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this fulfillment channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Show what would change without writing anything or moving files
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(ctx: &Ctx, cmd: ReceiptsCmd) -> anyhow::Result<Exit> {
    let ReceiptsCmd::Sync(a) = cmd;
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let progress = ctx.out.progress(0, "receipt lines");
    let options = receipts_sync::SyncOptions {
        channel: a.channel.as_deref(),
        dry_run: a.dry_run,
        cause: &ctx.cause,
        progress: &progress,
    };
    let report = receipts_sync::run(&mut store, &config, &options)?;
    progress.finish();
    ctx.out.report(&report)
}
