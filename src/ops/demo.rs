//! `oms demo`: a self-contained workspace on the `files` connectors, and a stand-in for
//! the warehouses' side of the exchange, so one command shows the whole cycle working.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::connectors::files::fs;
use crate::formats::CsvTable;
use crate::store::Store;
use crate::store::stock::snapshot;

const CATALOG: &str = include_str!("../../assets/demo/catalog.csv");
const STOCK: &str = include_str!("../../assets/demo/stock.csv");
const ORDERS: &str = include_str!("../../assets/demo/orders.csv");

const CONFIG: &str = r#"# The oms demo workspace: every channel is a folder under channels/.
database = "oms.db"

[defaults]
warehouse = "east"
carrier_service = "standard"
backorder_mode = "oms"
max_splits = 2

[carrier_services.standard]
carrier = "USPS"
service = "Ground Advantage"

[carrier_services.express]
carrier = "UPS"
service = "2nd Day Air"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[fulfillment_channels.east-3pl.carrier_map]
standard = "USPS-GA"
express = "UPS-2DA"

[fulfillment_channels.west-3pl]
kind = "files"
path = "channels/west-3pl"

[warehouses.east]
name = "East coast 3PL"
fulfillment_channel = "east-3pl"
priority = 1

[warehouses.west]
name = "West coast 3PL"
fulfillment_channel = "west-3pl"
priority = 2

[virtual_warehouses.all]
name = "Everything we have"
members = ["east", "west"]

[sales_channels.web]
kind = "files"
path = "channels/web"
stock_source = "all"
buffer = 1

[sales_channels.web.carrier_map]
"Standard Shipping" = "standard"
"Express Shipping" = "express"
"#;

/// The files a demo workspace starts from.
pub struct Workspace {
    pub dir: PathBuf,
    pub config: PathBuf,
    /// The database the config names.
    pub db: PathBuf,
    pub catalog: PathBuf,
    pub stock: PathBuf,
}

/// Writes the demo workspace into `dir` (which must be empty or not exist yet).
pub fn create(dir: &Path) -> anyhow::Result<Workspace> {
    let listed =
        || std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()));
    if dir.exists() && listed()?.next().is_some() {
        return Err(crate::error::usage(format!(
            "{} is not empty; give `oms demo` a new folder",
            dir.display()
        )));
    }
    for ch in ["web", "east-3pl", "west-3pl"] {
        for sub in ["inbox", "outbox"] {
            let d = dir.join("channels").join(ch).join(sub);
            std::fs::create_dir_all(&d)
                .with_context(|| format!("cannot create {}", d.display()))?;
        }
    }
    let ws = Workspace {
        dir: dir.to_path_buf(),
        config: dir.join("oms.toml"),
        db: dir.join("oms.db"),
        catalog: dir.join("catalog.csv"),
        stock: dir.join("opening-stock.csv"),
    };
    fs::atomic_write(&ws.config, CONFIG.as_bytes())?;
    fs::atomic_write(&ws.catalog, CATALOG.as_bytes())?;
    fs::atomic_write(&ws.stock, STOCK.as_bytes())?;
    // The shop drops its orders into the sales channel's inbox.
    fs::atomic_write(
        &dir.join("channels/web/inbox/orders-20261122.csv"),
        ORDERS.as_bytes(),
    )?;
    Ok(ws)
}

/// What the simulated warehouse did with one shipment.
pub struct Shipped {
    pub reference: String,
    pub units: i64,
    pub short: bool,
}

/// Plays the warehouse: reads the shipment files oms wrote to a fulfillment channel's
/// outbox, and answers with a confirmation file in its inbox, as a 3PL would. Every
/// shipment ships in full with a tracking number, except that `short_sku` (if given)
/// ships one unit fewer — the way a damaged item shows up in real life.
pub fn play_warehouse(
    channel_dir: &Path,
    carrier_prefix: &str,
    short_sku: Option<&str>,
) -> anyhow::Result<Vec<Shipped>> {
    let outbox = channel_dir.join("outbox");
    let mut lines: BTreeMap<String, Vec<(String, i64, String)>> = BTreeMap::new();
    for file in fs::files_named(&outbox, "shipments", "csv")? {
        let name = file.display().to_string();
        let opened = std::fs::File::open(&file).with_context(|| format!("cannot open {name}"))?;
        let mut table = CsvTable::open(&name, Box::new(opened))?;
        while let Some(row) = table.next_row() {
            let row = row?;
            let (Some(reference), Some(sku), Ok(Some(qty))) =
                (row.get("reference"), row.get("sku"), row.int("quantity"))
            else {
                continue;
            };
            let carrier = row.get("carrier").unwrap_or("USPS").to_string();
            lines
                .entry(reference.to_string())
                .or_default()
                .push((sku.to_string(), qty, carrier));
        }
        // A 3PL takes the file away once it has read it.
        fs::move_done(&file)?;
    }
    let mut text = String::from(
        "reference,status,sku,quantity_shipped,carrier,tracking_number,tracking_url,shipped_at\n",
    );
    let mut shipped = Vec::new();
    for (n, (reference, items)) in lines.iter().enumerate() {
        let tracking = format!("{carrier_prefix}{:010}", 4_200_000 + n * 7919);
        let mut units = 0;
        let mut short = false;
        for (sku, qty, carrier) in items {
            let sent = if short_sku.is_some_and(|s| s.eq_ignore_ascii_case(sku)) && *qty > 0 {
                short = true;
                qty - 1
            } else {
                *qty
            };
            units += sent;
            text.push_str(&format!(
                "{reference},shipped,{sku},{sent},{carrier},{tracking},https://track.example.com/{tracking},2026-11-23T15:00:00Z\n"
            ));
        }
        shipped.push(Shipped {
            reference: reference.clone(),
            units,
            short,
        });
    }
    if !shipped.is_empty() {
        fs::atomic_write(
            &channel_dir.join("inbox/shipments-20261123.csv"),
            text.as_bytes(),
        )?;
    }
    Ok(shipped)
}

/// Plays the warehouse receiving a PO it was sent (`outbox/po-NUMBER.csv|json`): one
/// receipts file per delivery in `quantities`, the way a 3PL reports each truck it
/// unloads. Returns the receipt ids, in delivery order.
pub fn receive(
    channel_dir: &Path,
    po_number: &str,
    sku: &str,
    quantities: &[i64],
) -> anyhow::Result<Vec<String>> {
    let outbox = channel_dir.join("outbox");
    let sent = ["csv", "json"]
        .iter()
        .any(|ext| outbox.join(format!("po-{po_number}.{ext}")).is_file());
    anyhow::ensure!(
        sent,
        "the warehouse never got {po_number}: no po-{po_number} file in {}",
        outbox.display()
    );
    let first_day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).context("demo date")?;
    let mut ids = Vec::new();
    for (n, quantity) in quantities.iter().enumerate() {
        let id = format!("RCV-{po_number}-{}", n + 1);
        // A day between deliveries, so the receipts read like real ones.
        let day = first_day + chrono::Days::new(n as u64);
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["receipt_id", "po_number", "sku", "quantity", "received_at"])?;
        w.write_record([&id, po_number, sku, &quantity.to_string(), &day.to_string()])?;
        fs::atomic_write(
            &channel_dir.join(format!("inbox/receipts-{id}.csv")),
            &csv_bytes(w)?,
        )?;
        ids.push(id);
    }
    Ok(ids)
}

/// What the simulated count found for the SKU it disagrees about.
pub struct Counted {
    pub sku: String,
    pub expected: i64,
    pub counted: i64,
}

/// Plays a warehouse's stock count: a snapshot (`inbox/stock-*.csv`) of every SKU at
/// `warehouse`, where the shelves hold `difference` more (or fewer) of `sku` than oms
/// believes. The stand-in has no shelves of its own, so it starts from oms's on hand.
pub fn count_stock(
    db: &Path,
    channel_dir: &Path,
    warehouse: &str,
    sku: &str,
    difference: i64,
) -> anyhow::Result<Counted> {
    let store = Store::open(db)?;
    let mut held: Vec<snapshot::Held> = snapshot::held_in(&store.conn, warehouse)?
        .into_values()
        .collect();
    held.sort_by(|a, b| a.sku.cmp(&b.sku));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["location", "sku", "on_hand"])?;
    let mut found = None;
    for h in held {
        let mut on_hand = h.on_hand;
        if h.sku.eq_ignore_ascii_case(sku) {
            on_hand = (h.on_hand + difference).max(0);
            found = Some(Counted {
                sku: h.sku.clone(),
                expected: h.on_hand,
                counted: on_hand,
            });
        }
        w.write_record([warehouse, &h.sku, &on_hand.to_string()])?;
    }
    let found = found.with_context(|| format!("{warehouse} holds no {sku} to count"))?;
    fs::atomic_write(
        &channel_dir.join("inbox/stock-20261125.csv"),
        &csv_bytes(w)?,
    )?;
    Ok(found)
}

fn csv_bytes(w: csv::Writer<Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    w.into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write CSV: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warehouse_receives_only_pos_it_was_sent_one_file_per_delivery() {
        let dir = tempfile::tempdir().unwrap();
        let err = receive(dir.path(), "PO-000009", "TOTE-NAT", &[1]).unwrap_err();
        assert!(err.to_string().contains("never got PO-000009"), "{err}");

        fs::atomic_write(&dir.path().join("outbox/po-PO-000009.csv"), b"po_number\n").unwrap();
        let ids = receive(dir.path(), "PO-000009", "TOTE-NAT", &[6, 4]).unwrap();
        assert_eq!(ids, ["RCV-PO-000009-1", "RCV-PO-000009-2"]);
        let second =
            std::fs::read_to_string(dir.path().join("inbox/receipts-RCV-PO-000009-2.csv")).unwrap();
        assert_eq!(
            second,
            "receipt_id,po_number,sku,quantity,received_at\nRCV-PO-000009-2,PO-000009,TOTE-NAT,4,2026-11-25\n"
        );
    }
}
