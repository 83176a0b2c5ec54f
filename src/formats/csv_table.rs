//! Reading CSV the way spreadsheets write it: a byte-order mark, `;` as the separator
//! (European Excel), rows shorter than the header, quoted newlines. Columns are found by
//! header name, never by position, and every row keeps its physical line number so that
//! messages can say `orders.csv:17: Lineitem quantity: ...`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

/// A CSV source with its header, read row by row.
pub struct CsvTable {
    source: String,
    headers: Vec<String>,
    reader: csv::Reader<LineCounter>,
    lines: Lines,
}

/// Newline offsets not yet passed by the parser. The csv crate's own line numbers skip
/// blank lines, so rows are numbered from byte offsets instead; only the parser's
/// read-ahead window is ever held here, so memory stays flat on huge files.
#[derive(Clone, Default)]
struct Lines(Rc<RefCell<(VecDeque<Newline>, u64)>>);

#[derive(Clone, Copy)]
struct Newline {
    offset: u64,
    after_cr: bool,
}

impl Lines {
    /// The 1-based line a record starts on, from the byte offset the parser reports;
    /// offsets must be asked for in increasing order. The parser's offset points at any
    /// blank lines it skipped before the record, so newlines right there are counted too.
    fn line_at(&self, byte: u64) -> u64 {
        let mut state = self.0.borrow_mut();
        let (pending, passed) = &mut *state;
        while pending.front().is_some_and(|nl| nl.offset < byte) {
            pending.pop_front();
            *passed += 1;
        }
        let mut pos = byte;
        while let Some(nl) = pending.front().copied() {
            let blank = nl.offset == pos || (nl.after_cr && nl.offset == pos + 1);
            if !blank {
                break;
            }
            pending.pop_front();
            *passed += 1;
            pos = nl.offset + 1;
        }
        *passed + 1
    }
}

struct LineCounter {
    inner: Box<dyn Read>,
    offset: u64,
    last: u8,
    lines: Lines,
}

impl Read for LineCounter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.lines.0.borrow_mut();
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                state.0.push_back(Newline {
                    offset: self.offset + i as u64,
                    after_cr: self.last == b'\r',
                });
            }
            self.last = *b;
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// One data row: values by header name, and where it came from.
pub struct CsvRow<'t> {
    pub line: u64,
    source: &'t str,
    headers: &'t [String],
    record: csv::StringRecord,
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
        let mut head = Vec::with_capacity(8192);
        let mut buf = [0u8; 8192];
        while !head.contains(&b'\n') {
            let n = input
                .read(&mut buf)
                .map_err(|e| err(1, format!("cannot read: {e}")))?;
            if n == 0 {
                break;
            }
            head.extend_from_slice(&buf[..n]);
        }
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            head.drain(..3);
        }
        let first_line_end = head.iter().position(|b| *b == b'\n').unwrap_or(head.len());
        let delimiter = sniff_delimiter(&head[..first_line_end]);
        let lines = Lines::default();
        let counted = LineCounter {
            inner: Box::new(std::io::Cursor::new(head).chain(input)),
            offset: 0,
            last: 0,
            lines: lines.clone(),
        };
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
        Ok(CsvTable {
            source: source.to_string(),
            headers,
            reader,
            lines,
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
        self.headers.iter().any(|h| h.eq_ignore_ascii_case(name))
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

    /// The next row, skipping blank lines. A row that cannot be decoded (invalid UTF-8,
    /// broken quoting) is an error naming its line; the caller decides whether to go on.
    pub fn next_row(&mut self) -> Option<Result<CsvRow<'_>, CsvError>> {
        let mut record = csv::StringRecord::new();
        loop {
            match self.reader.read_record(&mut record) {
                Ok(false) => return None,
                Ok(true) if record.iter().all(|f| f.trim().is_empty()) => continue,
                Ok(true) => {
                    let line = record
                        .position()
                        .map(|p| self.lines.line_at(p.byte()))
                        .unwrap_or(0);
                    return Some(Ok(CsvRow {
                        line,
                        source: &self.source,
                        headers: &self.headers,
                        record,
                    }));
                }
                Err(e) => {
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
mod tests {
    use super::*;

    fn table(text: &[u8]) -> CsvTable {
        CsvTable::open("t.csv", Box::new(std::io::Cursor::new(text.to_vec()))).expect("open")
    }

    #[test]
    fn bom_semicolons_and_header_names() {
        let mut t = table("\u{feff}SKU;Qty\n A-1 ;3\n\n b-2;4\r\n\r\n\r\nc;5\n".as_bytes());
        assert_eq!(t.headers(), ["SKU", "Qty"]);
        let row = t.next_row().unwrap().unwrap();
        assert_eq!(
            (row.get("sku"), row.int("QTY"), row.line),
            (Some("A-1"), Ok(Some(3)), 2)
        );
        let row = t.next_row().unwrap().unwrap();
        assert_eq!(row.line, 4, "blank lines are skipped but still counted");
        let row = t.next_row().unwrap().unwrap();
        assert_eq!(
            (row.get("sku"), row.line),
            (Some("c"), 7),
            "CRLF blank lines count too"
        );
        assert!(t.next_row().is_none());
    }

    #[test]
    fn short_rows_and_quoted_newlines() {
        let mut t = table(b"a,b,c\n1\n\"x\ny\",2,3\n4,5,6\n");
        let r = t.next_row().unwrap().unwrap();
        assert_eq!((r.get("a"), r.get("c")), (Some("1"), None));
        let r = t.next_row().unwrap().unwrap();
        assert_eq!(r.raw("a"), Some("x\ny"));
        let r = t.next_row().unwrap().unwrap();
        assert_eq!(r.line, 5, "a quoted newline moves the line count on");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let mut t = table(b"a,b\n1,2\n3,\xff\n");
        assert!(t.next_row().unwrap().is_ok());
        let e = t.next_row().unwrap().err().expect("utf8 error");
        assert_eq!(e.line, 3);
        assert!(
            e.to_string()
                .starts_with("t.csv:3: field 2 is not valid UTF-8"),
            "{e}"
        );
    }

    #[test]
    fn bad_numbers_name_the_field() {
        let mut t = table(b"sku,quantity,price\nA,x,1.999\n");
        let r = t.next_row().unwrap().unwrap();
        assert_eq!(
            r.int("quantity").unwrap_err(),
            "t.csv:2: quantity: `x` is not a whole number"
        );
        assert!(r.cents("price").unwrap_err().starts_with("t.csv:2: price:"));
    }

    #[test]
    fn missing_columns_are_all_named() {
        let t = table(b"sku\n");
        let e = t.require(&["sku", "quantity", "warehouse"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:1: missing column(s): quantity, warehouse"
        );
    }
}
