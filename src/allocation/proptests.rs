//! Invariants of `oms` mode over random stock and random sequences of orders.

use std::collections::HashMap;

use proptest::prelude::*;

use super::*;

const VARIANTS: usize = 5;

#[derive(Debug, Clone)]
struct Order {
    /// (variant, quantity); quantity 0 stands for an already allocated line.
    lines: Vec<(i64, i64)>,
    /// Warehouse indexes, possibly repeated or empty.
    candidates: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Case {
    allow_partial: Vec<bool>,
    max_splits: u32,
    /// stock[warehouse][variant]
    stock: Vec<Vec<i64>>,
    orders: Vec<Order>,
}

fn order(warehouses: usize) -> impl Strategy<Value = Order> {
    (
        prop::collection::vec((0..VARIANTS as i64, 0i64..=8), 1..=4),
        prop::collection::vec(0..warehouses, 0..=warehouses + 1),
    )
        .prop_map(|(lines, candidates)| Order { lines, candidates })
}

fn case() -> impl Strategy<Value = Case> {
    (1usize..=4, 1u32..=3).prop_flat_map(|(warehouses, max_splits)| {
        (
            prop::collection::vec(any::<bool>(), warehouses),
            prop::collection::vec(prop::collection::vec(0i64..=6, VARIANTS), warehouses),
            prop::collection::vec(order(warehouses), 1..=6),
        )
            .prop_map(move |(allow_partial, stock, orders)| Case {
                allow_partial,
                max_splits,
                stock,
                orders,
            })
    })
}

fn snapshot(p: &Planner) -> HashMap<(WarehouseId, i64), i64> {
    let mut levels = HashMap::new();
    for &w in p.by_priority() {
        for v in 0..VARIANTS as i64 {
            levels.insert((w, v), p.available(w, v));
        }
    }
    levels
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn oms_mode_never_overallocates_and_keeps_the_books(case in case()) {
        let specs = case
            .allow_partial
            .iter()
            .enumerate()
            .map(|(i, &partial)| WarehouseSpec::new(format!("w{i}"), partial))
            .collect();
        let settings = Settings { max_splits: case.max_splits, backorder_mode: BackorderMode::Oms };
        let mut p = Planner::new(specs, settings).expect("distinct codes");
        let ids = p.by_priority().to_vec();
        for (w, row) in case.stock.iter().enumerate() {
            for (v, &qty) in row.iter().enumerate() {
                p.set_stock(ids[w], v as i64, qty, 0);
            }
        }

        for (n, order) in case.orders.iter().enumerate() {
            let order_id = n as i64;
            let lines: Vec<LineToPlan> = order
                .lines
                .iter()
                .enumerate()
                .map(|(i, &(variant_id, quantity))| LineToPlan {
                    order_line_id: order_id * 10 + i as i64,
                    variant_id,
                    sku: format!("SKU-{variant_id}"),
                    quantity,
                    kit: None,
                })
                .collect();
            let candidates: Vec<WarehouseId> = order.candidates.iter().map(|&i| ids[i]).collect();
            let before = snapshot(&p);
            let plan = p.allocate(&OrderToPlan { order_id, lines: &lines, candidates: &candidates }, false);
            let after = snapshot(&p);

            prop_assert!(plan.shipments.len() <= case.max_splits as usize);
            let mut taken: HashMap<(WarehouseId, i64), i64> = HashMap::new();
            let mut per_line: HashMap<i64, i64> = HashMap::new();
            let mut seen = Vec::new();
            for s in &plan.shipments {
                prop_assert!(candidates.contains(&s.warehouse), "ships from a non-candidate");
                prop_assert!(!seen.contains(&s.warehouse), "two shipments from one warehouse");
                seen.push(s.warehouse);
                prop_assert!(!s.lines.is_empty());
                for l in &s.lines {
                    prop_assert!(l.quantity > 0);
                    *taken.entry((s.warehouse, l.variant_id)).or_default() += l.quantity;
                    *per_line.entry(l.order_line_id).or_default() += l.quantity;
                }
            }
            for (key, &qty) in &taken {
                prop_assert!(qty <= before[key], "allocated {} of {} at {:?}", qty, before[key], key);
            }
            for (key, &was) in &before {
                prop_assert_eq!(after[key], was - taken.get(key).copied().unwrap_or(0));
            }

            let backordered: HashMap<i64, i64> =
                plan.backordered.iter().map(|b| (b.order_line_id, b.quantity)).collect();
            let mut full = 0;
            let mut untouched = 0;
            for line in &lines {
                let got = per_line.get(&line.order_line_id).copied().unwrap_or(0);
                let open = line.quantity.max(0);
                prop_assert!(got <= open);
                prop_assert_eq!(got + backordered.get(&line.order_line_id).copied().unwrap_or(0), open);
                if open > 0 && got == open { full += 1; }
                if open > 0 && got == 0 { untouched += 1; }
            }
            let open_lines = lines.iter().filter(|l| l.quantity > 0).count();
            if plan.kind == PlanKind::Partial {
                for s in &plan.shipments {
                    prop_assert!(p.allows_partial(s.warehouse));
                }
            } else {
                prop_assert!(full == open_lines || untouched == open_lines, "all or nothing");
            }
            prop_assert_eq!(plan.is_backordered(), !plan.reasons.is_empty());

            // Rule 1: the first candidate that can ship everything alone is the one used.
            let mut need: HashMap<i64, i64> = HashMap::new();
            for line in lines.iter().filter(|l| l.quantity > 0) {
                *need.entry(line.variant_id).or_default() += line.quantity;
            }
            let alone = candidates
                .iter()
                .find(|&&w| need.iter().all(|(&v, &q)| before[&(w, v)] >= q));
            if let (Some(&w), false) = (alone, need.is_empty()) {
                prop_assert_eq!(plan.kind, PlanKind::Single);
                prop_assert_eq!(plan.shipments[0].warehouse, w);
            }
        }
    }
}

/// A case with one kit per order (variants 0 and 1, `per_kit` units each) beside random
/// plain lines, which may be of the same variants.
fn kit_case() -> impl Strategy<Value = (Case, Vec<(i64, i64, i64)>, bool)> {
    case().prop_flat_map(|c| {
        let n = c.orders.len();
        (
            Just(c),
            prop::collection::vec((1i64..=3, 1i64..=3, 1i64..=2), n),
            any::<bool>(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn kits_ship_whole_from_one_warehouse_unless_split(
        (case, kits, split) in kit_case()
    ) {
        let specs = case
            .allow_partial
            .iter()
            .enumerate()
            .map(|(i, &partial)| WarehouseSpec::new(format!("w{i}"), partial))
            .collect();
        let settings = Settings { max_splits: case.max_splits, backorder_mode: BackorderMode::Oms };
        let mut p = Planner::new(specs, settings).expect("distinct codes");
        let ids = p.by_priority().to_vec();
        for (w, row) in case.stock.iter().enumerate() {
            for (v, &qty) in row.iter().enumerate() {
                p.set_stock(ids[w], v as i64, qty, 0);
            }
        }
        for (n, (order, &(count, per_a, per_b))) in case.orders.iter().zip(&kits).enumerate() {
            let order_id = n as i64;
            let kit = |per_kit| Some(Kit { line_id: order_id * 10 + 9, sku: "KIT".into(), per_kit });
            let mut lines = vec![
                LineToPlan { order_line_id: order_id * 10, variant_id: 0, sku: "A".into(), quantity: count * per_a, kit: kit(per_a) },
                LineToPlan { order_line_id: order_id * 10 + 1, variant_id: 1, sku: "B".into(), quantity: count * per_b, kit: kit(per_b) },
            ];
            for (i, &(variant_id, quantity)) in order.lines.iter().enumerate() {
                lines.push(LineToPlan {
                    order_line_id: order_id * 10 + 2 + i as i64,
                    variant_id,
                    sku: format!("SKU-{variant_id}"),
                    quantity,
                    kit: None,
                });
            }
            let candidates: Vec<WarehouseId> = order.candidates.iter().map(|&i| ids[i]).collect();
            let before = snapshot(&p);
            let limits = Limits { split_bundles: split, ..Limits::default() };
            let plan = p.allocate_limited(&OrderToPlan { order_id, lines: &lines, candidates: &candidates }, limits, false);

            let mut taken: HashMap<(WarehouseId, i64), i64> = HashMap::new();
            let mut kit_from: Vec<WarehouseId> = Vec::new();
            let mut kit_units: HashMap<i64, i64> = HashMap::new();
            for s in &plan.shipments {
                for l in &s.lines {
                    *taken.entry((s.warehouse, l.variant_id)).or_default() += l.quantity;
                    if l.order_line_id % 10 < 2 {
                        *kit_units.entry(l.order_line_id).or_default() += l.quantity;
                        if !kit_from.contains(&s.warehouse) { kit_from.push(s.warehouse); }
                    }
                }
            }
            for (key, &qty) in &taken {
                prop_assert!(qty <= before[key], "allocated {} of {} at {:?}", qty, before[key], key);
            }
            let a = kit_units.get(&(order_id * 10)).copied().unwrap_or(0);
            let b = kit_units.get(&(order_id * 10 + 1)).copied().unwrap_or(0);
            prop_assert!(
                (a, b) == (0, 0) || (a, b) == (count * per_a, count * per_b),
                "a kit shipped in part: A {}, B {}", a, b
            );
            if !split {
                prop_assert!(kit_from.len() <= 1, "a kit from {} warehouses", kit_from.len());
            }
            prop_assert_eq!(plan.is_backordered(), !plan.reasons.is_empty());
        }
    }
}
