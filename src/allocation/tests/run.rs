//! Reservation across orders, candidate lists and edge cases of the input.

use super::*;

#[test]
fn the_next_order_sees_what_the_previous_one_reserved() {
    let mut p = three(2);
    stock(&mut p, "east", A, 5);
    let first = allocate(&mut p, 1, &[line(11, A, "A", 3)]);
    assert_eq!(shipped(&p, &first), owned(&[("east", &[(11, 3)])]));
    let second = allocate(&mut p, 2, &[line(21, A, "A", 3)]);
    assert_eq!(
        reasons(&second),
        ["not enough stock: SKU A needs 3, 2 available"]
    );
    let third = allocate(&mut p, 3, &[line(31, A, "A", 2)]);
    assert_eq!(shipped(&p, &third), owned(&[("east", &[(31, 2)])]));
    assert_eq!(p.available(p.warehouse("east").expect("east"), A), 0);
}

#[test]
fn plan_alone_reserves_nothing_and_added_stock_is_seen() {
    let mut p = three(2);
    let east = p.warehouse("east").expect("east");
    p.set_stock(east, A, 7, 4);
    assert_eq!(p.available(east, A), 3);
    let lines = [line(11, A, "A", 3)];
    let candidates = p.by_priority().to_vec();
    let order = OrderToPlan {
        order_id: 1,
        lines: &lines,
        candidates: &candidates,
    };
    assert_eq!(p.plan(&order, false), p.plan(&order, false));
    assert_eq!(p.available(east, A), 3);

    let bigger = [line(21, A, "A", 5)];
    let order = OrderToPlan {
        order_id: 2,
        lines: &bigger,
        candidates: &candidates,
    };
    assert!(p.plan(&order, false).is_backordered());
    p.add_available(east, A, 2); // a receipt booked during the run
    assert_eq!(p.allocate(&order, false).kind, PlanKind::Single);
    assert_eq!(p.available(east, A), 0);
}

#[test]
fn candidates_put_preferences_first_without_repeats() {
    let p = three(2);
    let codes = |ids: Vec<WarehouseId>| {
        ids.into_iter()
            .map(|w| p.code(w).to_string())
            .collect::<Vec<_>>()
    };
    // requested west, rule north, channel default west again (a repeat keeps its first place).
    let list = p
        .candidates(["west", "north", "west"])
        .expect("known codes");
    assert_eq!(codes(list), ["west", "north", "east"]);
    let list = p
        .candidates(Vec::<String>::new())
        .expect("nothing to look up");
    assert_eq!(codes(list), ["east", "west", "north"]);
    assert_eq!(
        p.candidates(["west", "paris"]),
        Err(PlannerError::UnknownWarehouse("paris".to_string()))
    );
}

#[test]
fn the_requested_warehouse_is_tried_first() {
    let mut p = three(2);
    stock(&mut p, "east", A, 5);
    stock(&mut p, "west", A, 5);
    let lines = [line(11, A, "A", 1)];
    let candidates = p
        .candidates([Some("west"), None].into_iter().flatten())
        .expect("known");
    let order = OrderToPlan {
        order_id: 1,
        lines: &lines,
        candidates: &candidates,
    };
    let plan = p.allocate(&order, false);
    assert_eq!(shipped(&p, &plan), owned(&[("west", &[(11, 1)])]));
}

#[test]
fn an_order_without_candidates_is_backordered_saying_so() {
    let p = three(2);
    let lines = [line(11, A, "A", 1)];
    let order = OrderToPlan {
        order_id: 1,
        lines: &lines,
        candidates: &[],
    };
    let plan = p.plan(&order, true);
    assert_eq!(plan.kind, PlanKind::Backordered);
    assert_eq!(
        reasons(&plan),
        ["no warehouse to ship from: no candidate warehouses"]
    );
    assert_eq!(plan.backordered.len(), 1);
    assert_eq!(
        plan.explanation,
        ["backordered: no warehouse to ship from: no candidate warehouses"]
    );
}

#[test]
fn zero_quantity_lines_are_not_planned() {
    let mut p = three(2);
    stock(&mut p, "east", A, 1);
    let plan = allocate(
        &mut p,
        1,
        &[
            line(11, A, "A", 1),
            line(12, B, "B", 0),
            line(13, C, "C", -1),
        ],
    );
    assert_eq!(shipped(&p, &plan), owned(&[("east", &[(11, 1)])]));
    assert!(!plan.is_backordered());

    let plan = allocate(&mut p, 2, &[line(21, B, "B", 0)]);
    assert_eq!(plan.kind, PlanKind::NothingToDo);
    assert!(plan.shipments.is_empty() && plan.backordered.is_empty() && plan.reasons.is_empty());
}

#[test]
fn a_warehouse_listed_twice_is_refused() {
    let specs = vec![
        WarehouseSpec::new("east", false),
        WarehouseSpec::new("east", true),
    ];
    let settings = Settings {
        max_splits: 1,
        backorder_mode: BackorderMode::Oms,
    };
    assert_eq!(
        Planner::new(specs, settings).err(),
        Some(PlannerError::DuplicateWarehouse("east".to_string()))
    );
}
