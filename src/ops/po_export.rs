//! `oms po export`: approved POs not yet sent go to the fulfillment channel of their
//! warehouse, one journaled run per channel. A PO is marked exported only after its
//! channel took it, and a resend carries the same number, so a crash in between sends
//! the same PO again rather than a second one (SPEC §8).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::json;

use super::flow::{self, Journaled};
use crate::config::Config;
use crate::connectors;
use crate::error::{Exit, usage};
use crate::model::purchase::{PoRequest, PoRequestLine};
use crate::model::sku_key;
use crate::output::Report;
use crate::store::Store;
use crate::store::outbound::{self, Batch};
use crate::store::purchases::{self, PoHead};
use crate::store::runs::Outcome;

pub const FLOW: &str = "po export";
const CRASH_FLOW: &str = "po-export";

pub struct ExportOptions<'a> {
    pub channel: Option<&'a str>,
    pub dry_run: bool,
}

#[derive(Debug, Serialize, Default)]
pub struct PoExportReport {
    pub dry_run: bool,
    pub exported: usize,
    pub failed: usize,
    pub items: Vec<ExportItem>,
}

#[derive(Debug, Serialize, Default)]
pub struct ExportItem {
    pub channel: String,
    pub po: String,
    pub warehouse: String,
    pub lines: usize,
    pub units: i64,
    pub outcome: ExportOutcome,
    pub external_id: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ExportOutcome {
    #[default]
    Exported,
    WouldExport,
    Failed,
}

impl PoExportReport {
    fn push(&mut self, item: ExportItem) {
        match item.outcome {
            ExportOutcome::Exported | ExportOutcome::WouldExport => self.exported += 1,
            ExportOutcome::Failed => self.failed += 1,
        }
        self.items.push(item);
    }

    fn failure(&mut self, channel: &str, po: &PoHead, message: String) {
        self.push(ExportItem {
            channel: channel.to_string(),
            po: po.number.clone(),
            warehouse: po.warehouse.clone(),
            outcome: ExportOutcome::Failed,
            message: Some(message),
            ..Default::default()
        });
    }
}

impl Report for PoExportReport {
    type Item = ExportItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            (
                if self.dry_run {
                    "would export"
                } else {
                    "exported"
                },
                self.exported.to_string(),
            ),
            ("failed", self.failed.to_string()),
        ];
        if self.dry_run {
            s.push(("dry run", "nothing was sent or written".to_string()));
        }
        s
    }

    fn items(&self) -> &[ExportItem] {
        &self.items
    }

    fn is_notable(&self, item: &ExportItem) -> bool {
        item.outcome == ExportOutcome::Failed
    }

    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for PoExportReport {
    fn counts(&self) -> serde_json::Value {
        json!({ "exported": self.exported, "failed": self.failed })
    }

    fn outcome(&self) -> Outcome {
        if self.failed > 0 {
            Outcome::Failed
        } else {
            Outcome::Ok
        }
    }
}

pub fn run(
    store: &mut Store,
    config: &Config,
    o: &ExportOptions,
) -> anyhow::Result<PoExportReport> {
    if let Some(code) = o.channel {
        let ch = config
            .fulfillment_channels
            .get(code)
            .ok_or_else(|| usage(config.unknown_fulfillment_channel(code)))?;
        if !ch.enabled {
            return Err(usage(format!(
                "fulfillment channel `{code}` is disabled (enabled = false)"
            )));
        }
    }
    let mut report = PoExportReport {
        dry_run: o.dry_run,
        ..Default::default()
    };
    let mut by_channel: BTreeMap<String, Vec<PoHead>> = BTreeMap::new();
    for po in purchases::awaiting_export(&store.conn)? {
        match config.warehouses.get(&po.warehouse) {
            Some(w) => by_channel
                .entry(w.fulfillment_channel.get_ref().clone())
                .or_default()
                .push(po),
            // A warehouse removed from the config after approval: nobody to send it to.
            None if o.channel.is_none() => {
                let msg = format!(
                    "warehouse `{}` is no longer a physical warehouse in the config",
                    po.warehouse
                );
                report.failure("", &po, msg);
            }
            None => {}
        }
    }
    for (channel, pos) in by_channel {
        if o.channel.is_some_and(|c| c != channel) {
            continue;
        }
        if config
            .fulfillment_channels
            .get(&channel)
            .is_some_and(|c| !c.enabled)
        {
            continue;
        }
        let part = flow::journaled(store, FLOW, Some(&channel), o.dry_run, |store, _| {
            export_channel(store, config, &channel, &pos, o.dry_run)
        });
        match part {
            Ok(part) => part.items.into_iter().for_each(|i| report.push(i)),
            Err(e) => {
                for po in &pos {
                    report.failure(&channel, po, format!("{e:#}"));
                }
            }
        }
    }
    Ok(report)
}

fn export_channel(
    store: &mut Store,
    config: &Config,
    channel: &str,
    pos: &[PoHead],
    dry_run: bool,
) -> anyhow::Result<PoExportReport> {
    let mut report = PoExportReport {
        dry_run,
        ..Default::default()
    };
    // The channel's sku_map maps its SKUs to ours; sending needs the other direction.
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
    let mut connector = if dry_run {
        None
    } else {
        Some(connectors::fulfillment(config, channel)?)
    };
    // A PO decided before a crash goes out again exactly as decided (same bytes).
    let unsent: HashMap<i64, Batch<PoRequest>> =
        outbound::unsent(&store.conn, outbound::PURCHASE_ORDER, channel)?
            .into_iter()
            .filter_map(|b: Batch<PoRequest>| b.members.first().and_then(|m| m.0).map(|id| (id, b)))
            .collect();
    for po in pos {
        let decided = unsent.get(&po.id).cloned();
        let (batch_id, request) = match decided {
            Some(b) => (Some(b.id), b.payload),
            None => match request_for(store, config, po, &to_channel)? {
                Ok(r) if dry_run => (None, r),
                Ok(r) => {
                    let members = [(Some(po.id), po.number.clone())];
                    let name = format!("{}-{}", outbound::PURCHASE_ORDER, po.number);
                    let tx = store.tx()?;
                    let b = outbound::claim(
                        &tx,
                        outbound::PURCHASE_ORDER,
                        channel,
                        &name,
                        &members,
                        r,
                    )?;
                    tx.commit()?;
                    (Some(b.id), b.payload)
                }
                Err(msg) => {
                    report.failure(channel, po, msg);
                    continue;
                }
            },
        };
        let mut item = ExportItem {
            channel: channel.to_string(),
            po: po.number.clone(),
            warehouse: po.warehouse.clone(),
            lines: request.lines.len(),
            units: request.lines.iter().map(|l| l.quantity).sum(),
            outcome: ExportOutcome::WouldExport,
            ..Default::default()
        };
        if let Some(connector) = connector.as_mut() {
            let po_id = po.id;
            match flow::send_one(
                store,
                CRASH_FLOW,
                batch_id,
                || connector.send_purchase_order(&request),
                |tx, external_id| purchases::mark_exported(tx, po_id, external_id),
            )? {
                flow::OneSent::Accepted(external_id) => {
                    item.outcome = ExportOutcome::Exported;
                    item.external_id = external_id;
                }
                flow::OneSent::Refused(why) => {
                    item.outcome = ExportOutcome::Failed;
                    item.message = why;
                }
                flow::OneSent::Failed(why) => {
                    item.outcome = ExportOutcome::Failed;
                    item.message = Some(why);
                }
            }
        }
        report.push(item);
    }
    Ok(report)
}

/// The PO as the channel is told about it, or why it cannot be told.
fn request_for(
    store: &Store,
    config: &Config,
    po: &PoHead,
    to_channel: &HashMap<String, String>,
) -> anyhow::Result<Result<PoRequest, String>> {
    let mut lines = Vec::new();
    for l in purchases::lines(&store.conn, po.id)? {
        let Some(sku) = l.sku else {
            return Ok(Err(format!(
                "line {}: the SKU is no longer in the catalog",
                l.line_no
            )));
        };
        lines.push(PoRequestLine {
            sku: to_channel.get(&sku_key(&sku)).cloned().unwrap_or(sku),
            quantity: l.ordered,
            lot: l.lot,
            serial: l.serial,
        });
    }
    Ok(Ok(PoRequest {
        number: po.number.clone(),
        supplier: po.supplier.clone(),
        warehouse: po.warehouse.clone(),
        location_id: config
            .warehouses
            .get(&po.warehouse)
            .and_then(|w| w.location_id.clone()),
        expected_at: po.expected_at.clone(),
        note: po.note.clone(),
        lines,
    }))
}
