//! Deciding what a confirmation means for its shipment, before anything is written.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::model::shipment::{ConfirmedStatus, ShipmentConfirmation};
use crate::model::{ShipmentStatus, sku_key};
use crate::store::shipments::{self, ShipmentRow};

pub(super) enum Decision {
    Reject(Vec<String>),
    Unchanged(ShipmentRow, String),
    /// `None`: cancel (for a short shipment still open: close the rest); `Some(units)`:
    /// units shipped by this confirmation per shipment line, in line order.
    Apply(ShipmentRow, Option<Vec<i64>>),
}

pub(super) fn decide(
    conn: &Connection,
    channel: &str,
    sku_map: &HashMap<String, String>,
    c: &ShipmentConfirmation,
) -> anyhow::Result<Decision> {
    let mut reasons = c.problems.clone();
    let Some(shipment) = shipments::by_reference(conn, &c.reference)? else {
        reasons.push(format!(
            "{}: reference: unknown shipment `{}`",
            c.source, c.reference
        ));
        return Ok(Decision::Reject(reasons));
    };
    if shipment.fulfillment_channel != channel {
        reasons.push(format!(
            "{}: reference: shipment `{}` was sent to `{}`, not to `{channel}`",
            c.source, c.reference, shipment.fulfillment_channel
        ));
    }
    if !reasons.is_empty() {
        return Ok(Decision::Reject(reasons));
    }
    let status: ShipmentStatus = shipment.status.parse().map_err(anyhow::Error::msg)?;
    // Shipped short with the rest still allocated: later parcels may ship the rest.
    let rest_open = status == ShipmentStatus::ShortShipped && shipment.rest_open;
    let confirms_final = match c.status {
        ConfirmedStatus::Cancelled => status == ShipmentStatus::Cancelled,
        ConfirmedStatus::Shipped => {
            status == ShipmentStatus::Shipped
                || (status == ShipmentStatus::ShortShipped && !rest_open)
        }
    };
    if confirms_final {
        return Ok(Decision::Unchanged(shipment, format!("already {status}")));
    }
    if rest_open
        && c.status == ConfirmedStatus::Shipped
        && !c.tracking_numbers.is_empty()
        && c.tracking_numbers
            .iter()
            .all(|t| shipment.tracking_numbers.contains(t))
    {
        return Ok(Decision::Unchanged(
            shipment,
            "this parcel's tracking was already applied".into(),
        ));
    }
    if status.is_final() && !rest_open {
        reasons.push(format!(
            "{}: status: shipment `{}` is already {status}",
            c.source, c.reference
        ));
        return Ok(Decision::Reject(reasons));
    }
    if c.status == ConfirmedStatus::Cancelled {
        return Ok(Decision::Apply(shipment, None));
    }
    // Shipped: every reported SKU must be on the shipment, and no more units than were sent.
    let lines = shipments::lines(conn, shipment.id)?;
    let mut reported: Vec<(String, String, i64)> = Vec::new(); // (key, as written, units)
    for l in &c.lines {
        let key = sku_key(&l.sku);
        let key = sku_map.get(&key).map(|m| sku_key(m)).unwrap_or(key);
        match reported.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += l.quantity_shipped,
            None => reported.push((key, l.sku.clone(), l.quantity_shipped)),
        }
    }
    let mut shipped = vec![0i64; lines.len()];
    for (key, written, units) in &reported {
        let on_shipment: Vec<usize> = (0..lines.len())
            .filter(|i| sku_key(&lines[*i].sku) == *key)
            .collect();
        if on_shipment.is_empty() {
            let known = crate::store::catalog::find_variant(conn, written)?.is_some();
            reasons.push(if known {
                format!(
                    "{}: sku: `{written}` is not on shipment `{}`",
                    c.source, c.reference
                )
            } else {
                format!("{}: sku: unknown SKU `{written}`", c.source)
            });
            continue;
        }
        let sent: i64 = on_shipment.iter().map(|i| lines[*i].quantity).sum();
        let unshipped: i64 = on_shipment.iter().map(|i| lines[*i].unshipped()).sum();
        if *units > unshipped {
            reasons.push(if unshipped == sent {
                format!(
                    "{}: quantity_shipped: ships {units} of `{written}` but shipment `{}` carried {sent}",
                    c.source, c.reference
                )
            } else {
                format!(
                    "{}: quantity_shipped: ships {units} more of `{written}` but only {unshipped} of the {sent} on shipment `{}` are still to ship",
                    c.source, c.reference
                )
            });
            continue;
        }
        // Spread the units over the shipment's lines of this SKU, in order.
        let mut left = *units;
        for i in on_shipment {
            let take = left.min(lines[i].unshipped());
            shipped[i] = take;
            left -= take;
        }
    }
    if !reasons.is_empty() {
        return Ok(Decision::Reject(reasons));
    }
    if rest_open && shipped.iter().all(|u| *u == 0) {
        return Ok(Decision::Unchanged(
            shipment,
            "no more units shipped".into(),
        ));
    }
    Ok(Decision::Apply(shipment, Some(shipped)))
}
