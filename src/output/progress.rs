//! Progress on stderr for work that takes more than a moment (SPEC §7): drawn only when
//! stderr is a terminal and neither `--no-progress` nor `-q` was given, and cleared when
//! done, so what is left on screen is the report alone.

use std::fmt;
use std::io::{self, Write};
use std::sync::LazyLock;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// Every bar of the process in one place, so that a log line or a warning written while
/// one is drawn can take it off the screen first and put it back after.
static BARS: LazyLock<MultiProgress> =
    LazyLock::new(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));

/// How often a bar redraws on its own, so that a slow call to a channel still shows
/// time passing.
const TICK: Duration = Duration::from_millis(120);

/// A progress bar, or nothing: when bars are off every call is a no-op, so ops advance
/// it without asking whether anyone is looking.
#[derive(Debug)]
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// `len` 0 means the total is not known yet: the bar counts until a length is set.
    pub(super) fn new(enabled: bool, len: u64, what: &str) -> Progress {
        if !enabled {
            return Progress(None);
        }
        let bar = BARS.add(ProgressBar::new(len));
        bar.set_style(if len == 0 { counter() } else { bounded() });
        bar.set_message(what.to_string());
        bar.enable_steady_tick(TICK);
        Progress(Some(bar))
    }

    /// A bar that never draws: for tests, the demo, and callers with no printer at hand.
    pub fn hidden() -> Progress {
        Progress(None)
    }

    pub fn inc(&self, n: u64) {
        if let Some(b) = &self.0 {
            b.inc(n);
        }
    }

    pub fn set_length(&self, len: u64) {
        if let Some(b) = &self.0 {
            self.bounded_from(b, len);
            b.set_length(len);
        }
    }

    /// Adds to the total, for flows that learn it channel by channel.
    pub fn add_length(&self, n: u64) {
        if let Some(b) = &self.0 {
            self.bounded_from(b, b.length().unwrap_or(0) + n);
            b.inc_length(n);
        }
    }

    /// Starts over, counting `what`, for the next step of the same command (`orders
    /// process` goes on to send the shipments it made).
    pub fn restart(&self, what: &str) {
        if let Some(b) = &self.0 {
            b.reset();
            b.set_length(0);
            b.set_style(counter());
            b.set_message(what.to_string());
        }
    }

    /// Takes the bar off the screen for good. Safe to call more than once.
    pub fn finish(&self) {
        if let Some(b) = &self.0
            && !b.is_finished()
        {
            b.finish_and_clear();
            BARS.remove(b);
        }
    }

    /// A counter becomes a bar once it knows its total.
    fn bounded_from(&self, b: &ProgressBar, new_len: u64) {
        if b.length() == Some(0) && new_len > 0 {
            b.set_style(bounded());
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

fn bounded() -> ProgressStyle {
    ProgressStyle::with_template("{msg:>16} [{bar:30}] {pos}/{len} ({rate}, {eta} left)")
        .map(with_rate)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

fn counter() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg}: {pos} ({rate}, {elapsed})")
        .map(with_rate)
        .unwrap_or_else(|_| ProgressStyle::default_spinner())
}

/// Units per second as a whole number: "16620/s" reads better than "16,620.5944/s".
fn with_rate(style: ProgressStyle) -> ProgressStyle {
    style.with_key("rate", |state: &ProgressState, w: &mut dyn fmt::Write| {
        let _ = write!(w, "{:.0}/s", state.per_sec());
    })
}

/// Runs `f` (which writes to stderr) with every bar taken off the screen and drawn again
/// after, so that neither garbles the other.
pub fn above_bars<R>(f: impl FnOnce() -> R) -> R {
    BARS.suspend(f)
}

/// stderr for log lines: each event is collected whole and written above the bars.
#[derive(Default)]
pub struct LogWriter(Vec<u8>);

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.0.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(&mut self.0);
        above_bars(|| io::stderr().lock().write_all(&text))
    }
}

impl Drop for LogWriter {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_learned_channel_by_channel_add_up() {
        // As `new` makes it, a counter with no total yet, drawn nowhere.
        let hidden = ProgressDrawTarget::hidden();
        let p = Progress(Some(ProgressBar::with_draw_target(Some(0), hidden)));
        p.add_length(10);
        p.inc(4);
        p.add_length(5);
        p.inc(6);
        let bar = p.0.as_ref().expect("bar");
        assert_eq!((bar.position(), bar.length()), (10, Some(15)));
        p.finish();
        p.finish();
        assert!(bar.is_finished());
    }
}
