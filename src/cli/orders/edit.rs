//! `oms orders approve|cancel|create`: changes made by hand, each in one transaction
//! under the flow lock, attributed in the orders' stories to the command typed.

use clap::Args;
use serde::Serialize;

use crate::cli::Ctx;
use crate::error::Exit;
use crate::model::order::Address;
use crate::ops::order_cancel;
use crate::ops::order_edit::{self, Approval, ManualOrder};
use crate::output::Report;
use crate::store::orders;

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// A line: SKU and quantity, e.g. --sku TEE-BLK-S=2 (repeatable)
    #[arg(long = "sku", value_name = "SKU=QTY", required = true, value_parser = sku_quantity)]
    pub lines: Vec<(String, i64)>,
    /// The customer's name (also the ship-to name unless --ship-name is given)
    #[arg(long)]
    pub name: Option<String>,
    /// The customer's email address
    #[arg(long)]
    pub email: Option<String>,
    /// The customer's phone number
    #[arg(long)]
    pub phone: Option<String>,
    /// Ship-to name [default: --name]
    #[arg(long)]
    pub ship_name: Option<String>,
    /// Ship-to company
    #[arg(long)]
    pub ship_company: Option<String>,
    /// Ship-to address, first line (street and number)
    #[arg(long)]
    pub ship_address1: Option<String>,
    /// Ship-to address, second line (flat, floor)
    #[arg(long)]
    pub ship_address2: Option<String>,
    /// Ship-to city
    #[arg(long)]
    pub ship_city: Option<String>,
    /// Ship-to state or province code, e.g. MA
    #[arg(long)]
    pub ship_province: Option<String>,
    /// Kept as text: 02134 keeps its zero
    #[arg(long)]
    pub ship_zip: Option<String>,
    /// Country code, e.g. US
    #[arg(long)]
    pub ship_country: Option<String>,
    /// Ship-to phone number, for the carrier
    #[arg(long)]
    pub ship_phone: Option<String>,
    /// A digital or pickup order: create it without a ship-to name, address and country
    #[arg(long)]
    pub no_ship_to: bool,
    /// The physical warehouse the order must ship from
    #[arg(long, value_name = "CODE")]
    pub warehouse: Option<String>,
    /// Carrier service code [default: defaults.carrier_service]
    #[arg(long, value_name = "CODE")]
    pub carrier_service: Option<String>,
    /// A note kept with the order and sent to the warehouse
    #[arg(long)]
    pub note: Option<String>,
    /// Cancel the order if it is not sent to a warehouse by then (RFC 3339; a bare date
    /// means the end of that day UTC), see `auto_cancel`
    #[arg(long, value_name = "TIME", value_parser = cancel_after)]
    pub cancel_after: Option<String>,
    /// Show the order that would be created without writing it
    #[arg(long)]
    pub dry_run: bool,
}

fn cancel_after(text: &str) -> Result<String, String> {
    crate::model::order::normalize_cancel_after(text).ok_or_else(|| {
        format!("`{text}` is not a date and time (e.g. 2025-03-04T18:00:00Z or 2025-03-04)")
    })
}

pub(super) fn sku_quantity(text: &str) -> Result<(String, i64), String> {
    let (sku, qty) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("`{text}` is not SKU=QTY"))?;
    let sku = sku.trim();
    if sku.is_empty() {
        return Err(format!("`{text}` has no SKU before `=`"));
    }
    match qty.trim().parse::<i64>() {
        Ok(q) if q > 0 => Ok((sku.to_string(), q)),
        _ => Err(format!("`{qty}` is not a whole number above 0")),
    }
}

/// One order in the answer of approve or cancel.
#[derive(Debug, Serialize, Default)]
pub struct EditItem {
    pub order_id: i64,
    pub from: Option<String>,
    pub to: Option<String>,
    /// approved | cancelled | cancel_requested | short_shipped | unchanged | refused
    pub outcome: String,
    pub message: Option<String>,
}

#[derive(Debug, Serialize, Default)]
pub struct EditReport {
    pub dry_run: bool,
    pub changed: usize,
    pub refused: usize,
    pub items: Vec<EditItem>,
    /// Exit 2 when any order was refused (cancel), or when none changed (approve).
    #[serde(skip)]
    strict: bool,
    /// (warehouse, variant) pairs whose available stock rose.
    #[serde(skip)]
    pub released: Vec<(String, i64)>,
}

impl Report for EditReport {
    type Item = EditItem;
    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("changed", self.changed.to_string()),
            ("refused", self.refused.to_string()),
        ];
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }
    fn items(&self) -> &[EditItem] {
        &self.items
    }
    fn is_notable(&self, _item: &EditItem) -> bool {
        true
    }
    fn exit(&self) -> Exit {
        let failed = if self.strict {
            self.refused > 0
        } else {
            self.changed == 0
        };
        if failed { Exit::Usage } else { Exit::Ok }
    }
}

impl EditReport {
    fn refuse(&mut self, ctx: &Ctx, order_id: i64, from: Option<String>, why: String) {
        ctx.out.warn(&why);
        self.refused += 1;
        self.items.push(EditItem {
            order_id,
            to: from.clone(),
            from,
            outcome: "refused".into(),
            message: Some(why),
        });
    }
}

pub fn approve(ctx: &Ctx, ids: &[i64], dry_run: bool) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let mut report = EditReport {
        dry_run,
        ..Default::default()
    };
    for &id in ids {
        let from = orders::status_of(&tx, id)?.map(|s| s.to_string());
        match order_edit::approve(&tx, id, &ctx.cause)? {
            Approval::Approved => {
                report.changed += 1;
                report.items.push(EditItem {
                    order_id: id,
                    from,
                    to: Some("approved".into()),
                    outcome: "approved".into(),
                    message: None,
                });
            }
            Approval::Refused(why) => report.refuse(ctx, id, from, why),
        }
    }
    finish(tx, dry_run)?;
    ctx.out.report(&report)
}

pub fn cancel(ctx: &Ctx, ids: &[i64], dry_run: bool) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    if !dry_run && !ctx.confirm(&format!("Cancel order(s) {}?", list.join(", ")))? {
        // Like every other declined confirmation: the command did not do what it was asked.
        ctx.out.note("nothing was cancelled");
        return Ok(Exit::Failed);
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let mut report = EditReport {
        dry_run,
        strict: true,
        ..Default::default()
    };
    for &id in ids {
        if orders::status_of(&tx, id)?.is_none() {
            report.refuse(ctx, id, None, format!("there is no order {id}"));
            continue;
        }
        match order_cancel::cancel(&tx, id, &ctx.cause, None, None)? {
            Err(final_status) => report.refuse(
                ctx,
                id,
                Some(final_status.status.to_string()),
                final_status.to_string(),
            ),
            Ok(c) => {
                let message = match (c.changed(), c.cancel_requested) {
                    (false, _) => Some("its cancellation was already requested".to_string()),
                    (true, 0) => None,
                    (true, n) => Some(format!(
                        "{n} shipment(s) already at a warehouse: cancellation recorded, sent by `oms shipments send`"
                    )),
                };
                let outcome = if c.changed() {
                    report.changed += 1;
                    c.to.to_string()
                } else {
                    "unchanged".to_string()
                };
                report.items.push(EditItem {
                    order_id: id,
                    from: Some(c.from.to_string()),
                    to: Some(c.to.to_string()),
                    outcome,
                    message,
                });
                report.released.extend(c.released);
            }
        }
    }
    finish(tx, dry_run)?;
    ctx.out.report(&report)
}

pub fn create(ctx: &Ctx, args: CreateArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let m = ManualOrder {
        lines: args.lines,
        customer_name: args.name,
        email: args.email,
        phone: args.phone,
        ship_to: Address {
            name: args.ship_name,
            company: args.ship_company,
            address1: args.ship_address1,
            address2: args.ship_address2,
            city: args.ship_city,
            province: args.ship_province,
            zip: args.ship_zip,
            country: args.ship_country,
            phone: args.ship_phone,
        },
        warehouse: args.warehouse,
        carrier_service: args.carrier_service,
        note: args.note,
        cancel_after: args.cancel_after,
        no_ship_to: args.no_ship_to,
    };
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let (id, external_id) = order_edit::create(&tx, &config, &m, &ctx.cause)?;
    // Shown from inside the transaction, so a dry run shows what it would have created.
    if ctx.out.shows_outcomes() {
        super::show::print(ctx, &tx, id)?;
    }
    finish(tx, args.dry_run)?;
    ctx.out.note(if args.dry_run {
        format!("dry run: order {id} ({external_id}) was not created")
    } else {
        format!(
            "created draft order {id} ({external_id}); approve it with `oms orders approve {id}`"
        )
    });
    Ok(Exit::Ok)
}

fn finish(tx: rusqlite::Transaction, dry_run: bool) -> rusqlite::Result<()> {
    if dry_run { tx.rollback() } else { tx.commit() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sku_quantities_parse() {
        assert_eq!(sku_quantity(" TEE=2 "), Ok(("TEE".into(), 2)));
        assert_eq!(sku_quantity("A=B=3"), Ok(("A=B".into(), 3)));
        for bad in ["TEE", "=2", "TEE=0", "TEE=x", "TEE=-1"] {
            assert!(sku_quantity(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn exits_follow_the_command() {
        let approve = |changed, refused| EditReport {
            changed,
            refused,
            ..Default::default()
        };
        assert_eq!(approve(1, 1).exit(), Exit::Ok);
        assert_eq!(approve(0, 1).exit(), Exit::Usage);
        let cancel = |changed, refused| EditReport {
            changed,
            refused,
            strict: true,
            ..Default::default()
        };
        assert_eq!(cancel(1, 1).exit(), Exit::Usage);
        assert_eq!(cancel(0, 0).exit(), Exit::Ok);
    }
}
