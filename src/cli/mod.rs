//! The command line. One thin file per command group: parse → call an op → render.
//! This is the only module that knows clap.

mod catalog;
mod channels;
mod config;
mod demo;
mod examples;
mod generate;
mod init;
mod orders;
mod po;
mod receipts;
mod rejects;
mod returns;
mod rules;
mod run;
mod runs;
mod shipments;
mod status;
mod stock;
mod story;
mod warehouses;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

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

/// Flags every command takes, listed apart from the command's own (as cargo does).
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Config file [default: $OMS_CONFIG, the nearest oms.toml here or above, ~/.config/oms/config.toml]
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
    /// Sales orders: import, list, show, approve, cancel, create, rejections
    #[command(subcommand)]
    Orders(orders::OrdersCmd),
    /// Shipments to warehouses
    #[command(subcommand)]
    Shipments(shipments::ShipmentsCmd),
    /// Purchase orders to suppliers, received into physical warehouses
    #[command(subcommand)]
    Po(po::PoCmd),
    /// Receipts of purchase orders reported by warehouses
    #[command(subcommand)]
    Receipts(receipts::ReceiptsCmd),
    /// Returns (RMAs): authorize, receive, restock, quarantine or dispose
    #[command(subcommand)]
    Returns(returns::ReturnsCmd),
    /// Run the flows in order, for cron: quiet with -q, exit code = worst outcome
    #[command(after_long_help = examples::RUN)]
    Run(run::RunArgs),
    /// The operator's view: orders, backorders, unconfirmed shipments, rejections, stock, runs
    #[command(after_long_help = examples::STATUS)]
    Status(status::StatusArgs),
    /// Records any flow could not apply (orders, confirmations, receipts, stock lines)
    Rejects(rejects::RejectsArgs),
    /// The journal of runs
    #[command(subcommand)]
    Runs(runs::RunsCmd),
    /// Order rules: test what they do for an order
    #[command(subcommand)]
    Rules(rules::RulesCmd),
    /// Sales and fulfillment channels: check their connections
    #[command(subcommand)]
    Channels(channels::ChannelsCmd),
    /// Build a demo workspace on the `files` connectors and run the whole cycle in it
    Demo(demo::DemoArgs),
    /// Print a shell completion script
    Completions(generate::CompletionsArgs),
    /// Print or write the man pages
    Man(generate::ManArgs),
}

/// `--columns` of the list commands: which columns a table (and CSV) shows.
#[derive(Debug, Args, Clone, Default)]
pub struct ColumnsArg {
    /// Columns to show, comma-separated, or `all` [default: a compact set that fits the
    /// terminal]; an unknown name is refused with the list. `-o json` has every field
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub columns: Vec<String>,
}

impl ColumnsArg {
    /// The columns for a list whose compact set is `default` (`?name`: optional).
    pub fn or<'a>(&'a self, default: &'a [&'a str]) -> crate::output::Columns<'a> {
        crate::output::Columns {
            default,
            picked: &self.columns,
            wrap: false,
        }
    }

    /// [`ColumnsArg::or`] for a list whose free text wraps instead of being cut.
    pub fn or_wrapped<'a>(&'a self, default: &'a [&'a str]) -> crate::output::Columns<'a> {
        crate::output::Columns {
            wrap: true,
            ..self.or(default)
        }
    }
}

/// What every command gets: global flags, the printer, and the way to the config and store.
pub struct Ctx {
    pub global: GlobalArgs,
    pub out: Printer,
    /// How status changes made by this command are attributed ("oms orders cancel 12").
    pub cause: String,
    /// Set when an enclosing `oms run` already holds the flow lock for this process.
    pub lock_held: bool,
}

impl Ctx {
    pub fn config(&self) -> anyhow::Result<Config> {
        Ok(crate::config::load(
            self.global.config.as_deref(),
            self.global.db.as_deref(),
        )?)
    }

    pub fn store(&self, config: &Config) -> anyhow::Result<Store> {
        existing_database(config)?;
        Store::open(&config.database_path)
    }

    /// The flow lock: held by every command that writes, so overlapping runs wait briefly
    /// and then exit 75 instead of interleaving.
    pub fn lock(&self, config: &Config) -> anyhow::Result<Option<FlowLock>> {
        if self.lock_held {
            return Ok(None);
        }
        existing_database(config)?;
        FlowLock::acquire(&config.database_path, Duration::from_secs(5)).map(Some)
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

/// Only `oms init` (and `oms demo`) create a database: a mistyped `--db` or `$OMS_DB` would
/// otherwise start an empty one and report "nothing needs attention" about it.
fn existing_database(config: &Config) -> anyhow::Result<()> {
    let path = &config.database_path;
    if path.is_file() {
        return Ok(());
    }
    Err(usage(format!(
        "no database at {}; check --db, $OMS_DB or `database` in {}, or create it with `oms init`",
        path.display(),
        config.source.display()
    )))
}

/// The one answer to a `--file` that cannot be read, whatever the command: exit 2 and
/// `cannot open FILE: why`, before anything is locked or written.
pub(crate) fn input_file(path: &Path) -> anyhow::Result<()> {
    match std::fs::File::open(path) {
        Ok(_) if path.is_dir() => Err(usage(format!(
            "cannot open {}: it is a folder, not a file",
            path.display()
        ))),
        Ok(_) => Ok(()),
        Err(e) => Err(usage(format!("cannot open {}: {e}", path.display()))),
    }
}

/// A flow named on the command line, as `--flow`, `--only` and `--skip` take it:
/// `orders-import`, `orders_import` and `"orders import"` are the same flow; anything
/// else is refused with the list.
pub(crate) fn flow_arg(text: &str) -> anyhow::Result<&'static str> {
    let wanted = text.trim().to_lowercase().replace(['-', '_'], " ");
    crate::ops::status::FLOWS
        .iter()
        .find(|name| **name == wanted)
        .copied()
        .ok_or_else(|| {
            let known: Vec<String> = crate::ops::status::FLOWS
                .iter()
                .map(|f| f.replace(' ', "-"))
                .collect();
            usage(format!(
                "`{text}` is not a flow (one of: {})",
                known.join(", ")
            ))
        })
}

/// Runs the CLI and returns the process exit code.
pub fn main() -> i32 {
    let argv: Vec<String> = std::env::args().collect();
    let (cli, cause) = match parse(&argv) {
        Ok(parsed) => parsed,
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
    let ctx = context(cli.global.clone(), cause);
    let color = crate::output::stderr_color(cli.global.color);
    match dispatch(&ctx, cli.command) {
        Ok(exit) => exit.code(),
        Err(e) => {
            let e = crate::store::name_opened_database(e);
            let exit = exit_for(&e);
            if exit != Exit::Ok {
                report_error(&e, color);
            }
            exit.code()
        }
    }
}

/// The context a command runs in, from its global flags and the words typed.
fn context(global: GlobalArgs, cause: String) -> Ctx {
    let out = Printer::new(
        global.output,
        global.color,
        global.quiet,
        global.verbose,
        global.no_progress,
    );
    Ctx {
        global,
        out,
        cause,
        lock_held: false,
    }
}

/// Parses a command line once, for both the command and the words its story records.
fn parse(argv: &[String]) -> Result<(Cli, String), clap::Error> {
    let mut command = Cli::command();
    let matches = command.try_get_matches_from_mut(argv)?;
    let cli = Cli::from_arg_matches(&matches)?;
    Ok((cli, cause_of(&command, &matches)))
}

/// "oms orders cancel": the command as typed, without its flags and values, for the story
/// of what it changed.
fn cause_of(command: &clap::Command, matches: &clap::ArgMatches) -> String {
    let mut words = vec!["oms".to_string()];
    let mut current = matches;
    let mut definition = command;
    while let Some((name, sub)) = current.subcommand() {
        words.push(name.to_string());
        current = sub;
        match definition.find_subcommand(name) {
            Some(d) => definition = d,
            None => break,
        }
    }
    // Positional values name what was acted on ("oms orders cancel 12"); flag values are
    // left out because they can carry free text (notes, addresses).
    for arg in definition.get_positionals() {
        if let Ok(Some(values)) = current.try_get_raw(arg.get_id().as_str()) {
            words.extend(values.map(|v| v.to_string_lossy().into_owned()));
        }
    }
    words.join(" ")
}

/// Runs one command line in this process, exactly as `oms` would (used by `oms demo`).
/// `lock_held`: the caller (`oms run`) holds the flow lock for the whole sequence.
pub(crate) fn run_line(argv: &[String], lock_held: bool) -> anyhow::Result<Exit> {
    run_flow_line(argv, lock_held, None, None)
}

/// [`run_line`] for one flow of `oms run`: its output names the flow under `-q`, and a
/// machine document goes to `capture` so that `oms run` writes one document for all.
pub(crate) fn run_flow_line(
    argv: &[String],
    lock_held: bool,
    origin: Option<&str>,
    capture: Option<crate::output::Capture>,
) -> anyhow::Result<Exit> {
    let (cli, cause) = parse(argv).map_err(|e| usage(e.to_string()))?;
    let mut ctx = context(cli.global.clone(), cause);
    ctx.lock_held = lock_held;
    ctx.out.origin = origin.map(str::to_string);
    ctx.out.capture = capture;
    dispatch(&ctx, cli.command).map_err(crate::store::name_opened_database)
}

/// `error: …` as clap writes its own: the word in bold red on a terminal, plain otherwise.
fn report_error(e: &anyhow::Error, color: bool) {
    let text = e.to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let label = if color {
        "\x1b[1m\x1b[31merror:\x1b[0m"
    } else {
        "error:"
    };
    if let Some(first) = lines.next() {
        eprintln!("{label} {first}");
    }
    for line in lines {
        eprintln!("  {}", line.trim_start());
    }
    for cause in e.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
}

fn dispatch(ctx: &Ctx, command: Command) -> anyhow::Result<Exit> {
    match command {
        Command::Init(args) => init::exec(ctx, args),
        Command::Config(cmd) => config::exec(ctx, cmd),
        Command::Warehouses(cmd) => warehouses::exec(ctx, cmd),
        Command::Catalog(cmd) => catalog::exec(ctx, cmd),
        Command::Stock(cmd) => stock::exec(ctx, cmd),
        Command::Orders(cmd) => orders::exec(ctx, cmd),
        Command::Shipments(cmd) => shipments::exec(ctx, cmd),
        Command::Po(cmd) => po::exec(ctx, cmd),
        Command::Receipts(cmd) => receipts::exec(ctx, cmd),
        Command::Returns(cmd) => returns::exec(ctx, cmd),
        Command::Run(args) => run::exec(ctx, args),
        Command::Status(args) => status::exec(ctx, args),
        Command::Rejects(args) => rejects::exec(ctx, args),
        Command::Runs(cmd) => runs::exec(ctx, cmd),
        Command::Rules(cmd) => rules::exec(ctx, cmd),
        Command::Channels(cmd) => channels::exec(ctx, cmd),
        Command::Demo(args) => demo::exec(ctx, args),
        Command::Completions(args) => generate::completions(ctx, args),
        Command::Man(args) => generate::man(ctx, args),
    }
}

/// Logs go to stderr (level from -v / $OMS_LOG) and, with --log-file, as JSON lines to a file.
fn init_logging(g: &GlobalArgs) -> anyhow::Result<()> {
    use tracing_subscriber::prelude::*;
    use tracing_subscriber::{EnvFilter, fmt};

    let level = |quiet_default: &'static str| match g.verbose {
        0 | 1 => quiet_default,
        2 => "debug",
        _ => "trace",
    };
    let filter = |default: &str| {
        EnvFilter::try_from_env("OMS_LOG")
            .unwrap_or_else(|_| EnvFilter::new(format!("oms={default},warn")))
    };
    // The terminal gets warnings; the log file, read later when something went wrong,
    // also gets what every run did.
    let ansi = match g.color {
        crate::output::ColorChoice::Always => true,
        crate::output::ColorChoice::Never => false,
        crate::output::ColorChoice::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let stderr = fmt::layer()
        .with_writer(crate::output::LogWriter::default)
        .with_ansi(ansi)
        .with_target(false)
        .with_filter(filter(level("warn")));
    let file = match &g.log_file {
        Some(path) => Some(open_log(path)?),
        None => None,
    };
    let file_layer = file.map(|f| {
        fmt::layer()
            .json()
            .with_writer(std::sync::Mutex::new(f))
            .with_filter(filter(level("info")))
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
