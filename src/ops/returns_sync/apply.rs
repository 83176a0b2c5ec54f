//! Applying the return receipts a channel reports: each once, by (channel, receipt id),
//! through the same checks and stock movements as `oms returns receive`; a bad one is
//! rejected with every reason and recorded for `oms rejects`.

use super::{FLOW, SyncItem, SyncOutcome};
use crate::config::Config;
use crate::model::returns::ReturnReceiptIn;
use crate::ops::returns_receive::{self, Arrival};
use crate::store::rejections::{self, NewRejection};
use crate::store::returns;

pub(super) struct Applier<'a> {
    pub(super) config: &'a Config,
    pub(super) channel: &'a str,
    pub(super) warehouses: &'a [String],
    pub(super) cause: &'a str,
    pub(super) run_id: Option<i64>,
}

impl Applier<'_> {
    pub(super) fn apply(
        &self,
        conn: &rusqlite::Connection,
        r: &ReturnReceiptIn,
        dry_run: bool,
    ) -> anyhow::Result<SyncItem> {
        let mut item = SyncItem {
            channel: self.channel.to_string(),
            rma: r.rma.clone(),
            external_id: Some(r.external_id.clone()),
            source: Some(r.source.clone()),
            units: r.lines.iter().map(|l| l.quantity).sum(),
            ..Default::default()
        };
        if returns::receipt_applied(conn, self.channel, &r.external_id)? {
            item.outcome = SyncOutcome::AlreadyApplied;
            return Ok(item);
        }
        let mut problems = r.problems.clone();
        let head = match returns::find(conn, &r.rma)? {
            Some(h) if self.warehouses.contains(&h.warehouse) => Some(h),
            Some(h) => {
                problems.push(format!(
                    "{}: rma: {} goes to warehouse `{}`, not one of this channel's",
                    r.source, r.rma, h.warehouse
                ));
                None
            }
            None if r.rma.is_empty() => None,
            None => {
                problems.push(format!("{}: rma: there is no RMA `{}`", r.source, r.rma));
                None
            }
        };
        if let (Some(head), true) = (&head, problems.is_empty()) {
            let arrivals = self.arrivals(r);
            match returns_receive::apply(
                conn,
                self.config,
                head,
                &arrivals,
                self.cause,
                self.run_id,
            )? {
                Ok(_) => {
                    returns::claim_receipt(conn, head.id, self.channel, &r.external_id)?;
                    rejections::resolve(conn, FLOW, self.channel, &r.external_id)?;
                    item.outcome = if dry_run {
                        SyncOutcome::WouldReceive
                    } else {
                        SyncOutcome::Received
                    };
                    return Ok(item);
                }
                Err(p) => problems.extend(p),
            }
        }
        rejections::record(
            conn,
            &NewRejection {
                flow: FLOW,
                channel: self.channel,
                external_id: &r.external_id,
                source: Some(&r.source),
                reasons: &problems,
                payload: serde_json::to_string(r).ok().as_deref(),
                run_id: self.run_id,
            },
        )?;
        item.outcome = SyncOutcome::Rejected;
        item.reasons = problems;
        Ok(item)
    }

    /// The receipt's lines with the channel's SKUs mapped to oms's.
    fn arrivals(&self, r: &ReturnReceiptIn) -> Vec<Arrival> {
        let map = self
            .config
            .fulfillment_channels
            .get(self.channel)
            .map(|c| &c.sku_map);
        r.lines
            .iter()
            .map(|l| Arrival {
                sku: map
                    .and_then(|m| m.get(&l.sku))
                    .cloned()
                    .unwrap_or_else(|| l.sku.clone()),
                quantity: l.quantity,
                disposition: l.disposition,
                origin: l.origin.clone(),
            })
            .collect()
    }
}
