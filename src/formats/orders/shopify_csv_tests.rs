use std::io::Cursor;

use crate::formats::orders::{OrderFormat, read_orders};
use crate::model::order::OrderIn;

const EXPORT: &[u8] = include_bytes!("../../../tests/fixtures/orders/shopify-orders-export.csv");
const EXPORT_EU: &[u8] =
    include_bytes!("../../../tests/fixtures/orders/shopify-orders-semicolon-bom.csv");

fn read(name: &str, bytes: &[u8]) -> Vec<OrderIn> {
    read_orders(
        OrderFormat::ShopifyCsv,
        name,
        Box::new(Cursor::new(bytes.to_vec())),
    )
    .expect("open")
    .collect()
}

fn skus(order: &OrderIn) -> Vec<(&str, i64)> {
    order
        .lines
        .iter()
        .map(|l| (l.sku.as_str(), l.quantity))
        .collect()
}

#[test]
fn the_export_groups_by_name_and_reads_the_first_row() {
    let orders = read("export.csv", EXPORT);
    let names: Vec<Option<&str>> = orders.iter().map(|o| o.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("#1001"),
            Some("#1002"),
            Some("#1003"),
            Some("#1004"),
            Some("#1005")
        ]
    );
    for o in &orders {
        assert!(o.problems.is_empty(), "{:?}: {:?}", o.name, o.problems);
    }
    let o = &orders[0];
    assert_eq!(
        o.external_id, "5512345678901",
        "the Id column, as the API knows it"
    );
    assert_eq!(
        skus(o),
        [("TEE-BLK-S", 2), ("TEE-BLK-M", 1), ("MUG-WHT", 1)]
    );
    let titles: Vec<Option<&str>> = o.lines.iter().map(|l| l.title.as_deref()).collect();
    assert_eq!(titles[2], Some("White mug"));
    assert_eq!(o.lines[0].price_cents, Some(1999));
    let sources: Vec<&str> = o.lines.iter().map(|l| l.source.as_str()).collect();
    assert_eq!(
        sources,
        ["export.csv:2", "export.csv:4", "export.csv:5"],
        "the multi-line note moves the next row to line 4"
    );
    assert_eq!(o.email.as_deref(), Some("ann@example.com"));
    assert_eq!(o.customer_name.as_deref(), Some("Ann Lee"));
    assert_eq!(o.currency.as_deref(), Some("USD"));
    assert_eq!(o.total_cents, Some(7747));
    assert_eq!(
        (
            o.subtotal_cents,
            o.shipping_cents,
            o.tax_cents,
            o.discount_cents
        ),
        (Some(7247), Some(500), Some(0), Some(0)),
        "Subtotal, Shipping, Taxes, Discount Amount"
    );
    assert_eq!(
        o.subtotal_mismatch(),
        None,
        "the export's subtotal is its lines' sum"
    );
    assert_eq!(o.shipping_method.as_deref(), Some("Standard Shipping"));
    assert_eq!(o.ordered_at.as_deref(), Some("2025-03-04T15:15:00Z"));
    assert_eq!(o.tags, ["vip", "gift"]);
    assert_eq!(
        o.note.as_deref(),
        Some("Please gift wrap the mug.\nNo invoice in the box, it's a gift.")
    );
}

#[test]
fn leading_quotes_come_off_zips_and_phones() {
    let orders = read("export.csv", EXPORT);
    let a = &orders[0].ship_to;
    assert_eq!(a.zip.as_deref(), Some("02134"));
    assert_eq!(a.phone.as_deref(), Some("+16175550101"));
    assert_eq!(a.address1.as_deref(), Some("12 Elm St"));
    assert_eq!(a.address2.as_deref(), Some("Apt 3"));
    assert_eq!(
        (a.city.as_deref(), a.province.as_deref()),
        (Some("Boston"), Some("MA"))
    );
    assert_eq!(orders[0].phone.as_deref(), Some("+16175550101"));

    let bob = &orders[1];
    assert_eq!(bob.ship_to.zip.as_deref(), Some("07030"));
    assert_eq!(bob.ship_to.company.as_deref(), Some("Stone & Co"));
    assert_eq!(
        bob.phone.as_deref(),
        Some("+12015550188"),
        "no order or billing phone: the shipping phone"
    );
    assert_eq!(orders[4].ship_to.zip.as_deref(), Some("M5H 3T4"));
    assert_eq!(orders[4].ship_to.country.as_deref(), Some("CA"));
}

#[test]
fn cancelled_at_cancels_and_unknown_skus_pass_through() {
    let orders = read("export.csv", EXPORT);
    let cancelled: Vec<bool> = orders.iter().map(|o| o.cancelled).collect();
    assert_eq!(cancelled, [false, false, true, false, false]);
    assert_eq!(skus(&orders[3]), [("TOTE-NAT", 1), ("POSTER-XL", 1)]);
    assert_eq!(orders[4].currency.as_deref(), Some("CAD"));
    assert_eq!(orders[4].units(), 3);
}

#[test]
fn bom_and_semicolons_read_the_same() {
    let eu = read("eu.csv", EXPORT_EU);
    let all = read("export.csv", EXPORT);
    assert_eq!(eu.len(), 2);
    for (eu, us) in eu.iter().zip([&all[0], &all[2]]) {
        assert!(eu.problems.is_empty(), "{:?}", eu.problems);
        assert_eq!(eu.fingerprint(), us.fingerprint(), "{:?}", eu.name);
    }
    assert_eq!(eu[1].source, "eu.csv:6", "CRLF line ends counted once");
}

#[test]
fn columns_are_found_by_name_and_the_name_stands_in_for_a_missing_id() {
    let text = "Lineitem sku,Lineitem quantity,Shipping Zip,Name,Lineitem price\n\
                MUG-WHT,1,'02134,#9,12.50\n\
                CAP-RED,x,,#9,cheap\n\
                ,2,,#10,\n";
    let orders = read("s.csv", text.as_bytes());
    assert_eq!(orders[0].external_id, "#9");
    assert_eq!(orders[0].ship_to.zip.as_deref(), Some("02134"));
    assert_eq!(
        orders[0].problems,
        [
            "s.csv:3: Lineitem quantity: `x` is not a whole number",
            "s.csv:3: Lineitem price: `cheap` is not an amount",
        ]
    );
    assert_eq!(orders[1].problems, ["s.csv:4: Lineitem sku: is empty"]);
}

#[test]
fn a_name_coming_back_later_is_a_problem() {
    let text = "Name,Id,Lineitem sku,Lineitem quantity\n#1,11,A,1\n#2,12,B,1\n#1,,C,1\n";
    let orders = read("d.csv", text.as_bytes());
    assert_eq!(orders.len(), 3);
    assert_eq!(
        orders[2].problems,
        ["d.csv:4: Name: `#1` already appeared on line 2; \
          the rows of one order must be next to each other"]
    );
}

#[test]
fn an_export_without_line_columns_is_refused() {
    let Err(e) = read_orders(
        OrderFormat::ShopifyCsv,
        "p.csv",
        Box::new(Cursor::new(b"Handle,Title,Variant SKU\n".to_vec())),
    ) else {
        panic!("a products CSV was read as orders");
    };
    assert_eq!(
        e.to_string(),
        "p.csv:1: missing column(s): Name, Lineitem quantity, Lineitem sku"
    );
}
