//! `oms returns close RMA`: nothing more is coming back (the customer kept the rest, or
//! the warehouse closed it short). What never arrived stops being `returning`; what
//! arrived keeps its outcome. `oms returns cancel` (returns_cancel.rs) ends an RMA the same
//! way when nothing arrived at all.

use crate::error::usage;
use crate::model::returns::normalize_number;
use crate::model::{ReturnStatus, StockReason};
use crate::store::Store;
use crate::store::returns::{self, ReturnDetail, ReturnHead};
use crate::store::stock::Reference;
use crate::store::stock::returns::{self as returning, ReturnMovement};

pub fn run(
    store: &mut Store,
    number: &str,
    dry_run: bool,
    cause: &str,
) -> anyhow::Result<ReturnDetail> {
    end(store, number, ReturnStatus::Closed, dry_run, cause)
}

/// Moves an open RMA to `to` (closed or cancelled) and releases what it still expected.
pub(crate) fn end(
    store: &mut Store,
    number: &str,
    to: ReturnStatus,
    dry_run: bool,
    cause: &str,
) -> anyhow::Result<ReturnDetail> {
    let number = normalize_number(number);
    let tx = store.tx()?;
    let head =
        returns::find(&tx, &number)?.ok_or_else(|| usage(format!("there is no RMA `{number}`")))?;
    end_open(&tx, &head, to, cause)?.map_err(usage)?;
    let head = returns::find(&tx, &number)?.unwrap_or(head);
    let detail = returns::detail(&tx, &head)?;
    if !dry_run {
        tx.commit()?;
    }
    Ok(detail)
}

/// Ends open RMA `head` as `to` in the caller's transaction, releasing what it still
/// expected; Ok(Err(why)) when it cannot end so (it is not open, or a cancel of one that
/// received goods).
pub(crate) fn end_open(
    conn: &rusqlite::Connection,
    head: &ReturnHead,
    to: ReturnStatus,
    cause: &str,
) -> anyhow::Result<Result<(), String>> {
    let number = &head.number;
    if head.status != ReturnStatus::Open {
        return Ok(Err(format!(
            "{number} is {}; only open RMAs can be {to}",
            head.status
        )));
    }
    let lines = returns::lines(conn, head.id)?;
    if to == ReturnStatus::Cancelled && lines.iter().any(|l| l.remaining < l.quantity) {
        return Ok(Err(format!(
            "{number} has received goods; close it instead (`oms returns close {number}`)"
        )));
    }
    for l in &lines {
        returning::apply(
            conn,
            &ReturnMovement {
                warehouse: &head.warehouse,
                variant_id: l.variant_id,
                on_hand: 0,
                returning: -l.remaining,
                quarantine: 0,
                reason: StockReason::ReturnClosed,
                reference: Reference {
                    kind: Some("return"),
                    id: Some(number),
                    ..Reference::default()
                },
            },
        )?;
    }
    returns::set_status(conn, head.id, (ReturnStatus::Open, to), cause, None)?;
    Ok(Ok(()))
}
