//! The `files` connector: a channel is a folder with `inbox/` (what the other side sends
//! us) and `outbox/` (what we send). The layout is documented in docs/files-connector.md.

pub mod fs;
pub mod inbox;
mod order_updates;
mod orders;
mod products;
mod purchases;
mod returns;
mod shipments;
mod stock;

use std::path::PathBuf;

use super::{FulfillmentChannel, SalesChannel, Sent, Sink};
use crate::config::{Channel, ChannelKind, FileFormat};
use crate::model::catalog::{CatalogEntry, ProductIn};
use crate::model::order::OrderIn;
use crate::model::purchase::{PoRequest, ReceiptIn};
use crate::model::returns::{ReturnReceiptIn, ReturnRequest, SentReturn};
use crate::model::shipment::{
    OrderUpdate, ShipmentConfirmation, ShipmentRequest, StockCount, StockPublish,
};

/// Hands every wanted inbox file to `read`, then its records and `SourceDone` to the
/// sink, or `SourceFailed` with `read`'s reason. Nothing moves here: the flow acknowledges
/// or sets aside each source once it knows the outcome.
fn stream_inbox<T, I>(
    ch: &FilesChannel,
    flow: &inbox::InboxFlow,
    read: impl Fn(&std::path::Path) -> Result<I, String>,
    sink: Sink<T>,
) -> anyhow::Result<()>
where
    I: IntoIterator<Item = T>,
{
    for path in fs::inbox_files(&ch.existing_inbox()?, flow)? {
        let source = path.display().to_string();
        match read(&path) {
            Ok(records) => {
                for r in records {
                    sink(super::Fetched::Record(r))?;
                }
                sink(super::Fetched::SourceDone { source })?;
            }
            Err(reason) => sink(super::Fetched::SourceFailed { source, reason })?,
        }
    }
    Ok(())
}

/// The preferred name of a batch of `references` (`shipments-S0000001-S0000030`); the
/// name actually used is the one `store::outbound::claim` recorded.
pub fn batch_name(prefix: &str, references: &[&str]) -> String {
    match references {
        [] => format!("{prefix}-empty"),
        [one] => format!("{prefix}-{one}"),
        [first, .., last] => format!("{prefix}-{first}-{last}"),
    }
}

/// A `files` channel in either role.
pub struct FilesChannel {
    code: String,
    root: PathBuf,
    format: FileFormat,
}

impl FilesChannel {
    pub fn new(code: &str, config: &Channel) -> anyhow::Result<FilesChannel> {
        let root = config
            .dir
            .clone()
            .ok_or_else(|| anyhow::anyhow!("files channel `{code}` has no `path`"))?;
        let ch = FilesChannel {
            code: code.to_string(),
            root,
            format: config.format,
        };
        // Checked on opening too, so a flow with nothing to send this time (a stock push
        // with no changes) still says the folder is gone instead of succeeding quietly.
        ch.existing_inbox()?;
        ch.existing_outbox()?;
        Ok(ch)
    }

    pub fn format(&self) -> FileFormat {
        self.format
    }

    /// The inbox, which must exist: a missing folder is an unmounted share or a typo in
    /// `path`, and reading it as empty would hide that the other side's files go unseen.
    fn existing_inbox(&self) -> anyhow::Result<PathBuf> {
        self.existing("inbox")
    }

    /// The outbox, which must exist: creating it would write into a folder nobody reads.
    fn existing_outbox(&self) -> anyhow::Result<PathBuf> {
        self.existing("outbox")
    }

    /// Only absence is checked here; a file in the folder's place fails on use, named there.
    fn existing(&self, sub: &str) -> anyhow::Result<PathBuf> {
        let code = &self.code;
        if !self.root.exists() {
            anyhow::bail!(
                "channel `{code}`: folder {} does not exist (create it with its inbox/ and \
                 outbox/, or fix the channel's `path`)",
                self.root.display()
            );
        }
        let dir = self.root.join(sub);
        if !dir.exists() {
            anyhow::bail!(
                "channel `{code}`: folder {} does not exist (create it, or fix the channel's \
                 `path`)",
                dir.display()
            );
        }
        Ok(dir)
    }

    /// Where the outbox file of the recorded batch `name` goes.
    fn outbox_file(&self, name: &str) -> anyhow::Result<PathBuf> {
        let ext = match self.format {
            FileFormat::Csv => "csv",
            FileFormat::Json => "json",
        };
        Ok(self.existing_outbox()?.join(format!("{name}.{ext}")))
    }
}

impl SalesChannel for FilesChannel {
    fn code(&self) -> &str {
        &self.code
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Files
    }

    fn fetch_orders(
        &mut self,
        _watermark: Option<&str>,
        sink: Sink<OrderIn>,
    ) -> anyhow::Result<Option<String>> {
        orders::fetch(self, sink)
    }

    fn ack_orders(&mut self, source: &str) -> anyhow::Result<Option<String>> {
        fs::move_done(std::path::Path::new(source)).map(|p| Some(p.display().to_string()))
    }

    fn set_aside_orders(&mut self, source: &str, reason: &str) -> anyhow::Result<()> {
        fs::move_failed(std::path::Path::new(source), reason).map(|_| ())
    }

    fn export_orders_batch(
        &mut self,
        batch: &str,
        updates: &[OrderUpdate],
    ) -> anyhow::Result<Vec<Sent>> {
        order_updates::export(self, batch, updates)
    }

    fn push_stock_batch(
        &mut self,
        batch: &str,
        levels: &[StockPublish],
    ) -> anyhow::Result<Vec<Sent>> {
        stock::push(self, batch, levels)
    }

    fn list_products(&mut self, sink: Sink<ProductIn>) -> anyhow::Result<()> {
        products::list(self, sink)
    }

    fn list_bundles(
        &mut self,
        sink: Sink<crate::formats::bundles::BundleRow>,
    ) -> anyhow::Result<()> {
        products::list_bundles(self, sink)
    }

    fn write_products(&mut self, entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
        products::write(self, None, entries)
    }

    fn write_products_batch(
        &mut self,
        batch: &str,
        entries: &[CatalogEntry],
    ) -> anyhow::Result<Vec<Sent>> {
        products::write(self, Some(batch), entries)
    }
}

impl FulfillmentChannel for FilesChannel {
    fn code(&self) -> &str {
        &self.code
    }

    fn kind(&self) -> ChannelKind {
        ChannelKind::Files
    }

    fn ack(&mut self, source: &str) -> anyhow::Result<Option<String>> {
        fs::move_done(std::path::Path::new(source)).map(|p| Some(p.display().to_string()))
    }

    fn set_aside(&mut self, source: &str, reason: &str) -> anyhow::Result<()> {
        fs::move_failed(std::path::Path::new(source), reason).map(|_| ())
    }

    fn send_shipments_batch(
        &mut self,
        batch: &str,
        list: &[ShipmentRequest],
    ) -> anyhow::Result<Vec<Sent>> {
        shipments::send(self, batch, list)
    }

    fn cancel_shipments_batch(
        &mut self,
        batch: &str,
        references: &[String],
    ) -> anyhow::Result<Vec<Sent>> {
        shipments::cancel(self, batch, references)
    }

    fn shipment_updates(&mut self, sink: Sink<ShipmentConfirmation>) -> anyhow::Result<()> {
        shipments::updates(self, sink)
    }

    fn send_purchase_order(&mut self, po: &PoRequest) -> anyhow::Result<Sent> {
        purchases::send_po(self, po)
    }

    fn receipts(&mut self, sink: Sink<ReceiptIn>) -> anyhow::Result<()> {
        purchases::receipts(self, sink)
    }

    fn send_return(&mut self, rma: &ReturnRequest) -> anyhow::Result<Sent> {
        returns::send(self, rma)
    }

    fn return_receipts(
        &mut self,
        _sent: &[SentReturn],
        sink: Sink<ReturnReceiptIn>,
    ) -> anyhow::Result<()> {
        returns::receipts(self, sink)
    }

    fn stock_counts(&mut self, sink: Sink<StockCount>) -> anyhow::Result<()> {
        stock::counts(self, sink)
    }

    fn list_products(&mut self, sink: Sink<ProductIn>) -> anyhow::Result<()> {
        products::list(self, sink)
    }

    fn list_bundles(
        &mut self,
        sink: Sink<crate::formats::bundles::BundleRow>,
    ) -> anyhow::Result<()> {
        products::list_bundles(self, sink)
    }

    fn write_products(&mut self, entries: &[CatalogEntry]) -> anyhow::Result<Vec<Sent>> {
        products::write(self, None, entries)
    }

    fn write_products_batch(
        &mut self,
        batch: &str,
        entries: &[CatalogEntry],
    ) -> anyhow::Result<Vec<Sent>> {
        products::write(self, Some(batch), entries)
    }
}
