//! Kits in the planner (docs/bundles.md): the component lines of one bundle line ship
//! together, from one warehouse unless the order's channel sets `split_bundles`, and all or
//! nothing. Orders without kits never reach this code.

use super::WarehouseId;
use super::plan::{
    BackorderedLine, KitShort, Plan, PlanKind, PlannedShipment, Reason, ShipmentLine,
};
use super::search::Work;

/// The component lines of one kit (one bundle line of the order).
pub(super) struct KitGroup<'o> {
    pub sku: &'o str,
    /// Positions in [`Work::open`].
    pub members: Vec<usize>,
}

/// Units each open line takes from each warehouse of a set (`takes[p * n + k]` for open
/// position `p` and set index `k`), and the kits that could not be packed.
pub(super) struct Fill {
    pub takes: Vec<i64>,
    pub short_kits: Vec<usize>,
}

impl Work<'_, '_> {
    /// Kits first, each whole from one warehouse of the set (or, with `split_bundles`,
    /// whole from the set), then the other lines greedily in set order.
    pub(super) fn fill(&self, set: &[WarehouseId]) -> Fill {
        let n = set.len();
        let mut avail: Vec<i64> = Vec::with_capacity(self.demands.len() * n);
        for d in 0..self.demands.len() {
            avail.extend(set.iter().map(|&w| self.usable(w, d)));
        }
        let mut takes = vec![0i64; self.open.len() * n];
        let mut done = vec![false; self.open.len()];
        let mut short_kits = Vec::new();
        let qty = |p: usize| self.order.lines[self.open[p].0].quantity;
        for (g, kit) in self.kits.iter().enumerate() {
            for &p in &kit.members {
                done[p] = true;
            }
            if self.split_bundles {
                let fits = kit.members.iter().all(|&p| {
                    let d = self.open[p].1;
                    avail[d * n..d * n + n].iter().sum::<i64>() >= qty(p)
                });
                if !fits {
                    short_kits.push(g);
                    continue;
                }
                for &p in &kit.members {
                    let (d, mut q) = (self.open[p].1, qty(p));
                    for k in 0..n {
                        let t = q.min(avail[d * n + k]);
                        avail[d * n + k] -= t;
                        takes[p * n + k] += t;
                        q -= t;
                    }
                }
                continue;
            }
            let one = (0..n).find(|&k| {
                kit.members
                    .iter()
                    .all(|&p| avail[self.open[p].1 * n + k] >= qty(p))
            });
            match one {
                Some(k) => {
                    for &p in &kit.members {
                        avail[self.open[p].1 * n + k] -= qty(p);
                        takes[p * n + k] = qty(p);
                    }
                }
                None => short_kits.push(g),
            }
        }
        for (p, &(_, d)) in self.open.iter().enumerate() {
            if done[p] {
                continue;
            }
            let mut q = qty(p);
            for k in 0..n {
                let t = q.min(avail[d * n + k]);
                avail[d * n + k] -= t;
                takes[p * n + k] = t;
                q -= t;
            }
        }
        Fill { takes, short_kits }
    }

    /// [`Work::assign`] for an order with kits, from [`Work::fill`].
    pub(super) fn assign_kits(&self, set: &[WarehouseId], plan: &mut Plan, shipped: &mut [i64]) {
        let n = set.len();
        let fill = self.fill(set);
        plan.shipments = set
            .iter()
            .map(|&warehouse| PlannedShipment {
                warehouse,
                lines: Vec::new(),
            })
            .collect();
        for (p, &(ix, d)) in self.open.iter().enumerate() {
            let line = &self.order.lines[ix];
            let mut q = line.quantity;
            for (k, shipment) in plan.shipments.iter_mut().enumerate() {
                let take = fill.takes[p * n + k];
                if take > 0 {
                    shipment.lines.push(ShipmentLine {
                        order_line_id: line.order_line_id,
                        variant_id: line.variant_id,
                        quantity: take,
                    });
                    q -= take;
                    shipped[d] += take;
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

    /// Why an order with kits is (partly) backordered: each kit's short components, then
    /// the other lines' SKUs as [`Work::reasons`] says them.
    pub(super) fn kit_reasons(&self, kind: PlanKind, plan: &Plan) -> Vec<Reason> {
        let mut reasons = Vec::new();
        let backordered = |p: usize| {
            let id = self.order.lines[self.open[p].0].order_line_id;
            plan.backordered.iter().any(|b| b.order_line_id == id)
        };
        for kit in &self.kits {
            if !kit.members.iter().any(|&p| backordered(p)) {
                continue;
            }
            let before = reasons.len();
            let mut kits = 0;
            for &p in &kit.members {
                let (ix, d) = self.open[p];
                let line = &self.order.lines[ix];
                let per_kit = line.kit.as_ref().map_or(1, |k| k.per_kit);
                kits = kits.max(line.quantity / per_kit.max(1));
                let available = self.usable_in(&self.candidates, d);
                let in_one = (!self.split_bundles).then(|| {
                    self.candidates
                        .iter()
                        .map(|&w| self.usable(w, d))
                        .max()
                        .unwrap_or(0)
                });
                if in_one.unwrap_or(available) < line.quantity {
                    reasons.push(Reason::Kit(KitShort {
                        bundle: kit.sku.to_string(),
                        component: line.sku.clone(),
                        per_kit,
                        needed: line.quantity,
                        available,
                        in_one,
                    }));
                }
            }
            if reasons.len() == before && !self.split_bundles {
                let apart = self.candidates.iter().all(|&w| {
                    kit.members.iter().any(|&p| {
                        let (ix, d) = self.open[p];
                        self.usable(w, d) < self.order.lines[ix].quantity
                    })
                });
                if apart {
                    reasons.push(Reason::KitApart {
                        bundle: kit.sku.to_string(),
                        kits,
                    });
                }
            }
        }
        let mut plain_short = vec![false; self.demands.len()];
        for (p, &(ix, d)) in self.open.iter().enumerate() {
            if self.order.lines[ix].kit.is_none() && backordered(p) {
                plain_short[d] = true;
            }
        }
        for (d, demand) in self.demands.iter().enumerate() {
            if !plain_short[d] {
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
                    shipped: 0,
                    max_splits: self.max_splits,
                });
            }
        }
        if reasons.is_empty() {
            reasons.push(Reason::TooManySplits {
                max_splits: self.max_splits,
            });
        }
        reasons
    }
}

impl Fill {
    pub(super) fn takes_all(&self, work: &Work) -> bool {
        self.short_kits.is_empty()
            && work.open.iter().enumerate().all(|(p, &(ix, _))| {
                let n = self.takes.len() / work.open.len().max(1);
                self.takes[p * n..p * n + n].iter().sum::<i64>() >= work.order.lines[ix].quantity
            })
    }
}
