//! Products in: `GET products.json?limit=250` with `Link` pages, one catalog entry per
//! variant. Writing products to Shopify is not supported (the trait's default answers
//! so): Shopify is where merchants edit products, so oms only reads them.

use super::ShopifyChannel;
use super::wire::{self, text};
use crate::connectors::http::next_link;
use crate::connectors::{Fetched, Sink};
use crate::model::catalog::{
    CatalogEntry, DEFAULT_OPTION, Product, ProductIn, ProductStatus, Variant, handle_from,
};
use crate::model::parse_cents;

pub(super) fn fetch(ch: &mut ShopifyChannel, sink: Sink<ProductIn>) -> anyhow::Result<()> {
    let mut next = Some("products.json?limit=250".to_string());
    while let Some(endpoint) = next.take() {
        let reply = ch.gql.http.get(&endpoint)?;
        let page: wire::ProductsPage = reply.json()?;
        next = next_link(&reply.headers);
        let source = reply.endpoint().to_string();
        for p in &page.products {
            for entry in entries(p, &source) {
                sink(Fetched::Record(ProductIn {
                    entry,
                    source: source.clone(),
                    problems: Vec::new(),
                }))?;
            }
        }
        sink(Fetched::SourceDone { source })?;
    }
    Ok(())
}

/// The variants of one product that have a SKU; the others cannot be stocked or
/// shipped by oms, so they are left out with a warning.
fn entries(p: &wire::Product, source: &str) -> Vec<CatalogEntry> {
    let title = text(&p.title).unwrap_or_else(|| format!("Product {}", p.id));
    let product = Product {
        handle: text(&p.handle).unwrap_or_else(|| handle_from(&title)),
        title,
        vendor: text(&p.vendor),
        product_type: text(&p.product_type),
        tags: text(&p.tags),
        description: text(&p.body_html),
        status: p
            .status
            .as_deref()
            .and_then(|s| ProductStatus::parse(s).ok())
            .unwrap_or_default(),
    };
    let option = |o: &Option<String>| text(o).filter(|v| v != DEFAULT_OPTION);
    p.variants
        .iter()
        .filter_map(|v| {
            let Some(sku) = text(&v.sku) else {
                tracing::warn!(
                    "{source}: product `{}` variant {} has no SKU; not imported",
                    product.handle,
                    v.id
                );
                return None;
            };
            Some(CatalogEntry {
                product: product.clone(),
                variant: Variant {
                    sku,
                    title: option(&v.title),
                    options: [option(&v.option1), option(&v.option2), option(&v.option3)],
                    barcode: text(&v.barcode),
                    price_cents: text(&v.price).and_then(|p| parse_cents(&p).ok()),
                    weight_grams: v.grams,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_become_entries_and_placeholders_vanish() {
        let p: wire::Product = serde_json::from_str(
            r#"{"id":1,"title":"Hat","handle":"hat","status":"draft","tags":"a, b",
                "variants":[{"id":2,"sku":"HAT-1","title":"Default Title","option1":"Default Title",
                             "price":"17.99","grams":72,"barcode":"0123"},
                            {"id":3,"sku":null,"title":"Other"}]}"#,
        )
        .unwrap();
        let list = entries(&p, "products.json");
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
