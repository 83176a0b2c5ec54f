//! Stock out: `inventorySetQuantities` (name `available`) per SKU, compare-and-swap; or,
//! for a `stock_push = "delta"` channel, `inventoryAdjustQuantities` with the change since
//! oms last published (no compare-and-swap: a change adds to whatever the shop holds).
//!
//! Each quantity says what oms believes the shop holds (`changeFromQuantity`: the value
//! oms last published, or the shop's level read first when oms never published one).
//! When the shop's level moved meanwhile (`CHANGE_FROM_QUANTITY_STALE`), the level is
//! read again and the set is sent once more from the value read, and the answer says so.
//!
//! Each call carries an `@idempotent` key derived from the recorded batch's name, the SKU,
//! the location and the request's values. The batch is committed before anything is sent
//! (ops/stock_push.rs), so a resend after a crash or a lost answer sends the same request
//! under the same key and Shopify applies it once; a different request (after a stale
//! answer) gets a different key, as Shopify requires.
//!
//! Inventory items are found by SKU (`productVariants(query: "sku:…")`); the ids earlier
//! pushes answered (`StockPublish::remote_id`) are checked with `nodes(ids:)` instead, and
//! trusted only while the item still carries the SKU.

use std::collections::HashMap;

use serde_json::json;

use super::ShopifyChannel;
use super::graphql::legacy_id;
use super::wire::{self, text, user_errors};
use crate::connectors::Sent;
use crate::connectors::http::batch::{self, Refusal};
use crate::connectors::http::{HttpError, Retry};
use crate::model::fingerprint::of_json;
use crate::model::shipment::StockPublish;
use crate::model::sku_key;

/// Remembered ids checked per `nodes(ids:)` query.
const IDS_PER_CHECK: usize = 100;
/// SKUs looked up per `productVariants` search (the search string stays short).
const SKUS_PER_SEARCH: usize = 25;
/// What Shopify calls the userError of a compare-and-swap that lost.
pub const STALE: &str = "CHANGE_FROM_QUANTITY_STALE";

const LOCATIONS: &str = r#"query Locations {
  locations(first: 50) { nodes { id name isActive } }
}"#;

const BY_SKU: &str = r#"query InventoryBySku($query: String!, $location: ID!) {
  productVariants(first: 100, query: $query) {
    nodes {
      sku
      inventoryItem {
        id
        sku
        inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } }
      }
    }
  }
}"#;

const BY_ID: &str = r#"query InventoryById($ids: [ID!]!, $location: ID!) {
  nodes(ids: $ids) {
    ... on InventoryItem {
      id
      sku
      inventoryLevel(locationId: $location) { quantities(names: ["available"]) { name quantity } }
    }
  }
}"#;

const SET: &str = r#"mutation SetAvailable($input: InventorySetQuantitiesInput!, $key: String!) {
  inventorySetQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}"#;

const ADJUST: &str = r#"mutation AdjustAvailable($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup { id }
    userErrors { field message code }
  }
}"#;

/// An inventory item as the shop showed it, with its `available` at one location.
#[derive(Debug, Clone)]
struct Item {
    id: String,
    available: Option<i64>,
}

pub(super) fn push(
    ch: &mut ShopifyChannel,
    batch_name: &str,
    levels: &[StockPublish],
) -> anyhow::Result<Vec<Sent>> {
    if levels.is_empty() {
        return Ok(Vec::new());
    }
    let default_location = match &ch.location_id {
        Some(id) => Some(id.clone()),
        None if levels.iter().any(|l| l.location_id.is_none()) => Some(only_location(ch)?),
        None => None,
    };
    let location_of = |l: &StockPublish| -> Option<String> {
        let raw = l
            .location_id
            .as_deref()
            .or(default_location.as_deref())?
            .trim();
        let id = legacy_id(raw);
        (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("gid://shopify/Location/{id}"))
    };
    // (location, SKU key) → the item, for every level whose item the shop confirmed.
    let mut items: HashMap<(String, String), Result<Item, String>> = HashMap::new();
    let mut by_location: Vec<(String, Vec<&StockPublish>)> = Vec::new();
    for l in levels {
        if let Some(loc) = location_of(l) {
            match by_location.iter_mut().find(|(at, _)| *at == loc) {
                Some((_, list)) => list.push(l),
                None => by_location.push((loc, vec![l])),
            }
        }
    }
    for (location, list) in &by_location {
        for (key, item) in look_up(ch, location, list)? {
            items.insert((location.clone(), key), item);
        }
    }
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut answers = batch::each(
        levels,
        |l| l.sku.clone(),
        |level| {
            let Some(location) = location_of(level) else {
                let raw = level.location_id.as_deref().or(default_location.as_deref());
                return Err(Refusal::Record(format!(
                    "SKU `{}`: location_id `{}` is not a Shopify location id",
                    level.sku,
                    raw.unwrap_or_default()
                )));
            };
            let item = match items.get(&(location.clone(), sku_key(&level.sku))) {
                Some(Ok(item)) => item.clone(),
                Some(Err(why)) => return Err(Refusal::Record(why.clone())),
                None => return Err(Refusal::Record("SKU not in the shop".into())),
            };
            let note = match level.delta {
                Some(delta) => adjust(ch, batch_name, level, &location, &item.id, delta)?,
                None => set(ch, batch_name, level, &location, &item)?,
            };
            if let Some(note) = note {
                notes.push((level.sku.clone(), note));
            }
            Ok(Some(legacy_id(&item.id).to_string()))
        },
    )?;
    for (sku, note) in notes {
        if let Some(a) = answers.iter_mut().find(|a| a.reference == sku) {
            a.note = Some(note);
        }
    }
    Ok(answers)
}

/// Sets one level, compare-and-swap; a note when the shop's value had moved.
fn set(
    ch: &mut ShopifyChannel,
    batch_name: &str,
    level: &StockPublish,
    location: &str,
    item: &Item,
) -> Result<Option<String>, Refusal> {
    let from = level.last_seen.or(item.available);
    let errors = send(ch, batch_name, level, location, &item.id, from)?;
    if errors.is_empty() {
        return Ok(None);
    }
    if !errors.iter().any(|e| e.code.as_deref() == Some(STALE)) {
        return Err(Refusal::Record(format!(
            "SKU `{}`: Shopify refused the level: {}",
            level.sku,
            user_errors(&errors)
        )));
    }
    // Someone else moved the level (a sale in the shop, an edit by hand): read it, and
    // set what oms publishes from what is there now.
    let now = read_one(ch, location, &item.id)?;
    let errors = send(ch, batch_name, level, location, &item.id, now)?;
    if !errors.is_empty() {
        return Err(Refusal::Record(format!(
            "SKU `{}`: the shop's level kept changing while oms set it ({}); it is sent again next push",
            level.sku,
            user_errors(&errors)
        )));
    }
    let shown = |v: Option<i64>| v.map_or("nothing".to_string(), |v| v.to_string());
    Ok(Some(format!(
        "the shop had {} where oms last saw {}: read again and set to {}",
        shown(now),
        shown(from),
        level.available
    )))
}

/// Adds `delta` to the shop's level. Its key stands for this change of this batch, so a
/// resend (a crash, a lost answer) is applied once; `changeFromQuantity` is null, which
/// Shopify requires to be said out loud, because a change holds whatever the shop has.
fn adjust(
    ch: &mut ShopifyChannel,
    batch_name: &str,
    level: &StockPublish,
    location: &str,
    item: &str,
    delta: i64,
) -> Result<Option<String>, Refusal> {
    let key = idempotency_key(
        batch_name,
        &format!("{}~delta", level.sku),
        location,
        None,
        delta,
    );
    let input = json!({
        "name": "available",
        "reason": "correction",
        "referenceDocumentUri": format!("gid://oms/StockPush/{batch_name}"),
        "changes": [{
            "inventoryItemId": item,
            "locationId": location,
            "delta": delta,
            "changeFromQuantity": null,
        }],
    });
    let data: wire::AdjustQuantitiesData = ch.gql.run(
        "inventoryAdjustQuantities",
        ADJUST,
        json!({ "input": input, "key": key }),
        Retry::Safe,
    )?;
    let errors = data
        .inventory_adjust_quantities
        .unwrap_or_default()
        .user_errors;
    if !errors.is_empty() {
        return Err(Refusal::Record(format!(
            "SKU `{}`: Shopify refused the change: {}",
            level.sku,
            user_errors(&errors)
        )));
    }
    Ok(None)
}

fn send(
    ch: &mut ShopifyChannel,
    batch_name: &str,
    level: &StockPublish,
    location: &str,
    item: &str,
    from: Option<i64>,
) -> Result<Vec<wire::UserError>, HttpError> {
    let key = idempotency_key(batch_name, &level.sku, location, from, level.available);
    let input = json!({
        "name": "available",
        "reason": "correction",
        "referenceDocumentUri": format!("gid://oms/StockPush/{batch_name}"),
        "quantities": [{
            "inventoryItemId": item,
            "locationId": location,
            "quantity": level.available,
            "changeFromQuantity": from,
        }],
    });
    // The key makes a resend of the same request harmless, so lost answers are retried.
    let data: wire::SetQuantitiesData = ch.gql.run(
        "inventorySetQuantities",
        SET,
        json!({ "input": input, "key": key }),
        Retry::Safe,
    )?;
    Ok(data
        .inventory_set_quantities
        .unwrap_or_default()
        .user_errors)
}

/// The same request always gets the same key; any other request another.
pub fn idempotency_key(
    batch_name: &str,
    sku: &str,
    location: &str,
    from: Option<i64>,
    quantity: i64,
) -> String {
    let digest = of_json(&(
        batch_name,
        sku_key(sku),
        legacy_id(location),
        from,
        quantity,
    ));
    format!("oms-{batch_name}-{digest}")
}

/// SKU key → the item for each level at `location`: remembered ids the shop confirms,
/// then a search by SKU for the rest.
fn look_up(
    ch: &mut ShopifyChannel,
    location: &str,
    levels: &[&StockPublish],
) -> anyhow::Result<HashMap<String, Result<Item, String>>> {
    let mut found: HashMap<String, Result<Item, String>> = HashMap::new();
    let known: Vec<(String, String)> = levels
        .iter()
        .filter_map(|l| {
            let id = legacy_id(l.remote_id.as_deref()?.trim());
            id.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| (sku_key(&l.sku), format!("gid://shopify/InventoryItem/{id}")))
        })
        .filter(|(_, id)| !id.ends_with('/'))
        .collect();
    for chunk in known.chunks(IDS_PER_CHECK) {
        let ids: Vec<&str> = chunk.iter().map(|(_, id)| id.as_str()).collect();
        let data: wire::ItemsData = ch.gql.run(
            "nodes",
            BY_ID,
            json!({ "ids": ids, "location": location }),
            Retry::Safe,
        )?;
        for item in data.nodes.into_iter().flatten() {
            let Some(key) = text(&item.sku).map(|s| sku_key(&s)) else {
                continue;
            };
            if chunk.iter().any(|(k, id)| *k == key && *id == item.id) {
                found.insert(key, Ok(to_item(&item)));
            }
        }
        for (key, id) in chunk {
            if !found.contains_key(key) {
                tracing::info!(
                    "channel `{}`: inventory item {} no longer carries SKU `{key}`; looking the SKU up again",
                    ch.code,
                    legacy_id(id)
                );
            }
        }
    }
    let mut unknown: Vec<String> = levels
        .iter()
        .map(|l| l.sku.trim().to_string())
        .filter(|sku| !found.contains_key(&sku_key(sku)))
        .collect();
    unknown.dedup();
    for chunk in unknown.chunks(SKUS_PER_SEARCH) {
        let query = chunk
            .iter()
            .map(|sku| format!("sku:\"{}\"", sku.replace(['"', '\\'], "")))
            .collect::<Vec<_>>()
            .join(" OR ");
        let data: wire::VariantsData = ch.gql.run(
            "productVariants",
            BY_SKU,
            json!({ "query": query, "location": location }),
            Retry::Safe,
        )?;
        // The search matches loosely; only exact SKUs count.
        let mut by_sku: HashMap<String, Vec<Item>> = HashMap::new();
        for v in &data.product_variants.nodes {
            let (Some(sku), Some(item)) = (text(&v.sku), &v.inventory_item) else {
                continue;
            };
            let list = by_sku.entry(sku_key(&sku)).or_default();
            if !list.iter().any(|i| i.id == item.id) {
                list.push(to_item(item));
            }
        }
        for sku in chunk {
            let key = sku_key(sku);
            let answer = match by_sku.remove(&key).unwrap_or_default().as_slice() {
                [] => Err("SKU not in the shop".to_string()),
                [one] => Ok(one.clone()),
                many => Err(format!(
                    "SKU is on {} variants in the shop; oms cannot tell which one to set",
                    many.len()
                )),
            };
            found.insert(key, answer);
        }
    }
    Ok(found)
}

fn to_item(item: &wire::InventoryItem) -> Item {
    Item {
        id: item.id.clone(),
        available: item.inventory_level.as_ref().and_then(|l| l.available()),
    }
}

/// The item's `available` at `location` now.
fn read_one(ch: &mut ShopifyChannel, location: &str, item: &str) -> Result<Option<i64>, HttpError> {
    let data: wire::ItemsData = ch.gql.run(
        "nodes",
        BY_ID,
        json!({ "ids": [item], "location": location }),
        Retry::Safe,
    )?;
    Ok(data
        .nodes
        .into_iter()
        .flatten()
        .find(|i| i.id == item)
        .and_then(|i| i.inventory_level.and_then(|l| l.available())))
}

/// The shop's one active location, for channels that leave `location_id` out.
fn only_location(ch: &mut ShopifyChannel) -> anyhow::Result<String> {
    let data: wire::LocationsData = ch.gql.run("locations", LOCATIONS, json!({}), Retry::Safe)?;
    let active: Vec<&wire::Location> = data
        .locations
        .nodes
        .iter()
        .filter(|l| l.is_active.unwrap_or(true))
        .collect();
    match active.as_slice() {
        [one] => Ok(legacy_id(&one.id).to_string()),
        many => anyhow::bail!(
            "sales channel `{}`: the shop has {} active locations; set `location_id` to one of: {}",
            ch.code,
            many.len(),
            many.iter()
                .map(|l| format!(
                    "{} ({})",
                    legacy_id(&l.id),
                    l.name.as_deref().unwrap_or("?")
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_request_gets_the_same_key_and_another_request_another() {
        let key =
            |from, qty| idempotency_key("stock-1", "TEE-1", "gid://shopify/Location/9", from, qty);
        assert_eq!(key(Some(3), 5), key(Some(3), 5));
        assert_eq!(
            key(Some(3), 5),
            idempotency_key("stock-1", " tee-1 ", "9", Some(3), 5),
            "SKU case and id form do not matter"
        );
        assert_ne!(key(Some(3), 5), key(Some(4), 5));
        assert_ne!(key(Some(3), 5), key(None, 5));
        assert_ne!(
            key(Some(3), 5),
            idempotency_key("stock-2", "TEE-1", "9", Some(3), 5)
        );
        assert!(key(None, 1).starts_with("oms-stock-1-"));
    }
}
