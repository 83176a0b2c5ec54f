//! `cancel_after` (issue 13 item 5, docs/processing.md): read from order files and
//! `orders create --cancel-after`, shown by `orders show`; once it has passed, an order no
//! warehouse has seen is cancelled by `orders process` (`auto_cancel = true`) through the
//! one cancel path, or listed by `oms status` for a person. The clock is moved with
//! OMS_TEST_NOW, never slept on.

mod common;
mod process_support;

use common::Env;
use process_support::*;
use serde_json::Value;

const T0: &str = "2026-11-27T09:00:00Z";
/// The cancel_after of the test orders; the clock standing on it has not passed it.
const DUE: &str = "2026-11-27T10:00:00Z";
const AFTER: &str = "2026-11-27T10:00:01Z";

const HEADER: &str = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity,cancel_after\n";

/// One oms-csv row per (order id, sku, quantity, cancel_after).
fn orders_csv(rows: &[(&str, &str, i64, &str)]) -> String {
    let mut csv = HEADER.to_string();
    for (id, sku, qty, after) in rows {
        csv.push_str(&format!(
            "{id},#{id},Ada Lovelace,1 Analytical Way,London,N1 1AA,GB,{sku},{qty},{after}\n"
        ));
    }
    csv
}

fn import(env: &Env, file: &str, format: &str, code: i32) -> Value {
    env.oms([
        "orders", "import", "--file", file, "--format", format, "-o", "json",
    ])
    .code(code)
    .json()
}

fn id_of(env: &Env, external_id: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT id FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("order {external_id}: {e}"))
}

fn cancel_after(env: &Env, external_id: &str) -> Option<String> {
    env.db()
        .query_row(
            "SELECT cancel_after FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
}

fn at(env: &Env, now: &str, args: &[&str], code: i32) -> Value {
    let mut argv = args.to_vec();
    argv.extend(["-o", "json"]);
    env.oms(argv).env("OMS_TEST_NOW", now).code(code).json()
}

fn process_at(env: &Env, now: &str) -> Value {
    at(env, now, &["orders", "process"], 0)
}

/// Status checks with clock-dependent alarms of their own (stale runs, unconfirmed
/// shipments, which SQLite measures by the real clock) pushed out of the way.
const QUIET_STATUS: &str =
    "\n[status]\nstale_after_hours = 1000000\nunconfirmed_after_hours = 1000000\n";

fn auto_cancel() -> Env {
    workspace(&config_with(
        &[("max_splits = 2", "max_splits = 2\nauto_cancel = true")],
        QUIET_STATUS,
    ))
}

/// Units held on the web channel's stock source.
fn held_on_source(env: &Env) -> i64 {
    env.db()
        .query_row(
            "SELECT COALESCE(SUM(held), 0) FROM stock_levels WHERE warehouse = 'all'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn attention_of(status: &Value, kind: &str) -> Vec<String> {
    status["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .filter(|a| a["kind"] == kind)
        .map(|a| a["detail"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn order_files_carry_cancel_after_and_a_bad_value_is_named() {
    let env = standard();
    env.write(
        "orders.csv",
        &orders_csv(&[
            ("1001", "TEE-RED-M", 1, "2026-11-30"),
            ("1002", "MUG-1", 1, "2026-11-30T10:00:00-05:00"),
            ("1003", "CAP-1", 1, "soon"),
            ("1004", "CAP-1", 1, ""),
        ]),
    );
    let report = import(&env, "orders.csv", "oms-csv", 3);
    assert_eq!(
        (&report["imported"], &report["rejected"]),
        (&3.into(), &1.into()),
        "{report}"
    );
    // A bare date is the whole of that day (UTC); a time keeps its moment, in UTC.
    assert_eq!(
        cancel_after(&env, "1001").as_deref(),
        Some("2026-11-30T23:59:59Z")
    );
    assert_eq!(
        cancel_after(&env, "1002").as_deref(),
        Some("2026-11-30T15:00:00Z")
    );
    assert_eq!(cancel_after(&env, "1004"), None);
    let rejects = env
        .oms(["orders", "rejects", "-o", "json"])
        .ok()
        .json()
        .to_string();
    assert!(
        rejects.contains("orders.csv:4: cancel_after: `soon` is not a date and time"),
        "{rejects}"
    );

    env.write(
        "orders.ndjson",
        "{\"external_id\":\"2001\",\"cancel_after\":\"2026-12-01T08:00:00Z\",\"ship_to\":{\"name\":\"Ann Lee\",\"address1\":\"1 Elm St\",\"country\":\"US\"},\"lines\":[{\"sku\":\"CAP-1\",\"quantity\":1}]}\n\
         {\"external_id\":\"2002\",\"cancel_after\":\"next week\",\"ship_to\":{\"name\":\"Bo Li\",\"address1\":\"2 Oak St\",\"country\":\"US\"},\"lines\":[{\"sku\":\"CAP-1\",\"quantity\":1}]}\n",
    );
    let report = import(&env, "orders.ndjson", "oms-json", 3);
    assert_eq!(
        (&report["imported"], &report["rejected"]),
        (&1.into(), &1.into()),
        "{report}"
    );
    assert_eq!(
        cancel_after(&env, "2001").as_deref(),
        Some("2026-12-01T08:00:00Z")
    );
    let rejects = env
        .oms(["orders", "rejects", "-o", "json"])
        .ok()
        .json()
        .to_string();
    assert!(
        rejects.contains(
            "orders.ndjson:2: record 2: cancel_after: `next week` is not a date and time"
        ),
        "{rejects}"
    );

    // `orders show` says it, to machines and to people.
    let id = id_of(&env, "1001").to_string();
    let shown = env.oms(["orders", "show", &id, "-o", "json"]).ok().json();
    assert_eq!(shown["cancel_after"], "2026-11-30T23:59:59Z");
    env.oms(["orders", "show", &id])
        .ok()
        .stdout_has("2026-11-30T23:59:59Z");
}

#[test]
fn orders_create_takes_cancel_after_and_refuses_a_bad_one() {
    let env = standard();
    let created = env
        .oms([
            "orders",
            "create",
            "--sku",
            "TEE-RED-M=1",
            "--name",
            "Ann Lee",
            "--ship-address1",
            "1 Elm St",
            "--ship-country",
            "US",
            "--cancel-after",
            "2026-11-28T12:00:00+01:00",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(created["cancel_after"], "2026-11-28T11:00:00Z", "{created}");
    let shown = env.oms(["orders", "show", "1", "-o", "json"]).ok().json();
    assert_eq!(shown["cancel_after"], "2026-11-28T11:00:00Z");

    let bad = env
        .oms([
            "orders",
            "create",
            "--sku",
            "TEE-RED-M=1",
            "--no-ship-to",
            "--cancel-after",
            "tomorrow",
        ])
        .code(2);
    bad.stderr_has("--cancel-after")
        .stderr_has("`tomorrow` is not a date and time");
    let orders: i64 = env
        .db()
        .query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orders, 1, "nothing created by the refused command");
}

#[test]
fn auto_cancel_cancels_what_no_warehouse_has_seen_once_the_time_has_passed() {
    let env = auto_cancel();
    stock(&env, &[("east", "TEE-RED-M", 2), ("east", "TEE-BLUE-L", 1)]);
    env.write(
        "orders.csv",
        &orders_csv(&[
            ("sent", "TEE-RED-M", 2, DUE),
            ("waiting", "MUG-1", 3, DUE),
            ("unsent", "CAP-1", 1, DUE),
            ("held", "TEE-BLUE-L", 1, DUE),
            ("no-date", "MUG-1", 1, ""),
        ]),
    );
    import(&env, "orders.csv", "oms-csv", 0);
    let [sent, waiting, unsent, held, no_date] =
        ["sent", "waiting", "unsent", "held", "no-date"].map(|x| id_of(&env, x));
    // A draft typed in by hand expires the same way.
    env.oms([
        "orders",
        "create",
        "--sku",
        "CAP-1=1",
        "--no-ship-to",
        "--cancel-after",
        DUE,
    ])
    .ok();
    let draft = id_of(&env, &format!("M{:07}", no_date + 1));
    at(
        &env,
        T0,
        &[
            "orders",
            "hold",
            &held.to_string(),
            "--reason",
            "fraud check",
        ],
        0,
    );

    assert_eq!(held_on_source(&env), 1);
    let first = process_at(&env, T0);
    assert_eq!(first["cancelled"], 0, "{first}");
    assert_eq!(order_state(&env, sent).0, "fulfilling");
    assert_eq!(shipments_of(&env, sent)[0].status, "sent_to_warehouse");
    assert!(order_state(&env, waiting).1 && order_state(&env, unsent).1);

    // On the minute itself it has not passed yet.
    let on_time = process_at(&env, DUE);
    assert_eq!(on_time["cancelled"], 0, "{on_time}");
    assert_eq!(order_state(&env, waiting).0, "approved");
    assert_eq!(order_state(&env, held).0, "on_hold");
    assert_eq!(order_state(&env, draft).0, "draft");

    // Stock arrives for one backorder: a shipment ready to send, not sent yet.
    stock(&env, &[("east", "CAP-1", 1)]);
    assert_eq!(shipments_of(&env, unsent)[0].status, "ready_to_send");
    assert_eq!(level(&env, "east", "CAP-1"), (1, 1));

    // A dry run says what it would cancel and changes nothing.
    let dry = at(&env, AFTER, &["orders", "process", "--dry-run"], 0);
    assert_eq!(dry["cancelled"], 4, "{dry}");
    assert_eq!(order_state(&env, waiting).0, "approved");
    assert_eq!(shipments_of(&env, unsent)[0].status, "ready_to_send");

    let late = process_at(&env, AFTER);
    assert_eq!(late["cancelled"], 4, "{late}");
    let mut cancelled: Vec<i64> = late["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["outcome"] == "cancelled")
        .map(|i| {
            let reason = i["reason"].as_str().unwrap();
            assert!(
                reason.contains("cancel_after 2026-11-27T10:00:00Z passed before it was sent"),
                "{reason}"
            );
            i["order_id"].as_i64().unwrap()
        })
        .collect();
    cancelled.sort();
    assert_eq!(cancelled, [waiting, unsent, held, draft]);
    for id in [waiting, unsent, held, draft] {
        assert_eq!(order_state(&env, id), ("cancelled".into(), false, None));
    }
    // Sent to a warehouse: the warehouse has it, so it is left alone; no date: never.
    assert_eq!(order_state(&env, sent).0, "fulfilling");
    assert_eq!(shipments_of(&env, sent)[0].status, "sent_to_warehouse");
    assert_eq!(order_state(&env, no_date).0, "approved");
    // The unsent shipment's allocation and the held units are released, by the ledger.
    assert_eq!(shipments_of(&env, unsent)[0].status, "cancelled");
    assert_eq!(level(&env, "east", "CAP-1"), (1, 0));
    assert_eq!(held_on_source(&env), 0);
    assert_stock_consistent(&env);
    let story = at(&env, AFTER, &["orders", "show", &waiting.to_string()], 0).to_string();
    assert!(
        story.contains("cancel_after 2026-11-27T10:00:00Z passed"),
        "{story}"
    );

    // Done once: the next run finds nothing, and status has nothing to say about it.
    assert_eq!(process_at(&env, AFTER)["cancelled"], 0);
    let status = at(&env, AFTER, &["status"], 0);
    assert!(
        attention_of(&status, "cancel_after passed").is_empty(),
        "{status:#}"
    );
}

#[test]
fn without_auto_cancel_status_lists_them_and_check_fails() {
    let env = workspace(&config_with(&[], QUIET_STATUS));
    stock(&env, &[("east", "TEE-RED-M", 1)]);
    env.write(
        "orders.csv",
        &orders_csv(&[("sent", "TEE-RED-M", 1, DUE), ("waiting", "MUG-1", 1, DUE)]),
    );
    import(&env, "orders.csv", "oms-csv", 0);
    let waiting = id_of(&env, "waiting");
    process_at(&env, T0);

    let before = at(&env, DUE, &["status", "--check"], 0);
    assert!(
        attention_of(&before, "cancel_after passed").is_empty(),
        "{before:#}"
    );

    // Processing does not cancel on its own; status names the order and what to do.
    let late = process_at(&env, AFTER);
    assert_eq!(late["cancelled"], 0, "{late}");
    assert_eq!(order_state(&env, waiting).0, "approved");
    let status = at(&env, AFTER, &["status", "--check"], 1);
    let details = attention_of(&status, "cancel_after passed");
    assert_eq!(details.len(), 1, "only the unsent order: {status:#}");
    assert!(
        details[0].contains(&format!("order {waiting} #waiting"))
            && details[0].contains("after 2026-11-27T10:00:00Z")
            && details[0].contains(&format!("`oms orders cancel {waiting}`")),
        "{}",
        details[0]
    );
    assert_eq!(status["expired"][0]["order_id"], waiting);

    env.oms(["orders", "cancel", &waiting.to_string(), "--yes"])
        .ok();
    at(&env, AFTER, &["status", "--check"], 0);
    assert_stock_consistent(&env);
}
