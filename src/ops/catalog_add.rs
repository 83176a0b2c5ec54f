//! `oms catalog add`: one new variant, and its product when the handle is new.

use anyhow::Context;

use crate::error::usage;
use crate::model::catalog::{ProductPatch, VariantPatch, handle_from};
use crate::store::Store;
use crate::store::catalog::{Record, Stamp, find_variant, product_by_handle, record, save};

/// What a person typed: the SKU, optionally the product's handle, and the fields given.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub sku: String,
    pub product: Option<String>,
    pub product_patch: ProductPatch,
    pub variant_patch: VariantPatch,
}

/// Changes typed by hand: they are oms's own and stamped as manual edits.
pub(crate) const BY_HAND: Stamp = Stamp {
    source: "oms",
    manual: true,
};

/// Creates the variant. A SKU that exists in any spelling is refused (exit 2).
pub fn run(store: &mut Store, change: &Change) -> anyhow::Result<Record> {
    let sku = change.sku.trim();
    if sku.is_empty() {
        return Err(usage("--sku is empty"));
    }
    let tx = store.tx()?;
    if let Some(existing) = find_variant(&tx, sku)? {
        return Err(usage(format!(
            "SKU `{sku}` already exists (as `{0}`; SKUs ignore case and surrounding spaces); \
             change it with `oms catalog edit --sku {0} ...`",
            existing.sku
        )));
    }
    let handle = match &change.product {
        Some(h) if h.trim().is_empty() => return Err(usage("--product is empty")),
        Some(h) => h.trim().to_string(),
        None => change
            .product_patch
            .title
            .as_deref()
            .map(handle_from)
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| handle_from(sku)),
    };
    if handle.is_empty() {
        return Err(usage(format!(
            "cannot make a product handle from `{sku}`; pass --product HANDLE"
        )));
    }
    let mut product = change.product_patch.clone();
    if product.title.is_none() && product_by_handle(&tx, &handle)?.is_none() {
        product.title = Some(sku.to_string());
    }
    save(&tx, &handle, &product, sku, &change.variant_patch, BY_HAND)?;
    let created = record(&tx, sku)?.context("the new variant cannot be read back")?;
    tx.commit()?;
    Ok(created)
}
