//! The smaller things an operator tripped over (issue 18 item 16), one test each.

mod common;
mod purchases_support;

use common::Env;
use purchases_support::{approved, drop_receipts, receipt_csv, show, sync, workspace};

#[test]
fn a_negative_price_or_weight_is_refused_in_words_not_as_an_unknown_argument() {
    let env = Env::standard();
    let price = env
        .oms([
            "catalog", "add", "--sku", "TEE-1", "--title", "Tee", "--price", "-5",
        ])
        .code(2);
    price.stderr_has("--price must be 0 or more, not -5");
    assert!(
        !price.stderr.contains("unexpected argument"),
        "{}",
        price.stderr
    );
    let weight = env
        .oms([
            "catalog",
            "add",
            "--sku",
            "TEE-1",
            "--title",
            "Tee",
            "--weight-grams",
            "-1",
        ])
        .code(2);
    assert!(
        !weight.stderr.contains("unexpected argument"),
        "{}",
        weight.stderr
    );
    weight.stderr_has("-1");
    weight.stderr_has("--weight-grams");
    // Nothing was added by either.
    let list = env.oms(["catalog", "list", "-o", "json"]).ok().json();
    assert_eq!(list.as_array().map(Vec::len), Some(0), "{list}");
}

#[test]
fn one_unit_is_one_unit_not_one_units() {
    let env = workspace();
    let n = approved(&env, "east", &["TEE-RED-M=2"]);
    drop_receipts(
        &env,
        "receipts-1.csv",
        &receipt_csv(&[("R-1", &n, "TEE-RED-M", 1)]),
    );
    sync(&env, 0);
    let refused = env
        .oms(["po", "cancel", &n, "--yes", "-o", "json"])
        .code(3)
        .json();
    let message = refused["items"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("has received 1 unit;"), "{message}");
    env.oms(["po", "close", &n, "--yes"]).ok();
    let po = show(&env, &n);
    let notes: Vec<&str> = po["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["note"].as_str())
        .collect();
    assert!(
        notes.contains(&"closed short: 1 unit never received"),
        "{notes:?}"
    );
    let all = format!("{po}{refused}");
    assert!(!all.contains("1 units"), "{all}");
}

#[test]
fn oms_errors_are_coloured_like_clap_only_when_asked_or_on_a_terminal() {
    let env = Env::standard();
    let red = "\x1b[1m\x1b[31merror:\x1b[0m";
    // --color always colours oms's own error as clap colours its own.
    let own = env
        .oms(["orders", "show", "999", "--color", "always"])
        .code(2);
    assert!(own.stderr.starts_with(red), "{:?}", own.stderr);
    // Not a terminal (these tests, cron, a pipe): plain, and NO_COLOR keeps it so.
    let plain = env.oms(["orders", "show", "999"]).code(2);
    assert!(plain.stderr.starts_with("error: "), "{:?}", plain.stderr);
    assert!(!plain.stderr.contains('\x1b'), "{:?}", plain.stderr);
    let no_color = env
        .oms(["orders", "show", "999"])
        .env("NO_COLOR", "1")
        .code(2);
    assert!(!no_color.stderr.contains('\x1b'), "{:?}", no_color.stderr);
    let never = env
        .oms(["orders", "show", "999", "--color", "never"])
        .code(2);
    assert!(!never.stderr.contains('\x1b'), "{:?}", never.stderr);
    // Warnings follow the same rule (a channel folder that does not exist yet warns).
    let bare = Env::with_config(common::STANDARD_CONFIG);
    let warned = bare.oms(["config", "check", "--color", "always"]).ok();
    assert!(
        warned.stderr.contains("\x1b[33mwarning:\x1b[0m"),
        "{:?}",
        warned.stderr
    );
    let plain = bare.oms(["config", "check"]).ok();
    assert!(plain.stderr.contains("warning: "), "{:?}", plain.stderr);
    assert!(!plain.stderr.contains('\x1b'), "{:?}", plain.stderr);
}

#[test]
fn stock_history_names_its_quantities_as_changes() {
    let env = Env::standard();
    env.oms(["catalog", "add", "--sku", "TEE-1", "--title", "Tee"])
        .ok();
    env.oms([
        "stock",
        "adjust",
        "--warehouse",
        "east",
        "--sku",
        "TEE-1",
        "--by",
        "5",
        "--reason",
        "found",
        "--yes",
    ])
    .ok();
    let rows = env.oms(["stock", "history", "-o", "json"]).ok().json();
    let row = &rows[0];
    assert_eq!(row["on_hand_change"], 5, "{row}");
    for key in ["allocated_change", "incoming_change", "held_change"] {
        assert_eq!(row[key], 0, "{key}: {row}");
    }
    for level in ["on_hand", "allocated", "incoming", "held"] {
        assert!(
            row.get(level).is_none(),
            "`{level}` reads as a level: {row}"
        );
    }
    let table = env.oms(["stock", "history"]).ok().stdout;
    assert!(table.contains("on_hand_change"), "{table}");
}

#[test]
fn man_and_completions_dir_say_what_they_wrote_unless_quiet() {
    let env = Env::empty();
    let done = env.oms(["completions", "--dir", "c"]).ok();
    for file in ["oms.bash", "_oms", "oms.fish", "_oms.ps1", "oms.elv"] {
        assert!(env.path("c").join(file).is_file(), "{file}");
        done.stderr_has(file);
    }
    done.stderr_has("wrote 5 completion scripts");
    let done = env.oms(["man", "--dir", "m"]).ok();
    let written = std::fs::read_dir(env.path("m")).unwrap().count();
    done.stderr_has(&format!("wrote {written} man pages into m"));
    for page in ["oms.1", "oms-orders-import.1", "oms-config-example.1"] {
        assert!(env.path("m").join(page).is_file(), "{page}");
        done.stderr_has(page);
    }
    let quiet = env.oms(["man", "--dir", "m2", "-q"]).ok();
    assert_eq!(quiet.stderr, "");
    assert!(env.path("m2/oms.1").is_file());
    let quiet = env.oms(["completions", "--dir", "c2", "-q"]).ok();
    assert_eq!(quiet.stderr, "");
    assert!(env.path("c2/oms.bash").is_file());
}

#[test]
fn a_rejection_names_the_file_where_it_now_is_in_done() {
    let env = Env::standard();
    let file = include_str!("fixtures/orders/oms-orders.csv");
    env.write("channels/web/inbox/orders-1.csv", file);
    env.oms(["orders", "import"]).code(3);
    assert!(env.path("channels/web/inbox/done/orders-1.csv").is_file());
    let open = env.oms(["rejects", "-o", "json"]).ok().json();
    let rows = open.as_array().expect("rejections");
    assert!(!rows.is_empty());
    for r in rows {
        let source = r["source"].as_str().unwrap_or_default();
        assert!(
            source.starts_with("channels/web/inbox/done/orders-1.csv:"),
            "{r}"
        );
        for reason in r["reasons"].as_array().unwrap() {
            let reason = reason.as_str().unwrap();
            assert!(!reason.contains("inbox/orders-1.csv"), "{reason}");
        }
    }
    // The same name again is kept beside the first (`.1`), and its rejections say so.
    env.write("channels/web/inbox/orders-1.csv", file);
    env.oms(["orders", "import"]).code(3);
    let open = env.oms(["rejects", "-o", "json"]).ok().json();
    for r in open.as_array().unwrap() {
        let source = r["source"].as_str().unwrap_or_default();
        assert!(
            source.starts_with("channels/web/inbox/done/orders-1.csv.1:"),
            "{r}"
        );
    }
}

#[test]
fn a_mistyped_channel_is_answered_with_the_known_ones() {
    let env = Env::standard();
    for args in [
        ["shipments", "sync", "--channel", "nope"],
        ["shipments", "send", "--channel", "nope"],
        ["stock", "sync", "--channel", "nope"],
        ["receipts", "sync", "--channel", "nope"],
    ] {
        env.oms(args)
            .code(2)
            .stderr_has("unknown fulfillment channel `nope` (known: east-3pl, west-3pl)");
    }
    for args in [
        ["orders", "import", "--channel", "nope"],
        ["orders", "process", "--channel", "nope"],
        ["stock", "push", "--channel", "nope"],
    ] {
        env.oms(args)
            .code(2)
            .stderr_has("unknown sales channel `nope` (known: web)");
    }
}
