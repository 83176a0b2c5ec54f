//! `oms stock push` (SPEC §4.2.3): publish to each sales channel, per SKU, the available
//! stock of its `stock_source` minus its `buffer`, never below 0. Only values that differ
//! from the last successful push are sent unless `--full`; a value is remembered only
//! once the channel has accepted it, so anything refused is sent again next time.
//!
//! The id a channel answers per SKU (Shopify's inventory item) is remembered in
//! `channel_refs` and handed back on the next push, so the connector need not look every
//! SKU up again; a SKU the channel refused loses its remembered id.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::flow::{self, Journaled};
use crate::config::{Config, SalesChannel, StockPushMode};
use crate::connectors;
use crate::crashpoint::{self, Point};
use crate::error::{Exit, usage};
use crate::model::shipment::StockPublish;
use crate::model::sku_key;
use crate::output::{Progress, Report};
use crate::store::outbound::{self, Batch};
use crate::store::runs::Outcome;
use crate::store::stock::push::{self, PushRow};
use crate::store::{Store, bundles, channel_refs};

pub const FLOW: &str = "stock push";
const CRASH_FLOW: &str = "stock-push";

pub struct Options<'a> {
    pub channel: Option<&'a str>,
    /// Send every SKU, changed or not.
    pub full: bool,
    pub dry_run: bool,
    /// Advanced by SKUs settled: unchanged, or answered by the channel.
    pub progress: &'a Progress,
}

/// One SKU as published to one channel.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    /// The SKU as the channel knows it.
    pub sku: String,
    pub oms_sku: String,
    /// Available in the stock source (summed over a virtual warehouse's members).
    pub available: i64,
    /// What the last successful push published, if anything.
    pub previous: Option<i64>,
    pub buffer: i64,
    pub published: i64,
    /// In a `delta` push: the change sent (published − previous).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<i64>,
    /// `sent`, `refused`, or `would send` in a dry run.
    pub outcome: String,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct PushReport {
    pub dry_run: bool,
    pub full: bool,
    pub sent: usize,
    pub refused: usize,
    /// SKUs not sent because their value is what the channel already has.
    pub unchanged: usize,
    pub failed_channels: Vec<String>,
    /// Channels and SKUs left out, and why.
    pub notes: Vec<String>,
    pub items: Vec<Item>,
}

impl Report for PushReport {
    type Item = Item;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let sent = if self.dry_run { "would send" } else { "sent" };
        let mut s = vec![
            (sent, self.sent.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("refused", self.refused.to_string()),
        ];
        if !self.failed_channels.is_empty() {
            s.push(("failed channels", self.failed_channels.join(", ")));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was sent or written".into()));
        }
        s
    }
    fn items(&self) -> &[Item] {
        &self.items
    }
    fn is_notable(&self, item: &Item) -> bool {
        item.outcome == "refused"
    }
    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for PushReport {
    fn counts(&self) -> serde_json::Value {
        serde_json::json!({
            "sent": self.sent, "refused": self.refused, "unchanged": self.unchanged,
        })
    }
    fn outcome(&self) -> Outcome {
        if !self.failed_channels.is_empty() {
            Outcome::Failed
        } else if self.refused > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

impl flow::PerChannel for PushReport {
    fn absorb(&mut self, other: PushReport) {
        self.sent += other.sent;
        self.refused += other.refused;
        self.unchanged += other.unchanged;
        self.notes.extend(other.notes);
        self.items.extend(other.items);
    }

    fn failed_channels(&mut self) -> &mut Vec<String> {
        &mut self.failed_channels
    }
}

/// Pushes to every enabled sales channel that has a `stock_source` (or the one named),
/// each as its own journaled run. A channel that fails does not stop the others.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<PushReport> {
    let mut total = PushReport {
        dry_run: opts.dry_run,
        full: opts.full,
        ..Default::default()
    };
    let mut channels = Vec::new();
    for code in flow::chosen(&config.sales_channels, opts.channel) {
        let ch = &config.sales_channels[code];
        if ch.stock_source.is_none() {
            let why =
                format!("sales channel `{code}` has no stock_source; nothing is pushed to it");
            if opts.channel.is_some() {
                return Err(usage(why));
            }
            total.notes.push(why);
        } else if ch.stock_push() == StockPushMode::Off && opts.channel.is_none() {
            // Asked for in the config: said nowhere, so cron stays quiet about it.
            continue;
        } else {
            channels.push(code);
        }
    }
    flow::per_channel(
        store,
        FLOW,
        channels,
        opts.dry_run,
        &mut total,
        |store, code, _| push_channel(config, store, code, &config.sales_channels[code], opts),
    );
    Ok(total)
}

fn push_channel(
    config: &Config,
    store: &mut Store,
    code: &str,
    ch: &SalesChannel,
    opts: &Options,
) -> anyhow::Result<PushReport> {
    let source = ch
        .stock_source
        .as_ref()
        .map(|s| s.get_ref().as_str())
        .unwrap_or_default();
    let members = config.physical_members(source).ok_or_else(|| {
        usage(format!(
            "sales channel `{code}`: unknown stock_source `{source}`"
        ))
    })?;
    // Orders on hold keep their units on the source itself, which for a virtual source
    // is a level row of its own.
    let mut members = members;
    if !members.iter().any(|m| m == source) {
        members.push(source.to_string());
    }
    let mut connector = match opts.dry_run {
        true => None,
        false => Some(connectors::sales(config, code)?),
    };
    if let Some(connector) = connector.as_deref_mut() {
        resend_decided(store, code, connector)?;
    }
    // `--full` in delta mode sends every SKU's value as it is: the channel is set afresh
    // and the next deltas start from there.
    let delta_mode = ch.stock_push() == StockPushMode::Delta && !opts.full;
    let names = ChannelSkus::new(ch);
    let buffer = ch.buffer();
    let known = channel_refs::all(&store.conn, code, channel_refs::INVENTORY_ITEM)?;
    let mut report = PushReport::default();
    let mut levels: Vec<StockPublish> = Vec::new();
    // The variant behind each item, in the same order as `levels`.
    let mut owners: Vec<i64> = Vec::new();
    let mut rows = push::push_rows(&store.conn, code, &members)?;
    // A bundle has no stock of its own: what is published is the kits its components make
    // (docs/bundles.md), recomputed on every push, so a component's sale changes it.
    let kits = bundles::kits_available(&store.conn, &members, ch.split_bundles.unwrap_or(false))?;
    for row in &mut rows {
        if let Some(k) = kits.get(&row.variant_id) {
            row.available = *k;
        }
    }
    opts.progress.add_length(rows.len() as u64);
    for row in rows {
        let published = (row.available - buffer).max(0);
        // What oms never published counts from 0 (docs/stock.md "Push modes").
        let delta = delta_mode.then(|| published - row.previous.unwrap_or(0));
        if (!opts.full && row.previous == Some(published)) || delta == Some(0) {
            report.unchanged += 1;
            opts.progress.inc(1);
            continue;
        }
        let skus = names.of(&row);
        if skus.is_empty() {
            report.notes.push(format!(
                "`{}` is not pushed to `{code}`: its sku_map gives the channel SKU `{}` to another oms SKU",
                row.sku, row.sku
            ));
            opts.progress.inc(1);
        }
        for sku in skus {
            report.items.push(Item {
                channel: code.to_string(),
                sku: sku.clone(),
                oms_sku: row.sku.clone(),
                available: row.available,
                previous: row.previous,
                buffer,
                published,
                delta,
                outcome: "would send".into(),
                message: None,
            });
            levels.push(StockPublish {
                remote_id: known.get(&sku_key(&sku)).cloned(),
                sku,
                available: published,
                location_id: ch.location_id.clone(),
                last_seen: row.previous,
                delta,
            });
            owners.push(row.variant_id);
        }
    }
    // The rows still to settle; one SKU may go out under several channel SKUs.
    let to_send = owners.iter().collect::<HashSet<_>>().len() as u64;
    if opts.dry_run {
        report.sent = report.items.len();
        opts.progress.inc(to_send);
        return Ok(report);
    }
    let Some(mut connector) = connector else {
        return Ok(report);
    };
    if levels.is_empty() {
        return Ok(report);
    }
    let members: Vec<(Option<i64>, String)> = owners
        .iter()
        .zip(&levels)
        .map(|(v, l)| (Some(*v), l.sku.clone()))
        .collect();
    let name = format!(
        "{}{}-{}",
        outbound::STOCK,
        if delta_mode { "-delta" } else { "" },
        chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ")
    );
    let tx = store.tx()?;
    let batch = outbound::claim(&tx, outbound::STOCK, code, &name, &members, levels)?;
    tx.commit()?;
    crashpoint::hit(CRASH_FLOW, Point::BeforeWrite);
    let answers = connector.push_stock_batch(&batch.name, &batch.payload)?;
    crashpoint::hit(CRASH_FLOW, Point::AfterWrite);
    opts.progress.inc(to_send);
    let verdicts: HashMap<&str, &connectors::Sent> =
        answers.iter().map(|s| (s.reference.as_str(), s)).collect();
    // A variant is remembered only when every channel SKU it is published under was accepted.
    let mut refused_variants: HashSet<i64> = HashSet::new();
    for (item, variant) in report.items.iter_mut().zip(&owners) {
        match verdicts.get(item.sku.as_str()) {
            Some(sent) if sent.error.is_none() => {
                item.outcome = "sent".into();
                // e.g. the shop's level had moved and was read again first.
                item.message = sent.note.clone();
            }
            refused => {
                item.outcome = "refused".into();
                item.message = Some(match refused.and_then(|s| s.error.as_deref()) {
                    Some(error) => error.to_string(),
                    None => format!("`{code}` did not confirm it"),
                });
                refused_variants.insert(*variant);
            }
        }
    }
    report.refused = report
        .items
        .iter()
        .filter(|i| i.outcome == "refused")
        .count();
    report.sent = report.items.len() - report.refused;
    // A delta the channel took is added there whatever happened to the variant's other
    // channel SKUs: sending it again would count it twice.
    let mut accepted: Vec<(i64, i64)> = report
        .items
        .iter()
        .zip(&owners)
        .filter(|(item, v)| {
            if delta_mode {
                item.outcome == "sent"
            } else {
                !refused_variants.contains(v)
            }
        })
        .map(|(item, v)| (*v, item.published))
        .collect();
    accepted.dedup();
    let tx = store.tx()?;
    push::record_pushed(&tx, code, &accepted)?;
    outbound::mark_sent(&tx, batch.id)?;
    for item in &report.items {
        let key = sku_key(&item.sku);
        match verdicts.get(item.sku.as_str()) {
            Some(connectors::Sent {
                error: None,
                external_id: Some(id),
                ..
            }) => channel_refs::set(&tx, code, channel_refs::INVENTORY_ITEM, &key, id)?,
            // Refused (no such SKU any more, or ambiguous): whatever was remembered is suspect.
            Some(connectors::Sent { error: Some(_), .. }) if known.contains_key(&key) => {
                channel_refs::forget(&tx, code, channel_refs::INVENTORY_ITEM, &key)?
            }
            _ => {}
        }
    }
    tx.commit()?;
    Ok(report)
}

/// Sends first, exactly as decided (same name, same bytes), a push decided before a crash
/// cut it short. An absolute push's values are not remembered: the levels of this push are
/// computed without them and published after, so the newest values are the ones that
/// stay. A delta push's accepted changes are, before this push's deltas are computed: the
/// channel has added them, and the next deltas start from there.
fn resend_decided(
    store: &mut Store,
    code: &str,
    connector: &mut dyn connectors::SalesChannel,
) -> anyhow::Result<()> {
    let unsent: Vec<Batch<Vec<StockPublish>>> =
        outbound::unsent(&store.conn, outbound::STOCK, code)?;
    for batch in unsent {
        crashpoint::hit(CRASH_FLOW, Point::BeforeWrite);
        let answers = connector.push_stock_batch(&batch.name, &batch.payload)?;
        crashpoint::hit(CRASH_FLOW, Point::AfterWrite);
        let taken: HashSet<&str> = answers
            .iter()
            .filter(|a| a.error.is_none())
            .map(|a| a.reference.as_str())
            .collect();
        let added: Vec<(i64, i64)> = batch
            .members
            .iter()
            .zip(&batch.payload)
            .filter(|(_, l)| l.delta.is_some() && taken.contains(l.sku.as_str()))
            .filter_map(|((variant, _), l)| variant.map(|v| (v, l.available)))
            .collect();
        let tx = store.tx()?;
        push::record_pushed(&tx, code, &added)?;
        outbound::mark_sent(&tx, batch.id)?;
        tx.commit()?;
    }
    Ok(())
}

/// A sales channel's names for our SKUs: the reverse of its `sku_map` (channel SKU → oms
/// SKU), and the oms SKU itself when unmapped.
struct ChannelSkus {
    /// oms SKU key → the channel SKUs mapped to it, in map order.
    mapped: HashMap<String, Vec<String>>,
    /// Every channel SKU key the map uses.
    taken: HashSet<String>,
}

impl ChannelSkus {
    fn new(ch: &SalesChannel) -> ChannelSkus {
        let mut mapped: HashMap<String, Vec<String>> = HashMap::new();
        let mut taken = HashSet::new();
        for (channel_sku, oms_sku) in &ch.sku_map {
            mapped
                .entry(sku_key(oms_sku))
                .or_default()
                .push(channel_sku.clone());
            taken.insert(sku_key(channel_sku));
        }
        ChannelSkus { mapped, taken }
    }

    /// The channel SKUs a variant is published under; none when its own name is a
    /// channel SKU the map gives to another variant (publishing it would overwrite that
    /// one's stock in the shop).
    fn of(&self, row: &PushRow) -> Vec<String> {
        match self.mapped.get(&row.sku_key) {
            Some(list) => list.clone(),
            None if self.taken.contains(&row.sku_key) => Vec::new(),
            None => vec![row.sku.clone()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(map: &str) -> SalesChannel {
        let text = format!(
            "[sales_channels.web]\nkind = \"files\"\npath = \"w\"\nsku_map = {{ {map} }}\n"
        );
        let mut config =
            crate::config::parse(std::path::Path::new("oms.toml"), &text, None).expect("config");
        config.sales_channels.remove("web").expect("channel")
    }

    fn row(sku: &str) -> PushRow {
        PushRow {
            variant_id: 1,
            sku: sku.into(),
            sku_key: sku_key(sku),
            available: 0,
            previous: None,
        }
    }

    #[test]
    fn recorded_levels_keep_the_last_seen_value_but_not_remembered_ids() {
        let level = StockPublish {
            sku: "TEE-1".into(),
            available: 3,
            location_id: None,
            remote_id: Some("808950810".into()),
            last_seen: Some(5),
            delta: None,
        };
        let json = serde_json::to_value(&level).expect("json");
        assert_eq!(
            json,
            serde_json::json!({ "sku": "TEE-1", "available": 3, "location_id": null, "last_seen": 5 })
        );
    }

    #[test]
    fn channel_skus_reverse_the_map() {
        let names = ChannelSkus::new(&channel(
            r#""SHOP-TEE" = "tee-1", "SHOP-TEE-2" = "TEE-1", "MUG" = "MUG-1""#,
        ));
        assert_eq!(names.of(&row("TEE-1")), ["SHOP-TEE", "SHOP-TEE-2"]);
        assert_eq!(names.of(&row("CAP-1")), ["CAP-1"]);
        assert!(
            names.of(&row("mug")).is_empty(),
            "`MUG` at the shop is MUG-1, not mug"
        );
    }
}
