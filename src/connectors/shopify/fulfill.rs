//! Order updates out: each shipment that left becomes Shopify fulfillments through the
//! order's fulfillment orders (`fulfillmentCreate`, one call per assigned location, since
//! Shopify refuses a fulfillment that mixes locations), with tracking; a cancellation
//! becomes `orderCancel`.
//!
//! Never twice. The batch is recorded before anything is sent (ops/orders_export.rs), and
//! what the shop already shows is subtracted before creating: units in a fulfillment that
//! carries one of the shipment's tracking numbers are done, and only what the
//! fulfillment orders still call remaining is fulfilled. So a resend after a crash or a
//! lost answer finds the work done and creates nothing.

use std::collections::HashMap;

use serde_json::json;

use super::ShopifyChannel;
use super::fulfill_input::fulfillment_input;
use super::graphql::legacy_id;
use super::wire::{self, text, user_errors};
use crate::connectors::Sent;
use crate::connectors::http::batch::{self, Refusal};
use crate::connectors::http::{HttpError, Retry};
use crate::model::shipment::{FulfilledLine, Fulfillment, OrderUpdate};
use crate::model::sku_key;

/// Fulfillment order statuses Shopify accepts new fulfillments for.
const FULFILLABLE: [&str; 2] = ["OPEN", "IN_PROGRESS"];
/// Fulfillment order statuses whose lines may become fulfillable later: units waiting
/// there are not done, so the order is refused now and sent again by the next export.
const WAITING: [&str; 3] = ["ON_HOLD", "SCHEDULED", "INCOMPLETE"];
/// Fulfillment statuses that did not ship anything.
const VOID: [&str; 3] = ["CANCELLED", "ERROR", "FAILURE"];

// The page sizes keep the query under Shopify's 1,000-point cap for one query; an order
// with more fulfillments or lines than this is beyond what a merchant ships by hand.
const ORDER_QUERY: &str = r#"query OrderFulfilment($id: ID!) {
  order(id: $id) {
    id
    name
    cancelledAt
    fulfillments(first: 10) {
      id
      status
      location { id }
      trackingInfo(first: 5) { number company url }
      fulfillmentLineItems(first: 25) { nodes { quantity lineItem { id } } }
    }
    fulfillmentOrders(first: 10) {
      nodes {
        id
        status
        assignedLocation { name location { id } }
        lineItems(first: 40) { nodes { id remainingQuantity lineItem { id sku } } }
      }
    }
  }
}"#;

const CREATE: &str = r#"mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status location { id } trackingInfo { number company url } }
    userErrors { field message }
  }
}"#;

// Refunds stay the shop's business: `refundMethod` (which replaced the deprecated `refund`
// argument in 2025-07) asks for no refund to the original payment methods.
const CANCEL: &str = r#"mutation OrderCancel($orderId: ID!, $notifyCustomer: Boolean) {
  orderCancel(orderId: $orderId, reason: OTHER, refundMethod: { originalPaymentMethodsRefund: false }, restock: false, notifyCustomer: $notifyCustomer) {
    job { id }
    orderCancelUserErrors { field message code }
  }
}"#;

pub(super) fn export(
    ch: &mut ShopifyChannel,
    updates: &[OrderUpdate],
) -> anyhow::Result<Vec<Sent>> {
    batch::each(updates, |u| u.order_id.to_string(), |u| export_one(ch, u))
}

fn export_one(ch: &mut ShopifyChannel, u: &OrderUpdate) -> Result<Option<String>, Refusal> {
    let id = u.external_id.trim();
    if id.is_empty() || !legacy_id(id).bytes().all(|b| b.is_ascii_digit()) {
        return Err(Refusal::Record(format!(
            "order {}: `{}` is not a Shopify order id",
            u.order_id, u.external_id
        )));
    }
    let mut order = OrderState::read(ch, u)?;
    let mut ids: Vec<String> = Vec::new();
    for f in &u.fulfillments {
        for done in order.fulfil(ch, f)? {
            if !ids.contains(&done) {
                ids.push(done);
            }
        }
    }
    if u.cancelled {
        order.cancel(ch)?;
    }
    Ok((!ids.is_empty()).then(|| ids.join(",")))
}

/// One fulfillment order line the shop could still fulfil.
#[derive(Debug, Clone)]
struct OpenLine {
    fulfillment_order: String,
    line: String,
    /// The order line item's legacy id (what oms keeps as `external_line_id`).
    line_item: String,
    /// The assigned location's id; empty when the shop does not say.
    location: String,
    remaining: i64,
}

/// What the shop knows about one order's fulfilment, kept current as oms adds to it.
struct OrderState {
    gid: String,
    /// How messages name the order: oms's id and the shop's name.
    label: String,
    cancelled: bool,
    existing: Vec<wire::Fulfillment>,
    open: Vec<OpenLine>,
    /// (order line item id, fulfillment order status) of lines waiting on a hold.
    waiting: Vec<(String, String)>,
    /// SKU key → order line item ids, over every fulfillment order (open or not).
    by_sku: HashMap<String, Vec<String>>,
}

impl OrderState {
    fn read(ch: &mut ShopifyChannel, u: &OrderUpdate) -> Result<OrderState, Refusal> {
        let id = legacy_id(u.external_id.trim());
        let mut state = OrderState {
            gid: format!("gid://shopify/Order/{id}"),
            label: match &u.order_name {
                Some(name) => format!("order {} ({name})", u.order_id),
                None => format!("order {}", u.order_id),
            },
            cancelled: false,
            existing: Vec::new(),
            open: Vec::new(),
            waiting: Vec::new(),
            by_sku: HashMap::new(),
        };
        state.refresh(ch)?;
        Ok(state)
    }

    fn refresh(&mut self, ch: &mut ShopifyChannel) -> Result<(), Refusal> {
        let data: wire::OrderData =
            ch.gql
                .run("order", ORDER_QUERY, json!({ "id": self.gid }), Retry::Safe)?;
        let Some(order) = data.order else {
            return Err(Refusal::Record(format!(
                "{}: the shop has no order {}",
                self.label,
                legacy_id(&self.gid)
            )));
        };
        self.cancelled = order.cancelled_at.is_some();
        self.existing = order.fulfillments;
        self.open.clear();
        self.waiting.clear();
        self.by_sku.clear();
        for fo in &order.fulfillment_orders.nodes {
            let status = fo.status.as_deref().unwrap_or("").to_ascii_uppercase();
            let location = fo
                .assigned_location
                .as_ref()
                .and_then(|l| l.location.as_ref())
                .map(|l| l.id.clone())
                .unwrap_or_default();
            for l in &fo.line_items.nodes {
                let Some(item) = &l.line_item else { continue };
                let line_item = legacy_id(&item.id).to_string();
                if let Some(sku) = text(&item.sku) {
                    let ids = self.by_sku.entry(sku_key(&sku)).or_default();
                    if !ids.contains(&line_item) {
                        ids.push(line_item.clone());
                    }
                }
                if WAITING.contains(&status.as_str()) && l.remaining_quantity > 0 {
                    self.waiting.push((line_item.clone(), status.clone()));
                }
                if FULFILLABLE.contains(&status.as_str()) && l.remaining_quantity > 0 {
                    self.open.push(OpenLine {
                        fulfillment_order: fo.id.clone(),
                        line: l.id.clone(),
                        line_item,
                        location: location.clone(),
                        remaining: l.remaining_quantity,
                    });
                }
            }
        }
        Ok(())
    }

    /// The shop's live fulfillments that carry one of `f`'s tracking numbers.
    fn matching(&self, f: &Fulfillment) -> Vec<&wire::Fulfillment> {
        let mine: Vec<&str> = f
            .tracking_numbers
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        self.existing
            .iter()
            .filter(|x| {
                let status = x.status.as_deref().unwrap_or("").to_ascii_uppercase();
                !VOID.contains(&status.as_str())
            })
            .filter(|x| {
                x.tracking_info
                    .iter()
                    .filter_map(|t| t.number.as_deref())
                    .any(|t| mine.contains(&t.trim()))
            })
            .collect()
    }

    /// Fulfils what of `f` the shop does not show yet; the shop's ids of the fulfillments
    /// that now carry it (none when there was nothing left to fulfil).
    fn fulfil(&mut self, ch: &mut ShopifyChannel, f: &Fulfillment) -> Result<Vec<String>, Refusal> {
        let matched = self.matching(f);
        let mut ids: Vec<String> = matched
            .iter()
            .map(|x| legacy_id(&x.id).to_string())
            .collect();
        let mut done: HashMap<String, i64> = HashMap::new();
        for x in &matched {
            for l in &x.fulfillment_line_items.nodes {
                if let Some(item) = &l.line_item {
                    *done.entry(legacy_id(&item.id).to_string()).or_default() += l.quantity;
                }
            }
        }
        // (location, fulfillment order, its line, units), taken from the open lines.
        let mut take: Vec<(String, String, String, i64)> = Vec::new();
        for line in &f.lines {
            let line_item = self.line_item_id(f, line)?;
            let already = done.entry(line_item.clone()).or_default();
            let shown = (*already).min(line.quantity);
            *already -= shown;
            let need = line.quantity - shown;
            let mut left = need;
            for open in self.open.iter_mut().filter(|o| o.line_item == line_item) {
                let units = left.min(open.remaining);
                if units > 0 {
                    take.push((
                        open.location.clone(),
                        open.fulfillment_order.clone(),
                        open.line.clone(),
                        units,
                    ));
                    open.remaining -= units;
                    left -= units;
                }
            }
            if let Some((_, status)) = self
                .waiting
                .iter()
                .find(|w| w.0 == line_item)
                .filter(|_| left > 0)
            {
                return Err(Refusal::Record(format!(
                    "{}: shipment {}: {} of `{}` {} on a fulfillment order that is {status} in Shopify; sent again by the next export",
                    self.label,
                    f.reference,
                    crate::model::words::count(left, "unit"),
                    line.sku,
                    if left == 1 { "waits" } else { "wait" }
                )));
            }
            if left > 0 && left < need {
                tracing::warn!(
                    "channel `{}`: shipment {}: {} of `{}` no longer fulfillable in Shopify {}; fulfilling the rest",
                    ch.code,
                    f.reference,
                    crate::model::words::count(left, "unit"),
                    line.sku,
                    self.label
                );
            }
        }
        let mut locations: Vec<String> = Vec::new();
        for (location, ..) in &take {
            if !locations.contains(location) {
                locations.push(location.clone());
            }
        }
        for location in locations {
            let group: Vec<&(String, String, String, i64)> =
                take.iter().filter(|t| t.0 == location).collect();
            if let Some(id) = self.create(ch, f, &group)? {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// One `fulfillmentCreate` for lines at one location. A lost answer is looked up
    /// before anything else: the order is read again and what it shows decides.
    fn create(
        &mut self,
        ch: &mut ShopifyChannel,
        f: &Fulfillment,
        group: &[&(String, String, String, i64)],
    ) -> Result<Option<String>, Refusal> {
        let input = fulfillment_input(f, group, ch.notify_customer);
        let answer: Result<wire::FulfillmentCreateData, HttpError> = ch.gql.run(
            "fulfillmentCreate",
            CREATE,
            json!({ "fulfillment": input }),
            Retry::Unsafe,
        );
        match answer {
            Ok(data) => {
                let payload = data.fulfillment_create.unwrap_or_default();
                if !payload.user_errors.is_empty() {
                    return Err(Refusal::Record(format!(
                        "{}: Shopify refused the fulfillment of shipment {}: {}",
                        self.label,
                        f.reference,
                        user_errors(&payload.user_errors)
                    )));
                }
                let Some(created) = payload.fulfillment else {
                    return Err(Refusal::Record(format!(
                        "{}: Shopify answered the fulfillment of shipment {} without a fulfillment",
                        self.label, f.reference
                    )));
                };
                let id = legacy_id(&created.id).to_string();
                self.existing.push(created);
                Ok(Some(id))
            }
            Err(e) if e.maybe_applied => {
                tracing::info!(
                    "channel `{}`: the answer to fulfilling shipment {} was lost ({e}); looking at the order",
                    ch.code,
                    f.reference
                );
                let before: Vec<(String, i64)> = group
                    .iter()
                    .map(|(_, _, line, units)| (line.clone(), *units))
                    .collect();
                let known: Vec<String> = self.existing.iter().map(|x| x.id.clone()).collect();
                self.refresh(ch)?;
                let location = group.first().map(|g| g.0.as_str()).unwrap_or("");
                if let Some(made) = self.matching(f).into_iter().find(|x| {
                    !known.contains(&x.id)
                        && x.location
                            .as_ref()
                            .is_none_or(|l| l.id == location || location.is_empty())
                }) {
                    return Ok(Some(legacy_id(&made.id).to_string()));
                }
                // No tracking to recognise it by: the lines it would have fulfilled tell.
                let still_open = before.iter().any(|(line, units)| {
                    self.open
                        .iter()
                        .any(|o| &o.line == line && o.remaining >= *units)
                });
                if still_open { Err(e.into()) } else { Ok(None) }
            }
            Err(e) => Err(e.into()),
        }
    }

    fn line_item_id(&self, f: &Fulfillment, line: &FulfilledLine) -> Result<String, Refusal> {
        if let Some(id) = line
            .external_line_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            return Ok(legacy_id(id).to_string());
        }
        match self.by_sku.get(&sku_key(&line.sku)).map(Vec::as_slice) {
            Some([one]) => Ok(one.clone()),
            Some(many) if many.len() > 1 => Err(Refusal::Record(format!(
                "{}: shipment {}: SKU `{}` is on several lines of the Shopify order; oms needs the line id",
                self.label, f.reference, line.sku
            ))),
            _ => Err(Refusal::Record(format!(
                "{}: shipment {}: SKU `{}` is not on the Shopify order",
                self.label, f.reference, line.sku
            ))),
        }
    }

    /// Cancels the order unless the shop shows it cancelled already.
    fn cancel(&mut self, ch: &mut ShopifyChannel) -> Result<(), Refusal> {
        if self.cancelled {
            return Ok(());
        }
        // A second cancel is refused, never doubled, so a lost answer may be sent again.
        let data: wire::OrderCancelData = ch.gql.run(
            "orderCancel",
            CANCEL,
            json!({ "orderId": self.gid, "notifyCustomer": ch.notify_customer }),
            Retry::Safe,
        )?;
        let errors = data
            .order_cancel
            .unwrap_or_default()
            .order_cancel_user_errors;
        if errors.is_empty() {
            return Ok(());
        }
        // What a second cancel gets, too: believe the order, not the error.
        self.refresh(ch)?;
        if self.cancelled {
            return Ok(());
        }
        Err(Refusal::Record(format!(
            "{}: Shopify refused to cancel it: {}",
            self.label,
            user_errors(&errors)
        )))
    }
}
