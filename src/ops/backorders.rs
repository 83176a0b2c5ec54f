//! Backorder retry (SPEC §4.2.4): when available stock rises (a positive adjustment, a
//! cancelled shipment's release, a receipt, a stock sync), backordered orders are tried
//! again, first in first out. An order is allocated only when every unit it still waits for
//! fits now — all or nothing, even where partial shipments are allowed, so a trickle of
//! stock does not split an order into many small shipments. What it allocates becomes
//! `ready_to_send` shipments, sent by the next `orders process` or `shipments send`.
//!
//! Callers run it inside the transaction that raised the stock, so the raise and the
//! allocations it makes possible commit together.

use rusqlite::Connection;
use serde::Serialize;

use super::orders_process::{Allocator, BATCH};
use crate::allocation::OrderToPlan;
use crate::config::Config;
use crate::store::orders;

/// One backordered order that got its stock.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Allocated {
    pub order_id: i64,
    pub shipments: Vec<String>,
    pub units: i64,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct RetryReport {
    /// Backordered orders looked at.
    pub considered: usize,
    /// Orders now fully allocated, oldest first.
    pub allocated: Vec<Allocated>,
    /// Orders still waiting for stock.
    pub waiting: usize,
}

impl RetryReport {
    pub fn shipments(&self) -> usize {
        self.allocated.iter().map(|a| a.shipments.len()).sum()
    }

    /// Adds a later retry of the same flow: its allocations join these, and its counts,
    /// taken after them, replace these.
    pub fn absorb(&mut self, other: RetryReport) {
        self.considered = other.considered;
        self.waiting = other.waiting;
        self.allocated.extend(other.allocated);
    }
}

/// Retries the backordered orders that wait for one of `variant_ids`, whose stock rose, in
/// `conn`'s transaction. `run_id` and `cause` attribute the new shipments and status
/// changes (the run or command that raised the stock). The caller holds the flow lock.
/// An order is allocated only when all it waits for fits, so an order that needs none of
/// these SKUs cannot have become shippable: leaving it out changes no outcome and keeps a
/// one-SKU adjustment as cheap as the orders of that SKU.
pub fn retry_skus(
    config: &Config,
    conn: &Connection,
    run_id: Option<i64>,
    cause: &str,
    variant_ids: &[i64],
) -> anyhow::Result<RetryReport> {
    let ids = orders::backordered_for(conn, variant_ids)?;
    retry_orders(config, conn, run_id, cause, &ids)
}

/// [`retry_skus`] for the (warehouse, variant) pairs whose available stock rose, as the
/// flows that release or add stock collect them; `None` when nothing rose.
pub fn retry_raised<'p>(
    config: &Config,
    conn: &Connection,
    run_id: Option<i64>,
    cause: &str,
    raised: impl IntoIterator<Item = &'p (String, i64)>,
) -> anyhow::Result<Option<RetryReport>> {
    let mut variants: Vec<i64> = raised.into_iter().map(|(_, v)| *v).collect();
    variants.sort_unstable();
    variants.dedup();
    if variants.is_empty() {
        return Ok(None);
    }
    retry_skus(config, conn, run_id, cause, &variants).map(Some)
}

fn retry_orders(
    config: &Config,
    conn: &Connection,
    run_id: Option<i64>,
    cause: &str,
    ids: &[i64],
) -> anyhow::Result<RetryReport> {
    let mut report = RetryReport::default();
    if ids.is_empty() {
        return Ok(report);
    }
    let mut alloc = Allocator::load(config)?;
    for chunk in ids.chunks(BATCH) {
        let batch = alloc.batch(conn, chunk)?;
        for id in chunk {
            let Some(head) = batch.heads.get(id) else {
                continue;
            };
            report.considered += 1;
            // An order whose warehouse is no longer configured waits; `orders process`
            // reports it.
            let Ok(candidates) = alloc.candidates(head).map(<[_]>::to_vec) else {
                report.waiting += 1;
                continue;
            };
            let order = OrderToPlan {
                order_id: head.id,
                lines: batch.lines_of(*id),
                candidates: &candidates,
            };
            let limits = alloc.limits(head);
            let plan = alloc.planner.plan_limited(&order, limits, false);
            if plan.is_backordered() {
                report.waiting += 1;
                continue;
            }
            alloc.planner.reserve(&plan);
            // Written even without shipments: an order whose lines are all covered loses
            // a flag it should not have had.
            let written = alloc.write(conn, head, &plan, cause, run_id)?;
            if written.shipments.is_empty() {
                continue;
            }
            report.allocated.push(Allocated {
                order_id: head.id,
                shipments: written.shipments.into_iter().map(|(r, _)| r).collect(),
                units: written.units,
            });
        }
    }
    Ok(report)
}
