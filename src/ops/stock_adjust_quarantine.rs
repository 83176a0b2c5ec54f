//! `oms stock adjust --from-quarantine N [--dispose]`: returned units held aside in
//! `quarantine` (docs/returns.md) are released to on hand once a person has checked them,
//! or written off. Like any stock rise, a release retries backordered orders.

use serde::Serialize;

use super::backorders::{self, RetryReport};
use super::stock_adjust::MAX_QUANTITY;
use crate::config::Config;
use crate::error::usage;
use crate::model::StockReason;
use crate::store::Store;
use crate::store::catalog::find_variant;
use crate::store::stock::Reference;
use crate::store::stock::returns::{self as returning, ReturnMovement};

pub struct QuarantineOptions<'a> {
    pub warehouse: &'a str,
    pub sku: &'a str,
    pub quantity: i64,
    /// Write the units off instead of putting them on hand.
    pub dispose: bool,
    pub note: Option<&'a str>,
    pub dry_run: bool,
    pub cause: &'a str,
}

#[derive(Debug, Serialize, Default)]
pub struct Released {
    pub warehouse: String,
    pub sku: String,
    pub released: i64,
    pub disposed: i64,
    pub quarantine_after: i64,
    pub backorders: Option<RetryReport>,
}

pub fn run(store: &mut Store, config: &Config, o: &QuarantineOptions) -> anyhow::Result<Released> {
    if !config.is_physical(o.warehouse) {
        return Err(usage(format!(
            "--warehouse: `{}` is not a physical warehouse (one of: {})",
            o.warehouse,
            config.warehouses_by_priority().join(", ")
        )));
    }
    if !(1..=MAX_QUANTITY).contains(&o.quantity) {
        return Err(usage(format!(
            "--from-quarantine: must be between 1 and {MAX_QUANTITY}, got {}",
            o.quantity
        )));
    }
    let tx = store.tx()?;
    let variant = find_variant(&tx, o.sku)?
        .ok_or_else(|| usage(format!("--sku: unknown SKU `{}`", o.sku)))?;
    let (_, held) = returning::level(&tx, o.warehouse, variant.id)?;
    if held < o.quantity {
        anyhow::bail!(
            "only {held} × {} in quarantine at {}; {} asked",
            variant.sku,
            o.warehouse,
            o.quantity
        );
    }
    let (on_hand, reason) = if o.dispose {
        (0, StockReason::QuarantineDisposed)
    } else {
        (o.quantity, StockReason::QuarantineReleased)
    };
    returning::apply(
        &tx,
        &ReturnMovement {
            warehouse: o.warehouse,
            variant_id: variant.id,
            on_hand,
            returning: 0,
            quarantine: -o.quantity,
            reason,
            reference: Reference {
                kind: Some("adjustment"),
                note: o.note,
                ..Reference::default()
            },
        },
    )?;
    let raised = [(o.warehouse.to_string(), variant.id)];
    let backorders = if on_hand > 0 {
        backorders::retry_raised(config, &tx, None, o.cause, &raised)?
    } else {
        None
    };
    if !o.dry_run {
        tx.commit()?;
    }
    Ok(Released {
        warehouse: o.warehouse.to_string(),
        sku: variant.sku,
        released: on_hand,
        disposed: o.quantity - on_hand,
        quarantine_after: held - o.quantity,
        backorders,
    })
}
