use std::io::{Cursor, Read};

use crate::formats::orders::{OrderFormat, read_orders};
use crate::model::order::OrderIn;

fn read(name: &str, bytes: &[u8]) -> Vec<OrderIn> {
    read_orders(
        OrderFormat::OmsCsv,
        name,
        Box::new(Cursor::new(bytes.to_vec())),
    )
    .expect("open")
    .collect()
}

fn fixture() -> Vec<OrderIn> {
    read(
        "oms-orders.csv",
        include_bytes!("../../../tests/fixtures/orders/oms-orders.csv"),
    )
}

fn skus(order: &OrderIn) -> Vec<(&str, i64)> {
    order
        .lines
        .iter()
        .map(|l| (l.sku.as_str(), l.quantity))
        .collect()
}

#[test]
fn rows_group_into_orders_with_order_columns_from_the_first_row() {
    let orders = fixture();
    let ids: Vec<&str> = orders.iter().map(|o| o.external_id.as_str()).collect();
    assert_eq!(ids, ["1001", "1002", "1003", "1004", "1005"]);
    for o in &orders {
        assert!(o.problems.is_empty(), "{}: {:?}", o.external_id, o.problems);
    }

    let o = &orders[0];
    assert_eq!(
        skus(o),
        [("TEE-BLK-S", 2), ("MUG-WHT", 1), ("STICKER-PACK", 1)]
    );
    assert_eq!(o.source, "oms-orders.csv:2");
    let sources: Vec<&str> = o.lines.iter().map(|l| l.source.as_str()).collect();
    assert_eq!(
        sources,
        ["oms-orders.csv:2", "oms-orders.csv:3", "oms-orders.csv:4"]
    );
    assert_eq!(o.name.as_deref(), Some("#1001"));
    assert_eq!(o.email.as_deref(), Some("ann@example.com"));
    assert_eq!(o.ship_to.zip.as_deref(), Some("02134"), "zips stay text");
    assert_eq!(o.ship_to.address2.as_deref(), Some("Apt 3"));
    assert_eq!(o.total_cents, Some(5648));
    assert_eq!(o.tags, ["vip", "gift"]);
    assert_eq!(o.lines[1].price_cents, Some(1250));
    assert_eq!(o.lines[2].external_line_id.as_deref(), Some("1001-3"));
    assert_eq!(o.units(), 4);
    assert!(!o.cancelled);
}

#[test]
fn repeated_order_columns_and_quoted_newlines() {
    let orders = fixture();
    let o = &orders[1];
    assert_eq!(
        o.note.as_deref(),
        Some("Leave at the back door.\nRing twice.")
    );
    assert_eq!(o.ship_to.company.as_deref(), Some("Stone & Co"));
    assert_eq!(
        o.ordered_at.as_deref(),
        Some("2025-03-05T14:00:00Z"),
        "offset times become UTC"
    );
    let lines: Vec<&str> = o.lines.iter().map(|l| l.source.as_str()).collect();
    assert_eq!(
        lines,
        ["oms-orders.csv:5", "oms-orders.csv:7"],
        "a quoted newline moves the next row's line on"
    );
    assert_eq!(orders[2].source, "oms-orders.csv:9");
}

#[test]
fn cancellation_warehouse_and_unknown_skus_pass_through() {
    let orders = fixture();
    assert!(orders[2].cancelled, "status `cancelled`");
    assert_eq!(
        orders[2].updated_at.as_deref(),
        Some("2025-03-06T08:00:00Z")
    );
    let o = &orders[3];
    assert_eq!(o.requested_warehouse.as_deref(), Some("west"));
    assert_eq!(o.carrier_service.as_deref(), Some("ups-ground"));
    assert_eq!(skus(&orders[4]), [("TOTE-NAT", 1), ("POSTER-XL", 1)]);
}

#[test]
fn bad_values_are_named_with_file_line_and_field() {
    let orders = read(
        "bad.csv",
        include_bytes!("../../../tests/fixtures/orders/oms-orders-bad.csv"),
    );
    let by_source: Vec<(&str, &str, Vec<&str>)> = orders
        .iter()
        .map(|o| {
            let problems = o.problems.iter().map(String::as_str).collect();
            (o.external_id.as_str(), o.source.as_str(), problems)
        })
        .collect();
    assert_eq!(
        by_source,
        [
            (
                "2001",
                "bad.csv:2",
                vec![
                    "bad.csv:2: quantity: `two` is not a whole number",
                    "bad.csv:3: sku: is empty",
                ]
            ),
            (
                "2002",
                "bad.csv:4",
                vec![
                    "bad.csv:4: quantity: `0` is not more than 0",
                    "bad.csv:5: price: `free` is not an amount",
                ]
            ),
            ("2003", "bad.csv:6", vec![]),
            (
                "2001",
                "bad.csv:7",
                vec![
                    "bad.csv:7: order_id: `2001` already appeared on line 2; \
                     the rows of one order must be next to each other"
                ]
            ),
            (
                "",
                "bad.csv:8",
                vec!["bad.csv:8: order_id: is empty, so this row cannot be matched to an order"]
            ),
            (
                "2004",
                "bad.csv:9",
                vec![
                    "bad.csv:9: quantity: `-3` is not more than 0",
                    "bad.csv:10: order_name: `#2005` differs from `#2004` given earlier for this order",
                ]
            ),
        ]
    );
    // The bad lines are kept, so a rejection shows what the file said.
    assert_eq!(skus(&orders[0]), [("TEE-BLK-S", 0), ("", 1)]);
    assert_eq!(orders[5].lines[0].quantity, -3);
    assert_eq!(orders[4].lines[0].sku, "TOTE-NAT");
}

#[test]
fn invalid_utf8_is_charged_to_its_order_and_the_rest_reads_on() {
    let orders = read(
        "utf8.csv",
        include_bytes!("../../../tests/fixtures/orders/oms-orders-invalid-utf8.csv"),
    );
    assert_eq!(orders.len(), 2);
    assert_eq!(orders[0].external_id, "3001");
    assert_eq!(orders[0].problems.len(), 1);
    assert!(
        orders[0].problems[0].starts_with("utf8.csv:2: note: is not valid UTF-8"),
        "{:?}",
        orders[0].problems
    );
    assert_eq!(orders[1].external_id, "3002");
    assert!(orders[1].problems.is_empty());
}

#[test]
fn bom_and_semicolons() {
    // European Excel: BOM, `;` between cells, decimal commas.
    let text = "\u{feff}order_id;sku;quantity;price;tags\n7;MUG-WHT;1;12,50;a\n7;CAP-RED;2;15;\n";
    let orders = read("eu.csv", text.as_bytes());
    assert_eq!(orders.len(), 1);
    assert_eq!(skus(&orders[0]), [("MUG-WHT", 1), ("CAP-RED", 2)]);
    assert_eq!(orders[0].lines[0].price_cents, Some(1250));
    assert_eq!(orders[0].tags, ["a"]);
    assert!(orders[0].problems.is_empty(), "{:?}", orders[0].problems);
}

#[test]
fn conflicting_order_values_are_problems() {
    let text = "order_id,email,status,total,sku,quantity\n\
                1,a@x.com,open,10,A,1\n\
                1,b@x.com,cancelled,11,B,1\n\
                2,,paid,,C,1\n";
    let orders = read("c.csv", text.as_bytes());
    assert_eq!(
        orders[0].email.as_deref(),
        Some("a@x.com"),
        "the first value wins"
    );
    assert!(!orders[0].cancelled);
    let fields: Vec<&str> = orders[0]
        .problems
        .iter()
        .map(|p| p.split(": ").nth(1).unwrap_or_default())
        .collect();
    assert_eq!(fields, ["status", "email", "total"]);
    assert_eq!(
        orders[1].problems,
        ["c.csv:4: status: `paid` is not `open` or `cancelled`"]
    );
}

#[test]
fn required_columns_are_checked_up_front() {
    let Err(e) = read_orders(
        OrderFormat::OmsCsv,
        "o.csv",
        Box::new(Cursor::new(b"order_id,qty\n1,2\n".to_vec())),
    ) else {
        panic!("a file without sku and quantity opened");
    };
    assert_eq!(e.to_string(), "o.csv:1: missing column(s): sku, quantity");
    let Err(e) = read_orders(
        OrderFormat::OmsCsv,
        "e.csv",
        Box::new(Cursor::new(Vec::new())),
    ) else {
        panic!("an empty file opened");
    };
    assert!(e.to_string().starts_with("e.csv:1: "), "{e}");
}

#[test]
fn an_unclosed_quote_is_charged_to_the_order_that_swallowed_the_rest() {
    let text = "order_id,sku,quantity,note\n1,A,1,\"ok\"\n2,B,1,\"oops\n3,C,1,x\n4,D,1,y\n";
    let orders = read("q.csv", text.as_bytes());
    assert_eq!(orders.len(), 2);
    assert!(orders[0].problems.is_empty());
    assert_eq!(
        orders[1].problems,
        [
            "q.csv:3-5: note: a quoted value runs from line 3 to line 5 and takes in 2 line(s) \
             that look like rows of their own (order_id found inside: 3, 4); close the quote \
             (or write a quote inside a value as \"\"): those lines were not read as rows",
            "q.csv:3: note: a quoted value starts on this row and is never closed, \
          so the rest of the file was read into it"
        ]
    );
}

#[test]
fn timestamps_that_cannot_be_read_are_problems_kept_as_written() {
    let text = "order_id,ordered_at,sku,quantity\n1,next tuesday,A,1\n";
    let orders = read("t.csv", text.as_bytes());
    assert_eq!(orders[0].ordered_at.as_deref(), Some("next tuesday"));
    assert_eq!(
        orders[0].problems,
        ["t.csv:2: ordered_at: `next tuesday` is not a date and time"]
    );
}

#[test]
fn cancel_after_is_an_order_column_whose_dates_end_the_day() {
    let text = "order_id,sku,quantity,cancel_after\n\
                1,A,1,2026-12-24\n1,B,1,2026-12-24T23:59:59Z\n\
                2,A,1,2026-12-24 18:00:00 -0500\n\
                3,A,1,2026-12-24\n3,B,1,2026-12-25\n";
    let orders = read("t.csv", text.as_bytes());
    // Row 2 repeats the stored form of row 1's date: they agree.
    assert_eq!(
        orders[0].cancel_after.as_deref(),
        Some("2026-12-24T23:59:59Z")
    );
    assert!(orders[0].problems.is_empty(), "{:?}", orders[0].problems);
    assert_eq!(
        orders[1].cancel_after.as_deref(),
        Some("2026-12-24T23:00:00Z")
    );
    assert_eq!(
        orders[2].problems,
        [
            "t.csv:6: cancel_after: `2026-12-25T23:59:59Z` differs from `2026-12-24T23:59:59Z` given earlier for this order"
        ]
    );
}

#[test]
fn a_read_failure_is_charged_to_the_order_it_interrupted() {
    struct Failing(bool);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if std::mem::replace(&mut self.0, true) {
                return Err(std::io::Error::other("connection reset"));
            }
            let text = b"order_id,sku,quantity\n1,A,1\n2,B,1\n";
            buf[..text.len()].copy_from_slice(text);
            Ok(text.len())
        }
    }
    let orders: Vec<OrderIn> = read_orders(OrderFormat::OmsCsv, "r.csv", Box::new(Failing(false)))
        .expect("open")
        .collect();
    assert_eq!(orders.len(), 2, "the stream ends after the failure");
    assert!(orders[0].problems.is_empty());
    assert_eq!(orders[1].external_id, "2");
    assert_eq!(orders[1].problems.len(), 1, "order 2 may be missing rows");
    assert!(
        orders[1].problems[0].contains("connection reset"),
        "{:?}",
        orders[1].problems
    );
}

/// An oms-csv file generated on the fly, never held whole in memory.
struct Generated {
    rows: u64,
    next_row: u64,
    chunk: Vec<u8>,
    pos: usize,
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pos == self.chunk.len() {
            self.chunk.clear();
            self.pos = 0;
            if self.next_row == 0 {
                self.chunk
                    .extend_from_slice(b"order_id,email,total,sku,quantity,price\n");
            }
            while self.chunk.len() < 8192 && self.next_row < self.rows {
                let order = self.next_row / 3;
                let row = format!(
                    "{order},c{order}@example.com,59.97,SKU-{},1,19.99\n",
                    self.next_row % 3
                );
                self.chunk.extend_from_slice(row.as_bytes());
                self.next_row += 1;
            }
        }
        let n = buf.len().min(self.chunk.len() - self.pos);
        buf[..n].copy_from_slice(&self.chunk[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[test]
fn a_large_file_streams_order_by_order() {
    let rows = 200_000;
    let input = Generated {
        rows,
        next_row: 0,
        chunk: Vec::new(),
        pos: 0,
    };
    let stream = read_orders(OrderFormat::OmsCsv, "big.csv", Box::new(input)).expect("open");
    let (mut orders, mut lines, mut problems, mut last) = (0u64, 0u64, 0usize, String::new());
    for order in stream {
        orders += 1;
        lines += order.lines.len() as u64;
        problems += order.problems.len();
        last = order.source;
    }
    assert_eq!((orders, lines, problems), (rows.div_ceil(3), rows, 0));
    assert_eq!(last, format!("big.csv:{}", (rows / 3) * 3 + 2));
}
