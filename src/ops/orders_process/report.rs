//! The report of `orders process`: counts always, one item per order only where a person
//! needs it (backorders, failures, `--explain`, `-v`), so a run over 100,000 orders does
//! not carry 100,000 rows it will never show.

use serde::Serialize;

use crate::error::Exit;
use crate::ops::flow::{self, Journaled};
use crate::ops::shipments_send::SendReport;
use crate::output::Report;
use crate::store::runs::Outcome;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OrderOutcome {
    /// Every open line is in new shipments.
    #[default]
    Allocated,
    /// Some lines ship, the rest is backordered (warehouses that allow partial shipments).
    Partial,
    /// Nothing ships; the order waits for stock.
    Backordered,
    /// Every line was already in shipments.
    NothingToDo,
    /// Not awaiting processing (`--order N` for an order in another status).
    Skipped,
    /// The order could not be planned (e.g. its requested warehouse is not configured).
    Failed,
    /// A rule evaluated at processing put it on hold.
    Held,
    /// A rule evaluated at processing made it draft.
    Drafted,
    /// Its `cancel_after` passed before it was sent to a warehouse (`auto_cancel`).
    Cancelled,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub order_id: i64,
    /// The order's name, or its id in the sales channel.
    pub order: String,
    pub channel: String,
    pub outcome: OrderOutcome,
    /// The physical warehouses shipping it, in plan order.
    pub warehouses: Vec<String>,
    pub shipments: Vec<String>,
    pub units: i64,
    /// Why (part of) it is backordered, skipped or failed.
    pub reason: Option<String>,
    /// With `--explain`: the planner's reasoning, one line per candidate and decision.
    pub explanation: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ProcessReport {
    pub dry_run: bool,
    /// Orders looked at.
    pub orders: usize,
    pub allocated: usize,
    pub partial: usize,
    pub backordered: usize,
    pub nothing_to_do: usize,
    pub skipped: usize,
    pub failed: usize,
    /// Put on hold or made draft by rules evaluated at processing.
    pub held: usize,
    pub drafted: usize,
    /// Cancelled because their `cancel_after` passed (`auto_cancel`).
    pub cancelled: usize,
    pub shipments: usize,
    pub units: i64,
    /// Orders whose hold time was up, made approved at the start of the run.
    pub holds_released: usize,
    /// The send that followed (absent in a dry run).
    pub send: Option<SendReport>,
    pub items: Vec<Item>,
    /// Show every item in a table, not only the notable ones.
    #[serde(skip)]
    pub show_all: bool,
}

impl ProcessReport {
    pub fn count(&mut self, outcome: OrderOutcome) {
        match outcome {
            OrderOutcome::Allocated => self.allocated += 1,
            OrderOutcome::Partial => self.partial += 1,
            OrderOutcome::Backordered => self.backordered += 1,
            OrderOutcome::NothingToDo => self.nothing_to_do += 1,
            OrderOutcome::Skipped => self.skipped += 1,
            OrderOutcome::Failed => self.failed += 1,
            OrderOutcome::Held => self.held += 1,
            OrderOutcome::Drafted => self.drafted += 1,
            OrderOutcome::Cancelled => self.cancelled += 1,
        }
    }

    /// Whether an item belongs in the report even without `-v` or `--explain`.
    pub fn keeps(outcome: OrderOutcome) -> bool {
        matches!(
            outcome,
            OrderOutcome::Partial
                | OrderOutcome::Backordered
                | OrderOutcome::Skipped
                | OrderOutcome::Failed
                | OrderOutcome::Held
                | OrderOutcome::Drafted
                | OrderOutcome::Cancelled
        )
    }
}

impl Report for ProcessReport {
    type Item = Item;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("orders", self.orders.to_string()),
            ("holds released", self.holds_released.to_string()),
            ("allocated", self.allocated.to_string()),
            ("partial", self.partial.to_string()),
            ("backordered", self.backordered.to_string()),
        ];
        if self.nothing_to_do > 0 {
            s.push(("nothing to do", self.nothing_to_do.to_string()));
        }
        if self.skipped > 0 {
            s.push(("skipped", self.skipped.to_string()));
        }
        if self.failed > 0 {
            s.push(("failed", self.failed.to_string()));
        }
        if self.held > 0 {
            s.push(("held by rules", self.held.to_string()));
        }
        if self.drafted > 0 {
            s.push(("made draft by rules", self.drafted.to_string()));
        }
        if self.cancelled > 0 {
            s.push(("cancelled (cancel_after)", self.cancelled.to_string()));
        }
        s.push(("shipments", self.shipments.to_string()));
        s.push(("units", self.units.to_string()));
        if let Some(send) = &self.send {
            s.extend(send.summary());
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written or sent".into()));
        }
        s
    }

    fn items(&self) -> &[Item] {
        &self.items
    }

    fn is_notable(&self, item: &Item) -> bool {
        self.show_all || Self::keeps(item.outcome)
    }

    fn exit(&self) -> Exit {
        let own = flow::exit_of(self.outcome());
        match &self.send {
            Some(send) => own.worst(send.exit()),
            None => own,
        }
    }
}

impl Journaled for ProcessReport {
    fn counts(&self) -> serde_json::Value {
        serde_json::json!({
            "orders": self.orders, "allocated": self.allocated, "partial": self.partial,
            "backordered": self.backordered, "failed": self.failed,
            "held": self.held, "drafted": self.drafted, "cancelled": self.cancelled,
            "shipments": self.shipments, "units": self.units,
        })
    }

    /// The planning part only: the send that follows is journaled on its own.
    fn outcome(&self) -> Outcome {
        if self.failed > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}
