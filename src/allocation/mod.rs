//! The allocation planner (SPEC §4.1.2): given the stock available in each physical
//! warehouse and one order's open lines, decide which warehouses ship what and what stays
//! backordered, and why. Pure code: no I/O, no config, no database.
//!
//! # How `oms orders process` uses it
//!
//! ```
//! use oms::allocation::{BackorderMode, LineToPlan, OrderToPlan, Planner, Settings, WarehouseSpec};
//!
//! // Once per run: the physical warehouses in priority order, then their stock levels.
//! let mut planner = Planner::new(
//!     vec![WarehouseSpec::new("east", false), WarehouseSpec::new("west", true)],
//!     Settings { max_splits: 2, backorder_mode: BackorderMode::Oms },
//! )?;
//! let east = planner.warehouse("east").expect("configured above");
//! planner.set_stock(east, 7, 10, 3); // variant 7: on_hand 10, allocated 3 → 7 available
//!
//! // Per order, oldest first: candidates from requested → rule → channel default → priority.
//! let candidates = planner.candidates([Some("west"), None, Some("east")].into_iter().flatten())?;
//! let lines = vec![LineToPlan { order_line_id: 1, variant_id: 7, sku: "TEE-BLK-M".into(), quantity: 5, kit: None }];
//! let order = OrderToPlan { order_id: 42, lines: &lines, candidates: &candidates };
//! let plan = planner.allocate(&order, false); // plans and reserves, so the next order sees less
//!
//! assert_eq!(plan.shipments.len(), 1);
//! assert_eq!(planner.code(plan.shipments[0].warehouse), "east");
//! assert_eq!(planner.available(east, 7), 2);
//! // ... then write plan.shipments (allocation ledger rows) and plan.reasons in one transaction.
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Availability is held in memory for the whole run, so the planner must be the only thing
//! allocating while it lives: the caller holds the flow lock and feeds it any stock change
//! it makes itself (receipts during the run) through [`Planner::add_available`].
//!
//! # Rules, in the order they are tried (mode `oms`)
//!
//! 1. One warehouse that can ship every line in full, the first such candidate.
//! 2. A split over the fewest warehouses (2, then 3, … up to `max_splits`) that together cover
//!    every line in full; among splits of the same size the one earliest in candidate order
//!    wins, and each line is filled greedily from its warehouses in candidate order (a line's
//!    units may come from several). Fewest-first is a deliberate refinement of "split in
//!    priority order": a plain greedy walk would spend a split on a warehouse holding one unit
//!    and then backorder an order that two other warehouses could ship whole.
//! 3. Otherwise, if some candidates allow partial shipments: walk those in candidate order,
//!    taking what each has, up to `max_splits` warehouses; the remainder is backordered.
//! 4. Otherwise nothing ships and the whole order is backordered, with one reason per short
//!    SKU ("not enough stock: SKU TEE-BLK-M needs 5, 2 available").
//!
//! In mode `wms` the first candidate gets everything without looking at stock, which may
//! drive availability negative: the warehouse handles its own backorders.

mod explain;
mod kits;
mod plan;
mod search;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

pub use plan::{BackorderedLine, KitShort, Plan, PlanKind, PlannedShipment, Reason, ShipmentLine};

/// A physical warehouse as the planner knows it: a small index into its own table, so that
/// availability rows stay dense and candidate lists stay cheap to copy. Only meaningful for
/// the planner that handed it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WarehouseId(u16);

impl WarehouseId {
    fn ix(self) -> usize {
        usize::from(self.0)
    }
}

/// What the planner needs to know about one physical warehouse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarehouseSpec {
    pub code: String,
    /// Whether its fulfillment channel accepts shipping part of an order (`allow_partial`).
    pub allow_partial: bool,
}

impl WarehouseSpec {
    pub fn new(code: impl Into<String>, allow_partial: bool) -> WarehouseSpec {
        WarehouseSpec {
            code: code.into(),
            allow_partial,
        }
    }
}

/// Mirrors `defaults.backorder_mode` in the config (kept separate so this module stays
/// free of config types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BackorderMode {
    /// Allocate only what is available; backorder the rest here.
    #[default]
    Oms,
    /// Allocate everything to the first candidate without checking; the warehouse backorders.
    Wms,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The most warehouses (so shipments) one order may be split across; 1 never splits.
    /// 0 is treated as 1 (config validation already rejects it).
    pub max_splits: u32,
    pub backorder_mode: BackorderMode,
}

/// What one order may ask beyond the planner's settings (order rules, SPEC §4.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    /// Overrides [`Settings::max_splits`] for this order.
    pub max_splits: Option<u32>,
    /// Ship only in full: no partial shipments, no unchecked `wms` allocation; what cannot
    /// ship in full from the candidates is backordered here.
    pub strict: bool,
    /// The sales channel's `split_bundles`: a kit's components may come from several
    /// warehouses. Either way a kit line is allocated whole or not at all.
    pub split_bundles: bool,
}

/// What makes a line a component of a kit (a bundle line of the order, docs/bundles.md):
/// the lines of one kit ship from one warehouse unless [`Limits::split_bundles`], and all
/// together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kit {
    /// The bundle line the component belongs to.
    pub line_id: i64,
    /// The bundle's SKU, for reasons.
    pub sku: String,
    /// Units of this component in one kit.
    pub per_kit: i64,
}

/// One order line still to allocate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineToPlan {
    pub order_line_id: i64,
    pub variant_id: i64,
    /// Only used in reasons and explanations.
    pub sku: String,
    /// Units still to allocate (ordered minus already allocated or shipped). Lines with 0 or
    /// less are skipped, so the caller may pass an order's lines as they are.
    pub quantity: i64,
    /// Set for a component line of a kit.
    pub kit: Option<Kit>,
}

/// One order to plan.
#[derive(Debug, Clone, Copy)]
pub struct OrderToPlan<'a> {
    pub order_id: i64,
    pub lines: &'a [LineToPlan],
    /// Physical warehouses in preference order, usually from [`Planner::candidates`].
    /// Repeats are ignored; an empty list backorders the order.
    pub candidates: &'a [WarehouseId],
}

/// Warehouse codes the planner cannot work with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlannerError {
    #[error("warehouse \"{0}\" is listed twice")]
    DuplicateWarehouse(String),
    #[error("too many warehouses ({0}); the planner handles at most 65535")]
    TooManyWarehouses(usize),
    #[error("\"{0}\" is not a physical warehouse known to the planner")]
    UnknownWarehouse(String),
}

/// Plans orders against availability it holds for the whole run. See the module docs.
#[derive(Debug, Clone)]
pub struct Planner {
    warehouses: Vec<WarehouseSpec>,
    by_code: HashMap<String, WarehouseId>,
    by_priority: Vec<WarehouseId>,
    max_splits: usize,
    mode: BackorderMode,
    /// variant id → row in `available`; a row holds one slot per warehouse, so one hash
    /// lookup per order line answers for every candidate.
    rows: HashMap<i64, usize>,
    available: Vec<i64>,
}

impl Planner {
    /// `warehouses` are the physical warehouses in priority order (highest first): that order
    /// is the last resort of [`Planner::candidates`].
    pub fn new(
        warehouses: Vec<WarehouseSpec>,
        settings: Settings,
    ) -> Result<Planner, PlannerError> {
        if warehouses.len() > usize::from(u16::MAX) {
            return Err(PlannerError::TooManyWarehouses(warehouses.len()));
        }
        let mut by_code = HashMap::with_capacity(warehouses.len());
        let mut by_priority = Vec::with_capacity(warehouses.len());
        for (ix, w) in (0u16..).zip(&warehouses) {
            if by_code.insert(w.code.clone(), WarehouseId(ix)).is_some() {
                return Err(PlannerError::DuplicateWarehouse(w.code.clone()));
            }
            by_priority.push(WarehouseId(ix));
        }
        Ok(Planner {
            warehouses,
            by_code,
            by_priority,
            max_splits: usize::try_from(settings.max_splits.max(1)).unwrap_or(usize::MAX),
            mode: settings.backorder_mode,
            rows: HashMap::new(),
            available: Vec::new(),
        })
    }

    pub fn warehouse(&self, code: &str) -> Option<WarehouseId> {
        self.by_code.get(code).copied()
    }

    /// The warehouse's code. Panics for an id from another planner (a programming error).
    pub fn code(&self, id: WarehouseId) -> &str {
        &self.warehouses[id.ix()].code
    }

    pub fn allows_partial(&self, id: WarehouseId) -> bool {
        self.warehouses[id.ix()].allow_partial
    }

    /// Every warehouse, highest priority first.
    pub fn by_priority(&self) -> &[WarehouseId] {
        &self.by_priority
    }

    /// The candidate list for one order: the codes given, in the order given — the order's
    /// requested warehouse, then the matching order rule's, then the channel's default, each
    /// a virtual warehouse already expanded to its members — followed by every other
    /// warehouse in priority order. A code seen again keeps its first position.
    pub fn candidates<I>(&self, preferred: I) -> Result<Vec<WarehouseId>, PlannerError>
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut list = Vec::with_capacity(self.by_priority.len());
        for code in preferred {
            let code = code.as_ref();
            let id = self
                .warehouse(code)
                .ok_or_else(|| PlannerError::UnknownWarehouse(code.to_string()))?;
            if !list.contains(&id) {
                list.push(id);
            }
        }
        for &id in &self.by_priority {
            if !list.contains(&id) {
                list.push(id);
            }
        }
        Ok(list)
    }

    /// Loads one stock level: available = on_hand − allocated.
    pub fn set_stock(
        &mut self,
        warehouse: WarehouseId,
        variant_id: i64,
        on_hand: i64,
        allocated: i64,
    ) {
        let slot = self.slot_mut(warehouse, variant_id);
        *slot = on_hand.saturating_sub(allocated);
    }

    /// Changes availability by `delta`, e.g. for a receipt booked during the run.
    pub fn add_available(&mut self, warehouse: WarehouseId, variant_id: i64, delta: i64) {
        let slot = self.slot_mut(warehouse, variant_id);
        *slot = slot.saturating_add(delta);
    }

    /// Units of a variant available in a warehouse now; 0 when never loaded.
    pub fn available(&self, warehouse: WarehouseId, variant_id: i64) -> i64 {
        self.rows
            .get(&variant_id)
            .map_or(0, |&row| self.available[row + warehouse.ix()])
    }

    /// Plans one order without reserving anything (dry runs, `--explain` previews).
    /// `explain` fills [`Plan::explanation`]; leave it off on the hot path, since it formats
    /// text for every candidate.
    pub fn plan(&self, order: &OrderToPlan<'_>, explain: bool) -> Plan {
        search::plan(self, order, Limits::default(), explain)
    }

    /// [`Planner::plan`] under one order's own limits.
    pub fn plan_limited(&self, order: &OrderToPlan<'_>, limits: Limits, explain: bool) -> Plan {
        search::plan(self, order, limits, explain)
    }

    /// Plans one order and reserves what it ships, so the next order sees less.
    pub fn allocate(&mut self, order: &OrderToPlan<'_>, explain: bool) -> Plan {
        self.allocate_limited(order, Limits::default(), explain)
    }

    /// [`Planner::allocate`] under one order's own limits.
    pub fn allocate_limited(
        &mut self,
        order: &OrderToPlan<'_>,
        limits: Limits,
        explain: bool,
    ) -> Plan {
        let plan = self.plan_limited(order, limits, explain);
        self.reserve(&plan);
        plan
    }

    /// Takes a plan's shipped quantities out of availability: the in-memory twin of the
    /// allocation ledger rows the caller writes for it.
    pub fn reserve(&mut self, plan: &Plan) {
        for shipment in &plan.shipments {
            for line in &shipment.lines {
                self.add_available(shipment.warehouse, line.variant_id, -line.quantity);
            }
        }
    }

    fn width(&self) -> usize {
        self.warehouses.len()
    }

    /// Where a variant's row starts, if any stock was ever loaded for it.
    fn row(&self, variant_id: i64) -> Option<usize> {
        self.rows.get(&variant_id).copied()
    }

    fn slot_mut(&mut self, warehouse: WarehouseId, variant_id: i64) -> &mut i64 {
        let width = self.width();
        let next = self.available.len();
        let row = *self.rows.entry(variant_id).or_insert(next);
        if row == next {
            self.available.resize(next + width, 0);
        }
        &mut self.available[row + warehouse.ix()]
    }
}
