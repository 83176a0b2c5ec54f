//! `oms demo` runs the whole cycle on the files connectors; this checks what it leaves behind.

mod common;

use common::Env;

fn status_of(conn: &rusqlite::Connection, external_id: &str) -> (String, bool) {
    conn.query_row(
        "SELECT status, backordered FROM orders WHERE channel = 'web' AND external_id = ?1",
        [external_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap_or_else(|e| panic!("order {external_id}: {e}"))
}

/// (on_hand, allocated, incoming) of a SKU at a physical warehouse.
fn level(conn: &rusqlite::Connection, warehouse: &str, sku: &str) -> (i64, i64, i64) {
    conn.query_row(
        "SELECT l.on_hand, l.allocated, l.incoming FROM stock_levels l
         JOIN variants v ON v.id = l.variant_id WHERE l.warehouse = ?1 AND v.sku = ?2",
        [warehouse, sku],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .unwrap_or_else(|e| panic!("{warehouse} {sku}: {e}"))
}

#[test]
fn demo_runs_the_whole_cycle() {
    let env = Env::empty();
    let out = env.oms(["demo", "ws"]).ok();
    out.stdout_has("$ oms orders import")
        .stdout_has("$ oms shipments sync")
        .stdout_has("$ oms orders export")
        .stdout_has("$ oms po export")
        .stdout_has("$ oms receipts sync")
        .stdout_has("backorders allocated: 1")
        .stdout_has("$ oms stock push");

    let conn = rusqlite::Connection::open(env.path("ws/oms.db")).unwrap();
    // #5001 and #5002 ship whole from one warehouse each; #5003 needs both.
    assert_eq!(status_of(&conn, "5001"), ("shipped".into(), false));
    assert_eq!(status_of(&conn, "5002"), ("shipped".into(), false));
    assert_eq!(status_of(&conn, "5003"), ("shipped".into(), false));
    let split: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.external_id = '5003'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(split, 2, "#5003 is split across east and west");
    // West found a damaged tote: #5005 shipped 3 of 4 and closed short.
    assert_eq!(status_of(&conn, "5005"), ("short_shipped".into(), false));
    // #5006 waited for totes until the PO's first delivery; its shipment went to west.
    assert_eq!(status_of(&conn, "5006"), ("fulfilling".into(), false));
    let (id, warehouse, shipment): (i64, String, String) = conn
        .query_row(
            "SELECT o.id, s.warehouse, s.status FROM shipments s JOIN orders o ON o.id = s.order_id
             WHERE o.external_id = '5006'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (warehouse.as_str(), shipment.as_str()),
        ("west", "sent_to_warehouse")
    );
    assert_eq!(id, 5, "the closing hint says `oms orders show 5`");
    let receipts: Vec<(String, String)> = conn
        .prepare(
            "SELECT r.status, p.status FROM receipts r JOIN purchase_orders p ON p.id = r.po_id
             ORDER BY r.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        receipts,
        [
            ("short_received".into(), "received".into()),
            ("received".into(), "received".into())
        ]
    );
    assert!(
        env.path("ws/channels/west-3pl/outbox/po-PO-000001.csv")
            .is_file()
    );
    // West holds 3 + 10 totes, 5 of them for #5006; east's count found two mugs fewer.
    assert_eq!(level(&conn, "west", "TOTE-NAT"), (13, 5, 0));
    assert_eq!(level(&conn, "east", "MUG-WHT"), (27, 0, 0));
    // #5004 names an unknown SKU: rejected, never created.
    let rejected: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM rejections WHERE external_id = '5004' AND resolved_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rejected, 1);
    assert!(
        conn.query_row(
            "SELECT COUNT(*) FROM orders WHERE external_id = '5004'",
            [],
            |r| r.get::<_, i64>(0)
        )
        .unwrap()
            == 0
    );

    // The shop got tracking numbers back, and every unit adds up.
    let outbox: Vec<String> = std::fs::read_dir(env.path("ws/channels/web/outbox"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("order-updates-"))
        .collect();
    assert_eq!(outbox.len(), 1, "{outbox:?}");
    let updates = env.read(&format!("ws/channels/web/outbox/{}", outbox[0]));
    for order in ["5001", "5002", "5003", "5005"] {
        assert!(
            updates.lines().any(|l| l.starts_with(&format!("{order},"))),
            "{order} missing:\n{updates}"
        );
    }
    assert!(updates.contains("1ZE"), "tracking numbers:\n{updates}");
    // The shop got available minus its buffer of 1, over both warehouses.
    let pushed: Vec<String> = std::fs::read_dir(env.path("ws/channels/web/outbox"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("stock-"))
        .collect();
    assert_eq!(pushed.len(), 1, "{pushed:?}");
    let published = env.read(&format!("ws/channels/web/outbox/{}", pushed[0]));
    for (sku, units) in [("TOTE-NAT", 7), ("MUG-WHT", 30)] {
        assert!(
            published
                .lines()
                .any(|l| l.starts_with(&format!("{sku},{units}"))),
            "{sku} {units}:\n{published}"
        );
    }
    env.oms(["--config", "ws/oms.toml", "stock", "verify"]).ok();
    // The input file was applied and moved aside; nothing is left to read.
    assert!(
        env.path("ws/channels/web/inbox/done/orders-20261122.csv")
            .is_file()
    );
}

#[test]
fn demo_refuses_a_folder_in_use() {
    let env = Env::empty();
    env.write("ws/notes.txt", "mine");
    env.oms(["demo", "ws"]).code(2).stderr_has("is not empty");
    assert_eq!(env.read("ws/notes.txt"), "mine");
}
