//! `oms po create`: a draft PO into one physical warehouse, numbered, every line checked.
//! A PO is created whole or not at all: one bad line means nothing is written, and every
//! problem is named at once (exit 2) so one correction round is enough.

use anyhow::Context;

use super::po_lines::{self, LineSpec};
use crate::config::Config;
use crate::error::usage;
use crate::store::Store;
use crate::store::purchases::{self, NewPo, PoDetail};

pub struct CreateOptions<'a> {
    pub supplier: &'a str,
    pub warehouse: &'a str,
    pub lines: &'a [LineSpec],
    /// Problems found while reading the lines (bad `--line` values), named with the rest.
    pub line_problems: &'a [String],
    pub expected_at: Option<&'a str>,
    pub note: Option<&'a str>,
    pub dry_run: bool,
    pub cause: &'a str,
}

pub fn run(store: &mut Store, config: &Config, o: &CreateOptions) -> anyhow::Result<PoDetail> {
    let mut problems = o.line_problems.to_vec();
    let supplier = o.supplier.trim();
    if supplier.is_empty() {
        problems.push("--supplier: empty".to_string());
    }
    if let Err(e) = check_physical(config, o.warehouse) {
        problems.push(format!("--warehouse: {e}"));
    }
    let expected_at = match o
        .expected_at
        .map(|d| check_date("--expected", d))
        .transpose()
    {
        Ok(d) => d.flatten(),
        Err(e) => {
            problems.push(e);
            None
        }
    };
    if o.lines.is_empty() && o.line_problems.is_empty() {
        problems.push("a PO needs at least one line (--line SKU=QTY or --file)".to_string());
    }
    let tx = store.tx()?;
    let lines = match po_lines::resolve(&tx, o.lines, false)? {
        Ok(lines) => lines,
        Err(p) => {
            problems.extend(p);
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    let note = o.note.map(str::trim).filter(|n| !n.is_empty());
    let po = NewPo {
        supplier,
        warehouse: o.warehouse,
        expected_at: expected_at.as_deref(),
        note,
        lines: &lines,
    };
    let (_, number) = purchases::create(&tx, &po, o.cause)?;
    let head = purchases::find(&tx, &number)?
        .with_context(|| format!("{number} vanished right after it was created"))?;
    let detail = purchases::detail(&tx, &head)?;
    if !o.dry_run {
        tx.commit()?;
    }
    Ok(detail)
}

/// Stock is received into physical warehouses only; a virtual one is a sum of others.
pub(crate) fn check_physical(config: &Config, code: &str) -> Result<(), String> {
    if config.is_physical(code) {
        return Ok(());
    }
    if let Some(v) = config.virtual_warehouses.get(code) {
        let members: Vec<&str> = v.members.iter().map(|m| m.get_ref().as_str()).collect();
        return Err(format!(
            "`{code}` is a virtual warehouse ({}); a PO goes to one physical warehouse",
            members.join(" + ")
        ));
    }
    let known: Vec<&str> = config.warehouses_by_priority();
    Err(format!(
        "unknown warehouse `{code}` (physical warehouses: {})",
        if known.is_empty() {
            "none configured".to_string()
        } else {
            known.join(", ")
        }
    ))
}

/// A date as typed: YYYY-MM-DD or an RFC 3339 time. Empty clears it (`--expected ""`).
pub(crate) fn check_date(flag: &str, text: &str) -> Result<Option<String>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    crate::model::purchase::date_or_time(t)
        .map(Some)
        .map_err(|e| format!("{flag}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_and_empty_clears() {
        assert_eq!(
            check_date("--expected", " 2026-12-01 "),
            Ok(Some("2026-12-01".into()))
        );
        assert!(check_date("--expected", "2026-12-01T10:00:00Z").is_ok());
        assert_eq!(check_date("--expected", ""), Ok(None));
        assert_eq!(
            check_date("--expected", "next week"),
            Err("--expected: `next week` is not a date (YYYY-MM-DD or RFC 3339)".into())
        );
        assert!(check_date("--expected", "2026-02-30").is_err());
    }
}
