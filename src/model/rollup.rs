//! An order's status follows from its shipments (SPEC §3). This is the one place that
//! says how, so processing, shipment sync and cancellation cannot disagree.

use super::OrderStatus;

/// The facts about an order's shipments and lines that decide its status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rollup {
    /// Shipments not yet final: ready to send, sent, or waiting for a cancellation answer.
    pub open_shipments: usize,
    /// Shipments that left the warehouse (shipped or short shipped).
    pub shipped_shipments: usize,
    /// Every line has all its units shipped.
    pub fully_shipped: bool,
    /// Some units still wait for stock (the backorder flag).
    pub backordered: bool,
}

/// The status an order should have now. Final statuses never change; `cancel_requested`
/// holds until every shipment has answered.
pub fn order_status(current: OrderStatus, r: &Rollup) -> OrderStatus {
    use OrderStatus::*;
    if current.is_final() || current == Draft {
        return current;
    }
    let cancelling = current == CancelRequested;
    let shipped_some = r.shipped_shipments > 0;
    if r.open_shipments > 0 {
        return match (cancelling, shipped_some) {
            (true, _) => CancelRequested,
            (false, true) => PartiallyFulfilled,
            (false, false) => Fulfilling,
        };
    }
    if r.fully_shipped {
        return Shipped;
    }
    match (cancelling, r.backordered, shipped_some) {
        (true, _, true) => ShortShipped,
        (true, _, false) => Cancelled,
        // Waiting for stock for the rest: still open.
        (false, true, true) => PartiallyFulfilled,
        (false, true, false) => Approved,
        // The warehouse shipped less than asked and nothing else is coming: closed short.
        (false, false, true) => ShortShipped,
        // Every shipment was cancelled by the warehouse: back in line to be processed again.
        (false, false, false) => Approved,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    fn r(open: usize, shipped: usize, full: bool, backordered: bool) -> Rollup {
        Rollup {
            open_shipments: open,
            shipped_shipments: shipped,
            fully_shipped: full,
            backordered,
        }
    }

    #[test]
    fn shipments_drive_the_order() {
        assert_eq!(order_status(Approved, &r(2, 0, false, false)), Fulfilling);
        assert_eq!(
            order_status(Fulfilling, &r(1, 1, false, false)),
            PartiallyFulfilled
        );
        assert_eq!(
            order_status(PartiallyFulfilled, &r(0, 2, true, false)),
            Shipped
        );
        assert_eq!(
            order_status(Fulfilling, &r(0, 1, false, false)),
            ShortShipped
        );
        assert_eq!(
            order_status(Fulfilling, &r(0, 1, false, true)),
            PartiallyFulfilled
        );
        assert_eq!(order_status(Fulfilling, &r(0, 0, false, false)), Approved);
    }

    #[test]
    fn cancellation_waits_for_every_shipment() {
        assert_eq!(
            order_status(CancelRequested, &r(1, 0, false, false)),
            CancelRequested
        );
        assert_eq!(
            order_status(CancelRequested, &r(0, 0, false, false)),
            Cancelled
        );
        assert_eq!(
            order_status(CancelRequested, &r(0, 1, false, false)),
            ShortShipped
        );
        assert_eq!(
            order_status(CancelRequested, &r(0, 1, true, false)),
            Shipped
        );
    }

    #[test]
    fn final_and_draft_orders_stay() {
        for s in [Shipped, ShortShipped, Cancelled, Draft] {
            assert_eq!(order_status(s, &r(0, 0, false, false)), s);
        }
    }
}
