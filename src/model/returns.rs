//! Returns (docs/returns.md): why a customer sends goods back, what becomes of each unit,
//! and the rule of how many units of an order may still be returned. No I/O.

use serde::{Deserialize, Serialize};

/// Why the goods come back; each reason has a default [`Disposition`] in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum ReturnReason {
    Damaged,
    Defective,
    WrongItem,
    NotAsDescribed,
    Unwanted,
    #[default]
    Other,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 6] = [
        ReturnReason::Damaged,
        ReturnReason::Defective,
        ReturnReason::WrongItem,
        ReturnReason::NotAsDescribed,
        ReturnReason::Unwanted,
        ReturnReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReturnReason::Damaged => "damaged",
            ReturnReason::Defective => "defective",
            ReturnReason::WrongItem => "wrong_item",
            ReturnReason::NotAsDescribed => "not_as_described",
            ReturnReason::Unwanted => "unwanted",
            ReturnReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<ReturnReason> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// What happens to a returned unit when it arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// Back on hand, sellable again.
    Restock,
    /// Held aside in `quarantine`: not on hand until a person releases it.
    Quarantine,
    /// Written off: recorded, nothing on hand.
    Dispose,
}

impl Disposition {
    pub const ALL: [Disposition; 3] = [
        Disposition::Restock,
        Disposition::Quarantine,
        Disposition::Dispose,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Disposition::Restock => "restock",
            Disposition::Quarantine => "quarantine",
            Disposition::Dispose => "dispose",
        }
    }

    pub fn parse(s: &str) -> Option<Disposition> {
        Self::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The RMA number for return `id`: stable, sortable, never reused.
pub fn number_for(id: i64) -> String {
    format!("RMA-{id:06}")
}

/// What a person may type for an RMA: its number in any case, or just its digits.
pub fn normalize_number(input: &str) -> String {
    let t = input.trim();
    match t.parse::<i64>() {
        Ok(n) if n > 0 && !t.starts_with('+') => number_for(n),
        _ => t.to_uppercase(),
    }
}

/// One `--line` of `returns create|receive`: `SKU=QTY`, or `SKU=QTY:DISPOSITION` where a
/// disposition is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineArg {
    pub sku: String,
    pub quantity: i64,
    pub disposition: Option<Disposition>,
    /// As typed, for messages: `--line TEE=3:restock`.
    pub origin: String,
}

/// Parses a `--line` value. `with_disposition` says whether `:DISPOSITION` may follow.
pub fn parse_line(arg: &str, with_disposition: bool) -> Result<LineArg, String> {
    let origin = format!("--line {arg}");
    let Some((sku, rest)) = arg.rsplit_once('=') else {
        return Err(format!("{origin}: expected SKU=QUANTITY, e.g. TEE-RED-M=1"));
    };
    let sku = sku.trim();
    if sku.is_empty() {
        return Err(format!("{origin}: sku: empty"));
    }
    let (qty, disposition) = match rest.split_once(':') {
        Some((_, _)) if !with_disposition => {
            return Err(format!(
                "{origin}: a disposition is given when the goods arrive (`oms returns receive`)"
            ));
        }
        Some((q, d)) => {
            let parsed = Disposition::parse(d).ok_or_else(|| {
                format!(
                    "{origin}: disposition: `{}` is not one of restock, quarantine, dispose",
                    d.trim()
                )
            })?;
            (q.trim(), Some(parsed))
        }
        None => (rest.trim(), None),
    };
    let quantity = qty
        .parse::<i64>()
        .map_err(|_| format!("{origin}: quantity: `{qty}` is not a whole number"))?;
    if quantity < 1 {
        return Err(format!(
            "{origin}: quantity: must be more than 0, got {quantity}"
        ));
    }
    Ok(LineArg {
        sku: sku.to_string(),
        quantity,
        disposition,
        origin,
    })
}

/// How many units of one SKU an order can still return: what shipped, less what other
/// RMAs already claim. `Err` carries the sentence a refusal prints.
pub fn check_returnable(
    order_id: i64,
    sku: &str,
    shipped: i64,
    claimed: &[(String, i64)],
    asked: i64,
) -> Result<(), String> {
    let already: i64 = claimed.iter().map(|(_, q)| q).sum();
    if asked <= shipped - already {
        return Ok(());
    }
    let mut text = format!("order {order_id} shipped {shipped} × {sku}");
    for (number, q) in claimed {
        text.push_str(&format!(", {q} already on {number}"));
    }
    text.push_str(&format!("; {asked} asked"));
    Err(text)
}

/// An RMA as a warehouse is told about it (`returns sync`), decided and recorded in the
/// outbound batch before it is sent, so a resend carries the same bytes.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct ReturnRequest {
    pub number: String,
    /// The order as the shop names it (`#1001`), for the warehouse's staff.
    pub order: String,
    pub warehouse: String,
    /// The warehouse's id at the channel (a ShipBob fulfillment center).
    pub location_id: Option<String>,
    pub reason: String,
    pub lines: Vec<ReturnRequestLine>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct ReturnRequestLine {
    /// The channel's SKU.
    pub sku: String,
    pub quantity: i64,
    /// What oms would do with the units (the reason's configured default).
    pub disposition: Option<Disposition>,
}

/// An RMA a warehouse was told about, for a channel that is asked about each one.
#[derive(Debug, Clone, Default)]
pub struct SentReturn {
    pub number: String,
    pub external_id: Option<String>,
}

/// A warehouse's report that returned goods arrived for one RMA.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct ReturnReceiptIn {
    /// Unique per channel: a file and its RMA, or the channel's return id.
    pub external_id: String,
    pub rma: String,
    pub lines: Vec<ReturnReceiptLine>,
    /// Where it was read (file:line or endpoint), for messages.
    pub source: String,
    /// Problems found while reading it (bad rows); such a receipt is rejected whole.
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq, Eq)]
pub struct ReturnReceiptLine {
    /// The channel's SKU.
    pub sku: String,
    pub quantity: i64,
    /// `None`: the RMA reason's configured default.
    pub disposition: Option<Disposition>,
    pub origin: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_parse_with_and_without_dispositions() {
        let l = parse_line(" TEE-1 =2:Quarantine", true).unwrap();
        assert_eq!(
            (l.sku.as_str(), l.quantity, l.disposition),
            ("TEE-1", 2, Some(Disposition::Quarantine))
        );
        assert_eq!(parse_line("TEE-1=2", true).unwrap().disposition, None);
        assert!(parse_line("TEE-1=2:restock", false).is_err());
        assert_eq!(
            parse_line("TEE-1=2:burn", true).unwrap_err(),
            "--line TEE-1=2:burn: disposition: `burn` is not one of restock, quarantine, dispose"
        );
        assert_eq!(
            parse_line("TEE-1=0", false).unwrap_err(),
            "--line TEE-1=0: quantity: must be more than 0, got 0"
        );
        assert!(parse_line("TEE-1", false).is_err());
    }

    #[test]
    fn returnable_is_shipped_less_what_other_rmas_claim() {
        assert!(check_returnable(12, "A", 2, &[], 2).is_ok());
        let claimed = vec![("RMA-000001".to_string(), 1)];
        assert!(check_returnable(12, "A", 2, &claimed, 1).is_ok());
        assert_eq!(
            check_returnable(12, "A", 2, &claimed, 3).unwrap_err(),
            "order 12 shipped 2 × A, 1 already on RMA-000001; 3 asked"
        );
        assert_eq!(
            check_returnable(12, "B", 0, &[], 1).unwrap_err(),
            "order 12 shipped 0 × B; 1 asked"
        );
    }

    #[test]
    fn numbers_normalize() {
        assert_eq!(normalize_number("7"), "RMA-000007");
        assert_eq!(normalize_number(" rma-000007 "), "RMA-000007");
        assert_eq!(
            ReturnReason::parse("WRONG_ITEM"),
            Some(ReturnReason::WrongItem)
        );
    }
}
