//! Ids other systems gave to our things (table `channel_refs`): a Shopify inventory item
//! per SKU, the Shopify fulfillments made for an order. Connectors never touch the
//! database, so a flow reads these before calling a connector and writes back what the
//! connector answered; a lost or stale id only costs the connector a lookup.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::model::now;

/// A Shopify inventory item id, keyed by the channel SKU's `sku_key`.
pub const INVENTORY_ITEM: &str = "inventory_item";
/// The Shopify fulfillment ids made for an order, keyed by our order id.
pub const FULFILLMENT: &str = "fulfillment";
/// A ShipBob WRO oms acknowledged as fully accounted for, keyed by PO number: it is not
/// read again.
pub const WRO_SETTLED: &str = "wro_settled";

/// Every id of one kind the channel gave, by local key.
pub fn all(
    conn: &Connection,
    channel: &str,
    kind: &str,
) -> rusqlite::Result<HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT local_key, remote_id FROM channel_refs WHERE channel = ?1 AND kind = ?2",
    )?;
    stmt.query_map(params![channel, kind], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

/// Remembers (or replaces) the id of one local key, in the caller's transaction.
pub fn set(
    conn: &Connection,
    channel: &str,
    kind: &str,
    local_key: &str,
    remote_id: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO channel_refs (channel, kind, local_key, remote_id, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (channel, kind, local_key)
         DO UPDATE SET remote_id = excluded.remote_id, updated_at = excluded.updated_at
         WHERE remote_id <> excluded.remote_id",
    )?
    .execute(params![channel, kind, local_key, remote_id, now()])?;
    Ok(())
}

/// Forgets the id of one local key (the channel no longer knows it).
pub fn forget(
    conn: &Connection,
    channel: &str,
    kind: &str,
    local_key: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "DELETE FROM channel_refs WHERE channel = ?1 AND kind = ?2 AND local_key = ?3",
    )?
    .execute(params![channel, kind, local_key])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn ids_are_kept_per_channel_and_kind_and_replaced_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let c = &store.conn;
        set(c, "shop", INVENTORY_ITEM, "tee-1", "111").unwrap();
        set(c, "shop", INVENTORY_ITEM, "mug-1", "222").unwrap();
        set(c, "other", INVENTORY_ITEM, "tee-1", "999").unwrap();
        set(c, "shop", FULFILLMENT, "7", "5000").unwrap();
        set(c, "shop", INVENTORY_ITEM, "tee-1", "112").unwrap();
        let items = all(c, "shop", INVENTORY_ITEM).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items["tee-1"], "112");
        assert_eq!(all(c, "shop", FULFILLMENT).unwrap()["7"], "5000");
        forget(c, "shop", INVENTORY_ITEM, "tee-1").unwrap();
        assert!(
            !all(c, "shop", INVENTORY_ITEM)
                .unwrap()
                .contains_key("tee-1")
        );
        assert_eq!(all(c, "other", INVENTORY_ITEM).unwrap()["tee-1"], "999");
    }
}
