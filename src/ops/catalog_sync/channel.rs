//! A channel in whichever role it has, as catalog sync needs it, and the channel's names
//! for our SKUs.

use std::collections::{BTreeMap, HashMap};

use crate::config::{self, Config};
use crate::connectors::{self, FulfillmentChannel, SalesChannel, Sink};
use crate::formats::bundles::BundleRow;
use crate::model::catalog::{CatalogEntry, ProductIn};
use crate::model::sku_key;

/// Which table of the config a channel is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Sales,
    Fulfillment,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Sales => "sales",
            Role::Fulfillment => "fulfillment",
        }
    }
}

/// Every configured channel with its role, sales channels first, each table in code order.
pub(super) fn all(config: &Config) -> Vec<(Role, &str, &config::Channel)> {
    let sales = config
        .sales_channels
        .iter()
        .map(|(code, ch)| (Role::Sales, code.as_str(), ch));
    let fulfillment = config
        .fulfillment_channels
        .iter()
        .map(|(code, ch)| (Role::Fulfillment, code.as_str(), ch));
    sales.chain(fulfillment).collect()
}

/// The channel `code` names. A code may be both a sales and a fulfillment channel; the
/// sales channel wins, as documented for `catalog.master`.
pub(super) fn find<'c>(config: &'c Config, code: &str) -> Option<(Role, &'c config::Channel)> {
    config
        .sales_channels
        .get(code)
        .map(|ch| (Role::Sales, ch))
        .or_else(|| {
            config
                .fulfillment_channels
                .get(code)
                .map(|ch| (Role::Fulfillment, ch))
        })
}

/// An open connector in either role. The two traits name their acknowledgements
/// differently (orders came first on the sales side); catalog sync needs only these.
pub(super) enum Connector {
    Sales(Box<dyn SalesChannel>),
    Fulfillment(Box<dyn FulfillmentChannel>),
}

impl Connector {
    pub fn open(config: &Config, role: Role, code: &str) -> anyhow::Result<Connector> {
        Ok(match role {
            Role::Sales => Connector::Sales(connectors::sales(config, code)?),
            Role::Fulfillment => Connector::Fulfillment(connectors::fulfillment(config, code)?),
        })
    }

    pub fn list_products(&mut self, sink: Sink<ProductIn>) -> anyhow::Result<()> {
        match self {
            Connector::Sales(c) => c.list_products(sink),
            Connector::Fulfillment(c) => c.list_products(sink),
        }
    }

    pub fn list_bundles(&mut self, sink: Sink<BundleRow>) -> anyhow::Result<()> {
        match self {
            Connector::Sales(c) => c.list_bundles(sink),
            Connector::Fulfillment(c) => c.list_bundles(sink),
        }
    }

    pub fn write_products(
        &mut self,
        entries: &[CatalogEntry],
    ) -> anyhow::Result<Vec<connectors::Sent>> {
        match self {
            Connector::Sales(c) => c.write_products(entries),
            Connector::Fulfillment(c) => c.write_products(entries),
        }
    }

    /// Writes products as the recorded batch `batch`; a sales channel may also answer the
    /// variants it has and the catalog does not (see `SalesChannel::write_catalog`).
    pub fn write_catalog(
        &mut self,
        batch: &str,
        entries: &[CatalogEntry],
        prune: bool,
    ) -> anyhow::Result<connectors::ProductsWritten> {
        match self {
            Connector::Sales(c) => c.write_catalog(batch, entries, prune),
            Connector::Fulfillment(c) => Ok(connectors::ProductsWritten {
                sent: c.write_products_batch(batch, entries)?,
                unlisted: Vec::new(),
            }),
        }
    }

    /// No catalog record names its source, so where it moved to is not kept.
    pub fn ack(&mut self, source: &str) -> anyhow::Result<()> {
        match self {
            Connector::Sales(c) => c.ack_orders(source).map(drop),
            Connector::Fulfillment(c) => c.ack(source).map(drop),
        }
    }

    pub fn set_aside(&mut self, source: &str, reason: &str) -> anyhow::Result<()> {
        match self {
            Connector::Sales(c) => c.set_aside_orders(source, reason),
            Connector::Fulfillment(c) => c.set_aside(source, reason),
        }
    }
}

/// A channel's `sku_map` (channel SKU → oms SKU) in both directions.
pub(super) struct SkuNames {
    /// Channel SKU key → oms SKU.
    to_oms: HashMap<String, String>,
    /// oms SKU key → the channel SKUs mapped to it, in map order.
    to_channel: HashMap<String, Vec<String>>,
}

impl SkuNames {
    pub fn new(map: &BTreeMap<String, String>) -> SkuNames {
        let mut to_oms = HashMap::new();
        let mut to_channel: HashMap<String, Vec<String>> = HashMap::new();
        for (theirs, ours) in map {
            to_oms.insert(sku_key(theirs), ours.trim().to_string());
            to_channel
                .entry(sku_key(ours))
                .or_default()
                .push(theirs.trim().to_string());
        }
        SkuNames { to_oms, to_channel }
    }

    /// Our SKU for the channel's: mapped, or the channel's own when unmapped.
    pub fn to_oms<'a>(&'a self, channel_sku: &'a str) -> &'a str {
        self.to_oms
            .get(&sku_key(channel_sku))
            .map_or(channel_sku.trim(), String::as_str)
    }

    /// The channel's SKUs for ours: every channel SKU mapped to it, else our own —
    /// unless the map gives that name to another of our SKUs, when sending it would
    /// overwrite that one at the channel (then none).
    pub fn to_channel(&self, oms_sku: &str) -> Vec<String> {
        let key = sku_key(oms_sku);
        match self.to_channel.get(&key) {
            Some(theirs) => theirs.clone(),
            None if self.to_oms.contains_key(&key) => Vec::new(),
            None => vec![oms_sku.trim().to_string()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(pairs: &[(&str, &str)]) -> SkuNames {
        SkuNames::new(
            &pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        )
    }

    #[test]
    fn maps_both_ways_ignoring_case() {
        let n = names(&[
            ("SHOP-TEE", "TEE-1"),
            ("SHOP-TEE-2", "tee-1"),
            ("MUG", "MUG-1"),
        ]);
        assert_eq!(n.to_oms(" shop-tee "), "TEE-1");
        assert_eq!(n.to_oms(" CAP-1 "), "CAP-1", "unmapped: itself, trimmed");
        assert_eq!(n.to_channel("Tee-1"), ["SHOP-TEE", "SHOP-TEE-2"]);
        assert_eq!(n.to_channel("CAP-1"), ["CAP-1"]);
        assert!(
            n.to_channel("mug").is_empty(),
            "`MUG` at the channel is MUG-1, not mug"
        );
    }
}
