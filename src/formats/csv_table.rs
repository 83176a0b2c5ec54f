//! Reading CSV the way spreadsheets write it: a byte-order mark, `;` as the separator
//! (European Excel), rows shorter than the header, quoted newlines. Columns are found by
//! header name, never by position, and every row keeps its physical line number so that
//! messages can say `orders.csv:17: Lineitem quantity: ...`.

use std::io::Read;

pub use lines::LineTally;
use lines::{LineCounter, Lines};

#[path = "csv_lines.rs"]
mod lines;

/// The longest record (one row, with any quoted newlines) a reader accepts: 1 MiB.
/// Without a bound, a file with one endless line (or a quote that never closes) would be
/// held in memory whole while the flow lock blocks every other run.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// A CSV source with its header, read row by row.
pub struct CsvTable {
    source: String,
    headers: Vec<String>,
    delimiter: u8,
    reader: csv::Reader<LineCounter>,
    lines: Lines,
    // Reused for every row so that reading millions of rows allocates nothing per row.
    bytes: csv::ByteRecord,
    record: csv::StringRecord,
    undecodable: Vec<usize>,
    line: u64,
    /// Line of the last row and the column of its first value spanning several lines,
    /// to explain an unclosed quote once the end is reached.
    last_multiline: Option<(u64, usize)>,
    /// A read error ends the table: retrying a failing reader would loop forever.
    failed: bool,
    /// The line the current row ends on, and the account of lines so far.
    end_line: u64,
    header_lines: u64,
    blank_records: u64,
    in_records: u64,
}

/// One data row: values by header name, and where it came from.
pub struct CsvRow<'t> {
    pub line: u64,
    /// The last physical line of the row (beyond `line` when a quoted value spans lines).
    pub end_line: u64,
    source: &'t str,
    headers: &'t [String],
    delimiter: u8,
    record: &'t csv::StringRecord,
    undecodable: &'t [usize],
}

/// A problem that stops a whole file from being read (no header, broken quoting, bad encoding).
#[derive(Debug, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct CsvError {
    pub source_name: String,
    pub line: u64,
    pub message: String,
}

impl CsvTable {
    /// Opens a CSV stream. `source` names it in messages (usually the file path).
    /// Sniffs the first line for the separator and skips a UTF-8 BOM.
    pub fn open(source: &str, mut input: Box<dyn Read>) -> Result<Self, CsvError> {
        let err = |line, message: String| CsvError {
            source_name: source.to_string(),
            line,
            message,
        };
        // Read enough to see the whole header line; the rest streams.
        // Only the new chunk is searched for the newline: rescanning `head` after every
        // read made a file without newlines take quadratic time.
        let mut head = Vec::with_capacity(8192);
        let mut buf = [0u8; 8192];
        loop {
            let n = input
                .read(&mut buf)
                .map_err(|e| err(1, format!("cannot read: {e}")))?;
            if n == 0 {
                break;
            }
            head.extend_from_slice(&buf[..n]);
            if buf[..n].contains(&b'\n') {
                break;
            }
            if head.len() as u64 > MAX_RECORD_BYTES {
                return Err(err(1, too_long_message()));
            }
        }
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            head.drain(..3);
        }
        let first_line_end = head.iter().position(|b| *b == b'\n').unwrap_or(head.len());
        let delimiter = sniff_delimiter(&head[..first_line_end]);
        let lines = Lines::default();
        let counted = LineCounter::new(
            Box::new(std::io::Cursor::new(head).chain(input)),
            lines.clone(),
        );
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(counted);
        let headers = reader
            .headers()
            .map_err(|e| err(1, describe(&e)))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect::<Vec<_>>();
        if headers.iter().all(|h| h.is_empty()) {
            return Err(err(1, "the file is empty or has no header row".into()));
        }
        let after_header = reader.position().byte();
        lines.set_record_start(after_header);
        let header_lines = lines.end_line(after_header);
        Ok(CsvTable {
            source: source.to_string(),
            headers,
            delimiter,
            reader,
            lines,
            bytes: csv::ByteRecord::new(),
            record: csv::StringRecord::new(),
            undecodable: Vec::new(),
            line: 0,
            last_multiline: None,
            failed: false,
            end_line: header_lines,
            header_lines,
            blank_records: 0,
            in_records: 0,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Whether a column exists (case-insensitive, surrounding spaces ignored).
    pub fn has(&self, name: &str) -> bool {
        self.column(name).is_some()
    }

    /// The index of a column (case-insensitive, surrounding spaces ignored), for
    /// [`CsvRow::at`]: resolving names once per file keeps per-row work to an index.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// Requires columns to be present; names every missing one.
    pub fn require(&self, names: &[&str]) -> Result<(), CsvError> {
        let missing: Vec<&str> = names.iter().copied().filter(|n| !self.has(n)).collect();
        if missing.is_empty() {
            return Ok(());
        }
        Err(CsvError {
            source_name: self.source.clone(),
            line: 1,
            message: format!("missing column(s): {}", missing.join(", ")),
        })
    }

    /// The next row, skipping blank lines. A row that cannot be decoded (invalid UTF-8)
    /// is an error naming its line; the caller decides whether to go on.
    pub fn next_row(&mut self) -> Option<Result<CsvRow<'_>, CsvError>> {
        if let Err(e) = self.advance()? {
            return Some(Err(e));
        }
        if let Some(&field) = self.undecodable.first() {
            return Some(Err(CsvError {
                source_name: self.source.clone(),
                line: self.line,
                message: format!("field {} is not valid UTF-8", field + 1),
            }));
        }
        Some(Ok(self.row()))
    }

    /// Like [`next_row`](Self::next_row), but a row with invalid UTF-8 still comes back,
    /// its bad bytes replaced by U+FFFD and [`CsvRow::decode_problems`] naming the
    /// columns, so that the caller can charge the problem to the record the row belongs
    /// to. The only error left is a failure to read the input, after which the table ends.
    pub fn next_row_lossy(&mut self) -> Option<Result<CsvRow<'_>, CsvError>> {
        if let Err(e) = self.advance()? {
            return Some(Err(e));
        }
        Some(Ok(self.row()))
    }

    /// Once the rows are exhausted: the line and column of the last row's value if the
    /// file ends inside a quoted value. The CSV reader accepts a quote that is never
    /// closed by reading everything after it into one value, which would otherwise
    /// swallow the rest of the file without a word. An odd number of quote characters
    /// plus a last value spanning several lines is the signature of that.
    pub fn unclosed_quote(&self) -> Option<(u64, String)> {
        let odd = self.lines.quotes() % 2 == 1;
        let (line, column) = self.last_multiline.filter(|_| odd)?;
        Some((line, column_name(&self.headers, column)))
    }

    /// Reads the next non-blank record into the reused buffers, decoding it lossily.
    fn advance(&mut self) -> Option<Result<(), CsvError>> {
        if self.failed {
            return None;
        }
        loop {
            match self.reader.read_byte_record(&mut self.bytes) {
                Ok(false) => return None,
                Ok(true) => {
                    let next = self.reader.position().byte();
                    self.lines.set_record_start(next);
                    let start = self
                        .bytes
                        .position()
                        .map(|p| self.lines.line_at(p.byte()))
                        .unwrap_or(0);
                    let end = self.lines.end_line(next).max(start);
                    self.end_line = end;
                    self.record.clear();
                    self.undecodable.clear();
                    for (i, field) in self.bytes.iter().enumerate() {
                        let text = String::from_utf8_lossy(field);
                        if matches!(text, std::borrow::Cow::Owned(_)) {
                            self.undecodable.push(i);
                        }
                        self.record.push_field(&text);
                    }
                    if self.record.iter().all(|f| f.trim().is_empty()) {
                        self.blank_records += end + 1 - start;
                        continue;
                    }
                    self.in_records += end + 1 - start;
                    self.line = start;
                    let line = self.line;
                    self.last_multiline = self
                        .record
                        .iter()
                        .position(|f| f.contains('\n'))
                        .map(|column| (line, column));
                    return Some(Ok(()));
                }
                Err(_) if self.lines.too_long() => {
                    self.failed = true;
                    let start = self.lines.record_start();
                    let line = self.lines.line_at(start);
                    return Some(Err(CsvError {
                        source_name: self.source.clone(),
                        line,
                        message: too_long_message(),
                    }));
                }
                Err(e) => {
                    self.failed = true;
                    let line = e
                        .position()
                        .map(|p| self.lines.line_at(p.byte()))
                        .unwrap_or(0);
                    return Some(Err(CsvError {
                        source_name: self.source.clone(),
                        line,
                        message: describe(&e),
                    }));
                }
            }
        }
    }

    /// How every physical line read so far was accounted for; complete once the rows
    /// are exhausted.
    pub fn tally(&self) -> LineTally {
        self.lines.tally(
            self.header_lines,
            self.blank_records,
            self.in_records,
            self.end_line,
            self.failed,
        )
    }

    fn row(&self) -> CsvRow<'_> {
        CsvRow {
            line: self.line,
            end_line: self.end_line,
            source: &self.source,
            headers: &self.headers,
            delimiter: self.delimiter,
            record: &self.record,
            undecodable: &self.undecodable,
        }
    }
}

/// A column's header for messages, or its position when the header has no name for it.
fn column_name(headers: &[String], column: usize) -> String {
    match headers.get(column) {
        Some(h) if !h.is_empty() => h.clone(),
        _ => format!("field {}", column + 1),
    }
}

impl CsvRow<'_> {
    /// The trimmed value of a column, or `None` when the column is absent or the cell empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        let idx = self
            .headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))?;
        self.record
            .get(idx)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// The raw value (not trimmed), for free text where spaces matter.
    pub fn raw(&self, name: &str) -> Option<&str> {
        let idx = self
            .headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))?;
        self.record.get(idx).filter(|v| !v.is_empty())
    }

    /// [`get`](Self::get) by a column index from [`CsvTable::column`]; `None` for an
    /// absent column, so optional columns need no special case.
    pub fn at(&self, column: Option<usize>) -> Option<&str> {
        self.record
            .get(column?)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// [`raw`](Self::raw) by a column index from [`CsvTable::column`].
    pub fn raw_at(&self, column: Option<usize>) -> Option<&str> {
        self.record.get(column?).filter(|v| !v.is_empty())
    }

    /// For a row read with [`CsvTable::next_row_lossy`]: one `file:line: column: ...`
    /// message per value that was not valid UTF-8.
    pub fn decode_problems(&self) -> impl Iterator<Item = String> + '_ {
        self.undecodable.iter().map(|&i| {
            self.problem(
                &column_name(self.headers, i),
                "is not valid UTF-8 (save the file as UTF-8; the bad bytes show as \u{FFFD})",
            )
        })
    }

    /// A problem when a value of this row runs over physical lines that look like rows
    /// of their own (as many separators as the header has): the signature of a quote
    /// opened by mistake, which silently turns the following rows into text. The message
    /// names the line range and the `key` values (order ids) found in those lines, so
    /// that nothing swallowed goes unmentioned.
    pub fn swallowed_rows(&self, key: &str) -> Option<String> {
        let columns = self.headers.len();
        if columns < 3 {
            return None;
        }
        let key_column = self
            .headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(key));
        let (mut swallowed, mut first_column, mut ids) = (0, None, Vec::<&str>::new());
        for (i, value) in self.record.iter().enumerate() {
            for line in value.split('\n').skip(1) {
                let separators = line.bytes().filter(|b| *b == self.delimiter).count();
                if separators + 1 < columns {
                    continue;
                }
                swallowed += 1;
                first_column.get_or_insert(i);
                let id = key_column
                    .and_then(|k| line.split(char::from(self.delimiter)).nth(k))
                    .map(|s| s.trim().trim_matches('"').trim())
                    .filter(|s| !s.is_empty());
                if let Some(id) = id.filter(|id| !ids.contains(id)) {
                    ids.push(id);
                }
            }
        }
        let column = column_name(self.headers, first_column?);
        let newlines: usize = self
            .record
            .iter()
            .map(|v| v.trim_end_matches(['\r', '\n']).matches('\n').count())
            .sum();
        let end = self.line + newlines as u64;
        let found = if ids.is_empty() {
            String::new()
        } else {
            format!(" ({key} found inside: {})", ids.join(", "))
        };
        Some(format!(
            "{}:{}-{end}: {column}: a quoted value runs from line {} to line {end} and takes in \
             {swallowed} line(s) that look like rows of their own{found}; close the quote \
             (or write a quote inside a value as \"\"): those lines were not read as rows",
            self.source, self.line, self.line
        ))
    }

    /// `file:line`, for messages and for the rejection's source.
    pub fn location(&self) -> String {
        format!("{}:{}", self.source, self.line)
    }

    /// A message about one field of this row: `file:line: field: message`.
    pub fn problem(&self, field: &str, message: impl std::fmt::Display) -> String {
        format!("{}:{}: {field}: {message}", self.source, self.line)
    }

    /// A whole number from a column; `Ok(None)` when empty.
    pub fn int(&self, name: &str) -> Result<Option<i64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v
                .parse::<i64>()
                .map(Some)
                .map_err(|_| self.problem(name, format!("`{v}` is not a whole number"))),
        }
    }

    /// An amount in minor units from a column; `Ok(None)` when empty.
    pub fn cents(&self, name: &str) -> Result<Option<i64>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => crate::model::parse_cents(v)
                .map(Some)
                .map_err(|e| self.problem(name, e)),
        }
    }
}

fn too_long_message() -> String {
    format!(
        "a record starting on this line is longer than {} bytes (1 MiB, the most oms \
         reads as one row: a missing newline or a quote that never closes?); \
         this line and the rest of the file were not read",
        MAX_RECORD_BYTES
    )
}

fn sniff_delimiter(first_line: &[u8]) -> u8 {
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

fn describe(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("field {} is not valid UTF-8", err.field() + 1),
        csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
        _ => e.to_string(),
    }
}

#[cfg(test)]
#[path = "csv_table_tests.rs"]
mod tests;
