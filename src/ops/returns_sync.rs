//! `oms returns sync` (a flow of `oms run`): open RMAs go to the fulfillment channel of
//! their warehouse, and the channel's reports of returned goods come back (docs/returns.md).
//!
//! Out, exactly once: an RMA's request is decided and recorded in an outbound batch
//! (store::outbound) and committed before it is sent; a resend after a crash sends the
//! recorded bytes, and a channel that makes records (ShipBob) is idempotent on the RMA
//! number. In: each source (a file, a ShipBob return order) is applied in one transaction
//! and acknowledged after it committed; a receipt is recorded by (channel, id), so reading
//! it again applies nothing. A bad receipt is rejected with every reason; the others of
//! the same source still apply.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;

mod apply;
mod shop;

use apply::Applier;

use super::flow::{self, Journaled};
use crate::config::Config;
use crate::connectors::{self, Fetched};
use crate::crashpoint::{self, Point};
use crate::error::{Exit, usage};
use crate::model::returns::{
    ReturnReason, ReturnReceiptIn, ReturnRequest, ReturnRequestLine, SentReturn,
};
use crate::model::sku_key;
use crate::output::Report;
use crate::store::outbound::{self, Batch};
use crate::store::returns::{self, ReturnHead};
use crate::store::runs::Outcome;
use crate::store::{Store, orders};

pub const FLOW: &str = "returns sync";
const CRASH_FLOW: &str = "returns-sync";
/// The outbound batch kind of an RMA sent to a warehouse.
const KIND: &str = "return";

pub struct SyncOptions<'a> {
    pub channel: Option<&'a str>,
    pub dry_run: bool,
    pub cause: &'a str,
}

#[derive(Debug, Serialize, Default)]
pub struct ReturnsSyncReport {
    pub dry_run: bool,
    pub sent: usize,
    pub received: usize,
    /// Shop returns made into RMAs.
    pub imported: usize,
    /// RMAs cancelled because the shop cancelled or declined their return.
    pub cancelled: usize,
    /// Shop returns left alone (requested, not approved yet; ended before oms saw them).
    pub skipped: usize,
    pub already_applied: usize,
    pub rejected: usize,
    pub failed: usize,
    pub items: Vec<SyncItem>,
}

#[derive(Debug, Serialize, Default)]
pub struct SyncItem {
    pub channel: String,
    pub rma: String,
    pub outcome: SyncOutcome,
    pub external_id: Option<String>,
    pub source: Option<String>,
    pub units: i64,
    pub reasons: Vec<String>,
}

#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SyncOutcome {
    #[default]
    Sent,
    WouldSend,
    Received,
    WouldReceive,
    Imported,
    Cancelled,
    Skipped,
    AlreadyApplied,
    Rejected,
    Failed,
}

impl ReturnsSyncReport {
    fn push(&mut self, item: SyncItem) {
        match item.outcome {
            SyncOutcome::Sent | SyncOutcome::WouldSend => self.sent += 1,
            SyncOutcome::Received | SyncOutcome::WouldReceive => self.received += 1,
            SyncOutcome::Imported => self.imported += 1,
            SyncOutcome::Cancelled => self.cancelled += 1,
            SyncOutcome::Skipped => self.skipped += 1,
            SyncOutcome::AlreadyApplied => self.already_applied += 1,
            SyncOutcome::Rejected => self.rejected += 1,
            SyncOutcome::Failed => self.failed += 1,
        }
        self.items.push(item);
    }

    /// Takes in one channel's journaled part, or its failure as an item.
    fn absorb_run(&mut self, channel: &str, part: anyhow::Result<ReturnsSyncReport>) {
        match part {
            Ok(part) => part.items.into_iter().for_each(|i| self.push(i)),
            Err(e) => self.push(SyncItem {
                channel: channel.to_string(),
                outcome: SyncOutcome::Failed,
                reasons: vec![format!("{e:#}")],
                ..Default::default()
            }),
        }
    }
}

impl Report for ReturnsSyncReport {
    type Item = SyncItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            (
                if self.dry_run { "would send" } else { "sent" },
                self.sent.to_string(),
            ),
            (
                if self.dry_run {
                    "would receive"
                } else {
                    "received"
                },
                self.received.to_string(),
            ),
            ("imported", self.imported.to_string()),
            ("cancelled", self.cancelled.to_string()),
            ("skipped", self.skipped.to_string()),
            ("already applied", self.already_applied.to_string()),
            ("rejected", self.rejected.to_string()),
            ("failed", self.failed.to_string()),
        ];
        if self.dry_run {
            s.push(("dry run", "nothing was sent, written or moved".to_string()));
        }
        s
    }

    fn items(&self) -> &[SyncItem] {
        &self.items
    }

    fn is_notable(&self, item: &SyncItem) -> bool {
        matches!(item.outcome, SyncOutcome::Rejected | SyncOutcome::Failed)
    }

    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for ReturnsSyncReport {
    fn counts(&self) -> serde_json::Value {
        json!({
            "sent": self.sent,
            "received": self.received,
            "imported": self.imported,
            "cancelled": self.cancelled,
            "skipped": self.skipped,
            "already_applied": self.already_applied,
            "rejected": self.rejected,
            "failed": self.failed,
        })
    }

    fn outcome(&self) -> Outcome {
        if self.failed > 0 {
            Outcome::Failed
        } else if self.rejected > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

pub fn run(
    store: &mut Store,
    config: &Config,
    o: &SyncOptions,
) -> anyhow::Result<ReturnsSyncReport> {
    let shops = shop::channels(config, o.channel);
    if let Some(code) = o.channel
        && !config.fulfillment_channels.contains_key(code)
        && shops.is_empty()
    {
        return Err(usage(if config.sales_channels.contains_key(code) {
            format!(
                "sales channel `{code}` does not import returns (`import_returns = true` on a shopify channel)"
            )
        } else {
            format!("unknown fulfillment channel `{code}`")
        }));
    }
    let mut report = ReturnsSyncReport {
        dry_run: o.dry_run,
        ..Default::default()
    };
    for channel in shops {
        let part = flow::journaled(store, FLOW, Some(channel), o.dry_run, |store, run_id| {
            shop::sync(store, config, channel, o, run_id)
        });
        report.absorb_run(channel, part);
    }
    // Without an RMA there is nothing to send and no receipt could apply: no channel is
    // opened and no run is journaled, so `oms run` costs nothing for shops without returns
    // (and, below, for the channels whose warehouses have none).
    if !returns::any(&store.conn)? {
        return Ok(report);
    }
    let mut by_channel: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (code, w) in &config.warehouses {
        by_channel
            .entry(w.fulfillment_channel.get_ref().clone())
            .or_default()
            .push(code.clone());
    }
    for (channel, warehouses) in by_channel {
        let enabled = config
            .fulfillment_channels
            .get(&channel)
            .is_some_and(|c| c.enabled);
        if o.channel.is_some_and(|c| c != channel)
            || !enabled
            || !returns::any_into(&store.conn, &warehouses)?
        {
            continue;
        }
        let part = flow::journaled(store, FLOW, Some(&channel), o.dry_run, |store, run_id| {
            sync_channel(store, config, &channel, &warehouses, o, run_id)
        });
        report.absorb_run(&channel, part);
    }
    Ok(report)
}

/// The recorded, unsent batches of one kind, each carrying one RMA's document: what a
/// crash left decided goes out again exactly as it was; an RMA without one gets a new one.
struct PerRma<T> {
    kind: &'static str,
    channel: String,
    decided: HashMap<i64, Batch<T>>,
}

impl<T: Serialize + DeserializeOwned + Clone> PerRma<T> {
    fn load(
        conn: &rusqlite::Connection,
        kind: &'static str,
        channel: &str,
    ) -> anyhow::Result<Self> {
        let decided = outbound::unsent(conn, kind, channel)?
            .into_iter()
            .filter_map(|b: Batch<T>| b.members.first().and_then(|m| m.0).map(|id| (id, b)))
            .collect();
        Ok(PerRma {
            kind,
            channel: channel.to_string(),
            decided,
        })
    }

    /// (batch id, document) for RMA `head`: the recorded one, else the one `build`
    /// decides, recorded as batch `name` and committed before anything is sent (a dry run
    /// records nothing and has no batch).
    fn batch(
        &self,
        store: &mut Store,
        head: &ReturnHead,
        name: &str,
        dry_run: bool,
        build: impl FnOnce(&Store) -> anyhow::Result<T>,
    ) -> anyhow::Result<(Option<i64>, T)> {
        if let Some(b) = self.decided.get(&head.id) {
            return Ok((Some(b.id), b.payload.clone()));
        }
        let document = build(store)?;
        if dry_run {
            return Ok((None, document));
        }
        let tx = store.tx()?;
        let members = [(Some(head.id), head.number.clone())];
        let b = outbound::claim(&tx, self.kind, &self.channel, name, &members, document)?;
        tx.commit()?;
        Ok((Some(b.id), b.payload))
    }
}

/// What became of a document sent on its own, as the item says it.
fn settle(item: &mut SyncItem, answer: flow::OneSent) {
    match answer {
        flow::OneSent::Accepted(external_id) => {
            item.outcome = SyncOutcome::Sent;
            item.external_id = external_id.or(item.external_id.take());
        }
        flow::OneSent::Refused(why) => {
            item.outcome = SyncOutcome::Failed;
            item.reasons = why.into_iter().collect();
        }
        flow::OneSent::Failed(why) => {
            item.outcome = SyncOutcome::Failed;
            item.reasons = vec![why];
        }
    }
}

fn sync_channel(
    store: &mut Store,
    config: &Config,
    channel: &str,
    warehouses: &[String],
    o: &SyncOptions,
    run_id: Option<i64>,
) -> anyhow::Result<ReturnsSyncReport> {
    let mut report = ReturnsSyncReport {
        dry_run: o.dry_run,
        ..Default::default()
    };
    let mut connector = connectors::fulfillment(config, channel)?;
    send_out(
        store,
        config,
        channel,
        warehouses,
        o.dry_run,
        &mut *connector,
        &mut report,
    )?;
    let sent: Vec<SentReturn> = returns::exported_open(&store.conn, warehouses)?
        .into_iter()
        .map(|h| SentReturn {
            number: h.number,
            external_id: h.external_id,
        })
        .collect();
    let cause = run_id.map_or_else(|| o.cause.to_string(), |id| format!("run {id} ({FLOW})"));
    let mut pending: Vec<ReturnReceiptIn> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    let mut failed: Vec<(String, String)> = Vec::new();
    let applier = Applier {
        config,
        channel,
        warehouses,
        cause: &cause,
        run_id,
    };
    connector.return_receipts(&sent, &mut |event| {
        match event {
            Fetched::Record(r) => pending.push(r),
            Fetched::SourceDone { source } => {
                let tx = store.tx()?;
                for r in pending.drain(..) {
                    report.push(applier.apply(&tx, &r, o.dry_run)?);
                }
                if !o.dry_run {
                    tx.commit()?;
                    crashpoint::hit(CRASH_FLOW, Point::AfterCommit);
                }
                done.push(source);
            }
            Fetched::SourceFailed { source, reason } => failed.push((source, reason)),
            Fetched::Lines { .. } => {}
        }
        Ok(())
    })?;
    if o.dry_run {
        return Ok(report);
    }
    for source in done {
        let moved = connector.ack(&source)?;
        crate::store::rejections::follow_move(&store.conn, &source, moved.as_deref())?;
    }
    for (source, reason) in failed {
        connector.set_aside(&source, &reason)?;
        report.push(SyncItem {
            channel: channel.to_string(),
            outcome: SyncOutcome::Failed,
            source: Some(source),
            reasons: vec![reason],
            ..Default::default()
        });
    }
    Ok(report)
}

/// Sends the channel's open RMAs not yet sent, each decided and committed first.
fn send_out(
    store: &mut Store,
    config: &Config,
    channel: &str,
    warehouses: &[String],
    dry_run: bool,
    connector: &mut dyn connectors::FulfillmentChannel,
    report: &mut ReturnsSyncReport,
) -> anyhow::Result<()> {
    let decided = PerRma::<ReturnRequest>::load(&store.conn, KIND, channel)?;
    for head in returns::awaiting_export(&store.conn, warehouses)? {
        let name = format!("returns-{}", head.number);
        let (batch_id, request) = decided.batch(store, &head, &name, dry_run, |store| {
            request_for(store, config, channel, &head)
        })?;
        let mut item = SyncItem {
            channel: channel.to_string(),
            rma: head.number.clone(),
            outcome: SyncOutcome::WouldSend,
            units: request.lines.iter().map(|l| l.quantity).sum(),
            ..Default::default()
        };
        if !dry_run {
            let head_id = head.id;
            let answer = flow::send_one(
                store,
                CRASH_FLOW,
                batch_id,
                || connector.send_return(&request),
                |tx, external_id| returns::mark_exported(tx, head_id, external_id),
            )?;
            settle(&mut item, answer);
        }
        report.push(item);
    }
    Ok(())
}

/// The RMA as the channel is told about it: its SKUs as the channel spells them, and
/// what oms would do with the units.
fn request_for(
    store: &Store,
    config: &Config,
    channel: &str,
    head: &ReturnHead,
) -> anyhow::Result<ReturnRequest> {
    let to_channel: HashMap<String, String> = config
        .fulfillment_channels
        .get(channel)
        .map(|c| {
            c.sku_map
                .iter()
                .map(|(theirs, ours)| (sku_key(ours), theirs.clone()))
                .collect()
        })
        .unwrap_or_default();
    let disposition =
        ReturnReason::parse(&head.reason).map(|r| config.returns.dispositions.for_reason(r));
    let order = orders::detail(&store.conn, head.order_id)?;
    let lines = returns::lines(&store.conn, head.id)?
        .into_iter()
        .map(|l| ReturnRequestLine {
            sku: to_channel.get(&sku_key(&l.sku)).cloned().unwrap_or(l.sku),
            quantity: l.quantity,
            disposition,
        })
        .collect();
    Ok(ReturnRequest {
        number: head.number.clone(),
        order: order
            .and_then(|o| o.name.or(Some(o.external_id)))
            .unwrap_or_else(|| head.order_id.to_string()),
        warehouse: head.warehouse.clone(),
        location_id: config
            .warehouses
            .get(&head.warehouse)
            .and_then(|w| w.location_id.clone()),
        reason: head.reason.clone(),
        lines,
    })
}
