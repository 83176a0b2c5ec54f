use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::Ctx;
use crate::error::{Exit, usage};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to set up (default: the current folder)
    pub dir: Option<PathBuf>,
    /// Code of the first physical warehouse
    #[arg(long, value_name = "CODE")]
    pub warehouse: Option<String>,
    /// Code of the first sales channel (a `files` folder to start with)
    #[arg(long, value_name = "CODE")]
    pub sales_channel: Option<String>,
    /// Code of the warehouse's fulfillment channel (a `files` folder to start with)
    #[arg(long, value_name = "CODE")]
    pub fulfillment_channel: Option<String>,
    /// Overwrite an existing oms.toml
    #[arg(long)]
    pub force: bool,
}

struct Answers {
    warehouse: String,
    sales: String,
    fulfillment: String,
}

pub fn exec(ctx: &Ctx, args: InitArgs) -> anyhow::Result<Exit> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let config_path = dir.join("oms.toml");
    if config_path.exists() && !args.force {
        // A config written by hand (or copied from `oms config example`) still needs its
        // database, and no other command creates one.
        let config = crate::config::load(Some(&config_path), ctx.global.db.as_deref())?;
        if !config.database_path.exists() {
            return create_database(ctx, &config);
        }
        return Err(usage(format!(
            "{} already exists, and so does its database {}; pass --force to overwrite the config",
            config_path.display(),
            config.database_path.display()
        )));
    }
    let answers = answers(ctx, &args)?;
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for channel in [&answers.sales, &answers.fulfillment] {
        for sub in ["inbox", "outbox"] {
            let d = dir.join("channels").join(channel).join(sub);
            std::fs::create_dir_all(&d)
                .with_context(|| format!("cannot create {}", d.display()))?;
        }
    }
    std::fs::write(&config_path, starter_config(&answers))
        .with_context(|| format!("cannot write {}", config_path.display()))?;
    // The reference beside the config, since `cargo install` brings only the binary; one
    // there already may carry the person's notes, so it is kept.
    let example_path = dir.join("config.example.toml");
    let example = if example_path.exists() {
        None
    } else {
        std::fs::write(&example_path, crate::config::EXAMPLE)
            .with_context(|| format!("cannot write {}", example_path.display()))?;
        Some(example_path)
    };
    let config = crate::config::load(Some(&config_path), ctx.global.db.as_deref())?;
    let store = Store::open(&config.database_path)?;
    let reference = match &example {
        Some(p) => format!(" (every key is explained in {})", p.display()),
        None => " (`oms config example` explains every key)".to_string(),
    };
    ctx.out.note(format!(
        "wrote {} and created {} (schema v{})\nnext: edit the config{reference}, then `oms config check`",
        config_path.display(),
        store.path().display(),
        store.schema_version()?
    ));
    Ok(Exit::Ok)
}

fn create_database(ctx: &Ctx, config: &crate::config::Config) -> anyhow::Result<Exit> {
    let store = Store::open(&config.database_path)?;
    ctx.out.note(format!(
        "created {} (schema v{}) for {}",
        store.path().display(),
        store.schema_version()?,
        config.source.display()
    ));
    Ok(Exit::Ok)
}

fn answers(ctx: &Ctx, args: &InitArgs) -> anyhow::Result<Answers> {
    let given =
        |v: &Option<String>, default: &str| v.clone().unwrap_or_else(|| default.to_string());
    let all_given = args.warehouse.is_some()
        && args.sales_channel.is_some()
        && args.fulfillment_channel.is_some();
    if ctx.global.yes || all_given {
        return Ok(Answers {
            warehouse: given(&args.warehouse, "main"),
            sales: given(&args.sales_channel, "shop"),
            fulfillment: given(&args.fulfillment_channel, "3pl"),
        });
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return Err(usage(
            "oms init asks questions on a terminal; without one, pass --yes (defaults) or \
             --warehouse, --sales-channel and --fulfillment-channel",
        ));
    }
    let ask = |prompt: &str, v: &Option<String>, default: &str| -> anyhow::Result<String> {
        match v {
            Some(v) => Ok(v.clone()),
            None => Ok(dialoguer::Input::<String>::new()
                .with_prompt(prompt)
                .default(default.to_string())
                .interact_text()?),
        }
    };
    Ok(Answers {
        warehouse: ask("Code of your first warehouse", &args.warehouse, "main")?,
        sales: ask(
            "Code of your shop (sales channel)",
            &args.sales_channel,
            "shop",
        )?,
        fulfillment: ask(
            "Code of the warehouse's system (fulfillment channel)",
            &args.fulfillment_channel,
            "3pl",
        )?,
    })
}

fn starter_config(a: &Answers) -> String {
    format!(
        r#"# oms configuration. Every key is explained in config.example.toml beside this file
# (`oms config example` prints it too).
database = "oms.db"

[defaults]
warehouse = "{w}"
carrier_service = "standard"
order_status = "approved"
backorder_mode = "oms"
max_splits = 2

[carrier_services.standard]
carrier = "Any"
service = "Standard"

[fulfillment_channels.{f}]
kind = "files"
path = "channels/{f}"

[warehouses.{w}]
name = "{w}"
fulfillment_channel = "{f}"
priority = 1

[virtual_warehouses.all]
members = ["{w}"]

[sales_channels.{s}]
kind = "files"
path = "channels/{s}"
stock_source = "all"

[catalog]
master = "oms"
"#,
        w = a.warehouse,
        f = a.fulfillment,
        s = a.sales
    )
}
