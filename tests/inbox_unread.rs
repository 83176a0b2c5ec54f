//! Inbox files no flow reads (issue 14 item 6): `oms status` lists each under "Needs
//! attention" (so `status --check` fails), `oms channels check` fails the channel naming
//! them, and no flow touches them — a product file in a shop's inbox is not read as orders.

mod common;

use common::Env;

fn attention_details(env: &Env) -> Vec<String> {
    let status = env.oms(["status", "-o", "json"]).ok().json();
    status["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["kind"] == "unread inbox file")
        .map(|a| a["detail"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn unread_inbox_files_are_reported_until_they_are_moved() {
    let env = Env::standard();
    env.write(
        "channels/east-3pl/inbox/confirm-7.csv",
        "reference,sku\nS1,A\n",
    );
    env.write("channels/east-3pl/inbox/notes.txt", "call the 3PL\n");
    env.write("channels/east-3pl/inbox/.upload-in-progress.csv", "ref");
    env.write(
        "channels/web/inbox/products-1.csv",
        "handle,sku\nmug,MUG-1\n",
    );
    env.write("channels/web/inbox/orders.xlsx", "PK");

    let details = attention_details(&env);
    assert_eq!(details.len(), 4, "{details:#?}");
    assert!(
        details
            .iter()
            .any(|d| d.contains("channels/east-3pl/inbox/confirm-7.csv")
                && d.contains("channel `east-3pl`")
                && d.contains("shipments*, confirmations*.csv|json (shipments-sync)")),
        "{details:#?}"
    );
    assert!(
        details
            .iter()
            .any(|d| d.contains("channels/web/inbox/products-1.csv")
                && d.contains("*.csv|json|ndjson (orders-import)")),
        "{details:#?}"
    );
    assert!(!details.iter().any(|d| d.contains("upload-in-progress")));
    assert_ne!(env.oms(["status", "--check"]).run().code, 0);

    let check = env.oms(["channels", "check", "-o", "json"]).run();
    assert_ne!(check.code, 0, "{check:?}");
    let report = check.json();
    let item = |code: &str| {
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["channel"] == code)
            .cloned()
            .unwrap()
    };
    let east = item("east-3pl");
    assert_eq!(east["ok"], false);
    let detail = east["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("2 inbox files are read by no flow: ")
            && detail.contains("confirm-7.csv")
            && detail.contains("notes.txt"),
        "{detail}"
    );
    assert_eq!(item("west-3pl")["ok"], true);

    // No flow takes them: the product file is not an order file (the shop is not the
    // catalog master), so it is neither imported nor set aside as unreadable.
    env.oms(["orders", "import"]).ok();
    env.oms(["shipments", "sync"]).ok();
    assert!(env.path("channels/web/inbox/products-1.csv").exists());
    assert!(env.path("channels/east-3pl/inbox/confirm-7.csv").exists());
    assert!(
        !env.path("channels/web/inbox/failed")
            .join("products-1.csv")
            .exists()
    );

    for f in [
        "channels/east-3pl/inbox/confirm-7.csv",
        "channels/east-3pl/inbox/notes.txt",
        "channels/web/inbox/products-1.csv",
        "channels/web/inbox/orders.xlsx",
    ] {
        std::fs::remove_file(env.path(f)).unwrap();
    }
    assert!(attention_details(&env).is_empty());
    env.oms(["channels", "check"]).ok();
}
