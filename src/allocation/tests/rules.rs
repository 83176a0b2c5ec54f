//! Which warehouses ship, and what is backordered with which reason.

use super::*;

#[test]
fn one_warehouse_that_ships_everything_beats_a_higher_priority_one_with_some_stock() {
    let mut p = three(2);
    stock(&mut p, "east", A, 10);
    stock(&mut p, "west", A, 3);
    stock(&mut p, "west", B, 2);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 3), line(12, B, "B", 2)]);
    assert_eq!(plan.kind, PlanKind::Single);
    assert_eq!(shipped(&p, &plan), owned(&[("west", &[(11, 3), (12, 2)])]));
    assert!(!plan.is_backordered());
    assert!(plan.reasons.is_empty());
}

#[test]
fn among_warehouses_that_can_each_ship_all_the_first_candidate_wins() {
    let mut p = three(2);
    for w in ["east", "west", "north"] {
        stock(&mut p, w, A, 5);
    }
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 2)]);
    assert_eq!(shipped(&p, &plan), owned(&[("east", &[(11, 2)])]));

    let order_lines = [line(21, A, "A", 2)];
    let candidates = p.candidates(["north"]).expect("known codes");
    let order = OrderToPlan {
        order_id: 2,
        lines: &order_lines,
        candidates: &candidates,
    };
    let plan = p.allocate(&order, false);
    assert_eq!(shipped(&p, &plan), owned(&[("north", &[(21, 2)])]));
}

#[test]
fn splits_across_warehouses_when_no_single_one_can() {
    let mut p = three(2);
    stock(&mut p, "east", A, 5);
    stock(&mut p, "west", B, 5);
    stock(&mut p, "east", C, 1);
    stock(&mut p, "west", C, 4);
    let plan = allocate(
        &mut p,
        1,
        &[
            line(11, A, "A", 2),
            line(12, B, "B", 1),
            line(13, C, "C", 3),
        ],
    );
    assert_eq!(plan.kind, PlanKind::Split);
    // C's units come from east first (candidate order), the rest from west.
    assert_eq!(
        shipped(&p, &plan),
        owned(&[("east", &[(11, 2), (13, 1)]), ("west", &[(12, 1), (13, 2)])])
    );
    assert!(!plan.is_backordered());
}

#[test]
fn a_split_uses_the_fewest_warehouses_not_the_first_ones_with_any_stock() {
    let mut p = three(3);
    stock(&mut p, "east", A, 1);
    stock(&mut p, "west", A, 1);
    stock(&mut p, "west", B, 1);
    stock(&mut p, "north", A, 2);
    stock(&mut p, "north", B, 1);
    // A greedy walk would take east, west and north; west + north is enough.
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 2), line(12, B, "B", 2)]);
    assert_eq!(
        shipped(&p, &plan),
        owned(&[
            ("west", &[(11, 1), (12, 1)]),
            ("north", &[(11, 1), (12, 1)])
        ])
    );
}

#[test]
fn max_splits_one_backorders_instead_of_splitting() {
    let mut p = three(1);
    stock(&mut p, "east", A, 5);
    stock(&mut p, "west", B, 5);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 2), line(12, B, "B", 1)]);
    assert_eq!(plan.kind, PlanKind::Backordered);
    assert!(plan.shipments.is_empty());
    assert_eq!(
        plan.backordered,
        vec![
            BackorderedLine {
                order_line_id: 11,
                variant_id: A,
                quantity: 2
            },
            BackorderedLine {
                order_line_id: 12,
                variant_id: B,
                quantity: 1
            },
        ]
    );
    assert_eq!(
        reasons(&plan),
        ["not enough stock in any one warehouse, and max_splits = 1 forbids splitting"]
    );
    assert_eq!(p.available(p.warehouse("east").expect("east"), A), 5);
}

#[test]
fn short_skus_get_one_reason_each_with_availability_summed_over_candidates() {
    let mut p = three(2);
    stock(&mut p, "east", A, 1);
    stock(&mut p, "west", A, 1);
    stock(&mut p, "east", B, 9);
    let plan = allocate(
        &mut p,
        1,
        &[
            line(11, A, "TEE-BLK-M", 5),
            line(12, B, "MUG-WHT", 2),
            line(13, C, "CAP", 1),
        ],
    );
    assert_eq!(plan.kind, PlanKind::Backordered);
    assert_eq!(
        reasons(&plan),
        [
            "not enough stock: SKU TEE-BLK-M needs 5, 2 available",
            "not enough stock: SKU CAP needs 1, 0 available",
        ]
    );
    assert_eq!(
        plan.reason_text(),
        "not enough stock: SKU TEE-BLK-M needs 5, 2 available; \
         not enough stock: SKU CAP needs 1, 0 available"
    );
}

#[test]
fn lines_of_the_same_sku_are_checked_against_their_sum() {
    let mut p = three(1);
    stock(&mut p, "east", A, 3);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 2), line(12, A, "A", 2)]);
    assert_eq!(
        reasons(&plan),
        ["not enough stock: SKU A needs 4, 3 available"]
    );

    stock(&mut p, "east", A, 4);
    let plan = allocate(&mut p, 2, &[line(21, A, "A", 2), line(22, A, "A", 2)]);
    assert_eq!(shipped(&p, &plan), owned(&[("east", &[(21, 2), (22, 2)])]));
}

#[test]
fn allow_partial_ships_what_is_there_and_backorders_the_rest() {
    let mut p = planner(&[("east", true), ("west", false)], 2, BackorderMode::Oms);
    stock(&mut p, "east", A, 2);
    stock(&mut p, "east", B, 1);
    // west holds one more A, but does not take partial shipments.
    stock(&mut p, "west", A, 1);
    let plan = allocate(
        &mut p,
        1,
        &[
            line(11, A, "TEE-BLK-M", 5),
            line(12, B, "MUG-WHT", 1),
            line(13, C, "CAP", 1),
        ],
    );
    assert_eq!(plan.kind, PlanKind::Partial);
    assert_eq!(shipped(&p, &plan), owned(&[("east", &[(11, 2), (12, 1)])]));
    assert_eq!(
        plan.backordered,
        vec![
            BackorderedLine {
                order_line_id: 11,
                variant_id: A,
                quantity: 3
            },
            BackorderedLine {
                order_line_id: 13,
                variant_id: C,
                quantity: 1
            },
        ]
    );
    assert_eq!(
        reasons(&plan),
        [
            "not enough stock: SKU TEE-BLK-M needs 5, 3 available",
            "not enough stock: SKU CAP needs 1, 0 available",
        ]
    );
    let east = p.warehouse("east").expect("east");
    assert_eq!(p.available(east, A), 0);
}

#[test]
fn partial_shipping_stays_within_max_splits_and_says_why_the_rest_waits() {
    let mut p = planner(&[("east", true), ("west", true)], 1, BackorderMode::Oms);
    stock(&mut p, "east", A, 2);
    stock(&mut p, "west", A, 3);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 5)]);
    assert_eq!(plan.kind, PlanKind::Partial);
    assert_eq!(shipped(&p, &plan), owned(&[("east", &[(11, 2)])]));
    assert_eq!(
        reasons(&plan),
        [
            "not enough stock where it may ship: SKU A needs 5, 2 shipped; the rest is only \
          beyond max_splits = 1 or where partial shipments are not allowed"
        ]
    );
}

#[test]
fn without_allow_partial_nothing_ships_when_the_order_cannot_be_covered() {
    let mut p = three(3);
    stock(&mut p, "east", A, 5);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 1), line(12, B, "B", 1)]);
    assert_eq!(plan.kind, PlanKind::Backordered);
    assert!(plan.shipments.is_empty());
    assert_eq!(plan.backordered.len(), 2);
    assert_eq!(
        reasons(&plan),
        ["not enough stock: SKU B needs 1, 0 available"]
    );
}

#[test]
fn wms_mode_allocates_everything_in_the_first_candidate_without_checking() {
    let mut p = planner(&[("east", false), ("west", false)], 2, BackorderMode::Wms);
    stock(&mut p, "west", A, 10);
    stock(&mut p, "east", A, 1);
    let plan = allocate(&mut p, 1, &[line(11, A, "A", 4), line(12, B, "B", 2)]);
    assert_eq!(plan.kind, PlanKind::Unchecked);
    assert_eq!(shipped(&p, &plan), owned(&[("east", &[(11, 4), (12, 2)])]));
    assert!(!plan.is_backordered());
    let east = p.warehouse("east").expect("east");
    assert_eq!(p.available(east, A), -3);
    assert_eq!(p.available(east, B), -2);
}
