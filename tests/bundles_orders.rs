//! Bundles on orders: a bundle line stays as the shop sent it and gets component lines;
//! only components are allocated (from one warehouse unless `split_bundles`), backordered
//! naming the short component, retried all-or-nothing, released on cancellation.

mod bundles_support;
mod common;

use bundles_support::*;
use common::{Env, STANDARD_CONFIG};

#[test]
fn a_kit_is_imported_with_its_components_and_allocated_from_one_warehouse() {
    let env = workspace(STANDARD_CONFIG);
    // East holds every component; west is first by nothing but holds more A.
    stock(
        &env,
        &[
            ("east", "A", 2),
            ("east", "B", 1),
            ("east", "C", 1),
            ("west", "A", 9),
        ],
    );
    import(&env, "1001", &[("L1", "KIT-1", 1), ("L2", "C", 1)], 0);
    assert_eq!(
        lines(&env, "1001"),
        [
            (s("KIT-1"), 1, None),
            (s("C"), 1, None),
            (s("A"), 2, Some(s("KIT-1"))),
            (s("B"), 1, Some(s("KIT-1"))),
        ]
    );
    let id = order_id(&env, "1001").to_string();
    let table = env.oms(["orders", "show", &id]).ok().stdout;
    let kit_at = table.find("KIT-1 × 1").expect("the bundle line");
    let a_at = table.find("↳ A × 2 (component)").expect("A under it");
    let c_at = table.find("C × 1").expect("the plain line");
    assert!(kit_at < a_at && a_at < c_at, "{table}");
    // The list and the total count the shop's lines only.
    let list = env.oms(["orders", "list", "-o", "json"]).ok().json();
    assert_eq!(list[0]["lines"], 2, "{list:#}");
    assert_eq!(list[0]["units"], 2, "{list:#}");

    env.oms(["orders", "process"]).ok();
    assert_eq!(
        shipped_lines(&env),
        [
            (s("east"), s("C"), 1),
            (s("east"), s("A"), 2),
            (s("east"), s("B"), 1)
        ]
    );
    assert_eq!(allocated(&env, "east", "A"), 2);
    assert_eq!(kit_ledger_rows(&env), 0);
    env.oms(["stock", "verify"]).ok();

    // The warehouse gets the components, each naming its kit.
    let mut sent = Vec::new();
    for e in std::fs::read_dir(env.path("channels/east-3pl/outbox"))
        .unwrap()
        .flatten()
    {
        let mut reader = csv::Reader::from_path(e.path()).unwrap();
        for r in reader.deserialize::<std::collections::HashMap<String, String>>() {
            let r = r.unwrap();
            sent.push((
                r["sku"].clone(),
                r["quantity"].clone(),
                r["bundle_sku"].clone(),
            ));
        }
    }
    sent.sort();
    assert_eq!(
        sent,
        [
            (s("A"), s("2"), s("KIT-1")),
            (s("B"), s("1"), s("KIT-1")),
            (s("C"), s("1"), s("")),
        ]
    );
}

#[test]
fn a_short_component_is_named_and_the_retry_takes_the_kit_whole() {
    let env = workspace(STANDARD_CONFIG);
    stock(&env, &[("east", "A", 3), ("east", "B", 5)]);
    import(&env, "2001", &[("L1", "KIT-1", 2)], 0);
    env.oms(["orders", "process"]).ok();
    assert_eq!(
        backorder_reason(&env, "2001").as_deref(),
        Some("not enough stock: KIT-1 needs A ×2 per kit, 3 available (2 kits need 4)")
    );
    // No part of the kit is allocated while it waits.
    assert!(shipped_lines(&env).is_empty());
    assert_eq!(allocated(&env, "east", "B"), 0);

    // One more A: the retry allocates both kits at once.
    stock(&env, &[("east", "A", 1)]);
    assert_eq!(backorder_reason(&env, "2001"), None);
    assert_eq!(
        shipped_lines(&env),
        [(s("east"), s("A"), 4), (s("east"), s("B"), 2)]
    );
    assert_eq!(kit_ledger_rows(&env), 0);
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn partial_shipments_never_send_part_of_a_kit() {
    let config = STANDARD_CONFIG.replace(
        "[fulfillment_channels.east-3pl]\nkind = \"files\"",
        "[fulfillment_channels.east-3pl]\nkind = \"files\"\nallow_partial = true",
    );
    assert_ne!(config, STANDARD_CONFIG);
    let env = workspace(&config);
    // Enough A for one kit of two, and the plain line in stock.
    stock(
        &env,
        &[("east", "A", 3), ("east", "B", 2), ("east", "C", 1)],
    );
    import(&env, "3001", &[("L1", "KIT-1", 2), ("L2", "C", 1)], 0);
    env.oms(["orders", "process"]).ok();
    assert_eq!(shipped_lines(&env), [(s("east"), s("C"), 1)]);
    let reason = backorder_reason(&env, "3001").unwrap_or_default();
    assert!(
        reason.contains("KIT-1 needs A ×2 per kit, 3 available"),
        "{reason}"
    );
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_kit_ships_from_one_warehouse_unless_the_channel_splits_bundles() {
    let env = workspace(STANDARD_CONFIG);
    // A only in east, B only in west: max_splits = 2 would split a plain order.
    stock(&env, &[("east", "A", 4), ("west", "B", 5)]);
    import(&env, "4001", &[("L1", "KIT-1", 2)], 0);
    env.oms(["orders", "process"]).ok();
    let reason = backorder_reason(&env, "4001").unwrap_or_default();
    assert!(
        reason.contains("no warehouse holds every component of KIT-1 for 2 kits"),
        "{reason}"
    );
    assert!(shipped_lines(&env).is_empty());

    let split = STANDARD_CONFIG.replace(
        "stock_source = \"all\"",
        "stock_source = \"all\"\nsplit_bundles = true",
    );
    env.write("oms.toml", &split);
    env.oms(["orders", "process"]).ok();
    assert_eq!(
        shipped_lines(&env),
        [(s("east"), s("A"), 4), (s("west"), s("B"), 2)]
    );
    assert_eq!(backorder_reason(&env, "4001"), None);
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_partial_kit_is_not_shipped_and_cancelling_releases_its_other_components() {
    let env = workspace(STANDARD_CONFIG);
    stock(&env, &[("east", "A", 4), ("east", "B", 2)]);
    import(&env, "5001", &[("L1", "KIT-1", 2)], 0);
    env.oms(["orders", "process"]).ok();
    assert_eq!(
        (allocated(&env, "east", "A"), allocated(&env, "east", "B")),
        (4, 2)
    );

    // The warehouse ships the A of both kits and one B: one whole kit.
    let report = confirm(&env, "shipments-1.csv", &[("A", 4), ("B", 1)]);
    assert!(
        report
            .to_string()
            .contains("KIT-1: 1 of 2 kits shipped, a partial kit is not counted (short: B ×1)"),
        "{report:#}"
    );
    assert_eq!(
        line_shipped(&env, "5001"),
        [(s("KIT-1"), 1), (s("A"), 4), (s("B"), 1)]
    );

    let id = order_id(&env, "5001").to_string();
    env.oms(["orders", "cancel", &id, "--yes"]).ok();
    // The B that did not ship is released; the kit line stays at one kit shipped.
    assert_eq!(
        (allocated(&env, "east", "A"), allocated(&env, "east", "B")),
        (0, 0)
    );
    assert_eq!(line_shipped(&env, "5001")[0], (s("KIT-1"), 1));
    assert_eq!(kit_ledger_rows(&env), 0);
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_kit_counts_as_shipped_only_when_every_component_is() {
    let env = workspace(STANDARD_CONFIG);
    stock(&env, &[("east", "A", 2), ("east", "B", 1)]);
    import(&env, "5002", &[("L1", "KIT-1", 1)], 0);
    env.oms(["orders", "process"]).ok();
    let report = confirm(&env, "shipments-1.csv", &[("A", 2)]);
    assert!(
        report
            .to_string()
            .contains("KIT-1: 0 of 1 kits shipped, a partial kit is not counted (short: B ×1)"),
        "{report:#}"
    );
    assert_eq!(
        line_shipped(&env, "5002"),
        [(s("KIT-1"), 0), (s("A"), 2), (s("B"), 0)]
    );
    confirm(&env, "shipments-2.csv", &[("B", 1)]);
    assert_eq!(
        line_shipped(&env, "5002"),
        [(s("KIT-1"), 1), (s("A"), 2), (s("B"), 1)]
    );
    let status: String = env
        .db()
        .query_row(
            "SELECT status FROM orders WHERE external_id = '5002'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(status, "shipped");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_kit_with_an_inactive_component_is_rejected_naming_it() {
    let env = workspace(STANDARD_CONFIG);
    env.oms(["catalog", "edit", "--sku", "B", "--status", "draft"])
        .ok();
    let report = import(&env, "6001", &[("L1", "KIT-1", 1), ("L2", "C", 1)], 3);
    let text = report.to_string();
    assert!(
        text.contains("bundle `KIT-1` has the component B (1 per kit), which is draft"),
        "{report:#}"
    );
    let orders: i64 = env
        .db()
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orders, 0);
}

/// Rows of every order-updates file in the web channel's outbox: (reference, sku, line id,
/// quantity), sorted.
fn exported(env: &Env) -> Vec<(String, String, String, String)> {
    let mut rows = Vec::new();
    for e in std::fs::read_dir(env.path("channels/web/outbox"))
        .unwrap()
        .flatten()
    {
        if !e
            .file_name()
            .to_string_lossy()
            .starts_with("order-updates-")
        {
            continue;
        }
        let mut reader = csv::Reader::from_path(e.path()).unwrap();
        for r in reader.deserialize::<std::collections::HashMap<String, String>>() {
            let r = r.unwrap();
            rows.push((
                r["shipment_reference"].clone(),
                r["sku"].clone(),
                r["line_id"].clone(),
                r["quantity"].clone(),
            ));
        }
    }
    rows.sort();
    rows.dedup();
    rows
}

#[test]
fn the_shop_hears_of_whole_kits_never_of_components() {
    let env = workspace(STANDARD_CONFIG);
    stock(
        &env,
        &[("east", "A", 2), ("east", "B", 1), ("east", "C", 1)],
    );
    import(&env, "7001", &[("L1", "KIT-1", 1), ("L2", "C", 1)], 0);
    env.oms(["orders", "process"]).ok();

    // First parcel: the plain line and half a kit. The shop hears of C only (0 kits).
    confirm(&env, "shipments-1.csv", &[("A", 2), ("C", 1)]);
    env.oms(["orders", "export"]).ok();
    assert_eq!(exported(&env), [(s("S0000001"), s("C"), s("L2"), s("1"))]);
    // Second parcel completes the kit: the shop hears of 1 kit, on the bundle line.
    confirm(&env, "shipments-2.csv", &[("B", 1)]);
    env.oms(["orders", "export"]).ok();
    assert_eq!(
        exported(&env),
        [
            (s("S0000001"), s("C"), s("L2"), s("1")),
            (s("S0000001-2"), s("KIT-1"), s("L1"), s("1")),
        ]
    );
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn an_upstream_edit_gives_the_kit_new_component_lines() {
    let env = workspace(STANDARD_CONFIG);
    import(&env, "8001", &[("L1", "KIT-1", 1)], 0);
    import(&env, "8001", &[("L1", "KIT-1", 2)], 0);
    assert_eq!(
        lines(&env, "8001"),
        [
            (s("KIT-1"), 2, None),
            (s("A"), 4, Some(s("KIT-1"))),
            (s("B"), 2, Some(s("KIT-1"))),
        ]
    );
}
