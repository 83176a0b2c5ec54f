mod bundle;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::Ctx;
use crate::config::Config;
use crate::error::{Exit, usage};
use crate::formats::products::ProductFormat;
use crate::model::catalog::{ProductPatch, ProductStatus, VariantPatch};
use crate::model::{format_cents, parse_cents};
use crate::ops::catalog_add::Change;
use crate::ops::{
    catalog_add, catalog_bundles_import, catalog_edit, catalog_export, catalog_import, catalog_sync,
};
use crate::store::catalog::{Record, Saved, find_variant, record, records};

#[derive(Debug, Subcommand)]
pub enum CatalogCmd {
    /// Add a variant (and its product when new)
    Add(Box<VariantArgs>),
    /// Change a variant or its product; only the fields given change
    Edit(Box<VariantArgs>),
    /// List variants
    List(ListArgs),
    /// Show one variant with its product
    Show {
        /// The SKU (case and surrounding spaces ignored)
        sku: String,
    },
    /// Import products from a file (exit 3 when some rows were rejected)
    Import(ImportArgs),
    /// Export the catalog to stdout or a file
    Export(ExportArgs),
    /// Bundles (kits): SKUs sold as one and shipped as their components
    #[command(subcommand)]
    Bundle(bundle::BundleCmd),
    /// Import from the master product source (catalog.master), then push the catalog to
    /// every other channel that takes products (exit 3 when some records were rejected)
    #[command(after_long_help = super::examples::CATALOG_SYNC)]
    Sync(SyncArgs),
}

// The names are what people type (`--format oms-bundles-csv`): all of them are CSV.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatalogFormat {
    /// oms's own CSV layout (see docs/formats.md)
    OmsCsv,
    /// Shopify's products CSV (Admin → Products → Export / Import)
    ShopifyCsv,
    /// Bundles: `parent_sku,component_sku,quantity` (import only; see docs/bundles.md)
    OmsBundlesCsv,
}

impl CatalogFormat {
    /// The products format, or `None` for the bundles file.
    fn products(self) -> Option<ProductFormat> {
        match self {
            CatalogFormat::OmsCsv => Some(ProductFormat::OmsCsv),
            CatalogFormat::ShopifyCsv => Some(ProductFormat::ShopifyCsv),
            CatalogFormat::OmsBundlesCsv => None,
        }
    }
}

/// The fields of a variant and its product. An empty value ("") clears a field.
#[derive(Debug, Args)]
pub struct VariantArgs {
    /// The variant's SKU (case and surrounding spaces ignored when matching)
    #[arg(long)]
    pub sku: String,
    /// Product handle the variant belongs to (default: derived from the title or SKU);
    /// with `edit`, moves the variant to that product
    #[arg(long, value_name = "HANDLE")]
    pub product: Option<String>,
    /// Product title
    #[arg(long)]
    pub title: Option<String>,
    /// Variant title (default: the option values joined with " / ")
    #[arg(long)]
    pub variant_title: Option<String>,
    /// Product vendor (brand or maker)
    #[arg(long)]
    pub vendor: Option<String>,
    /// Product type, e.g. T-shirt (free text, as in Shopify)
    #[arg(long = "type", value_name = "TYPE")]
    pub product_type: Option<String>,
    /// Product tags, comma-separated
    #[arg(long)]
    pub tags: Option<String>,
    /// Product description (HTML allowed)
    #[arg(long)]
    pub description: Option<String>,
    /// Product status: whether it is on sale
    #[arg(long, value_enum)]
    pub status: Option<ProductStatus>,
    /// Price, e.g. 19.99 (0 or more)
    // Negative numbers reach oms, which refuses them in words, instead of clap's
    // "unexpected argument '-5'".
    #[arg(long, allow_negative_numbers = true)]
    pub price: Option<String>,
    /// Barcode (kept as text: leading zeros matter)
    #[arg(long)]
    pub barcode: Option<String>,
    /// Shipping weight in grams (0 or more)
    #[arg(long, allow_negative_numbers = true, value_parser = clap::value_parser!(i64).range(0..))]
    pub weight_grams: Option<i64>,
    /// First option value, e.g. the colour (Black)
    #[arg(long)]
    pub option1: Option<String>,
    /// Second option value, e.g. the size (M)
    #[arg(long)]
    pub option2: Option<String>,
    /// Third option value, e.g. the material
    #[arg(long)]
    pub option3: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only variants whose SKU, handle, titles or barcode contain this text
    #[arg(long)]
    pub search: Option<String>,
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `catalog list` shows by default; the rest with `--columns` or `-o json`.
const LIST_COLUMNS: &[&str] = &[
    "sku",
    "title",
    "variant_title",
    "price",
    "status",
    "?barcode",
    "?product",
    "?weight_grams",
];

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import
    #[arg(long, value_name = "FILE")]
    pub file: PathBuf,
    /// The file's layout
    #[arg(long, value_enum, default_value_t = CatalogFormat::OmsCsv)]
    pub format: CatalogFormat,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The layout to write
    #[arg(long, value_enum, default_value_t = CatalogFormat::OmsCsv)]
    pub format: CatalogFormat,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this channel: the master (import only) or another channel (push only)
    #[arg(long, value_name = "CODE")]
    pub channel: Option<String>,
    /// Push to every channel, even those whose catalog has not changed since their last push
    #[arg(long)]
    pub full: bool,
    /// Report what would be imported and pushed without writing, sending or moving anything
    #[arg(long)]
    pub dry_run: bool,
    /// Remove variants a channel has that the catalog does not (Shopify); without it they
    /// are kept and reported
    #[arg(long)]
    pub prune: bool,
}

/// A row of `catalog list`.
#[derive(Debug, Serialize, Default)]
struct ListRow {
    sku: String,
    product: String,
    title: String,
    variant_title: Option<String>,
    barcode: Option<String>,
    price: Option<String>,
    weight_grams: Option<i64>,
    status: String,
}

/// The record `catalog show`, `add` and `edit` print.
#[derive(Debug, Serialize, Default)]
struct ShowRow {
    sku: String,
    product: String,
    title: String,
    variant_title: Option<String>,
    option1: Option<String>,
    option2: Option<String>,
    option3: Option<String>,
    barcode: Option<String>,
    price: Option<String>,
    weight_grams: Option<i64>,
    status: String,
    vendor: Option<String>,
    product_type: Option<String>,
    tags: Option<String>,
    description: Option<String>,
    source: String,
    manual_edit_at: Option<String>,
    created_at: String,
    updated_at: String,
    /// A bundle's components (empty for a plain variant).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    components: Vec<crate::store::bundles::Component>,
}

impl From<Record> for ListRow {
    fn from(r: Record) -> Self {
        let (p, v) = (r.entry.product, r.entry.variant);
        ListRow {
            sku: v.sku,
            product: p.handle,
            title: p.title,
            variant_title: v.title,
            barcode: v.barcode,
            price: v.price_cents.map(format_cents),
            weight_grams: v.weight_grams,
            status: p.status.to_string(),
        }
    }
}

impl From<Record> for ShowRow {
    fn from(r: Record) -> Self {
        let (p, v) = (r.entry.product, r.entry.variant);
        let [option1, option2, option3] = v.options;
        ShowRow {
            sku: v.sku,
            product: p.handle,
            title: p.title,
            variant_title: v.title,
            option1,
            option2,
            option3,
            barcode: v.barcode,
            price: v.price_cents.map(format_cents),
            weight_grams: v.weight_grams,
            status: p.status.to_string(),
            vendor: p.vendor,
            product_type: p.product_type,
            tags: p.tags,
            description: p.description,
            source: r.source,
            manual_edit_at: r.manual_edit_at,
            created_at: r.created_at,
            updated_at: r.updated_at,
            components: Vec::new(),
        }
    }
}

pub fn exec(ctx: &Ctx, cmd: CatalogCmd) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    match cmd {
        CatalogCmd::Add(args) => {
            let change = change(&args)?;
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let created = catalog_add::run(&mut store, &change)?;
            ctx.out.note(format!("added {}", created.entry.variant.sku));
            warn_unless_master(ctx, &config);
            ctx.out.outcome(&ShowRow::from(created))?;
        }
        CatalogCmd::Edit(args) => {
            let change = change(&args)?;
            if change.product.is_none()
                && change.product_patch == ProductPatch::default()
                && change.variant_patch == VariantPatch::default()
            {
                return Err(usage(
                    "nothing to change: give at least one field, e.g. --price or --title",
                ));
            }
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let (saved, edited) = catalog_edit::run(&mut store, &change)?;
            if saved == Saved::Unchanged {
                ctx.out
                    .note(format!("{}: nothing changed", edited.entry.variant.sku));
            } else {
                ctx.out
                    .note(format!("updated {}", edited.entry.variant.sku));
                warn_unless_master(ctx, &config);
            }
            ctx.out.outcome(&ShowRow::from(edited))?;
        }
        CatalogCmd::List(args) => {
            let store = ctx.store(&config)?;
            let rows: Vec<ListRow> = records(&store.conn, args.search.as_deref())?
                .into_iter()
                .map(ListRow::from)
                .collect();
            ctx.out
                .list_columns(&rows, &args.columns.or(LIST_COLUMNS))?;
        }
        CatalogCmd::Show { sku } => {
            let store = ctx.store(&config)?;
            let found = record(&store.conn, &sku)?
                .ok_or_else(|| usage(format!("unknown SKU `{}`", sku.trim())))?;
            let components = match find_variant(&store.conn, &sku)? {
                Some(v) => crate::store::bundles::components(&store.conn, v.id)?,
                None => Vec::new(),
            };
            ctx.out.one(&ShowRow {
                components,
                ..ShowRow::from(found)
            })?;
        }
        CatalogCmd::Import(args) => {
            super::input_file(&args.file)?;
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let Some(format) = args.format.products() else {
                let report = catalog_bundles_import::run(&mut store, &args.file, args.dry_run)?;
                for warning in &report.warnings {
                    ctx.out.warn(warning);
                }
                return ctx.out.report(&report);
            };
            let progress = ctx.out.progress(0, "rows");
            let report =
                catalog_import::run(&mut store, &args.file, format, args.dry_run, &progress)?;
            progress.finish();
            for warning in report.warnings() {
                ctx.out.warn(warning);
            }
            if let Some(e) = &report.error {
                ctx.out.warn(e);
            }
            if !report.dry_run && report.changed() > 0 {
                warn_unless_master(ctx, &config);
            }
            return ctx.out.report(&report);
        }
        CatalogCmd::Sync(args) => return sync(ctx, &config, &args),
        CatalogCmd::Bundle(cmd) => return bundle::exec(ctx, cmd),
        CatalogCmd::Export(args) => {
            let format = args.format.products().ok_or_else(|| {
                usage(
                    "oms-bundles-csv is an import format; write the bundles file with \
                     `oms catalog bundle list -o csv`",
                )
            })?;
            let store = ctx.store(&config)?;
            match &args.file {
                Some(path) => {
                    let done =
                        catalog_export::to_file(&store.conn, format, path).with_context(|| {
                            format!("cannot export the catalog to {}", path.display())
                        })?;
                    ctx.out.note(format!(
                        "wrote {} variants of {} products to {}",
                        done.variants,
                        done.products,
                        path.display()
                    ));
                }
                // The file format is the data here, so it goes to stdout as it is,
                // whatever -o says.
                None => {
                    catalog_export::write(&store.conn, format, std::io::stdout().lock())?;
                }
            }
        }
    }
    Ok(Exit::Ok)
}

fn sync(ctx: &Ctx, config: &Config, args: &SyncArgs) -> anyhow::Result<Exit> {
    let _lock = ctx.lock(config)?;
    let mut store = ctx.store(config)?;
    let progress = ctx.out.progress(0, "products read");
    let opts = catalog_sync::Options {
        channel: args.channel.as_deref(),
        full: args.full,
        dry_run: args.dry_run,
        prune: args.prune,
        progress: &progress,
    };
    let report = catalog_sync::run(config, &mut store, &opts)?;
    progress.finish();
    for note in &report.notes {
        ctx.out.note(note);
    }
    for warning in report.warnings() {
        ctx.out.warn(warning);
    }
    ctx.out.report(&report)
}

/// SPEC §4.4: when another system is the master, a change made here is overwritten by
/// the next import from it, and the person making it must be told.
fn warn_unless_master(ctx: &Ctx, config: &Config) {
    let master = config.catalog.master.get_ref();
    if master != "oms" {
        ctx.out.warn(format!(
            "catalog.master is `{master}`: the next catalog import from `{master}` \
             may overwrite this change"
        ));
    }
}

fn change(args: &VariantArgs) -> anyhow::Result<Change> {
    let clearable = |v: &Option<String>| {
        v.as_ref()
            .map(|s| Some(s.trim().to_string()).filter(|s| !s.is_empty()))
    };
    let title = match args.title.as_deref().map(str::trim) {
        Some("") => return Err(usage("--title cannot be empty")),
        t => t.map(str::to_string),
    };
    let price_cents = match args.price.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(p) => match parse_cents(p) {
            Ok(c) if c < 0 => {
                return Err(usage(format!("--price must be 0 or more, not {p}")));
            }
            Ok(c) => Some(Some(c)),
            Err(e) => return Err(usage(format!("--price: {e}"))),
        },
    };
    Ok(Change {
        sku: args.sku.clone(),
        product: args.product.clone(),
        product_patch: ProductPatch {
            title,
            vendor: clearable(&args.vendor),
            product_type: clearable(&args.product_type),
            tags: clearable(&args.tags),
            description: clearable(&args.description),
            status: args.status,
        },
        variant_patch: VariantPatch {
            title: clearable(&args.variant_title),
            options: [
                clearable(&args.option1),
                clearable(&args.option2),
                clearable(&args.option3),
            ],
            barcode: clearable(&args.barcode),
            price_cents,
            weight_grams: args.weight_grams.map(Some),
        },
    })
}
