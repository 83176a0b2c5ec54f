//! `oms run` (SPEC §4.5): the flows in order under one lock, a failing flow does not stop
//! the ones after it, the exit code is the worst outcome, quiet with -q, and an
//! overlapping start leaves at once with exit 75.

mod common;
mod process_support;

use std::time::{Duration, Instant};

use common::Env;
use process_support::{outbox, standard, stock};
use serde_json::Value;

const ORDERS_HEADER: &str = "order_id,order_name,status,ship_name,ship_address1,ship_city,ship_zip,ship_country,total,sku,quantity,price\n";

/// Every flow of a default `oms run`, in order; `shipments send` is the last step of
/// `orders process` and has its own runs.
const ORDER: &[&str] = &[
    "catalog sync",
    "orders import",
    "orders process",
    "shipments send",
    "shipments sync",
    "orders export",
    "receipts sync",
    "stock sync",
    "stock push",
];

/// The standard workspace with the catalog, 10 TEE-RED-M at east, and an order file
/// waiting in the shop's inbox with one order line per (id, sku, quantity).
fn workspace(orders: &[(&str, &str, i64)]) -> Env {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 10)]);
    let mut csv = ORDERS_HEADER.to_string();
    for (id, sku, qty) in orders {
        csv.push_str(&format!(
            "{id},#{id},open,Ann Lee,1 Main St,Boston,02134,US,28.00,{sku},{qty},28.00\n"
        ));
    }
    env.write("channels/web/inbox/orders-1.csv", &csv);
    env
}

/// The journal, oldest first.
fn journal(env: &Env) -> Vec<Value> {
    let mut runs = env
        .oms(["runs", "list", "--limit", "1000", "-o", "json"])
        .ok()
        .json()
        .as_array()
        .expect("a list of runs")
        .clone();
    runs.reverse();
    runs
}

/// Flows in the order they first appear in `runs`.
fn first_appearance(runs: &[Value]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for r in runs {
        let flow = r["flow"].as_str().expect("flow").to_string();
        if !seen.contains(&flow) {
            seen.push(flow);
        }
    }
    seen
}

fn shipment_status(env: &Env, reference: &str) -> String {
    env.db()
        .query_row(
            "SELECT status FROM shipments WHERE reference = ?1",
            [reference],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("shipment {reference}: {e}"))
}

#[test]
fn run_goes_through_the_flows_in_order_and_says_which_it_is_in() {
    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    let out = env.oms(["run"]).ok();

    let headings: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("== "))
        .collect();
    // `returns sync` runs (and says so) but journals nothing while there are no RMAs.
    let expected: Vec<&str> = ORDER
        .iter()
        .copied()
        .filter(|f| *f != "shipments send")
        .flat_map(|f| {
            if f == "receipts sync" {
                vec![f, "returns sync"]
            } else {
                vec![f]
            }
        })
        .collect();
    assert_eq!(headings, expected, "stdout:\n{}", out.stdout);

    let runs = journal(&env);
    assert_eq!(first_appearance(&runs), ORDER);
    assert!(
        runs.iter().all(|r| r["outcome"] == "ok"),
        "every run ok: {runs:#?}"
    );
    // The order went all the way to the warehouse in one run.
    assert_eq!(shipment_status(&env, "S0000001"), "sent_to_warehouse");
    assert_eq!(
        outbox(&env, "east-3pl")
            .iter()
            .filter(|f| f.starts_with("shipments-"))
            .count(),
        1
    );
}

#[test]
fn quiet_run_prints_nothing_at_all_when_all_is_well() {
    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    let out = env.oms(["run", "-q"]).ok();
    assert_eq!((out.stdout.as_str(), out.stderr.as_str()), ("", ""));
    // Quiet, not idle: the order was imported and sent.
    assert_eq!(shipment_status(&env, "S0000001"), "sent_to_warehouse");
}

#[test]
fn a_failing_flow_does_not_stop_the_ones_after_it() {
    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    env.oms(["run", "-q"]).ok();
    let before = journal(&env).len();

    // The shop's inbox is now a file, so importing fails; the warehouse confirms the
    // shipment the first run sent.
    std::fs::remove_dir_all(env.path("channels/web/inbox")).unwrap();
    env.write("channels/web/inbox", "not a folder");
    env.write(
        "channels/east-3pl/inbox/shipments-1.csv",
        "reference,sku,quantity_shipped,tracking_number\nS0000001,TEE-RED-M,2,1ZTEST\n",
    );
    let out = env.oms(["run", "-q"]).code(1);
    out.stderr_has("channels/web/inbox");

    let runs = journal(&env);
    let this_run = &runs[before..];
    assert_eq!(first_appearance(this_run), ORDER);
    let import = this_run
        .iter()
        .find(|r| r["flow"] == "orders import")
        .expect("an import run");
    assert_eq!(import["outcome"], "failed");
    assert!(
        import["error"]
            .as_str()
            .unwrap_or("")
            .contains("cannot list"),
        "{import:#}"
    );
    let import_id = import["id"].as_i64().unwrap();
    let after: Vec<&Value> = this_run
        .iter()
        .filter(|r| r["id"].as_i64().unwrap() > import_id)
        .collect();
    assert!(!after.is_empty());
    for r in &after {
        assert_eq!(r["outcome"], "ok", "{r:#}");
    }
    let east_sync = after
        .iter()
        .find(|r| r["flow"] == "shipments sync" && r["channel"] == "east-3pl")
        .expect("shipments sync of east");
    assert_eq!(east_sync["counts"]["shipped"], 1, "{east_sync:#}");
    assert_eq!(shipment_status(&env, "S0000001"), "shipped");
    let export = after
        .iter()
        .find(|r| r["flow"] == "orders export")
        .expect("orders export");
    assert_eq!(export["counts"]["sent"], 1, "{export:#}");
    let updates = outbox(&env, "web");
    let file = updates
        .iter()
        .find(|f| f.starts_with("order-updates-"))
        .expect("order updates for the shop");
    assert!(
        env.read(&format!("channels/web/outbox/{file}"))
            .contains("1ZTEST")
    );
}

#[test]
fn rejected_records_make_the_run_exit_3_and_the_rest_goes_on() {
    let env = workspace(&[("1", "TEE-RED-M", 2), ("2", "NO-SUCH-SKU", 1)]);
    let out = env.oms(["run", "-q"]).code(3);
    // Quiet still says what needs a person: the rejected order and why.
    out.stdout_has("NO-SUCH-SKU");

    let runs = journal(&env);
    let import = runs
        .iter()
        .find(|r| r["flow"] == "orders import")
        .expect("an import run");
    assert_eq!(import["outcome"], "rejected");
    assert_eq!(import["counts"]["rejected"], 1);
    assert!(
        runs.iter()
            .filter(|r| r["flow"] != "orders import")
            .all(|r| r["outcome"] == "ok"),
        "{runs:#?}"
    );
    assert_eq!(shipment_status(&env, "S0000001"), "sent_to_warehouse");
}

#[test]
fn only_and_skip_choose_flows_that_still_run_in_order() {
    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    env.oms([
        "run",
        "-q",
        "--only",
        "stock-push,orders-import,orders-process",
    ])
    .ok();
    assert_eq!(
        first_appearance(&journal(&env)),
        [
            "orders import",
            "orders process",
            "shipments send",
            "stock push"
        ]
    );

    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    env.oms([
        "run",
        "-q",
        "--skip",
        "catalog-sync,stock-push,receipts-sync",
    ])
    .ok();
    assert_eq!(
        first_appearance(&journal(&env)),
        [
            "orders import",
            "orders process",
            "shipments send",
            "shipments sync",
            "orders export",
            "stock sync"
        ]
    );
    env.oms(["run", "--only", "orders-imprt"])
        .code(2)
        .stderr_has("`orders-imprt` is not a flow");
}

#[test]
fn an_overlapping_run_leaves_at_once_with_exit_75_and_one_line() {
    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    let before = journal(&env).len();
    // What a running oms holds: an OS lock on `<database>.lock`.
    let held = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(env.path("oms.db.lock"))
        .unwrap();
    held.lock().unwrap();

    let started = Instant::now();
    let out = env.oms(["run"]).env("OMS_LOCK_WAIT_MS", "200").code(75);
    let took = started.elapsed();
    assert_eq!(out.stdout, "", "not even a heading");
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "stderr:\n{}", out.stderr);
    assert!(
        lines[0].contains("another oms run holds the lock"),
        "{}",
        lines[0]
    );
    // It waited what it was told (200 ms), not the 5 s default.
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert_eq!(journal(&env).len(), before, "nothing ran");

    held.unlock().unwrap();
    env.oms(["run", "-q"]).ok();
    assert_eq!(shipment_status(&env, "S0000001"), "sent_to_warehouse");
}

#[test]
fn the_log_file_records_every_run_as_json() {
    let env = workspace(&[("1", "TEE-RED-M", 2)]);
    let out = env.oms(["run", "-q", "--log-file", "oms.log"]).ok();
    assert_eq!(out.stderr, "", "the terminal stays quiet");

    let events: Vec<Value> = env
        .read("oms.log")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let finished: Vec<&Value> = events
        .iter()
        .filter(|e| e["fields"]["message"] == "run finished")
        .collect();
    let runs = journal(&env);
    assert_eq!(finished.len(), runs.len(), "one line per run:\n{events:#?}");
    for (event, run) in finished.iter().zip(&runs) {
        assert_eq!(event["fields"]["run_id"], run["id"]);
        assert_eq!(event["fields"]["flow"], run["flow"]);
        assert_eq!(event["fields"]["outcome"], "ok");
    }
}
