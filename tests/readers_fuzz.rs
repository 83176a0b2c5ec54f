//! Fuzzing every reader: random bytes and mutations of real seed files (byte flips,
//! truncation, inserted quotes/newlines/NULs/invalid UTF-8, duplicated lines) go through
//! each parser. Whatever comes in, a reader must not panic, must not loop, and must
//! account for what it read: the file is refused whole with a message naming it, or every
//! record it hands back names the file and a line (or record index) that exists, and
//! every problem of a rejected record does too.
//!
//! The library entry points are driven directly (not the binary) so a few hundred cases
//! per reader stay within seconds in a debug build.

use std::io::Cursor;
use std::path::Path;

use oms::connectors::{Fetched, FulfillmentChannel};
use oms::formats::orders::{OrderFormat, read_orders};
use oms::formats::products::{ProductFormat, ProductReader, RowKind};
use proptest::prelude::*;
use proptest::sample::Index;

const CASES: u32 = 256;

// ---------------------------------------------------------------------------------------
// Seeds and mutations

const OMS_ORDERS_CSV: &[u8] = include_bytes!("fixtures/orders/oms-orders.csv");
const OMS_ORDERS_BAD: &[u8] = include_bytes!("fixtures/orders/oms-orders-bad.csv");
const OMS_ORDERS_JSON: &[u8] = include_bytes!("fixtures/orders/oms-orders.json");
const OMS_ORDERS_NDJSON: &[u8] = include_bytes!("fixtures/orders/oms-orders.ndjson");
const SHOPIFY_ORDERS: &[u8] = include_bytes!("fixtures/orders/shopify-orders-export.csv");
const SHOPIFY_ORDERS_SEMI: &[u8] =
    include_bytes!("fixtures/orders/shopify-orders-semicolon-bom.csv");
const OMS_PRODUCTS: &[u8] = include_bytes!("fixtures/products/oms-products.csv");
const SHOPIFY_PRODUCTS: &[u8] = include_bytes!("fixtures/products/shopify-products.csv");
const STOCK_CSV: &[u8] = include_bytes!("fixtures/stock/snapshot-east.csv");
const STOCK_PROBLEMS: &[u8] = include_bytes!("fixtures/stock/snapshot-problems.csv");
const STOCK_JSON: &[u8] = include_bytes!("fixtures/stock/snapshot-east.json");
const RECEIPTS_CSV: &[u8] = include_bytes!("fixtures/purchases/receipts-mixed.csv");
const RECEIPTS_JSON: &[u8] = include_bytes!("fixtures/purchases/receipts-pallets.json");
const CONFIRMATIONS_CSV: &[u8] = include_bytes!("fixtures/fuzz/confirmations.csv");
const CONFIRMATIONS_JSON: &[u8] = include_bytes!("fixtures/fuzz/confirmations.json");
const CONFIG_SEED: &[u8] = include_bytes!("fixtures/fuzz/config.toml");

/// Bytes that break parsers in interesting places.
const INSERTS: &[&[u8]] = &[
    b"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    b",",
    b";",
    b"{",
    b"}",
    b"[",
    b"]",
    b"=",
    b"-1",
    b"99999999999999999999999",
    b"1e400",
    b"null",
    b"\"\"\"",
    b"\n\n\n",
    b"\\u0000",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(Index, u8),
    Truncate(Index),
    Insert(Index, usize),
    DuplicateLine(Index),
    DeleteLine(Index),
    Random(Index, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 0..INSERTS.len()).prop_map(|(i, k)| Mutation::Insert(i, k)),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        any::<Index>().prop_map(Mutation::DeleteLine),
        (any::<Index>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::Random(i, b)),
    ]
}

/// Line `k` of `bytes` as a byte range, newline included.
fn line_range(bytes: &[u8], k: &Index) -> Option<std::ops::Range<usize>> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|s| *s < bytes.len())
        .collect();
    if starts.is_empty() {
        return None;
    }
    let n = k.index(starts.len());
    let end = starts.get(n + 1).copied().unwrap_or(bytes.len());
    Some(starts[n]..end)
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let at = |i: &Index, len: usize| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::Flip(i, bit) if !bytes.is_empty() => {
            let p = i.index(bytes.len());
            bytes[p] ^= 1 << bit;
        }
        Mutation::Flip(..) => {}
        Mutation::Truncate(i) => bytes.truncate(at(i, bytes.len())),
        Mutation::Insert(i, k) => {
            let p = at(i, bytes.len());
            bytes.splice(p..p, INSERTS[*k].iter().copied());
        }
        Mutation::DuplicateLine(i) => {
            if let Some(r) = line_range(&bytes, i) {
                let mut line = bytes[r.clone()].to_vec();
                if line.last() != Some(&b'\n') {
                    line.insert(0, b'\n');
                }
                bytes.splice(r.end..r.end, line);
            }
        }
        Mutation::DeleteLine(i) => {
            if let Some(r) = line_range(&bytes, i) {
                bytes.drain(r);
            }
        }
        Mutation::Random(i, b) => {
            let p = at(i, bytes.len());
            bytes.splice(p..p, b.iter().copied());
        }
    }
    bytes
}

/// A seed from `seeds` with up to five mutations, or (one case in six) bytes made up
/// from nothing.
fn input(seeds: &'static [&'static [u8]]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        5 => (0..seeds.len(), prop::collection::vec(mutation(), 0..6)).prop_map(
            move |(s, ms)| ms.iter().fold(seeds[s].to_vec(), apply)
        ),
        1 => prop::collection::vec(any::<u8>(), 0..256),
    ]
}

// ---------------------------------------------------------------------------------------
// What "accounted for" means

/// Every place `text` cites in `name` (`name:LINE` or `name[INDEX]`) exists in `bytes`,
/// and `text` cites at least one.
fn names_a_place(text: &str, name: &str, bytes: &[u8]) -> Result<(), String> {
    let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let mut cited = false;
    for (at, _) in text.match_indices(name) {
        let rest = &text[at + name.len()..];
        let (bound, digits) = if let Some(r) = rest.strip_prefix(':') {
            (lines, r)
        } else if let Some(r) = rest.strip_prefix('[') {
            (bytes.len() as u64, r)
        } else {
            continue;
        };
        let n: String = digits.chars().take_while(char::is_ascii_digit).collect();
        let Ok(n) = n.parse::<u64>() else { continue };
        if n > bound {
            return Err(format!("`{text}` cites {n}, beyond the input ({bound})"));
        }
        cited = true;
    }
    if cited {
        Ok(())
    } else {
        Err(format!(
            "`{text}` does not name a line or record of `{name}`"
        ))
    }
}

/// A whole-file refusal must at least name the file.
fn names_file(text: &str, name: &str) -> Result<(), String> {
    if text.contains(name) && !text.trim_end().ends_with(':') {
        Ok(())
    } else {
        Err(format!("`{text}` does not name `{name}` with a reason"))
    }
}

/// One record as read: where it says it came from and its problems (empty = accepted).
fn check_record(source: &str, problems: &[String], name: &str, bytes: &[u8]) -> Result<(), String> {
    names_a_place(source, name, bytes)?;
    for p in problems {
        names_a_place(p, name, bytes)?;
    }
    Ok(())
}

/// Counts per reader: accepted + rejected == records handed back.
#[derive(Debug, Default)]
struct Tally {
    accepted: usize,
    rejected: usize,
    records: usize,
}

impl Tally {
    fn add(&mut self, problems: &[String]) {
        self.records += 1;
        if problems.is_empty() {
            self.accepted += 1;
        } else {
            self.rejected += 1;
        }
    }

    fn adds_up(&self) -> Result<(), String> {
        if self.accepted + self.rejected == self.records {
            Ok(())
        } else {
            Err(format!("counts do not add up: {self:?}"))
        }
    }
}

// ---------------------------------------------------------------------------------------
// The readers

/// A stream may not yield more records than the input has bytes (+1 for a lone fault):
/// more means it is stuck on one place.
fn orders(format: OrderFormat, bytes: &[u8]) -> Result<Tally, String> {
    let name = "fuzz-orders.in";
    let mut tally = Tally::default();
    let stream = match read_orders(format, name, Box::new(Cursor::new(bytes.to_vec()))) {
        Ok(s) => s,
        Err(e) => {
            names_file(&e.to_string(), name)?;
            return Ok(tally);
        }
    };
    for order in stream {
        if tally.records > bytes.len() + 1 {
            return Err(format!(
                "{format}: more orders than bytes: the stream is stuck"
            ));
        }
        check_record(&order.source, &order.problems, name, bytes)?;
        if !order.has_problems() {
            for l in &order.lines {
                names_a_place(&l.source, name, bytes)?;
            }
        }
        tally.add(&order.problems);
    }
    tally.adds_up()?;
    Ok(tally)
}

fn products(format: ProductFormat, bytes: &[u8]) -> Result<Tally, String> {
    let name = "fuzz-products.csv";
    let mut tally = Tally::default();
    let mut reader = match ProductReader::new(name, Box::new(Cursor::new(bytes.to_vec())), format) {
        Ok(r) => r,
        Err(e) => {
            names_file(&e.to_string(), name)?;
            return Ok(tally);
        }
    };
    let mut last_line = 0;
    while let Some(row) = reader.next_row() {
        if tally.records > bytes.len() + 1 {
            return Err(format!("{}: more rows than bytes: stuck", format.name()));
        }
        let row = match row {
            Ok(row) => row,
            // The reader cannot go on; it said where.
            Err(e) => {
                names_a_place(&e.to_string(), name, bytes)?;
                break;
            }
        };
        // Non-decreasing, not increasing: a bare CR ends a record without ending the
        // physical line, so two rows can rightly name the same line.
        if row.line < last_line {
            return Err(format!("row line {} after line {last_line}", row.line));
        }
        last_line = row.line;
        names_a_place(&format!("{name}:{}", row.line), name, bytes)?;
        match &row.kind {
            RowKind::Entry(e) => {
                for w in &e.warnings {
                    names_a_place(w, name, bytes)?;
                }
                tally.add(&[]);
            }
            RowKind::Image => tally.add(&[]),
            RowKind::Duplicate {
                first_line,
                message,
            } => {
                if *first_line >= row.line {
                    return Err(format!("duplicate of a later line: {message}"));
                }
                tally.add(std::slice::from_ref(message));
            }
            RowKind::Rejected(problems) => {
                if problems.is_empty() {
                    return Err(format!("line {} rejected without a reason", row.line));
                }
                for p in problems {
                    names_a_place(p, name, bytes)?;
                }
                tally.add(problems);
            }
        }
    }
    tally.adds_up()?;
    Ok(tally)
}

/// Puts `bytes` in a files channel's inbox as `file` and reads it through `read`; the
/// source is either done (with its records) or failed with a reason naming it.
fn inbox<T>(
    file: &str,
    bytes: &[u8],
    read: impl FnOnce(&mut dyn FulfillmentChannel, oms::connectors::Sink<T>) -> anyhow::Result<()>,
    record: impl Fn(&T) -> (&str, &[String]),
) -> Result<Tally, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for sub in ["inbox", "outbox"] {
        std::fs::create_dir_all(dir.path().join(sub)).map_err(|e| e.to_string())?;
    }
    let path = dir.path().join("inbox").join(file);
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let name = path.display().to_string();
    let mut config: oms::config::Channel =
        toml::from_str("kind = \"files\"\npath = \"3pl\"").map_err(|e| e.to_string())?;
    config.dir = Some(dir.path().to_path_buf());
    let mut ch =
        oms::connectors::files::FilesChannel::new("3pl", &config).map_err(|e| e.to_string())?;
    let mut got: Vec<Fetched<T>> = Vec::new();
    read(&mut ch, &mut |f| {
        got.push(f);
        Ok(())
    })
    .map_err(|e| format!("the read itself failed: {e:#}"))?;
    let mut tally = Tally::default();
    let mut ends = 0;
    for f in &got {
        match f {
            Fetched::Record(r) => {
                let (source, problems) = record(r);
                check_record(source, problems, &name, bytes)?;
                tally.add(problems);
            }
            Fetched::SourceDone { source } => {
                ends += 1;
                (source == &name)
                    .then_some(())
                    .ok_or("done names another file")?;
            }
            // Whatever the bytes, every physical line of a CSV is accounted for.
            Fetched::Lines { source, lines: l } => {
                (source == &name)
                    .then_some(())
                    .ok_or("lines name another file")?;
                (l.total == l.header + l.blank + l.in_records + l.not_read)
                    .then_some(())
                    .ok_or_else(|| format!("{file}: lines do not add up: {l:?}"))?;
            }
            Fetched::SourceFailed { source, reason } => {
                ends += 1;
                (source == &name)
                    .then_some(())
                    .ok_or("failed names another file")?;
                (tally.records == 0)
                    .then_some(())
                    .ok_or("records of a failed file")?;
                names_file(reason, &name)?;
            }
        }
    }
    if ends != 1
        || !matches!(
            got.last(),
            Some(Fetched::SourceDone { .. } | Fetched::SourceFailed { .. })
        )
    {
        return Err(format!(
            "{file}: expected one end of source, last, got {ends}"
        ));
    }
    tally.adds_up()?;
    Ok(tally)
}

fn stock(file: &str, bytes: &[u8]) -> Result<Tally, String> {
    inbox(
        file,
        bytes,
        |ch, sink| ch.stock_counts(sink),
        |c: &oms::model::shipment::StockCount| (c.source.as_str(), c.problems.as_slice()),
    )
}

fn receipts(file: &str, bytes: &[u8]) -> Result<Tally, String> {
    inbox(
        file,
        bytes,
        |ch, sink| ch.receipts(sink),
        |r: &oms::model::purchase::ReceiptIn| (r.source.as_str(), r.problems.as_slice()),
    )
}

fn confirmations(file: &str, bytes: &[u8]) -> Result<Tally, String> {
    inbox(
        file,
        bytes,
        |ch, sink| ch.shipment_updates(sink),
        |c: &oms::model::shipment::ShipmentConfirmation| (c.source.as_str(), c.problems.as_slice()),
    )
}

/// The config parser through `load` (which also checks UTF-8): either a config or a list
/// of problems, each naming the file.
fn config(bytes: &[u8]) -> Result<bool, String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("oms.toml");
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    match oms::config::load(Some(&path), None) {
        Ok(_) => Ok(true),
        Err(e) => {
            if e.problems.is_empty() {
                return Err("a refused config with no problem listed".into());
            }
            let name = path.display().to_string();
            for p in &e.problems {
                // Secrets name their key and where to put it rather than the file.
                if !p.contains(&name) && !p.contains("token") {
                    return Err(format!("config problem does not name the file: `{p}`"));
                }
            }
            Ok(false)
        }
    }
}

fn text_of(path: &Path, bytes: &[u8]) -> Result<bool, String> {
    // `parse` takes text; feed it the lossy form so invalid UTF-8 still reaches TOML.
    match oms::config::parse(path, &String::from_utf8_lossy(bytes), None) {
        Ok(_) => Ok(true),
        Err(e) if e.problems.is_empty() => Err("no problem listed".into()),
        Err(_) => Ok(false),
    }
}

// ---------------------------------------------------------------------------------------
// The seeds themselves: the properties are not vacuous

/// (accepted, rejected) of a tally, for the seeds whose contents are known.
fn counts(t: Result<Tally, String>) -> (usize, usize) {
    let t = t.unwrap();
    (t.accepted, t.rejected)
}

#[test]
fn seeds_are_read_with_records_accepted_and_rejected() {
    assert_eq!(counts(orders(OrderFormat::OmsCsv, OMS_ORDERS_CSV)), (5, 0));
    // 2001 (bad quantity, no SKU), 2002 (zero, `free`), 2003, 2001 again, no id, 2004.
    assert_eq!(counts(orders(OrderFormat::OmsCsv, OMS_ORDERS_BAD)), (1, 5));
    assert_eq!(
        counts(orders(OrderFormat::OmsJson, OMS_ORDERS_JSON)),
        (3, 0)
    );
    assert_eq!(
        counts(orders(OrderFormat::OmsJson, OMS_ORDERS_NDJSON)),
        (3, 2)
    );
    assert_eq!(
        counts(orders(OrderFormat::ShopifyCsv, SHOPIFY_ORDERS)),
        (5, 0)
    );
    let t = orders(OrderFormat::ShopifyCsv, SHOPIFY_ORDERS_SEMI).unwrap();
    assert!(t.accepted >= 1, "{t:?}");
    assert_eq!(
        counts(products(ProductFormat::OmsCsv, OMS_PRODUCTS)),
        (3, 2)
    );
    assert_eq!(
        counts(products(ProductFormat::ShopifyCsv, SHOPIFY_PRODUCTS)),
        (9, 1)
    );
    assert_eq!(counts(stock("stock-east.csv", STOCK_CSV)), (3, 0));
    // `x`, -4 and an empty SKU are rejected; the other three rows count.
    assert_eq!(counts(stock("stock-problems.csv", STOCK_PROBLEMS)), (3, 3));
    assert_eq!(counts(stock("stock-east.json", STOCK_JSON)), (1, 1));
    // RCV-100's two rows are one receipt; RCV-103's `2.5` rejects it.
    assert_eq!(counts(receipts("receipts-mixed.csv", RECEIPTS_CSV)), (3, 1));
    assert_eq!(
        counts(receipts("receipts-pallets.json", RECEIPTS_JSON)),
        (2, 0)
    );
    // S0000001's two rows are one confirmation; S0000003 ships -1 (CSV) or no lines (JSON).
    assert_eq!(
        counts(confirmations("confirmations-1.csv", CONFIRMATIONS_CSV)),
        (2, 1)
    );
    assert_eq!(
        counts(confirmations("confirmations-1.json", CONFIRMATIONS_JSON)),
        (2, 1)
    );
    assert_eq!(config(CONFIG_SEED), Ok(true));
    // A file cut in the middle is refused whole, naming the file.
    let cut = &STOCK_JSON[..STOCK_JSON.len() / 2];
    assert_eq!(stock("stock-cut.json", cut).unwrap().records, 0);
}

#[test]
fn checks_catch_a_message_without_a_place() {
    assert!(names_a_place("in.csv:3: sku: empty", "in.csv", b"a\nb\nc\n").is_ok());
    assert!(names_a_place("in.csv:9: sku: empty", "in.csv", b"a\nb\n").is_err());
    assert!(names_a_place("sku: empty", "in.csv", b"a\n").is_err());
    assert!(names_a_place("in.csv[1]: sku", "in.csv", b"[{},{}]").is_ok());
}

// ---------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_oms_csv_orders(bytes in input(&[OMS_ORDERS_CSV, OMS_ORDERS_BAD])) {
        orders(OrderFormat::OmsCsv, &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_oms_json_orders(bytes in input(&[OMS_ORDERS_JSON, OMS_ORDERS_NDJSON])) {
        orders(OrderFormat::OmsJson, &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_shopify_csv_orders(bytes in input(&[SHOPIFY_ORDERS, SHOPIFY_ORDERS_SEMI])) {
        orders(OrderFormat::ShopifyCsv, &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_oms_csv_products(bytes in input(&[OMS_PRODUCTS])) {
        products(ProductFormat::OmsCsv, &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_shopify_products(bytes in input(&[SHOPIFY_PRODUCTS])) {
        products(ProductFormat::ShopifyCsv, &bytes).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_stock_snapshots(bytes in input(&[STOCK_CSV, STOCK_PROBLEMS]), json in input(&[STOCK_JSON])) {
        stock("stock-1.csv", &bytes).map_err(TestCaseError::fail)?;
        stock("stock-1.json", &json).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_receipts(bytes in input(&[RECEIPTS_CSV]), json in input(&[RECEIPTS_JSON])) {
        receipts("receipts-1.csv", &bytes).map_err(TestCaseError::fail)?;
        receipts("receipts-1.json", &json).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_shipment_confirmations(bytes in input(&[CONFIRMATIONS_CSV]), json in input(&[CONFIRMATIONS_JSON])) {
        confirmations("confirmations-1.csv", &bytes).map_err(TestCaseError::fail)?;
        confirmations("shipments-1.json", &json).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn fuzz_config(bytes in input(&[CONFIG_SEED])) {
        config(&bytes).map_err(TestCaseError::fail)?;
        text_of(Path::new("/nowhere/oms.toml"), &bytes).map_err(TestCaseError::fail)?;
    }
}
