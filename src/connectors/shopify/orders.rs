//! Orders in: the GraphQL `orders` query, `query: "updated_at:>='…'"` from the watermark,
//! 250 a page, following `pageInfo.endCursor`. Each page is one source, handed over
//! whole: a page that cannot be read stops the import before any of its orders reach
//! the sink.
//!
//! The read is a pipeline of three threads, so that an import takes about as long as its
//! slowest stage instead of the sum of all: one fetches pages (reading only the page's
//! cursor from each answer, so it never waits for the full parse), one parses and maps
//! them, and the caller's thread hands them to the flow, which writes them. The flow
//! still sees pages in order.

use std::collections::HashSet;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::json;

use super::ShopifyChannel;
use super::bulk;
use super::graphql::{Gql, legacy_id};
use super::orders_wire::{self as wire, ORDERS_QUERY, OrdersData, SkipNode};
use super::wire::text;
use crate::connectors::http::{HttpError, Reply, Retry};
use crate::connectors::{Fetched, Sink};
use crate::crashpoint::{self, Point};
use crate::model::clock;
use crate::model::order::{Address, OrderIn, OrderLineIn, normalize_timestamp};
use crate::model::parse_cents;

/// How far the next import reaches back before the newest `updated_at` seen: an order
/// saved while a page was being read can carry a slightly older timestamp than orders
/// already listed, and reading it twice costs nothing (re-imports are idempotent).
const OVERLAP_MINUTES: i64 = 5;

/// Pages per import before oms suspects a cursor loop.
const MAX_PAGES: usize = 100_000;

/// Orders per page (Shopify's maximum).
const PAGE_SIZE: u32 = 250;

/// Pages waiting between two stages: enough to keep every stage busy, few enough that
/// memory stays at a handful of pages however long the read.
const READ_AHEAD: usize = 1;

/// One page (or a bulk result's chunk), mapped, as the parser hands it to the flow.
pub(super) struct Page {
    pub(super) source: String,
    pub(super) orders: Vec<OrderIn>,
}

/// A fetched page: its name as a source, and the raw answer.
struct Fetched1 {
    source: String,
    reply: Reply,
}

/// The search filter for orders changed since `since` (Shopify's search syntax).
pub(super) fn filter(since: Option<&str>) -> Option<String> {
    since.map(|s| format!("updated_at:>='{s}'"))
}

pub(super) fn fetch(
    ch: &mut ShopifyChannel,
    watermark: Option<&str>,
    sink: Sink<OrderIn>,
) -> anyhow::Result<Option<String>> {
    if ch.bulk.wanted(watermark, clock::now_utc()) {
        let newest = bulk::fetch(ch, watermark, sink)?;
        return Ok(next_watermark(watermark, newest));
    }
    let query = filter(watermark);
    let code = ch.code.as_str();
    let include_test = ch.include_test_orders;
    let gql = &mut ch.gql;
    // The pipeline's requests are logged where the caller's would be.
    let dispatch = tracing::dispatcher::get_default(|d| d.clone());
    let newest = std::thread::scope(|scope| -> anyhow::Result<Option<DateTime<Utc>>> {
        let (replies, fetched) = sync_channel(READ_AHEAD);
        let (pages, parsed) = sync_channel(READ_AHEAD);
        let to_fetcher = dispatch.clone();
        scope.spawn(move || {
            tracing::dispatcher::with_default(&to_fetcher, || {
                fetch_pages(gql, code, query, replies)
            })
        });
        let parser = scope.spawn(move || {
            tracing::dispatcher::with_default(&dispatch, || {
                parse_pages(fetched, pages, include_test)
            })
        });
        // Ends after the last page or an error. Leaving early (the flow failed) drops the
        // receiver, which stops the parser, whose going stops the fetcher, page by page.
        for (count, page) in parsed.into_iter().enumerate() {
            let page = page?;
            if count > 0 {
                crashpoint::hit("orders-import", Point::BetweenPages);
            }
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

/// Fetches every page in turn, following the cursor, until the last one, an error (sent
/// as the last item), or a parser that stopped listening.
fn fetch_pages(
    gql: &mut Gql,
    code: &str,
    query: Option<String>,
    replies: SyncSender<Result<Fetched1, HttpError>>,
) {
    let mut after: Option<String> = None;
    for count in 1.. {
        let reply = if count > MAX_PAGES {
            Err(HttpError {
                channel: code.to_string(),
                method: "POST".into(),
                endpoint: "graphql.json Orders".into(),
                status: None,
                kind: crate::connectors::http::HttpErrorKind::Malformed,
                message: format!("more than {MAX_PAGES} pages of orders; stopping"),
                attempts: 0,
                maybe_applied: false,
            })
        } else {
            let vars = json!({ "first": PAGE_SIZE, "after": after, "query": query });
            gql.run_keeping::<OrdersData<SkipNode>>("Orders", ORDERS_QUERY, vars, Retry::Safe)
        };
        let source = format!(
            "graphql.json orders page {count} (after {})",
            after.as_deref().unwrap_or("start")
        );
        let next = match &reply {
            Ok((data, _)) if data.orders.page_info.has_next_page => {
                data.orders.page_info.end_cursor.clone()
            }
            _ => None,
        };
        let failed = reply.is_err();
        let item = reply.map(|(_, reply)| Fetched1 { source, reply });
        if replies.send(item).is_err() || failed {
            return;
        }
        match next {
            Some(cursor) if after.as_deref() != Some(cursor.as_str()) => after = Some(cursor),
            _ => return,
        }
    }
}

#[derive(serde::Deserialize)]
struct Full {
    data: OrdersData<wire::Order>,
}

/// Parses and maps each fetched page: every order once per import (an order edited while
/// the pages were read can show up on two of them), test orders only when the channel
/// takes them. Returns the newest `updated_at` seen.
fn parse_pages(
    fetched: Receiver<Result<Fetched1, HttpError>>,
    pages: SyncSender<anyhow::Result<Page>>,
    include_test: bool,
) -> Option<DateTime<Utc>> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut newest: Option<DateTime<Utc>> = None;
    for item in fetched {
        let page = item.map_err(anyhow::Error::from).and_then(|f| {
            let full: Full = f.reply.json()?;
            let source = f.source;
            let mut orders = Vec::with_capacity(full.data.orders.nodes.len());
            for order in &full.data.orders.nodes {
                if !seen.insert(order.id.clone()) {
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
pub(super) fn next_watermark(old: Option<&str>, newest: Option<DateTime<Utc>>) -> Option<String> {
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

pub(super) fn parse_time(s: &str) -> Option<DateTime<Utc>> {
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
    let id = legacy_id(&o.id);
    let source = format!("{page} order {id}");
    let mut problems = Vec::new();
    let cancelled = o.cancelled_at.is_some();
    let partial = o.display_fulfillment_status.as_deref() == Some("PARTIALLY_FULFILLED");
    let mut lines = Vec::new();
    let no_lines = Vec::new();
    let line_items = o.line_items.as_ref().map_or(&no_lines, |l| &l.nodes);
    for (i, li) in line_items.iter().enumerate() {
        let line_source = format!("{source} lineItems[{i}]");
        let line_id = legacy_id(&li.id);
        let quantity = if cancelled {
            li.quantity
        } else if partial {
            li.unfulfilled_quantity.unwrap_or(li.quantity)
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
                "{line_source}: sku: empty (line {line_id} \"{}\")",
                title.as_deref().unwrap_or("")
            ));
        }
        let price = wire::MoneyBag::amount(&li.original_unit_price_set);
        let price_cents = money(&price, &line_source, "originalUnitPriceSet", &mut problems);
        lines.push(OrderLineIn {
            sku: sku.unwrap_or_default(),
            quantity,
            price_cents,
            title,
            external_line_id: Some(line_id.to_string()),
            source: line_source,
        });
    }
    if lines.is_empty() && !line_items.is_empty() {
        problems.push(format!(
            "{source}: lineItems: every line was removed, refunded or fulfilled in the shop"
        ));
    }
    let customer = o.customer.as_ref();
    let ship = o.shipping_address.as_ref();
    let customer_name = customer
        .and_then(|c| full_name(&c.first_name, &c.last_name))
        .or_else(|| ship.and_then(address_name))
        .or_else(|| o.billing_address.as_ref().and_then(address_name));
    let total = wire::MoneyBag::amount(&o.total_price_set);
    OrderIn {
        external_id: id.to_string(),
        name: text(&o.name),
        ordered_at: o.created_at.as_deref().and_then(normalize_timestamp),
        updated_at: o.updated_at.as_deref().and_then(normalize_timestamp),
        cancelled,
        test: o.test,
        customer_name,
        email: text(&o.email).or_else(|| customer.and_then(|c| text(&c.email))),
        phone: text(&o.phone).or_else(|| customer.and_then(|c| text(&c.phone))),
        ship_to: ship.map(address).unwrap_or_default(),
        shipping_method: o
            .shipping_lines
            .as_ref()
            .and_then(|s| s.nodes.first())
            .and_then(|s| text(&s.title).or_else(|| text(&s.code))),
        currency: text(&o.currency_code),
        total_cents: money(&total, &source, "totalPriceSet", &mut problems),
        subtotal_cents: money(
            &wire::MoneyBag::amount(&o.current_subtotal_price_set),
            &source,
            "currentSubtotalPriceSet",
            &mut problems,
        ),
        shipping_cents: money(
            &wire::MoneyBag::amount(&o.total_shipping_price_set),
            &source,
            "totalShippingPriceSet",
            &mut problems,
        ),
        tax_cents: money(
            &wire::MoneyBag::amount(&o.total_tax_set),
            &source,
            "totalTaxSet",
            &mut problems,
        ),
        discount_cents: money(
            &wire::MoneyBag::amount(&o.total_discounts_set),
            &source,
            "totalDiscountsSet",
            &mut problems,
        ),
        tags: o
            .tags
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
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
        map_order(&o, "graphql.json orders page 1 (after start)")
    }

    #[test]
    fn quantities_follow_removals_partial_fulfilment_and_cancellation() {
        let lines = r#""lineItems":{"nodes":[
            {"id":"gid://shopify/LineItem/1","sku":"A","quantity":3,"currentQuantity":2,"unfulfilledQuantity":1,
             "originalUnitPriceSet":{"shopMoney":{"amount":"5.0"}}},
            {"id":"gid://shopify/LineItem/2","sku":"B","quantity":1,"currentQuantity":0,"unfulfilledQuantity":0}]}"#;
        let open = order(&format!(r#"{{"id":"gid://shopify/Order/9",{lines}}}"#));
        let q: Vec<_> = open
            .lines
            .iter()
            .map(|l| (l.sku.as_str(), l.quantity))
            .collect();
        assert_eq!(q, [("A", 2)], "removed line left out");
        assert_eq!(open.external_id, "9");
        assert_eq!(open.lines[0].external_line_id.as_deref(), Some("1"));
        assert_eq!(open.lines[0].price_cents, Some(500));
        let partial = order(&format!(
            r#"{{"id":"gid://shopify/Order/9","displayFulfillmentStatus":"PARTIALLY_FULFILLED",{lines}}}"#
        ));
        assert_eq!(partial.lines[0].quantity, 1);
        let cancelled = order(&format!(
            r#"{{"id":"gid://shopify/Order/9","cancelledAt":"2025-01-01T00:00:00Z",{lines}}}"#
        ));
        assert!(cancelled.cancelled);
        assert_eq!(cancelled.units(), 4);
    }

    #[test]
    fn stated_totals_are_read_from_their_money_sets() {
        let o = order(
            r#"{"id":"gid://shopify/Order/3",
                "totalPriceSet":{"shopMoney":{"amount":"47.00","currencyCode":"USD"}},
                "currentSubtotalPriceSet":{"shopMoney":{"amount":"40.00"}},
                "totalShippingPriceSet":{"shopMoney":{"amount":"5.00"}},
                "totalTaxSet":{"shopMoney":{"amount":"2.00"}},
                "totalDiscountsSet":{"shopMoney":{"amount":"bad"}}}"#,
        );
        assert_eq!(
            (
                o.total_cents,
                o.subtotal_cents,
                o.shipping_cents,
                o.tax_cents
            ),
            (Some(4700), Some(4000), Some(500), Some(200))
        );
        assert_eq!(o.discount_cents, None);
        assert!(
            o.problems[0].contains("order 3: totalDiscountsSet: `bad` is not an amount"),
            "{:?}",
            o.problems
        );
    }

    #[test]
    fn a_line_without_sku_is_a_problem_naming_the_line() {
        let o = order(
            r#"{"id":"gid://shopify/Order/7","totalPriceSet":{"shopMoney":{"amount":"x"}},
                "lineItems":{"nodes":[{"id":"gid://shopify/LineItem/5","sku":null,"title":"Gift wrap","quantity":1}]}}"#,
        );
        assert_eq!(
            o.problems,
            [
                "graphql.json orders page 1 (after start) order 7 lineItems[0]: sku: empty (line 5 \"Gift wrap\")",
                "graphql.json orders page 1 (after start) order 7: totalPriceSet: `x` is not an amount",
            ]
        );
    }

    #[test]
    fn nulls_everywhere_still_make_an_order() {
        let o = order(
            r#"{"id":"gid://shopify/Order/8","customer":null,"shippingAddress":null,"billingAddress":null,
                "shippingLines":null,"lineItems":null,"tags":[],"email":null}"#,
        );
        assert_eq!(o.external_id, "8");
        assert!(o.lines.is_empty());
        assert_eq!(o.customer_name, None);
    }

    #[test]
    fn the_filter_reads_from_the_watermark() {
        assert_eq!(
            filter(Some("2025-11-01T00:00:00Z")).as_deref(),
            Some("updated_at:>='2025-11-01T00:00:00Z'")
        );
        assert_eq!(filter(None), None);
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
