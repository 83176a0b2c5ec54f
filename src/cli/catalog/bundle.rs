//! `oms catalog bundle set|list|show|remove`.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::super::Ctx;
use crate::error::{Exit, usage};
use crate::ops::catalog_bundle::{self, Spec};
use crate::store::bundles::{self, Bundle};

#[derive(Debug, Subcommand)]
pub enum BundleCmd {
    /// Make a SKU a bundle of other SKUs, replacing its components if it is one already
    Set(SetArgs),
    /// List bundles, one row per component (`-o csv` writes an oms-bundles-csv file)
    List,
    /// Show one bundle and its components
    Show {
        /// The bundle's SKU
        sku: String,
    },
    /// Make a bundle a plain SKU again (orders already imported keep their component lines)
    Remove {
        /// The bundle's SKU
        sku: String,
    },
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The bundle's SKU (a variant in the catalog without stock of its own)
    pub sku: String,
    /// A component and its units per kit, e.g. `--component A=2` (repeat for each)
    #[arg(long = "component", value_name = "SKU=QTY", required = true)]
    pub components: Vec<String>,
}

/// One component of one bundle: the columns of the bundles file, so `list -o csv` can be
/// imported again.
#[derive(Debug, Serialize, Default)]
struct Row {
    parent_sku: String,
    component_sku: String,
    quantity: i64,
    component_status: String,
}

/// What `show` and `set` print.
#[derive(Debug, Serialize)]
struct Shown {
    sku: String,
    components: Vec<bundles::Component>,
}

impl From<Bundle> for Shown {
    fn from(b: Bundle) -> Self {
        Shown {
            sku: b.sku,
            components: b.components,
        }
    }
}

pub fn exec(ctx: &Ctx, cmd: BundleCmd) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    match cmd {
        BundleCmd::Set(args) => {
            let spec = Spec {
                sku: args.sku.clone(),
                components: args
                    .components
                    .iter()
                    .map(|c| component(c))
                    .collect::<anyhow::Result<_>>()?,
            };
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let (changed, bundle) = catalog_bundle::set(&mut store, &spec)?;
            ctx.out.note(if changed {
                format!("bundle {} set", bundle.sku)
            } else {
                format!("bundle {}: nothing changed", bundle.sku)
            });
            ctx.out.outcome(&Shown::from(bundle))?;
        }
        BundleCmd::List => {
            let store = ctx.store(&config)?;
            let rows: Vec<Row> = bundles::list(&store.conn, None)?
                .into_iter()
                .flat_map(|b| {
                    b.components.into_iter().map(move |c| Row {
                        parent_sku: b.sku.clone(),
                        component_sku: c.sku,
                        quantity: c.quantity,
                        component_status: c.status,
                    })
                })
                .collect();
            ctx.out.list(&rows)?;
        }
        BundleCmd::Show { sku } => {
            let store = ctx.store(&config)?;
            let bundle = bundles::list(&store.conn, Some(&sku))?
                .into_iter()
                .next()
                .ok_or_else(|| usage(format!("`{}` is not a bundle", sku.trim())))?;
            ctx.out.one(&Shown::from(bundle))?;
        }
        BundleCmd::Remove { sku } => {
            let _lock = ctx.lock(&config)?;
            let mut store = ctx.store(&config)?;
            let removed = catalog_bundle::remove(&mut store, &sku)?;
            ctx.out
                .note(format!("{} is no longer a bundle", removed.sku));
            ctx.out.outcome(&Shown::from(removed))?;
        }
    }
    Ok(Exit::Ok)
}

/// `A=2` → ("A", 2).
fn component(arg: &str) -> anyhow::Result<(String, i64)> {
    let Some((sku, qty)) = arg.rsplit_once('=') else {
        return Err(usage(format!(
            "--component `{arg}`: give SKU=QTY, e.g. --component A=2"
        )));
    };
    let sku = sku.trim();
    if sku.is_empty() {
        return Err(usage(format!("--component `{arg}`: the SKU is empty")));
    }
    let qty: i64 = qty.trim().parse().map_err(|_| {
        usage(format!(
            "--component `{arg}`: `{}` is not a whole number of units per kit",
            qty.trim()
        ))
    })?;
    Ok((sku.to_string(), qty))
}
