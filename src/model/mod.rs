//! Domain types and rules with no I/O: SKU keys, money, statuses and their transitions.

pub mod catalog;
pub mod clock;
pub mod fingerprint;
pub mod hold;
pub mod money;
pub mod order;
pub mod purchase;
pub mod returns;
pub mod rollup;
pub mod rules;
pub mod shipment;
pub mod shop_returns;
pub mod status;
pub mod words;

pub use money::{NoTotal, format_cents, lines_total, parse_cents};
pub use status::{OrderStatus, PoStatus, ReceiptStatus, ReturnStatus, ShipmentStatus};

/// The key two SKUs are compared by (SPEC §1): surrounding whitespace trimmed, case ignored.
/// The catalog keeps the spelling it first saw; this key is what makes them equal.
pub fn sku_key(sku: &str) -> String {
    sku.trim().to_lowercase()
}

/// Why stock moved; stored in the ledger's `reason` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockReason {
    Allocation,
    Release,
    Shipped,
    PoApproved,
    Receipt,
    PoClosed,
    Adjustment(AdjustReason),
    StockSync,
    /// Units reserved on the stock source by an order put on hold.
    Hold,
    /// Held units given back: the hold ended (time, by hand) or the order was cancelled.
    HoldReleased,
    /// An RMA was opened: its units are `returning` to its warehouse.
    ReturnOpened,
    /// Returned units arrived and went back on hand.
    ReturnRestocked,
    /// Returned units arrived and were put in quarantine.
    ReturnQuarantined,
    /// Returned units arrived and were written off.
    ReturnDisposed,
    /// An RMA was closed or cancelled: what never arrived is no longer `returning`.
    ReturnClosed,
    /// Quarantined units released to on hand, or written off, by hand.
    QuarantineReleased,
    QuarantineDisposed,
}

/// The reasons a person may give for a manual adjustment (SPEC §4.2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum AdjustReason {
    Damaged,
    Expired,
    Lost,
    Found,
    Count,
    Other,
}

impl AdjustReason {
    pub fn as_str(self) -> &'static str {
        match self {
            AdjustReason::Damaged => "damaged",
            AdjustReason::Expired => "expired",
            AdjustReason::Lost => "lost",
            AdjustReason::Found => "found",
            AdjustReason::Count => "count",
            AdjustReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<AdjustReason> {
        [
            AdjustReason::Damaged,
            AdjustReason::Expired,
            AdjustReason::Lost,
            AdjustReason::Found,
            AdjustReason::Count,
            AdjustReason::Other,
        ]
        .into_iter()
        .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl StockReason {
    pub fn as_str(self) -> &'static str {
        match self {
            StockReason::Allocation => "allocation",
            StockReason::Release => "release",
            StockReason::Shipped => "shipped",
            StockReason::PoApproved => "po_approved",
            StockReason::Receipt => "receipt",
            StockReason::PoClosed => "po_closed",
            StockReason::Adjustment(r) => match r {
                AdjustReason::Damaged => "adjust:damaged",
                AdjustReason::Expired => "adjust:expired",
                AdjustReason::Lost => "adjust:lost",
                AdjustReason::Found => "adjust:found",
                AdjustReason::Count => "adjust:count",
                AdjustReason::Other => "adjust:other",
            },
            StockReason::StockSync => "stock_sync",
            StockReason::Hold => "hold",
            StockReason::HoldReleased => "hold_released",
            StockReason::ReturnOpened => "return_opened",
            StockReason::ReturnRestocked => "return_restocked",
            StockReason::ReturnQuarantined => "return_quarantined",
            StockReason::ReturnDisposed => "return_disposed",
            StockReason::ReturnClosed => "return_closed",
            StockReason::QuarantineReleased => "quarantine_released",
            StockReason::QuarantineDisposed => "quarantine_disposed",
        }
    }
}

/// RFC 3339 UTC timestamp with seconds, the one format stored and printed.
/// Bulk flows stamp hundreds of thousands of rows a second, so the text is formatted
/// once per second and reused.
pub fn now() -> String {
    use std::cell::RefCell;
    thread_local! {
        static LAST: RefCell<(i64, String)> = const { RefCell::new((i64::MIN, String::new())) };
    }
    let t = clock::now_utc();
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != t.timestamp() {
            *last = (
                t.timestamp(),
                t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
        }
        last.1.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sku_keys_ignore_case_and_surrounding_space() {
        assert_eq!(sku_key("  Tee-Red-M "), "tee-red-m");
        assert_eq!(sku_key("TEE-RED-M"), sku_key("tee-red-m"));
        assert_ne!(sku_key("TEE RED"), sku_key("TEERED"));
    }

    #[test]
    fn adjust_reasons_round_trip() {
        for r in ["damaged", "EXPIRED", " lost", "found", "count", "other"] {
            let parsed = AdjustReason::parse(r).expect(r);
            assert_eq!(parsed.as_str(), r.trim().to_lowercase());
        }
        assert_eq!(AdjustReason::parse("stolen"), None);
    }
}
