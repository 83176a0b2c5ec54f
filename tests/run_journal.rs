//! The run journal is honest (issue 10 items 7 and 11): a run whose process died is shown
//! and then marked `interrupted`; `oms status --check` fails for failed and interrupted
//! runs and when the database cannot be written (so nothing could be journaled); an
//! upstream edit that came after processing is kept as a rejection, not forgotten.

mod common;
mod process_support;

use common::Env;
use process_support::*;
use serde_json::Value;

fn runs(env: &Env) -> Vec<Value> {
    let list = env.oms(["runs", "list", "-o", "json"]).ok().json();
    list.as_array().expect("runs").clone()
}

fn kinds(status: &Value) -> Vec<String> {
    status["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .map(|a| a["kind"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn item7_a_killed_run_is_interrupted_not_running_forever() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 1)])]);
    let crashed = env
        .oms(["orders", "process"])
        .env("OMS_TEST_CRASH_AT", "after_write@shipments-send")
        .run();
    assert_eq!(crashed.code, -1, "{crashed:?}");
    let in_db: String = env
        .db()
        .query_row(
            "SELECT outcome FROM runs WHERE flow = 'shipments send'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(in_db, "running", "nothing could close it");

    // Before any other run: the views already say what happened.
    let listed = runs(&env);
    let send = listed
        .iter()
        .find(|r| r["flow"] == "shipments send")
        .expect("the send run");
    assert_eq!(send["outcome"], "interrupted", "{listed:#?}");
    let status = env.oms(["status", "--check", "-o", "json"]).code(1).json();
    assert!(
        kinds(&status).contains(&"interrupted run".to_string()),
        "{status:#}"
    );

    // The next run records it in the journal, and the resend settles the shipment.
    env.oms(["shipments", "send"]).ok();
    let marked: (String, Option<String>) = env
        .db()
        .query_row(
            "SELECT outcome, error FROM runs WHERE flow = 'shipments send' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(marked.0, "interrupted");
    assert!(marked.1.is_some_and(|e| e.contains("process ended")));
    let status = env.oms(["status", "-o", "json"]).ok().json();
    assert!(
        !kinds(&status).contains(&"interrupted run".to_string()),
        "the last send run is fine now: {status:#}"
    );
}

#[test]
fn item7_status_check_fails_when_runs_cannot_be_journaled() {
    let env = standard();
    env.oms(["runs", "list"]).ok();
    // The database cannot be written. Permissions do not stop root, so the test makes the
    // write-ahead log impossible to create instead when it runs as root; both are what an
    // operator meets (a read-only mount, a folder owned by someone else).
    let wal = env.path("oms.db-wal");
    let _ = std::fs::remove_file(&wal);
    std::fs::create_dir(&wal).unwrap();
    let run = env.oms(["run", "-q"]).run();
    assert_ne!(run.code, 0, "the run cannot write: {run:?}");
    let status = env.oms(["status", "--check", "-o", "json"]).run();
    assert_eq!(status.code, 1, "{status:?}");
    let text = format!("{}{}", status.stdout, status.stderr);
    assert!(text.contains("oms.db-wal"), "names the path: {text}");
    std::fs::remove_dir(&wal).unwrap();
}

#[test]
fn item11_an_edit_after_processing_is_a_rejection_until_dealt_with() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    let orders = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n";
    env.write(
        "first.csv",
        &format!("{orders}9001,#9001,Ann Lee,1 Elm St,Boston,02134,US,TEE-RED-M,1\n"),
    );
    env.write(
        "edited.csv",
        &format!("{orders}9001,#9001,Ann Lee,1 Elm St,Boston,02134,US,TEE-RED-M,3\n"),
    );
    let import = |file: &str| {
        env.oms([
            "orders",
            "import",
            "--channel",
            "web",
            "--file",
            file,
            "--format",
            "oms-csv",
            "-o",
            "json",
        ])
        .run()
        .json()
    };
    import("first.csv");
    process(&env, &[], 0);
    let report = import("edited.csv");
    assert_eq!(report["not_applied"], 1, "{report:#}");

    let rejects = env.oms(["rejects", "-o", "json"]).ok().json();
    let list = rejects.as_array().expect("list");
    assert_eq!(list.len(), 1, "{rejects:#}");
    assert_eq!(list[0]["external_id"], "9001");
    assert!(
        list[0]
            .to_string()
            .contains("changed upstream after processing"),
        "{rejects:#}"
    );
    let status = env.oms(["status", "--check", "-o", "json"]).code(1).json();
    assert!(
        kinds(&status).contains(&"rejections".to_string()),
        "{status:#}"
    );

    // Seen again: still one rejection, not a pile.
    import("edited.csv");
    let again = env.oms(["rejects", "-o", "json"]).ok().json();
    assert_eq!(again.as_array().map(Vec::len), Some(1), "{again:#}");
    let quantity: i64 = env
        .db()
        .query_row("SELECT SUM(quantity) FROM order_lines", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quantity, 1, "the processed order stays as it was");
}
