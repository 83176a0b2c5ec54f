//! Purchase orders as sent to warehouses, and the receipts they report back.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PoRequest {
    pub number: String,
    pub supplier: String,
    pub warehouse: String,
    pub location_id: Option<String>,
    pub expected_at: Option<String>,
    pub note: Option<String>,
    pub lines: Vec<PoRequestLine>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct PoRequestLine {
    /// The SKU as the fulfillment channel knows it.
    pub sku: String,
    pub quantity: i64,
    /// The lot the units come from, when the PO names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    /// The unit's serial number (a line with one is one unit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
}

/// A warehouse's report of units received against a PO.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ReceiptIn {
    /// The channel's id for this receipt; re-reading the same id changes nothing.
    pub external_id: String,
    pub po_number: String,
    pub received_at: Option<String>,
    pub lines: Vec<ReceiptLineIn>,
    pub source: String,
    pub problems: Vec<String>,
    /// Set when the lines are running totals of one channel record (a ShipBob WRO), not
    /// units added: oms applies only what exceeds what receipts of the same record
    /// (ids starting `{this}@`) already applied, so totals re-read never count twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_total_of: Option<String>,
}

/// A PO oms exported to a fulfillment channel that still expects stock: the channel
/// reads receipts for these, and only these (records of other integrations are not ours).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OwnedPo {
    pub number: String,
    /// The channel's id for it, as the export answered (a ShipBob WRO id).
    pub external_id: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ReceiptLineIn {
    pub sku: String,
    pub quantity: i64,
    /// The lot, serial number and expiration date the warehouse reported, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    /// Where it was read (`file:line`), so a problem found later names the exact row.
    #[serde(default)]
    pub source: String,
}

/// A date as people and warehouses write it, `YYYY-MM-DD` or RFC 3339, kept as given.
pub fn date_or_time(text: &str) -> Result<String, String> {
    let t = text.trim();
    let is_date = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok();
    if is_date || chrono::DateTime::parse_from_rfc3339(t).is_ok() {
        Ok(t.to_string())
    } else {
        Err(format!("`{t}` is not a date (YYYY-MM-DD or RFC 3339)"))
    }
}
