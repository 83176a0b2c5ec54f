//! `oms orders process` (SPEC §4.1.2): approved orders, oldest first, get warehouses,
//! allocations and `ready_to_send` shipments, or a backorder flag with the reason; then the
//! new shipments are sent to their warehouses (`shipments_send`).
//!
//! Speed matters here (a shop's backlog after a sale is 100,000 orders): the planner holds
//! every stock level in memory for the run, orders are read and committed in batches of
//! [`BATCH`], and a crash loses at most the batch in flight, which the next run redoes.

mod allocator;
mod expire;
mod report;
mod rules;

pub use allocator::{Allocator, Batch, Written};
pub use report::{Item, OrderOutcome, ProcessReport};

use rusqlite::Connection;

use super::flow;
use super::shipments_send;
use crate::allocation::{OrderToPlan, PlanKind};
use crate::config::Config;
use crate::error::usage;
use crate::output::Progress;
use crate::store::processing::{self, OrderHead};
use crate::store::{Store, orders};

use super::holds::release_due;

pub const FLOW: &str = "orders process";

/// Orders per transaction: small enough to keep the WAL small, large enough that commits
/// cost nothing next to the work.
pub const BATCH: usize = 5000;

/// Test-only crash hook: `OMS_TEST_ABORT_AFTER_ORDERS=N` aborts the process right after the
/// Nth order's shipments are written, before its batch commits, so the reliability tests
/// can prove that the next run finishes the work without doing any of it twice.
const ABORT_AFTER: &str = "OMS_TEST_ABORT_AFTER_ORDERS";

pub struct Options<'a> {
    /// Only orders of this sales channel.
    pub channel: Option<&'a str>,
    /// Only these orders (`--order N`).
    pub orders: &'a [i64],
    /// Ask the planner why, per order.
    pub explain: bool,
    /// Keep an item for every order (`-v`), not only the notable ones.
    pub verbose: bool,
    pub dry_run: bool,
    /// Who asked, for stories written outside a run (dry runs write none anyway).
    pub cause: &'a str,
    /// Advanced by orders planned, then restarted for the shipments sent.
    pub progress: &'a Progress,
}

/// Plans and writes every order awaiting processing, then sends what is ready.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<ProcessReport> {
    if let Some(c) = opts.channel
        && !config.sales_channels.contains_key(c)
    {
        return Err(usage(config.unknown_sales_channel(c)));
    }
    processing::widen_cache(&store.conn, processing::PROCESS_CACHE_KIB)?;
    let mut report = flow::journaled(store, FLOW, opts.channel, opts.dry_run, |store, run_id| {
        process(config, store, opts, run_id)
    })?;
    if !opts.dry_run {
        opts.progress.restart("shipments sent");
        let send = shipments_send::run(
            config,
            store,
            &shipments_send::Options {
                channel: None,
                dry_run: false,
                verbose: opts.verbose,
                cause: opts.cause,
                progress: opts.progress,
            },
        )?;
        report.send = Some(send);
    }
    Ok(report)
}

fn process(
    config: &Config,
    store: &mut Store,
    opts: &Options,
    run_id: Option<i64>,
) -> anyhow::Result<ProcessReport> {
    let cause = flow::cause_of(FLOW, run_id, opts.cause);
    let mut report = ProcessReport {
        dry_run: opts.dry_run,
        show_all: opts.verbose || opts.explain,
        ..Default::default()
    };
    // Orders past their cancel_after go first (nothing of theirs is allocated any more),
    // then holds whose time is up become approved, so this run processes them.
    if opts.dry_run {
        // One transaction for everything (the releases too), rolled back: each batch must
        // see the shipments the batches before it would have made (their references).
        let tx = store.tx()?;
        if config.defaults.auto_cancel {
            expire::cancel_expired(
                &tx,
                (opts.channel, opts.orders),
                &cause,
                run_id,
                &mut report,
            )?;
        }
        report.holds_released = release_due(&tx, &cause, run_id)?.len();
        let mut alloc = Allocator::load(config)?;
        let ids = waiting(&tx, opts, &mut report)?;
        let mut work = Work::new(&mut alloc, opts, &cause, run_id);
        for chunk in ids.chunks(BATCH) {
            work.batch(&tx, chunk, &mut report)?;
        }
        tx.rollback()?;
    } else {
        let tx = store.tx()?;
        if config.defaults.auto_cancel {
            expire::cancel_expired(
                &tx,
                (opts.channel, opts.orders),
                &cause,
                run_id,
                &mut report,
            )?;
        }
        report.holds_released = release_due(&tx, &cause, run_id)?.len();
        tx.commit()?;
        let mut alloc = Allocator::load(config)?;
        let ids = waiting(&store.conn, opts, &mut report)?;
        let mut work = Work::new(&mut alloc, opts, &cause, run_id);
        for chunk in ids.chunks(BATCH) {
            let tx = store.tx()?;
            work.batch(&tx, chunk, &mut report)?;
            tx.commit()?;
        }
    }
    Ok(report)
}

/// The orders this run processes, oldest first; `--order N` that do not wait are reported.
fn waiting(
    conn: &Connection,
    opts: &Options,
    report: &mut ProcessReport,
) -> anyhow::Result<Vec<i64>> {
    let ids = orders::awaiting_processing(conn, opts.orders)?;
    skipped(conn, opts.orders, &ids, report)?;
    opts.progress.set_length(ids.len() as u64);
    Ok(ids)
}

/// `--order N` for orders that exist but do not wait for processing: said, not silently
/// dropped. An order that does not exist is a typing mistake (exit 2).
fn skipped(
    conn: &Connection,
    asked: &[i64],
    found: &[i64],
    report: &mut ProcessReport,
) -> anyhow::Result<()> {
    // Cancelled for their cancel_after earlier in this run: already reported.
    let asked: std::collections::BTreeSet<i64> = asked
        .iter()
        .copied()
        .filter(|id| !report.items.iter().any(|i| i.order_id == *id))
        .collect();
    for id in asked.into_iter().filter(|id| !found.contains(id)) {
        let Some(detail) = orders::detail(conn, id)? else {
            return Err(usage(format!("no order {id}")));
        };
        report.orders += 1;
        report.count(OrderOutcome::Skipped);
        report.items.push(Item {
            order_id: id,
            order: detail.name.unwrap_or(detail.external_id),
            channel: detail.channel,
            outcome: OrderOutcome::Skipped,
            reason: Some(format!(
                "not awaiting processing: the order is {}",
                detail.status
            )),
            ..Default::default()
        });
    }
    Ok(())
}

fn abort_after(dry_run: bool) -> Option<usize> {
    if dry_run {
        return None;
    }
    std::env::var(ABORT_AFTER).ok()?.trim().parse().ok()
}

struct Work<'a, 'c> {
    alloc: &'a mut Allocator<'c>,
    opts: &'a Options<'a>,
    cause: &'a str,
    run_id: Option<i64>,
    abort_after: Option<usize>,
    /// Orders written so far in this run, for the crash hook.
    done: usize,
}

impl<'a, 'c> Work<'a, 'c> {
    fn new(
        alloc: &'a mut Allocator<'c>,
        opts: &'a Options<'a>,
        cause: &'a str,
        run_id: Option<i64>,
    ) -> Self {
        Work {
            alloc,
            opts,
            cause,
            run_id,
            abort_after: abort_after(opts.dry_run),
            done: 0,
        }
    }
    fn batch(
        &mut self,
        conn: &Connection,
        ids: &[i64],
        report: &mut ProcessReport,
    ) -> anyhow::Result<()> {
        let batch = self.alloc.batch(conn, ids)?;
        for id in ids {
            let Some(head) = batch.heads.get(id) else {
                continue;
            };
            if self.opts.channel.is_some_and(|c| c != head.channel) {
                continue;
            }
            let item = self.order(conn, head, batch.lines_of(*id))?;
            report.orders += 1;
            report.count(item.outcome);
            report.shipments += item.shipments.len();
            report.units += item.units;
            if report.show_all || ProcessReport::keeps(item.outcome) {
                report.items.push(item);
            }
            self.done += 1;
            if self.abort_after == Some(self.done) {
                std::process::abort();
            }
        }
        self.opts.progress.inc(ids.len() as u64);
        Ok(())
    }

    fn order(
        &mut self,
        conn: &Connection,
        head: &OrderHead,
        lines: &[crate::allocation::LineToPlan],
    ) -> anyhow::Result<Item> {
        let mut item = Item {
            order_id: head.id,
            order: head
                .name
                .clone()
                .unwrap_or_else(|| head.external_id.clone()),
            channel: head.channel.clone(),
            ..Default::default()
        };
        // Rules evaluated again just before allocation may change the order first.
        let reread;
        let ruled;
        let mut said = Vec::new();
        let applied = rules::apply(conn, self.alloc, head, self.cause, self.run_id, &mut said)?;
        let (head, lines) = match applied {
            rules::Applied::Unchanged => (head, lines),
            rules::Applied::Stop { outcome, reason } => {
                item.outcome = outcome;
                item.reason = Some(reason);
                if self.opts.explain {
                    item.explanation = Some(said.join("\n"));
                }
                return Ok(item);
            }
            rules::Applied::Plan {
                head: h,
                lines_added,
            } => {
                ruled = h;
                if lines_added {
                    reread = Batch::load(conn, &[ruled.id])?;
                    self.alloc.ensure_levels(conn, reread.lines_of(ruled.id))?;
                    (&ruled, reread.lines_of(ruled.id))
                } else {
                    (&ruled, lines)
                }
            }
        };
        let candidates = match self.alloc.candidates(head) {
            Ok(list) => list.to_vec(),
            Err(reason) => {
                item.outcome = OrderOutcome::Failed;
                if self.opts.explain {
                    item.explanation = Some(reason.clone());
                }
                item.reason = Some(reason);
                return Ok(item);
            }
        };
        let order = OrderToPlan {
            order_id: head.id,
            lines,
            candidates: &candidates,
        };
        let limits = self.alloc.limits(head);
        let plan = self
            .alloc
            .planner
            .allocate_limited(&order, limits, self.opts.explain);
        let written = self
            .alloc
            .write(conn, head, &plan, self.cause, self.run_id)?;
        item.outcome = match plan.kind {
            PlanKind::NothingToDo => OrderOutcome::NothingToDo,
            PlanKind::Backordered => OrderOutcome::Backordered,
            _ if plan.is_backordered() => OrderOutcome::Partial,
            _ => OrderOutcome::Allocated,
        };
        if plan.is_backordered() {
            item.reason = Some(Allocator::backorder_reason(head, &plan));
        }
        if self.opts.explain {
            said.extend(plan.explanation.iter().cloned());
            item.explanation = Some(said.join("\n"));
        }
        item.units = written.units;
        for (reference, warehouse) in written.shipments {
            item.shipments.push(reference);
            item.warehouses.push(warehouse);
        }
        Ok(item)
    }
}
