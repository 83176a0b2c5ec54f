//! The facts order-rule conditions see for an order already stored, shared by rules
//! evaluated at processing and `oms rules test --order N`.

use rusqlite::Connection;

use crate::model::order::Address;
use crate::model::rules::{FactLine, Facts};
use crate::model::{parse_cents, sku_key};
use crate::store::orders::{self, OrderDetail};

/// An order read back for rule conditions.
pub struct Stored {
    pub detail: OrderDetail,
    pub tags: Vec<String>,
    pub ship_to: Address,
    pub lines: Vec<FactLine>,
    pub stated_total_cents: Option<i64>,
}

impl Stored {
    pub fn load(conn: &Connection, id: i64) -> anyhow::Result<Option<Stored>> {
        let Some(detail) = orders::detail(conn, id)? else {
            return Ok(None);
        };
        // Rules see the lines as the shop sent them, not the components of its bundles.
        let lines = orders::lines(conn, id)?
            .into_iter()
            .filter(|l| l.from_shop())
            .map(|l| FactLine {
                sku_key: sku_key(&l.sku),
                quantity: l.quantity,
                price_cents: l.price_cents,
            })
            .collect();
        let tags = split_tags(detail.tags.as_deref());
        let d = &detail;
        let ship_to = Address {
            name: d.ship_name.clone(),
            company: d.ship_company.clone(),
            address1: d.ship_address1.clone(),
            address2: d.ship_address2.clone(),
            city: d.ship_city.clone(),
            province: d.ship_province.clone(),
            zip: d.ship_zip.clone(),
            country: d.ship_country.clone(),
            phone: None,
        };
        let stated_total_cents = d.stated_total.as_deref().and_then(|t| parse_cents(t).ok());
        Ok(Some(Stored {
            detail,
            tags,
            ship_to,
            lines,
            stated_total_cents,
        }))
    }

    pub fn facts<'a>(&'a self, stock: Option<&'a dyn Fn(&str) -> i64>) -> Facts<'a> {
        let d = &self.detail;
        Facts {
            channel: &d.channel,
            name: d.name.as_deref(),
            external_id: &d.external_id,
            tags: &self.tags,
            ship_to: &self.ship_to,
            shipping_method: d.shipping_method.as_deref(),
            carrier_service: d.carrier_service.as_deref(),
            requested_warehouse: d.requested_warehouse.as_deref(),
            status: &d.status,
            lines: &self.lines,
            stated_total_cents: self.stated_total_cents,
            stock,
        }
    }
}

/// Tags as stored (`a, b`) back to a list.
pub fn split_tags(tags: Option<&str>) -> Vec<String> {
    tags.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The physical warehouses whose stock `stock_below` counts for an order of `channel`:
/// the members of its stock source, else every warehouse.
pub fn stock_scope(config: &crate::config::Config, channel: &str) -> Vec<String> {
    super::holds::source_of(config, channel)
        .and_then(|s| config.physical_members(s))
        .unwrap_or_else(|| config.warehouses.keys().cloned().collect())
}
