//! Physical lines under a CSV parser: which line a record starts and ends on, and an
//! account of every line of the file (header, blank, in records), so that a report can
//! show that nothing in a file went unread or unmentioned.
//!
//! The csv crate's own line numbers skip blank lines, so lines are counted from byte
//! offsets instead; only the parser's read-ahead window of newline offsets is ever held,
//! so memory stays flat on huge files.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::Read;
use std::rc::Rc;

use super::MAX_RECORD_BYTES;

/// How the physical lines of one CSV file were accounted for. Once the file is read to
/// its end, `total == header + blank + in_records + not_read`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineTally {
    /// Physical lines oms saw (a last line without a newline counts).
    pub total: u64,
    /// The header row (and any blank lines before it).
    pub header: u64,
    /// Empty lines, and rows with only separators, between and after the records.
    pub blank: u64,
    /// Lines inside records: each row, with the lines its quoted values span.
    pub in_records: u64,
    /// Lines after a point where reading stopped (a record too long, a broken input):
    /// counted as far as oms read them, named in the rejection that says why.
    pub not_read: u64,
}

/// Newline offsets not yet passed by the parser, and the counts behind [`LineTally`].
#[derive(Clone, Default)]
pub(super) struct Lines(Rc<RefCell<LineState>>);

#[derive(Default)]
struct LineState {
    pending: VecDeque<Newline>,
    passed: u64,
    /// Quote characters seen so far: an odd count at the end means a quote never closed.
    quotes: u64,
    /// Byte offset where the record being parsed starts, to bound its size.
    record_start: u64,
    /// Set once a record grew past [`MAX_RECORD_BYTES`].
    too_long: bool,
    /// Every newline read, and whether the last byte read was not one (a last line
    /// without its newline).
    newlines: u64,
    unterminated: bool,
    /// Blank lines met before records.
    blank: u64,
}

#[derive(Clone, Copy)]
struct Newline {
    offset: u64,
    after_cr: bool,
}

impl Lines {
    /// The 1-based line a record starts on, from the byte offset the parser reports;
    /// offsets must be asked for in increasing order. The parser's offset points at any
    /// blank lines it skipped before the record, so newlines right there are counted too
    /// (as blank lines).
    pub fn line_at(&self, byte: u64) -> u64 {
        let mut state = self.0.borrow_mut();
        let LineState {
            pending,
            passed,
            blank,
            ..
        } = &mut *state;
        while pending.front().is_some_and(|nl| nl.offset < byte) {
            pending.pop_front();
            *passed += 1;
        }
        let mut pos = byte;
        while let Some(nl) = pending.front().copied() {
            let is_blank = nl.offset == pos || (nl.after_cr && nl.offset == pos + 1);
            if !is_blank {
                break;
            }
            pending.pop_front();
            *passed += 1;
            // After a CRLF row the parser may stop between its `\r` and `\n`: that `\n`
            // ends the row before, it is no blank line of its own.
            if !(nl.after_cr && nl.offset == byte) {
                *blank += 1;
            }
            pos = nl.offset + 1;
        }
        *passed + 1
    }

    /// The line of the record that ends just before `next` (the parser's position after
    /// reading it): the line of its last byte, its terminator included.
    pub fn end_line(&self, next: u64) -> u64 {
        let mut state = self.0.borrow_mut();
        let last = next.saturating_sub(1);
        while state.pending.front().is_some_and(|nl| nl.offset < last) {
            state.pending.pop_front();
            state.passed += 1;
        }
        state.passed + 1
    }

    pub fn quotes(&self) -> u64 {
        self.0.borrow().quotes
    }

    pub fn too_long(&self) -> bool {
        self.0.borrow().too_long
    }

    pub fn record_start(&self) -> u64 {
        self.0.borrow().record_start
    }

    pub fn set_record_start(&self, byte: u64) {
        self.0.borrow_mut().record_start = byte;
    }

    /// The account of the lines read so far. `header`, `blank_records` (rows of only
    /// separators) and `in_records` are counted by the table; `last_line` is the line
    /// its last row (or the header) ended on; `stopped` says that reading stopped short
    /// of the end, so the lines after that row were read but not parsed. Otherwise every
    /// line after the last row is blank.
    pub fn tally(
        &self,
        header: u64,
        blank_records: u64,
        in_records: u64,
        last_line: u64,
        stopped: bool,
    ) -> LineTally {
        let state = self.0.borrow();
        let total = state.newlines + u64::from(state.unterminated);
        let mut tally = LineTally {
            total,
            header,
            blank: state.blank + blank_records,
            in_records,
            not_read: 0,
        };
        let rest = total.saturating_sub(last_line);
        if stopped {
            tally.not_read = total.saturating_sub(header + tally.blank + in_records);
        } else {
            tally.blank += rest;
        }
        tally
    }
}

/// The parser's input: counts newlines and quotes as bytes go by, and refuses a record
/// longer than [`MAX_RECORD_BYTES`].
pub(super) struct LineCounter {
    inner: Box<dyn Read>,
    offset: u64,
    last: u8,
    lines: Lines,
}

impl LineCounter {
    pub fn new(inner: Box<dyn Read>, lines: Lines) -> LineCounter {
        LineCounter {
            inner,
            offset: 0,
            last: 0,
            lines,
        }
    }
}

impl Read for LineCounter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.lines.0.borrow_mut();
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                state.pending.push_back(Newline {
                    offset: self.offset + i as u64,
                    after_cr: self.last == b'\r',
                });
                state.newlines += 1;
            } else if *b == b'"' {
                state.quotes += 1;
            }
            self.last = *b;
        }
        self.offset += n as u64;
        if n > 0 {
            state.unterminated = self.last != b'\n';
        }
        // The parser reads ahead at most its buffer (8 KiB), so the offset read so far
        // bounds the record being parsed to within that much.
        if self.offset.saturating_sub(state.record_start) > MAX_RECORD_BYTES + 8192 {
            state.too_long = true;
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "record too long",
            ));
        }
        Ok(n)
    }
}
