//! Issue 10 part B: bad input is refused with a message that names where and why, and the
//! rest still works. One test per item, named after it.

mod common;
mod orders_support;

use common::{Env, STANDARD_CONFIG};
use orders_support::{HEADER, env_with_catalog, import_file};
use serde_json::Value;

fn with_shop(base_url: &str) -> Env {
    let env = Env::with_config(&format!(
        "{STANDARD_CONFIG}\n[sales_channels.shop]\nkind = \"shopify\"\nshop = \"x.myshopify.com\"\n\
         base_url = \"{base_url}\"\ntoken_file = \"shop.token\"\n"
    ));
    env.write("shop.token", "shpat_test\n");
    set_mode(&env.path("shop.token"), 0o600);
    env
}

fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn item10_loopback_exception_is_decided_by_the_parsed_host() {
    for evil in [
        "http://127.0.0.1@evil.example",
        "http://127.evil.example",
        "http://localhost.evil.example",
        "http://localhost@evil.example:8080",
        "ftp://127.0.0.1",
    ] {
        let env = with_shop(evil);
        let out = env.oms(["config", "check"]).code(2);
        out.stderr_has("sales_channels.shop.base_url:");
        // Nothing else in the workspace is usable with a config that would leak the token.
        env.oms(["status"]).code(2);
    }
    for fine in [
        "http://127.0.0.1:8080/admin",
        "http://127.1.2.3",
        "http://localhost:9000",
        "http://[::1]:8080",
        "https://proxy.example/shop",
    ] {
        let env = with_shop(fine);
        env.oms(["config", "check"]).ok();
    }
    let env = with_shop("https://user:pw@proxy.example");
    env.oms(["config", "check"])
        .code(2)
        .stderr_has("must not contain user-info");
}

#[test]
fn item10_http_client_refuses_hosts_that_only_look_local() {
    let env = with_shop("https://proxy.example");
    let config = oms::config::load(Some(&env.path("oms.toml")), None).unwrap();
    let ch = &config.sales_channels["shop"];
    for evil in [
        "http://127.0.0.1@evil.example",
        "http://127.evil.example",
        "http://localhost.evil.example",
    ] {
        let auth = oms::connectors::http::Auth {
            header: "x-shopify-access-token",
            prefix: "",
        };
        let err = oms::connectors::http::HttpClient::new(
            "shop",
            ch,
            evil,
            auth,
            oms::connectors::http::Pacing::None,
        )
        .err()
        .unwrap_or_else(|| panic!("{evil} was accepted"));
        assert_eq!(err.kind, oms::connectors::http::HttpErrorKind::Refused);
    }
}

#[test]
fn item10_token_file_readable_by_others_is_warned_about() {
    let env = with_shop("https://proxy.example");
    let quiet = env.oms(["config", "check"]).ok();
    assert!(!quiet.stderr.contains("readable by group or others"));
    set_mode(&env.path("shop.token"), 0o644);
    let out = env.oms(["config", "check"]).ok();
    out.stderr_has("sales_channels.shop.token_file:");
    out.stderr_has("readable by group or others (mode 644)");
}

#[test]
fn item11b_unset_secret_stops_only_the_commands_that_use_its_channel() {
    let config = format!(
        "{STANDARD_CONFIG}\n[sales_channels.shop]\nkind = \"shopify\"\nshop = \"x.myshopify.com\"\n\
         base_url = \"http://127.0.0.1:1\"\ntoken = \"${{OMS_TEST_UNSET_SHOP_TOKEN}}\"\n"
    );
    let env = Env::with_config(&config);
    // Commands that never talk to the shop run.
    env.oms(["init"]).run();
    env.oms(["status", "-o", "json"]).ok();
    env.oms(["orders", "list", "-o", "json"]).ok();
    // `config check` still reports the missing variable, naming file, line and key.
    let line = config
        .lines()
        .position(|l| l.contains("OMS_TEST_UNSET_SHOP_TOKEN"))
        .unwrap()
        + 1;
    env.oms(["config", "check"]).code(2).stderr_has(&format!(
        "oms.toml:{line}:9: sales_channels.shop.token: environment variable \
         `OMS_TEST_UNSET_SHOP_TOKEN` is not set"
    ));
    // The shop's own flow fails on it, with the same words.
    let out = env.oms(["orders", "import", "--channel", "shop"]).run();
    assert_ne!(out.code, 0);
    out.stderr_has("environment variable `OMS_TEST_UNSET_SHOP_TOKEN` is not set");
}

/// Every view an operator looks at, each of which must answer whatever is stored.
fn every_view_answers(env: &Env, order: &str) {
    let list = env.oms(["orders", "list", "-o", "json"]).ok().json();
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["external_id"] == order)
        .unwrap_or_else(|| panic!("{order} not in {list}"))["id"]
        .to_string();
    env.oms(["orders", "show", &id, "-o", "json"]).ok();
    env.oms(["orders", "list", "--backordered", "-o", "json"])
        .ok();
    env.oms(["status", "-o", "json"]).ok();
    env.oms(["status"]).ok();
    env.oms(["stock", "show", "-o", "json"]).ok();
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn item3_absurd_quantity_is_rejected_naming_the_limit() {
    let env = env_with_catalog();
    env.write(
        "orders.csv",
        &format!(
            "{HEADER}Q1,#Q1,,Ann,1 Main St,Boston,02134,US,19.99,TEE-BLK-S,9223372036854775807,19.99\n\
             Q2,#Q2,,Bob,1 Main St,Austin,78701,US,12.50,MUG-WHT,5000000000000000000,12.50\n\
             Q2,#Q2,,Bob,1 Main St,Austin,78701,US,12.50,CAP-RED,5000000000000000000,15.00\n\
             Q3,#Q3,,Cy,1 Main St,Austin,78701,US,25.00,MUG-WHT,1000000,0.01\n\
             Q4,#Q4,,Di,1 Main St,Austin,78701,US,25.00,MUG-WHT,2,12.50\n"
        ),
    );
    let r = import_file(&env, "orders.csv", "oms-csv").code(3).json();
    assert_eq!(
        (&r["imported"], &r["rejected"]),
        (&Value::from(2), &Value::from(2)),
        "{r}"
    );
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    let text = rejects.to_string();
    assert!(
        text.contains("orders.csv:2: quantity: `9223372036854775807` is more than the limit of 1000000 units per line (defaults.max_line_quantity)"),
        "{text}"
    );
    assert!(
        text.contains("orders.csv:3: quantity: `5000000000000000000`"),
        "{text}"
    );
    assert!(
        text.contains("orders.csv:4: quantity: `5000000000000000000`"),
        "{text}"
    );
    every_view_answers(&env, "Q4");

    // The limit is the operator's to set.
    let lower = std::fs::read_to_string(env.path("oms.toml"))
        .unwrap()
        .replace("max_splits = 2", "max_splits = 2\nmax_line_quantity = 5");
    env.write("oms.toml", &lower);
    env.write(
        "more.csv",
        &format!("{HEADER}Q5,#Q5,,Ed,1 Main St,Austin,78701,US,12.50,MUG-WHT,6,12.50\n"),
    );
    let r = import_file(&env, "more.csv", "oms-csv").code(3).json();
    assert_eq!(r["rejected"], 1, "{r}");
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    assert!(
        rejects
            .to_string()
            .contains("is more than the limit of 5 units per line"),
        "{rejects}"
    );
}

#[test]
fn item3_views_answer_even_for_absurd_quantities_stored_before_the_bound() {
    let env = env_with_catalog();
    env.write(
        "orders.csv",
        &format!(
            "{HEADER}Q1,#Q1,,Ann,1 Main St,Boston,02134,US,19.99,TEE-BLK-S,1,19.99\n\
             Q1,#Q1,,Ann,1 Main St,Boston,02134,US,19.99,MUG-WHT,1,12.50\n"
        ),
    );
    import_file(&env, "orders.csv", "oms-csv").ok();
    // As an older oms without the bound could have stored them.
    env.db()
        .execute("UPDATE order_lines SET quantity = 5000000000000000000", [])
        .unwrap();
    every_view_answers(&env, "Q1");
    let list = env.oms(["orders", "list", "-o", "json"]).ok().json();
    assert_eq!(list[0]["units"], Value::from(i64::MAX), "{list}");
}

#[test]
fn item3_the_limit_itself_is_checked() {
    let env = Env::with_config(
        &STANDARD_CONFIG.replace("max_splits = 2", "max_splits = 2\nmax_line_quantity = 0"),
    );
    env.oms(["config", "check"])
        .code(2)
        .stderr_has("defaults.max_line_quantity: must be between 1 and");
}

#[test]
fn item6_an_unbalanced_quote_names_the_orders_it_swallowed() {
    let env = env_with_catalog();
    let header = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity,price,note\n";
    env.write(
        "orders.csv",
        &format!(
            "{header}7001,#7001,Ann,1 Main St,Boston,02134,US,MUG-WHT,1,12.50,fine\n\
             7003,#7003,Bob,1 Main St,Austin,78701,US,MUG-WHT,1,12.50,\"plain unclosed\n\
             7004,#7004,Cy,1 Main St,Austin,78701,US,CAP-RED,1,15.00,\"gift, wrap\"\n\
             7005,#7005,Di,1 Main St,Austin,78701,US,MUG-WHT,2,12.50,ok\n"
        ),
    );
    let r = import_file(&env, "orders.csv", "oms-csv").code(3).json();
    assert_eq!(
        (&r["imported"], &r["rejected"]),
        (&Value::from(2), &Value::from(1)),
        "{r}"
    );
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    let text = rejects.to_string();
    assert!(
        text.contains("orders.csv:3-4: note: a quoted value runs from line 3 to line 4"),
        "{text}"
    );
    assert!(text.contains("order_id found inside: 7004"), "{text}");
    assert_eq!(rejects.as_array().unwrap().len(), 1, "{rejects}");
    // A value that legitimately spans lines is still fine.
    env.write(
        "notes.csv",
        &format!(
            "{header}7101,#7101,Ann,1 Main St,Boston,02134,US,MUG-WHT,1,12.50,\"Leave at the back door.\n\
             Ring twice, then wait.\"\n"
        ),
    );
    import_file(&env, "notes.csv", "oms-csv").ok();
}

#[test]
fn item5_an_oversized_record_is_refused_naming_its_line() {
    let env = env_with_catalog();
    let mut text = format!("{HEADER}R1,#R1,,Ann,1 Main St,Boston,02134,US,12.50,MUG-WHT,1,12.50\n");
    text.push_str("R2,#R2,,Bob,1 Main St,Austin,78701,US,12.50,MUG-WHT,1,\"");
    text.push_str(&"9".repeat(3 << 20));
    text.push_str("\"\nR3,#R3,,Cy,1 Main St,Austin,78701,US,12.50,MUG-WHT,1,12.50\n");
    env.write("big.csv", &text);
    let r = import_file(&env, "big.csv", "oms-csv").code(3).json();
    assert_eq!(r["rejected"], 1, "{r}");
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    assert!(
        rejects
            .to_string()
            .contains("big.csv:3: a record starting on this line is longer than 1048576 bytes"),
        "{rejects}"
    );
    // One line with no newline at all: refused at the header.
    env.write("one-line.csv", &"x".repeat(3 << 20));
    let out = import_file(&env, "one-line.csv", "oms-csv").run();
    assert_ne!(out.code, 0);
    assert!(
        format!("{}{}", out.stdout, out.stderr).contains("longer than 1048576 bytes"),
        "{out:?}"
    );
}

#[test]
fn item9_records_that_are_no_orders_are_each_reported_and_stored() {
    let env = env_with_catalog();
    env.write("a.json", "[1,2,3]\n");
    let r = import_file(&env, "a.json", "oms-json").code(3).json();
    assert_eq!(r["rejected"], 3, "{r}");
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    let sources: Vec<&str> = rejects
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["source"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources.len(),
        3,
        "the report and the stored rejections agree: {rejects}"
    );
    for n in 1..=3 {
        assert!(
            sources.contains(&format!("a.json:1 (record {n})").as_str()),
            "{sources:?}"
        );
    }
}

/// `lines = header + blank + in_orders + in_rejections + not_read` for a file's account.
fn balanced(file: &Value) -> bool {
    let n = |k: &str| file[k].as_u64().unwrap_or_else(|| panic!("{k} in {file}"));
    n("lines") == n("header") + n("blank") + n("in_orders") + n("in_rejections") + n("not_read")
}

#[test]
fn item6_every_physical_line_of_a_file_is_accounted_for() {
    let header = "order_id,order_name,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity,price,note\n";
    // 1 header, 2 an order, 3 blank, 4-5 an order with a two-line note, 6 separators
    // only, 7-8 an unbalanced quote swallowing 7004, 9 an order, 10 blank.
    let text = format!(
        "{header}7001,#7001,Ann,1 Main St,Boston,02134,US,MUG-WHT,1,12.50,fine\n\
         \n\
         7101,#7101,Ann,1 Main St,Boston,02134,US,MUG-WHT,1,12.50,\"Leave at the back door.\n\
         Ring twice.\"\n\
         ,,,,,,,,,\n\
         7003,#7003,Bob,1 Main St,Austin,78701,US,MUG-WHT,1,12.50,\"plain unclosed\n\
         7004,#7004,Cy,1 Main St,Austin,78701,US,CAP-RED,1,15.00,\"gift, wrap\"\n\
         7005,#7005,Di,1 Main St,Austin,78701,US,MUG-WHT,2,12.50,ok\n\
         \n"
    );
    let expected = |source: &str| {
        serde_json::json!([{
            "source": source, "lines": 10, "header": 1, "blank": 3,
            "in_orders": 4, "in_rejections": 2, "not_read": 0,
        }])
    };

    let env = env_with_catalog();
    env.write("orders.csv", &text);
    let r = import_file(&env, "orders.csv", "oms-csv").code(3).json();
    assert_eq!(
        (&r["imported"], &r["rejected"]),
        (&3.into(), &1.into()),
        "{r:#}"
    );
    assert_eq!(r["files"], expected("orders.csv"), "{r:#}");
    // The table says where the lines went when some did not become orders.
    let table = env
        .oms([
            "orders",
            "import",
            "--file",
            "orders.csv",
            "--format",
            "oms-csv",
        ])
        .code(3);
    assert!(
        table
            .stdout
            .contains("orders.csv: 10 = 1 header + 3 blank + 4 in orders + 2 in rejections"),
        "{}",
        table.stdout
    );

    // The same account for a file picked up from a channel's inbox.
    let env = env_with_catalog();
    env.write("channels/web/inbox/orders-1.csv", &text);
    let r = env.oms(["orders", "import", "-o", "json"]).code(3).json();
    assert_eq!(
        r["files"],
        expected("channels/web/inbox/orders-1.csv"),
        "{r:#}"
    );

    // A file whose reading stops (a record over the limit) counts the lines after the
    // stop as not read, and still balances.
    let mut big =
        format!("{header}7001,#7001,Ann,1 Main St,Boston,02134,US,MUG-WHT,1,12.50,fine\n");
    big.push_str("7002,#7002,Bob,1 Main St,Austin,78701,US,MUG-WHT,1,12.50,\"");
    big.push_str(&"z".repeat(1 << 21));
    big.push_str("\"\n7003,#7003,Cy,1 Main St,Austin,78701,US,MUG-WHT,1,12.50,ok\n");
    env.write("big.csv", &big);
    let r = import_file(&env, "big.csv", "oms-csv").code(3).json();
    let file = &r["files"][0];
    assert!(balanced(file), "{file}");
    let first = file["in_orders"].as_u64().unwrap() + file["in_rejections"].as_u64().unwrap();
    assert_eq!((first, &file["header"]), (1, &1.into()), "{file}");
    assert!(file["not_read"].as_u64() > Some(0), "{file}");
}
