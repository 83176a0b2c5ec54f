//! Stock on hand per fulfillment center: `GET inventory-level/locations`, cursor-paged.
//! Only the fulfillment centers of warehouses this channel serves are reported (when any
//! warehouse names its `location_id`): stock elsewhere in the account is not oms's.
//! All pages together are one snapshot (one source): a SKU missing from one page is on
//! another, so a page alone must never be taken for the whole.

use super::wire::{self, text};
use super::{ShipbobChannel, too_many_pages};
use crate::connectors::{Fetched, Sink};
use crate::crashpoint::{self, Point};
use crate::model::shipment::StockCount;

const FLOW: &str = "stock-sync";

pub(super) fn counts(ch: &mut ShipbobChannel, sink: Sink<StockCount>) -> anyhow::Result<()> {
    let mut next = Some("inventory-level/locations?PageSize=250".to_string());
    let mut pages = 0;
    let mut snapshot = None;
    while let Some(endpoint) = next.take() {
        pages += 1;
        too_many_pages(&ch.code, pages)?;
        if pages > 1 {
            crashpoint::hit(FLOW, Point::BetweenPages);
        }
        let reply = ch.http.get(&endpoint)?;
        let page: wire::Paged<wire::InventoryByLocation> = wire::decode(&reply, &ch.code)?;
        next = page.next.filter(|n| !n.trim().is_empty() && *n != endpoint);
        let source = reply.endpoint().to_string();
        for item in &page.items {
            for count in item_counts(item, &source, &ch.locations) {
                sink(Fetched::Record(count))?;
            }
        }
        snapshot.get_or_insert(source);
    }
    match snapshot {
        Some(source) => sink(Fetched::SourceDone { source }),
        None => Ok(()),
    }
}

fn item_counts(item: &wire::InventoryByLocation, page: &str, wanted: &[String]) -> Vec<StockCount> {
    let source = format!("{page} inventory {}", item.inventory_id);
    let sku = text(&item.sku);
    item.locations
        .iter()
        .filter(|l| {
            wanted.is_empty() || wanted.iter().any(|w| w.trim() == l.location_id.to_string())
        })
        .map(|l| {
            let mut problems = Vec::new();
            if sku.is_none() {
                problems.push(format!("{source}: sku: empty"));
            }
            if l.on_hand_quantity < 0 {
                problems.push(format!(
                    "{source}: on_hand_quantity: {} is negative",
                    l.on_hand_quantity
                ));
            }
            StockCount {
                location: l.location_id.to_string(),
                sku: sku.clone().unwrap_or_default(),
                on_hand: l.on_hand_quantity,
                source: source.clone(),
                problems,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_wanted_location() {
        let item: wire::InventoryByLocation = serde_json::from_str(
            r#"{"inventory_id":7,"sku":"TEE-1","locations":[
                {"location_id":10,"on_hand_quantity":5},{"location_id":11,"on_hand_quantity":3}]}"#,
        )
        .unwrap();
        let all = item_counts(&item, "p", &[]);
        assert_eq!(all.len(), 2);
        let one = item_counts(&item, "p", &["11".to_string()]);
        assert_eq!(
            (one.len(), one[0].location.as_str(), one[0].on_hand),
            (1, "11", 3)
        );
        assert_eq!(one[0].source, "p inventory 7");
    }
}
