//! `oms orders hold N… [--for D | --until T] [--reason TEXT]`: puts orders on hold by
//! hand (SPEC §3 `on_hold`). The units are reserved on the channel's stock source
//! (ops::holds); the report is shared with `orders release`.

use rusqlite::Connection;
use serde::Serialize;

use super::holds::{self, HoldError};
use super::orders_process::ProcessReport;
use crate::config::Config;
use crate::error::Exit;
use crate::output::Report;
use crate::store::orders;

/// When a hold ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Until {
    /// A release instant, stored form.
    At(String),
    /// Only `oms orders release` ends it.
    ByHand,
}

/// One order in the answer of hold or release.
#[derive(Debug, Serialize, Default)]
pub struct HoldItem {
    pub order_id: i64,
    pub from: Option<String>,
    pub to: Option<String>,
    /// on_hold | released | refused
    pub outcome: String,
    pub hold_until: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Serialize, Default)]
pub struct HoldReport {
    pub dry_run: bool,
    pub changed: usize,
    pub refused: usize,
    pub items: Vec<HoldItem>,
    /// `orders release` processes the released orders at once; this is that run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<ProcessReport>,
}

impl HoldReport {
    pub fn refuse(&mut self, order_id: i64, from: Option<String>, why: String) {
        self.refused += 1;
        self.items.push(HoldItem {
            order_id,
            to: from.clone(),
            from,
            outcome: "refused".into(),
            message: Some(why),
            ..Default::default()
        });
    }
}

impl Report for HoldReport {
    type Item = HoldItem;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("changed", self.changed.to_string()),
            ("refused", self.refused.to_string()),
        ];
        if let Some(p) = &self.process {
            s.push(("processed", p.orders.to_string()));
            s.push(("shipments created", p.shipments.to_string()));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }
    fn items(&self) -> &[HoldItem] {
        &self.items
    }
    fn is_notable(&self, _item: &HoldItem) -> bool {
        true
    }
    fn exit(&self) -> Exit {
        if self.refused > 0 {
            Exit::Usage
        } else {
            Exit::Ok
        }
    }
}

/// Puts each order on hold in the caller's transaction; refusals are items, not errors.
pub fn run(
    conn: &Connection,
    config: &Config,
    ids: &[i64],
    until: &Until,
    reason: Option<&str>,
    cause: &str,
) -> anyhow::Result<HoldReport> {
    let mut report = HoldReport::default();
    let until = match until {
        Until::At(t) => Some(t.as_str()),
        Until::ByHand => None,
    };
    for &id in ids {
        let Some(from) = orders::status_of(conn, id)? else {
            report.refuse(id, None, format!("there is no order {id}"));
            continue;
        };
        match holds::hold(conn, config, id, until, reason, cause, None)? {
            Ok(_) => {
                report.changed += 1;
                report.items.push(HoldItem {
                    order_id: id,
                    from: Some(from.to_string()),
                    to: Some("on_hold".into()),
                    outcome: "on_hold".into(),
                    hold_until: until.map(str::to_string),
                    message: reason.map(str::to_string),
                });
            }
            Err(e @ (HoldError::NotHoldable { .. } | HoldError::NoSource { .. })) => {
                report.refuse(id, Some(from.to_string()), e.to_string())
            }
        }
    }
    Ok(report)
}
