//! Kits: the component lines of one bundle line ship from one warehouse (unless split),
//! all or nothing, and a plain line of the same SKU does not take a kit's units twice.

use super::*;

fn kit_line(id: i64, variant: i64, sku: &str, quantity: i64, per_kit: i64) -> LineToPlan {
    LineToPlan {
        kit: Some(Kit {
            line_id: 10,
            sku: "KIT-1".into(),
            per_kit,
        }),
        ..line(id, variant, sku, quantity)
    }
}

fn plan_with(p: &Planner, lines: &[LineToPlan], split_bundles: bool) -> Plan {
    let candidates = p.by_priority().to_vec();
    let order = OrderToPlan {
        order_id: 1,
        lines,
        candidates: &candidates,
    };
    p.plan_limited(
        &order,
        Limits {
            split_bundles,
            ..Limits::default()
        },
        false,
    )
}

#[test]
fn a_kit_is_split_over_warehouses_only_when_the_channel_allows_it() {
    let mut p = three(2);
    stock(&mut p, "east", A, 4);
    stock(&mut p, "west", B, 2);
    stock(&mut p, "west", C, 1);
    // 2 kits of 2 × A + 1 × B, and a plain C.
    let lines = [
        kit_line(1, A, "A", 4, 2),
        kit_line(2, B, "B", 2, 1),
        line(3, C, "C", 1),
    ];
    // No warehouse ships part of an order: it waits whole.
    let plan = plan_with(&p, &lines, false);
    assert!(plan.shipments.is_empty(), "{plan:?}");
    assert_eq!(
        reasons(&plan),
        [
            "not enough stock in one warehouse: no warehouse holds every component of KIT-1 \
          for 2 kits (a kit ships from one warehouse unless the sales channel sets \
          split_bundles = true)"
        ]
    );
    let split = plan_with(&p, &lines, true);
    assert_eq!(
        shipped(&p, &split),
        owned(&[("east", &[(1, 4)]), ("west", &[(2, 2), (3, 1)])])
    );
    assert!(!split.is_backordered());
}

#[test]
fn a_plain_line_of_a_component_sku_does_not_take_the_kit_units() {
    let mut p = planner(&[("east", true)], 1, BackorderMode::Oms);
    stock(&mut p, "east", A, 3);
    stock(&mut p, "east", B, 1);
    // The kit needs 2 A, the plain line 2 more: only 3 exist.
    let lines = [
        kit_line(1, A, "A", 2, 2),
        kit_line(2, B, "B", 1, 1),
        line(3, A, "A", 2),
    ];
    let plan = plan_with(&p, &lines, false);
    let total_a: i64 = plan
        .shipments
        .iter()
        .flat_map(|s| &s.lines)
        .filter(|l| l.variant_id == A)
        .map(|l| l.quantity)
        .sum();
    assert!(total_a <= 3, "{plan:?}");
    // The kit goes whole; the plain line gets what is left.
    assert_eq!(
        shipped(&p, &plan),
        owned(&[("east", &[(1, 2), (2, 1), (3, 1)])])
    );
    assert_eq!(
        reasons(&plan),
        ["not enough stock: SKU A needs 4, 3 available"]
    );
}
