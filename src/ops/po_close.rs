//! `oms po close`: a PO that is receiving will get no more; it is closed short and the
//! incoming stock of what never arrived is released (SPEC §2).

use super::po_change::{self, Changed, PoChangeReport};
use crate::model::PoStatus;
use crate::store::Store;
use crate::store::purchases;

pub fn run(
    store: &mut Store,
    numbers: &[String],
    dry_run: bool,
    cause: &str,
) -> anyhow::Result<PoChangeReport> {
    po_change::each(store, numbers, "closed", dry_run, |conn, head| {
        match head.status {
            PoStatus::Receiving => {}
            PoStatus::Draft | PoStatus::Approved => {
                return Ok(Err(format!(
                    "{} has received nothing yet; cancel it instead (`oms po cancel {}`)",
                    head.number, head.number
                )));
            }
            other => return Ok(Err(format!("{} is already {other}", head.number))),
        }
        let lines = purchases::lines(conn, head.id)?;
        let pending = po_change::still_expected(head, &lines);
        let note = format!(
            "closed short: {} never received",
            crate::model::words::count(pending, "unit")
        );
        if let Err(reason) =
            po_change::move_status(conn, head, PoStatus::Closed, cause, Some(&note))?
        {
            return Ok(Err(reason));
        }
        let released = po_change::release_remaining(conn, head, &lines, "PO closed short")?;
        Ok(Ok(Changed {
            to: PoStatus::Closed,
            incoming: -released,
        }))
    })
}
