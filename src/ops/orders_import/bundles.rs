//! The import's check of bundle lines (docs/bundles.md): a kit ships only if each of its
//! components can, so an order with a bundle whose component is not active is rejected.

use std::collections::HashMap;

use crate::model::order::OrderIn;
use crate::store::bundles::Component;

/// `ids` are the variants of the order's lines (from `Channel::check`); `bundles` every
/// bundle's components by bundle variant id. Returns the ids, or every reason to reject.
pub fn check(
    bundles: &HashMap<i64, Vec<Component>>,
    order: &OrderIn,
    ids: Vec<i64>,
) -> Result<Vec<i64>, Vec<String>> {
    if bundles.is_empty() {
        return Ok(ids);
    }
    let mut reasons = Vec::new();
    for (line, id) in order.lines.iter().zip(&ids) {
        let Some(components) = bundles.get(id) else {
            continue;
        };
        let at = if line.source.is_empty() {
            &order.source
        } else {
            &line.source
        };
        for c in components.iter().filter(|c| c.status != "active") {
            reasons.push(format!(
                "{at}: sku: bundle `{}` has the component {} ({} per kit), which is {} \
                 (not active): activate it or change the bundle",
                line.sku.trim(),
                c.sku,
                c.quantity,
                c.status
            ));
        }
    }
    if reasons.is_empty() {
        Ok(ids)
    } else {
        Err(reasons)
    }
}
