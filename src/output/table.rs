//! Plain aligned tables in the manner of `gh`: no borders, two spaces between columns,
//! fitted to the terminal's width. A table too wide for the width first loses its
//! optional columns, then has its free-text columns cut with `…` at a word boundary,
//! and only then loses columns from the right; a word, a number or a timestamp is never
//! split over two lines.

use super::cell_text;
use super::text::{cut, is_timestamp, table_text, width_of, wrap};
use serde_json::{Map, Value};

/// How a table lays out its cells.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// One record per row (lists): numbers right-aligned so quantities line up; free
    /// text cut with `…` when narrow, the rest being a `--columns` or `-o json` away.
    Rows,
    /// Rows whose free text is the point (a report's messages, `status`): wrapped at
    /// word boundaries within its column instead of cut.
    Wrapped,
    /// One field per row (`show` commands), without a header: long values wrap at
    /// word boundaries under themselves.
    Fields,
}

/// A column to show; `optional` ones are the first to go when the width is short.
#[derive(Clone, Debug)]
pub(super) struct Col {
    pub name: String,
    pub optional: bool,
}

/// What was drawn, and the columns left out for want of width (besides optional ones).
pub(super) struct Drawn {
    pub text: String,
    pub hidden: Vec<String>,
}

const GAP: usize = 2;
/// A free-text column is not cut narrower than this (or its header, if wider).
const MIN_TEXT: usize = 8;
/// A wrapped column narrower than this would be a tall thin ribbon.
const MIN_WRAPPED: usize = 16;

/// Renders rows as a table no wider than `width` (no limit when `None`).
pub(super) fn render(
    cols: &[Col],
    rows: &[Map<String, Value>],
    color: bool,
    layout: Layout,
    width: Option<usize>,
) -> Drawn {
    match layout {
        Layout::Rows | Layout::Wrapped => rows_table(cols, rows, color, width, layout),
        Layout::Fields => Drawn {
            text: fields_table(rows, color, width),
            hidden: Vec::new(),
        },
    }
}

struct Column {
    name: String,
    optional: bool,
    cells: Vec<Vec<String>>,
    numeric: bool,
    /// Free text (words, paths): may be cut with `…`. Ids, numbers, codes and
    /// timestamps never are.
    text: bool,
    natural: usize,
    min: usize,
}

fn rows_table(
    cols: &[Col],
    rows: &[Map<String, Value>],
    color: bool,
    width: Option<usize>,
    layout: Layout,
) -> Drawn {
    let min_text = if layout == Layout::Wrapped {
        MIN_WRAPPED
    } else {
        MIN_TEXT
    };
    let mut columns: Vec<Column> = cols.iter().map(|c| column(c, rows, min_text)).collect();
    let mut hidden = Vec::new();
    if let Some(width) = width {
        // Optional columns go first, the rightmost first.
        while total(&columns) > width {
            match columns.iter().rposition(|c| c.optional) {
                Some(i) => {
                    columns.remove(i);
                }
                None => break,
            }
        }
        let mut widths = fit(&columns, width);
        while widths.iter().sum::<usize>() + gaps(columns.len()) > width && columns.len() > 1 {
            if let Some(last) = columns.pop() {
                hidden.push(last.name);
            }
            widths = fit(&columns, width);
        }
        hidden.reverse();
        for (c, w) in columns.iter_mut().zip(widths) {
            for lines in &mut c.cells {
                let fitted: Vec<String> = lines
                    .iter()
                    .flat_map(|line| match layout {
                        Layout::Wrapped if c.text => wrap(line, w),
                        _ => vec![line.clone()],
                    })
                    .map(|line| cut(&line, w))
                    .collect();
                *lines = fitted;
            }
            c.natural = w;
        }
    }
    let mut out = String::new();
    let header: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let mut header_line = String::new();
    for (i, (c, h)) in columns.iter().zip(&header).enumerate() {
        let pad = pad_to(h, c.natural, c.numeric, i + 1 == columns.len());
        header_line.push_str(&pad);
        if i + 1 < columns.len() {
            header_line.push_str(&" ".repeat(GAP));
        }
    }
    let header_line = header_line.trim_end();
    if color {
        out.push_str(&format!("\x1b[1m{header_line}\x1b[0m\n"));
    } else {
        out.push_str(header_line);
        out.push('\n');
    }
    for r in 0..rows.len() {
        let height = columns.iter().map(|c| c.cells[r].len()).max().unwrap_or(1);
        for l in 0..height {
            let mut line = String::new();
            for (i, c) in columns.iter().enumerate() {
                let text = c.cells[r].get(l).map(String::as_str).unwrap_or("");
                line.push_str(&pad_to(text, c.natural, c.numeric, i + 1 == columns.len()));
                if i + 1 < columns.len() {
                    line.push_str(&" ".repeat(GAP));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out.pop();
    Drawn { text: out, hidden }
}

fn column(c: &Col, rows: &[Map<String, Value>], min_text: usize) -> Column {
    let values: Vec<&Value> = rows
        .iter()
        .map(|r| r.get(&c.name).unwrap_or(&Value::Null))
        .collect();
    let cells: Vec<Vec<String>> = values
        .iter()
        .map(|v| {
            table_text(v)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .map(|l| if l.is_empty() { vec![String::new()] } else { l })
        .collect();
    let numeric = values.iter().all(|v| v.is_number() || v.is_null());
    let text = !numeric
        && cells
            .iter()
            .flatten()
            .any(|s| s.contains(char::is_whitespace) || width_of(s) > 24)
        && !cells
            .iter()
            .flatten()
            .all(|s| s.is_empty() || is_timestamp(s));
    // Words wrap (in a Wrapped layout); a long single token (a path) can only be cut.
    let words = cells
        .iter()
        .flatten()
        .any(|s| s.trim().contains(char::is_whitespace));
    let min_text = if words { min_text } else { MIN_TEXT };
    let header = width_of(&c.name);
    let natural = cells
        .iter()
        .flatten()
        .map(|s| width_of(s))
        .chain([header])
        .max()
        .unwrap_or(header);
    let min = if text {
        natural.min(header.max(min_text))
    } else {
        natural
    };
    Column {
        name: c.name.clone(),
        optional: c.optional,
        cells,
        numeric,
        text,
        natural,
        min,
    }
}

fn gaps(n: usize) -> usize {
    n.saturating_sub(1) * GAP
}

fn total(columns: &[Column]) -> usize {
    columns.iter().map(|c| c.natural).sum::<usize>() + gaps(columns.len())
}

/// Column widths for `width`: free-text columns give up width, the widest first, down
/// to their minimum. The sum may still exceed `width` when that is not enough.
fn fit(columns: &[Column], width: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = columns.iter().map(|c| c.natural).collect();
    let mut excess = (widths.iter().sum::<usize>() + gaps(columns.len())).saturating_sub(width);
    while excess > 0 {
        let widest = (0..columns.len())
            .filter(|&i| columns[i].text && widths[i] > columns[i].min)
            .max_by_key(|&i| widths[i]);
        match widest {
            Some(i) => {
                widths[i] -= 1;
                excess -= 1;
            }
            None => break,
        }
    }
    widths
}

fn pad_to(text: &str, width: usize, right: bool, last: bool) -> String {
    let fill = width.saturating_sub(width_of(text));
    if right {
        format!("{}{text}", " ".repeat(fill))
    } else if last {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(fill))
    }
}

/// `field  value` lines, values wrapped at word boundaries to the width.
fn fields_table(rows: &[Map<String, Value>], color: bool, width: Option<usize>) -> String {
    let pairs: Vec<(String, String)> = rows
        .iter()
        .filter_map(|r| {
            let field = r.get("field").map(cell_text)?;
            let value = table_text(r.get("value").unwrap_or(&Value::Null));
            Some((field, value))
        })
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let name_width = pairs.iter().map(|(f, _)| width_of(f)).max().unwrap_or(0);
    let room = width.map(|w| w.saturating_sub(name_width + GAP).max(20));
    let mut out = String::new();
    for (field, value) in &pairs {
        let mut lines = Vec::new();
        for line in value.lines() {
            match room {
                Some(room) => lines.extend(wrap(line, room)),
                None => lines.push(line.to_string()),
            }
        }
        for (i, line) in lines.iter().enumerate() {
            let name = if i == 0 { field.as_str() } else { "" };
            let padded = pad_to(name, name_width, false, false);
            let padded = if color && i == 0 {
                format!("\x1b[1m{padded}\x1b[0m")
            } else {
                padded
            };
            out.push_str(format!("{padded}{}{line}", " ".repeat(GAP)).trim_end());
            out.push('\n');
        }
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows(v: Value) -> Vec<Map<String, Value>> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_object().unwrap().clone())
            .collect()
    }

    fn cols(names: &[&str]) -> Vec<Col> {
        names
            .iter()
            .map(|n| Col {
                name: n.trim_start_matches('?').to_string(),
                optional: n.starts_with('?'),
            })
            .collect()
    }

    #[test]
    fn cuts_free_text_at_a_word_and_keeps_timestamps_whole() {
        let data = rows(json!([
            {"id": 1, "at": "2026-11-21T08:05:00Z", "note": "the warehouse said the parcel was lost in transit somewhere"},
        ]));
        let drawn = render(
            &cols(&["id", "at", "note"]),
            &data,
            false,
            Layout::Rows,
            Some(50),
        );
        for line in drawn.text.lines() {
            assert!(width_of(line) <= 50, "{line:?}");
        }
        assert!(drawn.text.contains("2026-11-21T08:05:00Z"));
        assert!(
            drawn.text.ends_with("the warehouse said the…"),
            "{}",
            drawn.text
        );
    }

    #[test]
    fn report_messages_wrap_at_words_instead_of_being_cut() {
        let data = rows(json!([
            {"sku": "TEE-BLK-S", "message": "the shop sells it but no warehouse has it in stock"},
        ]));
        let drawn = render(
            &cols(&["sku", "message"]),
            &data,
            false,
            Layout::Wrapped,
            Some(40),
        );
        assert_eq!(
            drawn.text,
            "sku        message\n\
             TEE-BLK-S  the shop sells it but no\n\
             \x20            warehouse has it in stock"
        );
    }

    #[test]
    fn optional_columns_go_first_then_columns_from_the_right() {
        let data = rows(json!([{"a": "aaaaaaaaaa", "b": "bbbbbbbbbb", "c": "cccccccccc"}]));
        let drawn = render(
            &cols(&["a", "?b", "c"]),
            &data,
            false,
            Layout::Rows,
            Some(25),
        );
        assert_eq!(drawn.text, "a           c\naaaaaaaaaa  cccccccccc");
        assert!(drawn.hidden.is_empty());
        let drawn = render(
            &cols(&["a", "b", "c"]),
            &data,
            false,
            Layout::Rows,
            Some(25),
        );
        assert_eq!(drawn.hidden, vec!["c".to_string()]);
    }

    #[test]
    fn numbers_align_right_and_nothing_trails() {
        let data = rows(json!([{"sku": "A", "qty": 5}, {"sku": "BB", "qty": 10}]));
        let drawn = render(&cols(&["sku", "qty"]), &data, false, Layout::Rows, None);
        assert_eq!(drawn.text, "sku  qty\nA      5\nBB    10");
    }
}
