//! Returns from a shop (docs/returns.md "From the shop"): a shop's return as oms reads it,
//! what oms reports back once the RMA made from it is finished, and how the units that
//! arrived are shared out over the shop's return lines. No I/O.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::returns::ReturnReason;

/// A shop return's status (Shopify's `ReturnStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ShopReturnStatus {
    /// Asked for by the customer, not yet approved by the merchant: nothing to expect yet.
    #[default]
    Requested,
    /// Approved: the goods are on their way back.
    Open,
    Closed,
    Canceled,
    Declined,
    /// A status this version of oms does not know; such a return is left alone.
    Other,
}

impl ShopReturnStatus {
    pub fn parse(s: &str) -> ShopReturnStatus {
        match s.trim().to_ascii_uppercase().as_str() {
            "REQUESTED" => ShopReturnStatus::Requested,
            "OPEN" => ShopReturnStatus::Open,
            "CLOSED" => ShopReturnStatus::Closed,
            "CANCELED" | "CANCELLED" => ShopReturnStatus::Canceled,
            "DECLINED" => ShopReturnStatus::Declined,
            _ => ShopReturnStatus::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ShopReturnStatus::Requested => "requested",
            ShopReturnStatus::Open => "open",
            ShopReturnStatus::Closed => "closed",
            ShopReturnStatus::Canceled => "canceled",
            ShopReturnStatus::Declined => "declined",
            ShopReturnStatus::Other => "other",
        }
    }

    /// The shop gave up on the return: nothing will come back.
    pub fn withdrawn(self) -> bool {
        matches!(
            self,
            ShopReturnStatus::Canceled | ShopReturnStatus::Declined
        )
    }
}

/// A return as the shop reports it.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct ShopReturnIn {
    /// The shop's id (`gid://shopify/Return/…`): what makes reading it again harmless.
    pub id: String,
    /// The shop's name for it (`#1001-R1`).
    pub name: String,
    /// The shop's id of the order, as oms stored it when importing the order.
    pub order_external_id: String,
    pub status: ShopReturnStatus,
    /// The first line's reason, mapped to oms's reasons.
    pub reason: ReturnReason,
    /// The customer's and the merchant's notes, as one.
    pub note: Option<String>,
    pub lines: Vec<ShopReturnLineIn>,
    /// Where it was read (a page of the query), for messages.
    pub source: String,
    /// What could not be read; a return with problems is rejected whole.
    pub problems: Vec<String>,
}

/// One of a shop return's lines.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct ShopReturnLineIn {
    /// The shop's id of the return line.
    pub id: String,
    /// The shop's id of the order line it returns (as oms stored it), when the shop ties
    /// it to one.
    pub line_item_id: Option<String>,
    /// The order line's SKU at the shop.
    pub sku: Option<String>,
    pub quantity: i64,
}

/// A shop return line as its RMA remembers it: the units of which variants make one unit
/// of the line (one part for a plain SKU, one per component for a bundle).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShopLine {
    pub id: String,
    pub quantity: i64,
    /// (variant id, units per line unit)
    pub parts: Vec<(i64, i64)>,
}

/// What oms tells the shop about a finished RMA: per shop return line, the units that
/// arrived in all. The connector sends only what the shop has not processed yet, and
/// closes the return when nothing more is coming.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShopReturnReport {
    pub return_id: String,
    pub rma: String,
    pub lines: Vec<(String, i64)>,
}

/// Shares the units that arrived, per variant, out over the shop's lines in their order:
/// a line gets as many whole units as every one of its parts can cover, at most its
/// quantity (a bundle counts as returned only with all its components).
pub fn arrived_per_line(lines: &[ShopLine], arrived: &[(i64, i64)]) -> Vec<(String, i64)> {
    let mut pool: HashMap<i64, i64> = HashMap::new();
    for (variant, units) in arrived {
        *pool.entry(*variant).or_default() += units;
    }
    lines
        .iter()
        .map(|line| {
            let whole = line
                .parts
                .iter()
                .map(|(variant, per)| pool.get(variant).copied().unwrap_or(0) / (*per).max(1))
                .min()
                .unwrap_or(0)
                .clamp(0, line.quantity);
            for (variant, per) in &line.parts {
                *pool.entry(*variant).or_default() -= whole * per;
            }
            (line.id.clone(), whole)
        })
        .collect()
}

/// oms's reason for a shop's reason (a `ReturnReasonDefinition` handle such as
/// `size-too-small`, or the older enum such as `NOT_AS_DESCRIBED`).
pub fn reason_from_shop(shop: &str) -> ReturnReason {
    let s = shop.trim().to_ascii_lowercase().replace(['_', ' '], "-");
    if s.contains("damage") {
        ReturnReason::Damaged
    } else if s.contains("defect") || s.contains("broken") || s.contains("not-working") {
        ReturnReason::Defective
    } else if s.contains("wrong") {
        ReturnReason::WrongItem
    } else if s.contains("not-as-described") || s.contains("description") {
        ReturnReason::NotAsDescribed
    } else if [
        "unwanted",
        "size",
        "style",
        "color",
        "colour",
        "fit",
        "changed-mind",
    ]
    .iter()
    .any(|w| s.contains(w))
    {
        ReturnReason::Unwanted
    } else {
        ReturnReason::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, quantity: i64, parts: &[(i64, i64)]) -> ShopLine {
        ShopLine {
            id: id.into(),
            quantity,
            parts: parts.to_vec(),
        }
    }

    #[test]
    fn arrivals_fill_lines_in_order_and_kits_need_every_part() {
        let lines = [
            line("a", 2, &[(1, 1)]),
            line("b", 1, &[(1, 1)]),
            line("kit", 2, &[(2, 1), (3, 2)]),
        ];
        // 2 of variant 1 fill line a; the kit has 2 of part 2 but only 3 of part 3 (1.5 kits).
        assert_eq!(
            arrived_per_line(&lines, &[(1, 2), (2, 2), (3, 3)]),
            [("a".into(), 2), ("b".into(), 0), ("kit".into(), 1)]
        );
        assert_eq!(
            arrived_per_line(&lines, &[(1, 9)]),
            [("a".into(), 2), ("b".into(), 1), ("kit".into(), 0)],
            "never more than a line's quantity"
        );
        assert_eq!(
            arrived_per_line(&lines, &[]),
            [("a".into(), 0), ("b".into(), 0), ("kit".into(), 0)]
        );
    }

    #[test]
    fn shop_reasons_map_to_ours() {
        for (shop, ours) in [
            ("damaged", ReturnReason::Damaged),
            ("DEFECTIVE", ReturnReason::Defective),
            ("wrong-item", ReturnReason::WrongItem),
            ("NOT_AS_DESCRIBED", ReturnReason::NotAsDescribed),
            ("size-too-small", ReturnReason::Unwanted),
            ("UNWANTED", ReturnReason::Unwanted),
            ("style", ReturnReason::Unwanted),
            ("other", ReturnReason::Other),
            ("UNKNOWN", ReturnReason::Other),
        ] {
            assert_eq!(reason_from_shop(shop), ours, "{shop}");
        }
    }

    #[test]
    fn statuses_parse_and_unknown_ones_are_left_alone() {
        assert_eq!(ShopReturnStatus::parse("OPEN"), ShopReturnStatus::Open);
        assert!(ShopReturnStatus::parse("DECLINED").withdrawn());
        assert!(!ShopReturnStatus::parse("CLOSED").withdrawn());
        assert_eq!(
            ShopReturnStatus::parse("SOMETHING_NEW"),
            ShopReturnStatus::Other
        );
    }
}
