//! What the planner decides for one order: data the caller writes as shipments, ledger
//! rows and backorder reasons.

use std::fmt;

use super::WarehouseId;

/// How a plan came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanKind {
    /// One warehouse ships every line in full.
    Single,
    /// Several warehouses together ship every line in full.
    Split,
    /// Warehouses that allow partial shipments ship what they have; the rest is backordered.
    Partial,
    /// Backorder mode `wms`: everything goes to the first candidate, stock not checked.
    Unchecked,
    /// Nothing ships; every open line is backordered.
    Backordered,
    /// No line had units left to allocate; nothing to write.
    NothingToDo,
}

/// The planner's decision for one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub order_id: i64,
    pub kind: PlanKind,
    /// In candidate order; every shipment has at least one line, no warehouse appears twice.
    pub shipments: Vec<PlannedShipment>,
    /// The units of each open line that no shipment covers.
    pub backordered: Vec<BackorderedLine>,
    /// Why anything is backordered; empty when nothing is.
    pub reasons: Vec<Reason>,
    /// Filled only when asked for: one line per candidate warehouse and one per decision.
    pub explanation: Vec<String>,
}

impl Plan {
    /// The order keeps (or gets) the `backordered` flag.
    pub fn is_backordered(&self) -> bool {
        !self.backordered.is_empty()
    }

    /// All reasons as one text, for the order's `backorder_reason` column.
    pub fn reason_text(&self) -> String {
        let texts: Vec<String> = self.reasons.iter().map(Reason::to_string).collect();
        texts.join("; ")
    }
}

/// The part of an order one warehouse ships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedShipment {
    pub warehouse: WarehouseId,
    pub lines: Vec<ShipmentLine>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShipmentLine {
    pub order_line_id: i64,
    pub variant_id: i64,
    /// Always > 0.
    pub quantity: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackorderedLine {
    pub order_line_id: i64,
    pub variant_id: i64,
    /// Units left unallocated; always > 0.
    pub quantity: i64,
}

/// Why (part of) an order is backordered. `Display` gives the text people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The order has no candidate warehouse at all.
    NoCandidates,
    /// The candidates together hold less of this SKU than the order needs (all its lines).
    NotEnoughStock {
        sku: String,
        needed: i64,
        available: i64,
    },
    /// Every SKU is in stock somewhere, but no `max_splits` warehouses hold the whole order.
    TooManySplits { max_splits: usize },
    /// Shipped partially, though the candidates hold enough: the rest sits in warehouses
    /// beyond `max_splits` or in ones that do not allow partial shipments.
    OutOfReach {
        sku: String,
        needed: i64,
        shipped: i64,
        max_splits: usize,
    },
    /// A kit cannot be packed: one of its components is short.
    Kit(KitShort),
    /// Every component of a kit is in stock in some warehouse, but no one warehouse holds
    /// them all (and the sales channel does not set `split_bundles`).
    KitApart { bundle: String, kits: i64 },
}

/// A kit's component that is short: over every candidate, or (without `split_bundles`)
/// in any one warehouse, which is where a kit is packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitShort {
    pub bundle: String,
    pub component: String,
    pub per_kit: i64,
    /// Units of the component the kit line needs (per kit × kits).
    pub needed: i64,
    /// Units over every candidate warehouse.
    pub available: i64,
    /// Most units in one candidate warehouse; `None` when kits may be split.
    pub in_one: Option<i64>,
}

impl fmt::Display for KitShort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kits = self.needed / self.per_kit.max(1);
        let k = if kits == 1 { "kit" } else { "kits" };
        let head = format!(
            "{} needs {} ×{} per kit",
            self.bundle, self.component, self.per_kit
        );
        match self.in_one {
            Some(best) if self.available >= self.needed => write!(
                f,
                "not enough stock in one warehouse: {head}, {best} available in one warehouse \
                 ({kits} {k} need {}; a kit ships from one warehouse unless the sales channel \
                 sets split_bundles = true)",
                self.needed
            ),
            _ => write!(
                f,
                "not enough stock: {head}, {} available ({kits} {k} need {})",
                self.available, self.needed
            ),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NoCandidates => {
                f.write_str("no warehouse to ship from: no candidate warehouses")
            }
            Reason::NotEnoughStock {
                sku,
                needed,
                available,
            } => write!(
                f,
                "not enough stock: SKU {sku} needs {needed}, {available} available"
            ),
            Reason::TooManySplits { max_splits: 1 } => f.write_str(
                "not enough stock in any one warehouse, and max_splits = 1 forbids splitting",
            ),
            Reason::TooManySplits { max_splits } => write!(
                f,
                "not enough stock within max_splits = {max_splits}: \
                 no {max_splits} warehouses together hold the whole order"
            ),
            Reason::OutOfReach {
                sku,
                needed,
                shipped,
                max_splits,
            } => write!(
                f,
                "not enough stock where it may ship: SKU {sku} needs {needed}, {shipped} shipped; \
                 the rest is only beyond max_splits = {max_splits} or where partial shipments \
                 are not allowed"
            ),
            Reason::Kit(short) => short.fmt(f),
            Reason::KitApart { bundle, kits } => write!(
                f,
                "not enough stock in one warehouse: no warehouse holds every component of \
                 {bundle} for {kits} {} (a kit ships from one warehouse unless the sales \
                 channel sets split_bundles = true)",
                if *kits == 1 { "kit" } else { "kits" }
            ),
        }
    }
}
