//! The crash matrix's rows that run against a mock ShipBob (127.0.0.1). The mock keeps
//! what it was asked to create, so a lookup after a crash answers with the orders that
//! exist, the way ShipBob does; each create is counted per reference. Each row's function
//! does the whole cell: crash, new work, run again, check.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use httpmock::prelude::*;
use httpmock::{HttpMockRequest, Mock};

use crate::cycle_support::{Cycle, fixture, sb_api};
use crate::process_support::{Order, insert};

/// Runs `args` until it dies at `at` (`point@flow`).
fn crash(cycle: &Cycle, args: &[&str], at: &str) {
    let crashed = cycle.oms(args.to_vec()).env("OMS_TEST_CRASH_AT", at).run();
    assert_eq!(
        crashed.code, -1,
        "the process was to die at {at}: {crashed:?}"
    );
}

const REFS: [&str; 2] = ["S0000001", "S0000002"];

/// ShipBob's answer to creating `reference` (its order id is 700100, 700200, …).
fn created(reference: &str) -> String {
    let n = &reference[reference.len() - 1..];
    fixture("shipbob-order-created.json")
        .replace("S0000001", reference)
        .replace("#1001", &format!("#100{n}"))
        .replace("700100", &format!("700{n}00"))
}

/// Which references ShipBob holds an order for.
type Held = Arc<Mutex<BTreeSet<String>>>;

fn held(state: &Held) -> BTreeSet<String> {
    state.lock().expect("mock state").clone()
}

/// One create mock per reference; each remembers that its order now exists.
fn creates<'a>(sb: &'a MockServer, state: &Held) -> Vec<Mock<'a>> {
    REFS.iter()
        .map(|reference| {
            let state = Arc::clone(state);
            let is_it = move |req: &HttpMockRequest| {
                let body: serde_json::Value =
                    serde_json::from_slice(req.body().as_ref()).unwrap_or_default();
                let mine = body["reference_id"] == *reference;
                if mine {
                    state
                        .lock()
                        .expect("mock state")
                        .insert(reference.to_string());
                }
                mine
            };
            sb.mock(|when, then| {
                when.method(POST).path(sb_api("order")).is_true(is_it);
                then.status(201).body(created(reference));
            })
        })
        .collect()
}

/// Lookups answer with every order created so far (the connector keeps the ones it
/// asked for): one mock per possible set of held orders.
fn lookups<'a>(sb: &'a MockServer, state: &Held) -> Vec<Mock<'a>> {
    let subsets: [&[&str]; 4] = [&[], &REFS[..1], &REFS[1..], &REFS];
    subsets
        .iter()
        .map(|subset| {
            let want: BTreeSet<String> = subset.iter().map(|s| s.to_string()).collect();
            let body = format!(
                "[{}]",
                subset
                    .iter()
                    .map(|r| created(r))
                    .collect::<Vec<_>>()
                    .join(",")
            );
            let state = Arc::clone(state);
            sb.mock(move |when, then| {
                when.method(GET)
                    .path(sb_api("order"))
                    .query_param_exists("ReferenceIds")
                    .is_true(move |_| held(&state) == want);
                then.status(200).body(body);
            })
        })
        .collect()
}

fn tees(cycle: &Cycle, id: &str, sku: &str, units: i64) {
    let order = Order {
        channel: "shop",
        ..Order::new(id, &[(sku, units)])
    };
    insert(&cycle.env, &[order]);
}

/// `orders process` dies before or after ShipBob is asked to create S0000001; a second
/// order arrives; the next run creates each order exactly once.
pub fn send_to_shipbob(point: &str, flow: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = Cycle::new(&shop, &sb);
    let state = Held::default();
    let posts = creates(&sb, &state);
    let _lookups = lookups(&sb, &state);
    tees(&cycle, "1001", "TEE-1", 2);
    crash(&cycle, &["orders", "process"], &format!("{point}@{flow}"));
    let expected_before = usize::from(point != "before_write");
    assert_eq!(
        posts[0].calls(),
        expected_before,
        "create sent iff the crash came after it"
    );

    tees(&cycle, "1002", "MUG-1", 1);
    let report = cycle.json(["orders", "process"]);
    assert_eq!(report["send"]["sent"], 2, "{report}");
    for (reference, post) in REFS.iter().zip(&posts) {
        assert_eq!(post.calls(), 1, "{reference} was created once: {report}");
    }
    let sent = cycle.number(
        "SELECT COUNT(*) FROM shipments WHERE status = 'sent_to_warehouse'
         AND external_id IN ('700100', '700200')",
    );
    assert_eq!(sent, 2, "each shipment holds its ShipBob order id");
    let again = cycle.json(["orders", "process"]);
    assert_eq!(again["send"]["sent"], 0, "{again}");
    posts.iter().for_each(|p| p.assert_calls(1));
    assert_eq!(
        (cycle.stock("TEE-1"), cycle.stock("MUG-1")),
        ((10, 2), (5, 1))
    );
    cycle.oms(["stock", "verify"]).ok();
    format!(
        "2 refs/{} creates",
        posts.iter().map(Mock::calls).sum::<usize>()
    )
}

// receipts-sync ----------------------------------------------------------------------

const WROS: [(&str, &str); 2] = [("PO-000001", "443001"), ("PO-000002", "443002")];

/// A WRO fixture of tests/fixtures/shipbob/wro/ renumbered as `wro` of `po`.
fn wro_body(name: &str, po: &str, wro: &str) -> String {
    let full = format!(
        "{}/tests/fixtures/shipbob/wro/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&full)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .replace("443001", wro)
        .replace("PO-000001", po)
}

/// ShipBob answers `wro` (and its boxes) from the `state` fixture pair until deleted.
fn answer<'a>(sb: &'a MockServer, state: &str, po: &str, wro: &str) -> [Mock<'a>; 2] {
    let body = wro_body(&format!("{state}.json"), po, wro);
    let boxes = wro_body(&format!("{state}-boxes.json"), po, wro);
    [
        sb.mock(|when, then| {
            when.method(GET).path(sb_api(&format!("receiving/{wro}")));
            then.status(200).body(body);
        }),
        sb.mock(|when, then| {
            when.method(GET)
                .path(sb_api(&format!("receiving/{wro}/boxes")));
            then.status(200).body(boxes);
        }),
    ]
}

/// Two POs (100 TEE-1 and 50 MUG-1 each, into `west`) exported as WROs 443001, 443002.
fn two_wros(shop: &MockServer, sb: &MockServer) -> Cycle {
    let cycle = Cycle::new(shop, sb);
    for (po, wro) in WROS {
        cycle
            .oms([
                "po",
                "create",
                "--supplier",
                "Acme",
                "--warehouse",
                "west",
                "--line",
                "TEE-1=100",
                "--line",
                "MUG-1=50",
                "--expected",
                "2026-01-22",
            ])
            .ok();
        cycle.oms(["po", "approve", po]).ok();
        let body = wro_body("awaiting.json", po, wro);
        sb.mock(move |when, then| {
            when.method(POST)
                .path(sb_api("receiving"))
                .is_true(move |req: &HttpMockRequest| {
                    let body: serde_json::Value =
                        serde_json::from_slice(req.body().as_ref()).unwrap_or_default();
                    body["purchase_order_number"] == po
                });
            then.status(201).body(body);
        });
    }
    let mut none = sb.mock(|when, then| {
        when.method(GET)
            .path(sb_api("receiving"))
            .query_param_exists("PurchaseOrderNumbers");
        then.status(200).body("[]");
    });
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("product"));
        then.status(200).body(fixture("shipbob-products.json"));
    });
    assert_eq!(cycle.json(["po", "export"])["exported"], 2);
    none.delete();
    cycle
}

/// `receipts sync` dies after committing WRO 443001 (before its ack) or between the two
/// WROs; meanwhile 443002 completes; the next run applies each once and acks each once.
pub fn receipts_from_shipbob(point: &str, flow: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = two_wros(&shop, &sb);
    let _first = answer(&sb, "completed", WROS[0].0, WROS[0].1);
    let mut second = answer(&sb, "awaiting", WROS[1].0, WROS[1].1);
    let acks: Vec<Mock> = WROS
        .iter()
        .map(|(_, wro)| {
            let id: i64 = wro.parse().expect("wro id");
            sb.mock(|when, then| {
                when.method(POST)
                    .path(sb_api("receiving:setExternalSync"))
                    .json_body(serde_json::json!({ "ids": [id], "is_external_sync": true }));
                then.status(200).body("[]");
            })
        })
        .collect();
    crash(&cycle, &["receipts", "sync"], &format!("{point}@{flow}"));
    acks.iter().for_each(|a| a.assert_calls(0));
    let at_crash = cycle.stock("TEE-1").0;
    assert_eq!(
        at_crash, 110,
        "443001 was committed before the crash, not acknowledged"
    );

    second.iter_mut().for_each(|m| m.delete());
    let _second = answer(&sb, "completed", WROS[1].0, WROS[1].1);
    cycle.json(["receipts", "sync"]);
    cycle.json(["receipts", "sync"]);
    acks.iter().for_each(|a| a.assert_calls(1));
    assert_eq!(
        (cycle.stock("TEE-1").0, cycle.stock("MUG-1").0),
        (210, 105),
        "each WRO applied once"
    );
    let received = cycle.number("SELECT COUNT(*) FROM purchase_orders WHERE status = 'received'");
    assert_eq!(received, 2);
    cycle.oms(["stock", "verify"]).ok();
    let acked: usize = acks.iter().map(Mock::calls).sum();
    format!("2 WROs/{acked} acks")
}

// stock-sync -------------------------------------------------------------------------

/// Page `n` (1 or 2) of the inventory snapshot: TEE-1 at center 10 on page 1 with
/// `tee` on hand, MUG-1 on page 2.
fn inventory_page(n: usize, tee: i64) -> String {
    let mut all: serde_json::Value =
        serde_json::from_str(&fixture("shipbob-inventory.json")).expect("inventory fixture");
    all["items"][0]["locations"][0]["on_hand_quantity"] = tee.into();
    let item = all["items"][n - 1].clone();
    all["items"] = serde_json::json!([item]);
    if n == 1 {
        all["next"] = "/2026-01/inventory-level/locations?PageSize=250&Cursor=p2".into();
    }
    all.to_string()
}

fn inventory<'a>(sb: &'a MockServer, tee: i64) -> [Mock<'a>; 2] {
    let (first, second) = (inventory_page(1, tee), inventory_page(2, tee));
    [
        sb.mock(|when, then| {
            when.method(GET)
                .path(sb_api("inventory-level/locations"))
                .query_param_missing("Cursor");
            then.status(200).body(first);
        }),
        sb.mock(|when, then| {
            when.method(GET)
                .path(sb_api("inventory-level/locations"))
                .query_param("Cursor", "p2");
            then.status(200).body(second);
        }),
    ]
}

/// `stock sync` dies between the snapshot's two pages (a page alone is not the whole, so
/// nothing may be applied) or after committing it; the count then changes; the next run
/// applies the new snapshot, and a snapshot applied again changes nothing.
pub fn stock_from_shipbob(point: &str, flow: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = Cycle::new(&shop, &sb);
    let mut before = inventory(&sb, 7);
    crash(&cycle, &["stock", "sync"], &format!("{point}@{flow}"));
    let whole = point == "after_commit";
    before[0].assert_calls(1);
    before[1].assert_calls(usize::from(whole));
    let expected = if whole { (7, 3) } else { (10, 5) };
    assert_eq!(
        (cycle.stock("TEE-1").0, cycle.stock("MUG-1").0),
        expected,
        "the whole snapshot or nothing of it"
    );

    before.iter_mut().for_each(|m| m.delete());
    let after = inventory(&sb, 8);
    cycle.json(["stock", "sync"]);
    cycle.json(["stock", "sync"]);
    after.iter().for_each(|m| m.assert_calls(2));
    assert_eq!(
        (cycle.stock("TEE-1").0, cycle.stock("MUG-1").0),
        (8, 3),
        "the whole new snapshot, once"
    );
    cycle.oms(["stock", "verify"]).ok();
    "2 pages/2 skus".into()
}

// po-export ---------------------------------------------------------------------------

/// An approved PO for 100 TEE-1 and 50 MUG-1 into `west`.
fn approved_po(cycle: &Cycle, po: &str) {
    cycle
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "west",
            "--line",
            "TEE-1=100",
            "--line",
            "MUG-1=50",
            "--expected",
            "2026-01-22",
        ])
        .ok();
    cycle.oms(["po", "approve", po]).ok();
}

/// ShipBob's WRO endpoints for `po`: the create (which remembers that the WRO now exists)
/// and the lookup by PO number, answering with the WRO once it exists.
fn wro_mocks<'a>(sb: &'a MockServer, state: &Held, po: &'static str, wro: &str) -> Mock<'a> {
    let body = wro_body("awaiting.json", po, wro);
    for exists in [false, true] {
        let state = Arc::clone(state);
        let answer = if exists {
            format!("[{body}]")
        } else {
            "[]".to_string()
        };
        sb.mock(move |when, then| {
            when.method(GET)
                .path(sb_api("receiving"))
                .query_param("PurchaseOrderNumbers", po)
                .is_true(move |_| held(&state).contains(po) == exists);
            then.status(200).body(answer);
        });
    }
    let state = Arc::clone(state);
    sb.mock(move |when, then| {
        when.method(POST)
            .path(sb_api("receiving"))
            .is_true(move |req: &HttpMockRequest| {
                let body: serde_json::Value =
                    serde_json::from_slice(req.body().as_ref()).unwrap_or_default();
                let mine = body["purchase_order_number"] == po;
                if mine {
                    state.lock().expect("mock state").insert(po.to_string());
                }
                mine
            });
        then.status(201).body(body);
    })
}

/// `po export` dies before or after ShipBob is asked to create the WRO of PO-000001; a
/// second PO is approved; the next export looks the first WRO up instead of creating it
/// again, and creates each WRO exactly once.
pub fn po_to_shipbob(point: &str, flow: &str) -> String {
    let (shop, sb) = (MockServer::start(), MockServer::start());
    let cycle = Cycle::new(&shop, &sb);
    sb.mock(|when, then| {
        when.method(GET).path(sb_api("product"));
        then.status(200).body(fixture("shipbob-products.json"));
    });
    let state = Held::default();
    let creates: Vec<Mock> = WROS
        .iter()
        .map(|(po, wro)| wro_mocks(&sb, &state, po, wro))
        .collect();
    approved_po(&cycle, WROS[0].0);
    crash(&cycle, &["po", "export"], &format!("{point}@{flow}"));
    assert_eq!(
        creates[0].calls(),
        usize::from(point != "before_write"),
        "the create was sent iff the crash came after it"
    );

    approved_po(&cycle, WROS[1].0);
    let report = cycle.json(["po", "export"]);
    assert_eq!(report["exported"], 2, "{report}");
    let again = cycle.json(["po", "export"]);
    assert_eq!(again["exported"], 0, "{again}");
    creates.iter().for_each(|c| c.assert_calls(1));
    let linked = cycle
        .number("SELECT COUNT(*) FROM purchase_orders WHERE external_id IN ('443001', '443002')");
    assert_eq!(linked, 2, "each PO holds its WRO id: {report}");
    let calls: usize = creates.iter().map(Mock::calls).sum();
    format!("2 POs/{calls} creates")
}
