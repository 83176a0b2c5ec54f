use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table};
use serde_json::{Map, Value};

use super::cell_text;

/// How a table lays out its cells.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// One record per row: numbers right-aligned so quantities line up.
    Rows,
    /// One field per row (`show` commands): everything left-aligned.
    Fields,
}

/// Renders rows as a table.
pub(super) fn render(
    columns: &[String],
    rows: &[Map<String, Value>],
    color: bool,
    layout: Layout,
) -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(columns.iter().map(|c| {
        let cell = Cell::new(c);
        if color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in rows {
        table.add_row(columns.iter().map(|c| {
            let v = row.get(c).unwrap_or(&Value::Null);
            let cell = Cell::new(cell_text(v));
            if layout == Layout::Rows && v.is_number() {
                cell.set_alignment(CellAlignment::Right)
            } else {
                cell
            }
        }));
    }
    table
}
