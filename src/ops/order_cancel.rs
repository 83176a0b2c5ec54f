//! Cancelling an order (SPEC §3, §4.1.1), for `oms orders cancel` and for upstream
//! cancellations seen by `oms orders import`.
//!
//! What happens depends on how far the order got:
//! - no open shipments: the order is cancelled at once and its backorder flag cleared;
//! - shipments `ready_to_send` never reached a warehouse: they are cancelled here and
//!   their allocation released;
//! - shipments `sent_to_warehouse` must be cancelled by the warehouse: they become
//!   `cancel_requested` (recorded now, delivered by `oms shipments send`), and the order
//!   waits in `cancel_requested` until every one has answered (model::rollup decides).
//!
//! Final orders (shipped, short shipped, cancelled) cannot be cancelled.

use rusqlite::Connection;

use super::order_status;
use crate::model::{OrderStatus, ShipmentStatus, StockReason};
use crate::store::stock::{self, Movement, Reference};
use crate::store::{orders, shipments};

/// An order that cannot be cancelled any more.
#[derive(Debug, thiserror::Error)]
#[error("order {id} is {status} and cannot be cancelled")]
pub struct NotCancellable {
    pub id: i64,
    pub status: OrderStatus,
}

/// What a cancellation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancellation {
    pub from: OrderStatus,
    /// `cancelled`, or `cancel_requested` while a warehouse still has to answer
    /// (or `short_shipped` when part of the order had already shipped).
    pub to: OrderStatus,
    /// Shipments cancelled here (they had not been sent).
    pub shipments_cancelled: usize,
    /// Shipments whose cancellation now waits to be sent to their warehouse.
    pub cancel_requested: usize,
    /// (warehouse, variant id) pairs whose allocation was released, so available rose:
    /// the place to retry backorders from.
    pub released: Vec<(String, i64)>,
}

impl Cancellation {
    /// Whether anything changed (cancelling a `cancel_requested` order again does not).
    pub fn changed(&self) -> bool {
        self.from != self.to || self.shipments_cancelled > 0 || self.cancel_requested > 0
    }
}

/// Cancels order `id` in the caller's transaction. `Ok(Err(_))` when the order is final;
/// `Err` for a missing order or a database failure.
pub fn cancel(
    conn: &Connection,
    id: i64,
    cause: &str,
    run_id: Option<i64>,
    note: Option<&str>,
) -> anyhow::Result<Result<Cancellation, NotCancellable>> {
    let from =
        orders::status_of(conn, id)?.ok_or_else(|| anyhow::anyhow!("order {id} does not exist"))?;
    if from.is_final() {
        return Ok(Err(NotCancellable { id, status: from }));
    }
    let mut done = Cancellation {
        from,
        to: from,
        shipments_cancelled: 0,
        cancel_requested: 0,
        released: Vec::new(),
    };
    if from == OrderStatus::OnHold {
        // A held order has no shipments; its units are held on the stock source.
        super::holds::release_units(conn, id, "order cancelled", run_id)?;
    }
    let (mut waiting, mut shipped_any) = (false, false);
    for s in shipments::of_order(conn, id)? {
        let status: ShipmentStatus = s.status.parse().map_err(anyhow::Error::msg)?;
        match status {
            ShipmentStatus::ReadyToSend => {
                let reference = Reference {
                    kind: Some("shipment"),
                    id: Some(&s.reference),
                    run_id,
                    note: Some("order cancelled"),
                };
                for line in shipments::lines(conn, s.id)? {
                    stock::apply(
                        conn,
                        &Movement {
                            warehouse: &s.warehouse,
                            variant_id: line.variant_id,
                            on_hand: 0,
                            allocated: -line.quantity,
                            incoming: 0,
                            reason: StockReason::Release,
                            reference,
                        },
                    )?;
                    let pair = (s.warehouse.clone(), line.variant_id);
                    if !done.released.contains(&pair) {
                        done.released.push(pair);
                    }
                }
                shipments::set_status(conn, s.id, status, ShipmentStatus::Cancelled, cause, note)?;
                done.shipments_cancelled += 1;
            }
            ShipmentStatus::SentToWarehouse => {
                shipments::set_status(
                    conn,
                    s.id,
                    status,
                    ShipmentStatus::CancelRequested,
                    cause,
                    note,
                )?;
                done.cancel_requested += 1;
                waiting = true;
            }
            ShipmentStatus::CancelRequested => waiting = true,
            ShipmentStatus::ShortShipped if s.rest_open => {
                // The rest of a short shipment is not waited for any more.
                let (_, released) = super::shipments_close::close_rest(conn, &s, cause, run_id)?;
                for pair in released {
                    if !done.released.contains(&pair) {
                        done.released.push(pair);
                    }
                }
                shipped_any = true;
            }
            ShipmentStatus::Shipped | ShipmentStatus::ShortShipped => shipped_any = true,
            ShipmentStatus::Cancelled => {}
        }
    }
    orders::set_backordered(conn, id, None)?;
    if waiting || from == OrderStatus::CancelRequested {
        // A warehouse still has to answer: the rollup keeps the order waiting until then.
        orders::set_status(conn, id, from, OrderStatus::CancelRequested, cause, note)?;
        done.to = order_status::refresh(conn, id, cause)?;
    } else {
        // Nothing is out at any warehouse any more: cancelled outright, unless shipments
        // that left earlier make it an order closed short (as the rollup would say).
        let to = if shipped_any {
            OrderStatus::ShortShipped
        } else {
            OrderStatus::Cancelled
        };
        orders::set_status(conn, id, from, to, cause, note)?;
        done.to = to;
    }
    if done.changed() {
        orders::mark_export_pending(conn, id)?;
    }
    Ok(Ok(done))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::orders::{NewLine, NewOrder};
    use crate::store::shipments::{NewShipment, NewShipmentLine};

    struct Fixture {
        _dir: tempfile::TempDir,
        store: Store,
        variant: i64,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        let c = &store.conn;
        c.execute_batch(
            "INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (1, 'tee', 'Tee', 'x', 'x');
             INSERT INTO variants (id, product_id, sku, sku_key, created_at, updated_at)
                VALUES (7, 1, 'TEE', 'tee', 'x', 'x');",
        )
        .unwrap();
        Fixture {
            _dir: dir,
            store,
            variant: 7,
        }
    }

    fn order(c: &Connection, variant: i64, status: OrderStatus) -> i64 {
        let o = NewOrder {
            channel: "web".into(),
            external_id: format!("{status}-{}", order_count(c)),
            lines: vec![NewLine {
                variant_id: variant,
                channel_sku: "TEE".into(),
                quantity: 2,
                ..Default::default()
            }],
            ..Default::default()
        };
        orders::insert(c, &o, status, "test").unwrap()
    }

    fn order_count(c: &Connection) -> i64 {
        c.query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
            .unwrap()
    }

    /// A shipment of the order's one line, allocated, in `status`.
    fn shipment(c: &Connection, order_id: i64, variant: i64, status: ShipmentStatus) -> i64 {
        let line_id: i64 = c
            .query_row(
                "SELECT id FROM order_lines WHERE order_id = ?1",
                [order_id],
                |r| r.get(0),
            )
            .unwrap();
        let (id, reference) = shipments::create(
            c,
            &NewShipment {
                order_id,
                warehouse: "east",
                fulfillment_channel: "east-3pl",
                carrier_service: None,
                lines: vec![NewShipmentLine {
                    order_line_id: line_id,
                    variant_id: variant,
                    quantity: 2,
                }],
            },
            "test",
        )
        .unwrap();
        stock::apply(
            c,
            &Movement {
                warehouse: "east",
                variant_id: variant,
                on_hand: 0,
                allocated: 2,
                incoming: 0,
                reason: StockReason::Allocation,
                reference: Reference {
                    kind: Some("shipment"),
                    id: Some(&reference),
                    ..Default::default()
                },
            },
        )
        .unwrap();
        if status != ShipmentStatus::ReadyToSend {
            shipments::set_status(c, id, ShipmentStatus::ReadyToSend, status, "test", None)
                .unwrap();
        }
        id
    }

    #[test]
    fn unprocessed_orders_are_cancelled_outright() {
        let f = fixture();
        let c = &f.store.conn;
        let id = order(c, f.variant, OrderStatus::Approved);
        orders::set_backordered(c, id, Some("not enough stock")).unwrap();
        let done = cancel(c, id, "me", None, None).unwrap().unwrap();
        assert_eq!(
            (done.from, done.to, done.released.len()),
            (OrderStatus::Approved, OrderStatus::Cancelled, 0)
        );
        let backordered: bool = c
            .query_row("SELECT backordered FROM orders WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(!backordered);
        let refused = cancel(c, id, "me", None, None).unwrap().unwrap_err();
        assert_eq!(refused.status, OrderStatus::Cancelled);
        assert_eq!(
            refused.to_string(),
            format!("order {id} is cancelled and cannot be cancelled")
        );
    }

    #[test]
    fn unsent_shipments_release_and_sent_ones_wait() {
        let f = fixture();
        let c = &f.store.conn;
        let id = order(c, f.variant, OrderStatus::Approved);
        shipment(c, id, f.variant, ShipmentStatus::ReadyToSend);
        let sent = shipment(c, id, f.variant, ShipmentStatus::SentToWarehouse);
        orders::set_status(
            c,
            id,
            OrderStatus::Approved,
            OrderStatus::Fulfilling,
            "t",
            None,
        )
        .unwrap();
        let done = cancel(c, id, "me", None, None).unwrap().unwrap();
        assert_eq!(done.to, OrderStatus::CancelRequested);
        assert_eq!((done.shipments_cancelled, done.cancel_requested), (1, 1));
        assert_eq!(done.released, vec![("east".to_string(), f.variant)]);
        assert_eq!(stock::level(c, "east", f.variant).unwrap().allocated, 2);
        let s = shipments::by_id(c, sent).unwrap().unwrap();
        assert_eq!(s.status, "cancel_requested");
        assert!(stock::verify(c).unwrap().is_empty());

        let again = cancel(c, id, "me", None, None).unwrap().unwrap();
        assert!(!again.changed(), "{again:?}");
    }

    #[test]
    fn only_unsent_shipments_means_cancelled() {
        let f = fixture();
        let c = &f.store.conn;
        let id = order(c, f.variant, OrderStatus::Approved);
        shipment(c, id, f.variant, ShipmentStatus::ReadyToSend);
        orders::set_status(
            c,
            id,
            OrderStatus::Approved,
            OrderStatus::Fulfilling,
            "t",
            None,
        )
        .unwrap();
        let done = cancel(c, id, "me", Some(3), None).unwrap().unwrap();
        assert_eq!(done.to, OrderStatus::Cancelled);
        assert_eq!(stock::level(c, "east", f.variant).unwrap().allocated, 0);
        let pending: bool = c
            .query_row(
                "SELECT export_pending FROM orders WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(pending, "the shop hears about it");
        let story = crate::store::history::of(c, "order", id).unwrap();
        let last = story.last().unwrap();
        assert_eq!(
            (last.from.as_deref(), last.to.as_str()),
            (Some("fulfilling"), "cancelled"),
            "no detour through cancel_requested when nothing waits"
        );
    }

    #[test]
    fn cancelling_the_rest_of_a_partly_shipped_order_closes_it_short() {
        let f = fixture();
        let c = &f.store.conn;
        let id = order(c, f.variant, OrderStatus::Approved);
        shipment(c, id, f.variant, ShipmentStatus::ReadyToSend);
        let left = shipment(c, id, f.variant, ShipmentStatus::ReadyToSend);
        shipments::set_status(
            c,
            left,
            ShipmentStatus::ReadyToSend,
            ShipmentStatus::Shipped,
            "t",
            None,
        )
        .unwrap();
        orders::set_status(
            c,
            id,
            OrderStatus::Approved,
            OrderStatus::PartiallyFulfilled,
            "t",
            None,
        )
        .unwrap();
        let done = cancel(c, id, "me", None, None).unwrap().unwrap();
        assert_eq!(
            (done.to, done.shipments_cancelled),
            (OrderStatus::ShortShipped, 1)
        );
    }
}
