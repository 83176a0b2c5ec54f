//! The `shopify` sales channel: Shopify's Admin REST API with a custom app's access token
//! (docs/connectors.md). Orders come in by `updated_at` with cursor pages, fulfilments go
//! back through fulfillment orders, stock is set per location, products can be read.

mod fulfill;
mod inventory;
mod orders;
mod products;
mod wire;

use std::collections::HashMap;

use super::http::{Auth, HttpClient, Pacing};
use super::{SalesChannel, Sent, Sink};
use crate::config::{Channel, ChannelKind};
use crate::model::catalog::ProductIn;
use crate::model::order::OrderIn;
use crate::model::shipment::{OrderUpdate, StockPublish};

/// The Admin API version used when the config names none.
pub const DEFAULT_API_VERSION: &str = "2025-10";

pub struct ShopifyChannel {
    code: String,
    http: HttpClient,
    api_version: String,
    /// The location stock is pushed to (`location_id` in config).
    location_id: Option<String>,
    include_test_orders: bool,
    /// SKU key → inventory item ids, read once per run when stock is first pushed.
    inventory_items: Option<HashMap<String, Vec<i64>>>,
}

impl ShopifyChannel {
    pub fn new(code: &str, config: &Channel) -> anyhow::Result<ShopifyChannel> {
        let api_version = config
            .api_version
            .clone()
            .unwrap_or_else(|| DEFAULT_API_VERSION.to_string());
        let root = match (&config.base_url, &config.shop) {
            (Some(url), _) => url.get_ref().trim_end_matches('/').to_string(),
            (None, Some(shop)) => format!("https://{}", shop_domain(code, shop)?),
            (None, None) => anyhow::bail!(
                "sales channel `{code}`: a `shopify` channel needs `shop` (e.g. example.myshopify.com)"
            ),
        };
        let base = format!("{root}/admin/api/{api_version}");
        let http = HttpClient::new(
            code,
            config,
            &base,
            Auth {
                header: "x-shopify-access-token",
                prefix: "",
            },
            Pacing::ShopifyBucket,
        )?;
        Ok(ShopifyChannel {
            code: code.to_string(),
            http,
            api_version,
            location_id: config.location_id.clone(),
            include_test_orders: config.include_test_orders.unwrap_or(false),
            inventory_items: None,
        })
    }
}

/// `example.myshopify.com` from what people paste: a bare domain or the shop's URL.
fn shop_domain(code: &str, shop: &str) -> anyhow::Result<String> {
    let domain = shop
        .trim()
        .trim_start_matches("https://")
        .trim_end_matches('/');
    if domain.is_empty()
        || domain.contains(['/', ' ', '?', '#', '@'])
        || domain.starts_with("http:")
    {
        anyhow::bail!(
            "sales channel `{code}`: shop `{shop}` is not a shop domain (e.g. example.myshopify.com)"
        );
    }
    Ok(domain.to_string())
}

impl SalesChannel for ShopifyChannel {
    fn code(&self) -> &str {
        &self.code
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Shopify
    }

    fn fetch_orders(
        &mut self,
        watermark: Option<&str>,
        sink: Sink<OrderIn>,
    ) -> anyhow::Result<Option<String>> {
        orders::fetch(self, watermark, sink)
    }

    fn export_orders(&mut self, updates: &[OrderUpdate]) -> anyhow::Result<Vec<Sent>> {
        fulfill::export(self, updates)
    }

    fn push_stock(&mut self, levels: &[StockPublish]) -> anyhow::Result<Vec<Sent>> {
        inventory::push(self, levels)
    }

    fn list_products(&mut self, sink: Sink<ProductIn>) -> anyhow::Result<()> {
        products::fetch(self, sink)
    }

    fn check(&mut self) -> anyhow::Result<String> {
        // A check wants a prompt answer, not a patient one.
        let retries = self.http.max_retries();
        self.http.set_max_retries(retries.min(1));
        let reply = self.http.get("shop.json");
        self.http.set_max_retries(retries);
        let s = reply?.json::<wire::ShopOne>()?.shop;
        Ok(format!(
            "shop {} ({}), plan {}, API {}",
            s.name.as_deref().unwrap_or("?"),
            s.myshopify_domain.as_deref().unwrap_or("?"),
            s.plan_name.as_deref().unwrap_or("?"),
            self.api_version
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shop_domains_are_taken_from_urls_too() {
        assert_eq!(
            shop_domain("s", "a.myshopify.com").unwrap(),
            "a.myshopify.com"
        );
        assert_eq!(
            shop_domain("s", "https://a.myshopify.com/").unwrap(),
            "a.myshopify.com"
        );
        assert!(shop_domain("s", "http://a.myshopify.com").is_err());
        assert!(shop_domain("s", "a.myshopify.com/admin").is_err());
        assert!(shop_domain("s", " ").is_err());
    }
}
