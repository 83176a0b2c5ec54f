//! Order rules with `when = "process"` (docs/rules.md), evaluated again just before an
//! order is allocated, when stock is known (`stock_below`). What they decide is written
//! to the order before planning, so the story and `orders show` say what was used.

use std::collections::HashMap;

use rusqlite::Connection;

use super::allocator::Allocator;
use super::report::OrderOutcome;
use crate::model::OrderStatus;
use crate::model::rules::stock_conditions;
use crate::model::sku_key;
use crate::ops::holds;
use crate::ops::order_rules::{self, RuleStatus, Stage};
use crate::ops::rule_facts::{Stored, split_tags, stock_scope};
use crate::store::processing::OrderHead;
use crate::store::{catalog, order_rules as rule_store, orders};

/// What the rules mean for this run's handling of the order.
pub enum Applied {
    /// No processing-time rule changed anything.
    Unchanged,
    /// Plan with this head; `lines_added` when the order's lines must be read again.
    Plan { head: OrderHead, lines_added: bool },
    /// Not planned now: a rule made it draft or put it on hold.
    Stop {
        outcome: OrderOutcome,
        reason: String,
    },
}

/// Evaluates the order's processing-time rules and writes what they decide. `said` gets
/// one line per matching rule, for `--explain`.
pub fn apply(
    conn: &Connection,
    alloc: &mut Allocator,
    head: &OrderHead,
    cause: &str,
    run_id: Option<i64>,
    said: &mut Vec<String>,
) -> anyhow::Result<Applied> {
    let config = alloc.config();
    let Some(channel) = config.sales_channels.get(&head.channel) else {
        return Ok(Applied::Unchanged);
    };
    let rules = &channel.rules;
    if !rules.iter().any(|r| r.at_process()) {
        return Ok(Applied::Unchanged);
    }
    let Some(stored) = Stored::load(conn, head.id)? else {
        return Ok(Applied::Unchanged);
    };
    // Availability of every SKU a stock condition names, as this run sees it.
    let scope = stock_scope(config, &head.channel);
    let mut stock: HashMap<String, i64> = HashMap::new();
    for rule in rules.iter().filter(|r| r.at_process()) {
        let mut conds = Vec::new();
        stock_conditions(rule, &mut conds);
        for sb in conds {
            let key = sku_key(sb.sku.get_ref());
            if stock.contains_key(&key) {
                continue;
            }
            let units = match catalog::find_variant(conn, &key)? {
                Some(v) => alloc.available(conn, v.id, &scope)?,
                None => 0,
            };
            stock.insert(key, units);
        }
    }
    let lookup = |sku: &str| stock.get(&sku_key(sku)).copied().unwrap_or(0);
    let facts = stored.facts(Some(&lookup));
    let (e, outcomes) = order_rules::evaluate(rules, Stage::Process, &facts);
    said.extend(
        outcomes
            .iter()
            .filter(|o| o.matched)
            .map(|o| format!("rule `{}` matched: {}", o.name, o.effects.join("; "))),
    );

    if let Some(by) = &e.status {
        let tag = format!("rule `{}`", by.rule);
        // Once per order: an order a person approved or released is not sent back.
        if !rule_store::story_mentions(conn, head.id, &tag)? {
            match by.value {
                RuleStatus::Draft => {
                    orders::set_status(
                        conn,
                        head.id,
                        head.status,
                        OrderStatus::Draft,
                        cause,
                        Some(&tag),
                    )?;
                    return Ok(Applied::Stop {
                        outcome: OrderOutcome::Drafted,
                        reason: format!("{tag}: status = draft"),
                    });
                }
                RuleStatus::OnHold(for_) => {
                    let until = for_.map(holds::until_after);
                    let done = holds::hold(
                        conn,
                        config,
                        head.id,
                        until.as_deref(),
                        Some(&tag),
                        cause,
                        run_id,
                    )?;
                    if done.is_ok() {
                        let when = until.map_or("until released by hand".to_string(), |t| {
                            format!("until {t}")
                        });
                        return Ok(Applied::Stop {
                            outcome: OrderOutcome::Held,
                            reason: format!("{tag}: on hold {when}"),
                        });
                    }
                }
                RuleStatus::Approved => {}
            }
        }
    }

    let mut next = head.clone();
    let mut changed = false;
    let mut columns = rule_store::RuleColumns::default();
    if let Some(by) = &e.carrier_service
        && head.carrier_service.as_deref() != Some(by.value)
    {
        next.carrier_service = Some(by.value.to_string());
        columns.carrier_service = Some(by.value);
        changed = true;
    }
    if let Some(by) = &e.warehouse {
        let strict = e.only_enough_stock.then_some(by.rule.as_str());
        if head.requested_warehouse.as_deref() != Some(by.value)
            || head.strict_rule.as_deref() != strict
        {
            next.requested_warehouse = Some(by.value.to_string());
            next.strict_rule = strict.map(str::to_string);
            columns.requested_warehouse = Some(by.value);
            columns.strict_rule = strict;
            changed = true;
        }
    }
    if let Some(by) = &e.max_splits
        && head.max_splits != Some(by.value)
    {
        next.max_splits = Some(by.value);
        columns.max_splits = Some(i64::from(by.value));
        changed = true;
    }
    let mut tags = split_tags(stored.detail.tags.as_deref());
    let before = tags.len();
    for by in &e.add_tags {
        let t = by.value.trim();
        if !t.is_empty() && !tags.iter().any(|have| have.eq_ignore_ascii_case(t)) {
            tags.push(t.to_string());
        }
    }
    let joined = tags.join(", ");
    if tags.len() != before {
        columns.tags = Some(&joined);
        changed = true;
    }
    if changed {
        rule_store::set_rule_columns(conn, head.id, &columns)?;
    }
    let mut lines_added = false;
    for by in &e.add_lines {
        let key = sku_key(by.value.sku.get_ref());
        if stored.lines.iter().any(|l| l.sku_key == key) {
            continue;
        }
        // An unknown SKU cannot be added; `rules test` shows the rule matched.
        let Some(v) = catalog::find_variant(conn, &key)? else {
            continue;
        };
        rule_store::add_line(
            conn,
            head.id,
            &orders::NewLine {
                variant_id: v.id,
                channel_sku: v.sku,
                title: Some(format!("added by rule `{}`", by.rule)),
                quantity: *by.value.quantity.get_ref(),
                price_cents: Some(order_rules::price_cents(by.value)),
                ..Default::default()
            },
        )?;
        lines_added = true;
    }
    if changed || lines_added {
        Ok(Applied::Plan {
            head: next,
            lines_added,
        })
    } else {
        Ok(Applied::Unchanged)
    }
}
