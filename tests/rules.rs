//! Order rules (docs/rules.md), one test per condition kind and for nesting: a probe rule
//! tags the orders its conditions match, through the real `oms orders import`.

mod common;
mod process_support;
mod rules_support;

use rules_support::*;

/// A one-line order with these order fields.
fn o(id: &str, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("order_id", id), ("sku", "TEE-RED-M"), ("quantity", "1")];
    all.extend_from_slice(fields);
    row(&all)
}

#[test]
fn order_name_or_external_id() {
    let rows = [
        o("A1", &[("order_name", "#1001")]),
        o("A2", &[]),
        o("#1001", &[]),
    ];
    assert_eq!(hits("order = \"#1001\"", &rows), ["#1001", "A1"]);
    assert_eq!(hits("order = \"a2\"", &rows), ["A2"]);
}

#[test]
fn tag() {
    let rows = [
        o("A1", &[("tags", "vip;gift")]),
        o("A2", &[("tags", "gift")]),
    ];
    assert_eq!(hits("tag = \"VIP\"", &rows), ["A1"]);
}

#[test]
fn source_is_the_sales_channel() {
    let rows = [o("A1", &[])];
    assert_eq!(hits("source = \"web\"", &rows), ["A1"]);
    assert!(hits("source = \"manual\"", &rows).is_empty());
}

#[test]
fn country() {
    let rows = [
        o("A1", &[("ship_country", "CA")]),
        o("A2", &[("ship_country", "US")]),
        o("A3", &[]),
    ];
    assert_eq!(hits("country = \"ca\"", &rows), ["A1"]);
}

#[test]
fn province() {
    let rows = [
        o("A1", &[("ship_province", "BC")]),
        o("A2", &[("ship_province", "ON")]),
    ];
    assert_eq!(hits("province = \"bc\"", &rows), ["A1"]);
}

#[test]
fn city() {
    let rows = [
        o("A1", &[("ship_city", "Vancouver")]),
        o("A2", &[("ship_city", "Toronto")]),
    ];
    assert_eq!(hits("city = \"VANCOUVER\"", &rows), ["A1"]);
}

#[test]
fn postal_code_prefix() {
    let rows = [
        o("A1", &[("ship_zip", "V6B 1A1")]),
        o("A2", &[("ship_zip", "02134")]),
        o("A3", &[("ship_zip", "021")]),
    ];
    assert_eq!(hits("zip_prefix = \"v6\"", &rows), ["A1"]);
    assert_eq!(hits("zip_prefix = \"0213\"", &rows), ["A2"]);
}

#[test]
fn address_lines() {
    let rows = [
        o("A1", &[("ship_address1", "1 Main Street")]),
        o(
            "A2",
            &[
                ("ship_address1", "PO Box 7"),
                ("ship_address2", "c/o Main Hall"),
            ],
        ),
        o("A3", &[("ship_address1", "9 Elm Road")]),
    ];
    assert_eq!(hits("address = \"main\"", &rows), ["A1", "A2"]);
}

#[test]
fn company() {
    let rows = [o("A1", &[("ship_company", "Acme Ltd")]), o("A2", &[])];
    assert_eq!(hits("company = \"acme ltd\"", &rows), ["A1"]);
}

#[test]
fn total_is_computed_from_the_lines() {
    // A1: 2 × 28.00 + 1 × 12.50 = 68.50; A2: 1 × 12.50.
    let line = |id: &str, sku: &str, q: &str, p: &str| {
        row(&[
            ("order_id", id),
            ("sku", sku),
            ("quantity", q),
            ("price", p),
        ])
    };
    let rows = [
        line("A1", "TEE-RED-M", "2", "28.00"),
        line("A1", "MUG-1", "1", "12.50"),
        line("A2", "MUG-1", "1", "12.50"),
    ];
    assert_eq!(hits("total_over = 68.49", &rows), ["A1"]);
    assert!(hits("total_over = 68.50", &rows).is_empty());
    assert_eq!(hits("total_under = 20.0", &rows), ["A2"]);
}

#[test]
fn line_count_and_units() {
    let line =
        |id: &str, sku: &str, q: &str| row(&[("order_id", id), ("sku", sku), ("quantity", q)]);
    let rows = [
        line("A1", "TEE-RED-M", "1"),
        line("A1", "MUG-1", "1"),
        line("A2", "CAP-1", "5"),
    ];
    assert_eq!(hits("lines_over = 1", &rows), ["A1"]);
    assert_eq!(hits("lines_under = 2", &rows), ["A2"]);
    assert_eq!(hits("units_over = 4", &rows), ["A2"]);
    assert_eq!(hits("units_under = 3", &rows), ["A1"]);
}

#[test]
fn sku_present() {
    let line = |id: &str, sku: &str| row(&[("order_id", id), ("sku", sku), ("quantity", "1")]);
    let rows = [
        line("A1", "TEE-RED-M"),
        line("A1", "mug-1"),
        line("A2", "CAP-1"),
    ];
    assert_eq!(hits("sku = \"MUG-1\"", &rows), ["A1"]);
}

#[test]
fn shipping_method_and_carrier_service() {
    let rows = [
        o("A1", &[("shipping_method", "Express")]),
        o("A2", &[("carrier_service", "ups-ground")]),
        o("A3", &[]),
    ];
    assert_eq!(hits("shipping_method = \"express\"", &rows), ["A1"]);
    assert_eq!(hits("carrier_service_is = \"ups-ground\"", &rows), ["A2"]);
}

#[test]
fn requested_warehouse() {
    let rows = [o("A1", &[("warehouse", "west")]), o("A2", &[])];
    assert_eq!(hits("requested_warehouse = \"west\"", &rows), ["A1"]);
}

#[test]
fn status() {
    let line = |id: &str, q: &str| row(&[("order_id", id), ("sku", "CAP-1"), ("quantity", q)]);
    let rows = [line("A1", "1"), line("A2", "9")];
    let got = hits_with("draft_if_units_over = 5", "status_is = \"draft\"", &rows);
    assert_eq!(got, ["A2"]);
}

#[test]
fn not_and_any_nest() {
    let rows = [
        o("US1", &[("ship_country", "US"), ("tags", "vip")]),
        o("US2", &[("ship_country", "US")]),
        o("CA1", &[("ship_country", "CA")]),
        o("GB1", &[("ship_country", "GB"), ("tags", "wholesale")]),
    ];
    assert_eq!(hits("not = { country = \"US\" }", &rows), ["CA1", "GB1"]);
    assert_eq!(
        hits("any = [{ tag = \"vip\" }, { country = \"CA\" }]", &rows),
        ["CA1", "US1"]
    );
    // International and not wholesale, or a VIP anywhere.
    let nested = "any = [{ all = [{ not = { country = \"US\" } }, { not = { tag = \"wholesale\" } }] }, { tag = \"vip\" }]";
    assert_eq!(hits(nested, &rows), ["CA1", "US1"]);
    // Keys of the rule itself must hold together with its groups.
    assert_eq!(
        hits(
            "country = \"US\"\nnot = { any = [{ tag = \"vip\" }] }",
            &rows
        ),
        ["US2"]
    );
}
