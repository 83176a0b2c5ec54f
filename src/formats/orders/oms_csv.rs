//! oms-csv: oms's own order CSV, one row per order line (docs/order-files.md).

use std::io::Read;

use crate::formats::csv_table::{CsvRow, CsvTable};
use crate::model::order::OrderIn;

use super::FileError;
use super::csv_group::{
    CsvOrders, Layout, LineColumns, merge_cents, merge_tags, merge_text, merge_time, merge_time_as,
};

pub(super) fn open(source: &str, input: Box<dyn Read>) -> Result<CsvOrders<OmsCsv>, FileError> {
    let table = CsvTable::open(source, input)?;
    table.require(&["order_id", "sku", "quantity"])?;
    let layout = OmsCsv::new(&table);
    Ok(CsvOrders::new(table, layout))
}

/// Column indexes, resolved once per file.
pub(super) struct OmsCsv {
    order_id: Option<usize>,
    order_name: Option<usize>,
    ordered_at: Option<usize>,
    updated_at: Option<usize>,
    status: Option<usize>,
    test: Option<usize>,
    email: Option<usize>,
    customer_name: Option<usize>,
    phone: Option<usize>,
    ship: [Option<usize>; 9],
    shipping_method: Option<usize>,
    carrier_service: Option<usize>,
    warehouse: Option<usize>,
    currency: Option<usize>,
    total: Option<usize>,
    /// subtotal, shipping, tax, discount: the shop's stated parts of the total.
    parts: [Option<usize>; 4],
    tags: Option<usize>,
    note: Option<usize>,
    cancel_after: Option<usize>,
    line: LineColumns,
}

/// The stated parts of the total, in the order of [`OmsCsv::parts`].
const PARTS: [&str; 4] = ["subtotal", "shipping", "tax", "discount"];

/// The address columns, in the order of [`OmsCsv::ship`].
const SHIP: [&str; 9] = [
    "ship_name",
    "ship_company",
    "ship_address1",
    "ship_address2",
    "ship_city",
    "ship_province",
    "ship_zip",
    "ship_country",
    "ship_phone",
];

impl OmsCsv {
    fn new(t: &CsvTable) -> Self {
        OmsCsv {
            order_id: t.column("order_id"),
            order_name: t.column("order_name"),
            ordered_at: t.column("ordered_at"),
            updated_at: t.column("updated_at"),
            status: t.column("status"),
            test: t.column("test"),
            email: t.column("email"),
            customer_name: t.column("customer_name"),
            phone: t.column("phone"),
            ship: SHIP.map(|name| t.column(name)),
            shipping_method: t.column("shipping_method"),
            carrier_service: t.column("carrier_service"),
            warehouse: t.column("warehouse"),
            currency: t.column("currency"),
            total: t.column("total"),
            parts: PARTS.map(|name| t.column(name)),
            tags: t.column("tags"),
            note: t.column("note"),
            cancel_after: t.column("cancel_after"),
            line: LineColumns {
                sku: t.column("sku"),
                quantity: t.column("quantity"),
                price: t.column("price"),
                title: t.column("title"),
                line_id: t.column("line_id"),
                names: ["sku", "quantity", "price"],
            },
        }
    }
}

/// The order's `status` cell as first given; see [`Layout::Scratch`].
#[derive(Default)]
pub(super) struct Scratch {
    status: Option<String>,
}

impl Layout for OmsCsv {
    type Scratch = Scratch;
    const KEY: &'static str = "order_id";

    fn key<'r>(&self, row: &'r CsvRow<'_>) -> Option<&'r str> {
        row.at(self.order_id)
    }

    fn add_row(&self, order: &mut OrderIn, scratch: &mut Scratch, row: &CsvRow<'_>) {
        let p = &mut order.problems;
        merge_text(
            &mut order.name,
            row.at(self.order_name),
            row,
            "order_name",
            p,
        );
        merge_time(
            &mut order.ordered_at,
            row.at(self.ordered_at),
            row,
            "ordered_at",
            p,
        );
        merge_time(
            &mut order.updated_at,
            row.at(self.updated_at),
            row,
            "updated_at",
            p,
        );

        let had_status = scratch.status.is_some();
        merge_text(&mut scratch.status, row.at(self.status), row, "status", p);
        if let (false, Some(status)) = (had_status, &scratch.status) {
            match status.to_ascii_lowercase().as_str() {
                "open" => {}
                "cancelled" | "canceled" => order.cancelled = true,
                _ => p.push(
                    row.problem("status", format!("`{status}` is not `open` or `cancelled`")),
                ),
            }
        }
        if let Some(test) = row.at(self.test) {
            match test.to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => order.test = true,
                "false" | "no" | "0" => {}
                _ => p.push(row.problem("test", format!("`{test}` is not true or false"))),
            }
        }

        merge_text(&mut order.email, row.at(self.email), row, "email", p);
        let name = row.at(self.customer_name);
        merge_text(&mut order.customer_name, name, row, "customer_name", p);
        merge_text(&mut order.phone, row.at(self.phone), row, "phone", p);
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
        for ((slot, column), field) in parts.into_iter().zip(self.ship).zip(SHIP) {
            merge_text(slot, row.at(column), row, field, p);
        }
        let method = row.at(self.shipping_method);
        merge_text(
            &mut order.shipping_method,
            method,
            row,
            "shipping_method",
            p,
        );
        let service = row.at(self.carrier_service);
        merge_text(
            &mut order.carrier_service,
            service,
            row,
            "carrier_service",
            p,
        );
        let warehouse = row.at(self.warehouse);
        merge_text(
            &mut order.requested_warehouse,
            warehouse,
            row,
            "warehouse",
            p,
        );
        merge_text(
            &mut order.currency,
            row.at(self.currency),
            row,
            "currency",
            p,
        );
        merge_cents(&mut order.total_cents, row.at(self.total), row, "total", p);
        let [sub, ship, tax, disc] = self.parts;
        merge_cents(&mut order.subtotal_cents, row.at(sub), row, PARTS[0], p);
        merge_cents(&mut order.shipping_cents, row.at(ship), row, PARTS[1], p);
        merge_cents(&mut order.tax_cents, row.at(tax), row, PARTS[2], p);
        merge_cents(&mut order.discount_cents, row.at(disc), row, PARTS[3], p);
        merge_tags(&mut order.tags, row.at(self.tags), row, "tags", p);
        let note = row
            .raw_at(self.note)
            .map(str::trim)
            .filter(|n| !n.is_empty());
        merge_text(&mut order.note, note, row, "note", p);
        merge_time_as(
            &mut order.cancel_after,
            row.at(self.cancel_after),
            row,
            "cancel_after",
            p,
            crate::model::order::normalize_cancel_after,
        );

        order.lines.push(self.line.read(row, p));
    }

    fn finish(&self, order: &mut OrderIn, key: &str, _scratch: Scratch) {
        order.external_id = key.to_string();
    }
}

#[cfg(test)]
#[path = "oms_csv_tests.rs"]
mod tests;
