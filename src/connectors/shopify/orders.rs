//! Orders in: `GET orders.json?status=any&updated_at_min=…&limit=250`, following the
//! `Link: <…>; rel="next"` cursor. Each page is one source, handed over whole: a page
//! that cannot be read stops the import before any of its orders reach the sink.
//!
//! The read is a pipeline of three threads, so that an import takes about as long as its
//! slowest stage instead of the sum of all: one fetches pages (the next link is in the
//! headers, so it never waits for parsing), one parses and maps them, and the caller's
//! thread hands them to the flow, which writes them. The flow still sees pages in order.

use std::collections::HashSet;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use chrono::{DateTime, Duration, SecondsFormat, Utc};

use super::ShopifyChannel;
use super::wire::{self, text};
use crate::connectors::http::{HttpClient, Reply, next_link, with_query};
use crate::connectors::{Fetched, Sink};
use crate::model::order::{Address, OrderIn, OrderLineIn, normalize_timestamp, split_tags};
use crate::model::parse_cents;

/// How far the next import reaches back before the newest `updated_at` seen: an order
/// saved while a page was being read can carry a slightly older timestamp than orders
/// already listed, and reading it twice costs nothing (re-imports are idempotent).
const OVERLAP_MINUTES: i64 = 5;

/// Pages per import before oms suspects a link loop.
const MAX_PAGES: usize = 100_000;

/// Pages waiting between two stages: enough to keep every stage busy, few enough that
/// memory stays at a handful of pages however long the read.
const READ_AHEAD: usize = 1;

/// One page, mapped, as the parser hands it to the flow.
struct Page {
    source: String,
    orders: Vec<OrderIn>,
}

pub(super) fn fetch(
    ch: &mut ShopifyChannel,
    watermark: Option<&str>,
    sink: Sink<OrderIn>,
) -> anyhow::Result<Option<String>> {
    let mut params = vec![("status", "any"), ("limit", "250")];
    if let Some(since) = watermark {
        params.push(("updated_at_min", since));
    }
    let first = with_query("orders.json", &params);
    let code = ch.code.as_str();
    let include_test = ch.include_test_orders;
    let http = &mut ch.http;
    // The pipeline's requests are logged where the caller's would be.
    let dispatch = tracing::dispatcher::get_default(|d| d.clone());
    let newest = std::thread::scope(|scope| -> anyhow::Result<Option<DateTime<Utc>>> {
        let (replies, fetched) = sync_channel(READ_AHEAD);
        let (pages, parsed) = sync_channel(READ_AHEAD);
        let to_fetcher = dispatch.clone();
        scope.spawn(move || {
            tracing::dispatcher::with_default(&to_fetcher, || {
                fetch_pages(http, code, first, replies)
            })
        });
        let parser = scope.spawn(move || {
            tracing::dispatcher::with_default(&dispatch, || {
                parse_pages(fetched, pages, include_test)
            })
        });
        // Ends after the last page or an error. Leaving early (the flow failed) drops the
        // receiver, which stops the parser, whose going stops the fetcher, page by page.
        for page in parsed {
            let page = page?;
            for order in page.orders {
                sink(Fetched::Record(order))?;
            }
            sink(Fetched::SourceDone {
                source: page.source,
            })?;
        }
        parser
            .join()
            .map_err(|_| anyhow::anyhow!("channel `{code}`: reading orders failed"))
    })?;
    Ok(next_watermark(watermark, newest))
}

/// Fetches every page in turn, following the `Link` header, until the last one, an
/// error (sent as the last item), or a parser that stopped listening.
fn fetch_pages(
    http: &mut HttpClient,
    code: &str,
    first: String,
    replies: SyncSender<anyhow::Result<Reply>>,
) {
    let mut next = Some(first);
    let mut count = 0;
    while let Some(endpoint) = next.take() {
        count += 1;
        let reply = if count > MAX_PAGES {
            Err(anyhow::anyhow!(
                "channel `{code}`: more than {MAX_PAGES} pages of orders; stopping"
            ))
        } else {
            http.get(&endpoint).map_err(anyhow::Error::from)
        };
        if let Ok(reply) = &reply {
            next = next_link(&reply.headers);
        }
        let failed = reply.is_err();
        if replies.send(reply).is_err() || failed {
            return;
        }
    }
}

/// Parses and maps each fetched page: every order once per import (an order edited while
/// the pages were read can show up on two of them), test orders only when the channel
/// takes them. Returns the newest `updated_at` seen.
fn parse_pages(
    fetched: Receiver<anyhow::Result<Reply>>,
    pages: SyncSender<anyhow::Result<Page>>,
    include_test: bool,
) -> Option<DateTime<Utc>> {
    let mut seen: HashSet<i64> = HashSet::new();
    let mut newest: Option<DateTime<Utc>> = None;
    for reply in fetched {
        let page = reply.and_then(|reply| {
            let page: wire::OrdersPage = reply.json()?;
            let source = reply.endpoint().to_string();
            let mut orders = Vec::with_capacity(page.orders.len());
            for order in &page.orders {
                if !seen.insert(order.id) {
                    continue;
                }
                let updated = order.updated_at.as_deref().and_then(parse_time);
                newest = newest.max(updated);
                if order.test && !include_test {
                    continue;
                }
                orders.push(map_order(order, &source));
            }
            Ok(Page { source, orders })
        });
        let failed = page.is_err();
        if pages.send(page).is_err() || failed {
            break;
        }
    }
    newest
}

/// The newest `updated_at` seen minus the overlap, never earlier than the old watermark.
fn next_watermark(old: Option<&str>, newest: Option<DateTime<Utc>>) -> Option<String> {
    let old_time = old.and_then(parse_time);
    let Some(newest) = newest else {
        return old.map(str::to_string);
    };
    let candidate = newest - Duration::minutes(OVERLAP_MINUTES);
    match old_time {
        Some(o) if o >= candidate => old.map(str::to_string),
        _ => Some(candidate.to_rfc3339_opts(SecondsFormat::Secs, true)),
    }
}

fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// One Shopify order as oms reads it.
///
/// Quantities: a line's `current_quantity` (what is left after removals and refunds, or
/// `quantity` where the API does not say), except that an order Shopify shows as
/// `partial`ly fulfilled gets each line's `fulfillable_quantity` — what still needs to
/// ship — and a cancelled order keeps its ordered `quantity` so the import can match it.
/// Lines left with nothing to ship are not imported.
pub(super) fn map_order(o: &wire::Order, page: &str) -> OrderIn {
    let source = format!("{page} order {}", o.id);
    let mut problems = Vec::new();
    let cancelled = o.cancelled_at.is_some();
    let partial = o.fulfillment_status.as_deref() == Some("partial");
    let mut lines = Vec::new();
    for (i, li) in o.line_items.iter().enumerate() {
        let line_source = format!("{source} line_items[{i}]");
        let quantity = if cancelled {
            li.quantity
        } else if partial {
            li.fulfillable_quantity.unwrap_or(li.quantity)
        } else {
            li.current_quantity.unwrap_or(li.quantity)
        };
        if quantity <= 0 {
            continue;
        }
        let title = text(&li.title).or_else(|| text(&li.name));
        let sku = text(&li.sku);
        if sku.is_none() {
            problems.push(format!(
                "{line_source}: sku: empty (line {} \"{}\")",
                li.id,
                title.as_deref().unwrap_or("")
            ));
        }
        let price_cents = money(&li.price, &line_source, "price", &mut problems);
        lines.push(OrderLineIn {
            sku: sku.unwrap_or_default(),
            quantity,
            price_cents,
            title,
            external_line_id: Some(li.id.to_string()),
            source: line_source,
        });
    }
    if lines.is_empty() && !o.line_items.is_empty() {
        problems.push(format!(
            "{source}: line_items: every line was removed, refunded or fulfilled in the shop"
        ));
    }
    let customer = o.customer.as_ref();
    let ship = o.shipping_address.as_ref();
    let customer_name = customer
        .and_then(|c| full_name(&c.first_name, &c.last_name))
        .or_else(|| ship.and_then(address_name))
        .or_else(|| o.billing_address.as_ref().and_then(address_name));
    OrderIn {
        external_id: o.id.to_string(),
        name: text(&o.name),
        ordered_at: o.created_at.as_deref().and_then(normalize_timestamp),
        updated_at: o.updated_at.as_deref().and_then(normalize_timestamp),
        cancelled,
        test: o.test,
        customer_name,
        email: text(&o.email)
            .or_else(|| text(&o.contact_email))
            .or_else(|| customer.and_then(|c| text(&c.email))),
        phone: text(&o.phone).or_else(|| customer.and_then(|c| text(&c.phone))),
        ship_to: ship.map(address).unwrap_or_default(),
        shipping_method: o
            .shipping_lines
            .first()
            .and_then(|s| text(&s.title).or_else(|| text(&s.code))),
        currency: text(&o.currency),
        total_cents: money(&o.total_price, &source, "total_price", &mut problems),
        tags: o.tags.as_deref().map(split_tags).unwrap_or_default(),
        note: text(&o.note),
        lines,
        source,
        problems,
        ..Default::default()
    }
}

fn money(
    value: &Option<String>,
    source: &str,
    field: &str,
    problems: &mut Vec<String>,
) -> Option<i64> {
    let raw = text(value)?;
    match parse_cents(&raw) {
        Ok(cents) => Some(cents),
        Err(e) => {
            problems.push(format!("{source}: {field}: {e}"));
            None
        }
    }
}

fn full_name(first: &Option<String>, last: &Option<String>) -> Option<String> {
    let parts: Vec<String> = [text(first), text(last)].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn address_name(a: &wire::Address) -> Option<String> {
    text(&a.name).or_else(|| full_name(&a.first_name, &a.last_name))
}

/// ISO codes where Shopify gives them: order rules and warehouses compare codes.
fn address(a: &wire::Address) -> Address {
    Address {
        name: address_name(a),
        company: text(&a.company),
        address1: text(&a.address1),
        address2: text(&a.address2),
        city: text(&a.city),
        province: text(&a.province_code).or_else(|| text(&a.province)),
        zip: text(&a.zip),
        country: text(&a.country_code).or_else(|| text(&a.country)),
        phone: text(&a.phone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(json: &str) -> OrderIn {
        let o: wire::Order = serde_json::from_str(json).unwrap();
        map_order(&o, "/admin/api/2025-10/orders.json?status=any")
    }

    #[test]
    fn quantities_follow_removals_partial_fulfilment_and_cancellation() {
        let lines = r#""line_items":[
            {"id":1,"sku":"A","quantity":3,"current_quantity":2,"fulfillable_quantity":1,"price":"5.00"},
            {"id":2,"sku":"B","quantity":1,"current_quantity":0,"fulfillable_quantity":0,"price":"5.00"}]"#;
        let open = order(&format!(r#"{{"id":9,{lines}}}"#));
        let q: Vec<_> = open
            .lines
            .iter()
            .map(|l| (l.sku.as_str(), l.quantity))
            .collect();
        assert_eq!(q, [("A", 2)], "removed line left out");
        let partial = order(&format!(
            r#"{{"id":9,"fulfillment_status":"partial",{lines}}}"#
        ));
        assert_eq!(partial.lines[0].quantity, 1);
        let cancelled = order(&format!(
            r#"{{"id":9,"cancelled_at":"2025-01-01T00:00:00Z",{lines}}}"#
        ));
        assert!(cancelled.cancelled);
        assert_eq!(cancelled.units(), 4);
    }

    #[test]
    fn a_line_without_sku_is_a_problem_naming_the_line() {
        let o = order(
            r#"{"id":7,"total_price":"x","line_items":[{"id":5,"sku":" ","title":"Gift wrap","quantity":1}]}"#,
        );
        assert_eq!(
            o.problems,
            [
                "/admin/api/2025-10/orders.json?status=any order 7 line_items[0]: sku: empty (line 5 \"Gift wrap\")",
                "/admin/api/2025-10/orders.json?status=any order 7: total_price: `x` is not an amount",
            ]
        );
    }

    #[test]
    fn watermark_moves_forward_only_with_overlap() {
        let t = |s: &str| parse_time(s);
        assert_eq!(
            next_watermark(None, t("2025-03-04T10:00:00-05:00")).as_deref(),
            Some("2025-03-04T14:55:00Z")
        );
        assert_eq!(
            next_watermark(Some("2025-03-04T15:00:00Z"), t("2025-03-04T15:01:00Z")).as_deref(),
            Some("2025-03-04T15:00:00Z"),
            "never earlier than before"
        );
        assert_eq!(
            next_watermark(Some("2025-03-04T15:00:00Z"), None).as_deref(),
            Some("2025-03-04T15:00:00Z")
        );
        assert_eq!(next_watermark(None, None), None);
    }
}
