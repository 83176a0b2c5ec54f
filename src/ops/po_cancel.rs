//! `oms po cancel`: a PO that will not happen. Only before anything arrived — a draft, or
//! an approved PO with nothing received; its incoming stock is released. Once goods have
//! arrived the PO is closed short instead (`oms po close`), so receipts keep their PO.

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
    po_change::each(store, numbers, "cancelled", dry_run, |conn, head| {
        let lines = purchases::lines(conn, head.id)?;
        let received: i64 = lines.iter().map(|l| l.received).sum();
        match head.status {
            PoStatus::Draft | PoStatus::Approved if received == 0 => {}
            PoStatus::Approved | PoStatus::Receiving => {
                return Ok(Err(format!(
                    "{} has received {}; close it instead (`oms po close {}`)",
                    head.number,
                    crate::model::words::count(received, "unit"),
                    head.number
                )));
            }
            other => {
                return Ok(Err(format!("{} is already {other}", head.number)));
            }
        }
        let pending = po_change::still_expected(head, &lines);
        let note = (pending > 0).then(|| {
            format!(
                "{} released",
                crate::model::words::count(pending, "incoming unit")
            )
        });
        if let Err(reason) =
            po_change::move_status(conn, head, PoStatus::Cancelled, cause, note.as_deref())?
        {
            return Ok(Err(reason));
        }
        let released = po_change::release_remaining(conn, head, &lines, "PO cancelled")?;
        Ok(Ok(Changed {
            to: PoStatus::Cancelled,
            incoming: -released,
        }))
    })
}
