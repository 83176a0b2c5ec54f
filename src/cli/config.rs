use clap::Subcommand;
use serde::Serialize;

use super::Ctx;
use crate::config::ChannelKind;
use crate::error::Exit;
use crate::output::Format;

#[derive(Debug, Subcommand)]
pub enum ConfigCmd {
    /// Validate the config; every mistake is named with file, line and key (exit 2)
    Check,
    /// Print the effective config with secrets redacted
    Show,
    /// Print the annotated example config: every key, with what it does
    #[command(
        after_long_help = "Examples:\n  oms config example > oms.toml   # start from it, then `oms config check`\n  oms config example | less"
    )]
    Example,
}

#[derive(Serialize, Default)]
struct CheckResult {
    file: String,
    database: String,
    warehouses: usize,
    virtual_warehouses: usize,
    sales_channels: usize,
    fulfillment_channels: usize,
    catalog_master: String,
}

pub fn exec(ctx: &Ctx, cmd: ConfigCmd) -> anyhow::Result<Exit> {
    match cmd {
        ConfigCmd::Check => check(ctx, &ctx.config()?)?,
        ConfigCmd::Show => show(ctx, &ctx.config()?)?,
        // Needs no config: it is what a person writes one from.
        ConfigCmd::Example => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(crate::config::EXAMPLE.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(Exit::Ok)
}

fn check(ctx: &Ctx, config: &crate::config::Config) -> anyhow::Result<()> {
    let unavailable = config.secret_problems();
    if !unavailable.is_empty() {
        return Err(crate::config::ConfigError {
            problems: unavailable,
        }
        .into());
    }
    for warning in config
        .sales_channels
        .values()
        .chain(config.fulfillment_channels.values())
        .filter_map(|ch| ch.secret_warning.as_ref())
    {
        ctx.out.warn(warning.clone());
    }
    for (code, ch) in config
        .sales_channels
        .iter()
        .chain(&config.fulfillment_channels)
    {
        if let Some(dir) = &ch.dir
            && !dir.is_dir()
        {
            ctx.out.warn(format!(
                "channel `{code}`: folder {} does not exist yet",
                dir.display()
            ));
        }
    }
    for (code, ch) in &config.fulfillment_channels {
        let has_id = ch
            .channel_id
            .as_deref()
            .is_some_and(|id| !id.trim().is_empty());
        if ch.kind == ChannelKind::Shipbob && !has_id {
            // Not an error: orders, stock and POs work without it; only reading
            // shipments refuses to run (it would mark other integrations' orders).
            ctx.out.warn(format!(
                "{}: fulfillment_channels.{code}.channel_id: not set; `oms shipments sync` \
                 cannot read this channel's shipments until it is (`oms channels check` \
                 lists the token's channels)",
                config.source.display()
            ));
        }
    }
    let result = CheckResult {
        file: config.source.display().to_string(),
        database: config.database_path.display().to_string(),
        warehouses: config.warehouses.len(),
        virtual_warehouses: config.virtual_warehouses.len(),
        sales_channels: config.sales_channels.len(),
        fulfillment_channels: config.fulfillment_channels.len(),
        catalog_master: config.catalog.master.get_ref().clone(),
    };
    if ctx.out.format == Format::Table {
        ctx.out.note(format!("{}: ok", result.file));
    }
    ctx.out.outcome(&result)?;
    Ok(())
}

fn show(ctx: &Ctx, config: &crate::config::Config) -> anyhow::Result<()> {
    match ctx.out.format {
        Format::Table => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(toml::to_string_pretty(config)?.as_bytes())?;
            out.flush()?;
        }
        _ => ctx.out.one(config)?,
    }
    Ok(())
}
