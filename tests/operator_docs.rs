//! What a user installing with `cargo install` gets besides the binary: the annotated
//! example config from `oms config example` and `oms init`, and docs that stand on their
//! own (issue 18 item 14).

mod common;

use std::path::Path;

use common::Env;

fn shipped_example() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    std::fs::read_to_string(path).expect("config.example.toml")
}

#[test]
fn config_example_prints_the_annotated_config_without_any_config() {
    let env = Env::empty();
    let done = env.oms(["config", "example"]).ok();
    assert_eq!(done.stdout, shipped_example());
    assert!(done.stderr.is_empty(), "{}", done.stderr);
    // What it prints is a config oms accepts once its secrets are given.
    env.write("oms.toml", &done.stdout);
    env.write("shipbob.token", "t");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let p = env.path("shipbob.token");
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let check = env
        .oms(["config", "check", "-o", "json"])
        .env("SHOPIFY_TOKEN", "shpat_x")
        .run();
    assert!(
        !check.stderr.contains("unknown key") && !check.stderr.contains("expected"),
        "{}",
        check.stderr
    );
}

#[test]
fn init_writes_the_example_beside_a_new_config_and_keeps_one_already_there() {
    let env = Env::empty();
    let done = env.oms(["init", "shop", "--yes"]).ok();
    assert_eq!(env.read("shop/config.example.toml"), shipped_example());
    assert!(
        env.read("shop/oms.toml").contains("config.example.toml"),
        "the starter config points at the reference"
    );
    done.stderr_has("config.example.toml");
    env.oms(["--config", "shop/oms.toml", "config", "check"])
        .ok();

    // A folder whose config.example.toml holds someone's notes keeps them.
    env.write("other/config.example.toml", "# my notes\n");
    let done = env.oms(["init", "other", "--yes"]).ok();
    assert_eq!(env.read("other/config.example.toml"), "# my notes\n");
    done.stderr_has("oms config example");
}

#[test]
fn user_docs_cite_no_unshipped_spec_and_carry_no_developer_material() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("config.example.toml")];
    for entry in std::fs::read_dir(root.join("docs")).expect("docs/") {
        files.push(entry.unwrap().path());
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // The quick start's one test command is the only developer line a user sees,
            // and it is the command CI runs.
            if file.ends_with("README.md") && line == "cargo test --locked" {
                continue;
            }
            for word in ["SPEC", "cargo test", "tests/", "bench/", "src/"] {
                assert!(
                    !line.contains(word),
                    "{}:{}: `{word}` in user docs: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
    let dev = std::fs::read_to_string(root.join("DEVELOPMENT.md")).expect("DEVELOPMENT.md");
    assert!(dev.contains("cargo test --locked") && dev.contains("bench/run.sh"));
}
