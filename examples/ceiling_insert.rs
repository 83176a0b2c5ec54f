//! The import ceiling for bench/run.sh: the same orders CSV inserted into the same schema
//! (a database oms created, catalog loaded) with prepared statements in batched
//! transactions, and nothing else — no validation, rules, rejections or run journal. What
//! `oms orders import` costs above this is product logic.
//!
//!     ceiling_insert DB ORDERS.CSV CHANNEL

use std::collections::HashMap;

use rusqlite::{Connection, params};

/// Orders per transaction and page cache, as the product's import
/// (src/ops/orders_import/batch.rs, store::processing::widen_cache).
const BATCH: usize = 50_000;
const CACHE_KIB: i64 = 32_768;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, file, channel] = args.as_slice() else {
        eprintln!("usage: ceiling_insert DB ORDERS.CSV CHANNEL");
        std::process::exit(2);
    };
    let mut conn = Connection::open(db)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    let variants: HashMap<String, i64> = conn
        .prepare("SELECT sku_key, id FROM variants")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let now = "2026-01-01T00:00:00Z";
    let mut csv = csv::Reader::from_path(file)?;
    let mut rows = csv.records().peekable();
    let (mut orders, mut lines) = (0u64, 0u64);
    while rows.peek().is_some() {
        let tx = conn.transaction()?;
        {
            let mut order = tx.prepare_cached(
                "INSERT INTO orders (channel, external_id, name, status, ordered_at, email, ship_name,
                   ship_address1, ship_city, ship_zip, ship_country, shipping_method, currency,
                   created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'approved', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
            )?;
            // The per-status counters oms keeps beside each new order (migration 0017).
            let mut count = tx.prepare_cached(
                "INSERT INTO order_status_counts (status, orders) VALUES ('approved', 1)
                 ON CONFLICT (status) DO UPDATE SET orders = orders + 1",
            )?;
            let mut line = tx.prepare_cached(
                "INSERT INTO order_lines (order_id, line_no, variant_id, channel_sku, quantity, price_cents)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let (mut in_batch, mut current, mut line_no) = (0, 0i64, 0i64);
            while let Some(row) = rows.peek() {
                let r = row.as_ref().map_err(|e| e.to_string())?;
                let head = !r[1].is_empty();
                if head && in_batch == BATCH {
                    break;
                }
                let r = rows.next().ok_or("csv ended")??;
                if head {
                    order.execute(params![
                        channel, &r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6], &r[7], &r[8],
                        &r[9], &r[10], now
                    ])?;
                    current = tx.last_insert_rowid();
                    count.execute([])?;
                    line_no = 0;
                    in_batch += 1;
                    orders += 1;
                }
                line_no += 1;
                let Some(&variant) = variants.get(&r[11].trim().to_lowercase()) else {
                    continue;
                };
                let quantity: i64 = r[12].parse()?;
                let price: f64 = r[13].parse()?;
                line.execute(params![
                    current,
                    line_no,
                    variant,
                    &r[11],
                    quantity,
                    (price * 100.0).round() as i64
                ])?;
                lines += 1;
            }
        }
        tx.commit()?;
    }
    println!("{orders} {lines}");
    Ok(())
}
