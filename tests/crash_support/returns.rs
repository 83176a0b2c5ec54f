//! The crash matrix's `returns-sync` rows (issue 16): on `files` channels (RMAs out as
//! outbox files, return receipts in from the inbox) and against a mock ShipBob (a return
//! order per RMA, looked up by reference after a crash).

use std::sync::{Arc, Mutex};

use httpmock::prelude::*;
use httpmock::{HttpMockRequest, Mock};

use super::files::{count, inbox_left, once_each};
use crate::common::Env;
use crate::cycle_support::{Cycle, fixture, sb_api};
use crate::process_support::{Order, insert, level, stock};

/// Order 1001 (3 × TEE-RED-M) shipped from east.
fn shipped(env: &Env) {
    stock(env, &[("east", "TEE-RED-M", 20)]);
    insert(env, &[Order::new("1001", &[("TEE-RED-M", 3)])]);
    env.oms(["orders", "process"]).ok();
    env.oms(["orders", "ship", "1"]).ok();
}

fn rma(env: &Env) {
    env.oms([
        "returns",
        "create",
        "--order",
        "1",
        "--reason",
        "unwanted",
        "--line",
        "TEE-RED-M=1",
    ])
    .ok();
}

fn return_receipt(env: &Env, name: &str, number: &str) {
    env.write(
        &format!("channels/east-3pl/inbox/{name}"),
        &format!("rma,sku,quantity,disposition\n{number},TEE-RED-M,1,restock\n"),
    );
}

pub fn returns_setup(env: &Env) {
    shipped(env);
    rma(env);
    rma(env);
    return_receipt(env, "return-receipts-1.csv", "RMA-000001");
}

pub fn returns_new_work(env: &Env) {
    rma(env);
    return_receipt(env, "return-receipts-2.csv", "RMA-000002");
}

pub fn returns_check(env: &Env) -> String {
    let exported = count(
        env,
        "SELECT COUNT(*) FROM returns WHERE exported_at IS NOT NULL",
    );
    assert_eq!(exported, 3, "every RMA sent");
    let received = count(
        env,
        "SELECT COUNT(*) FROM returns WHERE status = 'received'",
    );
    assert_eq!(received, 2, "each receipt applied");
    let (on_hand, _) = level(env, "east", "TEE-RED-M");
    assert_eq!(on_hand, 19, "17 after shipping, +1 per receipt, once each");
    assert_eq!(inbox_left(env, "east-3pl"), 0);
    let files = once_each(env, "east-3pl", "returns-", "rma", 3);
    format!("{files}/{received} receipts")
}

/// `returns sync` dies before or after ShipBob is asked to create RMA-000001's return
/// order; the next sync looks it up instead of creating it again, and a second RMA is
/// created exactly once.
pub fn returns_to_shipbob(point: &str, flow: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = Cycle::new(&shop, &sb);
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("product"));
        then.status(200).body(fixture("shipbob-products.json"));
    });
    // Only shipped units can be returned; how this order shipped is not what the row
    // tests, so it is marked shipped in the database directly.
    cycle
        .oms(["orders", "create", "--sku", "TEE-1=2", "--no-ship-to"])
        .ok();
    cycle.oms(["orders", "approve", "1"]).ok();
    cycle
        .env
        .db()
        .execute(
            "UPDATE order_lines SET quantity_shipped = quantity WHERE order_id = 1",
            [],
        )
        .expect("shipped");
    cycle
        .env
        .db()
        .execute("UPDATE orders SET status = 'shipped' WHERE id = 1", [])
        .expect("shipped");
    let creates: Vec<Mock> = ["RMA-000001", "RMA-000002"]
        .iter()
        .enumerate()
        .map(|(i, number)| return_mocks(&sb, number, 880001 + i as i64))
        .collect();
    let new_rma = || {
        cycle
            .oms([
                "returns",
                "create",
                "--order",
                "1",
                "--reason",
                "unwanted",
                "--line",
                "TEE-1=1",
                "--warehouse",
                "west",
            ])
            .ok();
    };
    new_rma();
    let crashed = cycle
        .oms(["returns", "sync"])
        .env("OMS_TEST_CRASH_AT", format!("{point}@{flow}"))
        .run();
    assert_eq!(crashed.code, -1, "the process was to die: {crashed:?}");
    assert_eq!(
        creates[0].calls(),
        usize::from(point != "before_write"),
        "the create was sent iff the crash came after it"
    );
    new_rma();
    let report = cycle.json(["returns", "sync"]);
    assert_eq!(report["sent"], 2, "{report}");
    let again = cycle.json(["returns", "sync"]);
    assert_eq!(again["sent"], 0, "{again}");
    creates.iter().for_each(|c| c.assert_calls(1));
    let linked =
        cycle.number("SELECT COUNT(*) FROM returns WHERE external_id IN ('880001', '880002')");
    assert_eq!(linked, 2, "each RMA holds its return order id");
    cycle.oms(["stock", "verify"]).ok();
    format!(
        "2 RMAs/{} creates",
        creates.iter().map(Mock::calls).sum::<usize>()
    )
}

/// The lookup (empty until the create arrived), the create, and the poll (still on its
/// way) of one RMA's return order `id`.
fn return_mocks<'a>(sb: &'a MockServer, number: &'static str, id: i64) -> Mock<'a> {
    let body = std::fs::read_to_string(format!(
        "{}/tests/fixtures/shipbob/returns/created.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
    .replace("RMA-000001", number)
    .replace("880001", &id.to_string());
    let made = Arc::new(Mutex::new(false));
    for exists in [false, true] {
        let made = Arc::clone(&made);
        let answer = if exists {
            format!("[{body}]")
        } else {
            "[]".into()
        };
        sb.mock(move |when, then| {
            when.method(GET)
                .path(sb_api("return"))
                .query_param("ReferenceIds", number)
                .is_true(move |_| *made.lock().expect("mock") == exists);
            then.status(200).body(answer);
        });
    }
    let polled = body.clone();
    sb.mock(move |when, then| {
        when.method(GET).path(sb_api(&format!("return/{id}")));
        then.status(200).body(polled);
    });
    sb.mock(move |when, then| {
        when.method(POST)
            .path(sb_api("return"))
            .is_true(move |req: &HttpMockRequest| {
                let sent: serde_json::Value =
                    serde_json::from_slice(req.body().as_ref()).unwrap_or_default();
                let mine = sent["reference_id"] == number;
                if mine {
                    *made.lock().expect("mock") = true;
                }
                mine
            });
        then.status(201).body(body);
    })
}
