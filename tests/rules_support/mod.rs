//! Shared by the order-rule test files: a workspace whose `web` channel has the given
//! rules, order files in oms-csv with every field a condition looks at, and questions
//! asked of the database.
#![allow(dead_code)]

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::Env;
use crate::process_support::{config_with, workspace};

pub const T0: &str = "2026-11-27T09:00:00Z";

/// The header of [`csv`] rows.
pub const HEADER: &str = "order_id,order_name,tags,shipping_method,carrier_service,warehouse,\
ship_name,ship_company,ship_address1,ship_address2,ship_city,ship_province,ship_zip,ship_country,sku,quantity,price";

/// What a warehouse needs to ship (the channel's `require_ship_to`), unless a row says
/// otherwise.
const SHIP_TO: [(&str, &str); 3] = [
    ("ship_name", "Ann Lee"),
    ("ship_address1", "1 Main St"),
    ("ship_country", "US"),
];

/// One order line row: fields by name, a ship-to name, address and country by default
/// ([`SHIP_TO`]), the rest empty.
pub fn row(fields: &[(&str, &str)]) -> String {
    HEADER
        .split(',')
        .map(|col| {
            let v = fields
                .iter()
                .chain(&SHIP_TO)
                .find(|(k, _)| *k == col)
                .map_or("", |(_, v)| *v);
            if v.contains(',') {
                format!("\"{v}\"")
            } else {
                v.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// An order file of these rows.
pub fn csv(rows: &[String]) -> String {
    let mut s = format!("{HEADER}\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

/// A workspace whose `web` channel has `rules` (TOML of `[[sales_channels.web.rules]]`
/// tables) and `channel_extra` keys.
pub fn rules_env(channel_extra: &str, rules: &str) -> Env {
    let config = config_with(
        &[(
            "stock_source = \"all\"",
            &format!("stock_source = \"all\"\n{channel_extra}"),
        )],
        rules,
    );
    workspace(&config)
}

/// Imports `file_text` as oms-csv at time T0; returns the report.
pub fn import(env: &Env, file_text: &str) -> Value {
    env.write("orders.csv", file_text);
    env.oms([
        "orders",
        "import",
        "--file",
        "orders.csv",
        "--format",
        "oms-csv",
        "-o",
        "json",
    ])
    .env("OMS_TEST_NOW", T0)
    .ok()
    .json()
}

/// Tags of every order by external id.
pub fn tags(env: &Env) -> BTreeMap<String, String> {
    let db = env.db();
    let mut stmt = db
        .prepare("SELECT external_id, COALESCE(tags, '') FROM orders ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The orders (external ids, sorted) a rule with `conditions` tagged `hit` when `rows`
/// were imported.
pub fn hits(conditions: &str, rows: &[String]) -> Vec<String> {
    hits_with("", conditions, rows)
}

pub fn hits_with(channel_extra: &str, conditions: &str, rows: &[String]) -> Vec<String> {
    let rules = format!(
        "\n[[sales_channels.web.rules]]\nname = \"probe\"\n{conditions}\nadd_tag = \"hit\"\n"
    );
    let env = rules_env(channel_extra, &rules);
    let report = import(&env, &csv(rows));
    assert_eq!(report["rejected"], 0, "{report}");
    tags(&env)
        .into_iter()
        .filter(|(_, t)| t.split(", ").any(|t| t == "hit"))
        .map(|(id, _)| id)
        .collect()
}

/// One text column of an order by external id.
pub fn column(env: &Env, external_id: &str, col: &str) -> Option<String> {
    env.db()
        .query_row(
            &format!("SELECT CAST({col} AS TEXT) FROM orders WHERE external_id = ?1"),
            [external_id],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("order {external_id}: {e}"))
}

pub fn order_id(env: &Env, external_id: &str) -> i64 {
    env.db()
        .query_row(
            "SELECT id FROM orders WHERE external_id = ?1",
            [external_id],
            |r| r.get(0),
        )
        .unwrap()
}

/// `orders process -o json` at `now`.
pub fn process_at(env: &Env, now: &str) -> Value {
    env.oms(["orders", "process", "-o", "json"])
        .env("OMS_TEST_NOW", now)
        .ok()
        .json()
}
