use indicatif::{ProgressBar, ProgressStyle};

/// A progress bar on stderr that exists only when stderr is a terminal and the user
/// did not ask for `--no-progress` or `-q`; otherwise every call is a no-op.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    pub(super) fn new(enabled: bool, len: u64, what: &str) -> Progress {
        if !enabled {
            return Progress(None);
        }
        let bar = ProgressBar::new(len);
        let style =
            ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len} ({per_sec}, {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(what.to_string());
        Progress(Some(bar))
    }

    /// A bar that never draws, for code paths with no printer at hand.
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
            b.set_length(len);
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
