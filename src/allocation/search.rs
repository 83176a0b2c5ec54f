//! The decision for one order: which warehouses, then who ships which units.
//!
//! Nothing here allocates strings unless the order ends up (partly) backordered or an
//! explanation is asked for: `orders process` calls this for every order in a run.

pub(super) use super::kits::KitGroup;
use super::plan::{BackorderedLine, Plan, PlanKind, PlannedShipment, Reason, ShipmentLine};
use super::{BackorderMode, Limits, OrderToPlan, Planner, WarehouseId, explain};

/// Warehouse sets tried when looking for the smallest split; past it the search falls back
/// to a greedy walk in candidate order, so an order can never stall a run (30 warehouses
/// with max_splits 5 would otherwise mean 170,000 sets).
const SEARCH_BUDGET: usize = 4096;

/// One distinct variant of the order. Lines of the same variant draw on the same stock, so
/// every check is made against their summed need.
pub(super) struct Demand<'o> {
    pub variant_id: i64,
    /// Start of the variant's row in the planner's availability table.
    row: Option<usize>,
    pub need: i64,
    /// The first line's spelling, for reasons.
    pub sku: &'o str,
}

/// Which warehouses ship, before units are assigned to lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Decision {
    NothingToDo,
    NoCandidates,
    Ship(PlanKind, Vec<WarehouseId>),
    Backorder,
}

/// One order prepared for planning.
pub(super) struct Work<'p, 'o> {
    pub planner: &'p Planner,
    pub order: &'o OrderToPlan<'o>,
    /// (index into `order.lines`, index into `demands`) for each line with units to plan.
    pub open: Vec<(usize, usize)>,
    pub demands: Vec<Demand<'o>>,
    /// The order's candidates without repeats.
    pub candidates: Vec<WarehouseId>,
    /// The planner's `max_splits`, or the order's own (an order rule's `max_splits`).
    pub max_splits: usize,
    /// Full shipments only (an order rule's `only_enough_stock`): no partial shipments
    /// and no unchecked `wms` allocation.
    pub strict: bool,
    /// The order's kits; empty for most orders, which then take the plain paths.
    pub kits: Vec<KitGroup<'o>>,
    pub split_bundles: bool,
}

pub(super) fn plan(
    planner: &Planner,
    order: &OrderToPlan<'_>,
    limits: Limits,
    explain: bool,
) -> Plan {
    let mut work = Work::new(planner, order);
    if let Some(m) = limits.max_splits {
        work.max_splits = usize::try_from(m.max(1)).unwrap_or(usize::MAX);
    }
    work.strict = limits.strict;
    work.split_bundles = limits.split_bundles;
    let decision = work.decide();
    let mut plan = work.build(&decision);
    if explain {
        plan.explanation = explain::explain(&work, &decision, &plan);
    }
    plan
}

impl<'p, 'o> Work<'p, 'o> {
    fn new(planner: &'p Planner, order: &'o OrderToPlan<'o>) -> Work<'p, 'o> {
        let mut open = Vec::with_capacity(order.lines.len());
        let mut demands: Vec<Demand<'o>> = Vec::with_capacity(order.lines.len());
        for (ix, line) in order.lines.iter().enumerate() {
            if line.quantity <= 0 {
                continue;
            }
            // Orders have a handful of lines, so a linear scan beats hashing here.
            let d = match demands.iter().position(|d| d.variant_id == line.variant_id) {
                Some(d) => {
                    demands[d].need = demands[d].need.saturating_add(line.quantity);
                    d
                }
                None => {
                    demands.push(Demand {
                        variant_id: line.variant_id,
                        row: planner.row(line.variant_id),
                        need: line.quantity,
                        sku: &line.sku,
                    });
                    demands.len() - 1
                }
            };
            open.push((ix, d));
        }
        let mut kits: Vec<KitGroup<'o>> = Vec::new();
        for (p, &(ix, _)) in open.iter().enumerate() {
            let Some(kit) = &order.lines[ix].kit else {
                continue;
            };
            let same = |g: &KitGroup| {
                let first = &order.lines[open[g.members[0]].0];
                first.kit.as_ref().map(|k| k.line_id) == Some(kit.line_id)
            };
            match kits.iter_mut().find(|g| same(g)) {
                Some(g) => g.members.push(p),
                None => kits.push(KitGroup {
                    sku: &kit.sku,
                    members: vec![p],
                }),
            }
        }
        let mut candidates = Vec::with_capacity(order.candidates.len());
        for &w in order.candidates {
            if !candidates.contains(&w) {
                candidates.push(w);
            }
        }
        Work {
            planner,
            order,
            open,
            demands,
            candidates,
            max_splits: planner.max_splits,
            strict: false,
            kits,
            split_bundles: false,
        }
    }

    /// Raw availability, negative when `wms` mode overdrew it.
    pub fn available(&self, w: WarehouseId, d: usize) -> i64 {
        self.demands[d]
            .row
            .map_or(0, |row| self.planner.available[row + w.ix()])
    }

    /// What a warehouse can give towards a demand.
    pub(super) fn usable(&self, w: WarehouseId, d: usize) -> i64 {
        self.available(w, d).max(0)
    }

    /// What a set of warehouses can give towards a demand.
    pub fn usable_in(&self, set: &[WarehouseId], d: usize) -> i64 {
        set.iter()
            .fold(0i64, |sum, &w| sum.saturating_add(self.usable(w, d)))
    }

    /// Whether a warehouse may ship part of this order.
    pub fn allows_partial(&self, w: WarehouseId) -> bool {
        !self.strict && self.planner.allows_partial(w)
    }

    pub fn covers(&self, set: &[WarehouseId]) -> bool {
        (0..self.demands.len()).all(|d| self.usable_in(set, d) >= self.demands[d].need)
            && (self.kits.is_empty() || self.fill(set).takes_all(self))
    }

    fn decide(&self) -> Decision {
        if self.open.is_empty() {
            return Decision::NothingToDo;
        }
        let Some(&first) = self.candidates.first() else {
            return Decision::NoCandidates;
        };
        if self.planner.mode == BackorderMode::Wms && !self.strict {
            return Decision::Ship(PlanKind::Unchecked, vec![first]);
        }
        if let Some(&w) = self.candidates.iter().find(|&&w| self.covers(&[w])) {
            return Decision::Ship(PlanKind::Single, vec![w]);
        }
        if let Some(set) = self.smallest_split() {
            return Decision::Ship(PlanKind::Split, set);
        }
        let partial: Vec<WarehouseId> = self
            .candidates
            .iter()
            .copied()
            .filter(|&w| self.allows_partial(w))
            .collect();
        let set = self.greedy(&partial);
        if set.is_empty() {
            Decision::Backorder
        } else {
            Decision::Ship(PlanKind::Partial, set)
        }
    }

    /// The fewest warehouses (at least two, at most `max_splits`) that cover the order,
    /// earliest in candidate order among sets of the same size.
    fn smallest_split(&self) -> Option<Vec<WarehouseId>> {
        if self.max_splits < 2 {
            return None;
        }
        let relevant: Vec<WarehouseId> = self
            .candidates
            .iter()
            .copied()
            .filter(|&w| (0..self.demands.len()).any(|d| self.usable(w, d) > 0))
            .collect();
        if !self.covers(&relevant) {
            return None;
        }
        let largest = self.max_splits.min(relevant.len());
        let mut budget = SEARCH_BUDGET;
        let mut set = Vec::with_capacity(largest);
        for size in 2..=largest {
            let mut picks: Vec<usize> = (0..size).collect();
            loop {
                if budget == 0 {
                    let set = self.greedy(&relevant);
                    return self.covers(&set).then_some(set);
                }
                budget -= 1;
                set.clear();
                set.extend(picks.iter().map(|&i| relevant[i]));
                if self.covers(&set) {
                    return Some(set);
                }
                if !next_combination(&mut picks, relevant.len()) {
                    break;
                }
            }
        }
        None
    }

    /// Walks `list` in order, keeping each warehouse that has something still needed, until
    /// everything is covered or `max_splits` warehouses are kept.
    fn greedy(&self, list: &[WarehouseId]) -> Vec<WarehouseId> {
        let mut remaining: Vec<i64> = self.demands.iter().map(|d| d.need).collect();
        let mut set = Vec::new();
        for &w in list {
            if set.len() == self.max_splits || remaining.iter().all(|&r| r == 0) {
                break;
            }
            let mut helps = false;
            for (d, rem) in remaining.iter_mut().enumerate() {
                let take = (*rem).min(self.usable(w, d));
                if take > 0 {
                    *rem -= take;
                    helps = true;
                }
            }
            if helps {
                set.push(w);
            }
        }
        set
    }

    /// Turns a decision into shipments, backordered lines and reasons.
    fn build(&self, decision: &Decision) -> Plan {
        let mut plan = Plan {
            order_id: self.order.order_id,
            kind: PlanKind::Backordered,
            shipments: Vec::new(),
            backordered: Vec::new(),
            reasons: Vec::new(),
            explanation: Vec::new(),
        };
        let mut shipped = vec![0i64; self.demands.len()];
        match decision {
            Decision::NothingToDo => plan.kind = PlanKind::NothingToDo,
            Decision::NoCandidates | Decision::Backorder => {
                if *decision == Decision::NoCandidates {
                    plan.reasons.push(Reason::NoCandidates);
                }
                for &(ix, _) in &self.open {
                    let line = &self.order.lines[ix];
                    plan.backordered.push(BackorderedLine {
                        order_line_id: line.order_line_id,
                        variant_id: line.variant_id,
                        quantity: line.quantity,
                    });
                }
            }
            Decision::Ship(kind, set) => {
                plan.kind = *kind;
                self.assign(*kind, set, &mut plan, &mut shipped);
            }
        }
        if plan.is_backordered() && plan.reasons.is_empty() {
            plan.reasons = if self.kits.is_empty() {
                self.reasons(plan.kind, &shipped)
            } else {
                self.kit_reasons(plan.kind, &plan)
            };
        }
        plan
    }

    /// Hands each line its units from the set's warehouses, in set order; what no warehouse
    /// gives is backordered.
    fn assign(&self, kind: PlanKind, set: &[WarehouseId], plan: &mut Plan, shipped: &mut [i64]) {
        if !self.kits.is_empty() && kind != PlanKind::Unchecked {
            return self.assign_kits(set, plan, shipped);
        }
        let n = set.len();
        // left[d * n + k]: units of demand d that warehouse set[k] gives.
        let mut left = vec![0i64; self.demands.len() * n];
        for (d, demand) in self.demands.iter().enumerate() {
            let mut rem = demand.need;
            for (k, &w) in set.iter().enumerate() {
                let take = if kind == PlanKind::Unchecked {
                    rem
                } else {
                    rem.min(self.usable(w, d))
                };
                left[d * n + k] = take;
                rem -= take;
            }
            shipped[d] = demand.need - rem;
        }
        plan.shipments = set
            .iter()
            .map(|&warehouse| PlannedShipment {
                warehouse,
                lines: Vec::new(),
            })
            .collect();
        for &(ix, d) in &self.open {
            let line = &self.order.lines[ix];
            let mut q = line.quantity;
            for (k, shipment) in plan.shipments.iter_mut().enumerate() {
                let take = q.min(left[d * n + k]);
                if take > 0 {
                    shipment.lines.push(ShipmentLine {
                        order_line_id: line.order_line_id,
                        variant_id: line.variant_id,
                        quantity: take,
                    });
                    left[d * n + k] -= take;
                    q -= take;
                }
            }
            if q > 0 {
                plan.backordered.push(BackorderedLine {
                    order_line_id: line.order_line_id,
                    variant_id: line.variant_id,
                    quantity: q,
                });
            }
        }
        plan.shipments.retain(|s| !s.lines.is_empty());
    }

    /// One reason per SKU not shipped in full; if no SKU is short in total the order failed
    /// only on `max_splits`, which is said once.
    fn reasons(&self, kind: PlanKind, shipped: &[i64]) -> Vec<Reason> {
        let max_splits = self.max_splits;
        let mut reasons = Vec::new();
        for (d, demand) in self.demands.iter().enumerate() {
            if shipped[d] >= demand.need {
                continue;
            }
            let available = self.usable_in(&self.candidates, d);
            if available < demand.need {
                reasons.push(Reason::NotEnoughStock {
                    sku: demand.sku.to_string(),
                    needed: demand.need,
                    available,
                });
            } else if kind == PlanKind::Partial {
                reasons.push(Reason::OutOfReach {
                    sku: demand.sku.to_string(),
                    needed: demand.need,
                    shipped: shipped[d],
                    max_splits,
                });
            }
        }
        if reasons.is_empty() {
            reasons.push(Reason::TooManySplits { max_splits });
        }
        reasons
    }
}

/// Advances `picks` (strictly increasing indexes below `n`) to the next combination in
/// lexicographic order; false after the last one.
fn next_combination(picks: &mut [usize], n: usize) -> bool {
    let k = picks.len();
    let Some(i) = (0..k).rev().find(|&i| picks[i] < n - k + i) else {
        return false;
    };
    picks[i] += 1;
    for j in i + 1..k {
        picks[j] = picks[j - 1] + 1;
    }
    true
}
