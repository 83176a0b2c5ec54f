//! Order updates out to a `files` sales channel: shipped lines with tracking, and
//! cancellations (docs/files-connector.md).

use serde::Serialize;

use super::{FilesChannel, fs};
use crate::config::FileFormat;
use crate::connectors::Sent;
use crate::model::shipment::{Fulfillment, OrderUpdate};

/// One CSV row per fulfilled line; an order with no fulfillments (a cancellation) gets
/// one row with the shipment columns empty.
#[derive(Serialize)]
struct UpdateRow<'a> {
    order_id: &'a str,
    order_name: Option<&'a str>,
    status: &'a str,
    cancelled: bool,
    shipment_reference: Option<&'a str>,
    carrier: Option<&'a str>,
    service: Option<&'a str>,
    tracking_numbers: String,
    tracking_url: Option<&'a str>,
    shipped_at: Option<&'a str>,
    sku: Option<&'a str>,
    line_id: Option<&'a str>,
    quantity: Option<i64>,
    /// `lot L-1 × 2; serial SN-9 × 1`: the lots and serials of the line's units, if known.
    lots: Option<String>,
}

/// Writes the recorded batch `batch` as one file (named when it was claimed, by time and
/// first and last order, so names sort in the order batches were decided).
pub(super) fn export(
    ch: &FilesChannel,
    batch: &str,
    updates: &[OrderUpdate],
) -> anyhow::Result<Vec<Sent>> {
    if updates.is_empty() {
        return Ok(Vec::new());
    }
    let bytes = match ch.format() {
        FileFormat::Json => serde_json::to_vec_pretty(updates)?,
        FileFormat::Csv => to_csv(updates)?,
    };
    fs::atomic_write(&ch.outbox_file(batch)?, &bytes)?;
    Ok(updates
        .iter()
        .map(|u| Sent::ok(u.order_id.to_string(), None))
        .collect())
}

fn to_csv(updates: &[OrderUpdate]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for u in updates {
        if u.fulfillments.is_empty() {
            w.serialize(base(u, None))?;
        }
        for f in &u.fulfillments {
            for l in &f.lines {
                let lots: Vec<String> = l.lots.iter().map(|lot| lot.describe()).collect();
                w.serialize(UpdateRow {
                    sku: Some(&l.sku),
                    line_id: l.external_line_id.as_deref(),
                    quantity: Some(l.quantity),
                    lots: (!lots.is_empty()).then(|| lots.join("; ")),
                    ..base(u, Some(f))
                })?;
            }
        }
    }
    w.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write order updates CSV: {e}"))
}

fn base<'a>(u: &'a OrderUpdate, f: Option<&'a Fulfillment>) -> UpdateRow<'a> {
    UpdateRow {
        order_id: &u.external_id,
        order_name: u.order_name.as_deref(),
        status: &u.status,
        cancelled: u.cancelled,
        shipment_reference: f.map(|f| f.reference.as_str()),
        carrier: f.and_then(|f| f.carrier.as_deref()),
        service: f.and_then(|f| f.service.as_deref()),
        tracking_numbers: f.map(|f| f.tracking_numbers.join(" ")).unwrap_or_default(),
        tracking_url: f.and_then(|f| f.tracking_url.as_deref()),
        shipped_at: f.and_then(|f| f.shipped_at.as_deref()),
        sku: None,
        line_id: None,
        quantity: None,
        lots: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipment::{FulfilledLine, ShippedLot};

    #[test]
    fn csv_has_a_row_per_line_and_one_per_cancellation() {
        let shipped = OrderUpdate {
            order_id: 7,
            external_id: "1001".into(),
            order_name: Some("#1001".into()),
            status: "shipped".into(),
            cancelled: false,
            fulfillments: vec![Fulfillment {
                reference: "S0000003".into(),
                carrier: Some("UPS".into()),
                tracking_numbers: vec!["1Z1".into(), "1Z2".into()],
                lines: vec![
                    FulfilledLine {
                        sku: "TEE".into(),
                        external_line_id: Some("L1".into()),
                        quantity: 2,
                        lots: Vec::new(),
                    },
                    FulfilledLine {
                        sku: "MUG".into(),
                        external_line_id: None,
                        quantity: 1,
                        lots: vec![
                            ShippedLot {
                                sku: "MUG".into(),
                                serial: Some("SN-9".into()),
                                quantity: 1,
                                ..Default::default()
                            },
                            ShippedLot {
                                sku: "MUG".into(),
                                lot: Some("L-1".into()),
                                expiration_date: Some("2027-06-30".into()),
                                quantity: 2,
                                ..Default::default()
                            },
                        ],
                    },
                ],
                ..Default::default()
            }],
        };
        let cancelled = OrderUpdate {
            order_id: 8,
            external_id: "1002".into(),
            status: "cancelled".into(),
            cancelled: true,
            ..Default::default()
        };
        let text = String::from_utf8(to_csv(&[shipped, cancelled]).unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "order_id,order_name,status,cancelled,shipment_reference,carrier,service,tracking_numbers,tracking_url,shipped_at,sku,line_id,quantity,lots"
        );
        assert_eq!(
            lines[1],
            "1001,#1001,shipped,false,S0000003,UPS,,1Z1 1Z2,,,TEE,L1,2,"
        );
        assert_eq!(
            lines[2],
            "1001,#1001,shipped,false,S0000003,UPS,,1Z1 1Z2,,,MUG,,1,serial SN-9 × 1; lot L-1 exp 2027-06-30 × 2"
        );
        assert_eq!(lines[3], "1002,,cancelled,true,,,,,,,,,,");
        assert_eq!(lines.len(), 4);
    }
}
