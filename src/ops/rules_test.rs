//! `oms rules test` (docs/rules.md): every rule of an order's sales channel, whether it
//! matched, the first condition that failed, and what it did — for an order already
//! stored (`--order N`) or the orders of a file not yet imported (`--file F`). Like
//! `orders process --explain` for allocation, it changes nothing.

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use crate::config::Config;
use crate::error::{Exit, usage};
use crate::formats::orders::{OrderFormat, open_orders};
use crate::model::rules::Facts;
use crate::model::sku_key;
use crate::ops::order_rules::{self, Effects, RuleOutcome, RuleStatus, Stage};
use crate::ops::orders_import::prepare::Channel;
use crate::ops::rule_facts::{Stored, stock_scope};
use crate::output::Report;
use crate::store::{catalog, processing};

/// What the rules decide for one order.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Decided {
    pub status: Option<String>,
    pub warehouse: Option<String>,
    pub only_enough_stock: bool,
    pub carrier_service: Option<String>,
    pub max_splits: Option<u32>,
    pub add_lines: Vec<String>,
    pub add_tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestedOrder {
    /// The order's name, or its id in the sales channel.
    pub order: String,
    /// Its number in oms (`--order N`); none for an order from a file.
    pub order_id: Option<i64>,
    pub channel: String,
    /// `file:line` for an order from a file.
    pub source: Option<String>,
    /// Every rule of the channel, in config order: import rules, then (for a stored
    /// order, with stock as it is now) process rules.
    pub rules: Vec<RuleOutcome>,
    /// At import, and just before allocation (rules with `when = "process"`).
    pub at_import: Decided,
    pub at_process: Decided,
    /// Problems reading the order (a file's order that import would reject).
    pub problems: Vec<String>,
}

/// One row per (order, rule), for tables, ndjson and csv.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Row {
    pub order: String,
    pub rule: usize,
    pub name: String,
    pub when: String,
    pub matched: bool,
    pub failed: Option<String>,
    pub effects: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct RulesTestReport {
    pub orders: Vec<TestedOrder>,
    #[serde(skip)]
    pub rows: Vec<Row>,
}

impl Report for RulesTestReport {
    type Item = Row;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let matched = self
            .orders
            .iter()
            .flat_map(|o| &o.rules)
            .filter(|r| r.matched)
            .count();
        vec![
            ("orders", self.orders.len().to_string()),
            ("rules matched", matched.to_string()),
        ]
    }

    fn items(&self) -> &[Row] {
        &self.rows
    }

    fn is_notable(&self, _item: &Row) -> bool {
        true
    }

    fn exit(&self) -> Exit {
        Exit::Ok
    }
}

pub enum Target<'a> {
    Order(i64),
    File {
        path: &'a Path,
        format: OrderFormat,
        channel: Option<&'a str>,
    },
}

pub fn run(config: &Config, conn: &Connection, target: Target) -> anyhow::Result<RulesTestReport> {
    let mut report = RulesTestReport::default();
    match target {
        Target::Order(id) => {
            let stored = Stored::load(conn, id)?.ok_or_else(|| usage(format!("no order {id}")))?;
            report.orders.push(stored_order(config, conn, id, &stored)?);
        }
        Target::File {
            path,
            format,
            channel,
        } => {
            let code = file_channel(config, channel)?;
            let ch = Channel::new(config, code)?;
            let stream = open_orders(format, path).map_err(|e| usage(e.to_string()))?;
            for order in stream {
                let (e, mut rules) = ch.evaluate(&order);
                // Process rules need stock and a stored order: shown as not evaluated.
                let at_import = decided(&e);
                for r in &mut rules {
                    if !r.evaluated {
                        r.failed = Some("evaluated at processing, after import".into());
                    }
                }
                report.orders.push(TestedOrder {
                    order: order.name.clone().unwrap_or(order.external_id.clone()),
                    order_id: None,
                    channel: code.to_string(),
                    source: Some(order.source.clone()),
                    rules,
                    at_import,
                    at_process: Decided::default(),
                    problems: order.problems.clone(),
                });
            }
        }
    }
    for o in &report.orders {
        for r in &o.rules {
            report.rows.push(Row {
                order: o.order.clone(),
                rule: r.rule,
                name: r.name.clone(),
                when: r.when.to_string(),
                matched: r.matched,
                failed: r.failed.clone(),
                effects: r.effects.join("; "),
            });
        }
    }
    Ok(report)
}

/// The channel a file's orders belong to: as given, or the only one configured.
fn file_channel<'c>(config: &'c Config, asked: Option<&'c str>) -> anyhow::Result<&'c str> {
    if let Some(c) = asked {
        return config
            .sales_channels
            .get_key_value(c)
            .map(|(k, _)| k.as_str())
            .ok_or_else(|| usage(config.unknown_sales_channel(c)));
    }
    let mut codes = config.sales_channels.keys();
    match (codes.next(), codes.next()) {
        (Some(only), None) => Ok(only),
        (None, _) => Err(usage("no sales channel is configured")),
        _ => Err(usage(
            "several sales channels are configured: name the file's with --channel",
        )),
    }
}

/// A stored order: import rules as they evaluate on it now, and process rules with
/// stock as it is in the database (available over the channel's stock source).
fn stored_order(
    config: &Config,
    conn: &Connection,
    id: i64,
    stored: &Stored,
) -> anyhow::Result<TestedOrder> {
    let d = &stored.detail;
    let rules = config
        .sales_channels
        .get(&d.channel)
        .map(|c| c.rules.as_slice())
        .unwrap_or_default();
    let scope = stock_scope(config, &d.channel);
    let stock = |sku: &str| -> i64 {
        let Ok(Some(v)) = catalog::find_variant(conn, &sku_key(sku)) else {
            return 0;
        };
        processing::levels_of(conn, &[v.id])
            .unwrap_or_default()
            .iter()
            .filter(|row| scope.contains(&row.warehouse))
            .fold(0i64, |s, row| {
                s.saturating_add(row.on_hand.saturating_sub(row.allocated))
            })
    };
    let facts: Facts = stored.facts(Some(&stock));
    let (at_import, import_rules) = order_rules::evaluate(rules, Stage::Import, &facts);
    let (at_process, process_rules) = order_rules::evaluate(rules, Stage::Process, &facts);
    // One list in config order: each rule from the stage it belongs to.
    let merged = import_rules
        .into_iter()
        .zip(process_rules)
        .map(|(i, p)| if i.evaluated { i } else { p })
        .collect();
    Ok(TestedOrder {
        order: d.name.clone().unwrap_or(d.external_id.clone()),
        order_id: Some(id),
        channel: d.channel.clone(),
        source: None,
        rules: merged,
        at_import: decided(&at_import),
        at_process: decided(&at_process),
        problems: Vec::new(),
    })
}

fn decided(e: &Effects) -> Decided {
    Decided {
        status: e.status.as_ref().map(|b| match b.value {
            RuleStatus::Draft => "draft".to_string(),
            RuleStatus::Approved => "approved".to_string(),
            RuleStatus::OnHold(Some(d)) => format!("on_hold for {}m", d.num_minutes()),
            RuleStatus::OnHold(None) => "on_hold".to_string(),
        }),
        warehouse: e.warehouse.as_ref().map(|b| b.value.to_string()),
        only_enough_stock: e.only_enough_stock,
        carrier_service: e.carrier_service.as_ref().map(|b| b.value.to_string()),
        max_splits: e.max_splits.as_ref().map(|b| b.value),
        add_lines: e
            .add_lines
            .iter()
            .map(|b| {
                format!(
                    "{} × {}",
                    b.value.quantity.get_ref(),
                    b.value.sku.get_ref().trim()
                )
            })
            .collect(),
        add_tags: e.add_tags.iter().map(|b| b.value.to_string()).collect(),
    }
}
