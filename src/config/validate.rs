//! Semantic checks of a parsed config: references between tables, role and kind rules,
//! secrets. Every problem is collected, with the line of the value it is about.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use toml::Spanned;

use super::*;

#[path = "validate_channels.rs"]
mod channels;
#[path = "validate_ranges.rs"]
mod ranges;
#[path = "validate_rules.rs"]
mod rules;
#[path = "validate_secrets.rs"]
mod secrets;

pub(super) struct Validator<'a> {
    pub file: String,
    pub text: &'a str,
    pub base: &'a Path,
    pub problems: Vec<String>,
}

impl Validator<'_> {
    fn at<T>(&mut self, spanned: &Spanned<T>, key: &str, msg: impl fmt::Display) {
        let problem = self.message(spanned.span(), key, msg);
        self.problems.push(problem);
    }

    /// `FILE:LINE:COL: key: msg` for a value at `span`.
    fn message(&self, span: Range<usize>, key: &str, msg: impl fmt::Display) -> String {
        let at = if span.is_empty() && span.start == 0 {
            String::new()
        } else {
            locate(self.text, &span)
        };
        format!("{}{at}: {key}: {msg}", self.file)
    }

    /// For problems with no value to point at: the line of the table header, if found.
    fn near(&mut self, header: &str, key: &str, msg: impl fmt::Display) {
        let at = self
            .text
            .find(header)
            .map(|o| locate(self.text, &(o..o)))
            .unwrap_or_default();
        self.problems
            .push(format!("{}{at}: {key}: {msg}", self.file));
    }

    pub fn check(&mut self, c: &mut Config) {
        self.check_codes(c);
        self.check_warehouses(c);
        self.check_defaults(c);
        let sales: Vec<String> = c.sales_channels.keys().cloned().collect();
        for code in sales {
            if let Some(mut ch) = c.sales_channels.remove(&code) {
                self.check_channel(c, &code, &mut ch, Role::Sales);
                c.sales_channels.insert(code, ch);
            }
        }
        let fulfil: Vec<String> = c.fulfillment_channels.keys().cloned().collect();
        for code in fulfil {
            if let Some(mut ch) = c.fulfillment_channels.remove(&code) {
                self.check_channel(c, &code, &mut ch, Role::Fulfillment);
                c.fulfillment_channels.insert(code, ch);
            }
        }
        let master = c.catalog.master.get_ref().clone();
        if master != "oms"
            && !c.sales_channels.contains_key(&master)
            && !c.fulfillment_channels.contains_key(&master)
        {
            let m = c.catalog.master.clone();
            self.at(
                &m,
                "catalog.master",
                format!("`{master}` is neither `oms` nor a configured channel"),
            );
        }
        self.check_ranges(c);
    }

    fn check_codes(&mut self, c: &Config) {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        let groups: [(&str, Vec<&String>); 5] = [
            ("warehouses", c.warehouses.keys().collect()),
            ("virtual_warehouses", c.virtual_warehouses.keys().collect()),
            ("sales_channels", c.sales_channels.keys().collect()),
            (
                "fulfillment_channels",
                c.fulfillment_channels.keys().collect(),
            ),
            ("carrier_services", c.carrier_services.keys().collect()),
        ];
        for (table, codes) in groups {
            for code in codes {
                let header = format!("[{table}.{code}]");
                if table == "sales_channels" && code == "manual" {
                    self.near(
                        &header,
                        &format!("{table}.{code}"),
                        "`manual` is reserved for orders entered by hand; choose another code",
                    );
                }
                if !valid_code(code) {
                    self.near(
                        &header,
                        &format!("{table}.{code}"),
                        "codes may use letters, digits, `-`, `_` and `.` only",
                    );
                }
                // A warehouse and a channel may share a name, but two warehouses may not.
                let family = if table.ends_with("warehouses") {
                    "warehouse"
                } else {
                    table
                };
                if let Some(prev) = seen.insert(format!("{family}:{code}"), table) {
                    self.near(
                        &header,
                        &format!("{table}.{code}"),
                        format!("`{code}` is already defined in [{prev}]"),
                    );
                }
            }
        }
    }

    fn check_warehouses(&mut self, c: &Config) {
        for (code, w) in &c.warehouses {
            let fc = w.fulfillment_channel.get_ref();
            if !c.fulfillment_channels.contains_key(fc) {
                self.at(
                    &w.fulfillment_channel,
                    &format!("warehouses.{code}.fulfillment_channel"),
                    format!(
                        "unknown fulfillment channel `{fc}`{}",
                        known(c.fulfillment_channels.keys())
                    ),
                );
            }
        }
        for (code, v) in &c.virtual_warehouses {
            let key = format!("virtual_warehouses.{code}.members");
            if v.members.is_empty() {
                self.near(
                    &format!("[virtual_warehouses.{code}]"),
                    &key,
                    "a virtual warehouse needs at least one member",
                );
            }
            for m in &v.members {
                let name = m.get_ref();
                if c.virtual_warehouses.contains_key(name) {
                    self.at(
                        m,
                        &key,
                        format!(
                            "`{name}` is a virtual warehouse; members must be physical warehouses"
                        ),
                    );
                } else if !c.warehouses.contains_key(name) {
                    self.at(
                        m,
                        &key,
                        format!("unknown warehouse `{name}`{}", known(c.warehouses.keys())),
                    );
                } else if v.enabled && !c.warehouse_enabled(name) {
                    // Its stock would be published while nothing can ship from it.
                    self.at(
                        m,
                        &key,
                        format!(
                            "member `{name}` is switched off (warehouses.{name}.enabled = false) \
                             but virtual warehouse `{code}` is enabled: drop the member or set \
                             virtual_warehouses.{code}.enabled = false"
                        ),
                    );
                }
            }
        }
    }

    fn check_defaults(&mut self, c: &Config) {
        if let Some(w) = &c.defaults.warehouse {
            self.physical_warehouse(c, w, "defaults.warehouse");
        }
        if let Some(cs) = &c.defaults.carrier_service {
            self.carrier_service(c, cs, "defaults.carrier_service");
        }
    }

    fn physical_warehouse(&mut self, c: &Config, w: &Spanned<String>, key: &str) {
        let name = w.get_ref();
        if c.virtual_warehouses.contains_key(name) {
            self.at(
                w,
                key,
                format!("`{name}` is a virtual warehouse; nothing ships from it"),
            );
        } else if !c.warehouses.contains_key(name) {
            self.at(
                w,
                key,
                format!("unknown warehouse `{name}`{}", known(c.warehouses.keys())),
            );
        }
    }

    fn carrier_service(&mut self, c: &Config, cs: &Spanned<String>, key: &str) {
        let name = cs.get_ref();
        if !c.carrier_services.contains_key(name) {
            self.at(
                cs,
                key,
                format!(
                    "unknown carrier service `{name}`{}",
                    known(c.carrier_services.keys())
                ),
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Sales,
    Fulfillment,
}

impl Role {
    pub(super) fn table(self) -> &'static str {
        match self {
            Role::Sales => "sales_channels",
            Role::Fulfillment => "fulfillment_channels",
        }
    }
    pub(super) fn noun(self) -> &'static str {
        match self {
            Role::Sales => "sales channel",
            Role::Fulfillment => "fulfillment channel",
        }
    }
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub(super) fn known<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let list: Vec<&str> = names.map(String::as_str).collect();
    if list.is_empty() {
        " (none are configured)".into()
    } else {
        format!(" (known: {})", list.join(", "))
    }
}
