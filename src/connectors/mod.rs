//! Connections to sales and fulfillment channels (SPEC §6). Connectors know their wire
//! format and map it to `model` types; they never touch the database (ARCHITECTURE).
//!
//! Reading is streaming and acknowledged: a connector hands records to a sink one by one,
//! grouped by source (a file, a page), and is told to acknowledge a source only after the
//! flow has committed everything from it. A crash in between means the source is read
//! again next time, and the flow's idempotency makes that harmless.

pub mod files;
pub mod http;
pub mod shipbob;
pub mod shopify;

use crate::config::{ChannelKind, Config};
use crate::formats::bundles::BundleRow;
use crate::formats::csv_table::LineTally;
use crate::model::catalog::{CatalogEntry, ProductIn};
use crate::model::order::OrderIn;
use crate::model::purchase::{OwnedPo, PoRequest, ReceiptIn};
use crate::model::returns::{ReturnReceiptIn, ReturnRequest, SentReturn};
use crate::model::shipment::{
    OrderUpdate, ShipmentConfirmation, ShipmentRequest, StockCount, StockPublish,
};
use crate::model::shop_returns::{ShopReturnIn, ShopReturnReport};

/// One event of a streamed read.
#[derive(Debug)]
pub enum Fetched<T> {
    /// A record, parsed as far as its source allowed (see its `problems`).
    Record(T),
    /// How the physical lines of this source were accounted for, just before its
    /// `SourceDone`, from readers of line-based files that count them (order CSVs).
    Lines { source: String, lines: LineTally },
    /// Every record of this source has been handed over; acknowledge it once committed.
    SourceDone { source: String },
    /// A source that could not be read at all. It stays where it is until the flow asks
    /// the connector to set it aside (never in a dry run).
    SourceFailed { source: String, reason: String },
}

/// Where a streamed read hands its events. Returning an error stops the read.
pub type Sink<'a, T> = &'a mut dyn FnMut(Fetched<T>) -> anyhow::Result<()>;

/// The answer to one record sent to a channel.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Sent {
    /// Our reference (shipment reference, order id, PO number, SKU).
    pub reference: String,
    /// The channel's id for it, when it gives one.
    pub external_id: Option<String>,
    /// Why the channel refused this record; the others in the same call may have succeeded.
    pub error: Option<String>,
    /// Something the person running the flow should know about an accepted record (e.g.
    /// the channel's value had moved and was read again before setting).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Sent {
    pub fn ok(reference: impl Into<String>, external_id: Option<String>) -> Sent {
        Sent {
            reference: reference.into(),
            external_id,
            ..Sent::default()
        }
    }

    pub fn refused(reference: impl Into<String>, error: impl Into<String>) -> Sent {
        Sent {
            reference: reference.into(),
            error: Some(error.into()),
            ..Sent::default()
        }
    }
}

/// A variant the channel has and the catalog does not, met while writing products.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Unlisted {
    /// The product's handle.
    pub product: String,
    /// The variant's SKU at the channel (None: it has none).
    pub sku: Option<String>,
    /// The channel's id for the variant.
    pub variant_id: String,
    /// Removed at the channel (`--prune`), or kept there as it was.
    pub removed: bool,
}

/// The answer to writing products: one `Sent` per SKU, and the channel's variants that
/// the catalog does not have.
#[derive(Debug, Default)]
pub struct ProductsWritten {
    pub sent: Vec<Sent>,
    pub unlisted: Vec<Unlisted>,
}

/// The error for asking a connector to do what its kind cannot (SPEC §6).
#[derive(Debug, thiserror::Error)]
#[error("channel `{channel}` ({kind}) cannot {what}")]
pub struct Unsupported {
    pub channel: String,
    pub kind: &'static str,
    pub what: &'static str,
}

/// A shop or marketplace: where orders come from and where their fate is reported.
pub trait SalesChannel {
    fn code(&self) -> &str;
    fn kind(&self) -> ChannelKind;

    fn unsupported(&self, what: &'static str) -> anyhow::Error {
        Unsupported {
            channel: self.code().to_string(),
            kind: self.kind().as_str(),
            what,
        }
        .into()
    }

    /// Streams orders changed since `watermark`; returns the watermark to store once the
    /// whole read has been committed (None: watermarks mean nothing to this connector).
    fn fetch_orders(
        &mut self,
        _watermark: Option<&str>,
        _sink: Sink<OrderIn>,
    ) -> anyhow::Result<Option<String>> {
        Err(self.unsupported("list orders"))
    }

    /// Marks a source handed over by `fetch_orders` as fully applied; returns where the
    /// source is now when that moved it (a file into `done/`), so records naming it follow.
    fn ack_orders(&mut self, _source: &str) -> anyhow::Result<Option<String>> {
        Ok(None)
    }

    /// Sets aside a source reported as `SourceFailed`, so it is not read again and again.
    /// Flows call it only for real runs: a dry run must leave everything where it was.
    fn set_aside_orders(&mut self, _source: &str, _reason: &str) -> anyhow::Result<()> {
        Ok(())
    }

    /// Reports shipped lines, tracking and cancellations back to the channel.
    fn export_orders(&mut self, _updates: &[OrderUpdate]) -> anyhow::Result<Vec<Sent>> {
        Err(self.unsupported("receive order updates"))
    }

    /// Publishes available quantities per SKU.
    fn push_stock(&mut self, _levels: &[StockPublish]) -> anyhow::Result<Vec<Sent>> {
        Err(self.unsupported("receive stock levels"))
    }

    /// [`export_orders`](Self::export_orders) for a batch recorded in `store::outbound`:
    /// `batch` is its recorded name (the file name, or an idempotency key), the same on
    /// every resend. Connectors whose calls are idempotent by content keep the default.
    fn export_orders_batch(
        &mut self,
        _batch: &str,
        updates: &[OrderUpdate],
    ) -> anyhow::Result<Vec<Sent>> {
        self.export_orders(updates)
    }

    /// [`push_stock`](Self::push_stock) for a recorded batch (see `export_orders_batch`).
    fn push_stock_batch(
        &mut self,
        _batch: &str,
        levels: &[StockPublish],
    ) -> anyhow::Result<Vec<Sent>> {
        self.push_stock(levels)
    }

    /// Streams the channel's products and variants (catalog sync, when it is the master).
    fn list_products(&mut self, _sink: Sink<ProductIn>) -> anyhow::Result<()> {
        Err(self.unsupported("list products"))
    }

    /// Streams the master's bundles (one source per file), read after its products; a
    /// master that has no bundles sends none.
    fn list_bundles(&mut self, _sink: Sink<BundleRow>) -> anyhow::Result<()> {
        Ok(())
    }

    /// Creates or updates products and variants, keyed by SKU; one `Sent` per SKU.
    fn write_products(&mut self, _entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
        Err(self.unsupported("take products"))
    }

    /// The catalog push of recorded batch `batch` ([`write_products_batch`]). A channel
    /// that replaces a product's whole variant list when it takes one (Shopify's
    /// `productSet`) overrides it: variants it has that the catalog does not are kept and
    /// reported, or removed when `prune` is set.
    ///
    /// [`write_products_batch`]: Self::write_products_batch
    fn write_catalog(
        &mut self,
        batch: &str,
        entries: &[CatalogEntry],
        _prune: bool,
    ) -> anyhow::Result<ProductsWritten> {
        Ok(ProductsWritten {
            sent: self.write_products_batch(batch, entries)?,
            unlisted: Vec::new(),
        })
    }

    /// [`write_products`](Self::write_products) for a recorded batch: a files channel
    /// names its file after `batch`, so a resend after a crash rewrites that same file.
    /// Keyed by SKU, an API push is the same call again.
    fn write_products_batch(
        &mut self,
        _batch: &str,
        entries: &[CatalogEntry],
    ) -> anyhow::Result<Vec<Sent>> {
        self.write_products(entries)
    }

    /// Streams the shop's returns on orders changed since `watermark`, one source per
    /// page; returns the watermark to store once the whole read has been committed.
    fn shop_returns(
        &mut self,
        _watermark: Option<&str>,
        _sink: Sink<ShopReturnIn>,
    ) -> anyhow::Result<Option<String>> {
        Err(self.unsupported("list returns"))
    }

    /// Tells the shop what arrived of a return whose RMA oms finished, and that nothing
    /// more is coming. Safe to resend: what the shop already processed is not sent again.
    fn report_return(&mut self, _report: &ShopReturnReport) -> anyhow::Result<Sent> {
        Err(self.unsupported("take return outcomes"))
    }

    /// Proves the connection and credentials with one cheap call; says what it found.
    fn check(&mut self) -> anyhow::Result<String> {
        Err(self.unsupported("check its connection"))
    }
}

/// A warehouse's system: takes shipments and POs, reports shipments, stock and receipts.
pub trait FulfillmentChannel {
    fn code(&self) -> &str;
    fn kind(&self) -> ChannelKind;

    fn unsupported(&self, what: &'static str) -> anyhow::Error {
        Unsupported {
            channel: self.code().to_string(),
            kind: self.kind().as_str(),
            what,
        }
        .into()
    }

    /// Creates shipments; idempotent on each shipment's `reference`.
    fn send_shipments(&mut self, _shipments: &[ShipmentRequest]) -> anyhow::Result<Vec<Sent>> {
        Err(self.unsupported("take shipments"))
    }

    /// Asks the warehouse to cancel shipments not yet shipped.
    fn cancel_shipments(&mut self, _references: &[String]) -> anyhow::Result<Vec<Sent>> {
        Err(self.unsupported("cancel shipments"))
    }

    /// [`send_shipments`](Self::send_shipments) for a batch recorded in `store::outbound`:
    /// `batch` is its recorded name (the file name, or an idempotency key), the same on
    /// every resend. Connectors idempotent on each shipment's reference keep the default.
    fn send_shipments_batch(
        &mut self,
        _batch: &str,
        shipments: &[ShipmentRequest],
    ) -> anyhow::Result<Vec<Sent>> {
        self.send_shipments(shipments)
    }

    /// [`cancel_shipments`](Self::cancel_shipments) for a recorded batch.
    fn cancel_shipments_batch(
        &mut self,
        _batch: &str,
        references: &[String],
    ) -> anyhow::Result<Vec<Sent>> {
        self.cancel_shipments(references)
    }

    /// Streams shipment confirmations (shipped quantities, tracking, cancellations).
    fn shipment_updates(&mut self, _sink: Sink<ShipmentConfirmation>) -> anyhow::Result<()> {
        Err(self.unsupported("report shipments"))
    }

    /// Streams stock on hand per warehouse location.
    fn stock_counts(&mut self, _sink: Sink<StockCount>) -> anyhow::Result<()> {
        Err(self.unsupported("report stock"))
    }

    /// Creates an inbound purchase order; idempotent on the PO number.
    fn send_purchase_order(&mut self, _po: &PoRequest) -> anyhow::Result<Sent> {
        Err(self.unsupported("take purchase orders"))
    }

    /// Names the POs exported to this channel that still expect stock, before
    /// [`Self::receipts`]. A channel whose records are shared with other integrations
    /// (ShipBob WROs) reads only these; others ignore it.
    fn expect_receipts(&mut self, _owned: Vec<OwnedPo>) {}

    /// (PO number, channel id) of the records this run's acknowledgements closed: the
    /// flow stops naming those POs in [`Self::expect_receipts`].
    fn settled(&mut self) -> Vec<(String, String)> {
        Vec::new()
    }

    /// Streams receipts against purchase orders.
    fn receipts(&mut self, _sink: Sink<ReceiptIn>) -> anyhow::Result<()> {
        Err(self.unsupported("report receipts"))
    }

    /// Tells the warehouse an RMA's goods are coming back; idempotent on the RMA number
    /// (docs/returns.md), so a resend after a lost answer never makes a second return.
    fn send_return(&mut self, _rma: &ReturnRequest) -> anyhow::Result<Sent> {
        Err(self.unsupported("take returns"))
    }

    /// Streams the warehouse's reports of returned goods that arrived. `sent` names the
    /// RMAs this channel was told about and still expects (a channel that is asked about
    /// each return reads only those).
    fn return_receipts(
        &mut self,
        _sent: &[SentReturn],
        _sink: Sink<ReturnReceiptIn>,
    ) -> anyhow::Result<()> {
        Err(self.unsupported("report returns"))
    }

    /// Streams the channel's products and variants (catalog sync, when it is the master).
    fn list_products(&mut self, _sink: Sink<ProductIn>) -> anyhow::Result<()> {
        Err(self.unsupported("list products"))
    }

    /// Streams the master's bundles (one source per file), read after its products; a
    /// master that has no bundles sends none.
    fn list_bundles(&mut self, _sink: Sink<BundleRow>) -> anyhow::Result<()> {
        Ok(())
    }

    /// Creates or updates products and variants, keyed by SKU; one `Sent` per SKU.
    fn write_products(&mut self, _entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
        Err(self.unsupported("take products"))
    }

    /// [`write_products`](Self::write_products) for a recorded batch: a files channel
    /// names its file after `batch`, so a resend after a crash rewrites that same file.
    /// Keyed by SKU, an API push is the same call again.
    fn write_products_batch(
        &mut self,
        _batch: &str,
        entries: &[CatalogEntry],
    ) -> anyhow::Result<Vec<Sent>> {
        self.write_products(entries)
    }

    /// Marks a source handed over by a streamed read as fully applied; returns where the
    /// source is now when that moved it (a file into `done/`), so records naming it follow.
    fn ack(&mut self, _source: &str) -> anyhow::Result<Option<String>> {
        Ok(None)
    }

    /// Sets aside a source reported as `SourceFailed`, so it is not read again and again.
    /// Flows call it only for real runs: a dry run must leave everything where it was.
    fn set_aside(&mut self, _source: &str, _reason: &str) -> anyhow::Result<()> {
        Ok(())
    }

    /// Proves the connection and credentials with one cheap call; says what it found.
    fn check(&mut self) -> anyhow::Result<String> {
        Err(self.unsupported("check its connection"))
    }
}

/// Opens the sales channel `code` as configured.
pub fn sales(config: &Config, code: &str) -> anyhow::Result<Box<dyn SalesChannel>> {
    let ch = config
        .sales_channels
        .get(code)
        .ok_or_else(|| crate::error::usage(config.unknown_sales_channel(code)))?;
    match ch.kind {
        ChannelKind::Files => Ok(Box::new(files::FilesChannel::new(code, ch)?)),
        ChannelKind::Shopify => Ok(Box::new(shopify::ShopifyChannel::new(code, ch)?)),
        other => Err(crate::error::usage(format!(
            "sales channel `{code}`: a `{}` channel cannot be a sales channel",
            other.as_str()
        ))),
    }
}

/// Opens the fulfillment channel `code` as configured.
pub fn fulfillment(config: &Config, code: &str) -> anyhow::Result<Box<dyn FulfillmentChannel>> {
    let ch = config
        .fulfillment_channels
        .get(code)
        .ok_or_else(|| crate::error::usage(config.unknown_fulfillment_channel(code)))?;
    match ch.kind {
        ChannelKind::Files => Ok(Box::new(files::FilesChannel::new(code, ch)?)),
        ChannelKind::Shipbob => {
            // The fulfillment centers oms has warehouses in: stock elsewhere is not ours to sync.
            let locations = config
                .warehouses
                .values()
                .filter(|w| w.fulfillment_channel.get_ref() == code)
                .filter_map(|w| w.location_id.clone())
                .collect();
            Ok(Box::new(shipbob::ShipbobChannel::new(code, ch, locations)?))
        }
        other => Err(crate::error::usage(format!(
            "fulfillment channel `{code}`: a `{}` channel cannot be a fulfillment channel",
            other.as_str()
        ))),
    }
}
