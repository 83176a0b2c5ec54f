//! The order counts `oms status` shows come from counters kept by triggers (migration
//! 0011), not from a GROUP BY over every order. These tests drive random sequences of real
//! commands and recount the rows after each step: the counters must match exactly.
//! Backorder retries for one SKU must only look at the orders waiting for it.

mod common;
mod process_support;

use std::collections::BTreeMap;

use process_support::*;
use serde_json::Value;

/// xorshift64: a fixed seed gives the same "random" sequence on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn shown_counts(env: &common::Env) -> (BTreeMap<String, i64>, i64) {
    let status: Value = env.oms(["status", "-o", "json"]).run().json();
    let counts = status["orders"]
        .as_array()
        .expect("orders list")
        .iter()
        .map(|c| {
            (
                c["status"].as_str().expect("status").to_string(),
                c["orders"].as_i64().expect("count"),
            )
        })
        .collect();
    (counts, status["backordered_total"].as_i64().expect("total"))
}

fn recounted(env: &common::Env) -> (BTreeMap<String, i64>, i64) {
    let db = env.db();
    let counts = db
        .prepare("SELECT status, COUNT(*) FROM orders GROUP BY status")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let backordered = db
        .query_row(
            "SELECT COUNT(*) FROM orders WHERE backordered = 1
             AND status NOT IN ('shipped','short_shipped','cancelled')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (counts, backordered)
}

fn random_steps(seed: u64, steps: usize) {
    let env = standard();
    let mut rng = Rng(seed);
    let mut next_order = 0;
    for step in 0..steps {
        let op = rng.below(6);
        match op {
            0 | 1 => {
                let n = 1 + rng.below(4) as usize;
                let ext: Vec<String> = (0..n)
                    .map(|_| {
                        next_order += 1;
                        format!("{seed}-{next_order}")
                    })
                    .collect();
                let orders: Vec<Order> = ext
                    .iter()
                    .map(|e| {
                        let sku = SKUS[rng.below(SKUS.len() as u64) as usize];
                        Order::new(e, &[(sku, 1 + rng.below(3) as i64)])
                    })
                    .collect();
                insert(&env, &orders);
            }
            2 => {
                env.oms(process_args(&["-o", "json"])).run();
            }
            3 => {
                let sku = SKUS[rng.below(SKUS.len() as u64) as usize];
                let warehouse = ["east", "west"][rng.below(2) as usize];
                stock(&env, &[(warehouse, sku, 1 + rng.below(4) as i64)]);
            }
            4 if next_order > 0 => {
                let id = 1 + rng.below(next_order);
                // Some are already shipped or cancelled: the refusal changes nothing.
                env.oms(["orders", "cancel", &id.to_string(), "--yes"])
                    .run();
            }
            _ => {
                env.oms(["shipments", "send", "-o", "json"]).run();
            }
        }
        assert_eq!(
            shown_counts(&env),
            recounted(&env),
            "seed {seed}, step {step} (operation {op})"
        );
    }
    assert_stock_consistent(&env);
}

#[test]
fn status_counts_match_a_recount_after_random_operations() {
    for seed in [0x5EED_0001, 0x0BAD_CAFE, 0x1234_5678_9ABC] {
        random_steps(seed, 14);
    }
}

#[test]
fn a_stock_rise_retries_only_the_orders_waiting_for_that_sku() {
    let env = standard();
    let ids = insert(
        &env,
        &[
            Order::new("mug", &[("MUG-1", 1)]),
            Order::new("cap", &[("CAP-1", 1)]),
            Order::new("both", &[("MUG-1", 1), ("CAP-1", 1)]),
        ],
    );
    process(&env, &[], 0);
    assert!(ids.iter().all(|&id| order_state(&env, id).1));

    let report = stock(&env, &[("east", "MUG-1", 1)]).json();
    // The cap order waits for nothing that rose: it is not even looked at.
    assert_eq!(report["backorders"]["considered"], 2);
    assert_eq!(report["backorders"]["allocated"][0]["order_id"], ids[0]);
    assert_eq!(report["backorders"]["waiting"], 1);
    assert!(order_state(&env, ids[1]).1);
    assert!(order_state(&env, ids[2]).1);
    assert_eq!(shown_counts(&env), recounted(&env));
    assert_stock_consistent(&env);
}
