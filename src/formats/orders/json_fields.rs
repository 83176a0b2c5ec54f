//! The fields of one oms-json order object. Read by hand rather than by serde's derive so
//! that every wrong value is named (record, field path, what was found) and the rest of
//! the record is still read, instead of the first mistake discarding the whole record.

use serde_json::{Map, Value};

use crate::model::order::{
    Address, OrderIn, OrderLineIn, normalize_cancel_after, normalize_timestamp, split_tags,
};

/// Maps one order object. `at` (`file:line: record N`) starts every message; `source`
/// is the record's `file:line`.
pub(super) fn order(object: &Map<String, Value>, at: &str, source: String) -> OrderIn {
    let mut r = Fields {
        at,
        problems: Vec::new(),
    };
    let o = Obj {
        map: object,
        path: String::new(),
    };
    let external_id = r.text(&o, &["external_id", "order_id"]);
    if external_id.is_none() {
        r.problem(&o, "external_id", "is missing");
    }
    let mut order = OrderIn {
        external_id: external_id.unwrap_or_default(),
        name: r.text(&o, &["name", "order_name"]),
        ordered_at: r.time(&o, "ordered_at"),
        updated_at: r.time(&o, "updated_at"),
        cancelled: r.flag(&o, "cancelled"),
        test: r.flag(&o, "test"),
        customer_name: r.text(&o, &["customer_name"]),
        email: r.text(&o, &["email"]),
        phone: r.text(&o, &["phone"]),
        ship_to: r.address(&o),
        shipping_method: r.text(&o, &["shipping_method"]),
        carrier_service: r.text(&o, &["carrier_service"]),
        requested_warehouse: r.text(&o, &["requested_warehouse", "warehouse"]),
        currency: r.text(&o, &["currency"]),
        total_cents: r.cents(&o, "total_cents", "total"),
        subtotal_cents: r.cents(&o, "subtotal_cents", "subtotal"),
        shipping_cents: r.cents(&o, "shipping_cents", "shipping"),
        tax_cents: r.cents(&o, "tax_cents", "tax"),
        discount_cents: r.cents(&o, "discount_cents", "discount"),
        tags: r.tags(&o),
        note: r.text(&o, &["note"]),
        cancel_after: r.time_as(&o, "cancel_after", normalize_cancel_after),
        lines: Vec::new(),
        source: source.clone(),
        problems: Vec::new(),
        lines_read: 0,
    };
    match object.get("lines") {
        None | Some(Value::Null) => {}
        Some(Value::Array(lines)) => {
            for (i, line) in lines.iter().enumerate() {
                let path = format!("lines[{i}]");
                match line {
                    Value::Object(map) => {
                        order.lines.push(r.line(&Obj { map, path }, &source));
                    }
                    other => r.problem_at(&path, &expected("an object", other)),
                }
            }
        }
        Some(other) => r.problem_at("lines", &expected("a list of lines", other)),
    }
    order.problems = r.problems;
    order
}

/// What a value is, for messages.
pub(super) fn kind(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {s:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

fn expected(what: &str, found: &Value) -> String {
    format!("expected {what}, found {}", kind(found))
}

/// An object and its path from the record, e.g. `lines[2]`.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl Obj<'_> {
    /// The first of `names` present and not null, with its name.
    fn get<'n>(&self, names: &[&'n str]) -> Option<(&'n str, &Value)> {
        names
            .iter()
            .find_map(|n| self.map.get(*n).filter(|v| !v.is_null()).map(|v| (*n, v)))
    }

    fn field(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        }
    }
}

/// Collects the problems of one record.
struct Fields<'a> {
    at: &'a str,
    problems: Vec<String>,
}

impl Fields<'_> {
    fn problem(&mut self, obj: &Obj<'_>, name: &str, message: &str) {
        self.problem_at(&obj.field(name), message);
    }

    fn problem_at(&mut self, field: &str, message: &str) {
        self.problems
            .push(format!("{}: {field}: {message}", self.at));
    }

    /// Text, trimmed; a number is taken as its digits (ids and zips often come as numbers).
    fn text(&mut self, obj: &Obj<'_>, names: &[&str]) -> Option<String> {
        let (name, value) = obj.get(names)?;
        match value {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.problem(obj, name, &expected("text", other));
                None
            }
        }
    }

    fn time(&mut self, obj: &Obj<'_>, name: &str) -> Option<String> {
        self.time_as(obj, name, normalize_timestamp)
    }

    fn time_as(
        &mut self,
        obj: &Obj<'_>,
        name: &str,
        normalize: fn(&str) -> Option<String>,
    ) -> Option<String> {
        let text = self.text(obj, &[name])?;
        match normalize(&text) {
            Some(normal) => Some(normal),
            None => {
                self.problem(obj, name, &format!("`{text}` is not a date and time"));
                Some(text)
            }
        }
    }

    fn flag(&mut self, obj: &Obj<'_>, name: &str) -> bool {
        match obj.get(&[name]) {
            None => false,
            Some((_, Value::Bool(b))) => *b,
            Some((_, other)) => {
                self.problem(obj, name, &expected("true or false", other));
                false
            }
        }
    }

    /// An amount, as whole cents under `cents_name` or as a decimal (text or number)
    /// under `decimal_name`, e.g. `"total_cents": 5948` or `"total": "59.48"`.
    fn cents(&mut self, obj: &Obj<'_>, cents_name: &str, decimal_name: &str) -> Option<i64> {
        let (name, value) = obj.get(&[cents_name, decimal_name])?;
        let parsed = match value {
            Value::Number(n) if name == cents_name => n
                .as_i64()
                .ok_or_else(|| format!("`{n}` is not a whole number of cents")),
            Value::Number(n) if name == decimal_name => crate::model::parse_cents(&n.to_string()),
            Value::String(s) if name == decimal_name => crate::model::parse_cents(s),
            other => Err(expected(
                if name == cents_name {
                    "a whole number of cents"
                } else {
                    "an amount"
                },
                other,
            )),
        };
        parsed.map_err(|e| self.problem(obj, name, &e)).ok()
    }

    fn tags(&mut self, obj: &Obj<'_>) -> Vec<String> {
        match obj.get(&["tags"]) {
            None => Vec::new(),
            Some((_, Value::String(s))) => split_tags(s),
            Some((_, Value::Array(items))) => {
                let mut tags = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => tags.push(s.trim().to_string()),
                        Value::String(_) => {}
                        other => self.problem(obj, &format!("tags[{i}]"), &expected("text", other)),
                    }
                }
                tags
            }
            Some((_, other)) => {
                self.problem(obj, "tags", &expected("a list of text", other));
                Vec::new()
            }
        }
    }

    fn address(&mut self, obj: &Obj<'_>) -> Address {
        let map = match obj.get(&["ship_to"]) {
            None => return Address::default(),
            Some((_, Value::Object(map))) => map,
            Some((_, other)) => {
                self.problem(obj, "ship_to", &expected("an address object", other));
                return Address::default();
            }
        };
        let a = Obj {
            map,
            path: obj.field("ship_to"),
        };
        Address {
            name: self.text(&a, &["name"]),
            company: self.text(&a, &["company"]),
            address1: self.text(&a, &["address1"]),
            address2: self.text(&a, &["address2"]),
            city: self.text(&a, &["city"]),
            province: self.text(&a, &["province"]),
            zip: self.text(&a, &["zip"]),
            country: self.text(&a, &["country"]),
            phone: self.text(&a, &["phone"]),
        }
    }

    fn line(&mut self, obj: &Obj<'_>, source: &str) -> OrderLineIn {
        let sku = self.text(obj, &["sku"]).unwrap_or_default();
        if sku.is_empty() {
            self.problem(obj, "sku", "is missing");
        }
        OrderLineIn {
            sku,
            quantity: self.quantity(obj),
            price_cents: self.cents(obj, "price_cents", "price"),
            title: self.text(obj, &["title"]),
            external_line_id: self.text(obj, &["external_line_id", "line_id"]),
            source: source.to_string(),
        }
    }

    fn quantity(&mut self, obj: &Obj<'_>) -> i64 {
        let (quantity, why) = match obj.get(&["quantity"]) {
            None => (0, Some("is missing".to_string())),
            Some((_, Value::Number(n))) => match n.as_i64() {
                Some(q) => super::quantity(Some(&q.to_string())),
                // 2.0 is a whole number however it was written.
                None => match n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15) {
                    Some(f) => super::quantity(Some(&(f as i64).to_string())),
                    None => (0, Some(format!("`{n}` is not a whole number"))),
                },
            },
            Some((_, other)) => (0, Some(expected("a whole number", other))),
        };
        if let Some(why) = why {
            self.problem(obj, "quantity", &why);
        }
        quantity
    }
}
