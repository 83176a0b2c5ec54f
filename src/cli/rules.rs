//! `oms rules`: see what a sales channel's order rules do (docs/rules.md).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::formats::orders::OrderFormat;
use crate::ops::rules_test::{self, Target};

#[derive(Debug, Subcommand)]
pub enum RulesCmd {
    /// Show every rule for an order: whether it matched, which condition failed, its effects
    Test(TestArgs),
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// An order in oms (its number, as in `oms orders show N`)
    #[arg(long, value_name = "N", conflicts_with = "file")]
    pub order: Option<i64>,
    /// An order file not yet imported
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The file's format [default: oms-json for .json files]
    #[arg(long, value_enum, requires = "file")]
    pub format: Option<OrderFormat>,
    /// The sales channel the file's orders belong to (needed when several are configured)
    #[arg(long, requires = "file")]
    pub channel: Option<String>,
}

pub fn exec(ctx: &Ctx, cmd: RulesCmd) -> anyhow::Result<Exit> {
    let RulesCmd::Test(args) = cmd;
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let target = match (&args.order, &args.file) {
        (Some(id), None) => Target::Order(*id),
        (None, Some(path)) => {
            super::input_file(path)?;
            Target::File {
                path,
                format: super::orders::file_format(path, args.format)?,
                channel: args.channel.as_deref(),
            }
        }
        _ => return Err(usage("give --order N or --file FILE")),
    };
    let report = rules_test::run(&config, &store.conn, target)?;
    ctx.out.report(&report)
}
