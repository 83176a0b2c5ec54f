//! Exit codes are a contract with scripts and cron (README "Exit codes"), so every
//! error that reaches `main` is mapped here and nowhere else.

use std::fmt;

/// The process exit codes of SPEC §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exit {
    Ok = 0,
    Failed = 1,
    Usage = 2,
    Rejected = 3,
    Locked = 75,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }

    /// The worse of two outcomes, for commands that run several steps.
    /// Locked and usage errors outrank failures, which outrank rejections.
    pub fn worst(self, other: Exit) -> Exit {
        fn rank(e: Exit) -> u8 {
            match e {
                Exit::Ok => 0,
                Exit::Rejected => 1,
                Exit::Failed => 2,
                Exit::Usage => 3,
                Exit::Locked => 4,
            }
        }
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// A mistake in what the user typed or configured: exit 2.
#[derive(Debug, thiserror::Error)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Shorthand for returning a usage error from any `anyhow` context.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    UsageError(msg.into()).into()
}

/// Another oms process holds the lock on this database: exit 75 (EX_TEMPFAIL).
#[derive(Debug, thiserror::Error)]
pub struct LockedError {
    pub path: String,
    /// The holder's pid as it wrote it; empty when it has not yet (or is not oms).
    pub holder: String,
}

impl fmt::Display for LockedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "another oms run holds the lock on {}", self.path)?;
        if !self.holder.is_empty() {
            write!(f, " (pid {})", self.holder)?;
        }
        f.write_str("; try again later")
    }
}

/// Maps an error chain to its exit code. A broken pipe is the reader's choice
/// (`oms stock show | head`), not a failure.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if cause.downcast_ref::<UsageError>().is_some()
            || cause.downcast_ref::<crate::config::ConfigError>().is_some()
        {
            return Exit::Usage;
        }
        if cause.downcast_ref::<LockedError>().is_some() {
            return Exit::Locked;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            return Exit::Ok;
        }
        // serde_json keeps the io::Error inside and does not hand it out as a source, so
        // `oms runs list -o json | head` would otherwise end in "error: Broken pipe".
        if let Some(json) = cause.downcast_ref::<serde_json::Error>()
            && json.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe)
        {
            return Exit::Ok;
        }
    }
    Exit::Failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_under_json_output_is_not_a_failure() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        let json = serde_json::Error::io(pipe);
        assert_eq!(exit_for(&anyhow::Error::new(json)), Exit::Ok);
        let other = serde_json::Error::io(std::io::Error::from(std::io::ErrorKind::Other));
        assert_eq!(exit_for(&anyhow::Error::new(other)), Exit::Failed);
    }
}
