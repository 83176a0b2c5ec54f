mod common;

use common::{Done, Env, STANDARD_CONFIG};
use serde_json::Value;

const SHOPIFY: &str = include_str!("fixtures/products/shopify-products.csv");
const OMS: &str = include_str!("fixtures/products/oms-products.csv");

fn with_file(name: &str, content: &str) -> Env {
    let env = Env::standard();
    env.write(name, content);
    env
}

fn show(env: &Env, sku: &str) -> Value {
    env.oms(["catalog", "show", sku, "-o", "json"]).ok().json()
}

fn import(env: &Env, file: &str, format: &str, code: i32) -> Value {
    env.oms([
        "catalog", "import", "--file", file, "--format", format, "-o", "json",
    ])
    .code(code)
    .json()
}

fn item(report: &Value, line: u64) -> &Value {
    report["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["line"] == line)
        .unwrap_or_else(|| panic!("no item for line {line}: {report:#}"))
}

fn count(env: &Env, table: &str) -> i64 {
    env.db()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

#[test]
fn shopify_import_keeps_text_inherits_products_and_rejects_only_the_bad_row() {
    let env = with_file("products.csv", SHOPIFY);
    let report = import(&env, "products.csv", "shopify-csv", 3);
    assert_eq!(
        (
            &report["created"],
            &report["rejected"],
            &report["images"],
            &report["updated"]
        ),
        (
            &Value::from(7),
            &Value::from(1),
            &Value::from(2),
            &Value::from(0)
        )
    );
    // The row without a SKU is on line 10: the quoted body of line 2 spans two lines.
    let bad = item(&report, 10);
    assert_eq!(bad["outcome"], "rejected");
    assert_eq!(
        bad["message"],
        "products.csv:10: Variant SKU: is empty; the SKU is the variant's key"
    );

    let green_s = show(&env, "ft-grn-s");
    assert_eq!(
        green_s["barcode"], "3.65275E+11",
        "scientific notation kept as text"
    );
    assert_eq!(green_s["variant_title"], "Green / S");
    assert_eq!(green_s["price"], "28.00");
    assert_eq!(green_s["tags"], "cotton, summer");
    assert_eq!(
        green_s["description"],
        "<p>Heavyweight cotton, garment-dyed.</p>\n<p>Fits true to size, \"relaxed\" cut.</p>"
    );
    assert_eq!(
        show(&env, "FT-GRN-M")["barcode"],
        "0012345",
        "leading zeros kept"
    );

    // The short row still belongs to its product and inherits the product's columns.
    let short = show(&env, "FT-BLU-M");
    assert_eq!(
        (
            &short["product"],
            &short["vendor"],
            &short["barcode"],
            &short["weight_grams"]
        ),
        (
            &Value::from("field-tee"),
            &Value::from("Northwind"),
            &Value::from("5.56156E+11"),
            &Value::from(185)
        )
    );

    let jeans = show(&env, "TJ-28");
    assert_eq!(
        (&jeans["status"], &jeans["weight_grams"]),
        (&Value::from("draft"), &Value::from(227))
    );
    let beanie = show(&env, "WB-GRY");
    assert_eq!(
        beanie["variant_title"],
        Value::Null,
        "Default Title is no title"
    );
    assert_eq!(beanie["status"], "archived");
    assert_eq!(count(&env, "products"), 3);
}

#[test]
fn oms_csv_rejects_bad_price_and_weight_by_line_and_field() {
    let env = with_file("catalog.csv", OMS);
    let report = import(&env, "catalog.csv", "oms-csv", 3);
    assert_eq!(
        (&report["created"], &report["rejected"]),
        (&Value::from(3), &Value::from(2))
    );
    assert_eq!(
        item(&report, 3)["message"],
        "catalog.csv:3: price: `12.5O` is not an amount"
    );
    assert_eq!(
        item(&report, 4)["message"],
        "catalog.csv:4: weight_grams: `3l0` is not a weight in grams"
    );
    let bottle = show(&env, "btl-1000");
    assert_eq!(
        (
            &bottle["price"],
            &bottle["variant_title"],
            &bottle["status"]
        ),
        (
            &Value::from("1029.00"),
            &Value::from("1 litre"),
            &Value::from("draft")
        )
    );
    assert_eq!(show(&env, "MUG-WHT")["variant_title"], "White");
    env.oms(["catalog", "show", "MUG-BLK"]).code(2);
}

#[test]
fn duplicate_sku_in_a_file_skips_the_later_row() {
    let env = with_file(
        "dupes.csv",
        "handle,title,sku,price\ntee,Tee,TEE-1,10\ntee,Tee,TEE-2,11\ntee,Tee, tee-1 ,99\n",
    );
    let out = env
        .oms(["catalog", "import", "--file", "dupes.csv", "-o", "json"])
        .ok();
    out.stderr_has(
        "dupes.csv:4: sku: duplicate SKU `tee-1` (first on line 2); this row is skipped",
    );
    let report = out.json();
    assert_eq!(
        (&report["created"], &report["skipped"]),
        (&Value::from(2), &Value::from(1))
    );
    assert_eq!(show(&env, "TEE-1")["price"], "10.00");
}

#[test]
fn skus_match_ignoring_case_and_spaces() {
    let env = Env::standard();
    env.oms([
        "catalog",
        "add",
        "--sku",
        "Tee-1",
        "--title",
        "Basic Tee",
        "--price",
        "10",
    ])
    .ok();
    let edited = env
        .oms([
            "catalog", "edit", "--sku", " tee-1 ", "--price", "12.5", "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(
        (&edited["sku"], &edited["price"], &edited["product"]),
        (
            &Value::from("Tee-1"),
            &Value::from("12.50"),
            &Value::from("basic-tee")
        )
    );
    env.oms(["catalog", "add", "--sku", "TEE-1"])
        .code(2)
        .stderr_has("SKU `TEE-1` already exists (as `Tee-1`")
        .stderr_has("oms catalog edit --sku Tee-1");
    assert_eq!(count(&env, "variants"), 1);
}

#[test]
fn add_and_edit_fill_defaults_and_change_only_what_is_given() {
    let env = Env::standard();
    let added = env
        .oms([
            "catalog",
            "add",
            "--sku",
            "MUG-1",
            "--option1",
            "White",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        (
            &added["product"],
            &added["title"],
            &added["variant_title"],
            &added["source"]
        ),
        (
            &Value::from("mug-1"),
            &Value::from("MUG-1"),
            &Value::from("White"),
            &Value::from("oms")
        )
    );
    assert!(added["manual_edit_at"].is_string());
    env.oms([
        "catalog",
        "add",
        "--sku",
        "MUG-2",
        "--product",
        "mug-1",
        "--barcode",
        "0012",
    ])
    .ok();
    let edited = env
        .oms([
            "catalog",
            "edit",
            "--sku",
            "mug-2",
            "--title",
            "Enamel Mug",
            "--vendor",
            "Campware",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        (&edited["title"], &edited["vendor"], &edited["barcode"]),
        (
            &Value::from("Enamel Mug"),
            &Value::from("Campware"),
            &Value::from("0012")
        )
    );
    assert_eq!(
        show(&env, "MUG-1")["title"],
        "Enamel Mug",
        "the product is shared"
    );
    env.oms(["catalog", "edit", "--sku", "MUG-1"])
        .code(2)
        .stderr_has("nothing to change");
    env.oms(["catalog", "edit", "--sku", "NOPE", "--price", "1"])
        .code(2)
        .stderr_has("unknown SKU `NOPE`");
    env.oms(["catalog", "show", " nope "])
        .code(2)
        .stderr_has("unknown SKU `nope`");
    env.oms(["catalog", "add", "--sku", "X", "--price", "abc"])
        .code(2)
        .stderr_has("--price: `abc` is not an amount");
}

#[test]
fn edits_warn_when_another_system_is_the_master() {
    let env = Env::with_config(&format!("{STANDARD_CONFIG}\n[catalog]\nmaster = \"web\"\n"));
    let warning = "the next catalog import from `web` may overwrite this change";
    env.oms(["catalog", "add", "--sku", "A-1", "--title", "A"])
        .ok()
        .stderr_has(warning);
    env.oms(["catalog", "edit", "--sku", "a-1", "--price", "3"])
        .ok()
        .stderr_has(warning);
    let quiet = Env::standard();
    let out = quiet.oms(["catalog", "add", "--sku", "A-1"]).ok();
    assert!(!out.stderr.contains("may overwrite"), "{}", out.stderr);
}

fn all_unchanged(report: &Value, expected: u64) {
    for key in ["created", "updated", "rejected", "skipped"] {
        assert_eq!(report[key], 0, "{key} in {report:#}");
    }
    assert_eq!(report["unchanged"], expected, "{report:#}");
}

#[test]
fn shopify_export_round_trips_unchanged() {
    let env = with_file("products.csv", SHOPIFY);
    import(&env, "products.csv", "shopify-csv", 3);
    env.oms([
        "catalog",
        "export",
        "--format",
        "shopify-csv",
        "--file",
        "out/shopify.csv",
    ])
    .code(1)
    .stderr_has("out/.shopify.csv");
    std::fs::create_dir_all(env.path("out")).expect("mkdir");
    env.oms([
        "catalog",
        "export",
        "--format",
        "shopify-csv",
        "--file",
        "out/shopify.csv",
    ])
    .ok()
    .stderr_has("wrote 7 variants of 3 products");
    let leftovers: Vec<_> = std::fs::read_dir(env.path("out"))
        .expect("read out/")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, ["shopify.csv"], "no temp file is left behind");

    let exported = env.read("out/shopify.csv");
    let stdout = env
        .oms(["catalog", "export", "--format", "shopify-csv"])
        .ok()
        .stdout;
    assert_eq!(stdout, exported);
    let rows = Done {
        code: 0,
        stdout: exported,
        stderr: String::new(),
    }
    .csv();
    let beanie = rows
        .iter()
        .find(|r| r["Variant SKU"] == "WB-GRY")
        .expect("beanie");
    assert_eq!(
        (
            beanie["Option1 Name"].as_str(),
            beanie["Option1 Value"].as_str()
        ),
        ("Title", "Default Title")
    );
    let blue = rows
        .iter()
        .find(|r| r["Variant SKU"] == "FT-BLU-S")
        .expect("blue");
    assert_eq!(
        blue["Title"], "",
        "product columns only on a handle's first row"
    );

    let again = import(&env, "out/shopify.csv", "shopify-csv", 0);
    all_unchanged(&again, 7);
}

#[test]
fn oms_csv_export_round_trips_unchanged() {
    let env = with_file("products.csv", SHOPIFY);
    import(&env, "products.csv", "shopify-csv", 3);
    env.oms(["catalog", "export", "--file", "catalog.csv"]).ok();
    let text = env.read("catalog.csv");
    assert!(text.starts_with(
        "handle,title,vendor,product_type,tags,status,sku,variant_title,option1,option2,option3,barcode,price,weight_grams\n"
    ));
    all_unchanged(&import(&env, "catalog.csv", "oms-csv", 0), 7);
    // And the Shopify file made from it still matches what Shopify gave us.
    env.oms([
        "catalog",
        "export",
        "--format",
        "shopify-csv",
        "--file",
        "s.csv",
    ])
    .ok();
    all_unchanged(&import(&env, "s.csv", "shopify-csv", 0), 7);
}

#[test]
fn list_and_show_parse_as_json_and_csv() {
    let env = with_file("catalog.csv", OMS);
    import(&env, "catalog.csv", "oms-csv", 3);
    let rows = env.oms(["catalog", "list", "-o", "csv"]).ok().csv();
    let skus: Vec<&str> = rows.iter().map(|r| r["sku"].as_str()).collect();
    assert_eq!(skus, ["MUG-WHT", "BTL-750", "BTL-1000"]);
    assert_eq!(rows[0]["barcode"], "0400000000029");
    assert_eq!(rows[0]["price"], "12.50");
    let keys: Vec<&String> = rows[0].keys().collect();
    assert_eq!(keys.len(), 8, "{keys:?}");

    let json = env
        .oms(["catalog", "list", "--search", "bottle", "-o", "json"])
        .ok()
        .json();
    let found: Vec<&str> = json
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["sku"].as_str().expect("sku"))
        .collect();
    assert_eq!(found, ["BTL-750", "BTL-1000"]);
    assert_eq!(json[0]["weight_grams"], 420);

    let one = env
        .oms(["catalog", "show", "btl-750", "-o", "csv"])
        .ok()
        .csv();
    assert_eq!(one[0]["product"], "steel-bottle");
    let items = env
        .oms(["catalog", "import", "--file", "catalog.csv", "-o", "csv"])
        .code(3)
        .csv();
    assert_eq!(items.len(), 5);
    assert_eq!(items[1]["outcome"], "rejected");
    let empty = Env::standard();
    let header = empty.oms(["catalog", "list", "-o", "csv"]).ok().stdout;
    assert_eq!(
        header.trim(),
        "sku,product,title,variant_title,barcode,price,weight_grams,status"
    );
}

#[test]
fn dry_run_reports_but_writes_nothing() {
    let env = with_file("products.csv", SHOPIFY);
    let report = env
        .oms([
            "catalog",
            "import",
            "--file",
            "products.csv",
            "--format",
            "shopify-csv",
            "--dry-run",
            "-o",
            "json",
        ])
        .code(3)
        .json();
    assert_eq!(
        (&report["created"], &report["dry_run"]),
        (&Value::from(7), &Value::Bool(true))
    );
    assert_eq!(count(&env, "variants"), 0);
    assert_eq!(count(&env, "products"), 0);
}

#[test]
fn unreadable_files_fail_with_their_name() {
    let env = with_file("orders.json", "{\"orders\": []}\n");
    env.oms(["catalog", "import", "--file", "missing.csv"])
        .code(2)
        .stderr_has("cannot open missing.csv");
    env.oms(["catalog", "import", "--file", "orders.json"])
        .code(1)
        .stderr_has("orders.json:1: missing column(s): handle, sku");
    env.write("shopify-ish.csv", "Handle,Title\nshirt,Shirt\n");
    env.oms([
        "catalog",
        "import",
        "--file",
        "shopify-ish.csv",
        "--format",
        "shopify-csv",
    ])
    .code(1)
    .stderr_has("shopify-ish.csv:1: missing column(s): Variant SKU");
}

#[test]
fn a_new_product_without_a_title_is_rejected_by_line() {
    let env = with_file("c.csv", "handle,sku,price\nnew-thing,N-1,5\n");
    let report = import(&env, "c.csv", "oms-csv", 3);
    assert_eq!(
        item(&report, 2)["message"],
        "c.csv:2: title: has no value, and the new product `new-thing` needs a title"
    );
}
