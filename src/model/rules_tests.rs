use super::*;

fn cond(text: &str) -> Cond {
    toml::from_str(text).expect("condition toml")
}

fn with<'a>(lines: &'a [FactLine], address: &'a Address, tags: &'a [String]) -> Facts<'a> {
    Facts {
        channel: "web",
        name: Some("#1001"),
        external_id: "1001",
        tags,
        ship_to: address,
        shipping_method: Some("Express"),
        carrier_service: Some("ups-ground"),
        requested_warehouse: None,
        status: "approved",
        lines,
        stated_total_cents: None,
        stock: None,
    }
}

#[test]
fn nesting_and_reasons() {
    let lines = vec![
        FactLine {
            sku_key: "tee".into(),
            quantity: 2,
            price_cents: Some(1500),
        },
        FactLine {
            sku_key: "mug".into(),
            quantity: 1,
            price_cents: Some(1000),
        },
    ];
    let a = Address {
        country: Some("CA".into()),
        zip: Some("V6B 1A1".into()),
        address1: Some("1 Main Street".into()),
        ..Default::default()
    };
    let tags = vec!["vip".to_string()];
    let f = with(&lines, &a, &tags);
    assert_eq!(f.total_cents(), Ok(4000));
    assert!(check(&cond("not = { country = \"US\" }"), &f).is_ok());
    assert_eq!(
        check(&cond("not = { country = \"ca\" }"), &f),
        Err("not: country = ca holds".to_string())
    );
    let any = cond("any = [{ tag = \"wholesale\" }, { total_over = 39.99 }]");
    assert!(check(&any, &f).is_ok());
    let none = cond("any = [{ tag = \"wholesale\" }, { total_over = 40.0 }]");
    let why = check(&none, &f).unwrap_err();
    assert!(why.contains("total is 40.00, not over 40.00"), "{why}");
    let deep = cond(
        "all = [{ zip_prefix = \"v6b\" }, { not = { any = [{ sku = \"GIFT\" }, { lines_over = 2 }] } }]\naddress = \"main\"",
    );
    assert!(check(&deep, &f).is_ok());
    assert_eq!(
        check(&cond("units_under = 3"), &f),
        Err("units is 3, not under 3".to_string())
    );
    assert!(check(&cond("stock_below = { sku = \"tee\", quantity = 1 }"), &f).is_err());
}

#[test]
fn totals_use_checked_arithmetic_and_the_stated_total() {
    let huge = vec![FactLine {
        sku_key: "x".into(),
        quantity: i64::MAX,
        price_cents: Some(2),
    }];
    let a = Address::default();
    let f = with(&huge, &a, &[]);
    assert!(f.total_cents().is_err());
    let unpriced = vec![FactLine {
        sku_key: "x".into(),
        quantity: 1,
        price_cents: None,
    }];
    let mut f = with(&unpriced, &a, &[]);
    assert!(f.total_cents().is_err());
    f.stated_total_cents = Some(900);
    assert_eq!(f.total_cents(), Ok(900));
}
