//! Shopify admin's "Export orders" CSV: one row per line item, rows grouped by `Name`
//! (`#1001`), order columns filled on the order's first row only. Of its ~79 columns
//! only those below are read; all are found by header name (docs/order-files.md).

use std::io::Read;

use crate::formats::csv_table::{CsvRow, CsvTable};
use crate::model::order::OrderIn;

use super::FileError;
use super::csv_group::{
    CsvOrders, Layout, LineColumns, merge_cents, merge_tags, merge_text, merge_time,
};

pub(super) fn open(source: &str, input: Box<dyn Read>) -> Result<CsvOrders<ShopifyCsv>, FileError> {
    let table = CsvTable::open(source, input)?;
    table.require(&["Name", "Lineitem quantity", "Lineitem sku"])?;
    let layout = ShopifyCsv::new(&table);
    Ok(CsvOrders::new(table, layout))
}

/// Column indexes, resolved once per file.
pub(super) struct ShopifyCsv {
    name: Option<usize>,
    id: Option<usize>,
    email: Option<usize>,
    phone: Option<usize>,
    billing_name: Option<usize>,
    billing_phone: Option<usize>,
    shipping: [Option<usize>; 9],
    shipping_street: Option<usize>,
    shipping_method: Option<usize>,
    currency: Option<usize>,
    total: Option<usize>,
    /// Subtotal, Shipping, Taxes, Discount Amount as Shopify's export names them.
    parts: [Option<usize>; 4],
    created_at: Option<usize>,
    cancelled_at: Option<usize>,
    tags: Option<usize>,
    notes: Option<usize>,
    line: LineColumns,
}

/// The stated parts of the total, in the order of [`ShopifyCsv::parts`].
const PARTS: [&str; 4] = ["Subtotal", "Shipping", "Taxes", "Discount Amount"];

/// The shipping address columns, in the order of [`crate::model::order::Address`].
const SHIPPING: [&str; 9] = [
    "Shipping Name",
    "Shipping Company",
    "Shipping Address1",
    "Shipping Address2",
    "Shipping City",
    "Shipping Province",
    "Shipping Zip",
    "Shipping Country",
    "Shipping Phone",
];

impl ShopifyCsv {
    fn new(t: &CsvTable) -> Self {
        ShopifyCsv {
            name: t.column("Name"),
            id: t.column("Id"),
            email: t.column("Email"),
            phone: t.column("Phone"),
            billing_name: t.column("Billing Name"),
            billing_phone: t.column("Billing Phone"),
            shipping: SHIPPING.map(|name| t.column(name)),
            shipping_street: t.column("Shipping Street"),
            shipping_method: t.column("Shipping Method"),
            currency: t.column("Currency"),
            total: t.column("Total"),
            parts: PARTS.map(|name| t.column(name)),
            created_at: t.column("Created at"),
            cancelled_at: t.column("Cancelled at"),
            tags: t.column("Tags"),
            notes: t.column("Notes"),
            line: LineColumns {
                sku: t.column("Lineitem sku"),
                quantity: t.column("Lineitem quantity"),
                price: t.column("Lineitem price"),
                title: t.column("Lineitem name"),
                // The export has no line item id.
                line_id: None,
                names: ["Lineitem sku", "Lineitem quantity", "Lineitem price"],
            },
        }
    }
}

/// Values settled when the order is complete; see [`Layout::Scratch`].
#[derive(Default)]
pub(super) struct Scratch {
    id: Option<String>,
    cancelled_at: Option<String>,
    billing_phone: Option<String>,
}

/// Excel turns `02134` into `2134` and `+1…` into a formula, so Shopify writes a `'`
/// before zips and phone numbers; it is not part of the value.
fn unquote(value: Option<&str>) -> Option<&str> {
    value
        .map(|v| v.strip_prefix('\'').unwrap_or(v).trim())
        .filter(|v| !v.is_empty())
}

impl Layout for ShopifyCsv {
    type Scratch = Scratch;
    const KEY: &'static str = "Name";

    fn key<'r>(&self, row: &'r CsvRow<'_>) -> Option<&'r str> {
        row.at(self.name)
    }

    fn add_row(&self, order: &mut OrderIn, scratch: &mut Scratch, row: &CsvRow<'_>) {
        let p = &mut order.problems;
        merge_text(&mut scratch.id, row.at(self.id), row, "Id", p);
        merge_text(&mut order.name, row.at(self.name), row, "Name", p);
        merge_text(&mut order.email, row.at(self.email), row, "Email", p);
        merge_text(
            &mut order.phone,
            unquote(row.at(self.phone)),
            row,
            "Phone",
            p,
        );
        let billing_phone = unquote(row.at(self.billing_phone));
        merge_text(
            &mut scratch.billing_phone,
            billing_phone,
            row,
            "Billing Phone",
            p,
        );
        let billing_name = row.at(self.billing_name);
        merge_text(
            &mut order.customer_name,
            billing_name,
            row,
            "Billing Name",
            p,
        );

        let a = &mut order.ship_to;
        let parts = [
            &mut a.name,
            &mut a.company,
            &mut a.address1,
            &mut a.address2,
            &mut a.city,
            &mut a.province,
            &mut a.zip,
            &mut a.country,
            &mut a.phone,
        ];
        for ((slot, column), field) in parts.into_iter().zip(self.shipping).zip(SHIPPING) {
            let value = match field {
                "Shipping Zip" | "Shipping Phone" => unquote(row.at(column)),
                // Some exports fill only `Shipping Street` (address1 and 2 joined).
                "Shipping Address1" => row.at(column).or(row.at(self.shipping_street)),
                _ => row.at(column),
            };
            merge_text(slot, value, row, field, p);
        }

        let method = row.at(self.shipping_method);
        merge_text(
            &mut order.shipping_method,
            method,
            row,
            "Shipping Method",
            p,
        );
        merge_text(
            &mut order.currency,
            row.at(self.currency),
            row,
            "Currency",
            p,
        );
        merge_cents(&mut order.total_cents, row.at(self.total), row, "Total", p);
        let [sub, ship, tax, disc] = self.parts;
        merge_cents(&mut order.subtotal_cents, row.at(sub), row, PARTS[0], p);
        merge_cents(&mut order.shipping_cents, row.at(ship), row, PARTS[1], p);
        merge_cents(&mut order.tax_cents, row.at(tax), row, PARTS[2], p);
        merge_cents(&mut order.discount_cents, row.at(disc), row, PARTS[3], p);
        merge_time(
            &mut order.ordered_at,
            row.at(self.created_at),
            row,
            "Created at",
            p,
        );
        let cancelled = row.at(self.cancelled_at);
        merge_text(&mut scratch.cancelled_at, cancelled, row, "Cancelled at", p);
        merge_tags(&mut order.tags, row.at(self.tags), row, "Tags", p);
        let notes = row
            .raw_at(self.notes)
            .map(str::trim)
            .filter(|n| !n.is_empty());
        merge_text(&mut order.note, notes, row, "Notes", p);

        order.lines.push(self.line.read(row, p));
    }

    fn finish(&self, order: &mut OrderIn, key: &str, scratch: Scratch) {
        // The numeric Id is what Shopify's API calls the order, so an order imported from
        // the export and later from the API is recognised as the same one.
        order.external_id = scratch.id.unwrap_or_else(|| key.to_string());
        order.cancelled = scratch.cancelled_at.is_some();
        if order.phone.is_none() {
            order.phone = scratch
                .billing_phone
                .or_else(|| order.ship_to.phone.clone());
        }
        if order.customer_name.is_none() {
            order.customer_name = order.ship_to.name.clone();
        }
    }
}

#[cfg(test)]
#[path = "shopify_csv_tests.rs"]
mod tests;
