//! The `shopify` connector sending order updates to a mock GraphQL Admin API on
//! 127.0.0.1: fulfillments through fulfillment orders (one call per location, never twice,
//! lost answers looked up), cancellations, userErrors and holds as per-order refusals.
//! Stock: tests/shopify_stock.rs. Fixtures: tests/fixtures/shopify_graphql/
//! (`fulfillment-*`), modelled on the GraphQL Admin reference.

mod connector_support;

use connector_support::{SHOPIFY_GRAPHQL, fixture, shopify};
use httpmock::prelude::*;
use oms::model::shipment::{FulfilledLine, Fulfillment, OrderUpdate};
use serde_json::{Value, json};

const TRACKING: &str = "1Z999AA10123456784";

fn update(fulfillments: Vec<Fulfillment>, cancelled: bool) -> OrderUpdate {
    OrderUpdate {
        order_id: 12,
        external_id: "450789470".into(),
        order_name: Some("#1002".into()),
        status: if cancelled { "cancelled" } else { "shipped" }.into(),
        cancelled,
        fulfillments,
    }
}

fn shipped(reference: &str, tracking: &str, lines: &[(&str, Option<&str>, i64)]) -> Fulfillment {
    Fulfillment {
        reference: reference.into(),
        carrier: Some("UPS".into()),
        tracking_numbers: vec![tracking.into()],
        tracking_url: Some(format!("https://www.ups.com/track?tracknum={tracking}")),
        lines: lines
            .iter()
            .map(|(sku, line, quantity)| FulfilledLine {
                sku: sku.to_string(),
                external_line_id: line.map(str::to_string),
                quantity: *quantity,
                lots: Vec::new(),
            })
            .collect(),
        ..Default::default()
    }
}

/// The `query OrderFulfilment` for one order.
fn order<'a>(server: &'a MockServer, id: &str, body: String) -> httpmock::Mock<'a> {
    let vars = json!({ "variables": { "id": format!("gid://shopify/Order/{id}") } }).to_string();
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("query OrderFulfilment")
            .json_body_includes(vars);
        then.status(200).body(body);
    })
}

/// One `fulfillmentCreate` whose input is exactly `input`.
fn create<'a>(
    server: &'a MockServer,
    input: Value,
    status: u16,
    body: String,
) -> httpmock::Mock<'a> {
    let vars = json!({ "variables": { "fulfillment": input } }).to_string();
    server.mock(move |when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation FulfillmentCreate")
            .json_body_includes(vars);
        then.status(status).body(body);
    })
}

fn input(fulfillment_order: &str, line: &str, quantity: i64) -> Value {
    json!({
        "lineItemsByFulfillmentOrder": [{
            "fulfillmentOrderId": format!("gid://shopify/FulfillmentOrder/{fulfillment_order}"),
            "fulfillmentOrderLineItems": [{
                "id": format!("gid://shopify/FulfillmentOrderLineItem/{line}"),
                "quantity": quantity
            }]
        }],
        "notifyCustomer": false,
        "trackingInfo": {
            "number": TRACKING,
            "company": "UPS",
            "url": format!("https://www.ups.com/track?tracknum={TRACKING}")
        }
    })
}

#[test]
fn fulfillments_go_one_call_per_location_and_what_the_shop_shows_is_not_sent_again() {
    let server = MockServer::start();
    order(
        &server,
        "450789470",
        fixture("shopify_graphql/fulfillment-order.json"),
    );
    let ottawa = create(
        &server,
        input("1046000780", "1072503278", 1),
        200,
        fixture("shopify_graphql/fulfillment-create.json"),
    );
    let montreal = create(
        &server,
        input("1046000781", "1072503280", 2),
        200,
        fixture("shopify_graphql/fulfillment-create-montreal.json"),
    );
    let any_create = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation FulfillmentCreate");
        then.status(500).body("unexpected fulfillmentCreate");
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    // Shipped before (the shop shows a fulfillment with its tracking number).
    let already = shipped(
        "S0000001",
        "1Z001985YW99744790",
        &[("IPOD2008BLACK", Some("466157050"), 1)],
    );
    // Red ships from Ottawa, pink (found by SKU: no line id) from Montreal. The cancelled
    // fulfillment with the same tracking number shipped nothing and does not count.
    let new = shipped(
        "S0000002",
        TRACKING,
        &[
            ("IPOD2008RED", Some("518995020"), 1),
            ("ipod2008pink", None, 2),
        ],
    );
    let answers = ch
        .export_orders(&[update(vec![already.clone(), new], false)])
        .unwrap();
    ottawa.assert_calls(1);
    montreal.assert_calls(1);
    any_create.assert_calls(0);
    assert_eq!(answers.len(), 1);
    assert_eq!(
        (answers[0].reference.as_str(), &answers[0].error),
        ("12", &None)
    );
    assert_eq!(
        answers[0].external_id.as_deref(),
        Some("255858046,1069019868,1069019869")
    );

    // Sent again (an answer lost in a crash): the shop has it, nothing is created.
    let again = ch.export_orders(&[update(vec![already], false)]).unwrap();
    ottawa.assert_calls(1);
    montreal.assert_calls(1);
    any_create.assert_calls(0);
    assert_eq!(again[0].external_id.as_deref(), Some("255858046"));
}

#[test]
fn a_lost_answer_after_fulfillment_create_is_looked_up_and_not_sent_twice() {
    let server = MockServer::start();
    // The first read sees the order before; every read after sees the fulfillment that
    // the shop made even though its answer never arrived.
    let before = order(
        &server,
        "450789470",
        fixture("shopify_graphql/fulfillment-order.json"),
    );
    before.up_to_n_times(1);
    let after = order(
        &server,
        "450789470",
        fixture("shopify_graphql/fulfillment-order-after-create.json"),
    );
    let lost = create(
        &server,
        input("1046000780", "1072503278", 1),
        502,
        "<html><body>502 Bad Gateway</body></html>".into(),
    );
    let (_dir, mut ch) = shopify(&server, 2, "");
    let red = shipped(
        "S0000002",
        TRACKING,
        &[("IPOD2008RED", Some("518995020"), 1)],
    );
    let answers = ch
        .export_orders(&[update(vec![red.clone()], false)])
        .unwrap();
    lost.assert_calls(1);
    before.assert_calls(1);
    after.assert_calls(1);
    assert_eq!(answers[0].error, None, "{answers:?}");
    assert_eq!(answers[0].external_id.as_deref(), Some("1069019868"));

    // A resend of the same batch finds it too.
    let again = ch.export_orders(&[update(vec![red], false)]).unwrap();
    lost.assert_calls(1);
    assert_eq!(again[0].external_id.as_deref(), Some("1069019868"));
}

#[test]
fn user_errors_and_holds_refuse_one_order_and_cancellations_go_only_to_orders_still_open() {
    let server = MockServer::start();
    order(
        &server,
        "450789470",
        fixture("shopify_graphql/fulfillment-order.json"),
    );
    order(
        &server,
        "450789471",
        fixture("shopify_graphql/fulfillment-order-cancelled.json"),
    );
    order(
        &server,
        "450789472",
        fixture("shopify_graphql/fulfillment-order-open.json"),
    );
    let refused = create(
        &server,
        input("1046000780", "1072503278", 1),
        200,
        fixture("shopify_graphql/fulfillment-create-user-errors.json"),
    );
    let cancel = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation OrderCancel")
            // no refund from oms: the shop keeps refunds (`refund` is deprecated since 2025-07)
            .body_includes("refundMethod: { originalPaymentMethodsRefund: false }")
            .json_body_includes(
                json!({ "variables": { "orderId": "gid://shopify/Order/450789472", "notifyCustomer": false } })
                    .to_string(),
            );
        then.status(200)
            .body(fixture("shopify_graphql/fulfillment-order-cancel.json"));
    });
    let any_cancel = server.mock(|when, then| {
        when.method(POST)
            .path(SHOPIFY_GRAPHQL)
            .body_includes("mutation OrderCancel");
        then.status(500).body("unexpected orderCancel");
    });
    let (_dir, mut ch) = shopify(&server, 2, "");
    let red = shipped(
        "S0000002",
        TRACKING,
        &[("IPOD2008RED", Some("518995020"), 1)],
    );
    let cancelled_there = OrderUpdate {
        order_id: 13,
        external_id: "450789471".into(),
        order_name: Some("#1003".into()),
        ..update(Vec::new(), true)
    };
    let open_there = OrderUpdate {
        order_id: 14,
        external_id: "gid://shopify/Order/450789472".into(),
        order_name: Some("#1004".into()),
        ..update(Vec::new(), true)
    };
    order(
        &server,
        "450789473",
        fixture("shopify_graphql/fulfillment-order-on-hold.json"),
    );
    let on_hold = OrderUpdate {
        order_id: 16,
        external_id: "450789473".into(),
        order_name: Some("#1006".into()),
        ..update(
            vec![shipped(
                "S0000009",
                TRACKING,
                &[("IPOD2008RED", Some("518995032"), 1)],
            )],
            false,
        )
    };
    let not_an_id = OrderUpdate {
        order_id: 15,
        external_id: "#1005".into(),
        ..update(Vec::new(), true)
    };
    let answers = ch
        .export_orders(&[
            update(vec![red], false),
            cancelled_there,
            open_there,
            not_an_id,
            on_hold,
        ])
        .unwrap();
    refused.assert_calls(1);
    cancel.assert_calls(1);
    any_cancel.assert_calls(0);
    let errors: Vec<_> = answers
        .iter()
        .map(|a| (a.reference.as_str(), a.error.as_deref()))
        .collect();
    assert_eq!(
        errors,
        [
            (
                "12",
                Some(
                    "order 12 (#1002): Shopify refused the fulfillment of shipment S0000002: \
                     fulfillment.lineItemsByFulfillmentOrder.0.fulfillmentOrderLineItems.0.quantity: \
                     Invalid fulfillment order line item quantity requested."
                )
            ),
            ("13", None),
            ("14", None),
            ("15", Some("order 15: `#1005` is not a Shopify order id")),
            (
                "16",
                Some(
                    "order 16 (#1006): shipment S0000009: 1 unit of `IPOD2008RED` waits on a \
                     fulfillment order that is ON_HOLD in Shopify; sent again by the next export"
                )
            ),
        ]
    );
}
