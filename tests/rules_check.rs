//! `oms rules test` (parsed as JSON) for a stored order and for a file not yet imported,
//! and every rule mistake named as file:line:key by `oms config check`.

mod common;
mod process_support;
mod rules_support;

use common::Env;
use process_support::stock;
use rules_support::*;
use serde_json::Value;

fn one(id: &str, sku: &str, quantity: &str, extra: &[(&str, &str)]) -> String {
    let mut f = vec![("order_id", id), ("sku", sku), ("quantity", quantity)];
    f.extend_from_slice(extra);
    row(&f)
}

fn rules_test(env: &Env, args: &[&str]) -> Value {
    let mut argv = vec!["rules", "test"];
    argv.extend_from_slice(args);
    argv.extend(["-o", "json"]);
    env.oms(argv).env("OMS_TEST_NOW", T0).ok().json()
}

/// A workspace with only a config: a config that fails stops every other command.
fn config_only(rules: &str) -> Env {
    Env::with_config(&process_support::config_with(&[], rules))
}

const TEST_RULES: &str = r#"
[[sales_channels.web.rules]]
name = "international"
not = { country = "US" }
warehouse = "west"

[[sales_channels.web.rules]]
name = "vip or big"
any = [{ tag = "vip" }, { total_over = 100.0 }]
status = "draft"
add_tag = "review"

[[sales_channels.web.rules]]
name = "scarce tee"
when = "process"
stock_below = { sku = "TEE-RED-M", quantity = 3 }
max_splits = 1
"#;

#[test]
fn rules_test_shows_every_rule_for_a_stored_order() {
    let env = rules_env("", TEST_RULES);
    stock(&env, &[("east", "TEE-RED-M", 2)]);
    import(
        &env,
        &csv(&[one(
            "X",
            "TEE-RED-M",
            "1",
            &[("ship_country", "US"), ("price", "10")],
        )]),
    );
    let id = order_id(&env, "X");
    let r = rules_test(&env, &["--order", &id.to_string()]);
    let o = &r["orders"][0];
    assert_eq!(o["order_id"], id);
    let rules = o["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 3);
    assert_eq!(rules[0]["matched"], false);
    assert_eq!(rules[0]["failed"], "not: country = US holds");
    assert_eq!(rules[1]["matched"], false);
    let why = rules[1]["failed"].as_str().unwrap();
    assert!(why.starts_with("any: none holds"), "{why}");
    assert!(why.contains("total is 10.00, not over 100.00"), "{why}");
    assert_eq!(rules[2]["when"], "process");
    assert_eq!(rules[2]["matched"], true, "{r}");
    assert_eq!(rules[2]["effects"][0], "max_splits = 1");
    assert_eq!(o["at_process"]["max_splits"], 1);
    assert_eq!(o["at_import"]["warehouse"], Value::Null);
}

#[test]
fn rules_test_reads_a_file_not_yet_imported() {
    let env = rules_env("", TEST_RULES);
    env.write(
        "new.csv",
        &csv(&[
            one(
                "N1",
                "TEE-RED-M",
                "1",
                &[("ship_country", "CA"), ("tags", "vip")],
            ),
            one("N2", "MUG-1", "1", &[("ship_country", "US")]),
        ]),
    );
    let r = rules_test(&env, &["--file", "new.csv", "--format", "oms-csv"]);
    let orders = r["orders"].as_array().unwrap();
    assert_eq!(orders.len(), 2);
    let n1 = &orders[0];
    assert_eq!(n1["source"], "new.csv:2");
    assert_eq!(n1["at_import"]["warehouse"], "west");
    assert_eq!(n1["at_import"]["status"], "draft");
    assert_eq!(n1["at_import"]["add_tags"][0], "review");
    assert_eq!(n1["rules"][1]["effects"][0], "status = draft");
    assert_eq!(n1["rules"][2]["matched"], false);
    assert_eq!(orders[1]["rules"][0]["matched"], false);
    let none: i64 = env
        .db()
        .query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(none, 0, "testing imports nothing");
}

#[test]
fn rule_mistakes_are_named_by_config_check() {
    let env = config_only(
        r#"
[[sales_channels.web.rules]]
name = "ok"
tag = "vip"
status = "draft"

[[sales_channels.web.rules]]
when = "later"
status = "held"
hold = "a while"
warehouse = "north"
carrier_service = "pigeon"
max_splits = 0
add_line = { sku = "GIFT", quantity = 0 }
any = [{ requested_warehouse = "south" }, { status_is = "lost" }, { carrier_service_is = "owl" }]

[[sales_channels.web.rules]]
only_enough_stock = true
stock_below = { sku = "CAP-1", quantity = 2 }
"#,
    );
    let done = env.oms(["config", "check"]).run();
    assert_eq!(done.code, 2, "{done:?}");
    let all = format!("{}{}", done.stdout, done.stderr);
    for at in [
        "oms.toml:49:8: sales_channels.web.rules[1].when",
        "oms.toml:50:10: sales_channels.web.rules[1].status",
        "oms.toml:51:8: sales_channels.web.rules[1].hold",
        "oms.toml:52:13: sales_channels.web.rules[1].warehouse",
        "oms.toml:53:19: sales_channels.web.rules[1].carrier_service",
        "oms.toml:54:14: sales_channels.web.rules[1].max_splits",
        "oms.toml:55:39: sales_channels.web.rules[1].add_line.quantity",
        "oms.toml:56:32: sales_channels.web.rules[1].requested_warehouse",
        "oms.toml:56:57: sales_channels.web.rules[1].status_is",
        "oms.toml:56:90: sales_channels.web.rules[1].carrier_service_is",
        "oms.toml:58:1: sales_channels.web.rules[2].only_enough_stock",
        "oms.toml:60:23: sales_channels.web.rules[2].stock_below",
    ] {
        assert!(all.contains(at), "missing {at}:\n{all}");
    }
    assert!(all.contains("oms.toml:"), "{all}");
    assert!(all.contains("unknown warehouse `south`"), "{all}");
    assert!(all.contains("`lost` is not an order status"), "{all}");
    assert!(all.contains("unknown carrier service `owl`"), "{all}");
    assert!(all.contains("add `when = \"process\"`"), "{all}");
    // A misspelt key is named with its line by the parser.
    let typo = config_only("\n[[sales_channels.web.rules]]\ncountri = \"US\"\n");
    let done = typo.oms(["config", "check"]).run();
    assert_eq!(done.code, 2);
    let all = format!("{}{}", done.stdout, done.stderr);
    assert!(
        all.contains("oms.toml:") && all.contains("countri"),
        "{all}"
    );
    // A value of the wrong type is named by its key, under the rule it belongs to.
    let typed = config_only(
        "\n[[sales_channels.web.rules]]\ntag = \"a\"\n\n[[sales_channels.web.rules]]\nunits_over = \"many\"\n",
    );
    let done = typed.oms(["config", "check"]).run();
    assert_eq!(done.code, 2);
    let all = format!("{}{}", done.stdout, done.stderr);
    assert!(
        all.contains("oms.toml:47:14: sales_channels.web.rules[1].units_over: expected a whole number, found the text \"many\""),
        "{all}"
    );
}
