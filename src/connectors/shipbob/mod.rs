//! The `shipbob` fulfillment channel: ShipBob's dated API with a personal access token
//! (docs/connectors.md). Shipments are ShipBob orders whose `reference_id` is our
//! shipment reference; POs are warehouse receiving orders (WROs).

mod inventory;
mod orders;
mod products;
mod receiving;
mod receiving_in;
mod returns;
mod tracking;
mod wire;

use std::collections::HashMap;

use serde_json::json;

use super::http::{Auth, HttpClient, Pacing, Retry};
use super::{FulfillmentChannel, Sent, Sink};
use crate::config::{Channel, ChannelKind, ReceiveOn};
use crate::model::catalog::{CatalogEntry, ProductIn};
use crate::model::purchase::{OwnedPo, PoRequest, ReceiptIn};
use crate::model::returns::{ReturnReceiptIn, ReturnRequest, SentReturn};
use crate::model::shipment::{ShipmentConfirmation, ShipmentRequest, StockCount};

/// The API version used when the config names none.
pub const DEFAULT_API_VERSION: &str = "2026-01";
const DEFAULT_ROOT: &str = "https://api.shipbob.com";
/// ShipBob's documented limit: 150 requests a minute per user and application.
const REQUESTS_PER_MINUTE: u32 = 150;
/// Ids per acknowledgement call, to keep each request small.
const ACK_CHUNK: usize = 100;

/// What to tell ShipBob once the caller has applied a source.
#[derive(Debug)]
enum Ack {
    /// Shipments whose tracking was read: mark them uploaded.
    Tracking(Vec<i64>),
    /// WROs fully received and read: mark them synced.
    Receiving(Vec<i64>),
}

pub struct ShipbobChannel {
    code: String,
    http: HttpClient,
    api_version: String,
    /// Sent as `shipbob_channel_id`; orders of other channels are never read or marked.
    channel_id: Option<String>,
    /// Fulfillment center ids of the warehouses this channel serves.
    locations: Vec<String>,
    pending: HashMap<String, Ack>,
    /// The account's products, read once per run when needed.
    products: Option<Vec<wire::Product>>,
    receive_on: ReceiveOn,
    /// oms's POs whose WROs receipts are read from (the flow names them).
    owned: Vec<OwnedPo>,
    /// WRO id → PO number of the WROs read this run, to say which acks settled which PO.
    wro_po: HashMap<i64, String>,
    settled: Vec<(String, String)>,
}

impl ShipbobChannel {
    pub fn new(code: &str, config: &Channel, locations: Vec<String>) -> anyhow::Result<Self> {
        let api_version = config
            .api_version
            .clone()
            .unwrap_or_else(|| DEFAULT_API_VERSION.to_string());
        let root = config
            .base_url
            .as_ref()
            .map(|u| u.get_ref().trim_end_matches('/').to_string())
            .unwrap_or_else(|| DEFAULT_ROOT.to_string());
        let mut http = HttpClient::new(
            code,
            config,
            &format!("{root}/{api_version}"),
            Auth {
                header: "authorization",
                prefix: "Bearer ",
            },
            Pacing::PerMinute(REQUESTS_PER_MINUTE),
        )?;
        let channel_id = config
            .channel_id
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        if let Some(id) = &channel_id {
            http = http.with_header("shipbob_channel_id", id)?;
        }
        Ok(ShipbobChannel {
            code: code.to_string(),
            http,
            api_version,
            channel_id,
            locations,
            pending: HashMap::new(),
            products: None,
            receive_on: config.receive_on,
            owned: Vec::new(),
            wro_po: HashMap::new(),
            settled: Vec::new(),
        })
    }

    /// Whether an order belongs to the configured channel (all do when none is set).
    fn ours(&self, order: &wire::Order) -> bool {
        match (&self.channel_id, &order.channel) {
            (Some(id), Some(ch)) => ch.id.to_string() == *id,
            _ => true,
        }
    }

    fn ack_now(&mut self, ack: Ack) -> anyhow::Result<()> {
        match ack {
            Ack::Tracking(ids) => {
                for chunk in ids.chunks(ACK_CHUNK) {
                    let body = json!({ "is_tracking_uploaded": true, "shipment_ids": chunk });
                    let reply =
                        self.http
                            .post("shipment:batchUpdateTrackingUpload", &body, Retry::Safe)?;
                    let result: wire::BatchResult = reply.json()?;
                    for r in result
                        .results
                        .iter()
                        .filter(|r| r.is_success == Some(false))
                    {
                        // Not fatal: the shipment is reported again next time, and the
                        // shipments flow sees the same tracking as nothing new.
                        tracing::warn!(
                            "channel `{}`: shipment {} was not marked as tracking uploaded: {}",
                            self.code,
                            r.shipment_id,
                            r.error
                                .as_ref()
                                .and_then(|e| e.message.clone().or(e.code.clone()))
                                .unwrap_or_default()
                        );
                    }
                }
            }
            Ack::Receiving(ids) => {
                for chunk in ids.chunks(ACK_CHUNK) {
                    let body = json!({ "ids": chunk, "is_external_sync": true });
                    self.http
                        .post("receiving:setExternalSync", &body, Retry::Safe)?;
                    for id in chunk {
                        if let Some(po) = self.wro_po.get(id) {
                            self.settled.push((po.clone(), id.to_string()));
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

impl ShipbobChannel {
    /// Every page of `GET channel`: a token with many channels has them on later pages.
    fn all_channels(&mut self) -> anyhow::Result<Vec<wire::Named>> {
        let mut all = Vec::new();
        let mut next = Some("channel".to_string());
        let mut pages = 0;
        while let Some(endpoint) = next.take() {
            pages += 1;
            too_many_pages(&self.code, pages)?;
            let reply = self.http.get(&endpoint)?;
            let (items, more) = wire::decode::<wire::Channels>(&reply, &self.code)?.into_page();
            all.extend(items);
            next = more.filter(|n| *n != endpoint);
        }
        Ok(all)
    }
}

/// The next page of a Page/Limit list: ShipBob says so in a `next-page` header.
fn next_page(reply: &super::http::Reply) -> Option<String> {
    reply
        .header("next-page")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// Pages of one list before oms suspects a link loop.
const MAX_PAGES: usize = 100_000;

fn too_many_pages(code: &str, pages: usize) -> anyhow::Result<()> {
    if pages > MAX_PAGES {
        anyhow::bail!("channel `{code}`: more than {MAX_PAGES} pages; stopping");
    }
    Ok(())
}

impl FulfillmentChannel for ShipbobChannel {
    fn code(&self) -> &str {
        &self.code
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Shipbob
    }

    fn send_shipments(&mut self, shipments: &[ShipmentRequest]) -> anyhow::Result<Vec<Sent>> {
        orders::send(self, shipments)
    }

    fn cancel_shipments(&mut self, references: &[String]) -> anyhow::Result<Vec<Sent>> {
        orders::cancel(self, references)
    }

    fn shipment_updates(&mut self, sink: Sink<ShipmentConfirmation>) -> anyhow::Result<()> {
        tracking::updates(self, sink)
    }

    fn stock_counts(&mut self, sink: Sink<StockCount>) -> anyhow::Result<()> {
        inventory::counts(self, sink)
    }

    fn send_purchase_order(&mut self, po: &PoRequest) -> anyhow::Result<Sent> {
        receiving::send(self, po)
    }

    fn expect_receipts(&mut self, owned: Vec<OwnedPo>) {
        self.owned = owned;
    }

    fn receipts(&mut self, sink: Sink<ReceiptIn>) -> anyhow::Result<()> {
        receiving_in::receipts(self, sink)
    }

    fn settled(&mut self) -> Vec<(String, String)> {
        std::mem::take(&mut self.settled)
    }

    fn send_return(&mut self, rma: &ReturnRequest) -> anyhow::Result<Sent> {
        returns::send(self, rma)
    }

    fn return_receipts(
        &mut self,
        sent: &[SentReturn],
        sink: Sink<ReturnReceiptIn>,
    ) -> anyhow::Result<()> {
        returns::receipts(self, sent, sink)
    }

    fn ack(&mut self, source: &str) -> anyhow::Result<Option<String>> {
        match self.pending.remove(source) {
            Some(ack) => self.ack_now(ack).map(|()| None),
            None => Ok(None),
        }
    }

    fn list_products(&mut self, sink: Sink<ProductIn>) -> anyhow::Result<()> {
        products::fetch(self, sink)
    }

    fn write_products(&mut self, entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
        products::push(self, entries)
    }

    fn check(&mut self) -> anyhow::Result<String> {
        // A check wants a prompt answer, not a patient one.
        let retries = self.http.max_retries();
        self.http.set_max_retries(retries.min(1));
        let channels = self.all_channels();
        self.http.set_max_retries(retries);
        let channels = channels?;
        let listed = channels
            .iter()
            .map(|c| format!("{} ({})", c.id, c.name.as_deref().unwrap_or("?")))
            .collect::<Vec<_>>()
            .join(", ");
        match &self.channel_id {
            Some(id) => match channels.iter().find(|c| c.id.to_string() == *id) {
                Some(c) => Ok(format!(
                    "channel {id} ({}), API {}",
                    c.name.as_deref().unwrap_or("?"),
                    self.api_version
                )),
                None => anyhow::bail!(
                    "channel_id {id} is not one of this token's channels: {}",
                    if listed.is_empty() { "none" } else { &listed }
                ),
            },
            None => Ok(format!(
                "token ok, API {}; channel_id not set (this token's channels: {listed})",
                self.api_version
            )),
        }
    }
}
