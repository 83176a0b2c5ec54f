//! Issue 10 item 8: every I/O error names its path (database, lock file, inbox, outbox,
//! config, token file), with the exit code of SPEC §7. Item 9: an inbox file that cannot
//! be moved after its orders are committed is reported as such, and the counts match.
//!
//! The tests run as root, for whom permission bits stop nothing, so each failure is made
//! with an obstacle that stops root too: a regular file where a folder must be (ENOTDIR,
//! EEXIST), a folder where a file must be (EISDIR), or an immutable database file.

mod common;
mod orders_support;
mod process_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Done, Env, STANDARD_CONFIG};
use orders_support::{count, env_with_catalog, inbox_files};
use process_support::{Order, insert, process, stock};

/// Asserts that the output names `path` (relative to the workspace, as the config
/// spells it, or in full).
fn names(done: &Done, rel: &str) {
    let text = format!("{}{}", done.stdout, done.stderr);
    assert!(text.contains(rel), "the error names {rel}:\n{text}");
}

/// Makes `path` unwritable even for root, for as long as the guard lives: the immutable
/// attribute where the file system and the capabilities allow it, else (not root) the
/// permission bits. `None` when neither stops this process from writing.
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn make(path: &Path) -> Option<ReadOnly> {
        let chattr = Command::new("chattr").arg("+i").arg(path).output();
        if chattr.is_ok_and(|o| o.status.success()) {
            return Some(ReadOnly(path.to_path_buf()));
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).ok()?;
        let guard = ReadOnly(path.to_path_buf());
        let writable = std::fs::OpenOptions::new().append(true).open(path).is_ok();
        (!writable).then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).output();
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o600));
    }
}

#[test]
fn item8_a_read_only_database_is_named_when_a_write_fails() {
    let env = Env::standard();
    env.oms(["runs", "list"]).ok();
    let db = env.path("oms.db");
    let Some(_guard) = ReadOnly::make(&db) else {
        eprintln!("skipped: nothing here can make {} read-only", db.display());
        return;
    };
    // Reading still works; the first write (the run journal) is refused.
    env.oms(["runs", "list"]).ok();
    let done = env.oms(["orders", "import"]).code(1);
    names(
        &done,
        &format!("cannot write the database {}", db.display()),
    );
    assert!(
        done.stderr.contains("readonly"),
        "and SQLite's reason: {}",
        done.stderr
    );
    // The same inside `oms run`, where each flow reports its own error.
    let run = env.oms(["run"]).code(1);
    names(&run, &format!("cannot write the database {}", db.display()));
}

#[test]
fn item8_a_database_whose_log_cannot_be_created_is_named() {
    let env = Env::standard();
    env.oms(["runs", "list"]).ok();
    let wal = env.path("oms.db-wal");
    let _ = std::fs::remove_file(&wal);
    std::fs::create_dir(&wal).unwrap();
    let done = env.oms(["orders", "import"]).code(1);
    names(
        &done,
        "cannot open the database oms.db (with oms.db-wal and oms.db-shm",
    );
    std::fs::remove_dir(&wal).unwrap();
}

#[test]
fn item8_a_database_in_a_folder_that_is_a_file_is_named() {
    let env = Env::standard();
    env.write("data", "not a folder\n");
    let db = env.path("data/oms.db");
    let done = env.oms(["status", "--db", db.to_str().unwrap()]).code(2);
    names(&done, &db.display().to_string());
    let init = env
        .oms(["init", "--yes", "--db", db.to_str().unwrap()])
        .run();
    assert_ne!(init.code, 0, "{init:?}");
}

#[test]
fn item8_a_lock_file_that_cannot_be_opened_is_named() {
    let env = Env::standard();
    env.oms(["runs", "list"]).ok();
    let lock = env.path("oms.db.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    let done = env.oms(["orders", "import"]).code(1);
    names(&done, "cannot open the lock file oms.db.lock");
}

#[test]
fn item8_an_inbox_that_is_a_file_is_named() {
    let env = env_with_catalog();
    let inbox = env.path("channels/web/inbox");
    std::fs::remove_dir_all(&inbox).unwrap();
    std::fs::write(&inbox, "not a folder\n").unwrap();
    let done = env.oms(["orders", "import", "-o", "json"]).code(1);
    names(&done, "cannot list channels/web/inbox: Not a directory");
}

#[test]
fn item8_an_outbox_that_is_a_file_is_named_and_the_batch_is_resent() {
    let env = process_support::standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(&env, &[Order::new("1001", &[("TEE-RED-M", 1)])]);
    let outbox = env.path("channels/east-3pl/outbox");
    std::fs::remove_dir_all(&outbox).unwrap();
    std::fs::write(&outbox, "not a folder\n").unwrap();
    let failed = env.oms(["orders", "process"]).code(1);
    names(
        &failed,
        "cannot create channels/east-3pl/outbox: File exists",
    );
    // Once the obstacle is gone, the recorded batch goes out, once.
    std::fs::remove_file(&outbox).unwrap();
    std::fs::create_dir(&outbox).unwrap();
    process(&env, &[], 0);
    let files: Vec<_> = std::fs::read_dir(&outbox).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "{files:?}");
}

#[test]
fn item8_a_config_that_cannot_be_read_is_named() {
    let env = Env::standard();
    let folder = env.path("folder.toml");
    std::fs::create_dir(&folder).unwrap();
    let done = env
        .oms(["status", "--config", folder.to_str().unwrap()])
        .code(2);
    names(&done, &folder.display().to_string());
    let beside = env.path("oms.toml/oms.toml");
    let done = env
        .oms(["status", "--config", beside.to_str().unwrap()])
        .code(2);
    names(&done, &beside.display().to_string());
}

#[test]
fn item8_a_token_file_that_cannot_be_read_is_named() {
    let env = Env::with_config(&format!(
        "{STANDARD_CONFIG}\n[sales_channels.shop]\nkind = \"shopify\"\nshop = \"x.myshopify.com\"\n\
         base_url = \"http://127.0.0.1:9\"\ntoken_file = \"shop.token\"\n"
    ));
    let token = env.path("shop.token");
    std::fs::create_dir(&token).unwrap();
    let check = env.oms(["config", "check"]).code(2);
    names(&check, "token_file: cannot read shop.token: Is a directory");
    // A flow on that channel fails it (exit 1), as for an unset `${ENV}` secret (item 11).
    let import = env.oms(["orders", "import", "--channel", "shop"]).code(1);
    names(&import, "token_file: cannot read shop.token");
}

#[test]
fn item8_a_log_file_that_cannot_be_opened_is_named() {
    let env = Env::standard();
    let log = env.path("logs");
    std::fs::create_dir(&log).unwrap();
    let done = env
        .oms(["status", "--log-file", log.to_str().unwrap()])
        .code(2);
    names(
        &done,
        &format!("cannot open the log file {}", log.display()),
    );
}

/// `n` orders of one line each, as an oms-csv inbox file.
fn orders_file(n: usize) -> String {
    let mut text = String::from(
        "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity,price\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "{id},#{id},Ann Lee,1 Main St,Boston,02134,US,MUG-WHT,1,12.50\n",
            id = 50_000 + i
        ));
    }
    text
}

#[test]
fn item9_an_inbox_file_that_cannot_be_moved_is_reported_and_its_orders_counted_once() {
    let env = env_with_catalog();
    env.write("channels/web/inbox/orders-1.csv", &orders_file(1000));
    // `done` is where imported files go; a regular file there stops the move, even for root.
    let done_dir = env.path("channels/web/inbox/done");
    std::fs::write(&done_dir, "in the way\n").unwrap();

    let first = env.oms(["orders", "import", "-o", "json"]).code(1);
    let report = first.json();
    assert_eq!(
        report["imported"], 1000,
        "what was committed is counted: {report:#}"
    );
    assert_eq!(report["not_moved"], 1, "{report:#}");
    let item = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["outcome"] == "not_moved")
        .unwrap_or_else(|| panic!("an item for the file: {report:#}"));
    let message = item["message"].as_str().unwrap();
    assert!(
        message.starts_with("cannot create channels/web/inbox/done: File exists"),
        "{message}"
    );
    assert!(
        item["source"].as_str().unwrap().ends_with("orders-1.csv"),
        "{item}"
    );
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), 1000);
    let journal: String = env
        .db()
        .query_row(
            "SELECT counts FROM runs WHERE flow = 'orders import' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(journal.contains("\"imported\":1000"), "{journal}");

    // The table says it too, for a person.
    let again = env.oms(["orders", "import"]).code(1);
    assert!(again.stdout.contains("files not moved"), "{}", again.stdout);

    // Once the obstacle is gone the file is read again, found unchanged, and moved.
    std::fs::remove_file(&done_dir).unwrap();
    let last = env.oms(["orders", "import", "-o", "json"]).ok().json();
    assert_eq!(
        (&last["imported"], &last["unchanged"], &last["not_moved"]),
        (&0.into(), &1000.into(), &0.into()),
        "{last:#}"
    );
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), 1000);
    assert_eq!(inbox_files(&env, "done"), ["orders-1.csv"]);
}

/// The item of `report` for a file that could not be moved out of the inbox.
fn not_moved(report: &serde_json::Value) -> &serde_json::Value {
    report["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["outcome"] == "not_moved"))
        .unwrap_or_else(|| panic!("an item for the file: {report:#}"))
}

#[test]
fn item9_a_confirmation_file_that_cannot_be_moved_is_reported_and_applied_once() {
    let env = process_support::standard();
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    insert(&env, &[Order::new("1001", &[("TEE-RED-M", 1)])]);
    process(&env, &[], 0);
    env.write(
        "channels/east-3pl/inbox/shipments-1.csv",
        "reference,sku,quantity_shipped,carrier,tracking_number\nS0000001,TEE-RED-M,1,UPS,1Z1\n",
    );
    let done_dir = env.path("channels/east-3pl/inbox/done");
    std::fs::write(&done_dir, "in the way\n").unwrap();

    let first = env.oms(["shipments", "sync", "-o", "json"]).code(1).json();
    assert_eq!(
        (&first["shipped"], &first["not_moved"]),
        (&1.into(), &1.into()),
        "{first:#}"
    );
    let message = not_moved(&first)["message"].as_str().unwrap();
    assert!(
        message.starts_with("cannot create channels/east-3pl/inbox/done"),
        "{message}"
    );

    std::fs::remove_file(&done_dir).unwrap();
    let again = env.oms(["shipments", "sync", "-o", "json"]).ok().json();
    assert_eq!(
        (&again["shipped"], &again["not_moved"]),
        (&0.into(), &0.into()),
        "{again:#}"
    );
    let on_hand: i64 = env
        .db()
        .query_row(
            "SELECT SUM(l.on_hand) FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE v.sku = 'TEE-RED-M'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_hand, 4, "the unit left the warehouse once");
    assert!(!env.path("channels/east-3pl/inbox/shipments-1.csv").exists());
}

#[test]
fn item9_a_stock_file_that_cannot_be_moved_is_reported_and_counted() {
    let env = process_support::standard();
    env.write(
        "channels/east-3pl/inbox/stock-1.csv",
        "location,sku,on_hand\neast,TEE-RED-M,7\n",
    );
    let done_dir = env.path("channels/east-3pl/inbox/done");
    std::fs::write(&done_dir, "in the way\n").unwrap();
    let first = env.oms(["stock", "sync", "-o", "json"]).code(1).json();
    assert_eq!(
        (&first["changed"], &first["not_moved"]),
        (&1.into(), &1.into()),
        "{first:#}"
    );
    assert!(
        not_moved(&first)["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot create channels/east-3pl/inbox/done"),
        "{first:#}"
    );
    std::fs::remove_file(&done_dir).unwrap();
    let again = env.oms(["stock", "sync", "-o", "json"]).ok().json();
    assert_eq!(
        (&again["changed"], &again["unchanged"]),
        (&0.into(), &1.into()),
        "{again:#}"
    );
}

#[test]
fn item9_a_receipts_file_that_cannot_be_moved_is_reported_and_applied_once() {
    let env = process_support::standard();
    let po = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--line",
            "TEE-RED-M=10",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let number = po["number"].as_str().unwrap().to_string();
    env.oms(["po", "approve", &number]).ok();
    env.write(
        "channels/east-3pl/inbox/receipts-001.csv",
        &format!(
            "receipt_id,po_number,sku,quantity,received_at\nR-7,{number},TEE-RED-M,7,2026-11-24\n"
        ),
    );
    let done_dir = env.path("channels/east-3pl/inbox/done");
    std::fs::write(&done_dir, "in the way\n").unwrap();
    let first = env.oms(["receipts", "sync", "-o", "json"]).code(1).json();
    assert_eq!(
        (&first["applied"], &first["not_moved"]),
        (&1.into(), &1.into()),
        "{first:#}"
    );
    assert!(
        not_moved(&first)["reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("cannot create channels/east-3pl/inbox/done"),
        "{first:#}"
    );
    std::fs::remove_file(&done_dir).unwrap();
    let again = env.oms(["receipts", "sync", "-o", "json"]).ok().json();
    assert_eq!(
        (&again["applied"], &again["already_applied"]),
        (&0.into(), &1.into()),
        "{again:#}"
    );
    assert_eq!(
        process_support::level(&env, "east", "TEE-RED-M").0,
        7,
        "received once"
    );
}
