//! What one incoming order means for the database (SPEC §4.1.1):
//!
//! | the order is … | and … | then |
//! |---|---|---|
//! | a test order | the channel does not take them | skipped |
//! | known here | cancelled upstream | cancelled here (ops::order_cancel), unless already final |
//! | new | cancelled upstream, invalid | skipped (nothing to fix), its rejection resolved |
//! | any | invalid | rejected: not created or changed, recorded with every reason |
//! | new | valid | created (as cancelled when first seen cancelled, so its story is complete) |
//! | known | same content | unchanged |
//! | known, not processed | edited upstream | updated |
//! | known, processed | edited upstream | not applied: a person should look |
//!
//! A valid order resolves its open rejection, if it has one.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::FLOW;
use super::batch::Batch;
use super::prepare::{Channel, RuleHold};
use super::report::{ImportReport, Item, Outcome};
use crate::model::OrderStatus;
use crate::model::hold::parse_duration;
use crate::model::order::OrderIn;
use crate::ops::{holds, order_cancel};
use crate::store::orders::{self, Known};
use crate::store::{catalog, rejections};

/// Whether an order comes from the channel or from a stored rejection being retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Fresh,
    Retry,
}

pub struct Importer<'a> {
    channel: &'a Channel<'a>,
    cause: &'a str,
    run_id: Option<i64>,
    /// Every variant id by SKU key, loaded once per run.
    variants: HashMap<String, i64>,
    /// Every bundle's components by bundle variant id, loaded once per run.
    bundles: HashMap<i64, Vec<crate::store::bundles::Component>>,
    /// Keys of this channel's open rejections: only these need resolving.
    open_rejections: HashSet<String>,
    pass: Pass,
    key: String,
    report: ImportReport,
}

impl<'a> Importer<'a> {
    pub fn new(
        conn: &Connection,
        channel: &'a Channel<'a>,
        cause: &'a str,
        run_id: Option<i64>,
        keep_all: bool,
    ) -> anyhow::Result<Importer<'a>> {
        Ok(Importer {
            channel,
            cause,
            run_id,
            variants: catalog::variant_ids(conn)?,
            bundles: crate::store::bundles::all(conn)?,
            open_rejections: HashSet::new(),
            pass: Pass::Fresh,
            key: String::new(),
            report: ImportReport {
                keep_all,
                ..Default::default()
            },
        })
    }

    pub fn into_report(self) -> ImportReport {
        self.report
    }

    /// Checks every open rejection of the channel again — its SKU may have been added to
    /// the catalog or to the sku_map since — and imports those that now pass.
    pub fn retry_rejections(&mut self, batch: &mut Batch) -> anyhow::Result<()> {
        let open = rejections::open_payloads(batch.conn(), FLOW, self.channel.code)?;
        self.open_rejections = open.iter().map(|(key, _)| key.clone()).collect();
        self.pass = Pass::Retry;
        for (key, payload) in open {
            match serde_json::from_str::<OrderIn>(&payload) {
                Ok(order) => self.import(batch, order)?,
                Err(e) => {
                    let code = self.channel.code;
                    self.report.record(Outcome::StillRejected, || Item {
                        channel: code.to_string(),
                        external_id: key.clone(),
                        message: Some(format!("the stored order cannot be read back: {e}")),
                        ..Default::default()
                    });
                }
            }
        }
        self.pass = Pass::Fresh;
        Ok(())
    }

    /// A source the connector could not read at all (set aside after a real run).
    pub fn unreadable(&mut self, source: String, reason: String) {
        let code = self.channel.code;
        self.report.record(Outcome::Unreadable, || Item {
            channel: code.to_string(),
            source,
            message: Some(reason),
            ..Default::default()
        });
    }

    /// A source whose orders are committed but that could not be acknowledged.
    pub fn not_moved(&mut self, source: &str, why: &anyhow::Error) {
        let code = self.channel.code;
        self.report.record(Outcome::NotMoved, || Item {
            channel: code.to_string(),
            source: source.to_string(),
            message: Some(format!(
                "{why:#}; its orders are imported and counted, and the file stays in the \
                 inbox: the next import reads it again and finds them unchanged"
            )),
            ..Default::default()
        });
    }

    /// Applies one order in the batch's transaction.
    pub fn import(&mut self, batch: &mut Batch, order: OrderIn) -> anyhow::Result<()> {
        let lines = order.lines_read;
        let rejected = self.report.rejected + self.report.still_rejected;
        self.apply(batch, order)?;
        let now_rejected = self.report.rejected + self.report.still_rejected;
        self.report.order_lines(lines, now_rejected > rejected);
        Ok(())
    }

    /// Closes the account of a file's lines with what its reader counted.
    pub fn file_lines(&mut self, source: String, tally: crate::formats::csv_table::LineTally) {
        self.report.file_lines(source, tally);
    }

    fn apply(&mut self, batch: &mut Batch, order: OrderIn) -> anyhow::Result<()> {
        let conn = batch.conn();
        if order.test && !self.channel.include_test {
            let code = self.channel.code;
            self.report.record(Outcome::Skipped, || {
                item(
                    code,
                    &order,
                    None,
                    "a test order (the channel's include_test_orders is off)",
                )
            });
            return Ok(());
        }
        let checked = self
            .channel
            .check(&order, &self.variants, &mut self.key)
            .and_then(|ids| super::bundles::check(&self.bundles, &order, ids));
        let known = self.lookup(conn, &order.external_id)?;
        match (known, checked) {
            (Some(known), _) if order.cancelled => self.cancel_known(conn, known, &order)?,
            (None, Err(_)) if order.cancelled => {
                self.resolve(conn, order.key())?;
                let code = self.channel.code;
                self.report.record(Outcome::Skipped, || {
                    item(
                        code,
                        &order,
                        None,
                        "cancelled upstream before it could be imported (it is invalid): nothing to do",
                    )
                });
            }
            (known, Err(reasons)) => self.reject(conn, known, &order, reasons)?,
            (None, Ok(variant_ids)) => self.create(conn, order, &variant_ids)?,
            (Some(known), Ok(variant_ids)) => self.update(conn, known, order, &variant_ids)?,
        }
        batch.order_written()?;
        Ok(())
    }

    fn lookup(&self, conn: &Connection, external_id: &str) -> anyhow::Result<Option<Known>> {
        if external_id.is_empty() {
            return Ok(None);
        }
        Ok(orders::find_by_external(
            conn,
            self.channel.code,
            external_id,
        )?)
    }

    fn create(
        &mut self,
        conn: &Connection,
        mut order: OrderIn,
        variant_ids: &[i64],
    ) -> anyhow::Result<()> {
        let source = std::mem::take(&mut order.source);
        let cancelled = order.cancelled;
        let fingerprint = order.fingerprint();
        let mismatch = order.subtotal_mismatch();
        let prepared = self
            .channel
            .new_order(order, variant_ids, fingerprint, &self.variants);
        let (new, status) = (&prepared.new, prepared.status);
        let id = orders::insert(conn, new, status, self.cause)?;
        self.note_mismatch(conn, id, status, mismatch.as_deref())?;
        let resolved = self.resolve(conn, &new.external_id)?;
        let code = self.channel.code;
        let made = |message: Option<String>| Item {
            channel: code.to_string(),
            external_id: new.external_id.clone(),
            order_id: Some(id),
            source: source.clone(),
            message,
            ..Default::default()
        };
        if cancelled {
            // Stored, then cancelled, so its story says what happened; the shop already
            // knows, so nothing is flagged for export.
            orders::set_status(
                conn,
                id,
                status,
                OrderStatus::Cancelled,
                self.cause,
                Some("cancelled upstream before it was imported"),
            )?;
            self.report.record(Outcome::Cancelled, || {
                made(Some(
                    "cancelled upstream before it was imported: stored as cancelled".into(),
                ))
            });
        } else {
            let held = match &prepared.hold {
                Some(h) => Some(self.rule_hold(conn, id, h)?),
                None => self.hold_for(conn, id, status)?,
            };
            self.report.record(Outcome::Imported, || {
                let resolved = resolved.then(|| "its earlier rejection is resolved".to_string());
                let mut said: Vec<String> = held.into_iter().collect();
                if said.is_empty() && resolved.is_some() {
                    said.push(status.to_string());
                }
                said.extend(resolved);
                said.extend(mismatch.clone());
                said.extend(prepared.notes.iter().cloned());
                made((!said.is_empty()).then(|| said.join("; ")))
            });
        }
        Ok(())
    }

    /// A stated subtotal the lines do not add up to goes into the order's story, so
    /// whoever looks at the order sees the shop and oms disagree (the order still imports:
    /// the lines are what ships).
    fn note_mismatch(
        &self,
        conn: &Connection,
        id: i64,
        status: OrderStatus,
        mismatch: Option<&str>,
    ) -> rusqlite::Result<()> {
        let Some(m) = mismatch else { return Ok(()) };
        let s = status.as_str();
        crate::store::history::record(conn, "order", id, Some(s), s, self.cause, Some(m))
    }

    /// A rule's `hold` (or `status = "on_hold"`, no time): what to say about it.
    fn rule_hold(&self, conn: &Connection, id: i64, h: &RuleHold) -> anyhow::Result<String> {
        let until = h.for_.map(holds::until_after);
        let done = holds::hold(
            conn,
            self.channel.config,
            id,
            until.as_deref(),
            Some(&h.reason),
            self.cause,
            self.run_id,
        )?;
        Ok(match (done, &until) {
            (Ok(_), Some(t)) => format!("on hold until {t}: {}", h.reason),
            (Ok(_), None) => format!("on hold until released by hand: {}", h.reason),
            (Err(e), _) => format!("not held: {e}"),
        })
    }

    /// The channel's `hold_for`: every new approved order waits that long on hold (a
    /// flash sale's fraud check, a window to edit). Returns what to say about it.
    fn hold_for(
        &self,
        conn: &Connection,
        id: i64,
        status: OrderStatus,
    ) -> anyhow::Result<Option<String>> {
        let Some(text) = &self.channel.settings.hold_for else {
            return Ok(None);
        };
        if status != OrderStatus::Approved {
            return Ok(None);
        }
        // `config check` refuses a bad duration; this is only reached with a good one.
        let duration = parse_duration(text.get_ref()).map_err(anyhow::Error::msg)?;
        let until = holds::until_after(duration);
        let why = format!("hold_for = \"{}\" of the sales channel", text.get_ref());
        Ok(Some(
            match holds::hold(
                conn,
                self.channel.config,
                id,
                Some(&until),
                Some(&why),
                self.cause,
                self.run_id,
            )? {
                Ok(_) => format!("on hold until {until}"),
                Err(e) => format!("not held: {e}"),
            },
        ))
    }

    fn update(
        &mut self,
        conn: &Connection,
        known: Known,
        mut order: OrderIn,
        variant_ids: &[i64],
    ) -> anyhow::Result<()> {
        self.resolve(conn, &order.external_id)?;
        let code = self.channel.code;
        let fingerprint = order.fingerprint();
        if known.upstream_hash.as_deref() == Some(fingerprint.as_str()) {
            self.report.record(Outcome::Unchanged, || {
                item(code, &order, Some(known.id), "")
            });
            return Ok(());
        }
        let processed = !matches!(known.status, OrderStatus::Draft | OrderStatus::Approved)
            || known.has_shipments;
        if processed {
            let why = format!(
                "changed upstream after processing — not applied (the order is {})",
                known.status
            );
            self.not_applied(conn, &order, &why)?;
            self.report.record(Outcome::NotApplied, || {
                item(code, &order, Some(known.id), &why)
            });
            return Ok(());
        }
        let source = std::mem::take(&mut order.source);
        let mismatch = order.subtotal_mismatch();
        let new = self
            .channel
            .new_order(order, variant_ids, fingerprint, &self.variants)
            .new;
        orders::replace_content(conn, known.id, &new, self.cause)?;
        self.note_mismatch(conn, known.id, known.status, mismatch.as_deref())?;
        let mut message = "edited upstream before processing: updated".to_string();
        if let Some(m) = &mismatch {
            message.push_str(&format!("; {m}"));
        }
        self.report.record(Outcome::Updated, || Item {
            channel: code.to_string(),
            external_id: new.external_id.clone(),
            order_id: Some(known.id),
            source,
            message: Some(message),
            ..Default::default()
        });
        Ok(())
    }

    fn cancel_known(
        &mut self,
        conn: &Connection,
        known: Known,
        order: &OrderIn,
    ) -> anyhow::Result<()> {
        self.resolve(conn, &order.external_id)?;
        let code = self.channel.code;
        let id = Some(known.id);
        if known.status == OrderStatus::Cancelled {
            self.report.record(Outcome::Unchanged, || {
                item(code, order, id, "already cancelled")
            });
            return Ok(());
        }
        let done = order_cancel::cancel(
            conn,
            known.id,
            self.cause,
            self.run_id,
            Some("cancelled upstream"),
        )?;
        match done {
            Err(final_status) => {
                let why = format!(
                    "cancelled upstream after it was {} — not applied",
                    final_status.status
                );
                self.not_applied(conn, order, &why)?;
                self.report
                    .record(Outcome::NotApplied, || item(code, order, id, &why));
            }
            Ok(c) if !c.changed() => {
                self.report.record(Outcome::Unchanged, || {
                    item(code, order, id, "its cancellation is already requested")
                });
            }
            Ok(c) => {
                let message = if c.to == OrderStatus::CancelRequested {
                    format!(
                        "cancelled upstream: {} shipment(s) at a warehouse asked to cancel",
                        c.cancel_requested
                    )
                } else {
                    format!("cancelled upstream: now {}", c.to)
                };
                self.report.released.extend(c.released);
                self.report
                    .record(Outcome::Cancelled, || item(code, order, id, &message));
            }
        }
        Ok(())
    }

    fn reject(
        &mut self,
        conn: &Connection,
        known: Option<Known>,
        order: &OrderIn,
        reasons: Vec<String>,
    ) -> anyhow::Result<()> {
        let code = self.channel.code;
        let id = known.as_ref().map(|k| k.id);
        if self.pass == Pass::Retry {
            self.report.record(Outcome::StillRejected, || {
                item(code, order, id, &reasons.join("; "))
            });
            return Ok(());
        }
        let payload = serde_json::to_string(order)?;
        rejections::record(
            conn,
            &rejections::NewRejection {
                flow: FLOW,
                channel: code,
                external_id: order.key(),
                source: Some(&order.source),
                reasons: &reasons,
                payload: Some(&payload),
                run_id: self.run_id,
            },
        )?;
        self.open_rejections.insert(order.key().to_string());
        let mut message = reasons.join("; ");
        if let Some(k) = &known {
            message.push_str(&format!("; order {} stays as it was", k.id));
        }
        self.report
            .record(Outcome::Rejected, || item(code, order, id, &message));
        Ok(())
    }

    /// An upstream change that came after the order was processed is kept as a rejection
    /// (listed by `oms rejects`, flagged by `oms status`) so a person decides what to do;
    /// without a payload, since retrying it cannot make it apply.
    fn not_applied(&mut self, conn: &Connection, order: &OrderIn, why: &str) -> anyhow::Result<()> {
        if self.pass == Pass::Retry {
            return Ok(());
        }
        rejections::record(
            conn,
            &rejections::NewRejection {
                flow: FLOW,
                channel: self.channel.code,
                external_id: order.key(),
                source: Some(&order.source),
                reasons: &[why.to_string()],
                payload: None,
                run_id: self.run_id,
            },
        )?;
        Ok(())
    }

    /// Resolves the open rejection filed under `key`, if there is one.
    fn resolve(&mut self, conn: &Connection, key: &str) -> rusqlite::Result<bool> {
        if !self.open_rejections.remove(key) {
            return Ok(false);
        }
        rejections::resolve(conn, FLOW, self.channel.code, key)
    }
}

fn item(channel: &str, order: &OrderIn, order_id: Option<i64>, message: &str) -> Item {
    Item {
        channel: channel.to_string(),
        external_id: order.key().to_string(),
        order_id,
        source: order.source.clone(),
        message: (!message.is_empty()).then(|| message.to_string()),
        ..Default::default()
    }
}
