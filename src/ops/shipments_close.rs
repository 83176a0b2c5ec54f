//! `oms shipments close REF…`: a shipment shipped short whose missing units were kept
//! allocated (allow_partial_fulfillment = false) is closed for good: the rest is released,
//! the shipment stays `short_shipped`, and its order closes short unless something else of
//! it is still out.

use rusqlite::Connection;
use serde::Serialize;

use crate::config::Config;
use crate::error::{Exit, usage};
use crate::model::{ShipmentStatus, StockReason};
use crate::ops::backorders::{self, RetryReport};
use crate::ops::order_status;
use crate::output::Report;
use crate::store::shipments::{self, ShipmentRow};
use crate::store::stock::{self, Movement, Reference};
use crate::store::{history, shipment_parts};

#[derive(Debug, Clone, Serialize, Default)]
pub struct CloseItem {
    pub reference: String,
    pub order_id: i64,
    pub units_released: i64,
    /// The order's status after.
    pub order_status: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CloseReport {
    pub dry_run: bool,
    pub closed: usize,
    pub items: Vec<CloseItem>,
    /// Backordered orders retried because the closed rests were released.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backorders: Option<RetryReport>,
}

impl Report for CloseReport {
    type Item = CloseItem;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![("closed", self.closed.to_string())];
        if let Some(b) = self.backorders.as_ref().filter(|b| !b.allocated.is_empty()) {
            s.push(("backorders allocated", b.allocated.len().to_string()));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }
    fn items(&self) -> &[CloseItem] {
        &self.items
    }
    fn is_notable(&self, _item: &CloseItem) -> bool {
        true
    }
    fn exit(&self) -> Exit {
        Exit::Ok
    }
}

/// Closes every shipment named, refusing all (exit 2, nothing written) when any is unknown
/// or not a short shipment waiting for its rest; orders waiting for the released SKUs are
/// retried in the caller's transaction.
pub fn close(
    config: &Config,
    conn: &Connection,
    references: &[String],
    cause: &str,
) -> anyhow::Result<CloseReport> {
    let mut found: Vec<ShipmentRow> = Vec::new();
    let mut problems = Vec::new();
    for r in references {
        match shipments::find(conn, r)? {
            None => problems.push(format!("no shipment `{}`", r.trim())),
            Some(row) if !row.rest_open => problems.push(format!(
                "shipment {} has nothing left open to close: it is {}",
                row.reference, row.status
            )),
            Some(row) if found.iter().any(|f| f.id == row.id) => {}
            Some(row) => found.push(row),
        }
    }
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    let mut report = CloseReport::default();
    let mut raised = Vec::new();
    for row in found {
        let (units, released) = close_rest(conn, &row, cause, None)?;
        raised.extend(released);
        let order = order_status::refresh(conn, row.order_id, cause)?;
        report.closed += 1;
        report.items.push(CloseItem {
            reference: row.reference,
            order_id: row.order_id,
            units_released: units,
            order_status: order.to_string(),
        });
    }
    report.backorders = backorders::retry_raised(config, conn, None, cause, &raised)?;
    Ok(report)
}

/// Releases what a short shipment did not ship and marks it closed; also used when its
/// order is cancelled. Returns the units released and the (warehouse, variant) pairs.
pub fn close_rest(
    conn: &Connection,
    row: &ShipmentRow,
    cause: &str,
    run_id: Option<i64>,
) -> anyhow::Result<(i64, Vec<(String, i64)>)> {
    let reference = Reference {
        kind: Some("shipment"),
        id: Some(&row.reference),
        run_id,
        note: Some("the rest of a short shipment closed"),
    };
    let mut units = 0;
    let mut released = Vec::new();
    for line in shipments::lines(conn, row.id)? {
        let rest = line.unshipped();
        if rest == 0 {
            continue;
        }
        stock::apply(
            conn,
            &Movement {
                warehouse: &row.warehouse,
                variant_id: line.variant_id,
                on_hand: 0,
                allocated: -rest,
                incoming: 0,
                reason: StockReason::Release,
                reference,
            },
        )?;
        units += rest;
        released.push((row.warehouse.clone(), line.variant_id));
    }
    shipment_parts::set_rest_open(conn, row.id, false)?;
    let status = ShipmentStatus::ShortShipped.as_str();
    history::record(
        conn,
        "shipment",
        row.id,
        Some(status),
        status,
        cause,
        Some(&format!(
            "closed: {} that did not ship released",
            crate::model::words::count(units, "unit")
        )),
    )?;
    Ok((units, released))
}
