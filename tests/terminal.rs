//! Without a terminal (cron, pipes, these tests) oms never asks and never draws (SPEC §7):
//! a command that would ask refuses with exit 2 and writes nothing unless `--yes` is
//! given, and long work leaves no progress bar bytes on stderr.

mod common;
mod process_support;

use common::Env;
use process_support::{Order, insert, process, standard, stock};

/// Every row of every table, as text: equal snapshots mean nothing was written.
fn snapshot(env: &Env) -> String {
    let conn = env.db();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.retain(|t| !t.starts_with("sqlite_"));
    let mut text = String::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..columns)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap();
        for row in rows {
            text.push_str(&format!("{table}: {}\n", row.unwrap().join(", ")));
        }
    }
    text
}

/// Runs `args` without --yes: exit 2, the question and the way out on stderr, nothing written.
fn refuses_to_ask(env: &Env, args: &[&str], question: &str) {
    let before = snapshot(env);
    let out = env.oms(args).code(2);
    out.stderr_has(question)
        .stderr_has("there is no terminal to ask on; pass --yes to confirm");
    assert_eq!(out.stdout, "", "{args:?}");
    assert_eq!(snapshot(env), before, "{args:?} wrote something");
}

#[test]
fn commands_that_ask_refuse_without_a_terminal_and_write_nothing() {
    let env = standard();
    stock(&env, &[("east", "TEE-RED-M", 10), ("east", "MUG-1", 4)]);
    insert(&env, &[Order::new("1", &[("TEE-RED-M", 2)])]);
    let unsent = insert(&env, &[Order::new("2", &[("MUG-1", 1)])]);
    process(&env, &[], 0);

    refuses_to_ask(
        &env,
        &[
            "stock",
            "adjust",
            "--warehouse",
            "east",
            "--sku",
            "MUG-1",
            "--by",
            "500",
        ],
        "Change on hand of MUG-1 at east from 4 to 504 (+500)?",
    );
    env.write(
        "count.csv",
        "warehouse,sku,set,reason\neast,TEE-RED-M,40,count\neast,MUG-1,1,count\nwest,CAP-1,7,count\n",
    );
    refuses_to_ask(
        &env,
        &["stock", "adjust", "--file", "count.csv"],
        "Apply 3 stock adjustments from count.csv: +37 / -3 units on hand in east, west?",
    );
    refuses_to_ask(
        &env,
        &["orders", "cancel", &unsent[0].to_string()],
        "Cancel order(s)",
    );
    refuses_to_ask(
        &env,
        &["shipments", "cancel", "S0000001"],
        "Cancel shipment S0000001?",
    );

    let mut pos = Vec::new();
    for line in ["MUG-1=6", "CAP-1=2"] {
        let out = env
            .oms([
                "po",
                "create",
                "--supplier",
                "Acme",
                "--warehouse",
                "east",
                "--line",
                line,
                "-o",
                "json",
            ])
            .ok();
        pos.push(
            out.json()["number"]
                .as_str()
                .expect("PO number")
                .to_string(),
        );
    }
    refuses_to_ask(
        &env,
        &["po", "approve", &pos[0], &pos[1]],
        "Approve 2 purchase orders?",
    );
    refuses_to_ask(&env, &["po", "cancel", &pos[0]], "Cancel PO-");
    refuses_to_ask(&env, &["po", "close", &pos[1]], "Close PO-");

    // The same command with --yes does what it was asked.
    env.oms(["stock", "adjust", "--file", "count.csv", "--yes", "-q"])
        .ok();
    let on_hand: i64 = env
        .db()
        .query_row(
            "SELECT l.on_hand FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE l.warehouse = 'west' AND v.sku = 'CAP-1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_hand, 7);
}

/// Bytes a progress bar leaves behind on a terminal: carriage returns and escape sequences.
fn assert_no_progress_bytes(what: &str, stderr: &str) {
    assert!(
        !stderr.contains('\r') && !stderr.contains('\x1b'),
        "{what} drew on stderr: {stderr:?}"
    );
}

#[test]
fn long_work_draws_nothing_when_stderr_is_not_a_terminal() {
    let env = standard();
    stock(
        &env,
        &[("east", "TEE-RED-M", 5000), ("west", "MUG-1", 5000)],
    );
    let mut csv = String::from(
        "order_id,order_name,status,ship_name,ship_address1,ship_city,ship_zip,ship_country,total,sku,quantity,price\n",
    );
    for i in 0..3000 {
        let sku = if i % 2 == 0 { "TEE-RED-M" } else { "MUG-1" };
        csv.push_str(&format!(
            "B{i},#B{i},open,Ann Lee,1 Main St,Boston,02134,US,12.50,{sku},1,12.50\n"
        ));
    }
    env.write("big.csv", &csv);

    let import = env
        .oms([
            "orders", "import", "--file", "big.csv", "--format", "oms-csv", "-o", "json",
        ])
        .ok();
    assert_eq!(import.json()["imported"], 3000);
    assert_no_progress_bytes("orders import --file", &import.stderr);

    let processed = env.oms(["orders", "process", "-o", "json"]).ok();
    assert_eq!(processed.json()["allocated"], 3000);
    assert_no_progress_bytes("orders process", &processed.stderr);
    let out = env.oms(["run", "--skip", "orders-process"]).ok();
    assert_no_progress_bytes("oms run", &out.stderr);
}
