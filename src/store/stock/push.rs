//! What `oms stock push` reads and remembers: every catalog SKU with the available
//! quantity of a stock source, and the quantity last published to each sales channel.

use rusqlite::{Connection, params};

use crate::model::now;

/// One catalog variant as a stock push sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushRow {
    pub variant_id: i64,
    pub sku: String,
    pub sku_key: String,
    /// Sum of on hand − allocated − held over the source's warehouses (may be negative).
    pub available: i64,
    /// What the last successful push to this channel published, if any.
    pub previous: Option<i64>,
}

/// Every variant, in SKU order, with its available quantity summed over `warehouses`
/// and the channel's last pushed quantity. One query for the whole catalog: a push
/// over 100,000 SKUs must not ask per SKU.
pub fn push_rows(
    conn: &Connection,
    channel: &str,
    warehouses: &[String],
) -> rusqlite::Result<Vec<PushRow>> {
    let list = serde_json::to_string(warehouses).unwrap_or_else(|_| "[]".into());
    let mut stmt = conn.prepare_cached(
        "WITH available(variant_id, quantity) AS (
             SELECT variant_id, SUM(on_hand - allocated - held) FROM stock_levels
             WHERE warehouse IN (SELECT value FROM json_each(?2))
             GROUP BY variant_id
         )
         SELECT v.id, v.sku, v.sku_key, COALESCE(a.quantity, 0), p.quantity
         FROM variants v
         LEFT JOIN available a ON a.variant_id = v.id
         LEFT JOIN stock_pushes p ON p.channel = ?1 AND p.variant_id = v.id
         ORDER BY v.sku_key",
    )?;
    stmt.query_map(params![channel, list], |r| {
        Ok(PushRow {
            variant_id: r.get(0)?,
            sku: r.get(1)?,
            sku_key: r.get(2)?,
            available: r.get(3)?,
            previous: r.get(4)?,
        })
    })?
    .collect()
}

/// Remembers what a channel accepted, as `(variant_id, quantity)` pairs, in the caller's
/// transaction.
pub fn record_pushed(
    conn: &Connection,
    channel: &str,
    pushed: &[(i64, i64)],
) -> rusqlite::Result<()> {
    let at = now();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO stock_pushes (channel, variant_id, quantity, pushed_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (channel, variant_id) DO UPDATE SET
            quantity = excluded.quantity, pushed_at = excluded.pushed_at",
    )?;
    for (variant_id, quantity) in pushed {
        stmt.execute(params![channel, variant_id, quantity, at])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StockReason;
    use crate::store::Store;
    use crate::store::stock::{Movement, Reference, apply};

    #[test]
    fn sums_members_and_remembers_per_channel() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let c = &store.conn;
        c.execute_batch(
            "INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (1, 'p', 'P', 't', 't');
             INSERT INTO variants (id, product_id, sku, sku_key, created_at, updated_at) VALUES
                (1, 1, 'B-2', 'b-2', 't', 't'), (2, 1, 'a-1', 'a-1', 't', 't');",
        )
        .unwrap();
        for (wh, on_hand, allocated) in [("east", 5, 2), ("west", 4, 0), ("north", 100, 0)] {
            let m = Movement {
                warehouse: wh,
                variant_id: 1,
                on_hand,
                allocated,
                incoming: 0,
                reason: StockReason::StockSync,
                reference: Reference::default(),
            };
            apply(c, &m).unwrap();
        }
        let members = ["east".to_string(), "west".to_string()];
        let rows = push_rows(c, "web", &members).unwrap();
        let seen: Vec<(&str, i64, Option<i64>)> = rows
            .iter()
            .map(|r| (r.sku.as_str(), r.available, r.previous))
            .collect();
        assert_eq!(seen, [("a-1", 0, None), ("B-2", 7, None)]);

        record_pushed(c, "web", &[(1, 7)]).unwrap();
        record_pushed(c, "web", &[(1, 6), (2, 0)]).unwrap();
        let rows = push_rows(c, "web", &members).unwrap();
        assert_eq!((rows[0].previous, rows[1].previous), (Some(0), Some(6)));
        assert!(
            push_rows(c, "other", &members).unwrap()[1]
                .previous
                .is_none()
        );
    }
}
