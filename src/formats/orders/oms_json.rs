//! oms-json: a JSON array of order objects, or NDJSON with one order object per line
//! (docs/order-files.md). Both are read one record at a time; a malformed record is a
//! problem on its own and the records around it are still read.

use std::io::{BufRead, BufReader, Read};

use crate::model::order::OrderIn;

use super::json_array::{ArrayElements, Fault};
use super::{FileError, SeenIds, check_complete};

type Input = BufReader<Box<dyn Read>>;

pub(super) fn open(source: &str, input: Box<dyn Read>) -> Result<JsonOrders, FileError> {
    let err = |line, message: &str| FileError {
        source_name: source.to_string(),
        line,
        message: message.to_string(),
    };
    let mut input = BufReader::with_capacity(64 * 1024, input);
    let mut line = 1;
    let first = loop {
        let bytes = input
            .fill_buf()
            .map_err(|e| err(0, &format!("cannot read: {e}")))?;
        let Some(&b) = bytes.first() else {
            return Err(err(0, "the file is empty"));
        };
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            input.consume(3);
        } else if b.is_ascii_whitespace() {
            line += u64::from(b == b'\n');
            input.consume(1);
        } else {
            break b;
        }
    };
    let mode = match first {
        b'[' => {
            input.consume(1);
            Mode::Array(ArrayElements::new(input, line, 2))
        }
        b'{' => {
            let rest = input
                .fill_buf()
                .map_err(|e| err(line, &format!("cannot read: {e}")))?;
            let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            let after_brace = rest.get(1..end).unwrap_or_default();
            if after_brace.iter().all(u8::is_ascii_whitespace) {
                return Err(err(
                    line,
                    "a lone `{` on a line looks like one pretty-printed object; oms-json \
                     wants an array of orders `[...]` or one order object per line",
                ));
            }
            Mode::Lines {
                input,
                line: line - 1,
            }
        }
        _ => {
            return Err(err(
                line,
                "not oms-json: expected an array of orders `[...]` or one order object per line",
            ));
        }
    };
    Ok(JsonOrders {
        source: source.to_string(),
        mode,
        record: 0,
        seen: SeenIds::new(),
        buf: Vec::new(),
    })
}

/// An iterator of orders over oms-json input; see `super::read_orders`.
pub(super) struct JsonOrders {
    source: String,
    mode: Mode,
    /// Records read so far; messages count records from 1.
    record: u64,
    seen: SeenIds,
    /// Reused for every record.
    buf: Vec<u8>,
}

enum Mode {
    /// NDJSON; `line` is the last line read.
    Lines {
        input: Input,
        line: u64,
    },
    Array(ArrayElements<Input>),
    Ended,
}

impl Iterator for JsonOrders {
    type Item = OrderIn;

    fn next(&mut self) -> Option<OrderIn> {
        let (line, column) = match &mut self.mode {
            Mode::Ended => return None,
            Mode::Lines { input, line } => loop {
                self.buf.clear();
                match input.read_until(b'\n', &mut self.buf) {
                    Ok(0) => {
                        self.mode = Mode::Ended;
                        return None;
                    }
                    Ok(_) => {
                        *line += 1;
                        if !self.buf.iter().all(u8::is_ascii_whitespace) {
                            break (*line, 1);
                        }
                    }
                    Err(e) => {
                        let fault = Fault {
                            line: *line + 1,
                            message: format!("cannot read: {e}"),
                        };
                        self.mode = Mode::Ended;
                        return Some(self.fault(fault));
                    }
                }
            },
            Mode::Array(elements) => match elements.next(&mut self.buf)? {
                Ok(start) => (start.line, start.column),
                Err(fault) => return Some(self.fault(fault)),
            },
        };
        self.record += 1;
        Some(self.order(line, column))
    }
}

impl JsonOrders {
    /// The order in `buf`, which starts at `line` and `column`.
    fn order(&mut self, line: u64, column: u64) -> OrderIn {
        // Without trailing line ends, a record cut short is reported at its own end
        // rather than at column 0 of the next line.
        while self.buf.last().is_some_and(u8::is_ascii_whitespace) {
            self.buf.pop();
        }
        let source = format!("{}:{line}", self.source);
        let at = format!("{source}: record {}", self.record);
        let problem = match serde_json::from_slice::<serde_json::Value>(&self.buf) {
            Ok(serde_json::Value::Object(object)) => {
                let mut order = super::json_fields::order(&object, &at, source);
                if !order.external_id.is_empty()
                    && let Some(first) = self.seen.earlier(&order.external_id, line)
                {
                    order.problems.push(format!(
                        "{at}: external_id: `{}` already appeared on line {first}",
                        order.external_id
                    ));
                }
                check_complete(&mut order);
                return order;
            }
            Ok(other) => format!(
                "{at}: expected an order object, found {}",
                super::json_fields::kind(&other)
            ),
            Err(e) => {
                // serde counts from the record's start; make it the file's line and column.
                let err_line = line + (e.line() as u64).saturating_sub(1);
                let err_column = if e.line() <= 1 {
                    column + (e.column() as u64).saturating_sub(1)
                } else {
                    e.column() as u64
                };
                let text = e.to_string();
                let what = text
                    .rsplit_once(" at line ")
                    .map_or(text.as_str(), |(w, _)| w);
                format!(
                    "{}:{err_line}: record {}: malformed JSON at column {err_column}: {what}",
                    self.source, self.record
                )
            }
        };
        // A record that is no order has no id to be filed under; its record number keeps
        // several of them on one line (`[1,2,3]`) apart, so each is its own rejection.
        OrderIn {
            source: format!("{source} (record {})", self.record),
            problems: vec![problem],
            ..OrderIn::default()
        }
    }

    /// A problem with the file rather than a record: an order without id holding it.
    fn fault(&self, fault: Fault) -> OrderIn {
        OrderIn {
            source: format!("{}:{}", self.source, fault.line),
            problems: vec![format!("{}:{}: {}", self.source, fault.line, fault.message)],
            ..OrderIn::default()
        }
    }
}

#[cfg(test)]
#[path = "oms_json_tests.rs"]
mod tests;
