//! Purchase orders by hand: create, edit, list/show, approve, cancel, close
//! (SPEC §2, §3, §4.3). Export is in purchases_export.rs, receipts in purchases_receipts.rs.

mod common;
mod purchases_support;

use purchases_support::*;

#[test]
fn create_numbers_a_draft_and_changes_no_stock() {
    let env = workspace();
    let po = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme Textiles",
            "--warehouse",
            "east",
            "--line",
            "TEE-RED-M=24@4.10",
            "--line",
            " mug-1 =12",
            "--expected",
            "2026-12-15",
            "--note",
            "winter restock",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(po["number"], "PO-000001");
    assert_eq!(
        (
            &po["status"],
            &po["warehouse"],
            &po["expected_at"],
            &po["note"]
        ),
        (
            &"draft".into(),
            &"east".into(),
            &"2026-12-15".into(),
            &"winter restock".into()
        )
    );
    assert_eq!(line(&po, "TEE-RED-M")["unit_cost"], "4.10");
    assert_eq!(
        line(&po, "MUG-1")["ordered"],
        12,
        "SKUs match whatever their case and spaces"
    );
    assert_eq!(story(&po), ["draft"]);
    assert_eq!(ledger_count(&env), 0, "a draft promises nothing yet");
    assert_eq!(draft(&env, "west", &["MUG-1=1"]), "PO-000002");
}

#[test]
fn create_names_every_bad_line_and_writes_nothing() {
    let env = workspace();
    let out = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "all",
            "--line",
            "NOPE-1=5",
            "--line",
            "MUG-1=0",
            "--line",
            "TEE-RED-M=x",
            "--line",
            "TEE-BLUE-L=-2",
            "--expected",
            "soon",
        ])
        .code(2);
    out.stderr_has("--line TEE-RED-M=x: quantity: `x` is not a whole number")
        .stderr_has("--warehouse: `all` is a virtual warehouse (east + west)")
        .stderr_has("--expected: `soon` is not a date")
        .stderr_has("--line NOPE-1=5: sku: unknown SKU `NOPE-1`")
        .stderr_has("--line MUG-1=0: quantity: must be more than 0, got 0")
        .stderr_has("--line TEE-BLUE-L=-2: quantity: must be more than 0, got -2");
    env.oms([
        "po",
        "create",
        "--supplier",
        "Acme",
        "--warehouse",
        "north",
        "--line",
        "MUG-1=1",
    ])
    .code(2)
    .stderr_has("--warehouse: unknown warehouse `north` (physical warehouses: east, west)");
    let listed = env.oms(["po", "list", "-o", "csv"]).ok().stdout;
    assert!(
        listed.starts_with("number,status,supplier,warehouse"),
        "{listed}"
    );
    assert_eq!(listed.lines().count(), 1, "nothing was created:\n{listed}");
}

#[test]
fn create_from_a_lines_file() {
    let env = workspace();
    env.write(
        "lines.csv",
        include_str!("fixtures/purchases/lines-good.csv"),
    );
    let po = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "west",
            "--file",
            "lines.csv",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(po["ordered"], 42);
    assert_eq!(line(&po, "MUG-1")["unit_cost"], serde_json::Value::Null);

    env.write("bad.csv", include_str!("fixtures/purchases/lines-bad.csv"));
    let out = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "west",
            "--file",
            "bad.csv",
        ])
        .code(2);
    out.stderr_has("bad.csv:5: quantity: `six` is not a whole number")
        .stderr_has("bad.csv:3: sku: unknown SKU `TEE-GREEN-S`")
        .stderr_has("bad.csv:4: quantity: must be more than 0, got 0")
        .stderr_has("bad.csv:6: sku: `TEE-RED-M` is already given at bad.csv:2");
    assert_eq!(
        env.oms(["po", "list", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[test]
fn edit_changes_drafts_only() {
    let env = workspace();
    let n = draft(&env, "east", &["TEE-RED-M=10", "MUG-1=4"]);
    let po = env
        .oms([
            "po",
            "edit",
            &n,
            "--supplier",
            "Beta Mills",
            "--line",
            "TEE-RED-M=12",
            "--line",
            "MUG-1=0",
            "--line",
            "TEE-BLUE-L=3",
            "--expected",
            "2027-01-10",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        (&po["supplier"], &po["expected_at"]),
        (&"Beta Mills".into(), &"2027-01-10".into())
    );
    let skus: Vec<(&str, i64)> = po["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["sku"].as_str().unwrap(), l["ordered"].as_i64().unwrap()))
        .collect();
    assert_eq!(skus, [("TEE-RED-M", 12), ("TEE-BLUE-L", 3)]);

    env.oms(["po", "edit", &n, "--line", "MUG-1=0"])
        .code(2)
        .stderr_has("--line MUG-1=0: sku: `MUG-1` is not on PO-000001");
    env.oms(["po", "edit", &n, "--expected", ""]).ok();
    assert_eq!(show(&env, &n)["expected_at"], serde_json::Value::Null);

    env.oms(["po", "approve", &n]).ok();
    env.oms(["po", "edit", &n, "--note", "late"])
        .code(2)
        .stderr_has("PO-000001 is approved; only drafts can be edited");
    env.oms(["po", "edit", "PO-000404", "--note", "x"])
        .code(2)
        .stderr_has("no purchase order `PO-000404`");
}

#[test]
fn approve_raises_incoming_and_refuses_what_cannot_be_received() {
    let env = workspace();
    let a = draft(&env, "east", &["TEE-RED-M=10", "MUG-1=5"]);
    let empty = draft(&env, "east", &["MUG-1=1"]);
    env.oms(["po", "edit", &empty, "--line", "MUG-1=0"]).ok();

    // Several at once ask first; with no terminal only --yes answers.
    env.oms(["po", "approve", &a, &empty])
        .code(2)
        .stderr_has("pass --yes to confirm");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (0, 0, 0));

    let report = env
        .oms(["po", "approve", &a, &empty, "--yes", "-o", "json"])
        .code(3)
        .json();
    assert_eq!(
        (report["changed"].as_i64(), report["refused"].as_i64()),
        (Some(1), Some(1))
    );
    let refused = items(&report, "refused");
    assert!(
        refused[0]["message"]
            .as_str()
            .unwrap()
            .contains("PO-000002 has no lines"),
        "{report:#}"
    );
    assert_eq!(items(&report, "changed")[0]["incoming"], 15);
    assert_eq!(level(&env, "east", "TEE-RED-M"), (0, 0, 10));
    assert_eq!(level(&env, "east", "MUG-1"), (0, 0, 5));
    assert_eq!(
        ledger(&env, "po_approved"),
        [
            ("po PO-000001".to_string(), 0, 10),
            ("po PO-000001".to_string(), 0, 5)
        ]
    );
    assert_eq!(story(&show(&env, &a)), ["draft", "approved"]);

    let again = env.oms(["po", "approve", "1", "-o", "json"]).code(3).json();
    assert!(
        again["items"][0]["message"]
            .as_str()
            .unwrap()
            .contains("is approved; only drafts"),
        "{again:#}"
    );
    assert_eq!(
        level(&env, "east", "TEE-RED-M"),
        (0, 0, 10),
        "approved once only"
    );
    env.oms(["po", "approve", "PO-000777"])
        .code(2)
        .stderr_has("no purchase order `PO-000777`");
    assert_levels_match_ledger(&env);
}

#[test]
fn cancel_releases_incoming_of_an_approved_po() {
    let env = workspace();
    let drafted = draft(&env, "east", &["MUG-1=3"]);
    let n = approved(&env, "east", &["TEE-RED-M=10", "MUG-1=5"]);
    env.oms(["po", "cancel", &n])
        .code(2)
        .stderr_has("pass --yes to confirm");
    assert_eq!(
        level(&env, "east", "TEE-RED-M").2,
        10,
        "not confirmed: nothing changed"
    );

    let report = env
        .oms(["po", "cancel", &n, &drafted, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["changed"], 2, "{report:#}");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (0, 0, 0));
    assert_eq!(level(&env, "east", "MUG-1"), (0, 0, 0));
    let po = show(&env, &n);
    assert_eq!(story(&po), ["draft", "approved", "cancelled"]);
    assert_eq!(po["history"][2]["note"], "15 incoming units released");
    assert_eq!(story(&show(&env, &drafted)), ["draft", "cancelled"]);
    assert_eq!(
        ledger(&env, "po_closed"),
        [
            ("po PO-000002".to_string(), 0, -10),
            ("po PO-000002".to_string(), 0, -5)
        ]
    );
    env.oms(["po", "cancel", &n, "--yes"])
        .code(3)
        .stdout_has("is already cancelled");
    assert_levels_match_ledger(&env);
}

#[test]
fn close_releases_what_never_arrived_and_cancel_refuses_once_received() {
    let env = workspace();
    let n = approved(&env, "east", &["TEE-RED-M=10", "MUG-1=5"]);
    env.oms(["po", "close", &n, "--yes"])
        .code(3)
        .stdout_has("has received nothing yet; cancel it");
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R-1", &n, "TEE-RED-M", 4)]),
    );
    sync(&env, 0);

    let refused = env
        .oms(["po", "cancel", &n, "--yes", "-o", "json"])
        .code(3)
        .json();
    assert!(
        refused["items"][0]["message"]
            .as_str()
            .unwrap()
            .contains("has received 4 units; close it"),
        "{refused:#}"
    );
    let dry = env
        .oms(["po", "close", &n, "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(dry["items"][0]["incoming"], -11);
    assert_eq!(
        level(&env, "east", "TEE-RED-M"),
        (4, 0, 6),
        "a dry run writes nothing"
    );

    let report = env
        .oms(["po", "close", &n, "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["items"][0]["to"], "closed");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (4, 0, 0));
    assert_eq!(level(&env, "east", "MUG-1"), (0, 0, 0));
    let po = show(&env, &n);
    assert_eq!(story(&po), ["draft", "approved", "receiving", "closed"]);
    assert_eq!(
        po["history"][3]["note"],
        "closed short: 11 units never received"
    );
    assert_eq!(line(&po, "TEE-RED-M")["received"], 4);
    assert_levels_match_ledger(&env);
}

#[test]
fn list_filters_by_status_and_warehouse() {
    let env = workspace();
    approved(&env, "east", &["MUG-1=1"]);
    draft(&env, "west", &["MUG-1=2"]);
    let all = env.oms(["po", "list", "-o", "json"]).ok().json();
    assert_eq!(all.as_array().map(Vec::len), Some(2));
    let drafts = env
        .oms(["po", "list", "--status", "draft", "-o", "json"])
        .ok()
        .json();
    assert_eq!(drafts[0]["number"], "PO-000002");
    assert_eq!(drafts.as_array().map(Vec::len), Some(1));
    let east = env
        .oms(["po", "list", "--warehouse", "east", "-o", "ndjson"])
        .ok()
        .stdout;
    assert_eq!(east.lines().count(), 1);
    let virtual_ = env
        .oms(["po", "list", "--warehouse", "all", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        virtual_.as_array().map(Vec::len),
        Some(2),
        "a virtual warehouse means its members"
    );
    env.oms(["po", "list", "--status", "shipped"])
        .code(2)
        .stderr_has("unknown status `shipped`");
    env.oms(["po", "show", "PO-000009"])
        .code(2)
        .stderr_has("no purchase order `PO-000009`");
}
