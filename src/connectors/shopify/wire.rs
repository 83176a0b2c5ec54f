//! The parts of Shopify's Admin REST JSON that oms reads. Every field is optional or
//! defaulted: shops leave things out, and one odd order must not fail the whole page.

use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LineItem {
    pub id: i64,
    pub sku: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct OrderOne {
    pub order: OrderState,
}

/// What export needs to know about an order as the shop sees it now.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct OrderState {
    pub id: i64,
    pub cancelled_at: Option<String>,
    pub line_items: Vec<LineItem>,
}

#[derive(Debug, Deserialize)]
pub struct FulfillmentOrders {
    #[serde(default)]
    pub fulfillment_orders: Vec<FulfillmentOrder>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct FulfillmentOrder {
    pub id: i64,
    /// open, in_progress, scheduled, on_hold, incomplete, closed, cancelled.
    pub status: Option<String>,
    pub line_items: Vec<FulfillmentOrderLine>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct FulfillmentOrderLine {
    pub id: i64,
    pub line_item_id: i64,
    pub fulfillable_quantity: i64,
}

#[derive(Debug, Deserialize)]
pub struct Fulfillments {
    #[serde(default)]
    pub fulfillments: Vec<Fulfillment>,
}

#[derive(Debug, Deserialize)]
pub struct FulfillmentOne {
    pub fulfillment: Fulfillment,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Fulfillment {
    pub id: i64,
    /// pending, open, success, cancelled, error, failure.
    pub status: Option<String>,
    pub tracking_number: Option<String>,
    pub tracking_numbers: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct ProductsPage {
    #[serde(default)]
    pub products: Vec<Product>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Product {
    pub id: i64,
    pub title: Option<String>,
    pub handle: Option<String>,
    pub body_html: Option<String>,
    pub vendor: Option<String>,
    pub product_type: Option<String>,
    pub tags: Option<String>,
    pub status: Option<String>,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Variant {
    pub id: i64,
    pub sku: Option<String>,
    pub title: Option<String>,
    pub option1: Option<String>,
    pub option2: Option<String>,
    pub option3: Option<String>,
    pub barcode: Option<String>,
    pub price: Option<String>,
    pub grams: Option<i64>,
    pub inventory_item_id: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub struct InventoryItems {
    #[serde(default)]
    pub inventory_items: Vec<InventoryItem>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct InventoryItem {
    pub id: i64,
    pub sku: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Locations {
    #[serde(default)]
    pub locations: Vec<Location>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Location {
    pub id: i64,
    pub name: Option<String>,
    pub active: Option<bool>,
}

/// Text that is really there: `None` for null, empty or blank.
pub fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}
