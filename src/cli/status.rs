use clap::Args;

use super::Ctx;
use crate::error::Exit;
use crate::ops::status;
use crate::output::Format;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Exit 1 when something needs a person (for monitoring)
    #[arg(long)]
    pub check: bool,
}

pub fn exec(ctx: &Ctx, args: StatusArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    // A database that cannot be written may not even open; say why runs cannot journal.
    let store =
        ctx.store(&config)
            .map_err(|e| match status::journal_problem(&config.database_path) {
                Some(why) => e.context(why),
                None => e,
            })?;
    let s = status::gather(&config, &store.conn)?;
    match ctx.out.format {
        Format::Json => ctx.out.one(&s)?,
        // Line-oriented formats carry the problems, one per row: what a script acts on.
        Format::Ndjson | Format::Csv => ctx.out.list(&s.attention)?,
        // Quiet is for cron: only what needs a person, so a good morning mails nothing.
        Format::Table if ctx.out.quiet => ctx.out.section("Needs attention", &s.attention)?,
        Format::Table => {
            if s.attention.is_empty() {
                ctx.out.note("nothing needs attention");
            }
            ctx.out.section("Needs attention", &s.attention)?;
            ctx.out.section("Orders", &s.orders)?;
            ctx.out.section(
                &format!("Backordered ({} in all)", s.backordered_total),
                &s.backordered,
            )?;
            ctx.out.section("Waiting for stock", &s.waiting_for)?;
            ctx.out.section("Holds to look at", &s.holds)?;
            ctx.out.section("Past cancel_after, not sent", &s.expired)?;
            ctx.out.section(
                &format!(
                    "Returns open more than {} days",
                    config.returns.stale_after_days
                ),
                &s.stale_returns,
            )?;
            ctx.out.section(
                &format!(
                    "Sent, not confirmed for {}h ({} in all)",
                    config.status.unconfirmed_after_hours, s.unconfirmed_total
                ),
                &s.unconfirmed_shipments,
            )?;
            ctx.out.section("Could not be sent", &s.failing_shipments)?;
            ctx.out.section("Rejections to fix", &s.rejections)?;
            ctx.out.section(
                &format!(
                    "Stock at or below {} ({} in all)",
                    config.status.low_stock_threshold, s.stock_alerts_total
                ),
                &s.stock_alerts,
            )?;
            // A failed run's error matters more than how old the runs are.
            let runs = [
                "flow",
                "channel",
                "outcome",
                "started_at",
                "?age_hours",
                "?last_success_hours",
                "?stale",
                "error",
            ];
            ctx.out.section_with("Last runs", &s.runs, &runs)?;
        }
    }
    Ok(if args.check && s.needs_attention {
        Exit::Failed
    } else {
        Exit::Ok
    })
}
