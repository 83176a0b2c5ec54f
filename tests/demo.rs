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

#[test]
fn demo_runs_the_whole_cycle() {
    let env = Env::empty();
    let out = env.oms(["demo", "ws"]).ok();
    out.stdout_has("$ oms orders import")
        .stdout_has("$ oms shipments sync")
        .stdout_has("$ oms orders export");

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
    // #5006 waits for totes.
    assert_eq!(status_of(&conn, "5006"), ("approved".into(), true));
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
