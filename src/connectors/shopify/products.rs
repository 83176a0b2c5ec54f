//! Products in (the `products` query, cursor pages, one catalog entry per variant) and
//! out (`productSet`, one call per product, keyed by handle).
//!
//! `productSet` makes the product look exactly like its input: a variant left out of the
//! list is deleted. So before writing, oms reads the shop's products, and a variant the
//! shop has and the catalog does not is put back into the input as it is (by its id and
//! options) and reported, unless the run was asked to `--prune`. The call upserts by
//! handle (`identifier: { handle }`), so sending it again after a lost answer updates the
//! product it created instead of making a second one.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::ShopifyChannel;
use super::graphql::legacy_id;
use super::wire::{self, text, user_errors};
use crate::connectors::http::{HttpError, Retry};
use crate::connectors::{Fetched, ProductsWritten, Sent, Sink, Unlisted};
use crate::model::catalog::{
    CatalogEntry, DEFAULT_OPTION, Product, ProductIn, ProductStatus, Variant, handle_from,
};
use crate::model::{parse_cents, sku_key};

/// Products per page: with up to 50 variants each the page stays under Shopify's
/// 1,000-point cap for one query; products with more variants are read on.
const PAGE: i64 = 15;
const VARIANTS: i64 = 50;
/// Shopify's name for the one option of a product without options.
const TITLE_OPTION: &str = "Title";

const PRODUCT_FIELDS: &str = r#"
      id title handle descriptionHtml vendor productType tags status
      options { name position }
      variants(first: $variants) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id sku title barcode price
          selectedOptions { name value }
          inventoryItem { measurement { weight { unit value } } }
        }
      }"#;

fn products_query() -> String {
    format!(
        "query Products($first: Int!, $after: String, $variants: Int!) {{\n  products(first: $first, after: $after) {{\n    pageInfo {{ hasNextPage endCursor }}\n    nodes {{{PRODUCT_FIELDS}\n    }}\n  }}\n}}"
    )
}

const MORE_VARIANTS: &str = r#"query ProductVariants($id: ID!, $after: String) {
  product(id: $id) {
    variants(first: 250, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id sku title barcode price
        selectedOptions { name value }
        inventoryItem { measurement { weight { unit value } } }
      }
    }
  }
}"#;

const SET: &str = r#"mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
  productSet(identifier: $identifier, input: $input, synchronous: true) {
    product { id handle variants(first: 250) { nodes { id sku } } }
    userErrors { field message code }
  }
}"#;

pub(super) fn fetch(ch: &mut ShopifyChannel, sink: Sink<ProductIn>) -> anyhow::Result<()> {
    each_page(ch, &mut |page, source| {
        for p in page {
            for entry in entries(p, source) {
                sink(Fetched::Record(ProductIn {
                    entry,
                    source: source.to_string(),
                    problems: Vec::new(),
                }))?;
            }
        }
        sink(Fetched::SourceDone {
            source: source.to_string(),
        })
    })
}

/// Every product of the shop, a page at a time, each with all its variants.
fn each_page(
    ch: &mut ShopifyChannel,
    each: &mut dyn FnMut(&[wire::Product], &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let query = products_query();
    let mut after: Option<String> = None;
    let mut number = 1;
    loop {
        let data: wire::ProductsData = ch.gql.run(
            "products",
            &query,
            json!({ "first": PAGE, "after": after, "variants": VARIANTS }),
            Retry::Safe,
        )?;
        let mut page = data.products;
        for p in &mut page.nodes {
            read_on(ch, p)?;
        }
        let source = format!(
            "graphql.json products page {number} (after {})",
            after.as_deref().unwrap_or("start")
        );
        each(&page.nodes, &source)?;
        match page.page_info.end_cursor {
            Some(cursor) if page.page_info.has_next_page => after = Some(cursor),
            _ => return Ok(()),
        }
        number += 1;
    }
}

/// The rest of a product's variants, when the page held only the first ones.
fn read_on(ch: &mut ShopifyChannel, p: &mut wire::Product) -> Result<(), HttpError> {
    while p.variants.page_info.has_next_page {
        let after = p.variants.page_info.end_cursor.clone();
        let data: wire::ProductData = ch.gql.run(
            "product",
            MORE_VARIANTS,
            json!({ "id": p.id, "after": after }),
            Retry::Safe,
        )?;
        let Some(more) = data.product else { break };
        p.variants.nodes.extend(more.variants.nodes);
        p.variants.page_info = more.variants.page_info;
    }
    Ok(())
}

/// The variants of one product that have a SKU; the others cannot be stocked or
/// shipped by oms, so they are left out with a warning.
fn entries(p: &wire::Product, source: &str) -> Vec<CatalogEntry> {
    let title = text(&p.title).unwrap_or_else(|| format!("Product {}", legacy_id(&p.id)));
    let tags: Vec<&str> = p
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let product = Product {
        handle: text(&p.handle).unwrap_or_else(|| handle_from(&title)),
        title,
        vendor: text(&p.vendor),
        product_type: text(&p.product_type),
        tags: (!tags.is_empty()).then(|| tags.join(", ")),
        description: text(&p.description_html),
        status: p
            .status
            .as_deref()
            .and_then(|s| ProductStatus::parse(&s.to_ascii_lowercase()).ok())
            .unwrap_or_default(),
    };
    let mut names: Vec<&wire::ProductOption> = p.options.iter().collect();
    names.sort_by_key(|o| o.position);
    p.variants
        .nodes
        .iter()
        .filter_map(|v| {
            let Some(sku) = text(&v.sku) else {
                tracing::warn!(
                    "{source}: product `{}` variant {} has no SKU; not imported",
                    product.handle,
                    legacy_id(&v.id)
                );
                return None;
            };
            let mut options: [Option<String>; 3] = Default::default();
            for (i, slot) in options.iter_mut().enumerate() {
                let value = match names.get(i) {
                    Some(o) => v.selected_options.iter().find(|s| s.name == o.name),
                    None => v.selected_options.get(i),
                };
                *slot = value
                    .map(|s| s.value.trim().to_string())
                    .filter(|s| !s.is_empty() && s != DEFAULT_OPTION);
            }
            Some(CatalogEntry {
                product: product.clone(),
                variant: Variant {
                    sku,
                    title: text(&v.title).filter(|t| t != DEFAULT_OPTION),
                    options,
                    barcode: text(&v.barcode),
                    price_cents: text(&v.price).and_then(|p| parse_cents(&p).ok()),
                    weight_grams: v
                        .inventory_item
                        .as_ref()
                        .and_then(|i| i.measurement.as_ref())
                        .and_then(|m| m.weight.as_ref())
                        .and_then(|w| w.grams()),
                },
            })
        })
        .collect()
}

/// Writes every product of `entries`, one `productSet` each.
pub(super) fn write(
    ch: &mut ShopifyChannel,
    entries: &[CatalogEntry],
    prune: bool,
) -> anyhow::Result<ProductsWritten> {
    let mut out = ProductsWritten::default();
    if entries.is_empty() {
        return Ok(out);
    }
    let mut shop: HashMap<String, wire::Product> = HashMap::new();
    each_page(ch, &mut |page, _| {
        for p in page {
            if let Some(handle) = text(&p.handle) {
                shop.insert(handle, clone_product(p));
            }
        }
        Ok(())
    })?;
    let mut groups: Vec<(&str, Vec<&CatalogEntry>)> = Vec::new();
    for e in entries {
        match groups.iter_mut().find(|(h, _)| *h == e.product.handle) {
            Some((_, list)) => list.push(e),
            None => groups.push((&e.product.handle, vec![e])),
        }
    }
    for (handle, group) in groups {
        let existing = shop.get(handle);
        let (input, unlisted) = product_input(group.as_slice(), existing, prune);
        let refuse = |why: String| -> Vec<Sent> {
            group
                .iter()
                .map(|e| Sent::refused(&e.variant.sku, why.clone()))
                .collect()
        };
        let answer: Result<wire::ProductSetData, HttpError> = ch.gql.run(
            "productSet",
            SET,
            json!({ "identifier": { "handle": handle }, "input": input }),
            Retry::Safe,
        );
        let data = match answer {
            Ok(data) => data.product_set.unwrap_or_default(),
            Err(e) if e.is_record_error() => {
                out.sent.extend(refuse(format!("product `{handle}`: {e}")));
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        if !data.user_errors.is_empty() {
            out.sent.extend(refuse(format!(
                "product `{handle}`: Shopify refused it: {}",
                user_errors(&data.user_errors)
            )));
            continue;
        }
        let ids: HashMap<String, String> = data
            .product
            .map(|p| p.variants.nodes)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|v| Some((sku_key(&text(&v.sku)?), legacy_id(&v.id).to_string())))
            .collect();
        for e in &group {
            out.sent.push(Sent::ok(
                &e.variant.sku,
                ids.get(&sku_key(&e.variant.sku)).cloned(),
            ));
        }
        out.unlisted.extend(unlisted);
    }
    Ok(out)
}

fn clone_product(p: &wire::Product) -> wire::Product {
    wire::Product {
        id: p.id.clone(),
        handle: p.handle.clone(),
        options: p
            .options
            .iter()
            .map(|o| wire::ProductOption {
                name: o.name.clone(),
                position: o.position,
            })
            .collect(),
        variants: wire::VariantsPage {
            page_info: wire::PageInfo::default(),
            nodes: p.variants.nodes.clone(),
        },
        ..wire::Product::default()
    }
}

/// `ProductSetInput` for one product's entries, keeping (or, pruning, dropping) the
/// variants the shop has that the entries do not; those are answered as `Unlisted`.
fn product_input(
    group: &[&CatalogEntry],
    existing: Option<&wire::Product>,
    prune: bool,
) -> (Value, Vec<Unlisted>) {
    let first = &group[0].product;
    let any_options = group
        .iter()
        .any(|e| e.variant.options.iter().any(Option::is_some));
    // Option names: the shop's, where it has the product; ours are positional only.
    let mut shop_names: Vec<(i64, String)> = existing
        .map(|p| {
            p.options
                .iter()
                .map(|o| (o.position, o.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    shop_names.sort();
    let name_of = |i: usize| -> String {
        match shop_names.get(i) {
            Some((_, name)) if any_options || i > 0 => name.clone(),
            _ if !any_options => TITLE_OPTION.to_string(),
            _ => format!("Option{}", i + 1),
        }
    };
    let mut option_values: Vec<(String, Vec<String>)> = Vec::new();
    let mut remember = |name: &str, value: &str| match option_values
        .iter_mut()
        .find(|(n, _)| n == name)
    {
        Some((_, values)) if !values.iter().any(|v| v == value) => values.push(value.to_string()),
        Some(_) => {}
        None => option_values.push((name.to_string(), vec![value.to_string()])),
    };
    let shop_variants: &[wire::Variant] =
        existing.map(|p| p.variants.nodes.as_slice()).unwrap_or(&[]);
    let mut variants: Vec<Value> = Vec::new();
    for e in group {
        let v = &e.variant;
        let mut selected: Vec<Value> = Vec::new();
        if any_options {
            for (i, value) in v.options.iter().enumerate() {
                if let Some(value) = value {
                    remember(&name_of(i), value);
                    selected.push(json!({ "optionName": name_of(i), "name": value }));
                }
            }
        } else {
            // No options: one variant is Shopify's default; several are told apart by title.
            let value = if group.len() == 1 {
                DEFAULT_OPTION.to_string()
            } else {
                v.title.clone().unwrap_or_else(|| v.sku.clone())
            };
            remember(&name_of(0), &value);
            selected.push(json!({ "optionName": name_of(0), "name": value }));
        }
        let mut item = json!({ "sku": v.sku, "tracked": true });
        if let Some(grams) = v.weight_grams {
            item["measurement"] = json!({ "weight": { "unit": "GRAMS", "value": grams } });
        }
        let mut variant = json!({ "optionValues": selected, "inventoryItem": item });
        if let Some(id) = shop_variants
            .iter()
            .find(|s| text(&s.sku).is_some_and(|s| sku_key(&s) == sku_key(&v.sku)))
        {
            variant["id"] = json!(id.id);
        }
        if let Some(cents) = v.price_cents {
            variant["price"] = json!(format!("{}.{:02}", cents / 100, cents % 100));
        }
        if let Some(barcode) = &v.barcode {
            variant["barcode"] = json!(barcode);
        }
        variants.push(variant);
    }
    let mut unlisted = Vec::new();
    for s in shop_variants {
        let sku = text(&s.sku);
        let ours = sku.as_deref().is_some_and(|sku| {
            group
                .iter()
                .any(|e| sku_key(&e.variant.sku) == sku_key(sku))
        });
        if ours {
            continue;
        }
        unlisted.push(Unlisted {
            product: first.handle.clone(),
            sku: sku.clone(),
            variant_id: legacy_id(&s.id).to_string(),
            removed: prune,
        });
        if prune {
            continue;
        }
        for o in &s.selected_options {
            remember(&o.name, &o.value);
        }
        variants.push(json!({
            "id": s.id,
            "optionValues": s.selected_options.iter()
                .map(|o| json!({ "optionName": o.name, "name": o.value }))
                .collect::<Vec<_>>(),
        }));
    }
    let mut input = json!({
        "title": first.title,
        "handle": first.handle,
        "status": first.status.as_str().to_ascii_uppercase(),
        "productOptions": option_values
            .iter()
            .enumerate()
            .map(|(i, (name, values))| json!({
                "name": name,
                "position": i + 1,
                "values": values.iter().map(|v| json!({ "name": v })).collect::<Vec<_>>(),
            }))
            .collect::<Vec<_>>(),
        "variants": variants,
    });
    let optional = [
        ("vendor", &first.vendor),
        ("productType", &first.product_type),
        ("descriptionHtml", &first.description),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            input[field] = json!(value);
        }
    }
    if let Some(tags) = &first.tags {
        let list: Vec<&str> = tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        input["tags"] = json!(list);
    }
    (input, unlisted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_become_entries_and_placeholders_vanish() {
        let p: wire::Product = serde_json::from_value(json!({
            "id": "gid://shopify/Product/1", "title": "Hat", "handle": "hat", "status": "DRAFT",
            "tags": ["a", "b"], "options": [{ "name": "Title", "position": 1 }],
            "variants": { "pageInfo": { "hasNextPage": false, "endCursor": null }, "nodes": [
                { "id": "gid://shopify/ProductVariant/2", "sku": "HAT-1", "title": "Default Title",
                  "price": "17.99", "barcode": "0123",
                  "selectedOptions": [{ "name": "Title", "value": "Default Title" }],
                  "inventoryItem": { "measurement": { "weight": { "unit": "KILOGRAMS", "value": 0.072 } } } },
                { "id": "gid://shopify/ProductVariant/3", "sku": null, "title": "Other" }
            ] }
        }))
        .unwrap();
        let list = entries(&p, "products");
        assert_eq!(list.len(), 1);
        let e = &list[0];
        assert_eq!(
            (
                e.product.handle.as_str(),
                e.product.status,
                e.product.tags.as_deref()
            ),
            ("hat", ProductStatus::Draft, Some("a, b"))
        );
        assert_eq!(e.variant.title, None);
        assert_eq!(e.variant.options, [None, None, None]);
        assert_eq!(
            (
                e.variant.price_cents,
                e.variant.weight_grams,
                e.variant.barcode.as_deref()
            ),
            (Some(1799), Some(72), Some("0123"))
        );
    }
}
