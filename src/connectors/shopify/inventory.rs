//! Stock out: `POST inventory_levels/set.json {location_id, inventory_item_id, available}`
//! per SKU. Shopify sets levels by inventory item, so the shop's variants are read once
//! per run (products.json, all pages) to learn each SKU's inventory item id.

use std::collections::HashMap;

use serde_json::json;

use super::ShopifyChannel;
use super::wire::{self, text};
use crate::connectors::Sent;
use crate::connectors::http::batch::{self, Refusal};
use crate::connectors::http::{Retry, next_link};
use crate::model::shipment::StockPublish;
use crate::model::sku_key;

pub(super) fn push(ch: &mut ShopifyChannel, levels: &[StockPublish]) -> anyhow::Result<Vec<Sent>> {
    if levels.is_empty() {
        return Ok(Vec::new());
    }
    let default_location = match &ch.location_id {
        Some(id) => Some(id.clone()),
        None if levels.iter().any(|l| l.location_id.is_none()) => Some(only_location(ch)?),
        None => None,
    };
    if ch.inventory_items.is_none() {
        ch.inventory_items = Some(inventory_items(ch)?);
    }
    batch::each(
        levels,
        |l| l.sku.clone(),
        |level| {
            let location = level
                .location_id
                .as_deref()
                .or(default_location.as_deref())
                .unwrap_or_default();
            let location: i64 = location.trim().parse().map_err(|_| {
                Refusal::Record(format!(
                    "location_id `{location}` is not a Shopify location id"
                ))
            })?;
            let item = match ch
                .inventory_items
                .as_ref()
                .and_then(|m| m.get(&sku_key(&level.sku)))
                .map(Vec::as_slice)
            {
                None | Some([]) => return Err(Refusal::Record("SKU not in the shop".into())),
                Some([one]) => *one,
                Some(many) => {
                    return Err(Refusal::Record(format!(
                        "SKU is on {} variants in the shop; oms cannot tell which one to set",
                        many.len()
                    )));
                }
            };
            let body = json!({
                "location_id": location,
                "inventory_item_id": item,
                "available": level.available,
            });
            // Setting an absolute level twice is harmless, so lost answers are simply retried.
            ch.http
                .post("inventory_levels/set.json", &body, Retry::Safe)?;
            Ok(Some(item.to_string()))
        },
    )
}

/// SKU key → inventory item ids of every variant in the shop.
fn inventory_items(ch: &mut ShopifyChannel) -> anyhow::Result<HashMap<String, Vec<i64>>> {
    let mut map: HashMap<String, Vec<i64>> = HashMap::new();
    let mut next = Some("products.json?limit=250&fields=id,variants".to_string());
    while let Some(endpoint) = next.take() {
        let reply = ch.http.get(&endpoint)?;
        let page: wire::ProductsPage = reply.json()?;
        next = next_link(&reply.headers);
        for v in page.products.iter().flat_map(|p| &p.variants) {
            if let (Some(sku), Some(item)) = (text(&v.sku), v.inventory_item_id) {
                let ids = map.entry(sku_key(&sku)).or_default();
                if !ids.contains(&item) {
                    ids.push(item);
                }
            }
        }
    }
    Ok(map)
}

/// The shop's one active location, for channels that leave `location_id` out.
fn only_location(ch: &mut ShopifyChannel) -> anyhow::Result<String> {
    let list: wire::Locations = ch.http.get("locations.json")?.json()?;
    let active: Vec<&wire::Location> = list
        .locations
        .iter()
        .filter(|l| l.active.unwrap_or(true))
        .collect();
    match active.as_slice() {
        [one] => Ok(one.id.to_string()),
        many => anyhow::bail!(
            "sales channel `{}`: the shop has {} active locations; set `location_id` to one of: {}",
            ch.code,
            many.len(),
            many.iter()
                .map(|l| format!("{} ({})", l.id, l.name.as_deref().unwrap_or("?")))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
