//! The parts of ShipBob's API JSON (version 2026-01) that oms reads. Fields are optional
//! or defaulted: the API documents many of them as nullable, and a `null` list or count
//! means empty or zero (`nullable`), never a failed flow. Bodies are decoded with
//! [`decode`], so a real type error names the JSON path, the endpoint and the channel.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::connectors::http::Reply;

/// A field the spec marks nullable: `null` reads as the type's empty value.
pub fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A reply's body as `T`; a mismatch names where in the body it is (`items[3].sku`).
pub fn decode<T: DeserializeOwned>(reply: &Reply, channel: &str) -> anyhow::Result<T> {
    let mut de = serde_json::Deserializer::from_slice(&reply.body);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        anyhow::anyhow!(
            "channel `{channel}`: {}: unexpected body at `{}`: {}",
            reply.endpoint(),
            if path.is_empty() { "." } else { &path },
            e.inner()
        )
    })
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Order {
    pub id: i64,
    pub reference_id: Option<String>,
    pub order_number: Option<String>,
    /// Processing, Exception, PartiallyFulfilled, Fulfilled, Completed, Cancelled, ...
    pub status: Option<String>,
    pub channel: Option<Named>,
    #[serde(deserialize_with = "nullable")]
    pub shipments: Vec<Shipment>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Named {
    pub id: i64,
    pub name: Option<String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Shipment {
    pub id: i64,
    pub status: Option<String>,
    pub is_tracking_uploaded: Option<bool>,
    pub actual_fulfillment_date: Option<String>,
    pub location: Option<Named>,
    #[serde(deserialize_with = "nullable")]
    pub products: Vec<ShipmentProduct>,
    pub tracking: Option<Tracking>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct ShipmentProduct {
    pub id: i64,
    /// What oms sent as the product's `reference_id`: our SKU after the channel's sku_map.
    pub reference_id: Option<String>,
    pub sku: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub inventory_items: Vec<InventoryItem>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct InventoryItem {
    pub id: i64,
    #[serde(deserialize_with = "nullable")]
    pub quantity: i64,
    pub lot: Option<String>,
    pub expiration_date: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub serial_numbers: Vec<String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Tracking {
    pub carrier: Option<String>,
    pub carrier_service: Option<String>,
    pub tracking_number: Option<String>,
    pub tracking_url: Option<String>,
    pub shipping_date: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct CancelResult {
    #[serde(deserialize_with = "nullable")]
    pub canceled_shipment_results: Vec<CancelledShipment>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct CancelledShipment {
    pub shipment_id: i64,
    pub is_success: Option<bool>,
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct BatchResult {
    #[serde(deserialize_with = "nullable")]
    pub results: Vec<BatchItem>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct BatchItem {
    #[serde(rename = "shipmentId")]
    pub shipment_id: i64,
    #[serde(rename = "isSuccess")]
    pub is_success: Option<bool>,
    pub error: Option<BatchError>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct BatchError {
    pub code: Option<String>,
    pub message: Option<String>,
}

/// A cursor-paged list: `next` is the URL of the following page, absent on the last.
#[derive(Debug, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub struct Paged<T> {
    #[serde(default = "Vec::new")]
    #[serde(deserialize_with = "nullable")]
    pub items: Vec<T>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct InventoryByLocation {
    pub inventory_id: i64,
    pub sku: Option<String>,
    pub name: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub locations: Vec<LocationQuantity>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LocationQuantity {
    pub location_id: i64,
    pub name: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub on_hand_quantity: i64,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Product {
    pub id: i64,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub product_type: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub variants: Vec<ProductVariant>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct ProductVariant {
    pub id: i64,
    pub name: Option<String>,
    pub sku: Option<String>,
    pub gtin: Option<String>,
    pub upc: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub barcodes: Vec<Barcode>,
    pub inventory: Option<VariantInventory>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Barcode {
    pub value: Option<String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct VariantInventory {
    pub inventory_id: Option<i64>,
}

/// A warehouse receiving order (WRO): ShipBob's inbound purchase order.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Wro {
    pub id: i64,
    pub purchase_order_number: Option<String>,
    /// Awaiting, Processing, Arrived, PartiallyArrived, Completed, Cancelled, Incomplete, ...
    pub status: Option<String>,
    pub last_updated_date: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub inventory_quantities: Vec<WroQuantity>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct WroQuantity {
    pub inventory_id: i64,
    pub sku: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub expected_quantity: i64,
    #[serde(deserialize_with = "nullable")]
    pub received_quantity: i64,
    #[serde(deserialize_with = "nullable")]
    pub stowed_quantity: i64,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct WroBox {
    pub box_id: i64,
    pub box_number: Option<i64>,
    /// Awaiting, Arrived, Counting, Stowing, Completed, ...
    pub box_status: Option<String>,
    pub received_date: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub box_items: Vec<WroBoxItem>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct WroBoxItem {
    pub inventory_id: i64,
    #[serde(deserialize_with = "nullable")]
    pub quantity: i64,
    #[serde(deserialize_with = "nullable")]
    pub received_quantity: i64,
    #[serde(deserialize_with = "nullable")]
    pub stowed_quantity: i64,
}

/// `GET channel`: a plain list in older versions, a cursor page in newer ones.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Channels {
    List(Vec<Named>),
    Page(Paged<Named>),
}

impl Channels {
    /// The channels and the URL of the following page, if any.
    pub fn into_page(self) -> (Vec<Named>, Option<String>) {
        match self {
            Channels::List(v) => (v, None),
            Channels::Page(p) => (p.items, p.next.filter(|n| !n.trim().is_empty())),
        }
    }
}

/// Text that is really there: `None` for null, empty or blank.
pub fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Whether a ShipBob status names a cancellation (`Cancelled`, `Canceled`).
pub fn is_cancelled(status: &Option<String>) -> bool {
    status
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("cancelled") || s.eq_ignore_ascii_case("canceled"))
}
