//! Turning CSV rows into orders: both CSV layouts have one row per order line, with the
//! rows of one order next to each other and its order-level columns on the first row
//! (and possibly repeated). This file does the grouping; a [`Layout`] knows the columns.

use crate::formats::csv_table::{CsvRow, CsvTable, LineTally};
use crate::model::order::{OrderIn, OrderLineIn};

use super::{SeenIds, check_complete};

/// What a CSV order layout has to say about its columns.
pub(super) trait Layout {
    /// Per-order values a layout needs until the order is complete (e.g. a status cell).
    type Scratch: Default;

    /// The column that groups rows into orders, as named in messages.
    const KEY: &'static str;

    /// The grouping value of a row; `None` when empty.
    fn key<'r>(&self, row: &'r CsvRow<'_>) -> Option<&'r str>;

    /// Folds one row (the first one too) into the order being read.
    fn add_row(&self, order: &mut OrderIn, scratch: &mut Self::Scratch, row: &CsvRow<'_>);

    /// Settles what could only be decided once all rows are in.
    fn finish(&self, order: &mut OrderIn, key: &str, scratch: Self::Scratch);
}

/// The order being read: rows are added while their key stays the same.
struct Draft<S> {
    key: String,
    order: OrderIn,
    scratch: S,
}

/// An iterator of orders over a CSV table; see `super::read_orders`.
pub(super) struct CsvOrders<L: Layout> {
    table: CsvTable,
    layout: L,
    current: Option<Draft<L::Scratch>>,
    /// An order that is complete but has to wait for the one before it to be handed out.
    queued: Option<OrderIn>,
    seen: SeenIds,
    done: bool,
}

impl<L: Layout> CsvOrders<L> {
    pub(super) fn new(table: CsvTable, layout: L) -> Self {
        CsvOrders {
            table,
            layout,
            current: None,
            queued: None,
            seen: SeenIds::new(),
            done: false,
        }
    }

    /// How the file's physical lines were accounted for (complete once exhausted).
    pub(super) fn tally(&self) -> LineTally {
        self.table.tally()
    }

    /// The last order, plus what the end of the file has to say about it.
    fn at_end(&mut self) -> Option<OrderIn> {
        let mut last = self.current.take().map(|d| self.finish(d));
        if let Some((line, column)) = self.table.unclosed_quote() {
            let problem = format!(
                "{}:{line}: {column}: a quoted value starts on this row and is never closed, \
                 so the rest of the file was read into it",
                self.table.source()
            );
            match &mut last {
                Some(order) => order.problems.push(problem),
                None => return Some(unattributed(self.table.source(), line, problem)),
            }
        }
        last
    }

    fn finish(&self, draft: Draft<L::Scratch>) -> OrderIn {
        let mut order = draft.order;
        self.layout.finish(&mut order, &draft.key, draft.scratch);
        check_complete(&mut order);
        order
    }
}

impl<L: Layout> Iterator for CsvOrders<L> {
    type Item = OrderIn;

    fn next(&mut self) -> Option<OrderIn> {
        if let Some(order) = self.queued.take() {
            return Some(order);
        }
        if self.done {
            return None;
        }
        loop {
            let row = match self.table.next_row_lossy() {
                Some(Ok(row)) => row,
                None => {
                    self.done = true;
                    return self.at_end();
                }
                Some(Err(e)) => {
                    // The input failed under us; what was read so far may be incomplete.
                    self.done = true;
                    let problem = format!("{e} (the rest of the file could not be read)");
                    let Some(draft) = self.current.take() else {
                        return Some(unattributed(&e.source_name, e.line, problem));
                    };
                    let mut order = self.finish(draft);
                    order.problems.push(problem);
                    return Some(order);
                }
            };
            let key = self.layout.key(&row);
            if let (Some(key), Some(draft)) = (key, &mut self.current)
                && draft.key == key
            {
                add_row(&self.layout, draft, &row);
                continue;
            }

            // The row starts a new order: the one before it, if any, is complete.
            let mut draft = Draft {
                key: key.unwrap_or_default().to_string(),
                order: OrderIn {
                    source: row.location(),
                    ..OrderIn::default()
                },
                scratch: L::Scratch::default(),
            };
            match key {
                None => draft.order.problems.push(row.problem(
                    L::KEY,
                    "is empty, so this row cannot be matched to an order",
                )),
                Some(key) => {
                    if let Some(first) = self.seen.earlier(key, row.line) {
                        draft.order.problems.push(row.problem(
                            L::KEY,
                            format!(
                                "`{key}` already appeared on line {first}; \
                                 the rows of one order must be next to each other"
                            ),
                        ));
                    }
                }
            }
            let orphan = key.is_none();
            add_row(&self.layout, &mut draft, &row);
            if orphan {
                // Nothing can join a row without a key, so it is complete at once.
                let orphan = self.finish(draft);
                let Some(previous) = self.current.take() else {
                    return Some(orphan);
                };
                self.queued = Some(orphan);
                return Some(self.finish(previous));
            }
            if let Some(previous) = self.current.replace(draft) {
                return Some(self.finish(previous));
            }
        }
    }
}

fn add_row<L: Layout>(layout: &L, draft: &mut Draft<L::Scratch>, row: &CsvRow<'_>) {
    draft.order.lines_read += row.end_line + 1 - row.line;
    draft.order.problems.extend(row.decode_problems());
    draft.order.problems.extend(row.swallowed_rows(L::KEY));
    layout.add_row(&mut draft.order, &mut draft.scratch, row);
}

/// Input that belongs to no order it can name: an order with no id, holding the problem.
fn unattributed(source_name: &str, line: u64, problem: String) -> OrderIn {
    OrderIn {
        source: format!("{source_name}:{line}"),
        problems: vec![problem],
        ..OrderIn::default()
    }
}

/// Takes an order-level text value from a row. The first non-empty value wins; a later
/// row saying something else is a problem, because it means rows of different orders
/// were mixed up, and guessing which is right could ship the wrong thing.
pub(super) fn merge_text(
    slot: &mut Option<String>,
    value: Option<&str>,
    row: &CsvRow<'_>,
    field: &str,
    problems: &mut Vec<String>,
) {
    let Some(value) = value else { return };
    match slot {
        None => *slot = Some(value.to_string()),
        Some(first) if first == value => {}
        Some(first) => problems.push(row.problem(
            field,
            format!("`{value}` differs from `{first}` given earlier for this order"),
        )),
    }
}

/// [`merge_text`] for a timestamp, stored normalised (see `normalize_timestamp`); one
/// that cannot be read is a problem and is kept as written.
pub(super) fn merge_time(
    slot: &mut Option<String>,
    value: Option<&str>,
    row: &CsvRow<'_>,
    field: &str,
    problems: &mut Vec<String>,
) {
    merge_time_as(
        slot,
        value,
        row,
        field,
        problems,
        crate::model::order::normalize_timestamp,
    );
}

/// [`merge_time`] with its own reading of the value (`cancel_after`'s dates end the day).
pub(super) fn merge_time_as(
    slot: &mut Option<String>,
    value: Option<&str>,
    row: &CsvRow<'_>,
    field: &str,
    problems: &mut Vec<String>,
    normalize: fn(&str) -> Option<String>,
) {
    let Some(value) = value else { return };
    // Repeated cells are usually written exactly as the stored form: skip parsing them.
    if slot.as_deref() == Some(value) {
        return;
    }
    match normalize(value) {
        Some(normal) => merge_text(slot, Some(&normal), row, field, problems),
        None => {
            problems.push(row.problem(field, format!("`{value}` is not a date and time")));
            if slot.is_none() {
                *slot = Some(value.to_string());
            }
        }
    }
}

/// [`merge_text`] for an amount in cents.
pub(super) fn merge_cents(
    slot: &mut Option<i64>,
    value: Option<&str>,
    row: &CsvRow<'_>,
    field: &str,
    problems: &mut Vec<String>,
) {
    let Some(value) = value else { return };
    match crate::model::parse_cents(value) {
        Err(e) => problems.push(row.problem(field, e)),
        Ok(cents) => match *slot {
            None => *slot = Some(cents),
            Some(first) if first == cents => {}
            Some(first) => problems.push(row.problem(
                field,
                format!(
                    "`{value}` differs from `{}` given earlier for this order",
                    crate::model::format_cents(first)
                ),
            )),
        },
    }
}

/// [`merge_text`] for a tag cell, compared tag by tag so `a,b` and `a; b` agree.
pub(super) fn merge_tags(
    tags: &mut Vec<String>,
    value: Option<&str>,
    row: &CsvRow<'_>,
    field: &str,
    problems: &mut Vec<String>,
) {
    let Some(value) = value else { return };
    if tags.is_empty() {
        *tags = crate::model::order::split_tags(value);
    } else if !crate::model::order::tags_in(value).eq(tags.iter().map(String::as_str)) {
        problems.push(row.problem(
            field,
            format!(
                "`{value}` differs from `{}` given earlier for this order",
                tags.join(", ")
            ),
        ));
    }
}

/// Where a layout keeps its line columns, and what it calls them in messages.
pub(super) struct LineColumns {
    pub sku: Option<usize>,
    pub quantity: Option<usize>,
    pub price: Option<usize>,
    pub title: Option<usize>,
    pub line_id: Option<usize>,
    /// The headers of sku, quantity and price, as the file's users know them.
    pub names: [&'static str; 3],
}

impl LineColumns {
    /// The order line a row holds. Bad values are recorded and the line is kept, so that
    /// the rejection shows everything the file said.
    pub(super) fn read(&self, row: &CsvRow<'_>, problems: &mut Vec<String>) -> OrderLineIn {
        let [sku_name, quantity_name, price_name] = self.names;
        let sku = row.at(self.sku).unwrap_or_default();
        if sku.is_empty() {
            problems.push(row.problem(sku_name, "is empty"));
        }
        let (quantity, bad) = super::quantity(row.at(self.quantity));
        if let Some(why) = bad {
            problems.push(row.problem(quantity_name, why));
        }
        let price_cents =
            row.at(self.price)
                .and_then(|price| match crate::model::parse_cents(price) {
                    Ok(cents) => Some(cents),
                    Err(e) => {
                        problems.push(row.problem(price_name, e));
                        None
                    }
                });
        OrderLineIn {
            sku: sku.to_string(),
            quantity,
            price_cents,
            title: row.at(self.title).map(str::to_string),
            external_line_id: row.at(self.line_id).map(str::to_string),
            source: row.location(),
        }
    }
}
