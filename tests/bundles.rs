//! Bundles in the catalog: `oms catalog bundle set|list|show|remove`, the bundles file,
//! and the rules that keep a bundle a bundle (no bundle inside a bundle, no stock of its own).

mod common;

use common::Env;
use serde_json::Value;

const CATALOG: &str = "handle,title,sku,price\n\
    kit-one,Kit One,KIT-1,30.00\n\
    kit-two,Kit Two,KIT-2,50.00\n\
    part-a,Part A,A,5.00\n\
    part-b,Part B,B,7.00\n\
    part-c,Part C,C,2.00\n";

fn workspace() -> Env {
    let env = Env::standard();
    env.write("catalog.csv", CATALOG);
    env.oms(["catalog", "import", "--file", "catalog.csv"]).ok();
    env
}

fn bundle_rows(env: &Env) -> Vec<(String, String, i64)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT p.sku, c.sku, b.quantity FROM bundle_components b
             JOIN variants p ON p.id = b.bundle_id JOIN variants c ON c.id = b.component_id
             ORDER BY p.sku, c.sku",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn row(p: &str, c: &str, q: i64) -> (String, String, i64) {
    (p.into(), c.into(), q)
}

fn components(v: &Value) -> Vec<(String, i64)> {
    v["components"]
        .as_array()
        .expect("components")
        .iter()
        .map(|c| {
            (
                c["sku"].as_str().unwrap().to_string(),
                c["quantity"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn bundle_set_show_list_and_remove() {
    let env = workspace();
    let set = env
        .oms([
            "catalog",
            "bundle",
            "set",
            "kit-1",
            "--component",
            "A=2",
            "--component",
            "b=1",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(components(&set.json()), [("A".into(), 2), ("B".into(), 1)]);
    assert!(set.stderr.contains("bundle KIT-1 set"), "{}", set.stderr);

    // `catalog show` lists the components; a plain variant has none.
    let shown = env
        .oms(["catalog", "show", "KIT-1", "-o", "json"])
        .ok()
        .json();
    assert_eq!(components(&shown), [("A".into(), 2), ("B".into(), 1)]);
    let plain = env.oms(["catalog", "show", "A", "-o", "json"]).ok().json();
    assert!(plain.get("components").is_none(), "{plain:#}");

    // Setting the same components again changes nothing; new ones replace the old.
    let again = env
        .oms([
            "catalog",
            "bundle",
            "set",
            "KIT-1",
            "--component",
            "A=2",
            "--component",
            "B=1",
        ])
        .ok();
    assert!(again.stderr.contains("nothing changed"), "{}", again.stderr);
    env.oms([
        "catalog",
        "bundle",
        "set",
        "KIT-1",
        "--component",
        "A=3",
        "--component",
        "C=1",
    ])
    .ok();
    assert_eq!(
        bundle_rows(&env),
        [row("KIT-1", "A", 3), row("KIT-1", "C", 1)]
    );

    // `list -o csv` is the bundles file.
    let list = env.oms(["catalog", "bundle", "list", "-o", "csv"]).ok();
    assert!(
        list.stdout.starts_with("parent_sku,component_sku,quantity"),
        "{}",
        list.stdout
    );
    assert_eq!(list.csv().len(), 2);

    let removed = env.oms(["catalog", "bundle", "remove", "KIT-1"]).ok();
    assert!(
        removed.stderr.contains("KIT-1 is no longer a bundle"),
        "{}",
        removed.stderr
    );
    assert!(bundle_rows(&env).is_empty());
    let gone = env.oms(["catalog", "bundle", "show", "KIT-1"]).code(2);
    assert!(
        gone.stderr.contains("`KIT-1` is not a bundle"),
        "{}",
        gone.stderr
    );
}

#[test]
fn a_bundle_inside_a_bundle_is_refused_naming_the_cycle() {
    let env = workspace();
    env.oms([
        "catalog",
        "bundle",
        "set",
        "KIT-1",
        "--component",
        "A=2",
        "--component",
        "B=1",
    ])
    .ok();
    // KIT-2 containing KIT-1.
    let inner = env
        .oms([
            "catalog",
            "bundle",
            "set",
            "KIT-2",
            "--component",
            "KIT-1=1",
            "--component",
            "C=1",
        ])
        .code(2);
    assert!(
        inner.stderr.contains("KIT-2 → KIT-1 is a bundle"),
        "{}",
        inner.stderr
    );
    // A component of KIT-1 becoming a bundle itself.
    let outer = env
        .oms(["catalog", "bundle", "set", "A", "--component", "C=2"])
        .code(2);
    assert!(
        outer.stderr.contains("KIT-1 → A is a bundle"),
        "{}",
        outer.stderr
    );
    // Itself, unknown components and nonsense quantities.
    let bad = env
        .oms([
            "catalog",
            "bundle",
            "set",
            "KIT-2",
            "--component",
            "KIT-2=1",
            "--component",
            "GHOST=1",
            "--component",
            "C=0",
        ])
        .code(2);
    for expected in [
        "KIT-2 cannot be a component of itself",
        "unknown component SKU `GHOST`",
        "0 units of C per kit",
    ] {
        assert!(bad.stderr.contains(expected), "{expected}: {}", bad.stderr);
    }
    assert_eq!(
        bundle_rows(&env),
        [row("KIT-1", "A", 2), row("KIT-1", "B", 1)]
    );
}

#[test]
fn a_bundle_has_no_stock_of_its_own() {
    let env = workspace();
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "KIT-2",
        "--by",
        "4",
        "--reason",
        "found",
        "--yes",
    ])
    .ok();
    // A SKU with stock cannot become a bundle.
    let stocked = env
        .oms(["catalog", "bundle", "set", "KIT-2", "--component", "A=1"])
        .code(2);
    assert!(
        stocked
            .stderr
            .contains("KIT-2 has stock in east; a bundle has no stock of its own"),
        "{}",
        stocked.stderr
    );

    env.oms([
        "catalog",
        "bundle",
        "set",
        "KIT-1",
        "--component",
        "A=2",
        "--component",
        "B=1",
    ])
    .ok();
    let adjust = env
        .oms([
            "stock",
            "adjust",
            "--warehouse",
            "east",
            "--sku",
            "KIT-1",
            "--by",
            "5",
            "--reason",
            "found",
            "--yes",
        ])
        .run();
    assert_ne!(adjust.code, 0, "{}", adjust.stdout);
    assert!(
        adjust.stderr.contains(
            "KIT-1 is a bundle: it has no stock of its own; adjust its components (A, B) instead"
        ),
        "{}",
        adjust.stderr
    );
    let ledger: i64 = env
        .db()
        .query_row(
            "SELECT count(*) FROM stock_ledger l JOIN variants v ON v.id = l.variant_id
             WHERE v.sku = 'KIT-1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ledger, 0);
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn bundles_file_applies_the_good_bundles_and_names_each_bad_row() {
    let env = workspace();
    env.write(
        "bundles.csv",
        "parent_sku,component_sku,quantity\n\
         KIT-1,A,2\n\
         KIT-1,B,1\n\
         KIT-2,KIT-1,1\n\
         KIT-2,C,1\n\
         ,C,1\n\
         GHOST-KIT,A,1\n\
         C,A,two\n",
    );
    let report = env
        .oms([
            "catalog",
            "import",
            "--file",
            "bundles.csv",
            "--format",
            "oms-bundles-csv",
            "-o",
            "json",
        ])
        .code(3)
        .json();
    assert_eq!(report["bundles_set"], 1, "{report:#}");
    assert_eq!(report["bundles_rejected"], 3, "{report:#}");
    let message = |line: u64| -> String {
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["line"] == line)
            .unwrap_or_else(|| panic!("line {line}: {report:#}"))["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        message(4).starts_with("bundles.csv:4: component_sku: KIT-2 → KIT-1 is a bundle"),
        "{}",
        message(4)
    );
    assert!(
        message(5).contains("bundle KIT-2 kept as it was: line(s) 4"),
        "{}",
        message(5)
    );
    assert_eq!(message(6), "bundles.csv:6: parent_sku: is empty");
    assert!(
        message(7).starts_with("bundles.csv:7: parent_sku: unknown SKU `GHOST-KIT`"),
        "{}",
        message(7)
    );
    assert_eq!(
        message(8),
        "bundles.csv:8: quantity: `two` is not a whole number"
    );
    assert_eq!(
        bundle_rows(&env),
        [row("KIT-1", "A", 2), row("KIT-1", "B", 1)]
    );

    // The same file again: KIT-1 unchanged; a dry run writes nothing.
    env.write("fix.csv", "parent_sku,component_sku,quantity\nKIT-2,C,3\n");
    let dry = env
        .oms([
            "catalog",
            "import",
            "--file",
            "fix.csv",
            "--format",
            "oms-bundles-csv",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(dry["bundles_set"], 1);
    assert_eq!(bundle_rows(&env).len(), 2);
}

#[test]
fn purchase_orders_and_warehouse_snapshots_refuse_a_bundle() {
    let env = workspace();
    env.oms([
        "catalog",
        "bundle",
        "set",
        "KIT-1",
        "--component",
        "A=2",
        "--component",
        "B=1",
    ])
    .ok();
    let po = env
        .oms([
            "po",
            "create",
            "--supplier",
            "Acme",
            "--warehouse",
            "east",
            "--line",
            "KIT-1=5",
        ])
        .run();
    assert_ne!(po.code, 0);
    assert!(
        po.stderr
            .contains("`KIT-1` is a bundle; order its components from the supplier"),
        "{}",
        po.stderr
    );

    env.write(
        "channels/east-3pl/inbox/stock-1.csv",
        "location,sku,on_hand\neast,KIT-1,7\neast,A,9\n",
    );
    let report = env.oms(["stock", "sync", "-o", "json"]).code(3).json();
    assert!(
        report
            .to_string()
            .contains("`KIT-1` is a bundle: it has no stock of its own"),
        "{report:#}"
    );
    let on_hand: i64 = env
        .db()
        .query_row(
            "SELECT on_hand FROM stock_levels l JOIN variants v ON v.id = l.variant_id
             WHERE v.sku = 'A' AND l.warehouse = 'east'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(on_hand, 9, "the other line of the snapshot is applied");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn catalog_sync_reads_bundles_from_a_files_master_after_its_products() {
    let env = Env::standard();
    env.write(
        "oms.toml",
        &format!("{}\n[catalog]\nmaster = \"web\"\n", common::STANDARD_CONFIG),
    );
    env.write("channels/web/inbox/products-1.csv", CATALOG);
    env.write(
        "channels/web/inbox/bundles-1.csv",
        "parent_sku,component_sku,quantity\nKIT-1,A,2\nKIT-1,B,1\nKIT-2,KIT-1,1\n",
    );
    let report = env.oms(["catalog", "sync", "-o", "json"]).code(3).json();
    assert_eq!(
        bundle_rows(&env),
        [row("KIT-1", "A", 2), row("KIT-1", "B", 1)]
    );
    let text = report.to_string();
    assert!(
        text.contains("bundles-1.csv:4: component_sku: KIT-2 → KIT-1 is a bundle"),
        "{report:#}"
    );
    // Read once: the file is done, and the next sync has nothing to do.
    assert!(env.path("channels/web/inbox/done/bundles-1.csv").exists());
    env.oms(["catalog", "sync"]).ok();
    assert_eq!(bundle_rows(&env).len(), 2);
}

#[test]
fn a_sku_on_open_orders_cannot_become_a_bundle() {
    let env = workspace();
    env.write(
        "orders.csv",
        "order_id,ship_name,ship_address1,ship_city,ship_zip,ship_country,sku,quantity\n\
         9001,Ada,1 Way,London,N1,GB,KIT-2,1\n",
    );
    env.oms([
        "orders",
        "import",
        "--file",
        "orders.csv",
        "--format",
        "oms-csv",
    ])
    .ok();
    let refused = env
        .oms(["catalog", "bundle", "set", "KIT-2", "--component", "C=1"])
        .code(2);
    assert!(
        refused
            .stderr
            .contains("KIT-2 is on open orders as a plain SKU (order 1)"),
        "{}",
        refused.stderr
    );
    assert!(bundle_rows(&env).is_empty());
}
