//! The story part of `show` views (`shipments show`, `po show`): one row per status
//! change, the change read as `from → to` like `orders show` tells it.

use serde::Serialize;

use crate::output::Section;
use crate::store::history::Change;

#[derive(Serialize, Default)]
struct StoryRow<'a> {
    at: &'a str,
    change: String,
    cause: &'a str,
    note: Option<&'a str>,
}

/// The `story` section: every field for CSV, `at  change  cause  note` for people.
pub(crate) fn section(story: &[Change]) -> anyhow::Result<Section> {
    let rows: Vec<StoryRow> = story
        .iter()
        .map(|c| StoryRow {
            at: &c.at,
            change: match &c.from {
                Some(from) if *from != c.to => format!("{from} → {}", c.to),
                Some(_) => c.to.clone(),
                None => format!("created {}", c.to),
            },
            cause: &c.cause,
            note: c.note.as_deref(),
        })
        .collect();
    Section::of("story", story)?.shown_as(&rows)
}
