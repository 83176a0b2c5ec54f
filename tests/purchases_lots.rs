//! Lots and serial numbers on purchase orders (issue 14 item 2): given per line on the
//! command line or in a lines file, one unit per serial, changed only while a draft,
//! shown by `po show` and sent with the PO.

mod common;
mod purchases_support;

use purchases_support::*;
use serde_json::Value;

fn create(env: &common::Env, lines: &[&str]) -> common::Done {
    let mut args = vec![
        "po",
        "create",
        "--supplier",
        "Acme Textiles",
        "--warehouse",
        "east",
        "-o",
        "json",
    ];
    for l in lines {
        args.extend(["--line", l]);
    }
    env.oms(args).run()
}

/// (sku, ordered, lot, serial) of each line of a `po show` document.
fn lines_of(po: &Value) -> Vec<(String, i64, Option<String>, Option<String>)> {
    po["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| {
            (
                l["sku"].as_str().unwrap_or_default().to_string(),
                l["ordered"].as_i64().unwrap_or_default(),
                l["lot"].as_str().map(String::from),
                l["serial"].as_str().map(String::from),
            )
        })
        .collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn a_po_lists_a_sku_once_per_lot_and_a_serial_is_one_unit() {
    let env = workspace();
    let po = create(
        &env,
        &[
            "TEE-RED-M=10:lot=L-2026-11",
            "TEE-RED-M=5:lot=L-2026-12",
            "MUG-1=1:serial=SN-0001",
            "MUG-1=1:serial=SN-0002:lot=L-9",
            "TEE-BLUE-L=3",
        ],
    );
    assert_eq!(po.code, 0, "{po:?}");
    let number = po.json()["number"].as_str().unwrap().to_string();
    assert_eq!(
        lines_of(&show(&env, &number)),
        [
            ("TEE-RED-M".into(), 10, some("L-2026-11"), None),
            ("TEE-RED-M".into(), 5, some("L-2026-12"), None),
            ("MUG-1".into(), 1, None, some("SN-0001")),
            ("MUG-1".into(), 1, some("L-9"), some("SN-0002")),
            ("TEE-BLUE-L".into(), 3, None, None),
        ]
    );
    let table = env.oms(["po", "show", &number]).ok();
    table.stdout_has("L-2026-11").stdout_has("SN-0002");

    // Every mistake at once, and nothing is written.
    let bad = create(
        &env,
        &[
            "MUG-1=2:serial=SN-7",
            "TEE-RED-M=1:serial=SN-8",
            "TEE-RED-M=1:serial=SN-8:lot=X",
            "TEE-BLUE-L=1:lot=A",
            "TEE-BLUE-L=4:lot=A",
            "MUG-1=1:lot=",
        ],
    );
    assert_eq!(bad.code, 2, "{bad:?}");
    bad.stderr_has("--line MUG-1=2:serial=SN-7: quantity: a line with a serial number is one unit, got 2 (give each serial a line of its own)")
        .stderr_has("--line TEE-RED-M=1:serial=SN-8:lot=X: serial: `SN-8` of `TEE-RED-M` is already given at --line TEE-RED-M=1:serial=SN-8")
        .stderr_has("--line TEE-BLUE-L=4:lot=A: sku: `TEE-BLUE-L` lot `A` is already given at --line TEE-BLUE-L=1:lot=A")
        .stderr_has("--line MUG-1=1:lot=: lot: empty");
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
fn lots_come_from_the_lines_file_and_change_only_while_a_draft() {
    let env = workspace();
    env.write(
        "lines.csv",
        "sku,quantity,unit_cost,lot,serial\n\
         TEE-RED-M,12,4.10,L-1,\n\
         TEE-RED-M,6,4.10,L-2,\n\
         MUG-1,1,,,SN-9\n\
         MUG-1,3,,,SN-10\n",
    );
    let refused = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--file",
            "lines.csv",
        ])
        .code(2);
    refused.stderr_has("lines.csv:5: quantity: a line with a serial number is one unit, got 3");
    env.write(
        "lines.csv",
        "sku,quantity,unit_cost,lot,serial\n\
         TEE-RED-M,12,4.10,L-1,\n\
         TEE-RED-M,6,4.10,L-2,\n\
         MUG-1,1,,,SN-9\n",
    );
    let po = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--file",
            "lines.csv",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let number = po["number"].as_str().unwrap().to_string();

    // A draft changes per line: lot L-2 to 8, the serial's line removed, a new lot added.
    env.oms([
        "po",
        "edit",
        &number,
        "--line",
        "TEE-RED-M=8:lot=L-2",
        "--line",
        "MUG-1=0:serial=SN-9",
        "--line",
        "TEE-RED-M=2:lot=L-3",
    ])
    .ok();
    assert_eq!(
        lines_of(&show(&env, &number)),
        [
            ("TEE-RED-M".into(), 12, some("L-1"), None),
            ("TEE-RED-M".into(), 8, some("L-2"), None),
            ("TEE-RED-M".into(), 2, some("L-3"), None),
        ]
    );
    env.oms(["po", "edit", &number, "--line", "TEE-RED-M=0:lot=L-9"])
        .code(2)
        .stderr_has("sku: `TEE-RED-M` lot `L-9` is not on");

    env.oms(["po", "approve", &number]).ok();
    env.oms(["po", "edit", &number, "--line", "TEE-RED-M=1:lot=L-4"])
        .code(2)
        .stderr_has("only drafts can be edited");
    assert_eq!(
        show(&env, &number)["lines"].as_array().map(Vec::len),
        Some(3)
    );

    // Sent with the PO: the lot and serial columns of the files layout.
    env.oms(["po", "export"]).ok();
    let text = env.read(&format!("{EAST_OUTBOX}/po-{number}.csv"));
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows[0],
        "po_number,supplier,warehouse,location_id,expected_at,note,sku,quantity,lot,serial"
    );
    assert_eq!(rows[1], format!("{number},Acme,east,,,,TEE-RED-M,12,L-1,"));
    assert_eq!(rows.len(), 4);
}

#[test]
fn receipts_go_to_the_line_of_their_lot_or_serial_and_keep_what_the_warehouse_said() {
    let env = workspace();
    let number = approved(
        &env,
        "east",
        &[
            "TEE-RED-M=10:lot=L-1",
            "TEE-RED-M=5:lot=L-2",
            "MUG-1=1:serial=SN-9",
        ],
    );
    // Twelve tees without a lot fill the lines in order; then three of lot L-2 and the mug
    // with its serial; a bad expiration date rejects its receipt, naming the field.
    drop_receipts(
        &env,
        "receipts-1.csv",
        "receipt_id,po_number,sku,quantity,lot,serial,expiration_date\n\
         RCV-1,PO-000001,TEE-RED-M,12,,,\n\
         RCV-2,PO-000001,TEE-RED-M,3,L-2,,2027-06-30\n\
         RCV-2,PO-000001,MUG-1,1,,SN-9,\n\
         RCV-3,PO-000001,TEE-RED-M,1,L-1,,30/06/2027\n",
    );
    let report = sync(&env, 3);
    assert_eq!(report["applied"], 2, "{report:#}");
    let rejected = env.oms(["rejects", "-o", "json"]).ok().stdout.contains(
        "receipts-1.csv:5: expiration_date: `30/06/2027` is not a date (YYYY-MM-DD or RFC 3339)",
    );
    assert!(rejected, "the bad row is named");

    let po = show(&env, &number);
    let received: Vec<(Option<&str>, Option<&str>, i64, i64)> = po["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["lot"].as_str(),
                l["serial"].as_str(),
                l["ordered"].as_i64().unwrap(),
                l["received"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        received,
        [
            (Some("L-1"), None, 10, 10),
            (Some("L-2"), None, 5, 5),
            (None, Some("SN-9"), 1, 1)
        ]
    );
    assert_eq!(po["status"], "received", "{po:#}");
    let lots: Vec<&str> = po["receipts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["lots"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        lots,
        [
            "",
            "TEE-RED-M lot L-2 exp 2027-06-30 × 3; MUG-1 serial SN-9 × 1"
        ]
    );
    assert_eq!(
        env.db()
            .query_row(
                "SELECT COUNT(*) FROM receipt_lines WHERE lot IS NULL AND serial IS NULL",
                [],
                |r| r.get::<_, i64>(0)
            )
            .unwrap(),
        2,
        "RCV-1's twelve went to two lines"
    );
    env.oms(["stock", "verify"]).ok();
}
