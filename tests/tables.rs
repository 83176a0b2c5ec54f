//! Issue 18 items 2 and 12: tables that fit the terminal, and formatted show views. Every
//! check runs the real binary in the workspace `oms demo` builds, with `COLUMNS` pinned.

mod common;

use common::{Done, Env};

/// The demo workspace: shipments, runs, a rejection, a PO with receipts, a stock ledger.
fn demo() -> Env {
    let env = Env::empty();
    env.oms(["demo", "ws"]).ok();
    env
}

fn oms_at(env: &Env, columns: usize, args: &[&str]) -> Done {
    let mut argv = vec!["--config", "ws/oms.toml"];
    argv.extend_from_slice(args);
    env.oms(&argv).env("COLUMNS", columns.to_string()).ok()
}

fn assert_fits(out: &Done, columns: usize, what: &str) {
    for line in out.stdout.lines() {
        assert!(
            line.chars().count() <= columns,
            "`{what}` at {columns} columns has a line of {}:\n{line}\n--- all\n{}",
            line.chars().count(),
            out.stdout
        );
    }
}

/// Every date in `text` is whole, and a date with a time carries the whole time: a
/// timestamp is never split over two lines or cut.
fn assert_timestamps_whole(text: &str, what: &str) {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    for i in 0..b.len().saturating_sub(4) {
        let starts = (i == 0 || !b[i - 1].is_ascii_digit())
            && digits(i..i + 4)
            && b.get(i + 4) == Some(&b'-');
        if !starts || !digits(i + 5..i + 7) {
            continue;
        }
        assert!(
            b.get(i + 7) == Some(&b'-') && digits(i + 8..i + 10),
            "`{what}`: a date is cut at byte {i}:\n{text}"
        );
        if b.get(i + 10) == Some(&b'T') {
            let time = &text[i + 10..(i + 20).min(text.len())];
            assert!(
                time.len() == 10 && time.ends_with('Z'),
                "`{what}`: a timestamp is cut at byte {i} ({time:?}):\n{text}"
            );
        }
    }
}

fn rows_of(env: &Env, args: &[&str]) -> usize {
    let mut argv = vec!["--config", "ws/oms.toml"];
    argv.extend_from_slice(args);
    argv.extend(["-o", "json"]);
    env.oms(&argv).ok().json().as_array().map_or(0, Vec::len)
}

const LISTS: &[(&[&str], &[&str])] = &[
    (
        &["shipments", "list"],
        &["reference", "order_name", "status"],
    ),
    (&["runs", "list"], &["id", "flow", "started_at", "outcome"]),
    (&["orders", "list"], &["id", "name", "status", "ordered_at"]),
    (&["rejects"], &["id", "flow", "reasons"]),
    (&["orders", "rejects"], &["id", "reasons"]),
    (&["po", "list"], &["number", "status", "supplier"]),
    (
        &["stock", "show"],
        &["warehouse", "sku", "on_hand", "available"],
    ),
    (
        &["stock", "history"],
        &["at", "sku", "on_hand_change", "reason"],
    ),
    (&["catalog", "list"], &["sku", "title", "price"]),
    (
        &["warehouses", "list"],
        &["code", "kind", "name", "members"],
    ),
];

#[test]
fn item2_lists_fit_80_and_120_columns_one_line_per_record() {
    let env = demo();
    for (args, header) in LISTS {
        let what = args.join(" ");
        let records = rows_of(&env, args);
        assert!(records > 0, "the demo leaves rows for `{what}`");
        for width in [80, 120] {
            let out = oms_at(&env, width, args);
            assert_fits(&out, width, &what);
            assert_timestamps_whole(&out.stdout, &what);
            let first = out.stdout.lines().next().unwrap_or_default();
            let names: Vec<&str> = first.split_whitespace().collect();
            for h in *header {
                assert!(
                    names.contains(h),
                    "`{what}` at {width}: header {first:?} lacks {h}"
                );
            }
            // A list is a header line, then one line per record; only the reasons of
            // rejections wrap (they are the point of that list).
            if args.last() == Some(&"rejects") {
                assert!(out.stdout.contains("unknown SKU"), "{}", out.stdout);
                continue;
            }
            assert_eq!(
                out.stdout.lines().count(),
                records + 1,
                "`{what}` at {width}:\n{}",
                out.stdout
            );
            assert!(
                !out.stdout.contains('│') && !out.stdout.contains('─'),
                "no borders"
            );
        }
    }
}

#[test]
fn item2_the_two_long_lists_at_80_columns() {
    let env = demo();
    // At 80 columns these took 231 and 301 lines before (headers two letters a line).
    let shipments = oms_at(&env, 80, &["shipments", "list"]);
    assert_eq!(shipments.stdout.lines().count(), 7, "{}", shipments.stdout);
    let runs = oms_at(&env, 80, &["runs", "list"]);
    assert_eq!(
        runs.stdout.lines().count(),
        rows_of(&env, &["runs", "list"]) + 1
    );
    // The wider terminal shows the optional columns the narrow one leaves out.
    let wide = oms_at(&env, 120, &["shipments", "list"]);
    assert!(
        wide.stdout
            .lines()
            .next()
            .unwrap()
            .contains("tracking_numbers")
    );
    assert!(
        !shipments
            .stdout
            .lines()
            .next()
            .unwrap()
            .contains("tracking_numbers")
    );
    // Counts read as words, never as JSON.
    assert!(!runs.stdout.contains('{'), "{}", runs.stdout);
    assert!(runs.stdout.contains("sent "), "{}", runs.stdout);
}

#[test]
fn item2_piped_without_columns_is_whole_aligned_rows() {
    let env = demo();
    let mut run = env.oms(["--config", "ws/oms.toml", "runs", "list"]);
    run.cmd.env_remove("COLUMNS");
    let out = run.ok();
    let records = rows_of(&env, &["runs", "list"]);
    assert_eq!(out.stdout.lines().count(), records + 1, "{}", out.stdout);
    assert!(
        !out.stdout.contains('…'),
        "nothing cut without a width:\n{}",
        out.stdout
    );
    assert!(!out.stdout.contains('│'));
    // Aligned: every row's second column starts where the header's does.
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = lines[0].find("flow").unwrap();
    for line in &lines[1..] {
        assert!(
            line[..at].ends_with("  ") && !line[at..].starts_with(' '),
            "{line:?}"
        );
    }
}

#[test]
fn item2_columns_picks_and_refuses_unknown_names() {
    let env = demo();
    let out = oms_at(
        &env,
        80,
        &[
            "shipments",
            "list",
            "--columns",
            "reference,status,created_at",
        ],
    );
    let header: Vec<&str> = out
        .stdout
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["reference", "status", "created_at"]);

    let all = oms_at(&env, 400, &["shipments", "list", "--columns", "all"]);
    assert!(
        all.stdout
            .lines()
            .next()
            .unwrap()
            .contains("fulfillment_channel")
    );

    let csv = oms_at(
        &env,
        80,
        &[
            "shipments",
            "list",
            "--columns",
            "reference,status",
            "-o",
            "csv",
        ],
    );
    assert_eq!(csv.stdout.lines().next(), Some("reference,status"));

    // JSON always has every field.
    let json = oms_at(
        &env,
        80,
        &["shipments", "list", "--columns", "reference", "-o", "json"],
    )
    .json();
    assert!(json[0].get("created_at").is_some() && json[0].get("tracking_url").is_some());

    let bad = env
        .oms([
            "--config",
            "ws/oms.toml",
            "runs",
            "list",
            "--columns",
            "id,colour",
        ])
        .code(2);
    bad.stderr_has("unknown column `colour`")
        .stderr_has("started_at")
        .stderr_has("finished_at");
    assert_eq!(bad.stdout, "", "nothing printed for a refused list");
}

#[test]
fn item2_reports_and_status_fit_and_wrap_their_messages() {
    let env = demo();
    for args in [
        &["status"][..],
        &["orders", "import", "-v"][..],
        &["run", "-v"][..],
    ] {
        let mut argv = vec!["--config", "ws/oms.toml"];
        argv.extend_from_slice(args);
        let out = env.oms(&argv).env("COLUMNS", "80").run();
        assert!(out.code == 0 || out.code == 3, "{}", out.stderr);
        // Tables fit; the summary lines under them are `name: value` text.
        for line in out.stdout.lines().filter(|l| !l.contains(": ")) {
            assert!(line.chars().count() <= 80, "`{}`: {line}", args.join(" "));
        }
        assert_timestamps_whole(&out.stdout, &args.join(" "));
    }
    let status = oms_at(&env, 80, &["status"]);
    // The hint is wrapped at a word, not cut: both halves are there.
    assert!(
        status.stdout.contains("oms rejects --flow"),
        "{}",
        status.stdout
    );
    assert!(status.stdout.contains("import\"`"), "{}", status.stdout);
}

#[test]
fn item12_shipments_show_renders_lines_and_story_on_stdout() {
    let env = demo();
    let out = oms_at(&env, 80, &["shipments", "show", "S0000003"]);
    assert_fits(&out, 80, "shipments show");
    assert_timestamps_whole(&out.stdout, "shipments show");
    let text = &out.stdout;
    let lines_at = text.find("\nlines:\n").expect("a lines heading");
    let story_at = text.find("\nstory:\n").expect("a story heading");
    assert!(lines_at < story_at);
    let lines_part = &text[lines_at..story_at];
    assert!(
        lines_part.contains("sku") && lines_part.contains("shipped"),
        "{text}"
    );
    assert!(lines_part.contains("TEE-WHT-M"), "{text}");
    assert!(
        text[story_at..].contains("ready_to_send → sent_to_warehouse"),
        "{text}"
    );
    assert!(text[story_at..].contains("created ready_to_send"), "{text}");
    assert!(
        !text.contains('{') && !text.contains("\"sku\""),
        "no JSON in a view:\n{text}"
    );
    assert!(text.starts_with("id "), "{text}");
    assert_eq!(out.stderr, "", "the whole view is on stdout");
}

#[test]
fn item12_po_show_renders_lines_receipts_and_story() {
    let env = demo();
    let out = oms_at(&env, 80, &["po", "show", "PO-000001"]);
    assert_fits(&out, 80, "po show");
    let text = &out.stdout;
    for heading in ["\nlines:\n", "\nreceipts:\n", "\nstory:\n"] {
        assert!(text.contains(heading), "{heading:?} in:\n{text}");
    }
    assert!(text.contains("draft → approved"), "{text}");
    assert!(text.contains("RCV-PO-000001-1"), "{text}");
    assert!(!text.contains('{'), "{text}");
    // What a narrow terminal leaves out of a part here is optional: no note about it.
    assert_eq!(out.stderr, "");
    let wide = oms_at(&env, 120, &["po", "show", "PO-000001"]);
    assert!(wide.stdout.contains("recorded_at"), "{}", wide.stdout);
}

/// `-o csv` of a show: the record, then each part, each a CSV table of its own separated
/// by an empty line; no cell holds JSON.
fn csv_tables(out: &Done) -> Vec<Vec<csv::StringRecord>> {
    out.stdout
        .split("\n\n")
        .map(|table| {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(table.as_bytes())
                .records()
                .map(|r| r.expect("a CSV record"))
                .collect()
        })
        .collect()
}

#[test]
fn item12_csv_of_a_show_is_one_table_per_part_never_json_in_cells() {
    let env = demo();
    let cases: &[(&[&str], &[&str])] = &[
        (&["shipments", "show", "S0000003"], &["id", "id", "at"]),
        (
            &["po", "show", "PO-000001"],
            &["number", "line_no", "receipt", "at"],
        ),
        (&["orders", "show", "3"], &["id", "id", "id", "at"]),
    ];
    for (args, firsts) in cases {
        let what = args.join(" ");
        let mut argv = args.to_vec();
        argv.extend(["-o", "csv"]);
        let out = oms_at(&env, 80, &argv);
        assert!(
            !out.stdout.contains('{'),
            "`{what}`: JSON in a cell:\n{}",
            out.stdout
        );
        let tables = csv_tables(&out);
        assert_eq!(tables.len(), firsts.len(), "`{what}`:\n{}", out.stdout);
        for (table, first) in tables.iter().zip(*firsts) {
            assert_eq!(&table[0][0], *first, "`{what}`:\n{}", out.stdout);
            assert!(
                table.len() >= 2,
                "`{what}`: each part has rows here:\n{}",
                out.stdout
            );
            let width = table[0].len();
            assert!(table.iter().all(|r| r.len() == width), "`{what}` ragged");
        }
    }
    // The record's own row has no nested parts in it.
    let out = oms_at(&env, 80, &["shipments", "show", "S0000003", "-o", "csv"]);
    let header = &csv_tables(&out)[0][0];
    assert!(
        !header.iter().any(|h| h == "lines" || h == "story"),
        "{header:?}"
    );
}

#[test]
fn item2_columns_that_cannot_fit_are_named_on_stderr() {
    let env = demo();
    let out = oms_at(&env, 80, &["shipments", "list", "--columns", "all"]);
    assert_fits(&out, 80, "shipments list --columns all");
    assert!(
        out.stdout
            .lines()
            .next()
            .unwrap()
            .starts_with("id  reference")
    );
    out.stderr_has("too narrow for").stderr_has("created_at");
    // The same at a width that holds them all says nothing.
    let wide = oms_at(&env, 400, &["shipments", "list", "--columns", "all"]);
    assert_eq!(wide.stderr, "");
}
