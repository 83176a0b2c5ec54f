//! Cell text for people: display widths, cutting with `…` and wrapping at words.

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use super::cell_text;

pub(super) fn width_of(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `2026-11-21T08:05:00Z`, `2026-11-25`: kept whole, like a number.
pub(super) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && !s.contains(' ')
}

/// `text` cut to `width` with `…`, at the last space when there is one in the second
/// half (so words stay whole), else at the character. A path keeps its end instead
/// (`…/inbox/orders-1.csv:12`): the file name and line are what tell it apart.
pub(super) fn cut(text: &str, width: usize) -> String {
    if width_of(text) <= width {
        return text.to_string();
    }
    let lead = text.len() - text.trim_start().len();
    let (indent, body) = text.split_at(lead);
    if body.contains('/') && !body.contains(char::is_whitespace) {
        let room = width.saturating_sub(width_of(indent) + 1);
        let mut tail: Vec<char> = Vec::new();
        let mut used = 0;
        for ch in body.chars().rev() {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            tail.push(ch);
        }
        let mut tail: String = tail.into_iter().rev().collect();
        // Start at a folder boundary when one is near: `…/inbox/x.csv`, not `…box/x.csv`.
        if let Some(slash) = tail.find('/')
            && slash > 0
            && slash * 2 <= tail.len()
        {
            tail = tail[slash..].to_string();
        }
        return format!("{indent}…{tail}");
    }
    let mut kept = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept.push(ch);
    }
    if let Some(space) = kept.rfind(' ')
        && width_of(&kept[..space]) * 2 >= width
    {
        kept.truncate(space);
    }
    let kept = kept.trim_end_matches([' ', ',', ';', ':']);
    format!("{kept}…")
}

/// Breaks `line` at spaces into lines of at most `room`. A word longer than `room` (a
/// scope such as `write_merchant_managed_fulfillment_orders`) is broken rather than cut
/// with `…`: wrapped text exists to show all of itself.
/// Continuation lines are indented by two spaces.
pub(super) fn wrap(line: &str, room: usize) -> Vec<String> {
    wrap_at_words(line, room)
        .into_iter()
        .flat_map(|l| break_long(l, room))
        .collect()
}

fn wrap_at_words(line: &str, room: usize) -> Vec<String> {
    if width_of(line) <= room {
        return vec![line.to_string()];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    // Each word keeps the spaces after it, so the text's own spacing survives.
    for chunk in line.split_inclusive(' ') {
        let word = chunk.trim_end();
        if !current.trim().is_empty() && width_of(&current) + width_of(word) > room {
            lines.push(current.trim_end().to_string());
            current = "  ".to_string();
            if word.is_empty() {
                continue;
            }
        }
        current.push_str(chunk);
    }
    if !current.trim().is_empty() {
        lines.push(current.trim_end().to_string());
    }
    lines
}

/// A line still wider than `room` in pieces of at most `room`, the later ones indented
/// like any continuation. A piece ends after the last `_`, `-`, `/` or `.` that leaves it at
/// least half full (`write_merchant_managed_` / `fulfillment_orders`), else where the room
/// ends. Too narrow a room to make progress leaves the line to `cut`.
fn break_long(line: String, room: usize) -> Vec<String> {
    const INDENT: &str = "  ";
    if width_of(&line) <= room || room <= INDENT.len() + 1 {
        return vec![line];
    }
    let mut pieces = Vec::new();
    let (mut rest, mut lead) = (line.as_str(), "");
    loop {
        let room_left = room - lead.len();
        if width_of(rest) <= room_left {
            pieces.push(format!("{lead}{rest}"));
            return pieces;
        }
        let (mut end, mut used) = (0, 0);
        for (i, ch) in rest.char_indices() {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if used + w > room_left {
                break;
            }
            used += w;
            end = i + ch.len_utf8();
        }
        if end == 0 {
            pieces.push(format!("{lead}{rest}"));
            return pieces;
        }
        let head = &rest[..end];
        let at = head
            .rfind(['_', '-', '/', '.'])
            .map(|i| i + 1)
            .filter(|&i| width_of(&head[..i]) * 2 >= room_left)
            .unwrap_or(end);
        pieces.push(format!("{lead}{}", &rest[..at]));
        rest = &rest[at..];
        lead = INDENT;
    }
}

/// A cell for people: objects read `name value, …` (zero counts left out), arrays of
/// records one per line, never JSON.
pub(super) fn table_text(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let parts: Vec<String> = m
                .iter()
                .filter(|(_, v)| !v.is_null() && v.as_i64() != Some(0))
                .map(|(k, v)| format!("{k} {}", table_text(v)))
                .collect();
            parts.join(", ")
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            items.iter().map(table_text).collect::<Vec<_>>().join("\n")
        }
        Value::Array(items) => items.iter().map(table_text).collect::<Vec<_>>().join(", "),
        other => cell_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_path_keeps_its_end() {
        assert_eq!(
            cut("/tmp/ws/channels/web/inbox/orders-1.csv:12:", 24),
            "…/inbox/orders-1.csv:12:"
        );
        assert_eq!(cut("  /a/b/c/d/e/f", 8), "  …/e/f");
        assert_eq!(
            cut("/tmp/ws/channels/web/orders.csv", 20),
            "…/web/orders.csv"
        );
    }

    #[test]
    fn counts_read_as_words() {
        assert_eq!(
            table_text(&json!({"sent": 10, "refused": 0, "kept": 2})),
            "sent 10, kept 2"
        );
    }

    #[test]
    fn field_values_wrap_at_spaces() {
        assert_eq!(
            wrap("one two three four", 9),
            vec!["one two", "  three", "  four"]
        );
    }

    #[test]
    fn a_word_longer_than_the_room_is_broken_not_cut() {
        assert_eq!(
            wrap("scopes read_orders, write_merchant_managed", 14),
            vec![
                "scopes",
                "  read_orders,",
                "  write_",
                "  merchant_",
                "  managed"
            ]
        );
    }
}
