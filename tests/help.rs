//! Help that reads like cargo's (issue 18 item 10): global options under their own
//! heading, every flag described, examples for the main flows.

mod common;

use common::Env;

/// Every command of the tree, by its path (`oms orders import`).
fn walk(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
    for sub in cmd.get_subcommands() {
        let p = format!("{path} {}", sub.get_name());
        walk(sub, p.clone(), out);
        out.push((p, sub.clone()));
    }
}

fn all_commands() -> Vec<(String, clap::Command)> {
    let mut root = oms::cli::command();
    root.build();
    let mut out = vec![("oms".to_string(), root.clone())];
    walk(&root, "oms".to_string(), &mut out);
    out
}

#[test]
fn every_flag_and_argument_of_every_command_is_described() {
    let mut missing = Vec::new();
    for (path, cmd) in all_commands() {
        if cmd.get_about().is_none() && path != "oms" {
            missing.push(format!("{path}: the command itself"));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if matches!(id, "help" | "version") {
                continue;
            }
            let described = arg
                .get_help()
                .or(arg.get_long_help())
                .is_some_and(|h| !h.to_string().trim().is_empty());
            if !described {
                missing.push(format!("{path}: {id}"));
            }
        }
    }
    assert!(missing.is_empty(), "undescribed:\n{}", missing.join("\n"));
}

#[test]
fn global_options_have_their_own_heading() {
    for (path, cmd) in all_commands() {
        for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
            assert_eq!(
                arg.get_help_heading(),
                Some("Global options"),
                "{path}: --{}",
                arg.get_id()
            );
        }
    }
    let env = Env::empty();
    let help = env.oms(["orders", "import", "--help"]).ok().stdout;
    let global = help
        .find("Global options:")
        .expect("a Global options heading");
    let own = help.find("--file").expect("orders import's own --file");
    assert!(
        own < global,
        "the command's own options come first:\n{help}"
    );
    assert!(help[global..].contains("--config"), "{help}");
    assert!(!help[..global].contains("--config"), "{help}");
}

#[test]
fn the_main_flows_show_examples_in_long_help() {
    let env = Env::empty();
    for path in [
        "orders import",
        "orders process",
        "run",
        "shipments send",
        "shipments sync",
        "stock show",
        "stock adjust",
        "stock push",
        "catalog sync",
        "status",
    ] {
        let mut args: Vec<&str> = path.split(' ').collect();
        args.push("--help");
        let help = env.oms(&args).ok().stdout;
        let examples = help
            .split_once("Examples:")
            .unwrap_or_else(|| panic!("oms {path} --help has no Examples:\n{help}"))
            .1;
        assert!(
            examples.contains(&format!("oms {path}")),
            "oms {path}: the examples run it:\n{examples}"
        );
        // -h stays short: examples are for --help.
        let mut short: Vec<&str> = path.split(' ').collect();
        short.push("-h");
        assert!(
            !env.oms(&short).ok().stdout.contains("Examples:"),
            "oms {path} -h"
        );
    }
}
