//! Reading `oms stock adjust --file`: the CSV layout of docs/stock-adjustments.md,
//! `warehouse,sku,by,set,reason,note`, one adjustment per row.
//!
//! Reading never stops at a bad row: every row becomes a request, carrying the problems
//! found in it, so the person fixing the file sees all of them in one pass.

use std::io::{BufReader, Read};
use std::path::Path;

use super::stock_adjust::{Batch, Change, Problem, Request};
use crate::error::usage;
use crate::formats::csv_table::{CsvError, CsvRow, CsvTable};
use crate::model::AdjustReason;

const COLUMNS: &[&str] = &["warehouse", "sku", "by", "set", "reason", "note"];

/// Reads the file at `path`. A file that cannot be opened is a usage error (the path was
/// mistyped); one without the needed columns fails as a whole.
pub fn read(path: &Path) -> anyhow::Result<Batch> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| usage(format!("cannot open {name}: {e}")))?;
    Ok(parse(&name, Box::new(BufReader::new(file)))?)
}

/// Reads adjustments from any stream; `source` names it in messages.
pub fn parse(source: &str, input: Box<dyn Read>) -> Result<Batch, CsvError> {
    let mut table = CsvTable::open(source, input)?;
    table.require(&["warehouse", "sku"])?;
    if !table.has("by") && !table.has("set") {
        return Err(CsvError {
            source_name: source.to_string(),
            line: 1,
            message: "missing column(s): by or set (at least one of them)".into(),
        });
    }
    let mut batch = Batch {
        source: Some(source.to_string()),
        ..Batch::default()
    };
    let unknown: Vec<&String> = table
        .headers()
        .iter()
        .filter(|h| !h.is_empty() && !COLUMNS.iter().any(|c| c.eq_ignore_ascii_case(h)))
        .collect();
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(|h| h.as_str()).collect();
        batch.warnings.push(format!(
            "{source}:1: ignoring unknown column(s) {} (known: {})",
            names.join(", "),
            COLUMNS.join(", ")
        ));
    }
    while let Some(row) = table.next_row() {
        batch.requests.push(match row {
            Ok(row) => request(&row),
            Err(e) => Request {
                line: Some(e.line),
                problems: vec![Problem {
                    field: None,
                    message: e.message,
                    ..Problem::default()
                }],
                ..Request::default()
            },
        });
    }
    Ok(batch)
}

fn request(row: &CsvRow) -> Request {
    let mut problems = Vec::new();
    let mut text = |field: &'static str| match row.get(field) {
        Some(v) => v.to_string(),
        None => {
            problems.push(Problem::invalid(field, "is empty"));
            String::new()
        }
    };
    let warehouse = text("warehouse");
    let sku = text("sku");
    let by = quantity(row, "by", &mut problems);
    let set = quantity(row, "set", &mut problems);
    let change = match (row.get("by"), row.get("set")) {
        (Some(_), Some(_)) => {
            problems.push(Problem::invalid("by", "give either by or set, not both"));
            None
        }
        (None, None) => {
            problems.push(Problem::invalid(
                "by",
                "give either by (a change such as +5 or -3) or set (the new on hand)",
            ));
            None
        }
        _ => by.map(Change::By).or(set.map(Change::Set)),
    };
    let reason = match row.get("reason") {
        None => None,
        Some(v) => {
            let parsed = AdjustReason::parse(v);
            if parsed.is_none() {
                problems.push(Problem::invalid(
                    "reason",
                    format!("`{v}` is not one of damaged, expired, lost, found, count, other"),
                ));
            }
            parsed
        }
    };
    Request {
        line: Some(row.line),
        warehouse,
        sku,
        change,
        reason,
        note: row.get("note").map(str::to_string),
        problems,
    }
}

fn quantity(row: &CsvRow, field: &'static str, problems: &mut Vec<Problem>) -> Option<i64> {
    let v = row.get(field)?;
    match v.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            problems.push(Problem::invalid(
                field,
                format!("`{v}` is not a whole number"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(text: &str) -> Batch {
        parse(
            "adj.csv",
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
        )
        .expect("parse")
    }

    fn problems(b: &Batch) -> Vec<String> {
        b.requests
            .iter()
            .flat_map(|r| r.problems.iter().map(|p| b.describe(r.line, p)))
            .collect()
    }

    #[test]
    fn good_rows_become_requests() {
        let b =
            batch("warehouse,sku,by,set,reason,note\neast,A,+5,,found,back shelf\nwest,B,,12,,\n");
        assert!(problems(&b).is_empty(), "{:?}", problems(&b));
        let r = &b.requests[0];
        assert_eq!((r.line, r.change), (Some(2), Some(Change::By(5))));
        assert_eq!(r.reason, Some(AdjustReason::Found));
        assert_eq!(r.note.as_deref(), Some("back shelf"));
        assert_eq!(b.requests[1].change, Some(Change::Set(12)));
        assert_eq!(b.requests[1].reason, None);
    }

    #[test]
    fn every_problem_is_named_with_line_and_field() {
        let b = batch(
            "warehouse,sku,by,set,reason\n\
             east,A,1,2,\n\
             ,B,,,\n\
             east,C,x,,stolen\n",
        );
        assert_eq!(
            problems(&b),
            vec![
                "adj.csv:2: by: give either by or set, not both",
                "adj.csv:3: warehouse: is empty",
                "adj.csv:3: by: give either by (a change such as +5 or -3) or set (the new on hand)",
                "adj.csv:4: by: `x` is not a whole number",
                "adj.csv:4: reason: `stolen` is not one of damaged, expired, lost, found, count, other",
            ]
        );
    }

    #[test]
    fn missing_columns_fail_the_file() {
        let e = parse(
            "adj.csv",
            Box::new(std::io::Cursor::new(b"warehouse,sku,qty\n".to_vec())),
        )
        .expect_err("no by/set");
        assert_eq!(
            e.to_string(),
            "adj.csv:1: missing column(s): by or set (at least one of them)"
        );
        let b = batch("warehouse,sku,by,comment\n");
        assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
        assert!(b.warnings[0].contains("comment"));
    }
}
