//! `oms orders import` killed half-way (the test-only OMS_TEST_ABORT_AFTER_ORDERS hook):
//! the next run finishes the work, nothing lost and nothing imported twice. The batches are
//! made 1,000 orders (OMS_TEST_IMPORT_BATCH) so a small file has several.

mod common;
mod orders_support;

use common::Env;
use orders_support::*;
use serde_json::Value;

/// `n` orders of three lines each in oms-csv.
fn many_orders(n: usize) -> String {
    let skus = ["TEE-BLK-S", "MUG-WHT", "CAP-RED", "SOCKS-3PK", "TOTE-NAT"];
    let mut text = String::from(
        "order_id,order_name,email,ship_name,ship_address1,ship_country,ship_zip,sku,quantity,price\n",
    );
    for o in 0..n {
        for l in 0..3 {
            let sku = skus[(o + l) % skus.len()];
            text.push_str(&format!(
                "K{o},#K{o},k{o}@example.com,Kim Lee,1 Main St,US,{:05},{sku},{},9.99\n",
                o % 100_000,
                1 + (o + l) % 3
            ));
        }
    }
    text
}

fn assert_intact(env: &Env, n: i64) {
    assert_eq!(count(env, "SELECT COUNT(*) FROM orders"), n);
    assert_eq!(
        count(env, "SELECT COUNT(DISTINCT external_id) FROM orders"),
        n
    );
    assert_eq!(count(env, "SELECT COUNT(*) FROM order_lines"), 3 * n);
    assert_eq!(
        count(
            env,
            "SELECT COUNT(*) FROM orders o WHERE (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) <> 3"
        ),
        0
    );
    assert_eq!(
        count(
            env,
            "SELECT COUNT(*) FROM status_history WHERE entity = 'order'"
        ),
        n,
        "one story row per order, none twice"
    );
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_crash_mid_file_loses_nothing_and_duplicates_nothing() {
    let env = env_with_catalog();
    env.write("orders.csv", &many_orders(5000));
    let crashed = import_file(&env, "orders.csv", "oms-csv")
        .env("OMS_TEST_IMPORT_BATCH", "1000")
        .env("OMS_TEST_ABORT_AFTER_ORDERS", "2500")
        .run();
    assert!(
        crashed.code != 0 && crashed.code != 3,
        "the hook should abort the process: {crashed:?}"
    );
    // The batches committed before the crash survive; the one in flight does not.
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), 2000);
    let r = import_file(&env, "orders.csv", "oms-csv").ok().json();
    assert_eq!(
        (&r["unchanged"], &r["imported"]),
        (&Value::from(2000), &Value::from(3000))
    );
    assert_intact(&env, 5000);
}

#[test]
fn a_crash_mid_inbox_file_leaves_it_for_the_next_run() {
    let env = env_with_catalog();
    env.write("channels/web/inbox/orders.csv", &many_orders(3000));
    let crashed = env
        .oms(["orders", "import"])
        .env("OMS_TEST_IMPORT_BATCH", "1000")
        .env("OMS_TEST_ABORT_AFTER_ORDERS", "1500")
        .run();
    assert!(crashed.code != 0 && crashed.code != 3, "{crashed:?}");
    assert_eq!(inbox_files(&env, ""), ["orders.csv"]);
    assert!(inbox_files(&env, "done").is_empty());
    let r = env.oms(["orders", "import", "-o", "json"]).ok().json();
    assert_eq!(
        (&r["unchanged"], &r["imported"]),
        (&Value::from(1000), &Value::from(2000))
    );
    assert_eq!(inbox_files(&env, "done"), ["orders.csv"]);
    assert_intact(&env, 3000);
}
