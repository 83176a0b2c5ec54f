//! `oms orders ship N` and `oms shipments ship REF`: shipped by hand, and `oms orders
//! clone N`: a new draft copy of an order.

use clap::Args;

use crate::cli::Ctx;
use crate::error::Exit;
use crate::model::order::Address;
use crate::ops::order_edit::{self, ManualOrder};
use crate::ops::shipments_ship::{self, ByHand};
use crate::store::orders;

/// What a person says about the parcel, for both ship commands.
#[derive(Debug, Args)]
pub struct ParcelArgs {
    /// Tracking number (repeatable: one per parcel)
    #[arg(long = "tracking", value_name = "NUMBER")]
    pub tracking: Vec<String>,
    /// The carrier that took the parcel, e.g. UPS
    #[arg(long)]
    pub carrier: Option<String>,
    /// A link to the carrier's tracking page
    #[arg(long, value_name = "URL")]
    pub tracking_url: Option<String>,
    /// Only these units shipped, e.g. --line TEE-BLK-S=2 (repeatable); the rest is short
    /// shipped. Without --line every unit shipped
    #[arg(long = "line", value_name = "SKU=QTY", value_parser = super::edit::sku_quantity)]
    pub lines: Vec<(String, i64)>,
    /// Show what would change without writing anything
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ShipOrderArgs {
    /// The order number
    pub order: i64,
    #[command(flatten)]
    pub parcel: ParcelArgs,
}

#[derive(Debug, Args)]
pub struct ShipShipmentsArgs {
    /// Shipment references (S0000042) or numbers (42)
    #[arg(required = true, value_name = "REF")]
    pub shipments: Vec<String>,
    #[command(flatten)]
    pub parcel: ParcelArgs,
}

#[derive(Debug, Args)]
pub struct CloneArgs {
    /// The order to copy
    pub order: i64,
    /// Show the copy that would be created without writing it
    #[arg(long)]
    pub dry_run: bool,
}

impl ParcelArgs {
    fn by_hand(&self) -> ByHand {
        ByHand {
            tracking_numbers: self.tracking.iter().map(|t| t.trim().to_string()).collect(),
            carrier: self.carrier.clone(),
            tracking_url: self.tracking_url.clone(),
            lines: self.lines.clone(),
        }
    }
}

pub fn ship_order(ctx: &Ctx, args: ShipOrderArgs) -> anyhow::Result<Exit> {
    ship(ctx, &args.parcel, |config, tx, by_hand| {
        shipments_ship::ship_order(config, tx, args.order, by_hand, &ctx.cause)
    })
}

pub fn ship_shipments(ctx: &Ctx, args: ShipShipmentsArgs) -> anyhow::Result<Exit> {
    ship(ctx, &args.parcel, |config, tx, by_hand| {
        shipments_ship::ship_shipments(config, tx, &args.shipments, by_hand, &ctx.cause)
    })
}

fn ship(
    ctx: &Ctx,
    parcel: &ParcelArgs,
    op: impl FnOnce(
        &crate::config::Config,
        &rusqlite::Connection,
        &ByHand,
    ) -> anyhow::Result<crate::ops::shipments_sync::SyncReport>,
) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let mut report = op(&config, &tx, &parcel.by_hand())?;
    report.dry_run = parcel.dry_run;
    if parcel.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    ctx.out.report(&report)
}

pub fn clone(ctx: &Ctx, args: CloneArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let tx = store.tx()?;
    let original = orders::detail(&tx, args.order)?
        .ok_or_else(|| crate::error::usage(format!("there is no order {}", args.order)))?;
    let lines = orders::lines(&tx, original.id)?;
    // A copy needs an address only where the original had one (not a digital order's).
    let no_ship_to = [
        &original.ship_name,
        &original.ship_address1,
        &original.ship_country,
    ]
    .iter()
    .any(|v| v.as_deref().is_none_or(|s| s.trim().is_empty()));
    let copy = ManualOrder {
        no_ship_to,
        // The shop's lines: a bundle line gets its components again when stored.
        lines: lines
            .iter()
            .filter(|l| l.from_shop())
            .map(|l| (l.sku.clone(), l.quantity))
            .collect(),
        customer_name: original.customer_name,
        email: original.email,
        phone: original.phone,
        ship_to: Address {
            name: original.ship_name,
            company: original.ship_company,
            address1: original.ship_address1,
            address2: original.ship_address2,
            city: original.ship_city,
            province: original.ship_province,
            zip: original.ship_zip,
            country: original.ship_country,
            phone: None,
        },
        warehouse: original.requested_warehouse,
        carrier_service: original.carrier_service,
        note: Some(match original.note {
            Some(n) if !n.trim().is_empty() => format!("copy of order {}: {n}", original.id),
            _ => format!("copy of order {}", original.id),
        }),
        // A copy is made to go out now: the original's deadline would cancel it at once.
        cancel_after: None,
    };
    let (id, external_id) = order_edit::create(&tx, &config, &copy, &ctx.cause)?;
    if ctx.out.shows_outcomes() {
        super::show::print(ctx, &tx, id)?;
    }
    if args.dry_run {
        tx.rollback()?;
        ctx.out.note(format!(
            "dry run: order {id} ({external_id}) was not created"
        ));
    } else {
        tx.commit()?;
        ctx.out.note(format!(
            "created draft order {id} ({external_id}), a copy of order {}; approve it with `oms orders approve {id}`",
            args.order
        ));
    }
    Ok(Exit::Ok)
}
