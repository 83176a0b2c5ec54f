//! Confirmations typed by a person (`oms shipments ship`, `oms orders ship`), applied by
//! the same code as the warehouse's.

use std::collections::HashMap;

use rusqlite::Connection;

use super::decide::{Decision, decide};
use super::{Item, Run, SyncReport, apply};
use crate::config::Config;
use crate::model::shipment::ShipmentConfirmation;

/// For `oms shipments ship`: why a confirmation typed by a person cannot be applied, if
/// it cannot. Typed SKUs are oms SKUs, so no channel `sku_map` applies.
pub(crate) fn check_by_hand(
    conn: &Connection,
    channel: &str,
    c: &ShipmentConfirmation,
) -> anyhow::Result<Result<(), Vec<String>>> {
    Ok(match decide(conn, channel, &HashMap::new(), c)? {
        Decision::Reject(reasons) => Err(reasons),
        Decision::Unchanged(s, why) => Err(vec![format!("shipment {}: {why}", s.reference)]),
        Decision::Apply(..) => Ok(()),
    })
}

/// Applies a confirmation typed by a person (checked with `check_by_hand`) exactly as one
/// from the warehouse.
pub(crate) fn apply_by_hand(
    config: &Config,
    conn: &Connection,
    channel: &str,
    c: &ShipmentConfirmation,
    cause: &str,
    report: &mut SyncReport,
) -> anyhow::Result<Item> {
    let sku_map = HashMap::new();
    let run = Run {
        config,
        channel,
        sku_map: &sku_map,
        cause,
        run_id: None,
    };
    apply(conn, &run, c, report, false)
}
