//! Products: the account's list (`GET product`, cursor-paged) as catalog entries, and
//! creating the ones oms pushes that ShipBob lacks (`POST product`). The list is read
//! once per run and also tells POs which inventory id each SKU has.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::wire::{self, text};
use super::{ShipbobChannel, too_many_pages};
use crate::connectors::http::Retry;
use crate::connectors::http::batch::Refusal;
use crate::connectors::{Fetched, Sent, Sink};
use crate::model::catalog::{CatalogEntry, Product, ProductIn, Variant, handle_from};
use crate::model::sku_key;

/// The account's products, read on first use.
pub(super) fn list(ch: &mut ShipbobChannel) -> anyhow::Result<&[wire::Product]> {
    if ch.products.is_none() {
        let mut all = Vec::new();
        let mut next = Some("product".to_string());
        let mut pages = 0;
        while let Some(endpoint) = next.take() {
            pages += 1;
            too_many_pages(&ch.code, pages)?;
            let reply = ch.http.get(&endpoint)?;
            let page: wire::Paged<wire::Product> = page_of_products(&reply, ch)?;
            next = page.next.filter(|n| !n.trim().is_empty() && *n != endpoint);
            all.extend(page.items);
        }
        ch.products = Some(all);
    }
    Ok(ch.products.as_deref().unwrap_or_default())
}

/// A page of products in the shape of the configured API version. Older versions (1.0,
/// 2.0) answer a bare array whose variants carry one `barcode` string; decoded as a page
/// that only says "invalid type", so the shape is named instead.
fn page_of_products(
    reply: &crate::connectors::http::Reply,
    ch: &ShipbobChannel,
) -> anyhow::Result<wire::Paged<wire::Product>> {
    let bare_list = reply
        .body
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'[');
    if bare_list {
        anyhow::bail!(
            "channel `{}`: {}: the products came as a bare list, the 1.0/2.0 shape; \
             api_version `{}` answers a page `{{\"items\": [...], \"next\": ...}}` \
             (check the channel's api_version and base_url)",
            ch.code,
            reply.endpoint(),
            ch.api_version
        );
    }
    wire::decode(reply, &ch.code)
}

/// SKU key → ShipBob inventory id, for receiving orders.
pub(super) fn inventory_ids(ch: &mut ShipbobChannel) -> anyhow::Result<HashMap<String, i64>> {
    Ok(list(ch)?
        .iter()
        .flat_map(|p| &p.variants)
        .filter_map(|v| {
            let sku = text(&v.sku)?;
            let id = v.inventory.as_ref()?.inventory_id?;
            Some((sku_key(&sku), id))
        })
        .collect())
}

/// (SKU as ShipBob spells it, inventory id) of every variant that has both.
pub(super) fn inventory_skus(ch: &mut ShipbobChannel) -> anyhow::Result<Vec<(String, i64)>> {
    Ok(list(ch)?
        .iter()
        .flat_map(|p| &p.variants)
        .filter_map(|v| Some((text(&v.sku)?, v.inventory.as_ref()?.inventory_id?)))
        .collect())
}

pub(super) fn fetch(ch: &mut ShipbobChannel, sink: Sink<ProductIn>) -> anyhow::Result<()> {
    let source = format!("channel `{}` products", ch.code);
    let products = list(ch)?.to_vec();
    // ShipBob products have no handle; names can repeat, so a repeat gets its id appended.
    let mut handles: HashMap<String, i64> = HashMap::new();
    for p in &products {
        let title = text(&p.name).unwrap_or_else(|| format!("Product {}", p.id));
        let mut handle = handle_from(&title);
        if handles.get(&handle).is_some_and(|id| *id != p.id) || handle.is_empty() {
            handle = format!("{handle}-{}", p.id)
                .trim_start_matches('-')
                .to_string();
        }
        handles.insert(handle.clone(), p.id);
        let product = Product {
            handle,
            title: title.clone(),
            product_type: text(&p.product_type),
            ..Default::default()
        };
        for v in &p.variants {
            let Some(sku) = text(&v.sku) else {
                tracing::warn!(
                    "{source}: product {} variant {} has no SKU; not imported",
                    p.id,
                    v.id
                );
                continue;
            };
            let barcode = v
                .barcodes
                .iter()
                .find_map(|b| text(&b.value))
                .or_else(|| text(&v.gtin))
                .or_else(|| text(&v.upc));
            let entry = CatalogEntry {
                product: product.clone(),
                variant: Variant {
                    sku,
                    title: text(&v.name).filter(|n| *n != title),
                    barcode,
                    ..Default::default()
                },
            };
            sink(Fetched::Record(ProductIn {
                entry,
                source: source.clone(),
                problems: Vec::new(),
            }))?;
        }
    }
    sink(Fetched::SourceDone { source })
}

/// Creates a ShipBob product for each pushed product (by handle) whose SKUs ShipBob
/// does not know; SKUs it knows are answered with their existing variant id. Answers
/// are per SKU; a failure that would hit every product stops the push as in
/// [`crate::connectors::http::batch::each`].
pub(super) fn push(ch: &mut ShipbobChannel, entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let mut known = variant_ids(list(ch)?);
    let mut groups: Vec<(&str, Vec<&CatalogEntry>)> = Vec::new();
    for e in entries {
        match groups.iter_mut().find(|(h, _)| *h == e.product.handle) {
            Some((_, list)) => list.push(e),
            None => groups.push((&e.product.handle, vec![e])),
        }
    }
    let mut answers: Vec<Sent> = Vec::with_capacity(entries.len());
    for (i, (_, group)) in groups.iter().enumerate() {
        let missing: Vec<&CatalogEntry> = group
            .iter()
            .copied()
            .filter(|e| !known.contains_key(&sku_key(&e.variant.sku)))
            .collect();
        let mut error = None;
        if !missing.is_empty() {
            match create(ch, &missing) {
                Ok(()) => known = variant_ids(list(ch)?),
                Err(Refusal::Record(message)) => error = Some(message),
                Err(Refusal::Fatal(e)) => {
                    if answers.iter().all(|a| a.error.is_some()) {
                        return Err(e);
                    }
                    let message = format!("not sent: {e:#}");
                    for e in groups[i..].iter().flat_map(|(_, g)| g) {
                        answers.push(answer(e, &HashMap::new(), Some(&message)));
                    }
                    return Ok(answers);
                }
            }
        }
        answers.extend(group.iter().map(|e| answer(e, &known, error.as_deref())));
    }
    Ok(answers)
}

fn answer(e: &CatalogEntry, known: &HashMap<String, i64>, error: Option<&str>) -> Sent {
    match known.get(&sku_key(&e.variant.sku)) {
        Some(id) => Sent::ok(e.variant.sku.clone(), Some(id.to_string())),
        None => Sent::refused(
            e.variant.sku.clone(),
            error.unwrap_or("ShipBob did not list the variant after creating it"),
        ),
    }
}

fn variant_ids(products: &[wire::Product]) -> HashMap<String, i64> {
    products
        .iter()
        .flat_map(|p| &p.variants)
        .filter_map(|v| Some((sku_key(&text(&v.sku)?), v.id)))
        .collect()
}

/// Posts one product with its missing variants. A lost answer is checked against a fresh
/// product list before it counts as a failure, so a retry never makes a duplicate.
fn create(ch: &mut ShipbobChannel, missing: &[&CatalogEntry]) -> Result<(), Refusal> {
    let body = product_body(missing);
    let result = ch.http.post("product", &body, Retry::Unsafe);
    match result {
        Ok(reply) => {
            let product: wire::Product = reply.json()?;
            if let Some(list) = ch.products.as_mut() {
                list.push(product);
            }
            Ok(())
        }
        Err(e) if e.maybe_applied => {
            ch.products = None;
            let now = variant_ids(list(ch).map_err(Refusal::Fatal)?);
            if missing
                .iter()
                .all(|m| now.contains_key(&sku_key(&m.variant.sku)))
            {
                Ok(())
            } else {
                Err(e.into())
            }
        }
        Err(e) => Err(e.into()),
    }
}

fn product_body(missing: &[&CatalogEntry]) -> Value {
    let title = missing
        .first()
        .map(|e| e.product.title.clone())
        .unwrap_or_default();
    json!({
        "name": title,
        // 1 is ShipBob's regular (non-bundle) product type.
        "type_id": 1,
        "variants": missing.iter().map(|e| {
            let mut v = json!({
                "name": e.variant.title.clone().unwrap_or_else(|| title.clone()),
                "sku": e.variant.sku,
            });
            if let Some(barcode) = &e.variant.barcode {
                v["barcodes"] = json!([{ "value": barcode }]);
            }
            v
        }).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_body_names_variants_after_the_product_when_untitled() {
        let e = CatalogEntry {
            product: Product {
                handle: "tee".into(),
                title: "Tee".into(),
                ..Default::default()
            },
            variant: Variant {
                sku: "TEE-1".into(),
                barcode: Some("0123".into()),
                ..Default::default()
            },
        };
        assert_eq!(
            product_body(&[&e]),
            json!({ "name": "Tee", "type_id": 1, "variants": [
                { "name": "Tee", "sku": "TEE-1", "barcodes": [{ "value": "0123" }] } ] })
        );
    }
}
