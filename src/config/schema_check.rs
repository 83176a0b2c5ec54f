//! Reading `oms.toml` into the schema while collecting every schema mistake, not only the
//! first one serde stops at: the document is parsed once (keeping every span), and after
//! each error the entry it is about is taken out and the rest deserialized again, so a
//! person sees all of them in one `oms config check`. Messages are in plain words
//! (`expected a whole number`, never `expected u32`).

use std::collections::BTreeSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Config, locate};

/// A config that deserialized after its bad entries were taken out.
pub(super) struct Read {
    pub config: Option<Config>,
    /// `FILE:LINE:COL: key: message`, in the order found (sorted later with the rest).
    pub problems: Vec<String>,
    /// A whole table was taken out (it lacked a required key): cross-reference checks
    /// would then report things missing that are only unreadable, so they are skipped.
    pub dropped_table: bool,
}

/// Bounds the retries: each one removes an entry, so a real file never gets near it.
const MAX_ERRORS: usize = 500;

pub(super) fn read(file: &str, text: &str) -> Read {
    let mut doc = match DeTable::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            // A syntax error: what follows it cannot be trusted, so it is the only one.
            let at = e.span().map(|s| locate(text, &s)).unwrap_or_default();
            let key = e
                .span()
                .and_then(|s| super::key_at(text, s.start))
                .map(|k| format!(" {k}:"))
                .unwrap_or_default();
            return Read {
                config: None,
                problems: vec![format!("{file}{at}:{key} {}", e.message().trim())],
                dropped_table: false,
            };
        }
    };
    let mut problems = Vec::new();
    let mut removed: BTreeSet<String> = BTreeSet::new();
    let mut dropped_table = false;
    for _ in 0..MAX_ERRORS {
        let de = toml::de::Deserializer::from(doc.clone());
        let err = match serde::Deserialize::deserialize(de) {
            Ok(config) => {
                return Read {
                    config: Some(config),
                    problems,
                    dropped_table,
                };
            }
            Err(e) => e,
        };
        let span = err.span().unwrap_or(0..0);
        let removed_entry = err.span().and_then(|s| remove_at(doc.get_mut(), &s, ""));
        let Some((path, was_table)) = removed_entry else {
            // Nothing to take out: report it as serde said and stop.
            problems.push(format!(
                "{file}{}: {}",
                locate(text, &span),
                plain(err.message())
            ));
            break;
        };
        let message = err.message().trim();
        // An unknown table is referred to by nothing; a known one taken out may be.
        dropped_table |= was_table && quoted_after(message, "unknown field ").is_none();
        if let Some(field) = quoted_after(message, "missing field ")
            && removed.contains(&join(&path, field))
        {
            // The key was there but unreadable or misspelt, and that was said already.
            continue;
        }
        problems.push(describe(file, text, &span, &path, message));
        // A misspelt required key is one mistake: "did you mean `x`" covers "needs `x`".
        if let Some(unknown) = quoted_after(message, "unknown field ")
            && let Some(best) = nearest(unknown, &expected_list(message))
        {
            let section = path.rsplit_once('.').map_or("", |(s, _)| s);
            removed.insert(join(section, best));
        }
        removed.insert(path);
    }
    Read {
        config: None,
        problems,
        dropped_table,
    }
}

/// Takes out the innermost entry (key, value or array item) at `span.start`, returning its
/// dotted path and whether it was a table.
fn remove_at(table: &mut DeTable<'_>, span: &Range<usize>, prefix: &str) -> Option<(String, bool)> {
    let mut hit: Option<(Spanned<std::borrow::Cow<'_, str>>, String, bool)> = None;
    for (key, value) in table.iter_mut() {
        let path = join(prefix, key.get_ref());
        // An error at a key is about that key (an unknown one), not what is under it.
        if contains(&key.span(), span) {
            hit = Some((key.clone(), path, value.get_ref().is_table()));
            break;
        }
        if let Some(found) = remove_in_value(value, span, &path) {
            return Some(found);
        }
        if contains(&value.span(), span) {
            hit = Some((key.clone(), path, value.get_ref().is_table()));
            break;
        }
    }
    let (key, path, was_table) = hit?;
    table.remove(&key);
    Some((path, was_table))
}

fn remove_in_value(
    value: &mut Spanned<DeValue<'_>>,
    span: &Range<usize>,
    path: &str,
) -> Option<(String, bool)> {
    match value.get_mut() {
        DeValue::Table(t) => remove_at(t, span, path),
        DeValue::Array(items) => {
            let mut hit = None;
            for (i, item) in items.iter_mut().enumerate() {
                let item_path = format!("{path}[{i}]");
                if let Some(found) = remove_in_value(item, span, &item_path) {
                    return Some(found);
                }
                if contains(&item.span(), span) {
                    hit = Some((i, item_path, item.get_ref().is_table()));
                    break;
                }
            }
            let (i, item_path, was_table) = hit?;
            // DeArray has no `remove`; the array-of-tables flag only shapes its own errors.
            let mut kept = toml::de::DeArray::new();
            for (j, item) in items.iter().enumerate() {
                if j != i {
                    kept.push(item.clone());
                }
            }
            *items = kept;
            Some((item_path, was_table))
        }
        _ => None,
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.start < outer.end.max(outer.start + 1)
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// The text between the backticks following `lead`, e.g. the field of "missing field `x`".
fn quoted_after<'m>(message: &'m str, lead: &str) -> Option<&'m str> {
    let rest = message.strip_prefix(lead)?.strip_prefix('`')?;
    rest.split('`').next()
}

fn describe(file: &str, text: &str, span: &Range<usize>, path: &str, message: &str) -> String {
    let at = locate(text, span);
    let section = path.rsplit_once('.').map_or("", |(section, _)| section);
    if let Some(unknown) = quoted_after(message, "unknown field ") {
        let valid = expected_list(message);
        let place = if section.is_empty() {
            "at the top level".to_string()
        } else if section.contains('[') {
            format!("in {section}")
        } else {
            format!("in [{section}]")
        };
        let hint = match nearest(unknown, &valid) {
            Some(best) => format!("; did you mean `{best}`?"),
            None if valid.is_empty() => String::new(),
            None if valid.len() <= 12 => format!(" (valid keys: {})", valid.join(", ")),
            None => " (`oms config example` shows every key)".to_string(),
        };
        return format!("{file}{at}: {path}: unknown key `{unknown}` {place}{hint}");
    }
    if let Some(field) = quoted_after(message, "missing field ") {
        return format!("{file}{at}: {path}: needs `{field}`");
    }
    format!("{file}{at}: {path}: {}", plain(message))
}

/// The valid names listed by an unknown-field or unknown-variant message.
fn expected_list(message: &str) -> Vec<String> {
    let Some((_, list)) = message.split_once("expected ") else {
        return Vec::new();
    };
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The valid name closest to a typo, if it is close enough to be what was meant.
fn nearest<'v>(typo: &str, valid: &'v [String]) -> Option<&'v str> {
    let limit = (typo.chars().count() / 3).max(2);
    valid
        .iter()
        .map(|v| (distance(typo, v), v))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v.as_str())
}

/// Levenshtein distance, counting a swap of two neighbours as one edit (`prioirty`).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// serde's wording in plain words: "invalid type: string \"x\", expected u32" becomes
/// "expected a whole number of 0 or more, found the text \"x\"".
fn plain(message: &str) -> String {
    let message = message.trim();
    let body = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(body) = body
        && let Some((found, expected)) = body.split_once(", expected ")
    {
        return format!(
            "expected {}, found {}",
            expected_words(expected),
            found_words(found)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let value = rest.split('`').nth(1).unwrap_or(rest);
        let valid = expected_list(rest);
        return match valid.len() {
            0 => format!("`{value}` is not allowed here"),
            _ => format!(
                "`{value}` is not one of {}",
                valid
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    }
    if message == "wanted string or table" {
        // An enum given as a number or list: its words are in config.example.toml.
        return "expected a word in quotes (`oms config example` lists the choices)".into();
    }
    message.to_string()
}

fn expected_words(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a whole number of 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a string" | "a borrowed string" => "text (in quotes)".into(),
        "a sequence" => "a list (`[…]`)".into(),
        _ if e.starts_with("a map") || e.starts_with("struct ") || e.starts_with("a table") => {
            "a table (`{ … }` or a `[section]`)".into()
        }
        _ if e.starts_with("enum ") => "one of the listed words".into(),
        _ => e.to_string(),
    }
}

fn found_words(found: &str) -> String {
    let f = found.trim();
    let value = |f: &str| f.split('`').nth(1).unwrap_or(f).to_string();
    if let Some(s) = f.strip_prefix("string ") {
        return format!("the text {s}");
    }
    if f.starts_with("integer") || f.starts_with("floating point") || f.starts_with("boolean") {
        return value(f);
    }
    match f {
        "sequence" => "a list".into(),
        "map" => "a table".into(),
        _ => f.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_letters_are_one_edit() {
        assert_eq!(distance("prioirty", "priority"), 1);
        assert_eq!(distance("priorty", "priority"), 1);
        let valid = vec!["name".to_string(), "priority".to_string()];
        assert_eq!(nearest("prioirty", &valid), Some("priority"));
        assert_eq!(nearest("colour", &valid), None);
    }

    #[test]
    fn serde_words_become_plain_words() {
        assert_eq!(
            plain("invalid type: string \"x\", expected u32"),
            "expected a whole number of 0 or more, found the text \"x\""
        );
        assert_eq!(
            plain("invalid type: string \"yes\", expected a boolean"),
            "expected true or false, found the text \"yes\""
        );
        assert_eq!(
            plain("invalid type: integer `4`, expected a string"),
            "expected text (in quotes), found 4"
        );
    }
}
