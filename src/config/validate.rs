//! Semantic checks of a parsed config: references between tables, role and kind rules,
//! secrets. Every problem is collected, with the line of the value it is about.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use toml::Spanned;

use super::*;

#[path = "validate_rules.rs"]
mod rules;

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
        if !(1..=MAX_LINE_QUANTITY_CEILING).contains(&c.defaults.max_line_quantity) {
            self.near(
                "[defaults]",
                "defaults.max_line_quantity",
                format!("must be between 1 and {MAX_LINE_QUANTITY_CEILING}"),
            );
        }
        if c.defaults.max_splits == 0 {
            self.near(
                "[defaults]",
                "defaults.max_splits",
                "must be at least 1 (1 = never split an order)",
            );
        }
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

    fn check_channel(&mut self, c: &Config, code: &str, ch: &mut Channel, role: Role) {
        let table = role.table();
        let prefix = format!("{table}.{code}");
        let header = format!("[{prefix}]");
        let kinds: &[ChannelKind] = match role {
            Role::Sales => &[ChannelKind::Files, ChannelKind::Shopify],
            Role::Fulfillment => &[ChannelKind::Files, ChannelKind::Shipbob],
        };
        if !kinds.contains(&ch.kind) {
            self.near(
                &header,
                &format!("{prefix}.kind"),
                format!("`{}` cannot be a {}", ch.kind.as_str(), role.noun()),
            );
        }
        self.misplaced_keys(ch, &header, &prefix, role);

        match ch.kind {
            ChannelKind::Files => match &ch.path {
                Some(p) => ch.dir = Some(self.base.join(p.get_ref())),
                None => self.near(
                    &header,
                    &format!("{prefix}.path"),
                    "a `files` channel needs `path` (its folder)",
                ),
            },
            ChannelKind::Shopify => {
                if ch.shop.is_none() && ch.base_url.is_none() {
                    self.near(
                        &header,
                        &format!("{prefix}.shop"),
                        "a `shopify` channel needs `shop` (e.g. example.myshopify.com)",
                    );
                }
                let app = ch.client_id.is_some()
                    || ch.client_secret.is_some()
                    || ch.client_secret_file.is_some();
                if app {
                    self.resolve_client_secret(ch, &header, &prefix);
                } else {
                    self.resolve_secret(ch, &header, &prefix);
                }
            }
            ChannelKind::Shipbob => {
                self.resolve_secret(ch, &header, &prefix);
            }
        }
        if let Some(url) = &ch.base_url {
            let u = url.get_ref();
            if let Err(why) = check_base_url(u) {
                self.at(url, &format!("{prefix}.base_url"), &why);
            }
        }

        if role == Role::Sales {
            if let Some(w) = &ch.default_warehouse {
                self.physical_warehouse(c, w, &format!("{prefix}.default_warehouse"));
            }
            if let Some(cs) = &ch.default_carrier_service {
                self.carrier_service(c, cs, &format!("{prefix}.default_carrier_service"));
            }
            if let Some(src) = &ch.stock_source {
                let name = src.get_ref();
                if !c.warehouses.contains_key(name) && !c.virtual_warehouses.contains_key(name) {
                    let all = c.warehouses.keys().chain(c.virtual_warehouses.keys());
                    self.at(
                        src,
                        &format!("{prefix}.stock_source"),
                        format!("unknown warehouse `{name}`{}", known(all)),
                    );
                } else if !c.warehouse_enabled(name) {
                    self.at(
                        src,
                        &format!("{prefix}.stock_source"),
                        format!(
                            "warehouse `{name}` is switched off (enabled = false): the channel \
                             would publish stock nothing ships from"
                        ),
                    );
                }
            }
            if let Some(d) = &ch.hold_for {
                if let Err(e) = crate::model::hold::parse_duration(d.get_ref()) {
                    self.at(d, &format!("{prefix}.hold_for"), e);
                }
                if ch.stock_source.is_none()
                    && ch.default_warehouse.is_none()
                    && c.defaults.warehouse.is_none()
                {
                    self.at(
                        d,
                        &format!("{prefix}.hold_for"),
                        "held orders reserve units on the channel's stock_source: set stock_source (or default_warehouse)",
                    );
                }
            }
            if ch.buffer() < 0 {
                self.near(&header, &format!("{prefix}.buffer"), "must not be negative");
            }
            for cs in ch.carrier_map.values() {
                self.carrier_service(c, cs, &format!("{prefix}.carrier_map"));
            }
            self.check_rules(c, ch, &prefix);
        } else {
            for (cs, method) in &ch.carrier_map {
                if !c.carrier_services.contains_key(cs) {
                    self.at(
                        method,
                        &format!("{prefix}.carrier_map"),
                        format!(
                            "unknown carrier service `{cs}`{}",
                            known(c.carrier_services.keys())
                        ),
                    );
                }
            }
        }
    }

    fn misplaced_keys(&mut self, ch: &Channel, header: &str, prefix: &str, role: Role) {
        let sales_only = [
            ("default_status", ch.default_status.is_some()),
            ("draft_if_total_over", ch.draft_if_total_over.is_some()),
            ("draft_if_units_over", ch.draft_if_units_over.is_some()),
            ("default_warehouse", ch.default_warehouse.is_some()),
            (
                "default_carrier_service",
                ch.default_carrier_service.is_some(),
            ),
            ("stock_source", ch.stock_source.is_some()),
            ("buffer", ch.buffer.is_some()),
            ("location_id", ch.location_id.is_some()),
            ("include_test_orders", ch.include_test_orders.is_some()),
            ("require_ship_to", ch.require_ship_to.is_some()),
            ("split_bundles", ch.split_bundles.is_some()),
            ("client_id", ch.client_id.is_some()),
            ("client_secret", ch.client_secret.is_some()),
            ("client_secret_file", ch.client_secret_file.is_some()),
            ("notify_customer", ch.notify_customer.is_some()),
            ("bulk_import", ch.bulk_import.is_some()),
            (
                "bulk_import_after_days",
                ch.bulk_import_after_days.is_some(),
            ),
            ("hold_for", ch.hold_for.is_some()),
            ("rules", !ch.rules.is_empty()),
        ];
        let fulfillment_only = [
            ("allow_partial", ch.allow_partial.is_some()),
            ("channel_id", ch.channel_id.is_some()),
        ];
        let (wrong, other) = match role {
            Role::Sales => (&fulfillment_only[..], Role::Fulfillment),
            Role::Fulfillment => (&sales_only[..], Role::Sales),
        };
        for (key, set) in wrong {
            if *set {
                self.near(
                    header,
                    &format!("{prefix}.{key}"),
                    format!("`{key}` is a {} setting", other.noun()),
                );
            }
        }
    }

    /// The token is resolved now, but a token that is merely unavailable (variable unset,
    /// file unreadable) is recorded on the channel instead of failing the config: a
    /// command that never talks to this channel must still run.
    fn resolve_secret(&mut self, ch: &mut Channel, header: &str, prefix: &str) {
        let (value, file) = (ch.token.clone(), ch.token_file.clone());
        let got = self.read_secret(value, file, ("token", "token_file"), header, prefix);
        ch.secret = got.secret;
        ch.secret_problem = got.problem;
        ch.secret_warning = got.warning;
    }

    /// A Shopify Dev Dashboard app: `client_id` with `client_secret` or its file; the
    /// access token is fetched at run time, so a `token` as well would be ambiguous.
    fn resolve_client_secret(&mut self, ch: &mut Channel, header: &str, prefix: &str) {
        if let Some(t) = ch.token.clone().or(ch.token_file.clone()) {
            self.at(
                &t,
                &format!("{prefix}.token"),
                "give either `token` (an admin-created app) or `client_id` + `client_secret` (a Dev Dashboard app), not both",
            );
        }
        if ch
            .client_id
            .as_deref()
            .is_none_or(|id| id.trim().is_empty())
        {
            self.near(
                header,
                &format!("{prefix}.client_id"),
                "`client_secret` needs the app's `client_id` (Dev Dashboard → app → Settings)",
            );
        }
        let (value, file) = (ch.client_secret.clone(), ch.client_secret_file.clone());
        let got = self.read_secret(
            value,
            file,
            ("client_secret", "client_secret_file"),
            header,
            prefix,
        );
        ch.client_secret_value = got.secret;
        ch.secret_problem = got.problem;
        ch.secret_warning = got.warning;
    }

    /// A secret given as `${VAR}` in key `names.0` or as a file in `names.1`.
    fn read_secret(
        &mut self,
        value: Option<Spanned<String>>,
        file: Option<Spanned<String>>,
        names: (&str, &str),
        header: &str,
        prefix: &str,
    ) -> SecretRead {
        let (key, file_key) = names;
        let mut got = SecretRead::default();
        got.secret = match (&value, &file) {
            (Some(_), Some(f)) => {
                self.at(
                    f,
                    &format!("{prefix}.{file_key}"),
                    format!("give either `{key}` or `{file_key}`, not both"),
                );
                None
            }
            (Some(t), None) => match env_reference_name(t.get_ref()) {
                Some(var) => match std::env::var(var) {
                    Ok(v) if !v.trim().is_empty() => Some(Secret::new(v.trim().to_string())),
                    _ => {
                        let msg = format!("environment variable `{var}` is not set");
                        got.problem = Some(self.message(t.span(), &format!("{prefix}.{key}"), msg));
                        None
                    }
                },
                None => {
                    self.at(t, &format!("{prefix}.{key}"), format!("write secrets as `${{VAR}}` (read from the environment) or use `{file_key}`, never in the file itself"));
                    None
                }
            },
            (None, Some(f)) => {
                let path = self.base.join(f.get_ref());
                let key = format!("{prefix}.{file_key}");
                match std::fs::read_to_string(&path) {
                    Ok(v) if !v.trim().is_empty() => {
                        got.warning =
                            shared_token_file(&path).map(|why| self.message(f.span(), &key, why));
                        Some(Secret::new(v.trim().to_string()))
                    }
                    Ok(_) => {
                        let msg = format!("{} is empty", path.display());
                        got.problem = Some(self.message(f.span(), &key, msg));
                        None
                    }
                    Err(e) => {
                        let msg = format!("cannot read {}: {e}", path.display());
                        got.problem = Some(self.message(f.span(), &key, msg));
                        None
                    }
                }
            }
            (None, None) => {
                self.near(
                    header,
                    &format!("{prefix}.{key}"),
                    format!("this channel needs `{key} = \"${{VAR}}\"` or `{file_key}`"),
                );
                None
            }
        };
        got
    }
}

/// What reading one secret gave: the value, or why it is unavailable (recorded on the
/// channel, not fatal at load), and a warning for `oms config check`.
#[derive(Default)]
struct SecretRead {
    secret: Option<Secret>,
    problem: Option<String>,
    warning: Option<String>,
}

/// Why a token file is readable by more than its owner, if it is.
fn shared_token_file(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        (mode & 0o077 != 0).then(|| {
            format!(
                "{} is readable by group or others (mode {:03o}); `chmod 600 {}`",
                path.display(),
                mode & 0o777,
                path.display()
            )
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The highest `defaults.max_line_quantity` accepted: with at most this many units per
/// line and SQLite's page-bounded line counts, no order's sum comes near i64.
const MAX_LINE_QUANTITY_CEILING: i64 = 1_000_000_000_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Sales,
    Fulfillment,
}

impl Role {
    fn table(self) -> &'static str {
        match self {
            Role::Sales => "sales_channels",
            Role::Fulfillment => "fulfillment_channels",
        }
    }
    fn noun(self) -> &'static str {
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

fn known<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let list: Vec<&str> = names.map(String::as_str).collect();
    if list.is_empty() {
        " (none are configured)".into()
    } else {
        format!(" (known: {})", list.join(", "))
    }
}
