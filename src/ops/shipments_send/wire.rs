//! How one fulfillment channel names things, applied to a stored shipment to make the
//! request it receives.

use std::collections::HashMap;

use crate::config::Config;
use crate::model::shipment::{ShipmentRequest, ShipmentRequestLine};
use crate::model::sku_key;
use crate::store::processing::Outbound;

/// How one fulfillment channel names things: its SKUs (its `sku_map` read backwards), its
/// shipping methods for our carrier services (`carrier_map`), our warehouses' location ids.
pub(super) struct Wire<'c> {
    config: &'c Config,
    /// oms SKU key → the channel's SKU.
    skus: HashMap<String, &'c str>,
    code: &'c str,
}

impl<'c> Wire<'c> {
    pub(super) fn new(config: &'c Config, code: &'c str) -> Wire<'c> {
        let mut skus = HashMap::new();
        if let Some(ch) = config.fulfillment_channels.get(code) {
            // Several channel SKUs may map to one of ours; the first in the config's
            // (sorted) order is the one we send, so the choice is stable.
            for (theirs, ours) in &ch.sku_map {
                skus.entry(sku_key(ours)).or_insert(theirs.as_str());
            }
        }
        Wire { config, skus, code }
    }

    pub(super) fn request(&self, o: &Outbound) -> ShipmentRequest {
        let service = o.carrier_service.as_deref();
        let carrier = service.and_then(|s| self.config.carrier_services.get(s));
        let shipping_method = service.and_then(|s| {
            self.config
                .fulfillment_channels
                .get(self.code)
                .and_then(|ch| ch.carrier_map.get(s))
                .map(|m| m.get_ref().clone())
        });
        let lines = o
            .lines
            .iter()
            .map(|l| ShipmentRequestLine {
                sku: self
                    .skus
                    .get(&sku_key(&l.sku))
                    .map_or_else(|| l.sku.clone(), |s| s.to_string()),
                quantity: l.quantity,
                title: l.title.clone(),
                bundle_sku: l.bundle_sku.clone(),
                bundle_line_id: l.bundle_line_id,
            })
            .collect();
        ShipmentRequest {
            reference: o.reference.clone(),
            order_id: o.order_id,
            order_name: o
                .order_name
                .clone()
                .unwrap_or_else(|| o.order_external_id.clone()),
            order_external_id: o.order_external_id.clone(),
            sales_channel: o.sales_channel.clone(),
            warehouse: o.warehouse.clone(),
            location_id: self
                .config
                .warehouses
                .get(&o.warehouse)
                .and_then(|w| w.location_id.clone()),
            carrier_service: o.carrier_service.clone(),
            carrier: carrier.map(|c| c.carrier.clone()),
            service: carrier.map(|c| c.service.clone()),
            shipping_method,
            email: o.email.clone(),
            ship_to: o.ship_to.clone(),
            lines,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::processing::OutboundLine;

    const CONFIG: &str = r#"
[carrier_services.ups-ground]
carrier = "UPS"
service = "Ground"

[carrier_services.standard]
carrier = "Any"
service = "Standard"

[fulfillment_channels.east-3pl]
kind = "files"
path = "east"
carrier_map = { ups-ground = "UPS_GND" }
sku_map = { "E-TEE" = "tee-red-m", "A-TEE" = "TEE-RED-M", "E-MUG" = "MUG-1" }

[warehouses.east]
fulfillment_channel = "east-3pl"
location_id = "FC-7"
"#;

    fn shipment(service: Option<&str>) -> Outbound {
        Outbound {
            reference: "S0000001".into(),
            order_external_id: "1001".into(),
            warehouse: "east".into(),
            carrier_service: service.map(str::to_string),
            lines: ["TEE-RED-M", "Mug-1 ", "CAP-1"]
                .into_iter()
                .map(|sku| OutboundLine {
                    sku: sku.into(),
                    quantity: 1,
                    title: None,
                    bundle_sku: None,
                    bundle_line_id: None,
                })
                .collect(),
            ..Outbound::default()
        }
    }

    #[test]
    fn requests_speak_the_channel_s_language() {
        let config =
            crate::config::parse(std::path::Path::new("oms.toml"), CONFIG, None).expect("valid");
        let wire = Wire::new(&config, "east-3pl");
        let r = wire.request(&shipment(Some("ups-ground")));
        let skus: Vec<&str> = r.lines.iter().map(|l| l.sku.as_str()).collect();
        // Two channel SKUs name TEE-RED-M: the first in sorted order is sent, every time.
        assert_eq!(skus, ["A-TEE", "E-MUG", "CAP-1"]);
        assert_eq!(
            (
                r.carrier.as_deref(),
                r.service.as_deref(),
                r.shipping_method.as_deref(),
                r.location_id.as_deref(),
                r.order_name.as_str()
            ),
            (
                Some("UPS"),
                Some("Ground"),
                Some("UPS_GND"),
                Some("FC-7"),
                "1001"
            )
        );
        // A service the channel does not map still says which carrier and service it is.
        let r = wire.request(&shipment(Some("standard")));
        assert_eq!(
            (r.carrier.as_deref(), r.shipping_method.as_deref()),
            (Some("Any"), None)
        );
        let r = wire.request(&shipment(None));
        assert_eq!(
            (r.carrier, r.service, r.shipping_method),
            (None, None, None)
        );
    }
}
