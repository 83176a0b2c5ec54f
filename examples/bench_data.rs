//! Generates benchmark inputs for bench/run.sh: a catalog, opening stock and orders, in
//! oms's own file formats. Deterministic (fixed seed) so runs compare like with like.
//!
//!     cargo run --release --example bench_data -- catalog SKUS > catalog.csv
//!     cargo run --release --example bench_data -- stock SKUS WAREHOUSE... > stock.csv
//!     cargo run --release --example bench_data -- orders N LINES SKUS > orders.csv

use std::io::{BufWriter, Write};

/// xorshift64*: tiny, fast and good enough to spread SKUs and quantities.
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

fn sku(i: u64) -> String {
    format!("SKU-{i:06}")
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, default: u64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let mut out = BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    match args.first().map(String::as_str) {
        Some("catalog") => {
            writeln!(
                out,
                "handle,title,vendor,product_type,tags,status,sku,variant_title,option1,option2,option3,barcode,price,weight_grams"
            )?;
            for i in 0..num(1, 10_000) {
                let price = 500 + rng.below(9_500);
                writeln!(
                    out,
                    "product-{i:06},Product {i},Bench Co,Thing,,active,{},,,,,{:013},{}.{:02},{}",
                    sku(i),
                    i,
                    price / 100,
                    price % 100,
                    100 + rng.below(900)
                )?;
            }
        }
        Some("stock") => {
            let skus = num(1, 10_000);
            writeln!(out, "warehouse,sku,by,set,reason,note")?;
            for w in args.iter().skip(2) {
                for i in 0..skus {
                    writeln!(
                        out,
                        "{w},{},,{},count,opening stock",
                        sku(i),
                        50 + rng.below(200)
                    )?;
                }
            }
        }
        Some("orders") => {
            let (orders, lines, skus) = (num(1, 1_000_000), num(2, 3), num(3, 10_000));
            writeln!(
                out,
                "order_id,order_name,ordered_at,email,ship_name,ship_address1,ship_city,ship_zip,ship_country,shipping_method,currency,sku,quantity,price"
            )?;
            for o in 0..orders {
                let ts = format!(
                    "2026-01-{:02}T{:02}:{:02}:{:02}Z",
                    1 + (o / 86_400) % 28,
                    (o / 3600) % 24,
                    (o / 60) % 60,
                    o % 60
                );
                let mut used = Vec::with_capacity(lines as usize);
                for l in 0..lines {
                    let mut s = rng.below(skus);
                    while used.contains(&s) {
                        s = (s + 1) % skus;
                    }
                    used.push(s);
                    let qty = 1 + rng.below(3);
                    let price = 500 + rng.below(9_500);
                    if l == 0 {
                        writeln!(
                            out,
                            "B{o},#B{o},{ts},buyer{o}@example.com,Buyer {o},{} Main St,Springfield,{:05},US,Standard Shipping,USD,{},{qty},{}.{:02}",
                            1 + o % 999,
                            o % 100_000,
                            sku(s),
                            price / 100,
                            price % 100
                        )?;
                    } else {
                        writeln!(
                            out,
                            "B{o},,,,,,,,,,,{},{qty},{}.{:02}",
                            sku(s),
                            price / 100,
                            price % 100
                        )?;
                    }
                }
            }
        }
        _ => {
            eprintln!(
                "usage: bench_data catalog SKUS | stock SKUS WAREHOUSE... | orders N LINES SKUS"
            );
            std::process::exit(2);
        }
    }
    out.flush()
}
