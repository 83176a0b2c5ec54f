//! The same failure gets the same exit code and wording in every command, and flows have
//! one name everywhere (issue 18).

mod common;
mod process_support;

use process_support::standard;

#[test]
fn item13_missing_file_is_exit_2_cannot_open_everywhere() {
    let env = standard();
    let commands: &[&[&str]] = &[
        &[
            "orders",
            "import",
            "--format",
            "oms-csv",
            "--file",
            "missing.csv",
        ],
        &["catalog", "import", "--file", "missing.csv"],
        &["stock", "adjust", "--file", "missing.csv", "--yes"],
        &[
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--file",
            "missing.csv",
        ],
    ];
    for args in commands {
        let out = env.oms(*args).code(2);
        out.stderr_has("error: cannot open missing.csv: ");
        assert_eq!(out.stdout, "", "{args:?}");
    }
    let runs = env.oms(["runs", "list", "-o", "json"]).ok().json();
    assert_eq!(
        runs.as_array().map(Vec::len),
        Some(0),
        "nothing ran: {runs}"
    );
}

#[test]
fn item9_flow_names_are_one_vocabulary() {
    let env = standard();
    env.oms(["run", "--only", "orders-import"]).ok();
    for spelling in ["orders-import", "orders_import", "orders import"] {
        let runs = env
            .oms(["runs", "list", "--flow", spelling, "-o", "json"])
            .ok()
            .json();
        let runs = runs.as_array().expect("runs");
        assert!(!runs.is_empty(), "{spelling} found no runs");
        assert!(runs.iter().all(|r| r["flow"] == "orders import"));
        env.oms(["rejects", "--flow", spelling]).ok();
    }
    for args in [
        vec!["runs", "list", "--flow", "orders-imprt"],
        vec!["rejects", "--flow", "orders-imprt"],
        vec!["run", "--only", "orders-imprt"],
    ] {
        env.oms(&args)
            .code(2)
            .stderr_has("`orders-imprt` is not a flow")
            .stderr_has("orders-import");
    }
}

#[test]
fn item12_show_headings_go_to_stdout_with_the_data() {
    let env = standard();
    env.oms([
        "po",
        "create",
        "--supplier",
        "Acme",
        "--warehouse",
        "east",
        "--line",
        "TEE-RED-M=3",
        "-q",
    ])
    .ok();
    let out = env.oms(["po", "show", "PO-000001"]).ok();
    out.stdout_has("lines:").stdout_has("story:");
    assert!(
        out.stdout.find("lines:") < out.stdout.find("TEE-RED-M"),
        "the heading comes before its table:\n{}",
        out.stdout
    );
    assert_eq!(out.stderr, "", "nothing of the view on stderr");
}
