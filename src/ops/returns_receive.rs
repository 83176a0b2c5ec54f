//! `oms returns receive RMA --line SKU=QTY[:DISPOSITION]`: returned units arrived, each
//! line with what becomes of them (docs/returns.md). The RMA reason's configured
//! disposition applies where none is given. [`apply`] is shared with `returns sync`, so
//! a receipt typed by hand and one reported by a warehouse move stock the same way.

use serde::Serialize;

use super::backorders::{self, RetryReport};
use crate::config::Config;
use crate::error::usage;
use crate::model::returns::{Disposition, LineArg, ReturnReason, normalize_number};
use crate::model::{ReturnStatus, StockReason, sku_key};
use crate::store::Store;
use crate::store::returns::{self, ReturnDetail, ReturnHead};
use crate::store::stock::Reference;
use crate::store::stock::returns::{self as returning, ReturnMovement};

pub struct ReceiveOptions<'a> {
    pub number: &'a str,
    pub lines: &'a [LineArg],
    pub line_problems: &'a [String],
    pub dry_run: bool,
    pub cause: &'a str,
}

#[derive(Debug, Serialize, Default)]
pub struct Received {
    #[serde(flatten)]
    pub rma: ReturnDetail,
    /// Backordered orders that got the restocked units.
    pub backorders: Option<RetryReport>,
}

pub fn run(store: &mut Store, config: &Config, o: &ReceiveOptions) -> anyhow::Result<Received> {
    let number = normalize_number(o.number);
    let tx = store.tx()?;
    let head =
        returns::find(&tx, &number)?.ok_or_else(|| usage(format!("there is no RMA `{number}`")))?;
    let mut problems = o.line_problems.to_vec();
    if o.lines.is_empty() && problems.is_empty() {
        problems.push("name what arrived: --line SKU=QTY[:restock|quarantine|dispose]".into());
    }
    let wanted: Vec<Arrival> = o
        .lines
        .iter()
        .map(|l| Arrival {
            sku: l.sku.clone(),
            quantity: l.quantity,
            disposition: l.disposition,
            origin: l.origin.clone(),
        })
        .collect();
    let outcome = apply(&tx, config, &head, &wanted, o.cause, None)?;
    let backorders = match outcome {
        Err(p) => {
            problems.extend(p);
            None
        }
        Ok(retry) => retry,
    };
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    let head = returns::find(&tx, &number)?.unwrap_or(head);
    let rma = returns::detail(&tx, &head)?;
    if !o.dry_run {
        tx.commit()?;
    }
    Ok(Received { rma, backorders })
}

/// Units of one SKU that arrived, and what becomes of them (`None`: the reason's default).
#[derive(Debug, Clone)]
pub struct Arrival {
    pub sku: String,
    pub quantity: i64,
    pub disposition: Option<Disposition>,
    /// Where it was read, for messages: `--line A=1` or `return-receipts-1.csv:3`.
    pub origin: String,
}

/// Applies arrivals to an open RMA in the caller's transaction: every line is checked
/// first, and one bad line means nothing moves (`Err` with every problem named). Stock:
/// `returning` down, then on hand (restock), `quarantine` (quarantine) or nothing
/// (dispose) up; the RMA becomes `received` when nothing is expected any more, and
/// backordered orders are retried for what was restocked.
pub fn apply(
    conn: &rusqlite::Connection,
    config: &Config,
    head: &ReturnHead,
    arrivals: &[Arrival],
    cause: &str,
    run_id: Option<i64>,
) -> anyhow::Result<Result<Option<RetryReport>, Vec<String>>> {
    if head.status != ReturnStatus::Open {
        return Ok(Err(vec![format!(
            "{} is {}; only open RMAs receive goods",
            head.number, head.status
        )]));
    }
    let default = ReturnReason::parse(&head.reason).map_or(Disposition::Quarantine, |r| {
        config.returns.dispositions.for_reason(r)
    });
    let mut lines = returns::lines(conn, head.id)?;
    let mut problems = Vec::new();
    let mut moves = Vec::new();
    for a in arrivals {
        let Some(line) = lines
            .iter_mut()
            .find(|l| sku_key(&l.sku) == sku_key(&a.sku))
        else {
            problems.push(format!(
                "{}: sku: `{}` is not on {}",
                a.origin, a.sku, head.number
            ));
            continue;
        };
        if a.quantity > line.remaining {
            problems.push(format!(
                "{}: {} expects {} more × {} ({} asked, {} of {} already arrived)",
                a.origin,
                head.number,
                line.remaining,
                line.sku,
                a.quantity,
                line.quantity - line.remaining,
                line.quantity
            ));
            continue;
        }
        // Later lines of the same SKU are judged by what the earlier ones leave.
        line.remaining -= a.quantity;
        moves.push((
            line.id,
            line.variant_id,
            a.quantity,
            a.disposition.unwrap_or(default),
        ));
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let mut raised = Vec::new();
    for (line_id, variant_id, quantity, disposition) in moves {
        let (on_hand, quarantine, reason) = match disposition {
            Disposition::Restock => (quantity, 0, StockReason::ReturnRestocked),
            Disposition::Quarantine => (0, quantity, StockReason::ReturnQuarantined),
            Disposition::Dispose => (0, 0, StockReason::ReturnDisposed),
        };
        returning::apply(
            conn,
            &ReturnMovement {
                warehouse: &head.warehouse,
                variant_id,
                on_hand,
                returning: -quantity,
                quarantine,
                reason,
                reference: Reference {
                    kind: Some("return"),
                    id: Some(&head.number),
                    run_id,
                    note: None,
                },
            },
        )?;
        returns::receive_line(conn, line_id, disposition, quantity)?;
        if on_hand > 0 {
            raised.push((head.warehouse.clone(), variant_id));
        }
    }
    returns::touch(conn, head.id)?;
    if lines.iter().all(|l| l.remaining == 0) {
        returns::set_status(
            conn,
            head.id,
            (ReturnStatus::Open, ReturnStatus::Received),
            cause,
            None,
        )?;
    }
    Ok(Ok(backorders::retry_raised(
        config, conn, run_id, cause, &raised,
    )?))
}
