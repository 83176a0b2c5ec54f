//! Unit tests of [`super`]: checks, rules and the stored shape of an incoming order.

use super::*;
use crate::model::order::OrderLineIn;

fn config(channel: &str) -> Config {
    let text = format!(
        "[carrier_services.std]\ncarrier = \"A\"\nservice = \"S\"\n\
         [carrier_services.express]\ncarrier = \"A\"\nservice = \"E\"\n\
         [fulfillment_channels.f]\nkind = \"files\"\npath = \"f\"\n\
         [warehouses.east]\nfulfillment_channel = \"f\"\n\
         [sales_channels.web]\nkind = \"files\"\npath = \"w\"\n{channel}"
    );
    crate::config::parse(std::path::Path::new("oms.toml"), &text, None).expect("config")
}

fn order(lines: &[(&str, i64)]) -> OrderIn {
    OrderIn {
        external_id: "1001".into(),
        source: "o.csv:2".into(),
        total_cents: Some(12_000),
        tags: vec!["vip".into(), "gift".into()],
        shipping_method: Some("Express Shipping".into()),
        ship_to: crate::model::order::Address {
            name: Some("Ann Lee".into()),
            address1: Some("1 Elm St".into()),
            country: Some("US".into()),
            ..Default::default()
        },
        lines: lines
            .iter()
            .enumerate()
            .map(|(i, (sku, quantity))| OrderLineIn {
                sku: sku.to_string(),
                quantity: *quantity,
                source: format!("o.csv:{}", i + 2),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn catalog() -> HashMap<String, i64> {
    [("tee-blk-s".to_string(), 1), ("mug-wht".to_string(), 2)].into()
}

#[test]
fn a_missing_ship_to_is_named_unless_the_channel_turns_it_off() {
    let mut o = order(&[("MUG-WHT", 1)]);
    o.ship_to.address1 = None;
    o.ship_to.country = Some(" ".into());
    let c = config("");
    let ch = Channel::new(&c, "web").unwrap();
    let reasons = ch.check(&o, &catalog(), &mut String::new()).unwrap_err();
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(
        reasons[0].starts_with("o.csv:2: ship_to.address1, ship_to.country: missing"),
        "{reasons:?}"
    );
    let c = config("require_ship_to = false\n");
    let ch = Channel::new(&c, "web").unwrap();
    assert_eq!(ch.check(&o, &catalog(), &mut String::new()), Ok(vec![2]));
}

#[test]
fn checks_name_every_reason() {
    let c = config(
        "[sales_channels.web.sku_map]\n\"SHOP-TEE\" = \"TEE-BLK-S\"\n\"SHOP-OLD\" = \"GONE\"",
    );
    let ch = Channel::new(&c, "web").unwrap();
    let mut key = String::new();
    let ok = ch.check(
        &order(&[(" shop-tee ", 1), ("MUG-WHT", 2)]),
        &catalog(),
        &mut key,
    );
    assert_eq!(ok, Ok(vec![1, 2]));
    let bad = order(&[("POSTER-XL", 1), ("", 1), ("shop-old", 0)]);
    let reasons = ch.check(&bad, &catalog(), &mut key).unwrap_err();
    assert_eq!(
        reasons,
        [
            "o.csv:2: sku: unknown SKU `POSTER-XL`",
            "o.csv:3: sku: is empty",
            "o.csv:4: quantity: `0` is not more than 0",
            "o.csv:4: sku: unknown SKU `GONE` (the sku_map of channel `web` maps `shop-old` to it)",
        ]
    );
    // A reader's problems stand for its own checks; the catalog is still asked.
    let mut read = order(&[("POSTER-XL", 0), ("", 1)]);
    read.problems
        .push("o.csv:2: quantity: `zero` is not a whole number".to_string());
    let reasons = ch.check(&read, &catalog(), &mut key).unwrap_err();
    assert_eq!(
        reasons,
        [
            "o.csv:2: quantity: `zero` is not a whole number",
            "o.csv:2: sku: unknown SKU `POSTER-XL`",
        ]
    );
    let empty = ch.check(&order(&[]), &catalog(), &mut key).unwrap_err();
    assert_eq!(empty, ["o.csv:2: lines: the order has no lines"]);
}

#[test]
fn new_orders_take_rules_maps_and_defaults() {
    let c = config(
        "draft_if_units_over = 10\n\
         [sales_channels.web.carrier_map]\n\"express shipping\" = \"express\"\n\
         [[sales_channels.web.rules]]\ntag = \"vip\"\nwarehouse = \"east\"\n\
         [[sales_channels.web.rules]]\nsku = \"MUG-WHT\"\nstatus = \"draft\"",
    );
    let ch = Channel::new(&c, "web").unwrap();
    let v = catalog();
    let p = ch.new_order(order(&[("TEE-BLK-S", 2)]), &[1], "fp".into(), &v);
    let (o, status) = (p.new, p.status);
    assert_eq!(status, OrderStatus::Approved);
    assert_eq!(o.requested_warehouse.as_deref(), Some("east"));
    assert_eq!(o.carrier_service.as_deref(), Some("express"));
    assert_eq!(o.tags.as_deref(), Some("vip, gift"));
    assert_eq!(o.upstream_hash.as_deref(), Some("fp"));
    assert_eq!((o.lines[0].variant_id, o.lines[0].quantity), (1, 2));

    let by_rule = ch
        .new_order(order(&[("mug-wht", 1)]), &[2], "fp".into(), &v)
        .status;
    assert_eq!(by_rule, OrderStatus::Draft);
    let by_units = ch
        .new_order(order(&[("TEE-BLK-S", 11)]), &[1], "fp".into(), &v)
        .status;
    assert_eq!(by_units, OrderStatus::Draft);
}

#[test]
fn keys_match_sku_key() {
    let mut buf = String::new();
    for sku in [" Tee-Red-M ", "ÉCHARPE-Ω", "plain"] {
        assert_eq!(key_into(&mut buf, sku), sku_key(sku));
    }
}
