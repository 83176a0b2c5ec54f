//! ShipBob bodies as the 2026-01 API really sends them (issue 11): nulls where the spec
//! allows them, type errors that name the JSON path, the older products shape, lists
//! that come in pages.

mod connector_support;

use connector_support::{Recorded, SHIPBOB_API, SHIPBOB_CHANNEL, fixture, shipbob};
use httpmock::prelude::*;
use oms::model::catalog::ProductIn;
use oms::model::shipment::StockCount;

fn products(server: &MockServer, body: &str) {
    let body = fixture(body);
    server.mock(|when, then| {
        when.method(GET).path(format!("{SHIPBOB_API}/product"));
        then.status(200).body(body);
    });
}

/// Two pages of `inventory-level/locations`, linked by `next`.
fn inventory_pages(server: &MockServer) {
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/inventory-level/locations"))
            .query_param_missing("Cursor");
        then.status(200)
            .body(fixture("shipbob/inventory-page-1.json"));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/inventory-level/locations"))
            .query_param("Cursor", "p2");
        then.status(200)
            .body(fixture("shipbob/inventory-page-2.json"));
    });
}

#[test]
fn item8_nullable_product_fields_mean_empty() {
    let server = MockServer::start();
    products(&server, "shipbob/products-nulls.json");
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<ProductIn>::new();
    ch.list_products(&mut got.sink()).unwrap();
    let listed: Vec<_> = got
        .records()
        .iter()
        .map(|p| (p.entry.variant.sku.clone(), p.entry.variant.barcode.clone()))
        .collect();
    assert_eq!(
        listed,
        [
            ("TEE-1".to_string(), None),
            ("MUG-1".to_string(), Some("4006381333931".to_string()))
        ],
        "null barcodes, null variants and a null barcode value are empty"
    );
}

#[test]
fn item8_nullable_inventory_fields_mean_empty() {
    let server = MockServer::start();
    inventory_pages(&server);
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<StockCount>::new();
    ch.stock_counts(&mut got.sink()).unwrap();
    let counts: Vec<_> = got
        .records()
        .iter()
        .map(|c| (c.sku.as_str(), c.on_hand))
        .collect();
    assert_eq!(counts, [("TEE-1", 42), ("CAP-1", 0), ("MUG-1", 3)]);
}

#[test]
fn item8_a_real_type_error_names_the_json_path_endpoint_and_channel() {
    let server = MockServer::start();
    products(&server, "shipbob/products-bad-barcodes.json");
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<ProductIn>::new();
    let e = ch.list_products(&mut got.sink()).unwrap_err().to_string();
    assert!(
        e.contains("channel `sb`")
            && e.contains("product")
            && e.contains("`items[2].variants[0].barcodes`"),
        "{e}"
    );
}

#[test]
fn item9_products_in_the_2_0_shape_say_which_shape_was_expected() {
    let server = MockServer::start();
    products(&server, "shipbob/products-2.0.json");
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<ProductIn>::new();
    let e = ch.list_products(&mut got.sink()).unwrap_err().to_string();
    assert!(
        e.contains("1.0/2.0 shape") && e.contains("api_version `2026-01`"),
        "{e}"
    );
    assert!(!e.contains("invalid type"), "{e}");
}

#[test]
fn item10_inventory_pages_are_one_snapshot_and_channels_are_read_to_the_last_page() {
    let server = MockServer::start();
    inventory_pages(&server);
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/channel"))
            .query_param_missing("Cursor");
        then.status(200)
            .body(fixture("shipbob/channels-page-1.json"));
    });
    server.mock(|when, then| {
        when.method(GET)
            .path(format!("{SHIPBOB_API}/channel"))
            .query_param("Cursor", "p2");
        then.status(200)
            .body(fixture("shipbob/channels-page-2.json"));
    });
    let (_dir, mut ch) = shipbob(&server, SHIPBOB_CHANNEL);
    let mut got = Recorded::<StockCount>::new();
    ch.stock_counts(&mut got.sink()).unwrap();
    assert_eq!(got.sources().len(), 1, "two pages, one snapshot");
    assert_eq!(got.records().len(), 3);
    assert_eq!(
        ch.check().unwrap(),
        "channel 432951 (PAT Channel), API 2026-01",
        "found on the second page"
    );
}
