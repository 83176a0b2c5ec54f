//! Outbound batches (docs/files-connector.md "Batches are decided before they are sent"):
//! the one mechanism every flow that writes a file or makes a create call uses.
//!
//! A batch is claimed in the same transaction that decides its members: its kind, channel,
//! name (file name or idempotency key), exact members and exact payload are committed
//! before anything leaves oms. Sending uses only what the row holds, so a resend after a
//! crash sends the same name, members and bytes; work that appears in between goes into a
//! new batch. The flow marks the batch sent in the transaction that records the answer.
//!
//! For an API connector the shape is the same: claim (the name is the idempotency key),
//! commit, call with that key, then [`mark_sent`] with the answer's effects.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::now;

/// What a batch carries; also the flow name a resend is offered to.
pub const SHIPMENTS: &str = "shipments";
pub const CANCELLATIONS: &str = "cancellations";
pub const ORDER_UPDATES: &str = "order-updates";
pub const STOCK: &str = "stock";
pub const PURCHASE_ORDER: &str = "po";
/// A whole catalog pushed to a channel; the kind is suffixed with the channel's role
/// (`products-sales`), since a sales and a fulfillment channel may share a code.
pub const PRODUCTS: &str = "products";

/// A claimed batch, as recorded.
#[derive(Debug, Clone)]
pub struct Batch<T> {
    pub id: i64,
    pub name: String,
    /// `(member id, reference)` in the order they were claimed.
    pub members: Vec<(Option<i64>, String)>,
    pub payload: T,
}

/// Records a batch of `members` and what will be sent for them. Call inside the transaction
/// that claims the members. `base_name` is the preferred name; if the channel already had
/// a batch of that name (the same first and last reference, other members), the batch id
/// is appended so no file is ever overwritten by different content.
pub fn claim<T: Serialize>(
    conn: &Connection,
    kind: &str,
    channel: &str,
    base_name: &str,
    members: &[(Option<i64>, String)],
    payload: T,
) -> anyhow::Result<Batch<T>> {
    let json = serde_json::to_string(&payload)?;
    let at = now();
    let taken: bool = conn
        .prepare_cached("SELECT 1 FROM outbound_batches WHERE channel = ?1 AND name = ?2")?
        .query_row(params![channel, base_name], |_| Ok(()))
        .optional()?
        .is_some();
    conn.prepare_cached(
        "INSERT INTO outbound_batches (kind, channel, name, payload, created_at)
         VALUES (?1, ?2, ?3 || CASE WHEN ?5 THEN '-' || (SELECT COALESCE(MAX(id), 0) + 1 FROM outbound_batches) ELSE '' END, ?4, ?6)",
    )?
    .execute(params![kind, channel, base_name, json, taken, at])?;
    let id = conn.last_insert_rowid();
    let name: String = conn
        .prepare_cached("SELECT name FROM outbound_batches WHERE id = ?1")?
        .query_row(params![id], |r| r.get(0))?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO outbound_members (batch_id, position, member_id, reference) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, (member_id, reference)) in members.iter().enumerate() {
        insert.execute(params![id, position as i64, member_id, reference])?;
    }
    Ok(Batch {
        id,
        name,
        members: members.to_vec(),
        payload,
    })
}

/// Batches of `kind` for `channel` that were claimed and not yet marked sent, oldest
/// first: a crash left them between decision and confirmation, so they go out again first.
pub fn unsent<T: DeserializeOwned>(
    conn: &Connection,
    kind: &str,
    channel: &str,
) -> anyhow::Result<Vec<Batch<T>>> {
    let rows: Vec<(i64, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, name, payload FROM outbound_batches
             WHERE channel = ?1 AND kind = ?2 AND sent_at IS NULL ORDER BY id",
        )?
        .query_map(params![channel, kind], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut members = conn.prepare_cached(
        "SELECT member_id, reference FROM outbound_members WHERE batch_id = ?1 ORDER BY position",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, name, payload) in rows {
        let payload = payload
            .ok_or_else(|| anyhow::anyhow!("outbound batch {id} `{name}` has no payload"))?;
        let payload = serde_json::from_str(&payload)
            .map_err(|e| anyhow::anyhow!("outbound batch {id} `{name}`: stored payload: {e}"))?;
        let list = members
            .query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        out.push(Batch {
            id,
            name,
            members: list,
            payload,
        });
    }
    Ok(out)
}

/// The batch reached the other side (its answer is recorded in the same transaction).
/// The payload is dropped: it was only kept to resend the exact bytes.
pub fn mark_sent(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE outbound_batches SET sent_at = ?2, payload = NULL WHERE id = ?1 AND sent_at IS NULL",
    )?
    .execute(params![id, now()])?;
    Ok(())
}

/// The batch holding `reference` that was claimed and not yet marked sent, if any: it goes
/// out again exactly as decided, so what it holds may already be at the channel.
pub fn unsent_batch_of(conn: &Connection, reference: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT b.name FROM outbound_members m JOIN outbound_batches b ON b.id = m.batch_id
         WHERE m.reference = ?1 AND b.sent_at IS NULL ORDER BY b.id LIMIT 1",
    )?
    .query_row(params![reference], |r| r.get(0))
    .optional()
}

/// Every batch `reference` was sent in, by name, oldest first (for audits and tests).
pub fn batches_of(conn: &Connection, reference: &str) -> rusqlite::Result<Vec<String>> {
    conn.prepare_cached(
        "SELECT b.name FROM outbound_members m JOIN outbound_batches b ON b.id = m.batch_id
         WHERE m.reference = ?1 ORDER BY b.id",
    )?
    .query_map(params![reference], |r| r.get(0))?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> crate::store::Store {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.keep().join("t.db");
        crate::store::Store::open(&path).expect("open")
    }

    #[test]
    fn a_claimed_batch_is_offered_again_until_sent_with_the_same_name_and_payload() {
        let s = store();
        let members = vec![(Some(1), "S1".to_string()), (Some(2), "S2".to_string())];
        let b = claim(
            &s.conn,
            SHIPMENTS,
            "east",
            "shipments-S1-S2",
            &members,
            vec![1, 2],
        )
        .expect("claim");
        assert_eq!(b.name, "shipments-S1-S2");
        let again: Vec<Batch<Vec<i32>>> = unsent(&s.conn, SHIPMENTS, "east").expect("unsent");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].name, b.name);
        assert_eq!(again[0].members, members);
        assert_eq!(again[0].payload, vec![1, 2]);
        mark_sent(&s.conn, b.id).expect("sent");
        let none: Vec<Batch<Vec<i32>>> = unsent(&s.conn, SHIPMENTS, "east").expect("unsent");
        assert!(none.is_empty());
    }

    #[test]
    fn a_name_already_used_on_the_channel_gets_the_batch_id() {
        let s = store();
        let m = vec![(None, "S1".to_string())];
        claim(&s.conn, SHIPMENTS, "east", "shipments-S1", &m, ()).expect("first");
        let second = claim(&s.conn, SHIPMENTS, "east", "shipments-S1", &m, ()).expect("second");
        assert_eq!(second.name, "shipments-S1-2");
        let other = claim(&s.conn, SHIPMENTS, "west", "shipments-S1", &m, ()).expect("other");
        assert_eq!(other.name, "shipments-S1");
        assert_eq!(
            batches_of(&s.conn, "S1").expect("of"),
            ["shipments-S1", "shipments-S1-2", "shipments-S1"]
        );
    }
}
