//! `oms returns cancel RMA`: an RMA opened by mistake, or whose goods will never be sent,
//! ended before anything arrived; all it expected stops being `returning`. An exchange
//! order it created stays (cancel it with `oms orders cancel` if it must not ship).

use crate::model::ReturnStatus;
use crate::store::Store;
use crate::store::returns::ReturnDetail;

pub fn run(
    store: &mut Store,
    number: &str,
    dry_run: bool,
    cause: &str,
) -> anyhow::Result<ReturnDetail> {
    super::returns_close::end(store, number, ReturnStatus::Cancelled, dry_run, cause)
}
