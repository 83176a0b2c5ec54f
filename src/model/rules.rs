//! The condition tree of order rules (docs/rules.md) and its evaluation. Pure: the facts
//! about an order are handed in, and every answer says which condition failed, so
//! `oms rules test` can show a person why a rule did or did not match.
//!
//! A rule's own table and each `all`/`any`/`not` entry share one set of condition keys
//! ([`conditions!`] writes them once for both); the keys given in one table must all hold.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::order::Address;
use super::sku_key;

/// `stock_below = { sku = "TEE-BLK-M", quantity = 10 }`: fewer than `quantity` units of the
/// SKU are available (rules evaluated at processing only, where stock is known).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StockBelow {
    pub sku: Spanned<String>,
    pub quantity: i64,
}

/// Declares a struct holding every condition key next to the given fields, with its
/// [`Conditions`] impl. Used for [`Cond`] and for the config's order rule.
macro_rules! conditions {
    ($(#[$meta:meta])* pub struct $name:ident { $($extra:tt)* }) => {
        $(#[$meta])*
        pub struct $name {
            /// Every one of these holds.
            #[serde(default)]
            pub all: Vec<$crate::model::rules::Cond>,
            /// At least one of these holds.
            #[serde(default)]
            pub any: Vec<$crate::model::rules::Cond>,
            /// This does not hold.
            pub not: Option<Box<$crate::model::rules::Cond>>,
            /// The order's name or its id in the sales channel.
            pub order: Option<String>,
            /// The order carries this tag.
            pub tag: Option<String>,
            /// The sales channel the order came from (`manual` for orders made by hand).
            pub source: Option<String>,
            /// Ship-to country code.
            pub country: Option<String>,
            /// Ship-to state or province.
            pub province: Option<String>,
            pub city: Option<String>,
            /// The postal code starts with this.
            pub zip_prefix: Option<String>,
            /// Address line 1 or 2 contains this.
            pub address: Option<String>,
            pub company: Option<String>,
            /// The total of the lines (quantity × price) is above this amount.
            pub total_over: Option<f64>,
            pub total_under: Option<f64>,
            pub units_over: Option<i64>,
            pub units_under: Option<i64>,
            /// More order lines than this.
            pub lines_over: Option<i64>,
            pub lines_under: Option<i64>,
            /// Some line has this SKU.
            pub sku: Option<String>,
            /// The shop's shipping method.
            pub shipping_method: Option<String>,
            /// The order's carrier service code.
            pub carrier_service_is: Option<Spanned<String>>,
            pub requested_warehouse: Option<Spanned<String>>,
            /// The order's status (at import: what it starts as so far).
            pub status_is: Option<Spanned<String>>,
            pub stock_below: Option<$crate::model::rules::StockBelow>,
            $($extra)*
        }

        impl $crate::model::rules::Conditions for $name {
            fn parts(&self) -> $crate::model::rules::Parts<'_> {
                $crate::model::rules::Parts {
                    all: &self.all,
                    any: &self.any,
                    not: self.not.as_deref(),
                    order: self.order.as_deref(),
                    tag: self.tag.as_deref(),
                    source: self.source.as_deref(),
                    country: self.country.as_deref(),
                    province: self.province.as_deref(),
                    city: self.city.as_deref(),
                    zip_prefix: self.zip_prefix.as_deref(),
                    address: self.address.as_deref(),
                    company: self.company.as_deref(),
                    total_over: self.total_over,
                    total_under: self.total_under,
                    units_over: self.units_over,
                    units_under: self.units_under,
                    lines_over: self.lines_over,
                    lines_under: self.lines_under,
                    sku: self.sku.as_deref(),
                    shipping_method: self.shipping_method.as_deref(),
                    carrier_service_is: self.carrier_service_is.as_ref(),
                    requested_warehouse: self.requested_warehouse.as_ref(),
                    status_is: self.status_is.as_ref(),
                    stock_below: self.stock_below.as_ref(),
                }
            }
        }
    };
}
pub(crate) use conditions;

conditions! {
    /// One entry of `all`, `any` or `not`.
    #[derive(Debug, Clone, Default, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct Cond {}
}

/// Every condition key of a table, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Parts<'a> {
    pub all: &'a [Cond],
    pub any: &'a [Cond],
    pub not: Option<&'a Cond>,
    pub order: Option<&'a str>,
    pub tag: Option<&'a str>,
    pub source: Option<&'a str>,
    pub country: Option<&'a str>,
    pub province: Option<&'a str>,
    pub city: Option<&'a str>,
    pub zip_prefix: Option<&'a str>,
    pub address: Option<&'a str>,
    pub company: Option<&'a str>,
    pub total_over: Option<f64>,
    pub total_under: Option<f64>,
    pub units_over: Option<i64>,
    pub units_under: Option<i64>,
    pub lines_over: Option<i64>,
    pub lines_under: Option<i64>,
    pub sku: Option<&'a str>,
    pub shipping_method: Option<&'a str>,
    pub carrier_service_is: Option<&'a Spanned<String>>,
    pub requested_warehouse: Option<&'a Spanned<String>>,
    pub status_is: Option<&'a Spanned<String>>,
    pub stock_below: Option<&'a StockBelow>,
}

/// A table of condition keys.
pub trait Conditions {
    fn parts(&self) -> Parts<'_>;
}

/// One order line as conditions see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactLine {
    /// The oms SKU's [`sku_key`] (after the channel's sku_map).
    pub sku_key: String,
    pub quantity: i64,
    pub price_cents: Option<i64>,
}

/// What conditions look at. `stock` answers "units of this SKU available" and is only
/// given where stock is known (rules evaluated at processing).
#[derive(Clone, Copy)]
pub struct Facts<'a> {
    pub channel: &'a str,
    pub name: Option<&'a str>,
    pub external_id: &'a str,
    pub tags: &'a [String],
    pub ship_to: &'a Address,
    pub shipping_method: Option<&'a str>,
    pub carrier_service: Option<&'a str>,
    pub requested_warehouse: Option<&'a str>,
    pub status: &'a str,
    pub lines: &'a [FactLine],
    /// The total the order itself states, used when a line has no price.
    pub stated_total_cents: Option<i64>,
    pub stock: Option<&'a dyn Fn(&str) -> i64>,
}

impl Facts<'_> {
    /// Σ quantity × price over the lines, in cents (checked arithmetic, never a wrapped
    /// total). When a line has no price, the order's stated total; else unknown.
    pub fn total_cents(&self) -> Result<i64, String> {
        let lines = self.lines.iter().map(|l| (l.quantity, l.price_cents));
        match super::lines_total(lines) {
            Ok(sum) => Ok(sum),
            Err(super::NoTotal::Unpriced(i)) => self.stated_total_cents.ok_or_else(|| {
                format!(
                    "total unknown: the {} line has no price",
                    self.lines[i].sku_key
                )
            }),
            Err(super::NoTotal::Overflow) => {
                Err("total unknown: it is beyond what oms can add up".to_string())
            }
        }
    }

    pub fn units(&self) -> i64 {
        self.lines
            .iter()
            .fold(0i64, |s, l| s.saturating_add(l.quantity))
    }
}

/// `Ok` when every condition of `c` holds, else the first that does not, in words
/// (`country is CA, not US`). A table without conditions holds for every order.
pub fn check(c: &dyn Conditions, f: &Facts) -> Result<(), String> {
    let p = c.parts();
    for cond in p.all {
        check(cond, f).map_err(|why| format!("all: {why}"))?;
    }
    if !p.any.is_empty() {
        let mut fails = Vec::new();
        for cond in p.any {
            match check(cond, f) {
                Ok(()) => {
                    fails.clear();
                    break;
                }
                Err(why) => fails.push(why),
            }
        }
        if !fails.is_empty() {
            return Err(format!("any: none holds ({})", fails.join("; ")));
        }
    }
    if let Some(inner) = p.not
        && check(inner, f).is_ok()
    {
        return Err(format!("not: {} holds", describe(inner)));
    }
    atoms(&p, f)
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn shown(v: Option<&str>) -> &str {
    v.map(str::trim).filter(|s| !s.is_empty()).unwrap_or("none")
}

/// Text equal to `want` ignoring case, or a reason naming the key and both values.
fn text_is(key: &str, have: Option<&str>, want: Option<&str>) -> Result<(), String> {
    match want {
        Some(w) if !have.is_some_and(|h| same(h, w)) => {
            Err(format!("{key} is {}, not {}", shown(have), w.trim()))
        }
        _ => Ok(()),
    }
}

fn amount_cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

fn over(key: &str, have: i64, limit: Option<i64>, above: bool) -> Result<(), String> {
    match limit {
        Some(l) if above && have <= l => Err(format!("{key} is {have}, not over {l}")),
        Some(l) if !above && have >= l => Err(format!("{key} is {have}, not under {l}")),
        _ => Ok(()),
    }
}

fn atoms(p: &Parts, f: &Facts) -> Result<(), String> {
    if let Some(want) = p.order
        && !(same(f.external_id, want) || f.name.is_some_and(|n| same(n, want)))
    {
        return Err(format!(
            "order is {} ({}), not {}",
            f.name.unwrap_or(f.external_id),
            f.external_id,
            want.trim()
        ));
    }
    if let Some(want) = p.tag
        && !f.tags.iter().any(|t| same(t, want))
    {
        return Err(format!(
            "tag {} is not among the order's tags ({})",
            want.trim(),
            if f.tags.is_empty() {
                "none".to_string()
            } else {
                f.tags.join(", ")
            }
        ));
    }
    text_is("source", Some(f.channel), p.source)?;
    let a = f.ship_to;
    text_is("country", a.country.as_deref(), p.country)?;
    text_is("province", a.province.as_deref(), p.province)?;
    text_is("city", a.city.as_deref(), p.city)?;
    text_is("company", a.company.as_deref(), p.company)?;
    if let Some(want) = p.zip_prefix {
        let zip = a.zip.as_deref().unwrap_or("").trim().to_lowercase();
        if !zip.starts_with(&want.trim().to_lowercase()) {
            return Err(format!(
                "zip {} does not start with {}",
                shown(a.zip.as_deref()),
                want.trim()
            ));
        }
    }
    if let Some(want) = p.address {
        let want = want.trim().to_lowercase();
        let hit = [&a.address1, &a.address2].iter().any(|l| {
            l.as_deref()
                .is_some_and(|l| l.to_lowercase().contains(&want))
        });
        if !hit {
            return Err(format!("no address line contains {want}"));
        }
    }
    if p.total_over.is_some() || p.total_under.is_some() {
        let total = f.total_cents()?;
        let money = super::format_cents;
        if let Some(limit) = p.total_over.map(amount_cents)
            && total <= limit
        {
            return Err(format!(
                "total is {}, not over {}",
                money(total),
                money(limit)
            ));
        }
        if let Some(limit) = p.total_under.map(amount_cents)
            && total >= limit
        {
            return Err(format!(
                "total is {}, not under {}",
                money(total),
                money(limit)
            ));
        }
    }
    over("units", f.units(), p.units_over, true)?;
    over("units", f.units(), p.units_under, false)?;
    let count = i64::try_from(f.lines.len()).unwrap_or(i64::MAX);
    over("lines", count, p.lines_over, true)?;
    over("lines", count, p.lines_under, false)?;
    if let Some(want) = p.sku {
        let key = sku_key(want);
        if !f.lines.iter().any(|l| l.sku_key == key) {
            return Err(format!("no line has SKU {}", want.trim()));
        }
    }
    text_is("shipping_method", f.shipping_method, p.shipping_method)?;
    text_is(
        "carrier_service",
        f.carrier_service,
        spanned_str(p.carrier_service_is),
    )?;
    text_is(
        "requested_warehouse",
        f.requested_warehouse,
        spanned_str(p.requested_warehouse),
    )?;
    text_is("status", Some(f.status), spanned_str(p.status_is))?;
    if let Some(sb) = p.stock_below {
        let sku = sb.sku.get_ref();
        let Some(stock) = f.stock else {
            return Err(
                "stock_below: stock is only known at processing (when = \"process\")".into(),
            );
        };
        let have = stock(sku);
        if have >= sb.quantity {
            return Err(format!(
                "stock of {} is {have}, not below {}",
                sku.trim(),
                sb.quantity
            ));
        }
    }
    Ok(())
}

/// A condition table in words, for `not: … holds`.
pub fn describe(c: &dyn Conditions) -> String {
    let p = c.parts();
    let mut out: Vec<String> = Vec::new();
    let mut text = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            out.push(format!("{k} = {}", v.trim()));
        }
    };
    text("order", p.order);
    text("tag", p.tag);
    text("source", p.source);
    text("country", p.country);
    text("province", p.province);
    text("city", p.city);
    text("zip_prefix", p.zip_prefix);
    text("address", p.address);
    text("company", p.company);
    text("sku", p.sku);
    text("shipping_method", p.shipping_method);
    text("carrier_service_is", spanned_str(p.carrier_service_is));
    text("requested_warehouse", spanned_str(p.requested_warehouse));
    text("status_is", spanned_str(p.status_is));
    for (k, v) in [("total_over", p.total_over), ("total_under", p.total_under)] {
        if let Some(v) = v {
            out.push(format!("{k} = {v}"));
        }
    }
    for (k, v) in [
        ("units_over", p.units_over),
        ("units_under", p.units_under),
        ("lines_over", p.lines_over),
        ("lines_under", p.lines_under),
    ] {
        if let Some(v) = v {
            out.push(format!("{k} = {v}"));
        }
    }
    if let Some(sb) = p.stock_below {
        out.push(format!(
            "stock_below = {} {}",
            sb.sku.get_ref().trim(),
            sb.quantity
        ));
    }
    if !p.all.is_empty() {
        let inner: Vec<String> = p.all.iter().map(|c| describe(c)).collect();
        out.push(format!("all [{}]", inner.join("; ")));
    }
    if !p.any.is_empty() {
        let inner: Vec<String> = p.any.iter().map(|c| describe(c)).collect();
        out.push(format!("any [{}]", inner.join("; ")));
    }
    if let Some(n) = p.not {
        out.push(format!("not {{{}}}", describe(n)));
    }
    if out.is_empty() {
        "{} (always)".to_string()
    } else {
        out.join(" and ")
    }
}

/// Every `stock_below` in a condition tree, for validation.
pub fn stock_conditions<'a>(c: &'a dyn Conditions, out: &mut Vec<&'a StockBelow>) {
    let p = c.parts();
    out.extend(p.stock_below);
    for cond in p.all.iter().chain(p.any) {
        stock_conditions(cond, out);
    }
    if let Some(n) = p.not {
        stock_conditions(n, out);
    }
}

/// Every spanned key (`requested_warehouse`, `carrier_service_is`, `status_is`) in a tree,
/// with its key name, for validation.
pub fn named_values<'a>(c: &'a dyn Conditions, out: &mut Vec<(&'static str, &'a Spanned<String>)>) {
    let p = c.parts();
    out.extend(p.requested_warehouse.map(|v| ("requested_warehouse", v)));
    out.extend(p.carrier_service_is.map(|v| ("carrier_service_is", v)));
    out.extend(p.status_is.map(|v| ("status_is", v)));
    for cond in p.all.iter().chain(p.any) {
        named_values(cond, out);
    }
    if let Some(n) = p.not {
        named_values(n, out);
    }
}

/// Every number in a tree of conditions, with its key name, for validation: counts and
/// amounts compared against an order, none of which can be below 0.
pub fn numbers(c: &dyn Conditions, out: &mut Vec<(&'static str, f64)>) {
    let p = c.parts();
    let counts = [
        ("units_over", p.units_over),
        ("units_under", p.units_under),
        ("lines_over", p.lines_over),
        ("lines_under", p.lines_under),
        ("stock_below.quantity", p.stock_below.map(|s| s.quantity)),
    ];
    out.extend(
        counts
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v as f64))),
    );
    out.extend(p.total_over.map(|v| ("total_over", v)));
    out.extend(p.total_under.map(|v| ("total_under", v)));
    for cond in p.all.iter().chain(p.any) {
        numbers(cond, out);
    }
    if let Some(n) = p.not {
        numbers(n, out);
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;

fn spanned_str(s: Option<&Spanned<String>>) -> Option<&str> {
    s.map(|s| s.get_ref().as_str())
}
