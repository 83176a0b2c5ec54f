//! The `--explain` text.

use super::*;

#[test]
fn explanation_says_what_each_warehouse_covers_and_what_was_chosen() {
    let mut p = three(2);
    stock(&mut p, "east", A, 5);
    stock(&mut p, "east", B, 5);
    for v in [A, B, C] {
        stock(&mut p, "west", v, 5);
        stock(&mut p, "north", v, 5);
    }
    let lines = [
        line(11, A, "TEE-BLK-M", 1),
        line(12, B, "CAP", 1),
        line(13, C, "MUG-WHT", 2),
    ];
    let plan = allocate(&mut p, 1, &lines);
    assert_eq!(
        plan.explanation,
        [
            "east: covers 2 of 3 lines; lacks MUG-WHT (needs 2, 0 available)",
            "west: covers all 3 lines — chosen",
            "north: covers all 3 lines — not chosen: west comes first",
        ]
    );

    let mut p = three(2);
    stock(&mut p, "east", A, 5);
    stock(&mut p, "east", B, 5);
    stock(&mut p, "west", C, 2);
    let plan = allocate(&mut p, 2, &lines);
    assert_eq!(
        plan.explanation,
        [
            "east: covers 2 of 3 lines; lacks MUG-WHT (needs 2, 0 available) — part of the split",
            "west: covers 1 of 3 lines; lacks TEE-BLK-M (needs 1, 0 available), CAP (needs 1, 0 available) — part of the split",
            "north: lacks TEE-BLK-M (needs 1, 0 available), CAP (needs 1, 0 available), MUG-WHT (needs 2, 0 available)",
            "split: east 2 lines, west 1 line",
        ]
    );

    let plan = allocate(&mut p, 3, &[line(31, A, "TEE-BLK-M", 9)]);
    assert_eq!(
        plan.explanation,
        [
            "east: lacks TEE-BLK-M (needs 9, 4 available)",
            "west: lacks TEE-BLK-M (needs 9, 0 available)",
            "north: lacks TEE-BLK-M (needs 9, 0 available)",
            "split: not possible, all candidates together do not hold enough",
            "backordered: not enough stock: SKU TEE-BLK-M needs 9, 4 available",
        ]
    );
}

#[test]
fn explanation_of_partial_and_wms_plans() {
    let mut p = planner(&[("east", false), ("west", true)], 1, BackorderMode::Oms);
    stock(&mut p, "west", A, 1);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 3)]);
    assert_eq!(
        plan.explanation,
        [
            "east: lacks A (needs 3, 0 available) — does not allow partial shipments",
            "west: lacks A (needs 3, 1 available) — ships what it has (allows partial shipments)",
            "split: not allowed (max_splits = 1)",
            "partial: west 1 line; 1 line backordered",
            "backordered: not enough stock: SKU A needs 3, 1 available",
        ]
    );

    let mut p = planner(&[("east", false)], 1, BackorderMode::Wms);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 3)]);
    assert_eq!(
        plan.explanation,
        [
            "east: lacks A (needs 3, 0 available) — chosen: backorder mode wms ships everything \
          from the first candidate without checking stock"
        ]
    );
}

#[test]
fn no_explanation_unless_asked() {
    let mut p = three(2);
    stock(&mut p, "east", A, 1);
    let lines = [line(11, A, "A", 1)];
    let candidates = p.by_priority().to_vec();
    let order = OrderToPlan {
        order_id: 1,
        lines: &lines,
        candidates: &candidates,
    };
    assert!(p.allocate(&order, false).explanation.is_empty());
}
