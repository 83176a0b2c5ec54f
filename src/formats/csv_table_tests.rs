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

#[test]
fn lossy_rows_name_the_bad_column_and_keep_the_rest() {
    let mut t = table(b"id,note\n1,ok\n2,caf\xe9\n3,fine\n");
    let (id, note) = (t.column("id"), t.column("NOTE"));
    assert!(
        t.next_row_lossy()
            .unwrap()
            .unwrap()
            .decode_problems()
            .next()
            .is_none()
    );
    let row = t.next_row_lossy().unwrap().unwrap();
    assert_eq!(row.at(id), Some("2"), "the row is still readable");
    assert_eq!(row.at(note), Some("caf\u{FFFD}"));
    let problems: Vec<String> = row.decode_problems().collect();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("t.csv:3: note: is not valid UTF-8"),
        "{problems:?}"
    );
    assert_eq!(t.next_row_lossy().unwrap().unwrap().line, 4);
    assert!(t.next_row_lossy().is_none());
}

#[test]
fn column_indexes_match_names_and_tolerate_absent_columns() {
    let mut t = table(b" Order ID ,Qty\n A ,2\n");
    let (id, qty, missing) = (t.column("order id"), t.column("qty"), t.column("nope"));
    assert_eq!((id, qty, missing), (Some(0), Some(1), None));
    let row = t.next_row().unwrap().unwrap();
    assert_eq!(
        (row.at(id), row.raw_at(id), row.at(missing)),
        (Some("A"), Some(" A "), None)
    );
}

#[test]
fn an_unclosed_quote_is_reported_at_the_end() {
    let mut t = table(b"id,note\n1,\"fine\"\n2,\"never closed\n3,x\n4,y\n");
    assert_eq!(t.next_row().unwrap().unwrap().line, 2);
    let row = t.next_row().unwrap().unwrap();
    assert_eq!(row.line, 3);
    assert!(
        row.raw("note").is_some_and(|n| n.contains("4,y")),
        "rest swallowed"
    );
    assert!(t.next_row().is_none());
    assert_eq!(t.unclosed_quote(), Some((3, "note".to_string())));

    let mut ok = table(b"id,note\n1,\"two\nlines\"\n");
    while ok.next_row().is_some() {}
    assert_eq!(
        ok.unclosed_quote(),
        None,
        "a closed multi-line value is fine"
    );
}

#[test]
fn a_read_error_ends_the_table() {
    struct Failing(u8);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.0 += 1;
            match self.0 {
                1 => {
                    let head = b"a,b\n1,2\n";
                    buf[..head.len()].copy_from_slice(head);
                    Ok(head.len())
                }
                _ => Err(std::io::Error::other("disk on fire")),
            }
        }
    }
    let mut t = CsvTable::open("t.csv", Box::new(Failing(0))).expect("open");
    let mut errors = 0;
    while let Some(row) = t.next_row_lossy() {
        if let Err(e) = row {
            assert!(e.message.contains("disk on fire"), "{e}");
            errors += 1;
        }
    }
    assert_eq!(
        errors, 1,
        "one error, then the end rather than an endless retry"
    );
}

/// Counts what the table pulled from its input, to show a refusal reads no further.
struct Counted(std::io::Cursor<Vec<u8>>, std::rc::Rc<std::cell::Cell<u64>>);

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1.set(self.1.get() + n as u64);
        Ok(n)
    }
}

fn counted(text: Vec<u8>) -> (Box<dyn Read>, std::rc::Rc<std::cell::Cell<u64>>) {
    let read = std::rc::Rc::new(std::cell::Cell::new(0));
    (
        Box::new(Counted(std::io::Cursor::new(text), read.clone())),
        read,
    )
}

#[test]
fn item5_a_line_without_newline_is_refused_at_the_record_limit() {
    let (input, read) = counted(vec![b'a'; 5 * MAX_RECORD_BYTES as usize]);
    let err = CsvTable::open("big.csv", input).err().expect("refused");
    assert_eq!(err.line, 1);
    assert!(err.message.contains("longer than 1048576 bytes"), "{err}");
    assert!(
        read.get() <= MAX_RECORD_BYTES + 16384,
        "read {}",
        read.get()
    );
}

#[test]
fn item5_a_record_over_the_limit_is_refused_naming_its_line() {
    let mut text = b"a,b\n1,2\n\n\"".to_vec();
    text.extend(std::iter::repeat_n(b'x', 3 * MAX_RECORD_BYTES as usize));
    text.extend_from_slice(b"\"\n3,4\n");
    let (input, read) = counted(text);
    let mut t = CsvTable::open("big.csv", input).expect("open");
    assert_eq!(t.next_row().unwrap().unwrap().line, 2);
    let err = t.next_row().unwrap().err().expect("refused");
    assert_eq!(err.line, 4, "{err}");
    assert!(err.message.contains("the rest of the file were not read"));
    assert!(t.next_row().is_none());
    assert!(
        read.get() <= MAX_RECORD_BYTES + 32768,
        "read {}",
        read.get()
    );
}

#[test]
fn item5_records_below_the_limit_still_read_whole() {
    let big = "y\n".repeat((MAX_RECORD_BYTES as usize - 64) / 2);
    let text = format!("a,b\n\"{big}\",1\n2,3\n\"{big}\",4\n");
    let mut t = table(text.as_bytes());
    for (line, b) in [(2, "1"), (big.len() as u64 / 2 + 3, "3"), (0, "4")] {
        let row = t.next_row().unwrap().unwrap();
        if line != 0 {
            assert_eq!(row.line, line);
        }
        assert_eq!(row.get("b"), Some(b));
    }
    assert!(t.next_row().is_none());
}

/// Reads every row and returns (start, end) lines of each, and the tally.
fn spans(text: &[u8]) -> (Vec<(u64, u64)>, LineTally) {
    let mut t = table(text);
    let mut out = Vec::new();
    while let Some(row) = t.next_row_lossy() {
        let row = row.unwrap();
        out.push((row.line, row.end_line));
    }
    (out, t.tally())
}

#[test]
fn every_physical_line_is_accounted_for() {
    // 1 header, 2 row, 3 blank, 4-5 one row, 6 separators only, 7 CRLF row,
    // 8-9 blank (CRLF, LF), 10 a last row without its newline.
    let (rows, tally) = spans(b"a,b,c\n1,2,3\n\n\"x\ny\",2,3\n,,\n4,5,6\r\n\r\n\n7,8,9");
    assert_eq!(rows, [(2, 2), (4, 5), (7, 7), (10, 10)]);
    assert_eq!(
        tally,
        LineTally {
            total: 10,
            header: 1,
            blank: 4,
            in_records: 5,
            not_read: 0
        }
    );
    // Blank lines after the last row, and a header-only file.
    let (_, tally) = spans(b"a,b\n1,2\n\n\n");
    assert_eq!((tally.total, tally.blank, tally.in_records), (4, 2, 1));
    let (rows, tally) = spans(b"a,b\n");
    assert!(rows.is_empty());
    assert_eq!((tally.total, tally.header, tally.blank), (1, 1, 0));
}

#[test]
fn lines_after_a_stop_are_not_read_and_say_so() {
    let mut text = b"a,b\n1,2\n3,\"".to_vec();
    text.extend(std::iter::repeat_n(
        b'x',
        (MAX_RECORD_BYTES + 20_000) as usize,
    ));
    text.extend(b"\"\n5,6\n");
    let mut t = table(&text);
    assert!(t.next_row().unwrap().is_ok());
    assert!(t.next_row().unwrap().is_err(), "the long record");
    assert!(t.next_row().is_none());
    let tally = t.tally();
    assert_eq!((tally.header, tally.in_records), (1, 1));
    assert_eq!(
        tally.total,
        tally.header + tally.blank + tally.in_records + tally.not_read,
        "{tally:?}"
    );
    assert!(tally.not_read >= 1, "{tally:?}");
}

#[test]
fn crlf_rows_are_not_blank_lines() {
    for (text, blank) in [
        (&b"a,b\n1,2\r\n3,4\n"[..], 0),
        (b"a,b\r\n1,2\r\n\r\n3,4\r\n", 1),
        (b"a,b\r\n1,2\r\n\r\n", 1),
    ] {
        let (rows, tally) = spans(text);
        assert!(!rows.is_empty());
        assert_eq!(
            tally.blank,
            blank,
            "{:?}: {tally:?}",
            String::from_utf8_lossy(text)
        );
        assert_eq!(
            tally.total,
            tally.header + tally.blank + tally.in_records,
            "{tally:?}"
        );
    }
}
