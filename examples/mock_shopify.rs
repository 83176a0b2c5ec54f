//! A mock Shopify GraphQL Admin API for bench/shopify.sh, and the plain HTTP loop that
//! `oms orders import` is compared with. Deterministic (fixed seed), std only on the
//! server side: every page is rendered once at start, so serving costs a memcpy and the
//! mock never dominates what is measured.
//!
//!     mock_shopify serve [ORDERS] [SKUS] [LATENCY_MS]   # prints its URL, serves until killed
//!     mock_shopify fetch URL                            # POSTs the orders query for every page
//!
//! `serve` answers `POST /admin/api/<version>/graphql.json` carrying the connector's own
//! `orders` query (read from src/connectors/shopify/orders_wire.rs at compile time, so
//! the two cannot drift apart): `after: null` gets page 1, `after: <endCursor>` the page
//! after it, 250 orders a page with `pageInfo { hasNextPage endCursor }`, as Shopify's
//! cursor pagination does. Each answer carries `extensions.cost.throttleStatus` with a
//! bucket that is always full, so the client's cost pacing runs but never waits. Any
//! other query, page size, filter or cursor gets a GraphQL error rather than a page, so
//! the bench cannot silently measure something the connector does not do. SKUs are
//! `SKU-000000`…, the names `bench_data catalog` gives its variants. `LATENCY_MS` holds
//! each answer back that long, as a real API's time to build a page would.
//!
//! It also speaks the rest of what `oms orders import` and `oms channels check` need from
//! a shop: the client-credentials grant (`POST /admin/oauth/access_token` answers a token
//! for any client id and secret), the `Check` query, and a bulk operation over the same
//! orders: `bulkOperationRunQuery` starts one, the first `node(id:)` poll finds it RUNNING
//! and the next COMPLETED, and `GET /bulk/orders.jsonl` streams the result, one order
//! then its shipping line and line items (`__parentId`), generated as it is written so
//! that 100,000 orders cost the mock no memory either.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{Value, json};

const PER_PAGE: usize = 250;
const API: &str = "/admin/api/2026-10";

/// The connector's source; its `ORDERS_QUERY` is what both sides here send and expect.
const WIRE_SOURCE: &str = include_str!("../src/connectors/shopify/orders_wire.rs");

/// The `orders` query exactly as `oms orders import` sends it.
fn orders_query() -> Result<&'static str, String> {
    let open = "pub const ORDERS_QUERY: &str = r#\"";
    let start = WIRE_SOURCE
        .find(open)
        .ok_or("src/connectors/shopify/orders_wire.rs: no `ORDERS_QUERY` raw string")?
        + open.len();
    let len = WIRE_SOURCE[start..]
        .find("\"#;")
        .ok_or("src/connectors/shopify/orders_wire.rs: `ORDERS_QUERY` is not closed")?;
    Ok(&WIRE_SOURCE[start..start + len])
}

/// xorshift64*: tiny and good enough to spread SKUs, quantities and names.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let query = orders_query()?;
    match args.first().map(String::as_str) {
        Some("serve") => serve(
            query,
            num(1, 10_000),
            num(2, 1_000),
            Duration::from_millis(num(3, 0)),
        ),
        Some("fetch") => {
            let url = args.get(1).ok_or("usage: mock_shopify fetch URL")?;
            fetch(query, url)
        }
        _ => Err("usage: mock_shopify serve [ORDERS] [SKUS] [LATENCY_MS] | fetch URL".into()),
    }
}

/// Only the cursor of an answer: the rest is skipped, not built.
#[derive(Deserialize)]
struct Answer {
    data: Option<Data>,
    #[serde(default)]
    errors: Vec<Value>,
}

#[derive(Deserialize)]
struct Data {
    orders: Orders,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Orders {
    page_info: PageInfo,
    nodes: Vec<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PageInfo {
    has_next_page: bool,
    end_cursor: Option<String>,
}

/// The plain loop: what any client must do to read the same orders, and nothing more —
/// POST the query, read the page's cursor, ask for the next page.
fn fetch(query: &str, base: &str) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let client = reqwest::blocking::Client::builder().build()?;
    let url = format!("{}{API}/graphql.json", base.trim_end_matches('/'));
    let (mut pages, mut orders, mut bytes) = (0, 0, 0);
    let mut after: Option<String> = None;
    loop {
        let body = json!({
            "query": query,
            "variables": { "first": PER_PAGE, "after": after, "query": null },
        });
        let raw = client
            .post(&url)
            .header("x-shopify-access-token", "bench")
            .json(&body)
            .send()?
            .error_for_status()?
            .bytes()?;
        bytes += raw.len();
        pages += 1;
        let answer: Answer = serde_json::from_slice(&raw)?;
        if !answer.errors.is_empty() {
            return Err(format!("page {pages}: {}", Value::from(answer.errors)).into());
        }
        let page = answer.data.ok_or("an answer without `data`")?.orders;
        orders += page.nodes.len();
        match page.page_info.end_cursor {
            Some(cursor) if page.page_info.has_next_page => after = Some(cursor),
            _ => break,
        }
    }
    eprintln!(
        "fetched {orders} orders in {pages} pages, {:.1} MB in {:.3} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn serve(
    query: &'static str,
    orders: u64,
    skus: u64,
    latency: Duration,
) -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://{}", listener.local_addr()?);
    let shop = Arc::new(Shop {
        pages: render(orders, skus.max(1)),
        orders,
        skus: skus.max(1),
        base: base.clone(),
        polls: std::sync::atomic::AtomicUsize::new(0),
    });
    let pages = &shop.pages;
    let size: usize = pages.iter().map(Vec::len).sum();
    eprintln!(
        "mock shopify: {orders} orders in {} pages ({:.1} MB) at {base}",
        pages.len(),
        size as f64 / 1e6
    );
    println!("{base}");
    std::io::stdout().flush()?;
    for stream in listener.incoming() {
        let stream = stream?;
        let shop = Arc::clone(&shop);
        std::thread::spawn(move || {
            if let Err(e) = answer(stream, query, &shop, latency) {
                eprintln!("mock shopify: {e}");
            }
        });
    }
    Ok(())
}

/// What the mock serves: the pages, rendered once, and what it needs to stream the same
/// orders as a bulk result.
struct Shop {
    pages: Vec<Vec<u8>>,
    orders: u64,
    skus: u64,
    base: String,
    polls: std::sync::atomic::AtomicUsize,
}

const BULK_ID: &str = "gid://shopify/BulkOperation/9000001";
const SCOPES: &str = "read_orders,write_merchant_managed_fulfillment_orders,write_fulfillments,write_inventory,read_locations,write_products";

/// Answers for what is not a page of orders; None: a page (or a wrong query).
fn other_answer(shop: &Shop, request: &Value) -> Option<String> {
    let document = request["query"].as_str().unwrap_or("");
    let cost = r#""extensions":{"cost":{"requestedQueryCost":10,"actualQueryCost":10,"throttleStatus":{"maximumAvailable":20000.0,"currentlyAvailable":20000.0,"restoreRate":1000.0}}}"#;
    if document.starts_with("query Check") {
        let scopes: Vec<String> = SCOPES
            .split(',')
            .map(|s| format!(r#"{{"handle":"{s}"}}"#))
            .collect();
        return Some(format!(
            r#"{{"data":{{"shop":{{"name":"Bench Shop","myshopifyDomain":"bench.myshopify.com","plan":{{"displayName":"Development"}}}},"currentAppInstallation":{{"accessScopes":[{}]}}}},{cost}}}"#,
            scopes.join(",")
        ));
    }
    if document.starts_with("mutation BulkOrders") {
        let inner = request["variables"]["query"].as_str().unwrap_or("");
        if !inner.contains("orders(sortKey: UPDATED_AT)")
            || !document.contains("groupObjects: true")
        {
            return Some(r#"{"errors":[{"message":"mock shopify: bulk reads the full list, grouped, only"}]}"#.into());
        }
        shop.polls.store(0, std::sync::atomic::Ordering::SeqCst);
        return Some(format!(
            r#"{{"data":{{"bulkOperationRunQuery":{{"bulkOperation":{{"id":"{BULK_ID}","status":"CREATED"}},"userErrors":[]}}}},{cost}}}"#
        ));
    }
    if document.starts_with("query BulkOperation(") {
        let n = shop.polls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let done = n > 0;
        let status = if done { "COMPLETED" } else { "RUNNING" };
        let url = if done {
            format!(
                r#""{}/bulk/orders.jsonl?Expires=1999999999&Signature=bW9jaw""#,
                shop.base
            )
        } else {
            "null".into()
        };
        return Some(format!(
            r#"{{"data":{{"node":{{"id":"{BULK_ID}","status":"{status}","errorCode":null,"objectCount":"{}","rootObjectCount":"{}","url":{url},"partialDataUrl":null}}}},{cost}}}"#,
            shop.orders * 4,
            shop.orders
        ));
    }
    None
}

/// Streams the bulk result: generated order by order, written as it is made.
fn stream_bulk(out: &mut TcpStream, shop: &Shop) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    w.write_all(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/jsonl\r\nconnection: close\r\n\r\n",
    )?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..shop.orders {
        let o = order_parts(&mut rng, i, shop.skus);
        let gid = format!("gid://shopify/Order/{}", o.id);
        writeln!(w, "{{{}}}", o.head)?;
        writeln!(
            w,
            r#"{{"id":"gid://shopify/ShippingLine/{}",{},"__parentId":"{gid}"}}"#,
            o.id, o.shipping
        )?;
        for item in &o.items {
            writeln!(w, r#"{{{item},"__parentId":"{gid}"}}"#)?;
        }
    }
    w.flush()
}

/// Serves one keep-alive connection.
fn answer(stream: TcpStream, query: &str, shop: &Shop, latency: Duration) -> std::io::Result<()> {
    let pages = &shop.pages;
    stream.set_nodelay(true)?;
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut words = line.split_whitespace();
        let method = words.next().unwrap_or("").to_string();
        let target = words.next().unwrap_or("").to_string();
        let (mut length, mut token) = (0usize, false);
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                } else if name.eq_ignore_ascii_case("x-shopify-access-token") {
                    token = !value.trim().is_empty();
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body)?;
        std::thread::sleep(latency);
        if method == "GET" && target.starts_with("/bulk/orders.jsonl") {
            return stream_bulk(&mut out, shop);
        }
        if method == "POST" && target == "/admin/oauth/access_token" {
            let grant: Value = serde_json::from_slice(&body).unwrap_or_default();
            let text = if grant["grant_type"] == "client_credentials"
                && grant["client_id"].is_string()
                && grant["client_secret"].is_string()
            {
                format!(
                    r#"{{"access_token":"shpat_mock_granted_0c41","scope":"{SCOPES}","expires_in":86399}}"#
                )
            } else {
                r#"{"error":"invalid_request","error_description":"grant_type, client_id and client_secret are required"}"#.into()
            };
            out.write_all(&respond("200 OK", &text))?;
            continue;
        }
        let request: Value = serde_json::from_slice(&body).unwrap_or_default();
        if method == "POST"
            && token
            && target.starts_with(&format!("{API}/graphql.json"))
            && let Some(text) = other_answer(shop, &request)
        {
            out.write_all(&respond("200 OK", &text))?;
            continue;
        }
        if method != "POST" || !target.starts_with(&format!("{API}/graphql.json")) {
            out.write_all(&respond("404 Not Found", r#"{"errors":"Not Found"}"#))?;
        } else if !token {
            let text = r#"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#;
            out.write_all(&respond("401 Unauthorized", text))?;
        } else {
            match page_of(query, &body, pages.len()) {
                Ok(n) => out.write_all(&pages[n])?,
                Err(message) => {
                    let text = json!({ "errors": [{ "message": message }] }).to_string();
                    out.write_all(&respond("200 OK", &text))?;
                }
            }
        }
    }
}

/// Which page a request asks for, or why it is not one the connector would send.
fn page_of(query: &str, body: &[u8], count: usize) -> Result<usize, String> {
    let request: Value =
        serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))?;
    if request["query"].as_str() != Some(query) {
        return Err("mock shopify: not the connector's orders query".into());
    }
    let vars = &request["variables"];
    if vars["first"].as_u64() != Some(PER_PAGE as u64) {
        return Err(format!("mock shopify: pages are of {PER_PAGE} orders"));
    }
    if !vars["query"].is_null() {
        return Err("mock shopify: serves the full list only (no `query` filter)".into());
    }
    match &vars["after"] {
        Value::Null => Ok(0),
        Value::String(cursor) => cursor
            .strip_prefix("bench-after-")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| n + 1 < count)
            .map(|n| n + 1)
            .ok_or_else(|| format!("Invalid cursor for current pagination: `{cursor}`")),
        other => Err(format!("`after` must be a string, not {other}")),
    }
}

fn respond(status: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json; charset=utf-8\r\n\
         content-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Every page as a complete HTTP response, headers and all.
fn render(orders: u64, skus: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let count = (orders as usize).div_ceil(PER_PAGE).max(1);
    (0..count)
        .map(|p| {
            let first = (p * PER_PAGE) as u64;
            let last = (first + PER_PAGE as u64).min(orders);
            let nodes: Vec<String> = (first..last).map(|i| order(&mut rng, i, skus)).collect();
            let more = p + 1 < count;
            // A page's cost is what Shopify would charge; the bucket stays full, so the
            // connector's pacing is exercised without ever holding a request back.
            let body = format!(
                r#"{{"data":{{"orders":{{"pageInfo":{{"hasNextPage":{more},"endCursor":{}}},"nodes":[{}]}}}},"extensions":{{"cost":{{"requestedQueryCost":1502,"actualQueryCost":{},"throttleStatus":{{"maximumAvailable":20000.0,"currentlyAvailable":20000.0,"restoreRate":1000.0}}}}}}}}"#,
                if nodes.is_empty() {
                    "null".to_string()
                } else {
                    format!("\"bench-after-{p}\"")
                },
                nodes.join(","),
                2 + nodes.len() * 4,
            );
            respond("200 OK", &body)
        })
        .collect()
}

/// One order node with exactly the fields the connector's query selects. Every 97th is
/// cancelled, every 31st partly fulfilled, every 23rd a guest checkout (no customer):
/// states the connector maps differently, so the bench does not time the happy path only.
fn order(rng: &mut Rng, i: u64, skus: u64) -> String {
    let o = order_parts(rng, i, skus);
    format!(
        r#"{{{},"shippingLines":{{"nodes":[{{{}}}]}},"lineItems":{{"nodes":[{}]}}}}"#,
        o.head,
        o.shipping,
        o.items
            .iter()
            .map(|item| format!("{{{item}}}"))
            .collect::<Vec<_>>()
            .join(",")
    )
}

/// An order's own fields, its shipping line's and each line item's, without braces: a
/// page nests them, a bulk result writes each on its own line.
struct Parts {
    id: u64,
    head: String,
    shipping: String,
    items: Vec<String>,
}

fn order_parts(rng: &mut Rng, i: u64, skus: u64) -> Parts {
    let id = 5_000_000_000 + i;
    // `sortKey: UPDATED_AT`: each order a little later than the one before.
    let at = timestamp(i * 37);
    let cancelled = i % 97 == 96;
    let partial = !cancelled && i % 31 == 30;
    let lines = 1 + rng.below(3);
    let mut total = 0u64;
    let items: Vec<String> = (0..lines)
        .map(|n| {
            let sku = rng.below(skus);
            // A partly fulfilled order has shipped one unit of its first line.
            let shipped = u64::from(partial && n == 0);
            let quantity = 1 + shipped + rng.below(3);
            let price = 500 + rng.below(9_500);
            total += price * quantity;
            let unfulfilled = quantity - shipped;
            format!(
                r#""id":"gid://shopify/LineItem/{}","sku":"SKU-{sku:06}","title":"Product {sku}","name":"Product {sku} - Default Title","quantity":{quantity},"currentQuantity":{quantity},"unfulfilledQuantity":{unfulfilled},"originalUnitPriceSet":{{"shopMoney":{{"amount":"{}"}}}}"#,
                id * 10 + n,
                money(price)
            )
        })
        .collect();
    let total = money(total);
    let street = 1 + i % 999;
    let address = format!(
        r#"{{"name":"Buyer {i}","firstName":"Buyer","lastName":"{i}","company":null,"address1":"{street} Main Street","address2":null,"city":"Springfield","province":"Illinois","provinceCode":"IL","zip":"62701","country":"United States","countryCodeV2":"US","phone":null}}"#
    );
    let customer = if i % 23 == 22 {
        "null".to_string()
    } else {
        format!(
            r#"{{"firstName":"Buyer","lastName":"{i}","email":"buyer{i}@example.com","phone":null}}"#
        )
    };
    let status = if partial {
        "PARTIALLY_FULFILLED"
    } else {
        "UNFULFILLED"
    };
    let cancelled_at = if cancelled {
        format!("\"{}\"", timestamp(i * 37 + 30))
    } else {
        "null".into()
    };
    let head = format!(
        r##""id":"gid://shopify/Order/{id}","name":"#{}","email":"buyer{i}@example.com","phone":null,"createdAt":"{at}","updatedAt":"{at}","cancelledAt":{cancelled_at},"test":false,"note":null,"tags":[],"displayFulfillmentStatus":"{status}","currencyCode":"USD","totalPriceSet":{{"shopMoney":{{"amount":"{total}","currencyCode":"USD"}}}},"customer":{customer},"shippingAddress":{address},"billingAddress":{address}"##,
        1000 + i,
    );
    Parts {
        id,
        head,
        shipping: r#""title":"Standard Shipping","code":"Standard""#.into(),
        items,
    }
}

/// `seconds` after 2026-01-01T00:00:00Z, as Shopify writes a DateTime.
fn timestamp(seconds: u64) -> String {
    let start = chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default();
    let at = start + chrono::Duration::seconds(seconds as i64);
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}
