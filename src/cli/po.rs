use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::{Exit, usage};
use crate::model::PoStatus;
use crate::ops::po_change::PoChangeReport;
use crate::ops::po_lines::{self, LineSpec};
use crate::ops::{po_approve, po_cancel, po_close, po_create, po_edit, po_export};
use crate::output::Section;
use crate::store::purchases::{self, PoDetail};

#[derive(Debug, Subcommand)]
pub enum PoCmd {
    /// Create a draft purchase order into one physical warehouse
    Create(CreateArgs),
    /// Change a draft: supplier, expected date, note, lines
    Edit(EditArgs),
    /// List purchase orders
    List(ListArgs),
    /// One PO: lines with ordered/received/remaining, receipts, status story
    Show {
        /// PO number (PO-000001, or just 1)
        po: String,
    },
    /// Approve drafts: their quantities become incoming stock
    Approve(ApproveArgs),
    /// Send approved POs to the fulfillment channel of their warehouse (once each)
    Export(ExportArgs),
    /// Cancel a draft, or an approved PO with nothing received; releases its incoming stock
    Cancel(ChangeArgs),
    /// Close a PO that is receiving, short; releases the incoming stock that never arrived
    Close(ChangeArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Who the goods are bought from (free text)
    #[arg(long)]
    pub supplier: String,
    /// The physical warehouse receiving the goods
    #[arg(long, value_name = "CODE")]
    pub warehouse: String,
    /// A line: SKU=QTY[@UNIT_COST][:lot=L][:serial=S] (repeatable; a serial is one unit)
    #[arg(
        long = "line",
        value_name = "SKU=QTY",
        required_unless_present = "file"
    )]
    pub lines: Vec<String>,
    /// Lines from a CSV file with columns sku,quantity[,unit_cost][,lot][,serial]
    #[arg(long, value_name = "FILE", conflicts_with = "lines")]
    pub file: Option<PathBuf>,
    /// Expected arrival (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub expected: Option<String>,
    /// A note kept with the purchase order
    #[arg(long)]
    pub note: Option<String>,
    /// Show the PO that would be created without writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// PO number
    pub po: String,
    /// The new supplier
    #[arg(long)]
    pub supplier: Option<String>,
    /// Expected arrival (YYYY-MM-DD); "" clears it
    #[arg(long, value_name = "DATE")]
    pub expected: Option<String>,
    /// "" clears it
    #[arg(long)]
    pub note: Option<String>,
    /// Set a line's quantity: SKU=QTY[:lot=L][:serial=S] (adds it if new; 0 removes it; repeatable)
    #[arg(long = "line", value_name = "SKU=QTY")]
    pub lines: Vec<String>,
    /// Show the result without writing it
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only POs in this status (draft, approved, receiving, received, cancelled, closed)
    #[arg(long, value_parser = parse_status)]
    pub status: Option<PoStatus>,
    /// Only POs into this warehouse (a virtual one means its members)
    #[arg(long, value_name = "CODE")]
    pub warehouse: Option<String>,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `po list` shows by default; the rest with `--columns` or `-o json`.
const LIST_COLUMNS: &[&str] = &[
    "number",
    "status",
    "supplier",
    "warehouse",
    "?lines",
    "ordered",
    "received",
    "expected_at",
    "?exported_at",
];

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// PO numbers
    #[arg(required = true, value_name = "PO")]
    pub pos: Vec<String>,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Only POs for warehouses of this fulfillment channel
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Show what would be sent without sending or writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// PO numbers
    #[arg(required = true, value_name = "PO")]
    pub pos: Vec<String>,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_status(s: &str) -> Result<PoStatus, String> {
    s.parse()
}

pub fn exec(ctx: &Ctx, cmd: PoCmd) -> anyhow::Result<Exit> {
    match cmd {
        PoCmd::Create(a) => create(ctx, a),
        PoCmd::Edit(a) => edit(ctx, a),
        PoCmd::List(a) => list(ctx, a),
        PoCmd::Show { po } => show(ctx, &po),
        PoCmd::Approve(a) => {
            let question = format!("Approve {} purchase orders?", a.pos.len());
            let confirm = a.pos.len() > 1 && !a.dry_run;
            change(
                ctx,
                &a.pos,
                a.dry_run,
                confirm.then_some(question),
                |s, c| po_approve::run(s, c, &a.pos, a.dry_run, &ctx.cause),
            )
        }
        PoCmd::Cancel(a) => {
            let question = format!("Cancel {}?", a.pos.join(", "));
            change(ctx, &a.pos, a.dry_run, Some(question), |s, _| {
                po_cancel::run(s, &a.pos, a.dry_run, &ctx.cause)
            })
        }
        PoCmd::Close(a) => {
            let question = format!("Close {} short?", a.pos.join(", "));
            change(ctx, &a.pos, a.dry_run, Some(question), |s, _| {
                po_close::run(s, &a.pos, a.dry_run, &ctx.cause)
            })
        }
        PoCmd::Export(a) => {
            let config = ctx.config()?;
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let options = po_export::ExportOptions {
                channel: a.channel.as_deref(),
                dry_run: a.dry_run,
            };
            let report = po_export::run(&mut store, &config, &options)?;
            ctx.out.report(&report)
        }
    }
}

/// The lines given on the command line, and the problems of those that could not be read;
/// the op names them together with every other problem it finds.
fn line_specs(flags: &[String], file: Option<&PathBuf>) -> (Vec<LineSpec>, Vec<String>) {
    if let Some(path) = file {
        return po_lines::read_file(path);
    }
    let mut specs = Vec::new();
    let mut problems = Vec::new();
    for flag in flags {
        match po_lines::parse_flag(flag) {
            Ok(s) => specs.push(s),
            Err(e) => problems.push(e),
        }
    }
    (specs, problems)
}

fn create(ctx: &Ctx, a: CreateArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(path) = &a.file {
        super::input_file(path)?;
    }
    let (lines, line_problems) = line_specs(&a.lines, a.file.as_ref());
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let detail = po_create::run(
        &mut store,
        &config,
        &po_create::CreateOptions {
            supplier: &a.supplier,
            warehouse: &a.warehouse,
            lines: &lines,
            line_problems: &line_problems,
            expected_at: a.expected.as_deref(),
            note: a.note.as_deref(),
            dry_run: a.dry_run,
            // Not the typed words: their first values are the supplier and warehouse.
            cause: "oms po create",
        },
    )?;
    let verb = if a.dry_run { "would create" } else { "created" };
    ctx.out.note(format!(
        "{verb} {} (draft); approve it with `oms po approve {}`",
        detail.number, detail.number
    ));
    if ctx.out.shows_outcomes() {
        print_detail(ctx, &detail)?;
    }
    Ok(Exit::Ok)
}

fn edit(ctx: &Ctx, a: EditArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let (lines, line_problems) = line_specs(&a.lines, None);
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let detail = po_edit::run(
        &mut store,
        &po_edit::EditOptions {
            number: &a.po,
            supplier: a.supplier.as_deref(),
            expected_at: a.expected.as_deref(),
            note: a.note.as_deref(),
            lines: &lines,
            line_problems: &line_problems,
            dry_run: a.dry_run,
        },
    )?;
    if a.dry_run {
        ctx.out.note("dry run: nothing was written");
    }
    if ctx.out.shows_outcomes() {
        print_detail(ctx, &detail)?;
    }
    Ok(Exit::Ok)
}

fn list(ctx: &Ctx, a: ListArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let warehouses = match &a.warehouse {
        Some(code) => config
            .physical_members(code)
            .ok_or_else(|| usage(format!("unknown warehouse `{code}`")))?,
        None => Vec::new(),
    };
    let store = ctx.store(&config)?;
    let filter = purchases::ListFilter {
        status: a.status,
        warehouses: &warehouses,
    };
    let rows = purchases::list(&store.conn, &filter)?;
    ctx.out.list_columns(&rows, &a.columns.or(LIST_COLUMNS))?;
    Ok(Exit::Ok)
}

fn show(ctx: &Ctx, number: &str) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let store = ctx.store(&config)?;
    let head = purchases::find(&store.conn, number)?
        .ok_or_else(|| usage(format!("no purchase order `{number}`")))?;
    print_detail(ctx, &purchases::detail(&store.conn, &head)?)?;
    Ok(Exit::Ok)
}

/// JSON gets one document; people get the header, then one table per section (on
/// stdout, so `oms po show X > po.txt` keeps the headings); CSV one table per section.
fn print_detail(ctx: &Ctx, d: &PoDetail) -> anyhow::Result<()> {
    let mut header = match serde_json::to_value(d)? {
        serde_json::Value::Object(m) => m,
        _ => serde_json::Map::new(),
    };
    for part in ["lines", "receipts", "history"] {
        header.remove(part);
    }
    let sections = [
        Section::of("lines", &d.lines)?,
        Section::of("receipts", &d.receipts)?.optional(&["recorded_at"]),
        super::story::section(&d.history)?,
    ];
    ctx.out.detail(d, &header, &sections)
}

/// approve / cancel / close: confirm on a terminal (before taking the lock, so nobody
/// waits on a person), then change every named PO in one transaction.
fn change(
    ctx: &Ctx,
    pos: &[String],
    dry_run: bool,
    question: Option<String>,
    run: impl FnOnce(&mut crate::store::Store, &crate::config::Config) -> anyhow::Result<PoChangeReport>,
) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    if let Some(q) = question.filter(|_| !dry_run)
        && !ctx.confirm(&q)?
    {
        ctx.out
            .note(format!("nothing changed ({})", pos.join(", ")));
        return Ok(Exit::Failed);
    }
    let _lock = ctx.lock(&config)?;
    let mut store = ctx.store(&config)?;
    let report = run(&mut store, &config)?;
    ctx.out.report(&report)
}
