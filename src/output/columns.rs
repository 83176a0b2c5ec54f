//! Which columns a table shows, how wide it may be, and the record-with-parts views of
//! `show` commands.

use serde::Serialize;
use serde_json::{Map, Value};

use super::table::Col;
use crate::error::usage;

/// The columns of a list: its compact default set for people, or those picked with
/// `--columns`. Empty `default`: every column.
#[derive(Debug, Default, Clone, Copy)]
pub struct Columns<'a> {
    /// In display order; `?name` marks an optional column, the first to go when the
    /// terminal is narrow.
    pub default: &'a [&'a str],
    /// As typed after `--columns` (`all` for every column).
    pub picked: &'a [String],
    /// Free text wraps within its column instead of being cut: for lists whose text is
    /// the point (`rejects` and its reasons).
    pub wrap: bool,
}

impl Columns<'_> {
    pub(super) fn every(names: &[String]) -> Vec<Col> {
        names
            .iter()
            .map(|n| Col {
                name: n.clone(),
                optional: false,
            })
            .collect()
    }

    /// The columns of `names` with something to say in `rows`: a report's empty column
    /// is left out of its table.
    pub(super) fn said(names: &[String], rows: &[Map<String, Value>]) -> Vec<Col> {
        names
            .iter()
            .filter(|n| rows.iter().any(|r| r.get(*n).is_some_and(|v| !is_blank(v))))
            .map(|n| Col {
                name: n.clone(),
                optional: false,
            })
            .collect()
    }

    /// The columns to show out of `every`, checking picked names against it.
    pub(super) fn resolve(
        &self,
        every: &[String],
        rows: &[Map<String, Value>],
    ) -> anyhow::Result<Vec<Col>> {
        let picked: Vec<&str> = self
            .picked
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        if picked == ["all"] {
            return Ok(Self::every(every));
        }
        if !picked.is_empty() {
            return picked
                .iter()
                .map(|p| match every.iter().find(|c| c.eq_ignore_ascii_case(p)) {
                    Some(c) => Ok(Col {
                        name: c.clone(),
                        optional: false,
                    }),
                    None => Err(usage(format!(
                        "unknown column `{p}`; the columns are: {} (or `all`)",
                        every.join(", ")
                    ))),
                })
                .collect();
        }
        if self.default.is_empty() {
            return Ok(Self::every(every));
        }
        // A default column that is empty in every row says nothing: it is left out.
        let said = |name: &str| {
            rows.is_empty()
                || rows
                    .iter()
                    .any(|r| r.get(name).is_some_and(|v| !is_blank(v)))
        };
        Ok(self
            .default
            .iter()
            .map(|d| (d.trim_start_matches('?'), d.starts_with('?')))
            .filter(|(name, _)| every.iter().any(|c| c == name) && said(name))
            .map(|(name, optional)| Col {
                name: name.to_string(),
                optional,
            })
            .collect())
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

/// The width tables must fit: `$COLUMNS` when set, else the terminal's; none when
/// stdout is not a terminal (a pipe gets whole rows).
pub(super) fn width() -> Option<usize> {
    let pinned = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0);
    pinned
        .or_else(|| comfy_table::Table::new().width().map(usize::from))
        .map(|w| w.max(20))
}

/// One part of a `show` view (its lines, its story), shown under its title.
#[derive(Debug, Clone)]
pub struct Section {
    pub title: &'static str,
    /// Every field, as CSV carries them.
    pub columns: Vec<String>,
    pub rows: Vec<Map<String, Value>>,
    /// What a table shows instead, when people read it better otherwise (a story's
    /// `from → to` in one column, no internal ids).
    pub(super) people: Option<Box<Section>>,
    /// Columns a narrow table leaves out first, without a note.
    pub(super) optional: Vec<String>,
}

impl Section {
    /// `T::default()` names the columns when there are no rows.
    pub fn of<T: Serialize + Default>(title: &'static str, rows: &[T]) -> anyhow::Result<Self> {
        let rows = rows
            .iter()
            .map(super::to_object)
            .collect::<anyhow::Result<Vec<_>>>()?;
        let columns = super::columns_of(rows.first(), &T::default())?;
        Ok(Section {
            title,
            columns,
            rows,
            people: None,
            optional: Vec::new(),
        })
    }

    /// Marks columns a narrow terminal may leave out without saying so.
    pub fn optional(mut self, names: &[&str]) -> Self {
        self.optional = names.iter().map(|n| n.to_string()).collect();
        self
    }

    /// Tables show `rows` instead of the section's own; CSV keeps every field.
    pub fn shown_as<T: Serialize + Default>(mut self, rows: &[T]) -> anyhow::Result<Self> {
        self.people = Some(Box::new(Section::of(self.title, rows)?));
        Ok(self)
    }

    /// The columns and rows a table shows; columns empty in every row are left out.
    pub(super) fn for_people(&self) -> (Vec<Col>, &[Map<String, Value>]) {
        let shown = self.people.as_deref().unwrap_or(self);
        let mut cols = Columns::said(&shown.columns, &shown.rows);
        for c in &mut cols {
            c.optional = self.optional.contains(&c.name);
        }
        (cols, &shown.rows)
    }
}

/// The record's own fields for a CSV row: nested records are sections of their own.
pub(super) fn scalar_fields(record: &Map<String, Value>) -> Map<String, Value> {
    record
        .iter()
        .filter(|(_, v)| {
            !v.is_object() && !v.as_array().is_some_and(|a| a.iter().any(Value::is_object))
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}
