//! `oms receipts sync` on the files connector (SPEC §2, §3, §4.3): stock, PO and receipt
//! statuses, over-receipts, rejections, re-reads and dry runs.

mod common;
mod purchases_support;

use purchases_support::*;
use serde_json::Value;

#[test]
fn receipts_of_7_then_3_complete_a_line_of_10() {
    let env = workspace();
    // Something already incoming, so "back to its value before approval" means something.
    approved(&env, "east", &["TEE-RED-M=4"]);
    let before = level(&env, "east", "TEE-RED-M");
    assert_eq!(before, (0, 0, 4));
    let n = approved(&env, "east", &["TEE-RED-M=10"]);
    assert_eq!(level(&env, "east", "TEE-RED-M"), (0, 0, 14));

    drop_receipts(
        &env,
        "receipts-001.csv",
        &receipt_csv(&[("R-7", &n, "TEE-RED-M", 7)]),
    );
    let first = sync(&env, 0);
    let applied = items(&first, "applied");
    assert_eq!(applied.len(), 1, "{first:#}");
    assert_eq!(
        (
            &applied[0]["receipt"],
            &applied[0]["status"],
            &applied[0]["po_status"]
        ),
        (&"R-7".into(), &"short_received".into(), &"receiving".into())
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (7, 0, 7));
    let po = show(&env, &n);
    assert_eq!(po["status"], "receiving");
    assert_eq!(
        (
            &line(&po, "TEE-RED-M")["received"],
            &line(&po, "TEE-RED-M")["remaining"]
        ),
        (&7.into(), &3.into())
    );

    drop_receipts(
        &env,
        "receipts-002.csv",
        &receipt_csv(&[("R-3", &n, "TEE-RED-M", 3)]),
    );
    let second = sync(&env, 0);
    assert_eq!(second["items"][0]["status"], "received", "{second:#}");
    assert_eq!(second["items"][0]["po_status"], "received");
    let (on_hand, allocated, incoming) = level(&env, "east", "TEE-RED-M");
    assert_eq!(on_hand, before.0 + 10);
    assert_eq!(
        (allocated, incoming),
        (0, before.2),
        "incoming is back where it was"
    );

    let po = show(&env, &n);
    assert_eq!(story(&po), ["draft", "approved", "receiving", "received"]);
    assert_eq!(po["received"], 10);
    let receipts: Vec<(&str, &str)> = po["receipts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["receipt"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(receipts, [("R-7", "short_received"), ("R-3", "received")]);
    assert!(
        po["history"][2]["cause"]
            .as_str()
            .unwrap()
            .ends_with("(receipts sync)")
    );
    assert_eq!(
        ledger(&env, "receipt"),
        [
            ("receipt R-7".to_string(), 7, -7),
            ("receipt R-3".to_string(), 3, -3)
        ]
    );
    let receipt_story: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM status_history WHERE entity = 'receipt'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(receipt_story, 2);
    assert_eq!(
        files(&env, &format!("{EAST_INBOX}/done")),
        ["receipts-001.csv", "receipts-002.csv"]
    );
    assert!(files(&env, EAST_INBOX).is_empty());
    assert_levels_match_ledger(&env);
}

#[test]
fn over_receipt_is_taken_into_on_hand_and_reported() {
    let env = workspace();
    let n = approved(&env, "east", &["TEE-RED-M=10", "MUG-1=2"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R-1", &n, "TEE-RED-M", 12), ("R-1", &n, "MUG-1", 2)]),
    );
    let report = sync(&env, 0);
    assert_eq!(report["over_received"], 1, "{report:#}");
    let over = items(&report, "over_received");
    assert_eq!(over[0]["units"], 2);
    assert_eq!(
        over[0]["reasons"][0].as_str().unwrap(),
        format!(
            "{EAST_INBOX}/receipts-1.csv:2: TEE-RED-M received 12, 10 still expected on {n} (2 over; all taken into on hand)"
        )
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (12, 0, 0));
    assert_eq!(items(&report, "applied")[0]["status"], "received");
    assert_eq!(show(&env, &n)["status"], "received");

    // The table shows the warning without -v.
    drop_receipts(
        &env,
        "receipts-2.csv",
        &receipt_csv(&[("R-2", &n, "MUG-1", 1)]),
    );
    let table = env.oms(["receipts", "sync"]).ok();
    table
        .stdout_has("over_received")
        .stdout_has("MUG-1 received 1, 0 still expected");
    assert_eq!(level(&env, "east", "MUG-1"), (3, 0, 0));
    assert_levels_match_ledger(&env);
}

#[test]
fn bad_receipts_are_named_and_recorded_and_valid_ones_still_applied() {
    let env = workspace();
    let n = approved(&env, "east", &["TEE-RED-M=10", "MUG-1=5"]);
    assert_eq!(n, "PO-000001", "the fixture names this PO");
    drop_receipts(
        &env,
        "receipts-mixed.csv",
        include_str!("fixtures/purchases/receipts-mixed.csv"),
    );
    let report = sync(&env, 3);
    let file = format!("{EAST_INBOX}/receipts-mixed.csv");
    let applied = items(&report, "applied");
    assert_eq!(applied.len(), 1, "{report:#}");
    assert_eq!(
        (&applied[0]["receipt"], &applied[0]["units"]),
        (&"RCV-100".into(), &9.into())
    );
    let rejected: Vec<(&str, Vec<&str>)> = items(&report, "rejected")
        .iter()
        .map(|i| {
            let reasons = i["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap());
            (i["receipt"].as_str().unwrap(), reasons.collect())
        })
        .collect();
    let expect = |line: u32, field: &str, msg: &str| format!("{file}:{line}: {field}: {msg}");
    assert_eq!(
        rejected,
        [
            (
                "RCV-101",
                vec![expect(3, "po_number", "unknown PO `PO-999999`").as_str()]
            ),
            (
                "RCV-102",
                vec![expect(4, "quantity", "must be more than 0, got -4").as_str()]
            ),
            (
                "RCV-103",
                vec![expect(5, "quantity", "`2.5` is not a whole number").as_str()]
            ),
        ]
    );
    assert_eq!(level(&env, "east", "TEE-RED-M"), (6, 0, 4));
    assert_eq!(level(&env, "east", "MUG-1"), (3, 0, 2));

    let recorded: Vec<(String, String)> = {
        let db = env.db();
        let mut stmt = db
            .prepare("SELECT external_id, source FROM rejections WHERE flow = 'receipts sync' ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let ids: Vec<&str> = recorded.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["RCV-101", "RCV-102", "RCV-103"]);
    // The file moved to done/ once applied, and the rejection follows it there.
    assert_eq!(
        recorded[0].1,
        format!("{EAST_INBOX}/done/receipts-mixed.csv:3")
    );
    let run = &env
        .oms(["runs", "list", "--flow", "receipts sync", "-o", "json"])
        .ok()
        .json()[1];
    assert_eq!(
        (&run["channel"], &run["outcome"]),
        (&"east-3pl".into(), &"rejected".into())
    );

    // The same file dropped again: the applied receipt is recognised, nothing moves.
    let ledger_before = ledger_count(&env);
    drop_receipts(
        &env,
        "receipts-mixed.csv",
        include_str!("fixtures/purchases/receipts-mixed.csv"),
    );
    let again = sync(&env, 3);
    assert_eq!(items(&again, "already_applied").len(), 1, "{again:#}");
    assert_eq!(again["applied"], 0);
    assert_eq!(ledger_count(&env), ledger_before);
    assert_eq!(level(&env, "east", "TEE-RED-M"), (6, 0, 4));
    let attempts: i64 = env
        .db()
        .query_row("SELECT MAX(attempts) FROM rejections", [], |r| r.get(0))
        .unwrap();
    assert_eq!(attempts, 2, "seen again, still one open rejection each");
    assert_eq!(
        files(&env, &format!("{EAST_INBOX}/done")),
        ["receipts-mixed.csv", "receipts-mixed.csv.1"]
    );
    assert_levels_match_ledger(&env);
}

#[test]
fn a_corrected_receipt_resolves_its_rejection() {
    let env = workspace();
    let n = approved(&env, "east", &["MUG-1=5"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R-9", &n, "TEE-RED-M", 5)]),
    );
    let report = sync(&env, 3);
    assert_eq!(
        items(&report, "rejected")[0]["reasons"][0]
            .as_str()
            .unwrap(),
        format!("{EAST_INBOX}/receipts-1.csv:2: sku: `TEE-RED-M` is not on {n}")
    );
    drop_receipts(
        &env,
        "receipts-2.csv",
        &receipt_csv(&[("R-9", &n, "NOPE", 5)]),
    );
    let unknown = sync(&env, 3);
    assert!(
        items(&unknown, "rejected")[0]["reasons"][0]
            .as_str()
            .unwrap()
            .ends_with("sku: unknown SKU `NOPE`"),
        "{unknown:#}"
    );
    drop_receipts(
        &env,
        "receipts-3.csv",
        &receipt_csv(&[("R-9", &n, "MUG-1", 5)]),
    );
    sync(&env, 0);
    let open: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM rejections WHERE resolved_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(open, 0);
    assert_eq!(show(&env, &n)["status"], "received");
}

#[test]
fn unreadable_files_are_set_aside_and_json_receipts_are_read() {
    let env = workspace();
    let n = approved(&env, "east", &["TEE-RED-M=10", "MUG-1=5"]);
    drop_receipts(
        &env,
        "receipts-1.json",
        include_str!("fixtures/purchases/receipts-pallets.json"),
    );
    drop_receipts(&env, "receipts-2.csv", "receipt_id,sku\nR-1,MUG-1\n");
    drop_receipts(&env, "notes.txt", "not a receipt");
    let report = sync(&env, 3);
    let failed = items(&report, "file_failed");
    assert_eq!(failed.len(), 1, "{report:#}");
    assert_eq!(
        failed[0]["reasons"][0].as_str().unwrap(),
        format!("{EAST_INBOX}/receipts-2.csv:1: missing column(s): po_number, quantity")
    );
    assert_eq!(
        files(&env, &format!("{EAST_INBOX}/failed")),
        ["receipts-2.csv", "receipts-2.csv.error.txt"]
    );
    let applied = items(&report, "applied");
    assert_eq!(applied.len(), 2);
    assert_eq!(applied[0]["units"], 6, "two rows of one receipt add up");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (6, 0, 4));
    assert_eq!(level(&env, "east", "MUG-1"), (1, 0, 4));
    assert_eq!(files(&env, EAST_INBOX), ["notes.txt"]);
    assert_eq!(show(&env, &n)["status"], "receiving");
}

#[test]
fn receipts_for_the_wrong_po_or_channel_are_rejected() {
    let env = workspace();
    let draft_po = draft(&env, "east", &["MUG-1=5"]);
    let west = approved(&env, "west", &["MUG-1=5"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R-1", &draft_po, "MUG-1", 5), ("R-2", &west, "MUG-1", 5)]),
    );
    let report = sync(&env, 3);
    let reasons: Vec<&str> = items(&report, "rejected")
        .iter()
        .map(|i| i["reasons"][0].as_str().unwrap())
        .collect();
    assert!(
        reasons[0].ends_with("po_number: PO-000001 is draft; it expects no receipts"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].ends_with(
            "po_number: PO-000002 is for warehouse `west`, which `east-3pl` does not serve"
        ),
        "{reasons:?}"
    );
    assert_eq!(level(&env, "west", "MUG-1"), (0, 0, 5));
}

#[test]
fn dry_runs_write_nothing_and_move_nothing() {
    let env = workspace();
    let n = draft(&env, "east", &["TEE-RED-M=10"]);
    let preview = env
        .oms(["po", "approve", &n, "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(preview["items"][0]["to"], "approved");
    assert_eq!(show(&env, &n)["status"], "draft");
    assert_eq!(ledger_count(&env), 0);
    let created = env
        .oms([
            "po",
            "create",
            "--supplier",
            "X",
            "--warehouse",
            "east",
            "--line",
            "MUG-1=1",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(created["number"], "PO-000002");
    assert_eq!(
        env.oms(["po", "list", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );

    env.oms(["po", "approve", &n]).ok();
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R-1", &n, "TEE-RED-M", 7)]),
    );
    drop_receipts(
        &env,
        "receipts-2.csv",
        &receipt_csv(&[("R-2", &n, "TEE-RED-M", 3)]),
    );
    let ledger_before = ledger_count(&env);
    let runs_before = env.oms(["runs", "list", "-o", "json"]).ok().json();
    let report: Value = env
        .oms(["receipts", "sync", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["applied"], 2);
    assert_eq!(
        report["items"][1]["po_status"], "received",
        "the preview sees its own earlier files, as a real run would"
    );
    assert_eq!(ledger_count(&env), ledger_before);
    assert_eq!(level(&env, "east", "TEE-RED-M"), (0, 0, 10));
    assert_eq!(show(&env, &n)["status"], "approved");
    assert_eq!(
        files(&env, EAST_INBOX),
        ["receipts-1.csv", "receipts-2.csv"]
    );
    assert_eq!(
        env.oms(["runs", "list", "-o", "json"]).ok().json(),
        runs_before
    );
}

#[test]
fn a_rejected_receipt_is_applied_on_a_later_run_once_its_sku_is_mapped() {
    let env = workspace();
    let n = approved(&env, "east", &["TEE-RED-M=10"]);
    // The warehouse counts the tee under its own SKU.
    drop_receipts(
        &env,
        "receipts-001.csv",
        &receipt_csv(&[("R-1", &n, "WH-TEE-RED", 6)]),
    );
    let first = sync(&env, 3);
    assert_eq!(items(&first, "rejected").len(), 1, "{first:#}");
    assert_eq!(
        level(&env, "east", "TEE-RED-M"),
        (0, 0, 10),
        "nothing received yet"
    );
    assert_eq!(
        files(&env, &format!("{EAST_INBOX}/done")),
        ["receipts-001.csv"]
    );

    // Before the fix, a run reports it again without failing the run.
    let again = sync(&env, 0);
    assert_eq!(again["still_rejected"], 1, "{again:#}");

    let fixed = common::STANDARD_CONFIG.replace(
        "[fulfillment_channels.west-3pl]",
        "[fulfillment_channels.east-3pl.sku_map]\n\"WH-TEE-RED\" = \"TEE-RED-M\"\n\n[fulfillment_channels.west-3pl]",
    );
    env.write("oms.toml", &fixed);
    let applied = sync(&env, 0);
    assert_eq!(items(&applied, "applied").len(), 1, "{applied:#}");
    assert_eq!(level(&env, "east", "TEE-RED-M"), (6, 0, 4));
    assert_eq!(show(&env, &n)["status"], "receiving");
    // Applied once: the next run has nothing left to retry.
    let quiet = sync(&env, 0);
    assert_eq!(
        (quiet["applied"].as_i64(), quiet["still_rejected"].as_i64()),
        (Some(0), Some(0))
    );
    assert_levels_match_ledger(&env);
}
