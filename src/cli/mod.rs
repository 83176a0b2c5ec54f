//! The command line. One thin file per command group: parse → call an op → render.
//! This is the only module that knows clap.

mod catalog;
mod config;
mod generate;
mod init;
mod process;
mod runs;
mod shipments;
mod stock;
mod warehouses;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::config::Config;
use crate::error::{Exit, exit_for, usage};
use crate::output::{ColorChoice, Format, Printer};
use crate::store::{FlowLock, Store};

pub use generate::command;

/// Order management for merchants who sell on web shops and ship from third-party warehouses.
#[derive(Debug, Parser)]
#[command(name = "oms", version, propagate_version = true, max_term_width = 100)]
#[command(after_help = "Exit codes: 0 done, 1 failed, 2 usage or config error, \
3 done but some records were rejected, 75 another run holds the lock.")]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// Config file [default: $OMS_CONFIG, ./oms.toml, ~/.config/oms/config.toml]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database file, overriding the config's `database`
    #[arg(long, global = true, env = "OMS_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Output format: tables for people, json/ndjson/csv for machines
    #[arg(short = 'o', long, global = true, value_enum, default_value_t = Format::Table)]
    pub output: Format,
    /// Print nothing on success but data and warnings
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// More detail: per-item reports (-v), debug logs (-vv)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Never draw progress bars
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Colour in tables and messages [NO_COLOR is honoured]
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Answer yes to confirmations (required when there is no terminal to ask on)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
    /// Append structured (JSON) log lines to this file
    #[arg(long, global = true, env = "OMS_LOG_FILE", value_name = "FILE")]
    pub log_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a starter config and create the database
    Init(init::InitArgs),
    /// Check or show the configuration
    #[command(subcommand)]
    Config(config::ConfigCmd),
    /// List physical and virtual warehouses
    #[command(subcommand)]
    Warehouses(warehouses::WarehousesCmd),
    /// Products and variants
    #[command(subcommand)]
    Catalog(catalog::CatalogCmd),
    /// Stock levels, the ledger and adjustments
    #[command(subcommand)]
    Stock(stock::StockCmd),
    /// Shipments to warehouses
    #[command(subcommand)]
    Shipments(shipments::ShipmentsCmd),
    /// Allocate approved orders, create shipments and send them (becomes `orders process`)
    #[command(name = "orders-process", hide = true)]
    OrdersProcess(process::ProcessArgs),
    /// The journal of runs
    #[command(subcommand)]
    Runs(runs::RunsCmd),
    /// Print a shell completion script
    Completions(generate::CompletionsArgs),
    /// Print or write the man pages
    Man(generate::ManArgs),
}

/// What every command gets: global flags, the printer, and the way to the config and store.
pub struct Ctx {
    pub global: GlobalArgs,
    pub out: Printer,
    /// How status changes made by this command are attributed ("oms orders cancel 12").
    pub cause: String,
}

impl Ctx {
    pub fn config(&self) -> anyhow::Result<Config> {
        Ok(crate::config::load(
            self.global.config.as_deref(),
            self.global.db.as_deref(),
        )?)
    }

    pub fn store(&self, config: &Config) -> anyhow::Result<Store> {
        Store::open(&config.database_path)
    }

    /// The flow lock: held by every command that writes, so overlapping runs wait briefly
    /// and then exit 75 instead of interleaving.
    pub fn lock(&self, config: &Config) -> anyhow::Result<FlowLock> {
        FlowLock::acquire(&config.database_path, Duration::from_secs(5))
    }

    /// Asks on a terminal; without one, `--yes` is the only way to say yes (SPEC §7).
    pub fn confirm(&self, question: &str) -> anyhow::Result<bool> {
        if self.global.yes {
            return Ok(true);
        }
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            return Err(usage(format!(
                "{question} — there is no terminal to ask on; pass --yes to confirm"
            )));
        }
        Ok(dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()?)
    }
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    let cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Exit::Usage.code()
            } else {
                Exit::Ok.code()
            };
        }
    };
    if let Err(e) = init_logging(&cli.global) {
        eprintln!("error: {e:#}");
        return Exit::Usage.code();
    }
    let g = cli.global.clone();
    let out = Printer::new(g.output, g.color, g.quiet, g.verbose, g.no_progress);
    let cause = format!(
        "oms {}",
        argv.iter()
            .skip(1)
            .filter(|a| !a.starts_with('-'))
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    );
    let ctx = Ctx {
        global: g,
        out,
        cause,
    };
    match dispatch(&ctx, cli.command) {
        Ok(exit) => exit.code(),
        Err(e) => {
            let exit = exit_for(&e);
            if exit != Exit::Ok {
                report_error(&e);
            }
            exit.code()
        }
    }
}

fn report_error(e: &anyhow::Error) {
    let mut lines = format!("{e}")
        .lines()
        .map(str::to_string)
        .collect::<Vec<_>>();
    for cause in e.chain().skip(1) {
        lines.push(format!("  caused by: {cause}"));
    }
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            eprintln!("error: {line}")
        } else {
            eprintln!(
                "{}{line}",
                if line.starts_with("  ") {
                    ""
                } else {
                    "error: "
                }
            )
        }
    }
}

fn dispatch(ctx: &Ctx, command: Command) -> anyhow::Result<Exit> {
    match command {
        Command::Init(args) => init::exec(ctx, args),
        Command::Config(cmd) => config::exec(ctx, cmd),
        Command::Warehouses(cmd) => warehouses::exec(ctx, cmd),
        Command::Catalog(cmd) => catalog::exec(ctx, cmd),
        Command::Stock(cmd) => stock::exec(ctx, cmd),
        Command::Shipments(cmd) => shipments::exec(ctx, cmd),
        Command::OrdersProcess(args) => process::exec(ctx, args),
        Command::Runs(cmd) => runs::exec(ctx, cmd),
        Command::Completions(args) => generate::completions(args),
        Command::Man(args) => generate::man(args),
    }
}

/// Logs go to stderr (level from -v / $OMS_LOG) and, with --log-file, as JSON lines to a file.
fn init_logging(g: &GlobalArgs) -> anyhow::Result<()> {
    use tracing_subscriber::prelude::*;
    use tracing_subscriber::{EnvFilter, fmt};

    let default = match g.verbose {
        0 | 1 => "warn",
        2 => "debug",
        _ => "trace",
    };
    let filter = || EnvFilter::try_from_env("OMS_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    let stderr = fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_filter(filter());
    let file = match &g.log_file {
        Some(path) => Some(open_log(path)?),
        None => None,
    };
    let file_layer = file.map(|f| {
        fmt::layer()
            .json()
            .with_writer(std::sync::Mutex::new(f))
            .with_filter(filter())
    });
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file_layer)
        .try_init();
    Ok(())
}

fn open_log(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the log file {}", path.display()))
}
