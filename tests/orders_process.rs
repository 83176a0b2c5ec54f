//! `oms orders process`: warehouse choice, splits, backorders, partial shipments, wms mode,
//! what reaches the outbox, `--explain` and `--dry-run`.

mod common;
mod process_support;

use process_support::*;

#[test]
fn one_warehouse_that_ships_everything_beats_priority_order() {
    let env = standard();
    // east comes first but lacks one tee; west holds the whole order.
    stock(
        &env,
        &[
            ("east", "TEE-RED-M", 1),
            ("east", "MUG-1", 5),
            ("west", "TEE-RED-M", 3),
            ("west", "MUG-1", 3),
        ],
    );
    let ids = insert(
        &env,
        &[Order::new("1001", &[("TEE-RED-M", 2), ("MUG-1", 2)])],
    );
    let report = process(&env, &[], 0);
    assert_eq!(
        (report["orders"].as_i64(), report["allocated"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(report["shipments"], 1);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].warehouse, "west");
    assert_eq!(
        list[0].lines,
        [("TEE-RED-M".to_string(), 2), ("MUG-1".to_string(), 2)]
    );
    assert_eq!(
        list[0].status, "sent_to_warehouse",
        "process sends what it creates"
    );
    assert_eq!(order_state(&env, ids[0]).0, "fulfilling");
    assert_eq!(level(&env, "west", "TEE-RED-M"), (3, 2));
    assert_stock_consistent(&env);
}

#[test]
fn requested_warehouse_then_channel_default_then_config_default_then_priority() {
    // The sales channel's default is west; the config's default is east.
    let config = config_with(
        &[(
            "[sales_channels.web]\n",
            "[sales_channels.web]\ndefault_warehouse = \"west\"\n",
        )],
        "\n[sales_channels.shop2]\nkind = \"files\"\npath = \"channels/shop2\"\n",
    );
    let env = workspace(&config);
    stock(
        &env,
        &[
            ("east", "TEE-RED-M", 10),
            ("west", "TEE-RED-M", 10),
            ("east", "MUG-1", 0),
            ("west", "MUG-1", 5),
        ],
    );
    let ids = insert(
        &env,
        &[
            // requested east, though web's default is west
            Order {
                requested_warehouse: Some("east"),
                ..Order::new("a", &[("TEE-RED-M", 1)])
            },
            // web's default
            Order::new("b", &[("TEE-RED-M", 1)]),
            // shop2 has no default: the config's
            Order {
                channel: "shop2",
                ..Order::new("c", &[("TEE-RED-M", 1)])
            },
            // requested east, which has no mugs: the next candidate that has them
            Order {
                requested_warehouse: Some("east"),
                ..Order::new("d", &[("MUG-1", 1)])
            },
            // a virtual warehouse stands for its members, in their order
            Order {
                requested_warehouse: Some("all"),
                channel: "shop2",
                ..Order::new("e", &[("TEE-RED-M", 1)])
            },
        ],
    );
    process(&env, &[], 0);
    let chosen: Vec<String> = ids
        .iter()
        .map(|id| shipments_of(&env, *id)[0].warehouse.clone())
        .collect();
    assert_eq!(chosen, ["east", "west", "east", "west", "east"]);
}

#[test]
fn splits_across_warehouses_up_to_max_splits() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2), ("west", "TEE-RED-M", 3)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 4)])]);
    let report = process(&env, &["-v"], 0);
    let list = shipments_of(&env, ids[0]);
    let split: Vec<(String, i64)> = list
        .iter()
        .map(|s| (s.warehouse.clone(), s.lines[0].1))
        .collect();
    assert_eq!(split, [("east".to_string(), 2), ("west".to_string(), 2)]);
    assert_eq!(
        report["items"][0]["warehouses"],
        serde_json::json!(["east", "west"])
    );
    assert_eq!(
        order_state(&env, ids[0]),
        ("fulfilling".into(), false, None)
    );
    assert_stock_consistent(&env);
}

#[test]
fn max_splits_one_backorders_what_no_single_warehouse_holds() {
    let env = workspace(&config_with(&[("max_splits = 2", "max_splits = 1")], ""));
    stock(&env, &[("east", "TEE-RED-M", 2), ("west", "TEE-RED-M", 3)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 4)])]);
    let report = process(&env, &[], 0);
    assert_eq!(report["backordered"], 1);
    assert!(shipments(&env).is_empty());
    let (status, flagged, reason) = order_state(&env, ids[0]);
    assert_eq!((status.as_str(), flagged), ("approved", true));
    assert_eq!(
        reason.as_deref(),
        Some("not enough stock in any one warehouse, and max_splits = 1 forbids splitting")
    );
}

#[test]
fn short_stock_backorders_the_order_with_the_reason() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    let ids = insert(&env, &[Order::new("1001", &[("TEE-RED-M", 5)])]);
    let report = process(&env, &[], 0);
    assert_eq!(report["backordered"], 1);
    let item = &report["items"][0];
    assert_eq!(
        (item["order_id"].as_i64(), item["outcome"].as_str()),
        (Some(ids[0]), Some("backordered"))
    );
    let reason = "not enough stock: SKU TEE-RED-M needs 5, 2 available";
    assert_eq!(item["reason"], reason);
    assert_eq!(
        order_state(&env, ids[0]),
        ("approved".into(), true, Some(reason.into())),
        "the order stays approved, flagged, with the reason"
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (2, 0));

    // A second run changes nothing and writes no story of it.
    let stories = |env: &common::Env| -> i64 {
        env.db()
            .query_row("SELECT COUNT(*) FROM status_history", [], |r| r.get(0))
            .unwrap()
    };
    let before = stories(&env);
    let again = process(&env, &[], 0);
    assert_eq!(again["backordered"], 1);
    assert_eq!(stories(&env), before);
}

#[test]
fn allow_partial_ships_what_is_there_and_flags_the_rest() {
    let config = config_with(
        &[(
            "[fulfillment_channels.east-3pl]\n",
            "[fulfillment_channels.east-3pl]\nallow_partial = true\n",
        )],
        "",
    );
    let env = workspace(&config);
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 2), ("MUG-1", 1)])]);
    let report = process(&env, &[], 0);
    assert_eq!(report["partial"], 1);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].lines, [("TEE-RED-M".to_string(), 2)]);
    let (status, flagged, reason) = order_state(&env, ids[0]);
    assert_eq!((status.as_str(), flagged), ("fulfilling", true));
    assert_eq!(
        reason.as_deref(),
        Some("not enough stock: SKU MUG-1 needs 1, 0 available")
    );
}

#[test]
fn wms_mode_allocates_without_stock() {
    let config = config_with(
        &[("max_splits = 2", "max_splits = 2\nbackorder_mode = \"wms\"")],
        "",
    );
    let env = workspace(&config);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 3)])]);
    let report = process(&env, &[], 0);
    assert_eq!(report["allocated"], 1);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(
        (list[0].warehouse.as_str(), list[0].lines[0].1),
        ("east", 3)
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (0, 3), "available is -3");
    assert!(!order_state(&env, ids[0]).1);
    assert_stock_consistent(&env);
}

#[test]
fn carrier_services_are_mapped_into_the_shipment_file() {
    let config = config_with(
        &[(
            "[fulfillment_channels.east-3pl]\n",
            "[fulfillment_channels.east-3pl]\ncarrier_map = { ups-ground = \"UPS_GND_RES\" }\n",
        )],
        "",
    );
    let config = config.replace(
        "fulfillment_channel = \"east-3pl\"\n",
        "fulfillment_channel = \"east-3pl\"\nlocation_id = \"FC-7\"\n",
    );
    let env = workspace(&config);
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(
        &env,
        &[
            Order {
                carrier_service: Some("ups-ground"),
                ..Order::new("1", &[("TEE-RED-M", 1)])
            },
            Order::new("2", &[("TEE-RED-M", 1)]),
        ],
    );
    process(&env, &[], 0);
    assert_eq!(
        outbox(&env, "east-3pl"),
        ["shipments-S0000001-S0000002.csv"]
    );
    let rows = outbox_csv(&env, "east-3pl", "shipments-S0000001-S0000002.csv");
    let pick = |r: &std::collections::BTreeMap<String, String>, k: &str| r[k].clone();
    assert_eq!(
        [
            "reference",
            "carrier",
            "service",
            "shipping_method",
            "location_id",
            "order_name"
        ]
        .map(|k| pick(&rows[0], k)),
        ["S0000001", "UPS", "Ground", "UPS_GND_RES", "FC-7", "#1"]
    );
    // No carrier service on the order: the config's default, which the channel does not map.
    assert_eq!(
        ["reference", "carrier", "service", "shipping_method"].map(|k| pick(&rows[1], k)),
        ["S0000002", "Any", "Standard", ""]
    );
    assert_eq!(
        [shipments(&env)[1].carrier_service.as_deref()],
        [Some("standard")]
    );
}

#[test]
fn the_channel_gets_its_own_skus() {
    let config = config_with(
        &[(
            "[fulfillment_channels.east-3pl]\n",
            "[fulfillment_channels.east-3pl]\nsku_map = { \"EAST-0042\" = \"TEE-RED-M\" }\n",
        )],
        "",
    );
    let env = workspace(&config);
    stock(&env, &[("east", "TEE-RED-M", 5), ("east", "MUG-1", 5)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 1), ("MUG-1", 2)])]);
    process(&env, &[], 0);
    let rows = outbox_csv(&env, "east-3pl", "shipments-S0000001.csv");
    let lines: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r["sku"].clone(), r["quantity"].clone()))
        .collect();
    assert_eq!(
        lines,
        [
            ("EAST-0042".to_string(), "1".to_string()),
            ("MUG-1".to_string(), "2".to_string())
        ]
    );
}

#[test]
fn explain_says_which_warehouses_were_considered_and_why() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 1), ("west", "TEE-RED-M", 4)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 2)])]);
    let report = process(&env, &["--explain", "--dry-run"], 0);
    let explanation = report["items"][0]["explanation"].as_str().expect("text");
    assert_eq!(
        explanation.lines().collect::<Vec<_>>(),
        [
            "east: lacks TEE-RED-M (needs 2, 1 available)",
            "west: covers the line — chosen"
        ]
    );
    // People see it in the table without -v.
    let table = env.oms(process_args(&["--explain", "--dry-run"])).ok();
    table.stdout_has("west: covers the line — chosen");
}

#[test]
fn dry_run_writes_and_sends_nothing() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 2)]),
            Order::new("2", &[("TEE-RED-M", 5)]),
        ],
    );
    let snapshot = |env: &common::Env| -> Vec<i64> {
        let db = env.db();
        [
            "SELECT COUNT(*) FROM shipments",
            "SELECT COUNT(*) FROM stock_ledger",
            "SELECT COUNT(*) FROM status_history",
            "SELECT COUNT(*) FROM runs",
            "SELECT COUNT(*) FROM orders WHERE backordered = 1 OR status <> 'approved'",
        ]
        .iter()
        .map(|q| db.query_row(q, [], |r| r.get(0)).unwrap())
        .collect()
    };
    let before = snapshot(&env);
    let dry = process(&env, &["--dry-run", "-v"], 0);
    assert_eq!(snapshot(&env), before);
    assert!(outbox(&env, "east-3pl").is_empty());
    assert_eq!(dry["dry_run"], true);
    assert!(dry["send"].is_null());

    // The real run reports the same plan.
    let real = process(&env, &["-v"], 0);
    for key in ["orders", "allocated", "backordered", "shipments", "units"] {
        assert_eq!(dry[key], real[key], "{key}");
    }
    assert_eq!(dry["items"], real["items"]);
    assert_eq!(real["send"]["sent"], 1);
}

#[test]
fn only_the_orders_asked_for() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 1)]),
            Order::new("2", &[("TEE-RED-M", 1)]),
        ],
    );
    let second = ids[1].to_string();
    process(&env, &["--order", &second], 0);
    assert!(shipments_of(&env, ids[0]).is_empty());
    assert_eq!(shipments_of(&env, ids[1]).len(), 1);

    // Asking again for a processed order says why nothing happened.
    let again = process(&env, &["--order", &second], 0);
    assert_eq!(again["items"][0]["outcome"], "skipped");
    assert_eq!(
        again["items"][0]["reason"],
        "not awaiting processing: the order is fulfilling"
    );
    let missing = env.oms(process_args(&["--order", "999"])).code(2);
    missing.stderr_has("no order 999");
}

#[test]
fn unknown_requested_warehouse_fails_that_order_only() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(
        &env,
        &[
            Order {
                requested_warehouse: Some("north"),
                ..Order::new("1", &[("TEE-RED-M", 1)])
            },
            Order::new("2", &[("TEE-RED-M", 1)]),
        ],
    );
    let report = process(&env, &[], 3);
    assert_eq!(
        (report["failed"].as_i64(), report["allocated"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        report["items"][0]["reason"],
        "requested warehouse `north` is not configured"
    );
    assert_eq!(order_state(&env, ids[0]), ("approved".into(), false, None));
}

#[test]
fn runs_are_journaled() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 1)])]);
    process(&env, &[], 0);
    let runs = env.oms(["runs", "list", "-o", "json"]).ok().json();
    let flows: Vec<(String, Option<String>, String)> = runs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["flow"].as_str().unwrap().to_string(),
                r["channel"].as_str().map(str::to_string),
                r["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(flows.contains(&("orders process".into(), None, "ok".into())));
    assert!(flows.contains(&(
        "shipments send".into(),
        Some("east-3pl".into()),
        "ok".into()
    )));
    let (cause, reason): (String, String) = env
        .db()
        .query_row(
            "SELECT h.cause, g.reason FROM status_history h, stock_ledger g
             WHERE h.entity = 'shipment' AND g.ref_kind = 'shipment' ORDER BY h.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(cause.ends_with("(orders process)"), "{cause}");
    assert_eq!(reason, "allocation");
}
