//! `oms demo`: a self-contained workspace on the `files` connectors, and a stand-in for
//! the warehouses' side of the exchange, so one command shows the whole cycle working.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::connectors::files::fs;
use crate::formats::CsvTable;

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
    pub catalog: PathBuf,
    pub stock: PathBuf,
}

/// Writes the demo workspace into `dir` (which must be empty or not exist yet).
pub fn create(dir: &Path) -> anyhow::Result<Workspace> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
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
    for file in fs::inbox_files(&outbox, &["shipments"], &["csv"])? {
        let name = file.display().to_string();
        let mut table = CsvTable::open(&name, Box::new(std::fs::File::open(&file)?))?;
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
