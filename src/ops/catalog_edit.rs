//! `oms catalog edit`: change the given fields of one variant and its product.

use anyhow::Context;

use super::catalog_add::{BY_HAND, Change};
use crate::error::usage;
use crate::store::Store;
use crate::store::catalog::{Record, Saved, product_by_handle, record, save};

/// Applies the change to the variant found by SKU (case and surrounding spaces ignored).
/// With `product`, the variant moves to that product, which is created when new (taking
/// the current product's title unless one is given).
pub fn run(store: &mut Store, change: &Change) -> anyhow::Result<(Saved, Record)> {
    let tx = store.tx()?;
    let Some(current) = record(&tx, &change.sku)? else {
        let sku = change.sku.trim();
        return Err(usage(format!(
            "unknown SKU `{sku}`; add it with `oms catalog add --sku {sku} ...`"
        )));
    };
    let handle = match &change.product {
        Some(h) if h.trim().is_empty() => return Err(usage("--product is empty")),
        Some(h) => h.trim().to_string(),
        None => current.entry.product.handle.clone(),
    };
    let mut product = change.product_patch.clone();
    if product.title.is_none() && product_by_handle(&tx, &handle)?.is_none() {
        product.title = Some(current.entry.product.title.clone());
    }
    let sku = &current.entry.variant.sku;
    let saved = save(&tx, &handle, &product, sku, &change.variant_patch, BY_HAND)?;
    let edited = record(&tx, sku)?.context("the edited variant cannot be read back")?;
    tx.commit()?;
    Ok((saved, edited))
}
