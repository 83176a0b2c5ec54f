//! Holds (SPEC §2 `held`, §3 `on_hold`): what putting an order on hold and releasing it
//! do to stock, shared by `orders hold|release|cancel`, a channel's `hold_for` at import
//! and the release of due holds at the start of `orders process`.
//!
//! A held order reserves its units on its sales channel's stock source without choosing
//! a warehouse: `held` rises there (ledger rows referencing the order), allocated does
//! not move. Releasing gives back exactly what the order's ledger rows hold, so a config
//! change or an edit in between can never release more or less than was taken.

use rusqlite::Connection;

use crate::config::Config;
use crate::model::hold::stamp;
use crate::model::{OrderStatus, StockReason, clock, now};
use crate::store::stock::{self, Reference};
use crate::store::{holds, orders};

/// Why an order cannot be put on hold.
#[derive(Debug, thiserror::Error)]
pub enum HoldError {
    #[error(
        "order {id} is {status}: only draft and approved orders not yet processed can be put on hold"
    )]
    NotHoldable { id: i64, status: OrderStatus },
    #[error(
        "order {id} of `{channel}`: the sales channel has no stock_source (nor default_warehouse) to hold its units on"
    )]
    NoSource { id: i64, channel: String },
}

/// The warehouse code (physical or virtual) an order of `channel` holds its units on:
/// the channel's stock source, else its default warehouse, else the config's.
pub fn source_of<'c>(config: &'c Config, channel: &str) -> Option<&'c str> {
    let ch = config.sales_channels.get(channel);
    ch.and_then(|c| c.stock_source.as_ref())
        .or_else(|| ch.and_then(|c| c.default_warehouse.as_ref()))
        .or(config.defaults.warehouse.as_ref())
        .map(|s| s.get_ref().as_str())
}

/// Puts order `id` on hold until `until` (stored form; None: until released by hand),
/// reserving its units. An order already on hold gets the new time and reason, and its
/// units stay held once. In the caller's transaction.
pub fn hold(
    conn: &Connection,
    config: &Config,
    id: i64,
    until: Option<&str>,
    reason: Option<&str>,
    cause: &str,
    run_id: Option<i64>,
) -> anyhow::Result<Result<OrderStatus, HoldError>> {
    let detail =
        orders::detail(conn, id)?.ok_or_else(|| anyhow::anyhow!("order {id} does not exist"))?;
    let from: OrderStatus = detail.status.parse().map_err(anyhow::Error::msg)?;
    let unprocessed = !has_shipments(conn, id)?;
    if !(matches!(
        from,
        OrderStatus::Draft | OrderStatus::Approved | OrderStatus::OnHold
    ) && unprocessed)
    {
        return Ok(Err(HoldError::NotHoldable { id, status: from }));
    }
    let Some(source) = source_of(config, &detail.channel) else {
        return Ok(Err(HoldError::NoSource {
            id,
            channel: detail.channel,
        }));
    };
    if from != OrderStatus::OnHold {
        let key = id.to_string();
        let reference = Reference {
            kind: Some("order"),
            id: Some(&key),
            run_id,
            note: reason,
        };
        let lines = orders::lines(conn, id)?;
        let kits = orders::kit_line_ids(&lines);
        for line in lines.iter().filter(|l| !kits.contains(&l.id)) {
            stock::hold(
                conn,
                source,
                line.variant_id,
                line.quantity,
                StockReason::Hold,
                reference,
            )?;
        }
        orders::set_backordered(conn, id, None)?;
    }
    holds::set(conn, id, until, reason)?;
    let note = match until {
        Some(t) => format!("on hold until {t}"),
        None => "on hold until released by hand".to_string(),
    };
    let note = match reason {
        Some(r) => format!("{note}: {r}"),
        None => note,
    };
    if from == OrderStatus::OnHold {
        // A new time for a hold already in place: no status change, still part of the story.
        crate::store::history::record(
            conn,
            "order",
            id,
            Some(from.as_str()),
            from.as_str(),
            cause,
            Some(&note),
        )?;
    } else {
        orders::set_status(conn, id, from, OrderStatus::OnHold, cause, Some(&note))?;
    }
    Ok(Ok(from))
}

/// Gives back every unit order `id` holds and clears its schedule; `to` is the status
/// it goes to (`approved` when the hold ends, `cancelled` is set by the caller).
/// Returns the (source, variant) pairs whose held units fell, for backorder retries.
pub fn release_units(
    conn: &Connection,
    id: i64,
    why: &str,
    run_id: Option<i64>,
) -> anyhow::Result<Vec<(String, i64)>> {
    let key = id.to_string();
    let reference = Reference {
        kind: Some("order"),
        id: Some(&key),
        run_id,
        note: Some(why),
    };
    let mut freed = Vec::new();
    for (source, variant_id, held) in stock::held_by_order(conn, id)? {
        stock::hold(
            conn,
            &source,
            variant_id,
            -held,
            StockReason::HoldReleased,
            reference,
        )?;
        freed.push((source, variant_id));
    }
    holds::clear(conn, id)?;
    Ok(freed)
}

/// Ends the hold of order `id` (on hold) and makes it `approved`, ready for processing.
/// Returns false when the order is not on hold.
pub fn release(
    conn: &Connection,
    id: i64,
    why: &str,
    cause: &str,
    run_id: Option<i64>,
) -> anyhow::Result<bool> {
    if orders::status_of(conn, id)? != Some(OrderStatus::OnHold) {
        return Ok(false);
    }
    release_units(conn, id, why, run_id)?;
    orders::set_status(
        conn,
        id,
        OrderStatus::OnHold,
        OrderStatus::Approved,
        cause,
        Some(why),
    )?;
    Ok(true)
}

/// Releases every hold whose time has come (`orders process`, `run`): returns their ids.
pub fn release_due(
    conn: &Connection,
    cause: &str,
    run_id: Option<i64>,
) -> anyhow::Result<Vec<i64>> {
    let ids = holds::due(conn, &now())?;
    for id in &ids {
        release(conn, *id, "hold time is up", cause, run_id)?;
    }
    Ok(ids)
}

/// The release instant `for_` from now, in stored form.
pub fn until_after(for_: chrono::Duration) -> String {
    stamp(clock::now_utc() + for_)
}

fn has_shipments(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM shipments WHERE order_id = ?1)")?
        .query_row([id], |r| r.get(0))
}
