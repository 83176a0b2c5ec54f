//! The one place that writes data to stdout. Every command hands rows or a report to a
//! [`Printer`], which renders them as a table for people or as json / ndjson / csv with
//! stable column names for machines. Messages go to stderr through [`Printer::note`] and
//! [`Printer::warn`] so that pipes only ever carry data.

mod columns;
mod progress;
mod table;
mod text;

pub use columns::{Columns, Section};
pub use progress::{LogWriter, Progress, above_bars};

use columns::width;

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

    /// Rows of one kind, every column. `T::default()` supplies the column names when
    /// there are no rows, so a CSV consumer always gets its header.
    pub fn list<T: Serialize + Default>(&self, rows: &[T]) -> anyhow::Result<()> {
        self.list_columns(rows, &Columns::default())
    }

    /// Rows of one kind with the columns a list shows: the list's compact default set
    /// (or those picked with `--columns`) in tables and CSV; json and ndjson always carry
    /// every field. An unknown picked column is a usage error listing the valid ones.
    pub fn list_columns<T: Serialize + Default>(
        &self,
        rows: &[T],
        choice: &Columns<'_>,
    ) -> anyhow::Result<()> {
        let layout = if choice.wrap {
            table::Layout::Wrapped
        } else {
            table::Layout::Rows
        };
        self.rows_out(rows, choice, layout, true)
    }

    fn rows_out<T: Serialize + Default>(
        &self,
        rows: &[T],
        choice: &Columns<'_>,
        layout: table::Layout,
        pickable: bool,
    ) -> anyhow::Result<()> {
        let values = rows
            .iter()
            .map(to_object)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let every = columns_of(values.first(), &T::default())?;
        let cols = choice.resolve(&every, &values)?;
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
                let drawn = table::render(&cols, &values, self.color, layout, width());
                writeln!(out, "{}", drawn.text)?;
                self.hidden_note(&drawn.hidden, pickable);
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
            Format::Csv => {
                let names: Vec<String> = match choice.picked {
                    [] => every,
                    _ => cols.into_iter().map(|c| c.name).collect(),
                };
                write_csv(&mut out, &names, &values)?
            }
        }
        out.flush()?;
        Ok(())
    }

    /// Says on stderr which columns did not fit, and where to find them.
    fn hidden_note(&self, hidden: &[String], pickable: bool) {
        if hidden.is_empty() {
            return;
        }
        let how = if pickable { "--columns or " } else { "" };
        self.note(format!(
            "(too narrow for {}: see {how}-o json)",
            hidden.join(", ")
        ));
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
                let rows: Vec<Map<String, Value>> = value
                    .iter()
                    .map(|(k, v)| {
                        let mut m = Map::new();
                        m.insert("field".into(), Value::String(k.clone()));
                        m.insert("value".into(), v.clone());
                        m
                    })
                    .collect();
                let drawn = table::render(&[], &rows, self.color, table::Layout::Fields, width());
                writeln!(out, "{}", drawn.text)?;
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

    /// A record with parts (`shipments show`, `po show`, `orders show`): json and ndjson
    /// get `whole` as one document; a table shows `head`'s fields and then each part under
    /// its heading, on stdout with the data; CSV is one table per part, separated by an
    /// empty line: the record's own fields first, then the parts in order, never JSON
    /// inside a cell.
    pub fn detail<W: Serialize, H: Serialize>(
        &self,
        whole: &W,
        head: &H,
        sections: &[Section],
    ) -> anyhow::Result<()> {
        match self.format {
            Format::Json | Format::Ndjson => self.one(whole),
            Format::Csv => {
                let record = columns::scalar_fields(&to_object(head)?);
                let mut out = io::stdout().lock();
                let names: Vec<String> = record.keys().cloned().collect();
                write_csv(&mut out, &names, &[record])?;
                for s in sections {
                    writeln!(out)?;
                    write_csv(&mut out, &s.columns, &s.rows)?;
                }
                out.flush()?;
                Ok(())
            }
            Format::Table => {
                self.one(head)?;
                for s in sections.iter().filter(|s| !s.rows.is_empty()) {
                    let mut out = io::stdout().lock();
                    writeln!(out, "\n{}:", s.title)?;
                    let (cols, rows) = s.for_people();
                    let drawn =
                        table::render(&cols, rows, self.color, table::Layout::Wrapped, width());
                    writeln!(out, "{}", drawn.text)?;
                    drop(out);
                    self.hidden_note(&drawn.hidden, false);
                }
                Ok(())
            }
        }
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
                    let cols = Columns::said(&columns, &values);
                    let drawn =
                        table::render(&cols, &values, self.color, table::Layout::Wrapped, width());
                    writeln!(out, "{}", drawn.text)?;
                    self.hidden_note(&drawn.hidden, false);
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
        self.section_with(title, rows, &[])
    }

    /// [`Printer::section`] with the columns a person needs first (`?name`: optional,
    /// left out when narrow); empty `default`: every column. Empty columns are left out.
    pub fn section_with<T: Serialize + Default>(
        &self,
        title: &str,
        rows: &[T],
        default: &[&str],
    ) -> anyhow::Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        {
            let mut out = io::stdout().lock();
            writeln!(out, "\n{title}")?;
        }
        let every = columns_of(Some(&to_object(&rows[0])?), &T::default())?;
        let names: Vec<&str> = match default {
            [] => every.iter().map(String::as_str).collect(),
            some => some.to_vec(),
        };
        let choice = Columns {
            default: &names,
            picked: &[],
            wrap: true,
        };
        self.rows_out(rows, &choice, table::Layout::Wrapped, false)
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
