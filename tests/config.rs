mod common;

use common::{Env, STANDARD_CONFIG};

#[test]
fn standard_config_checks_clean() {
    let env = Env::standard();
    let out = env.oms(["config", "check", "-o", "json"]).ok();
    let v = out.json();
    assert_eq!(v["warehouses"], 2);
    assert_eq!(v["virtual_warehouses"], 1);
    assert_eq!(v["catalog_master"], "oms");
}

#[test]
fn typo_key_is_named_with_line() {
    let env = Env::with_config(&STANDARD_CONFIG.replace("priority = 2", "prioirty = 2"));
    let out = env.oms(["config", "check"]).code(2);
    let line = STANDARD_CONFIG
        .lines()
        .position(|l| l.contains("priority = 2"))
        .unwrap()
        + 1;
    out.stderr_has(&format!(
        "oms.toml:{line}:1: warehouses.west.prioirty: unknown key `prioirty` in [warehouses.west]; did you mean `priority`?"
    ));
}

#[test]
fn missing_env_secret_is_named() {
    let config = format!(
        "{STANDARD_CONFIG}\n[sales_channels.shop]\nkind = \"shopify\"\nshop = \"x.myshopify.com\"\ntoken = \"${{OMS_TEST_UNSET_TOKEN}}\"\n"
    );
    let env = Env::with_config(&config);
    let out = env.oms(["config", "check"]).code(2);
    out.stderr_has(
        "sales_channels.shop.token: environment variable `OMS_TEST_UNSET_TOKEN` is not set",
    );
    // With the variable set, the same config is fine and the secret never shows.
    let ok = env
        .oms(["config", "show"])
        .env("OMS_TEST_UNSET_TOKEN", "shpat_secret_value")
        .ok();
    assert!(!ok.stdout.contains("shpat_secret_value"));
    ok.stdout_has("${OMS_TEST_UNSET_TOKEN}");
}

#[test]
fn literal_token_in_file_is_refused_and_redacted_nowhere() {
    let config = format!(
        "{STANDARD_CONFIG}\n[sales_channels.shop]\nkind = \"shopify\"\nshop = \"x.myshopify.com\"\ntoken = \"shpat_literal\"\n"
    );
    let env = Env::with_config(&config);
    let out = env.oms(["config", "check"]).code(2);
    out.stderr_has("sales_channels.shop.token: write secrets as `${VAR}`");
    assert!(!out.stderr.contains("shpat_literal"));
}

#[test]
fn token_file_is_read() {
    let config = format!(
        "{STANDARD_CONFIG}\n[fulfillment_channels.sb]\nkind = \"shipbob\"\ntoken_file = \"sb.token\"\n"
    );
    let env = Env::with_config(&config);
    env.oms(["config", "check"]).code(2).stderr_has("sb.token");
    env.write("sb.token", "pat_123\n");
    env.oms(["config", "check"]).ok();
}

#[test]
fn virtual_warehouse_with_unknown_member() {
    let env = Env::with_config(&STANDARD_CONFIG.replace(
        r#"members = ["east", "west"]"#,
        r#"members = ["east", "north"]"#,
    ));
    let out = env.oms(["warehouses", "list"]).code(2);
    out.stderr_has("virtual_warehouses.all.members: unknown warehouse `north` (known: east, west)");
}

#[test]
fn references_to_unknown_things_are_all_reported() {
    let bad = STANDARD_CONFIG
        .replace(
            "fulfillment_channel = \"west-3pl\"",
            "fulfillment_channel = \"nowhere\"",
        )
        .replace("stock_source = \"all\"", "stock_source = \"everything\"")
        .replace("warehouse = \"east\"", "warehouse = \"all\"");
    let env = Env::with_config(&bad);
    let out = env.oms(["config", "check"]).code(2);
    out.stderr_has("warehouses.west.fulfillment_channel: unknown fulfillment channel `nowhere`");
    out.stderr_has("sales_channels.web.stock_source: unknown warehouse `everything`");
    out.stderr_has("defaults.warehouse: `all` is a virtual warehouse");
}

#[test]
fn no_config_anywhere_is_a_usage_error() {
    let env = Env::empty();
    env.oms(["warehouses", "list"])
        .code(2)
        .stderr_has("no config file found");
}

#[test]
fn config_from_env_var_and_db_override() {
    let env = Env::empty();
    env.write("elsewhere/my.toml", STANDARD_CONFIG);
    let out = env
        .oms(["config", "check", "-o", "json"])
        .env("OMS_CONFIG", env.path("elsewhere/my.toml"))
        .env("OMS_DB", env.path("other.db"))
        .ok();
    assert!(
        out.json()["database"]
            .as_str()
            .unwrap()
            .ends_with("other.db")
    );
}

#[test]
fn init_without_terminal_needs_yes() {
    let env = Env::empty();
    env.oms(["init", "shop"]).code(2).stderr_has("pass --yes");
    assert!(!env.path("shop/oms.toml").exists());
    env.oms(["init", "shop", "--yes"]).ok();
    env.oms(["--config", "shop/oms.toml", "config", "check"])
        .ok();
    // Refuses to overwrite.
    env.oms(["init", "shop", "--yes"])
        .code(2)
        .stderr_has("already exists");
}

#[cfg(unix)]
#[test]
fn database_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::empty();
    env.oms([
        "init",
        ".",
        "--warehouse",
        "main",
        "--sales-channel",
        "shop",
        "--fulfillment-channel",
        "wms",
    ])
    .ok();
    let mode = std::fs::metadata(env.path("oms.db"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn warehouses_list_as_csv() {
    let env = Env::standard();
    let rows = env.oms(["warehouses", "list", "-o", "csv"]).ok().csv();
    let codes: Vec<&str> = rows.iter().map(|r| r["code"].as_str()).collect();
    assert_eq!(codes, ["east", "west", "all"]);
    assert_eq!(rows[2]["members"], "east, west");
}

#[test]
fn manual_is_reserved_for_orders_entered_by_hand() {
    let env = Env::with_config(
        &STANDARD_CONFIG.replace("[sales_channels.web]", "[sales_channels.manual]"),
    );
    env.oms(["config", "check"])
        .code(2)
        .stderr_has("sales_channels.manual: `manual` is reserved");
}
