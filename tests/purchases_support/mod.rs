//! Shared by the purchase test files: a workspace with a few SKUs in the catalog, and
//! short ways to make POs, drop receipt files and read stock levels back.
#![allow(dead_code)]

use serde_json::Value;

use crate::common::{Env, STANDARD_CONFIG};

pub const SKUS: &[&str] = &["TEE-RED-M", "TEE-BLUE-L", "MUG-1"];
pub const EAST_INBOX: &str = "channels/east-3pl/inbox";
pub const EAST_OUTBOX: &str = "channels/east-3pl/outbox";

/// The standard workspace with a migrated database and [`SKUS`] in the catalog.
pub fn workspace() -> Env {
    workspace_with(STANDARD_CONFIG)
}

/// A workspace on `config` (channel folders under `channels/`) with [`SKUS`] in the
/// catalog. Variants are inserted directly, so these tests do not lean on catalog commands.
pub fn workspace_with(config: &str) -> Env {
    let env = Env::with_config(config);
    for ch in ["east-3pl", "west-3pl", "web"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).expect("mkdir");
        }
    }
    env.oms(["po", "list"]).ok();
    let db = env.db();
    db.execute(
        "INSERT INTO products (handle, title, created_at, updated_at)
         VALUES ('things', 'Things', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        [],
    )
    .expect("product");
    let product = db.last_insert_rowid();
    for sku in SKUS {
        db.execute(
            "INSERT INTO variants (product_id, sku, sku_key, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            rusqlite::params![product, sku],
        )
        .expect("variant");
    }
    env
}

/// Creates a draft into `warehouse` with `lines` (`SKU=QTY`) and returns its number.
pub fn draft(env: &Env, warehouse: &str, lines: &[&str]) -> String {
    let mut args = vec![
        "po",
        "create",
        "--supplier",
        "Acme Textiles",
        "--warehouse",
        warehouse,
        "-o",
        "json",
    ];
    for l in lines {
        args.extend(["--line", l]);
    }
    let po = env.oms(args).ok().json();
    assert_eq!(po["status"], "draft", "{po:#}");
    po["number"].as_str().expect("number").to_string()
}

/// A draft, approved.
pub fn approved(env: &Env, warehouse: &str, lines: &[&str]) -> String {
    let number = draft(env, warehouse, lines);
    let report = env
        .oms(["po", "approve", &number, "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["changed"], 1, "{report:#}");
    number
}

/// `oms po show NUMBER -o json`.
pub fn show(env: &Env, number: &str) -> Value {
    env.oms(["po", "show", number, "-o", "json"]).ok().json()
}

/// The line of `sku` in a `po show` document.
pub fn line<'a>(po: &'a Value, sku: &str) -> &'a Value {
    po["lines"]
        .as_array()
        .and_then(|ls| ls.iter().find(|l| l["sku"] == sku))
        .unwrap_or_else(|| panic!("no line {sku} in {po:#}"))
}

/// The statuses a PO went through, in order.
pub fn story(po: &Value) -> Vec<String> {
    po["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|c| c["to"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Drops a receipts file into the east warehouse's inbox.
pub fn drop_receipts(env: &Env, name: &str, text: &str) {
    env.write(&format!("{EAST_INBOX}/{name}"), text);
}

/// One receipt row file: `receipt_id,po_number,sku,quantity`.
pub fn receipt_csv(rows: &[(&str, &str, &str, i64)]) -> String {
    let mut text = String::from("receipt_id,po_number,sku,quantity,received_at\n");
    for (id, po, sku, q) in rows {
        text.push_str(&format!("{id},{po},{sku},{q},2026-11-24\n"));
    }
    text
}

/// `oms receipts sync -o json`, expecting `code`.
pub fn sync(env: &Env, code: i32) -> Value {
    env.oms(["receipts", "sync", "-o", "json"])
        .code(code)
        .json()
}

/// (on_hand, allocated, incoming) at one warehouse; zeros when no level exists yet.
pub fn level(env: &Env, warehouse: &str, sku: &str) -> (i64, i64, i64) {
    env.db()
        .query_row(
            "SELECT COALESCE(SUM(l.on_hand), 0), COALESCE(SUM(l.allocated), 0), COALESCE(SUM(l.incoming), 0)
             FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE l.warehouse = ?1 AND v.sku_key = lower(?2)",
            rusqlite::params![warehouse, sku],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("level")
}

/// What `oms stock verify` proves, asked of the database directly: every stored level
/// equals the sums of its ledger rows. Also runs the command itself.
pub fn assert_levels_match_ledger(env: &Env) {
    let mismatches: i64 = env
        .db()
        .query_row(
            "WITH sums AS (
                 SELECT warehouse, variant_id, SUM(d_on_hand) AS h, SUM(d_allocated) AS a,
                        SUM(d_incoming) AS i
                 FROM stock_ledger GROUP BY warehouse, variant_id)
             SELECT COUNT(*) FROM stock_levels l
             LEFT JOIN sums s ON s.warehouse = l.warehouse AND s.variant_id = l.variant_id
             WHERE l.on_hand != COALESCE(s.h, 0) OR l.allocated != COALESCE(s.a, 0)
                OR l.incoming != COALESCE(s.i, 0)",
            [],
            |r| r.get(0),
        )
        .expect("compare");
    assert_eq!(mismatches, 0, "stock levels differ from the ledger's sums");
    let orphans: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM (SELECT DISTINCT warehouse, variant_id FROM stock_ledger) g
             WHERE NOT EXISTS (SELECT 1 FROM stock_levels l
                               WHERE l.warehouse = g.warehouse AND l.variant_id = g.variant_id)",
            [],
            |r| r.get(0),
        )
        .expect("orphans");
    assert_eq!(orphans, 0, "ledger rows without a level");
    env.oms(["stock", "verify"]).ok();
}

/// Ledger rows of one reason, as (reference, on_hand delta, incoming delta), oldest first.
pub fn ledger(env: &Env, reason: &str) -> Vec<(String, i64, i64)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT ref_kind || ' ' || ref_id, d_on_hand, d_incoming FROM stock_ledger
             WHERE reason = ?1 ORDER BY id",
        )
        .expect("prepare");
    stmt.query_map([reason], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

pub fn ledger_count(env: &Env) -> i64 {
    env.db()
        .query_row("SELECT COUNT(*) FROM stock_ledger", [], |r| r.get(0))
        .expect("count")
}

/// Items of a report with the given outcome.
pub fn items<'a>(report: &'a Value, outcome: &str) -> Vec<&'a Value> {
    report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["outcome"] == outcome)
        .collect()
}

/// Names of the files in a folder of the workspace, sorted; empty when it does not exist.
pub fn files(env: &Env, dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path(dir))
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
