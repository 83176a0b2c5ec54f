use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::Exit;
use crate::ops::channels_check;

#[derive(Debug, Subcommand)]
pub enum ChannelsCmd {
    /// Try each enabled channel's connection and credentials with one cheap call
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Only this channel (also when it is disabled)
    #[arg(long)]
    pub channel: Option<String>,
}

pub fn exec(ctx: &Ctx, cmd: ChannelsCmd) -> anyhow::Result<Exit> {
    let ChannelsCmd::Check(args) = cmd;
    let config = ctx.config()?;
    let report = channels_check::run(
        &config,
        &channels_check::Options {
            channel: args.channel.as_deref(),
        },
    )?;
    ctx.out.report(&report)
}
