mod common;
mod stock_support;

use serde_json::Value;
use stock_support::*;

#[test]
fn verify_names_a_corrupted_level_and_rebuild_mends_it() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 2, 4);
    seed(&env, "west", "MUG-1", 3, 0, 0);
    env.oms(["stock", "verify"])
        .ok()
        .stderr_has("2 levels match the ledger");

    env.db()
        .execute(
            "UPDATE stock_levels SET on_hand = 99, incoming = 0
             WHERE warehouse = 'east' AND variant_id = (SELECT id FROM variants WHERE sku = 'TEE-RED-M')",
            [],
        )
        .expect("corrupt");
    let out = env.oms(["stock", "verify"]).code(1);
    out.stdout_has("TEE-RED-M").stdout_has("east");
    out.stderr_has("1 of 2 levels differ from the ledger");
    let json = env.oms(["stock", "verify", "-o", "json"]).code(1).json();
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json:#}");
    let m = &json[0];
    assert_eq!(
        (m["warehouse"].as_str(), m["sku"].as_str()),
        (Some("east"), Some("TEE-RED-M"))
    );
    assert_eq!(
        (m["level_on_hand"].as_i64(), m["ledger_on_hand"].as_i64()),
        (Some(99), Some(5))
    );
    assert_eq!(
        (m["level_incoming"].as_i64(), m["ledger_incoming"].as_i64()),
        (Some(0), Some(4))
    );
    assert_eq!(m["level_allocated"], m["ledger_allocated"]);

    let dry = env
        .oms(["stock", "rebuild", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        (dry["mended"].as_i64(), dry["dry_run"].as_bool()),
        (Some(1), Some(true))
    );
    env.oms(["stock", "verify"]).code(1);

    let done = env.oms(["stock", "rebuild", "-o", "json"]).ok().json();
    assert_eq!(done["mended"], 1);
    assert_eq!(done["items"][0]["sku"], "TEE-RED-M");
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 5);
    env.oms(["stock", "verify"])
        .ok()
        .stderr_has("2 levels match the ledger");
    let clean = env.oms(["stock", "verify", "-o", "json"]).ok();
    assert_eq!(clean.json(), Value::Array(vec![]));
    let again = env.oms(["stock", "rebuild", "-o", "json"]).ok().json();
    assert_eq!(again["mended"], 0);
}

#[test]
fn show_json_and_csv_with_virtual_sums() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 2, 10);
    seed(&env, "west", "TEE-RED-M", 3, 1, 0);
    seed(&env, "west", "MUG-1", 4, 0, 0);

    let rows = shown(&env, &[]);
    assert_eq!(rows.len(), 5, "3 physical rows + 2 virtual sums: {rows:#?}");
    let (east, west, all) = (
        row(&rows, "east", "TEE-RED-M"),
        row(&rows, "west", "TEE-RED-M"),
        row(&rows, "all", "TEE-RED-M"),
    );
    assert_eq!(all["kind"], "virtual");
    for q in ["on_hand", "allocated", "available", "incoming"] {
        let sum = east[q].as_i64().unwrap_or_default() + west[q].as_i64().unwrap_or_default();
        assert_eq!(all[q].as_i64(), Some(sum), "{q}");
    }
    assert_eq!(row(&rows, "all", "MUG-1")["on_hand"], 4);

    let csv = env
        .oms(["stock", "show", "-o", "csv", "--color", "always"])
        .ok();
    assert!(
        !csv.stdout.contains('\x1b'),
        "ANSI escapes in CSV:\n{}",
        csv.stdout
    );
    assert_eq!(
        csv.stdout.lines().next(),
        Some("warehouse,kind,sku,on_hand,allocated,available,incoming,held,returning,quarantine")
    );
    assert_eq!(csv.csv().len(), 5);

    // An empty result still carries the header.
    let none = env
        .oms(["stock", "show", "--sku", "nothing*", "-o", "csv"])
        .ok();
    assert_eq!(
        none.stdout,
        "warehouse,kind,sku,on_hand,allocated,available,incoming,held,returning,quarantine\n"
    );
}

#[test]
fn show_filters_by_sku_pattern_and_warehouse() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 0, 0);
    seed(&env, "west", "TEE-BLUE-L", 1, 0, 0);
    seed(&env, "west", "MUG-1", 2, 0, 0);

    let tees = shown(&env, &["--sku", "tee-*", "--warehouse", "west"]);
    assert_eq!(tees.len(), 1, "{tees:#?}");
    assert_eq!(tees[0]["sku"], "TEE-BLUE-L");
    // `_` is a character, not LIKE's any-one-character.
    assert!(shown(&env, &["--sku", "MUG_1"]).is_empty());

    let only_virtual = shown(&env, &["--warehouse", "all"]);
    assert!(
        only_virtual.iter().all(|r| r["kind"] == "virtual"),
        "{only_virtual:#?}"
    );
    assert_eq!(only_virtual.len(), 3);

    // Zero rows appear only with --all, which also lists variants never stocked.
    seed(&env, "west", "MUG-1", -2, 0, 0);
    assert!(shown(&env, &["--sku", "mug-1"]).is_empty());
    let all = shown(&env, &["--sku", "mug-1", "--all"]);
    assert_eq!(all.len(), 3, "east, west and the virtual sum: {all:#?}");

    env.oms(["stock", "show", "--warehouse", "north"])
        .code(2)
        .stderr_has("unknown warehouse `north` (physical: east, west; virtual: all)");
}

#[test]
fn history_is_newest_first_and_expands_virtual_warehouses() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 0, 0);
    seed(&env, "west", "TEE-RED-M", 3, 0, 0);
    seed(&env, "west", "MUG-1", 1, 0, 0);

    let all = env
        .oms([
            "stock",
            "history",
            "--warehouse",
            "all",
            "--sku",
            "TEE-*",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let ids: Vec<i64> = all
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["id"].as_i64())
        .collect();
    assert_eq!(ids, vec![2, 1]);
    let west = env
        .oms([
            "stock",
            "history",
            "--warehouse",
            "west",
            "--limit",
            "1",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(west.as_array().map(Vec::len), Some(1));
    assert_eq!(west[0]["sku"], "MUG-1");

    let future = env
        .oms(["stock", "history", "--since", "2999-01-01", "-o", "json"])
        .ok()
        .json();
    assert_eq!(future, Value::Array(vec![]));
    let past = env
        .oms([
            "stock",
            "history",
            "--since",
            "2000-01-01T00:00:00+02:00",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(past.as_array().map(Vec::len), Some(3));
    env.oms(["stock", "history", "--since", "last week"])
        .code(2)
        .stderr_has("--since: `last week` is neither a date");
    env.oms(["stock", "history", "--warehouse", "north"])
        .code(2);
}

#[test]
fn csv_into_a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let env = common::Env::standard();
    // Enough rows that the writer is still writing when the reader has gone.
    env.oms(["stock", "verify"]).ok();
    let conn = env.db();
    conn.execute_batch(
        "INSERT INTO products (handle, title, created_at, updated_at) VALUES ('p', 'P', 'now', 'now');",
    )
    .unwrap();
    conn.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999)
         INSERT INTO variants (product_id, sku, sku_key, created_at, updated_at)
         SELECT 1, printf('SKU-%05d', i), lower(printf('SKU-%05d', i)), 'now', 'now' FROM n;",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_oms"))
        .current_dir(env.root())
        .args(["stock", "show", "--all", "-o", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe is closed with most of the output unread.
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
