//! Unit tests of the planner: one file per concern, shared helpers here.

mod explain;
mod kits;
mod rules;
mod run;
mod throughput;

use super::*;

const A: i64 = 1;
const B: i64 = 2;
const C: i64 = 3;

fn planner(warehouses: &[(&str, bool)], max_splits: u32, mode: BackorderMode) -> Planner {
    let specs = warehouses
        .iter()
        .map(|&(code, partial)| WarehouseSpec::new(code, partial))
        .collect();
    Planner::new(
        specs,
        Settings {
            max_splits,
            backorder_mode: mode,
        },
    )
    .expect("valid warehouse list")
}

/// east, west, north in that priority; none allows partial shipments.
fn three(max_splits: u32) -> Planner {
    planner(
        &[("east", false), ("west", false), ("north", false)],
        max_splits,
        BackorderMode::Oms,
    )
}

fn stock(p: &mut Planner, code: &str, variant: i64, available: i64) {
    let w = p.warehouse(code).expect("known warehouse");
    p.set_stock(w, variant, available, 0);
}

fn line(id: i64, variant: i64, sku: &str, quantity: i64) -> LineToPlan {
    LineToPlan {
        order_line_id: id,
        variant_id: variant,
        sku: sku.to_string(),
        quantity,
        kit: None,
    }
}

/// Plans (and reserves) with candidates in priority order, explanation on.
fn allocate(p: &mut Planner, order_id: i64, lines: &[LineToPlan]) -> Plan {
    let candidates = p.by_priority().to_vec();
    let order = OrderToPlan {
        order_id,
        lines,
        candidates: &candidates,
    };
    p.allocate(&order, true)
}

/// Shipments as (warehouse, [(order line, quantity)]) for readable assertions.
fn shipped(p: &Planner, plan: &Plan) -> Vec<(String, Vec<(i64, i64)>)> {
    plan.shipments
        .iter()
        .map(|s| {
            let lines = s
                .lines
                .iter()
                .map(|l| (l.order_line_id, l.quantity))
                .collect();
            (p.code(s.warehouse).to_string(), lines)
        })
        .collect()
}

fn owned(list: &[(&str, &[(i64, i64)])]) -> Vec<(String, Vec<(i64, i64)>)> {
    list.iter()
        .map(|(w, l)| (w.to_string(), l.to_vec()))
        .collect()
}

fn reasons(plan: &Plan) -> Vec<String> {
    plan.reasons.iter().map(Reason::to_string).collect()
}
