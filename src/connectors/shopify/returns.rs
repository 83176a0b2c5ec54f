//! Returns from the shop (docs/returns.md "From the shop"). In: the `orders` query over
//! orders changed since the watermark that have a return (`-return_status:no_return`),
//! each page one source; an open return's lines are read with `return(id:)`. Out: once oms
//! finished the RMA, `returnProcess` for the units that arrived and the shop has not
//! processed yet (no refund: refunds stay in the shop), then `returnClose` if the return
//! is still open. The shop's own quantities are read first, so a resend after a lost
//! answer processes nothing twice.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::json;

use super::ShopifyChannel;
use super::graphql::legacy_id;
use super::orders::{next_watermark, parse_time};
use super::wire::{PageInfo, UserError, user_errors};
use crate::connectors::http::Retry;
use crate::connectors::{Fetched, Sent, Sink};
use crate::model::shop_returns::{
    ShopReturnIn, ShopReturnLineIn, ShopReturnReport, ShopReturnStatus, reason_from_shop,
};

/// Orders per page: each brings up to `RETURNS_PER_ORDER` returns, and the query's cost
/// (orders × returns) must stay well under Shopify's 1,000-point ceiling.
const PAGE_SIZE: u32 = 25;
/// `returns(first: …)` in `ORDERS_QUERY`.
const RETURNS_PER_ORDER: u32 = 25;
/// `returnLineItems(first: …)` in `RETURN_QUERY` (a return lists each order line once).
const LINES_PER_RETURN: u32 = 100;
const MAX_PAGES: usize = 100_000;

const ORDERS_QUERY: &str = "query OrderReturns($first: Int!, $after: String, $query: String) { \
orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) { \
pageInfo { hasNextPage endCursor } \
nodes { id name updatedAt returns(first: 25) { pageInfo { hasNextPage } nodes { id name status } } } } }";

const RETURN_QUERY: &str = "query ReturnLines($id: ID!) { return(id: $id) { id name status \
returnLineItems(first: 100) { pageInfo { hasNextPage } nodes { __typename id quantity \
processedQuantity customerNote returnReasonNote returnReasonDefinition { handle } \
... on ReturnLineItem { fulfillmentLineItem { lineItem { id sku } } } } } } }";

const PROCESS: &str = "mutation ReturnProcess($input: ReturnProcessInput!) { \
returnProcess(input: $input) { return { id status } userErrors { field message code } } }";

const CLOSE: &str = "mutation ReturnClose($id: ID!) { \
returnClose(id: $id) { return { id status } userErrors { field message code } } }";

#[derive(Deserialize)]
struct OrdersData {
    orders: OrdersPage,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct OrdersPage {
    page_info: PageInfo,
    nodes: Vec<OrderNode>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct OrderNode {
    id: String,
    name: Option<String>,
    updated_at: Option<String>,
    returns: ReturnsConnection,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ReturnsConnection {
    page_info: PageInfo,
    nodes: Vec<ReturnHead>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ReturnHead {
    id: String,
    name: Option<String>,
    status: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReturnData {
    #[serde(rename = "return")]
    found: Option<ReturnFull>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ReturnFull {
    id: String,
    status: String,
    return_line_items: LinesConnection,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct LinesConnection {
    page_info: PageInfo,
    nodes: Vec<LineNode>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct LineNode {
    #[serde(rename = "__typename")]
    typename: String,
    id: String,
    quantity: i64,
    processed_quantity: i64,
    customer_note: Option<String>,
    return_reason_note: Option<String>,
    return_reason_definition: Option<Handle>,
    fulfillment_line_item: Option<FulfillmentLineItem>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Handle {
    handle: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct FulfillmentLineItem {
    line_item: Option<LineItem>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LineItem {
    id: String,
    sku: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Changed {
    #[serde(rename = "return")]
    changed: Option<ReturnHead>,
    #[serde(rename = "userErrors")]
    user_errors: Vec<UserError>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ProcessData {
    return_process: Changed,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct CloseData {
    return_close: Changed,
}

/// The search filter: orders changed since the watermark that have any return.
fn filter(since: Option<&str>) -> String {
    match since {
        Some(s) => format!("updated_at:>='{s}' AND -return_status:no_return"),
        None => "-return_status:no_return".to_string(),
    }
}

pub(super) fn fetch(
    ch: &mut ShopifyChannel,
    watermark: Option<&str>,
    sink: Sink<ShopReturnIn>,
) -> anyhow::Result<Option<String>> {
    let query = filter(watermark);
    let mut after: Option<String> = None;
    let mut newest: Option<DateTime<Utc>> = None;
    for count in 1.. {
        if count > MAX_PAGES {
            anyhow::bail!(
                "channel `{}`: more than {MAX_PAGES} pages of orders with returns; stopping",
                ch.code
            );
        }
        let vars = json!({ "first": PAGE_SIZE, "after": after, "query": query });
        let page: OrdersData = ch
            .gql
            .run("OrderReturns", ORDERS_QUERY, vars, Retry::Safe)?;
        let source = format!(
            "graphql.json order returns page {count} (after {})",
            after.as_deref().unwrap_or("start")
        );
        for order in &page.orders.nodes {
            newest = newest.max(order.updated_at.as_deref().and_then(parse_time));
            if order.returns.page_info.has_next_page {
                tracing::warn!(channel = %ch.code, order = %order.id, "order has more than {RETURNS_PER_ORDER} returns; the first {RETURNS_PER_ORDER} are read");
            }
            for head in &order.returns.nodes {
                sink(Fetched::Record(read_return(ch, order, head, &source)?))?;
            }
        }
        sink(Fetched::SourceDone { source })?;
        match page.orders.page_info {
            PageInfo {
                has_next_page: true,
                end_cursor: Some(cursor),
            } if after.as_deref() != Some(cursor.as_str()) => after = Some(cursor),
            _ => break,
        }
    }
    Ok(next_watermark(watermark, newest))
}

/// One return of a page; an open one with its lines (the only kind oms makes an RMA of).
fn read_return(
    ch: &mut ShopifyChannel,
    order: &OrderNode,
    head: &ReturnHead,
    page: &str,
) -> anyhow::Result<ShopReturnIn> {
    let name = head
        .name
        .clone()
        .unwrap_or_else(|| legacy_id(&head.id).to_string());
    let order_label = order.name.as_deref().unwrap_or(legacy_id(&order.id));
    let mut r = ShopReturnIn {
        id: head.id.clone(),
        source: format!("{page} order {order_label} return {name}"),
        name,
        order_external_id: legacy_id(&order.id).to_string(),
        status: ShopReturnStatus::parse(&head.status),
        ..ShopReturnIn::default()
    };
    if r.status != ShopReturnStatus::Open {
        return Ok(r);
    }
    let Some(full) = lines_of(ch, &head.id)? else {
        r.problems
            .push(format!("{}: the shop no longer has this return", r.source));
        return Ok(r);
    };
    r.status = ShopReturnStatus::parse(&full.status);
    let lines = &full.return_line_items;
    if lines.page_info.has_next_page {
        r.problems.push(format!(
            "{}: the return has more than {LINES_PER_RETURN} lines; create its RMA by hand",
            r.source
        ));
    }
    let mut notes: Vec<String> = Vec::new();
    for l in &lines.nodes {
        for note in [&l.customer_note, &l.return_reason_note]
            .into_iter()
            .flatten()
        {
            let note = note.trim();
            if !note.is_empty() && !notes.iter().any(|n| n == note) {
                notes.push(note.to_string());
            }
        }
        let item = l
            .fulfillment_line_item
            .as_ref()
            .and_then(|f| f.line_item.as_ref());
        if item.is_none() {
            r.problems.push(format!(
                "{}: line {}: {} is not tied to a shipped order line, so oms cannot tell what comes back; create its RMA by hand (`oms returns create`)",
                r.source,
                legacy_id(&l.id),
                if l.typename.is_empty() { "the line" } else { l.typename.as_str() }
            ));
            continue;
        }
        r.lines.push(ShopReturnLineIn {
            id: l.id.clone(),
            line_item_id: item.map(|i| legacy_id(&i.id).to_string()),
            sku: item
                .and_then(|i| i.sku.clone())
                .filter(|s| !s.trim().is_empty()),
            quantity: l.quantity,
        });
    }
    r.reason = lines
        .nodes
        .iter()
        .find_map(|l| l.return_reason_definition.as_ref())
        .map(|d| reason_from_shop(&d.handle))
        .unwrap_or_default();
    r.note = (!notes.is_empty()).then(|| notes.join(" / "));
    Ok(r)
}

fn lines_of(ch: &mut ShopifyChannel, id: &str) -> anyhow::Result<Option<ReturnFull>> {
    let data: ReturnData = ch.gql.run(
        "ReturnLines",
        RETURN_QUERY,
        json!({ "id": id }),
        Retry::Safe,
    )?;
    Ok(data.found)
}

/// Tells the shop what arrived of a finished RMA: processes what it has not processed
/// yet, then closes the return if it is still open. Refusals name the shop's words.
pub(super) fn report(ch: &mut ShopifyChannel, r: &ShopReturnReport) -> anyhow::Result<Sent> {
    let Some(now) = lines_of(ch, &r.return_id)? else {
        return Ok(Sent::refused(
            &r.rma,
            format!("the shop no longer has return {}", r.return_id),
        ));
    };
    let status = ShopReturnStatus::parse(&now.status);
    if status != ShopReturnStatus::Open {
        return Ok(Sent {
            note: Some(format!("the shop's return is already {}", status.as_str())),
            ..Sent::ok(&r.rma, Some(r.return_id.clone()))
        });
    }
    let processed = |id: &str| {
        now.return_line_items
            .nodes
            .iter()
            .find(|l| l.id == id)
            .map_or(0, |l| l.processed_quantity)
    };
    let remainder: Vec<serde_json::Value> = r
        .lines
        .iter()
        .filter_map(|(id, arrived)| {
            let left = arrived - processed(id);
            (left > 0).then(|| json!({ "id": id, "quantity": left }))
        })
        .collect();
    let mut open = true;
    if !remainder.is_empty() {
        let input = json!({ "input": { "returnId": r.return_id, "returnLineItems": remainder } });
        let done: ProcessData = ch.gql.run("ReturnProcess", PROCESS, input, Retry::Unsafe)?;
        if !done.return_process.user_errors.is_empty() {
            return Ok(Sent::refused(
                &r.rma,
                format!(
                    "returnProcess: {}",
                    user_errors(&done.return_process.user_errors)
                ),
            ));
        }
        open = done
            .return_process
            .changed
            .is_none_or(|c| ShopReturnStatus::parse(&c.status) == ShopReturnStatus::Open);
    }
    if open {
        let done: CloseData = ch.gql.run(
            "ReturnClose",
            CLOSE,
            json!({ "id": r.return_id }),
            Retry::Unsafe,
        )?;
        if !done.return_close.user_errors.is_empty() {
            return Ok(Sent::refused(
                &r.rma,
                format!(
                    "returnClose: {}",
                    user_errors(&done.return_close.user_errors)
                ),
            ));
        }
    }
    Ok(Sent::ok(&r.rma, Some(r.return_id.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_orders_with_returns_are_asked_for() {
        assert_eq!(filter(None), "-return_status:no_return");
        assert_eq!(
            filter(Some("2026-01-10T14:55:00Z")),
            "updated_at:>='2026-01-10T14:55:00Z' AND -return_status:no_return"
        );
    }
}
