//! `oms orders import` (SPEC §4.1.1): orders from every enabled sales channel (or one),
//! or from a file given on the command line, into the database.
//!
//! Each channel is one journaled run: its open rejections are checked again first (they
//! may pass now), then the connector streams its orders, which are applied one by one
//! ([`apply`]) and committed every [`batch::BATCH`] orders. A source (an inbox file) is
//! acknowledged only after everything from it is committed, and the channel's watermark
//! moves in the same final commit, so a crash anywhere means the next run reads the
//! source again and finds the orders already imported "unchanged". `--dry-run` runs the
//! same code in one transaction that is rolled back, acknowledges nothing and leaves no
//! journal row.

mod apply;
mod batch;
mod bundles;
pub(crate) mod prepare;
mod report;

pub use report::{ImportReport, Item, Outcome};

use std::cell::Cell;
use std::io::Read;
use std::path::Path;
use std::rc::Rc;

use anyhow::Context;

use self::apply::Importer;
use self::batch::Batch;
use self::prepare::Channel;
use super::flow;
use crate::config::{ChannelKind, Config};
use crate::connectors::{self, Fetched};
use crate::crashpoint::{self, Point};
use crate::error::usage;
use crate::formats::orders::{OrderFormat, read_orders};
use crate::ops::stock_history::parse_since;
use crate::output::Progress;
use crate::store::Store;
use crate::store::rejections::watermark;

pub const FLOW: &str = "orders import";

/// A file named on the command line (`--file F --format …`).
#[derive(Debug, Clone, Copy)]
pub struct FileInput<'a> {
    pub path: &'a Path,
    pub format: OrderFormat,
}

pub struct Options<'a> {
    /// Only this sales channel; with a file, the channel the file's orders belong to.
    pub channel: Option<&'a str>,
    pub file: Option<FileInput<'a>>,
    /// `--since`: read orders updated since this time (RFC 3339 or a date) instead of
    /// since the channel's watermark.
    pub since: Option<&'a str>,
    pub dry_run: bool,
    /// Keep an item for every order, not only the notable ones (`-v`).
    pub verbose: bool,
    /// Who asked, for the story of orders changed outside a run (dry runs).
    pub cause: &'a str,
    /// Advanced by bytes read when importing a file, by orders read from channels.
    pub progress: &'a Progress,
}

/// Imports a file, or every enabled sales channel (or the one asked for). A channel that
/// fails is reported and does not stop the others.
pub fn run(config: &Config, store: &mut Store, opts: &Options) -> anyhow::Result<ImportReport> {
    if let Some(code) = opts.channel
        && !config.sales_channels.contains_key(code)
    {
        return Err(usage(config.unknown_sales_channel(code)));
    }
    if let Some(input) = opts.file {
        let code = file_channel(config, opts.channel)?;
        return flow::journaled(store, FLOW, Some(code), opts.dry_run, |store, run_id| {
            import_file(config, store, code, input, opts, run_id)
        });
    }
    let since = opts
        .since
        .map(parse_since)
        .transpose()
        .map_err(|e| usage(format!("--since: {e}")))?;
    let mut total = ImportReport {
        dry_run: opts.dry_run,
        ..Default::default()
    };
    let mut channels = flow::chosen(&config.sales_channels, opts.channel);
    if since.is_some() {
        // A files channel imports whatever is in its inbox: it has no window to re-read.
        let (windowed, inboxes): (Vec<&str>, Vec<&str>) = channels
            .into_iter()
            .partition(|code| reads_windows(config, code));
        if let (Some(code), true) = (opts.channel, windowed.is_empty()) {
            return Err(usage(format!(
                "--since: sales channel `{code}` is a files channel; it imports the files in its inbox, not orders updated since a time. Drop --since, or name a shopify channel"
            )));
        }
        for code in inboxes {
            total.notes.push(format!(
                "files channel `{code}`: --since does not apply (it imports the files in its inbox); not read in this run"
            ));
        }
        channels = windowed;
    }
    let since = since.as_deref();
    flow::per_channel(
        store,
        FLOW,
        channels,
        opts.dry_run,
        &mut total,
        |store, code, run_id| import_channel(config, store, code, since, opts, run_id),
    );
    Ok(total)
}

/// The channel a file's orders belong to: the one named, else the only one configured.
fn file_channel<'c>(config: &'c Config, named: Option<&'c str>) -> anyhow::Result<&'c str> {
    if let Some(code) = named {
        return Ok(code);
    }
    let mut codes = config.sales_channels.keys();
    match (codes.next(), codes.next()) {
        (Some(only), None) => Ok(only.as_str()),
        (None, _) => Err(usage(
            "no sales channel is configured; orders belong to a sales channel, so add one \
             ([sales_channels.CODE] in the config) and name it with --channel",
        )),
        (Some(_), Some(_)) => Err(usage(format!(
            "several sales channels are configured; name the one the file's orders belong to \
             with --channel{}",
            known(config)
        ))),
    }
}

fn known(config: &Config) -> String {
    let codes: Vec<&str> = config.sales_channels.keys().map(String::as_str).collect();
    if codes.is_empty() {
        " (none is configured)".into()
    } else {
        format!(" (one of: {})", codes.join(", "))
    }
}

fn import_file(
    config: &Config,
    store: &mut Store,
    code: &str,
    input: FileInput,
    opts: &Options,
    run_id: Option<i64>,
) -> anyhow::Result<ImportReport> {
    let name = input.path.display().to_string();
    let file = std::fs::File::open(input.path).with_context(|| format!("cannot open {name}"))?;
    let read = Rc::new(Cell::new(0u64));
    let counted = Counted {
        inner: file,
        read: Rc::clone(&read),
    };
    let mut orders = read_orders(input.format, &name, Box::new(counted))?;
    let channel = Channel::new(config, code)?;
    let cause = flow::cause_of(FLOW, run_id, opts.cause);
    let mut batch = Batch::begin(&store.conn, opts.dry_run)?;
    let mut importer = Importer::new(batch.conn(), &channel, &cause, run_id, opts.verbose)?;
    importer.retry_rejections(&mut batch)?;
    let mut shown = 0;
    for order in orders.by_ref() {
        importer.import(&mut batch, order)?;
        let now = read.get();
        opts.progress.inc(now - shown);
        shown = now;
    }
    if let Some(tally) = orders.tally() {
        importer.file_lines(name.clone(), tally);
    }
    batch.finish()?;
    let mut report = importer.into_report();
    report.file = Some(name);
    report.dry_run = opts.dry_run;
    Ok(report)
}

/// Whether `--since` means something to this channel: it reads orders by time.
fn reads_windows(config: &Config, code: &str) -> bool {
    config
        .sales_channels
        .get(code)
        .is_some_and(|ch| ch.kind == ChannelKind::Shopify)
}

/// The watermark to store after a read from `since` (`--since`, else the stored one)
/// that ended at `next`. A `--since` read moves the watermark only when it began at or
/// before the stored one, so it covered everything the regular import would have read;
/// one that began later leaves a gap the next regular import must still read.
fn watermark_after(
    stored: Option<&str>,
    asked: Option<&str>,
    next: Option<String>,
) -> Option<String> {
    let Some(asked) = asked else {
        return next;
    };
    let time = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
    let stored_at = stored.and_then(time)?;
    let covered = time(asked).is_some_and(|a| a <= stored_at);
    next.filter(|n| covered && time(n).is_some_and(|n| n > stored_at))
}

fn import_channel(
    config: &Config,
    store: &mut Store,
    code: &str,
    asked: Option<&str>,
    opts: &Options,
    run_id: Option<i64>,
) -> anyhow::Result<ImportReport> {
    let channel = Channel::new(config, code)?;
    let mut connector = connectors::sales(config, code)?;
    let cause = flow::cause_of(FLOW, run_id, opts.cause);
    let mut batch = Batch::begin(&store.conn, opts.dry_run)?;
    let stored = watermark::get(batch.conn(), code, FLOW)?;
    let since = asked.map(str::to_string).or_else(|| stored.clone());
    let mut importer = Importer::new(batch.conn(), &channel, &cause, run_id, opts.verbose)?;
    importer.retry_rejections(&mut batch)?;
    let mut done: Vec<String> = Vec::new();
    let mut failed: Vec<(String, String)> = Vec::new();
    let next = connector.fetch_orders(since.as_deref(), &mut |event| {
        match event {
            Fetched::Record(order) => {
                importer.import(&mut batch, order)?;
                opts.progress.inc(1);
            }
            Fetched::Lines { source, lines } => importer.file_lines(source, lines),
            Fetched::SourceDone { source } => {
                crashpoint::hit("orders-import", Point::BetweenPages);
                done.push(source)
            }
            Fetched::SourceFailed { source, reason } => {
                failed.push((source.clone(), reason.clone()));
                importer.unreadable(source, reason);
            }
        }
        Ok(())
    })?;
    let next = watermark_after(stored.as_deref(), asked, next);
    if !opts.dry_run
        && let Some(mark) = next
    {
        watermark::set(batch.conn(), code, FLOW, &mark)?;
    }
    batch.finish()?;
    if !opts.dry_run {
        crashpoint::hit("orders-import", Point::AfterCommit);
        // Only now is every order of these sources committed. A source that cannot be
        // moved does not undo that: the report still counts its orders and names it.
        for source in &done {
            match connector.ack_orders(source) {
                Ok(moved) => {
                    crate::store::rejections::follow_move(&store.conn, source, moved.as_deref())?
                }
                Err(e) => importer.not_moved(source, &e),
            }
        }
        for (source, reason) in &failed {
            if let Err(e) = connector.set_aside_orders(source, reason) {
                importer.not_moved(source, &e);
            }
        }
    }
    let mut report = importer.into_report();
    report.dry_run = opts.dry_run;
    Ok(report)
}

/// A reader that tells how far it got, for the progress bar.
struct Counted {
    inner: std::fs::File,
    read: Rc<Cell<u64>>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::watermark_after;

    #[test]
    fn a_since_read_moves_the_watermark_only_when_it_covered_it() {
        let next = || Some("2025-11-22T00:00:00Z".to_string());
        let stored = Some("2025-11-21T00:00:00Z");
        assert_eq!(
            watermark_after(stored, None, next()),
            next(),
            "a regular read"
        );
        assert_eq!(
            watermark_after(stored, Some("2025-11-01T00:00:00Z"), next()),
            next(),
            "began before the watermark: covered"
        );
        assert_eq!(
            watermark_after(stored, Some("2025-11-21T12:00:00Z"), next()),
            None,
            "began after it: the gap is still to read"
        );
        assert_eq!(
            watermark_after(
                stored,
                Some("2025-11-01T00:00:00Z"),
                stored.map(String::from)
            ),
            None,
            "never back, nothing to write when it stays"
        );
        assert_eq!(
            watermark_after(None, Some("2025-11-01T00:00:00Z"), next()),
            None,
            "no watermark yet: the shop's older orders are still to read"
        );
    }
}
