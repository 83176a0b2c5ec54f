//! The flow lock: one oms process at a time writes to a database, so two overlapping
//! cron lines can never allocate the same stock or send the same shipment twice.
//! It is an OS file lock on `<db>.lock`, released by the kernel even after SIGKILL.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;

use crate::error::LockedError;

pub struct FlowLock {
    file: File,
    path: PathBuf,
}

impl FlowLock {
    /// Takes the lock, waiting up to `wait` for a running flow to finish.
    /// `$OMS_LOCK_WAIT_MS` overrides the wait (tests use it to keep overlap checks fast).
    pub fn acquire(db: &Path, wait: Duration) -> anyhow::Result<FlowLock> {
        let wait = std::env::var("OMS_LOCK_WAIT_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(Duration::from_millis)
            .unwrap_or(wait);
        let mut name = db.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .with_context(|| format!("cannot open the lock file {}", path.display()))?;
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(LockedError {
                        path: path.display().to_string(),
                        holder: holder.trim().to_string(),
                    }
                    .into());
                }
                Err(TryLockError::Error(e)) => {
                    return Err(e).with_context(|| format!("cannot lock {}", path.display()));
                }
            }
        }
        // Record who holds it, for the message the next process prints.
        let mut record = || -> std::io::Result<()> {
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            write!(file, "{}", std::process::id())?;
            file.flush()
        };
        record().with_context(|| format!("cannot write the lock file {}", path.display()))?;
        Ok(FlowLock { file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FlowLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.unlock();
    }
}
