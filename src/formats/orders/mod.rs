//! Order files: oms-csv, oms-json and Shopify's orders export CSV (layouts documented in
//! docs/order-files.md).
//!
//! [`read_orders`] turns a byte stream into a stream of [`OrderIn`], one per order, in
//! file order, holding only the order being read (plus one hash per order id, to catch
//! ids that come back later in the file). How a caller is expected to use it:
//!
//! ```no_run
//! # use oms::formats::orders::{read_orders, OrderFormat};
//! # fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let file = std::fs::File::open("orders.csv")?;
//! for order in read_orders(OrderFormat::OmsCsv, "orders.csv", Box::new(file))? {
//!     if order.has_problems() {
//!         // Record a rejection under `order.key()` with `order.problems` as reasons
//!         // and the order itself (serialised) as payload; go on with the next one.
//!     } else {
//!         // Validate against the catalog, then insert or update by external id,
//!         // using `order.fingerprint()` to tell an edit from the same data again.
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! Problems inside the file never end the stream and never drop data silently: a bad
//! value, an undecodable row, a malformed JSON record, an order id seen twice all become
//! messages in the `problems` of the order they belong to — or, when nothing says which
//! order that is, of an [`OrderIn`] with an empty `external_id` whose `source` names the
//! place. Only a file that cannot be read as this format at all (no header, required
//! columns missing, not JSON) is an `Err` up front, before any order.

mod csv_group;
mod detect;
mod json_array;
mod json_fields;
mod oms_csv;
mod oms_json;
mod shopify_csv;

pub use detect::{csv_format, detect_format, header_bytes};

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::io::Read;
use std::path::Path;

use crate::formats::csv_table::{CsvError, LineTally};
use crate::model::order::OrderIn;

/// The order file layouts oms reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum OrderFormat {
    /// oms's own CSV: one row per order line.
    OmsCsv,
    /// oms's own JSON: an array of order objects, or one object per line (NDJSON).
    OmsJson,
    /// Shopify admin's "Export orders" CSV.
    ShopifyCsv,
}

impl OrderFormat {
    pub const ALL: [OrderFormat; 3] = [
        OrderFormat::OmsCsv,
        OrderFormat::OmsJson,
        OrderFormat::ShopifyCsv,
    ];

    /// The name used on the command line and in config (`oms-csv`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            OrderFormat::OmsCsv => "oms-csv",
            OrderFormat::OmsJson => "oms-json",
            OrderFormat::ShopifyCsv => "shopify-csv",
        }
    }
}

impl std::fmt::Display for OrderFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for OrderFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        OrderFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("unknown order format `{s}` (expected oms-csv, oms-json or shopify-csv)")
            })
    }
}

/// A file that cannot be read as the format asked for. `line` is 0 when the problem is
/// with the file as a whole (it cannot be opened, it is empty).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FileError {
    pub source_name: String,
    pub line: u64,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.source_name, self.message)
        } else {
            write!(f, "{}:{}: {}", self.source_name, self.line, self.message)
        }
    }
}

impl From<CsvError> for FileError {
    fn from(e: CsvError) -> Self {
        FileError {
            source_name: e.source_name,
            line: e.line,
            message: e.message,
        }
    }
}

/// Starts reading orders of `format` from `input`; `source_name` names the input in
/// every message and `source` (usually the file name as the user gave it).
///
/// Only the header (CSV) or the first bytes (JSON) are read here; everything else is
/// read as the stream is iterated, so memory does not grow with the file.
pub fn read_orders(
    format: OrderFormat,
    source_name: &str,
    input: Box<dyn Read>,
) -> Result<OrderStream, FileError> {
    let inner = match format {
        OrderFormat::OmsCsv => Inner::OmsCsv(oms_csv::open(source_name, input)?),
        OrderFormat::ShopifyCsv => Inner::Shopify(shopify_csv::open(source_name, input)?),
        OrderFormat::OmsJson => Inner::Json(oms_json::open(source_name, input)?),
    };
    Ok(OrderStream(inner))
}

/// [`read_orders`] on a file, named in messages by its path as given.
pub fn open_orders(format: OrderFormat, path: &Path) -> Result<OrderStream, FileError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| FileError {
        source_name: name.clone(),
        line: 0,
        message: format!("cannot open: {e}"),
    })?;
    read_orders(format, &name, Box::new(file))
}

/// The orders of one file, in file order; see the module documentation.
pub struct OrderStream(Inner);

enum Inner {
    OmsCsv(csv_group::CsvOrders<oms_csv::OmsCsv>),
    Shopify(csv_group::CsvOrders<shopify_csv::ShopifyCsv>),
    Json(oms_json::JsonOrders),
}

impl OrderStream {
    /// For a CSV file, how its physical lines were accounted for: header, blank, inside
    /// records (each order's share is its `lines_read`), or not read after a stop. Complete
    /// once the stream is exhausted. `None` for JSON, whose records are not lines.
    pub fn tally(&self) -> Option<LineTally> {
        match &self.0 {
            Inner::OmsCsv(s) => Some(s.tally()),
            Inner::Shopify(s) => Some(s.tally()),
            Inner::Json(_) => None,
        }
    }
}

impl Iterator for OrderStream {
    type Item = OrderIn;

    fn next(&mut self) -> Option<OrderIn> {
        match &mut self.0 {
            Inner::OmsCsv(s) => s.next(),
            Inner::Shopify(s) => s.next(),
            Inner::Json(s) => s.next(),
        }
    }
}

/// The order ids met so far in one file, so that an order coming back later is caught.
/// Only a 64-bit hash and the first line are kept per id, as `[u32; 2]` and `u32` so a
/// table slot takes 12 bytes rather than 16 (≈27 MB at a million orders). A false alarm
/// needs two ids with equal 64-bit hashes: about one chance in 30 million per million
/// orders.
struct SeenIds {
    hasher: std::collections::hash_map::RandomState,
    first_lines: HashMap<[u32; 2], u32>,
}

impl SeenIds {
    fn new() -> Self {
        SeenIds {
            hasher: Default::default(),
            first_lines: HashMap::new(),
        }
    }

    /// Notes `id` as met on `line`; returns the line it was first met on if it was.
    fn earlier(&mut self, id: &str, line: u64) -> Option<u64> {
        let hash = self.hasher.hash_one(id);
        let key = [(hash >> 32) as u32, hash as u32];
        match self.first_lines.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Some(u64::from(*e.get())),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(u32::try_from(line).unwrap_or(u32::MAX));
                None
            }
        }
    }
}

/// Reads a line quantity: a whole number above zero. Returns what could be read (0 when
/// nothing) and, when it is not acceptable, why — the value is kept so that the
/// rejection shows what the file said.
fn quantity(text: Option<&str>) -> (i64, Option<String>) {
    match text {
        None => (0, Some("is empty".into())),
        Some(t) => match t.parse::<i64>() {
            Ok(q) if q > 0 => (q, None),
            Ok(q) => (q, Some(format!("`{t}` is not more than 0"))),
            Err(_) => (0, Some(format!("`{t}` is not a whole number"))),
        },
    }
}

/// The checks every order gets once it is complete, whatever its format.
fn check_complete(order: &mut OrderIn) {
    if order.lines.is_empty() {
        order
            .problems
            .push(format!("{}: lines: the order has no lines", order.source));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_by_name() {
        for f in OrderFormat::ALL {
            assert_eq!(f.as_str().parse::<OrderFormat>(), Ok(f));
        }
        let e = "xml".parse::<OrderFormat>().unwrap_err();
        assert!(e.contains("oms-csv, oms-json or shopify-csv"), "{e}");
    }

    #[test]
    fn quantities_must_be_whole_and_positive() {
        assert_eq!(quantity(Some("3")), (3, None));
        assert_eq!(
            quantity(Some("0")).1.as_deref(),
            Some("`0` is not more than 0")
        );
        assert_eq!(
            quantity(Some("-2")).0,
            -2,
            "kept as written for the rejection"
        );
        assert_eq!(
            quantity(Some("1.5")),
            (0, Some("`1.5` is not a whole number".into()))
        );
        assert_eq!(quantity(None).1.as_deref(), Some("is empty"));
    }

    #[test]
    fn seen_ids_remember_the_first_line() {
        let mut seen = SeenIds::new();
        assert_eq!(seen.earlier("1001", 2), None);
        assert_eq!(seen.earlier("1002", 4), None);
        assert_eq!(seen.earlier("1001", 9), Some(2));
    }

    #[test]
    fn file_errors_name_the_line_when_there_is_one() {
        let e = |line| FileError {
            source_name: "o.csv".into(),
            line,
            message: "boom".into(),
        };
        assert_eq!(e(0).to_string(), "o.csv: boom");
        assert_eq!(e(3).to_string(), "o.csv:3: boom");
    }

    #[test]
    fn missing_files_are_an_error_not_a_panic() {
        let Err(e) = open_orders(OrderFormat::OmsCsv, Path::new("/nonexistent/o.csv")) else {
            panic!("opened a missing file");
        };
        assert!(
            e.to_string()
                .starts_with("/nonexistent/o.csv: cannot open:"),
            "{e}"
        );
    }
}
