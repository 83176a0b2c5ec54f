//! What an imported order starts as: its status, warehouse and carrier service, from the
//! order itself, the sales channel's order rules and its defaults (SPEC §3, §4.1.1).
//!
//! Pure functions over config values, so the precedence is written down once and tested
//! without a database.

use std::collections::HashMap;

use serde::Serialize;

use crate::config::{AddLine, Defaults, InitialStatus, OrderRule, SalesChannel};
use crate::model::hold::parse_duration;
use crate::model::rules::{self, Facts};

/// The status an order rule gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleStatus {
    Draft,
    Approved,
    /// On hold for this long, or (None) until a person releases it.
    OnHold(Option<chrono::Duration>),
}

/// An effect and the rule (its label) it came from, so reasons can name the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct By<T> {
    pub value: T,
    pub rule: String,
}

/// What the matching rules decided. Each single effect comes from the first rule (in
/// config order) that matches and sets it, so a later, broader rule can fill in what an
/// earlier, narrower one left open; added lines and tags come from every matching rule.
#[derive(Debug, Clone, Default)]
pub struct Effects<'r> {
    pub status: Option<By<RuleStatus>>,
    pub warehouse: Option<By<&'r str>>,
    /// The warehouse rule's `only_enough_stock`.
    pub only_enough_stock: bool,
    pub carrier_service: Option<By<&'r str>>,
    pub max_splits: Option<By<u32>>,
    pub add_lines: Vec<By<&'r AddLine>>,
    pub add_tags: Vec<By<&'r str>>,
}

/// One rule as `oms rules test` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleOutcome {
    /// 1-based place in the channel's rule list.
    pub rule: usize,
    pub name: String,
    pub when: &'static str,
    /// Whether the rule was evaluated at all (its `when` is this stage).
    pub evaluated: bool,
    pub matched: bool,
    /// The first condition that does not hold.
    pub failed: Option<String>,
    /// What the rule did, or which of its actions an earlier rule had already decided.
    pub effects: Vec<String>,
}

/// Which rules are evaluated: at import, or again just before allocation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Import,
    Process,
}

/// Applies the rules of `stage` in order; see [`Effects`]. Returns what each rule did.
pub fn evaluate<'r>(
    rules: &'r [OrderRule],
    stage: Stage,
    f: &Facts,
) -> (Effects<'r>, Vec<RuleOutcome>) {
    let mut e = Effects::default();
    let mut outcomes = Vec::with_capacity(rules.len());
    for (i, rule) in rules.iter().enumerate() {
        let label = rule.label(i);
        let at_process = rule.at_process();
        let mut out = RuleOutcome {
            rule: i + 1,
            name: label.clone(),
            when: if at_process { "process" } else { "import" },
            evaluated: at_process == (stage == Stage::Process),
            matched: false,
            failed: None,
            effects: Vec::new(),
        };
        if out.evaluated {
            match rules::check(rule, f) {
                Ok(()) => {
                    out.matched = true;
                    apply(rule, &label, &mut e, &mut out.effects);
                }
                Err(why) => out.failed = Some(why),
            }
        }
        outcomes.push(out);
    }
    (e, outcomes)
}

/// Sets what `rule` decides and is still open; notes each action in `said`.
fn apply<'r>(rule: &'r OrderRule, label: &str, e: &mut Effects<'r>, said: &mut Vec<String>) {
    fn first<T: Clone>(
        slot: &mut Option<By<T>>,
        value: T,
        label: &str,
        what: String,
        said: &mut Vec<String>,
    ) {
        match slot {
            Some(by) => said.push(format!(
                "{what} (not applied: rule `{}` decided it first)",
                by.rule
            )),
            None => {
                *slot = Some(By {
                    value,
                    rule: label.to_string(),
                });
                said.push(what);
            }
        }
    }
    let status = match (
        &rule.hold,
        rule.status.as_ref().map(|s| s.get_ref().as_str()),
    ) {
        // `config check` refuses a bad duration; one that slips through holds without a time.
        (Some(h), _) => Some((
            RuleStatus::OnHold(parse_duration(h.get_ref()).ok()),
            format!("hold for {}", h.get_ref()),
        )),
        (None, Some("draft")) => Some((RuleStatus::Draft, "status = draft".to_string())),
        (None, Some("approved")) => Some((RuleStatus::Approved, "status = approved".to_string())),
        (None, Some("on_hold")) => Some((
            RuleStatus::OnHold(None),
            "status = on_hold (until released by hand)".to_string(),
        )),
        _ => None,
    };
    if let Some((st, what)) = status {
        first(&mut e.status, st, label, what, said);
    }
    if let Some(w) = &rule.warehouse {
        let strict = rule.only_enough_stock == Some(true);
        let what = if strict {
            format!("warehouse = {} (only_enough_stock)", w.get_ref())
        } else {
            format!("warehouse = {}", w.get_ref())
        };
        if e.warehouse.is_none() {
            e.only_enough_stock = strict;
        }
        first(&mut e.warehouse, w.get_ref().as_str(), label, what, said);
    }
    if let Some(cs) = &rule.carrier_service {
        let what = format!("carrier_service = {}", cs.get_ref());
        first(
            &mut e.carrier_service,
            cs.get_ref().as_str(),
            label,
            what,
            said,
        );
    }
    if let Some(m) = &rule.max_splits {
        let n = u32::try_from((*m.get_ref()).max(1)).unwrap_or(u32::MAX);
        first(
            &mut e.max_splits,
            n,
            label,
            format!("max_splits = {n}"),
            said,
        );
    }
    if let Some(line) = &rule.add_line {
        said.push(format!(
            "add_line {} × {} at {:.2}",
            line.quantity.get_ref(),
            line.sku.get_ref().trim(),
            line.price
        ));
        e.add_lines.push(By {
            value: line,
            rule: label.to_string(),
        });
    }
    if let Some(tag) = &rule.add_tag {
        said.push(format!("add_tag {}", tag.trim()));
        e.add_tags.push(By {
            value: tag.as_str(),
            rule: label.to_string(),
        });
    }
}

/// The unit price of an added line in cents.
pub fn price_cents(line: &AddLine) -> i64 {
    amount_cents(line.price)
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

    fn rules(text: &str) -> Vec<OrderRule> {
        channel(text).rules
    }

    #[test]
    fn first_matching_rule_wins_per_action_and_tags_add_up() {
        use crate::model::order::Address;
        use crate::model::rules::{FactLine, Facts};
        let list = rules(
            "[[rules]]\nname = \"ca\"\ncountry = \"CA\"\nwarehouse = \"west\"\nonly_enough_stock = true\nadd_tag = \"intl\"\n\
             [[rules]]\nname = \"vip\"\ntag = \"vip\"\nstatus = \"draft\"\nwarehouse = \"east\"\nadd_tag = \"review\"\n\
             [[rules]]\nhold = \"30m\"\nmax_splits = 1\n\
             [[rules]]\nwhen = \"process\"\ncarrier_service = \"express\"",
        );
        let address = Address {
            country: Some("ca".into()),
            ..Default::default()
        };
        let tags = vec!["VIP".to_string()];
        let lines = vec![FactLine {
            sku_key: "tee".into(),
            quantity: 1,
            price_cents: Some(100),
        }];
        let f = Facts {
            channel: "web",
            name: None,
            external_id: "1",
            tags: &tags,
            ship_to: &address,
            shipping_method: None,
            carrier_service: None,
            requested_warehouse: None,
            status: "approved",
            lines: &lines,
            stated_total_cents: None,
            stock: None,
        };
        let (e, out) = evaluate(&list, Stage::Import, &f);
        assert_eq!(
            e.status.as_ref().map(|b| (b.value, b.rule.as_str())),
            Some((RuleStatus::Draft, "vip"))
        );
        assert_eq!(
            e.warehouse.as_ref().map(|b| (b.value, b.rule.as_str())),
            Some(("west", "ca"))
        );
        assert!(e.only_enough_stock);
        assert_eq!(e.max_splits.as_ref().map(|b| b.value), Some(1));
        assert_eq!(
            e.carrier_service, None,
            "a process rule waits for processing"
        );
        let added: Vec<&str> = e.add_tags.iter().map(|b| b.value).collect();
        assert_eq!(added, ["intl", "review"]);
        assert_eq!(
            out[1].effects[1],
            "warehouse = east (not applied: rule `ca` decided it first)"
        );
        assert_eq!(out[2].name, "#3");
        assert!(
            out[2].effects[0].starts_with("hold for 30m (not applied"),
            "{:?}",
            out[2]
        );
        assert!(!out[3].evaluated);
        let (p, _) = evaluate(&list, Stage::Process, &f);
        assert_eq!(p.carrier_service.map(|b| b.value), Some("express"));
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
