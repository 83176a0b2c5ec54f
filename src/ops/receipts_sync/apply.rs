//! Applying one receipt (SPEC §2): on_hand += r, incoming −= min(r, still expected), the PO
//! line's received count, the receipt's and the PO's status. A receipt is all or nothing:
//! one bad line rejects it whole, so a corrected copy with the same id can still be applied.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;

use super::{ReceiptItem, ReceiptOutcome, ReceiptsSyncReport};
use crate::config::Config;
use crate::model::purchase::{ReceiptIn, ReceiptLineIn};
use crate::model::{PoStatus, ReceiptStatus, StockReason, sku_key};
use crate::ops::backorders::{self, RetryReport};
use crate::store::catalog;
use crate::store::purchases::receipts::{self, NewReceipt, NewReceiptLine};
use crate::store::purchases::{self, PoHead, PoLine};
use crate::store::rejections::{self, NewRejection};
use crate::store::stock::{self, Movement, Reference, counted};

/// What applying needs to know about the channel and the run.
pub struct Applier<'a> {
    config: &'a Config,
    pub channel: &'a str,
    /// The channel's SKUs (by key) → ours, from its `sku_map`.
    sku_map: HashMap<String, String>,
    run_id: Option<i64>,
    cause: String,
    /// Set while rejections of earlier runs are tried again: one still failing is
    /// reported, not recorded again.
    pub retrying: std::cell::Cell<bool>,
}

/// A receipt line matched to a variant on the PO, before it is shared over the PO's lines
/// of that variant (one per lot or serial).
struct Wanted<'l> {
    variant_id: i64,
    sku: String,
    quantity: i64,
    given: &'l ReceiptLineIn,
}

/// The part of a receipt line given to one PO line.
struct Matched<'l> {
    line: &'l PoLine,
    sku: String,
    quantity: i64,
    given: &'l ReceiptLineIn,
}

impl<'a> Applier<'a> {
    pub fn new(config: &'a Config, channel: &'a str, run_id: Option<i64>, cause: String) -> Self {
        let sku_map = config
            .fulfillment_channels
            .get(channel)
            .map(|c| {
                c.sku_map
                    .iter()
                    .map(|(theirs, ours)| (sku_key(theirs), ours.clone()))
                    .collect()
            })
            .unwrap_or_default();
        Applier {
            config,
            channel,
            sku_map,
            run_id,
            cause,
            retrying: std::cell::Cell::new(false),
        }
    }

    fn item(&self, r: &ReceiptIn, outcome: ReceiptOutcome) -> ReceiptItem {
        ReceiptItem {
            channel: self.channel.to_string(),
            receipt: r.external_id.clone(),
            po: r.po_number.clone(),
            source: r.source.clone(),
            outcome,
            units: r.lines.iter().map(|l| l.quantity).sum(),
            ..Default::default()
        }
    }

    /// Retries the backordered orders waiting for the SKUs whose stock `raised` (pairs of
    /// warehouse and variant) in the caller's transaction, attributed to this run.
    pub fn retry_backorders(
        &self,
        conn: &Connection,
        raised: &BTreeSet<(String, i64)>,
    ) -> anyhow::Result<Option<RetryReport>> {
        backorders::retry_raised(self.config, conn, self.run_id, &self.cause, raised)
    }

    /// Applies one receipt in the caller's transaction, or rejects and records it.
    pub fn apply(
        &self,
        conn: &Connection,
        r: &ReceiptIn,
        report: &mut ReceiptsSyncReport,
    ) -> anyhow::Result<()> {
        if !r.external_id.is_empty() && receipts::exists(conn, self.channel, &r.external_id)? {
            if self.retrying.get() {
                rejections::resolve(conn, super::FLOW, self.channel, &r.external_id)?;
            }
            report.push(self.item(r, ReceiptOutcome::AlreadyApplied));
            return Ok(());
        }
        let head = if r.po_number.is_empty() {
            None
        } else {
            purchases::find(conn, &r.po_number)?
        };
        let lines = match &head {
            Some(h) => purchases::lines(conn, h.id)?,
            None => Vec::new(),
        };
        let mut reasons = r.problems.clone();
        if r.problems.is_empty() {
            self.check_po(r, head.as_ref(), &mut reasons);
        }
        // Lines are checked even when the PO itself is refused, so one look names everything.
        let matched = match &head {
            Some(h) if r.problems.is_empty() => {
                self.match_lines(conn, r, h, &lines, &mut reasons)?
            }
            _ => Vec::new(),
        };
        match head {
            Some(head) if reasons.is_empty() => {
                let matched = share(self.growth_only(conn, r, matched)?, &lines);
                if let Some(of) = &r.running_total_of {
                    // A state that applies supersedes earlier refused states of the record.
                    rejections::resolve_under(conn, super::FLOW, self.channel, &format!("{of}@"))?;
                }
                if matched.is_empty() {
                    // Totals no higher than what is applied: nothing new arrived.
                    report.push(self.item(r, ReceiptOutcome::AlreadyApplied));
                    return Ok(());
                }
                self.receive(conn, r, &head, &matched, report)
            }
            _ => self.reject(conn, r, reasons, report),
        }
    }

    /// For a receipt of running totals, the part of each line not yet applied by earlier
    /// receipts of the same record; lines that did not grow drop out. Totals that shrank
    /// take nothing back: the units were counted in, and stock adjustments correct them.
    fn growth_only<'l>(
        &self,
        conn: &Connection,
        r: &ReceiptIn,
        matched: Vec<Wanted<'l>>,
    ) -> anyhow::Result<Vec<Wanted<'l>>> {
        let Some(of) = &r.running_total_of else {
            return Ok(matched);
        };
        let mut applied = receipts::applied_under(conn, self.channel, &format!("{of}@"))?;
        // Receipts oms made per box before it read totals (`{wro}-box-{box}`) are part of
        // the same record: a WRO read again after an upgrade must not count them twice.
        for (variant, units) in receipts::applied_under(conn, self.channel, &format!("{of}-box-"))?
        {
            *applied.entry(variant).or_default() += units;
        }
        Ok(matched
            .into_iter()
            .filter_map(|mut m| {
                let before = applied.entry(m.variant_id).or_default();
                let grown = m.quantity - *before;
                *before = (*before).max(m.quantity);
                m.quantity = grown;
                (grown > 0).then_some(m)
            })
            .collect())
    }

    fn check_po(&self, r: &ReceiptIn, head: Option<&PoHead>, reasons: &mut Vec<String>) {
        let Some(head) = head else {
            reasons.push(format!(
                "{}: po_number: unknown PO `{}`",
                r.source, r.po_number
            ));
            return;
        };
        if matches!(head.status, PoStatus::Draft | PoStatus::Cancelled) {
            reasons.push(format!(
                "{}: po_number: {} is {}; it expects no receipts",
                r.source, head.number, head.status
            ));
        }
        let served_by = self
            .config
            .warehouses
            .get(&head.warehouse)
            .map(|w| w.fulfillment_channel.get_ref().as_str());
        if served_by != Some(self.channel) {
            reasons.push(format!(
                "{}: po_number: {} is for warehouse `{}`, which `{}` does not serve",
                r.source, head.number, head.warehouse, self.channel
            ));
        }
        if r.lines.is_empty() {
            reasons.push(format!("{}: the receipt has no lines", r.source));
        }
    }

    fn match_lines<'l>(
        &self,
        conn: &Connection,
        r: &'l ReceiptIn,
        head: &PoHead,
        lines: &[PoLine],
        reasons: &mut Vec<String>,
    ) -> anyhow::Result<Vec<Wanted<'l>>> {
        let mut matched = Vec::new();
        for l in &r.lines {
            if l.quantity <= 0 {
                reasons.push(format!(
                    "{}: quantity: must be more than 0, got {}",
                    l.source, l.quantity
                ));
            }
            let ours = self.sku_map.get(&sku_key(&l.sku)).unwrap_or(&l.sku);
            let Some(variant) = catalog::find_variant(conn, ours)? else {
                reasons.push(format!("{}: sku: unknown SKU `{}`", l.source, l.sku));
                continue;
            };
            match lines.iter().find(|pl| pl.variant_id == variant.id) {
                Some(_) => matched.push(Wanted {
                    variant_id: variant.id,
                    sku: variant.sku,
                    quantity: l.quantity,
                    given: l,
                }),
                None => reasons.push(format!(
                    "{}: sku: `{}` is not on {}",
                    l.source, l.sku, head.number
                )),
            }
        }
        Ok(matched)
    }

    fn reject(
        &self,
        conn: &Connection,
        r: &ReceiptIn,
        reasons: Vec<String>,
        report: &mut ReceiptsSyncReport,
    ) -> anyhow::Result<()> {
        if self.retrying.get() {
            let mut item = self.item(r, ReceiptOutcome::StillRejected);
            item.reasons = reasons;
            report.push(item);
            return Ok(());
        }
        // A row that named no receipt is kept under its location, the only name it has.
        let key = if r.external_id.is_empty() {
            &r.source
        } else {
            &r.external_id
        };
        rejections::record(
            conn,
            &NewRejection {
                flow: super::FLOW,
                channel: self.channel,
                external_id: key,
                source: Some(&r.source),
                reasons: &reasons,
                payload: serde_json::to_string(r).ok().as_deref(),
                run_id: self.run_id,
            },
        )?;
        let mut item = self.item(r, ReceiptOutcome::Rejected);
        item.reasons = reasons;
        report.push(item);
        Ok(())
    }

    fn receive(
        &self,
        conn: &Connection,
        r: &ReceiptIn,
        head: &PoHead,
        matched: &[Matched],
        report: &mut ReceiptsSyncReport,
    ) -> anyhow::Result<()> {
        // Two rows for the same SKU (two pallets) add up; what is "still expected" shrinks
        // as each is applied, so the pair behaves exactly like one row of their sum.
        let mut received: HashMap<i64, i64> = HashMap::new();
        let mut over = Vec::new();
        for m in matched {
            let before = m.line.received + received.get(&m.line.id).copied().unwrap_or(0);
            let still_expected = if head.status.expects_stock() {
                (m.line.ordered - before).max(0)
            } else {
                0
            };
            // Units that arrived before the last snapshot are already in its count.
            let counted_at = counted::at(conn, &head.warehouse, m.line.variant_id)?;
            let in_snapshot =
                counted::already_counted(counted_at.as_deref(), r.received_at.as_deref());
            stock::apply(
                conn,
                &Movement {
                    warehouse: &head.warehouse,
                    variant_id: m.line.variant_id,
                    on_hand: if in_snapshot { 0 } else { m.quantity },
                    allocated: 0,
                    incoming: -m.quantity.min(still_expected),
                    reason: StockReason::Receipt,
                    reference: Reference {
                        kind: Some("receipt"),
                        id: Some(&r.external_id),
                        run_id: self.run_id,
                        note: Some(&head.number),
                    },
                },
            )?;
            purchases::add_received(conn, m.line.id, m.quantity)?;
            *received.entry(m.line.id).or_default() += m.quantity;
            report
                .stock_raised
                .insert((head.warehouse.clone(), m.line.variant_id));
            if m.quantity > still_expected {
                over.push((m, still_expected));
            }
        }
        let after = purchases::lines(conn, head.id)?;
        let complete = |id: i64| after.iter().any(|l| l.id == id && l.is_complete());
        let status = if received.keys().all(|id| complete(*id)) {
            ReceiptStatus::Received
        } else {
            ReceiptStatus::ShortReceived
        };
        let new_lines: Vec<NewReceiptLine> = matched
            .iter()
            .map(|m| NewReceiptLine {
                po_line_id: m.line.id,
                variant_id: m.line.variant_id,
                quantity: m.quantity,
                lot: m.given.lot.clone(),
                serial: m.given.serial.clone(),
                expiration_date: m.given.expiration_date.clone(),
            })
            .collect();
        let receipt = NewReceipt {
            po_id: head.id,
            channel: self.channel,
            external_id: &r.external_id,
            received_at: r.received_at.as_deref(),
            status,
            lines: &new_lines,
        };
        receipts::insert(conn, &receipt, &self.cause)?;
        let po_status = self.advance_po(conn, head, &after)?;
        rejections::resolve(conn, super::FLOW, self.channel, &r.external_id)?;

        let mut item = self.item(r, ReceiptOutcome::Applied);
        item.units = matched.iter().map(|m| m.quantity).sum();
        item.po = head.number.clone();
        item.status = Some(status.as_str().to_string());
        item.po_status = Some(po_status.as_str().to_string());
        report.push(item);
        for (m, expected) in over {
            let mut warn = self.item(r, ReceiptOutcome::OverReceived);
            warn.po = head.number.clone();
            warn.units = m.quantity - expected;
            warn.source = m.given.source.clone();
            warn.reasons = vec![format!(
                "{}: {} received {}, {} still expected on {} ({} over; all taken into on hand)",
                m.given.source,
                m.sku,
                m.quantity,
                expected,
                head.number,
                m.quantity - expected
            )];
            report.push(warn);
        }
        Ok(())
    }

    /// approved → receiving when something arrived, → received once every line is
    /// complete. A PO already received or closed keeps its status.
    fn advance_po(
        &self,
        conn: &Connection,
        head: &PoHead,
        lines: &[PoLine],
    ) -> anyhow::Result<PoStatus> {
        if !head.status.expects_stock() {
            return Ok(head.status);
        }
        let to = if lines.iter().all(PoLine::is_complete) {
            PoStatus::Received
        } else {
            PoStatus::Receiving
        };
        if to != head.status {
            let moved = purchases::set_status(conn, head.id, head.status, to, &self.cause, None)?;
            // The flow lock and this transaction keep everyone else out, so a miss is a bug.
            anyhow::ensure!(
                moved,
                "{} changed status while its receipt was applied",
                head.number
            );
        }
        Ok(to)
    }
}

/// Gives each wanted quantity to the PO lines of its variant: the line with its serial
/// number, else the lines of its lot, else every line of the variant; in line order, each
/// up to what it still expects, the last taking any excess (reported as over-received).
fn share<'l>(wanted: Vec<Wanted<'l>>, lines: &'l [PoLine]) -> Vec<Matched<'l>> {
    let mut taken: HashMap<i64, i64> = HashMap::new();
    let mut out = Vec::new();
    for w in wanted {
        let of_variant: Vec<&PoLine> = lines
            .iter()
            .filter(|l| l.variant_id == w.variant_id)
            .collect();
        let tagged = |tag: fn(&PoLine) -> Option<&str>, value: Option<&str>| -> Vec<&'l PoLine> {
            match value {
                Some(v) => of_variant
                    .iter()
                    .copied()
                    .filter(|l| tag(l) == Some(v))
                    .collect(),
                None => Vec::new(),
            }
        };
        let mut candidates = tagged(|l| l.serial.as_deref(), w.given.serial.as_deref());
        if candidates.is_empty() {
            candidates = tagged(|l| l.lot.as_deref(), w.given.lot.as_deref());
        }
        if candidates.is_empty() {
            candidates = of_variant.clone();
        }
        let mut left = w.quantity;
        for (i, line) in candidates.iter().enumerate() {
            let room =
                (line.ordered - line.received - taken.get(&line.id).copied().unwrap_or(0)).max(0);
            let give = if i + 1 == candidates.len() {
                left
            } else {
                left.min(room)
            };
            if give > 0 {
                *taken.entry(line.id).or_default() += give;
                left -= give;
                out.push(Matched {
                    line,
                    sku: w.sku.clone(),
                    quantity: give,
                    given: w.given,
                });
            }
            if left == 0 {
                break;
            }
        }
    }
    out
}
