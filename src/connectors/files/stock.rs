//! Stock snapshots in (`inbox/stock-*.csv|json`), published availability out
//! (`outbox/stock-<UTC time>.csv|json`, or `outbox/stock-delta-<UTC time>.csv|json` for a
//! `delta` channel). Layouts: docs/files-connector.md, "Stock".

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::{FilesChannel, fs};
use crate::config::FileFormat;
use crate::connectors::{Sent, Sink};
use crate::formats::CsvTable;
use crate::model::shipment::{StockCount, StockPublish};

/// Reads every snapshot in the inbox, one source per file, oldest name first.
pub(super) fn counts(ch: &FilesChannel, sink: Sink<StockCount>) -> anyhow::Result<()> {
    super::stream_inbox(ch, &super::inbox::STOCK, read_file, sink)
}

/// The whole file is read before any record is handed over, so a file that turns out to
/// be unreadable half-way is set aside whole instead of being half applied.
fn read_file(path: &Path) -> Result<Vec<StockCount>, String> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    if name.to_lowercase().ends_with(".json") {
        read_json(&name, &bytes)
    } else {
        read_csv(&name, bytes)
    }
}

fn read_csv(name: &str, bytes: Vec<u8>) -> Result<Vec<StockCount>, String> {
    let mut table =
        CsvTable::open(name, Box::new(std::io::Cursor::new(bytes))).map_err(|e| e.to_string())?;
    table
        .require(&["location", "sku", "on_hand"])
        .map_err(|e| e.to_string())?;
    let mut list = Vec::new();
    while let Some(row) = table.next_row() {
        // The bytes are in memory, so a row error is that row's own (e.g. invalid UTF-8)
        // and reading goes on with the next one.
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                list.push(StockCount {
                    source: format!("{}:{}", e.source_name, e.line),
                    problems: vec![e.to_string()],
                    ..StockCount::default()
                });
                continue;
            }
        };
        let mut c = StockCount {
            location: row.get("location").unwrap_or_default().to_string(),
            sku: row.get("sku").unwrap_or_default().to_string(),
            source: row.location(),
            ..StockCount::default()
        };
        if c.location.is_empty() {
            c.problems.push(row.problem("location", "empty"));
        }
        if c.sku.is_empty() {
            c.problems.push(row.problem("sku", "empty"));
        }
        match row.int("on_hand") {
            Ok(Some(n)) if n >= 0 => c.on_hand = n,
            Ok(Some(n)) => c
                .problems
                .push(row.problem("on_hand", format!("{n} is negative"))),
            Ok(None) => c.problems.push(row.problem("on_hand", "empty")),
            Err(e) => c.problems.push(e),
        }
        list.push(c);
    }
    Ok(list)
}

/// JSON: an array of `{"location": …, "sku": …, "on_hand": …}`. Each record is checked
/// on its own, so one bad record does not make the others unreadable.
fn read_json(name: &str, bytes: &[u8]) -> Result<Vec<StockCount>, String> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("{name}:{}:{}: {e}", e.line(), e.column()))?;
    let Value::Array(records) = value else {
        return Err(format!(
            "{name}: expected an array of {{\"location\", \"sku\", \"on_hand\"}} records"
        ));
    };
    Ok(records
        .iter()
        .enumerate()
        .map(|(i, record)| json_record(&format!("{name}[{i}]"), record))
        .collect())
}

fn json_record(source: &str, record: &Value) -> StockCount {
    let mut c = StockCount {
        source: source.to_string(),
        ..StockCount::default()
    };
    if !record.is_object() {
        c.problems
            .push(format!("{source}: expected an object, found {record}"));
        return c;
    }
    let mut text = |field: &str| -> String {
        match &record[field] {
            Value::String(s) if !s.trim().is_empty() => s.trim().to_string(),
            // Location ids are numbers in some systems (ShipBob fulfillment centers).
            Value::Number(n) => n.to_string(),
            Value::Null => {
                c.problems.push(format!("{source}: {field}: missing"));
                String::new()
            }
            Value::String(_) => {
                c.problems.push(format!("{source}: {field}: empty"));
                String::new()
            }
            other => {
                c.problems
                    .push(format!("{source}: {field}: {other} is not text"));
                String::new()
            }
        }
    };
    let location = text("location");
    let sku = text("sku");
    c.location = location;
    c.sku = sku;
    match &record["on_hand"] {
        Value::Number(n) => match n.as_i64() {
            Some(q) if q >= 0 => c.on_hand = q,
            Some(q) => c
                .problems
                .push(format!("{source}: on_hand: {q} is negative")),
            None => c
                .problems
                .push(format!("{source}: on_hand: {n} is not a whole number")),
        },
        Value::Null => c.problems.push(format!("{source}: on_hand: missing")),
        other => c
            .problems
            .push(format!("{source}: on_hand: {other} is not a whole number")),
    }
    c
}

#[derive(Serialize)]
struct PublishRow<'a> {
    sku: &'a str,
    available: i64,
    location_id: Option<&'a str>,
}

fn row(l: &StockPublish) -> PublishRow<'_> {
    PublishRow {
        sku: &l.sku,
        available: l.available,
        location_id: l.location_id.as_deref(),
    }
}

/// A line of a delta push (`stock-delta-*`): the change to apply, and the value it leads to.
#[derive(Serialize)]
struct DeltaRow<'a> {
    sku: &'a str,
    delta: i64,
    available: i64,
    location_id: Option<&'a str>,
}

fn delta_row(l: &StockPublish) -> DeltaRow<'_> {
    DeltaRow {
        sku: &l.sku,
        delta: l.delta.unwrap_or(0),
        available: l.available,
        location_id: l.location_id.as_deref(),
    }
}

/// The file's bytes: its own rows, not `StockPublish` (what oms remembers per level is not
/// the layout's business).
fn encode<R: Serialize>(format: FileFormat, rows: Vec<R>) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        FileFormat::Json => serde_json::to_vec_pretty(&rows)?,
        FileFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 32));
            for r in rows {
                w.serialize(r)?;
            }
            w.into_inner()
                .map_err(|e| anyhow::anyhow!("cannot write stock CSV: {e}"))?
        }
    })
}

/// Writes one file with every level; the whole file is accepted or the call fails.
/// Writes the recorded batch `batch` (named `stock-<time>` when it was claimed: sortable,
/// and never the name of an earlier file, so a shop that has not yet picked up the previous
/// push loses nothing).
pub(super) fn push(
    ch: &FilesChannel,
    batch: &str,
    levels: &[StockPublish],
) -> anyhow::Result<Vec<Sent>> {
    if levels.is_empty() {
        return Ok(Vec::new());
    }
    // A delta batch (docs/files-connector.md "Changes out") is written in its own layout.
    let bytes = if levels.iter().any(|l| l.delta.is_some()) {
        encode(ch.format(), levels.iter().map(delta_row).collect())?
    } else {
        encode(ch.format(), levels.iter().map(row).collect())?
    };
    fs::atomic_write(&ch.outbox_file(batch)?, &bytes)?;
    Ok(levels.iter().map(|l| Sent::ok(&l.sku, None)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &[u8]) -> Result<Vec<StockCount>, String> {
        read_csv("stock-1.csv", text.to_vec())
    }

    #[test]
    fn csv_rows_become_counts_with_their_lines() {
        let list = csv(b"sku;on_hand;location;note\n TEE-1 ;5;east;x\n\nMUG-1;0;12;\n").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            (
                list[0].location.as_str(),
                list[0].sku.as_str(),
                list[0].on_hand
            ),
            ("east", "TEE-1", 5)
        );
        assert_eq!(list[1].source, "stock-1.csv:4");
        assert!(list.iter().all(|c| c.problems.is_empty()));
    }

    #[test]
    fn csv_row_problems_name_line_and_field() {
        let list =
            csv(b"location,sku,on_hand\neast,,3\neast,A,x\neast,B,-2\n,C,\neast,D,\xff\n").unwrap();
        let problems: Vec<&[String]> = list.iter().map(|c| c.problems.as_slice()).collect();
        assert_eq!(problems[0], ["stock-1.csv:2: sku: empty"]);
        assert_eq!(
            problems[1],
            ["stock-1.csv:3: on_hand: `x` is not a whole number"]
        );
        assert_eq!(problems[2], ["stock-1.csv:4: on_hand: -2 is negative"]);
        assert_eq!(
            problems[3],
            [
                "stock-1.csv:5: location: empty",
                "stock-1.csv:5: on_hand: empty"
            ]
        );
        assert_eq!(list[4].source, "stock-1.csv:6");
        assert!(problems[4][0].contains("not valid UTF-8"), "{problems:?}");
    }

    #[test]
    fn csv_without_its_columns_is_unreadable() {
        assert_eq!(
            csv(b"sku,qty\nA,1\n").unwrap_err(),
            "stock-1.csv:1: missing column(s): location, on_hand"
        );
        assert!(csv(b"").is_err());
    }

    #[test]
    fn json_records_are_checked_one_by_one() {
        let text = br#"[{"location":"east","sku":"A","on_hand":4},
            {"location":123,"sku":"B","on_hand":2.5},
            {"sku":" ","on_hand":-1},
            "nonsense"]"#;
        let list = read_json("s.json", text).unwrap();
        assert_eq!(list.len(), 4);
        assert!(list[0].problems.is_empty());
        assert_eq!(list[0].on_hand, 4);
        assert_eq!(list[1].location, "123");
        assert_eq!(
            list[1].problems,
            ["s.json[1]: on_hand: 2.5 is not a whole number"]
        );
        assert_eq!(
            list[2].problems,
            [
                "s.json[2]: location: missing",
                "s.json[2]: sku: empty",
                "s.json[2]: on_hand: -1 is negative"
            ]
        );
        assert!(list[3].problems[0].starts_with("s.json[3]: expected an object"));
        assert!(
            read_json("s.json", b"{\"a\":1}")
                .unwrap_err()
                .contains("expected an array")
        );
        assert!(
            read_json("s.json", b"[{")
                .unwrap_err()
                .starts_with("s.json:1:")
        );
    }
}
