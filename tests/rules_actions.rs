//! Order rules (docs/rules.md): one test per action kind, rules evaluated again at
//! processing (`stock_below`) and `only_enough_stock` backorders naming the rule.
//! Through the real binary; the clock is injected, never slept on.

mod common;
mod process_support;
mod rules_support;

use process_support::{assert_stock_consistent, shipments_of, stock};
use rules_support::*;

fn one(id: &str, sku: &str, quantity: &str, extra: &[(&str, &str)]) -> String {
    let mut f = vec![("order_id", id), ("sku", sku), ("quantity", quantity)];
    f.extend_from_slice(extra);
    row(&f)
}

const T_LATER: &str = "2026-11-27T09:31:00Z";

#[test]
fn status_actions_draft_approved_and_on_hold() {
    let env = rules_env(
        "draft_if_units_over = 5",
        r#"
[[sales_channels.web.rules]]
name = "wholesale to draft"
tag = "wholesale"
status = "draft"

[[sales_channels.web.rules]]
name = "big but trusted"
tag = "trusted"
status = "approved"

[[sales_channels.web.rules]]
name = "manual review"
tag = "review"
status = "on_hold"
"#,
    );
    stock(&env, &[("east", "CAP-1", 20)]);
    import(
        &env,
        &csv(&[
            one("W", "CAP-1", "1", &[("tags", "wholesale")]),
            one("T", "CAP-1", "9", &[("tags", "trusted")]),
            one("R", "CAP-1", "1", &[("tags", "review")]),
        ]),
    );
    assert_eq!(column(&env, "W", "status").as_deref(), Some("draft"));
    assert_eq!(
        column(&env, "T", "status").as_deref(),
        Some("approved"),
        "a rule's status comes before draft_if_units_over"
    );
    assert_eq!(column(&env, "R", "status").as_deref(), Some("on_hold"));
    assert_eq!(column(&env, "R", "hold_until"), None, "needs a person");
    assert_eq!(
        column(&env, "R", "hold_reason").as_deref(),
        Some("rule `manual review`")
    );
    assert_stock_consistent(&env);
}

#[test]
fn hold_for_a_duration_reserves_and_releases_on_time() {
    let env = rules_env(
        "",
        r#"
[[sales_channels.web.rules]]
name = "flash sale"
sku = "TEE-RED-M"
hold = "30m"
"#,
    );
    stock(&env, &[("east", "TEE-RED-M", 5)]);
    import(&env, &csv(&[one("F1", "TEE-RED-M", "2", &[])]));
    assert_eq!(
        column(&env, "F1", "hold_reason").as_deref(),
        Some("rule `flash sale`")
    );
    assert_eq!(column(&env, "F1", "status").as_deref(), Some("on_hold"));
    assert_eq!(
        column(&env, "F1", "hold_until").as_deref(),
        Some("2026-11-27T09:30:00Z")
    );
    let held: i64 = env
        .db()
        .query_row(
            "SELECT SUM(d_held) FROM stock_ledger WHERE warehouse = 'all'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(held, 2);
    assert_eq!(
        process_at(&env, "2026-11-27T09:10:00Z")["holds_released"],
        0
    );
    let done = process_at(&env, T_LATER);
    assert_eq!(
        (done["holds_released"].as_i64(), done["allocated"].as_i64()),
        (Some(1), Some(1))
    );
    assert_stock_consistent(&env);
}

#[test]
fn warehouse_selects_where_it_ships_from() {
    let env = rules_env(
        "",
        "\n[[sales_channels.web.rules]]\nname = \"Canada from the west\"\ncountry = \"CA\"\nwarehouse = \"west\"\n",
    );
    stock(&env, &[("east", "MUG-1", 5), ("west", "MUG-1", 5)]);
    import(
        &env,
        &csv(&[
            one("CA1", "MUG-1", "1", &[("ship_country", "CA")]),
            one("US1", "MUG-1", "1", &[("ship_country", "US")]),
        ]),
    );
    assert_eq!(
        column(&env, "CA1", "requested_warehouse").as_deref(),
        Some("west")
    );
    process_at(&env, T0);
    let ca = shipments_of(&env, order_id(&env, "CA1"));
    let us = shipments_of(&env, order_id(&env, "US1"));
    assert_eq!(
        (ca[0].warehouse.as_str(), us[0].warehouse.as_str()),
        ("west", "east")
    );
}

#[test]
fn only_enough_stock_backorders_naming_the_rule() {
    let env = rules_env(
        "",
        r#"
[[sales_channels.web.rules]]
name = "international from west"
not = { country = "US" }
warehouse = "west"
only_enough_stock = true
"#,
    );
    // West has 1, east has plenty: without the rule the order would ship from east.
    stock(
        &env,
        &[("east", "TEE-BLUE-L", 10), ("west", "TEE-BLUE-L", 1)],
    );
    import(
        &env,
        &csv(&[one("GB1", "TEE-BLUE-L", "3", &[("ship_country", "GB")])]),
    );
    assert_eq!(
        column(&env, "GB1", "strict_rule").as_deref(),
        Some("international from west")
    );
    let done = process_at(&env, T0);
    assert_eq!(done["backordered"], 1, "{done}");
    let reason = done["items"][0]["reason"].as_str().unwrap().to_string();
    assert!(
        reason.contains("rule `international from west`"),
        "{reason}"
    );
    assert!(reason.contains("west"), "{reason}");
    assert_eq!(column(&env, "GB1", "status").as_deref(), Some("approved"));
    assert_eq!(column(&env, "GB1", "backordered").as_deref(), Some("1"));
    assert!(shipments_of(&env, order_id(&env, "GB1")).is_empty());
    // Once west has enough, the backorder retry on arrival ships it from west.
    stock(&env, &[("west", "TEE-BLUE-L", 5)]);
    process_at(&env, T0);
    assert_eq!(column(&env, "GB1", "backordered").as_deref(), Some("0"));
    assert_eq!(
        shipments_of(&env, order_id(&env, "GB1"))[0].warehouse,
        "west"
    );
    assert_stock_consistent(&env);
}

#[test]
fn carrier_service_action() {
    let env = rules_env(
        "",
        "\n[[sales_channels.web.rules]]\nunits_over = 2\ncarrier_service = \"ups-ground\"\n",
    );
    import(
        &env,
        &csv(&[one("B", "CAP-1", "3", &[]), one("S", "CAP-1", "1", &[])]),
    );
    assert_eq!(
        column(&env, "B", "carrier_service").as_deref(),
        Some("ups-ground")
    );
    assert_eq!(
        column(&env, "S", "carrier_service").as_deref(),
        Some("standard")
    );
}

#[test]
fn max_splits_action_keeps_an_order_in_one_warehouse() {
    let env = rules_env(
        "",
        "\n[[sales_channels.web.rules]]\nname = \"one box\"\ntag = \"one-box\"\nmax_splits = 1\n",
    );
    // Neither warehouse holds 4 alone; together they do (defaults.max_splits = 2).
    stock(&env, &[("east", "MUG-1", 2), ("west", "MUG-1", 2)]);
    import(
        &env,
        &csv(&[one("ONE", "MUG-1", "4", &[("tags", "one-box")])]),
    );
    assert_eq!(column(&env, "ONE", "max_splits").as_deref(), Some("1"));
    let done = process_at(&env, T0);
    assert_eq!(done["backordered"], 1, "{done}");
    assert!(
        done["items"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("max_splits = 1"),
        "{done}"
    );
}

#[test]
fn add_line_adds_a_free_gift_once() {
    let env = rules_env(
        "",
        r#"
[[sales_channels.web.rules]]
name = "free gift"
total_over = 50.0
add_line = { sku = "CAP-1", quantity = 1, price = 0 }
"#,
    );
    let rows = [
        one("BIG", "TEE-RED-M", "2", &[("price", "28.00")]),
        one("SMALL", "MUG-1", "1", &[("price", "12.50")]),
        one("HAS", "TEE-RED-M", "2", &[("price", "28.00")]),
        one("HAS", "CAP-1", "2", &[("price", "19.00")]),
    ];
    import(&env, &csv(&rows));
    let lines = |id: &str| -> Vec<(String, i64, Option<i64>)> {
        let db = env.db();
        let mut s = db
            .prepare(
                "SELECT v.sku, l.quantity, l.price_cents FROM order_lines l
                 JOIN orders o ON o.id = l.order_id JOIN variants v ON v.id = l.variant_id
                 WHERE o.external_id = ?1 ORDER BY l.line_no",
            )
            .unwrap();
        s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(
        lines("BIG"),
        [
            ("TEE-RED-M".into(), 2, Some(2800)),
            ("CAP-1".into(), 1, Some(0))
        ]
    );
    assert_eq!(lines("SMALL").len(), 1);
    assert_eq!(
        lines("HAS").len(),
        2,
        "an order that has the SKU gets no second line"
    );
    // Importing the same file again changes nothing.
    let again = import(&env, &csv(&rows));
    assert_eq!(again["unchanged"], 3, "{again}");
    assert_eq!(lines("BIG").len(), 2);
}

#[test]
fn add_tag_from_every_matching_rule() {
    let env = rules_env(
        "",
        "\n[[sales_channels.web.rules]]\ncountry = \"CA\"\nadd_tag = \"international\"\n\
         \n[[sales_channels.web.rules]]\nadd_tag = \"web\"\n",
    );
    import(
        &env,
        &csv(&[one(
            "A",
            "CAP-1",
            "1",
            &[("ship_country", "CA"), ("tags", "vip")],
        )]),
    );
    assert_eq!(
        column(&env, "A", "tags").as_deref(),
        Some("vip, international, web")
    );
}

#[test]
fn process_rules_see_stock_just_before_allocation() {
    let env = rules_env(
        "",
        r#"
[[sales_channels.web.rules]]
name = "last units go west"
when = "process"
stock_below = { sku = "TEE-RED-M", quantity = 5 }
warehouse = "west"
add_tag = "low-stock"
"#,
    );
    stock(&env, &[("east", "TEE-RED-M", 4), ("west", "TEE-RED-M", 6)]);
    import(&env, &csv(&[one("P1", "TEE-RED-M", "1", &[])]));
    assert_eq!(
        column(&env, "P1", "requested_warehouse"),
        None,
        "not at import"
    );
    // 10 available over the stock source: not below 5, so the rule does not match.
    process_at(&env, T0);
    assert_eq!(
        shipments_of(&env, order_id(&env, "P1"))[0].warehouse,
        "east"
    );
    // West loses 5: 3 + 1 = 4 are available when P2 is processed, so the rule sends it west.
    stock(&env, &[("west", "TEE-RED-M", -5)]);
    import(&env, &csv(&[one("P2", "TEE-RED-M", "1", &[])]));
    let level: i64 = env
        .db()
        .query_row("SELECT SUM(on_hand - allocated) FROM stock_levels l JOIN variants v ON v.id = l.variant_id WHERE v.sku = 'TEE-RED-M' AND l.warehouse IN ('east','west')", [], |r| r.get(0))
        .unwrap();
    assert!(level < 5, "setup: {level} available");
    let done = env
        .oms(["orders", "process", "--explain", "-o", "json"])
        .env("OMS_TEST_NOW", T0)
        .ok()
        .json();
    let why = done["items"][0]["explanation"].as_str().unwrap_or_default();
    assert!(
        why.starts_with("rule `last units go west` matched: warehouse = west; add_tag low-stock"),
        "{done}"
    );
    assert_eq!(
        column(&env, "P2", "requested_warehouse").as_deref(),
        Some("west")
    );
    assert_eq!(column(&env, "P2", "tags").as_deref(), Some("low-stock"));
    assert_eq!(
        shipments_of(&env, order_id(&env, "P2"))[0].warehouse,
        "west"
    );
    assert_stock_consistent(&env);
}

#[test]
fn process_rule_holds_once() {
    let env = rules_env(
        "",
        r#"
[[sales_channels.web.rules]]
name = "scarce: check by hand"
when = "process"
stock_below = { sku = "CAP-1", quantity = 100 }
status = "on_hold"
"#,
    );
    stock(&env, &[("east", "CAP-1", 3)]);
    import(&env, &csv(&[one("H", "CAP-1", "1", &[])]));
    let done = process_at(&env, T0);
    assert_eq!(done["held"], 1, "{done}");
    assert_eq!(column(&env, "H", "status").as_deref(), Some("on_hold"));
    let id = order_id(&env, "H").to_string();
    env.oms(["orders", "release", &id])
        .env("OMS_TEST_NOW", T0)
        .ok();
    assert_ne!(column(&env, "H", "status").as_deref(), Some("on_hold"));
    let shipped = shipments_of(&env, order_id(&env, "H"));
    assert_eq!(
        shipped.len(),
        1,
        "released by a person, it is not held again"
    );
}
