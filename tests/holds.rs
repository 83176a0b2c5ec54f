//! Holds (SPEC §2 `held`, §3 `on_hold`): by hand, by the channel's `hold_for`, released by
//! time on the next `orders process` (clock injected with OMS_TEST_NOW, never slept on),
//! by hand, or by cancelling; held units through the ledger, `stock verify|rebuild`,
//! `stock show`, `oms status` and what processing may allocate.

mod common;
mod process_support;

use common::Env;
use process_support::*;
use serde_json::Value;

const T0: &str = "2026-11-27T09:00:00Z";
const T1H: &str = "2026-11-27T10:00:00Z";
const T3H: &str = "2026-11-27T12:00:00Z";

fn json_at(env: &Env, now: &str, args: &[&str], code: i32) -> Value {
    let mut argv: Vec<&str> = args.to_vec();
    argv.extend(["-o", "json"]);
    env.oms(argv).env("OMS_TEST_NOW", now).code(code).json()
}

fn process_at(env: &Env, now: &str) -> Value {
    json_at(env, now, &["orders", "process"], 0)
}

/// (held, available) of `sku` at `warehouse` as `stock show` says.
fn shown(env: &Env, warehouse: &str, sku: &str) -> (i64, i64) {
    let rows = json_at(env, T0, &["stock", "show", "--sku", sku, "--all"], 0);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["warehouse"] == warehouse)
        .unwrap_or_else(|| panic!("no {warehouse} row for {sku}: {rows}"));
    (
        row["held"].as_i64().unwrap(),
        row["available"].as_i64().unwrap(),
    )
}

/// Ledger rows of held units: (warehouse, d_held, reason, ref_id).
fn held_rows(env: &Env) -> Vec<(String, i64, String, String)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT warehouse, d_held, reason, ref_id FROM stock_ledger WHERE d_held != 0 ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn hold_until(env: &Env, id: i64) -> Option<String> {
    env.db()
        .query_row("SELECT hold_until FROM orders WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_hold_reserves_on_the_stock_source_and_ends_when_its_time_is_up() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(&env, &[Order::new("1001", &[("TEE-RED-M", 2)])]);
    let id = ids[0].to_string();
    let report = json_at(
        &env,
        T0,
        &[
            "orders",
            "hold",
            &id,
            "--for",
            "2h",
            "--reason",
            "fraud check",
        ],
        0,
    );
    assert_eq!(report["changed"], 1);
    assert_eq!(report["items"][0]["hold_until"], "2026-11-27T11:00:00Z");
    assert_eq!(order_state(&env, ids[0]).0, "on_hold");
    // The virtual source holds the units; the physical warehouse is untouched.
    assert_eq!(shown(&env, "all", "TEE-RED-M"), (2, 3));
    assert_eq!(shown(&env, "east", "TEE-RED-M"), (0, 5));
    assert_eq!(
        level(&env, "east", "TEE-RED-M"),
        (5, 0),
        "allocated unchanged"
    );
    assert_eq!(
        held_rows(&env),
        [("all".into(), 2, "hold".into(), id.clone())]
    );
    env.oms(["stock", "verify"]).ok();

    // Before the time: still held, nothing allocated.
    let early = process_at(&env, T1H);
    assert_eq!(early["holds_released"], 0);
    assert_eq!(early["orders"], 0);
    assert_eq!(order_state(&env, ids[0]).0, "on_hold");

    // After it: released and processed in the same run.
    let later = process_at(&env, T3H);
    assert_eq!(later["holds_released"], 1);
    assert_eq!(later["allocated"], 1);
    assert_eq!(order_state(&env, ids[0]).0, "fulfilling");
    assert_eq!(shown(&env, "all", "TEE-RED-M"), (0, 3));
    assert_eq!(level(&env, "east", "TEE-RED-M"), (5, 2));
    assert_eq!(
        held_rows(&env),
        [
            ("all".into(), 2, "hold".into(), id.clone()),
            ("all".into(), -2, "hold_released".into(), id.clone()),
        ]
    );
    assert_eq!(hold_until(&env, ids[0]), None);
    assert_stock_consistent(&env);
    let story = json_at(&env, T3H, &["orders", "show", &id], 0);
    let text = story.to_string();
    assert!(
        text.contains("on hold until 2026-11-27T11:00:00Z: fraud check"),
        "{text}"
    );
    assert!(text.contains("hold time is up"), "{text}");
}

#[test]
fn a_dry_run_shows_the_release_without_making_it() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(&env, &[Order::new("1001", &[("TEE-RED-M", 1)])]);
    let id = ids[0].to_string();
    json_at(&env, T0, &["orders", "hold", &id, "--for", "30m"], 0);
    let dry = json_at(&env, T3H, &["orders", "process", "--dry-run"], 0);
    assert_eq!(
        (dry["holds_released"].as_i64(), dry["allocated"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(order_state(&env, ids[0]).0, "on_hold");
    assert_eq!(shown(&env, "all", "TEE-RED-M"), (1, 4));
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn a_hold_without_a_time_waits_for_a_person_and_status_says_so() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5), ("east", "MUG-1", 5)]);
    let ids = insert(
        &env,
        &[
            Order::new("1001", &[("TEE-RED-M", 1), ("MUG-1", 2)]),
            Order::new("1002", &[("MUG-1", 1)]),
        ],
    );
    let (a, b) = (ids[0].to_string(), ids[1].to_string());
    json_at(
        &env,
        T0,
        &["orders", "hold", &a, "--reason", "call the customer"],
        0,
    );
    json_at(
        &env,
        T0,
        &["orders", "hold", &b, "--until", "2026-11-27 10:00"],
        0,
    );

    // Days later: still held (no time), and `status` lists both kinds.
    assert_eq!(
        process_at(&env, "2026-12-01T00:00:00Z")["holds_released"],
        1
    );
    assert_eq!(order_state(&env, ids[0]).0, "on_hold");
    assert_eq!(order_state(&env, ids[1]).0, "fulfilling");
    json_at(&env, T0, &["orders", "hold", &b, "--for", "1h"], 2);

    let c = insert(&env, &[Order::new("1003", &[("CAP-1", 1)])]);
    let c = c[0].to_string();
    json_at(
        &env,
        T0,
        &["orders", "hold", &c, "--until", "2026-11-27T09:30:00Z"],
        0,
    );
    let status = json_at(&env, T1H, &["status"], 0);
    let holds = status["holds"].as_array().unwrap();
    let states: Vec<(&str, &str)> = holds
        .iter()
        .map(|h| (h["order"].as_str().unwrap(), h["state"].as_str().unwrap()))
        .collect();
    assert_eq!(states, [("#1001", "no_time"), ("#1003", "past_due")]);
    let kinds: Vec<&str> = status["attention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"hold without time"), "{kinds:?}");
    assert!(kinds.contains(&"hold past due"), "{kinds:?}");

    // `orders list --status on_hold` carries the release time.
    let list = json_at(&env, T1H, &["orders", "list", "--status", "on_hold"], 0);
    let times: Vec<(String, Value)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap().to_string(),
                o["hold_until"].clone(),
            )
        })
        .collect();
    assert_eq!(
        times,
        [
            ("#1003".to_string(), Value::from("2026-11-27T09:30:00Z")),
            ("#1001".to_string(), Value::Null),
        ]
    );

    // Released by hand: processed at once.
    let released = json_at(&env, T1H, &["orders", "release", &a], 0);
    assert_eq!(released["changed"], 1);
    assert_eq!(released["process"]["allocated"], 1);
    assert_eq!(order_state(&env, ids[0]).0, "fulfilling");
    json_at(&env, T1H, &["orders", "release", &a], 2);
    assert_stock_consistent(&env);
}

#[test]
fn cancelling_a_held_order_gives_its_units_back() {
    let env = standard();
    stock(&env, &[("west", "MUG-1", 4)]);
    let ids = insert(&env, &[Order::new("1001", &[("MUG-1", 3)])]);
    let id = ids[0].to_string();
    json_at(&env, T0, &["orders", "hold", &id, "--for", "1d"], 0);
    assert_eq!(shown(&env, "all", "MUG-1"), (3, 1));
    json_at(&env, T0, &["orders", "cancel", &id, "--yes"], 0);
    assert_eq!(order_state(&env, ids[0]).0, "cancelled");
    assert_eq!(shown(&env, "all", "MUG-1"), (0, 4));
    let rows = held_rows(&env);
    assert_eq!(rows.last().unwrap().1, -3);
    assert_eq!(rows.last().unwrap().2, "hold_released");
    // A later run has no hold to release.
    assert_eq!(process_at(&env, T3H)["holds_released"], 0);
    assert_stock_consistent(&env);
}

#[test]
fn held_units_on_a_physical_source_are_not_allocated_to_other_orders() {
    let config = config_with(&[("stock_source = \"all\"", "stock_source = \"east\"")], "");
    let env = workspace(&config);
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(
        &env,
        &[
            Order::new("held", &[("TEE-RED-M", 3)]),
            Order::new("other", &[("TEE-RED-M", 3)]),
        ],
    );
    json_at(
        &env,
        T0,
        &["orders", "hold", &ids[0].to_string(), "--for", "1h"],
        0,
    );
    assert_eq!(shown(&env, "east", "TEE-RED-M"), (3, 2));
    let first = process_at(&env, T0);
    assert_eq!(first["backordered"], 1, "{first}");
    assert!(
        order_state(&env, ids[1]).1,
        "the other order is backordered"
    );
    // The hold ends: the held order gets its units back and is allocated first.
    let second = process_at(&env, T3H);
    assert_eq!(second["holds_released"], 1);
    assert_eq!(order_state(&env, ids[0]).0, "fulfilling");
    assert_eq!(order_state(&env, ids[1]).0, "approved");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (5, 3));
    assert_stock_consistent(&env);
}

#[test]
fn held_units_on_a_virtual_source_are_kept_back_from_its_members() {
    // The standard channel sells from `all` (east + west): 2 tees in each warehouse.
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2), ("west", "TEE-RED-M", 2)]);
    let ids = insert(
        &env,
        &[
            Order::new("held", &[("TEE-RED-M", 3)]),
            Order::new("other", &[("TEE-RED-M", 2)]),
        ],
    );
    json_at(
        &env,
        T0,
        &["orders", "hold", &ids[0].to_string(), "--for", "1h"],
        0,
    );
    assert_eq!(shown(&env, "all", "TEE-RED-M"), (3, 1));
    // Only 1 of the 4 tees is not held: the other order (2) must wait.
    let first = process_at(&env, T0);
    assert_eq!(first["backordered"], 1, "{first}");
    assert!(
        order_state(&env, ids[1]).1,
        "the other order is backordered"
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (2, 0));
    assert_eq!(level(&env, "west", "TEE-RED-M"), (2, 0));
    // The hold ends: the held order finds its 3 units (split over both warehouses).
    let second = process_at(&env, T3H);
    assert_eq!(second["holds_released"], 1);
    assert_eq!(order_state(&env, ids[0]).0, "fulfilling");
    assert_eq!(order_state(&env, ids[1]).0, "approved");
    assert_stock_consistent(&env);
}

#[test]
fn verify_catches_a_held_level_that_drifts_and_rebuild_mends_it() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(&env, &[Order::new("1001", &[("TEE-RED-M", 2)])]);
    json_at(&env, T0, &["orders", "hold", &ids[0].to_string()], 0);
    env.db()
        .execute(
            "UPDATE stock_levels SET held = 7 WHERE warehouse = 'all'",
            [],
        )
        .unwrap();
    let verify = env.oms(["stock", "verify", "-o", "json"]).run();
    assert_ne!(verify.code, 0, "{}", verify.stdout);
    let bad = verify.json();
    let text = bad.to_string();
    assert!(
        text.contains("\"level_held\":7") && text.contains("\"ledger_held\":2"),
        "{text}"
    );
    env.oms(["stock", "rebuild", "--yes"]).ok();
    env.oms(["stock", "verify"]).ok();
    assert_eq!(shown(&env, "all", "TEE-RED-M"), (2, 3));
}

#[test]
fn only_unprocessed_orders_can_be_held_and_bad_times_are_named() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let ids = insert(&env, &[Order::new("1001", &[("TEE-RED-M", 1)])]);
    let id = ids[0].to_string();
    let bad = env.oms(["orders", "hold", &id, "--for", "soon"]).code(2);
    assert!(
        bad.stderr.contains("`soon` is not a duration"),
        "{}",
        bad.stderr
    );
    let bad = env
        .oms(["orders", "hold", &id, "--until", "tomorrow"])
        .code(2);
    assert!(
        bad.stderr.contains("`tomorrow` is not a time"),
        "{}",
        bad.stderr
    );
    process_at(&env, T0);
    let refused = json_at(&env, T0, &["orders", "hold", &id, "--for", "1h"], 2);
    assert_eq!(refused["items"][0]["outcome"], "refused");
    assert!(
        refused["items"][0]["message"]
            .as_str()
            .unwrap()
            .contains("is fulfilling"),
        "{refused}"
    );
    json_at(&env, T0, &["orders", "hold", "999", "--for", "1h"], 2);
    assert!(held_rows(&env).is_empty());
}

#[test]
fn the_channel_hold_for_holds_every_imported_order() {
    let config = config_with(
        &[(
            "stock_source = \"all\"",
            "stock_source = \"all\"\nhold_for = \"15m\"",
        )],
        "",
    );
    let env = workspace(&config);
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    env.write(
        "orders.csv",
        "order_id,ship_name,ship_address1,ship_country,sku,quantity\n\
         W1,Ann Lee,1 Main St,US,TEE-RED-M,2\n\
         W2,Bob Stone,2 Oak Ave,US,TEE-RED-M,1\n",
    );
    let import = json_at(
        &env,
        T0,
        &[
            "orders",
            "import",
            "--file",
            "orders.csv",
            "--format",
            "oms-csv",
        ],
        0,
    );
    assert_eq!(import["imported"], 2, "{import}");
    let list = json_at(&env, T0, &["orders", "list", "--status", "on_hold"], 0);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["hold_until"], "2026-11-27T09:15:00Z");
    assert_eq!(shown(&env, "all", "TEE-RED-M"), (3, 2));
    assert_eq!(
        process_at(&env, "2026-11-27T09:10:00Z")["holds_released"],
        0
    );
    let done = process_at(&env, "2026-11-27T09:15:00Z");
    assert_eq!(
        (done["holds_released"].as_i64(), done["allocated"].as_i64()),
        (Some(2), Some(2))
    );
    assert_stock_consistent(&env);
}

#[test]
fn a_bad_hold_for_is_named_by_config_check() {
    let config = config_with(
        &[(
            "stock_source = \"all\"",
            "stock_source = \"all\"\nhold_for = \"a while\"",
        )],
        "",
    );
    let env = Env::with_config(&config);
    let done = env.oms(["config", "check"]).run();
    assert_ne!(done.code, 0);
    let all = format!("{}{}", done.stdout, done.stderr);
    assert!(all.contains("sales_channels.web.hold_for"), "{all}");
    assert!(all.contains("`a while` is not a duration"), "{all}");
    assert!(all.contains("oms.toml:"), "{all}");
}
