//! Which layout an order file has, decided the same way for a channel's inbox and for
//! `orders import --file` without `--format`: oms-json for `.json`/`.ndjson`; a CSV is
//! Shopify's orders export when its header has `Name` and `Lineitem sku`, else oms-csv.

use std::io::{Cursor, Read};
use std::path::Path;

use super::OrderFormat;
use crate::formats::CsvTable;

/// The longest header line looked at; a "header" longer than this is not one.
const MAX_HEADER: usize = 64 * 1024;

/// The bytes up to and including the first line break (or all of a short file), so the
/// caller can chain them back in front of the rest and read the file once.
pub fn header_bytes(file: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(4096);
    let mut buf = [0u8; 4096];
    while !head.contains(&b'\n') && head.len() < MAX_HEADER {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok(head)
}

/// The CSV layout of a file whose first bytes are `head`. Errors name the file.
pub fn csv_format(name: &str, head: &[u8]) -> Result<OrderFormat, String> {
    let table =
        CsvTable::open(name, Box::new(Cursor::new(head.to_vec()))).map_err(|e| e.to_string())?;
    Ok(if table.has("Name") && table.has("Lineitem sku") {
        OrderFormat::ShopifyCsv
    } else {
        OrderFormat::OmsCsv
    })
}

/// The layout of the file at `path`, by its name and, for CSV, its header.
pub fn detect_format(path: &Path) -> Result<OrderFormat, String> {
    let name = path.display().to_string();
    let lower = name.to_lowercase();
    if lower.ends_with(".json") || lower.ends_with(".ndjson") {
        return Ok(OrderFormat::OmsJson);
    }
    let mut file = std::fs::File::open(path).map_err(|e| format!("cannot open {name}: {e}"))?;
    let head = header_bytes(&mut file).map_err(|e| format!("cannot read {name}: {e}"))?;
    csv_format(&name, &head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_formats_are_told_apart_by_header() {
        let shopify = "\u{feff}Name;Email;Lineitem quantity;Lineitem sku\n#1;a@b.c;1;X\n";
        assert_eq!(
            csv_format("s.csv", shopify.as_bytes()),
            Ok(OrderFormat::ShopifyCsv)
        );
        let oms = "order_id,name,sku,quantity\n";
        assert_eq!(csv_format("o.csv", oms.as_bytes()), Ok(OrderFormat::OmsCsv));
        assert!(csv_format("e.csv", b"").is_err(), "no header row");
    }
}
