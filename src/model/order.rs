//! A sales order as read from outside (a file, a shop's API), before the import flow
//! checks it against the catalog. Parsers fill it in and record every problem they meet
//! instead of failing, so one bad order never hides the good ones around it.

use serde::{Deserialize, Serialize};

/// One incoming order. Optional text fields are `None` when absent or empty; a parser
/// never invents values. `problems` lists what was wrong with the input — an order with
/// problems must not be imported as is, and each message already names file and line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderIn {
    /// The channel's id for the order; empty only for input that could not be attributed
    /// to any order (then `problems` says why and [`OrderIn::key`] falls back to `source`).
    pub external_id: String,
    /// Display name, e.g. `#1001`.
    pub name: Option<String>,
    /// RFC 3339 UTC (`2025-03-04T15:15:00Z`) when the input was parseable.
    pub ordered_at: Option<String>,
    pub updated_at: Option<String>,
    /// Cancelled upstream.
    pub cancelled: bool,
    /// A test order from the shop.
    pub test: bool,
    pub customer_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub ship_to: Address,
    /// The shop's shipping method as the customer chose it (mapped to a carrier service later).
    pub shipping_method: Option<String>,
    /// A carrier service code given explicitly by the input.
    pub carrier_service: Option<String>,
    pub requested_warehouse: Option<String>,
    pub currency: Option<String>,
    /// The shop's stated total; oms computes its own from the lines ([`super::lines_total`]).
    pub total_cents: Option<i64>,
    /// The shop's stated parts of the total, as far as the source gives them: checked
    /// against the lines at import, never used in place of them.
    pub subtotal_cents: Option<i64>,
    pub shipping_cents: Option<i64>,
    pub tax_cents: Option<i64>,
    pub discount_cents: Option<i64>,
    pub tags: Vec<String>,
    pub note: Option<String>,
    /// RFC 3339 UTC ([`normalize_cancel_after`]): not sent to a warehouse by then, the
    /// order is no longer wanted (docs/processing.md).
    pub cancel_after: Option<String>,
    pub lines: Vec<OrderLineIn>,
    /// `file:line` of the order's first row (or record), for messages and rejections.
    pub source: String,
    /// Every problem found while reading, each `file:line: field: problem`.
    pub problems: Vec<String>,
    /// Physical lines of the file this order was read from (its rows, with the lines
    /// their quoted values span); 0 where the input has no lines to speak of. Not part of
    /// the order: a stored rejection read back has none.
    #[serde(skip)]
    pub lines_read: u64,
}

/// A shipping address; every part optional because shops are lax about them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Address {
    pub name: Option<String>,
    pub company: Option<String>,
    pub address1: Option<String>,
    pub address2: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub zip: Option<String>,
    pub country: Option<String>,
    pub phone: Option<String>,
}

/// One order line. `quantity` is whatever could be read: 0 when it could not be read at
/// all, and then the order's `problems` say so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrderLineIn {
    /// As written by the channel; the import flow maps and compares it by [`super::sku_key`].
    pub sku: String,
    pub quantity: i64,
    pub price_cents: Option<i64>,
    pub title: Option<String>,
    pub external_line_id: Option<String>,
    /// `file:line` of the line's row (the order's record for JSON).
    pub source: String,
}

impl Address {
    /// The parts a warehouse cannot ship without — name, first address line, country —
    /// that are missing here, by their `ship_to.` field names.
    pub fn missing_for_shipping(&self) -> Vec<&'static str> {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        [
            ("ship_to.name", &self.name),
            ("ship_to.address1", &self.address1),
            ("ship_to.country", &self.country),
        ]
        .into_iter()
        .filter(|(_, v)| blank(v))
        .map(|(k, _)| k)
        .collect()
    }
}

impl OrderIn {
    /// Total units over all lines (saturating, so absurd input cannot overflow).
    pub fn units(&self) -> i64 {
        self.lines
            .iter()
            .fold(0i64, |sum, l| sum.saturating_add(l.quantity))
    }

    /// What to file the order under: its external id, or for input that could not be
    /// attributed to an order, its `file:line`.
    pub fn key(&self) -> &str {
        if self.external_id.is_empty() {
            &self.source
        } else {
            &self.external_id
        }
    }

    /// The lines' Σ quantity × price (see [`super::lines_total`]).
    pub fn lines_total(&self) -> Result<i64, super::NoTotal> {
        super::lines_total(self.lines.iter().map(|l| (l.quantity, l.price_cents)))
    }

    /// Why the shop's stated subtotal disagrees with the lines, beyond rounding; `None`
    /// when it agrees, or when either side is unknown.
    pub fn subtotal_mismatch(&self) -> Option<String> {
        let stated = self.subtotal_cents?;
        let computed = self.lines_total().ok()?;
        let agrees =
            super::money::subtotal_agrees(stated, computed, self.discount_cents, self.lines.len());
        (!agrees).then(|| {
            let f = super::format_cents;
            format!(
                "the stated subtotal {} differs from the lines' quantity × price {}{}",
                f(stated),
                f(computed),
                self.discount_cents
                    .map(|d| format!(" (discount {})", f(d)))
                    .unwrap_or_default()
            )
        })
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// A 16-hex-digit hash of what the order says, stable across runs and machines, so
    /// that a re-import can tell an upstream edit from the same data read again.
    ///
    /// Left out on purpose: `external_id` (the identity, not the content), `updated_at`
    /// (a shop touching its timestamp is not an edit), `source` and `problems` (they
    /// depend on where the order was read, not on what it says). SKUs enter by their
    /// [`super::sku_key`], since the catalog does not tell `tee-blk-s` from `TEE-BLK-S`.
    /// Adding a field here changes every fingerprint once, which re-imports look at as
    /// an edit of orders not yet processed: harmless, but do it knowingly.
    pub fn fingerprint(&self) -> String {
        let mut h = Fnv1a::default();
        h.text(self.name.as_deref());
        h.text(self.ordered_at.as_deref());
        h.flag(self.cancelled);
        h.flag(self.test);
        h.text(self.customer_name.as_deref());
        h.text(self.email.as_deref());
        h.text(self.phone.as_deref());
        let a = &self.ship_to;
        for part in [
            &a.name,
            &a.company,
            &a.address1,
            &a.address2,
            &a.city,
            &a.province,
            &a.zip,
            &a.country,
            &a.phone,
        ] {
            h.text(part.as_deref());
        }
        h.text(self.shipping_method.as_deref());
        h.text(self.carrier_service.as_deref());
        h.text(self.requested_warehouse.as_deref());
        h.text(self.currency.as_deref());
        h.number(self.total_cents);
        let parts = [
            self.subtotal_cents,
            self.shipping_cents,
            self.tax_cents,
            self.discount_cents,
        ];
        // Hashed only when given, so orders read before these parts existed keep their
        // fingerprints and are not seen as edited.
        if parts.iter().any(Option::is_some) {
            for part in parts {
                h.number(part);
            }
        }
        h.count(self.tags.len());
        for tag in &self.tags {
            h.text(Some(tag));
        }
        h.text(self.note.as_deref());
        // Hashed only when given, so orders without one keep the fingerprints they had
        // before the field existed (a re-import does not see them all as edited).
        if let Some(at) = &self.cancel_after {
            h.bytes(&[2]);
            h.text(Some(at));
        }
        h.count(self.lines.len());
        for line in &self.lines {
            h.text(Some(&super::sku_key(&line.sku)));
            h.number(Some(line.quantity));
            h.number(line.price_cents);
            h.text(line.title.as_deref());
            h.text(line.external_line_id.as_deref());
        }
        format!("{:016x}", h.0)
    }
}

/// 64-bit FNV-1a: tiny, fixed, and the same on every machine, unlike std's randomly
/// keyed hasher. Every value is written with a tag and a length so that no two different
/// orders serialise to the same byte stream (`["ab"]` vs `["a","b"]`, `None` vs `""`).
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn text(&mut self, value: Option<&str>) {
        match value {
            None => self.bytes(&[0]),
            Some(s) => {
                self.bytes(&[1]);
                self.count(s.len());
                self.bytes(s.as_bytes());
            }
        }
    }

    fn number(&mut self, value: Option<i64>) {
        match value {
            None => self.bytes(&[0]),
            Some(n) => {
                self.bytes(&[1]);
                self.bytes(&n.to_le_bytes());
            }
        }
    }

    fn flag(&mut self, value: bool) {
        self.bytes(&[u8::from(value)]);
    }

    fn count(&mut self, n: usize) {
        self.bytes(&(n as u64).to_le_bytes());
    }
}

/// Reads a timestamp as shops and spreadsheets write it and gives it back as RFC 3339
/// UTC with seconds (`2025-03-04T15:15:00Z`), or `None` when it is not one.
///
/// Accepted: RFC 3339 (`T` or space), Shopify's `2025-03-04 10:15:00 -0500`, a trailing
/// ` UTC`, and — read as UTC, since nothing else is known — times without an offset
/// (`2025-03-04 10:15[:00]`) and bare dates (`2025-03-04`, midnight).
pub fn normalize_timestamp(input: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
    let s = input.trim();
    let utc = if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        t.with_timezone(&Utc)
    } else if let Some(t) = ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S%.f%z"]
        .iter()
        .find_map(|f| DateTime::parse_from_str(s, f).ok())
    {
        t.with_timezone(&Utc)
    } else {
        let naive = s.strip_suffix(" UTC").unwrap_or(s);
        let t = [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(naive, f).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(naive, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })?;
        t.and_utc()
    };
    Some(utc.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// Reads a `cancel_after` value: any timestamp [`normalize_timestamp`] accepts, except
/// that a bare date means the whole of that day (UTC): `2025-03-04` is
/// `2025-03-04T23:59:59Z`, so the order may still go out on the 4th and is cancelled
/// from the 5th on.
pub fn normalize_cancel_after(input: &str) -> Option<String> {
    let s = input.trim();
    match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(day) => Some(format!("{}T23:59:59Z", day.format("%Y-%m-%d"))),
        Err(_) => normalize_timestamp(s),
    }
}

/// Splits a tag list written in one cell (`"vip, gift; rush"`): commas and semicolons
/// both separate, since `;`-separated CSV files tend to carry `;` inside cells too.
pub fn split_tags(cell: &str) -> Vec<String> {
    tags_in(cell).map(str::to_string).collect()
}

/// The tags of a cell as [`split_tags`] reads them, without allocating.
pub fn tags_in(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> OrderIn {
        let line = |sku: &str, quantity| OrderLineIn {
            sku: sku.into(),
            quantity,
            price_cents: Some(1999),
            title: Some("Tee".into()),
            external_line_id: None,
            source: "a.csv:2".into(),
        };
        OrderIn {
            external_id: "1001".into(),
            name: Some("#1001".into()),
            ordered_at: Some("2025-03-04T15:15:00Z".into()),
            email: Some("ann@example.com".into()),
            tags: vec!["vip".into()],
            lines: vec![line("TEE-BLK-S", 2), line("MUG-WHT", 1)],
            source: "a.csv:2".into(),
            ..OrderIn::default()
        }
    }

    #[test]
    fn units_add_up_the_lines() {
        assert_eq!(order().units(), 3);
        let mut huge = order();
        huge.lines[0].quantity = i64::MAX;
        assert_eq!(huge.units(), i64::MAX, "saturates instead of overflowing");
    }

    #[test]
    fn fingerprint_is_stable_and_ignores_where_the_order_was_read() {
        let a = order();
        // Pinned: a change here means every stored fingerprint changes (see the doc).
        assert_eq!(a.fingerprint(), "8d111273e8c2fa0b");
        let mut moved = a.clone();
        moved.source = "b.csv:90".into();
        moved.lines[0].source = "b.csv:90".into();
        moved.updated_at = Some("2025-03-05T00:00:00Z".into());
        moved.lines[0].sku = " tee-blk-s ".into();
        assert_eq!(moved.fingerprint(), a.fingerprint());
    }

    #[test]
    fn hasher_is_reference_fnv1a() {
        // Published FNV-1a 64 test vectors (draft-eastlake-fnv).
        for (input, want) in [("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c)] {
            let mut h = Fnv1a::default();
            h.bytes(input.as_bytes());
            assert_eq!(h.0, want, "{input:?}");
        }
    }

    #[test]
    fn fingerprint_sees_edits() {
        let a = order();
        let mut qty = a.clone();
        qty.lines[1].quantity = 2;
        let mut cancelled = a.clone();
        cancelled.cancelled = true;
        let mut address = a.clone();
        address.ship_to.zip = Some("02134".into());
        let mut tags = a.clone();
        tags.tags = vec!["v".into(), "ip".into()];
        let mut empty_note = a.clone();
        empty_note.note = Some(String::new());
        for edited in [qty, cancelled, address, tags, empty_note] {
            assert_ne!(edited.fingerprint(), a.fingerprint(), "{edited:?}");
        }
    }

    #[test]
    fn stated_parts_change_the_fingerprint_only_when_given() {
        let a = order();
        let mut with = a.clone();
        with.subtotal_cents = Some(4997);
        assert_ne!(with.fingerprint(), a.fingerprint());
    }

    #[test]
    fn subtotal_is_checked_against_the_lines() {
        let mut o = order();
        assert_eq!(o.lines_total(), Ok(5997));
        assert_eq!(o.subtotal_mismatch(), None, "nothing stated");
        o.subtotal_cents = Some(5997);
        assert_eq!(o.subtotal_mismatch(), None);
        o.subtotal_cents = Some(5000);
        let said = o.subtotal_mismatch().expect("mismatch");
        assert!(said.contains("50.00") && said.contains("59.97"), "{said}");
        o.discount_cents = Some(997);
        assert_eq!(
            o.subtotal_mismatch(),
            None,
            "the subtotal is after the discount"
        );
    }

    #[test]
    fn missing_ship_to_parts_are_named() {
        let mut a = Address {
            name: Some("Ann".into()),
            address1: Some(" ".into()),
            ..Address::default()
        };
        assert_eq!(
            a.missing_for_shipping(),
            ["ship_to.address1", "ship_to.country"]
        );
        a.address1 = Some("1 Elm St".into());
        a.country = Some("US".into());
        assert!(a.missing_for_shipping().is_empty());
    }

    #[test]
    fn key_falls_back_to_the_source() {
        let mut o = order();
        assert_eq!(o.key(), "1001");
        o.external_id.clear();
        assert_eq!(o.key(), "a.csv:2");
    }

    #[test]
    fn timestamps_become_rfc3339_utc() {
        let cases = [
            ("2025-03-04 10:15:00 -0500", "2025-03-04T15:15:00Z"),
            ("2025-03-04T10:15:00-05:00", "2025-03-04T15:15:00Z"),
            ("2025-03-04T15:15:00.250Z", "2025-03-04T15:15:00Z"),
            ("2025-03-04 16:15:00 +01:00", "2025-03-04T15:15:00Z"),
            ("2025-03-04 15:15:00 UTC", "2025-03-04T15:15:00Z"),
            ("2025-03-04 15:15", "2025-03-04T15:15:00Z"),
            (" 2025-03-04 ", "2025-03-04T00:00:00Z"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_timestamp(input).as_deref(), Some(want), "{input}");
        }
        for bad in ["yesterday", "2025-13-01", "04/03/2025", ""] {
            assert_eq!(normalize_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn cancel_after_dates_mean_the_end_of_the_day() {
        let read = |s| normalize_cancel_after(s);
        assert_eq!(
            read(" 2025-03-04 ").as_deref(),
            Some("2025-03-04T23:59:59Z")
        );
        assert_eq!(
            read("2025-03-04T10:00:00-05:00").as_deref(),
            Some("2025-03-04T15:00:00Z")
        );
        assert_eq!(read("2025-02-30"), None);
        assert_eq!(read("soon"), None);
    }

    #[test]
    fn cancel_after_enters_the_fingerprint_only_when_given() {
        let a = order();
        let mut dated = a.clone();
        dated.cancel_after = Some("2025-03-04T23:59:59Z".into());
        assert_ne!(dated.fingerprint(), a.fingerprint());
        let mut later = dated.clone();
        later.cancel_after = Some("2025-03-05T23:59:59Z".into());
        assert_ne!(later.fingerprint(), dated.fingerprint());
    }

    #[test]
    fn tags_split_on_commas_and_semicolons() {
        assert_eq!(split_tags(" vip, gift;rush ,, "), ["vip", "gift", "rush"]);
        assert!(split_tags(" ").is_empty());
    }

    #[test]
    fn json_round_trip_keeps_everything() {
        let mut o = order();
        o.problems
            .push("a.csv:3: quantity: `x` is not a whole number".into());
        let text = serde_json::to_string(&o).expect("serialise");
        let back: OrderIn = serde_json::from_str(&text).expect("deserialise");
        assert_eq!(back, o);
        let sparse: OrderIn = serde_json::from_str(r#"{"external_id":"9"}"#).expect("defaults");
        assert_eq!(sparse.external_id, "9");
    }
}
