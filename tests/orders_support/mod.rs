//! Shared by the order import test files: the order fixtures, their catalog, and
//! questions asked of the database.
#![allow(dead_code)]

use crate::common::{Env, Run};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/orders");

pub fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// The standard workspace with the order fixtures' catalog (docs/order-files.md).
pub fn env_with_catalog() -> Env {
    let env = Env::standard();
    catalog(&env);
    env
}

pub fn catalog(env: &Env) {
    env.oms([
        "catalog",
        "import",
        "--file",
        &fixture("catalog.csv"),
        "--format",
        "oms-csv",
    ])
    .ok();
}

pub fn count(env: &Env, sql: &str) -> i64 {
    env.db().query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// One text column of the order with this external id.
pub fn order_text(env: &Env, external_id: &str, column: &str) -> Option<String> {
    env.db()
        .query_row(
            &format!("SELECT {column} FROM orders WHERE external_id = ?1"),
            [external_id],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("order {external_id}: {e}"))
}

/// (SKU, quantity, price in cents, channel SKU) of each line, in line order.
pub fn lines(env: &Env, external_id: &str) -> Vec<(String, i64, Option<i64>, String)> {
    let db = env.db();
    let mut stmt = db
        .prepare(
            "SELECT v.sku, l.quantity, l.price_cents, l.channel_sku FROM order_lines l
             JOIN orders o ON o.id = l.order_id JOIN variants v ON v.id = l.variant_id
             WHERE o.external_id = ?1 ORDER BY l.line_no",
        )
        .unwrap();
    stmt.query_map([external_id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

pub fn import_file(env: &Env, file: &str, format: &str) -> Run {
    env.oms([
        "orders", "import", "--file", file, "--format", format, "-o", "json",
    ])
}

pub fn inbox_files(env: &Env, sub: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.path(&format!("channels/web/inbox/{sub}")))
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The oms-csv header the tests' own files use.
pub const HEADER: &str = "order_id,order_name,status,ship_name,ship_address1,ship_city,ship_zip,ship_country,total,sku,quantity,price\n";
