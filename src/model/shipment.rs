//! What crosses the wire about shipments and orders after import: shipment requests to
//! warehouses, their confirmations, and order updates back to shops. Plain data, so every
//! connector maps the same types to its own format.

use serde::{Deserialize, Serialize};

use super::order::Address;

/// A shipment as sent to a warehouse. `reference` is the idempotency key.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ShipmentRequest {
    pub reference: String,
    /// The order's number in oms and its name and id in the sales channel.
    pub order_id: i64,
    pub order_name: String,
    pub order_external_id: String,
    pub sales_channel: String,
    pub warehouse: String,
    /// The warehouse's id in the fulfillment channel (`location_id` in config).
    pub location_id: Option<String>,
    pub carrier_service: Option<String>,
    pub carrier: Option<String>,
    pub service: Option<String>,
    /// The fulfillment channel's name for the carrier service (its `carrier_map`).
    pub shipping_method: Option<String>,
    pub email: Option<String>,
    pub ship_to: Address,
    pub lines: Vec<ShipmentRequestLine>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ShipmentRequestLine {
    /// The SKU as the fulfillment channel knows it (after its `sku_map`).
    pub sku: String,
    pub quantity: i64,
    pub title: Option<String>,
    /// For a component of a kit: the bundle's SKU (oms's), a reference for packing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_sku: Option<String>,
    /// ... and oms's id of the bundle line (ShipBob's `external_line_id`, a number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_line_id: Option<i64>,
}

/// What a warehouse reports about one shipment.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ShipmentConfirmation {
    pub reference: String,
    pub external_id: Option<String>,
    /// `shipped` (with quantities; fewer than sent means short shipped) or `cancelled`.
    pub status: ConfirmedStatus,
    pub carrier: Option<String>,
    pub tracking_numbers: Vec<String>,
    pub tracking_url: Option<String>,
    pub shipped_at: Option<String>,
    pub lines: Vec<ConfirmedLine>,
    /// The lots and serial numbers the warehouse named for the units in `lines`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<ShippedLot>,
    /// Where it was read (`file:line`), for messages and rejections.
    pub source: String,
    /// Field problems found while reading; a confirmation with problems is rejected.
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmedStatus {
    #[default]
    Shipped,
    Cancelled,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ConfirmedLine {
    /// The SKU as the fulfillment channel knows it (before its `sku_map`).
    pub sku: String,
    pub quantity_shipped: i64,
}

/// Units of one lot or serial number that a warehouse says left (or, to the shop, that
/// oms says left), with the lot's expiration date when it has one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShippedLot {
    /// The SKU as the side that reads it knows it (the warehouse's in, the shop's out).
    pub sku: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_date: Option<String>,
    pub quantity: i64,
}

impl ShippedLot {
    /// `lot L-1 serial SN-9 exp 2027-06-30 × 1`, the way tables and files say it.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (word, value) in [
            ("lot", &self.lot),
            ("serial", &self.serial),
            ("exp", &self.expiration_date),
        ] {
            if let Some(v) = value {
                parts.push(format!("{word} {v}"));
            }
        }
        format!("{} × {}", parts.join(" "), self.quantity)
    }
}

/// An order's state as reported back to its sales channel (SPEC §4.1.4).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct OrderUpdate {
    pub order_id: i64,
    pub external_id: String,
    pub order_name: Option<String>,
    pub status: String,
    pub cancelled: bool,
    pub fulfillments: Vec<Fulfillment>,
}

/// One shipment of an order as the shop sees it: the lines and units it carried.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Fulfillment {
    pub reference: String,
    pub carrier: Option<String>,
    pub service: Option<String>,
    pub tracking_numbers: Vec<String>,
    pub tracking_url: Option<String>,
    pub shipped_at: Option<String>,
    pub lines: Vec<FulfilledLine>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct FulfilledLine {
    /// The SKU as the sales channel knows it.
    pub sku: String,
    pub external_line_id: Option<String>,
    pub quantity: i64,
    /// The lots and serial numbers of these units, when the warehouse reported them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<ShippedLot>,
}

/// Stock on hand a warehouse reports for one SKU.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StockCount {
    /// The warehouse's location id in the channel, or our warehouse code.
    pub location: String,
    pub sku: String,
    pub on_hand: i64,
    pub source: String,
    pub problems: Vec<String>,
}

/// A quantity published to a sales channel for one SKU.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct StockPublish {
    /// The SKU as the sales channel knows it.
    pub sku: String,
    pub available: i64,
    /// The channel's location id, when it has one.
    pub location_id: Option<String>,
    /// The channel's id for this SKU's stock, as its last push answered it (a Shopify
    /// inventory item id). Only a hint: the connector checks it before trusting it.
    /// Never part of a written file: it is the channel's business, not the layout's.
    #[serde(skip)]
    pub remote_id: Option<String>,
    /// What oms last published for this SKU (what the channel held when oms last looked),
    /// for channels that set stock compare-and-swap (Shopify's `changeFromQuantity`).
    /// Kept in the recorded batch, so a resend sends the same request; never in a file.
    #[serde(default)]
    pub last_seen: Option<i64>,
    /// In a `delta` push: the signed change since what oms last published, which the
    /// channel adds to what it holds (`available` is then the value it should reach).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delta: Option<i64>,
}
