//! The range of every number in the config: serde only knows a key's type, so `priority =
//! -1` or `timeout_secs = 0` would load and misbehave later. Each bound says why it is there.

use std::fmt;
use std::ops::RangeInclusive;

use super::Validator;
use crate::config::{Channel, Config, locate};

/// The highest `defaults.max_line_quantity` accepted: with at most this many units per
/// line and SQLite's page-bounded line counts, no order's sum comes near i64.
pub(super) const MAX_LINE_QUANTITY_CEILING: i64 = 1_000_000_000_000;

/// About a century ("in effect never"): more is a typo, and stays far from overflowing a
/// timestamp when subtracted from now.
const MAX_HOURS: u64 = 1_000_000;

impl Validator<'_> {
    pub(super) fn check_ranges(&mut self, c: &Config) {
        let d = &c.defaults;
        self.within(
            "[defaults]",
            "defaults.max_line_quantity",
            d.max_line_quantity,
            1..=MAX_LINE_QUANTITY_CEILING,
            "",
        );
        self.within(
            "[defaults]",
            "defaults.max_splits",
            i64::from(d.max_splits),
            1..=i64::from(u32::MAX),
            " (1 = never split an order)",
        );
        for (code, w) in &c.warehouses {
            self.within(
                &format!("[warehouses.{code}]"),
                &format!("warehouses.{code}.priority"),
                w.priority,
                0..=1_000_000,
                " (lower is tried first)",
            );
        }
        let s = &c.status;
        for (key, hours) in [
            ("unconfirmed_after_hours", s.unconfirmed_after_hours),
            ("stale_after_hours", s.stale_after_hours),
        ] {
            let hours = i64::try_from(hours).unwrap_or(i64::MAX);
            let range = 1..=MAX_HOURS as i64;
            self.within("[status]", &format!("status.{key}"), hours, range, "");
        }
        self.within(
            "[status]",
            "status.low_stock_threshold",
            s.low_stock_threshold,
            0..=i64::MAX,
            "",
        );
        let channels = c
            .sales_channels
            .iter()
            .map(|(code, ch)| ("sales_channels", code, ch))
            .chain(
                c.fulfillment_channels
                    .iter()
                    .map(|(code, ch)| ("fulfillment_channels", code, ch)),
            );
        for (table, code, ch) in channels {
            self.channel_ranges(&format!("{table}.{code}"), ch);
        }
    }

    fn channel_ranges(&mut self, prefix: &str, ch: &Channel) {
        let header = format!("[{prefix}]");
        let key = |k: &str| format!("{prefix}.{k}");
        let secs = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        // A zero timeout fails every request at once; an hour is already generous.
        self.within(
            &header,
            &key("timeout_secs"),
            secs(ch.timeout_secs),
            1..=3600,
            "",
        );
        let connect = secs(ch.connect_timeout_secs);
        self.within(&header, &key("connect_timeout_secs"), connect, 1..=3600, "");
        // Retries back off exponentially: twenty already wait for hours.
        let retries = i64::from(ch.max_retries);
        self.within(&header, &key("max_retries"), retries, 0..=20, "");
        if let Some(b) = ch.buffer {
            self.within(&header, &key("buffer"), b, 0..=i64::MAX, "");
        }
        if let Some(u) = ch.draft_if_units_over {
            self.within(&header, &key("draft_if_units_over"), u, 0..=i64::MAX, "");
        }
        if let Some(days) = ch.bulk_import_after_days {
            let days = i64::from(days);
            self.within(&header, &key("bulk_import_after_days"), days, 0..=3650, "");
        }
        if let Some(t) = ch.draft_if_total_over
            && !(t.is_finite() && t >= 0.0)
        {
            let k = key("draft_if_total_over");
            self.at_key(&header, &k, "must be an amount of 0 or more");
        }
    }

    /// Refuses `value` outside `range`, in words that give the range.
    fn within(
        &mut self,
        header: &str,
        key: &str,
        value: i64,
        range: RangeInclusive<i64>,
        why: &str,
    ) {
        if range.contains(&value) {
            return;
        }
        let (lo, hi) = (*range.start(), *range.end());
        let bound = if hi == i64::MAX || (lo == 1 && hi == i64::from(u32::MAX)) {
            format!("must be {lo} or more")
        } else {
            format!("must be between {lo} and {hi}")
        };
        self.at_key(header, key, format!("{bound}, not {value}{why}"));
    }

    /// A problem about a key whose value carries no span: the line of `key =` under
    /// `header`, else the header, else no place.
    pub(super) fn at_key(&mut self, header: &str, key: &str, msg: impl fmt::Display) {
        let name = key.rsplit('.').next().unwrap_or(key);
        let at = self
            .key_offset(header, name)
            .or_else(|| self.text.find(header))
            .map(|o| locate(self.text, &(o..o)))
            .unwrap_or_default();
        self.problems
            .push(format!("{}{at}: {key}: {msg}", self.file));
    }

    fn key_offset(&self, header: &str, name: &str) -> Option<usize> {
        let start = self.text.find(header)? + header.len();
        let mut offset = start;
        for line in self.text[start..].split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with('[') {
                return None;
            }
            if let Some(rest) = t.strip_prefix(name)
                && rest.trim_start().starts_with('=')
            {
                return Some(offset + (line.len() - t.len()));
            }
            offset += line.len();
        }
        None
    }
}
