//! `oms po edit`: change a draft. Once approved, a PO's quantities are promised as incoming
//! stock and may be sent to the warehouse, so only drafts change; later, cancel or close.

use anyhow::Context;

use super::po_create::check_date;
use super::po_lines::{self, LineSpec};
use crate::error::usage;
use crate::model::PoStatus;
use crate::store::Store;
use crate::store::purchases::{self, PoDetail};

pub struct EditOptions<'a> {
    pub number: &'a str,
    pub supplier: Option<&'a str>,
    /// `Some("")` clears the date.
    pub expected_at: Option<&'a str>,
    /// `Some("")` clears the note.
    pub note: Option<&'a str>,
    /// Set or replace each line's quantity (a SKU with its lot and serial); 0 removes it.
    pub lines: &'a [LineSpec],
    /// Problems found while reading the lines (bad `--line` values), named with the rest.
    pub line_problems: &'a [String],
    pub dry_run: bool,
}

pub fn run(store: &mut Store, o: &EditOptions) -> anyhow::Result<PoDetail> {
    let nothing = o.lines.is_empty() && o.line_problems.is_empty();
    if o.supplier.is_none() && o.expected_at.is_none() && o.note.is_none() && nothing {
        return Err(usage(
            "nothing to change: give --supplier, --expected, --note or --line",
        ));
    }
    let tx = store.tx()?;
    let head = purchases::find(&tx, o.number)?
        .ok_or_else(|| usage(format!("no purchase order `{}`", o.number)))?;
    if head.status != PoStatus::Draft {
        return Err(usage(format!(
            "{} is {}; only drafts can be edited (cancel or close it instead)",
            head.number, head.status
        )));
    }
    let mut problems = o.line_problems.to_vec();
    let supplier = match o.supplier.map(str::trim) {
        Some("") => {
            problems.push("--supplier: empty".to_string());
            head.supplier.clone()
        }
        Some(s) => s.to_string(),
        None => head.supplier.clone(),
    };
    let expected_at = match o.expected_at {
        None => head.expected_at.clone(),
        Some(d) => check_date("--expected", d).unwrap_or_else(|e| {
            problems.push(e);
            None
        }),
    };
    let note = match o.note {
        None => head.note.clone(),
        Some(n) => Some(n.trim().to_string()).filter(|n| !n.is_empty()),
    };
    let current = purchases::lines(&tx, head.id)?;
    let lines = match po_lines::resolve(&tx, o.lines, true)? {
        Ok(lines) => lines,
        Err(p) => {
            problems.extend(p);
            Vec::new()
        }
    };
    for (line, spec) in lines.iter().zip(o.lines) {
        let on_po = current.iter().any(|c| {
            c.variant_id == line.variant_id && c.lot == line.lot && c.serial == line.serial
        });
        if line.quantity == 0 && !on_po {
            let lot = spec
                .lot
                .as_deref()
                .map(|l| format!(" lot `{l}`"))
                .unwrap_or_default();
            let serial = spec
                .serial
                .as_deref()
                .map(|s| format!(" serial `{s}`"))
                .unwrap_or_default();
            problems.push(format!(
                "{}: sku: `{}`{lot}{serial} is not on {}, so there is no line to remove",
                spec.origin, spec.sku, head.number
            ));
        }
    }
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    purchases::update_header(
        &tx,
        head.id,
        &supplier,
        expected_at.as_deref(),
        note.as_deref(),
    )?;
    for line in &lines {
        purchases::set_line(&tx, head.id, line)?;
    }
    let head = purchases::find(&tx, &head.number)?
        .with_context(|| format!("{} vanished while being edited", head.number))?;
    let detail = purchases::detail(&tx, &head)?;
    if !o.dry_run {
        tx.commit()?;
    }
    Ok(detail)
}
