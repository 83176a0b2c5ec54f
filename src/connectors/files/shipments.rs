//! Shipments out, confirmations in, cancellation requests out (docs/files-connector.md).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{FilesChannel, fs};
use crate::config::FileFormat;
use crate::connectors::{Sent, Sink};
use crate::formats::CsvTable;
use crate::model::purchase::date_or_time;
use crate::model::shipment::{
    ConfirmedLine, ConfirmedStatus, ShipmentConfirmation, ShipmentRequest, ShippedLot,
};

/// One CSV row per shipment line; the shipment's columns repeat on each of its rows.
#[derive(Serialize)]
struct ShipmentRow<'a> {
    reference: &'a str,
    order_name: &'a str,
    order_id: &'a str,
    sales_channel: &'a str,
    warehouse: &'a str,
    location_id: Option<&'a str>,
    carrier: Option<&'a str>,
    service: Option<&'a str>,
    shipping_method: Option<&'a str>,
    ship_name: Option<&'a str>,
    ship_company: Option<&'a str>,
    ship_address1: Option<&'a str>,
    ship_address2: Option<&'a str>,
    ship_city: Option<&'a str>,
    ship_province: Option<&'a str>,
    ship_zip: Option<&'a str>,
    ship_country: Option<&'a str>,
    ship_phone: Option<&'a str>,
    email: Option<&'a str>,
    sku: &'a str,
    quantity: i64,
    title: Option<&'a str>,
    /// Empty for a plain line; a kit's SKU for its components (docs/bundles.md).
    bundle_sku: Option<&'a str>,
}

/// Writes the recorded batch `batch` as its own file: a resend after a crash overwrites
/// the same file with the same bytes instead of adding a second one.
pub(super) fn send(
    ch: &FilesChannel,
    batch: &str,
    shipments: &[ShipmentRequest],
) -> anyhow::Result<Vec<Sent>> {
    if shipments.is_empty() {
        return Ok(Vec::new());
    }
    let refs: Vec<&str> = shipments.iter().map(|s| s.reference.as_str()).collect();
    let path = ch.outbox_file(batch)?;
    let bytes = match ch.format() {
        FileFormat::Json => serde_json::to_vec_pretty(shipments)?,
        FileFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::with_capacity(shipments.len() * 256));
            for s in shipments {
                let a = &s.ship_to;
                for l in &s.lines {
                    w.serialize(ShipmentRow {
                        reference: &s.reference,
                        order_name: &s.order_name,
                        order_id: &s.order_external_id,
                        sales_channel: &s.sales_channel,
                        warehouse: &s.warehouse,
                        location_id: s.location_id.as_deref(),
                        carrier: s.carrier.as_deref(),
                        service: s.service.as_deref(),
                        shipping_method: s.shipping_method.as_deref(),
                        ship_name: a.name.as_deref(),
                        ship_company: a.company.as_deref(),
                        ship_address1: a.address1.as_deref(),
                        ship_address2: a.address2.as_deref(),
                        ship_city: a.city.as_deref(),
                        ship_province: a.province.as_deref(),
                        ship_zip: a.zip.as_deref(),
                        ship_country: a.country.as_deref(),
                        ship_phone: a.phone.as_deref(),
                        email: s.email.as_deref(),
                        sku: &l.sku,
                        quantity: l.quantity,
                        title: l.title.as_deref(),
                        bundle_sku: l.bundle_sku.as_deref(),
                    })?;
                }
            }
            w.into_inner()
                .map_err(|e| anyhow::anyhow!("cannot write shipments CSV: {e}"))?
        }
    };
    fs::atomic_write(&path, &bytes)?;
    Ok(refs.iter().map(|r| Sent::ok(*r, None)).collect())
}

pub(super) fn cancel(
    ch: &FilesChannel,
    batch: &str,
    references: &[String],
) -> anyhow::Result<Vec<Sent>> {
    if references.is_empty() {
        return Ok(Vec::new());
    }
    let refs: Vec<&str> = references.iter().map(String::as_str).collect();
    let path = ch.outbox_file(batch)?;
    let bytes = match ch.format() {
        FileFormat::Json => serde_json::to_vec_pretty(
            &refs
                .iter()
                .map(|r| serde_json::json!({ "reference": r }))
                .collect::<Vec<_>>(),
        )?,
        FileFormat::Csv => {
            let mut text = String::from("reference\n");
            for r in &refs {
                text.push_str(r);
                text.push('\n');
            }
            text.into_bytes()
        }
    };
    fs::atomic_write(&path, &bytes)?;
    Ok(refs.iter().map(|r| Sent::ok(*r, None)).collect())
}

/// Reads every confirmation file in the inbox, one source per file.
pub(super) fn updates(ch: &FilesChannel, sink: Sink<ShipmentConfirmation>) -> anyhow::Result<()> {
    super::stream_inbox(ch, &super::inbox::CONFIRMATIONS, read_file, sink)
}

fn read_file(path: &Path) -> Result<Vec<ShipmentConfirmation>, String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
    if name.to_lowercase().ends_with(".json") {
        read_json(&name, file)
    } else {
        read_csv(&name, Box::new(file))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonConfirmation {
    reference: String,
    external_id: Option<String>,
    #[serde(default)]
    status: ConfirmedStatus,
    carrier: Option<String>,
    #[serde(default)]
    tracking_numbers: Vec<String>,
    tracking_url: Option<String>,
    shipped_at: Option<String>,
    #[serde(default)]
    lines: Vec<JsonLine>,
}

/// A line of a JSON confirmation: the line, and the lot or serial of its units if given.
#[derive(Deserialize)]
struct JsonLine {
    #[serde(flatten)]
    line: ConfirmedLine,
    lot: Option<String>,
    serial: Option<String>,
    expiration_date: Option<String>,
}

/// The lot of a row's units, when the row names a lot, serial or expiration date; a serial
/// number is one unit, and an expiration date must read as a date.
fn lot_of(
    source: &str,
    line: &ConfirmedLine,
    tags: [Option<&str>; 3],
    problems: &mut Vec<String>,
) -> Option<ShippedLot> {
    let [lot, serial, expiration] = tags.map(|t| t.map(str::trim).filter(|t| !t.is_empty()));
    if lot.is_none() && serial.is_none() && expiration.is_none() {
        return None;
    }
    if serial.is_some() && line.quantity_shipped != 1 {
        problems.push(format!(
            "{source}: serial: a row with a serial number ships one unit, got {}",
            line.quantity_shipped
        ));
        return None;
    }
    let expiration_date = match expiration.map(date_or_time).transpose() {
        Ok(d) => d,
        Err(e) => {
            problems.push(format!("{source}: expiration_date: {e}"));
            return None;
        }
    };
    (line.quantity_shipped > 0).then(|| ShippedLot {
        sku: line.sku.clone(),
        lot: lot.map(str::to_string),
        serial: serial.map(str::to_string),
        expiration_date,
        quantity: line.quantity_shipped,
    })
}

fn read_json(name: &str, file: std::fs::File) -> Result<Vec<ShipmentConfirmation>, String> {
    let list: Vec<JsonConfirmation> = serde_json::from_reader(std::io::BufReader::new(file))
        .map_err(|e| format!("{name}:{}:{}: {e}", e.line(), e.column()))?;
    Ok(list
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let source = format!("{name}[{i}]");
            let mut problems = Vec::new();
            let mut lots = Vec::new();
            for l in &c.lines {
                let tags = [&l.lot, &l.serial, &l.expiration_date].map(|t| t.as_deref());
                lots.extend(lot_of(&source, &l.line, tags, &mut problems));
            }
            let lines: Vec<ConfirmedLine> = c.lines.into_iter().map(|l| l.line).collect();
            check_lines(&source, c.status, &lines, &mut problems);
            ShipmentConfirmation {
                reference: c.reference.trim().to_string(),
                external_id: c.external_id,
                status: c.status,
                carrier: c.carrier,
                tracking_numbers: c.tracking_numbers,
                tracking_url: c.tracking_url,
                shipped_at: c.shipped_at,
                lines,
                lots,
                source,
                problems,
            }
        })
        .collect())
}

fn check_lines(
    source: &str,
    status: ConfirmedStatus,
    lines: &[ConfirmedLine],
    problems: &mut Vec<String>,
) {
    if status == ConfirmedStatus::Shipped && lines.is_empty() {
        problems.push(format!(
            "{source}: lines: a shipped confirmation needs at least one line"
        ));
    }
    for l in lines {
        if l.sku.trim().is_empty() {
            problems.push(format!("{source}: sku: empty"));
        }
        if l.quantity_shipped < 0 {
            problems.push(format!(
                "{source}: quantity_shipped: {} is negative",
                l.quantity_shipped
            ));
        }
    }
}

/// CSV: one row per shipped line; rows of one reference are gathered (they need not be
/// consecutive). Shipment-level columns are taken from the reference's first row.
fn read_csv(name: &str, input: Box<dyn Read>) -> Result<Vec<ShipmentConfirmation>, String> {
    let mut table = CsvTable::open(name, input).map_err(|e| e.to_string())?;
    table.require(&["reference"]).map_err(|e| e.to_string())?;
    let mut by_ref: BTreeMap<String, ShipmentConfirmation> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    while let Some(row) = table.next_row() {
        let row = row.map_err(|e| e.to_string())?;
        let Some(reference) = row.get("reference").map(str::to_string) else {
            return Err(row.problem(
                "reference",
                "empty: every row must name the shipment it confirms",
            ));
        };
        let c = by_ref.entry(reference.clone()).or_insert_with(|| {
            order.push(reference.clone());
            ShipmentConfirmation {
                reference: reference.clone(),
                source: row.location(),
                ..Default::default()
            }
        });
        match row.get("status").map(str::to_lowercase).as_deref() {
            None | Some("shipped") | Some("short_shipped") => {}
            Some("cancelled") | Some("canceled") => c.status = ConfirmedStatus::Cancelled,
            Some(other) => c
                .problems
                .push(row.problem("status", format!("`{other}` is not shipped or cancelled"))),
        }
        let fill = |slot: &mut Option<String>, v: Option<&str>| {
            if slot.is_none() {
                *slot = v.map(str::to_string);
            }
        };
        fill(&mut c.external_id, row.get("external_id"));
        fill(&mut c.carrier, row.get("carrier"));
        fill(&mut c.tracking_url, row.get("tracking_url"));
        fill(&mut c.shipped_at, row.get("shipped_at"));
        for t in row
            .get("tracking_number")
            .unwrap_or("")
            .split([' ', ';', '|'])
            .filter(|t| !t.is_empty())
        {
            if !c.tracking_numbers.iter().any(|x| x == t) {
                c.tracking_numbers.push(t.to_string());
            }
        }
        match (row.get("sku"), row.int("quantity_shipped")) {
            (None, Ok(None)) => {}
            (Some(sku), Ok(Some(q))) if q >= 0 => {
                let line = ConfirmedLine {
                    sku: sku.to_string(),
                    quantity_shipped: q,
                };
                let tags = ["lot", "serial", "expiration_date"].map(|f| row.get(f));
                c.lots
                    .extend(lot_of(&row.location(), &line, tags, &mut c.problems));
                c.lines.push(line);
            }
            (Some(_), Ok(Some(q))) => c
                .problems
                .push(row.problem("quantity_shipped", format!("{q} is negative"))),
            (Some(_), Ok(None)) => c.problems.push(row.problem("quantity_shipped", "empty")),
            (None, Ok(Some(_))) => c.problems.push(row.problem("sku", "empty")),
            (_, Err(e)) => c.problems.push(e),
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|r| by_ref.remove(&r))
        .map(|mut c| {
            if c.status == ConfirmedStatus::Shipped && c.lines.is_empty() && c.problems.is_empty() {
                c.problems.push(format!(
                    "{}: lines: a shipped confirmation needs at least one sku and quantity_shipped",
                    c.source
                ));
            }
            c
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Vec<ShipmentConfirmation> {
        read_csv(
            "in.csv",
            Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
        )
        .unwrap()
    }

    #[test]
    fn csv_confirmations_group_lines_by_reference() {
        let list = csv(
            "reference,status,sku,quantity_shipped,carrier,tracking_number,tracking_url,shipped_at\n\
             S0000001,shipped,TEE-1,2,UPS,1Z1,https://t/1Z1,2026-11-20T10:00:00Z\n\
             S0000002,cancelled,,,,,,\n\
             S0000001,shipped,MUG-1,0,UPS,1Z2,,\n",
        );
        assert_eq!(list.len(), 2);
        let a = &list[0];
        assert_eq!(
            (a.reference.as_str(), a.status, a.lines.len()),
            ("S0000001", ConfirmedStatus::Shipped, 2)
        );
        assert_eq!(a.tracking_numbers, ["1Z1", "1Z2"]);
        assert_eq!(a.source, "in.csv:2");
        assert!(a.problems.is_empty(), "{:?}", a.problems);
        assert_eq!(list[1].status, ConfirmedStatus::Cancelled);
    }

    #[test]
    fn csv_problems_are_named_per_line() {
        let list = csv("reference,sku,quantity_shipped\nS1,TEE,x\nS2,TEE,-1\nS3,,\n");
        assert_eq!(
            list[0].problems,
            ["in.csv:2: quantity_shipped: `x` is not a whole number"]
        );
        assert_eq!(
            list[1].problems,
            ["in.csv:3: quantity_shipped: -1 is negative"]
        );
        assert!(list[2].problems[0].contains("needs at least one"));
        let missing = read_csv(
            "in.csv",
            Box::new(std::io::Cursor::new(b"sku\nX\n".to_vec())),
        )
        .unwrap_err();
        assert_eq!(missing, "in.csv:1: missing column(s): reference");
    }

    #[test]
    fn json_confirmations() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("shipments-1.json");
        std::fs::write(&p, r#"[{"reference":"S1","lines":[{"sku":"A","quantity_shipped":1}],"tracking_numbers":["T"]},{"reference":"S2","status":"shipped"}]"#).unwrap();
        let list = read_file(&p).unwrap();
        assert!(list[0].problems.is_empty());
        assert_eq!(list[1].problems.len(), 1);
        std::fs::write(
            &p,
            r#"[{"reference":"S1","lines":[{"sku":"A","quantity_shipped":"one"}]}]"#,
        )
        .unwrap();
        assert!(read_file(&p).unwrap_err().contains("shipments-1.json:1:"));
    }

    #[test]
    fn batch_names_are_stable() {
        use crate::connectors::files::batch_name;
        assert_eq!(
            batch_name("shipments", &["S1", "S2", "S9"]),
            "shipments-S1-S9"
        );
        assert_eq!(batch_name("shipments", &["S1"]), "shipments-S1");
    }
}
