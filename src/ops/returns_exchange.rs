//! `oms returns create --exchange SKU=QTY[@PRICE]`: what the customer gets instead, as a
//! new order in channel `manual`, already approved (the RMA is the authorization), to the
//! original order's address and shipped like any order. Its lines cost nothing unless a
//! price is given: the customer paid for the goods coming back, and refunds stay in the shop.

use rusqlite::Connection;

use super::order_edit::{self, Approval, ManualOrder};
use super::po_lines::LineSpec;
use crate::config::Config;
use crate::model::order::Address;
use crate::store::{catalog, orders, returns};

/// One `--exchange` value, parsed as PO lines are (`SKU=QTY@PRICE`).
pub type ExchangeLine = LineSpec;

/// Checks the exchange lines against the catalog, naming each problem; returns the good ones.
pub fn resolve<'a>(
    conn: &Connection,
    specs: &'a [ExchangeLine],
    problems: &mut Vec<String>,
) -> anyhow::Result<Vec<&'a ExchangeLine>> {
    let mut good = Vec::new();
    for s in specs {
        let origin = s.origin.replacen("--line", "--exchange", 1);
        if s.quantity < 1 {
            problems.push(format!(
                "{origin}: quantity: must be more than 0, got {}",
                s.quantity
            ));
        } else if catalog::find_variant(conn, &s.sku)?.is_none() {
            problems.push(format!("{origin}: sku: unknown SKU `{}`", s.sku));
        } else {
            good.push(s);
        }
    }
    Ok(good)
}

/// Creates the approved exchange order for RMA `number` of `order_id` in the caller's
/// transaction and returns its id.
pub fn create(
    conn: &Connection,
    config: &Config,
    order_id: i64,
    number: &str,
    lines: &[&ExchangeLine],
    cause: &str,
) -> anyhow::Result<i64> {
    let original = orders::detail(conn, order_id)?
        .ok_or_else(|| anyhow::anyhow!("order {order_id} vanished while its RMA was created"))?;
    let no_ship_to = [
        &original.ship_name,
        &original.ship_address1,
        &original.ship_country,
    ]
    .iter()
    .any(|v| v.as_deref().is_none_or(|s| s.trim().is_empty()));
    let order = ManualOrder {
        no_ship_to,
        lines: lines.iter().map(|l| (l.sku.clone(), l.quantity)).collect(),
        customer_name: original.customer_name,
        email: original.email,
        phone: original.phone,
        ship_to: Address {
            name: original.ship_name,
            company: original.ship_company,
            address1: original.ship_address1,
            address2: original.ship_address2,
            city: original.ship_city,
            province: original.ship_province,
            zip: original.ship_zip,
            country: original.ship_country,
            phone: None,
        },
        warehouse: None,
        carrier_service: original.carrier_service,
        note: Some(format!("exchange for {number} (order {order_id})")),
        cancel_after: None,
    };
    let (id, _) = order_edit::create(conn, config, &order, cause)?;
    // The catalog price order_edit put on each line is replaced by the given one, or 0.
    let prices: Vec<i64> = lines
        .iter()
        .map(|l| l.unit_cost_cents.unwrap_or(0))
        .collect();
    returns::price_exchange(conn, id, &prices)?;
    match order_edit::approve(conn, id, cause)? {
        Approval::Approved => Ok(id),
        Approval::Refused(why) => anyhow::bail!("the exchange order for {number}: {why}"),
    }
}
