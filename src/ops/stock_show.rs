//! `oms stock show`: physical levels as stored, and each virtual warehouse's level as
//! the live sum over its members (SPEC §2), computed here at read time so it can never
//! drift from the members.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;

use super::stock_scope;
use crate::config::Config;
use crate::model::sku_key;
use crate::store::bundles;
use crate::store::stock::{self, LevelRow};

pub struct ShowOptions<'a> {
    /// A SKU pattern where `*` matches any text.
    pub sku: Option<&'a str>,
    /// Physical or virtual warehouse codes; empty means all.
    pub warehouses: &'a [String],
    /// Keep rows where every quantity is zero, and list variants never stocked.
    pub all: bool,
}

pub fn show(
    conn: &Connection,
    config: &Config,
    opts: &ShowOptions,
) -> anyhow::Result<Vec<LevelRow>> {
    let scope = stock_scope::resolve(config, opts.warehouses)?;
    let shown: BTreeSet<String> = match &scope.physical {
        Some(codes) => codes.clone(),
        // The store may hold levels for a warehouse since removed from the config; they
        // are still stock somewhere, so they are shown rather than hidden.
        None => config
            .warehouses
            .keys()
            .cloned()
            // A virtual warehouse's own level row carries only what orders on hold keep
            // there; it is folded into the virtual row below, not shown as physical.
            .chain(
                stock::stocked_warehouses(conn)?
                    .into_iter()
                    .filter(|code| !config.is_virtual(code)),
            )
            .collect(),
    };
    let mut fetch = shown.clone();
    for (code, members) in &scope.virtuals {
        fetch.extend(members.iter().cloned());
        fetch.insert(code.clone());
    }
    if fetch.is_empty() {
        return Ok(Vec::new());
    }
    let fetch: Vec<String> = fetch.into_iter().collect();
    let like = opts.sku.map(stock::sku_like);
    let physical = stock::levels(conn, &fetch, like.as_deref(), opts.all)?;

    let mut rows: Vec<LevelRow> = Vec::new();
    for (code, members) in &scope.virtuals {
        rows.extend(sum_over(code, members, &physical));
    }
    rows.extend(
        physical
            .into_iter()
            .filter(|r| shown.contains(&r.warehouse)),
    );
    if !opts.all {
        rows.retain(|r| {
            r.on_hand != 0
                || r.allocated != 0
                || r.incoming != 0
                || r.held != 0
                || r.returning != 0
                || r.quarantine != 0
        });
    }
    let kits = bundle_rows(conn, &shown, &scope.virtuals, like.as_deref(), opts.all)?;
    if !kits.is_empty() {
        // `--all` lists every variant with zero levels; a bundle's only rows are computed.
        let bundles: BTreeSet<&str> = kits.iter().map(|r| r.sku.as_str()).collect();
        rows.retain(|r| !bundles.contains(r.sku.as_str()));
    }
    rows.extend(kits);
    // Per SKU: its physical rows, then the virtual sums they add up to.
    rows.sort_by_cached_key(|r| (sku_key(&r.sku), r.kind != "physical", r.warehouse.clone()));
    Ok(rows)
}

/// Bundles have no levels: their rows (kind `computed`) give the kits their components
/// make in each warehouse shown, and in each virtual warehouse the sum over its members
/// (a kit is packed in one warehouse); see docs/bundles.md.
fn bundle_rows(
    conn: &Connection,
    shown: &BTreeSet<String>,
    virtuals: &[(String, Vec<String>)],
    like: Option<&str>,
    all: bool,
) -> rusqlite::Result<Vec<LevelRow>> {
    let found = bundles::matching(conn, like)?;
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let places = shown
        .iter()
        .map(|w| (w.clone(), vec![w.clone()]))
        .chain(virtuals.iter().cloned());
    let mut rows = Vec::new();
    for (code, members) in places {
        let kits = bundles::kits_available(conn, &members, false)?;
        for (id, sku) in &found {
            let available = kits.get(id).copied().unwrap_or(0);
            if available != 0 || all {
                rows.push(LevelRow {
                    warehouse: code.clone(),
                    kind: "computed",
                    sku: sku.clone(),
                    available,
                    ..LevelRow::default()
                });
            }
        }
    }
    Ok(rows)
}

/// A virtual warehouse's rows: per SKU, the sum over the members' rows, less what orders
/// on hold keep on the virtual warehouse itself (its own row, `held` only).
fn sum_over(code: &str, members: &[String], physical: &[LevelRow]) -> Vec<LevelRow> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut sums: Vec<LevelRow> = Vec::new();
    for row in physical
        .iter()
        .filter(|r| members.contains(&r.warehouse) || r.warehouse == code)
    {
        let at = *index.entry(row.sku.as_str()).or_insert_with(|| {
            sums.push(LevelRow {
                warehouse: code.to_string(),
                kind: "virtual",
                sku: row.sku.clone(),
                ..LevelRow::default()
            });
            sums.len() - 1
        });
        let sum = &mut sums[at];
        sum.on_hand += row.on_hand;
        sum.allocated += row.allocated;
        sum.available += row.available;
        sum.incoming += row.incoming;
        sum.held += row.held;
        sum.returning += row.returning;
        sum.quarantine += row.quarantine;
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(warehouse: &str, sku: &str, on_hand: i64, allocated: i64, incoming: i64) -> LevelRow {
        LevelRow {
            warehouse: warehouse.into(),
            kind: "physical",
            sku: sku.into(),
            on_hand,
            allocated,
            available: on_hand - allocated,
            incoming,
            ..LevelRow::default()
        }
    }

    #[test]
    fn virtual_rows_sum_only_their_members() {
        let physical = vec![
            row("east", "A", 5, 2, 1),
            row("west", "A", 3, 4, 0),
            row("north", "A", 100, 0, 0),
            row("west", "B", 7, 0, 2),
        ];
        let members = vec!["east".to_string(), "west".to_string()];
        let sums = sum_over("all", &members, &physical);
        assert_eq!(
            sums,
            vec![
                LevelRow {
                    warehouse: "all".into(),
                    kind: "virtual",
                    ..row("", "A", 8, 6, 1)
                },
                LevelRow {
                    warehouse: "all".into(),
                    kind: "virtual",
                    ..row("", "B", 7, 0, 2)
                },
            ]
        );
    }
}
