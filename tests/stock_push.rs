//! `oms stock push`: available stock published to `files` sales channels.

mod common;
mod stock_support;

use std::collections::BTreeSet;

use common::Env;
use serde_json::Value;
use stock_support::seed;

/// `web` sells from the virtual `all` with a buffer of 2 and its own name for the red tee;
/// `outlet` sells what east has and takes JSON; `b2b` has no stock source.
const CONFIG: &str = r#"
database = "oms.db"

[fulfillment_channels.east-3pl]
kind = "files"
path = "channels/east-3pl"

[fulfillment_channels.west-3pl]
kind = "files"
path = "channels/west-3pl"

[warehouses.east]
fulfillment_channel = "east-3pl"

[warehouses.west]
fulfillment_channel = "west-3pl"

[virtual_warehouses.all]
members = ["east", "west"]

[sales_channels.web]
kind = "files"
path = "channels/web"
stock_source = "all"
buffer = 2
location_id = "LOC-1"
sku_map = { "SHOP-TEE-RED" = "TEE-RED-M" }

[sales_channels.outlet]
kind = "files"
path = "channels/outlet"
format = "json"
stock_source = "east"

[sales_channels.b2b]
kind = "files"
path = "channels/b2b"
"#;

fn workspace() -> Env {
    let env = stock_support::workspace();
    env.write("oms.toml", CONFIG);
    // A channel's folders must exist (oms never creates them behind the operator's back).
    for ch in ["outlet", "b2b"] {
        for sub in ["inbox", "outbox"] {
            std::fs::create_dir_all(env.path(&format!("channels/{ch}/{sub}"))).unwrap();
        }
    }
    seed(&env, "east", "TEE-RED-M", 5, 1, 0);
    seed(&env, "west", "TEE-RED-M", 3, 0, 0);
    seed(&env, "east", "MUG-1", 1, 0, 0);
    env
}

/// (channel, sku, available, previous, buffer, published) as text, the way CSV carries them.
type Row = (String, String, String, String, String, String);

fn row(
    channel: &str,
    sku: &str,
    available: i64,
    previous: &str,
    buffer: i64,
    published: i64,
) -> Row {
    (
        channel.into(),
        sku.into(),
        available.to_string(),
        previous.into(),
        buffer.to_string(),
        published.to_string(),
    )
}

fn dry_rows(env: &Env, extra: &[&str]) -> BTreeSet<Row> {
    let mut args = vec!["stock", "push", "--dry-run", "-o", "csv"];
    args.extend_from_slice(extra);
    env.oms(args)
        .ok()
        .csv()
        .into_iter()
        .map(|r| {
            assert_eq!(r["outcome"], "would send", "{r:?}");
            (
                r["channel"].clone(),
                r["sku"].clone(),
                r["available"].clone(),
                r["previous"].clone(),
                r["buffer"].clone(),
                r["published"].clone(),
            )
        })
        .collect()
}

/// The files in a channel's outbox, oldest first.
fn outbox(env: &Env, channel: &str) -> Vec<std::path::PathBuf> {
    let dir = env.path(&format!("channels/{channel}/outbox"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn pushes(env: &Env) -> i64 {
    env.db()
        .query_row("SELECT COUNT(*) FROM stock_pushes", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn dry_run_lists_exactly_what_would_be_sent_and_writes_nothing() {
    let env = workspace();
    let rows = dry_rows(&env, &[]);
    let expected: BTreeSet<Row> = [
        // all = east (5 − 1) + west 3 = 7, minus the buffer of 2, under the shop's own SKU.
        row("web", "SHOP-TEE-RED", 7, "", 2, 5),
        // 1 available − 2 is floored at 0.
        row("web", "MUG-1", 1, "", 2, 0),
        row("web", "TEE-BLUE-L", 0, "", 2, 0),
        row("outlet", "TEE-RED-M", 4, "", 0, 4),
        row("outlet", "MUG-1", 1, "", 0, 1),
        row("outlet", "TEE-BLUE-L", 0, "", 0, 0),
    ]
    .into_iter()
    .collect();
    assert_eq!(rows, expected);
    assert!(outbox(&env, "web").is_empty() && outbox(&env, "outlet").is_empty());
    assert_eq!(pushes(&env), 0);
    let runs: i64 = env
        .db()
        .query_row("SELECT COUNT(*) FROM runs", [], |r| r.get(0))
        .expect("runs");
    assert_eq!(runs, 0, "a dry run leaves no journal row");

    let one = dry_rows(&env, &["--channel", "outlet"]);
    assert!(one.iter().all(|r| r.0 == "outlet") && one.len() == 3);
    env.oms(["stock", "push", "--dry-run"])
        .ok()
        .stderr_has("sales channel `b2b` has no stock_source");
    env.oms(["stock", "push", "--channel", "b2b"])
        .code(2)
        .stderr_has("`b2b` has no stock_source");
    env.oms(["stock", "push", "--channel", "nowhere"])
        .code(2)
        .stderr_has("unknown sales channel `nowhere`");
}

#[test]
fn push_writes_the_outbox_and_then_sends_only_changes_unless_full() {
    let env = workspace();
    let first = env.oms(["stock", "push", "-o", "json"]).ok().json();
    assert_eq!(
        (&first["sent"], &first["unchanged"]),
        (&Value::from(6), &Value::from(0))
    );
    assert_eq!(pushes(&env), 6);

    let web = outbox(&env, "web");
    assert_eq!(web.len(), 1);
    let text = std::fs::read_to_string(&web[0]).expect("web file");
    let name = web[0].file_name().map(|n| n.to_string_lossy().into_owned());
    assert!(name.is_some_and(|n| n.starts_with("stock-") && n.ends_with("Z.csv")));
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.remove(0), "sku,available,location_id");
    lines.sort();
    assert_eq!(
        lines,
        [
            "MUG-1,0,LOC-1",
            "SHOP-TEE-RED,5,LOC-1",
            "TEE-BLUE-L,0,LOC-1"
        ]
    );
    let outlet = outbox(&env, "outlet");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(&outlet[0]).expect("outlet file"))
            .expect("outlet JSON");
    let red = json
        .as_array()
        .and_then(|a| a.iter().find(|r| r["sku"] == "TEE-RED-M"))
        .expect("red tee in the outlet file");
    assert_eq!(
        (&red["available"], &red["location_id"]),
        (&Value::from(4), &Value::Null)
    );

    // Nothing changed: nothing is sent and no file is written.
    let again = env.oms(["stock", "push", "-o", "json"]).ok().json();
    assert_eq!(
        (&again["sent"], &again["unchanged"]),
        (&Value::from(0), &Value::from(6))
    );
    assert_eq!(outbox(&env, "web").len(), 1);

    // Two more mugs at west: web goes from 0 to 1 (3 − 2); east, the outlet's source, did not move.
    seed(&env, "west", "MUG-1", 2, 0, 0);
    let changed = dry_rows(&env, &[]);
    assert_eq!(
        changed,
        [row("web", "MUG-1", 3, "0", 2, 1)].into_iter().collect()
    );
    let sent = env.oms(["stock", "push", "-o", "json"]).ok().json();
    assert_eq!(
        (&sent["sent"], &sent["unchanged"]),
        (&Value::from(1), &Value::from(5))
    );
    let web = outbox(&env, "web");
    assert_eq!(web.len(), 2);
    let newest = std::fs::read_to_string(&web[1]).expect("second web file");
    assert_eq!(newest, "sku,available,location_id\nMUG-1,1,LOC-1\n");

    // A buffer change alone changes what is published.
    env.write("oms.toml", &CONFIG.replace("buffer = 2", "buffer = 0"));
    let rows = dry_rows(&env, &["--channel", "web"]);
    assert!(
        rows.contains(&row("web", "SHOP-TEE-RED", 7, "5", 0, 7)),
        "{rows:?}"
    );

    let full = dry_rows(&env, &["--full"]);
    assert_eq!(full.len(), 6, "--full sends every SKU, changed or not");
    let full = env
        .oms(["stock", "push", "--full", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        (&full["sent"], &full["full"]),
        (&Value::from(6), &Value::from(true))
    );
    let recorded: i64 = env
        .db()
        .query_row(
            "SELECT p.quantity FROM stock_pushes p JOIN variants v ON v.id = p.variant_id
             WHERE p.channel = 'web' AND v.sku = 'TEE-RED-M'",
            [],
            |r| r.get(0),
        )
        .expect("recorded push");
    assert_eq!(recorded, 7);
    let runs: i64 = env
        .db()
        .query_row(
            "SELECT COUNT(*) FROM runs WHERE flow = 'stock push' AND outcome = 'ok'",
            [],
            |r| r.get(0),
        )
        .expect("runs");
    assert_eq!(runs, 8, "one run per channel per push");
}

/// The CSV files of a channel's outbox whose names start with `prefix`, oldest first.
fn files_named(env: &Env, channel: &str, prefix: &str) -> Vec<String> {
    outbox(env, channel)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .map(|p| std::fs::read_to_string(p).expect("outbox file"))
        .collect()
}

#[test]
fn a_delta_channel_gets_signed_changes_since_the_last_push() {
    let env = workspace();
    env.write(
        "oms.toml",
        &CONFIG.replace("buffer = 2\n", "buffer = 2\nstock_push = \"delta\"\n"),
    );
    let first = env
        .oms(["stock", "push", "--channel", "web", "-o", "json"])
        .ok()
        .json();
    // What oms never published counts from 0: the red tee's 5 is +5; 0 of the others is no change.
    assert_eq!(
        (&first["sent"], &first["unchanged"]),
        (&Value::from(1), &Value::from(2)),
        "{first}"
    );
    assert_eq!(first["items"][0]["delta"], 5, "{first}");
    let deltas = files_named(&env, "web", "stock-delta-");
    assert_eq!(
        deltas,
        ["sku,delta,available,location_id\nSHOP-TEE-RED,5,5,LOC-1\n"]
    );

    // Two red tees leave east (allocated), three mugs arrive at west: −2 and +2 (1 + 3 − 2).
    seed(&env, "east", "TEE-RED-M", 0, 2, 0);
    seed(&env, "west", "MUG-1", 3, 0, 0);
    env.oms(["stock", "push", "--channel", "web"]).ok();
    let deltas = files_named(&env, "web", "stock-delta-");
    assert_eq!(deltas.len(), 2);
    let mut lines: Vec<&str> = deltas[1].lines().skip(1).collect();
    lines.sort();
    assert_eq!(lines, ["MUG-1,2,2,LOC-1", "SHOP-TEE-RED,-2,3,LOC-1"]);
    let quiet = env
        .oms(["stock", "push", "--channel", "web", "-o", "json"])
        .ok()
        .json();
    assert_eq!(quiet["sent"], 0, "nothing changed: {quiet}");

    // Sixty more at east would publish 63, but below 0 is never published: −5 takes 3 to 0.
    seed(&env, "east", "TEE-RED-M", -3, 7, 0);
    env.oms(["stock", "push", "--channel", "web"]).ok();
    let deltas = files_named(&env, "web", "stock-delta-");
    assert_eq!(
        deltas[2],
        "sku,delta,available,location_id\nSHOP-TEE-RED,-3,0,LOC-1\n"
    );

    // --full sets every SKU afresh in the absolute layout; the deltas go on from there.
    env.oms(["stock", "push", "--channel", "web", "--full"])
        .ok();
    let absolute = files_named(&env, "web", "stock-2");
    assert_eq!(absolute.len(), 1);
    assert!(
        absolute[0].starts_with("sku,available,location_id\n"),
        "{}",
        absolute[0]
    );
    assert_eq!(absolute[0].lines().count(), 4, "header and every SKU");
    env.oms(["stock", "verify"]).ok();
}

#[test]
fn an_off_channel_is_left_out_of_scheduled_pushes_but_pushes_when_named() {
    let env = workspace();
    env.write(
        "oms.toml",
        &CONFIG.replace(
            "format = \"json\"\n",
            "format = \"json\"\nstock_push = \"off\"\n",
        ),
    );
    let scheduled = env.oms(["stock", "push", "-o", "json"]).ok();
    let report = scheduled.json();
    assert!(
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["channel"] != "outlet"),
        "{report}"
    );
    assert!(
        !scheduled.stderr.contains("outlet"),
        "a channel switched off by its config is not news: {}",
        scheduled.stderr
    );
    assert!(
        files_named(&env, "outlet", "stock-").is_empty(),
        "nothing on a schedule"
    );
    assert_eq!(
        files_named(&env, "web", "stock-").len(),
        1,
        "the other channels still go"
    );
    env.oms(["run"]).ok();
    assert!(
        files_named(&env, "outlet", "stock-").is_empty(),
        "nor from `oms run`"
    );

    let by_hand = env
        .oms(["stock", "push", "--channel", "outlet", "-o", "json"])
        .ok()
        .json();
    assert_eq!(by_hand["sent"], 3, "{by_hand}");
    assert_eq!(files_named(&env, "outlet", "stock-").len(), 1);

    env.write(
        "oms.toml",
        &CONFIG.replace("buffer = 2\n", "buffer = 2\nstock_push = \"sometimes\"\n"),
    );
    env.oms(["config", "check"])
        .code(2)
        .stderr_has("stock_push");
}
