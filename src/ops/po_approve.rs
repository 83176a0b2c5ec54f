//! `oms po approve`: draft → approved; each line's quantity becomes incoming stock at the
//! PO's warehouse (SPEC §2). A PO that cannot be received — into a virtual or unknown
//! warehouse, with no lines, or with a line whose variant is gone — is refused.

use super::po_change::{self, Changed, PoChangeReport};
use super::po_create::check_physical;
use crate::config::Config;
use crate::model::{PoStatus, StockReason};
use crate::store::Store;
use crate::store::purchases;
use crate::store::stock::{self, Movement, Reference};

pub fn run(
    store: &mut Store,
    config: &Config,
    numbers: &[String],
    dry_run: bool,
    cause: &str,
) -> anyhow::Result<PoChangeReport> {
    po_change::each(store, numbers, "approved", dry_run, |conn, head| {
        if head.status != PoStatus::Draft {
            return Ok(Err(format!(
                "{} is {}; only drafts can be approved",
                head.number, head.status
            )));
        }
        if let Err(e) = check_physical(config, &head.warehouse) {
            return Ok(Err(format!("warehouse: {e}")));
        }
        let lines = purchases::lines(conn, head.id)?;
        if lines.is_empty() {
            return Ok(Err(format!(
                "{} has no lines; add some with `oms po edit {} --line SKU=QTY`",
                head.number, head.number
            )));
        }
        let orphans: Vec<String> = lines
            .iter()
            .filter(|l| l.sku.is_none())
            .map(|l| format!("line {}", l.line_no))
            .collect();
        if !orphans.is_empty() {
            return Ok(Err(format!(
                "{}: the SKU is no longer in the catalog",
                orphans.join(", ")
            )));
        }
        if let Err(reason) = po_change::move_status(conn, head, PoStatus::Approved, cause, None)? {
            return Ok(Err(reason));
        }
        let mut incoming = 0;
        for line in &lines {
            stock::apply(
                conn,
                &Movement {
                    warehouse: &head.warehouse,
                    variant_id: line.variant_id,
                    on_hand: 0,
                    allocated: 0,
                    incoming: line.ordered,
                    reason: StockReason::PoApproved,
                    reference: Reference {
                        kind: Some("po"),
                        id: Some(&head.number),
                        ..Default::default()
                    },
                },
            )?;
            incoming += line.ordered;
        }
        Ok(Ok(Changed {
            to: PoStatus::Approved,
            incoming,
        }))
    })
}
