//! `oms config check` lists every mistake at once, in file order, in plain words
//! (issue 18 item 8).

mod common;

use common::{Env, STANDARD_CONFIG};

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in config"))
        + 1
}

fn problems(config: &str) -> Vec<String> {
    let env = Env::with_config(config);
    let done = env.oms(["config", "check"]).code(2);
    assert!(done.stdout.is_empty(), "{}", done.stdout);
    done.stderr
        .lines()
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn line_numbers(problems: &[String]) -> Vec<usize> {
    problems
        .iter()
        .map(|p| {
            p.split(':')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        })
        .collect()
}

#[test]
fn every_schema_mistake_is_listed_in_file_order_in_plain_words() {
    let config = STANDARD_CONFIG
        .replace(
            "max_splits = 2",
            "max_splits = \"two\"\nauto_cancel = \"yes\"",
        )
        .replace("service = \"Ground\"", "service = 5")
        .replace(
            "path = \"channels/web\"",
            "path = \"channels/web\"\nformat = \"xml\"",
        )
        .replace("priority = 2", "priority = 2.5");
    let found = problems(&config);
    let expect = [
        (
            "max_splits = \"two\"",
            "defaults.max_splits: expected a whole number of 0 or more, found the text \"two\"",
        ),
        (
            "auto_cancel",
            "defaults.auto_cancel: expected true or false, found the text \"yes\"",
        ),
        (
            "service = 5",
            "carrier_services.ups-ground.service: expected text (in quotes), found 5",
        ),
        (
            "priority = 2.5",
            "warehouses.west.priority: expected a whole number, found 2.5",
        ),
        (
            "format = \"xml\"",
            "sales_channels.web.format: `xml` is not one of `csv`, `json`",
        ),
    ];
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    for ((needle, message), got) in expect.iter().zip(&found) {
        let line = line_of(&config, needle);
        assert!(
            got.starts_with(&format!("oms.toml:{line}:")) && got.ends_with(message),
            "expected line {line} `{message}`, got `{got}`"
        );
    }
    let all = found.join("\n");
    for jargon in ["u32", "i64", "invalid type", "a boolean", "a string"] {
        assert!(!all.contains(jargon), "{jargon:?} in:\n{all}");
    }
}

#[test]
fn unknown_key_suggests_the_nearest_key_of_its_own_section() {
    let config = STANDARD_CONFIG
        .replace("priority = 2", "priorty = 2")
        .replace("carrier = \"UPS\"", "carier = \"UPS\"")
        // `priority` is a warehouse key: a channel must not be told to use it.
        .replace(
            "stock_source = \"all\"",
            "stock_source = \"all\"\npriority = 1",
        );
    let found = problems(&config);
    let all = found.join("\n");
    assert_eq!(found.len(), 3, "{all}");
    let carier = line_of(&config, "carier");
    assert_eq!(
        found[0],
        format!(
            "oms.toml:{carier}:1: carrier_services.ups-ground.carier: unknown key `carier` in [carrier_services.ups-ground]; did you mean `carrier`?"
        )
    );
    let priorty = line_of(&config, "priorty");
    assert_eq!(
        found[1],
        format!(
            "oms.toml:{priorty}:1: warehouses.west.priorty: unknown key `priorty` in [warehouses.west]; did you mean `priority`?"
        )
    );
    assert!(
        found[2].contains("unknown key `priority` in [sales_channels.web]")
            && !found[2].contains("did you mean"),
        "{all}"
    );
}

#[test]
fn out_of_range_numbers_are_refused_with_their_range() {
    let config = STANDARD_CONFIG
        .replace("max_splits = 2", "max_splits = 0")
        .replace("priority = 1", "priority = -1")
        .replace(
            "path = \"channels/east-3pl\"",
            "path = \"channels/east-3pl\"\nmax_retries = 100\ntimeout_secs = 0",
        )
        .replace(
            "stock_source = \"all\"",
            "stock_source = \"all\"\nbuffer = -1\ndraft_if_units_over = -5",
        )
        + "\n[status]\nstale_after_hours = 0\nlow_stock_threshold = -1\n";
    let found = problems(&config);
    let all = found.join("\n");
    let expect = [
        (
            "max_splits = 0",
            "defaults.max_splits: must be 1 or more, not 0",
        ),
        (
            "max_retries",
            "fulfillment_channels.east-3pl.max_retries: must be between 0 and 20, not 100",
        ),
        (
            "timeout_secs",
            "fulfillment_channels.east-3pl.timeout_secs: must be between 1 and 3600, not 0",
        ),
        (
            "priority = -1",
            "warehouses.east.priority: must be between 0 and 1000000, not -1",
        ),
        (
            "buffer",
            "sales_channels.web.buffer: must be 0 or more, not -1",
        ),
        (
            "draft_if_units_over",
            "sales_channels.web.draft_if_units_over: must be 0 or more, not -5",
        ),
        (
            "stale_after_hours",
            "status.stale_after_hours: must be between 1 and 1000000, not 0",
        ),
        (
            "low_stock_threshold",
            "status.low_stock_threshold: must be 0 or more, not -1",
        ),
    ];
    assert_eq!(found.len(), expect.len(), "{all}");
    for (needle, message) in expect {
        let line = line_of(&config, needle);
        assert!(
            all.contains(&format!("oms.toml:{line}:1: {message}")),
            "missing line {line} `{message}` in:\n{all}"
        );
    }
    let lines = line_numbers(&found);
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "{all}");
}

#[test]
fn schema_and_reference_mistakes_come_together() {
    // A bad value and a reference to nothing: both in one pass.
    let config = STANDARD_CONFIG
        .replace("warehouse = \"east\"", "warehouse = \"north\"")
        .replace("priority = 2", "priority = \"high\"");
    let found = problems(&config);
    let all = found.join("\n");
    assert_eq!(found.len(), 2, "{all}");
    assert!(
        found[0].contains("defaults.warehouse: unknown warehouse `north`"),
        "{all}"
    );
    assert!(
        found[1]
            .contains("warehouses.west.priority: expected a whole number, found the text \"high\""),
        "{all}"
    );
}

#[test]
fn a_table_missing_a_required_key_is_named_once() {
    // `kind = 5` is unreadable, so the channel lacks `kind`: one message, not two.
    let config = STANDARD_CONFIG
        .replace(
            "kind = \"files\"\npath = \"channels/web\"",
            "kind = 5\npath = \"channels/web\"",
        )
        .replace(
            "name = \"West\"\nfulfillment_channel = \"west-3pl\"",
            "name = \"West\"",
        );
    let found = problems(&config);
    let all = found.join("\n");
    assert_eq!(found.len(), 2, "{all}");
    let west = line_of(&config, "[warehouses.west]");
    assert_eq!(
        found[0],
        format!("oms.toml:{west}:1: warehouses.west: needs `fulfillment_channel`")
    );
    assert!(
        found[1].contains("sales_channels.web.kind: expected"),
        "{all}"
    );
}

#[test]
fn rule_conditions_below_zero_are_refused_at_their_rule() {
    let config = format!(
        "{STANDARD_CONFIG}\n[[sales_channels.web.rules]]\nunits_over = -1\nany = [{{ total_over = -5.0 }}]\nadd_tag = \"x\"\n"
    );
    let found = problems(&config);
    let all = found.join("\n");
    let header = line_of(&config, "[[sales_channels.web.rules]]");
    for message in [
        "sales_channels.web.rules[0].units_over: must be 0 or more, not -1",
        "sales_channels.web.rules[0].total_over: must be 0 or more, not -5",
    ] {
        assert!(
            all.contains(&format!("oms.toml:{header}:1: {message}")),
            "missing `{message}` in:\n{all}"
        );
    }
    assert_eq!(found.len(), 2, "{all}");
}

#[test]
fn an_unknown_table_is_one_mistake_named_at_the_top_level() {
    // The reference to nothing is still checked: an unknown table hides no known one.
    let config = format!("{STANDARD_CONFIG}\n[warehouse.north]\nname = \"North\"\n")
        .replace("warehouse = \"east\"", "warehouse = \"north\"");
    let found = problems(&config);
    let line = line_of(&config, "[warehouse.north]");
    let all = found.join("\n");
    assert_eq!(found.len(), 2, "{all}");
    assert!(
        found[0].contains("defaults.warehouse: unknown warehouse `north`"),
        "{all}"
    );
    assert_eq!(
        found[1],
        format!(
            "oms.toml:{line}:2: warehouse: unknown key `warehouse` at the top level; did you mean `warehouses`?"
        )
    );
}

#[test]
fn a_key_of_the_other_role_is_named_at_its_own_line() {
    let config = STANDARD_CONFIG.replace(
        "path = \"channels/east-3pl\"",
        "path = \"channels/east-3pl\"\nbuffer = 3",
    );
    let found = problems(&config);
    let line = line_of(&config, "buffer = 3");
    assert_eq!(
        found,
        [format!(
            "oms.toml:{line}:1: fulfillment_channels.east-3pl.buffer: `buffer` is a sales channel setting"
        )]
    );
}
