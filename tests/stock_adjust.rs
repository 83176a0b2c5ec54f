mod common;
mod stock_support;

use stock_support::*;

#[test]
fn adjust_by_writes_one_ledger_row_with_reason_and_note() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 10, 0, 0);
    let report = env
        .oms([
            "stock",
            "adjust",
            "--warehouse",
            "east",
            "--sku",
            "tee-red-m",
            "--by",
            "-3",
            "--reason",
            "damaged",
            "--note",
            "torn seam",
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        (report["applied"].as_i64(), report["rejected"].as_i64()),
        (Some(1), Some(0))
    );
    let item = &report["items"][0];
    assert_eq!(
        item["sku"], "TEE-RED-M",
        "the catalog's spelling is reported"
    );
    assert_eq!(
        (
            item["before"].as_i64(),
            item["after"].as_i64(),
            item["delta"].as_i64()
        ),
        (Some(10), Some(7), Some(-3))
    );
    assert_eq!(item["outcome"], "applied");
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 7);
    let (reason, kind, note): (String, String, String) = env
        .db()
        .query_row(
            "SELECT reason, ref_kind, note FROM stock_ledger ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("ledger row");
    assert_eq!(
        (reason.as_str(), kind.as_str(), note.as_str()),
        ("adjust:damaged", "adjustment", "torn seam")
    );
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn adjust_set_and_noops() {
    let env = workspace();
    seed(&env, "west", "MUG-1", 4, 0, 0);
    let set = env
        .oms([
            "stock",
            "adjust",
            "--warehouse",
            "west",
            "--sku",
            "MUG-1",
            "--set",
            "9",
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(set["items"][0]["delta"], 5);
    assert_eq!(on_hand(&env, "west", "MUG-1"), 9);
    let rows = ledger_rows(&env);

    // Nothing to change needs no confirmation, so no --yes here.
    for change in [["--set", "9"], ["--by", "0"]] {
        let same = env
            .oms([
                "stock",
                "adjust",
                "--warehouse",
                "west",
                "--sku",
                "MUG-1",
                change[0],
                change[1],
                "-o",
                "json",
            ])
            .ok()
            .json();
        assert_eq!(
            (same["applied"].as_i64(), same["unchanged"].as_i64()),
            (Some(0), Some(1))
        );
        assert_eq!(same["items"][0]["outcome"], "unchanged");
    }
    assert_eq!(ledger_rows(&env), rows, "a no-op writes no ledger row");
}

#[test]
fn adjust_refuses_virtual_and_unknown_warehouses_and_skus() {
    let env = workspace();
    let base = ["stock", "adjust", "--by", "1", "--yes"];
    let virt = env
        .oms(base.iter().chain(&["--warehouse", "all", "--sku", "MUG-1"]))
        .code(2);
    virt.stderr_has("`all` is a virtual warehouse")
        .stderr_has("east, west");
    let unknown = env
        .oms(
            base.iter()
                .chain(&["--warehouse", "north", "--sku", "MUG-1"]),
        )
        .code(2);
    unknown.stderr_has("unknown warehouse `north` (physical: east, west; virtual: all)");
    let sku = env
        .oms(
            base.iter()
                .chain(&["--warehouse", "east", "--sku", "NO-SUCH"]),
        )
        .code(2);
    sku.stderr_has("unknown SKU `NO-SUCH`");
    assert_eq!(ledger_rows(&env), 0);
}

#[test]
fn adjust_below_zero_needs_allow_negative() {
    let env = workspace();
    seed(&env, "east", "TEE-BLUE-L", 2, 0, 0);
    let args = [
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "TEE-BLUE-L",
        "--by",
        "-5",
        "--yes",
    ];
    let refused = env.oms(args).code(1);
    refused.stderr_has("would leave TEE-BLUE-L at east with -3 on hand (now 2)");
    assert_eq!(on_hand(&env, "east", "TEE-BLUE-L"), 2);

    env.oms(args.iter().chain(&["--allow-negative"])).ok();
    assert_eq!(on_hand(&env, "east", "TEE-BLUE-L"), -3);
    let rows = shown(&env, &["--sku", "TEE-BLUE-L"]);
    assert_eq!(row(&rows, "east", "TEE-BLUE-L")["available"], -3);
}

#[test]
fn adjust_without_a_terminal_needs_yes_and_dry_run_writes_nothing() {
    let env = workspace();
    seed(&env, "east", "MUG-1", 5, 0, 0);
    let rows = ledger_rows(&env);
    let args = [
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "MUG-1",
        "--by",
        "+3",
    ];
    env.oms(args)
        .code(2)
        .stderr_has("no terminal to ask on; pass --yes");
    assert_eq!(
        (ledger_rows(&env), on_hand(&env, "east", "MUG-1")),
        (rows, 5)
    );

    let dry = env
        .oms(args.iter().chain(&["--dry-run", "-o", "json"]))
        .ok()
        .json();
    assert_eq!(dry["dry_run"], true);
    assert_eq!(
        (dry["items"][0]["after"].as_i64(), dry["applied"].as_i64()),
        (Some(8), Some(1))
    );
    assert_eq!(
        (ledger_rows(&env), on_hand(&env, "east", "MUG-1")),
        (rows, 5)
    );
}

#[test]
fn adjust_file_applies_every_row_in_order() {
    let env = workspace();
    env.write(
        "adjustments.csv",
        include_str!("fixtures/stock/adjustments-good.csv"),
    );
    let report = env
        .oms([
            "stock",
            "adjust",
            "--file",
            "adjustments.csv",
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(report["applied"], 3);
    let lines: Vec<i64> = report["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["line"].as_i64())
        .collect();
    assert_eq!(lines, vec![2, 3, 5], "blank lines still count");
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 1);
    assert_eq!(on_hand(&env, "west", "MUG-1"), 7);
    let history = env
        .oms(["stock", "history", "--sku", "tee-red-m", "-o", "json"])
        .ok()
        .json();
    assert_eq!(history[0]["reference"], "adjustment adjustments.csv:5");
    assert_eq!(history[1]["reason"], "adjust:found");
    assert_eq!(history[1]["note"], "behind the rack");
}

#[test]
fn adjust_file_with_bad_rows_applies_nothing_unless_skipped() {
    let env = workspace();
    seed(&env, "east", "TEE-RED-M", 5, 0, 0);
    env.write(
        "adjustments.csv",
        include_str!("fixtures/stock/adjustments-mixed.csv"),
    );
    let rows = ledger_rows(&env);
    let args = [
        "stock",
        "adjust",
        "--file",
        "adjustments.csv",
        "--yes",
        "-o",
        "json",
    ];

    let refused = env.oms(args).code(1);
    for problem in [
        "adjustments.csv:4: by: would leave TEE-RED-M at east with -1 on hand (now 2)",
        "adjustments.csv:5: warehouse: `all` is a virtual warehouse",
        "adjustments.csv:6: sku: unknown SKU `NO-SUCH-SKU`",
        "adjustments.csv:7: by: `x` is not a whole number",
        "nothing from adjustments.csv was applied: 4 of 6 rows are invalid",
    ] {
        refused.stderr_has(problem);
    }
    let report = refused.json();
    assert_eq!(
        (report["applied"].as_i64(), report["not_applied"].as_i64()),
        (Some(0), Some(2))
    );
    assert_eq!(report["items"][0]["outcome"], "not_applied");
    assert_eq!(ledger_rows(&env), rows);
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 5);

    let skipped = env.oms(args.iter().chain(&["--skip-invalid"])).code(3);
    let report = skipped.json();
    assert_eq!(
        (report["applied"].as_i64(), report["rejected"].as_i64()),
        (Some(2), Some(4))
    );
    assert_eq!(on_hand(&env, "east", "TEE-RED-M"), 2);
    assert_eq!(on_hand(&env, "west", "TEE-BLUE-L"), 12);
    assert_eq!(ledger_rows(&env), rows + 2);
}

#[test]
fn adjust_file_that_cannot_be_used() {
    let env = workspace();
    env.oms(["stock", "adjust", "--file", "missing.csv", "--yes"])
        .code(2)
        .stderr_has("cannot open missing.csv");
    env.write("qty.csv", "warehouse,sku,qty\neast,MUG-1,3\n");
    env.oms(["stock", "adjust", "--file", "qty.csv", "--yes"])
        .code(1)
        .stderr_has("qty.csv:1: missing column(s): by or set");
    env.oms(["stock", "adjust", "--file", "qty.csv", "--sku", "MUG-1"])
        .code(2);
}
