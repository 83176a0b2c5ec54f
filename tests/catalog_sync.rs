//! `oms catalog sync`: import from the master product source, push to every other
//! channel that takes products, with SKU maps both ways, duplicates, manual edits the
//! master overwrites, dry runs and a disabled master.

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use serde_json::Value;

const SMALL: &str = include_str!("fixtures/products/catalog-small.csv");
const MASTER_WEB: &str = include_str!("fixtures/products/master-web.csv");
const MASTER_WEB_UPDATE: &str = include_str!("fixtures/products/master-web-update.csv");
const SHOPIFY: &str = include_str!("fixtures/products/shopify-products.csv");

/// The web shop and the east warehouse name some SKUs their own way; the Shopify shop is
/// disabled, so nothing goes to it (tests/shopify_catalog.rs pushes to a mock shop).
fn config(master: &str, web_enabled: bool) -> String {
    format!(
        r#"
database = "oms.db"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"
format = "json"
sku_map = {{ "E-MUG" = "MUG-1" }}

[fulfillment_channels.west-3pl]
kind = "files"
path = "channels/west-3pl"

[warehouses.east]
fulfillment_channel = "east-3pl"

[warehouses.west]
fulfillment_channel = "west-3pl"

[sales_channels.web]
kind = "files"
enabled = {web_enabled}
path = "channels/web"
sku_map = {{ "WEB-TEE-S" = "FT-S" }}

[sales_channels.shop]
kind = "shopify"
shop = "example.myshopify.com"
token_file = "shop.token"
enabled = false

[catalog]
master = "{master}"
"#
    )
}

fn workspace(master: &str) -> Env {
    workspace_with(&config(master, true))
}

fn workspace_with(toml: &str) -> Env {
    let env = Env::with_config(toml);
    env.write("shop.token", "not-a-real-token\n");
    for ch in ["web", "east-3pl", "west-3pl"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
        }
    }
    env
}

const WEB_INBOX: &str = "channels/web/inbox";

fn sync(env: &Env, extra: &[&str], code: i32) -> Value {
    let mut args = vec!["catalog", "sync", "-o", "json"];
    args.extend_from_slice(extra);
    env.oms(args).code(code).json()
}

fn channel<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["channels"]
        .as_array()
        .and_then(|list| list.iter().find(|c| c["channel"] == code))
        .unwrap_or_else(|| panic!("no channel {code} in {report:#}"))
}

fn item<'a>(report: &'a Value, outcome: &str, sku: &str) -> &'a Value {
    report["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|i| i["outcome"] == outcome && i["sku"] == sku)
        })
        .unwrap_or_else(|| panic!("no {outcome} item for {sku} in {report:#}"))
}

/// The product files in a channel's outbox, oldest first.
fn outbox(env: &Env, ch: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(env.path(&format!("channels/{ch}/outbox")))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| file_name(p).starts_with("products-"))
        .collect();
    files.sort();
    files
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// (sku, price) of every row of an oms-csv products file.
fn csv_rows(path: &Path) -> Vec<(String, String)> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.deserialize::<std::collections::HashMap<String, String>>()
        .map(|row| {
            let row = row.unwrap();
            (row["sku"].clone(), row["price"].clone())
        })
        .collect()
}

fn json_skus(path: &Path) -> Vec<String> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p["sku"].as_str().unwrap().to_string())
        .collect()
}

fn rows(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn count(env: &Env, sql: &str) -> i64 {
    env.db()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn show(env: &Env, sku: &str) -> Value {
    env.oms(["catalog", "show", sku, "-o", "json"]).ok().json()
}

/// Every file under the workspace's channels, for "nothing moved" checks.
fn tree(env: &Env) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p.display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(&env.path("channels"), &mut out);
    out.sort();
    out
}

#[test]
fn oms_as_master_pushes_the_catalog_to_every_channel_that_takes_products() {
    let env = workspace("oms");
    env.write("small.csv", SMALL);
    env.oms(["catalog", "import", "--file", "small.csv"]).ok();

    let done = env.oms(["catalog", "sync", "-o", "json"]).ok();
    let report = done.json();
    assert_eq!(report["outcome"], "ok");
    for code in ["web", "east-3pl", "west-3pl"] {
        let c = channel(&report, code);
        assert_eq!((&c["outcome"], &c["variants"]), (&"sent".into(), &3.into()));
    }
    assert!(
        report["channels"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["channel"] != "shop"),
        "a disabled channel gets nothing: {report}"
    );

    // Each channel gets the catalog under its own SKUs; the price keeps its cents.
    let web = outbox(&env, "web");
    assert_eq!(web.len(), 1);
    assert!(file_name(&web[0]).ends_with(".csv"));
    assert_eq!(
        csv_rows(&web[0]),
        rows(&[
            ("WEB-TEE-S", "28.00"),
            ("FT-M", "28.00"),
            ("MUG-1", "12.50")
        ])
    );
    let east = outbox(&env, "east-3pl");
    assert!(file_name(&east[0]).ends_with(".json"), "format = \"json\"");
    assert_eq!(json_skus(&east[0]), ["FT-S", "FT-M", "E-MUG"]);
    let west = outbox(&env, "west-3pl");
    assert_eq!(
        csv_rows(&west[0]),
        rows(&[("FT-S", "28.00"), ("FT-M", "28.00"), ("MUG-1", "12.50")])
    );

    // Nothing changed: nothing is sent again.
    let again = sync(&env, &[], 0);
    for code in ["web", "east-3pl", "west-3pl"] {
        assert_eq!(channel(&again, code)["outcome"], "unchanged", "{again:#}");
        assert_eq!(outbox(&env, code).len(), 1);
    }

    // A change goes everywhere, as a complete catalog.
    env.oms(["catalog", "edit", "--sku", "FT-M", "--price", "30"])
        .ok();
    let changed = sync(&env, &[], 0);
    assert_eq!(channel(&changed, "west-3pl")["outcome"], "sent");
    let west = outbox(&env, "west-3pl");
    assert_eq!(west.len(), 2);
    assert_eq!(
        csv_rows(&west[1]),
        rows(&[("FT-S", "28.00"), ("FT-M", "30.00"), ("MUG-1", "12.50")])
    );

    // --full sends even what the channel already has.
    let full = sync(&env, &["--full"], 0);
    assert_eq!(channel(&full, "east-3pl")["outcome"], "sent");
    assert_eq!(outbox(&env, "east-3pl").len(), 3);
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM runs WHERE flow = 'catalog sync' AND outcome = 'ok'"
        ),
        4
    );
}

#[test]
fn a_sales_channel_master_is_imported_then_pushed_to_the_others() {
    let env = workspace("web");
    env.write(&format!("{WEB_INBOX}/products-20261126.csv"), MASTER_WEB);

    let done = env.oms(["catalog", "sync", "-o", "json"]).code(3);
    // Both records of a duplicate are named, by file and line.
    done.stderr_has("products-20261126.csv:5: duplicate SKU `mug-1`")
        .stderr_has("first read at channels/web/inbox/products-20261126.csv:4")
        .stderr_has("products-20261126.csv:6: duplicate SKU `FT-S`")
        .stderr_has("first read at channels/web/inbox/products-20261126.csv:2");
    let report = done.json();
    assert_eq!(
        [
            &report["new"],
            &report["changed"],
            &report["skipped"],
            &report["rejected"]
        ],
        [3, 0, 2, 1],
        "{report:#}"
    );
    // The web shop's SKU is mapped to ours on the way in.
    let tee = item(&report, "new", "FT-S");
    assert_eq!(tee["channel_sku"], "WEB-TEE-S");
    let bottle = item(&report, "rejected", "BTL-1");
    assert!(
        bottle["message"]
            .as_str()
            .unwrap()
            .contains("products-20261126.csv:7: title: is empty"),
        "{bottle}"
    );

    let shown = show(&env, "ft-s");
    assert_eq!(
        (&shown["sku"], &shown["source"], &shown["price"]),
        (&"FT-S".into(), &"web".into(), &"28.00".into())
    );
    assert_eq!(
        show(&env, "MUG-1")["price"],
        "12.50",
        "the first record wins"
    );
    env.oms(["catalog", "show", "BTL-1"]).code(2);

    // The master's file is done; the master gets nothing back.
    assert!(
        env.path(&format!("{WEB_INBOX}/done/products-20261126.csv"))
            .exists()
    );
    assert!(
        !env.path(&format!("{WEB_INBOX}/products-20261126.csv"))
            .exists()
    );
    assert!(outbox(&env, "web").is_empty());
    assert_eq!(channel(&report, "web")["role"], "master");

    // Our SKUs go out mapped through each warehouse's own map.
    assert_eq!(
        json_skus(&outbox(&env, "east-3pl")[0]),
        ["FT-S", "FT-M", "E-MUG"]
    );
    assert_eq!(
        csv_rows(&outbox(&env, "west-3pl")[0]),
        rows(&[("FT-S", "28.00"), ("FT-M", "28.00"), ("MUG-1", "12.50")])
    );
}

#[test]
fn manual_edits_reach_only_other_channels_and_the_master_overwrites_them() {
    let env = workspace("web");
    env.write(&format!("{WEB_INBOX}/products-20261126.csv"), MASTER_WEB);
    sync(&env, &[], 3);

    env.oms(["catalog", "edit", "--sku", "MUG-1", "--price", "11.00"])
        .ok()
        .stderr_has("may overwrite this change");
    assert!(show(&env, "MUG-1")["manual_edit_at"].is_string());

    // Pushed to a non-master channel...
    let pushed = sync(&env, &["--channel", "west-3pl"], 0);
    assert_eq!(
        pushed["channels"].as_array().unwrap().len(),
        1,
        "{pushed:#}"
    );
    let west = outbox(&env, "west-3pl");
    assert_eq!(
        csv_rows(west.last().unwrap())[2],
        ("MUG-1".into(), "11.00".into())
    );
    assert!(outbox(&env, "web").is_empty(), "...never to the master");

    // ...until the master's next file replaces it, and the report says so.
    env.write(
        &format!("{WEB_INBOX}/products-20261127.csv"),
        MASTER_WEB_UPDATE,
    );
    let done = env.oms(["catalog", "sync", "-o", "json"]).ok();
    done.stderr_has("overwrote the manual edit of");
    let report = done.json();
    assert_eq!(
        [
            &report["new"],
            &report["changed"],
            &report["unchanged"],
            &report["overwritten"]
        ],
        [0, 2, 1, 1],
        "{report:#}"
    );
    let mug = item(&report, "changed", "MUG-1");
    assert!(mug["manual_edit_at"].is_string(), "{mug}");
    assert!(
        mug["message"]
            .as_str()
            .unwrap()
            .contains("price: 11.00 → 12.50"),
        "{mug}"
    );
    let tee = item(&report, "changed", "FT-M");
    assert!(tee["manual_edit_at"].is_null(), "no one edited FT-M: {tee}");

    let shown = show(&env, "MUG-1");
    assert_eq!(
        (&shown["price"], &shown["source"], &shown["manual_edit_at"]),
        (&"12.50".into(), &"web".into(), &Value::Null)
    );
    // The master's values went out to the other channels again.
    let west = outbox(&env, "west-3pl");
    assert_eq!(
        csv_rows(west.last().unwrap())[2],
        ("MUG-1".into(), "12.50".into())
    );
}

#[test]
fn dry_run_shows_the_plan_and_changes_nothing() {
    let env = workspace("web");
    env.write(&format!("{WEB_INBOX}/products-20261126.csv"), MASTER_WEB);
    env.write(
        &format!("{WEB_INBOX}/products-0-export.csv"),
        "name,price\nmug,1\n",
    );
    let before = tree(&env);

    let plan = sync(&env, &["--dry-run"], 3);
    assert_eq!(plan["dry_run"], true);
    assert_eq!(
        [&plan["new"], &plan["unreadable_files"]],
        [3, 1],
        "{plan:#}"
    );
    let unreadable = item(&plan, "unreadable", "");
    assert!(
        unreadable["message"]
            .as_str()
            .unwrap()
            .contains("products-0-export.csv:1: missing column(s): handle, sku"),
        "{unreadable}"
    );
    // The pushes are planned from the catalog the import would make.
    let east = channel(&plan, "east-3pl");
    assert_eq!(
        (&east["outcome"], &east["variants"]),
        (&"would send".into(), &3.into())
    );

    assert_eq!(tree(&env), before, "no file written or moved");
    for table in ["products", "variants", "runs", "watermarks"] {
        assert_eq!(
            count(&env, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }

    // The real run sets the unreadable file aside with its reason.
    sync(&env, &[], 3);
    let failed = env.read(&format!(
        "{WEB_INBOX}/failed/products-0-export.csv.error.txt"
    ));
    assert!(failed.contains("missing column(s)"), "{failed}");
    assert_eq!(count(&env, "SELECT count(*) FROM variants"), 3);
}

#[test]
fn a_disabled_master_syncs_nothing() {
    let env = workspace_with(&config("web", false));
    env.write(&format!("{WEB_INBOX}/products-20261126.csv"), MASTER_WEB);
    let before = tree(&env);

    let done = env.oms(["catalog", "sync", "-o", "json"]).ok();
    done.stderr_has("catalog.master `web` is disabled");
    let report = done.json();
    assert_eq!(report["outcome"], "skipped");
    assert!(report["channels"].as_array().unwrap().is_empty());
    assert_eq!(tree(&env), before);
    assert_eq!(count(&env, "SELECT count(*) FROM variants"), 0);
    assert_eq!(count(&env, "SELECT count(*) FROM runs"), 0, "nothing ran");

    env.oms(["catalog", "sync"])
        .ok()
        .stdout_has("skipped: the master channel is disabled");
}

#[test]
fn channel_limits_the_sync_to_the_import_or_one_push() {
    let env = workspace("web");
    env.write(&format!("{WEB_INBOX}/products-20261126.csv"), MASTER_WEB);

    let imported = sync(&env, &["--channel", "web"], 3);
    assert_eq!(imported["new"], 3);
    assert_eq!(imported["channels"].as_array().unwrap().len(), 1);
    assert!(outbox(&env, "east-3pl").is_empty() && outbox(&env, "west-3pl").is_empty());

    let pushed = sync(&env, &["--channel", "east-3pl"], 0);
    assert_eq!(channel(&pushed, "east-3pl")["outcome"], "sent");
    assert_eq!(outbox(&env, "east-3pl").len(), 1);
    assert!(outbox(&env, "west-3pl").is_empty());

    env.oms(["catalog", "sync", "--channel", "nowhere"])
        .code(2)
        .stderr_has("unknown channel `nowhere`");
}

#[test]
fn a_fulfillment_channel_can_be_the_master_with_shopify_csv() {
    let env = workspace("west-3pl");
    env.write("channels/west-3pl/inbox/products-export.csv", SHOPIFY);

    let report = sync(&env, &[], 3);
    assert_eq!([&report["new"], &report["rejected"]], [7, 1], "{report:#}");
    assert_eq!(
        show(&env, "FT-GRN-S")["barcode"],
        "3.65275E+11",
        "the text as written"
    );
    assert!(outbox(&env, "west-3pl").is_empty());
    let web = csv_rows(&outbox(&env, "web")[0]);
    assert_eq!(web.len(), 7);
    assert!(web.contains(&("WB-GRY".to_string(), "17.99".to_string())));
    assert_eq!(json_skus(&outbox(&env, "east-3pl")[0]).len(), 7);
}

/// SKU maps on the orders side: an order naming the shop's SKU lands on ours.
#[test]
fn order_import_maps_the_channel_sku_to_ours() {
    let env = workspace("oms");
    env.write("small.csv", SMALL);
    env.oms(["catalog", "import", "--file", "small.csv"]).ok();
    env.write(
        "orders.csv",
        "order_id,order_name,ship_name,ship_address1,ship_country,sku,quantity,price\n\
         7001,#7001,Ann Lee,1 Main St,US,WEB-TEE-S,2,28.00\n",
    );
    env.oms([
        "orders",
        "import",
        "--channel",
        "web",
        "--file",
        "orders.csv",
        "--format",
        "oms-csv",
    ])
    .ok();
    let (sku, channel_sku, quantity): (String, String, i64) = env
        .db()
        .query_row(
            "SELECT v.sku, l.channel_sku, l.quantity
             FROM order_lines l JOIN variants v ON v.id = l.variant_id
             JOIN orders o ON o.id = l.order_id WHERE o.external_id = '7001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("the order's line");
    assert_eq!(
        (sku.as_str(), channel_sku.as_str(), quantity),
        ("FT-S", "WEB-TEE-S", 2)
    );
}
