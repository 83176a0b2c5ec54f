//! `oms catalog bundle set|remove`: define a bundle (kit) as components of existing
//! variants. The same [`check`] judges the bundles file (`catalog_bundles_import`), so a
//! bundle typed by hand and one read from a file obey the same rules:
//! - every SKU exists in the catalog;
//! - a component is not itself a bundle, and a bundle is not a component of another
//!   (one level only: a bundle inside a bundle is refused, naming the cycle);
//! - a bundle has no stock of its own: a variant with stock cannot become one.

use anyhow::Context;
use rusqlite::Connection;

use crate::error::usage;
use crate::model::sku_key;
use crate::store::Store;
use crate::store::bundles::{self, Bundle};
use crate::store::catalog::find_variant;

/// The most units of one component a kit may hold; beyond it is a typing mistake.
pub const MAX_PER_KIT: i64 = 10_000;

/// A bundle as a person or a file gives it: the bundle SKU and each component's SKU and
/// units per kit.
#[derive(Debug, Clone, Default)]
pub struct Spec {
    pub sku: String,
    pub components: Vec<(String, i64)>,
}

/// Which part of a spec a problem is about: the bundle itself or one component (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Bundle,
    Component(usize),
    /// The units per kit of one component.
    Quantity(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub part: Part,
    pub message: String,
}

/// A spec that passed [`check`]: ids ready to store.
#[derive(Debug, Clone)]
pub struct Checked {
    pub bundle_id: i64,
    pub sku: String,
    pub components: Vec<(i64, i64)>,
}

/// Judges a spec against the catalog as it is in `conn`. Returns every problem found, so
/// a file's author fixes them all in one go.
pub fn check(conn: &Connection, spec: &Spec) -> anyhow::Result<Result<Checked, Vec<Problem>>> {
    let mut problems = Vec::new();
    let bundle_sku = spec.sku.trim();
    let bundle = match find_variant(conn, bundle_sku)? {
        Some(v) => Some(v),
        None => {
            problems.push(Problem {
                part: Part::Bundle,
                message: format!(
                    "unknown SKU `{bundle_sku}`; add the bundle's own variant first \
                     (`oms catalog add --sku {bundle_sku} ...`)"
                ),
            });
            None
        }
    };
    if let Some(b) = &bundle {
        let parents = bundles::bundles_containing(conn, b.id)?;
        if let Some(parent) = parents.first() {
            problems.push(Problem {
                part: Part::Bundle,
                message: format!(
                    "{parent} → {} is a bundle: {} is a component of {parent}, and a bundle \
                     cannot contain a bundle",
                    b.sku, b.sku
                ),
            });
        }
        let open = bundles::open_plain_orders(conn, b.id)?;
        if !open.is_empty() {
            let list: Vec<String> = open.iter().map(i64::to_string).collect();
            problems.push(Problem {
                part: Part::Bundle,
                message: format!(
                    "{} is on open orders as a plain SKU (order {}); they would wait for \
                     stock a bundle never has: ship or cancel them first",
                    b.sku,
                    list.join(", ")
                ),
            });
        }
        let stocked = bundles::stocked_in(conn, b.id)?;
        if !stocked.is_empty() {
            problems.push(Problem {
                part: Part::Bundle,
                message: format!(
                    "{} has stock in {}; a bundle has no stock of its own (its availability \
                     is computed from its components): move that stock to zero first",
                    b.sku,
                    stocked.join(", ")
                ),
            });
        }
    }
    if spec.components.is_empty() {
        problems.push(Problem {
            part: Part::Bundle,
            message: "a bundle needs at least one component".into(),
        });
    }
    let mut seen: Vec<String> = Vec::new();
    let mut components = Vec::new();
    for (i, (sku, quantity)) in spec.components.iter().enumerate() {
        let sku = sku.trim();
        if !(1..=MAX_PER_KIT).contains(quantity) {
            problems.push(Problem {
                part: Part::Quantity(i),
                message: format!(
                    "{quantity} units of {sku} per kit: give a whole number from 1 to \
                     {MAX_PER_KIT}"
                ),
            });
        }
        let mut problem = |message: String| {
            problems.push(Problem {
                part: Part::Component(i),
                message,
            })
        };
        if seen.contains(&sku_key(sku)) {
            problem(format!("{sku} is given twice; give each component once"));
            continue;
        }
        seen.push(sku_key(sku));
        let Some(c) = find_variant(conn, sku)? else {
            problem(format!("unknown component SKU `{sku}`"));
            continue;
        };
        if bundle.as_ref().is_some_and(|b| b.id == c.id) {
            problem(format!("{} cannot be a component of itself", c.sku));
            continue;
        }
        if bundles::is_bundle(conn, c.id)? {
            let head = bundle.as_ref().map_or(bundle_sku, |b| b.sku.as_str());
            problem(format!(
                "{head} → {} is a bundle; a bundle cannot contain a bundle (list {}'s \
                 components instead)",
                c.sku, c.sku
            ));
            continue;
        }
        components.push((c.id, *quantity));
    }
    Ok(match (bundle, problems.is_empty()) {
        (Some(b), true) => Ok(Checked {
            bundle_id: b.id,
            sku: b.sku,
            components,
        }),
        _ => Err(problems),
    })
}

/// Stores a checked spec; says whether anything changed.
pub fn save(conn: &Connection, checked: &Checked) -> rusqlite::Result<bool> {
    let mut old: Vec<(i64, i64)> = bundles::components(conn, checked.bundle_id)?
        .into_iter()
        .map(|c| (c.variant_id, c.quantity))
        .collect();
    let mut new = checked.components.clone();
    old.sort_unstable();
    new.sort_unstable();
    if old == new {
        return Ok(false);
    }
    bundles::replace(conn, checked.bundle_id, &new)?;
    Ok(true)
}

/// `catalog bundle set`: replaces the bundle's components. Problems are a usage error
/// (exit 2) naming each one.
pub fn set(store: &mut Store, spec: &Spec) -> anyhow::Result<(bool, Bundle)> {
    let tx = store.tx()?;
    let checked = match check(&tx, spec)? {
        Ok(c) => c,
        Err(problems) => {
            let text: Vec<String> = problems.into_iter().map(|p| p.message).collect();
            return Err(usage(format!(
                "bundle {} not set: {}",
                spec.sku.trim(),
                text.join("; ")
            )));
        }
    };
    let changed = save(&tx, &checked)?;
    let bundle = read_back(&tx, &checked.sku)?;
    tx.commit()?;
    Ok((changed, bundle))
}

/// `catalog bundle remove`: the SKU becomes a plain variant again. Orders already imported
/// keep the component lines they were given.
pub fn remove(store: &mut Store, sku: &str) -> anyhow::Result<Bundle> {
    let tx = store.tx()?;
    let bundle = bundles::list(&tx, Some(sku))?
        .into_iter()
        .next()
        .ok_or_else(|| usage(format!("`{}` is not a bundle", sku.trim())))?;
    bundles::replace(&tx, bundle.variant_id, &[])?;
    tx.commit()?;
    Ok(bundle)
}

fn read_back(conn: &Connection, sku: &str) -> anyhow::Result<Bundle> {
    bundles::list(conn, Some(sku))?
        .into_iter()
        .next()
        .context("the bundle cannot be read back")
}
