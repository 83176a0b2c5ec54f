//! `oms shipments send` (SPEC §4.1.2, §8), also the last step of `orders process`: every
//! `ready_to_send` shipment goes to its warehouse's fulfillment channel, oldest first, in
//! batches of [`BATCH`]; then pending cancellation requests follow.
//!
//! A send is recorded before it is made (the batch, its members and exact payload in
//! `store::outbound`, with the attempt count, committed) and confirmed after
//! (`sent_to_warehouse` and the batch sent, committed). A crash in between leaves the batch
//! unsent, and the next send offers exactly that batch again — same name, same members,
//! same bytes — before any new work is batched.

mod report;
mod wire;

pub use report::{SendItem, SendOutcome, SendReport};

use std::collections::{HashMap, HashSet};

use crate::config::Config;
use crate::connectors::{self, FulfillmentChannel, Sent, files};
use crate::crashpoint::{self, Point};
use crate::error::usage;
use crate::model::shipment::ShipmentRequest;
use crate::ops::flow;
use crate::output::Progress;
use crate::store::Store;
use crate::store::outbound::{self, Batch};
use crate::store::processing::{self, Outbound};
use crate::store::runs;
use crate::store::shipments;
use wire::Wire;

pub const FLOW: &str = "shipments send";
const CRASH_FLOW: &str = "shipments-send";

/// Shipments per call to a connector (one outbox file for the files connector).
pub const BATCH: usize = 500;

pub struct Options<'a> {
    /// Only this fulfillment channel.
    pub channel: Option<&'a str>,
    /// Build every request, send nothing, write nothing.
    pub dry_run: bool,
    /// Keep an item per shipment, not only the refused and failed ones.
    pub verbose: bool,
    pub cause: &'a str,
    /// Advanced by shipments answered.
    pub progress: &'a Progress,
}

/// Sends for every enabled fulfillment channel (or the one asked for), each channel its own
/// journaled run. A channel that fails is reported and does not stop the others.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<SendReport> {
    if let Some(c) = opts.channel
        && !config.fulfillment_channels.contains_key(c)
    {
        return Err(usage(config.unknown_fulfillment_channel(c)));
    }
    let mut total = SendReport {
        dry_run: opts.dry_run,
        show_all: opts.verbose || opts.dry_run,
        ..Default::default()
    };
    for (code, ch) in &config.fulfillment_channels {
        if opts.channel.is_some_and(|c| c != code) || (!ch.enabled && opts.channel.is_none()) {
            continue;
        }
        let run_id = match opts.dry_run {
            true => None,
            false => Some(runs::start(&store.conn, FLOW, Some(code), false)?),
        };
        if let Some(id) = run_id {
            tracing::info!(run_id = id, flow = FLOW, channel = code, "run started");
        }
        let mut part = SendReport {
            show_all: total.show_all,
            ..Default::default()
        };
        let cause = flow::cause_of(FLOW, run_id, opts.cause);
        let result = send_channel(config, store, code, &cause, opts, &mut part);
        let error = result.err().map(|e| format!("{code}: {e:#}"));
        if let Some(e) = &error {
            tracing::error!("{FLOW}: {e}");
            part.failed_channels.push(e.clone());
        }
        if let Some(id) = run_id {
            let (outcome, counts) = (part.outcome(), part.counts());
            runs::finish(&store.conn, id, outcome, &counts, error.as_deref())?;
            tracing::info!(
                run_id = id,
                flow = FLOW,
                channel = code,
                outcome = outcome.as_str(),
                %counts,
                error = error.as_deref(),
                "run finished"
            );
        }
        total.absorb(part);
    }
    Ok(total)
}

fn send_channel(
    config: &Config,
    store: &mut Store,
    code: &str,
    cause: &str,
    opts: &Options,
    report: &mut SendReport,
) -> anyhow::Result<()> {
    let dry_run = opts.dry_run;
    // Batches decided before a crash go out first, exactly as decided; only then is new
    // work batched, so no reference can be in two files.
    let unsent: Vec<Batch<Vec<ShipmentRequest>>> =
        outbound::unsent(&store.conn, outbound::SHIPMENTS, code)?;
    let unsent_cancels: Vec<Batch<Vec<String>>> =
        outbound::unsent(&store.conn, outbound::CANCELLATIONS, code)?;
    // Shipments made before their warehouse was switched off wait for it to come back
    // (or to be cancelled); batches already decided still go out exactly as decided.
    let (ready, off): (Vec<_>, Vec<_>) =
        shipments::ready_to_send_by_warehouse(&store.conn, Some(code))?
            .into_iter()
            .partition(|(_, w)| config.warehouse_enabled(w));
    report.waiting_switched_off += off.len();
    let ready: Vec<i64> = ready.into_iter().map(|(id, _)| id).collect();
    let cancels = shipments::cancellations_to_send(&store.conn, Some(code))?;
    if ready.is_empty() && cancels.is_empty() && unsent.is_empty() && unsent_cancels.is_empty() {
        return Ok(());
    }
    let mut connector = connectors::fulfillment(config, code)?;
    let wire = Wire::new(config, code);
    let held: HashSet<i64> = unsent
        .iter()
        .flat_map(|b| b.members.iter().filter_map(|(id, _)| *id))
        .collect();
    let ready: Vec<i64> = ready.into_iter().filter(|id| !held.contains(id)).collect();
    let total = ready.len() + held.len();
    report.ready += total;
    opts.progress.add_length(total as u64);
    // Each batch is delivered as soon as it is claimed: holding every claimed batch until
    // all were decided kept a whole day's shipments in memory (100,000 were 70 MB).
    for batch in unsent {
        if !dry_run {
            let ids: Vec<i64> = batch.members.iter().filter_map(|(id, _)| *id).collect();
            let tx = store.tx()?;
            processing::note_attempts(&tx, &ids)?;
            tx.commit()?;
        }
        deliver(store, connector.as_mut(), code, cause, opts, &batch, report)?;
    }
    for ids in ready.chunks(BATCH) {
        let list: Vec<Outbound> = processing::outbound(&store.conn, ids)?;
        let requests: Vec<ShipmentRequest> = list.iter().map(|o| wire.request(o)).collect();
        let members: Vec<(Option<i64>, String)> = list
            .iter()
            .map(|o| (Some(o.id), o.reference.clone()))
            .collect();
        if dry_run {
            let batch = Batch {
                id: 0,
                name: String::new(),
                members,
                payload: requests,
            };
            deliver(store, connector.as_mut(), code, cause, opts, &batch, report)?;
            continue;
        }
        let refs: Vec<&str> = list.iter().map(|o| o.reference.as_str()).collect();
        let name = files::batch_name(outbound::SHIPMENTS, &refs);
        let tx = store.tx()?;
        processing::note_attempts(&tx, ids)?;
        let batch = outbound::claim(&tx, outbound::SHIPMENTS, code, &name, &members, requests)?;
        tx.commit()?;
        deliver(store, connector.as_mut(), code, cause, opts, &batch, report)?;
    }
    send_cancellations(
        store,
        connector.as_mut(),
        code,
        unsent_cancels,
        &cancels,
        dry_run,
        report,
    )
}

/// Sends one recorded batch and records every answer, with the batch marked sent, in one
/// transaction.
fn deliver(
    store: &mut Store,
    connector: &mut dyn FulfillmentChannel,
    code: &str,
    cause: &str,
    opts: &Options,
    batch: &Batch<Vec<ShipmentRequest>>,
    report: &mut SendReport,
) -> anyhow::Result<()> {
    let ids: Vec<i64> = batch.members.iter().filter_map(|(id, _)| *id).collect();
    let known: HashMap<i64, Outbound> = processing::outbound(&store.conn, &ids)?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let members: Vec<Outbound> = batch
        .members
        .iter()
        .map(|(id, reference)| match id.and_then(|id| known.get(&id)) {
            Some(o) => o.clone(),
            None => Outbound {
                id: id.unwrap_or_default(),
                reference: reference.clone(),
                ..Default::default()
            },
        })
        .collect();
    if opts.dry_run {
        for o in &members {
            report.push(item(code, o, SendOutcome::WouldSend, None));
        }
        opts.progress.inc(members.len() as u64);
        return Ok(());
    }
    crashpoint::hit(CRASH_FLOW, Point::BeforeWrite);
    let answers = match connector.send_shipments_batch(&batch.name, &batch.payload) {
        Ok(answers) => answers,
        Err(e) => {
            let message = format!("{e:#}");
            let tx = store.tx()?;
            for o in &members {
                shipments::record_error(&tx, o.id, &message)?;
                report.push(item(code, o, SendOutcome::Failed, Some(&message)));
            }
            tx.commit()?;
            return Err(e.context(format!("sending {} shipment(s)", members.len())));
        }
    };
    crashpoint::hit(CRASH_FLOW, Point::AfterWrite);
    let mut by_ref: HashMap<&str, &Sent> =
        answers.iter().map(|a| (a.reference.as_str(), a)).collect();
    let tx = store.tx()?;
    let mut sent: Vec<(i64, Option<&str>)> = Vec::with_capacity(members.len());
    for o in &members {
        match by_ref.remove(o.reference.as_str()) {
            Some(Sent {
                error: None,
                external_id,
                ..
            }) => {
                sent.push((o.id, external_id.as_deref()));
                report.push(item(code, o, SendOutcome::Sent, None));
            }
            Some(Sent {
                error: Some(why), ..
            }) => {
                shipments::record_error(&tx, o.id, why)?;
                report.push(item(code, o, SendOutcome::Refused, Some(why)));
            }
            None => {
                let why = "the channel did not answer for this shipment";
                shipments::record_error(&tx, o.id, why)?;
                report.push(item(code, o, SendOutcome::Failed, Some(why)));
            }
        }
    }
    shipments::mark_sent(&tx, &sent, cause)?;
    outbound::mark_sent(&tx, batch.id)?;
    tx.commit()?;
    opts.progress.inc(members.len() as u64);
    Ok(())
}

/// Delivers cancellation requests recorded by `shipments cancel` (and order cancellations):
/// the request is already stored (`cancel_requested`); each batch of them is recorded
/// before it is sent, and delivery is confirmed after.
fn send_cancellations(
    store: &mut Store,
    connector: &mut dyn FulfillmentChannel,
    code: &str,
    unsent: Vec<Batch<Vec<String>>>,
    pending: &[(i64, String)],
    dry_run: bool,
    report: &mut SendReport,
) -> anyhow::Result<()> {
    let held: HashSet<i64> = unsent
        .iter()
        .flat_map(|b| b.members.iter().filter_map(|(id, _)| *id))
        .collect();
    let mut batches = unsent;
    let fresh: Vec<&(i64, String)> = pending
        .iter()
        .filter(|(id, _)| !held.contains(id))
        .collect();
    for chunk in fresh.chunks(BATCH) {
        let members: Vec<(Option<i64>, String)> =
            chunk.iter().map(|(id, r)| (Some(*id), r.clone())).collect();
        let refs: Vec<String> = chunk.iter().map(|(_, r)| r.clone()).collect();
        if dry_run {
            batches.push(Batch {
                id: 0,
                name: String::new(),
                members,
                payload: refs,
            });
            continue;
        }
        let names: Vec<&str> = refs.iter().map(String::as_str).collect();
        let name = files::batch_name(outbound::CANCELLATIONS, &names);
        let tx = store.tx()?;
        let batch = outbound::claim(&tx, outbound::CANCELLATIONS, code, &name, &members, refs)?;
        tx.commit()?;
        batches.push(batch);
    }
    for batch in batches {
        let cancel_item = |reference: &str, outcome, message: Option<&str>| SendItem {
            channel: code.to_string(),
            reference: reference.to_string(),
            outcome,
            message: message.map(str::to_string),
            ..Default::default()
        };
        if dry_run {
            for r in &batch.payload {
                report.push(cancel_item(r, SendOutcome::WouldCancel, None));
            }
            continue;
        }
        crashpoint::hit(CRASH_FLOW, Point::BeforeWrite);
        let answers = match connector.cancel_shipments_batch(&batch.name, &batch.payload) {
            Ok(answers) => answers,
            Err(e) => {
                let message = format!("cancellation not delivered: {e:#}");
                let tx = store.tx()?;
                for (id, r) in &batch.members {
                    if let Some(id) = id {
                        shipments::record_error(&tx, *id, &message)?;
                    }
                    report.push(cancel_item(r, SendOutcome::CancelFailed, Some(&message)));
                }
                tx.commit()?;
                return Err(e.context(format!("cancelling {} shipment(s)", batch.members.len())));
            }
        };
        crashpoint::hit(CRASH_FLOW, Point::AfterWrite);
        let tx = store.tx()?;
        for (id, r) in &batch.members {
            match answers.iter().find(|a| a.reference == *r) {
                Some(Sent { error: None, .. }) => {
                    if let Some(id) = id {
                        shipments::mark_cancel_sent(&tx, *id)?;
                    }
                    report.push(cancel_item(r, SendOutcome::CancelSent, None));
                }
                answer => {
                    let why = answer
                        .and_then(|a| a.error.as_deref())
                        .unwrap_or("the channel did not answer for this cancellation");
                    if let Some(id) = id {
                        shipments::record_error(&tx, *id, why)?;
                    }
                    report.push(cancel_item(r, SendOutcome::CancelFailed, Some(why)));
                }
            }
        }
        outbound::mark_sent(&tx, batch.id)?;
        tx.commit()?;
    }
    Ok(())
}

fn item(code: &str, o: &Outbound, outcome: SendOutcome, message: Option<&str>) -> SendItem {
    SendItem {
        channel: code.to_string(),
        reference: o.reference.clone(),
        order_id: Some(o.order_id),
        warehouse: Some(o.warehouse.clone()),
        outcome,
        message: message.map(str::to_string),
    }
}
