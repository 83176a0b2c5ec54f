//! The TOML schema of `oms.toml` (SPEC §5). `config.example.toml` documents every key;
//! a test keeps the two in step. Fields that name other things carry their source
//! span so validation can point at the exact line.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;

use super::secret::Secret;
use crate::model::returns::{Disposition, ReturnReason};

#[derive(Debug, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// SQLite file; relative paths are relative to the config file's folder.
    pub database: Option<String>,
    #[serde(default)]
    pub defaults: Defaults,
    #[serde(default)]
    pub warehouses: BTreeMap<String, Warehouse>,
    #[serde(default)]
    pub virtual_warehouses: BTreeMap<String, VirtualWarehouse>,
    #[serde(default)]
    pub carrier_services: BTreeMap<String, CarrierService>,
    #[serde(default)]
    pub sales_channels: BTreeMap<String, SalesChannel>,
    #[serde(default)]
    pub fulfillment_channels: BTreeMap<String, FulfillmentChannel>,
    #[serde(default)]
    pub catalog: Catalog,
    #[serde(default)]
    pub run: Run,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub returns: Returns,

    /// Where this config was read from (not a key).
    #[serde(skip)]
    pub source: PathBuf,
    /// The database path after `--db`/`$OMS_DB` and relative-path resolution (not a key).
    #[serde(skip)]
    pub database_path: PathBuf,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub warehouse: Option<Spanned<String>>,
    pub carrier_service: Option<Spanned<String>>,
    #[serde(default = "default_order_status")]
    pub order_status: InitialStatus,
    #[serde(default)]
    pub backorder_mode: BackorderMode,
    #[serde(default = "default_max_splits")]
    pub max_splits: u32,
    /// The most units one order line may ask for; an order with a line above it is
    /// rejected, so that sums in totals and views can never overflow.
    #[serde(default = "default_max_line_quantity")]
    pub max_line_quantity: i64,
    /// A warehouse that ships fewer units than a shipment carried closes it short at once
    /// (true), or leaves the missing units allocated for a later confirmation or
    /// `oms shipments close` (false, the default). Overridable per sales channel.
    #[serde(default)]
    pub allow_partial_fulfillment: bool,
    /// `oms orders process` cancels orders whose `cancel_after` has passed before they were
    /// sent to a warehouse (true), or leaves them to a person, listed by `oms status`
    /// (false, the default).
    #[serde(default)]
    pub auto_cancel: bool,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            warehouse: None,
            carrier_service: None,
            order_status: default_order_status(),
            backorder_mode: BackorderMode::default(),
            max_splits: default_max_splits(),
            max_line_quantity: default_max_line_quantity(),
            allow_partial_fulfillment: false,
            auto_cancel: false,
        }
    }
}

fn default_order_status() -> InitialStatus {
    InitialStatus::Approved
}

fn default_max_splits() -> u32 {
    2
}

fn default_max_line_quantity() -> i64 {
    1_000_000
}

/// The status an imported order starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InitialStatus {
    Approved,
    Draft,
}

/// `oms`: allocate only what is available, flag the rest backordered.
/// `wms`: the warehouse handles backorders; allocate without checking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BackorderMode {
    #[default]
    Oms,
    Wms,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Warehouse {
    pub name: Option<String>,
    pub fulfillment_channel: Spanned<String>,
    /// The warehouse's id in its fulfillment channel (ShipBob fulfillment center id, ...).
    pub location_id: Option<String>,
    /// Lower is tried first when choosing and splitting.
    #[serde(default = "default_priority")]
    pub priority: i64,
    /// Switched off: nothing is allocated to it or sent there; its stock is still shown,
    /// synced and adjustable (a warehouse closing, or not open yet).
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn default_priority() -> i64 {
    100
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VirtualWarehouse {
    pub name: Option<String>,
    pub members: Vec<Spanned<String>>,
    /// An enabled virtual warehouse may not have a switched-off member (`config check`).
    #[serde(default = "yes")]
    pub enabled: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CarrierService {
    pub carrier: String,
    pub service: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    Files,
    Shopify,
    Shipbob,
}

impl ChannelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Files => "files",
            ChannelKind::Shopify => "shopify",
            ChannelKind::Shipbob => "shipbob",
        }
    }
}

/// How files-connector channels write their outbox.
/// How `oms stock push` publishes to a sales channel (docs/stock.md "Push modes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum StockPushMode {
    /// Each SKU's available quantity, set as it is.
    #[default]
    Absolute,
    /// The signed change since the last push, for channels that take adjustments.
    Delta,
    /// Nothing on a schedule; `oms stock push --channel CODE` by hand still sends.
    Off,
}

impl StockPushMode {
    pub fn as_str(self) -> &'static str {
        match self {
            StockPushMode::Absolute => "absolute",
            StockPushMode::Delta => "delta",
            StockPushMode::Off => "off",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    #[default]
    Csv,
    Json,
}

/// A sales or fulfillment channel. Both roles share one struct so that every key keeps
/// its line number (serde's `flatten` would lose spans and unknown-key checks);
/// validation rejects keys that do not belong to the channel's role or kind.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub kind: ChannelKind,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// files: the channel's folder (inbox/, outbox/).
    pub path: Option<Spanned<String>>,
    /// files: layout of written files.
    #[serde(default)]
    pub format: FileFormat,
    /// shopify: shop domain, e.g. `example.myshopify.com`.
    pub shop: Option<String>,
    /// HTTP connectors: overrides the API's base URL (a proxy, or a mock in tests).
    pub base_url: Option<Spanned<String>>,
    #[serde(serialize_with = "redact_token")]
    pub token: Option<Spanned<String>>,
    pub token_file: Option<Spanned<String>>,
    pub api_version: Option<String>,
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout_secs: u64,
    #[serde(default = "default_retries")]
    pub max_retries: u32,
    /// Channel SKU → oms SKU.
    #[serde(default)]
    pub sku_map: BTreeMap<String, String>,
    /// Sales: the channel's shipping method → carrier service code.
    /// Fulfillment: carrier service code → the channel's shipping method.
    #[serde(default)]
    pub carrier_map: BTreeMap<String, Spanned<String>>,

    // --- sales channels only ---
    pub default_status: Option<InitialStatus>,
    /// Orders whose total is above this amount start as `draft`.
    pub draft_if_total_over: Option<f64>,
    /// Orders with more units than this start as `draft`.
    pub draft_if_units_over: Option<i64>,
    pub default_warehouse: Option<Spanned<String>>,
    pub default_carrier_service: Option<Spanned<String>>,
    /// The warehouse (physical or virtual) whose available stock is pushed to this channel.
    pub stock_source: Option<Spanned<String>>,
    /// Units held back from what is published.
    pub buffer: Option<i64>,
    /// `absolute` (default), `delta` or `off` (docs/stock.md "Push modes").
    pub stock_push: Option<StockPushMode>,
    /// The channel's own location id stock is pushed to (Shopify location).
    pub location_id: Option<String>,
    pub include_test_orders: Option<bool>,
    /// Reject imported orders without a ship-to name, first address line and country
    /// (default true; off for digital or pickup channels).
    pub require_ship_to: Option<bool>,
    /// May the components of one kit (bundle line) come from several warehouses (default
    /// false: a kit is packed in one warehouse). docs/bundles.md.
    pub split_bundles: Option<bool>,
    /// shopify: a Dev Dashboard app's client id (client-credentials grant instead of `token`).
    pub client_id: Option<String>,
    #[serde(serialize_with = "redact_token")]
    pub client_secret: Option<Spanned<String>>,
    pub client_secret_file: Option<Spanned<String>>,
    /// shopify: whether Shopify emails the customer about each fulfilment oms creates.
    pub notify_customer: Option<bool>,
    /// shopify: whether a first import, or one reaching back further than
    /// `bulk_import_after_days`, runs as a bulk operation (default true).
    pub bulk_import: Option<bool>,
    /// shopify: how many days back a read may reach before it runs as a bulk operation.
    pub bulk_import_after_days: Option<u32>,
    /// shopify: import the shop's open returns as RMAs and report what arrived back
    /// (`oms returns sync`, docs/returns.md); default false.
    pub import_returns: Option<bool>,
    /// Every new approved order waits this long on hold ("15m", "2h"), its units
    /// reserved on the stock source, before processing may allocate it.
    pub hold_for: Option<Spanned<String>>,
    /// Overrides `defaults.allow_partial_fulfillment` for this channel's orders.
    pub allow_partial_fulfillment: Option<bool>,
    #[serde(default)]
    pub rules: Vec<OrderRule>,

    // --- fulfillment channels only ---
    /// Ship what is available and leave the rest backordered.
    pub allow_partial: Option<bool>,
    /// shipbob: the channel id sent as `shipbob_channel_id`.
    pub channel_id: Option<String>,
    /// shipbob: which count of a receiving order becomes on hand (docs/connectors.md).
    #[serde(default)]
    pub receive_on: ReceiveOn,

    /// The resolved token (`${VAR}` or `token_file`); never serialized.
    #[serde(skip)]
    pub secret: Option<Secret>,
    /// The resolved `client_secret` / `client_secret_file`; never serialized.
    #[serde(skip)]
    pub client_secret_value: Option<Secret>,
    /// Why the token could not be resolved (`${VAR}` unset, `token_file` unreadable),
    /// as a `FILE:LINE:COL: key: ...` message. Not fatal at load: only the commands that
    /// use this channel fail on it (and `oms config check` reports it).
    #[serde(skip)]
    pub secret_problem: Option<String>,
    /// A warning about the secret (a `token_file` others may read), for `oms config check`.
    #[serde(skip)]
    pub secret_warning: Option<String>,
    /// `path` resolved against the config file's folder.
    #[serde(skip)]
    pub dir: Option<PathBuf>,
}

pub type SalesChannel = Channel;
pub type FulfillmentChannel = Channel;

impl Channel {
    pub fn allow_partial(&self) -> bool {
        self.allow_partial.unwrap_or(false)
    }

    pub fn buffer(&self) -> i64 {
        self.buffer.unwrap_or(0)
    }

    pub fn stock_push(&self) -> StockPushMode {
        self.stock_push.unwrap_or_default()
    }
}

fn yes() -> bool {
    true
}
fn default_timeout() -> u64 {
    30
}
fn default_connect_timeout() -> u64 {
    10
}
fn default_retries() -> u32 {
    5
}

/// `config show` prints `${VAR}` references as written and hides literal tokens.
fn redact_token<S: Serializer>(token: &Option<Spanned<String>>, s: S) -> Result<S::Ok, S::Error> {
    match token {
        None => s.serialize_none(),
        Some(t) if super::secret::is_env_reference(t.get_ref()) => s.serialize_str(t.get_ref()),
        Some(_) => s.serialize_str("<redacted>"),
    }
}

crate::model::rules::conditions! {
    /// An order rule (docs/rules.md): when its conditions hold, its actions apply. The
    /// condition keys may be given in the rule itself (all must hold) and nested in
    /// `all`, `any` and `not`.
    #[derive(Debug, Default, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    pub struct OrderRule {
        pub name: Option<String>,
        /// `import` (the default) or `process` (again just before each allocation).
        pub when: Option<Spanned<String>>,
        /// Action: `draft`, `approved` or `on_hold` (a hold without a time).
        pub status: Option<Spanned<String>>,
        /// Action: put the order on hold for this long (`30m`, `2h`, `1d`).
        pub hold: Option<Spanned<String>>,
        /// Action: ship from this warehouse (physical, or virtual for any of its members).
        pub warehouse: Option<Spanned<String>>,
        /// With `warehouse`: ship only what that warehouse has in full; otherwise the order
        /// waits backordered, naming the rule, instead of going elsewhere or in part.
        pub only_enough_stock: Option<bool>,
        /// Action: use this carrier service.
        pub carrier_service: Option<Spanned<String>>,
        /// Action: split this order over at most this many warehouses.
        pub max_splits: Option<Spanned<i64>>,
        /// Action: add a line (a free gift) unless the order already has that SKU.
        pub add_line: Option<AddLine>,
        /// Action: tag the order.
        pub add_tag: Option<String>,
    }
}

/// `add_line = { sku = "GIFT-1", quantity = 1, price = 0 }`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AddLine {
    pub sku: Spanned<String>,
    #[serde(default = "one")]
    pub quantity: Spanned<i64>,
    /// The line's unit price; 0 when not given.
    #[serde(default)]
    pub price: f64,
}

fn one() -> Spanned<i64> {
    Spanned::new(0..0, 1)
}

impl OrderRule {
    /// Whether the rule is evaluated again just before allocation.
    pub fn at_process(&self) -> bool {
        self.when.as_ref().is_some_and(|w| w.get_ref() == "process")
    }

    /// How the rule is called in messages: its name, or its place in the list.
    pub fn label(&self, index: usize) -> String {
        match &self.name {
            Some(n) if !n.trim().is_empty() => n.trim().to_string(),
            _ => format!("#{}", index + 1),
        }
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// `oms`, a sales channel code or a fulfillment channel code.
    #[serde(default = "default_master")]
    pub master: Spanned<String>,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog {
            master: default_master(),
        }
    }
}

fn default_master() -> Spanned<String> {
    Spanned::new(0..0, "oms".to_string())
}

#[derive(Debug, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Run {
    /// The flows `oms run` runs, in order; empty means all of them.
    #[serde(default)]
    pub flows: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// A shipment sent this many hours ago and not confirmed needs a look.
    #[serde(default = "default_unconfirmed")]
    pub unconfirmed_after_hours: u64,
    /// Available stock at or below this is "low".
    #[serde(default)]
    pub low_stock_threshold: i64,
    /// A flow whose last successful run is older than this many hours needs a look
    /// (cron stopped, or the flow keeps failing).
    #[serde(default = "default_stale")]
    pub stale_after_hours: u64,
}

impl Default for Status {
    fn default() -> Self {
        Status {
            unconfirmed_after_hours: default_unconfirmed(),
            low_stock_threshold: 0,
            stale_after_hours: default_stale(),
        }
    }
}

/// `[returns]` (docs/returns.md).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Returns {
    /// An RMA still open this many days after it was created needs a look (`oms status`).
    #[serde(default = "default_stale_days")]
    pub stale_after_days: u64,
    #[serde(default)]
    pub dispositions: Dispositions,
}

impl Default for Returns {
    fn default() -> Self {
        Returns {
            stale_after_days: default_stale_days(),
            dispositions: Dispositions::default(),
        }
    }
}

fn default_stale_days() -> u64 {
    14
}

/// `[returns.dispositions]`: what a returned unit becomes when it arrives and nobody said
/// otherwise, per return reason.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dispositions {
    #[serde(default = "dispose")]
    pub damaged: Disposition,
    #[serde(default = "quarantine")]
    pub defective: Disposition,
    #[serde(default = "restock")]
    pub wrong_item: Disposition,
    #[serde(default = "quarantine")]
    pub not_as_described: Disposition,
    #[serde(default = "restock")]
    pub unwanted: Disposition,
    #[serde(default = "quarantine")]
    pub other: Disposition,
}

impl Dispositions {
    pub fn for_reason(&self, reason: ReturnReason) -> Disposition {
        match reason {
            ReturnReason::Damaged => self.damaged,
            ReturnReason::Defective => self.defective,
            ReturnReason::WrongItem => self.wrong_item,
            ReturnReason::NotAsDescribed => self.not_as_described,
            ReturnReason::Unwanted => self.unwanted,
            ReturnReason::Other => self.other,
        }
    }
}

impl Default for Dispositions {
    fn default() -> Self {
        Dispositions {
            damaged: dispose(),
            defective: quarantine(),
            wrong_item: restock(),
            not_as_described: quarantine(),
            unwanted: restock(),
            other: quarantine(),
        }
    }
}

fn dispose() -> Disposition {
    Disposition::Dispose
}

fn quarantine() -> Disposition {
    Disposition::Quarantine
}

fn restock() -> Disposition {
    Disposition::Restock
}

fn default_unconfirmed() -> u64 {
    48
}

fn default_stale() -> u64 {
    26
}

/// Which of a ShipBob receiving order's counts is stock on hand: `stowed` (put away and
/// sellable; the default) or `received` (counted at the dock).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReceiveOn {
    #[default]
    Stowed,
    Received,
}

impl ReceiveOn {
    pub fn as_str(self) -> &'static str {
        match self {
            ReceiveOn::Stowed => "stowed",
            ReceiveOn::Received => "received",
        }
    }
}
