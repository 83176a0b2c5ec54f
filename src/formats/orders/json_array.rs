//! Reading a JSON array one element at a time. Parsing the whole array at once would
//! hold every order in memory and let one typo lose them all, so the elements are cut
//! apart by a small scanner that only tracks strings and nesting, and each is parsed on
//! its own. Line and column of each element's start are kept for messages.

use std::io::BufRead;

/// Where an element starts (1-based line and byte column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    pub line: u64,
    pub column: u64,
}

/// Something wrong with the array itself rather than with one element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fault {
    pub line: u64,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Inside the array, before an element.
    Open,
    /// The closing `]` was read; only whitespace may follow.
    Closed,
    /// The input ended (or failed) inside the array.
    Truncated,
    Ended,
}

/// The elements of an array whose `[` has already been read.
pub(super) struct ArrayElements<R> {
    input: R,
    line: u64,
    column: u64,
    state: State,
}

impl<R: BufRead> ArrayElements<R> {
    /// `line` and `column` are those of the byte after the `[`.
    pub(super) fn new(input: R, line: u64, column: u64) -> Self {
        ArrayElements {
            input,
            line,
            column,
            state: State::Open,
        }
    }

    /// Reads the next element's bytes into `buf` and says where it started. `None` once
    /// the array is over; a `Fault` is reported once, and reading goes on when it can.
    pub(super) fn next(&mut self, buf: &mut Vec<u8>) -> Option<Result<Start, Fault>> {
        match self.state {
            State::Ended => None,
            State::Truncated => {
                self.state = State::Ended;
                Some(Err(self.fault(
                    "the array is never closed with `]`; the file may be cut short",
                )))
            }
            State::Closed => {
                self.state = State::Ended;
                match self.skip_whitespace() {
                    Ok(None) => None,
                    Ok(Some(_)) => Some(Err(self.fault("unexpected text after the closing `]`"))),
                    Err(e) => Some(Err(e)),
                }
            }
            State::Open => self.element(buf),
        }
    }

    fn element(&mut self, buf: &mut Vec<u8>) -> Option<Result<Start, Fault>> {
        let first = match self.skip_whitespace() {
            Err(e) => {
                self.state = State::Ended;
                return Some(Err(e));
            }
            Ok(None) => {
                self.state = State::Ended;
                return Some(Err(self.fault(
                    "the array is never closed with `]`; the file may be cut short",
                )));
            }
            Ok(Some(b)) => b,
        };
        let start = Start {
            line: self.line,
            column: self.column,
        };
        self.take();
        match first {
            b']' => {
                // `[]`, or a trailing comma before `]`: the array is simply over.
                self.state = State::Closed;
                return self.next(buf);
            }
            b',' => {
                return Some(Err(
                    self.fault_at(start.line, "an empty element (two commas in a row)")
                ));
            }
            _ => {}
        }
        buf.clear();
        buf.push(first);
        let mut depth = u32::from(matches!(first, b'{' | b'['));
        let mut in_string = first == b'"';
        let mut escaped = false;
        loop {
            let b = match self.peek() {
                Ok(Some(b)) => b,
                Ok(None) => {
                    // Hand out what there is: parsing it names what is missing.
                    self.state = State::Truncated;
                    return Some(Ok(start));
                }
                Err(e) => {
                    self.state = State::Ended;
                    return Some(Err(e));
                }
            };
            self.take();
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b',' if depth == 0 => return Some(Ok(start)),
                    b']' if depth == 0 => {
                        self.state = State::Closed;
                        return Some(Ok(start));
                    }
                    b'}' | b']' => depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            buf.push(b);
        }
    }

    /// Skips whitespace; the first other byte is peeked, not taken.
    fn skip_whitespace(&mut self) -> Result<Option<u8>, Fault> {
        while let Some(b) = self.peek()? {
            if !b.is_ascii_whitespace() {
                return Ok(Some(b));
            }
            self.take();
        }
        Ok(None)
    }

    fn peek(&mut self) -> Result<Option<u8>, Fault> {
        match self.input.fill_buf() {
            Ok(bytes) => Ok(bytes.first().copied()),
            Err(e) => Err(self.fault(&format!("cannot read: {e}"))),
        }
    }

    /// Moves past the byte [`peek`](Self::peek) returned.
    fn take(&mut self) {
        if let Ok(bytes) = self.input.fill_buf()
            && let Some(&b) = bytes.first()
        {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
            self.input.consume(1);
        }
    }

    fn fault(&self, message: &str) -> Fault {
        self.fault_at(self.line, message)
    }

    fn fault_at(&self, line: u64, message: &str) -> Fault {
        Fault {
            line,
            message: message.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `text` (which starts after the `[`) into element texts and faults.
    fn split(text: &str) -> Vec<Result<(u64, u64, String), Fault>> {
        let mut elements = ArrayElements::new(text.as_bytes(), 1, 2);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(next) = elements.next(&mut buf) {
            out.push(next.map(|s| (s.line, s.column, String::from_utf8_lossy(&buf).into_owned())));
        }
        out
    }

    #[test]
    fn elements_come_apart_with_their_positions() {
        let got = split(" {\"a\": [1, 2], \"s\": \"x,]}\\\"\"},\n  {\"b\": {}} ]\n");
        assert_eq!(
            got,
            [
                Ok((1, 3, "{\"a\": [1, 2], \"s\": \"x,]}\\\"\"}".to_string())),
                Ok((2, 3, "{\"b\": {}} ".to_string())),
            ]
        );
    }

    #[test]
    fn empty_arrays_and_trailing_commas_are_fine() {
        assert_eq!(split("]"), []);
        assert_eq!(split(" 1 ,]").len(), 1);
    }

    #[test]
    fn a_cut_short_array_says_so_after_its_last_element() {
        let got = split("{\"a\": 1}, {\"b\":");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].is_ok() && got[1].is_ok(),
            "both elements are handed out"
        );
        let fault = got[2].clone().unwrap_err();
        assert!(fault.message.contains("never closed"), "{fault:?}");
    }

    #[test]
    fn stray_commas_and_trailing_text_are_faults() {
        let got = split("1,,2] x");
        assert!(matches!(&got[0], Ok((_, _, t)) if t == "1"));
        assert!(
            got[1]
                .as_ref()
                .is_err_and(|f| f.message.contains("empty element"))
        );
        assert!(matches!(&got[2], Ok((_, _, t)) if t == "2"));
        assert!(
            got[3]
                .as_ref()
                .is_err_and(|f| f.message.contains("after the closing"))
        );
        assert_eq!(got.len(), 4);
    }
}
