//! The parts of the GraphQL `orders` query's answer that oms reads. Everything is
//! optional or defaulted: shops leave things out (a guest checkout has no customer, a
//! digital order no shipping address), and one odd order must not fail its page.

use serde::Deserialize;

/// The query oms sends: newest changes last, so a crash mid-way resumes near where it was.
pub const ORDERS_QUERY: &str = r#"query Orders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id name email phone createdAt updatedAt cancelledAt test note tags
      displayFulfillmentStatus currencyCode
      totalPriceSet { shopMoney { amount currencyCode } }
      currentSubtotalPriceSet { shopMoney { amount } }
      totalShippingPriceSet { shopMoney { amount } }
      totalTaxSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } }
      customer { firstName lastName email phone }
      shippingAddress { ...Addr }
      billingAddress { ...Addr }
      shippingLines(first: 5) { nodes { title code } }
      lineItems(first: 250) {
        nodes { id sku title name quantity currentQuantity unfulfilledQuantity
                originalUnitPriceSet { shopMoney { amount } } }
      }
    }
  }
}
fragment Addr on MailingAddress {
  name firstName lastName company address1 address2 city province provinceCode zip
  country countryCodeV2 phone
}"#;

/// The same selection as [`ORDERS_QUERY`] for `bulkOperationRunQuery`: no page arguments
/// (a bulk operation reads everything), the filter written into the document (it takes no
/// variables), connections as `edges { node }`, and an `id` on every nested node so the
/// JSONL reader can tell a line item from a shipping line.
pub fn bulk_orders_query(filter: Option<&str>) -> String {
    let args = match filter {
        // The filter is oms's own timestamp text; quoting keeps it one GraphQL string.
        Some(f) => format!("query: {}, sortKey: UPDATED_AT", serde_json::Value::from(f)),
        None => "sortKey: UPDATED_AT".to_string(),
    };
    let addr = "name firstName lastName company address1 address2 city province provinceCode \
zip country countryCodeV2 phone";
    format!(
        "{{ orders({args}) {{ edges {{ node {{
  id name email phone createdAt updatedAt cancelledAt test note tags
  displayFulfillmentStatus currencyCode
  totalPriceSet {{ shopMoney {{ amount currencyCode }} }}
  currentSubtotalPriceSet {{ shopMoney {{ amount }} }}
  totalShippingPriceSet {{ shopMoney {{ amount }} }}
  totalTaxSet {{ shopMoney {{ amount }} }}
  totalDiscountsSet {{ shopMoney {{ amount }} }}
  customer {{ firstName lastName email phone }}
  shippingAddress {{ {addr} }}
  billingAddress {{ {addr} }}
  shippingLines {{ edges {{ node {{ id title code }} }} }}
  lineItems {{ edges {{ node {{ id sku title name quantity currentQuantity unfulfilledQuantity
    originalUnitPriceSet {{ shopMoney {{ amount }} }} }} }} }}
}} }} }} }}"
    )
}

/// What every line of a bulk operation's JSONL result starts with: its node's id and, for
/// a nested node (a line item, a shipping line), the id of the order it belongs to.
#[derive(Debug, Deserialize)]
pub struct BulkHead {
    #[serde(default)]
    pub id: String,
    #[serde(rename = "__parentId", default)]
    pub parent_id: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct OrdersData<T> {
    pub orders: Connection<T>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Connection<T> {
    #[serde(default)]
    pub page_info: PageInfo,
    #[serde(default = "Vec::new")]
    pub nodes: Vec<T>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PageInfo {
    pub has_next_page: bool,
    pub end_cursor: Option<String>,
}

impl<'de> Deserialize<'de> for SkipNode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d).map(|_| SkipNode)
    }
}

/// A node read for nothing but its place in the list.
#[derive(Debug)]
pub struct SkipNode;

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Order {
    pub id: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub cancelled_at: Option<String>,
    pub test: bool,
    pub note: Option<String>,
    pub tags: Vec<String>,
    /// UNFULFILLED, PARTIALLY_FULFILLED, FULFILLED, ON_HOLD, …
    pub display_fulfillment_status: Option<String>,
    pub currency_code: Option<String>,
    pub total_price_set: Option<MoneyBag>,
    /// After discounts, before shipping and tax (Shopify's definition).
    pub current_subtotal_price_set: Option<MoneyBag>,
    pub total_shipping_price_set: Option<MoneyBag>,
    pub total_tax_set: Option<MoneyBag>,
    pub total_discounts_set: Option<MoneyBag>,
    pub customer: Option<Customer>,
    pub shipping_address: Option<Address>,
    pub billing_address: Option<Address>,
    pub shipping_lines: Option<Nodes<ShippingLine>>,
    pub line_items: Option<Nodes<LineItem>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct Nodes<T> {
    pub nodes: Vec<T>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct MoneyBag {
    pub shop_money: Option<Money>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Money {
    pub amount: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Customer {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Address {
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub address1: Option<String>,
    pub address2: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub province_code: Option<String>,
    pub zip: Option<String>,
    pub country: Option<String>,
    #[serde(rename = "countryCodeV2")]
    pub country_code: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ShippingLine {
    pub title: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct LineItem {
    pub id: String,
    pub sku: Option<String>,
    pub title: Option<String>,
    pub name: Option<String>,
    pub quantity: i64,
    /// After removals and refunds.
    pub current_quantity: Option<i64>,
    /// What is still to ship.
    pub unfulfilled_quantity: Option<i64>,
    pub original_unit_price_set: Option<MoneyBag>,
}

impl MoneyBag {
    pub fn amount(bag: &Option<MoneyBag>) -> Option<String> {
        bag.as_ref()?.shop_money.as_ref()?.amount.clone()
    }
}
