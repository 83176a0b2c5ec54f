//! `oms po export` on the files connector: one file per PO, once, named by its number.

mod common;
mod purchases_support;

use common::STANDARD_CONFIG;
use purchases_support::*;

#[test]
fn export_writes_one_file_per_po_once() {
    let env = workspace();
    let a = approved(&env, "east", &["TEE-RED-M=10", "MUG-1=5"]);
    let b = approved(&env, "east", &["TEE-BLUE-L=2"]);
    let c = approved(&env, "west", &["MUG-1=7"]);
    draft(&env, "east", &["MUG-1=1"]);

    let dry = env
        .oms(["po", "export", "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(items(&dry, "would_export").len(), 3, "{dry:#}");
    assert!(
        files(&env, EAST_OUTBOX).is_empty(),
        "a dry run sends nothing"
    );
    assert!(show(&env, &a)["exported_at"].is_null());

    let report = env
        .oms(["po", "export", "--channel", "east-3pl", "-o", "json"])
        .ok()
        .json();
    assert_eq!(report["exported"], 2, "{report:#}");
    assert_eq!(
        files(&env, EAST_OUTBOX),
        [format!("po-{a}.csv"), format!("po-{b}.csv")]
    );
    assert!(
        files(&env, "channels/west-3pl/outbox").is_empty(),
        "--channel limits the export"
    );
    let text = env.read(&format!("{EAST_OUTBOX}/po-{a}.csv"));
    assert_eq!(
        text,
        "po_number,supplier,warehouse,location_id,expected_at,note,sku,quantity,lot,serial\n\
         PO-000001,Acme Textiles,east,,,,TEE-RED-M,10,,\n\
         PO-000001,Acme Textiles,east,,,,MUG-1,5,,\n"
    );
    assert!(show(&env, &a)["exported_at"].is_string());

    let all = env.oms(["po", "export", "-o", "json"]).ok().json();
    assert_eq!(all["exported"], 1, "only the west PO was left: {all:#}");
    assert_eq!(all["items"][0]["po"], c.as_str());
    let again = env.oms(["po", "export", "-o", "json"]).ok().json();
    assert_eq!(again["exported"], 0, "each PO is exported once");
    let runs = env
        .oms(["runs", "list", "--flow", "po export", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        runs.as_array().map(Vec::len),
        Some(2),
        "one run per channel with work: {runs:#}"
    );
}

#[test]
fn export_in_json_for_a_json_channel() {
    let config = STANDARD_CONFIG.replace(
        "path = \"channels/east-3pl\"",
        "path = \"channels/east-3pl\"\nformat = \"json\"",
    );
    let env = workspace_with(&config);
    let n = approved(&env, "east", &["TEE-RED-M=10"]);
    env.oms(["po", "export"]).ok();
    let sent: serde_json::Value =
        serde_json::from_str(&env.read(&format!("{EAST_OUTBOX}/po-{n}.json"))).expect("json");
    assert_eq!(sent["number"], n.as_str());
    assert_eq!(sent["lines"][0]["sku"], "TEE-RED-M");
    assert_eq!(sent["lines"][0]["quantity"], 10);
}

#[test]
fn a_resend_after_a_crash_rewrites_the_same_file() {
    let env = workspace();
    let n = approved(&env, "east", &["MUG-1=5"]);
    env.oms(["po", "export"]).ok();
    // The crash: the file was written but the database never heard it was sent.
    env.db()
        .execute("UPDATE purchase_orders SET exported_at = NULL", [])
        .expect("forget");
    let again = env.oms(["po", "export", "-o", "json"]).ok().json();
    assert_eq!(again["exported"], 1);
    assert_eq!(
        files(&env, EAST_OUTBOX),
        [format!("po-{n}.csv")],
        "same name, one file"
    );
}

#[test]
fn a_failed_send_is_reported_and_retried_next_time() {
    let env = workspace();
    let n = approved(&env, "east", &["MUG-1=5"]);
    std::fs::remove_dir_all(env.path(EAST_OUTBOX)).expect("rm outbox");
    env.write(EAST_OUTBOX, "a file where the folder should be");
    let report = env.oms(["po", "export", "-o", "json"]).code(1).json();
    let failed = items(&report, "failed");
    assert_eq!(failed.len(), 1, "{report:#}");
    assert!(
        failed[0]["message"].as_str().unwrap().contains("cannot"),
        "{report:#}"
    );
    assert!(show(&env, &n)["exported_at"].is_null());
    let run = &env
        .oms(["runs", "list", "--flow", "po export", "-o", "json"])
        .ok()
        .json()[0];
    assert_eq!(run["outcome"], "failed");

    // The folder back in its place (oms never creates a missing outbox itself).
    std::fs::remove_file(env.path(EAST_OUTBOX)).expect("rm file");
    std::fs::create_dir(env.path(EAST_OUTBOX)).expect("mkdir");
    env.oms(["po", "export"]).ok();
    assert_eq!(files(&env, EAST_OUTBOX), [format!("po-{n}.csv")]);
}
