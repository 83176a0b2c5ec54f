//! What `orders process` and backorder retries share: the planner loaded from config and
//! stock, each order's candidate warehouses, and the one function that turns a plan into
//! shipments, allocation ledger rows, the backorder flag and the order's status.

use std::collections::{HashMap, HashSet};

use anyhow::Context;
use rusqlite::Connection;

use crate::allocation::{self, Kit, Limits, LineToPlan, Plan, Planner, WarehouseId, WarehouseSpec};
use crate::config::{BackorderMode, Config};
use crate::model::StockReason;
use crate::model::rollup::{Rollup, order_status};
use crate::store::orders;
use crate::store::processing::{self, OrderHead};
use crate::store::shipments::{self, NewShipment, NewShipmentLine};
use crate::store::stock::{self, Movement, Reference};

/// The planner for one run, with the config it answers from. The caller holds the flow
/// lock for as long as it lives: the planner's availability is only true while nothing
/// else allocates.
pub struct Allocator<'c> {
    config: &'c Config,
    pub planner: Planner,
    /// Candidate lists by (requested warehouse, sales channel, only that warehouse): a run
    /// sees few distinct keys.
    candidates: HashMap<(Option<String>, String, bool), Vec<WarehouseId>>,
    /// Variants whose levels the planner holds (see [`Allocator::batch`]).
    loaded: HashSet<i64>,
}

/// What writing a plan created.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// (reference, warehouse) of each new shipment.
    pub shipments: Vec<(String, String)>,
    pub units: i64,
}

impl<'c> Allocator<'c> {
    /// Builds the planner from the config (physical warehouses by priority, partial
    /// shipments as their fulfillment channel allows, backorder mode, max_splits). Stock
    /// levels are read per batch, for the SKUs it needs ([`Allocator::batch`]).
    /// A switched-off warehouse is left out of the planner: it is no candidate, so nothing
    /// is allocated there, by processing or by backorder retries.
    pub fn load(config: &'c Config) -> anyhow::Result<Allocator<'c>> {
        let specs = config
            .warehouses_by_priority()
            .into_iter()
            .filter(|code| config.warehouse_enabled(code))
            .map(|code| {
                let partial = config.warehouses.get(code).is_some_and(|w| {
                    config
                        .fulfillment_channels
                        .get(w.fulfillment_channel.get_ref())
                        .is_some_and(|ch| ch.allow_partial())
                });
                WarehouseSpec::new(code, partial)
            })
            .collect();
        let settings = allocation::Settings {
            max_splits: config.defaults.max_splits,
            backorder_mode: match config.defaults.backorder_mode {
                BackorderMode::Oms => allocation::BackorderMode::Oms,
                BackorderMode::Wms => allocation::BackorderMode::Wms,
            },
        };
        let planner = Planner::new(specs, settings)?;
        Ok(Allocator {
            config,
            planner,
            candidates: HashMap::new(),
            loaded: HashSet::new(),
        })
    }

    /// Reads the heads and open lines of `ids`, and the stock levels of the SKUs they need
    /// that the planner has not seen yet. A level read once stays in the planner, which
    /// reserves from it: only SKUs this run has not touched are read from the database.
    pub fn batch(&mut self, conn: &Connection, ids: &[i64]) -> anyhow::Result<Batch> {
        let batch = Batch::load(conn, ids)?;
        let lines: Vec<&LineToPlan> = batch.lines.values().flatten().collect();
        self.load_levels(conn, lines.into_iter())?;
        Ok(batch)
    }

    /// Loads the stock levels of `lines`' variants the planner has not seen yet (lines a
    /// rule added during the run).
    pub fn ensure_levels(&mut self, conn: &Connection, lines: &[LineToPlan]) -> anyhow::Result<()> {
        self.load_levels(conn, lines.iter())
    }

    fn load_levels<'l>(
        &mut self,
        conn: &Connection,
        lines: impl Iterator<Item = &'l LineToPlan>,
    ) -> anyhow::Result<()> {
        let mut new: Vec<i64> = lines
            .map(|l| l.variant_id)
            .filter(|v| !self.loaded.contains(v))
            .collect();
        new.sort_unstable();
        new.dedup();
        if new.is_empty() {
            return Ok(());
        }
        let mut virtual_holds = Vec::new();
        for row in processing::levels_of(conn, &new)? {
            // Levels of warehouses no longer configured cannot ship anything.
            if let Some(w) = self.planner.warehouse(&row.warehouse) {
                self.planner
                    .set_stock(w, row.variant_id, row.on_hand, row.allocated);
            } else if self.config.is_virtual(&row.warehouse) && row.allocated > 0 {
                // A virtual stock source holds no stock; its row carries only held units.
                virtual_holds.push(row);
            }
        }
        for row in virtual_holds {
            self.keep_back_held(&row.warehouse, row.variant_id, row.allocated);
        }
        self.loaded.extend(new);
        Ok(())
    }

    /// Units held on a virtual stock source are not tied to a warehouse, yet they must not
    /// be allocated to other orders: they are kept back from its members' free stock, the
    /// highest priority first (where the held order itself would ship from).
    fn keep_back_held(&mut self, source: &str, variant_id: i64, held: i64) {
        let members = self.config.physical_members(source).unwrap_or_default();
        let mut left = held;
        for code in self.config.warehouses_by_priority() {
            if left == 0 {
                break;
            }
            if !members.iter().any(|m| m == code) {
                continue;
            }
            if let Some(w) = self.planner.warehouse(code) {
                let take = left.min(self.planner.available(w, variant_id).max(0));
                self.planner.add_available(w, variant_id, -take);
                left -= take;
            }
        }
    }

    /// The order's warehouses in preference order (SPEC §4.1.2): its requested warehouse
    /// (order rules were applied at import and landed there), its sales channel's default,
    /// the config's default, then every warehouse by priority. Virtual warehouses stand
    /// for their members. Fails when the requested warehouse is not configured (any more).
    pub fn candidates(&mut self, head: &OrderHead) -> Result<&[WarehouseId], String> {
        let key = (
            head.requested_warehouse.clone(),
            head.channel.clone(),
            head.strict_rule.is_some(),
        );
        if !self.candidates.contains_key(&key) {
            let list = self.candidate_list(head)?;
            self.candidates.insert(key.clone(), list);
        }
        Ok(self.candidates.get(&key).map_or(&[], Vec::as_slice))
    }

    fn candidate_list(&self, head: &OrderHead) -> Result<Vec<WarehouseId>, String> {
        let config = self.config;
        let mut preferred: Vec<String> = Vec::new();
        if let Some(code) = head.requested_warehouse.as_deref().map(str::trim)
            && !code.is_empty()
        {
            let members = config
                .physical_members(code)
                .ok_or_else(|| format!("requested warehouse `{code}` is not configured"))?;
            if !members.iter().any(|m| config.warehouse_enabled(m)) {
                return Err(format!(
                    "requested warehouse `{code}` is switched off (enabled = false): \
                     change the order's warehouse or switch it on"
                ));
            }
            preferred.extend(members);
            // A rule's `only_enough_stock`: that warehouse or nothing.
            if head.strict_rule.is_some() {
                return Ok(preferred
                    .iter()
                    .filter_map(|c| self.planner.warehouse(c))
                    .collect());
            }
        }
        let channel_default = config
            .sales_channels
            .get(&head.channel)
            .and_then(|ch| ch.default_warehouse.as_ref());
        for code in channel_default
            .into_iter()
            .chain(&config.defaults.warehouse)
        {
            preferred.extend(config.physical_members(code.get_ref()).unwrap_or_default());
        }
        self.planner
            .candidates(
                preferred
                    .iter()
                    .filter(|c| self.planner.warehouse(c).is_some()),
            )
            .map_err(|e| e.to_string())
    }

    /// Why a plan leaves the order backordered; an `only_enough_stock` rule is named, so a
    /// person sees which rule keeps the order waiting.
    pub fn backorder_reason(head: &OrderHead, plan: &Plan) -> String {
        match &head.strict_rule {
            Some(rule) => format!(
                "rule `{rule}` (only_enough_stock): {} cannot ship it in full: {}",
                head.requested_warehouse
                    .as_deref()
                    .unwrap_or("its warehouse"),
                plan.reason_text()
            ),
            None => plan.reason_text(),
        }
    }

    pub fn config(&self) -> &'c Config {
        self.config
    }

    /// What the order's rules ask of the planner (its own `max_splits`, full shipments
    /// only), and whether its sales channel lets kits be split.
    pub fn limits(&self, head: &OrderHead) -> Limits {
        Limits {
            max_splits: head.max_splits,
            strict: head.strict_rule.is_some(),
            split_bundles: self
                .config
                .sales_channels
                .get(&head.channel)
                .and_then(|ch| ch.split_bundles)
                .unwrap_or(false),
        }
    }

    /// Units of a variant available now over `warehouses` (physical codes), as this run
    /// sees them: read from the database the first time, then the planner's own count.
    pub fn available(
        &mut self,
        conn: &Connection,
        variant_id: i64,
        warehouses: &[String],
    ) -> rusqlite::Result<i64> {
        if self.loaded.insert(variant_id) {
            for row in processing::levels_of(conn, &[variant_id])? {
                if let Some(w) = self.planner.warehouse(&row.warehouse) {
                    self.planner
                        .set_stock(w, row.variant_id, row.on_hand, row.allocated);
                }
            }
        }
        Ok(warehouses
            .iter()
            .filter_map(|c| self.planner.warehouse(c))
            .fold(0i64, |sum, w| {
                sum.saturating_add(self.planner.available(w, variant_id))
            }))
    }

    /// The carrier service a new shipment of this order gets: the order's (set at import
    /// from its shipping method or an order rule), else its sales channel's default, else
    /// the config's default.
    fn carrier_service<'a>(&'a self, head: &'a OrderHead) -> Option<&'a str> {
        head.carrier_service.as_deref().or_else(|| {
            self.config
                .sales_channels
                .get(&head.channel)
                .and_then(|ch| ch.default_carrier_service.as_ref())
                .or(self.config.defaults.carrier_service.as_ref())
                .map(|s| s.get_ref().as_str())
        })
    }

    /// Writes a plan the planner has already reserved: one `ready_to_send` shipment per
    /// planned warehouse with an allocation ledger row per line, the backorder flag and
    /// reason (set, updated or cleared), and the order status that follows. Writes
    /// nothing for an order that stays backordered with the same reason.
    pub fn write(
        &self,
        conn: &Connection,
        head: &OrderHead,
        plan: &Plan,
        cause: &str,
        run_id: Option<i64>,
    ) -> anyhow::Result<Written> {
        let mut written = Written::default();
        for planned in &plan.shipments {
            let warehouse = self.planner.code(planned.warehouse);
            let channel = self
                .config
                .warehouses
                .get(warehouse)
                .map(|w| w.fulfillment_channel.get_ref().as_str())
                .with_context(|| format!("warehouse `{warehouse}` is not configured"))?;
            let lines: Vec<NewShipmentLine> = planned
                .lines
                .iter()
                .map(|l| NewShipmentLine {
                    order_line_id: l.order_line_id,
                    variant_id: l.variant_id,
                    quantity: l.quantity,
                })
                .collect();
            let new = NewShipment {
                order_id: head.id,
                warehouse,
                fulfillment_channel: channel,
                carrier_service: self.carrier_service(head),
                lines,
            };
            let (_, reference) = shipments::create(conn, &new, cause)?;
            for l in &planned.lines {
                stock::apply(
                    conn,
                    &Movement {
                        warehouse,
                        variant_id: l.variant_id,
                        on_hand: 0,
                        allocated: l.quantity,
                        incoming: 0,
                        reason: StockReason::Allocation,
                        reference: Reference {
                            kind: Some("shipment"),
                            id: Some(&reference),
                            run_id,
                            note: None,
                        },
                    },
                )?;
                written.units += l.quantity;
            }
            written.shipments.push((reference, warehouse.to_string()));
        }
        if plan.is_backordered() {
            let reason = Self::backorder_reason(head, plan);
            if !head.backordered || head.backorder_reason.as_deref() != Some(&reason) {
                orders::set_backordered(conn, head.id, Some(&reason))?;
            }
        } else if head.backordered {
            orders::set_backordered(conn, head.id, None)?;
        }
        // The status rule (model::rollup) applied to the facts read with the batch plus
        // what was just written, so this path, run once per order, reads nothing again.
        // set_status writes only when the status changes.
        let rollup = Rollup {
            open_shipments: head.rollup.open_shipments + written.shipments.len(),
            backordered: plan.is_backordered(),
            ..head.rollup
        };
        let next = order_status(head.status, &rollup);
        orders::set_status(conn, head.id, head.status, next, cause, None)?;
        Ok(written)
    }
}

/// A batch of orders ready to plan: heads and open lines by order id.
pub struct Batch {
    pub heads: HashMap<i64, OrderHead>,
    pub lines: HashMap<i64, Vec<LineToPlan>>,
}

impl Batch {
    /// Reads the heads and open lines of `ids` in two queries.
    pub fn load(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Batch> {
        let heads = processing::heads(conn, ids)?
            .into_iter()
            .map(|h| (h.id, h))
            .collect();
        let mut lines: HashMap<i64, Vec<LineToPlan>> = HashMap::with_capacity(ids.len());
        for l in processing::open_lines(conn, ids)? {
            lines.entry(l.order_id).or_default().push(LineToPlan {
                order_line_id: l.order_line_id,
                variant_id: l.variant_id,
                sku: l.sku,
                quantity: l.remaining,
                kit: l.kit.map(|k| Kit {
                    line_id: k.line_id,
                    sku: k.sku,
                    per_kit: k.per_kit,
                }),
            });
        }
        Ok(Batch { heads, lines })
    }

    pub fn lines_of(&self, order_id: i64) -> &[LineToPlan] {
        self.lines.get(&order_id).map_or(&[], Vec::as_slice)
    }
}
