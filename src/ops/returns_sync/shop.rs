//! The shop's side of `oms returns sync` (docs/returns.md "From the shop"), for sales
//! channels with `import_returns = true`.
//!
//! In: each open return becomes an RMA once, keyed by the shop's return id, checked like
//! `oms returns create` (only what the order shipped, net of its other RMAs); a return the
//! shop cancels or declines cancels its RMA while nothing has arrived. Each page is one
//! transaction; the watermark moves only after all of them committed. A return that
//! cannot be made into an RMA (its order is not here yet) is rejected with its payload and
//! tried again on every sync until it applies, whatever order things arrive in.
//!
//! Out: an RMA from the shop that ended is reported once, decided and recorded in an
//! outbound batch before it is sent; a resend sends the recorded report, and the connector
//! sends only what the shop has not processed yet.

use std::collections::{HashMap, HashSet};

use super::{CRASH_FLOW, FLOW, PerRma, ReturnsSyncReport, SyncItem, SyncOptions, SyncOutcome};
use crate::config::{ChannelKind, Config};
use crate::connectors::{self, Fetched, SalesChannel};
use crate::crashpoint::{self, Point};
use crate::model::returns::LineArg;
use crate::model::shop_returns::{
    ShopLine, ShopReturnIn, ShopReturnLineIn, ShopReturnReport, ShopReturnStatus, arrived_per_line,
};
use crate::model::{ReturnStatus, sku_key};
use crate::ops::flow;
use crate::ops::returns_close::end_open;
use crate::ops::returns_create::{check_lines, insert};
use crate::store::rejections::{self, NewRejection, watermark};
use crate::store::returns::{self, NewReturn};
use crate::store::{Store, bundles, catalog, orders, shop_returns};

/// The outbound batch kind of a report to the shop of how one of its returns ended.
const KIND: &str = "shop-return";

/// The sales channels whose returns `oms returns sync` imports (`only`: just that one).
pub(super) fn channels<'c>(config: &'c Config, only: Option<&str>) -> Vec<&'c str> {
    config
        .sales_channels
        .iter()
        .filter(|(code, ch)| {
            ch.enabled
                && ch.kind == ChannelKind::Shopify
                && ch.import_returns == Some(true)
                && only.is_none_or(|o| o == code.as_str())
        })
        .map(|(code, _)| code.as_str())
        .collect()
}

pub(super) fn sync(
    store: &mut Store,
    config: &Config,
    channel: &str,
    o: &SyncOptions,
    run_id: Option<i64>,
) -> anyhow::Result<ReturnsSyncReport> {
    let mut report = ReturnsSyncReport {
        dry_run: o.dry_run,
        ..Default::default()
    };
    let mut shop = connectors::sales(config, channel)?;
    let importer = Importer {
        config,
        channel,
        cause: flow::cause_of(FLOW, run_id, o.cause),
        run_id,
        dry_run: o.dry_run,
    };
    let since = watermark::get(&store.conn, channel, FLOW)?;
    let mut pending: Vec<ShopReturnIn> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let next = shop.shop_returns(since.as_deref(), &mut |event| {
        match event {
            Fetched::Record(r) => {
                seen.insert(r.id.clone());
                pending.push(r);
            }
            Fetched::SourceDone { .. } => {
                let tx = store.tx()?;
                for r in pending.drain(..) {
                    report.push(importer.apply(&tx, &r)?);
                }
                if !o.dry_run {
                    tx.commit()?;
                    crashpoint::hit(CRASH_FLOW, Point::AfterCommit);
                }
            }
            Fetched::SourceFailed { source, reason } => report.push(SyncItem {
                channel: channel.to_string(),
                outcome: SyncOutcome::Failed,
                source: Some(source),
                reasons: vec![reason],
                ..Default::default()
            }),
            Fetched::Lines { .. } => {}
        }
        Ok(())
    })?;
    if let (Some(next), false) = (next, o.dry_run) {
        watermark::set(&store.conn, channel, FLOW, &next)?;
    }
    importer.retry_rejected(store, &seen, &mut report)?;
    report_ended(store, channel, &mut *shop, o.dry_run, &mut report)?;
    Ok(report)
}

struct Importer<'a> {
    config: &'a Config,
    channel: &'a str,
    cause: String,
    run_id: Option<i64>,
    dry_run: bool,
}

impl Importer<'_> {
    /// Tries again the returns rejected before that this read did not bring (their order
    /// may have arrived since), as they were last read.
    fn retry_rejected(
        &self,
        store: &mut Store,
        seen: &HashSet<String>,
        report: &mut ReturnsSyncReport,
    ) -> anyhow::Result<()> {
        let waiting: Vec<(String, String)> =
            rejections::open_payloads(&store.conn, FLOW, self.channel)?
                .into_iter()
                .filter(|(id, _)| !seen.contains(id))
                .collect();
        if waiting.is_empty() {
            return Ok(());
        }
        let tx = store.tx()?;
        for (_, payload) in waiting {
            // Another kind of record of this flow (a warehouse's receipt) is not ours.
            let Ok(r) = serde_json::from_str::<ShopReturnIn>(&payload) else {
                continue;
            };
            report.push(self.apply(&tx, &r)?);
        }
        if !self.dry_run {
            tx.commit()?;
        }
        Ok(())
    }

    fn apply(&self, conn: &rusqlite::Connection, r: &ShopReturnIn) -> anyhow::Result<SyncItem> {
        let mut item = SyncItem {
            channel: self.channel.to_string(),
            external_id: Some(r.name.clone()),
            source: Some(r.source.clone()),
            units: r.lines.iter().map(|l| l.quantity).sum(),
            ..Default::default()
        };
        if let Some(head) = shop_returns::find(conn, self.channel, &r.id)? {
            item.rma = head.number.clone();
            item.outcome = SyncOutcome::AlreadyApplied;
            if r.status.withdrawn() && head.status == ReturnStatus::Open {
                match end_open(conn, &head, ReturnStatus::Cancelled, &self.cause)? {
                    Ok(()) => {
                        // The shop ended it itself: there is nothing to tell it.
                        shop_returns::mark_reported(conn, head.id)?;
                        item.outcome = SyncOutcome::Cancelled;
                    }
                    Err(why) => {
                        let problems = vec![format!(
                            "{}: the shop {} the return, but {why}",
                            r.source,
                            r.status.as_str()
                        )];
                        return self.reject(conn, r, item, problems);
                    }
                }
            }
            rejections::resolve(conn, FLOW, self.channel, &r.id)?;
            return Ok(item);
        }
        if r.status != ShopReturnStatus::Open {
            rejections::resolve(conn, FLOW, self.channel, &r.id)?;
            item.outcome = SyncOutcome::Skipped;
            item.reasons = vec![match r.status {
                ShopReturnStatus::Requested => {
                    "requested: waits for the merchant's approval in the shop".to_string()
                }
                other => format!("{} in the shop before oms saw it open", other.as_str()),
            }];
            return Ok(item);
        }
        self.create(conn, r, item)
    }

    fn create(
        &self,
        conn: &rusqlite::Connection,
        r: &ShopReturnIn,
        mut item: SyncItem,
    ) -> anyhow::Result<SyncItem> {
        let mut problems = r.problems.clone();
        let Some(order) = orders::find_by_external(conn, self.channel, &r.order_external_id)?
        else {
            problems.push(format!(
                "{}: order {} has not been imported from `{}` (it is tried again on every sync)",
                r.source, r.order_external_id, self.channel
            ));
            return self.reject(conn, r, item, problems);
        };
        let returned = self.line_args(conn, order.id, r, &mut problems)?;
        let specs: Vec<LineArg> = returned.iter().map(|(_, spec)| spec.clone()).collect();
        let lines = check_lines(conn, order.id, &specs, &mut problems)?;
        let warehouse = returns::shipped_from(conn, order.id)?;
        if warehouse.is_none() {
            problems.push(format!(
                "{}: order {} was not shipped from any warehouse here",
                r.source, order.id
            ));
        }
        let (Some(warehouse), true) = (warehouse, problems.is_empty()) else {
            return self.reject(conn, r, item, problems);
        };
        let note = r.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
        let (id, number) = insert(
            conn,
            &NewReturn {
                order_id: order.id,
                warehouse: &warehouse,
                reason: r.reason.as_str(),
                note,
                lines: &lines,
            },
            &self.cause,
        )?;
        shop_returns::link(conn, id, self.channel, &r.id, &shop_lines(conn, &returned)?)?;
        rejections::resolve(conn, FLOW, self.channel, &r.id)?;
        item.rma = number;
        item.outcome = SyncOutcome::Imported;
        Ok(item)
    }

    /// The return's lines as `--line` values, each with its shop line: the oms SKU of the order line each returns
    /// (found by the shop's line id, else by SKU through the channel's `sku_map`).
    fn line_args<'r>(
        &self,
        conn: &rusqlite::Connection,
        order_id: i64,
        r: &'r ShopReturnIn,
        problems: &mut Vec<String>,
    ) -> anyhow::Result<Vec<(&'r ShopReturnLineIn, LineArg)>> {
        let order_lines = orders::lines(conn, order_id)?;
        let sku_map: HashMap<String, String> = self
            .config
            .sales_channels
            .get(self.channel)
            .map(|c| {
                c.sku_map
                    .iter()
                    .map(|(theirs, ours)| (sku_key(theirs), ours.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let mut specs = Vec::with_capacity(r.lines.len());
        for l in &r.lines {
            let origin = format!("{} line {}", r.source, l.id);
            let by_line = order_lines.iter().find(|o| {
                o.from_shop()
                    && o.external_line_id.is_some()
                    && o.external_line_id == l.line_item_id
            });
            let sku = match (by_line, &l.sku) {
                (Some(line), _) => line.sku.clone(),
                (None, Some(theirs)) => sku_map
                    .get(&sku_key(theirs))
                    .cloned()
                    .unwrap_or_else(|| theirs.clone()),
                (None, None) => {
                    problems.push(format!(
                        "{origin}: the returned order line is not one of order {order_id}'s and has no SKU"
                    ));
                    continue;
                }
            };
            let spec = LineArg {
                sku,
                quantity: l.quantity,
                disposition: None,
                origin,
            };
            specs.push((l, spec));
        }
        Ok(specs)
    }

    fn reject(
        &self,
        conn: &rusqlite::Connection,
        r: &ShopReturnIn,
        mut item: SyncItem,
        problems: Vec<String>,
    ) -> anyhow::Result<SyncItem> {
        rejections::record(
            conn,
            &NewRejection {
                flow: FLOW,
                channel: self.channel,
                external_id: &r.id,
                source: Some(&r.source),
                reasons: &problems,
                payload: serde_json::to_string(r).ok().as_deref(),
                run_id: self.run_id,
            },
        )?;
        item.outcome = SyncOutcome::Rejected;
        item.reasons = problems;
        Ok(item)
    }
}

/// What one unit of each shop line is in variants (a bundle: its components).
fn shop_lines(
    conn: &rusqlite::Connection,
    returned: &[(&ShopReturnLineIn, LineArg)],
) -> anyhow::Result<Vec<ShopLine>> {
    let mut out = Vec::with_capacity(returned.len());
    for (line, spec) in returned {
        let Some(v) = catalog::find_variant(conn, &spec.sku)? else {
            continue;
        };
        let components = bundles::components(conn, v.id)?;
        let parts = if components.is_empty() {
            vec![(v.id, 1)]
        } else {
            components
                .iter()
                .map(|c| (c.variant_id, c.quantity))
                .collect()
        };
        out.push(ShopLine {
            id: line.id.clone(),
            quantity: line.quantity,
            parts,
        });
    }
    Ok(out)
}

/// Tells the shop how each of its returns that oms finished ended, once.
fn report_ended(
    store: &mut Store,
    channel: &str,
    shop: &mut dyn SalesChannel,
    dry_run: bool,
    report: &mut ReturnsSyncReport,
) -> anyhow::Result<()> {
    let decided = PerRma::<ShopReturnReport>::load(&store.conn, KIND, channel)?;
    for ended in shop_returns::unreported(&store.conn, channel)? {
        let head = &ended.head;
        let name = format!("shop-return-{}", head.number);
        let (batch_id, payload) = decided.batch(store, head, &name, dry_run, |store| {
            let arrived: Vec<(i64, i64)> = returns::lines(&store.conn, head.id)?
                .iter()
                .map(|l| (l.variant_id, l.quantity - l.remaining))
                .collect();
            Ok(ShopReturnReport {
                return_id: ended.shop_return_id.clone(),
                rma: head.number.clone(),
                lines: arrived_per_line(&ended.lines, &arrived),
            })
        })?;
        let mut item = SyncItem {
            channel: channel.to_string(),
            rma: head.number.clone(),
            outcome: SyncOutcome::WouldSend,
            external_id: Some(payload.return_id.clone()),
            units: payload.lines.iter().map(|(_, q)| q).sum(),
            ..Default::default()
        };
        if !dry_run {
            let head_id = head.id;
            let answer = flow::send_one(
                store,
                CRASH_FLOW,
                batch_id,
                || shop.report_return(&payload),
                |tx, _| shop_returns::mark_reported(tx, head_id),
            )?;
            super::settle(&mut item, answer);
        }
        report.push(item);
    }
    Ok(())
}
