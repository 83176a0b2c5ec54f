//! `oms shipments send` (SPEC §4.1.2, §8), also the last step of `orders process`: every
//! `ready_to_send` shipment goes to its warehouse's fulfillment channel, oldest first, in
//! batches of [`BATCH`]; then pending cancellation requests follow.
//!
//! A send is recorded before it is made (the attempt count, committed) and confirmed after
//! (`sent_to_warehouse`, committed). A crash in between leaves the batch `ready_to_send`,
//! and the next send offers the same references in the same batch again; connectors are
//! idempotent on the reference (the files connector even writes the same file name).

mod report;
mod wire;

pub use report::{SendItem, SendOutcome, SendReport};

use std::collections::HashMap;

use crate::config::Config;
use crate::connectors::{self, FulfillmentChannel, Sent};
use crate::error::usage;
use crate::model::shipment::ShipmentRequest;
use crate::ops::flow;
use crate::output::Progress;
use crate::store::Store;
use crate::store::processing::{self, Outbound};
use crate::store::runs;
use crate::store::shipments;
use wire::Wire;

pub const FLOW: &str = "shipments send";

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
        return Err(usage(format!("unknown fulfillment channel `{c}`")));
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
    let ready = shipments::ready_to_send(&store.conn, Some(code))?;
    let cancels = shipments::cancellations_to_send(&store.conn, Some(code))?;
    if ready.is_empty() && cancels.is_empty() {
        return Ok(());
    }
    let mut connector = connectors::fulfillment(config, code)?;
    let wire = Wire::new(config, code);
    report.ready += ready.len();
    opts.progress.add_length(ready.len() as u64);
    for ids in ready.chunks(BATCH) {
        let batch: Vec<Outbound> = processing::outbound(&store.conn, ids)?;
        if dry_run {
            for o in &batch {
                report.push(item(code, o, SendOutcome::WouldSend, None));
            }
            opts.progress.inc(batch.len() as u64);
            continue;
        }
        let requests: Vec<ShipmentRequest> = batch.iter().map(|o| wire.request(o)).collect();
        let tx = store.tx()?;
        processing::note_attempts(&tx, ids)?;
        tx.commit()?;
        let answers = match connector.send_shipments(&requests) {
            Ok(answers) => answers,
            Err(e) => {
                let message = format!("{e:#}");
                let tx = store.tx()?;
                for o in &batch {
                    shipments::record_error(&tx, o.id, &message)?;
                    report.push(item(code, o, SendOutcome::Failed, Some(&message)));
                }
                tx.commit()?;
                return Err(e.context(format!("sending {} shipment(s)", batch.len())));
            }
        };
        let mut by_ref: HashMap<&str, &Sent> =
            answers.iter().map(|a| (a.reference.as_str(), a)).collect();
        let tx = store.tx()?;
        let mut sent: Vec<(i64, Option<&str>)> = Vec::with_capacity(batch.len());
        for o in &batch {
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
        tx.commit()?;
        opts.progress.inc(batch.len() as u64);
    }
    send_cancellations(store, connector.as_mut(), code, &cancels, dry_run, report)
}

/// Delivers cancellation requests recorded by `shipments cancel` (and order cancellations):
/// the request is already stored (`cancel_requested`); delivery is confirmed after.
fn send_cancellations(
    store: &mut Store,
    connector: &mut dyn FulfillmentChannel,
    code: &str,
    pending: &[(i64, String)],
    dry_run: bool,
    report: &mut SendReport,
) -> anyhow::Result<()> {
    for chunk in pending.chunks(BATCH) {
        let refs: Vec<String> = chunk.iter().map(|(_, r)| r.clone()).collect();
        let cancel_item = |reference: &str, outcome, message: Option<&str>| SendItem {
            channel: code.to_string(),
            reference: reference.to_string(),
            outcome,
            message: message.map(str::to_string),
            ..Default::default()
        };
        if dry_run {
            for r in &refs {
                report.push(cancel_item(r, SendOutcome::WouldCancel, None));
            }
            continue;
        }
        let answers = match connector.cancel_shipments(&refs) {
            Ok(answers) => answers,
            Err(e) => {
                let message = format!("cancellation not delivered: {e:#}");
                let tx = store.tx()?;
                for (id, r) in chunk {
                    shipments::record_error(&tx, *id, &message)?;
                    report.push(cancel_item(r, SendOutcome::CancelFailed, Some(&message)));
                }
                tx.commit()?;
                return Err(e.context(format!("cancelling {} shipment(s)", chunk.len())));
            }
        };
        let tx = store.tx()?;
        for (id, r) in chunk {
            match answers.iter().find(|a| a.reference == *r) {
                Some(Sent { error: None, .. }) => {
                    shipments::mark_cancel_sent(&tx, *id)?;
                    report.push(cancel_item(r, SendOutcome::CancelSent, None));
                }
                answer => {
                    let why = answer
                        .and_then(|a| a.error.as_deref())
                        .unwrap_or("the channel did not answer for this cancellation");
                    shipments::record_error(&tx, *id, why)?;
                    report.push(cancel_item(r, SendOutcome::CancelFailed, Some(why)));
                }
            }
        }
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
