use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::error::{Exit, usage};
use crate::ops::{shipments_cancel, shipments_close, shipments_send, shipments_sync};
use crate::output::Section;
use crate::store::{history, shipment_lots, shipments};

#[derive(Debug, Subcommand)]
pub enum ShipmentsCmd {
    /// Shipments, newest first
    List(ListArgs),
    /// One shipment: lines, tracking and its story
    Show {
        /// Shipment reference (S0000042) or number (42)
        shipment: String,
    },
    /// Read shipment confirmations from fulfillment channels and apply them
    #[command(after_long_help = super::examples::SHIPMENTS_SYNC)]
    Sync(SyncArgs),
    /// Send ready shipments and pending cancellation requests to fulfillment channels
    #[command(after_long_help = super::examples::SHIPMENTS_SEND)]
    Send(SendArgs),
    /// Cancel shipments: here if not yet sent, else by asking the warehouse
    Cancel(CancelArgs),
    /// Mark shipments shipped by hand (as if the warehouse had confirmed them)
    Ship(super::orders::ship::ShipShipmentsArgs),
    /// Close short shipments for good: release the units kept for a later parcel
    Close(CloseArgs),
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    /// Shipment references (S0000042) or numbers (42)
    #[arg(required = true, value_name = "REF")]
    pub shipments: Vec<String>,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only shipments in this status (ready_to_send, sent_to_warehouse, shipped, …)
    #[arg(long)]
    pub status: Option<String>,
    /// Only shipments of this fulfillment channel
    #[arg(long)]
    pub channel: Option<String>,
    /// Only shipments from this physical warehouse
    #[arg(long)]
    pub warehouse: Option<String>,
    /// At most this many shipments, newest first
    #[arg(long, default_value_t = 100)]
    pub limit: i64,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `shipments list` shows by default; the rest with `--columns` or `-o json`.
const LIST_COLUMNS: &[&str] = &[
    "reference",
    "order_name",
    "warehouse",
    "status",
    "?carrier",
    "?tracking_numbers",
    "shipped_at",
    "last_error",
];

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this fulfillment channel
    #[arg(long)]
    pub channel: Option<String>,
    /// Report what would change without writing or moving any file
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// Only this fulfillment channel
    #[arg(long)]
    pub channel: Option<String>,
    /// List what would be sent without sending or writing anything
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CancelArgs {
    /// Shipment references (S0000042) or numbers (42)
    #[arg(required = true, value_name = "REF")]
    pub shipments: Vec<String>,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

/// A line of `shipments show` for people: the SKU and its units, without internal ids.
#[derive(Serialize, Default)]
struct LineView<'a> {
    sku: &'a str,
    quantity: i64,
    shipped: i64,
}

#[derive(Serialize, Default)]
struct ShipmentDetail {
    #[serde(flatten)]
    shipment: shipments::ShipmentRow,
    lines: Vec<shipments::ShipmentLineRow>,
    /// The lots and serials the warehouse named, per parcel.
    lots: Vec<shipment_lots::LotRow>,
    story: Vec<history::Change>,
}

pub fn exec(ctx: &Ctx, cmd: ShipmentsCmd) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    match cmd {
        ShipmentsCmd::List(args) => {
            if let Some(s) = &args.status {
                s.parse::<crate::model::ShipmentStatus>().map_err(usage)?;
            }
            let store = ctx.store(&config)?;
            let filter = shipments::ListFilter {
                status: args.status.as_deref(),
                channel: args.channel.as_deref(),
                warehouse: args.warehouse.as_deref(),
                limit: args.limit,
            };
            let rows = shipments::list(&store.conn, &filter)?;
            ctx.out
                .list_columns(&rows, &args.columns.or(LIST_COLUMNS))?;
            Ok(Exit::Ok)
        }
        ShipmentsCmd::Show { shipment } => {
            let store = ctx.store(&config)?;
            let found = shipments::find(&store.conn, &shipment)?;
            let row = found.ok_or_else(|| usage(format!("no shipment `{shipment}`")))?;
            let detail = ShipmentDetail {
                lines: shipments::lines(&store.conn, row.id)?,
                lots: shipment_lots::of_shipment(&store.conn, row.id)?,
                story: history::of(&store.conn, "shipment", row.id)?,
                shipment: row,
            };
            let lines: Vec<LineView> = detail
                .lines
                .iter()
                .map(|l| LineView {
                    sku: &l.sku,
                    quantity: l.quantity,
                    shipped: l.quantity_shipped,
                })
                .collect();
            let mut sections = vec![Section::of("lines", &detail.lines)?.shown_as(&lines)?];
            // Only warehouses that track lots or serials report them.
            if !detail.lots.is_empty() {
                sections.push(Section::of("lots", &detail.lots)?);
            }
            sections.push(super::story::section(&detail.story)?);
            ctx.out.detail(&detail, &detail.shipment, &sections)?;
            Ok(Exit::Ok)
        }
        ShipmentsCmd::Sync(args) => {
            if let Some(c) = &args.channel
                && !config.fulfillment_channels.contains_key(c)
            {
                return Err(usage(config.unknown_fulfillment_channel(c)));
            }
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let progress = ctx.out.progress(0, "confirmations");
            let opts = shipments_sync::Options {
                channel: args.channel.as_deref(),
                dry_run: args.dry_run,
                cause: &ctx.cause,
                progress: &progress,
            };
            let report = shipments_sync::run(&config, &mut store, &opts)?;
            progress.finish();
            ctx.out.report(&report)
        }
        ShipmentsCmd::Send(args) => {
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let progress = ctx.out.progress(0, "shipments sent");
            let opts = shipments_send::Options {
                channel: args.channel.as_deref(),
                dry_run: args.dry_run,
                verbose: ctx.out.verbose > 0,
                cause: &ctx.cause,
                progress: &progress,
            };
            let report = shipments_send::run(&config, &mut store, &opts)?;
            progress.finish();
            ctx.out.report(&report)
        }
        ShipmentsCmd::Cancel(args) => cancel(ctx, &config, args),
        ShipmentsCmd::Ship(args) => super::orders::ship::ship_shipments(ctx, args),
        ShipmentsCmd::Close(args) => close(ctx, &config, args),
    }
}

/// Closes under the flow lock; orders waiting for the released SKUs are retried in the
/// same transaction.
fn close(ctx: &Ctx, config: &crate::config::Config, args: CloseArgs) -> anyhow::Result<Exit> {
    let _lock = ctx.lock(config)?;
    let mut store = ctx.store(config)?;
    let tx = store.tx()?;
    let mut report = shipments_close::close(config, &tx, &args.shipments, &ctx.cause)?;
    report.dry_run = args.dry_run;
    if args.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    ctx.out.report(&report)
}

/// Checks every reference, asks once for all of them, then cancels under the flow lock
/// (checking again there, so a shipment that shipped meanwhile is still refused).
fn cancel(ctx: &Ctx, config: &crate::config::Config, args: CancelArgs) -> anyhow::Result<Exit> {
    let mut store = ctx.store(config)?;
    let found = shipments_cancel::check(&store.conn, &args.shipments)?;
    if !args.dry_run {
        let refs: Vec<&str> = found.iter().map(|s| s.reference.as_str()).collect();
        let question = match refs.as_slice() {
            [one] => format!("Cancel shipment {one}?"),
            many => format!("Cancel {} shipments ({})?", many.len(), many.join(", ")),
        };
        if !ctx.confirm(&question)? {
            ctx.out.note("nothing was changed");
            return Ok(Exit::Failed);
        }
    }
    let _lock = ctx.lock(config)?;
    let opts = shipments_cancel::Options {
        references: &args.shipments,
        dry_run: args.dry_run,
        cause: &ctx.cause,
    };
    let report = shipments_cancel::cancel(&mut store, &opts)?;
    ctx.out.report(&report)
}
