//! The allocation ceiling for bench/run.sh: the approved orders of a database oms created
//! allocated greedily over the same stock with plain SQL in batched transactions — one
//! `ready_to_send` shipment from the first warehouse (by priority) that holds every line,
//! its shipment lines, the stock level raised and an allocation ledger row per line, the
//! order's status; else the order is flagged backordered. No splits search, rules, story
//! or outbox files: what `oms orders process` costs above this is product logic.
//!
//!     ceiling_allocate DB WAREHOUSE:CHANNEL...   (warehouses in priority order)

use std::collections::HashMap;

use rusqlite::{Connection, params};

/// Orders per transaction, as `orders process` batches.
const BATCH: usize = 5_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((db, warehouses)) = args.split_first().filter(|(_, w)| !w.is_empty()) else {
        eprintln!("usage: ceiling_allocate DB WAREHOUSE:CHANNEL...");
        std::process::exit(2);
    };
    let warehouses: Vec<(&str, &str)> = warehouses
        .iter()
        .map(|w| w.split_once(':').ok_or("WAREHOUSE:CHANNEL"))
        .collect::<Result<_, _>>()?;
    let mut conn = Connection::open(db)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let mut available: HashMap<(usize, i64), i64> = HashMap::new();
    for row in conn
        .prepare("SELECT warehouse, variant_id, on_hand - allocated FROM stock_levels")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?
    {
        let (w, v, a): (String, i64, i64) = row?;
        if let Some(ix) = warehouses.iter().position(|(c, _)| *c == w) {
            available.insert((ix, v), a);
        }
    }
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM orders WHERE status = 'approved' AND backordered = 0 ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let now = "2026-01-01T00:00:00Z";
    let (mut shipped, mut backordered) = (0u64, 0u64);
    for chunk in ids.chunks(BATCH) {
        let tx = conn.transaction()?;
        {
            let mut lines = tx.prepare_cached(
                "SELECT id, variant_id, quantity FROM order_lines WHERE order_id = ?1",
            )?;
            let mut shipment = tx.prepare_cached(
                "INSERT INTO shipments (order_id, reference, warehouse, fulfillment_channel, status,
                   created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'ready_to_send', ?5, ?5)",
            )?;
            let mut shipment_line = tx.prepare_cached(
                "INSERT INTO shipment_lines (shipment_id, order_line_id, variant_id, quantity)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut level = tx.prepare_cached(
                "UPDATE stock_levels SET allocated = allocated + ?3, updated_at = ?4
                 WHERE warehouse = ?1 AND variant_id = ?2",
            )?;
            let mut ledger = tx.prepare_cached(
                "INSERT INTO stock_ledger (at, warehouse, variant_id, d_allocated, reason, ref_kind, ref_id)
                 VALUES (?1, ?2, ?3, ?4, 'allocation', 'shipment', ?5)",
            )?;
            let mut status = tx.prepare_cached(
                "UPDATE orders SET status = ?2, backordered = ?3, updated_at = ?4 WHERE id = ?1",
            )?;
            for &id in chunk {
                let order: Vec<(i64, i64, i64)> = lines
                    .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<Result<_, _>>()?;
                let fits = |w: usize| {
                    order
                        .iter()
                        .all(|&(_, v, q)| available.get(&(w, v)).is_some_and(|&a| a >= q))
                };
                let Some(w) = (0..warehouses.len()).find(|&w| fits(w)) else {
                    status.execute(params![id, "approved", 1, now])?;
                    backordered += 1;
                    continue;
                };
                let (code, channel) = warehouses[w];
                let reference = format!("C{id}-1");
                shipment.execute(params![id, reference, code, channel, now])?;
                let shipment_id = tx.last_insert_rowid();
                for &(line_id, v, q) in &order {
                    shipment_line.execute(params![shipment_id, line_id, v, q])?;
                    level.execute(params![code, v, q, now])?;
                    ledger.execute(params![now, code, v, q, reference])?;
                    if let Some(a) = available.get_mut(&(w, v)) {
                        *a -= q;
                    }
                }
                status.execute(params![id, "fulfilling", 0, now])?;
                shipped += 1;
            }
        }
        tx.commit()?;
    }
    println!("{shipped} {backordered}");
    Ok(())
}
