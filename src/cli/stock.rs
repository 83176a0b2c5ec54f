use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::Ctx;
use crate::error::Exit;
use crate::model::AdjustReason;

#[derive(Debug, Subcommand)]
pub enum StockCmd {
    /// Levels per warehouse and SKU (virtual warehouses show their members' sums)
    Show(ShowArgs),
    /// The stock ledger, newest first
    History(HistoryArgs),
    /// Change on hand of one SKU in one physical warehouse, or many from a CSV file
    Adjust(AdjustArgs),
    /// Check that every level equals the sum of its ledger rows (exit 1 when not)
    Verify,
    /// Recompute every level from the ledger
    Rebuild(RebuildArgs),
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Only this SKU (`*` matches any text)
    #[arg(long)]
    pub sku: Option<String>,
    /// Only these warehouses, physical or virtual (repeatable)
    #[arg(long, value_name = "CODE")]
    pub warehouse: Vec<String>,
    /// Include rows where every quantity is zero
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[arg(long)]
    pub sku: Option<String>,
    /// Physical or virtual warehouse (repeatable)
    #[arg(long, value_name = "CODE")]
    pub warehouse: Vec<String>,
    /// Only rows at or after this time (RFC 3339 or YYYY-MM-DD)
    #[arg(long)]
    pub since: Option<String>,
    #[arg(long, default_value_t = 100)]
    pub limit: i64,
}

#[derive(Debug, Args)]
pub struct AdjustArgs {
    /// The physical warehouse
    #[arg(long, value_name = "CODE", required_unless_present = "file")]
    pub warehouse: Option<String>,
    #[arg(long, required_unless_present = "file")]
    pub sku: Option<String>,
    /// Change by this many units: +5, -3
    #[arg(long, allow_hyphen_values = true, conflicts_with_all = ["set", "file"])]
    pub by: Option<i64>,
    /// Set on hand to this many units
    #[arg(long, conflicts_with = "file")]
    pub set: Option<i64>,
    #[arg(long, value_enum, default_value_t = AdjustReason::Other)]
    pub reason: AdjustReason,
    #[arg(long)]
    pub note: Option<String>,
    /// Many adjustments from a CSV file: warehouse,sku,by|set,reason,note
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// With --file: apply the valid rows even if some are invalid (exit 3)
    #[arg(long, requires = "file")]
    pub skip_invalid: bool,
    /// Allow on hand to go below zero
    #[arg(long)]
    pub allow_negative: bool,
    /// Show what would change without writing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct RebuildArgs {
    /// Show what would be mended without writing
    #[arg(long)]
    pub dry_run: bool,
}

pub fn exec(_ctx: &Ctx, _cmd: StockCmd) -> anyhow::Result<Exit> {
    anyhow::bail!("stock commands are being built")
}
