//! The push half of catalog sync: the whole catalog, as each channel names its SKUs, to
//! every channel other than the master that takes products.
//!
//! A channel gets the catalog again only when it differs from the last one it accepted
//! (a fingerprint kept as the channel's watermark), or with `--full`. Sending the whole
//! catalog rather than the changes keeps each file a complete item master a warehouse
//! can load on its own, and needs no memory of what each SKU looked like when sent.

use std::collections::HashMap;

use super::channel::{Connector, Role, SkuNames};
use super::{ChannelResult, FLOW, Item, Options, SyncReport, Writer};
use crate::config::{self, Config};
use crate::connectors::Unsupported;
use crate::crashpoint::{self, Point};
use crate::model::catalog::CatalogEntry;
use crate::model::fingerprint::of_json;
use crate::store::catalog::records;
use crate::store::outbound;
use crate::store::rejections::watermark;

pub(super) const REFUSED: &str = "refused";
/// A variant the channel has and the catalog does not, left there.
pub(super) const KEPT: &str = "kept";
/// The same, removed with `--prune`.
pub(super) const REMOVED: &str = "removed";

pub(super) fn run(
    config: &Config,
    writer: &mut Writer,
    (role, code, ch): (Role, &str, &config::Channel),
    opts: &Options,
    report: &mut SyncReport,
) -> ChannelResult {
    let mut result = ChannelResult {
        channel: code.to_string(),
        role: "target".into(),
        ..ChannelResult::default()
    };
    if let Err(e) = push(config, writer, (role, code, ch), opts, report, &mut result) {
        tracing::error!("{FLOW}: pushing to {code}: {e:#}");
        result.outcome = "failed".into();
        result.message = Some(format!("{e:#}"));
    }
    result
}

fn push(
    config: &Config,
    writer: &mut Writer,
    (role, code, ch): (Role, &str, &config::Channel),
    opts: &Options,
    report: &mut SyncReport,
    result: &mut ChannelResult,
) -> anyhow::Result<()> {
    // Pruning must reach the channel even when the catalog is what it last accepted.
    let full = opts.full || opts.prune;
    let Some(mut connector) = open(config, role, code, result)? else {
        report.notes.push(format!(
            "`{code}` is skipped: {}",
            result
                .message
                .as_deref()
                .unwrap_or("it cannot take products")
        ));
        return Ok(());
    };
    let names = SkuNames::new(&ch.sku_map);
    let mut entries: Vec<CatalogEntry> = Vec::new();
    for r in records(writer.conn(), None)? {
        let theirs = names.to_channel(&r.entry.variant.sku);
        if theirs.is_empty() {
            report.notes.push(format!(
                "`{0}` is not sent to `{code}`: its sku_map gives the channel SKU `{0}` to \
                 another oms SKU",
                r.entry.variant.sku
            ));
        }
        for sku in theirs {
            let mut entry = r.entry.clone();
            entry.variant.sku = sku;
            entries.push(entry);
        }
    }
    let fingerprint = fingerprint(&entries);
    // Keyed by role too: a sales and a fulfillment channel may share a code.
    let mark = format!("{FLOW} ({})", role.as_str());
    let kind = format!("{}-{}", outbound::PRODUCTS, role.as_str());
    let push = Push {
        code,
        mark: &mark,
        prune: opts.prune,
    };
    // A push that a crash left between decision and confirmation goes out first, as it
    // was recorded (same file name, same bytes): the catalog may have changed since.
    let mut resent = false;
    if !writer.is_dry() {
        for batch in outbound::unsent::<Payload>(writer.conn(), &kind, code)? {
            push.send(&mut connector, writer, batch, report, result)?;
            resent = true;
        }
    }
    let previous = watermark::get(writer.conn(), code, &mark)?;
    let outcome = if entries.is_empty() {
        "nothing to send"
    } else if !full && previous.as_deref() == Some(fingerprint.as_str()) {
        "unchanged"
    } else if writer.is_dry() {
        result.variants = entries.len();
        "would send"
    } else {
        result.variants = entries.len();
        "sent"
    };
    if outcome != "sent" {
        if !resent {
            result.outcome = outcome.into();
        }
        return Ok(());
    }
    // Decided and recorded before anything is written (docs/files-connector.md).
    let stamp = crate::model::clock::now_utc().format("%Y%m%dT%H%M%S%.3fZ");
    let payload = Payload {
        fingerprint,
        entries,
    };
    let batch = writer.write(|conn| {
        outbound::claim(
            conn,
            &kind,
            code,
            &format!("products-{stamp}"),
            &[],
            payload,
        )
    })?;
    push.send(&mut connector, writer, batch, report, result)
}

/// What a recorded catalog push holds: the entries as the channel names its SKUs, and
/// the fingerprint that becomes the channel's watermark once they are accepted.
#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    fingerprint: String,
    entries: Vec<CatalogEntry>,
}

/// One channel's catalog push: the channel and where its watermark is kept.
struct Push<'a> {
    code: &'a str,
    mark: &'a str,
    /// `--prune`: variants the channel has and the catalog does not are removed.
    prune: bool,
}

impl Push<'_> {
    /// Sends a recorded batch and records the answer with it: the batch is sent, and
    /// unless some SKUs were refused the channel's watermark becomes its fingerprint.
    fn send(
        &self,
        connector: &mut Connector,
        writer: &mut Writer,
        batch: outbound::Batch<Payload>,
        report: &mut SyncReport,
        result: &mut ChannelResult,
    ) -> anyhow::Result<()> {
        let code = self.code;
        let entries = &batch.payload.entries;
        crashpoint::hit("catalog-sync", Point::BeforeWrite);
        let written = connector.write_catalog(&batch.name, entries, self.prune)?;
        crashpoint::hit("catalog-sync", Point::AfterWrite);
        self.report_unlisted(&written.unlisted, report, result);
        let answers = written.sent;
        result.outcome = "sent".into();
        result.variants = entries.len();
        let verdicts: HashMap<&str, Option<&str>> = answers
            .iter()
            .map(|s| (s.reference.as_str(), s.error.as_deref()))
            .collect();
        let mut refused = 0;
        for entry in entries {
            let error = match verdicts.get(entry.variant.sku.as_str()) {
                Some(None) => continue,
                Some(Some(error)) => error.to_string(),
                None => format!("`{code}` did not confirm it"),
            };
            refused += 1;
            report.items.push(Item {
                channel: code.to_string(),
                action: "push".into(),
                sku: entry.variant.sku.clone(),
                channel_sku: entry.variant.sku.clone(),
                product: entry.product.handle.clone(),
                outcome: REFUSED.into(),
                message: Some(error),
                ..Item::default()
            });
        }
        result.refused += refused;
        if result.refused > 0 {
            // Not remembered: the next sync sends the whole catalog again.
            result.outcome = REFUSED.into();
        }
        let fingerprint = (refused == 0).then_some(batch.payload.fingerprint.as_str());
        writer.write(|conn| {
            outbound::mark_sent(conn, batch.id)?;
            if let Some(f) = fingerprint {
                watermark::set(conn, code, self.mark, f)?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

impl Push<'_> {
    /// Variants the channel has and the catalog does not: kept (and said so), or removed
    /// with `--prune`.
    fn report_unlisted(
        &self,
        unlisted: &[crate::connectors::Unlisted],
        report: &mut SyncReport,
        result: &mut ChannelResult,
    ) {
        let code = self.code;
        for u in unlisted {
            let sku = u.sku.clone().unwrap_or_default();
            let named = match &u.sku {
                Some(sku) => format!("variant `{sku}` ({})", u.variant_id),
                None => format!("variant {} (no SKU)", u.variant_id),
            };
            let (outcome, message) = if u.removed {
                result.removed += 1;
                (
                    REMOVED,
                    format!(
                        "`{code}` product `{}`: {named} is not in the catalog; removed (--prune)",
                        u.product
                    ),
                )
            } else {
                result.kept += 1;
                (
                    KEPT,
                    format!(
                        "`{code}` product `{}`: {named} is not in the catalog; kept (`oms catalog sync --prune` removes it)",
                        u.product
                    ),
                )
            };
            report.items.push(Item {
                channel: code.to_string(),
                action: "push".into(),
                sku: sku.clone(),
                channel_sku: sku,
                product: u.product.clone(),
                outcome: outcome.into(),
                message: Some(message),
                ..Item::default()
            });
        }
    }
}

/// Opens the channel's connector and asks it, with an empty list, whether it takes
/// products at all (nothing is sent). `None` when its kind does not do products.
fn open(
    config: &Config,
    role: Role,
    code: &str,
    result: &mut ChannelResult,
) -> anyhow::Result<Option<Connector>> {
    let mut skip = |why: String| -> anyhow::Result<Option<Connector>> {
        result.outcome = "skipped".into();
        result.message = Some(why);
        Ok(None)
    };
    let mut connector = Connector::open(config, role, code)?;
    match connector.write_products(&[]) {
        Ok(_) => Ok(Some(connector)),
        Err(e) if e.downcast_ref::<Unsupported>().is_some() => skip(e.to_string()),
        Err(e) => Err(e),
    }
}

/// What the channel would receive, in a form that is stable across runs and releases.
fn fingerprint(entries: &[CatalogEntry]) -> String {
    let rows: Vec<_> = entries
        .iter()
        .map(
            |CatalogEntry {
                 product: p,
                 variant: v,
             }| {
                (
                    (&p.handle, &p.title, &p.vendor, &p.product_type, &p.tags),
                    (&p.description, p.status.as_str()),
                    (&v.sku, &v.title, &v.options, &v.barcode),
                    (v.price_cents, v.weight_grams),
                )
            },
        )
        .collect();
    of_json(&rows)
}
