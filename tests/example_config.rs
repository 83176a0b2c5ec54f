//! config.example.toml must be a valid config and must mention every key the schema has.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

fn example() -> (String, oms::config::Config) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let text = std::fs::read_to_string(&path).expect("config.example.toml");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("oms.toml");
    std::fs::write(&copy, &text).unwrap();
    std::fs::write(dir.path().join("shipbob.token"), "pat_example").unwrap();
    // SAFETY: set before any thread of this test binary reads the environment.
    unsafe { std::env::set_var("SHOPIFY_TOKEN", "shpat_example") };
    std::fs::write(dir.path().join("shopify.secret"), "shpss_example").unwrap();
    // SAFETY: as above.
    unsafe { std::env::set_var("SHOPIFY_CLIENT_SECRET", "shpss_example") };
    let config = oms::config::parse(&copy, &text, None)
        .unwrap_or_else(|e| panic!("example is invalid:\n{e}"));
    (text, config)
}

fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                out.insert(k.clone());
                keys(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        _ => {}
    }
}

#[test]
fn example_config_is_valid_and_documents_every_key() {
    let (text, config) = example();
    // Serializing emits every field of every struct (unset ones as null), so a key added
    // to the schema but not to the example shows up here.
    let mut all = BTreeSet::new();
    keys(&serde_json::to_value(&config).unwrap(), &mut all);
    let codes: BTreeSet<&str> = [
        "east",
        "west",
        "all",
        "web",
        "shop",
        "east-3pl",
        "shipbob",
        "standard",
        "ups-ground",
        "express",
    ]
    .into_iter()
    .collect();
    let undocumented: Vec<&String> = all
        .iter()
        .filter(|k| {
            !codes.contains(k.as_str()) && !k.contains('-') && !k.chars().any(|c| c.is_uppercase())
        })
        .filter(|k| !text.lines().any(|l| documents(l, k)))
        .collect();
    assert!(
        undocumented.is_empty(),
        "keys missing from config.example.toml: {undocumented:?}"
    );
}

/// A line documents a key when it sets it (`key = …`) or names it in a table header.
fn documents(line: &str, key: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(&format!("{key} =")) {
        return true;
    }
    line.starts_with('[')
        && line
            .trim_matches(|c| c == '[' || c == ']')
            .split('.')
            .any(|part| part == key)
}
