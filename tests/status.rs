//! `oms status` (SPEC §4.5): the morning view, and `--check` for monitoring, which exits 1
//! and says why when something needs a person.

mod common;
mod process_support;

use common::Env;
use process_support::{standard, stock};
use serde_json::Value;

/// The standard workspace with stock, after one clean `oms run` that sent order 1.
fn after_a_clean_run() -> Env {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 10), ("east", "MUG-1", 3)]);
    env.write(
        "channels/web/inbox/orders-1.csv",
        "order_id,order_name,status,ship_name,ship_address1,ship_city,ship_zip,ship_country,total,sku,quantity,price\n\
         1,#1,open,Ann Lee,1 Main St,Boston,02134,US,28.00,TEE-RED-M,2,14.00\n",
    );
    env.oms(["run", "-q"]).ok();
    env
}

/// `status --check -o json`, expecting `code`.
fn check(env: &Env, code: i32) -> Value {
    let status = env
        .oms(["status", "--check", "-o", "json"])
        .code(code)
        .json();
    assert_eq!(status["needs_attention"], code == 1, "{status:#}");
    status
}

/// The kinds of what needs attention.
fn kinds(status: &Value) -> Vec<String> {
    status["attention"]
        .as_array()
        .expect("attention list")
        .iter()
        .map(|a| a["kind"].as_str().expect("kind").to_string())
        .collect()
}

/// The detail of the attention item of `kind`.
fn detail(status: &Value, kind: &str) -> String {
    status["attention"]
        .as_array()
        .expect("attention list")
        .iter()
        .find(|a| a["kind"] == kind)
        .and_then(|a| a["detail"].as_str())
        .unwrap_or_else(|| panic!("no `{kind}` in {status:#}"))
        .to_string()
}

#[test]
fn a_clean_workspace_needs_nobody() {
    let env = after_a_clean_run();
    let status = check(&env, 0);
    assert_eq!(kinds(&status), Vec::<String>::new());
    let fulfilling = status["orders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["status"] == "fulfilling")
        .expect("orders per status");
    assert_eq!(fulfilling["orders"], 1);
    assert!(
        status["runs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["flow"] == "orders import" && r["outcome"] == "ok"),
        "the last run of each flow: {status:#}"
    );

    let table = env.oms(["status", "--check"]).ok();
    table
        .stderr_has("nothing needs attention")
        .stdout_has("Last runs");
    // For cron: a good morning prints nothing at all.
    let quiet = env.oms(["status", "--check", "-q"]).ok();
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));
}

#[test]
fn an_open_rejection_needs_a_person() {
    let env = after_a_clean_run();
    env.write(
        "channels/web/inbox/orders-2.csv",
        "order_id,order_name,status,ship_name,ship_address1,ship_city,ship_zip,ship_country,total,sku,quantity,price\n\
         2,#2,open,Bob Stone,1 Main St,Portland,97201,US,9.00,NO-SUCH-SKU,1,9.00\n",
    );
    env.oms(["orders", "import"]).code(3);
    let status = check(&env, 1);
    assert_eq!(kinds(&status), ["rejections"]);
    assert!(
        detail(&status, "rejections").contains("1 open in orders import (web)"),
        "{status:#}"
    );
    // The table says it too, under its own heading, even with -q.
    env.oms(["status", "--check", "-q"])
        .code(1)
        .stdout_has("Needs attention")
        .stdout_has("oms rejects --flow \"orders import\"");
}

#[test]
fn a_failed_run_needs_a_person() {
    let env = after_a_clean_run();
    std::fs::remove_dir_all(env.path("channels/web/inbox")).unwrap();
    env.write("channels/web/inbox", "not a folder");
    env.oms(["orders", "import", "-q"]).code(1);
    let status = check(&env, 1);
    assert_eq!(kinds(&status), ["failed run"]);
    let why = detail(&status, "failed run");
    assert!(
        why.contains("orders import (web) failed") && why.contains("cannot list"),
        "{why}"
    );
}

#[test]
fn a_shipment_sent_long_ago_and_never_confirmed_needs_a_person() {
    let env = after_a_clean_run();
    // Three days ago, well past the default 48 hours.
    env.db()
        .execute(
            "UPDATE shipments SET sent_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-3 days')
             WHERE reference = 'S0000001'",
            [],
        )
        .unwrap();
    let status = check(&env, 1);
    assert_eq!(kinds(&status), ["unconfirmed shipments"]);
    assert_eq!(status["unconfirmed_total"], 1);
    let shipment = &status["unconfirmed_shipments"][0];
    assert_eq!(shipment["reference"], "S0000001");
    assert!(shipment["hours"].as_i64().unwrap() >= 71, "{shipment:#}");
}

#[test]
fn negative_stock_needs_a_person() {
    let env = after_a_clean_run();
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "MUG-1",
        "--by",
        "-5",
        "--allow-negative",
        "--yes",
    ])
    .ok();
    let status = check(&env, 1);
    assert_eq!(kinds(&status), ["negative stock"]);
    let alert = status["stock_alerts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["sku"] == "MUG-1")
        .expect("an alert for MUG-1");
    assert_eq!(
        (&alert["on_hand"], &alert["alert"]),
        (&Value::from(-2), &Value::from("negative"))
    );
}

#[test]
fn line_formats_carry_one_problem_per_row() {
    let env = after_a_clean_run();
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "MUG-1",
        "--set",
        "-1",
        "--allow-negative",
        "--yes",
    ])
    .ok();
    let rows = env.oms(["status", "--check", "-o", "csv"]).code(1).csv();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["kind"], "negative stock");
    let clean = after_a_clean_run();
    let none = clean.oms(["status", "-o", "csv"]).ok();
    assert_eq!(none.stdout.trim(), "kind,detail", "the header alone");
}
