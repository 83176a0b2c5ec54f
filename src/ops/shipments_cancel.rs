//! `oms shipments cancel REF…`: a shipment the warehouse has not seen yet is cancelled here
//! and its allocation released; one the warehouse already has is marked `cancel_requested`,
//! the request is delivered by the next `shipments send`, and the warehouse's answer comes
//! back through `shipments sync`. A shipment that already shipped or was cancelled cannot
//! be cancelled.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Exit, usage};
use crate::model::{OrderStatus, ShipmentStatus, StockReason};
use crate::ops::order_status;
use crate::output::Report;
use crate::store::shipments::{self, ShipmentRow};
use crate::store::stock::{self, Movement, Reference};
use crate::store::{Store, outbound};

pub struct Options<'a> {
    pub references: &'a [String],
    pub dry_run: bool,
    pub cause: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CancelOutcome {
    /// Cancelled here, allocation released.
    #[default]
    Cancelled,
    /// The warehouse will be asked by the next `shipments send`.
    CancelRequested,
    /// Already waiting for the warehouse's answer.
    Unchanged,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CancelItem {
    pub reference: String,
    pub order_id: i64,
    pub warehouse: String,
    /// The shipment's status before.
    pub status: String,
    pub outcome: CancelOutcome,
    pub units_released: i64,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CancelReport {
    pub dry_run: bool,
    pub cancelled: usize,
    pub cancel_requested: usize,
    pub unchanged: usize,
    pub items: Vec<CancelItem>,
}

impl Report for CancelReport {
    type Item = CancelItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("cancelled", self.cancelled.to_string()),
            ("cancel requested", self.cancel_requested.to_string()),
        ];
        if self.unchanged > 0 {
            s.push(("unchanged", self.unchanged.to_string()));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }

    fn items(&self) -> &[CancelItem] {
        &self.items
    }

    /// A person typed each reference, so each answer is shown.
    fn is_notable(&self, _item: &CancelItem) -> bool {
        true
    }

    fn exit(&self) -> Exit {
        Exit::Ok
    }
}

/// Finds every shipment named, refusing (exit 2, nothing written) when any is unknown or
/// already final, with one line per problem.
pub fn check(conn: &Connection, references: &[String]) -> anyhow::Result<Vec<ShipmentRow>> {
    let mut found = Vec::with_capacity(references.len());
    let mut problems = Vec::new();
    for r in references {
        let Some(row) = shipments::find(conn, r)? else {
            problems.push(format!("no shipment `{}`", r.trim()));
            continue;
        };
        let status: ShipmentStatus = row.status.parse().map_err(anyhow::Error::msg)?;
        if status.is_final() {
            problems.push(format!(
                "shipment {} cannot be cancelled: it is already {status}",
                row.reference
            ));
            continue;
        }
        if !found.iter().any(|f: &ShipmentRow| f.id == row.id) {
            found.push(row);
        }
    }
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    Ok(found)
}

/// Cancels the shipments in one transaction (rolled back for a dry run), checking them
/// again inside it.
pub fn cancel(store: &mut Store, opts: &Options) -> anyhow::Result<CancelReport> {
    let tx = store.tx()?;
    let mut report = CancelReport {
        dry_run: opts.dry_run,
        ..Default::default()
    };
    for row in check(&tx, opts.references)? {
        let item = one(&tx, &row, opts.cause)?;
        match item.outcome {
            CancelOutcome::Cancelled => report.cancelled += 1,
            CancelOutcome::CancelRequested => report.cancel_requested += 1,
            CancelOutcome::Unchanged => report.unchanged += 1,
        }
        report.items.push(item);
    }
    if opts.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(report)
}

fn one(conn: &Connection, row: &ShipmentRow, cause: &str) -> anyhow::Result<CancelItem> {
    let status: ShipmentStatus = row.status.parse().map_err(anyhow::Error::msg)?;
    let mut item = CancelItem {
        reference: row.reference.clone(),
        order_id: row.order_id,
        warehouse: row.warehouse.clone(),
        status: row.status.clone(),
        ..Default::default()
    };
    // A batch claimed before a crash goes out again exactly as decided, so the warehouse
    // gets this shipment anyway: it is asked to cancel, like one already sent.
    let claimed = status == ShipmentStatus::ReadyToSend
        && outbound::unsent_batch_of(conn, &row.reference)?.is_some();
    match status {
        ShipmentStatus::ReadyToSend if !claimed => {
            for line in shipments::lines(conn, row.id)? {
                stock::apply(
                    conn,
                    &Movement {
                        warehouse: &row.warehouse,
                        variant_id: line.variant_id,
                        on_hand: 0,
                        allocated: -line.quantity,
                        incoming: 0,
                        reason: StockReason::Release,
                        reference: Reference {
                            kind: Some("shipment"),
                            id: Some(&row.reference),
                            run_id: None,
                            note: None,
                        },
                    },
                )?;
                item.units_released += line.quantity;
            }
            shipments::set_status(conn, row.id, status, ShipmentStatus::Cancelled, cause, None)?;
            item.outcome = CancelOutcome::Cancelled;
            let order = order_status::refresh(conn, row.order_id, cause)?;
            item.message = Some(match order {
                OrderStatus::Approved => format!(
                    "allocation released; order {} is approved again and the next `orders process` allocates it anew",
                    row.order_id
                ),
                other => format!("allocation released; order {} is {other}", row.order_id),
            });
        }
        ShipmentStatus::ReadyToSend | ShipmentStatus::SentToWarehouse => {
            shipments::set_status(
                conn,
                row.id,
                status,
                ShipmentStatus::CancelRequested,
                cause,
                Some("to be asked of the warehouse by the next `shipments send`"),
            )?;
            order_status::refresh(conn, row.order_id, cause)?;
            item.outcome = CancelOutcome::CancelRequested;
            item.message = Some(
                "the next `shipments send` asks the warehouse; `shipments sync` brings its answer"
                    .into(),
            );
        }
        ShipmentStatus::CancelRequested => {
            item.outcome = CancelOutcome::Unchanged;
            item.message = Some("already waiting for the warehouse's answer".into());
        }
        ShipmentStatus::Shipped | ShipmentStatus::ShortShipped | ShipmentStatus::Cancelled => {
            // `check` refuses these before anything is written.
            return Err(usage(format!(
                "shipment {} cannot be cancelled: it is already {status}",
                row.reference
            )));
        }
    }
    Ok(item)
}
