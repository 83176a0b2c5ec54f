//! The one place that writes data to stdout. Every command hands rows or a report to a
//! [`Printer`], which renders them as a table for people or as json / ndjson / csv with
//! stable column names for machines. Messages go to stderr through [`Printer::note`] and
//! [`Printer::warn`] so that pipes only ever carry data.

mod progress;
mod table;

pub use progress::{LogWriter, Progress, above_bars};

use std::io::{self, IsTerminal, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::Exit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON document (an array of rows, or the report object).
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values with a header row.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// A flow's result: counts for the summary and one item per record touched.
/// The same value feeds the table, the JSON pipe, `--dry-run` and the tests.
pub trait Report: Serialize {
    type Item: Serialize + Default;
    /// Counts shown as `name: value` lines under a table.
    fn summary(&self) -> Vec<(&'static str, String)>;
    fn items(&self) -> &[Self::Item];
    /// Items a person must see even without `-v` (rejections, failures).
    fn is_notable(&self, _item: &Self::Item) -> bool {
        false
    }
    /// Exit code the command should end with.
    fn exit(&self) -> Exit;
}

#[derive(Debug, Clone)]
pub struct Printer {
    pub format: Format,
    pub color: bool,
    /// Colour in messages on stderr ([`stderr_color`]), decided apart from the tables'.
    pub stderr_color: bool,
    pub quiet: bool,
    pub verbose: u8,
    pub progress: bool,
    /// The flow this output belongs to when `oms run` runs it: named in front of anything
    /// it prints under `-q`, so a cron mail says where it comes from.
    pub origin: Option<String>,
    /// Under `oms run` with a machine format, documents are collected here and written
    /// by `oms run` as one document, not one per flow.
    pub capture: Option<Capture>,
}

/// What one flow would have written to stdout in a machine format.
#[derive(Debug, Clone)]
pub struct Captured {
    /// The whole document (a report object, or the array of rows).
    pub document: Value,
    /// Its rows, for ndjson and csv.
    pub rows: Vec<Map<String, Value>>,
}

pub type Capture = std::sync::Arc<std::sync::Mutex<Vec<Captured>>>;

/// Whether messages on stderr are coloured: `--color always|never` as asked, else only on
/// a terminal and without `NO_COLOR` (clap decides its own errors the same way).
pub fn stderr_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

impl Printer {
    pub fn new(
        format: Format,
        color: ColorChoice,
        quiet: bool,
        verbose: u8,
        no_progress: bool,
    ) -> Self {
        let color_choice = color;
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                !no_color_env && io::stdout().is_terminal() && format == Format::Table
            }
        };
        let progress = !no_progress && !quiet && io::stderr().is_terminal();
        Printer {
            format,
            color,
            stderr_color: stderr_color(color_choice),
            quiet,
            verbose,
            progress,
            origin: None,
            capture: None,
        }
    }

    /// Keeps a machine document for `oms run` instead of writing it; false when this
    /// printer writes its own output.
    fn captured(&self, document: Value, rows: Vec<Map<String, Value>>) -> bool {
        match (&self.capture, self.format) {
            (Some(capture), Format::Json | Format::Ndjson | Format::Csv) => {
                if let Ok(mut all) = capture.lock() {
                    all.push(Captured { document, rows });
                }
                true
            }
            _ => false,
        }
    }

    /// Under `oms run -q`, the line naming the flow before the first thing it prints.
    fn origin_line(&self, out: &mut impl Write) -> io::Result<()> {
        match &self.origin {
            Some(flow) if self.quiet => writeln!(out, "== {flow}"),
            _ => Ok(()),
        }
    }

    /// What a command did (`catalog add`, `config check`): shown for people unless `-q`,
    /// whose rule is that a successful command prints only the data it was asked for.
    /// Machine formats always get it.
    pub fn outcome<T: Serialize>(&self, item: &T) -> anyhow::Result<()> {
        if !self.shows_outcomes() {
            return Ok(());
        }
        self.one(item)
    }

    /// False under `-q` with tables: what a command did is not printed, only data asked for.
    pub fn shows_outcomes(&self) -> bool {
        !(self.format == Format::Table && self.quiet)
    }

    /// Rows of one kind. `T::default()` supplies the column names when there are no rows,
    /// so a CSV consumer always gets its header.
    pub fn list<T: Serialize + Default>(&self, rows: &[T]) -> anyhow::Result<()> {
        let values = rows
            .iter()
            .map(to_object)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let columns = columns_of(values.first(), &T::default())?;
        if self.captured(
            Value::Array(values.iter().cloned().map(Value::Object).collect()),
            values.clone(),
        ) {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        match self.format {
            Format::Table => {
                if values.is_empty() {
                    drop(out);
                    self.note("(none)");
                    return Ok(());
                }
                writeln!(
                    out,
                    "{}",
                    table::render(&columns, &values, self.color, table::Layout::Rows)
                )?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &values)?;
                writeln!(out)?;
            }
            Format::Ndjson => {
                for v in &values {
                    serde_json::to_writer(&mut out, v)?;
                    writeln!(out)?;
                }
            }
            Format::Csv => write_csv(&mut out, &columns, &values)?,
        }
        out.flush()?;
        Ok(())
    }

    /// A single record (`show` commands): a two-column field/value table for people,
    /// an object for JSON, one row for CSV.
    pub fn one<T: Serialize>(&self, item: &T) -> anyhow::Result<()> {
        let value = to_object(item)?;
        if self.captured(Value::Object(value.clone()), vec![value.clone()]) {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        match self.format {
            Format::Table => {
                let cols = vec!["field".to_string(), "value".to_string()];
                let rows: Vec<Map<String, Value>> = value
                    .iter()
                    .filter(|(_, v)| !v.is_array() || v.as_array().is_some_and(|a| !a.is_empty()))
                    .map(|(k, v)| {
                        let mut m = Map::new();
                        m.insert("field".into(), Value::String(k.clone()));
                        m.insert("value".into(), v.clone());
                        m
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    table::render(&cols, &rows, self.color, table::Layout::Fields)
                )?;
            }
            Format::Json => {
                serde_json::to_writer_pretty(&mut out, &value)?;
                writeln!(out)?;
            }
            Format::Ndjson => {
                serde_json::to_writer(&mut out, &value)?;
                writeln!(out)?;
            }
            Format::Csv => {
                let cols: Vec<String> = value.keys().cloned().collect();
                write_csv(&mut out, &cols, &[value])?;
            }
        }
        out.flush()?;
        Ok(())
    }

    /// A flow's report. Tables show notable items (or all with `-v`) and the summary;
    /// json is the whole report; ndjson and csv carry the items.
    pub fn report<R: Report>(&self, report: &R) -> anyhow::Result<Exit> {
        if self.capture.is_some() && self.format != Format::Table {
            let rows = report
                .items()
                .iter()
                .map(to_object)
                .collect::<anyhow::Result<Vec<_>>>()?;
            self.captured(serde_json::to_value(report)?, rows);
            return Ok(report.exit());
        }
        match self.format {
            // With -q a report that went well is not news: cron mails only what needs a look.
            Format::Table if self.quiet && report.exit() == Exit::Ok => {}
            Format::Table => {
                let shown: Vec<&R::Item> = report
                    .items()
                    .iter()
                    .filter(|i| self.verbose > 0 || report.is_notable(i))
                    .collect();
                let values = shown
                    .iter()
                    .map(|i| to_object(*i))
                    .collect::<anyhow::Result<Vec<_>>>()?;
                let mut out = io::stdout().lock();
                self.origin_line(&mut out)?;
                if !values.is_empty() {
                    let columns = columns_of(values.first(), &R::Item::default())?;
                    writeln!(
                        out,
                        "{}",
                        table::render(&columns, &values, self.color, table::Layout::Rows)
                    )?;
                }
                {
                    let width = report
                        .summary()
                        .iter()
                        .map(|(k, _)| k.len())
                        .max()
                        .unwrap_or(0);
                    for (k, v) in report.summary() {
                        writeln!(out, "{k:>width$}: {v}")?;
                    }
                }
                out.flush()?;
            }
            Format::Json => {
                let mut out = io::stdout().lock();
                serde_json::to_writer_pretty(&mut out, report)?;
                writeln!(out)?;
                out.flush()?;
            }
            Format::Ndjson | Format::Csv => self.list(report.items())?,
        }
        Ok(report.exit())
    }

    /// A heading between parts of a longer output, for people only: not in machine
    /// formats, not with `-q`.
    pub fn heading(&self, title: &str) -> anyhow::Result<()> {
        if self.format == Format::Table && !self.quiet {
            let mut out = io::stdout().lock();
            writeln!(out, "{title}")?;
        }
        Ok(())
    }

    /// A titled table for multi-part views (`oms status`); nothing when `rows` is empty.
    /// Only for table output: machine formats take the whole view as one document.
    pub fn section<T: Serialize + Default>(&self, title: &str, rows: &[T]) -> anyhow::Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        {
            let mut out = io::stdout().lock();
            writeln!(out, "\n{title}")?;
        }
        self.list(rows)
    }

    /// An informational line on stderr, silenced by `-q`.
    pub fn note(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            progress::above_bars(|| eprintln!("{}", msg.as_ref()));
        }
    }

    /// A warning on stderr; shown even with `-q`, because cron should mail it.
    pub fn warn(&self, msg: impl AsRef<str>) {
        let stderr_color = self.stderr_color;
        let origin = match &self.origin {
            Some(flow) => format!("{flow}: "),
            None => String::new(),
        };
        progress::above_bars(|| {
            if stderr_color {
                eprintln!("\x1b[33mwarning:\x1b[0m {origin}{}", msg.as_ref());
            } else {
                eprintln!("warning: {origin}{}", msg.as_ref());
            }
        });
    }

    /// A bar for `len` units of `what` ("orders", "rows"); `len` 0 when the total is not
    /// known before the work starts. Drawn only when [`Printer::progress`] is on.
    pub fn progress(&self, len: u64, what: &str) -> Progress {
        Progress::new(self.progress, len, what)
    }
}

fn to_object<T: Serialize + ?Sized>(item: &T) -> anyhow::Result<Map<String, Value>> {
    match serde_json::to_value(item)? {
        Value::Object(m) => Ok(m),
        other => {
            let mut m = Map::new();
            m.insert("value".into(), other);
            Ok(m)
        }
    }
}

fn columns_of<T: Serialize>(
    first: Option<&Map<String, Value>>,
    default: &T,
) -> anyhow::Result<Vec<String>> {
    Ok(match first {
        Some(m) => m.keys().cloned().collect(),
        None => to_object(default)?.keys().cloned().collect(),
    })
}

/// The text of one cell in a table or CSV: arrays joined with ", ", nulls empty.
pub(crate) fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

pub(crate) fn write_csv(
    out: &mut impl Write,
    columns: &[String],
    rows: &[Map<String, Value>],
) -> anyhow::Result<()> {
    use crate::formats::csv_io;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(columns).map_err(csv_io)?;
    for row in rows {
        let cells = columns
            .iter()
            .map(|c| row.get(c).map(cell_text).unwrap_or_default());
        w.write_record(cells).map_err(csv_io)?;
    }
    w.flush()?;
    Ok(())
}
