//! Shared by the processing test files: a workspace with a catalog (imported with
//! `oms catalog import`), stock (moved with `oms stock adjust --file`), and orders inserted
//! through the library, since `orders import` is built elsewhere.
#![allow(dead_code)]

use std::collections::BTreeMap;

use oms::model::OrderStatus;
use oms::store::Store;
use oms::store::orders::{NewLine, NewOrder};
use serde_json::Value;

use crate::common::{Done, Env, STANDARD_CONFIG};

/// The SKUs of the catalog fixture.
pub const SKUS: &[&str] = &["TEE-RED-M", "TEE-BLUE-L", "MUG-1", "CAP-1"];

/// The argv of `oms orders process`. It is a hidden top-level command until the `orders`
/// command group exists; this is the one place that knows.
pub fn process_args(extra: &[&str]) -> Vec<String> {
    ["orders", "process"]
        .into_iter()
        .chain(extra.iter().copied())
        .map(str::to_string)
        .collect()
}

/// Runs `orders process -o json` with `extra` flags and the expected exit code.
pub fn process(env: &Env, extra: &[&str], code: i32) -> Value {
    let mut args = process_args(extra);
    args.extend(["-o".into(), "json".into()]);
    env.oms(args).code(code).json()
}

/// [`STANDARD_CONFIG`] with `extra` TOML appended into the given tables. `replace` pairs
/// swap whole lines of the standard config first (e.g. `max_splits = 2` → `max_splits = 1`).
pub fn config_with(replace: &[(&str, &str)], extra: &str) -> String {
    let mut toml = STANDARD_CONFIG.to_string();
    for (from, to) in replace {
        assert!(toml.contains(from), "the standard config has no `{from}`");
        toml = toml.replace(from, to);
    }
    toml.push_str(extra);
    toml
}

/// A workspace on `config` with the channel folders and the catalog fixture imported.
pub fn workspace(config: &str) -> Env {
    let env = Env::with_config(config);
    for ch in ["east-3pl", "west-3pl", "web"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
        }
    }
    let catalog = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/process/catalog.csv"
    );
    env.oms(["catalog", "import", "--file", catalog]).ok();
    env
}

/// The standard workspace with the catalog.
pub fn standard() -> Env {
    workspace(STANDARD_CONFIG)
}

/// Adds on hand through `oms stock adjust --file`: (warehouse, sku, units).
pub fn stock(env: &Env, rows: &[(&str, &str, i64)]) -> Done {
    let mut csv = String::from("warehouse,sku,by,reason\n");
    for (w, sku, by) in rows {
        csv.push_str(&format!("{w},{sku},{by},found\n"));
    }
    env.write("adjust.csv", &csv);
    env.oms([
        "stock",
        "adjust",
        "--file",
        "adjust.csv",
        "--yes",
        "-o",
        "json",
    ])
    .ok()
}

/// An order to insert: lines as (sku, quantity).
#[derive(Debug, Clone, Default)]
pub struct Order<'a> {
    pub external_id: &'a str,
    pub channel: &'a str,
    pub ordered_at: Option<&'a str>,
    pub requested_warehouse: Option<&'a str>,
    pub carrier_service: Option<&'a str>,
    pub lines: Vec<(&'a str, i64)>,
}

impl<'a> Order<'a> {
    pub fn new(external_id: &'a str, lines: &[(&'a str, i64)]) -> Order<'a> {
        Order {
            external_id,
            channel: "web",
            lines: lines.to_vec(),
            ..Order::default()
        }
    }
}

/// Inserts approved orders in one transaction; returns their ids.
pub fn insert(env: &Env, list: &[Order]) -> Vec<i64> {
    let mut store = Store::open(&env.path("oms.db")).expect("store");
    let tx = store.tx().expect("tx");
    let mut ids = Vec::new();
    for o in list {
        let lines = o
            .lines
            .iter()
            .map(|(sku, quantity)| NewLine {
                variant_id: oms::store::catalog::find_variant(&tx, sku)
                    .expect("query")
                    .unwrap_or_else(|| panic!("{sku} is not in the catalog"))
                    .id,
                channel_sku: sku.to_string(),
                title: Some(format!("{sku} title")),
                quantity: *quantity,
                ..NewLine::default()
            })
            .collect();
        let new = NewOrder {
            channel: o.channel.to_string(),
            external_id: o.external_id.to_string(),
            name: Some(format!("#{}", o.external_id)),
            ordered_at: o.ordered_at.map(str::to_string),
            email: Some("ada@example.com".into()),
            ship_name: Some("Ada Lovelace".into()),
            ship_address1: Some("1 Analytical Way".into()),
            ship_city: Some("London".into()),
            ship_zip: Some("N1 1AA".into()),
            ship_country: Some("GB".into()),
            carrier_service: o.carrier_service.map(str::to_string),
            requested_warehouse: o.requested_warehouse.map(str::to_string),
            lines,
            ..NewOrder::default()
        };
        ids.push(
            oms::store::orders::insert(&tx, &new, OrderStatus::Approved, "test").expect("insert"),
        );
    }
    tx.commit().expect("commit");
    ids
}

/// A shipment as stored, with its lines as (sku, quantity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipped {
    pub reference: String,
    pub order_id: i64,
    pub warehouse: String,
    pub status: String,
    pub carrier_service: Option<String>,
    pub lines: Vec<(String, i64)>,
}

/// Every shipment, in id order.
pub fn shipments(env: &Env) -> Vec<Shipped> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT s.reference, s.order_id, s.warehouse, s.status, s.carrier_service,
                    v.sku, l.quantity
             FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
             JOIN variants v ON v.id = l.variant_id ORDER BY s.id, l.id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })
        .unwrap();
    let mut out: Vec<Shipped> = Vec::new();
    for row in rows {
        let (reference, order_id, warehouse, status, carrier_service, sku, q) = row.unwrap();
        match out.last_mut().filter(|s| s.reference == reference) {
            Some(s) => s.lines.push((sku, q)),
            None => out.push(Shipped {
                reference,
                order_id,
                warehouse,
                status,
                carrier_service,
                lines: vec![(sku, q)],
            }),
        }
    }
    out
}

pub fn shipments_of(env: &Env, order_id: i64) -> Vec<Shipped> {
    shipments(env)
        .into_iter()
        .filter(|s| s.order_id == order_id)
        .collect()
}

/// (status, backordered, backorder_reason) of an order.
pub fn order_state(env: &Env, id: i64) -> (String, bool, Option<String>) {
    env.db()
        .query_row(
            "SELECT status, backordered, backorder_reason FROM orders WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("order")
}

/// (on_hand, allocated) of a SKU in a warehouse.
pub fn level(env: &Env, warehouse: &str, sku: &str) -> (i64, i64) {
    env.db()
        .query_row(
            "SELECT COALESCE((SELECT l.on_hand FROM stock_levels l JOIN variants v ON v.id = l.variant_id
                              WHERE l.warehouse = ?1 AND v.sku_key = lower(?2)), 0),
                    COALESCE((SELECT l.allocated FROM stock_levels l JOIN variants v ON v.id = l.variant_id
                              WHERE l.warehouse = ?1 AND v.sku_key = lower(?2)), 0)",
            rusqlite::params![warehouse, sku],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("level")
}

/// Files in a channel's outbox, by name.
pub fn outbox(env: &Env, channel: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path(&format!("channels/{channel}/outbox")))
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A CSV outbox file as header-keyed rows.
pub fn outbox_csv(env: &Env, channel: &str, name: &str) -> Vec<BTreeMap<String, String>> {
    let text = env.read(&format!("channels/{channel}/outbox/{name}"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("row");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Every level equals its ledger (`oms stock verify`), and allocated equals the units of
/// the shipments that hold an allocation, per warehouse and SKU.
pub fn assert_stock_consistent(env: &Env) {
    env.oms(["stock", "verify"]).ok();
    let mismatches: i64 = env
        .db()
        .query_row(
            "WITH held AS (
                 SELECT s.warehouse, l.variant_id, SUM(l.quantity) AS units
                 FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
                 WHERE s.status IN ('ready_to_send', 'sent_to_warehouse', 'cancel_requested')
                 GROUP BY s.warehouse, l.variant_id
             )
             SELECT COUNT(*) FROM stock_levels k
             LEFT JOIN held h ON h.warehouse = k.warehouse AND h.variant_id = k.variant_id
             WHERE k.allocated <> COALESCE(h.units, 0)",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(
        mismatches, 0,
        "allocated differs from the open shipments' units"
    );
}
