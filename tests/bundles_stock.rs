//! A bundle's availability is computed from its components: in `stock show` (marked
//! `computed`) and in what `stock push` publishes, which follows a component's sale.

mod bundles_support;
mod common;

use std::collections::BTreeMap;

use common::{Env, STANDARD_CONFIG};

/// KIT-1 = 2 × A + 1 × B (tests/bundles_support) with stock in both warehouses.
fn workspace(config: &str) -> Env {
    let env = bundles_support::workspace(config);
    // East: 5 A, 3 B → 2 kits. West: 1 A, 4 B → 0 kits (an A short).
    bundles_support::stock(
        &env,
        &[
            ("east", "A", 5),
            ("east", "B", 3),
            ("west", "A", 1),
            ("west", "B", 4),
        ],
    );
    env
}

/// `stock show --sku KIT-1` as (warehouse, kind) → available.
fn shown(env: &Env) -> BTreeMap<(String, String), String> {
    env.oms(["stock", "show", "--sku", "KIT-1", "--all", "-o", "csv"])
        .ok()
        .csv()
        .into_iter()
        .map(|r| {
            (
                (r["warehouse"].clone(), r["kind"].clone()),
                r["available"].clone(),
            )
        })
        .collect()
}

/// What `stock push --dry-run` would publish to `web`, by SKU.
fn would_publish(env: &Env) -> BTreeMap<String, String> {
    env.oms(["stock", "push", "--dry-run", "--full", "-o", "csv"])
        .ok()
        .csv()
        .into_iter()
        .map(|r| (r["sku"].clone(), r["published"].clone()))
        .collect()
}

fn key(w: &str, k: &str) -> (String, String) {
    (w.into(), k.into())
}

#[test]
fn stock_show_computes_a_kit_per_warehouse_and_per_virtual_warehouse() {
    let env = workspace(STANDARD_CONFIG);
    let rows = shown(&env);
    assert_eq!(
        rows.get(&key("east", "computed")).map(String::as_str),
        Some("2")
    );
    assert_eq!(
        rows.get(&key("west", "computed")).map(String::as_str),
        Some("0")
    );
    // A kit is packed in one warehouse: the 1 A in west does not make a third kit.
    assert_eq!(
        rows.get(&key("all", "computed")).map(String::as_str),
        Some("2")
    );
    assert_eq!(rows.len(), 3, "no physical rows for a bundle: {rows:?}");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn stock_push_publishes_kits_and_follows_a_component_sale() {
    let config = STANDARD_CONFIG.replace(
        "stock_source = \"all\"",
        "stock_source = \"all\"\nbuffer = 1",
    );
    let env = workspace(&config);
    let before = would_publish(&env);
    // 2 kits less the buffer of 1; the components as usual (6 A − 1, 7 B − 1).
    assert_eq!(
        before.get("KIT-1").map(String::as_str),
        Some("1"),
        "{before:?}"
    );
    assert_eq!(before.get("A").map(String::as_str), Some("5"));
    env.oms(["stock", "push"]).ok();

    // An A sold (counted out) in east: east makes 2 kits only with 4 A; 3 A → 1 kit.
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "A",
        "--by",
        "-2",
        "--reason",
        "lost",
        "--yes",
    ])
    .ok();
    let report = env.oms(["stock", "push", "-o", "json"]).ok().json();
    let sent: Vec<(String, i64)> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["outcome"] == "sent")
        .map(|i| {
            (
                i["sku"].as_str().unwrap().to_string(),
                i["published"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(sent.contains(&("KIT-1".into(), 0)), "{report:#}");
    assert!(sent.contains(&("A".into(), 3)), "{report:#}");
    env.oms(["stock", "verify"]).ok();
}
