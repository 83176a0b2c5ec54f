//! A kit comes back as its components (issues 15 and 16): `returns create --line KIT-1=1`
//! is an RMA for one kit's worth of each component, each checked against what shipped, and
//! receiving it restocks the components; the bundle itself never gets stock.

mod bundles_support;
mod common;

use bundles_support::*;
use common::STANDARD_CONFIG;

#[test]
fn a_returned_kit_restocks_its_components() {
    let env = workspace(STANDARD_CONFIG);
    stock(&env, &[("east", "A", 4), ("east", "B", 2)]);
    import(&env, "5001", &[("L1", "KIT-1", 2)], 0);
    env.oms(["orders", "process"]).ok();
    confirm(&env, "shipments-1.csv", &[("A", 4), ("B", 2)]);
    let order = order_id(&env, "5001").to_string();

    // Two kits shipped; three are asked back: each component names its numbers.
    let refused = env
        .oms([
            "returns", "create", "--order", &order, "--line", "KIT-1=3", "--reason", "unwanted",
        ])
        .code(2);
    refused.stderr_has("order 1 shipped 4 × A; 6 asked (of bundle KIT-1)");
    refused.stderr_has("order 1 shipped 2 × B; 3 asked (of bundle KIT-1)");

    let rma = env
        .oms([
            "returns", "create", "--order", &order, "--line", "KIT-1=1", "--reason", "unwanted",
            "-o", "json",
        ])
        .ok()
        .json();
    let lines: Vec<(String, i64)> = rma["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["sku"].as_str().unwrap().to_string(),
                l["quantity"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(lines, [(s("A"), 2), (s("B"), 1)], "{rma:#}");
    let number = rma["number"].as_str().unwrap();

    env.oms([
        "returns",
        "receive",
        number,
        "--line",
        "A=2:restock",
        "--line",
        "B=1:restock",
    ])
    .ok();
    let on_hand = |sku: &str| -> i64 {
        env.db()
            .query_row(
                "SELECT COALESCE(SUM(s.on_hand), 0) FROM stock_levels s
                 JOIN variants v ON v.id = s.variant_id WHERE v.sku = ?1",
                [sku],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!((on_hand("A"), on_hand("B")), (2, 1));
    assert_eq!(kit_ledger_rows(&env), 0, "a bundle has no stock of its own");

    // One kit is left to return, and no more.
    env.oms([
        "returns", "create", "--order", &order, "--line", "KIT-1=2", "--reason", "unwanted",
    ])
    .code(2)
    .stderr_has("order 1 shipped 4 × A, 2 already on RMA-000001; 4 asked (of bundle KIT-1)");
    env.oms([
        "returns", "create", "--order", &order, "--line", "KIT-1=1", "--reason", "unwanted",
    ])
    .ok();
    env.oms(["stock", "verify"]).ok();
}
