//! The report of `shipments send`: counts always, one item per shipment only when it was
//! refused or failed (or with `-v`, or in a dry run, which lists what it would send).

use serde::Serialize;

use crate::error::Exit;
use crate::ops::flow;
use crate::output::Report;
use crate::store::runs::Outcome;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SendOutcome {
    #[default]
    Sent,
    /// Dry run: would have been sent.
    WouldSend,
    /// The channel answered with an error for this shipment; it stays ready to send.
    Refused,
    /// The call failed or gave no answer for it; it stays ready to send.
    Failed,
    CancelSent,
    WouldCancel,
    CancelFailed,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct SendItem {
    pub channel: String,
    pub reference: String,
    pub order_id: Option<i64>,
    pub warehouse: Option<String>,
    pub outcome: SendOutcome,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct SendReport {
    pub dry_run: bool,
    /// Shipments found ready to send.
    pub ready: usize,
    /// Ready, but at a warehouse switched off (`enabled = false`): not sent.
    pub waiting_switched_off: usize,
    pub sent: usize,
    pub refused: usize,
    pub failed: usize,
    pub cancellations_sent: usize,
    pub cancellations_failed: usize,
    pub failed_channels: Vec<String>,
    pub items: Vec<SendItem>,
    /// Keep an item for every shipment, not only the notable ones.
    #[serde(skip)]
    pub(super) show_all: bool,
}

impl SendReport {
    pub(super) fn push(&mut self, item: SendItem) {
        let outcome = item.outcome;
        match outcome {
            SendOutcome::Sent => self.sent += 1,
            SendOutcome::Refused => self.refused += 1,
            SendOutcome::Failed => self.failed += 1,
            SendOutcome::CancelSent => self.cancellations_sent += 1,
            SendOutcome::CancelFailed => self.cancellations_failed += 1,
            SendOutcome::WouldSend | SendOutcome::WouldCancel => {}
        }
        if self.show_all || notable(outcome) {
            self.items.push(item);
        }
    }

    pub(super) fn absorb(&mut self, other: SendReport) {
        self.ready += other.ready;
        self.waiting_switched_off += other.waiting_switched_off;
        self.sent += other.sent;
        self.refused += other.refused;
        self.failed += other.failed;
        self.cancellations_sent += other.cancellations_sent;
        self.cancellations_failed += other.cancellations_failed;
        self.failed_channels.extend(other.failed_channels);
        self.items.extend(other.items);
    }

    pub(super) fn counts(&self) -> serde_json::Value {
        serde_json::json!({
            "ready": self.ready, "sent": self.sent, "refused": self.refused, "failed": self.failed,
            "cancellations_sent": self.cancellations_sent,
            "cancellations_failed": self.cancellations_failed,
        })
    }

    pub(super) fn outcome(&self) -> Outcome {
        if !self.failed_channels.is_empty() || self.failed > 0 || self.cancellations_failed > 0 {
            Outcome::Failed
        } else if self.refused > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

fn notable(outcome: SendOutcome) -> bool {
    matches!(
        outcome,
        SendOutcome::Refused | SendOutcome::Failed | SendOutcome::CancelFailed
    )
}

impl Report for SendReport {
    type Item = SendItem;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("ready to send", self.ready.to_string()),
            ("sent", self.sent.to_string()),
        ];
        if self.waiting_switched_off > 0 {
            s.push((
                "waiting (warehouse switched off)",
                self.waiting_switched_off.to_string(),
            ));
        }
        if self.refused > 0 {
            s.push(("refused", self.refused.to_string()));
        }
        if self.failed > 0 {
            s.push(("send failed", self.failed.to_string()));
        }
        if self.cancellations_sent > 0 {
            s.push(("cancellations sent", self.cancellations_sent.to_string()));
        }
        if self.cancellations_failed > 0 {
            s.push((
                "cancellations failed",
                self.cancellations_failed.to_string(),
            ));
        }
        if !self.failed_channels.is_empty() {
            s.push(("failed channels", self.failed_channels.join("; ")));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written or sent".into()));
        }
        s
    }

    fn items(&self) -> &[SendItem] {
        &self.items
    }

    fn is_notable(&self, item: &SendItem) -> bool {
        self.show_all || notable(item.outcome)
    }

    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}
