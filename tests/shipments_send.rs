//! `oms shipments send` and `oms shipments cancel`: resends reuse the reference and the
//! file, a failing channel does not stop the others, cancellations are released here or
//! asked of the warehouse.

mod common;
mod process_support;

use process_support::*;

fn attempts(env: &common::Env, reference: &str) -> (String, i64, Option<String>) {
    env.db()
        .query_row(
            "SELECT status, send_attempts, last_error FROM shipments WHERE reference = ?1",
            [reference],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("shipment")
}

#[test]
fn a_lost_send_is_resent_under_the_same_reference_and_file_name() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 1)]),
            Order::new("2", &[("TEE-RED-M", 2)]),
        ],
    );
    // The file is written but the confirmation never commits (a crash in between): the
    // attempt is on record, the status still says ready to send.
    let crashed = env
        .oms(process_args(&[]))
        .env("OMS_TEST_CRASH_AT", "after_write@shipments-send")
        .run();
    assert_eq!(crashed.code, -1, "{crashed:?}");
    let file = "shipments-S0000001-S0000002.csv";
    assert_eq!(outbox(&env, "east-3pl"), [file]);
    let first = env.read(&format!("channels/east-3pl/outbox/{file}"));
    let report = env.oms(["shipments", "send", "-o", "json"]).ok().json();
    assert_eq!(
        (report["ready"].as_i64(), report["sent"].as_i64()),
        (Some(2), Some(2))
    );
    assert_eq!(outbox(&env, "east-3pl"), [file], "no second file");
    assert_eq!(env.read(&format!("channels/east-3pl/outbox/{file}")), first);
    assert_eq!(
        attempts(&env, "S0000001"),
        ("sent_to_warehouse".into(), 2, None)
    );

    // Nothing left to send: nothing written.
    let again = env.oms(["shipments", "send", "-o", "json"]).ok().json();
    assert_eq!(again["ready"], 0);
    assert_eq!(outbox(&env, "east-3pl"), [file]);
}

#[test]
fn a_failing_channel_keeps_its_shipments_and_the_others_go_on() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 1), ("west", "MUG-1", 1)]);
    insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 1)]),
            Order::new("2", &[("MUG-1", 1)]),
        ],
    );
    // east's outbox cannot be written: a file stands where the folder should be.
    std::fs::remove_dir_all(env.path("channels/east-3pl/outbox")).unwrap();
    env.write("channels/east-3pl/outbox", "not a folder");
    let done = env.oms(process_args(&["-o", "json"])).code(1);
    let report = done.json();
    assert_eq!(report["allocated"], 2, "planning succeeded");
    let send = &report["send"];
    assert_eq!(
        (send["sent"].as_i64(), send["failed"].as_i64()),
        (Some(1), Some(1))
    );
    assert!(
        send["failed_channels"][0]
            .as_str()
            .unwrap()
            .starts_with("east-3pl: "),
        "{send}"
    );
    let (status, tries, error) = attempts(&env, "S0000001");
    assert_eq!((status.as_str(), tries), ("ready_to_send", 1));
    let error = error.expect("the error is kept");
    assert!(error.contains("cannot create"), "{error}");
    assert_eq!(attempts(&env, "S0000002").0, "sent_to_warehouse");
    let outcome: String = env
        .db()
        .query_row(
            "SELECT outcome FROM runs WHERE flow = 'shipments send' AND channel = 'east-3pl'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(outcome, "failed");

    // Once the folder is back, the next send delivers it.
    std::fs::remove_file(env.path("channels/east-3pl/outbox")).unwrap();
    std::fs::create_dir(env.path("channels/east-3pl/outbox")).unwrap();
    let report = env
        .oms(["shipments", "send", "--channel", "east-3pl", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["sent"], 1);
    assert_eq!(
        attempts(&env, "S0000001"),
        ("sent_to_warehouse".into(), 2, None)
    );
}

#[test]
fn send_dry_run_lists_without_sending() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 1)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 3)])]);
    process(&env, &[], 0);
    // Stock arrives: the backorder retry creates a shipment that waits to be sent.
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    let report = env
        .oms(["shipments", "send", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        (report["ready"].as_i64(), report["sent"].as_i64()),
        (Some(1), Some(0))
    );
    assert_eq!(report["items"][0]["outcome"], "would_send");
    assert!(outbox(&env, "east-3pl").is_empty());
    assert_eq!(
        attempts(&env, "S0000001"),
        ("ready_to_send".into(), 0, None)
    );
    env.oms(["shipments", "send", "--channel", "nowhere"])
        .code(2)
        .stderr_has("unknown fulfillment channel `nowhere`");
}

#[test]
fn cancelling_an_unsent_shipment_releases_its_allocation() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 1)]);
    let ids = insert(&env, &[Order::new("1", &[("TEE-RED-M", 3)])]);
    process(&env, &[], 0);
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    assert_eq!(attempts(&env, "S0000001").0, "ready_to_send");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (3, 3));

    // No terminal and no --yes: refused, nothing changed.
    env.oms(["shipments", "cancel", "S0000001"])
        .code(2)
        .stderr_has("pass --yes");
    let report = env
        .oms(["shipments", "cancel", "S0000001", "--yes", "-o", "json"])
        .ok()
        .json();
    let item = &report["items"][0];
    assert_eq!(
        (item["outcome"].as_str(), item["units_released"].as_i64()),
        (Some("cancelled"), Some(3))
    );
    assert_eq!(attempts(&env, "S0000001").0, "cancelled");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (3, 0));
    assert_eq!(order_state(&env, ids[0]).0, "approved", "back in line");
    assert_stock_consistent(&env);

    // The next run allocates the order anew: the cancelled shipment no longer covers it.
    process(&env, &[], 0);
    let list = shipments_of(&env, ids[0]);
    assert_eq!(
        (list.len(), list[1].status.as_str(), list[1].lines[0].1),
        (2, "sent_to_warehouse", 3)
    );

    // Cancelled is final.
    env.oms(["shipments", "cancel", "S0000001", "--yes"])
        .code(2)
        .stderr_has("shipment S0000001 cannot be cancelled: it is already cancelled");
}

#[test]
fn cancelling_a_sent_shipment_asks_the_warehouse() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 2), ("east", "MUG-1", 1)]);
    let ids = insert(
        &env,
        &[
            Order::new("1", &[("TEE-RED-M", 2)]),
            Order::new("2", &[("MUG-1", 1)]),
        ],
    );
    process(&env, &[], 0);
    let dry = env
        .oms(["shipments", "cancel", "S0000001", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(dry["cancel_requested"], 1);
    assert_eq!(attempts(&env, "S0000001").0, "sent_to_warehouse");

    let report = env
        .oms(["shipments", "cancel", "S0000001", "-y", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["items"][0]["outcome"], "cancel_requested");
    assert_eq!(attempts(&env, "S0000001").0, "cancel_requested");
    assert_eq!(
        level(&env, "east", "TEE-RED-M"),
        (2, 2),
        "held until the warehouse answers"
    );

    // The next send delivers the request, once.
    let sent = env.oms(["shipments", "send", "-o", "json"]).ok().json();
    assert_eq!(sent["cancellations_sent"], 1);
    assert!(outbox(&env, "east-3pl").contains(&"cancellations-S0000001.csv".to_string()));
    let again = env.oms(["shipments", "send", "-o", "json"]).ok().json();
    assert_eq!(again["cancellations_sent"], 0);

    // The warehouse confirms: cancelled, allocation released, order back to approved.
    env.write(
        "channels/east-3pl/inbox/shipments-1.csv",
        "reference,status\nS0000001,cancelled\n",
    );
    env.oms(["shipments", "sync"]).ok();
    assert_eq!(attempts(&env, "S0000001").0, "cancelled");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (2, 0));
    assert_eq!(order_state(&env, ids[0]).0, "approved");
    assert_stock_consistent(&env);

    // A shipped shipment cannot be cancelled; the whole command is refused.
    env.write(
        "channels/east-3pl/inbox/shipments-2.csv",
        "reference,sku,quantity_shipped\nS0000002,MUG-1,1\n",
    );
    env.oms(["shipments", "sync"]).ok();
    env.oms(["shipments", "cancel", "S0000002", "S0000999", "--yes"])
        .code(2)
        .stderr_has("it is already shipped")
        .stderr_has("no shipment `S0000999`");
}
