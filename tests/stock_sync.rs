//! `oms stock sync`: snapshots from `files` fulfillment channels set on hand.

mod common;
mod stock_support;

use common::Env;
use serde_json::Value;
use stock_support::{SKUS, ledger_rows, on_hand, seed};

/// East reports by its location id `E1` and names the mug `SHOP-MUG`.
const CONFIG: &str = r#"
database = "oms.db"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"
sku_map = { "SHOP-MUG" = "MUG-1" }

[fulfillment_channels.west-3pl]
kind = "files"
path = "channels/west-3pl"

[warehouses.east]
fulfillment_channel = "east-3pl"
location_id = "E1"

[warehouses.west]
fulfillment_channel = "west-3pl"

[virtual_warehouses.all]
members = ["east", "west"]
"#;

const EAST_INBOX: &str = "channels/east-3pl/inbox";

fn workspace() -> Env {
    let env = stock_support::workspace();
    env.write("oms.toml", CONFIG);
    env
}

fn item<'a>(report: &'a Value, outcome: &str, sku: &str) -> &'a Value {
    report["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|i| i["outcome"] == outcome && i["sku"] == sku)
        })
        .unwrap_or_else(|| panic!("no {outcome} item for {sku} in {report:#}"))
}

fn count(env: &Env, sql: &str) -> i64 {
    env.db()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn sync_sets_on_hand_through_the_ledger_and_rejects_unknown_skus() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 2, 0);
    seed(&env, "east", "MUG-1", 3, 0, 0);
    seed(&env, "east", "TEE-BLUE-L", 7, 0, 0);
    seed(&env, "west", "TEE-RED-M", 9, 0, 0);
    env.write(
        &format!("{EAST_INBOX}/stock-20261126.csv"),
        include_str!("fixtures/stock/snapshot-east.csv"),
    );

    let report = env.oms(["stock", "sync", "-o", "json"]).code(3).json();
    assert_eq!(
        [
            &report["changed"],
            &report["unchanged"],
            &report["rejected"],
            &report["not_reported"]
        ],
        [1, 1, 1, 1],
        "{report:#}"
    );
    let changed = item(&report, "changed", "TEE-RED-M");
    assert_eq!(
        (
            &changed["warehouse"],
            &changed["before"],
            &changed["after"],
            &changed["delta"]
        ),
        (
            &Value::from("east"),
            &Value::from(5),
            &Value::from(8),
            &Value::from(3)
        )
    );
    assert_eq!(item(&report, "unchanged", "MUG-1")["warehouse"], "east");
    let rejected = item(&report, "rejected", "GHOST-1");
    assert!(
        rejected["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("stock-20261126.csv:4: sku: unknown SKU `GHOST-1`")),
        "{rejected:#}"
    );
    let silent = item(&report, "not reported", "TEE-BLUE-L");
    assert_eq!(
        (&silent["warehouse"], &silent["before"]),
        (&Value::from("east"), &Value::from(7))
    );

    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 8);
    assert_eq!(on_hand(&env, "east", "MUG-1"), 3);
    assert_eq!(
        on_hand(&env, "east", "TEE-BLUE-L"),
        7,
        "not reported: left alone"
    );
    assert_eq!(
        on_hand(&env, "west", "TEE-RED-M"),
        9,
        "another channel's warehouse"
    );
    assert_eq!(
        count(&env, "SELECT COUNT(*) FROM variants"),
        SKUS.len() as i64,
        "unknown SKUs are never created"
    );
    let (delta, reason, kind, run): (i64, String, String, Option<i64>) = env
        .db()
        .query_row(
            "SELECT d_on_hand, reason, ref_kind, run_id FROM stock_ledger ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("ledger row");
    assert_eq!(
        (delta, reason.as_str(), kind.as_str()),
        (3, "stock_sync", "stock sync")
    );
    let run = run.expect("the ledger row names its run");
    let outcome: String = env
        .db()
        .query_row(
            "SELECT outcome FROM runs WHERE id = ?1 AND flow = 'stock sync' AND channel = 'east-3pl'",
            [run],
            |r| r.get(0),
        )
        .expect("journaled run");
    assert_eq!(outcome, "rejected");
    let (key, reasons): (String, String) = env
        .db()
        .query_row(
            "SELECT external_id, reasons FROM rejections WHERE flow = 'stock sync' AND channel = 'east-3pl'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("rejection recorded");
    assert_eq!(key, "E1/GHOST-1");
    assert!(reasons.contains("unknown SKU `GHOST-1`"), "{reasons}");

    assert!(
        env.path(&format!("{EAST_INBOX}/done/stock-20261126.csv"))
            .is_file()
    );
    assert!(
        !env.path(&format!("{EAST_INBOX}/stock-20261126.csv"))
            .exists()
    );
    env.oms(["stock", "verify"]).ok();

    // The same snapshot again changes nothing and keeps one open rejection, seen twice.
    env.write(
        &format!("{EAST_INBOX}/stock-20261127.csv"),
        include_str!("fixtures/stock/snapshot-east.csv"),
    );
    let before = ledger_rows(&env);
    let again = env.oms(["stock", "sync", "-o", "json"]).code(3).json();
    assert_eq!(
        (&again["changed"], &again["unchanged"]),
        (&Value::from(0), &Value::from(2))
    );
    assert_eq!(ledger_rows(&env), before);
    assert_eq!(
        count(
            &env,
            "SELECT attempts FROM rejections WHERE resolved_at IS NULL"
        ),
        2
    );
}

#[test]
fn row_problems_and_unknown_locations_are_rejected_one_by_one() {
    let env = workspace();
    seed(&env, "west", "TEE-RED-M", 9, 0, 0);
    env.write(
        &format!("{EAST_INBOX}/stock-1.csv"),
        include_str!("fixtures/stock/snapshot-problems.csv"),
    );
    let report = env.oms(["stock", "sync", "-o", "json"]).code(3).json();
    assert_eq!(
        (&report["rejected"], &report["changed"]),
        (&Value::from(5), &Value::from(1))
    );
    let messages: Vec<&str> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["outcome"] == "rejected")
        .filter_map(|i| i["message"].as_str())
        .collect();
    let expected = [
        "stock-1.csv:2: location: unknown location `north` (`east-3pl` serves: east (location_id E1))",
        "stock-1.csv:3: location: `west` is warehouse `west`, which `west-3pl` serves, not `east-3pl`",
        "stock-1.csv:4: on_hand: `x` is not a whole number",
        "stock-1.csv:5: on_hand: -4 is negative",
        "stock-1.csv:6: sku: empty",
    ];
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
    for (message, end) in messages.iter().zip(expected) {
        assert!(
            message.ends_with(end),
            "{message:?} should end with {end:?}"
        );
    }
    assert_eq!(on_hand(&env, "west", "TEE-RED-M"), 9);
    assert_eq!(
        on_hand(&env, "east", "TEE-BLUE-L"),
        6,
        "the valid line of the file"
    );
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn unreadable_files_move_to_failed_with_the_reason_and_others_still_apply() {
    let env = workspace();
    env.write(
        &format!("{EAST_INBOX}/stock-1.csv"),
        include_str!("fixtures/stock/snapshot-no-location.csv"),
    );
    env.write(
        &format!("{EAST_INBOX}/stock-2.json"),
        include_str!("fixtures/stock/snapshot-truncated.json"),
    );
    env.write(
        &format!("{EAST_INBOX}/stock-3.json"),
        include_str!("fixtures/stock/snapshot-east.json"),
    );
    // A dry run reports the unreadable files but leaves every file where it was.
    let preview = env
        .oms(["stock", "sync", "--dry-run", "-o", "json"])
        .code(3)
        .json();
    assert_eq!(preview["failed_files"], 2, "{preview:#}");
    assert!(env.path(&format!("{EAST_INBOX}/stock-1.csv")).is_file());
    assert!(!env.path(&format!("{EAST_INBOX}/failed")).exists());

    let report = env.oms(["stock", "sync", "-o", "json"]).code(3).json();
    assert_eq!(report["failed_files"], 2, "{report:#}");
    assert_eq!(
        (&report["changed"], &report["rejected"]),
        (&Value::from(1), &Value::from(1))
    );
    assert!(
        item(&report, "rejected", "MUG-1")["message"]
            .as_str()
            .is_some_and(
                |m| m.ends_with("stock-3.json[1]: on_hand: \"many\" is not a whole number")
            )
    );
    let failed = format!("{EAST_INBOX}/failed");
    let why = env.read(&format!("{failed}/stock-1.csv.error.txt"));
    assert!(
        why.contains("stock-1.csv:1: missing column(s): location, on_hand"),
        "{why}"
    );
    assert!(env.path(&format!("{failed}/stock-1.csv")).is_file());
    let why = env.read(&format!("{failed}/stock-2.json.error.txt"));
    assert!(why.contains("stock-2.json:"), "{why}");
    assert!(
        env.path(&format!("{EAST_INBOX}/done/stock-3.json"))
            .is_file()
    );
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 2);

    let table = env.oms(["stock", "sync"]).ok();
    table.stdout_has("changed: 0");
}

#[test]
fn dry_run_reports_the_changes_but_writes_nothing_and_leaves_the_file() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 0, 0);
    let file = format!("{EAST_INBOX}/stock-20261126.csv");
    env.write(&file, include_str!("fixtures/stock/snapshot-east.csv"));
    let ledger = ledger_rows(&env);

    let report = env
        .oms(["stock", "sync", "--dry-run", "-o", "json"])
        .code(3)
        .json();
    assert_eq!(
        (&report["dry_run"], &report["changed"]),
        (&Value::from(true), &Value::from(2))
    );
    assert_eq!(item(&report, "changed", "TEE-RED-M")["after"], 8);
    assert_eq!(ledger_rows(&env), ledger);
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 5);
    assert_eq!(count(&env, "SELECT COUNT(*) FROM rejections"), 0);
    assert_eq!(count(&env, "SELECT COUNT(*) FROM runs"), 0);
    assert!(env.path(&file).is_file(), "the file stays in the inbox");
    assert!(!env.path(&format!("{EAST_INBOX}/done")).exists());

    env.oms(["stock", "sync", "--channel", "east-3pl"]).code(3);
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 8);
    assert_eq!(on_hand(&env, "east", "MUG-1"), 3);
    env.oms(["stock", "sync", "--channel", "north-3pl"])
        .code(2)
        .stderr_has("unknown fulfillment channel `north-3pl`");
}

#[test]
fn raised_stock_is_handed_back_for_backorder_retries() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 0, 0);
    seed(&env, "east", "MUG-1", 9, 0, 0);
    env.write(
        &format!("{EAST_INBOX}/stock-1.csv"),
        "location,sku,on_hand\neast,TEE-RED-M,8\neast,MUG-1,4\n",
    );
    let config = oms::config::load(Some(&env.path("oms.toml")), None).expect("config");
    let mut store = oms::store::Store::open(&env.path("oms.db")).expect("store");
    let progress = oms::output::Progress::hidden();
    let dry = oms::ops::stock_sync::Options {
        channel: None,
        dry_run: true,
        cause: "test",
        progress: &progress,
    };
    let report = oms::ops::stock_sync::run(&config, &mut store, &dry).expect("dry run");
    assert!(report.raised.is_empty(), "a dry run raises nothing");
    let opts = oms::ops::stock_sync::Options {
        channel: None,
        dry_run: false,
        cause: "test",
        progress: &progress,
    };
    let report = oms::ops::stock_sync::run(&config, &mut store, &opts).expect("sync");
    let tee = oms::store::catalog::find_variant(&store.conn, "TEE-RED-M")
        .expect("query")
        .expect("variant");
    assert_eq!(report.raised, [("east".to_string(), tee.id)]);
}
