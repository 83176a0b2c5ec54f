//! Checks of one sales or fulfillment channel: its kind for its role, keys that belong to
//! the other role, its folder or shop, its base URL and the warehouses it names.

use super::{Role, Validator, check_base_url, known};
use crate::config::{Channel, ChannelKind, Config};

impl Validator<'_> {
    pub(super) fn check_channel(&mut self, c: &Config, code: &str, ch: &mut Channel, role: Role) {
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

        if ch.import_returns == Some(true) && ch.kind != ChannelKind::Shopify {
            self.near(
                &header,
                &format!("{prefix}.import_returns"),
                "only a `shopify` channel has returns to import",
            );
        }
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
            ("stock_push", ch.stock_push.is_some()),
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
            ("import_returns", ch.import_returns.is_some()),
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
                self.at_key(
                    header,
                    &format!("{prefix}.{key}"),
                    format!("`{key}` is a {} setting", other.noun()),
                );
            }
        }
    }
}
