//! Shopify's catalog on a mock GraphQL Admin API (127.0.0.1): products read with the
//! `products` query page by page, and `oms catalog sync` pushing the catalog with
//! `productSet` — creating, updating by handle, keeping the variants the shop has and the
//! catalog does not (reported) unless `--prune`. Fixtures: tests/fixtures/shopify_graphql/
//! (`products-*`, `product-set-*`).

mod common;
mod connector_support;

use common::Env;
use connector_support::{Recorded, SHOPIFY_GRAPHQL, fixture, shopify};
use httpmock::prelude::*;
use oms::model::catalog::{CatalogEntry, Product, ProductStatus, Variant};
use serde_json::{Value, json};

#[test]
fn products_are_read_page_by_page_with_every_variant() {
    let server = MockServer::start();
    let first = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query Products")
            .json_body_includes(json!({ "variables": { "after": null } }).to_string());
        then.status(200)
            .body(fixture("shopify_graphql/products-page-1.json"));
    });
    let second = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query Products")
            .json_body_includes(
                json!({ "variables": { "after": "eyJsYXN0X2lkIjo5MjE3Mjg3MzZ9" } }).to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/products-page-2.json"));
    });
    // ipod-touch has more variants than the page carried.
    let more = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query ProductVariants")
            .json_body_includes(
                json!({ "variables": { "id": "gid://shopify/Product/921728736",
                    "after": "eyJsYXN0X2lkIjo0NDc2NTQ1Mjl9" } })
                .to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/products-more-variants.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let mut got = Recorded::new();
    ch.list_products(&mut got.sink()).unwrap();
    first.assert_calls(1);
    second.assert_calls(1);
    more.assert_calls(1);
    let skus: Vec<_> = got
        .records()
        .iter()
        .map(|p| p.entry.variant.sku.clone())
        .collect();
    assert_eq!(
        skus,
        [
            "IPOD2008PINK",
            "IPOD2008RED",
            "IPOD2008GREEN",
            "IPOD2008BLACK",
            "IPOD2009BLACK",
            "IPOD2009WHITE"
        ],
        "the gift card's variant has no SKU"
    );
    assert_eq!(got.sources().len(), 2);
    let first = &got.records()[0].entry;
    assert_eq!(first.product.handle, "ipod-nano");
    assert_eq!(
        first.product.tags.as_deref(),
        Some("Emotive, Flash Memory, MP3, Music")
    );
    assert_eq!(first.variant.options[0].as_deref(), Some("Pink"));
    assert_eq!(first.variant.price_cents, Some(19900));
    assert_eq!(first.variant.weight_grams, Some(567), "1.25 lb");
    let white = &got.records()[5].entry;
    assert_eq!(
        (
            white.product.status,
            white.variant.price_cents,
            white.variant.weight_grams
        ),
        (ProductStatus::Draft, Some(21900), Some(500))
    );
}

#[test]
fn product_set_user_errors_refuse_the_products_skus_only() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(POST).path(SHOPIFY_GRAPHQL).body_includes("query Products");
        then.status(200)
            .body(r#"{"data":{"products":{"pageInfo":{"hasNextPage":false,"endCursor":null},"nodes":[]}}}"#);
    });
    let refused = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation ProductSet")
            .json_body_includes(
                json!({ "variables": { "identifier": { "handle": "hat" } } }).to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/product-set-user-errors.json"));
    });
    let created = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation ProductSet")
            .json_body_includes(
                json!({ "variables": { "identifier": { "handle": "field-tee" }, "input": {
                    "handle": "field-tee", "title": "Field Tee", "status": "ACTIVE",
                    "productOptions": [{ "name": "Title", "position": 1, "values": [{ "name": "Default Title" }] }],
                    "variants": [{
                        "optionValues": [{ "optionName": "Title", "name": "Default Title" }],
                        "inventoryItem": { "sku": "FT-S", "tracked": true },
                        "price": "28.00"
                    }]
                } } })
                .to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/product-set-create.json"));
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let entry = |handle: &str, sku: &str, cents: i64| CatalogEntry {
        product: Product {
            handle: handle.into(),
            title: if handle == "hat" { "Hat" } else { "Field Tee" }.into(),
            ..Default::default()
        },
        variant: Variant {
            sku: sku.into(),
            price_cents: Some(cents),
            ..Default::default()
        },
    };
    let answers = ch
        .write_products(&[
            entry("hat", "HAT-1", -100),
            entry("hat", "HAT-2", 100),
            entry("field-tee", "FT-S", 2800),
        ])
        .unwrap();
    refused.assert_calls(1);
    created.assert_calls(1);
    let got: Vec<_> = answers
        .iter()
        .map(|a| {
            (
                a.reference.as_str(),
                a.external_id.as_deref(),
                a.error.as_deref(),
            )
        })
        .collect();
    let why = "product `hat`: Shopify refused it: input.variants.0.price: Price must be greater than or equal to 0";
    assert_eq!(
        got,
        [
            ("HAT-1", None, Some(why)),
            ("HAT-2", None, Some(why)),
            ("FT-S", Some("45300001"), None)
        ]
    );
}

const CATALOG: &str = "\
handle,title,vendor,product_type,tags,status,sku,variant_title,option1,option2,option3,barcode,price,weight_grams
ipod-nano,IPod Nano - 8GB,Apple,Cult Products,\"Emotive, Music\",active,IPOD2008PINK,,Pink,,,1234_pink,199.00,567
ipod-nano,IPod Nano - 8GB,Apple,Cult Products,\"Emotive, Music\",active,IPOD2008RED,,Red,,,1234_red,199.00,567
";

fn variant(id: Option<i64>, sku: &str, color: &str) -> Value {
    let mut v = json!({
        "optionValues": [{ "optionName": "Color", "name": color }],
        "inventoryItem": { "sku": sku, "tracked": true, "measurement": { "weight": { "unit": "GRAMS", "value": 567 } } },
        "price": "199.00",
        "barcode": format!("1234_{}", color.to_lowercase()),
    });
    if let Some(id) = id {
        v["id"] = json!(format!("gid://shopify/ProductVariant/{id}"));
    }
    v
}

fn product_set<'a>(
    server: &'a MockServer,
    values: &[&str],
    variants: Vec<Value>,
    answer: &str,
) -> httpmock::Mock<'a> {
    let vars = json!({ "variables": { "identifier": { "handle": "ipod-nano" }, "input": {
        "handle": "ipod-nano",
        "vendor": "Apple",
        "tags": ["Emotive", "Music"],
        "productOptions": [{ "name": "Color", "position": 1,
            "values": values.iter().map(|v| json!({ "name": v })).collect::<Vec<_>>() }],
        "variants": variants,
    } } })
    .to_string();
    let answer = fixture(answer);
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation ProductSet")
            .json_body_includes(vars);
        then.status(200).body(answer);
    })
}

/// A workspace whose catalog (`CATALOG`, master `oms`) is pushed to the mock shop.
fn catalog_env(server: &MockServer) -> Env {
    let env = Env::with_config(&format!(
        r#"
database = "oms.db"

[sales_channels.shop]
kind = "shopify"
shop = "jsmith.myshopify.com"
base_url = "{}"
token_file = "shop.token"
max_retries = 1
timeout_secs = 5

[catalog]
master = "oms"
"#,
        server.base_url()
    ));
    env.write("shop.token", "shpat_CATALOG_SECRET_5a1e\n");
    env.write("catalog.csv", CATALOG);
    env.oms(["catalog", "import", "--file", "catalog.csv"]).ok();
    env
}

/// The shop's products as `catalog sync` reads them before pushing.
fn shop_products(server: &MockServer) {
    server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query Products");
        then.status(200)
            .body(fixture("shopify_graphql/product-set-shop.json"));
    });
}

/// The `productSet` that keeps the shop's extra variant (Green) while updating Pink and Red.
fn keeping_green(server: &MockServer) -> httpmock::Mock<'_> {
    let green = json!({
        "id": "gid://shopify/ProductVariant/39072856",
        "optionValues": [{ "optionName": "Color", "name": "Green" }],
    });
    product_set(
        server,
        &["Pink", "Red", "Green"],
        vec![
            variant(Some(808950810), "IPOD2008PINK", "Pink"),
            variant(Some(49148385), "IPOD2008RED", "Red"),
            green,
        ],
        "shopify_graphql/product-set-update.json",
    )
}

/// The crash matrix's Shopify catalog row (tests/crash_matrix.rs has the table): `catalog
/// sync` dies before or after `productSet`; the next run sends the same input again (an
/// upsert by handle, so the shop ends with one product either way), and a third run finds
/// nothing to send.
#[test]
fn crash_matrix_shopify_catalog() {
    let mut cells = Vec::new();
    for (point, calls_after_crash) in [("before_write", 0), ("after_write", 1)] {
        let server = MockServer::start();
        shop_products(&server);
        let keeping = keeping_green(&server);
        // Any other productSet input would be a different decision on the resend.
        let other = server.mock(|when, then| {
            when.method(POST)
                .path(SHOPIFY_GRAPHQL)
                .body_includes("mutation ProductSet");
            then.status(500).body("a productSet with another input");
        });
        let env = catalog_env(&server);
        let at = format!("{point}@catalog-sync");
        let crashed = env
            .oms(["catalog", "sync"])
            .env("OMS_TEST_CRASH_AT", &at)
            .run();
        assert_eq!(
            crashed.code, -1,
            "the process was to die at {at}: {crashed:?}"
        );
        keeping.assert_calls(calls_after_crash);
        let resumed = env.oms(["catalog", "sync", "-o", "json"]).ok().json();
        assert_eq!(resumed["channels"][0]["outcome"], "sent", "{resumed:#}");
        keeping.assert_calls(calls_after_crash + 1);
        let again = env.oms(["catalog", "sync", "-o", "json"]).ok().json();
        assert_eq!(again["channels"][0]["outcome"], "unchanged", "{again:#}");
        keeping.assert_calls(calls_after_crash + 1);
        other.assert_calls(0);
        cells.push(format!("{point}: ok {} productSet", calls_after_crash + 1));
    }
    println!(
        "{:<26} {} | after_commit, between_pages: n/a (writes only)",
        "catalog-sync (Shopify)",
        cells.join(" | ")
    );
}

#[test]
fn catalog_sync_pushes_with_product_set_and_prunes_only_when_asked() {
    let server = MockServer::start();
    shop_products(&server);
    let keeping = keeping_green(&server);
    let pruning = product_set(
        &server,
        &["Pink", "Red"],
        vec![
            variant(Some(808950810), "IPOD2008PINK", "Pink"),
            variant(Some(49148385), "IPOD2008RED", "Red"),
        ],
        "shopify_graphql/product-set-pruned.json",
    );
    let env = catalog_env(&server);

    let done = env.oms(["catalog", "sync", "-o", "json"]).ok();
    done.stderr_has(
        "`shop` product `ipod-nano`: variant `IPOD2008GREEN` (39072856) is not in the catalog; \
         kept (`oms catalog sync --prune` removes it)",
    );
    let report = done.json();
    keeping.assert_calls(1);
    pruning.assert_calls(0);
    let shop = &report["channels"][0];
    assert_eq!(
        (
            &shop["outcome"],
            &shop["variants"],
            &shop["kept"],
            &shop["removed"]
        ),
        (&json!("sent"), &json!(2), &json!(1), &json!(0)),
        "{report:#}"
    );
    let kept: Vec<_> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["outcome"] == "kept")
        .map(|i| i["sku"].as_str().unwrap())
        .collect();
    assert_eq!(kept, ["IPOD2008GREEN"]);

    // Unchanged catalog: nothing goes out again, unless pruning is asked for.
    let again = env.oms(["catalog", "sync", "-o", "json"]).ok().json();
    assert_eq!(again["channels"][0]["outcome"], "unchanged");
    keeping.assert_calls(1);

    let pruned = env.oms(["catalog", "sync", "--prune", "-o", "json"]).ok();
    pruned
        .stderr_has("variant `IPOD2008GREEN` (39072856) is not in the catalog; removed (--prune)");
    let report = pruned.json();
    pruning.assert_calls(1);
    keeping.assert_calls(1);
    assert_eq!(report["channels"][0]["removed"], 1, "{report:#}");
}
