//! Test harness: every test gets its own folder with a config and database, and drives the
//! real `oms` binary in it (in the manner of `just`'s test builder).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A standard workspace: two physical warehouses served by `files` fulfillment channels,
/// one virtual warehouse over both, one `files` sales channel.
pub const STANDARD_CONFIG: &str = r#"
database = "oms.db"

[defaults]
warehouse = "east"
carrier_service = "standard"
max_splits = 2

[carrier_services.standard]
carrier = "Any"
service = "Standard"

[carrier_services.ups-ground]
carrier = "UPS"
service = "Ground"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[fulfillment_channels.west-3pl]
kind = "files"
path = "channels/west-3pl"

[warehouses.east]
name = "East"
fulfillment_channel = "east-3pl"
priority = 1

[warehouses.west]
name = "West"
fulfillment_channel = "west-3pl"
priority = 2

[virtual_warehouses.all]
members = ["east", "west"]

[sales_channels.web]
kind = "files"
path = "channels/web"
stock_source = "all"
"#;

pub struct Env {
    dir: TempDir,
}

impl Env {
    /// An empty folder, no config.
    pub fn empty() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A folder with the given `oms.toml`.
    pub fn with_config(toml: &str) -> Env {
        let env = Env::empty();
        env.write("oms.toml", toml);
        env
    }

    /// A folder with [`STANDARD_CONFIG`] and its channel folders.
    pub fn standard() -> Env {
        let env = Env::with_config(STANDARD_CONFIG);
        for ch in ["east-3pl", "west-3pl", "web"] {
            for sub in ["inbox", "outbox"] {
                std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
            }
        }
        env
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, content: &str) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, content).unwrap();
        // A folder with a config stands for an initialised workspace: only `oms init`
        // creates a database, and every test config names `oms.db` beside itself.
        if p.file_name().is_some_and(|n| n == "oms.toml") {
            let db = p.with_file_name("oms.db");
            if !db.exists() {
                std::fs::write(&db, "").unwrap();
            }
        }
        p
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// The workspace's database, for asserting on state.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path("oms.db")).expect("open db")
    }

    /// An `oms` invocation in this folder with a clean, predictable environment.
    pub fn oms<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = Command::cargo_bin("oms").expect("oms binary");
        cmd.current_dir(self.root())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.root())
            .env("COLUMNS", "200")
            .env("RUST_BACKTRACE", "0")
            .env("OMS_LOCK_WAIT_MS", "300")
            .args(args);
        Run { cmd }
    }
}

pub struct Run {
    pub cmd: Command,
}

impl Run {
    pub fn env(mut self, k: &str, v: impl AsRef<std::ffi::OsStr>) -> Run {
        self.cmd.env(k, v);
        self
    }

    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Run {
        self.cmd.write_stdin(input);
        self
    }

    pub fn run(mut self) -> Done {
        let out: Output = self.cmd.output().expect("run oms");
        Done {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs and asserts exit code 0.
    pub fn ok(self) -> Done {
        self.code(0)
    }

    /// Runs and asserts the exit code.
    pub fn code(self, expected: i32) -> Done {
        let done = self.run();
        assert_eq!(
            done.code, expected,
            "expected exit {expected}, got {}\n--- stdout\n{}\n--- stderr\n{}",
            done.code, done.stdout, done.stderr
        );
        done
    }
}

#[derive(Debug)]
pub struct Done {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Done {
    /// stdout parsed as one JSON document.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// stdout parsed as CSV into header-keyed rows.
    pub fn csv(&self) -> Vec<std::collections::BTreeMap<String, String>> {
        let mut r = csv::Reader::from_reader(self.stdout.as_bytes());
        let headers = r.headers().expect("csv header").clone();
        r.records()
            .map(|rec| {
                let rec = rec.expect("csv row");
                headers
                    .iter()
                    .zip(rec.iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect()
            })
            .collect()
    }

    pub fn stderr_has(&self, needle: &str) -> &Done {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn stdout_has(&self, needle: &str) -> &Done {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }
}
