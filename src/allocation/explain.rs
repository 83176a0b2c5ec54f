//! The `--explain` text: what each candidate could cover and why the plan is what it is.
//! Built only on request, so unlike the planning path it may format freely.

use super::WarehouseId;
use super::plan::{Plan, PlanKind};
use super::search::{Decision, Work};

pub(super) fn explain(work: &Work<'_, '_>, decision: &Decision, plan: &Plan) -> Vec<String> {
    match decision {
        Decision::NothingToDo => {
            return vec!["nothing to allocate: every line is already allocated".to_string()];
        }
        Decision::NoCandidates => return vec![format!("backordered: {}", plan.reason_text())],
        Decision::Ship(..) | Decision::Backorder => {}
    }
    let mut out: Vec<String> = work
        .candidates
        .iter()
        .map(|&w| match verdict(work, decision, w) {
            Some(verdict) => format!("{} — {verdict}", coverage(work, w)),
            None => coverage(work, w),
        })
        .collect();
    match decision {
        Decision::Ship(PlanKind::Split, _) => out.push(format!("split: {}", shipments(work, plan))),
        Decision::Ship(PlanKind::Partial, _) => {
            out.push(split_failure(work));
            let left = plural(plan.backordered.len(), "line");
            out.push(format!(
                "partial: {}; {left} backordered",
                shipments(work, plan)
            ));
            out.push(format!("backordered: {}", plan.reason_text()));
        }
        Decision::Backorder => {
            out.push(split_failure(work));
            if work.candidates.iter().any(|&w| work.allows_partial(w)) {
                out.push(
                    "partial: the warehouses that allow partial shipments have none of it"
                        .to_string(),
                );
            }
            out.push(format!("backordered: {}", plan.reason_text()));
        }
        _ => {}
    }
    out
}

/// "east: covers all 3 lines", "west: covers 1 of 3 lines; lacks MUG-WHT (needs 2, 0 available)".
fn coverage(work: &Work<'_, '_>, w: WarehouseId) -> String {
    let code = work.planner.code(w);
    let short = |d: usize| work.available(w, d) < work.demands[d].need;
    let covered = work.open.iter().filter(|&&(_, d)| !short(d)).count();
    let lacks: Vec<String> = (0..work.demands.len())
        .filter(|&d| short(d))
        .map(|d| {
            let demand = &work.demands[d];
            let available = work.available(w, d);
            format!(
                "{} (needs {}, {available} available)",
                demand.sku, demand.need
            )
        })
        .collect();
    let total = work.open.len();
    if lacks.is_empty() {
        if total == 1 {
            format!("{code}: covers the line")
        } else {
            format!("{code}: covers all {total} lines")
        }
    } else if covered == 0 {
        format!("{code}: lacks {}", lacks.join(", "))
    } else {
        format!(
            "{code}: covers {covered} of {total} lines; lacks {}",
            lacks.join(", ")
        )
    }
}

/// Why this candidate was or was not used, when the coverage alone does not say.
fn verdict(work: &Work<'_, '_>, decision: &Decision, w: WarehouseId) -> Option<String> {
    let Decision::Ship(kind, set) = decision else {
        return None;
    };
    let chosen = set.contains(&w);
    match kind {
        PlanKind::Single if chosen => Some("chosen".to_string()),
        PlanKind::Single if work.covers(&[w]) => Some(format!(
            "not chosen: {} comes first",
            work.planner.code(set[0])
        )),
        PlanKind::Split if chosen => Some("part of the split".to_string()),
        PlanKind::Partial if chosen => {
            Some("ships what it has (allows partial shipments)".to_string())
        }
        PlanKind::Partial if !work.allows_partial(w) => {
            Some("does not allow partial shipments".to_string())
        }
        PlanKind::Unchecked if chosen => Some(
            "chosen: backorder mode wms ships everything from the first candidate without \
             checking stock"
                .to_string(),
        ),
        _ => None,
    }
}

fn split_failure(work: &Work<'_, '_>) -> String {
    let max_splits = work.max_splits;
    if max_splits == 1 {
        "split: not allowed (max_splits = 1)".to_string()
    } else if !work.covers(&work.candidates) {
        "split: not possible, all candidates together do not hold enough".to_string()
    } else {
        format!(
            "split: no {max_splits} warehouses together cover every line (max_splits = {max_splits})"
        )
    }
}

/// "east 2 lines, west 1 line"
fn shipments(work: &Work<'_, '_>, plan: &Plan) -> String {
    let parts: Vec<String> = plan
        .shipments
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                work.planner.code(s.warehouse),
                plural(s.lines.len(), "line")
            )
        })
        .collect();
    parts.join(", ")
}

fn plural(n: usize, word: &str) -> String {
    crate::model::words::count(i64::try_from(n).unwrap_or(i64::MAX), word)
}
