//! The `shopify` sales channel: Shopify's GraphQL Admin API, authenticated with a Dev
//! Dashboard app's client credentials or a legacy admin-created app's token
//! (docs/connectors.md). Orders come in by `updated_at` with cursor pages, fulfilments go
//! back through fulfillment orders, stock is set per location compare-and-swap, products
//! are read and written (`productSet`).

mod bulk;
mod bulk_read;
mod check;
mod fulfill;
mod fulfill_input;
mod graphql;
mod inventory;
mod orders;
mod orders_wire;
mod products;
mod returns;
mod wire;

pub use graphql::{ThrottleStatus, legacy_id, throttle_wait};
pub use inventory::idempotency_key;
pub use orders_wire::bulk_orders_query;

use super::http::{Auth, HttpClient, Pacing};
use super::{ProductsWritten, SalesChannel, Sent, Sink};
use crate::config::{Channel, ChannelKind};
use crate::model::catalog::{CatalogEntry, ProductIn};
use crate::model::order::OrderIn;
use crate::model::shipment::{OrderUpdate, StockPublish};
use crate::model::shop_returns::{ShopReturnIn, ShopReturnReport};
use graphql::{Credentials, Gql};

/// The Admin API version used when the config names none.
pub const DEFAULT_API_VERSION: &str = "2026-10";

pub struct ShopifyChannel {
    code: String,
    gql: Gql,
    api_version: String,
    notify_customer: bool,
    /// The location stock is pushed to (`location_id` in config).
    location_id: Option<String>,
    include_test_orders: bool,
    /// Whether `channels check` asks for the returns scope.
    import_returns: bool,
    /// When orders are read through a bulk operation instead of pages.
    bulk: bulk::Settings,
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
        let auth = Auth {
            header: "x-shopify-access-token",
            prefix: "",
        };
        // GraphQL is paced by its cost bucket (graphql.rs), not by request counts.
        let (http, credentials) = match (&config.client_id, &config.client_secret_value) {
            (Some(id), Some(secret)) => (
                HttpClient::without_token(code, config, &base, auth, Pacing::None)?,
                Credentials::ClientCredentials {
                    client_id: id.trim().to_string(),
                    client_secret: secret.clone(),
                    renew_at: None,
                },
            ),
            _ => (
                HttpClient::new(code, config, &base, auth, Pacing::None)?,
                Credentials::Token,
            ),
        };
        Ok(ShopifyChannel {
            code: code.to_string(),
            gql: Gql::new(http, credentials),
            api_version,
            notify_customer: config.notify_customer.unwrap_or(false),
            location_id: config.location_id.clone(),
            include_test_orders: config.include_test_orders.unwrap_or(false),
            import_returns: config.import_returns.unwrap_or(false),
            bulk: bulk::Settings::new(config),
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
        // Not a recorded batch: the keys only protect this call's own retries.
        let name = format!("direct-{}", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
        inventory::push(self, &name, levels)
    }

    fn push_stock_batch(
        &mut self,
        batch: &str,
        levels: &[StockPublish],
    ) -> anyhow::Result<Vec<Sent>> {
        inventory::push(self, batch, levels)
    }

    fn list_products(&mut self, sink: Sink<ProductIn>) -> anyhow::Result<()> {
        products::fetch(self, sink)
    }

    fn write_products(&mut self, entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
        Ok(products::write(self, entries, false)?.sent)
    }

    /// `productSet` is keyed by handle, so a resend of the same batch updates the same
    /// products: the batch name is not needed.
    fn write_catalog(
        &mut self,
        _batch: &str,
        entries: &[CatalogEntry],
        prune: bool,
    ) -> anyhow::Result<ProductsWritten> {
        products::write(self, entries, prune)
    }

    fn shop_returns(
        &mut self,
        watermark: Option<&str>,
        sink: Sink<ShopReturnIn>,
    ) -> anyhow::Result<Option<String>> {
        returns::fetch(self, watermark, sink)
    }

    fn report_return(&mut self, report: &ShopReturnReport) -> anyhow::Result<Sent> {
        returns::report(self, report)
    }

    fn check(&mut self) -> anyhow::Result<String> {
        check::check(self)
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
