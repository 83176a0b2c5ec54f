//! Returns out, return receipts in (docs/files-connector.md, "Returns").
//!
//! Out: `outbox/returns-RMA-000001.csv` (or `.json`), one row per RMA line, named by the
//! RMA number only, so a resend after a crash rewrites the same file.
//! In: `inbox/return-receipts-*.csv`, rows `rma,sku,quantity[,disposition]`; the rows of
//! one RMA in one file are one receipt, known by file name and RMA so it is applied once.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::{FilesChannel, fs};
use crate::config::FileFormat;
use crate::connectors::{Sent, Sink};
use crate::formats::CsvTable;
use crate::model::returns::{Disposition, ReturnReceiptIn, ReturnReceiptLine, ReturnRequest};

#[derive(Serialize)]
struct ReturnRow<'a> {
    rma: &'a str,
    order: &'a str,
    warehouse: &'a str,
    location_id: Option<&'a str>,
    reason: &'a str,
    sku: &'a str,
    quantity: i64,
    disposition: Option<&'a str>,
}

fn file_name(number: &str, format: FileFormat) -> anyhow::Result<String> {
    let safe = !number.is_empty()
        && !number.starts_with('.')
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !safe {
        anyhow::bail!("RMA number `{number}` cannot be used in a file name");
    }
    let ext = match format {
        FileFormat::Csv => "csv",
        FileFormat::Json => "json",
    };
    Ok(format!("returns-{number}.{ext}"))
}

pub(super) fn send(ch: &FilesChannel, rma: &ReturnRequest) -> anyhow::Result<Sent> {
    let name = file_name(&rma.number, ch.format())?;
    let bytes = match ch.format() {
        FileFormat::Json => {
            let mut b = serde_json::to_vec_pretty(rma)?;
            b.push(b'\n');
            b
        }
        FileFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            for l in &rma.lines {
                w.serialize(ReturnRow {
                    rma: &rma.number,
                    order: &rma.order,
                    warehouse: &rma.warehouse,
                    location_id: rma.location_id.as_deref(),
                    reason: &rma.reason,
                    sku: &l.sku,
                    quantity: l.quantity,
                    disposition: l.disposition.map(Disposition::as_str),
                })?;
            }
            w.into_inner()
                .map_err(|e| anyhow::anyhow!("cannot write return CSV: {e}"))?
        }
    };
    fs::atomic_write(&ch.existing_outbox()?.join(&name), &bytes)?;
    Ok(Sent::ok(rma.number.clone(), None))
}

pub(super) fn receipts(ch: &FilesChannel, sink: Sink<ReturnReceiptIn>) -> anyhow::Result<()> {
    super::stream_inbox(ch, &super::inbox::RETURN_RECEIPTS, read_file, sink)
}

/// The receipts in one file (one per RMA), or why the file cannot be read at all. A bad
/// row is named in its RMA's receipt, which is then rejected whole; a row that names no
/// RMA becomes a receipt of its own, so it is reported too.
fn read_file(path: &Path) -> Result<Vec<ReturnReceiptIn>, String> {
    let name = path.display().to_string();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
    let mut table = CsvTable::open(&name, Box::new(file)).map_err(|e| e.to_string())?;
    table
        .require(&["rma", "sku", "quantity"])
        .map_err(|e| e.to_string())?;
    let mut by_rma: BTreeMap<String, ReturnReceiptIn> = BTreeMap::new();
    while let Some(row) = table.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let e = e.to_string();
                by_rma.insert(e.clone(), orphan(&file_name, &name, e));
                continue;
            }
        };
        let Some(rma) = row.get("rma").map(|r| r.trim().to_uppercase()) else {
            let problem = row.problem("rma", "empty: every row must name its RMA");
            by_rma.insert(row.location(), orphan(&file_name, &row.location(), problem));
            continue;
        };
        let receipt = by_rma
            .entry(rma.clone())
            .or_insert_with(|| ReturnReceiptIn {
                external_id: format!("{file_name}:{rma}"),
                rma: rma.clone(),
                source: row.location(),
                ..ReturnReceiptIn::default()
            });
        let sku = row.get("sku").map(str::to_string);
        if sku.is_none() {
            receipt.problems.push(row.problem("sku", "empty"));
        }
        let quantity = match row.int("quantity") {
            Ok(Some(q)) if q > 0 => Some(q),
            Ok(Some(q)) => {
                receipt
                    .problems
                    .push(row.problem("quantity", format!("must be more than 0, got {q}")));
                None
            }
            Ok(None) => {
                receipt.problems.push(row.problem("quantity", "empty"));
                None
            }
            Err(e) => {
                receipt.problems.push(e);
                None
            }
        };
        let disposition = match row.get("disposition") {
            None => Ok(None),
            Some(d) => Disposition::parse(d).map(Some).ok_or_else(|| {
                row.problem(
                    "disposition",
                    format!("`{d}` is not one of restock, quarantine, dispose"),
                )
            }),
        };
        let disposition = disposition.unwrap_or_else(|p| {
            receipt.problems.push(p);
            None
        });
        if let (Some(sku), Some(quantity)) = (sku, quantity) {
            receipt.lines.push(ReturnReceiptLine {
                sku,
                quantity,
                disposition,
                origin: row.location(),
            });
        }
    }
    Ok(by_rma.into_values().collect())
}

fn orphan(file_name: &str, source: &str, problem: String) -> ReturnReceiptIn {
    ReturnReceiptIn {
        external_id: format!("{file_name}:{source}"),
        source: source.to_string(),
        problems: vec![problem],
        ..ReturnReceiptIn::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_gather_per_rma_and_bad_rows_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("return-receipts-1.csv");
        std::fs::write(
            &p,
            "rma,sku,quantity,disposition\nRMA-000001,TEE-1,1,restock\nrma-000001,MUG-1,1,\n\
             RMA-000002,TEE-1,x,\n,TEE-1,1,\nRMA-000003,TEE-1,1,burn\n",
        )
        .unwrap();
        let name = p.display().to_string();
        let got = read_file(&p).unwrap();
        let one = got.iter().find(|r| r.rma == "RMA-000001").unwrap();
        assert_eq!(one.external_id, "return-receipts-1.csv:RMA-000001");
        assert_eq!(one.lines.len(), 2);
        assert_eq!(one.lines[0].disposition, Some(Disposition::Restock));
        assert_eq!(one.lines[1].disposition, None);
        assert!(one.problems.is_empty());
        let two = got.iter().find(|r| r.rma == "RMA-000002").unwrap();
        assert_eq!(
            two.problems,
            [format!("{name}:4: quantity: `x` is not a whole number")]
        );
        let three = got.iter().find(|r| r.rma == "RMA-000003").unwrap();
        assert!(
            three.problems[0].contains(":6: disposition: `burn`"),
            "{three:?}"
        );
        assert!(
            got.iter()
                .any(|r| r.rma.is_empty() && r.problems[0].contains(":5: rma: empty")),
            "{got:?}"
        );
    }
}
