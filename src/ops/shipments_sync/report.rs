//! What `oms shipments sync` reports: counts, one item per confirmation, and what the
//! run journal keeps of it.

use serde::Serialize;

use crate::error::Exit;
use crate::ops::backorders::RetryReport;
use crate::ops::flow::{self, Journaled};
use crate::output::Report;
use crate::store::runs::Outcome;

#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    pub reference: String,
    pub order_id: Option<i64>,
    pub outcome: String,
    pub units_shipped: i64,
    pub tracking: String,
    pub source: String,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct SyncReport {
    pub dry_run: bool,
    pub shipped: usize,
    pub short_shipped: usize,
    pub cancelled: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Confirmations rejected on an earlier run that still cannot be applied.
    pub still_rejected: usize,
    pub failed_files: usize,
    /// Files applied and committed (and counted above) that could not be moved out of
    /// the inbox or acknowledged: each is an item naming the path and why.
    pub not_moved: usize,
    pub failed_channels: Vec<String>,
    pub items: Vec<Item>,
    /// (warehouse, variant) pairs whose available stock rose (cancellations release stock).
    #[serde(skip)]
    pub released: Vec<(String, i64)>,
    /// Backordered orders retried because cancellations released stock (SPEC §4.2.4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backorders: Option<RetryReport>,
}

impl Report for SyncReport {
    type Item = Item;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("shipped", self.shipped.to_string()),
            ("short shipped", self.short_shipped.to_string()),
            ("cancelled", self.cancelled.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("rejected", self.rejected.to_string()),
        ];
        if self.still_rejected > 0 {
            s.push(("still rejected", self.still_rejected.to_string()));
        }
        if self.failed_files > 0 {
            s.push(("unreadable files", self.failed_files.to_string()));
        }
        if self.not_moved > 0 {
            s.push(("files not moved", self.not_moved.to_string()));
        }
        if let Some(b) = self.backorders.as_ref().filter(|b| !b.allocated.is_empty()) {
            s.push(("backorders allocated", b.allocated.len().to_string()));
        }
        if !self.failed_channels.is_empty() {
            s.push(("failed channels", self.failed_channels.join(", ")));
        }
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }
    fn items(&self) -> &[Item] {
        &self.items
    }
    fn is_notable(&self, item: &Item) -> bool {
        matches!(
            item.outcome.as_str(),
            "rejected" | "unreadable" | "not_moved"
        )
    }
    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for SyncReport {
    fn counts(&self) -> serde_json::Value {
        serde_json::json!({
            "shipped": self.shipped, "short_shipped": self.short_shipped, "cancelled": self.cancelled,
            "unchanged": self.unchanged, "rejected": self.rejected, "still_rejected": self.still_rejected,
            "failed_files": self.failed_files, "not_moved": self.not_moved,
        })
    }
    fn outcome(&self) -> Outcome {
        if !self.failed_channels.is_empty() || self.not_moved > 0 {
            Outcome::Failed
        } else if self.rejected > 0 || self.failed_files > 0 {
            Outcome::Rejected
        } else {
            Outcome::Ok
        }
    }
}

impl SyncReport {
    pub(super) fn not_moved(&mut self, channel: &str, source: String, why: &anyhow::Error) {
        self.not_moved += 1;
        self.items.push(Item {
            channel: channel.to_string(),
            outcome: "not_moved".into(),
            source,
            message: Some(format!(
                "{why:#}; what it holds is applied and counted, and the file stays in the \
                 inbox: the next sync finds it applied"
            )),
            ..Default::default()
        });
    }
}

impl flow::PerChannel for SyncReport {
    fn absorb(&mut self, other: SyncReport) {
        self.shipped += other.shipped;
        self.short_shipped += other.short_shipped;
        self.cancelled += other.cancelled;
        self.unchanged += other.unchanged;
        self.rejected += other.rejected;
        self.not_moved += other.not_moved;
        self.still_rejected += other.still_rejected;
        self.failed_files += other.failed_files;
        self.items.extend(other.items);
        self.released.extend(other.released);
        if let Some(retry) = other.backorders {
            self.backorders.get_or_insert_default().absorb(retry);
        }
    }

    fn failed_channels(&mut self) -> &mut Vec<String> {
        &mut self.failed_channels
    }
}
