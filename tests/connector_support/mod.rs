//! What the HTTP connector tests share: a config with a token file next to it, fixtures,
//! a sink that records what it was handed, and a capture of tracing output to prove
//! that tokens never reach the logs. Mock servers listen on 127.0.0.1 only.
#![allow(dead_code)]

use std::io::Write;
use std::sync::{Arc, Mutex, Once};

use oms::config::Config;
use oms::connectors::Fetched;
use tempfile::TempDir;

/// The token every test channel uses; it must never show up in an error or a log line.
pub const TOKEN: &str = "shpat_TEST_SECRET_7f3a9c";

/// Sets the test-only backoff before any client reads it; every test calls this first.
pub fn setup() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: runs once, before any test in this binary has read the environment
        // (every test calls `setup` first, and `call_once` blocks the others meanwhile).
        unsafe {
            std::env::set_var("OMS_HTTP_BACKOFF_MS", "1");
            // Bulk operations are polled without waiting: tests never sleep on the clock.
            std::env::set_var("OMS_SHOPIFY_BULK_POLL_MS", "0");
        }
    });
}

pub fn fixture(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// A parsed config from `toml`, with `token.txt` holding [`TOKEN`] beside it.
pub fn config(toml: &str) -> (TempDir, Config) {
    setup();
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("token.txt"), TOKEN).expect("token file");
    std::fs::write(dir.path().join("secret.txt"), CLIENT_SECRET).expect("secret file");
    let path = dir.path().join("oms.toml");
    std::fs::write(&path, toml).expect("config file");
    let config = oms::config::parse(&path, toml, None)
        .unwrap_or_else(|e| panic!("config does not parse:\n{e}"));
    (dir, config)
}

/// Everything a streamed read handed over, in order.
pub struct Recorded<T> {
    pub events: Vec<Event<T>>,
}

#[derive(Debug)]
pub enum Event<T> {
    Record(T),
    Done(String),
    Failed(String, String),
}

impl<T> Recorded<T> {
    pub fn new() -> Self {
        Recorded { events: Vec::new() }
    }

    pub fn sink(&mut self) -> impl FnMut(Fetched<T>) -> anyhow::Result<()> + '_ {
        |event| {
            self.events.push(match event {
                Fetched::Record(r) => Event::Record(r),
                Fetched::SourceDone { source } => Event::Done(source),
                Fetched::SourceFailed { source, reason } => Event::Failed(source, reason),
                // The account of a file's lines is tested with the import report.
                Fetched::Lines { .. } => return Ok(()),
            });
            Ok(())
        }
    }

    pub fn records(&self) -> Vec<&T> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Record(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    pub fn sources(&self) -> Vec<&str> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Done(s) => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }
}

pub const SHOPIFY_API: &str = "/admin/api/2026-10";
/// Where every Shopify call goes.
pub const SHOPIFY_GRAPHQL: &str = "/admin/api/2026-10/graphql.json";
/// A Dev Dashboard app's client secret; like the token, it must never be shown.
pub const CLIENT_SECRET: &str = "shpss_TEST_CLIENT_SECRET_91be";

/// The `shop` sales channel of kind `shopify`, talking to `server`. Orders are read in
/// pages unless `extra` says otherwise (`bulk_import = true`): bulk operations have their
/// own tests (tests/shopify_bulk.rs).
pub fn shopify(
    server: &httpmock::MockServer,
    retries: u32,
    extra: &str,
) -> (TempDir, Box<dyn oms::connectors::SalesChannel>) {
    let pages = if extra.contains("bulk_import") {
        ""
    } else {
        "bulk_import = false"
    };
    let (dir, config) = config(&format!(
        r#"
[sales_channels.shop]
kind = "shopify"
shop = "jsmith.myshopify.com"
base_url = "{}"
token_file = "token.txt"
max_retries = {retries}
timeout_secs = 1
{pages}
{extra}
"#,
        server.base_url()
    ));
    let channel = oms::connectors::sales(&config, "shop").expect("shopify connector");
    (dir, channel)
}

pub const SHIPBOB_API: &str = "/2026-01";
/// The channel id the mock ShipBob account has.
pub const SHIPBOB_CHANNEL: &str = r#"channel_id = "432951""#;

/// The `sb` fulfillment channel of kind `shipbob` serving warehouse `west` (fulfillment
/// center 10), talking to `server`.
pub fn shipbob(
    server: &httpmock::MockServer,
    extra: &str,
) -> (TempDir, Box<dyn oms::connectors::FulfillmentChannel>) {
    let (dir, config) = config(&format!(
        r#"
[fulfillment_channels.sb]
kind = "shipbob"
base_url = "{}"
token_file = "token.txt"
max_retries = 2
timeout_secs = 1
{extra}

[warehouses.west]
fulfillment_channel = "sb"
location_id = "10"
"#,
        server.base_url()
    ));
    let channel = oms::connectors::fulfillment(&config, "sb").expect("shipbob connector");
    (dir, channel)
}

/// The typed HTTP error inside an error chain.
pub fn http_error(e: &anyhow::Error) -> &oms::connectors::http::HttpError {
    e.downcast_ref()
        .unwrap_or_else(|| panic!("not an HttpError: {e:#}"))
}

/// Runs `f` with every tracing event at debug level and above written to a buffer, and
/// returns the buffer's text with `f`'s result.
pub fn traced<R>(f: impl FnOnce() -> R) -> (R, String) {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let writer = Shared(buffer.clone());
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    // Callsites cache whether anyone listens. While only one dispatcher exists, tracing
    // asks just the registering thread's default, so another test thread (with none) can
    // cache "never" for the client's log statements. A second, silent dispatcher makes it
    // ask every live one; the rebuild drops whatever was cached before this scope began.
    let _second = tracing::Dispatch::new(tracing::subscriber::NoSubscriber::default());
    let result = tracing::subscriber::with_default(subscriber, || {
        tracing::callsite::rebuild_interest_cache();
        f()
    });
    let text = String::from_utf8_lossy(&buffer.lock().expect("log buffer")).into_owned();
    (result, text)
}

#[derive(Clone)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("log buffer poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
