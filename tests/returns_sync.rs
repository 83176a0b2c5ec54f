//! Issue 16, `oms returns sync`: open RMAs out to the warehouse (files: one outbox file
//! per RMA; ShipBob: a return order with reference_id = the RMA number, looked up when
//! the answer is lost) and return receipts in, each applied once.

mod common;
mod cycle_support;
mod returns_support;
mod ship_support;

use cycle_support::{Cycle, sb_api};
use httpmock::prelude::*;
use httpmock::{HttpMockRequest, Mock};
use returns_support::*;
use std::sync::{Arc, Mutex};

const EAST_OUTBOX: &str = "channels/east-3pl/outbox";
const EAST_INBOX: &str = "channels/east-3pl/inbox";

#[test]
fn files_rmas_go_out_once_and_receipts_apply_once() {
    let env = shipped();
    create(&env, "unwanted", &["TEE-1=2"]);
    let report = env.oms(["returns", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["sent"], 1, "{report}");
    let file = env.read(&format!("{EAST_OUTBOX}/returns-RMA-000001.csv"));
    assert_eq!(
        file,
        "rma,order,warehouse,location_id,reason,sku,quantity,disposition\n\
         RMA-000001,#1001,east,,unwanted,TEE-1,2,restock\n"
    );
    let again = env.oms(["returns", "sync", "-o", "json"]).ok().json();
    assert_eq!(again["sent"], 0, "an RMA is sent once: {again}");

    let receipt = "rma,sku,quantity,disposition\n\
                   RMA-000001,TEE-1,1,restock\n\
                   rma-000001,tee-1,1,quarantine\n\
                   RMA-000009,TEE-1,1,\n";
    env.write(&format!("{EAST_INBOX}/return-receipts-1.csv"), receipt);
    let report = env.oms(["returns", "sync", "-o", "json"]).code(3).json();
    assert_eq!(
        (&report["received"], &report["rejected"]),
        (&1.into(), &1.into()),
        "{report}"
    );
    let rejected = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["outcome"] == "rejected")
        .unwrap();
    assert!(
        rejected["reasons"][0]
            .as_str()
            .unwrap()
            .contains("return-receipts-1.csv:4: rma: there is no RMA `RMA-000009`"),
        "{rejected}"
    );
    assert_eq!(level(&env, "TEE-1"), (9, 0, 1));
    let rma = env.oms(["returns", "show", "1", "-o", "json"]).ok().json();
    assert_eq!(rma["status"], "received");
    assert!(
        !env.path(&format!("{EAST_INBOX}/return-receipts-1.csv"))
            .exists(),
        "the file left the inbox once applied"
    );
    // The same file delivered again applies nothing twice.
    env.write(&format!("{EAST_INBOX}/return-receipts-1.csv"), receipt);
    let again = env.oms(["returns", "sync", "-o", "json"]).code(3).json();
    assert_eq!(again["already_applied"], 1, "{again}");
    assert_eq!(level(&env, "TEE-1"), (9, 0, 1));
    verified(&env);
}

#[test]
fn returns_sync_is_a_flow_of_oms_run() {
    let env = shipped();
    create(&env, "damaged", &["MUG-1=1"]);
    env.oms(["run", "--only", "returns-sync"]).ok();
    assert!(
        env.path(&format!("{EAST_OUTBOX}/returns-RMA-000001.csv"))
            .exists()
    );
    let runs: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM runs WHERE flow = 'returns sync'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(runs >= 1);
}

#[test]
fn without_any_rma_returns_sync_opens_no_channel() {
    let env = shipped();
    let report = env.oms(["returns", "sync", "-o", "json"]).ok().json();
    assert_eq!(report["items"], serde_json::json!([]));
    let runs: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM runs WHERE flow = 'returns sync'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(runs, 0);
}

/// A Cycle workspace (west on the mock ShipBob) whose order 1 (TEE-1 × 2) shipped from a
/// files warehouse `east`, with RMA-000001 for both tees into `west`.
fn rma_into_shipbob(shop: &MockServer, sb: &MockServer) -> Cycle {
    let cycle = Cycle::new(shop, sb);
    let toml = cycle.env.read("oms.toml")
        + r#"
[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[warehouses.east]
fulfillment_channel = "east-3pl"
"#;
    cycle.env.write("oms.toml", &toml);
    for sub in ["inbox", "outbox"] {
        std::fs::create_dir_all(cycle.env.path(&format!("channels/east-3pl/{sub}"))).unwrap();
    }
    cycle
        .oms([
            "stock",
            "adjust",
            "--warehouse",
            "east",
            "--sku",
            "TEE-1",
            "--set",
            "5",
            "--yes",
        ])
        .ok();
    cycle
        .oms([
            "orders",
            "create",
            "--sku",
            "TEE-1=2",
            "--no-ship-to",
            "--warehouse",
            "east",
        ])
        .ok();
    cycle.oms(["orders", "approve", "1"]).ok();
    cycle.oms(["orders", "process"]).ok();
    cycle.oms(["orders", "ship", "1"]).ok();
    cycle
        .oms([
            "returns",
            "create",
            "--order",
            "1",
            "--reason",
            "unwanted",
            "--line",
            "TEE-1=2",
            "--warehouse",
            "west",
        ])
        .ok();
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("product"));
        then.status(200)
            .body(cycle_support::fixture("shipbob-products.json"));
    });
    cycle
}

fn returns_fixture(name: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/shipbob/returns/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Lookups by reference answer with the return once a create reached the mock.
fn lookups(sb: &MockServer, created: &Arc<Mutex<bool>>) {
    for exists in [false, true] {
        let state = Arc::clone(created);
        let body = if exists {
            format!("[{}]", returns_fixture("created.json"))
        } else {
            "[]".to_string()
        };
        sb.mock(move |when, then| {
            when.method(GET)
                .path(sb_api("return"))
                .query_param("ReferenceIds", "RMA-000001")
                .is_true(move |_| *state.lock().unwrap() == exists);
            then.status(200).body(body);
        });
    }
}

#[test]
fn shipbob_gets_one_return_order_even_when_the_answer_is_lost() {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = rma_into_shipbob(&shop, &sb);
    let created = Arc::new(Mutex::new(false));
    lookups(&sb, &created);
    let state = Arc::clone(&created);
    // ShipBob makes the return order, but the answer never arrives (503).
    let create: Mock = sb.mock(move |when, then| {
        when.method(POST)
            .path(sb_api("return"))
            .json_body(serde_json::json!({
                "reference_id": "RMA-000001",
                "fulfillment_center": { "id": 10 },
                "inventory": [{ "id": 8588331, "quantity": 2, "requested_action": "Default" }]
            }))
            .is_true(move |_: &HttpMockRequest| {
                *state.lock().unwrap() = true;
                true
            });
        then.status(503).body("{}");
    });
    let mut awaiting = sb.mock(|when, then| {
        when.method(GET).path(sb_api("return/880001"));
        then.status(200).body(returns_fixture("processing.json"));
    });
    let report = cycle.json(["returns", "sync", "--channel", "sb"]);
    assert_eq!(
        report["sent"], 1,
        "the lookup found what the lost answer made: {report}"
    );
    create.assert_calls(1);
    assert_eq!(
        cycle.text("SELECT external_id FROM returns WHERE number = 'RMA-000001'"),
        "880001"
    );
    assert_eq!(report["received"], 0, "still being processed: {report}");
    let again = cycle.json(["returns", "sync", "--channel", "sb"]);
    assert_eq!(again["sent"], 0, "{again}");
    create.assert_calls(1);

    awaiting.delete();
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("return/880001"));
        then.status(200).body(returns_fixture("completed.json"));
    });
    let done = cycle.json(["returns", "sync", "--channel", "sb"]);
    assert_eq!(done["received"], 1, "{done}");
    let west = |column: &str| {
        cycle.number(&format!(
            "SELECT l.{column} FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE l.warehouse = 'west' AND v.sku = 'TEE-1'"
        ))
    };
    assert_eq!(
        (west("on_hand"), west("returning_qty"), west("quarantine")),
        (11, 0, 1),
        "Restock → on hand, Quarantine → quarantine"
    );
    assert_eq!(
        cycle.text("SELECT status FROM returns WHERE number = 'RMA-000001'"),
        "received"
    );
    // Read again (a crash before the next step, or just the next run): applied once.
    let again = cycle.json(["returns", "sync", "--channel", "sb"]);
    assert_eq!(again["received"], 0, "{again}");
    assert_eq!(west("on_hand"), 11);
    cycle.oms(["stock", "verify"]).ok();
}
