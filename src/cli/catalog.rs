use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::error::Exit;

#[derive(Debug, Subcommand)]
pub enum CatalogCmd {
    /// Add a variant (and its product when new)
    Add(VariantArgs),
    /// Change a variant or its product
    Edit(VariantArgs),
    /// List variants
    List(ListArgs),
    /// Show one variant with its product
    Show {
        /// The SKU (case and surrounding spaces ignored)
        sku: String,
    },
    /// Import products from a file
    Import(ImportArgs),
    /// Export the catalog to stdout or a file
    Export(ExportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatalogFormat {
    /// oms's own CSV layout (see docs/formats.md)
    OmsCsv,
    /// Shopify's products CSV (Admin → Products → Export / Import)
    ShopifyCsv,
}

#[derive(Debug, Args)]
pub struct VariantArgs {
    /// The variant's SKU
    #[arg(long)]
    pub sku: String,
    /// Product handle the variant belongs to (default: derived from the title or SKU)
    #[arg(long)]
    pub product: Option<String>,
    /// Product title
    #[arg(long)]
    pub title: Option<String>,
    /// Variant title (e.g. "Green / M")
    #[arg(long)]
    pub variant_title: Option<String>,
    #[arg(long)]
    pub vendor: Option<String>,
    #[arg(long = "type")]
    pub product_type: Option<String>,
    /// Price, e.g. 19.99
    #[arg(long)]
    pub price: Option<String>,
    /// Barcode (kept as text: leading zeros matter)
    #[arg(long)]
    pub barcode: Option<String>,
    #[arg(long)]
    pub weight_grams: Option<i64>,
    #[arg(long)]
    pub option1: Option<String>,
    #[arg(long)]
    pub option2: Option<String>,
    #[arg(long)]
    pub option3: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only SKUs or titles containing this text
    #[arg(long)]
    pub search: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import
    #[arg(long, value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = CatalogFormat::OmsCsv)]
    pub format: CatalogFormat,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = CatalogFormat::OmsCsv)]
    pub format: CatalogFormat,
    /// Write to this file (atomically) instead of stdout
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

pub fn exec(_ctx: &Ctx, _cmd: CatalogCmd) -> anyhow::Result<Exit> {
    anyhow::bail!("catalog commands are being built")
}
