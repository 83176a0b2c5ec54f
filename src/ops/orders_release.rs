//! `oms orders release N…`: ends holds by hand (a hold without a time needs a person);
//! the CLI then processes the released orders at once.

use rusqlite::Connection;

use super::holds;
use super::orders_hold::{HoldItem, HoldReport};
use crate::model::OrderStatus;
use crate::store::orders;

/// Releases each order on hold in the caller's transaction; others are refused.
pub fn run(conn: &Connection, ids: &[i64], cause: &str) -> anyhow::Result<HoldReport> {
    let mut report = HoldReport::default();
    for &id in ids {
        let Some(from) = orders::status_of(conn, id)? else {
            report.refuse(id, None, format!("there is no order {id}"));
            continue;
        };
        if from != OrderStatus::OnHold {
            report.refuse(
                id,
                Some(from.to_string()),
                format!("order {id} is {from}, not on hold"),
            );
            continue;
        }
        holds::release(conn, id, "released by hand", cause, None)?;
        report.changed += 1;
        report.items.push(HoldItem {
            order_id: id,
            from: Some(from.to_string()),
            to: Some(OrderStatus::Approved.to_string()),
            outcome: "released".into(),
            ..Default::default()
        });
    }
    Ok(report)
}
