//! Orders changed by hand: `oms orders approve` (draft → approved) and `oms orders create`
//! (an order typed in by a person; SPEC §3: such orders start as `draft`).

use rusqlite::Connection;

use crate::config::Config;
use crate::error::usage;
use crate::model::order::Address;
use crate::model::{OrderStatus, now};
use crate::store::catalog;
use crate::store::orders::{self, NewLine, NewOrder};

/// The channel code of orders entered by hand.
pub const MANUAL_CHANNEL: &str = "manual";

/// The answer to approving one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approval {
    Approved,
    /// Why not: the order does not exist or is not a draft.
    Refused(String),
}

/// Approves draft order `id` in the caller's transaction, recording `cause` in its story.
pub fn approve(conn: &Connection, id: i64, cause: &str) -> anyhow::Result<Approval> {
    let Some(status) = orders::status_of(conn, id)? else {
        return Ok(Approval::Refused(format!("there is no order {id}")));
    };
    if status != OrderStatus::Draft {
        return Ok(Approval::Refused(format!(
            "order {id} is {status}; only draft orders can be approved"
        )));
    }
    let moved = orders::set_status(
        conn,
        id,
        OrderStatus::Draft,
        OrderStatus::Approved,
        cause,
        None,
    )?;
    Ok(if moved {
        Approval::Approved
    } else {
        Approval::Refused(format!("order {id} changed while it was being approved"))
    })
}

/// An order typed in by a person.
#[derive(Debug, Clone, Default)]
pub struct ManualOrder {
    /// (SKU, quantity) per line, in the order given.
    pub lines: Vec<(String, i64)>,
    pub customer_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub ship_to: Address,
    pub warehouse: Option<String>,
    pub carrier_service: Option<String>,
    pub note: Option<String>,
    /// Already normalised ([`crate::model::order::normalize_cancel_after`]).
    pub cancel_after: Option<String>,
    /// A digital or pickup order: no ship-to address needed (`--no-ship-to`).
    pub no_ship_to: bool,
}

/// Creates a draft order in channel `manual` in the caller's (write) transaction. Its
/// external id (also its name) is `M` and the order number, e.g. `M0000042`. Unknown
/// SKUs, warehouses and carrier services are usage errors: nothing is created.
/// Returns (order id, external id).
pub fn create(
    conn: &Connection,
    config: &Config,
    m: &ManualOrder,
    cause: &str,
) -> anyhow::Result<(i64, String)> {
    if m.lines.is_empty() {
        return Err(usage("an order needs at least one line: --sku SKU=QTY"));
    }
    let mut problems = Vec::new();
    let mut ship_to = m.ship_to.clone();
    if ship_to.name.is_none() {
        ship_to.name.clone_from(&m.customer_name);
    }
    let missing = ship_to.missing_for_shipping();
    if !m.no_ship_to && !missing.is_empty() {
        let flags: Vec<String> = missing
            .iter()
            .map(|f| format!("--ship-{}", f.trim_start_matches("ship_to.")))
            .collect();
        problems.push(format!(
            "{}: missing, and a warehouse cannot ship without it (give {}, or --no-ship-to \
             for a digital or pickup order)",
            missing.join(", "),
            flags.join(", ")
        ));
    }
    let mut lines = Vec::with_capacity(m.lines.len());
    for (sku, quantity) in &m.lines {
        if *quantity <= 0 {
            problems.push(format!(
                "--sku {sku}={quantity}: the quantity must be above 0"
            ));
        }
        match catalog::record(conn, sku)? {
            None => problems.push(format!("--sku {sku}: unknown SKU `{sku}`")),
            Some(rec) => {
                let variant = catalog::find_variant(conn, sku)?
                    .ok_or_else(|| anyhow::anyhow!("SKU `{sku}` vanished from the catalog"))?;
                let price = rec.entry.variant.price_cents;
                lines.push(NewLine {
                    variant_id: variant.id,
                    channel_sku: variant.sku,
                    external_line_id: None,
                    title: Some(rec.entry.product.title.clone()),
                    quantity: *quantity,
                    price_cents: price,
                });
            }
        }
    }
    if let Some(w) = &m.warehouse
        && !config.is_physical(w)
    {
        let known: Vec<&str> = config.warehouses.keys().map(String::as_str).collect();
        problems.push(format!(
            "--warehouse: `{w}` is not a physical warehouse (known: {})",
            known.join(", ")
        ));
    }
    if let Some(c) = &m.carrier_service
        && !config.carrier_services.contains_key(c)
    {
        let known: Vec<&str> = config.carrier_services.keys().map(String::as_str).collect();
        problems.push(format!(
            "--carrier-service: unknown carrier service `{c}` (known: {})",
            known.join(", ")
        ));
    }
    if !problems.is_empty() {
        return Err(usage(problems.join("\n")));
    }
    // Inside the caller's IMMEDIATE transaction nobody else inserts, so the next id is ours.
    let next: i64 = conn.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM orders", [], |r| {
        r.get(0)
    })?;
    let external_id = format!("M{next:07}");
    let carrier_service = m.carrier_service.clone().or_else(|| {
        config
            .defaults
            .carrier_service
            .as_ref()
            .map(|c| c.get_ref().clone())
    });
    // The stated total of a manual order is what its catalog prices add up to.
    let total = crate::model::lines_total(lines.iter().map(|l| (l.quantity, l.price_cents))).ok();
    let a = ship_to;
    let order = NewOrder {
        channel: MANUAL_CHANNEL.to_string(),
        external_id: external_id.clone(),
        name: Some(external_id.clone()),
        ordered_at: Some(now()),
        customer_name: m.customer_name.clone(),
        email: m.email.clone(),
        phone: m.phone.clone(),
        ship_name: a.name,
        ship_company: a.company,
        ship_address1: a.address1,
        ship_address2: a.address2,
        ship_city: a.city,
        ship_province: a.province,
        ship_zip: a.zip,
        ship_country: a.country,
        shipping_method: None,
        carrier_service,
        requested_warehouse: m.warehouse.clone(),
        currency: None,
        total_cents: total,
        subtotal_cents: None,
        shipping_cents: None,
        tax_cents: None,
        discount_cents: None,
        tags: None,
        note: m.note.clone(),
        upstream_updated_at: None,
        upstream_hash: None,
        max_splits: None,
        strict_rule: None,
        cancel_after: m.cancel_after.clone(),
        lines,
    };
    let id = orders::insert(conn, &order, OrderStatus::Draft, cause)?;
    Ok((id, external_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn setup() -> (tempfile::TempDir, Store, Config) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db")).unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO products (id, handle, title, created_at, updated_at) VALUES (1, 'tee', 'Tee', 'x', 'x');
                 INSERT INTO variants (id, product_id, sku, sku_key, price_cents, created_at, updated_at)
                    VALUES (7, 1, 'TEE-S', 'tee-s', 1999, 'x', 'x');",
            )
            .unwrap();
        let config = crate::config::parse(
            &dir.path().join("oms.toml"),
            "[carrier_services.std]\ncarrier = \"Any\"\nservice = \"Std\"\n",
            None,
        )
        .unwrap();
        (dir, store, config)
    }

    #[test]
    fn created_orders_are_drafts_that_can_be_approved_once() {
        let (_d, store, config) = setup();
        let c = &store.conn;
        let m = ManualOrder {
            lines: vec![("tee-s".into(), 2)],
            customer_name: Some("Ann".into()),
            ..Default::default()
        };
        let e = create(c, &config, &m, "x").unwrap_err().to_string();
        assert!(
            e.contains("ship_to.address1, ship_to.country: missing")
                && e.contains("--ship-address1, --ship-country"),
            "{e}"
        );
        let m = ManualOrder {
            no_ship_to: true,
            ..m
        };
        let (id, ext) = create(c, &config, &m, "oms orders create").unwrap();
        assert_eq!(ext, format!("M{id:07}"));
        assert_eq!(orders::status_of(c, id).unwrap(), Some(OrderStatus::Draft));
        let d = orders::detail(c, id).unwrap().unwrap();
        assert_eq!(
            (d.total.as_str(), d.ship_name.as_deref()),
            ("39.98", Some("Ann"))
        );
        assert_eq!(approve(c, id, "me").unwrap(), Approval::Approved);
        let Approval::Refused(why) = approve(c, id, "me").unwrap() else {
            panic!("approved twice");
        };
        assert!(why.contains("is approved"), "{why}");
        assert!(matches!(
            approve(c, 999, "me").unwrap(),
            Approval::Refused(_)
        ));
    }

    #[test]
    fn unknown_skus_and_codes_create_nothing() {
        let (_d, store, config) = setup();
        let m = ManualOrder {
            lines: vec![("NOPE".into(), 1)],
            warehouse: Some("mars".into()),
            carrier_service: Some("pigeon".into()),
            ..Default::default()
        };
        let e = create(&store.conn, &config, &m, "x")
            .unwrap_err()
            .to_string();
        for part in ["unknown SKU `NOPE`", "`mars`", "`pigeon`"] {
            assert!(e.contains(part), "{e}");
        }
        let n: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM orders", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }
}
