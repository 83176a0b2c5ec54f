//! Purchase orders out, receipts in (docs/files-connector.md, "Purchase orders and receipts").

use serde::Serialize;

mod receipt_rows;

use super::{FilesChannel, fs};
use crate::config::FileFormat;
use crate::connectors::{Sent, Sink};
use crate::model::purchase::{PoRequest, ReceiptIn};

/// One CSV row per PO line; the PO's columns repeat on each of its rows.
#[derive(Serialize)]
struct PoRow<'a> {
    po_number: &'a str,
    supplier: &'a str,
    warehouse: &'a str,
    location_id: Option<&'a str>,
    expected_at: Option<&'a str>,
    note: Option<&'a str>,
    sku: &'a str,
    quantity: i64,
    lot: Option<&'a str>,
    serial: Option<&'a str>,
}

/// The file a PO is written to. It depends on the number only, so a resend after a crash
/// replaces the same file instead of adding a second PO for the warehouse.
fn po_file_name(number: &str, format: FileFormat) -> anyhow::Result<String> {
    let safe = !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !safe || number.starts_with('.') {
        anyhow::bail!("PO number `{number}` cannot be used in a file name");
    }
    let ext = match format {
        FileFormat::Csv => "csv",
        FileFormat::Json => "json",
    };
    Ok(format!("po-{number}.{ext}"))
}

pub(super) fn send_po(ch: &FilesChannel, po: &PoRequest) -> anyhow::Result<Sent> {
    let name = po_file_name(&po.number, ch.format())?;
    let bytes = match ch.format() {
        FileFormat::Json => {
            let mut b = serde_json::to_vec_pretty(po)?;
            b.push(b'\n');
            b
        }
        FileFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::with_capacity(po.lines.len() * 96 + 96));
            for l in &po.lines {
                w.serialize(PoRow {
                    po_number: &po.number,
                    supplier: &po.supplier,
                    warehouse: &po.warehouse,
                    location_id: po.location_id.as_deref(),
                    expected_at: po.expected_at.as_deref(),
                    note: po.note.as_deref(),
                    sku: &l.sku,
                    quantity: l.quantity,
                    lot: l.lot.as_deref(),
                    serial: l.serial.as_deref(),
                })?;
            }
            w.into_inner()
                .map_err(|e| anyhow::anyhow!("cannot write PO CSV: {e}"))?
        }
    };
    fs::atomic_write(&ch.existing_outbox()?.join(&name), &bytes)?;
    Ok(Sent::ok(po.number.clone(), None))
}

/// Reads every receipts file in the inbox, one source per file, receipts in file order.
pub(super) fn receipts(ch: &FilesChannel, sink: Sink<ReceiptIn>) -> anyhow::Result<()> {
    super::stream_inbox(ch, &super::inbox::RECEIPTS, receipt_rows::read_file, sink)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn po_files_are_named_by_number_only() {
        assert_eq!(
            po_file_name("PO-000001", FileFormat::Csv).unwrap(),
            "po-PO-000001.csv"
        );
        assert_eq!(
            po_file_name("PO-000001", FileFormat::Json).unwrap(),
            "po-PO-000001.json"
        );
        assert!(po_file_name("../x", FileFormat::Csv).is_err());
        assert!(po_file_name("", FileFormat::Csv).is_err());
    }
}
