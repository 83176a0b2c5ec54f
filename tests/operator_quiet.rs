//! The operator's everyday surfaces (issue 18): cron stays quiet with `-q`, `oms run` is
//! one document in machine formats, a mistyped database path never creates one, and a
//! closed pipe is never an error.

mod common;
mod process_support;

use common::Env;
use process_support::{standard, stock};
use serde_json::Value;

const ORDERS_HEADER: &str = "order_id,order_name,status,ship_name,ship_address1,ship_city,ship_zip,ship_country,total,sku,quantity,price\n";

/// The standard workspace with 10 TEE-RED-M at east and an order for more than that, so
/// `orders process` leaves it backordered on every run.
fn backordered_workspace() -> Env {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 10)]);
    env.write(
        "channels/web/inbox/orders-1.csv",
        &format!(
            "{ORDERS_HEADER}1001,#1001,open,Ann Lee,1 Main St,Boston,02134,US,28.00,TEE-RED-M,40,28.00\n"
        ),
    );
    env
}

#[test]
fn item1_run_quiet_prints_nothing_on_success() {
    let env = backordered_workspace();
    // The first run imports and backorders; every later run finds the backorder again.
    for _ in 0..2 {
        let out = env.oms(["run", "-q"]).stdin("").ok();
        assert_eq!(out.stdout, "", "a cron run that went well prints nothing");
        assert_eq!(out.stderr, "");
    }
    let status = env.oms(["orders", "list", "-o", "json"]).ok().json();
    assert_eq!(
        status[0]["backordered"], true,
        "the order really is waiting: {status}"
    );
}

#[test]
fn item1_quiet_commands_print_only_what_was_asked_for() {
    let env = standard();
    for args in [
        vec!["config", "check", "-q"],
        vec!["channels", "check", "-q"],
        vec![
            "catalog", "add", "--sku", "ZZ-HAT-9", "--title", "Cap", "-q",
        ],
        vec![
            "catalog", "edit", "--sku", "ZZ-HAT-9", "--title", "Blue cap", "-q",
        ],
        vec![
            "stock",
            "adjust",
            "--warehouse",
            "east",
            "--sku",
            "ZZ-HAT-9",
            "--by",
            "5",
            "--reason",
            "found",
            "--yes",
            "-q",
        ],
        vec![
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--line",
            "ZZ-HAT-9=3",
            "-q",
        ],
    ] {
        let out = env.oms(&args).ok();
        assert_eq!(out.stdout, "", "{args:?} printed on success with -q");
    }
    // Data asked for is still printed with -q.
    let out = env.oms(["catalog", "list", "-q", "-o", "json"]).ok();
    let skus: Vec<Value> = out
        .json()
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["sku"].clone())
        .collect();
    assert!(skus.contains(&Value::from("ZZ-HAT-9")), "{skus:?}");
    // Machine formats still get the outcome they asked for.
    let out = env.oms(["config", "check", "-q", "-o", "json"]).ok();
    assert_eq!(out.json()["warehouses"], 2);
}

#[test]
fn item1_quiet_run_names_the_flow_of_what_it_prints() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 10)]);
    env.write(
        "channels/web/inbox/orders-1.csv",
        &format!(
            "{ORDERS_HEADER}1002,#1002,open,Ann Lee,1 Main St,Boston,02134,US,28.00,NO-SUCH-SKU,1,28.00\n"
        ),
    );
    let out = env.oms(["run", "-q"]).code(3);
    out.stdout_has("== orders import");
    assert!(
        !out.stdout.contains("== catalog sync"),
        "only flows that print are named:\n{}",
        out.stdout
    );
}

#[test]
fn item3_run_json_is_one_document() {
    let env = backordered_workspace();
    let doc = env.oms(["run", "-o", "json"]).ok().json();
    let flows: Vec<&str> = doc
        .as_array()
        .expect("an array of flows")
        .iter()
        .map(|f| f["flow"].as_str().expect("flow"))
        .collect();
    assert_eq!(
        flows,
        [
            "catalog sync",
            "orders import",
            "orders process",
            "shipments sync",
            "orders export",
            "receipts sync",
            "returns sync",
            "stock sync",
            "stock push"
        ]
    );
    let import = &doc[1];
    assert_eq!(import["exit"], "ok");
    assert!(import["report"].is_object(), "{import}");

    let ndjson = env.oms(["run", "-o", "ndjson"]).ok();
    let lines: Vec<Value> = ndjson
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), flows.len());
    assert!(lines.iter().all(|l| l["flow"].is_string()));

    let csv = env.oms(["run", "-o", "csv"]).ok();
    let header = csv.stdout.lines().next().expect("a header");
    assert!(header.starts_with("flow"), "{header}");
    assert_eq!(
        csv.stdout.matches("\nflow").count(),
        0,
        "one table, not one per flow:\n{}",
        csv.stdout
    );
}

#[test]
fn item4_mistyped_db_never_creates_a_database() {
    let env = standard();
    let missing = env.path("typo/oms.db");
    for args in [
        vec!["status", "--check"],
        vec!["orders", "list"],
        vec!["run", "-q"],
        vec!["stock", "show"],
    ] {
        let out = env.oms(&args).env("OMS_DB", &missing).code(2);
        out.stderr_has(&missing.display().to_string())
            .stderr_has("oms init");
        assert!(!missing.exists(), "{args:?} created {}", missing.display());
        assert!(!env.path("typo").exists(), "{args:?} created the folder");
    }
    env.oms(["--db", "other.db", "rejects"])
        .code(2)
        .stderr_has("no database at other.db");
    assert!(!env.path("other.db").exists());
}

#[test]
fn item4_init_creates_the_database_of_a_hand_written_config() {
    let env = Env::empty();
    std::fs::write(env.path("oms.toml"), common::STANDARD_CONFIG).unwrap();
    env.oms(["status"]).code(2).stderr_has("oms init");
    env.oms(["init"]).ok().stderr_has("created");
    assert!(env.path("oms.db").is_file());
    env.oms(["status", "--check"]).ok();
    env.oms(["init"]).code(2).stderr_has("already exists");
}

/// Runs `args` with stdout closed after the first line is read.
fn closed_pipe(env: &Env, args: &[&str]) -> (i32, String) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("oms"))
        .args(args)
        .current_dir(env.root())
        .env_clear()
        .env("HOME", env.root())
        .env("COLUMNS", "80")
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn oms");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    let _ = BufReader::new(stdout).read_line(&mut first);
    // The reader is dropped here: the pipe is closed like `| head -1` closes it.
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn item6_closed_pipe_is_never_an_error() {
    let env = backordered_workspace();
    env.oms(["run", "-q"]).ok();
    for i in 0..40 {
        env.oms([
            "catalog",
            "add",
            "--sku",
            &format!("FILL-{i}"),
            "--title",
            "Filler",
        ])
        .ok();
    }
    let commands: &[&[&str]] = &[
        &["completions", "bash"],
        &["completions", "zsh"],
        &["man"],
        &["--help"],
        &["config", "show"],
        &["config", "check", "-o", "json"],
        &["catalog", "list"],
        &["catalog", "list", "-o", "json"],
        &["catalog", "list", "-o", "csv"],
        &["catalog", "export"],
        &["stock", "show"],
        &["stock", "history", "-o", "ndjson"],
        &["orders", "list"],
        &["orders", "list", "-o", "json"],
        &["shipments", "list", "-o", "json"],
        &["runs", "list"],
        &["runs", "list", "-o", "json"],
        &["rejects"],
        &["status"],
        &["status", "-o", "json"],
        &["warehouses", "list"],
        &["po", "list"],
        &["run", "-o", "json"],
    ];
    for args in commands {
        let (code, stderr) = closed_pipe(&env, args);
        assert_eq!(code, 0, "{args:?} exit {code}: {stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("error"),
            "{args:?}: {stderr}"
        );
    }
}
