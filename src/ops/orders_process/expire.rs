//! The first step of `orders process`: orders past their `cancel_after` that no warehouse
//! has seen are cancelled (with `auto_cancel = true`), through the one cancel path, so
//! held units and allocations of shipments not yet sent are released with their ledger
//! rows. Done before allocation, so the stock they free is there for this run's orders.

use rusqlite::Connection;

use super::report::{Item, OrderOutcome, ProcessReport};
use crate::ops::order_cancel;
use crate::store::cancel_after;

/// `channel` and `only` are the run's `--channel` and `--order` limits.
pub(super) fn cancel_expired(
    conn: &Connection,
    (channel, only): (Option<&str>, &[i64]),
    cause: &str,
    run_id: Option<i64>,
    report: &mut ProcessReport,
) -> anyhow::Result<()> {
    for due in cancel_after::expired(conn, &crate::model::now())? {
        if channel.is_some_and(|c| c != due.channel)
            || !(only.is_empty() || only.contains(&due.order_id))
        {
            continue;
        }
        let note = format!(
            "cancel_after {} passed before it was sent to a warehouse",
            due.cancel_after
        );
        // The query leaves final orders out, so an order that cannot be cancelled is one
        // changed since by someone else: nothing to do for it here.
        let Ok(done) = order_cancel::cancel(conn, due.order_id, cause, run_id, Some(&note))? else {
            continue;
        };
        report.orders += 1;
        report.count(OrderOutcome::Cancelled);
        report.items.push(Item {
            order_id: due.order_id,
            order: due.order,
            channel: due.channel,
            outcome: OrderOutcome::Cancelled,
            reason: Some(format!("{note} (was {})", done.from)),
            ..Default::default()
        });
    }
    Ok(())
}
