//! `oms orders list|show|approve|cancel|create|rejects`.

mod common;

use common::Env;
use oms::model::{ShipmentStatus, StockReason};
use oms::store::Store;
use oms::store::shipments::{self, NewShipment, NewShipmentLine};
use oms::store::stock::{self, Movement, Reference};
use serde_json::Value;

const CATALOG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/orders/catalog.csv"
);

/// The standard workspace whose sales channel starts orders as drafts, with the order
/// fixtures' catalog.
fn env() -> Env {
    let config = format!("{}default_status = \"draft\"\n", common::STANDARD_CONFIG);
    let env = Env::with_config(&config);
    for sub in ["channels/web/inbox", "channels/east-3pl/outbox"] {
        std::fs::create_dir_all(env.path(sub)).unwrap();
    }
    env.oms([
        "catalog", "import", "--file", CATALOG, "--format", "oms-csv",
    ])
    .ok();
    env
}

/// Imports orders D1 (TEE-BLK-S × 2) and D2 (MUG-WHT × 1); returns their order numbers.
fn two_drafts(env: &Env) -> (i64, i64) {
    env.write(
        "orders.csv",
        "order_id,order_name,email,ship_name,ship_address1,ship_country,sku,quantity,price\n\
         D1,#D1,ann@example.com,Ann Lee,12 Elm St,US,TEE-BLK-S,2,19.99\n\
         D2,#D2,bob@example.com,Bob Stone,4 Oak Ave,US,MUG-WHT,1,12.50\n",
    );
    env.oms([
        "orders",
        "import",
        "--file",
        "orders.csv",
        "--format",
        "oms-csv",
    ])
    .ok();
    (id_of(env, "D1"), id_of(env, "D2"))
}

fn id_of(env: &Env, external_id: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT id FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
}

fn show(env: &Env, id: i64) -> Value {
    env.oms(["orders", "show", &id.to_string(), "-o", "json"])
        .ok()
        .json()
}

fn status(env: &Env, id: i64) -> String {
    show(env, id)["status"].as_str().unwrap().to_string()
}

/// (to, cause, note) of each step of an order's story.
fn story(env: &Env, id: i64) -> Vec<(String, String, Option<String>)> {
    show(env, id)["story"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["to"].as_str().unwrap().to_string(),
                c["cause"].as_str().unwrap().to_string(),
                c["note"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn show_tells_the_story_with_causes() {
    let env = env();
    let (d1, _) = two_drafts(&env);
    env.oms(["orders", "approve", &d1.to_string()]).ok();
    env.oms(["orders", "cancel", &d1.to_string(), "--yes"]).ok();
    let steps = story(&env, d1);
    let to: Vec<&str> = steps.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(to, ["draft", "approved", "cancelled"]);
    assert!(steps[0].1.ends_with("(orders import)"), "{:?}", steps[0]);
    assert_eq!(steps[1].1, format!("oms orders approve {d1}"));
    assert_eq!(steps[2].1, format!("oms orders cancel {d1}"));

    let view = show(&env, d1);
    assert_eq!(view["external_id"], "D1");
    assert_eq!(view["lines"][0]["sku"], "TEE-BLK-S");
    assert_eq!(view["lines"][0]["quantity"], 2);
    assert_eq!(view["lines"][0]["quantity_shipped"], 0);
    assert!(view["shipments"].as_array().unwrap().is_empty());

    // People get one table with the lines and the story as sentences.
    let table = env.oms(["orders", "show", &d1.to_string()]).ok();
    table.stdout_has("1. TEE-BLK-S × 2 at 19.99, 0 shipped");
    table.stdout_has(&format!("approved → cancelled  (oms orders cancel {d1})"));
    env.oms(["orders", "show", "999"])
        .code(2)
        .stderr_has("there is no order 999");
}

#[test]
fn approve_moves_drafts_and_reports_the_rest() {
    let env = env();
    let (d1, d2) = two_drafts(&env);
    let r = env
        .oms(["orders", "approve", &d1.to_string(), "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        (&r["changed"], &r["refused"]),
        (&Value::from(1), &Value::from(0))
    );
    assert_eq!(status(&env, d1), "approved");

    // Some approved, some not: done, with the refusals reported.
    let mixed = env
        .oms([
            "orders",
            "approve",
            &d1.to_string(),
            &d2.to_string(),
            "-o",
            "json",
        ])
        .ok();
    mixed.stderr_has(&format!(
        "order {d1} is approved; only draft orders can be approved"
    ));
    let mixed = mixed.json();
    let outcomes: Vec<&str> = mixed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["refused", "approved"]);

    // None could be approved: a usage error.
    env.oms(["orders", "approve", &d1.to_string(), "424242"])
        .code(2)
        .stderr_has("there is no order 424242");
    let dry = env
        .oms(["orders", "approve", "--dry-run", "-o", "json"])
        .code(2);
    dry.stderr_has("ORDER");
}

#[test]
fn cancel_asks_first_and_refuses_final_orders() {
    let env = env();
    let (d1, d2) = two_drafts(&env);
    env.oms(["orders", "cancel", &d1.to_string()])
        .code(2)
        .stderr_has("pass --yes");
    let dry = env
        .oms([
            "orders",
            "cancel",
            &d1.to_string(),
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(dry["items"][0]["to"], "cancelled");
    assert_eq!(dry["dry_run"], true);
    assert_eq!(status(&env, d1), "draft", "a dry run changes nothing");

    env.oms(["orders", "cancel", &d1.to_string(), "--yes"]).ok();
    assert_eq!(status(&env, d1), "cancelled");
    env.oms([
        "orders",
        "cancel",
        &d1.to_string(),
        &d2.to_string(),
        "--yes",
    ])
    .code(2)
    .stderr_has(&format!("order {d1} is cancelled and cannot be cancelled"));
    assert_eq!(
        status(&env, d2),
        "cancelled",
        "the cancellable one was cancelled"
    );
}

/// Gives order `id` (one line) a shipment of its line in `status`, with its allocation,
/// the way processing would have.
fn ship(env: &Env, id: i64, status: ShipmentStatus) -> String {
    let store = Store::open(&env.path("oms.db")).unwrap();
    let c = &store.conn;
    let (line_id, variant_id, quantity): (i64, i64, i64) = c
        .query_row(
            "SELECT id, variant_id, quantity FROM order_lines WHERE order_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let (sid, reference) = shipments::create(
        c,
        &NewShipment {
            order_id: id,
            warehouse: "east",
            fulfillment_channel: "east-3pl",
            carrier_service: Some("standard"),
            lines: vec![NewShipmentLine {
                order_line_id: line_id,
                variant_id,
                quantity,
            }],
        },
        "test setup",
    )
    .unwrap();
    stock::apply(
        c,
        &Movement {
            warehouse: "east",
            variant_id,
            on_hand: 0,
            allocated: quantity,
            incoming: 0,
            reason: StockReason::Allocation,
            reference: Reference {
                kind: Some("shipment"),
                id: Some(&reference),
                ..Default::default()
            },
        },
    )
    .unwrap();
    if status != ShipmentStatus::ReadyToSend {
        shipments::set_status(
            c,
            sid,
            ShipmentStatus::ReadyToSend,
            status,
            "test setup",
            None,
        )
        .unwrap();
    }
    c.execute(
        "UPDATE orders SET status = 'fulfilling' WHERE id = ?1",
        [id],
    )
    .unwrap();
    reference
}

fn allocated(env: &Env) -> i64 {
    env.db()
        .query_row(
            "SELECT COALESCE(SUM(allocated), 0) FROM stock_levels",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn cancelling_processed_orders_releases_or_asks_the_warehouse() {
    let env = env();
    let (d1, d2) = two_drafts(&env);
    let unsent = ship(&env, d1, ShipmentStatus::ReadyToSend);
    let sent = ship(&env, d2, ShipmentStatus::SentToWarehouse);
    assert_eq!(allocated(&env), 3);

    let r = env
        .oms([
            "orders",
            "cancel",
            &d1.to_string(),
            &d2.to_string(),
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let to: Vec<&str> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["to"].as_str().unwrap())
        .collect();
    assert_eq!(to, ["cancelled", "cancel_requested"]);

    // The unsent shipment is cancelled and its allocation released; the one at the
    // warehouse keeps its allocation until the warehouse confirms the cancellation.
    let shipment = |reference: &str| {
        env.oms(["shipments", "show", reference, "-o", "json"])
            .ok()
            .json()["status"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(shipment(&unsent), "cancelled");
    assert_eq!(shipment(&sent), "cancel_requested");
    assert_eq!(allocated(&env), 1);
    let pending: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM shipments WHERE status = 'cancel_requested' AND cancel_sent_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(pending, 1, "recorded for `shipments send` to deliver");
    assert_eq!(status(&env, d2), "cancel_requested");
    env.oms(["stock", "verify"]).ok();

    // A shipped order cannot be cancelled; the message names its status.
    env.db()
        .execute("UPDATE orders SET status = 'shipped' WHERE id = ?1", [d1])
        .unwrap();
    env.oms(["orders", "cancel", &d1.to_string(), "--yes"])
        .code(2)
        .stderr_has("is shipped and cannot be cancelled");
}

#[test]
fn create_makes_a_manual_draft() {
    let env = env();
    let created = env
        .oms([
            "orders",
            "create",
            "--sku",
            "TEE-BLK-M=2",
            "--sku",
            "mug-wht=1",
            "--name",
            "Dee Moss",
            "--email",
            "dee@example.com",
            "--ship-address1",
            "4 Pine Rd",
            "--ship-city",
            "Seattle",
            "--ship-zip",
            "02134",
            "--ship-country",
            "US",
            "--warehouse",
            "west",
            "-o",
            "json",
        ])
        .ok();
    created.stderr_has("created draft order");
    let order = created.json();
    assert_eq!(order["channel"], "manual");
    assert_eq!(order["status"], "draft");
    assert_eq!(order["ship_name"], "Dee Moss");
    assert_eq!(order["ship_zip"], "02134");
    assert_eq!(order["requested_warehouse"], "west");
    assert_eq!(order["carrier_service"], "standard");
    assert_eq!(order["total"], "52.48");
    let external = order["external_id"].as_str().unwrap();
    assert!(external.starts_with('M'), "{external}");
    assert_eq!(order["lines"][1]["sku"], "MUG-WHT");
    assert!(
        order["story"][0]["cause"]
            .as_str()
            .unwrap()
            .starts_with("oms orders create")
    );

    env.oms(["orders", "create", "--sku", "NOPE=1"])
        .code(2)
        .stderr_has("unknown SKU `NOPE`");
    env.oms([
        "orders",
        "create",
        "--sku",
        "MUG-WHT=1",
        "--warehouse",
        "all",
    ])
    .code(2)
    .stderr_has("`all` is not a physical warehouse");
    env.oms(["orders", "create", "--sku", "MUG-WHT=0"])
        .code(2)
        .stderr_has("not a whole number above 0");
    // A warehouse cannot ship without a name, street and country; digital orders say so.
    env.oms([
        "orders",
        "create",
        "--sku",
        "MUG-WHT=1",
        "--name",
        "Ann",
        "--dry-run",
    ])
    .code(2)
    .stderr_has("ship_to.address1, ship_to.country: missing")
    .stderr_has("--ship-address1, --ship-country, or --no-ship-to");
    env.oms([
        "orders",
        "create",
        "--sku",
        "MUG-WHT=1",
        "--no-ship-to",
        "--dry-run",
    ])
    .ok();
    let manual = env
        .oms(["orders", "list", "--channel", "manual", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        manual.as_array().unwrap().len(),
        1,
        "the dry run created nothing"
    );
}

#[test]
fn list_filters_and_validates_statuses() {
    let env = env();
    let (d1, _) = two_drafts(&env);
    env.oms(["orders", "approve", &d1.to_string()]).ok();
    let drafts = env
        .oms(["orders", "list", "--status", "draft", "-o", "csv"])
        .ok()
        .csv();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0]["external_id"], "D2");
    assert_eq!(drafts[0]["units"], "1");
    let all = env.oms(["orders", "list", "-o", "ndjson"]).ok();
    assert_eq!(all.stdout.lines().count(), 2);
    env.oms(["orders", "list", "--status", "open"])
        .code(2)
        .stderr_has("one of: draft, approved, on_hold, fulfilling");
    let none = env
        .oms(["orders", "list", "--backordered", "-o", "csv"])
        .ok();
    assert!(
        none.stdout.starts_with("id,channel,external_id"),
        "{}",
        none.stdout
    );
}

#[test]
fn rejects_lists_every_reason() {
    let env = env();
    env.write(
        "bad.csv",
        "order_id,ship_name,ship_address1,ship_country,sku,quantity\n\
         X1,Ann Lee,12 Elm St,US,POSTER-XL,1\n\
         X1,,,,NOPE,1\n\
         X2,Bob Stone,4 Oak Ave,US,MUG-WHT,1\n",
    );
    env.oms([
        "orders", "import", "--file", "bad.csv", "--format", "oms-csv",
    ])
    .code(3);
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    let reasons = rejects[0]["reasons"].as_array().unwrap();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0]
            .as_str()
            .unwrap()
            .starts_with("bad.csv:2: sku: unknown SKU `POSTER-XL`")
    );
    assert!(
        reasons[1]
            .as_str()
            .unwrap()
            .starts_with("bad.csv:3: sku: unknown SKU `NOPE`")
    );
    let other = env
        .oms(["orders", "rejects", "--channel", "elsewhere", "-o", "json"])
        .ok()
        .json();
    assert!(other.as_array().unwrap().is_empty());
}
