//! Receipt files as the files connector reads them: one row per received line (CSV, or a
//! JSON array of the same rows), gathered into one receipt per receipt id.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::formats::{CsvRow, CsvTable};
use crate::model::purchase::{ReceiptIn, ReceiptLineIn};

/// The receipts in one file, or why the file cannot be read at all.
pub(super) fn read_file(path: &Path) -> Result<Vec<ReceiptIn>, String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
    let rows = if name.to_lowercase().ends_with(".json") {
        json_rows(&name, file)?
    } else {
        csv_rows(&name, file)?
    };
    Ok(group(rows))
}

/// One received line as read, before rows are gathered into receipts.
#[derive(Debug, Default)]
struct Row {
    source: String,
    receipt_id: Option<String>,
    po_number: Option<String>,
    received_at: Option<String>,
    line: Option<ReceiptLineIn>,
    /// lot, serial, expiration_date as given.
    tags: [Option<String>; 3],
    problems: Vec<String>,
}

impl Row {
    /// Builds the line from whatever the row held, naming each missing or bad field.
    /// A row with any problem carries no line: its receipt is rejected whole anyway.
    fn finish(mut self, sku: Option<String>, quantity: Result<Option<i64>, String>) -> Row {
        let source = self.source.clone();
        let at = |field: &str, msg: &str| format!("{source}: {field}: {msg}");
        if self.receipt_id.is_none() {
            self.problems.push(at(
                "receipt_id",
                "empty: every row must name the receipt it belongs to",
            ));
        }
        if self.po_number.is_none() {
            self.problems.push(at("po_number", "empty"));
        }
        if sku.is_none() {
            self.problems.push(at("sku", "empty"));
        }
        let [lot, serial, expiration] = std::mem::take(&mut self.tags);
        let expiration_date = match expiration
            .as_deref()
            .map(crate::model::purchase::date_or_time)
        {
            Some(Err(e)) => {
                self.problems.push(at("expiration_date", &e));
                None
            }
            Some(Ok(d)) => Some(d),
            None => None,
        };
        match quantity {
            Ok(Some(q)) => {
                if let Some(sku) = sku.filter(|_| self.problems.is_empty()) {
                    self.line = Some(ReceiptLineIn {
                        sku,
                        quantity: q,
                        lot,
                        serial,
                        expiration_date,
                        source: self.source.clone(),
                    });
                }
            }
            Ok(None) => self.problems.push(at("quantity", "empty")),
            Err(e) => self.problems.push(e),
        }
        self
    }
}

fn csv_rows(name: &str, file: std::fs::File) -> Result<Vec<Row>, String> {
    let mut table = CsvTable::open(name, Box::new(file)).map_err(|e| e.to_string())?;
    table
        .require(&["receipt_id", "po_number", "sku", "quantity"])
        .map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    while let Some(row) = table.next_row() {
        rows.push(match row {
            Ok(row) => csv_row(&row),
            // A row that cannot be decoded belongs to no receipt we can name; it is
            // rejected on its own and the rest of the file still counts.
            Err(e) => Row {
                source: format!("{}:{}", e.source_name, e.line),
                problems: vec![e.to_string()],
                ..Default::default()
            },
        });
    }
    Ok(rows)
}

fn csv_row(row: &CsvRow) -> Row {
    let text = |f: &str| row.get(f).map(str::to_string);
    Row {
        source: row.location(),
        receipt_id: text("receipt_id"),
        po_number: text("po_number"),
        received_at: text("received_at"),
        tags: [text("lot"), text("serial"), text("expiration_date")],
        ..Default::default()
    }
    .finish(text("sku"), row.int("quantity"))
}

/// JSON: an array of row objects with the CSV's fields; a record is named `file[index]`.
fn json_rows(name: &str, file: std::fs::File) -> Result<Vec<Row>, String> {
    let value: Value = serde_json::from_reader(std::io::BufReader::new(file))
        .map_err(|e| format!("{name}:{}:{}: {e}", e.line(), e.column()))?;
    let Value::Array(items) = value else {
        return Err(format!(
            "{name}: expected an array of receipt rows, found {}",
            kind_of(&value)
        ));
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| json_row(format!("{name}[{i}]"), item))
        .collect())
}

fn json_row(source: String, item: &Value) -> Row {
    let Value::Object(map) = item else {
        return Row {
            problems: vec![format!(
                "{source}: expected an object, found {}",
                kind_of(item)
            )],
            source,
            ..Default::default()
        };
    };
    // Ids may come as numbers from systems that count them.
    let text = |f: &str| match map.get(f) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let quantity = match map.get("quantity") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("{source}: quantity: `{n}` is not a whole number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("{source}: quantity: `{s}` is not a whole number")),
        Some(other) => Err(format!(
            "{source}: quantity: expected a number, found {}",
            kind_of(other)
        )),
    };
    Row {
        receipt_id: text("receipt_id"),
        po_number: text("po_number"),
        received_at: text("received_at"),
        tags: [text("lot"), text("serial"), text("expiration_date")],
        source,
        ..Default::default()
    }
    .finish(text("sku"), quantity)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Gathers rows into receipts by receipt id, in order of first appearance; the rows of
/// one receipt need not be consecutive. A row without a receipt id stands alone, named
/// by its location. A receipt takes its PO and date from its first row that has them.
fn group(rows: Vec<Row>) -> Vec<ReceiptIn> {
    let mut receipts: Vec<ReceiptIn> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let slot = match &row.receipt_id {
            Some(id) => *index.entry(id.clone()).or_insert_with(|| {
                receipts.push(ReceiptIn {
                    external_id: id.clone(),
                    source: row.source.clone(),
                    ..Default::default()
                });
                receipts.len() - 1
            }),
            None => {
                receipts.push(ReceiptIn {
                    source: row.source.clone(),
                    ..Default::default()
                });
                receipts.len() - 1
            }
        };
        let r = &mut receipts[slot];
        match (&row.po_number, r.po_number.is_empty()) {
            (Some(po), true) => r.po_number = po.clone(),
            (Some(po), false) if !po.eq_ignore_ascii_case(&r.po_number) => {
                r.problems.push(format!(
                    "{}: po_number: `{po}` differs from `{}` given for receipt `{}` at {}",
                    row.source, r.po_number, r.external_id, r.source
                ))
            }
            _ => {}
        }
        if r.received_at.is_none() {
            r.received_at = row.received_at;
        }
        r.problems.extend(row.problems);
        r.lines.extend(row.line);
    }
    receipts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` as a file called `name`, with the temp folder cut from every message.
    fn read(name: &str, text: &str) -> Result<Vec<ReceiptIn>, String> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        let prefix = format!("{}/", dir.path().display());
        let cut = |s: &str| s.replace(&prefix, "");
        read_file(&p).map_err(|e| cut(&e)).map(|list| {
            list.into_iter()
                .map(|mut r| {
                    r.source = cut(&r.source);
                    r.problems = r.problems.iter().map(|p| cut(p)).collect();
                    for l in &mut r.lines {
                        l.source = cut(&l.source);
                    }
                    r
                })
                .collect()
        })
    }

    #[test]
    fn csv_rows_are_grouped_by_receipt_id() {
        let list = read(
            "receipts-1.csv",
            "receipt_id,po_number,sku,quantity,received_at\n\
             R1,PO-000001,TEE-1,7,2026-11-20\n\
             R2,PO-000002,MUG,1,\n\
             R1,po-000001,TEE-2,3,\n",
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        let r1 = &list[0];
        assert_eq!(
            (
                r1.external_id.as_str(),
                r1.po_number.as_str(),
                r1.received_at.as_deref()
            ),
            ("R1", "PO-000001", Some("2026-11-20"))
        );
        assert_eq!(r1.lines.len(), 2);
        assert_eq!(r1.lines[1].source, "receipts-1.csv:4");
        assert!(r1.problems.is_empty(), "{:?}", r1.problems);
        assert_eq!(r1.source, "receipts-1.csv:2");
    }

    #[test]
    fn csv_problems_name_file_line_and_field() {
        let list = read(
            "receipts-1.csv",
            "receipt_id,po_number,sku,quantity\nR1,PO-1,A,2.5\n,PO-1,A,1\nR2,PO-1\nR3,PO-2,A,1\nR3,PO-3,B,1\n",
        )
        .unwrap();
        assert_eq!(
            list[0].problems,
            ["receipts-1.csv:2: quantity: `2.5` is not a whole number"]
        );
        assert!(list[0].lines.is_empty());
        assert_eq!(list[1].external_id, "");
        assert_eq!(list[1].source, "receipts-1.csv:3");
        assert!(list[1].problems[0].starts_with("receipts-1.csv:3: receipt_id: empty"));
        assert_eq!(
            list[2].problems,
            [
                "receipts-1.csv:4: sku: empty",
                "receipts-1.csv:4: quantity: empty"
            ]
        );
        assert!(list[3].problems[0].starts_with("receipts-1.csv:6: po_number: `PO-3` differs"));
    }

    #[test]
    fn unreadable_files_are_refused_whole() {
        let e = read("receipts-1.csv", "receipt_id,sku\nR1,A\n").unwrap_err();
        assert_eq!(
            e,
            "receipts-1.csv:1: missing column(s): po_number, quantity"
        );
        let e = read("receipts-1.json", "[{\"receipt_id\": ").unwrap_err();
        assert!(e.starts_with("receipts-1.json:1:"), "{e}");
        let e = read("receipts-1.json", "{}").unwrap_err();
        assert!(e.contains("expected an array"), "{e}");
    }

    #[test]
    fn json_rows_accept_numbers_and_strings() {
        let list = read(
            "receipts-2.json",
            r#"[{"receipt_id": 9, "po_number": "PO-000001", "sku": "A", "quantity": "4"},
                {"receipt_id": "9", "po_number": "PO-000001", "sku": "B", "quantity": 1.5},
                "junk"]"#,
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].external_id, "9");
        assert_eq!(list[0].lines[0].quantity, 4);
        assert_eq!(
            list[0].problems,
            ["receipts-2.json[1]: quantity: `1.5` is not a whole number"]
        );
        assert_eq!(
            list[1].problems,
            ["receipts-2.json[2]: expected an object, found a string"]
        );
    }
}
