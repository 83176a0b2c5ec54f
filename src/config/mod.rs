//! Finding, parsing and validating `oms.toml` (SPEC §5).
//!
//! Every problem is reported as `FILE:LINE:COL: key: what is wrong`, all of them at once,
//! so a person fixes a config in one pass instead of one error per run.

mod schema;
mod schema_check;
mod secret;
mod validate;

pub use schema::*;
pub use secret::{Secret, env_reference_name, is_env_reference};

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The annotated example config, every key with what it does. Embedded because `cargo
/// install` installs only the binary: `oms config example` prints it and `oms init` writes
/// it beside a new config.
pub const EXAMPLE: &str = include_str!("../../config.example.toml");

/// A config that could not be used: exit code 2.
#[derive(Debug, thiserror::Error)]
pub struct ConfigError {
    pub problems: Vec<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("\n"))
    }
}

impl ConfigError {
    fn one(msg: impl Into<String>) -> ConfigError {
        ConfigError {
            problems: vec![msg.into()],
        }
    }
}

/// Where a config is looked for, in order (SPEC §5): `--config`, else `$OMS_CONFIG`, else
/// the nearest `oms.toml` in this folder or any folder above it (as git and cargo find
/// theirs, so `oms` works from `channels/web/inbox`), else the user's config.
pub fn candidates(explicit: Option<&Path>) -> Vec<PathBuf> {
    if let Some(p) = explicit {
        return vec![p.to_path_buf()];
    }
    if let Some(env) = std::env::var_os("OMS_CONFIG").filter(|v| !v.is_empty()) {
        return vec![PathBuf::from(env)];
    }
    // The working folder's own stays relative, so messages say `oms.toml:3:…` as typed.
    let mut list = vec![PathBuf::from("oms.toml")];
    if let Ok(cwd) = std::env::current_dir() {
        list.extend(cwd.ancestors().skip(1).map(|dir| dir.join("oms.toml")));
    }
    if let Some(dir) = user_config_dir() {
        list.push(dir.join("oms").join("config.toml"));
    }
    list
}

/// The places `candidates` tried, said briefly: the walk up is one item, not twenty paths.
fn tried_text(explicit: Option<&Path>) -> String {
    let list = candidates(explicit);
    if list.len() == 1 {
        return list[0].display().to_string();
    }
    let mut text = String::from("oms.toml in this folder and every folder above it");
    if let Some(dir) = user_config_dir() {
        text.push_str(&format!(
            ", {}",
            dir.join("oms").join("config.toml").display()
        ));
    }
    text
}

fn user_config_dir() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x));
    }
    std::env::var_os("HOME")
        .filter(|v| !v.is_empty())
        .map(|h| PathBuf::from(h).join(".config"))
}

/// Finds and loads the config. `db_override` is `--db` / `$OMS_DB`.
pub fn load(explicit: Option<&Path>, db_override: Option<&Path>) -> Result<Config, ConfigError> {
    let tried = candidates(explicit);
    let path = tried.iter().find(|p| p.is_file()).cloned().ok_or_else(|| {
        ConfigError::one(format!(
            "no config file found (looked for: {}); create one with `oms init` or pass --config",
            tried_text(explicit)
        ))
    })?;
    let bytes = std::fs::read(&path)
        .map_err(|e| ConfigError::one(format!("{}: cannot read: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col_bytes(e.as_bytes(), e.utf8_error().valid_up_to());
        ConfigError::one(format!("{}:{line}:{col}: not valid UTF-8", path.display()))
    })?;
    parse(&path, &text, db_override)
}

/// Parses and validates config text that came from `path`.
pub fn parse(path: &Path, text: &str, db_override: Option<&Path>) -> Result<Config, ConfigError> {
    let file = path.display().to_string();
    let read = schema_check::read(&file, text);
    let Some(mut config) = read.config else {
        return Err(ConfigError {
            problems: by_line(&file, read.problems),
        });
    };
    config.source = path.to_path_buf();
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut v = validate::Validator {
        file: file.clone(),
        text,
        base: &base,
        problems: Vec::new(),
    };
    v.check(&mut config);
    config.database_path = match db_override {
        Some(db) => db.to_path_buf(),
        None => base.join(config.database.as_deref().unwrap_or("oms.db")),
    };
    // Cross-references over a config with a table taken out would name that table's
    // things as missing; those come once the schema mistakes are fixed.
    let mut problems = read.problems;
    if !read.dropped_table {
        problems.extend(v.problems);
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        // A config that fails anyway lists its unavailable secrets too: one pass fixes all.
        problems.extend(config.secret_problems());
        Err(ConfigError {
            problems: by_line(&file, problems),
        })
    }
}

/// Problems in the order of the file (line, then column); those without a place last.
fn by_line(file: &str, mut problems: Vec<String>) -> Vec<String> {
    let place = |p: &String| -> (usize, usize) {
        let mut nums = p
            .strip_prefix(file)
            .and_then(|rest| rest.strip_prefix(':'))
            .unwrap_or("")
            .split(':')
            .map(|n| n.parse::<usize>().ok());
        match (nums.next().flatten(), nums.next().flatten()) {
            (Some(line), Some(col)) => (line, col),
            _ => (usize::MAX, 0),
        }
    };
    problems.sort_by_key(place);
    problems.dedup();
    problems
}

/// The dotted key of the `key = value` line holding `offset`, under its table header
/// (`sales_channels.web.rules[1].units_over`), for parse errors that name no key.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let key = line.split_once('=')?.0.trim().trim_matches('"');
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let before = &text[..start];
    let header = before
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|h| h.split('#').next().unwrap_or(h).trim());
    Some(match header {
        Some(h) if h.starts_with("[[") => {
            let name = h.trim_matches(|c| c == '[' || c == ']');
            let index = before
                .lines()
                .filter(|l| l.trim().starts_with(h))
                .count()
                .saturating_sub(1);
            format!("{name}[{index}].{key}")
        }
        Some(h) => format!("{}.{key}", h.trim_matches(|c| c == '[' || c == ']')),
        None => key.to_string(),
    })
}

/// `:LINE:COL` of a byte offset, for messages.
pub(super) fn locate(text: &str, span: &Range<usize>) -> String {
    let (line, col) = line_col_bytes(text.as_bytes(), span.start);
    format!(":{line}:{col}")
}

fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line, col)
}

/// Checks a channel's `base_url` by parsing it, never by string prefix: `https://`
/// anywhere, plain `http://` only when the parsed host is exactly `localhost`,
/// 127.0.0.0/8 or ::1. User-info is refused everywhere, since `http://127.0.0.1@evil.example`
/// names the host `evil.example`. Ok(true) means plain http to this machine.
pub fn check_base_url(raw: &str) -> Result<bool, String> {
    const RULE: &str = "must start with https:// (plain http:// only to 127.0.0.1 or localhost)";
    let url = url::Url::parse(raw.trim()).map_err(|e| format!("is not a URL ({e}); {RULE}"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "must not contain user-info (`user@`): the host would be `{}`",
            url.host_str().unwrap_or("")
        ));
    }
    match url.scheme() {
        "https" if url.host().is_some() => Ok(false),
        "http" => {
            let loopback = match url.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
            if loopback {
                Ok(true)
            } else {
                Err(format!(
                    "{RULE}; the host `{}` is not this machine",
                    url.host_str().unwrap_or("")
                ))
            }
        }
        _ => Err(RULE.to_string()),
    }
}

impl Config {
    /// Every channel whose token could not be resolved, as config-check messages.
    pub fn secret_problems(&self) -> Vec<String> {
        self.sales_channels
            .values()
            .chain(self.fulfillment_channels.values())
            .filter_map(|ch| ch.secret_problem.clone())
            .collect()
    }

    /// Whether a short shipment of an order of `sales_channel` closes at once
    /// (docs/processing.md, partial fulfilment).
    pub fn allow_partial_fulfillment(&self, sales_channel: &str) -> bool {
        self.sales_channels
            .get(sales_channel)
            .and_then(|c| c.allow_partial_fulfillment)
            .unwrap_or(self.defaults.allow_partial_fulfillment)
    }

    /// "unknown sales channel `x` (known: a, b)": a mistyped `--channel` shows the choices.
    pub fn unknown_sales_channel(&self, code: &str) -> String {
        format!(
            "unknown sales channel `{code}`{}",
            known_codes(self.sales_channels.keys())
        )
    }

    /// "unknown fulfillment channel `x` (known: a, b)".
    pub fn unknown_fulfillment_channel(&self, code: &str) -> String {
        format!(
            "unknown fulfillment channel `{code}`{}",
            known_codes(self.fulfillment_channels.keys())
        )
    }

    pub fn is_physical(&self, code: &str) -> bool {
        self.warehouses.contains_key(code)
    }

    pub fn is_virtual(&self, code: &str) -> bool {
        self.virtual_warehouses.contains_key(code)
    }

    /// The physical warehouses a code stands for: itself, or a virtual warehouse's members.
    pub fn physical_members(&self, code: &str) -> Option<Vec<String>> {
        if self.is_physical(code) {
            return Some(vec![code.to_string()]);
        }
        self.virtual_warehouses
            .get(code)
            .map(|v| v.members.iter().map(|m| m.get_ref().clone()).collect())
    }

    /// Whether warehouse `code` (physical or virtual) is switched on; unknown codes are not.
    pub fn warehouse_enabled(&self, code: &str) -> bool {
        match (self.warehouses.get(code), self.virtual_warehouses.get(code)) {
            (Some(w), _) => w.enabled,
            (None, Some(v)) => v.enabled,
            (None, None) => false,
        }
    }

    /// Physical warehouses in the order orders are allocated: priority, then code.
    pub fn warehouses_by_priority(&self) -> Vec<&str> {
        let mut list: Vec<(&String, &Warehouse)> = self.warehouses.iter().collect();
        list.sort_by(|a, b| a.1.priority.cmp(&b.1.priority).then(a.0.cmp(b.0)));
        list.into_iter().map(|(k, _)| k.as_str()).collect()
    }
}

fn known_codes<'a>(codes: impl Iterator<Item = &'a String>) -> String {
    let list: Vec<&str> = codes.map(String::as_str).collect();
    if list.is_empty() {
        " (none is configured)".into()
    } else {
        format!(" (known: {})", list.join(", "))
    }
}
