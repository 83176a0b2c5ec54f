//! What `po approve`, `po cancel` and `po close` share: the same walk over the POs named
//! on the command line in one transaction, each PO either changed or refused with its
//! reason, and one report for all of them.

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Exit, usage};
use crate::model::{PoStatus, StockReason};
use crate::output::Report;
use crate::store::Store;
use crate::store::purchases::{self, PoHead, PoLine};
use crate::store::stock::{self, Movement, Reference};

#[derive(Debug, Serialize, Default)]
pub struct PoChangeReport {
    /// What a change is called in the summary: "approved", "cancelled", "closed".
    #[serde(skip)]
    pub verb: &'static str,
    pub dry_run: bool,
    pub changed: usize,
    pub refused: usize,
    pub items: Vec<PoChangeItem>,
}

#[derive(Debug, Serialize, Default)]
pub struct PoChangeItem {
    pub po: String,
    pub warehouse: String,
    pub from: String,
    pub to: Option<String>,
    pub outcome: ChangeOutcome,
    /// How incoming stock moved: + on approval, − for what will never arrive.
    pub incoming: i64,
    pub message: Option<String>,
}

#[derive(Debug, Serialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOutcome {
    #[default]
    Changed,
    Refused,
}

impl Report for PoChangeReport {
    type Item = PoChangeItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            (self.verb, self.changed.to_string()),
            ("refused", self.refused.to_string()),
        ];
        if self.dry_run {
            s.push(("dry run", "nothing was written".to_string()));
        }
        s
    }

    fn items(&self) -> &[PoChangeItem] {
        &self.items
    }

    fn is_notable(&self, item: &PoChangeItem) -> bool {
        item.outcome == ChangeOutcome::Refused
    }

    fn exit(&self) -> Exit {
        if self.refused > 0 {
            Exit::Rejected
        } else {
            Exit::Ok
        }
    }
}

/// A change one PO went through: its new status and the incoming stock it moved.
pub struct Changed {
    pub to: PoStatus,
    pub incoming: i64,
}

/// Runs `change` on each named PO inside one transaction (rolled back on `dry_run`).
/// Unknown numbers are a typing mistake: nothing is changed and the command exits 2.
/// `change` returns `Err(reason)` to refuse a PO; the others still go ahead.
pub fn each(
    store: &mut Store,
    numbers: &[String],
    verb: &'static str,
    dry_run: bool,
    mut change: impl FnMut(&Connection, &PoHead) -> anyhow::Result<Result<Changed, String>>,
) -> anyhow::Result<PoChangeReport> {
    let tx = store.tx()?;
    let mut heads: Vec<PoHead> = Vec::new();
    let mut unknown = Vec::new();
    for n in numbers {
        match purchases::find(&tx, n)? {
            Some(h) if heads.iter().any(|k| k.id == h.id) => {}
            Some(h) => heads.push(h),
            None => unknown.push(format!("no purchase order `{n}`")),
        }
    }
    if !unknown.is_empty() {
        return Err(usage(unknown.join("\n")));
    }
    let mut report = PoChangeReport {
        verb,
        dry_run,
        ..Default::default()
    };
    for head in &heads {
        let mut item = PoChangeItem {
            po: head.number.clone(),
            warehouse: head.warehouse.clone(),
            from: head.status.as_str().to_string(),
            ..Default::default()
        };
        match change(&tx, head)? {
            Ok(c) => {
                item.to = Some(c.to.as_str().to_string());
                item.incoming = c.incoming;
                report.changed += 1;
            }
            Err(reason) => {
                item.outcome = ChangeOutcome::Refused;
                item.message = Some(reason);
                report.refused += 1;
            }
        }
        report.items.push(item);
    }
    if !dry_run {
        tx.commit()?;
    }
    Ok(report)
}

/// Moves a PO's status through the one guarded function; a PO changed by someone else
/// in the meantime is refused rather than overwritten.
pub fn move_status(
    conn: &Connection,
    head: &PoHead,
    to: PoStatus,
    cause: &str,
    note: Option<&str>,
) -> anyhow::Result<Result<(), String>> {
    if purchases::set_status(conn, head.id, head.status, to, cause, note)? {
        Ok(Ok(()))
    } else {
        Ok(Err(format!(
            "{} changed while this command ran; look again with `oms po show`",
            head.number
        )))
    }
}

/// The units of a PO still counted as incoming.
pub fn still_expected(head: &PoHead, lines: &[PoLine]) -> i64 {
    if head.status.expects_stock() {
        lines.iter().map(|l| l.remaining).sum()
    } else {
        0
    }
}

/// Releases the incoming stock of units that will never arrive (SPEC §2: PO closed or
/// cancelled with u units never received → incoming −u). `head` is the PO as it was before
/// its status moved, which decides whether it still held incoming stock. Returns the units.
pub fn release_remaining(
    conn: &Connection,
    head: &PoHead,
    lines: &[PoLine],
    why: &str,
) -> anyhow::Result<i64> {
    if !head.status.expects_stock() {
        return Ok(0);
    }
    let mut released = 0;
    for line in lines.iter().filter(|l| l.remaining > 0) {
        stock::apply(
            conn,
            &Movement {
                warehouse: &head.warehouse,
                variant_id: line.variant_id,
                on_hand: 0,
                allocated: 0,
                incoming: -line.remaining,
                reason: StockReason::PoClosed,
                reference: Reference {
                    kind: Some("po"),
                    id: Some(&head.number),
                    run_id: None,
                    note: Some(why),
                },
            },
        )?;
        released += line.remaining;
    }
    Ok(released)
}
