//! The parts of ShipBob's API JSON (version 2026-01) that oms reads. Fields are optional
//! or defaulted: the API documents many of them as nullable.

use serde::Deserialize;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Order {
    pub id: i64,
    pub reference_id: Option<String>,
    pub order_number: Option<String>,
    /// Processing, Exception, PartiallyFulfilled, Fulfilled, Completed, Cancelled, ...
    pub status: Option<String>,
    pub channel: Option<Named>,
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
    pub inventory_items: Vec<InventoryItem>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct InventoryItem {
    pub id: i64,
    pub quantity: i64,
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
pub struct Paged<T> {
    #[serde(default = "Vec::new")]
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
    pub locations: Vec<LocationQuantity>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LocationQuantity {
    pub location_id: i64,
    pub name: Option<String>,
    pub on_hand_quantity: i64,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Product {
    pub id: i64,
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub product_type: Option<String>,
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
    pub inventory_quantities: Vec<WroQuantity>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct WroQuantity {
    pub inventory_id: i64,
    pub sku: Option<String>,
    pub expected_quantity: i64,
    pub received_quantity: i64,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct WroBox {
    pub box_id: i64,
    pub box_number: Option<i64>,
    /// Awaiting, Arrived, Counting, Stowing, Completed, ...
    pub box_status: Option<String>,
    pub received_date: Option<String>,
    pub box_items: Vec<WroBoxItem>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct WroBoxItem {
    pub inventory_id: i64,
    pub quantity: i64,
    pub received_quantity: i64,
}

/// `GET channel`: a plain list in older versions, a page in newer ones.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Channels {
    List(Vec<Named>),
    Page { items: Vec<Named> },
}

impl Channels {
    pub fn into_vec(self) -> Vec<Named> {
        match self {
            Channels::List(v) | Channels::Page { items: v } => v,
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
