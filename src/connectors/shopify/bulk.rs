//! Orders in through a bulk operation, for reads too large to page through: a first
//! import (everything the shop has) or a window reaching back further than
//! `bulk_import_after_days`.
//!
//! `bulkOperationRunQuery` starts the `orders` query on Shopify's side; oms polls the
//! operation (`node(id:)`) until it is COMPLETED, then streams the JSONL result from its
//! signed `url` line by line. With `groupObjects: true` every line item and shipping line
//! (a line with `__parentId`) follows its order directly, so an order is complete when the
//! next order starts: memory holds one order and a few chunks in flight, however large
//! the shop. Orders reach the sink in chunks of [`CHUNK`], each one source, as pages do.
//!
//! `OMS_SHOPIFY_BULK_POLL_MS` (test-only) sets the first wait between polls (default
//! 1000 ms; 0 in tests, which must not sleep on the clock).

use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::json;

use super::ShopifyChannel;
use super::bulk_read::{open, read_lines};
use super::graphql::legacy_id;
use super::orders::{filter, parse_time};
use super::orders_wire::bulk_orders_query;
use crate::connectors::http::Retry;
use crate::connectors::{Fetched, Sink};
use crate::crashpoint::{self, Point};
use crate::model::order::OrderIn;

/// Chunks read ahead of the flow: the download overlaps the writing, memory stays flat.
const READ_AHEAD: usize = 2;
/// Longest wait between two polls.
const MAX_POLL: Duration = Duration::from_secs(30);
/// How long oms waits for Shopify to finish the operation before giving up on this run.
const MAX_WAIT: Duration = Duration::from_secs(4 * 3600);
/// The default for `bulk_import_after_days`.
const DEFAULT_AFTER_DAYS: u32 = 30;

/// When reads go through a bulk operation, and how it is waited for.
#[derive(Debug, Clone)]
pub(super) struct Settings {
    pub enabled: bool,
    pub after_days: u32,
    pub first_poll: Duration,
    pub connect_timeout: Duration,
}

impl Settings {
    pub(super) fn new(config: &crate::config::Channel) -> Settings {
        let first_poll = std::env::var("OMS_SHOPIFY_BULK_POLL_MS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        Settings {
            enabled: config.bulk_import.unwrap_or(true),
            after_days: config.bulk_import_after_days.unwrap_or(DEFAULT_AFTER_DAYS),
            first_poll,
            connect_timeout: Duration::from_secs(config.connect_timeout_secs.max(1)),
        }
    }

    /// Whether a read from `since` (None: from the shop's first order) is large enough
    /// for a bulk operation.
    pub(super) fn wanted(&self, since: Option<&str>, now: DateTime<Utc>) -> bool {
        if !self.enabled {
            return false;
        }
        match since.and_then(parse_time) {
            None => true,
            Some(from) => now - from > chrono::Duration::days(i64::from(self.after_days)),
        }
    }
}

const START: &str = "mutation BulkOrders($query: String!) {
  bulkOperationRunQuery(query: $query, groupObjects: true) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}";

const POLL: &str = "query BulkOperation($id: ID!) {
  node(id: $id) { ... on BulkOperation {
    id status errorCode objectCount rootObjectCount url partialDataUrl query } }
}";

const CURRENT: &str = "query CurrentBulkOperation {
  currentBulkOperation(type: QUERY) { id status errorCode objectCount rootObjectCount url query }
}";

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Operation {
    id: String,
    status: String,
    error_code: Option<String>,
    object_count: Option<String>,
    root_object_count: Option<String>,
    url: Option<String>,
    query: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartData {
    bulk_operation_run_query: Option<StartPayload>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct StartPayload {
    bulk_operation: Option<Operation>,
    user_errors: Vec<UserError>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct UserError {
    message: String,
    code: Option<String>,
}

#[derive(Debug, Deserialize)]
struct PollData {
    node: Option<Operation>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CurrentData {
    current_bulk_operation: Option<Operation>,
}

/// Runs the orders query from `since` as a bulk operation and hands every order to
/// `sink`. Returns the newest `updatedAt` seen.
pub(super) fn fetch(
    ch: &mut ShopifyChannel,
    since: Option<&str>,
    sink: Sink<OrderIn>,
) -> anyhow::Result<Option<DateTime<Utc>>> {
    let code = ch.code.clone();
    let query = bulk_orders_query(filter(since).as_deref());
    let op = start(ch, &query)?;
    let done = wait(ch, op)?;
    let Some(url) = done.url.clone() else {
        // A COMPLETED operation that found nothing has no file.
        tracing::info!(channel = %code, operation = %done.id, "bulk operation found no orders");
        return Ok(None);
    };
    tracing::info!(channel = %code, operation = %done.id, objects = done.object_count.as_deref().unwrap_or("?"), "bulk operation completed; reading its result");
    let body = open(&code, &done.id, &url, ch.bulk.connect_timeout)?;
    let include_test = ch.include_test_orders;
    let op_id = legacy_id(&done.id).to_string();
    let dispatch = tracing::dispatcher::get_default(|d| d.clone());
    std::thread::scope(|scope| {
        let (chunks, read) = sync_channel(READ_AHEAD);
        let reader = scope.spawn(move || {
            tracing::dispatcher::with_default(&dispatch, || {
                read_lines(body, &code, &op_id, include_test, chunks)
            })
        });
        for (count, chunk) in read.into_iter().enumerate() {
            let chunk = chunk?;
            if count > 0 {
                crashpoint::hit("orders-import", Point::BetweenPages);
            }
            for order in chunk.orders {
                sink(Fetched::Record(order))?;
            }
            sink(Fetched::SourceDone {
                source: chunk.source,
            })?;
        }
        reader
            .join()
            .map_err(|_| anyhow::anyhow!("channel `{}`: reading the bulk result failed", ch.code))
    })
}

/// Starts the operation. If one is already running in the shop with this very query (an
/// earlier run of oms crashed or lost the answer while it ran), that one is waited for
/// instead of failing.
fn start(ch: &mut ShopifyChannel, query: &str) -> anyhow::Result<Operation> {
    let code = ch.code.clone();
    // Starting twice only yields OPERATION_IN_PROGRESS, handled below: safe to resend.
    let data: StartData =
        ch.gql
            .run("BulkOrders", START, json!({ "query": query }), Retry::Safe)?;
    let payload = data.bulk_operation_run_query.unwrap_or_default();
    if let Some(op) = payload.bulk_operation
        && payload.user_errors.is_empty()
    {
        tracing::info!(channel = %code, operation = %op.id, "started a bulk operation for orders");
        return Ok(op);
    }
    let busy = payload
        .user_errors
        .iter()
        .any(|e| e.code.as_deref() == Some("OPERATION_IN_PROGRESS"));
    if busy {
        let current: CurrentData =
            ch.gql
                .run("CurrentBulkOperation", CURRENT, json!({}), Retry::Safe)?;
        if let Some(op) = current.current_bulk_operation {
            if op.query.as_deref().map(str::trim) == Some(query.trim()) {
                tracing::info!(channel = %code, operation = %op.id, "a bulk operation for the same orders is already running; waiting for it");
                return Ok(op);
            }
            anyhow::bail!(
                "channel `{code}`: cannot start a bulk operation: another one ({}, {}) is running in the shop; Shopify runs one bulk query per app at a time, so try again when it has finished",
                op.id,
                op.status
            );
        }
    }
    let text: Vec<String> = payload
        .user_errors
        .iter()
        .map(|e| match &e.code {
            Some(c) => format!("{} ({c})", e.message),
            None => e.message.clone(),
        })
        .collect();
    anyhow::bail!(
        "channel `{code}`: POST graphql.json BulkOrders: Shopify did not start the bulk operation: {}",
        if text.is_empty() {
            "no operation in the answer".to_string()
        } else {
            text.join("; ")
        }
    )
}

/// Polls until the operation is COMPLETED; FAILED, CANCELED and EXPIRED are errors
/// naming the operation and Shopify's error code.
fn wait(ch: &mut ShopifyChannel, mut op: Operation) -> anyhow::Result<Operation> {
    let started = Instant::now();
    let mut pause = ch.bulk.first_poll;
    loop {
        match op.status.as_str() {
            "COMPLETED" => return Ok(op),
            "CREATED" | "RUNNING" | "" => {}
            _ => return Err(ended(&ch.code, &op)),
        }
        if started.elapsed() > MAX_WAIT {
            anyhow::bail!(
                "channel `{}`: bulk operation {} is still {} after {} hours; it keeps running in the shop, and the next import waits for it",
                ch.code,
                op.id,
                op.status,
                MAX_WAIT.as_secs() / 3600
            );
        }
        if !pause.is_zero() {
            std::thread::sleep(pause);
        }
        pause = (pause * 2).min(MAX_POLL);
        let data: PollData =
            ch.gql
                .run("BulkOperation", POLL, json!({ "id": op.id }), Retry::Safe)?;
        let id = std::mem::take(&mut op.id);
        op = data.node.ok_or_else(|| {
            anyhow::anyhow!(
                "channel `{}`: bulk operation {id} is not known to the shop (was it deleted?)",
                ch.code
            )
        })?;
        if op.id.is_empty() {
            op.id = id;
        }
        tracing::debug!(channel = %ch.code, operation = %op.id, status = %op.status, objects = op.object_count.as_deref().unwrap_or("0"), roots = op.root_object_count.as_deref().unwrap_or("0"), "bulk operation");
    }
}

/// The error for an operation that will not complete.
fn ended(code: &str, op: &Operation) -> anyhow::Error {
    let error_code = op.error_code.as_deref().unwrap_or("none given");
    let why = match op.error_code.as_deref() {
        Some("ACCESS_DENIED") => {
            "the app lacks an access scope the query needs (`read_orders`; `read_all_orders` for orders older than 60 days): see `oms channels check`"
        }
        Some("TIMEOUT") => {
            "Shopify timed out building the result; run the import again, or import a shorter window with --since"
        }
        Some("INTERNAL_SERVER_ERROR") => "an error on Shopify's side; run the import again",
        _ => match op.status.as_str() {
            "CANCELED" | "CANCELING" => {
                "it was canceled (in the shop or by another client of this app); run the import again"
            }
            "EXPIRED" => {
                "its result is older than Shopify keeps results (7 days); run the import again"
            }
            _ => "run the import again",
        },
    };
    anyhow::anyhow!(
        "channel `{code}`: bulk operation {} ended {} (errorCode {error_code}): {why}",
        op.id,
        op.status
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(enabled: bool) -> Settings {
        Settings {
            enabled,
            after_days: 30,
            first_poll: Duration::ZERO,
            connect_timeout: Duration::from_secs(1),
        }
    }

    #[test]
    fn bulk_is_for_first_imports_and_long_windows() {
        let now = parse_time("2026-06-01T00:00:00Z").unwrap();
        let on = settings(true);
        assert!(on.wanted(None, now));
        assert!(on.wanted(Some("2026-04-01T00:00:00Z"), now));
        assert!(!on.wanted(Some("2026-05-20T00:00:00Z"), now));
        assert!(!settings(false).wanted(None, now));
    }
}
