//! A mock Shopify orders endpoint for bench/shopify.sh, and the plain HTTP loop that
//! `oms orders import` is compared with. Deterministic (fixed seed), std only on the
//! server side: every page is rendered once at start, so serving costs a memcpy and the
//! mock never dominates what is measured.
//!
//!     mock_shopify serve [ORDERS] [SKUS] [LATENCY_MS]   # prints its URL, serves until killed
//!     mock_shopify fetch URL                            # GETs every page, following Link
//!
//! `serve` answers `GET /admin/api/<version>/orders.json?…` with page 1 and
//! `…&page_info=N` with page N, 250 orders a page, each page with a `Link: <…>;
//! rel="next"` header to the following one, as Shopify's cursor pagination does. SKUs
//! are `SKU-000000`…, the names `bench_data catalog` gives its variants. `LATENCY_MS`
//! holds each answer back that long, as a real API's time to build a page would.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

const PER_PAGE: usize = 250;
const API: &str = "/admin/api/2025-10";

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
    match args.first().map(String::as_str) {
        Some("serve") => serve(
            num(1, 10_000),
            num(2, 1_000),
            Duration::from_millis(num(3, 0)),
        ),
        Some("fetch") => {
            let url = args.get(1).ok_or("usage: mock_shopify fetch URL")?;
            fetch(url)
        }
        _ => Err("usage: mock_shopify serve [ORDERS] [SKUS] [LATENCY_MS] | fetch URL".into()),
    }
}

/// The plain loop: what any client must do to read the same orders, and nothing more.
fn fetch(base: &str) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let client = reqwest::blocking::Client::builder().build()?;
    let mut next = Some(format!(
        "{}{API}/orders.json?status=any&limit={PER_PAGE}",
        base.trim_end_matches('/')
    ));
    let (mut pages, mut bytes) = (0, 0);
    while let Some(url) = next.take() {
        let resp = client
            .get(&url)
            .header("x-shopify-access-token", "bench")
            .send()?
            .error_for_status()?;
        next = resp
            .headers()
            .get("link")
            .and_then(|v| v.to_str().ok())
            .and_then(next_link);
        bytes += resp.bytes()?.len();
        pages += 1;
    }
    eprintln!(
        "fetched {pages} pages, {:.1} MB in {:.3} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The `rel="next"` URL of a Link header.
fn next_link(header: &str) -> Option<String> {
    header.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params.contains("rel=\"next\"").then(|| {
            url.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
    })
}

fn serve(orders: u64, skus: u64, latency: Duration) -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let base = format!("http://{}", listener.local_addr()?);
    let pages = Arc::new(render(&base, orders, skus.max(1)));
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
        let pages = Arc::clone(&pages);
        std::thread::spawn(move || {
            if let Err(e) = answer(stream, &pages, latency) {
                eprintln!("mock shopify: {e}");
            }
        });
    }
    Ok(())
}

/// Serves one keep-alive connection: GETs only, no request bodies.
fn answer(stream: TcpStream, pages: &[Vec<u8>], latency: Duration) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut out = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let target = line.split_whitespace().nth(1).unwrap_or("").to_string();
        let mut length = 0usize;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        if length > 0 {
            std::io::copy(&mut (&mut reader).take(length as u64), &mut std::io::sink())?;
        }
        std::thread::sleep(latency);
        match page_of(&target).and_then(|n| pages.get(n)) {
            Some(page) => out.write_all(page)?,
            None => out.write_all(
                b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 23\r\n\r\n{\"errors\":\"Not Found\"}\n",
            )?,
        }
    }
}

/// Which page a request asks for: `page_info=N`, else the first one.
fn page_of(target: &str) -> Option<usize> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if !path.ends_with("/orders.json") {
        return None;
    }
    match query
        .split('&')
        .find_map(|kv| kv.strip_prefix("page_info="))
    {
        Some(n) => n.parse().ok(),
        None => Some(0),
    }
}

/// Every page as a complete HTTP response, headers and all.
fn render(base: &str, orders: u64, skus: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let count = (orders as usize).div_ceil(PER_PAGE);
    (0..count)
        .map(|p| {
            let first = (p * PER_PAGE) as u64;
            let last = (first + PER_PAGE as u64).min(orders);
            let list: Vec<String> = (first..last)
                .map(|i| order(&mut rng, i, skus))
                .collect();
            let body = format!("{{\"orders\":[{}]}}", list.join(","));
            let link = if p + 1 < count {
                format!(
                    "link: <{base}{API}/orders.json?limit={PER_PAGE}&page_info={}>; rel=\"next\"\r\n",
                    p + 1
                )
            } else {
                String::new()
            };
            let mut page = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\n\
                 x-shopify-shop-api-call-limit: 1/40\r\n{link}content-length: {}\r\n\r\n",
                body.len()
            )
            .into_bytes();
            page.extend_from_slice(body.as_bytes());
            page
        })
        .collect()
}

/// One order in Shopify's shape, with the money sets and ids a real one carries (oms
/// reads a fraction of it, as it would from the real API).
fn order(rng: &mut Rng, i: u64, skus: u64) -> String {
    let id = 5_000_000_000 + i;
    let minute = i % 60;
    let hour = 8 + (i / 60) % 12;
    let day = 1 + (i / 720) % 28;
    let at = format!("2026-01-{day:02}T{hour:02}:{minute:02}:00-05:00");
    let lines = 1 + rng.below(3);
    let mut total = 0u64;
    let items: Vec<String> = (0..lines)
        .map(|n| {
            let sku = rng.below(skus);
            let quantity = 1 + rng.below(3);
            let price = 500 + rng.below(9_500);
            total += price * quantity;
            let price = money(price);
            format!(
                r#"{{"id":{},"admin_graphql_api_id":"gid://shopify/LineItem/{0}","fulfillable_quantity":{quantity},"fulfillment_service":"manual","fulfillment_status":null,"gift_card":false,"grams":250,"name":"Product {sku}","price":"{price}","price_set":{{"shop_money":{{"amount":"{price}","currency_code":"USD"}},"presentment_money":{{"amount":"{price}","currency_code":"USD"}}}},"product_exists":true,"product_id":{},"properties":[],"quantity":{quantity},"current_quantity":{quantity},"requires_shipping":true,"sku":"SKU-{sku:06}","taxable":true,"title":"Product {sku}","total_discount":"0.00","variant_id":{},"variant_title":null,"vendor":"Bench Co","tax_lines":[],"duties":[],"discount_allocations":[]}}"#,
                id * 10 + n,
                7_000_000 + sku,
                8_000_000 + sku
            )
        })
        .collect();
    let total = money(total);
    format!(
        r##"{{"id":{id},"admin_graphql_api_id":"gid://shopify/Order/{id}","app_id":580111,"browser_ip":"203.0.113.7","buyer_accepts_marketing":false,"cancel_reason":null,"cancelled_at":null,"confirmation_number":"B{i:08}","confirmed":true,"contact_email":"buyer{i}@example.com","created_at":"{at}","currency":"USD","current_total_price":"{total}","financial_status":"paid","fulfillment_status":null,"email":"buyer{i}@example.com","name":"#{}","note":null,"number":{i},"order_number":{},"phone":null,"processed_at":"{at}","source_name":"web","subtotal_price":"{total}","tags":"","taxes_included":false,"test":false,"total_discounts":"0.00","total_price":"{total}","total_price_set":{{"shop_money":{{"amount":"{total}","currency_code":"USD"}},"presentment_money":{{"amount":"{total}","currency_code":"USD"}}}},"total_tax":"0.00","total_weight":750,"updated_at":"{at}","customer":{{"id":{},"email":"buyer{i}@example.com","first_name":"Buyer","last_name":"{i}","state":"enabled","verified_email":true,"currency":"USD","phone":null}},"billing_address":{{"first_name":"Buyer","last_name":"{i}","address1":"{} Main Street","city":"Springfield","province":"Illinois","province_code":"IL","zip":"62701","country":"United States","country_code":"US","name":"Buyer {i}"}},"shipping_address":{{"first_name":"Buyer","last_name":"{i}","address1":"{} Main Street","address2":null,"company":null,"city":"Springfield","province":"Illinois","province_code":"IL","zip":"62701","country":"United States","country_code":"US","phone":null,"name":"Buyer {i}","latitude":39.78,"longitude":-89.65}},"shipping_lines":[{{"id":{},"code":"Standard","price":"5.00","source":"shopify","title":"Standard Shipping","discount_allocations":[],"tax_lines":[]}}],"discount_codes":[],"note_attributes":[],"payment_gateway_names":["shopify_payments"],"tax_lines":[],"refunds":[],"fulfillments":[],"line_items":[{}]}}"##,
        1000 + i,
        1000 + i,
        9_000_000 + i,
        1 + i % 999,
        1 + i % 999,
        id + 1,
        items.join(",")
    )
}

fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}
