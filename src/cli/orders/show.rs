//! `oms orders show N`: the order, its lines with shipped quantities, its shipments with
//! tracking, and its story. JSON gets one object with nested arrays, CSV one table per
//! part; people get one field/value list whose lines, shipments and story are short
//! sentences.

use rusqlite::Connection;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::cli::Ctx;
use crate::error::usage;
use crate::model::format_cents;
use crate::output::{Format, Section};
use crate::store::history::{self, Change};
use crate::store::order_lookup;
use crate::store::orders::{self, LineRow, OrderDetail};
use crate::store::returns::{self, ReturnHead, ReturnLine};
use crate::store::shipment_lots::{self, LotRow};
use crate::store::shipments::{self, ShipmentRow};

#[derive(Debug, Serialize, Default)]
pub struct OrderView {
    #[serde(flatten)]
    pub order: OrderDetail,
    pub lines: Vec<LineRow>,
    pub shipments: Vec<ShipmentRow>,
    /// The lots and serial numbers its warehouses reported shipping.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<LotRow>,
    /// Its RMAs (docs/returns.md), newest first, with what became of each line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub returns: Vec<ReturnView>,
    pub story: Vec<Change>,
}

#[derive(Debug, Serialize, Default)]
pub struct ReturnView {
    #[serde(flatten)]
    pub head: ReturnHead,
    pub lines: Vec<ReturnLine>,
}

/// The order id `args` names: an id, a shop's order name, or `--external`. Several
/// matches (the same name in two channels) are a usage error listing them all.
pub fn resolve(conn: &Connection, args: &super::ShowArgs) -> anyhow::Result<i64> {
    let channel = args.channel.as_deref();
    let (what, found) = match (&args.external, &args.order) {
        (Some(ext), _) => (
            format!("order with external id {ext}"),
            order_lookup::by_external(conn, ext.trim(), channel)?,
        ),
        (None, Some(text)) => {
            let text = text.trim();
            // Internal ids win: they are what every other command takes.
            if let Ok(id) = text.parse::<i64>()
                && channel.is_none()
                && orders::detail(conn, id)?.is_some()
            {
                return Ok(id);
            }
            (
                format!("order {text}"),
                order_lookup::by_name(conn, text, channel)?,
            )
        }
        (None, None) => return Err(usage("name the order: its id, its name, or --external ID")),
    };
    let within = channel
        .map(|c| format!(" in channel `{c}`"))
        .unwrap_or_default();
    match found.as_slice() {
        [] => Err(usage(format!(
            "there is no {what}{within} (try `oms orders list --search TEXT`)"
        ))),
        [one] => Ok(one.id),
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|c| {
                    format!(
                        "  {}  channel {}  external id {}  name {}  {}",
                        c.id,
                        c.channel,
                        c.external_id,
                        c.name.as_deref().unwrap_or("-"),
                        c.status
                    )
                })
                .collect();
            Err(usage(format!(
                "{what} matches {} orders; pass its id or --channel:\n{}",
                many.len(),
                list.join("\n")
            )))
        }
    }
}

pub fn load(conn: &Connection, id: i64) -> anyhow::Result<OrderView> {
    let order =
        orders::detail(conn, id)?.ok_or_else(|| usage(format!("there is no order {id}")))?;
    Ok(OrderView {
        lines: orders::lines(conn, id)?,
        shipments: shipments::of_order(conn, id)?,
        lots: shipment_lots::of_order(conn, id)?,
        returns: returns::list(conn, None, Some(id))?
            .into_iter()
            .map(|head| {
                Ok(ReturnView {
                    lines: returns::lines(conn, head.id)?,
                    head,
                })
            })
            .collect::<rusqlite::Result<_>>()?,
        story: history::of(conn, "order", id)?,
        order,
    })
}

pub fn print(ctx: &Ctx, conn: &Connection, id: i64) -> anyhow::Result<()> {
    let view = load(conn, id)?;
    if ctx.out.format != Format::Table {
        let sections = [
            Section::of("lines", &view.lines)?,
            Section::of("shipments", &view.shipments)?,
            Section::of("story", &view.story)?,
        ];
        return ctx.out.detail(&view, &view.order, &sections);
    }
    let mut fields: Map<String, Value> = match serde_json::to_value(&view.order)? {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    fields.retain(|_, v| !v.is_null() && *v != Value::Bool(false));
    let mut text = |name: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            fields.insert(name.to_string(), Value::String(lines.join("\n")));
        }
    };
    text("lines", lines_text(&view.lines));
    text(
        "shipments",
        view.shipments.iter().map(shipment_text).collect(),
    );
    text(
        "lots",
        view.lots
            .iter()
            .map(|l| format!("{} part {}: {} {}", l.shipment, l.part, l.sku, lot_text(l)))
            .collect(),
    );
    text("returns", view.returns.iter().map(return_text).collect());
    text("story", view.story.iter().map(change_text).collect());
    ctx.out.one(&fields)
}

/// The shop's lines in order, each bundle line followed by its component lines, indented.
fn lines_text(lines: &[LineRow]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    for l in lines.iter().filter(|l| l.from_shop()) {
        out.push(line_text(l));
        for c in lines.iter().filter(|c| c.bundle_line_id == Some(l.id)) {
            out.push(format!(
                "   ↳ {} × {} (component), {} shipped",
                c.sku, c.quantity, c.quantity_shipped
            ));
        }
    }
    out
}

fn line_text(l: &LineRow) -> String {
    let mut s = format!("{}. {} × {}", l.line_no, l.sku, l.quantity);
    if let Some(p) = l.price_cents {
        s.push_str(&format!(" at {}", format_cents(p)));
    }
    if let Some(t) = &l.title {
        s.push_str(&format!(" ({t})"));
    }
    if l.channel_sku.trim() != l.sku {
        s.push_str(&format!(", `{}` in the channel", l.channel_sku));
    }
    s.push_str(&format!(", {} shipped", l.quantity_shipped));
    s
}

fn shipment_text(s: &ShipmentRow) -> String {
    let mut t = format!("{} {} from {}", s.reference, s.status, s.warehouse);
    if let Some(c) = &s.carrier_service {
        t.push_str(&format!(" by {c}"));
    }
    if !s.tracking_numbers.is_empty() {
        t.push_str(&format!(", tracking {}", s.tracking_numbers.join(" ")));
    }
    if let Some(u) = &s.tracking_url {
        t.push_str(&format!(" {u}"));
    }
    if let Some(at) = &s.shipped_at {
        t.push_str(&format!(", shipped {at}"));
    }
    t
}

fn lot_text(l: &LotRow) -> String {
    l.to_shop(&l.sku).describe()
}

/// `RMA-000001 received (unwanted) into east: TEE-1 × 2 (1 restocked, 1 quarantined)`.
fn return_text(r: &ReturnView) -> String {
    let lines: Vec<String> = r
        .lines
        .iter()
        .map(|l| {
            let outcomes: Vec<String> = [
                (l.restocked, "restocked"),
                (l.quarantined, "quarantined"),
                (l.disposed, "disposed"),
                (l.remaining, "expected"),
            ]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
            let outcomes = if outcomes.is_empty() {
                "none arrived".to_string()
            } else {
                outcomes.join(", ")
            };
            format!("{} × {} ({outcomes})", l.sku, l.quantity)
        })
        .collect();
    let mut t = format!(
        "{} {} ({}) into {}: {}",
        r.head.number,
        r.head.status,
        r.head.reason,
        r.head.warehouse,
        lines.join("; ")
    );
    if let Some(x) = r.head.exchange_order_id {
        t.push_str(&format!("; exchange order {x}"));
    }
    t
}

fn change_text(c: &Change) -> String {
    let mut t = match &c.from {
        Some(from) if *from != c.to => format!("{}  {from} → {}", c.at, c.to),
        Some(_) => format!("{}  {}", c.at, c.to),
        None => format!("{}  created {}", c.at, c.to),
    };
    t.push_str(&format!("  ({})", c.cause));
    if let Some(n) = &c.note {
        t.push_str(&format!(": {n}"));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_lines_read_as_sentences() {
        let c = |from: Option<&str>, to: &str, note: Option<&str>| Change {
            at: "2025-03-04T15:15:00Z".into(),
            from: from.map(str::to_string),
            to: to.into(),
            cause: "run 3 (orders import)".into(),
            note: note.map(str::to_string),
        };
        assert_eq!(
            change_text(&c(None, "approved", None)),
            "2025-03-04T15:15:00Z  created approved  (run 3 (orders import))"
        );
        assert_eq!(
            change_text(&c(
                Some("approved"),
                "cancelled",
                Some("cancelled upstream")
            )),
            "2025-03-04T15:15:00Z  approved → cancelled  (run 3 (orders import)): cancelled upstream"
        );
        assert_eq!(
            change_text(&c(Some("draft"), "draft", Some("updated from the channel"))),
            "2025-03-04T15:15:00Z  draft  (run 3 (orders import)): updated from the channel"
        );
    }

    #[test]
    fn lines_say_what_was_shipped() {
        let l = LineRow {
            line_no: 1,
            sku: "TEE-BLK-S".into(),
            channel_sku: "shop-tee".into(),
            quantity: 2,
            price_cents: Some(1999),
            quantity_shipped: 1,
            ..Default::default()
        };
        assert_eq!(
            line_text(&l),
            "1. TEE-BLK-S × 2 at 19.99, `shop-tee` in the channel, 1 shipped"
        );
    }
}
