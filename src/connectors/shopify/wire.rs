//! The parts of the GraphQL Admin API's answers that fulfilment, stock and catalog read
//! (the orders import has its own, orders_wire.rs). Every field is optional or defaulted:
//! shops leave things out, and one odd record must not fail the whole answer.

use serde::Deserialize;

/// A connection's `nodes`.
#[derive(Debug, Deserialize, Clone)]
#[serde(bound = "T: Deserialize<'de>")]
pub struct Nodes<T> {
    #[serde(default = "Vec::new")]
    pub nodes: Vec<T>,
}

impl<T> Default for Nodes<T> {
    fn default() -> Self {
        Nodes { nodes: Vec::new() }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct PageInfo {
    pub has_next_page: bool,
    pub end_cursor: Option<String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Id {
    pub id: String,
}

/// A mutation's `userErrors` (or `orderCancelUserErrors`).
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct UserError {
    pub field: Option<Vec<String>>,
    pub message: String,
    pub code: Option<String>,
}

/// `field: message; …`, as the shop said it.
pub fn user_errors(errors: &[UserError]) -> String {
    errors
        .iter()
        .map(|e| match e.field.as_deref() {
            Some(path) if !path.is_empty() => format!("{}: {}", path.join("."), e.message),
            _ => e.message.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

// ---- fulfilment -------------------------------------------------------------------

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct OrderData {
    pub order: Option<Order>,
}

/// What export needs to know about an order as the shop sees it now.
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Order {
    pub id: String,
    pub name: Option<String>,
    pub cancelled_at: Option<String>,
    pub fulfillments: Vec<Fulfillment>,
    pub fulfillment_orders: Nodes<FulfillmentOrder>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct Fulfillment {
    pub id: String,
    /// SUCCESS, OPEN, PENDING, CANCELLED, ERROR, FAILURE.
    pub status: Option<String>,
    pub location: Option<Id>,
    pub tracking_info: Vec<TrackingInfo>,
    pub fulfillment_line_items: Nodes<FulfillmentLine>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct TrackingInfo {
    pub number: Option<String>,
    pub company: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct FulfillmentLine {
    pub quantity: i64,
    pub line_item: Option<Id>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct FulfillmentOrder {
    pub id: String,
    /// OPEN, IN_PROGRESS, SCHEDULED, ON_HOLD, INCOMPLETE, CLOSED, CANCELLED.
    pub status: Option<String>,
    pub assigned_location: Option<AssignedLocation>,
    pub line_items: Nodes<FulfillmentOrderLine>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct AssignedLocation {
    pub name: Option<String>,
    pub location: Option<Id>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct FulfillmentOrderLine {
    pub id: String,
    pub remaining_quantity: i64,
    pub line_item: Option<LineItem>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LineItem {
    pub id: String,
    pub sku: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct FulfillmentCreateData {
    pub fulfillment_create: Option<FulfillmentCreate>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct FulfillmentCreate {
    pub fulfillment: Option<Fulfillment>,
    pub user_errors: Vec<UserError>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct OrderCancelData {
    pub order_cancel: Option<OrderCancel>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct OrderCancel {
    pub job: Option<Id>,
    pub order_cancel_user_errors: Vec<UserError>,
}

// ---- stock ------------------------------------------------------------------------

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LocationsData {
    pub locations: Nodes<Location>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Location {
    pub id: String,
    pub name: Option<String>,
    pub is_active: Option<bool>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct VariantsData {
    pub product_variants: Nodes<StockVariant>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct StockVariant {
    pub sku: Option<String>,
    pub inventory_item: Option<InventoryItem>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ItemsData {
    /// `nodes(ids:)`: null for an id the shop no longer has.
    pub nodes: Vec<Option<InventoryItem>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct InventoryItem {
    pub id: String,
    pub sku: Option<String>,
    /// At the location asked about; null when the item is not stocked there.
    pub inventory_level: Option<InventoryLevel>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct InventoryLevel {
    pub quantities: Vec<Quantity>,
}

impl InventoryLevel {
    pub fn available(&self) -> Option<i64> {
        self.quantities
            .iter()
            .find(|q| q.name == "available")
            .map(|q| q.quantity)
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Quantity {
    pub name: String,
    pub quantity: i64,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct SetQuantitiesData {
    pub inventory_set_quantities: Option<SetQuantities>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct SetQuantities {
    pub inventory_adjustment_group: Option<Id>,
    pub user_errors: Vec<UserError>,
}

/// `inventoryAdjustQuantities` answers in the same shape as a set.
#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct AdjustQuantitiesData {
    pub inventory_adjust_quantities: Option<SetQuantities>,
}

// ---- catalog ----------------------------------------------------------------------

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ProductsData {
    pub products: ProductsPage,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ProductsPage {
    pub page_info: PageInfo,
    pub nodes: Vec<Product>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ProductData {
    pub product: Option<Product>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Product {
    pub id: String,
    pub title: Option<String>,
    pub handle: Option<String>,
    pub description_html: Option<String>,
    pub vendor: Option<String>,
    pub product_type: Option<String>,
    pub tags: Vec<String>,
    /// ACTIVE, DRAFT, ARCHIVED.
    pub status: Option<String>,
    pub options: Vec<ProductOption>,
    pub variants: VariantsPage,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct VariantsPage {
    pub page_info: PageInfo,
    pub nodes: Vec<Variant>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ProductOption {
    pub name: String,
    pub position: i64,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct Variant {
    pub id: String,
    pub sku: Option<String>,
    pub title: Option<String>,
    pub barcode: Option<String>,
    pub price: Option<String>,
    pub selected_options: Vec<SelectedOption>,
    pub inventory_item: Option<VariantItem>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct SelectedOption {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct VariantItem {
    pub measurement: Option<Measurement>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Measurement {
    pub weight: Option<Weight>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct Weight {
    /// GRAMS, KILOGRAMS, OUNCES, POUNDS.
    pub unit: Option<String>,
    pub value: Option<f64>,
}

impl Weight {
    pub fn grams(&self) -> Option<i64> {
        let value = self.value?;
        let factor = match self.unit.as_deref()? {
            "GRAMS" => 1.0,
            "KILOGRAMS" => 1000.0,
            "OUNCES" => 28.349_523_125,
            "POUNDS" => 453.592_37,
            _ => return None,
        };
        Some((value * factor).round() as i64)
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ProductSetData {
    pub product_set: Option<ProductSet>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct ProductSet {
    pub product: Option<Product>,
    pub user_errors: Vec<UserError>,
}

/// Text that is really there: `None` for null, empty or blank.
pub fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}
