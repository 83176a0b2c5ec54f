//! The import half of catalog sync: the master's records into the catalog, one source
//! (a file) per transaction, through the same `store::catalog` upsert `catalog import`
//! uses. The master's values replace ours field by field; a replaced manual edit is
//! reported with the fields it changed.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::Connection;

use super::channel::{Connector, Role, SkuNames};
use super::{ChannelResult, Item, SyncReport, Writer};
use crate::config::{self, Config};
use crate::connectors::Fetched;
use crate::crashpoint::{self, Point};
use crate::formats::bundles::BundleRow;
use crate::model::catalog::{CatalogEntry, ProductIn, ProductPatch, VariantPatch};
use crate::model::{format_cents, sku_key};
use crate::ops::catalog_bundles_import;
use crate::output::Progress;
use crate::store::catalog::{SaveError, Saved, Stamp, record, save_traced};

pub(super) const NEW: &str = "new";
pub(super) const CHANGED: &str = "changed";
pub(super) const UNCHANGED: &str = "unchanged";
pub(super) const REJECTED: &str = "rejected";
pub(super) const SKIPPED: &str = "skipped";
pub(super) const UNREADABLE: &str = "unreadable";

/// Imports from the master `code`. Files read whole are committed and acknowledged
/// (real runs only); unreadable ones are set aside (real runs only) and reported.
pub(super) fn run(
    config: &Config,
    writer: &mut Writer,
    (role, code, ch): (Role, &str, &config::Channel),
    progress: &Progress,
    report: &mut SyncReport,
) -> ChannelResult {
    let mut result = ChannelResult {
        channel: code.to_string(),
        role: "master".into(),
        outcome: "read".into(),
        ..ChannelResult::default()
    };
    let names = SkuNames::new(&ch.sku_map);
    if let Err(e) = import(
        config,
        writer,
        (role, code),
        &names,
        progress,
        report,
        &mut result,
    ) {
        tracing::error!("{}: importing from {code}: {e:#}", super::FLOW);
        result.outcome = "failed".into();
        result.message = Some(format!("{e:#}"));
    }
    result
}

fn import(
    config: &Config,
    writer: &mut Writer,
    (role, code): (Role, &str),
    names: &SkuNames,
    progress: &Progress,
    report: &mut SyncReport,
    result: &mut ChannelResult,
) -> anyhow::Result<()> {
    let stamp = Stamp {
        source: code,
        manual: false,
    };
    let mut connector = Connector::open(config, role, code)?;
    let mut pending: Vec<ProductIn> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    let mut failed: Vec<(String, String)> = Vec::new();
    let read = connector.list_products(&mut |event| {
        match event {
            Fetched::Record(p) => {
                pending.push(p);
                progress.inc(1);
            }
            Fetched::Lines { .. } => {}
            Fetched::SourceFailed { source, reason } => {
                report.push_item(Item {
                    channel: code.to_string(),
                    action: "import".into(),
                    outcome: UNREADABLE.into(),
                    source: source.clone(),
                    message: Some(reason.clone()),
                    ..Item::default()
                });
                failed.push((source, reason));
            }
            Fetched::SourceDone { source } => {
                let records = std::mem::take(&mut pending);
                result.variants += records.len();
                let items = writer.write(|conn| apply_source(conn, names, stamp, records))?;
                for item in items {
                    report.push_item(item);
                }
                done.push(source);
                crashpoint::hit("catalog-sync", Point::BetweenPages);
            }
        }
        Ok(())
    });
    // What was committed is acknowledged even when the read failed later on.
    if !writer.is_dry() {
        if !done.is_empty() {
            crashpoint::hit("catalog-sync", Point::AfterCommit);
        }
        for source in &done {
            connector.ack(source)?;
        }
        for (source, reason) in &failed {
            connector.set_aside(source, reason)?;
        }
    }
    read?;
    import_bundles(writer, &mut connector, code, report)
}

/// The master's bundles, after its products (a bundle names variants): each file is
/// applied as `catalog import --format oms-bundles-csv` applies it, then acknowledged.
fn import_bundles(
    writer: &mut Writer,
    connector: &mut Connector,
    code: &str,
    report: &mut SyncReport,
) -> anyhow::Result<()> {
    let mut pending: Vec<BundleRow> = Vec::new();
    let mut done: Vec<String> = Vec::new();
    let mut failed: Vec<(String, String)> = Vec::new();
    let read = connector.list_bundles(&mut |event| {
        match event {
            Fetched::Record(row) => pending.push(row),
            Fetched::Lines { .. } => {}
            Fetched::SourceFailed { source, reason } => {
                report.push_item(Item {
                    channel: code.to_string(),
                    action: "import".into(),
                    outcome: UNREADABLE.into(),
                    source: source.clone(),
                    message: Some(reason.clone()),
                    ..Item::default()
                });
                failed.push((source, reason));
            }
            Fetched::SourceDone { source } => {
                let rows = std::mem::take(&mut pending);
                let applied =
                    writer.write(|conn| catalog_bundles_import::apply_rows(conn, &source, rows))?;
                for row in applied.items {
                    report.push_item(bundle_item(code, &source, row));
                }
                done.push(source);
            }
        }
        Ok(())
    });
    if !writer.is_dry() {
        for source in &done {
            connector.ack(source)?;
        }
        for (source, reason) in &failed {
            connector.set_aside(source, reason)?;
        }
    }
    read
}

/// A bundles row as a catalog sync item: `sku` is the bundle, `product` the component.
fn bundle_item(code: &str, source: &str, row: catalog_bundles_import::RowItem) -> Item {
    use catalog_bundles_import::Outcome as Bundle;
    let outcome = match row.outcome {
        Bundle::Applied => CHANGED,
        Bundle::Unchanged => UNCHANGED,
        Bundle::Rejected => REJECTED,
        Bundle::NotApplied => SKIPPED,
    };
    Item {
        channel: code.to_string(),
        action: "import bundle".into(),
        sku: row.parent_sku.clone(),
        channel_sku: row.parent_sku,
        product: row.component_sku,
        outcome: outcome.into(),
        source: format!("{source}:{}", row.line),
        message: (!row.message.is_empty()).then_some(row.message),
        ..Item::default()
    }
}

/// Applies the records of one source. The first record of a SKU wins; a later one is
/// skipped. Only database errors are errors; bad records are items.
fn apply_source(
    conn: &Connection,
    names: &SkuNames,
    stamp: Stamp,
    records: Vec<ProductIn>,
) -> anyhow::Result<Vec<Item>> {
    // SKU key → where it was first read.
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut items = Vec::with_capacity(records.len());
    for p in records {
        items.push(apply(conn, names, stamp, &mut seen, p)?);
    }
    Ok(items)
}

fn apply(
    conn: &Connection,
    names: &SkuNames,
    stamp: Stamp,
    seen: &mut HashMap<String, String>,
    p: ProductIn,
) -> anyhow::Result<Item> {
    let ProductIn {
        entry,
        source,
        problems,
    } = p;
    let channel_sku = entry.variant.sku.trim().to_string();
    let mut item = Item {
        channel: stamp.source.to_string(),
        action: "import".into(),
        sku: names.to_oms(&channel_sku).to_string(),
        channel_sku,
        product: entry.product.handle.trim().to_string(),
        source,
        ..Item::default()
    };
    // Duplicates first: a later record of a SKU is skipped whatever its own state, as
    // the first one (even a rejected one) is what the master meant.
    if !item.sku.is_empty() {
        match seen.entry(sku_key(&item.sku)) {
            Entry::Occupied(first) => {
                let message = duplicate_message(&item, first.get());
                item.outcome = SKIPPED.into();
                item.message = Some(message);
                return Ok(item);
            }
            Entry::Vacant(slot) => {
                slot.insert(item.source.clone());
            }
        }
    }
    if !problems.is_empty() {
        let message = problems.join("; ");
        return reject(item, message);
    }
    if item.sku.is_empty() {
        let message = format!("{}: the SKU is empty", item.source);
        return reject(item, message);
    }
    if item.product.is_empty() {
        let message = format!("{}: the product handle is empty", item.source);
        return reject(item, message);
    }
    let before = record(conn, &item.sku)?.map(|r| r.entry);
    let (product, variant) = full_patches(&entry);
    let saving = match save_traced(conn, &item.product, &product, &item.sku, &variant, stamp) {
        Ok(s) => s,
        Err(SaveError::NoTitle(handle)) => {
            let message = format!("{}: the new product `{handle}` has no title", item.source);
            return reject(item, message);
        }
        Err(SaveError::Sql(e)) => return Err(e.into()),
    };
    item.outcome = match saving.saved {
        Saved::Created => NEW,
        Saved::Updated => CHANGED,
        Saved::Unchanged => UNCHANGED,
    }
    .into();
    if saving.saved == Saved::Updated
        && let (Some(before), Some(after)) = (before, record(conn, &item.sku)?)
    {
        let changes = changes(&before, &after.entry).join("; ");
        item.message = Some(match &saving.replaced_manual_edit {
            Some(at) => format!("overwrote the manual edit of {at}: {changes}"),
            None => changes,
        });
        item.manual_edit_at = saving.replaced_manual_edit;
    }
    Ok(item)
}

fn reject(mut item: Item, message: String) -> anyhow::Result<Item> {
    item.outcome = REJECTED.into();
    item.message = Some(message);
    Ok(item)
}

fn duplicate_message(item: &Item, first: &str) -> String {
    let mapped = if item.channel_sku == item.sku {
        String::new()
    } else {
        format!(" (mapped from `{}`)", item.channel_sku)
    };
    format!(
        "{}: duplicate SKU `{}`{mapped}, first read at {first}, which is used; this record \
         is skipped",
        item.source, item.sku
    )
}

/// The master's record as patches that set every field: the master is the truth, so a
/// value it lacks clears ours.
fn full_patches(e: &CatalogEntry) -> (ProductPatch, VariantPatch) {
    let (p, v) = (&e.product, &e.variant);
    let product = ProductPatch {
        title: Some(p.title.clone()),
        vendor: Some(p.vendor.clone()),
        product_type: Some(p.product_type.clone()),
        tags: Some(p.tags.clone()),
        description: Some(p.description.clone()),
        status: Some(p.status),
    };
    let variant = VariantPatch {
        title: Some(v.title.clone()),
        options: v.options.clone().map(Some),
        barcode: Some(v.barcode.clone()),
        price_cents: Some(v.price_cents),
        weight_grams: Some(v.weight_grams),
    };
    (product, variant)
}

/// The fields that differ, as `field: old → new` (a description only by name: it is
/// long HTML).
fn changes(old: &CatalogEntry, new: &CatalogEntry) -> Vec<String> {
    let text = |o: &Option<String>| o.clone().unwrap_or_else(|| "(none)".into());
    let cents = |o: &Option<i64>| o.map_or_else(|| "(none)".into(), format_cents);
    let grams = |o: &Option<i64>| o.map_or_else(|| "(none)".into(), |g| g.to_string());
    let (op, np, ov, nv) = (&old.product, &new.product, &old.variant, &new.variant);
    let mut pairs: Vec<(&str, String, String)> = vec![
        ("product", op.handle.clone(), np.handle.clone()),
        ("title", op.title.clone(), np.title.clone()),
        ("vendor", text(&op.vendor), text(&np.vendor)),
        (
            "product_type",
            text(&op.product_type),
            text(&np.product_type),
        ),
        ("tags", text(&op.tags), text(&np.tags)),
        ("status", op.status.to_string(), np.status.to_string()),
        ("variant_title", text(&ov.title), text(&nv.title)),
        ("option1", text(&ov.options[0]), text(&nv.options[0])),
        ("option2", text(&ov.options[1]), text(&nv.options[1])),
        ("option3", text(&ov.options[2]), text(&nv.options[2])),
        ("barcode", text(&ov.barcode), text(&nv.barcode)),
        ("price", cents(&ov.price_cents), cents(&nv.price_cents)),
        (
            "weight_grams",
            grams(&ov.weight_grams),
            grams(&nv.weight_grams),
        ),
    ];
    pairs.retain(|(_, a, b)| a != b);
    let mut out: Vec<String> = pairs
        .into_iter()
        .map(|(field, a, b)| format!("{field}: {a} → {b}"))
        .collect();
    if op.description != np.description {
        out.push("description".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::{Product, ProductStatus, Variant};

    fn entry(title: &str, price: Option<i64>) -> CatalogEntry {
        CatalogEntry {
            product: Product {
                handle: "tee".into(),
                title: title.into(),
                ..Product::default()
            },
            variant: Variant {
                sku: "T-1".into(),
                price_cents: price,
                ..Variant::default()
            },
        }
    }

    #[test]
    fn changes_name_each_field_with_both_values() {
        let old = entry("Tee", Some(1200));
        let mut new = entry("Field Tee", None);
        new.product.status = ProductStatus::Draft;
        new.product.description = Some("<p>soft</p>".into());
        assert_eq!(
            changes(&old, &new),
            [
                "title: Tee → Field Tee",
                "status: active → draft",
                "price: 12.00 → (none)",
                "description"
            ]
        );
        assert!(changes(&old, &old).is_empty());
    }

    #[test]
    fn full_patches_reproduce_the_entry() {
        let mut e = entry("Tee", Some(1999));
        e.product.vendor = Some("Acme".into());
        e.variant.options[0] = Some("Red".into());
        e.variant.title = Some("Red".into());
        let (p, v) = full_patches(&e);
        let mut product = Product {
            handle: "tee".into(),
            vendor: Some("Other".into()),
            ..Product::default()
        };
        let mut variant = Variant {
            sku: "T-1".into(),
            barcode: Some("123".into()),
            ..Variant::default()
        };
        p.apply(&mut product);
        v.apply(&mut variant);
        assert_eq!(CatalogEntry { product, variant }, e);
    }
}
