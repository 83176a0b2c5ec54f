//! `oms orders import`: files and `files` channel inboxes into orders, rejections and
//! their retries, upstream edits and cancellations, unreadable files, dry runs.

mod common;
mod orders_support;

use orders_support::*;
use serde_json::Value;

#[test]
fn shopify_export_becomes_orders_with_lines_prices_and_addresses() {
    let env = env_with_catalog();
    let report = import_file(&env, &fixture("shopify-orders-export.csv"), "shopify-csv")
        .code(3)
        .json();
    assert_eq!(
        (
            &report["imported"],
            &report["cancelled"],
            &report["rejected"]
        ),
        (&Value::from(3), &Value::from(1), &Value::from(1))
    );
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), 4);

    // #1001: three lines, the zip without Shopify's leading apostrophe.
    let ann = "5512345678901";
    assert_eq!(
        lines(&env, ann),
        [
            ("TEE-BLK-S".into(), 2, Some(1999), "TEE-BLK-S".into()),
            ("TEE-BLK-M".into(), 1, Some(1999), "TEE-BLK-M".into()),
            ("MUG-WHT".into(), 1, Some(1250), "MUG-WHT".into()),
        ]
    );
    assert_eq!(order_text(&env, ann, "name").as_deref(), Some("#1001"));
    assert_eq!(order_text(&env, ann, "ship_zip").as_deref(), Some("02134"));
    assert_eq!(
        order_text(&env, ann, "ship_address2").as_deref(),
        Some("Apt 3")
    );
    assert_eq!(order_text(&env, ann, "status").as_deref(), Some("approved"));
    assert_eq!(
        order_text(&env, ann, "carrier_service").as_deref(),
        Some("standard"),
        "defaults.carrier_service"
    );
    assert_eq!(order_text(&env, ann, "tags").as_deref(), Some("vip, gift"));
    let total: i64 = env
        .db()
        .query_row(
            "SELECT total_cents FROM orders WHERE external_id = ?1",
            [ann],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(total, 7747);

    let bob = "5512345678902";
    assert_eq!(order_text(&env, bob, "ship_zip").as_deref(), Some("07030"));
    assert_eq!(
        order_text(&env, bob, "ship_company").as_deref(),
        Some("Stone & Co")
    );
    assert_eq!(lines(&env, bob).len(), 2);
    let noor = "5512345678905";
    assert_eq!(order_text(&env, noor, "currency").as_deref(), Some("CAD"));
    assert_eq!(
        order_text(&env, noor, "ship_country").as_deref(),
        Some("CA")
    );

    // #1003 was first seen cancelled: stored, and cancelled, so its story is complete.
    let cy = "5512345678903";
    assert_eq!(order_text(&env, cy, "status").as_deref(), Some("cancelled"));
    let id: i64 = env
        .db()
        .query_row("SELECT id FROM orders WHERE external_id = ?1", [cy], |r| {
            r.get(0)
        })
        .unwrap();
    let show = env
        .oms(["orders", "show", &id.to_string(), "-o", "json"])
        .ok()
        .json();
    let story: Vec<&str> = show["story"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["to"].as_str().unwrap())
        .collect();
    assert_eq!(story, ["approved", "cancelled"]);

    // #1004 has a SKU the catalog does not know: not created, and the reason names it.
    assert_eq!(
        count(&env, "SELECT COUNT(*) FROM orders WHERE name = '#1004'"),
        0
    );
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    let rejects = rejects.as_array().unwrap();
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0]["external_id"], "5512345678904");
    assert_eq!(rejects[0]["channel"], "web");
    let reasons = rejects[0]["reasons"].as_array().unwrap();
    assert!(
        reasons
            .iter()
            .any(|r| r.as_str().unwrap().contains("unknown SKU `POSTER-XL`")),
        "{reasons:?}"
    );
}

#[test]
fn the_same_orders_twice_are_never_duplicated() {
    let env = env_with_catalog();
    let file = fixture("oms-orders.csv");
    import_file(&env, &file, "oms-csv").code(3);
    let orders = count(&env, "SELECT COUNT(*) FROM orders");
    let order_lines = count(&env, "SELECT COUNT(*) FROM order_lines");
    assert_eq!((orders, order_lines), (4, 7));
    let again = import_file(&env, &file, "oms-csv").code(3).json();
    assert_eq!(again["imported"], 0);
    assert_eq!(again["unchanged"], 4);
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), orders);
    assert_eq!(count(&env, "SELECT COUNT(*) FROM order_lines"), order_lines);

    // The same file dropped into the channel's inbox twice, in two runs.
    for run in 0..2 {
        std::fs::copy(&file, env.path("channels/web/inbox/orders.csv")).unwrap();
        let r = env.oms(["orders", "import", "-o", "json"]).code(3).json();
        assert_eq!(r["imported"], 0, "run {run}: same channel, same ids");
    }
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), orders);
    assert_eq!(
        count(
            &env,
            "SELECT COUNT(*) FROM (SELECT channel, external_id FROM orders GROUP BY 1, 2)"
        ),
        orders
    );
    assert_eq!(inbox_files(&env, "done"), ["orders.csv", "orders.csv.1"]);
    assert!(inbox_files(&env, "").is_empty());
    // One open rejection for 1005, however often it was seen.
    let rejects = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    assert_eq!(rejects.as_array().unwrap().len(), 1);
    assert_eq!(rejects[0]["external_id"], "1005");
}

#[test]
fn upstream_edits_update_unprocessed_orders_and_cancellations_cancel() {
    let env = env_with_catalog();
    env.write(
        "channels/web/inbox/1.csv",
        &format!(
            "{HEADER}A1,#A1,,Ann,1 Main St,Boston,02134,US,19.99,TEE-BLK-S,1,19.99\n\
             B1,#B1,,Bob,1 Main St,Austin,78701,US,12.50,MUG-WHT,1,12.50\n\
             C1,#C1,,Cy,1 Main St,Denver,80202,US,15.00,CAP-RED,1,15.00\n"
        ),
    );
    env.oms(["orders", "import"]).ok();
    // C1 has been processed by the time its edit arrives.
    env.db()
        .execute(
            "UPDATE orders SET status = 'fulfilling' WHERE external_id = 'C1'",
            [],
        )
        .unwrap();
    env.write(
        "channels/web/inbox/2.csv",
        &format!(
            "{HEADER}A1,#A1,,Ann Lee,1 Main St,Cambridge,02139,US,39.98,TEE-BLK-S,2,19.99\n\
             B1,#B1,cancelled,Bob,1 Main St,Austin,78701,US,12.50,MUG-WHT,1,12.50\n\
             C1,#C1,,Cy,1 Main St,Denver,80202,US,30.00,CAP-RED,2,15.00\n"
        ),
    );
    let r = env.oms(["orders", "import", "-o", "json"]).ok().json();
    assert_eq!(
        (&r["updated"], &r["cancelled"], &r["not_applied"]),
        (&Value::from(1), &Value::from(1), &Value::from(1))
    );
    let outcome = |id: &str| {
        r["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["external_id"] == id)
            .map(|i| {
                (
                    i["outcome"].as_str().unwrap().to_string(),
                    i["message"].clone(),
                )
            })
            .unwrap()
    };
    assert_eq!(outcome("A1").0, "updated");
    assert_eq!(outcome("B1").0, "cancelled");
    let (c, message) = outcome("C1");
    assert_eq!(c, "not_applied");
    assert!(
        message
            .as_str()
            .unwrap()
            .starts_with("changed upstream after processing — not applied"),
        "{message}"
    );

    assert_eq!(lines(&env, "A1")[0].1, 2);
    assert_eq!(
        order_text(&env, "A1", "ship_city").as_deref(),
        Some("Cambridge")
    );
    assert_eq!(order_text(&env, "A1", "ship_zip").as_deref(), Some("02139"));
    assert_eq!(
        order_text(&env, "A1", "status").as_deref(),
        Some("approved")
    );
    assert_eq!(
        order_text(&env, "B1", "status").as_deref(),
        Some("cancelled")
    );
    assert_eq!(
        lines(&env, "C1")[0].1,
        1,
        "processed orders keep what was processed"
    );

    let b1: i64 = env
        .db()
        .query_row("SELECT id FROM orders WHERE external_id = 'B1'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let show = env
        .oms(["orders", "show", &b1.to_string(), "-o", "json"])
        .ok()
        .json();
    let last = show["story"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["from"], "approved");
    assert_eq!(last["to"], "cancelled");
    assert_eq!(last["note"], "cancelled upstream");
    assert!(
        last["cause"].as_str().unwrap().ends_with("(orders import)"),
        "{last}"
    );
    let pending: bool = env
        .db()
        .query_row(
            "SELECT export_pending FROM orders WHERE id = ?1",
            [b1],
            |r| r.get(0),
        )
        .unwrap();
    assert!(pending, "the shop hears about the cancellation");
}

#[test]
fn a_rejected_order_is_retried_once_its_sku_exists() {
    let env = env_with_catalog();
    env.write(
        "orders.csv",
        &format!(
            "{HEADER}P1,#P1,,Ann,1 Main St,Boston,02134,US,25.99,POSTER-XL,1,25.99\n\
             P2,#P2,,Bob,1 Main St,Austin,78701,US,12.50,MUG-WHT,1,12.50\n"
        ),
    );
    let r = import_file(&env, "orders.csv", "oms-csv").code(3).json();
    assert_eq!(
        (&r["imported"], &r["rejected"]),
        (&Value::from(1), &Value::from(1))
    );

    // Nothing changed yet: the retry finds it still invalid, without a new rejection.
    let quiet = env.oms(["orders", "import", "-o", "json"]).ok().json();
    assert_eq!(
        (&quiet["still_rejected"], &quiet["rejected"]),
        (&Value::from(1), &Value::from(0))
    );

    env.oms([
        "catalog",
        "add",
        "--sku",
        "POSTER-XL",
        "--title",
        "Poster XL",
        "--price",
        "25.99",
    ])
    .ok();
    let retried = env.oms(["orders", "import", "-o", "json"]).ok().json();
    assert_eq!(retried["imported"], 1);
    assert_eq!(lines(&env, "P1")[0].0, "POSTER-XL");
    let open = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    assert!(open.as_array().unwrap().is_empty(), "{open}");
    let all = env
        .oms(["orders", "rejects", "--all", "-o", "json"])
        .ok()
        .json();
    assert_eq!(all[0]["external_id"], "P1");
    assert!(all[0]["resolved_at"].is_string(), "{all}");
    // And a later import of the file finds it simply unchanged.
    let again = import_file(&env, "orders.csv", "oms-csv").ok().json();
    assert_eq!(again["unchanged"], 2);
}

#[test]
fn a_corrected_order_resolves_its_rejection() {
    let env = env_with_catalog();
    env.write(
        "channels/web/inbox/1.csv",
        &format!("{HEADER}R1,#R1,,Ann,1 Main St,Boston,02134,US,1.00,MUG-WHT,0,1.00\n"),
    );
    let first = env.oms(["orders", "import", "-o", "json"]).code(3).json();
    assert_eq!(first["items"][0]["outcome"], "rejected");
    assert!(
        first["items"][0]["message"]
            .as_str()
            .unwrap()
            .contains("quantity: `0` is not more than 0"),
        "{first}"
    );
    env.write(
        "channels/web/inbox/2.csv",
        &format!("{HEADER}R1,#R1,,Ann,1 Main St,Boston,02134,US,12.50,MUG-WHT,1,12.50\n"),
    );
    let fixed = env
        .oms(["orders", "import", "-o", "json", "-v"])
        .ok()
        .json();
    let outcomes: Vec<(&str, &str)> = fixed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["outcome"].as_str().unwrap(),
                i["external_id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [("still_rejected", "R1"), ("imported", "R1")],
        "with -v every order has an item"
    );
    let open = env.oms(["orders", "rejects", "-o", "json"]).ok().json();
    assert!(open.as_array().unwrap().is_empty(), "{open}");
    assert_eq!(lines(&env, "R1")[0].1, 1);
}

#[test]
fn unreadable_inbox_files_are_set_aside_and_good_ones_done() {
    let env = env_with_catalog();
    std::fs::copy(
        fixture("shopify-orders-semicolon-bom.csv"),
        env.path("channels/web/inbox/a-shopify.csv"),
    )
    .unwrap();
    std::fs::copy(
        fixture("oms-orders.json"),
        env.path("channels/web/inbox/b-orders.json"),
    )
    .unwrap();
    env.write("channels/web/inbox/c-bad.csv", "hello;world\n1;2\n");
    env.write(
        "channels/web/inbox/d-bad.json",
        "{\n  \"external_id\": \"9\"\n}\n",
    );
    env.write("channels/web/inbox/notes.txt", "not an order file");
    let r = env.oms(["orders", "import", "-o", "json"]).code(3).json();
    assert_eq!(r["unreadable_files"], 2);
    assert_eq!(r["imported"], 3, "{r}");
    assert_eq!(r["cancelled"], 2, "{r}");
    assert_eq!(
        inbox_files(&env, "done"),
        ["a-shopify.csv", "b-orders.json"]
    );
    assert_eq!(
        inbox_files(&env, "failed"),
        [
            "c-bad.csv",
            "c-bad.csv.error.txt",
            "d-bad.json",
            "d-bad.json.error.txt"
        ]
    );
    let why = env.read("channels/web/inbox/failed/c-bad.csv.error.txt");
    assert!(why.contains("missing column"), "{why}");
    assert_eq!(inbox_files(&env, ""), ["notes.txt"]);
    let runs = env.oms(["runs", "list", "-o", "json"]).ok().json();
    assert_eq!(runs[0]["flow"], "orders import");
    assert_eq!(runs[0]["outcome"], "rejected");
}

#[test]
fn a_dry_run_writes_nothing_and_moves_nothing() {
    let env = env_with_catalog();
    std::fs::copy(
        fixture("oms-orders.csv"),
        env.path("channels/web/inbox/orders.csv"),
    )
    .unwrap();
    let r = env
        .oms(["orders", "import", "--dry-run", "-o", "json"])
        .code(3)
        .json();
    assert_eq!(
        (&r["imported"], &r["dry_run"]),
        (&Value::from(3), &Value::Bool(true))
    );
    assert_eq!(count(&env, "SELECT COUNT(*) FROM orders"), 0);
    assert_eq!(count(&env, "SELECT COUNT(*) FROM rejections"), 0);
    assert_eq!(count(&env, "SELECT COUNT(*) FROM runs"), 0);
    assert_eq!(inbox_files(&env, ""), ["orders.csv"]);
}
