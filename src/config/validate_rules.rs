//! Checks of a sales channel's order rules (docs/rules.md): every mistake is named as
//! `FILE:LINE:COL: sales_channels.X.rules[i].key: …`, pointing at the value when it has a
//! span and at the rule's `[[…rules]]` header when it has not.

use toml::Spanned;

use super::{Validator, known};
use crate::config::{Channel, Config};
use crate::model::OrderStatus;
use crate::model::rules;

impl Validator<'_> {
    pub(super) fn check_rules(&mut self, c: &Config, ch: &Channel, prefix: &str) {
        for (i, rule) in ch.rules.iter().enumerate() {
            let key = format!("{prefix}.rules[{i}]");
            // The i-th `[[prefix.rules]]` header, for keys without a span of their own.
            let header = format!("[[{prefix}.rules]]");
            let at_header = |v: &Validator, k: &str, msg: &str| {
                let offset = v.text.match_indices(&header).nth(i).map(|(o, _)| o);
                let at = offset
                    .map(|o| super::locate(v.text, &(o..o)))
                    .unwrap_or_default();
                format!("{}{at}: {key}.{k}: {msg}", v.file)
            };
            if let Some(w) = &rule.when
                && !matches!(w.get_ref().as_str(), "import" | "process")
            {
                self.at(
                    w,
                    &format!("{key}.when"),
                    format!("`{}` is neither `import` nor `process`", w.get_ref()),
                );
            }
            if let Some(st) = &rule.status
                && !matches!(st.get_ref().as_str(), "draft" | "approved" | "on_hold")
            {
                self.at(
                    st,
                    &format!("{key}.status"),
                    format!(
                        "`{}` is not a status a rule sets (draft, approved, on_hold)",
                        st.get_ref()
                    ),
                );
            }
            if let Some(h) = &rule.hold {
                if let Err(e) = crate::model::hold::parse_duration(h.get_ref()) {
                    self.at(h, &format!("{key}.hold"), e);
                }
                if let Some(st) = &rule.status
                    && st.get_ref() != "on_hold"
                {
                    self.at(
                        st,
                        &format!("{key}.status"),
                        "a rule with `hold` puts the order on hold; give `status` or `hold`, not both",
                    );
                }
            }
            let holds = rule.hold.as_ref().map(|h| h.span()).or(rule
                .status
                .as_ref()
                .filter(|s| s.get_ref() == "on_hold")
                .map(|s| s.span()));
            let no_source = ch.stock_source.is_none()
                && ch.default_warehouse.is_none()
                && c.defaults.warehouse.is_none();
            if let Some(span) = holds
                && no_source
            {
                let problem = self.message(
                    span,
                    &format!("{key}.hold"),
                    "held orders reserve units on the channel's stock_source: set stock_source (or default_warehouse)",
                );
                self.problems.push(problem);
            }
            if let Some(w) = &rule.warehouse {
                self.any_warehouse(c, w, &format!("{key}.warehouse"));
            }
            if rule.only_enough_stock == Some(true) && rule.warehouse.is_none() {
                let p = at_header(
                    self,
                    "only_enough_stock",
                    "needs `warehouse` (the warehouse that must have enough stock)",
                );
                self.problems.push(p);
            }
            if let Some(cs) = &rule.carrier_service {
                self.carrier_service(c, cs, &format!("{key}.carrier_service"));
            }
            if let Some(m) = &rule.max_splits
                && *m.get_ref() < 1
            {
                self.at(
                    m,
                    &format!("{key}.max_splits"),
                    "must be at least 1 (1 = never split the order)",
                );
            }
            if let Some(line) = &rule.add_line {
                if line.sku.get_ref().trim().is_empty() {
                    self.at(&line.sku, &format!("{key}.add_line.sku"), "is empty");
                }
                if *line.quantity.get_ref() < 1 {
                    self.at(
                        &line.quantity,
                        &format!("{key}.add_line.quantity"),
                        "must be at least 1",
                    );
                }
                if !(line.price.is_finite() && line.price >= 0.0) {
                    let p = at_header(self, "add_line.price", "must be 0 or more");
                    self.problems.push(p);
                }
            }
            let mut stock = Vec::new();
            rules::stock_conditions(rule, &mut stock);
            for sb in stock {
                if !rule.at_process() {
                    self.at(
                        &sb.sku,
                        &format!("{key}.stock_below"),
                        "stock is only known at processing: add `when = \"process\"` to the rule",
                    );
                }
                if sb.sku.get_ref().trim().is_empty() {
                    self.at(&sb.sku, &format!("{key}.stock_below.sku"), "is empty");
                }
            }
            let mut numbers = Vec::new();
            rules::numbers(rule, &mut numbers);
            for (k, v) in numbers {
                if !(v.is_finite() && v >= 0.0) {
                    let p = at_header(self, k, &format!("must be 0 or more, not {v}"));
                    self.problems.push(p);
                }
            }
            let mut named = Vec::new();
            rules::named_values(rule, &mut named);
            for (k, v) in named {
                let k = format!("{key}.{k}");
                match k.rsplit('.').next() {
                    Some("requested_warehouse") => self.any_warehouse(c, v, &k),
                    Some("carrier_service_is") => self.carrier_service(c, v, &k),
                    _ => {
                        if v.get_ref().parse::<OrderStatus>().is_err() {
                            self.at(v, &k, format!("`{}` is not an order status", v.get_ref()));
                        }
                    }
                }
            }
        }
    }

    fn any_warehouse(&mut self, c: &Config, w: &Spanned<String>, key: &str) {
        let name = w.get_ref();
        if !c.warehouses.contains_key(name) && !c.virtual_warehouses.contains_key(name) {
            let all = c.warehouses.keys().chain(c.virtual_warehouses.keys());
            self.at(w, key, format!("unknown warehouse `{name}`{}", known(all)));
        }
    }
}
