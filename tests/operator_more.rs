//! Issue 18, items 5, 7, 11 and 15: missing channel folders fail loudly, rejections can be
//! dismissed, orders are found by the shop's name, the config is found from a subfolder.

mod common;
mod orders_support;
mod process_support;

use common::Env;
use orders_support::{HEADER, env_with_catalog};
use serde_json::Value;

fn open_ids(env: &Env) -> Vec<i64> {
    env.oms(["rejects", "-o", "json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn item5_a_missing_inbox_is_a_failure_naming_the_folder() {
    let env = Env::standard();
    std::fs::remove_dir_all(env.path("channels/web/inbox")).unwrap();
    let out = env.oms(["orders", "import", "--channel", "web"]).code(1);
    out.stderr_has("channel `web`: folder channels/web/inbox does not exist");
    // The failure is recorded, not an import of nothing.
    let outcome: String = env
        .db()
        .query_row(
            "SELECT outcome FROM runs WHERE flow = 'orders import' AND channel = 'web'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(outcome, "failed");
}

#[test]
fn item5_a_missing_channel_folder_fails_but_run_goes_on_with_the_other_flows() {
    let env = Env::standard();
    std::fs::remove_dir_all(env.path("channels/west-3pl")).unwrap();
    let out = env.oms(["run"]).code(1);
    out.stderr_has("channel `west-3pl`: folder channels/west-3pl does not exist");
    // The other channels and flows still ran.
    let ok: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM runs WHERE outcome != 'failed'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(ok > 0, "no flow ran after the failure");
    let east: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM runs WHERE channel = 'east-3pl' AND outcome != 'failed'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(east > 0, "east-3pl was skipped");
}

#[test]
fn item5_a_missing_outbox_is_not_created_behind_the_operators_back() {
    let env = process_support::standard();
    process_support::stock(&env, &[("east", "TEE-RED-M", 5)]);
    process_support::insert(
        &env,
        &[process_support::Order::new("1001", &[("TEE-RED-M", 1)])],
    );
    std::fs::remove_dir_all(env.path("channels/east-3pl/outbox")).unwrap();
    let out = env.oms(["orders", "process"]).code(1);
    out.stderr_has("channel `east-3pl`: folder channels/east-3pl/outbox does not exist");
    assert!(!env.path("channels/east-3pl/outbox").exists());
}

#[test]
fn item5_a_missing_outbox_fails_even_with_nothing_to_send() {
    let env = Env::standard();
    std::fs::remove_dir_all(env.path("channels/web/outbox")).unwrap();
    env.oms(["stock", "push", "--channel", "web"])
        .code(1)
        .stderr_has("channel `web`: folder channels/web/outbox does not exist");
    assert!(!env.path("channels/web/outbox").exists());
}

#[test]
fn item7_dismissed_rejections_leave_status_check_and_stay_in_the_history() {
    let env = env_with_catalog();
    env.write(
        "channels/web/inbox/1.csv",
        &format!(
            "{HEADER}P1,#P1,,Ann,1 Elm St,Boston,02134,US,25.99,POSTER-XL,1,25.99\n\
             P2,#P2,,Bob,1 Elm St,Austin,78701,US,25.99,POSTER-XL,1,25.99\n\
             C1,#C1,,Cy,1 Elm St,Denver,80202,US,15.00,CAP-RED,1,15.00\n"
        ),
    );
    env.oms(["orders", "import"]).code(3);
    // C1 is processed, then edited upstream: a `not_applied` rejection.
    env.db()
        .execute(
            "UPDATE orders SET status = 'fulfilling' WHERE external_id = 'C1'",
            [],
        )
        .unwrap();
    env.write(
        "channels/web/inbox/2.csv",
        &format!("{HEADER}C1,#C1,,Cy,1 Elm St,Denver,80202,US,30.00,CAP-RED,2,15.00\n"),
    );
    env.oms(["orders", "import"]).ok();
    let open = open_ids(&env);
    assert_eq!(open.len(), 3, "two unknown SKUs and one upstream edit");
    env.oms(["status", "--check"]).code(1);

    // One by id (the upstream edit), unknown ids named, the valid part still done.
    let rows = env.oms(["rejects", "-o", "json"]).ok().json();
    let c1 = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["external_id"] == "C1")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let out = env
        .oms([
            "rejects",
            "dismiss",
            &c1.to_string(),
            "999",
            "--reason",
            "shipped before the edit",
        ])
        .code(2);
    out.stderr_has("no rejection with id 999");
    assert_eq!(open_ids(&env).len(), 2);
    // The rest of the flow at once; the second call finds nothing left to close.
    let r = env
        .oms([
            "rejects",
            "dismiss",
            "--all",
            "--flow",
            "orders-import",
            "--reason",
            "test orders",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(r["dismissed"].as_array().unwrap().len(), 2, "{r}");
    env.oms(["status", "--check"]).ok();
    let again = env
        .oms(["rejects", "dismiss", &c1.to_string(), "--reason", "again"])
        .ok();
    again.stderr_has(&format!("rejection {c1} is already closed"));

    // The history keeps them with the reasons.
    let all = env.oms(["rejects", "--all", "-o", "json"]).ok().json();
    let reason = |id: &str| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|r| r["external_id"] == id)
            .unwrap()["dismissed_reason"]
            .clone()
    };
    assert_eq!(reason("C1"), Value::from("shipped before the edit"));
    assert_eq!(reason("P1"), Value::from("test orders"));

    // Seen again, a dismissed record stays dismissed: no new alarm.
    env.write(
        "channels/web/inbox/3.csv",
        &format!("{HEADER}P1,#P1,,Ann,1 Elm St,Boston,02134,US,25.99,POSTER-XL,1,25.99\n"),
    );
    env.oms(["orders", "import"]).run();
    assert!(open_ids(&env).is_empty());
    env.oms(["status", "--check"]).ok();
}

#[test]
fn item7_dismiss_needs_a_reason_and_ids_or_all_with_a_flow() {
    let env = Env::standard();
    env.oms(["rejects", "dismiss", "1"])
        .code(2)
        .stderr_has("--reason");
    env.oms(["rejects", "dismiss", "--reason", "x"]).code(2);
    env.oms(["rejects", "dismiss", "--all", "--reason", "x"])
        .code(2)
        .stderr_has("--flow");
    env.oms(["rejects", "dismiss", "1", "--reason", "  "])
        .code(2)
        .stderr_has("--reason");
}

#[test]
fn item11_orders_are_found_by_the_shops_name_and_external_id() {
    use process_support::{Order, insert};
    let env = process_support::standard();
    let ids = insert(
        &env,
        &[
            Order::new("6798177894699", &[("MUG-1", 1)]),
            Order::new("1001", &[("MUG-1", 1)]),
            Order {
                channel: "manual",
                ..Order::new("1001", &[("CAP-1", 1)])
            },
        ],
    );
    // The shop's name, with or without its `#`.
    env.db()
        .execute("UPDATE orders SET name = '#1002' WHERE id = ?1", [ids[0]])
        .unwrap();
    for name in ["#1002", "1002"] {
        let shown = env.oms(["orders", "show", name, "-o", "json"]).ok().json();
        assert_eq!(shown["id"], ids[0], "{name}");
    }
    let by_ext = env
        .oms([
            "orders",
            "show",
            "--external",
            "6798177894699",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(by_ext["id"], ids[0]);
    // The internal id still works, and wins over a name.
    let by_id = env
        .oms(["orders", "show", &ids[1].to_string(), "-o", "json"])
        .ok()
        .json();
    assert_eq!(by_id["id"], ids[1]);

    // One name in two channels: the candidates, exit 2; --channel settles it.
    let ambiguous = env.oms(["orders", "show", "#1001"]).code(2);
    ambiguous.stderr_has("order #1001 matches 2 orders; pass its id or --channel");
    ambiguous.stderr_has("channel web");
    ambiguous.stderr_has("channel manual");
    assert_eq!(ambiguous.stdout, "");
    let web = env
        .oms(["orders", "show", "#1001", "--channel", "web", "-o", "json"])
        .ok()
        .json();
    assert_eq!(web["id"], ids[1]);
    env.oms(["orders", "show", "--external", "1001"])
        .code(2)
        .stderr_has("order with external id 1001 matches 2 orders");
    env.oms(["orders", "show", "#9999"])
        .code(2)
        .stderr_has("there is no order #9999");
}

#[test]
fn item11_orders_list_search_matches_name_external_id_and_email() {
    use process_support::{Order, insert};
    let env = process_support::standard();
    let ids = insert(
        &env,
        &[
            Order::new("6798177894699", &[("MUG-1", 1)]),
            Order::new("5550001", &[("MUG-1", 1)]),
            Order::new("5550002", &[("MUG-1", 1)]),
        ],
    );
    env.db()
        .execute(
            "UPDATE orders SET email = 'Grace.Hopper@Example.com', name = '#1001' WHERE id = ?1",
            [ids[2]],
        )
        .unwrap();
    let found = |text: &str| -> Vec<i64> {
        env.oms(["orders", "list", "--search", text, "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(found("6798177894699"), [ids[0]], "external id");
    assert_eq!(found("679817"), [ids[0]], "start of an external id");
    assert_eq!(found("555"), [ids[2], ids[1]], "newest first");
    assert_eq!(found("#1001"), [ids[2]], "name");
    assert_eq!(found("1001"), [ids[2]], "name without #");
    assert_eq!(found("grace.hopper@"), [ids[2]], "email, any case");
    assert!(found("nobody").is_empty());
    // Enough matches among the newest orders: answered from them, still newest first.
    let one = env
        .oms([
            "orders", "list", "--search", "555", "--limit", "1", "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(one[0]["id"], ids[2], "{one}");
    assert_eq!(one.as_array().map(Vec::len), Some(1));
    // Other filters still apply.
    let none = env
        .oms([
            "orders", "list", "--search", "555", "--status", "shipped", "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(none.as_array().map(Vec::len), Some(0));
}

#[test]
fn item15_the_config_is_found_from_a_subfolder_and_flags_still_win() {
    let env = Env::standard();
    let deep = env.path("channels/web/inbox");
    let mut cmd = env.oms(["config", "check", "-o", "json"]);
    cmd.cmd.current_dir(&deep);
    let found = cmd.ok().json();
    let db = found["database"].as_str().unwrap().to_string();
    assert_eq!(
        std::path::Path::new(&db).canonicalize().unwrap(),
        env.path("oms.db").canonicalize().unwrap(),
        "the database beside the config found above: {found}"
    );
    // Relative paths in it still mean beside the config: the channel folders are found.
    let mut cmd = env.oms(["orders", "import", "-o", "json"]);
    cmd.cmd.current_dir(&deep);
    cmd.ok();

    // --config and $OMS_CONFIG still win over the walk up.
    env.write("other/oms.toml", "database = \"other.db\"\n");
    let mut cmd = env.oms(["config", "check", "-o", "json"]);
    cmd.cmd.current_dir(&deep);
    let other = cmd
        .env("OMS_CONFIG", env.path("other/oms.toml"))
        .ok()
        .json();
    assert!(
        other["database"]
            .as_str()
            .unwrap()
            .ends_with("other/other.db"),
        "{other}"
    );
    let mut cmd = env.oms([
        "--config",
        env.path("other/oms.toml").to_str().unwrap(),
        "config",
        "check",
        "-o",
        "json",
    ]);
    cmd.cmd.current_dir(&deep);
    let other = cmd.ok().json();
    assert!(
        other["database"]
            .as_str()
            .unwrap()
            .ends_with("other/other.db"),
        "{other}"
    );

    // A folder with no oms.toml above it says where it looked.
    let lonely = tempfile::tempdir().unwrap();
    let mut cmd = env.oms(["status"]);
    cmd.cmd.current_dir(lonely.path());
    cmd.code(2)
        .stderr_has("oms.toml in this folder and every folder above it");
}

#[test]
fn item15_orders_import_file_recognises_its_layout_and_format_still_wins() {
    let env = env_with_catalog();
    let shopify = orders_support::fixture("shopify-orders-export.csv");
    let r = env
        .oms(["orders", "import", "--file", &shopify, "-o", "json"])
        .run();
    let report: Value = serde_json::from_str(&r.stdout).expect("a report");
    assert!(report["imported"].as_u64().unwrap() > 0, "{report}");
    let oms = orders_support::fixture("oms-orders.csv");
    let r = env
        .oms(["orders", "import", "--file", &oms, "-o", "json"])
        .run();
    let report: Value = serde_json::from_str(&r.stdout).expect("a report");
    assert!(report["imported"].as_u64().unwrap() > 0, "{report}");
    // --format wins: an oms-csv file read as Shopify's export is refused as a whole.
    let forced = env
        .oms([
            "orders",
            "import",
            "--file",
            &oms,
            "--format",
            "shopify-csv",
        ])
        .run();
    assert_ne!(forced.code, 0, "{forced:?}");
    forced.stderr_has("missing column(s): Name, Lineitem quantity, Lineitem sku");
}
