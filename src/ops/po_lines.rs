//! PO lines as people give them — `--line SKU=QTY[@COST][:lot=L][:serial=S]` or a CSV file
//! with the columns `sku,quantity[,unit_cost][,lot][,serial]` — checked against the catalog
//! with every problem named by where it was typed (`--line X=0: quantity: ...`,
//! `lines.csv:4: sku: ...`). A line is a SKU with its lot and serial: a PO may list a SKU
//! once per lot, and a serial number is one unit.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use crate::formats::CsvTable;
use crate::model::{parse_cents, sku_key};
use crate::store::catalog;
use crate::store::purchases::NewPoLine;

/// One line as given, before the catalog has been asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineSpec {
    pub sku: String,
    pub quantity: i64,
    pub unit_cost_cents: Option<i64>,
    pub lot: Option<String>,
    pub serial: Option<String>,
    /// Where it was given, for messages: `--line TEE=3` or `lines.csv:4`.
    pub origin: String,
}

/// Parses one `--line` value: `SKU=QTY`, optionally `SKU=QTY@COST`, then `:lot=L` and
/// `:serial=S` in either order.
pub fn parse_flag(arg: &str) -> Result<LineSpec, String> {
    let origin = format!("--line {arg}");
    let (arg, lot, serial) = split_tags(arg).map_err(|e| format!("{origin}: {e}"))?;
    let Some((sku, rest)) = arg.rsplit_once('=') else {
        return Err(format!(
            "{origin}: expected SKU=QUANTITY, e.g. TEE-RED-M=24"
        ));
    };
    let sku = sku.trim();
    if sku.is_empty() {
        return Err(format!("{origin}: sku: empty"));
    }
    let (qty, cost) = match rest.split_once('@') {
        Some((q, c)) => (q.trim(), Some(c.trim())),
        None => (rest.trim(), None),
    };
    let quantity = qty
        .parse::<i64>()
        .map_err(|_| format!("{origin}: quantity: `{qty}` is not a whole number"))?;
    let unit_cost_cents = cost
        .map(|c| cost_cents(c).map_err(|e| format!("{origin}: unit_cost: {e}")))
        .transpose()?;
    Ok(LineSpec {
        sku: sku.to_string(),
        quantity,
        unit_cost_cents,
        lot,
        serial,
        origin,
    })
}

/// Peels `:lot=L` and `:serial=S` off the end of a `--line` value (a SKU may itself hold
/// `:` or `=`; only these two tags are taken).
fn split_tags(arg: &str) -> Result<(&str, Option<String>, Option<String>), String> {
    let (mut rest, mut lot, mut serial) = (arg, None, None);
    while let Some((head, tail)) = rest.rsplit_once(':') {
        let Some((key, value)) = tail.split_once('=') else {
            break;
        };
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "lot" => &mut lot,
            "serial" => &mut serial,
            _ => break,
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        if value.is_empty() {
            return Err(format!("{key}: empty"));
        }
        if slot.replace(value.to_string()).is_some() {
            return Err(format!("{key}: given twice"));
        }
        rest = head;
    }
    Ok((rest, lot, serial))
}

fn cost_cents(text: &str) -> Result<i64, String> {
    let cents = parse_cents(text)?;
    if cents < 0 {
        return Err(format!("`{text}` is negative"));
    }
    Ok(cents)
}

/// Reads a lines file: the rows that could be read, and the problems of the others (or of
/// the whole file). The good rows still go on to be checked against the catalog, so one
/// run names every mistake in the file.
pub fn read_file(path: &Path) -> (Vec<LineSpec>, Vec<String>) {
    let name = path.display().to_string();
    let whole = |e: String| (Vec::new(), vec![e]);
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return whole(format!("{name}: cannot open: {e}")),
    };
    let mut table = match CsvTable::open(&name, Box::new(file)) {
        Ok(t) => t,
        Err(e) => return whole(e.to_string()),
    };
    if let Err(e) = table.require(&["sku", "quantity"]) {
        return whole(e.to_string());
    }
    let mut specs = Vec::new();
    let mut problems = Vec::new();
    while let Some(row) = table.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let sku = row.get("sku");
        if sku.is_none() {
            problems.push(row.problem("sku", "empty"));
        }
        let quantity = match row.int("quantity") {
            Ok(Some(q)) => Some(q),
            Ok(None) => {
                problems.push(row.problem("quantity", "empty"));
                None
            }
            Err(e) => {
                problems.push(e);
                None
            }
        };
        let cost = match row.get("unit_cost").map(cost_cents).transpose() {
            Ok(c) => c,
            Err(e) => {
                problems.push(row.problem("unit_cost", e));
                None
            }
        };
        if let (Some(sku), Some(quantity)) = (sku, quantity) {
            specs.push(LineSpec {
                sku: sku.to_string(),
                quantity,
                unit_cost_cents: cost,
                lot: row.get("lot").map(str::to_string),
                serial: row.get("serial").map(str::to_string),
                origin: row.location(),
            });
        }
    }
    if specs.is_empty() && problems.is_empty() {
        problems.push(format!("{name}: no lines"));
    }
    (specs, problems)
}

/// Resolves SKUs to variants and checks quantities: more than 0, or 0 too when `zero_removes`
/// (`po edit`, where 0 removes a line). A line given twice (the same SKU, lot and serial)
/// is a mistake, not a sum; a serial number is one unit, and one SKU's serial is given once.
pub fn resolve(
    conn: &Connection,
    specs: &[LineSpec],
    zero_removes: bool,
) -> anyhow::Result<Result<Vec<NewPoLine>, Vec<String>>> {
    let mut lines = Vec::with_capacity(specs.len());
    let mut problems = Vec::new();
    let mut seen: HashMap<(String, Option<&str>, Option<&str>), &str> = HashMap::new();
    let mut serials: HashMap<(String, &str), &str> = HashMap::new();
    for s in specs {
        let low = if zero_removes { 0 } else { 1 };
        if s.quantity < low {
            let want = if zero_removes {
                "must be 0 (remove) or more"
            } else {
                "must be more than 0"
            };
            problems.push(format!(
                "{}: quantity: {want}, got {}",
                s.origin, s.quantity
            ));
        }
        let key = sku_key(&s.sku);
        if let Some(serial) = s.serial.as_deref() {
            if s.quantity > 1 {
                problems.push(format!(
                    "{}: quantity: a line with a serial number is one unit, got {} (give each serial a line of its own)",
                    s.origin, s.quantity
                ));
            }
            if let Some(first) = serials.insert((key.clone(), serial), &s.origin) {
                problems.push(format!(
                    "{}: serial: `{serial}` of `{}` is already given at {first}",
                    s.origin, s.sku
                ));
                continue;
            }
        }
        if let Some(first) = seen.insert((key, s.lot.as_deref(), s.serial.as_deref()), &s.origin) {
            let lot = s
                .lot
                .as_deref()
                .map(|l| format!(" lot `{l}`"))
                .unwrap_or_default();
            problems.push(format!(
                "{}: sku: `{}`{lot} is already given at {first}",
                s.origin, s.sku
            ));
            continue;
        }
        match catalog::find_variant(conn, &s.sku)? {
            Some(v) if crate::store::bundles::is_bundle(conn, v.id)? => problems.push(format!(
                "{}: sku: `{}` is a bundle; order its components from the supplier",
                s.origin, v.sku
            )),
            Some(v) => lines.push(NewPoLine {
                variant_id: v.id,
                quantity: s.quantity,
                unit_cost_cents: s.unit_cost_cents,
                lot: s.lot.clone(),
                serial: s.serial.clone(),
            }),
            None => problems.push(format!("{}: sku: unknown SKU `{}`", s.origin, s.sku)),
        }
    }
    Ok(if problems.is_empty() {
        Ok(lines)
    } else {
        Err(problems)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_quantity_and_cost() {
        let l = parse_flag("TEE=RED=24@3.50").unwrap();
        assert_eq!(
            (l.sku.as_str(), l.quantity, l.unit_cost_cents),
            ("TEE=RED", 24, Some(350))
        );
        assert_eq!(parse_flag(" MUG = 0").unwrap().quantity, 0);
        assert_eq!(
            parse_flag("MUG=x").unwrap_err(),
            "--line MUG=x: quantity: `x` is not a whole number"
        );
        assert_eq!(
            parse_flag("MUG").unwrap_err(),
            "--line MUG: expected SKU=QUANTITY, e.g. TEE-RED-M=24"
        );
        assert_eq!(
            parse_flag("MUG=1@-2").unwrap_err(),
            "--line MUG=1@-2: unit_cost: `-2` is negative"
        );
        assert_eq!(parse_flag("=4").unwrap_err(), "--line =4: sku: empty");
    }

    #[test]
    fn flags_take_a_lot_and_a_serial_in_either_order() {
        let l = parse_flag("TEE=3@2.00:lot=L-9").unwrap();
        assert_eq!(
            (
                l.sku.as_str(),
                l.quantity,
                l.unit_cost_cents,
                l.lot.as_deref(),
                l.serial
            ),
            ("TEE", 3, Some(200), Some("L-9"), None)
        );
        let l = parse_flag("CAM=1:serial=SN-1:LOT=A").unwrap();
        assert_eq!(
            (l.lot.as_deref(), l.serial.as_deref()),
            (Some("A"), Some("SN-1"))
        );
        let l = parse_flag("A:B=2").unwrap();
        assert_eq!(
            (l.sku.as_str(), l.lot),
            ("A:B", None),
            "other colons are the SKU's"
        );
        assert_eq!(
            parse_flag("CAM=1:serial=").unwrap_err(),
            "--line CAM=1:serial=: serial: empty"
        );
        assert_eq!(
            parse_flag("CAM=1:lot=A:lot=B").unwrap_err(),
            "--line CAM=1:lot=A:lot=B: lot: given twice"
        );
    }

    #[test]
    fn files_name_every_bad_row() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lines.csv");
        std::fs::write(
            &p,
            "sku,quantity,unit_cost\nA,3,1.25\nB,two,\n,4,\nC,1,abc\n",
        )
        .unwrap();
        let name = p.display().to_string();
        let (specs, problems) = read_file(&p);
        let skus: Vec<&str> = specs.iter().map(|s| s.sku.as_str()).collect();
        assert_eq!(
            skus,
            ["A", "C"],
            "rows with a SKU and quantity are still checked"
        );
        assert_eq!(
            problems,
            [
                format!("{name}:3: quantity: `two` is not a whole number"),
                format!("{name}:4: sku: empty"),
                format!("{name}:5: unit_cost: `abc` is not an amount"),
            ]
        );
        std::fs::write(&p, "sku,quantity\nA,3\n").unwrap();
        let (specs, problems) = read_file(&p);
        assert!(problems.is_empty());
        assert_eq!(specs[0].origin, format!("{name}:2"));
    }
}
