//! The report of `oms orders import`: counts always, items only where a person should
//! look (or every order with `-v`), so a million-order import does not keep a million
//! items in memory.

use serde::Serialize;

use crate::error::Exit;
use crate::formats::csv_table::LineTally;
use crate::ops::flow::{self, Journaled};
use crate::output::Report;
use crate::store::runs::Outcome as RunOutcome;

/// What happened to one order (or file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Created here (possibly as cancelled, when it was first seen already cancelled).
    #[default]
    Imported,
    /// An upstream edit applied to an order not yet processed.
    Updated,
    /// Seen before with the same content.
    Unchanged,
    /// Cancelled here because the channel cancelled it.
    Cancelled,
    /// Invalid: not created, recorded as a rejection.
    Rejected,
    /// A test order (or an invalid order already cancelled upstream): left out.
    Skipped,
    /// Changed upstream after it was processed: not applied, a person should look.
    NotApplied,
    /// A rejection from an earlier run, checked again and still invalid.
    StillRejected,
    /// A file that could not be read at all (moved to inbox/failed/).
    Unreadable,
    /// A source whose orders are committed but that could not be acknowledged (an inbox
    /// file that could not be moved to done/): read again next time, found unchanged.
    NotMoved,
}

impl Outcome {
    /// Outcomes listed even without `-v`.
    pub fn is_notable(self) -> bool {
        matches!(
            self,
            Outcome::Updated
                | Outcome::Cancelled
                | Outcome::Rejected
                | Outcome::NotApplied
                | Outcome::Unreadable
                | Outcome::NotMoved
        )
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Item {
    pub channel: String,
    pub external_id: String,
    pub order_id: Option<i64>,
    pub outcome: Outcome,
    pub source: String,
    pub message: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ImportReport {
    pub dry_run: bool,
    /// The file imported with `--file`.
    pub file: Option<String>,
    pub imported: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub cancelled: usize,
    pub rejected: usize,
    pub skipped: usize,
    pub not_applied: usize,
    pub still_rejected: usize,
    pub unreadable_files: usize,
    /// Sources whose orders were committed (and counted above) but that could not be
    /// moved out of the inbox or acknowledged; each is an item naming the path and why.
    pub not_moved: usize,
    pub failed_channels: Vec<String>,
    /// For each CSV file read, where every one of its physical lines went.
    pub files: Vec<FileLines>,
    /// What the run did not do and why (a channel `--since` does not apply to).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub items: Vec<Item>,
    /// (warehouse, variant) pairs whose available stock rose (cancellations released it).
    #[serde(skip)]
    pub released: Vec<(String, i64)>,
    /// Whether every order gets an item (`-v`), not only notable ones.
    #[serde(skip)]
    pub keep_all: bool,
    /// Lines of the file being read so far: in orders taken, in orders rejected.
    #[serde(skip)]
    pub(super) pending_lines: (u64, u64),
}

/// The account of one CSV file's physical lines:
/// `lines = header + blank + in_orders + in_rejections + not_read`.
#[derive(Debug, Clone, Serialize, Default, PartialEq, Eq)]
pub struct FileLines {
    pub source: String,
    pub lines: u64,
    pub header: u64,
    /// Empty lines and rows of only separators.
    pub blank: u64,
    /// Lines of orders imported, updated, unchanged, cancelled, skipped or not applied.
    pub in_orders: u64,
    /// Lines of records rejected (each rejection names its lines).
    pub in_rejections: u64,
    /// Lines after a point where reading stopped (named in a rejection).
    pub not_read: u64,
}

impl FileLines {
    fn summary(&self) -> String {
        let mut text = format!(
            "{}: {} = {} header + {} blank + {} in orders + {} in rejections",
            self.source, self.lines, self.header, self.blank, self.in_orders, self.in_rejections
        );
        if self.not_read > 0 {
            text.push_str(&format!(" + {} not read", self.not_read));
        }
        text
    }
}

impl ImportReport {
    /// Counts an outcome and keeps an item for it when it is worth one. `item` is only
    /// called then, so the common case (a new order, no `-v`) builds no strings.
    pub fn record(&mut self, outcome: Outcome, item: impl FnOnce() -> Item) {
        let count = match outcome {
            Outcome::Imported => &mut self.imported,
            Outcome::Updated => &mut self.updated,
            Outcome::Unchanged => &mut self.unchanged,
            Outcome::Cancelled => &mut self.cancelled,
            Outcome::Rejected => &mut self.rejected,
            Outcome::Skipped => &mut self.skipped,
            Outcome::NotApplied => &mut self.not_applied,
            Outcome::StillRejected => &mut self.still_rejected,
            Outcome::Unreadable => &mut self.unreadable_files,
            Outcome::NotMoved => &mut self.not_moved,
        };
        *count += 1;
        if self.keep_all || outcome.is_notable() {
            let mut it = item();
            it.outcome = outcome;
            self.items.push(it);
        }
    }
}

impl ImportReport {
    /// Adds the lines of an order just applied to the file being read.
    pub fn order_lines(&mut self, lines: u64, rejected: bool) {
        if rejected {
            self.pending_lines.1 += lines;
        } else {
            self.pending_lines.0 += lines;
        }
    }

    /// Closes the account of a file with what its reader counted.
    pub fn file_lines(&mut self, source: String, tally: LineTally) {
        let (in_orders, in_rejections) = std::mem::take(&mut self.pending_lines);
        self.files.push(FileLines {
            source,
            lines: tally.total,
            header: tally.header,
            blank: tally.blank,
            in_orders,
            in_rejections,
            not_read: tally.not_read,
        });
    }
}

impl crate::ops::flow::PerChannel for ImportReport {
    fn absorb(&mut self, other: ImportReport) {
        self.imported += other.imported;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.cancelled += other.cancelled;
        self.rejected += other.rejected;
        self.skipped += other.skipped;
        self.not_applied += other.not_applied;
        self.still_rejected += other.still_rejected;
        self.unreadable_files += other.unreadable_files;
        self.not_moved += other.not_moved;
        self.failed_channels.extend(other.failed_channels);
        self.files.extend(other.files);
        self.notes.extend(other.notes);
        self.items.extend(other.items);
        self.released.extend(other.released);
    }

    fn failed_channels(&mut self) -> &mut Vec<String> {
        &mut self.failed_channels
    }
}

impl Report for ImportReport {
    type Item = Item;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = Vec::new();
        if let Some(f) = &self.file {
            s.push(("file", f.clone()));
        }
        s.extend([
            ("imported", self.imported.to_string()),
            ("updated", self.updated.to_string()),
            ("unchanged", self.unchanged.to_string()),
            ("cancelled", self.cancelled.to_string()),
            ("rejected", self.rejected.to_string()),
            ("skipped", self.skipped.to_string()),
        ]);
        if self.not_applied > 0 {
            s.push(("not applied", self.not_applied.to_string()));
        }
        if self.still_rejected > 0 {
            s.push(("still rejected", self.still_rejected.to_string()));
        }
        if self.unreadable_files > 0 {
            s.push(("unreadable files", self.unreadable_files.to_string()));
        }
        if self.not_moved > 0 {
            s.push(("files not moved", self.not_moved.to_string()));
        }
        if !self.failed_channels.is_empty() {
            s.push(("failed channels", self.failed_channels.join("; ")));
        }
        // Where a file's lines went, when some of them did not become orders.
        for f in &self.files {
            if f.in_rejections > 0 || f.not_read > 0 {
                s.push(("lines", f.summary()));
            }
        }
        if !self.notes.is_empty() {
            s.push(("note", self.notes.join("; ")));
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
        item.outcome.is_notable()
    }

    fn exit(&self) -> Exit {
        flow::exit_of(self.outcome())
    }
}

impl Journaled for ImportReport {
    fn counts(&self) -> serde_json::Value {
        serde_json::json!({
            "imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
            "cancelled": self.cancelled, "rejected": self.rejected, "skipped": self.skipped,
            "not_applied": self.not_applied, "still_rejected": self.still_rejected,
            "unreadable_files": self.unreadable_files, "not_moved": self.not_moved,
        })
    }

    fn outcome(&self) -> RunOutcome {
        if !self.failed_channels.is_empty() || self.not_moved > 0 {
            RunOutcome::Failed
        } else if self.rejected > 0 || self.unreadable_files > 0 {
            RunOutcome::Rejected
        } else {
            RunOutcome::Ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::flow::PerChannel;

    #[test]
    fn items_are_kept_only_when_notable_unless_verbose() {
        let mut r = ImportReport::default();
        let mut built = 0;
        for outcome in [Outcome::Imported, Outcome::Unchanged, Outcome::Rejected] {
            r.record(outcome, || {
                built += 1;
                Item::default()
            });
        }
        assert_eq!((r.imported, r.unchanged, r.rejected), (1, 1, 1));
        assert_eq!(built, 1, "only the rejection built an item");
        assert_eq!(r.items[0].outcome, Outcome::Rejected);
        assert_eq!(r.exit(), Exit::Rejected);

        let mut all = ImportReport {
            keep_all: true,
            ..Default::default()
        };
        all.record(Outcome::Imported, Item::default);
        assert_eq!((all.items.len(), all.exit()), (1, Exit::Ok));
        r.absorb(all);
        assert_eq!((r.imported, r.unchanged, r.items.len()), (2, 1, 2));
    }
}
