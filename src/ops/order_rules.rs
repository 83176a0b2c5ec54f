//! What an imported order starts as: its status, warehouse and carrier service, from the
//! order itself, the sales channel's order rules and its defaults (SPEC §3, §4.1.1).
//!
//! Pure functions over config values, so the precedence is written down once and tested
//! without a database.

use std::collections::HashMap;

use crate::config::{Defaults, InitialStatus, OrderRule, SalesChannel};
use crate::model::sku_key;

/// The facts about an order that rule conditions look at.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts<'a> {
    /// Country code of the shipping address.
    pub country: Option<&'a str>,
    pub tags: &'a [String],
    pub total_cents: Option<i64>,
    pub units: i64,
    /// The SKU keys ([`sku_key`]) of the order's lines as oms knows them (after sku_map).
    pub sku_keys: &'a [String],
}

/// What the matching rules decided. Each effect comes from the first rule (in config
/// order) that matches and sets it, so a later, broader rule can fill in what an earlier,
/// narrower one left open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Effects<'r> {
    pub status: Option<InitialStatus>,
    pub warehouse: Option<&'r str>,
    pub carrier_service: Option<&'r str>,
}

/// Whether every condition the rule sets holds (a rule without conditions matches all).
/// Text compares ignoring case; an order without a total is never "over" an amount.
pub fn matches(rule: &OrderRule, f: &Facts) -> bool {
    let country = rule.country.as_deref().is_none_or(|want| {
        f.country
            .is_some_and(|c| c.trim().eq_ignore_ascii_case(want.trim()))
    });
    let tag = rule.tag.as_deref().is_none_or(|want| {
        f.tags
            .iter()
            .any(|t| t.trim().eq_ignore_ascii_case(want.trim()))
    });
    let total = rule
        .total_over
        .is_none_or(|over| f.total_cents.is_some_and(|t| t > amount_cents(over)));
    let units = rule.units_over.is_none_or(|over| f.units > over);
    let sku = rule.sku.as_deref().is_none_or(|want| {
        let want = sku_key(want);
        f.sku_keys.contains(&want)
    });
    country && tag && total && units && sku
}

/// Applies `rules` in order; see [`Effects`].
pub fn effects<'r>(rules: &'r [OrderRule], f: &Facts) -> Effects<'r> {
    let mut e = Effects::default();
    for rule in rules {
        if e.status.is_some() && e.warehouse.is_some() && e.carrier_service.is_some() {
            break;
        }
        if !matches(rule, f) {
            continue;
        }
        e.status = e.status.or(rule.status);
        e.warehouse = e
            .warehouse
            .or(rule.warehouse.as_ref().map(|w| w.get_ref().as_str()));
        e.carrier_service = e
            .carrier_service
            .or(rule.carrier_service.as_ref().map(|c| c.get_ref().as_str()));
    }
    e
}

/// The status an imported order starts in: a rule's → the channel's draft thresholds →
/// the channel's `default_status` → `defaults.order_status`.
pub fn initial_status(
    rule: Option<InitialStatus>,
    channel: &SalesChannel,
    defaults: &Defaults,
    total_cents: Option<i64>,
    units: i64,
) -> InitialStatus {
    if let Some(s) = rule {
        return s;
    }
    let over_total = channel
        .draft_if_total_over
        .is_some_and(|over| total_cents.is_some_and(|t| t > amount_cents(over)));
    let over_units = channel.draft_if_units_over.is_some_and(|over| units > over);
    if over_total || over_units {
        return InitialStatus::Draft;
    }
    channel.default_status.unwrap_or(defaults.order_status)
}

/// A channel's `carrier_map` keyed for lookup: shops are not consistent about the case
/// and spacing of their shipping method names.
pub fn carrier_map(channel: &SalesChannel) -> HashMap<String, String> {
    channel
        .carrier_map
        .iter()
        .map(|(method, code)| (method_key(method), code.get_ref().clone()))
        .collect()
}

fn method_key(method: &str) -> String {
    method.trim().to_lowercase()
}

/// The carrier service of an imported order: the order's own → a rule's → the channel's
/// `carrier_map` for its shipping method → the channel's default → `defaults.carrier_service`.
pub fn carrier_service<'a>(
    own: Option<&'a str>,
    rule: Option<&'a str>,
    shipping_method: Option<&str>,
    map: &'a HashMap<String, String>,
    channel: &'a SalesChannel,
    defaults: &'a Defaults,
) -> Option<&'a str> {
    own.filter(|c| !c.trim().is_empty())
        .or(rule)
        .or_else(|| {
            shipping_method
                .and_then(|m| map.get(&method_key(m)))
                .map(String::as_str)
        })
        .or(channel
            .default_carrier_service
            .as_ref()
            .map(|c| c.get_ref().as_str()))
        .or(defaults
            .carrier_service
            .as_ref()
            .map(|c| c.get_ref().as_str()))
}

/// An amount from config (`250.0`) in cents, rounded to the nearest cent.
fn amount_cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::Spanned;

    fn spanned(s: &str) -> Option<Spanned<String>> {
        Some(Spanned::new(0..0, s.to_string()))
    }

    fn channel(toml_text: &str) -> SalesChannel {
        toml::from_str(&format!("kind = \"files\"\n{toml_text}")).expect("channel toml")
    }

    fn facts<'a>(tags: &'a [String], skus: &'a [String]) -> Facts<'a> {
        Facts {
            country: Some("US"),
            tags,
            total_cents: Some(5000),
            units: 3,
            sku_keys: skus,
        }
    }

    #[test]
    fn every_condition_must_hold() {
        let tags = vec!["VIP".to_string()];
        let skus = vec!["tee-blk-s".to_string()];
        let f = facts(&tags, &skus);
        let rule = |r: OrderRule| matches(&r, &f);
        assert!(rule(OrderRule::default()), "no conditions: matches all");
        assert!(rule(OrderRule {
            country: Some("us".into()),
            tag: Some("vip".into()),
            sku: Some(" TEE-BLK-S ".into()),
            total_over: Some(49.99),
            units_over: Some(2),
            ..Default::default()
        }));
        for failing in [
            OrderRule {
                country: Some("CA".into()),
                ..Default::default()
            },
            OrderRule {
                tag: Some("wholesale".into()),
                ..Default::default()
            },
            OrderRule {
                total_over: Some(50.0),
                ..Default::default()
            },
            OrderRule {
                units_over: Some(3),
                ..Default::default()
            },
            OrderRule {
                sku: Some("MUG-WHT".into()),
                ..Default::default()
            },
            OrderRule {
                country: Some("US".into()),
                tag: Some("other".into()),
                ..Default::default()
            },
        ] {
            assert!(!rule(failing), "should not match");
        }
        let no_total = Facts {
            total_cents: None,
            ..f
        };
        let over = OrderRule {
            total_over: Some(0.0),
            ..Default::default()
        };
        assert!(!matches(&over, &no_total), "unknown total is not over");
    }

    #[test]
    fn first_matching_rule_wins_per_effect() {
        let rules = vec![
            OrderRule {
                country: Some("CA".into()),
                warehouse: spanned("north"),
                ..Default::default()
            },
            OrderRule {
                tag: Some("vip".into()),
                status: Some(InitialStatus::Draft),
                carrier_service: spanned("express"),
                ..Default::default()
            },
            OrderRule {
                warehouse: spanned("east"),
                carrier_service: spanned("standard"),
                status: Some(InitialStatus::Approved),
                ..Default::default()
            },
        ];
        let tags = vec!["vip".to_string()];
        let e = effects(&rules, &facts(&tags, &[]));
        assert_eq!(
            e,
            Effects {
                status: Some(InitialStatus::Draft),
                warehouse: Some("east"),
                carrier_service: Some("express"),
            }
        );
        let none = effects(&rules[..1], &facts(&[], &[]));
        assert_eq!(none, Effects::default());
    }

    #[test]
    fn status_precedence() {
        let defaults = Defaults::default();
        let plain = channel("");
        let st = |rule, ch: &SalesChannel, total, units| {
            initial_status(rule, ch, &defaults, total, units)
        };
        assert_eq!(st(None, &plain, Some(1), 1), InitialStatus::Approved);
        let drafty = channel("draft_if_total_over = 100.0\ndraft_if_units_over = 5");
        assert_eq!(st(None, &drafty, Some(10_001), 1), InitialStatus::Draft);
        assert_eq!(st(None, &drafty, Some(10_000), 5), InitialStatus::Approved);
        assert_eq!(st(None, &drafty, None, 6), InitialStatus::Draft);
        assert_eq!(
            st(Some(InitialStatus::Approved), &drafty, Some(99_999), 99),
            InitialStatus::Approved,
            "a rule's status comes first"
        );
        let draft_channel = channel("default_status = \"draft\"");
        assert_eq!(st(None, &draft_channel, None, 1), InitialStatus::Draft);
        let draft_default = Defaults {
            order_status: InitialStatus::Draft,
            ..Defaults::default()
        };
        assert_eq!(
            initial_status(None, &plain, &draft_default, None, 1),
            InitialStatus::Draft
        );
    }

    #[test]
    fn carrier_precedence() {
        let ch = channel(
            "default_carrier_service = \"standard\"\n[carrier_map]\n\"Express Shipping\" = \"express\"",
        );
        let map = carrier_map(&ch);
        let defaults = Defaults {
            carrier_service: spanned("fallback"),
            ..Defaults::default()
        };
        let cs = |own, rule, method| carrier_service(own, rule, method, &map, &ch, &defaults);
        assert_eq!(cs(Some("own"), Some("rule"), None), Some("own"));
        assert_eq!(cs(Some(" "), Some("rule"), None), Some("rule"));
        assert_eq!(cs(None, None, Some(" express shipping")), Some("express"));
        assert_eq!(cs(None, None, Some("Ground")), Some("standard"));
        let bare = channel("");
        let empty = HashMap::new();
        assert_eq!(
            carrier_service(None, None, Some("Ground"), &empty, &bare, &defaults),
            Some("fallback")
        );
    }
}
