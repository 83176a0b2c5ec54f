//! `oms run`: the flows in order, for cron (SPEC §4.5). One lock for the whole sequence;
//! a flow that fails does not stop the ones after it; the exit code is the worst outcome.

use clap::Args;

use std::io::Write;

use serde_json::{Map, Value};

use super::{Ctx, run_flow_line};
use crate::error::{Exit, usage};
use crate::output::{Capture, Captured, Format};

/// SPEC §4.5's order. `shipments send` and `po export` can be named in config or --only.
pub const DEFAULT_FLOWS: &[&str] = &[
    "catalog sync",
    "orders import",
    "orders process",
    "shipments sync",
    "orders export",
    "receipts sync",
    "returns sync",
    "stock sync",
    "stock push",
];

/// Every flow `oms run` knows, with the command that runs it.
const KNOWN: &[(&str, &[&str])] = &[
    ("catalog sync", &["catalog", "sync"]),
    ("orders import", &["orders", "import"]),
    ("orders process", &["orders", "process"]),
    ("shipments send", &["shipments", "send"]),
    ("shipments sync", &["shipments", "sync"]),
    ("orders export", &["orders", "export"]),
    ("po export", &["po", "export"]),
    ("receipts sync", &["receipts", "sync"]),
    ("returns sync", &["returns", "sync"]),
    ("stock sync", &["stock", "sync"]),
    ("stock push", &["stock", "push"]),
];

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Run only these flows (comma-separated, e.g. "orders-import,orders-process")
    #[arg(long, value_delimiter = ',', value_name = "FLOWS")]
    pub only: Vec<String>,
    /// Skip these flows (comma-separated)
    #[arg(long, value_delimiter = ',', value_name = "FLOWS")]
    pub skip: Vec<String>,
    /// Only this channel, in every flow that reads or sends
    #[arg(long)]
    pub channel: Option<String>,
    /// Preview every flow: nothing is committed, sent or moved
    #[arg(long)]
    pub dry_run: bool,
}

/// The word clap accepts for a flag value, so the flows get exactly what `oms run` got.
fn value_name(v: &impl clap::ValueEnum) -> String {
    v.to_possible_value()
        .map(|p| p.get_name().to_string())
        .unwrap_or_default()
}

/// "orders-import", " Orders Import " → "orders import", if it is a flow.
fn flow_name(text: &str) -> Option<&'static str> {
    let wanted = text.trim().to_lowercase().replace(['-', '_'], " ");
    KNOWN
        .iter()
        .map(|(name, _)| *name)
        .find(|name| *name == wanted)
}

fn names(list: &[String], what: &str) -> anyhow::Result<Vec<&'static str>> {
    list.iter()
        .map(|f| {
            flow_name(f).ok_or_else(|| {
                let known: Vec<String> = KNOWN.iter().map(|(n, _)| n.replace(' ', "-")).collect();
                usage(format!(
                    "{what}: `{f}` is not a flow (one of: {})",
                    known.join(", ")
                ))
            })
        })
        .collect()
}

/// The chosen flows less the skipped ones, each once, in the order of [`KNOWN`] whatever
/// the order they were named in: orders are imported before they are processed, and
/// processed before their stock is pushed.
fn in_order(chosen: &[&str], skip: &[&str]) -> Vec<&'static str> {
    KNOWN
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| chosen.contains(name) && !skip.contains(name))
        .collect()
}

pub fn exec(ctx: &Ctx, args: RunArgs) -> anyhow::Result<Exit> {
    let config = ctx.config()?;
    let configured: Vec<String> = config
        .run
        .flows
        .iter()
        .map(|f| f.get_ref().clone())
        .collect();
    let chosen = if !args.only.is_empty() {
        names(&args.only, "--only")?
    } else if !configured.is_empty() {
        names(&configured, "[run] flows")?
    } else {
        DEFAULT_FLOWS.to_vec()
    };
    let skip = names(&args.skip, "--skip")?;
    let flows = in_order(&chosen, &skip);

    // An overlapping cron start leaves at once with one line on stderr and exit 75.
    let _lock = ctx.lock(&config)?;
    let mut worst = Exit::Ok;
    let mut done: Vec<FlowOutput> = Vec::new();
    for flow in flows {
        let Some((_, words)) = KNOWN.iter().find(|(name, _)| *name == flow) else {
            continue;
        };
        let mut argv: Vec<String> = vec![
            "oms".into(),
            "--config".into(),
            config.source.display().to_string(),
        ];
        if let Some(db) = &ctx.global.db {
            argv.extend(["--db".into(), db.display().to_string()]);
        }
        argv.extend([
            "--output".into(),
            value_name(&ctx.global.output),
            "--color".into(),
            value_name(&ctx.global.color),
        ]);
        if ctx.global.quiet {
            argv.push("-q".into());
        }
        if ctx.global.no_progress {
            argv.push("--no-progress".into());
        }
        argv.extend(std::iter::repeat_n(
            "-v".to_string(),
            ctx.global.verbose as usize,
        ));
        argv.extend(words.iter().map(|w| w.to_string()));
        if let Some(c) = &args.channel {
            argv.extend(["--channel".into(), c.clone()]);
        }
        if args.dry_run {
            argv.push("--dry-run".into());
        }
        ctx.out.heading(&format!("== {flow}"))?;
        let capture: Option<Capture> = (ctx.out.format != Format::Table).then(Capture::default);
        let exit = match run_flow_line(&argv, true, Some(flow), capture.clone()) {
            Ok(exit) => exit,
            Err(e) => {
                let exit = crate::error::exit_for(&e);
                crate::output::above_bars(|| eprintln!("error: {flow}: {e:#}"));
                exit
            }
        };
        tracing::info!(flow, exit = exit.code(), "flow finished");
        worst = worst.worst(exit);
        if let Some(capture) = capture {
            let documents = capture.lock().map(|c| c.clone()).unwrap_or_default();
            done.push((flow, exit, documents));
        }
    }
    if ctx.out.format != Format::Table {
        write_all(ctx.out.format, &done)?;
    }
    Ok(worst)
}

/// One flow's part of `oms run`'s machine output.
type FlowOutput = (&'static str, Exit, Vec<Captured>);

/// The documents of every flow as one: a JSON array of `{flow, exit, report}`, one ndjson
/// line per flow, or one CSV table whose first column is the flow.
fn write_all(format: Format, done: &[FlowOutput]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let document = |flow: &str, exit: Exit, docs: &[Captured]| -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("flow".into(), Value::String(flow.to_string()));
        m.insert("exit".into(), serde_json::json!(exit));
        // A flow prints one document; should one ever print more, none is lost.
        let report = match docs {
            [] => Value::Null,
            [one] => one.document.clone(),
            many => Value::Array(many.iter().map(|d| d.document.clone()).collect()),
        };
        m.insert("report".into(), report);
        m
    };
    match format {
        Format::Json => {
            let all: Vec<Value> = done
                .iter()
                .map(|(f, e, d)| Value::Object(document(f, *e, d)))
                .collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            for (f, e, d) in done {
                serde_json::to_writer(&mut out, &document(f, *e, d))?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut columns: Vec<String> = vec!["flow".into()];
            let mut rows: Vec<Map<String, Value>> = Vec::new();
            for (flow, _, docs) in done {
                for row in docs.iter().flat_map(|d| d.rows.iter()) {
                    for key in row.keys() {
                        if !columns.contains(key) {
                            columns.push(key.clone());
                        }
                    }
                    let mut r = row.clone();
                    r.insert("flow".into(), Value::String(flow.to_string()));
                    rows.push(r);
                }
            }
            crate::output::write_csv(&mut out, &columns, &rows)?;
        }
        Format::Table => {}
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_names_are_forgiving() {
        assert_eq!(flow_name("orders-import"), Some("orders import"));
        assert_eq!(flow_name(" Stock_Push "), Some("stock push"));
        assert_eq!(flow_name("orders"), None);
        assert!(names(&["bogus".into()], "--only").is_err());
        for flow in DEFAULT_FLOWS {
            assert!(KNOWN.iter().any(|(n, _)| n == flow), "{flow}");
        }
    }

    #[test]
    fn flows_run_in_their_own_order_whatever_the_order_named() {
        assert_eq!(
            in_order(&["stock push", "orders import", "stock push"], &[]),
            ["orders import", "stock push"]
        );
        assert_eq!(
            in_order(DEFAULT_FLOWS, &["catalog sync", "stock sync"]),
            [
                "orders import",
                "orders process",
                "shipments sync",
                "orders export",
                "receipts sync",
                "returns sync",
                "stock push"
            ]
        );
        assert_eq!(in_order(DEFAULT_FLOWS, DEFAULT_FLOWS), Vec::<&str>::new());
    }
}
