//! Stock out: `POST inventory_levels/set.json {location_id, inventory_item_id, available}`
//! per SKU. Shopify sets levels by inventory item, so each SKU's inventory item id must be
//! known. The flow hands back the ids earlier pushes answered (`StockPublish::remote_id`);
//! they are checked in one call per 100 (`inventory_items.json?ids=…`: the item must still
//! exist and carry the SKU), and only SKUs without a good id make the connector read the
//! shop's variants (products.json, all pages), once per run.

use std::collections::HashMap;

use serde_json::json;

use super::ShopifyChannel;
use super::wire::{self, text};
use crate::connectors::Sent;
use crate::connectors::http::batch::{self, Refusal};
use crate::connectors::http::{Retry, next_link, with_query};
use crate::model::shipment::StockPublish;
use crate::model::sku_key;

/// Ids per `inventory_items.json?ids=` request (Shopify's maximum).
const IDS_PER_CHECK: usize = 100;

pub(super) fn push(ch: &mut ShopifyChannel, levels: &[StockPublish]) -> anyhow::Result<Vec<Sent>> {
    if levels.is_empty() {
        return Ok(Vec::new());
    }
    let default_location = match &ch.location_id {
        Some(id) => Some(id.clone()),
        None if levels.iter().any(|l| l.location_id.is_none()) => Some(only_location(ch)?),
        None => None,
    };
    let confirmed = confirm_known(ch, levels)?;
    let unknown = levels
        .iter()
        .any(|l| !confirmed.contains_key(&sku_key(&l.sku)));
    if unknown && ch.inventory_items.is_none() {
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
            let key = sku_key(&level.sku);
            let item = match confirmed.get(&key) {
                Some(item) => *item,
                None => listed_item(ch, &key)?,
            };
            let body = json!({
                "location_id": location,
                "inventory_item_id": item,
                "available": level.available,
            });
            // Setting an absolute level twice is harmless, so lost answers are simply retried.
            ch.gql
                .http
                .post("inventory_levels/set.json", &body, Retry::Safe)?;
            Ok(Some(item.to_string()))
        },
    )
}

/// SKU key → inventory item id, for the levels whose remembered id the shop confirms:
/// the item still exists and still carries that SKU. Anything else is left to the
/// variant list, so a stale id can never set another product's stock.
fn confirm_known(
    ch: &mut ShopifyChannel,
    levels: &[StockPublish],
) -> anyhow::Result<HashMap<String, i64>> {
    let known: Vec<(String, i64)> = levels
        .iter()
        .filter_map(|l| {
            let id = l.remote_id.as_deref()?.trim().parse().ok()?;
            Some((sku_key(&l.sku), id))
        })
        .collect();
    let mut confirmed = HashMap::new();
    for chunk in known.chunks(IDS_PER_CHECK) {
        let ids: Vec<String> = chunk.iter().map(|(_, id)| id.to_string()).collect();
        let ids = ids.join(",");
        let limit = IDS_PER_CHECK.to_string();
        let endpoint = with_query(
            "inventory_items.json",
            &[("ids", ids.as_str()), ("limit", limit.as_str())],
        );
        let found: wire::InventoryItems = ch.gql.http.get(&endpoint)?.json()?;
        let skus: HashMap<i64, String> = found
            .inventory_items
            .iter()
            .filter_map(|i| Some((i.id, sku_key(&text(&i.sku)?))))
            .collect();
        for (key, id) in chunk {
            if skus.get(id) == Some(key) {
                confirmed.insert(key.clone(), *id);
            } else {
                tracing::info!(
                    "channel `{}`: inventory item {id} no longer carries SKU `{key}`; looking the SKU up again",
                    ch.code
                );
            }
        }
    }
    Ok(confirmed)
}

/// The one inventory item of a SKU in the shop's variant list.
fn listed_item(ch: &ShopifyChannel, key: &str) -> Result<i64, Refusal> {
    match ch
        .inventory_items
        .as_ref()
        .and_then(|m| m.get(key))
        .map(Vec::as_slice)
    {
        None | Some([]) => Err(Refusal::Record("SKU not in the shop".into())),
        Some([one]) => Ok(*one),
        Some(many) => Err(Refusal::Record(format!(
            "SKU is on {} variants in the shop; oms cannot tell which one to set",
            many.len()
        ))),
    }
}

/// SKU key → inventory item ids of every variant in the shop.
fn inventory_items(ch: &mut ShopifyChannel) -> anyhow::Result<HashMap<String, Vec<i64>>> {
    let mut map: HashMap<String, Vec<i64>> = HashMap::new();
    let mut next = Some("products.json?limit=250&fields=id,variants".to_string());
    while let Some(endpoint) = next.take() {
        let reply = ch.gql.http.get(&endpoint)?;
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
    let list: wire::Locations = ch.gql.http.get("locations.json")?.json()?;
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
