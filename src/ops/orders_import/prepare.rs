//! From an incoming order to one ready to store: validation against the catalog after the
//! channel's SKU map (SPEC §4.1.1), then status, warehouse and carrier service from the
//! order, the channel's rules and the defaults (ops::order_rules). No SQL here: the
//! catalog is a map loaded once per run, so a million orders cost no per-line queries.

use std::collections::HashMap;

use crate::config::{Config, Defaults, InitialStatus, SalesChannel};
use crate::error::usage;
use crate::model::order::OrderIn;
use crate::model::rules::{FactLine, Facts};
use crate::model::{NoTotal, OrderStatus, sku_key};
use crate::ops::order_rules::{self, RuleStatus, Stage};
use crate::store::orders::{NewLine, NewOrder};

/// A sales channel's import settings, looked up and keyed once per run.
pub struct Channel<'c> {
    pub code: &'c str,
    pub settings: &'c SalesChannel,
    pub defaults: &'c Defaults,
    /// Channel SKU key → oms SKU key.
    sku_map: HashMap<String, String>,
    carrier_map: HashMap<String, String>,
    pub include_test: bool,
    /// The channel's `require_ship_to` (default true).
    require_ship_to: bool,
    /// For holds: the stock source an order of this channel is held on.
    pub config: &'c Config,
}

impl<'c> Channel<'c> {
    pub fn new(config: &'c Config, code: &'c str) -> anyhow::Result<Channel<'c>> {
        let settings = config
            .sales_channels
            .get(code)
            .ok_or_else(|| usage(config.unknown_sales_channel(code)))?;
        Ok(Channel {
            code,
            settings,
            defaults: &config.defaults,
            sku_map: settings
                .sku_map
                .iter()
                .map(|(from, to)| (sku_key(from), sku_key(to)))
                .collect(),
            carrier_map: order_rules::carrier_map(settings),
            include_test: settings.include_test_orders.unwrap_or(false),
            require_ship_to: settings.require_ship_to.unwrap_or(true),
            config,
        })
    }

    /// Checks `order` (SPEC §4.1.1): the reader's problems, at least one line, and every
    /// line a non-empty SKU known to the catalog after the SKU map, quantity above 0.
    /// Returns each line's variant id, or every reason it is invalid.
    pub fn check(
        &self,
        order: &OrderIn,
        variants: &HashMap<String, i64>,
        key: &mut String,
    ) -> Result<Vec<i64>, Vec<String>> {
        let mut reasons = order.problems.clone();
        // The file readers already check ids, lines and quantities, each in their own
        // words; checking again would only repeat them. Orders from elsewhere (an API
        // connector, a stored rejection) get the same checks here.
        let own_checks = reasons.is_empty();
        if own_checks && order.external_id.trim().is_empty() {
            reasons.push(format!("{}: external_id: is empty", order.source));
        }
        if own_checks && order.lines.is_empty() {
            reasons.push(format!("{}: lines: the order has no lines", order.source));
        }
        // A cancelled order goes to no warehouse: it is stored as cancelled without one.
        if self.require_ship_to && !order.cancelled {
            let missing = order.ship_to.missing_for_shipping();
            if !missing.is_empty() {
                reasons.push(format!(
                    "{}: {}: missing, and a warehouse cannot ship without it (the sales \
                     channel's require_ship_to is on; set it to false for digital or pickup orders)",
                    order.source,
                    missing.join(", ")
                ));
            }
        }
        let mut ids = Vec::with_capacity(order.lines.len());
        for line in &order.lines {
            let at = if line.source.is_empty() {
                &order.source
            } else {
                &line.source
            };
            if own_checks && line.quantity <= 0 {
                reasons.push(format!(
                    "{at}: quantity: `{}` is not more than 0",
                    line.quantity
                ));
            }
            let max = self.defaults.max_line_quantity;
            if line.quantity > max {
                reasons.push(format!(
                    "{at}: quantity: `{}` is more than the limit of {max} units per line \
                     (defaults.max_line_quantity)",
                    line.quantity
                ));
            } else if let Some(price) = line.price_cents
                && price.checked_mul(line.quantity).is_none()
            {
                reasons.push(format!(
                    "{at}: price: {price} cents × {} units is beyond what oms can add up",
                    line.quantity
                ));
            }
            if line.sku.trim().is_empty() {
                if own_checks {
                    reasons.push(format!("{at}: sku: is empty"));
                }
                continue;
            }
            let own = key_into(key, &line.sku);
            let mapped = self.sku_map.get(own);
            match variants.get(mapped.map(String::as_str).unwrap_or(own)) {
                Some(id) => ids.push(*id),
                None => reasons.push(self.unknown_sku(at, line.sku.trim(), mapped.is_some())),
            }
        }
        if reasons.is_empty() {
            Ok(ids)
        } else {
            Err(reasons)
        }
    }

    fn unknown_sku(&self, at: &str, sku: &str, mapped: bool) -> String {
        let target = mapped
            .then(|| {
                let key = sku_key(sku);
                self.settings
                    .sku_map
                    .iter()
                    .find(|(from, _)| sku_key(from) == key)
                    .map(|(_, to)| to.trim())
            })
            .flatten();
        match target {
            Some(to) => format!(
                "{at}: sku: unknown SKU `{to}` (the sku_map of channel `{}` maps `{sku}` to it)",
                self.code
            ),
            None => format!("{at}: sku: unknown SKU `{sku}`"),
        }
    }

    /// The facts rule conditions see for an incoming order (SKUs after the sku_map).
    pub fn fact_lines(&self, order: &OrderIn) -> Vec<FactLine> {
        order
            .lines
            .iter()
            .map(|l| {
                let k = sku_key(&l.sku);
                FactLine {
                    sku_key: self.sku_map.get(&k).cloned().unwrap_or(k),
                    quantity: l.quantity,
                    price_cents: l.price_cents,
                }
            })
            .collect()
    }

    /// The status an order starts in before rules (thresholds, defaults). Thresholds
    /// look at the lines' total, as rules do; the shop's figure only for unpriced lines.
    fn base_status(&self, order: &OrderIn) -> InitialStatus {
        let total = match order.lines_total() {
            Ok(t) => Some(t),
            Err(NoTotal::Unpriced(_)) => order.total_cents,
            Err(NoTotal::Overflow) => None,
        };
        order_rules::initial_status(None, self.settings, self.defaults, total, order.units())
    }

    /// The carrier service an order has before rules: its own, else its shipping method's.
    fn own_carrier<'o>(&'o self, order: &'o OrderIn) -> Option<&'o str> {
        order_rules::carrier_service(
            order.carrier_service.as_deref(),
            None,
            order.shipping_method.as_deref(),
            &self.carrier_map,
            self.settings,
            self.defaults,
        )
    }

    /// What the channel's import rules decide for `order`, and what each rule did.
    pub fn evaluate(
        &self,
        order: &OrderIn,
    ) -> (order_rules::Effects<'c>, Vec<order_rules::RuleOutcome>) {
        let lines = self.fact_lines(order);
        let base = self.base_status(order);
        let status = match base {
            InitialStatus::Draft => "draft",
            InitialStatus::Approved => "approved",
        };
        let facts = Facts {
            channel: self.code,
            name: order.name.as_deref(),
            external_id: &order.external_id,
            tags: &order.tags,
            ship_to: &order.ship_to,
            shipping_method: order.shipping_method.as_deref(),
            carrier_service: self.own_carrier(order),
            requested_warehouse: order.requested_warehouse.as_deref(),
            status,
            lines: &lines,
            stated_total_cents: order.total_cents,
            stock: None,
        };
        order_rules::evaluate(&self.settings.rules, Stage::Import, &facts)
    }

    /// The order as it will be stored, the status it starts in and a rule's hold.
    /// `variant_ids` are [`Channel::check`]'s answer for this order; `variants` finds the
    /// SKUs of lines that rules add.
    pub fn new_order(
        &self,
        order: OrderIn,
        variant_ids: &[i64],
        fingerprint: String,
        variants: &HashMap<String, i64>,
    ) -> Prepared {
        let effects = if self.settings.rules.is_empty() {
            order_rules::Effects::default()
        } else {
            self.evaluate(&order).0
        };
        let mut hold = None;
        let status = match effects.status.as_ref().map(|b| b.value) {
            Some(RuleStatus::Draft) => OrderStatus::Draft,
            Some(RuleStatus::Approved) => OrderStatus::Approved,
            Some(RuleStatus::OnHold(for_)) => {
                let rule = effects
                    .status
                    .as_ref()
                    .map(|b| b.rule.as_str())
                    .unwrap_or("");
                hold = Some(RuleHold {
                    for_,
                    reason: format!("rule `{rule}`"),
                });
                OrderStatus::Approved
            }
            None => match self.base_status(&order) {
                InitialStatus::Draft => OrderStatus::Draft,
                InitialStatus::Approved => OrderStatus::Approved,
            },
        };
        let carrier_service = order_rules::carrier_service(
            order.carrier_service.as_deref(),
            effects.carrier_service.as_ref().map(|b| b.value),
            order.shipping_method.as_deref(),
            &self.carrier_map,
            self.settings,
            self.defaults,
        )
        .map(str::to_string);
        let own_warehouse = order
            .requested_warehouse
            .clone()
            .filter(|w| !w.trim().is_empty());
        // Only the rule's own warehouse can be held to `only_enough_stock`.
        let strict_rule = match (&own_warehouse, &effects.warehouse) {
            (None, Some(by)) if effects.only_enough_stock => Some(by.rule.clone()),
            _ => None,
        };
        let requested_warehouse =
            own_warehouse.or_else(|| effects.warehouse.as_ref().map(|b| b.value.to_string()));
        let mut tags = order.tags.clone();
        for by in &effects.add_tags {
            let tag = by.value.trim();
            if !tag.is_empty() && !tags.iter().any(|t| t.trim().eq_ignore_ascii_case(tag)) {
                tags.push(tag.to_string());
            }
        }
        let tags = (!tags.is_empty()).then(|| tags.join(", "));
        let mut notes = Vec::new();
        let mut line_keys = self.fact_lines(&order);
        let a = order.ship_to;
        let mut lines: Vec<NewLine> = order
            .lines
            .into_iter()
            .zip(variant_ids)
            .map(|(l, id)| NewLine {
                variant_id: *id,
                channel_sku: l.sku,
                external_line_id: l.external_line_id,
                title: l.title,
                quantity: l.quantity,
                price_cents: l.price_cents,
            })
            .collect();
        for by in &effects.add_lines {
            let sku = by.value.sku.get_ref().trim();
            let key = sku_key(sku);
            if line_keys.iter().any(|l| l.sku_key == key) {
                continue;
            }
            match variants.get(&key) {
                Some(id) => {
                    lines.push(NewLine {
                        variant_id: *id,
                        channel_sku: sku.to_string(),
                        title: Some(format!("added by rule `{}`", by.rule)),
                        quantity: *by.value.quantity.get_ref(),
                        price_cents: Some(order_rules::price_cents(by.value)),
                        ..Default::default()
                    });
                    line_keys.push(FactLine {
                        sku_key: key,
                        quantity: 0,
                        price_cents: None,
                    });
                }
                None => notes.push(format!(
                    "rule `{}`: add_line: unknown SKU `{sku}`, not added",
                    by.rule
                )),
            }
        }
        let new = NewOrder {
            channel: self.code.to_string(),
            external_id: order.external_id,
            name: order.name,
            ordered_at: order.ordered_at,
            customer_name: order.customer_name,
            email: order.email,
            phone: order.phone,
            ship_name: a.name,
            ship_company: a.company,
            ship_address1: a.address1,
            ship_address2: a.address2,
            ship_city: a.city,
            ship_province: a.province,
            ship_zip: a.zip,
            ship_country: a.country,
            shipping_method: order.shipping_method,
            carrier_service,
            requested_warehouse,
            currency: order.currency,
            total_cents: order.total_cents,
            subtotal_cents: order.subtotal_cents,
            shipping_cents: order.shipping_cents,
            tax_cents: order.tax_cents,
            discount_cents: order.discount_cents,
            tags,
            note: order.note,
            upstream_updated_at: order.updated_at,
            upstream_hash: Some(fingerprint),
            max_splits: effects.max_splits.as_ref().map(|b| i64::from(b.value)),
            strict_rule,
            cancel_after: order.cancel_after,
            lines,
        };
        Prepared {
            new,
            status,
            hold,
            notes,
        }
    }
}

/// A new order as it will be stored, with what the rules decided beyond its columns.
pub struct Prepared {
    pub new: NewOrder,
    pub status: OrderStatus,
    /// A rule put it on hold: stored `approved`, then held.
    pub hold: Option<RuleHold>,
    /// What could not be done (a rule's line with an unknown SKU), for the report.
    pub notes: Vec<String>,
}

pub struct RuleHold {
    /// None: until a person releases it.
    pub for_: Option<chrono::Duration>,
    pub reason: String,
}

/// [`sku_key`] written into a reused buffer: the per-line lookup of a big import then
/// allocates nothing for the usual ASCII SKUs.
fn key_into<'b>(buf: &'b mut String, sku: &str) -> &'b str {
    buf.clear();
    let trimmed = sku.trim();
    if trimmed.is_ascii() {
        buf.push_str(trimmed);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&sku_key(trimmed));
    }
    buf
}

#[cfg(test)]
#[path = "prepare_tests.rs"]
mod tests;
