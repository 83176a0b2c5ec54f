use std::io::{Cursor, Read};

use crate::formats::orders::{OrderFormat, read_orders};
use crate::model::order::OrderIn;

fn read(name: &str, bytes: &[u8]) -> Vec<OrderIn> {
    read_orders(
        OrderFormat::OmsJson,
        name,
        Box::new(Cursor::new(bytes.to_vec())),
    )
    .expect("open")
    .collect()
}

fn open_error(bytes: &[u8]) -> String {
    match read_orders(
        OrderFormat::OmsJson,
        "x.json",
        Box::new(Cursor::new(bytes.to_vec())),
    ) {
        Ok(_) => panic!("{:?} opened", String::from_utf8_lossy(bytes)),
        Err(e) => e.to_string(),
    }
}

#[test]
fn an_array_reads_model_fields_and_their_aliases() {
    let orders = read(
        "orders.json",
        include_bytes!("../../../tests/fixtures/orders/oms-orders.json"),
    );
    assert_eq!(orders.len(), 3);
    for o in &orders {
        assert!(o.problems.is_empty(), "{}: {:?}", o.external_id, o.problems);
    }
    let o = &orders[0];
    assert_eq!(
        (o.external_id.as_str(), o.source.as_str()),
        ("4001", "orders.json:2")
    );
    assert_eq!(o.ordered_at.as_deref(), Some("2025-03-07T14:30:00Z"));
    assert_eq!(o.ship_to.zip.as_deref(), Some("02110"));
    assert_eq!(o.total_cents, Some(5248));
    assert_eq!(o.note.as_deref(), Some("Gift wrap, please.\nNo invoice."));
    assert_eq!(o.lines[1].sku, "MUG-WHT");
    assert_eq!(o.lines[1].external_line_id.as_deref(), Some("4001-2"));
    assert_eq!(o.units(), 3);

    let o = &orders[1];
    assert_eq!(o.external_id, "4002", "a numeric order_id is taken as text");
    assert_eq!(o.name.as_deref(), Some("#4002"));
    assert!(o.cancelled);
    assert_eq!(
        (o.total_cents, o.lines[0].price_cents),
        (Some(1500), Some(1500))
    );
    assert_eq!(o.source, "orders.json:27");

    let o = &orders[2];
    assert_eq!(o.requested_warehouse.as_deref(), Some("east"));
    assert_eq!(o.carrier_service.as_deref(), Some("ups-ground"));
    assert_eq!(o.total_cents, Some(6300), "a decimal number");
    assert_eq!(o.tags, ["wholesale", "rush"], "tags as one string");
    assert_eq!(o.lines[0].price_cents, Some(4900));
}

#[test]
fn ndjson_streams_past_a_malformed_line() {
    let orders = read(
        "orders.ndjson",
        include_bytes!("../../../tests/fixtures/orders/oms-orders.ndjson"),
    );
    let ids: Vec<&str> = orders.iter().map(|o| o.external_id.as_str()).collect();
    assert_eq!(ids, ["5001", "", "5003", "5004", "5005"]);
    assert!(orders[0].problems.is_empty());
    assert_eq!(orders[1].source, "orders.ndjson:2 (record 2)");
    assert_eq!(
        orders[1].key(),
        "orders.ndjson:2 (record 2)",
        "filed under its place"
    );
    assert_eq!(
        orders[1].problems,
        ["orders.ndjson:2: record 2: malformed JSON at column 113: EOF while parsing a list"],
        "the line ends without closing its lines list"
    );
    assert!(orders[2].problems.is_empty());
    assert_eq!(
        orders[3].source, "orders.ndjson:5",
        "the blank line is counted"
    );
    assert_eq!(
        orders[3].problems,
        [
            "orders.ndjson:5: record 4: lines[0].quantity: expected a whole number, found the text \"two\""
        ]
    );
    assert_eq!(
        orders[4].lines[0].sku, "POSTER-XL",
        "unknown SKUs pass through"
    );
}

#[test]
fn wrong_types_name_the_record_and_the_field() {
    let text = br##"[
{"external_id": "1", "cancelled": "yes", "tags": [1], "ship_to": {"zip": ["x"]},
 "total_cents": 10.5, "lines": [{"sku": "A", "quantity": 1.5, "price": "abc"}, 7]},
{"external_id": "2", "lines": "A x1"},
{"name": "#3", "lines": [{"quantity": 2.0}]},
"not an order"
]"##;
    let orders = read("t.json", text);
    assert_eq!(
        orders[0].problems,
        [
            "t.json:2: record 1: cancelled: expected true or false, found the text \"yes\"",
            "t.json:2: record 1: ship_to.zip: expected text, found a list",
            "t.json:2: record 1: total_cents: `10.5` is not a whole number of cents",
            "t.json:2: record 1: tags[0]: expected text, found the number 1",
            "t.json:2: record 1: lines[0].quantity: `1.5` is not a whole number",
            "t.json:2: record 1: lines[0].price: `abc` is not an amount",
            "t.json:2: record 1: lines[1]: expected an object, found the number 7",
        ]
    );
    assert_eq!(
        orders[1].problems,
        [
            "t.json:4: record 2: lines: expected a list of lines, found the text \"A x1\"",
            "t.json:4: lines: the order has no lines",
        ]
    );
    assert_eq!(
        orders[2].problems,
        [
            "t.json:5: record 3: external_id: is missing",
            "t.json:5: record 3: lines[0].sku: is missing",
        ]
    );
    assert_eq!(orders[2].lines[0].quantity, 2, "2.0 is a whole number");
    assert_eq!(
        orders[3].problems,
        ["t.json:6: record 4: expected an order object, found the text \"not an order\""]
    );
}

#[test]
fn a_malformed_element_is_skipped_and_the_array_goes_on() {
    let text = b"[{\"external_id\": \"1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1}]},\n {\"external_id\": \"2\" \"lines\": []},\n {\"external_id\": \"3\", \"lines\": [{\"sku\": \"B\", \"quantity\": 1}]}]";
    let orders = read("a.json", text);
    let ids: Vec<&str> = orders.iter().map(|o| o.external_id.as_str()).collect();
    assert_eq!(ids, ["1", "", "3"]);
    assert_eq!(orders[1].problems.len(), 1);
    assert!(
        orders[1].problems[0].starts_with("a.json:2: record 2: malformed JSON at column 22: "),
        "{:?}",
        orders[1].problems
    );
    assert!(orders[2].problems.is_empty());
}

#[test]
fn a_cut_short_array_keeps_what_came_before() {
    let text = b"[{\"external_id\": \"1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1}]},\n{\"external_id\": \"2\", \"li";
    let orders = read("cut.json", text);
    assert_eq!(orders.len(), 3);
    assert!(orders[0].problems.is_empty());
    assert!(
        orders[1].problems[0].contains("malformed JSON"),
        "{:?}",
        orders[1]
    );
    assert_eq!(
        orders[2].problems,
        ["cut.json:2: the array is never closed with `]`; the file may be cut short"]
    );
}

#[test]
fn ids_met_twice_are_problems_on_the_second() {
    let text = b"{\"external_id\": \"1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1}]}\n{\"external_id\": \"1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 2}]}\n";
    let orders = read("d.ndjson", text);
    assert!(orders[0].problems.is_empty());
    assert_eq!(
        orders[1].problems,
        ["d.ndjson:2: record 2: external_id: `1` already appeared on line 1"]
    );
}

#[test]
fn a_rejection_payload_reads_back_as_the_same_order() {
    let orders = read(
        "orders.json",
        include_bytes!("../../../tests/fixtures/orders/oms-orders.json"),
    );
    let payload = serde_json::to_string(&orders[0]).expect("serialise");
    let again = read("payload.ndjson", payload.as_bytes());
    assert_eq!(again[0].fingerprint(), orders[0].fingerprint());
    assert!(again[0].problems.is_empty(), "{:?}", again[0].problems);
}

#[test]
fn files_that_are_not_oms_json_are_refused_up_front() {
    assert_eq!(open_error(b""), "x.json: the file is empty");
    assert_eq!(open_error(b" \n\t"), "x.json: the file is empty");
    assert!(open_error(b"\n<xml/>").starts_with("x.json:2: not oms-json"));
    assert!(open_error(b"{\n  \"external_id\": \"1\"\n}\n").contains("pretty-printed"));
}

#[test]
fn a_bom_is_skipped() {
    let orders = read(
        "b.ndjson",
        b"\xEF\xBB\xBF{\"external_id\": \"1\", \"lines\": [{\"sku\": \"A\", \"quantity\": 1}]}\n",
    );
    assert_eq!(orders.len(), 1);
    assert!(orders[0].problems.is_empty(), "{:?}", orders[0].problems);
}

/// NDJSON generated on the fly: orders come out before the input is over.
#[test]
fn ndjson_is_read_lazily() {
    struct Lines(u64);
    impl Read for Lines {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Ok(0);
            }
            self.0 -= 1;
            let line = format!(
                "{{\"external_id\": \"{}\", \"lines\": [{{\"sku\": \"A\", \"quantity\": 1}}]}}\n",
                self.0
            );
            let n = line.len().min(buf.len());
            buf[..n].copy_from_slice(&line.as_bytes()[..n]);
            Ok(n)
        }
    }
    let mut stream =
        read_orders(OrderFormat::OmsJson, "g.ndjson", Box::new(Lines(50_000))).expect("open");
    let first = stream.next().expect("an order");
    assert_eq!(first.external_id, "49999");
    assert_eq!(stream.count(), 49_999);
}
