//! RMAs made from a shop's returns (migration 0018, docs/returns.md "From the shop"): which
//! return each is, its return lines, and whether the shop was told how it ended.

use rusqlite::{Connection, params};

use super::OptionalRow;
use super::returns::{HEAD, ReturnHead, head_of};
use crate::model::now;
use crate::model::shop_returns::ShopLine;

/// The RMA made from the shop's return `shop_return_id`, if oms made one.
pub fn find(
    conn: &Connection,
    channel: &str,
    shop_return_id: &str,
) -> rusqlite::Result<Option<ReturnHead>> {
    conn.prepare_cached(&format!(
        "{HEAD} WHERE sales_channel = ?1 AND shop_return_id = ?2"
    ))?
    .query_row(params![channel, shop_return_id], head_of)
    .optional()
}

/// Ties RMA `id` to the shop's return and its lines.
pub fn link(
    conn: &Connection,
    id: i64,
    channel: &str,
    shop_return_id: &str,
    lines: &[ShopLine],
) -> rusqlite::Result<()> {
    let lines = serde_json::to_string(lines).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "UPDATE returns SET sales_channel = ?2, shop_return_id = ?3, shop_lines = ?4 WHERE id = ?1",
    )?
    .execute(params![id, channel, shop_return_id, lines])?;
    Ok(())
}

/// An RMA from the shop that ended and whose end the shop was not told yet.
pub struct Unreported {
    pub head: ReturnHead,
    pub shop_return_id: String,
    pub lines: Vec<ShopLine>,
}

/// The channel's RMAs that are no longer open and not yet reported, oldest first.
pub fn unreported(conn: &Connection, channel: &str) -> rusqlite::Result<Vec<Unreported>> {
    let columns = HEAD.replacen(
        " FROM returns",
        ", shop_return_id, shop_lines FROM returns",
        1,
    );
    conn.prepare_cached(&format!(
        "{columns} WHERE sales_channel = ?1 AND shop_return_id IS NOT NULL
           AND shop_reported_at IS NULL AND status != 'open' ORDER BY id"
    ))?
    .query_map([channel], |r| {
        let lines: Option<String> = r.get(12)?;
        Ok(Unreported {
            head: head_of(r)?,
            shop_return_id: r.get(11)?,
            lines: lines
                .and_then(|l| serde_json::from_str(&l).ok())
                .unwrap_or_default(),
        })
    })?
    .collect()
}

/// The shop knows how RMA `id` ended (or needs no word of it: it ended the return itself).
pub fn mark_reported(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE returns SET shop_reported_at = ?2 WHERE id = ?1")?
        .execute(params![id, now()])?;
    Ok(())
}
