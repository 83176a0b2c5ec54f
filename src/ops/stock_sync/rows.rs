//! Turning one snapshot file's counts into what `stock sync` will do with each line:
//! which physical warehouse a location is, which variant a channel SKU is, and whether a
//! line contradicts another line of the same file. No database access: the catalog is
//! handed in as a map, so a 100,000-line file is judged without a query per line.

use std::collections::{HashMap, HashSet};

use crate::config::Config;
use crate::model::shipment::StockCount;
use crate::model::sku_key;
use crate::ops::stock_adjust::MAX_QUANTITY;

/// How one fulfillment channel's locations and SKUs map to ours.
pub struct Rules<'a> {
    config: &'a Config,
    code: &'a str,
    /// Location key (a `location_id`, or a warehouse code) → physical warehouse served
    /// by this channel.
    locations: HashMap<String, String>,
    /// Channel SKU key → oms SKU.
    sku_map: HashMap<String, String>,
    /// oms SKU key → variant id.
    variants: &'a HashMap<String, i64>,
    /// SKU keys of bundles, whose stock is their components' (a warehouse reporting one is
    /// refused, not applied).
    bundles: HashSet<String>,
}

impl<'a> Rules<'a> {
    pub fn new(config: &'a Config, code: &'a str, variants: &'a HashMap<String, i64>) -> Self {
        let served = config
            .warehouses
            .iter()
            .filter(|(_, w)| w.fulfillment_channel.get_ref() == code);
        let mut locations = HashMap::new();
        let mut ids = Vec::new();
        for (wh, w) in served {
            locations.entry(sku_key(wh)).or_insert_with(|| wh.clone());
            if let Some(id) = &w.location_id {
                ids.push((sku_key(id), wh.clone()));
            }
        }
        // A location id names its warehouse even when it reads like another one's code.
        locations.extend(ids);
        let sku_map = config
            .fulfillment_channels
            .get(code)
            .map(|c| {
                c.sku_map
                    .iter()
                    .map(|(k, v)| (sku_key(k), v.clone()))
                    .collect()
            })
            .unwrap_or_default();
        Rules {
            config,
            code,
            locations,
            sku_map,
            variants,
            bundles: HashSet::new(),
        }
    }

    /// The physical warehouse a reported location stands for, or why there is none.
    fn warehouse(&self, location: &str) -> Result<String, String> {
        let key = sku_key(location);
        if let Some(wh) = self.locations.get(&key) {
            return Ok(wh.clone());
        }
        let elsewhere = self.config.warehouses.iter().find(|(wh, w)| {
            sku_key(wh) == key || w.location_id.as_deref().map(sku_key).as_ref() == Some(&key)
        });
        if let Some((wh, w)) = elsewhere {
            return Err(format!(
                "`{location}` is warehouse `{wh}`, which `{}` serves, not `{}`",
                w.fulfillment_channel.get_ref(),
                self.code
            ));
        }
        if self
            .config
            .virtual_warehouses
            .keys()
            .any(|v| sku_key(v) == key)
        {
            return Err(format!(
                "`{location}` is a virtual warehouse; snapshots report physical warehouses"
            ));
        }
        let served: Vec<String> = self
            .config
            .warehouses
            .iter()
            .filter(|(_, w)| w.fulfillment_channel.get_ref() == self.code)
            .map(|(wh, w)| match &w.location_id {
                Some(id) => format!("{wh} (location_id {id})"),
                None => wh.clone(),
            })
            .collect();
        Err(if served.is_empty() {
            format!(
                "unknown location `{location}` (`{}` serves no warehouse)",
                self.code
            )
        } else {
            format!(
                "unknown location `{location}` (`{}` serves: {})",
                self.code,
                served.join(", ")
            )
        })
    }

    /// Marks these SKU keys as bundles.
    pub fn with_bundles(mut self, bundles: HashSet<String>) -> Self {
        self.bundles = bundles;
        self
    }

    /// The oms SKU and variant a channel SKU stands for. Unknown SKUs are never created.
    fn variant(&self, sku: &str) -> Result<(String, i64), String> {
        let found = self.variant_of(sku)?;
        if self.bundles.contains(&sku_key(&found.0)) {
            return Err(format!(
                "`{}` is a bundle: it has no stock of its own (its components are counted)",
                found.0
            ));
        }
        Ok(found)
    }

    fn variant_of(&self, sku: &str) -> Result<(String, i64), String> {
        match self.sku_map.get(&sku_key(sku)) {
            Some(mapped) => self
                .variants
                .get(&sku_key(mapped))
                .map(|id| (mapped.clone(), *id))
                .ok_or_else(|| {
                    format!(
                        "unknown SKU `{mapped}` (the sku_map of `{}` maps `{sku}` to it)",
                        self.code
                    )
                }),
            None => self
                .variants
                .get(&sku_key(sku))
                .map(|id| (sku.to_string(), *id))
                .ok_or_else(|| format!("unknown SKU `{sku}`")),
        }
    }
}

/// What to do with one line.
#[derive(Debug)]
pub enum Row {
    /// Not applied; every reason names the line and field.
    Rejected {
        count: StockCount,
        warehouse: Option<String>,
        reasons: Vec<String>,
    },
    /// The same (warehouse, SKU) and count as an earlier line (`first`): nothing more to do.
    Repeat {
        count: StockCount,
        warehouse: String,
        sku: String,
        first: String,
    },
    /// Set on hand of this variant in this warehouse to `count.on_hand`.
    Valid {
        count: StockCount,
        warehouse: String,
        sku: String,
        variant_id: i64,
    },
}

/// One file's lines, judged.
#[derive(Debug, Default)]
pub struct Rows {
    pub source: String,
    pub rows: Vec<Row>,
    /// The physical warehouses the file reports on, in code order.
    pub warehouses: Vec<String>,
    /// Per warehouse, every variant some line names (applied or not), so that only the
    /// SKUs the file is silent about are listed as not reported.
    pub reported: HashMap<String, HashSet<i64>>,
}

struct Judged {
    count: StockCount,
    warehouse: Option<String>,
    variant: Option<(String, i64)>,
    problems: Vec<String>,
}

pub fn resolve(rules: &Rules, source: &str, counts: Vec<StockCount>) -> Rows {
    let mut judged: Vec<Judged> = counts.into_iter().map(|c| judge(rules, c)).collect();
    let mut rows = Rows {
        source: source.to_string(),
        ..Rows::default()
    };
    // Valid lines naming the same (warehouse, variant): harmless when they agree, and
    // impossible to choose between when they do not. A line rejected anyway does not
    // take a valid one down with it.
    let mut groups: HashMap<(String, i64), Vec<usize>> = HashMap::new();
    for (i, j) in judged.iter().enumerate() {
        if let (Some(wh), Some((_, id))) = (&j.warehouse, &j.variant) {
            rows.reported.entry(wh.clone()).or_default().insert(*id);
            if j.problems.is_empty() {
                groups.entry((wh.clone(), *id)).or_default().push(i);
            }
        }
    }
    let mut repeats: HashMap<usize, usize> = HashMap::new();
    for lines in groups.values().filter(|l| l.len() > 1) {
        let first = lines[0];
        if lines
            .iter()
            .all(|i| judged[*i].count.on_hand == judged[first].count.on_hand)
        {
            repeats.extend(lines[1..].iter().map(|i| (*i, first)));
            continue;
        }
        let all: Vec<String> = lines
            .iter()
            .map(|i| format!("{}: {}", judged[*i].count.source, judged[*i].count.on_hand))
            .collect();
        for i in lines {
            let c = &judged[*i].count;
            let problem = format!(
                "{}: on_hand: {}/{} is reported more than once with different counts ({})",
                c.source,
                c.location,
                c.sku,
                all.join(", ")
            );
            judged[*i].problems.push(problem);
        }
    }
    let sources: Vec<String> = judged.iter().map(|j| j.count.source.clone()).collect();
    rows.warehouses = rows.reported.keys().cloned().collect();
    rows.warehouses.sort();
    rows.rows = judged
        .into_iter()
        .enumerate()
        .map(
            |(i, j)| match (j.warehouse, j.variant, j.problems.is_empty()) {
                (Some(warehouse), Some((sku, variant_id)), true) => match repeats.get(&i) {
                    Some(first) => Row::Repeat {
                        count: j.count,
                        warehouse,
                        sku,
                        first: sources[*first].clone(),
                    },
                    None => Row::Valid {
                        count: j.count,
                        warehouse,
                        sku,
                        variant_id,
                    },
                },
                (warehouse, _, _) => Row::Rejected {
                    count: j.count,
                    warehouse,
                    reasons: j.problems,
                },
            },
        )
        .collect();
    rows
}

fn judge(rules: &Rules, mut count: StockCount) -> Judged {
    let mut problems = std::mem::take(&mut count.problems);
    let warehouse = match count.location.as_str() {
        "" => None,
        location => rules
            .warehouse(location)
            .map_err(|why| problems.push(format!("{}: location: {why}", count.source)))
            .ok(),
    };
    let variant = match count.sku.as_str() {
        "" => None,
        sku => rules
            .variant(sku)
            .map_err(|why| problems.push(format!("{}: sku: {why}", count.source)))
            .ok(),
    };
    if count.on_hand > MAX_QUANTITY {
        problems.push(format!(
            "{}: on_hand: {} is not a plausible quantity (more than {MAX_QUANTITY})",
            count.source, count.on_hand
        ));
    }
    Judged {
        count,
        warehouse,
        variant,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let text = r#"
[fulfillment_channels.f]
kind = "files"
path = "f"
sku_map = { "CH-TEE" = "TEE" }
[fulfillment_channels.g]
kind = "files"
path = "g"
[warehouses.east]
fulfillment_channel = "f"
location_id = "E-1"
[warehouses.west]
fulfillment_channel = "g"
[virtual_warehouses.all]
members = ["east", "west"]
"#;
        crate::config::parse(std::path::Path::new("oms.toml"), text, None).expect("config")
    }

    fn count(line: u32, location: &str, sku: &str, on_hand: i64) -> StockCount {
        StockCount {
            location: location.into(),
            sku: sku.into(),
            on_hand,
            source: format!("s.csv:{line}"),
            problems: Vec::new(),
        }
    }

    fn reasons(row: &Row) -> Vec<String> {
        match row {
            Row::Rejected { reasons, .. } => reasons.clone(),
            other => panic!("not rejected: {other:?}"),
        }
    }

    #[test]
    fn locations_and_skus_map_or_say_why_not() {
        let config = config();
        let variants: HashMap<String, i64> = [("tee".to_string(), 1), ("mug".to_string(), 2)]
            .into_iter()
            .collect();
        let rules = Rules::new(&config, "f", &variants);
        let rows = resolve(
            &rules,
            "s.csv",
            vec![
                count(2, "e-1", "ch-tee", 4),
                count(3, "EAST", "Mug", 1),
                count(4, "west", "MUG", 1),
                count(5, "all", "MUG", 1),
                count(6, "north", "GHOST", 1),
                count(7, "east", "MUG", 2_000_000_000),
            ],
        );
        match &rows.rows[0] {
            Row::Valid {
                warehouse,
                sku,
                variant_id,
                ..
            } => assert_eq!(
                (warehouse.as_str(), sku.as_str(), *variant_id),
                ("east", "TEE", 1)
            ),
            other => panic!("{other:?}"),
        }
        assert!(matches!(&rows.rows[1], Row::Valid { variant_id: 2, .. }));
        assert_eq!(
            reasons(&rows.rows[2]),
            ["s.csv:4: location: `west` is warehouse `west`, which `g` serves, not `f`"]
        );
        assert!(reasons(&rows.rows[3])[0].contains("is a virtual warehouse"));
        assert_eq!(
            reasons(&rows.rows[4]),
            [
                "s.csv:6: location: unknown location `north` (`f` serves: east (location_id E-1))",
                "s.csv:6: sku: unknown SKU `GHOST`"
            ]
        );
        assert!(reasons(&rows.rows[5])[0].contains("not a plausible quantity"));
        assert_eq!(rows.warehouses, ["east"]);
    }

    #[test]
    fn repeated_lines_agree_or_are_all_rejected() {
        let config = config();
        let variants: HashMap<String, i64> = [("tee".to_string(), 1), ("mug".to_string(), 2)]
            .into_iter()
            .collect();
        let rules = Rules::new(&config, "f", &variants);
        let rows = resolve(
            &rules,
            "s.csv",
            vec![
                count(2, "east", "TEE", 4),
                count(3, "east", "MUG", 1),
                count(4, "east", "ch-tee", 4),
                count(5, "east", "mug", 2),
            ],
        );
        assert!(matches!(&rows.rows[0], Row::Valid { .. }));
        match &rows.rows[2] {
            Row::Repeat { first, .. } => assert_eq!(first, "s.csv:2"),
            other => panic!("{other:?}"),
        }
        for i in [1, 3] {
            assert!(
                reasons(&rows.rows[i])[0].ends_with(
                    "reported more than once with different counts (s.csv:3: 1, s.csv:5: 2)"
                ),
                "{:?}",
                rows.rows[i]
            );
        }
        assert_eq!(rows.reported["east"].len(), 2);
    }
}
