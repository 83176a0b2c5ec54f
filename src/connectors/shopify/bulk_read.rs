//! Reading a bulk operation's JSONL result: streamed from its signed URL line by line and
//! reassembled into orders. With `groupObjects: true` every nested line (`__parentId`)
//! follows its order directly, so an order is complete when the next one starts.

use std::io::{BufRead, BufReader};
use std::sync::mpsc::SyncSender;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::orders::{Page, map_order, parse_time};
use super::orders_wire::{self as wire, BulkHead};
use crate::connectors::http::USER_AGENT;
use crate::model::order::OrderIn;

/// Orders per source handed to the flow (a page's worth).
const CHUNK: usize = 250;

/// The JSONL result as a stream. The URL is signed storage on another host: it gets no
/// token (the signature is the credential), and is never shown whole.
pub(super) fn open(
    code: &str,
    op: &str,
    url: &str,
    connect_timeout: Duration,
) -> anyhow::Result<BufReader<reqwest::blocking::Response>> {
    let shown = url.split('?').next().unwrap_or(url).to_string();
    let loopback = crate::config::check_base_url(url).map_err(|why| {
        anyhow::anyhow!("channel `{code}`: the result URL of bulk operation {op} {why}")
    })?;
    let mut builder = reqwest::blocking::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(connect_timeout)
        // A large result takes a while; a stalled one is cut off eventually.
        .timeout(Duration::from_secs(3600))
        .redirect(reqwest::redirect::Policy::none());
    if loopback {
        builder = builder.no_proxy();
    }
    let client = builder
        .build()
        .map_err(|e| anyhow::anyhow!("channel `{code}`: cannot set up HTTP: {e}"))?;
    let resp = client
        .get(url)
        .send()
        // The error's text would carry the signed URL; the shown one names it.
        .map_err(|e| {
            anyhow::anyhow!(
                "channel `{code}`: GET {shown} (the result of bulk operation {op}): {}",
                e.without_url()
            )
        })?;
    let status = resp.status().as_u16();
    if status != 200 {
        let expired = matches!(status, 400 | 403 | 404 | 410);
        let body = resp.text().unwrap_or_default();
        let said = crate::connectors::http::body_message(body.as_bytes());
        anyhow::bail!(
            "channel `{code}`: GET {shown}: HTTP {status} for the result of bulk operation {op}{}: {said}",
            if expired {
                " (the link has expired or was refused; run the import again for a new operation)"
            } else {
                ""
            }
        );
    }
    tracing::debug!(channel = %code, url = %shown, status, "bulk result");
    Ok(BufReader::with_capacity(1 << 16, resp))
}

/// Reads the JSONL result line by line, reassembles each order with the lines that follow
/// it, maps it, and sends chunks of [`CHUNK`] orders. An error is sent as the last item.
pub(super) fn read_lines(
    mut reader: impl BufRead,
    code: &str,
    op: &str,
    include_test: bool,
    chunks: SyncSender<anyhow::Result<Page>>,
) -> Option<DateTime<Utc>> {
    let mut reading = Reading {
        op,
        include_test,
        newest: None,
        current: None,
        chunk: Vec::with_capacity(CHUNK),
        first_order: 1,
        orders: 0,
    };
    let mut line = String::new();
    let mut number = 0usize;
    loop {
        line.clear();
        let step = match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => {
                number += 1;
                reading.line(&line, number).map_err(|why| {
                    anyhow::anyhow!(
                        "channel `{code}`: bulk operation {op} result line {number}: {why}"
                    )
                })
            }
            Err(e) => Err(anyhow::anyhow!(
                "channel `{code}`: bulk operation {op}: the result broke off after line {number}: {e}"
            )),
        };
        let ready = match step {
            Ok(()) if reading.chunk.len() >= CHUNK => Ok(Some(reading.take_chunk())),
            Ok(()) => Ok(None),
            Err(e) => Err(e),
        };
        match ready {
            Ok(None) => {}
            Ok(Some(page)) => {
                if chunks.send(Ok(page)).is_err() {
                    return reading.newest;
                }
            }
            Err(e) => {
                let _ = chunks.send(Err(e));
                return reading.newest;
            }
        }
    }
    reading.finish_order();
    if !reading.chunk.is_empty() {
        let _ = chunks.send(Ok(reading.take_chunk()));
    }
    reading.newest
}

/// The reassembly state: the order being built and the chunk being filled.
struct Reading<'a> {
    op: &'a str,
    include_test: bool,
    newest: Option<DateTime<Utc>>,
    /// The order whose nested lines are still coming, and the line it started on.
    current: Option<(wire::Order, usize)>,
    chunk: Vec<OrderIn>,
    /// The number (1-based) of the chunk's first order, for the source's name.
    first_order: usize,
    orders: usize,
}

impl Reading<'_> {
    fn line(&mut self, text: &str, number: usize) -> Result<(), String> {
        let text = text.trim_end();
        if text.is_empty() {
            return Ok(());
        }
        let head: BulkHead = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let Some(parent) = head.parent_id else {
            self.finish_order();
            let order: wire::Order = serde_json::from_str(text).map_err(|e| e.to_string())?;
            self.current = Some((order, number));
            return Ok(());
        };
        let Some((order, _)) = self.current.as_mut() else {
            return Err(format!(
                "`{}` belongs to {parent}, but no order came before it",
                head.id
            ));
        };
        if order.id != parent {
            return Err(format!(
                "`{}` belongs to {parent}, not to the order before it ({}); the result is not grouped by order",
                head.id, order.id
            ));
        }
        match gid_type(&head.id) {
            "LineItem" => {
                let item: wire::LineItem = serde_json::from_str(text).map_err(|e| e.to_string())?;
                order
                    .line_items
                    .get_or_insert_with(Default::default)
                    .nodes
                    .push(item);
            }
            "ShippingLine" => {
                let shipping: wire::ShippingLine =
                    serde_json::from_str(text).map_err(|e| e.to_string())?;
                order
                    .shipping_lines
                    .get_or_insert_with(Default::default)
                    .nodes
                    .push(shipping);
            }
            // Something the query did not ask for: not ours to read.
            _ => {}
        }
        Ok(())
    }

    /// Maps the order being built, now that its nested lines are all there.
    fn finish_order(&mut self) {
        let Some((order, number)) = self.current.take() else {
            return;
        };
        self.orders += 1;
        let updated = order.updated_at.as_deref().and_then(parse_time);
        self.newest = self.newest.max(updated);
        if order.test && !self.include_test {
            return;
        }
        let source = format!("bulk operation {} line {number}", self.op);
        self.chunk.push(map_order(&order, &source));
    }

    fn take_chunk(&mut self) -> Page {
        let orders = std::mem::replace(&mut self.chunk, Vec::with_capacity(CHUNK));
        let source = format!(
            "bulk operation {} orders {}-{}",
            self.op,
            self.first_order,
            self.orders.max(self.first_order)
        );
        self.first_order = self.orders + 1;
        Page { source, orders }
    }
}

/// `LineItem` from `gid://shopify/LineItem/123`.
fn gid_type(gid: &str) -> &str {
    gid.strip_prefix("gid://shopify/")
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc::sync_channel;

    use super::*;

    #[test]
    fn nested_lines_join_the_order_before_them() {
        let jsonl = r##"{"id":"gid://shopify/Order/1","name":"#1","updatedAt":"2026-01-02T00:00:00Z"}
{"id":"gid://shopify/ShippingLine/7","title":"Standard","__parentId":"gid://shopify/Order/1"}
{"id":"gid://shopify/LineItem/11","sku":"A","quantity":2,"__parentId":"gid://shopify/Order/1"}
{"id":"gid://shopify/Order/2","name":"#2","updatedAt":"2026-01-03T00:00:00Z","test":true}
{"id":"gid://shopify/LineItem/21","sku":"B","quantity":1,"__parentId":"gid://shopify/Order/2"}
{"id":"gid://shopify/Order/3","name":"#3","updatedAt":"2026-01-01T00:00:00Z"}
{"id":"gid://shopify/LineItem/31","sku":"C","quantity":1,"__parentId":"gid://shopify/Order/3"}
"##;
        let (tx, rx) = sync_channel(10);
        let newest = read_lines(jsonl.as_bytes(), "shop", "9", false, tx);
        let pages: Vec<Page> = rx.into_iter().map(Result::unwrap).collect();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].source, "bulk operation 9 orders 1-3");
        let names: Vec<_> = pages[0].orders.iter().map(|o| o.name.clone()).collect();
        assert_eq!(
            names,
            [Some("#1".to_string()), Some("#3".to_string())],
            "test order left out"
        );
        assert_eq!(pages[0].orders[0].lines[0].quantity, 2);
        assert_eq!(
            pages[0].orders[0].shipping_method.as_deref(),
            Some("Standard")
        );
        assert_eq!(pages[0].orders[1].source, "bulk operation 9 line 6 order 3");
        assert_eq!(
            newest,
            parse_time("2026-01-03T00:00:00Z"),
            "test orders count too"
        );
    }

    #[test]
    fn a_line_of_another_order_is_an_error_naming_the_line() {
        let jsonl = r#"{"id":"gid://shopify/Order/1"}
{"id":"gid://shopify/Order/2"}
{"id":"gid://shopify/LineItem/11","quantity":1,"__parentId":"gid://shopify/Order/1"}
"#;
        let (tx, rx) = sync_channel(10);
        read_lines(jsonl.as_bytes(), "shop", "9", false, tx);
        let err = rx.into_iter().find_map(Result::err).unwrap().to_string();
        assert!(
            err.contains("bulk operation 9 result line 3")
                && err.contains("not to the order before it"),
            "{err}"
        );
    }
}
