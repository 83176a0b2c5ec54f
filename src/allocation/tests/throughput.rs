use super::*;

/// The planner's share of `orders process`: 100,000 orders × 3 lines over 10,000 SKUs × 5
/// warehouses. Timing belongs to benchmarks, not assertions, so this only prints the rate:
/// `cargo test --release --lib allocation::tests::throughput -- --ignored --nocapture`
#[test]
#[ignore]
fn throughput_of_100k_orders() {
    const SKUS: i64 = 10_000;
    const ORDERS: i64 = 100_000;
    let mut p = planner(
        &[
            ("w1", false),
            ("w2", false),
            ("w3", true),
            ("w4", false),
            ("w5", false),
        ],
        2,
        BackorderMode::Oms,
    );
    // A fixed linear congruential sequence: reproducible without a random crate.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |bound: i64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        i64::try_from((seed >> 33) % u64::try_from(bound).expect("positive")).expect("small")
    };
    let ids = p.by_priority().to_vec();
    let mut before = 0;
    for v in 0..SKUS {
        for &w in &ids {
            let qty = next(20);
            p.set_stock(w, v, qty, 0);
            before += qty;
        }
    }
    let orders: Vec<Vec<LineToPlan>> = (0..ORDERS)
        .map(|o| {
            (0..3)
                .map(|i| line(o * 3 + i, next(SKUS), "SKU", 1 + next(4)))
                .collect()
        })
        .collect();

    let start = std::time::Instant::now();
    let mut units = 0;
    let mut backordered = 0;
    for (o, lines) in (0..).zip(&orders) {
        let plan = p.allocate(
            &OrderToPlan {
                order_id: o,
                lines,
                candidates: &ids,
            },
            false,
        );
        units += plan
            .shipments
            .iter()
            .flat_map(|s| &s.lines)
            .map(|l| l.quantity)
            .sum::<i64>();
        backordered += i64::from(plan.is_backordered());
    }
    let elapsed = start.elapsed();
    println!(
        "{ORDERS} orders in {elapsed:?}: {:.0} orders/s, {backordered} backordered",
        ORDERS as f64 / elapsed.as_secs_f64()
    );

    let after: i64 = (0..SKUS)
        .flat_map(|v| ids.iter().map(move |&w| (w, v)))
        .map(|(w, v)| p.available(w, v))
        .sum();
    assert_eq!(
        after,
        before - units,
        "every allocated unit left availability"
    );
}
