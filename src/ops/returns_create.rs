//! `oms returns create`: an RMA for units an order shipped (docs/returns.md). Created
//! whole or not at all: every problem is named at once (exit 2). Its units become
//! `returning` stock of its warehouse, recorded in the ledger like a PO's `incoming`.

use std::collections::HashSet;

use anyhow::Context;
use rusqlite::Connection;

use super::returns_exchange;
use crate::config::Config;
use crate::error::usage;
use crate::model::returns::{LineArg, ReturnReason, check_returnable};
use crate::model::{StockReason, sku_key};
use crate::store::Store;
use crate::store::orders;
use crate::store::returns::{self, NewReturn, ReturnDetail};
use crate::store::stock::Reference;
use crate::store::stock::returns::{self as returning, ReturnMovement};
use crate::store::{bundles, catalog};

pub struct CreateOptions<'a> {
    pub order_id: i64,
    pub lines: &'a [LineArg],
    /// Problems found while reading the `--line` values, named with the rest.
    pub line_problems: &'a [String],
    pub reason: ReturnReason,
    pub warehouse: Option<&'a str>,
    pub note: Option<&'a str>,
    /// `--exchange SKU=QTY[@PRICE]`: what to send instead (slice of the exchange order).
    pub exchange: &'a [returns_exchange::ExchangeLine],
    pub dry_run: bool,
    pub cause: &'a str,
}

pub fn run(store: &mut Store, config: &Config, o: &CreateOptions) -> anyhow::Result<ReturnDetail> {
    let mut problems = o.line_problems.to_vec();
    if o.lines.is_empty() && o.line_problems.is_empty() {
        problems.push("an RMA needs at least one line (--line SKU=QTY)".to_string());
    }
    let tx = store.tx()?;
    if orders::detail(&tx, o.order_id)?.is_none() {
        return Err(usage(format!("--order: there is no order {}", o.order_id)));
    }
    let warehouse = match o.warehouse {
        Some(code) => {
            if !config.is_physical(code) {
                problems.push(format!(
                    "--warehouse: `{code}` is not a physical warehouse (one of: {})",
                    config.warehouses_by_priority().join(", ")
                ));
            }
            Some(code.to_string())
        }
        None => returns::shipped_from(&tx, o.order_id)?,
    };
    let lines = check_lines(&tx, o.order_id, o.lines, &mut problems)?;
    let exchange = returns_exchange::resolve(&tx, o.exchange, &mut problems)?;
    let Some(warehouse) = warehouse else {
        problems.push(format!(
            "--warehouse: order {} was not shipped from any warehouse here; name the one receiving the goods",
            o.order_id
        ));
        return Err(usage(problems.join("\n")));
    };
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    let note = o.note.map(str::trim).filter(|n| !n.is_empty());
    let new = NewReturn {
        order_id: o.order_id,
        warehouse: &warehouse,
        reason: o.reason.as_str(),
        note,
        lines: &lines,
    };
    let (id, number) = insert(&tx, &new, o.cause)?;
    if !exchange.is_empty() {
        let order = returns_exchange::create(&tx, config, o.order_id, &number, &exchange, o.cause)?;
        returns::set_exchange(&tx, id, order)?;
    }
    let head = returns::find(&tx, &number)?
        .with_context(|| format!("{number} vanished right after it was created"))?;
    let detail = returns::detail(&tx, &head)?;
    if !o.dry_run {
        tx.commit()?;
    }
    Ok(detail)
}

/// Stores a checked RMA and makes its units `returning` stock of its warehouse, in the
/// caller's transaction. Returns (id, number).
pub(crate) fn insert(
    conn: &Connection,
    new: &NewReturn,
    cause: &str,
) -> anyhow::Result<(i64, String)> {
    let (id, number) = returns::create(conn, new, cause)?;
    for (variant_id, quantity) in new.lines {
        returning::apply(
            conn,
            &ReturnMovement {
                warehouse: new.warehouse,
                variant_id: *variant_id,
                on_hand: 0,
                returning: *quantity,
                quarantine: 0,
                reason: StockReason::ReturnOpened,
                reference: Reference {
                    kind: Some("return"),
                    id: Some(&number),
                    ..Reference::default()
                },
            },
        )?;
    }
    Ok((id, number))
}

/// Resolves the lines to variants and checks each against what the order shipped, less
/// what its other RMAs claim. A bundle comes back as its components (a kit has no stock of
/// its own): `KIT-1=2` is two kits' worth of each component, each checked like a line of
/// its own. Returns (variant id, quantity) of the good lines, one per variant.
pub(crate) fn check_lines(
    conn: &Connection,
    order_id: i64,
    specs: &[LineArg],
    problems: &mut Vec<String>,
) -> anyhow::Result<Vec<(i64, i64)>> {
    let shipped = returns::shipped_by_variant(conn, order_id)?;
    let shipped_of = |variant_id: i64| {
        shipped
            .iter()
            .find(|(id, _)| *id == variant_id)
            .map_or(0, |(_, q)| *q)
    };
    let mut seen = HashSet::new();
    let mut lines: Vec<(i64, i64)> = Vec::new();
    for s in specs {
        if !seen.insert(sku_key(&s.sku)) {
            problems.push(format!("{}: sku: `{}` is given twice", s.origin, s.sku));
            continue;
        }
        let Some(v) = catalog::find_variant(conn, &s.sku)? else {
            problems.push(format!("{}: sku: unknown SKU `{}`", s.origin, s.sku));
            continue;
        };
        let components = bundles::components(conn, v.id)?;
        let wanted: Vec<(i64, String, Option<i64>)> = if components.is_empty() {
            vec![(v.id, v.sku.clone(), Some(s.quantity))]
        } else {
            components
                .iter()
                .map(|c| {
                    (
                        c.variant_id,
                        c.sku.clone(),
                        s.quantity.checked_mul(c.quantity),
                    )
                })
                .collect()
        };
        for (variant_id, sku, quantity) in wanted {
            let Some(quantity) = quantity else {
                problems.push(format!("{}: quantity: too large", s.origin));
                continue;
            };
            let taken = lines
                .iter()
                .find(|(id, _)| *id == variant_id)
                .map_or(0, |(_, q)| *q);
            let claimed = returns::claimed(conn, order_id, variant_id)?;
            let of_kit = (!components.is_empty()).then(|| format!(" (of bundle {})", v.sku));
            match check_returnable(
                order_id,
                &sku,
                shipped_of(variant_id),
                &claimed,
                taken + quantity,
            ) {
                Ok(()) => match lines.iter_mut().find(|(id, _)| *id == variant_id) {
                    Some(line) => line.1 += quantity,
                    None => lines.push((variant_id, quantity)),
                },
                Err(why) => {
                    problems.push(format!("{}: {why}{}", s.origin, of_kit.unwrap_or_default()))
                }
            }
        }
    }
    Ok(lines)
}
