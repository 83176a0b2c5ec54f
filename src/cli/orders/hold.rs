//! `oms orders hold|release`: holds put on and taken off by hand.

use clap::Args;

use crate::cli::Ctx;
use crate::error::{Exit, usage};
use crate::model::hold::{parse_duration, parse_instant, stamp};
use crate::ops::orders_hold::{self, Until};
use crate::ops::{holds, orders_process, orders_release};

#[derive(Debug, Args)]
pub struct HoldArgs {
    /// The orders to hold (draft or approved, not yet processed)
    #[arg(required = true, value_name = "N")]
    pub orders: Vec<i64>,
    /// Release by itself after this long, e.g. 30m, 2h, 1d (the next `orders process`
    /// after that time processes it); without --for or --until only a person releases it
    #[arg(long = "for", value_name = "DURATION", conflicts_with = "until")]
    pub for_: Option<String>,
    /// Release by itself at this time (RFC 3339, or `YYYY-MM-DD HH:MM` in UTC)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Why, kept with the hold and in the order's story
    #[arg(long)]
    pub reason: Option<String>,
    /// Show what would be held without writing anything
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ReleaseArgs {
    /// The orders on hold to release
    #[arg(required = true, value_name = "N")]
    pub orders: Vec<i64>,
    /// Release only; leave processing to the next `oms orders process`
    #[arg(long)]
    pub no_process: bool,
    /// Show what would be released without writing anything
    #[arg(long)]
    pub dry_run: bool,
}

pub fn hold(ctx: &Ctx, args: HoldArgs) -> anyhow::Result<Exit> {
    let until = match (&args.for_, &args.until) {
        (Some(d), _) => Until::At(holds::until_after(parse_duration(d).map_err(usage)?)),
        (None, Some(t)) => Until::At(stamp(parse_instant(t).map_err(usage)?)),
        (None, None) => Until::ByHand,
    };
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let mut report = orders_hold::run(
        &tx,
        &config,
        &args.orders,
        &until,
        args.reason.as_deref(),
        &ctx.cause,
    )?;
    report.dry_run = args.dry_run;
    warn_refusals(ctx, &report);
    if args.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    ctx.out.report(&report)
}

pub fn release(ctx: &Ctx, args: ReleaseArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let mut report = orders_release::run(&tx, &args.orders, &ctx.cause)?;
    report.dry_run = args.dry_run;
    warn_refusals(ctx, &report);
    if args.dry_run {
        tx.rollback()?;
        return ctx.out.report(&report);
    }
    tx.commit()?;
    let released: Vec<i64> = report
        .items
        .iter()
        .filter(|i| i.outcome == "released")
        .map(|i| i.order_id)
        .collect();
    if !args.no_process && !released.is_empty() {
        let progress = ctx.out.progress(0, "orders");
        let processed = orders_process::run(
            &config,
            &mut store,
            &orders_process::Options {
                channel: None,
                orders: &released,
                explain: false,
                verbose: ctx.out.verbose > 0,
                dry_run: false,
                cause: &ctx.cause,
                progress: &progress,
            },
        )?;
        progress.finish();
        report.process = Some(processed);
    }
    ctx.out.report(&report)
}

fn warn_refusals(ctx: &Ctx, report: &orders_hold::HoldReport) {
    for item in report.items.iter().filter(|i| i.outcome == "refused") {
        if let Some(m) = &item.message {
            ctx.out.warn(m);
        }
    }
}
