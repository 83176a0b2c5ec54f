//! The crash-point matrix (issue 10): every flow that reads or writes a channel, killed at
//! every point where a crash could lose or repeat something (`OMS_TEST_CRASH_AT`, see
//! src/crashpoint.rs), then given new work and run again. After each, nothing is lost,
//! nothing is applied or sent twice, no reference is in two outbox files, no create is
//! sent twice to a mock, and `oms stock verify` is clean.
//!
//! [`MATRIX`] is the one table of flows × points, for `files` channels and the mock
//! ShipBob alike. A point that cannot happen in a flow is marked with the reason, so a new
//! flow without its row (or a row without a reason) is visible here. The tests print the
//! matrix with the counts each cell checked; what each cell does lives in
//! tests/crash_support/ (`files.rs`, `shipbob.rs`). The Shopify rows (orders export, stock
//! push, orders import) are in tests/crash_matrix_shopify.rs, and the Shopify catalog push
//! row beside its mock in tests/shopify_catalog.rs (`crash_matrix_shopify_catalog`).

mod common;
mod crash_support;
mod cycle_support;
mod process_support;

use common::Env;
use crash_support::{files::*, returns::*, shipbob::*};
use process_support::{assert_stock_consistent, standard};

/// One cell: crash there, or why that point does not exist in this flow.
#[derive(Clone, Copy)]
enum Cell {
    Crash,
    NotApplicable(&'static str),
}
use Cell::{Crash, NotApplicable as Na};

/// The points, in the order of a row's cells (names as `OMS_TEST_CRASH_AT` spells them).
const POINTS: [&str; 4] = [
    "before_write",
    "after_write",
    "after_commit",
    "between_pages",
];

/// How a row's cells are run.
#[derive(Clone, Copy)]
enum Drive {
    /// On `files` channels: kill `command` at the point, add `new_work`, run `command`
    /// again, then `check` the invariants and say what it counted.
    Files {
        command: &'static [&'static str],
        setup: fn(&Env),
        new_work: fn(&Env),
        check: fn(&Env) -> String,
    },
    /// Against a mock ShipBob: the function does the whole cell for (point, flow).
    ShipBob(fn(&str, &str) -> String),
}
use Drive::{Files, ShipBob};

struct Row {
    name: &'static str,
    /// The crash-point flow the row kills.
    flow: &'static str,
    drive: Drive,
    cells: [Cell; 4],
}

const OUTBOUND_ONLY: &str = "writes only; reads no channel";
const INBOUND_ONLY: &str = "reads only; writes nothing to the channel";
const ONE_CALL: &str = "one write per run; nothing is read in pages";
const BY_HAND: &str = "one transaction in the database only; orders-export tells the shop";
const IN_DB_ONLY: &str = "records the request in the database only; shipments-send delivers it";

const MATRIX: &[Row] = &[
    Row {
        name: "orders-import (files)",
        flow: "orders-import",
        drive: Files {
            command: &["orders", "import"],
            setup: import_setup,
            new_work: import_new_work,
            check: import_check,
        },
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "shipments-send (files)",
        flow: "shipments-send",
        drive: Files {
            command: &["orders", "process"],
            setup: send_setup,
            new_work: send_new_work,
            check: send_check,
        },
        cells: [
            Crash,
            Crash,
            Na(OUTBOUND_ONLY),
            Na("one batch file per 500 shipments; no channel read"),
        ],
    },
    Row {
        name: "shipments-send cancellations (files)",
        flow: "shipments-send",
        drive: Files {
            command: &["shipments", "send"],
            setup: cancel_setup,
            new_work: cancel_new_work,
            check: cancel_check,
        },
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(OUTBOUND_ONLY)],
    },
    Row {
        name: "shipments cancel",
        flow: "shipments-cancel",
        drive: Files {
            command: &["shipments", "cancel", "S0000001", "--yes"],
            setup: cancel_setup,
            new_work: cancel_new_work,
            check: nothing_to_check,
        },
        cells: [
            Na(IN_DB_ONLY),
            Na(IN_DB_ONLY),
            Na("reads no channel"),
            Na("reads no channel"),
        ],
    },
    // Shipped or closed by hand: one transaction in the database; what reaches the shop is
    // the next orders-export's batch, whose row is below.
    Row {
        name: "shipments ship / orders ship",
        flow: "shipments-ship",
        drive: Files {
            command: &["shipments", "ship", "S0000001"],
            setup: cancel_setup,
            new_work: cancel_new_work,
            check: nothing_to_check,
        },
        cells: [
            Na(BY_HAND),
            Na(BY_HAND),
            Na("reads no channel"),
            Na("reads no channel"),
        ],
    },
    Row {
        name: "shipments close",
        flow: "shipments-close",
        drive: Files {
            command: &["shipments", "close", "S0000001"],
            setup: cancel_setup,
            new_work: cancel_new_work,
            check: nothing_to_check,
        },
        cells: [
            Na(BY_HAND),
            Na(BY_HAND),
            Na("reads no channel"),
            Na("reads no channel"),
        ],
    },
    Row {
        name: "shipments-sync (files)",
        flow: "shipments-sync",
        drive: Files {
            command: &["shipments", "sync"],
            setup: sync_setup,
            new_work: sync_new_work,
            check: sync_check,
        },
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "orders-export (files)",
        flow: "orders-export",
        drive: Files {
            command: &["orders", "export"],
            setup: export_setup,
            new_work: export_new_work,
            check: export_check,
        },
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(OUTBOUND_ONLY)],
    },
    Row {
        name: "stock-sync (files)",
        flow: "stock-sync",
        drive: Files {
            command: &["stock", "sync"],
            setup: stock_sync_setup,
            new_work: stock_sync_new_work,
            check: stock_sync_check,
        },
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "stock-push (files)",
        flow: "stock-push",
        drive: Files {
            command: &["stock", "push"],
            setup: push_setup,
            new_work: push_new_work,
            check: push_check,
        },
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(ONE_CALL)],
    },
    Row {
        name: "stock-push (files, delta)",
        flow: "stock-push",
        drive: Files {
            command: &["stock", "push"],
            setup: push_delta_setup,
            new_work: push_new_work,
            check: push_delta_check,
        },
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(ONE_CALL)],
    },
    Row {
        name: "po-export (files)",
        flow: "po-export",
        drive: Files {
            command: &["po", "export"],
            setup: po_setup,
            new_work: po_new_work,
            check: po_check,
        },
        cells: [Crash, Crash, Na(OUTBOUND_ONLY), Na(OUTBOUND_ONLY)],
    },
    Row {
        name: "receipts-sync (files)",
        flow: "receipts-sync",
        drive: Files {
            command: &["receipts", "sync"],
            setup: receipts_setup,
            new_work: receipts_new_work,
            check: receipts_check,
        },
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "returns-sync (files)",
        flow: "returns-sync",
        drive: Files {
            command: &["returns", "sync"],
            setup: returns_setup,
            new_work: returns_new_work,
            check: returns_check,
        },
        cells: [
            Crash,
            Crash,
            Crash,
            Na("one receipt file per source, acknowledged after its commit; no pages"),
        ],
    },
    Row {
        name: "catalog-sync (files master, push)",
        flow: "catalog-sync",
        drive: Files {
            command: &["catalog", "sync"],
            setup: catalog_setup,
            new_work: catalog_new_work,
            check: catalog_check,
        },
        cells: [Crash, Crash, Crash, Crash],
    },
    Row {
        name: "stock-sync (ShipBob)",
        flow: "stock-sync",
        drive: ShipBob(stock_from_shipbob),
        cells: [Na(INBOUND_ONLY), Na(INBOUND_ONLY), Crash, Crash],
    },
    Row {
        name: "receipts-sync (ShipBob)",
        flow: "receipts-sync",
        drive: ShipBob(receipts_from_shipbob),
        cells: [
            Na("reads only; the ack follows the commit"),
            Na("reads only; the ack follows the commit"),
            Crash,
            Crash,
        ],
    },
    Row {
        name: "shipments-send (ShipBob)",
        flow: "shipments-send",
        drive: ShipBob(send_to_shipbob),
        cells: [
            Crash,
            Crash,
            Na(OUTBOUND_ONLY),
            Na("lookup pages only read; nothing is applied between them"),
        ],
    },
    Row {
        name: "po-export (ShipBob WROs)",
        flow: "po-export",
        drive: ShipBob(po_to_shipbob),
        cells: [
            Crash,
            Crash,
            Na(OUTBOUND_ONLY),
            Na("lookup pages only read; nothing is applied between them"),
        ],
    },
    Row {
        name: "returns-sync (ShipBob returns)",
        flow: "returns-sync",
        drive: ShipBob(returns_to_shipbob),
        cells: [
            Crash,
            Crash,
            Na("covered by the files row: the same commit, then nothing to acknowledge"),
            Na("each return order is read by its id; there are no pages"),
        ],
    },
];

/// The rows on `files` channels.
#[test]
fn crash_matrix() {
    table(|drive| matches!(drive, Files { .. }));
}

/// The rows against the mock ShipBob (run apart, so the two halves run in parallel).
#[test]
fn crash_matrix_shipbob() {
    table(|drive| matches!(drive, ShipBob(_)));
}

/// Runs every crash cell of the rows `wanted`, prints them with the counts, fails with
/// every failure.
fn table(wanted: fn(&Drive) -> bool) {
    let mut lines = vec![format!(
        "{:<38} {}",
        "flow",
        POINTS.map(|p| format!("{p:<34}")).join(" ")
    )];
    let mut failures = Vec::new();
    for row in MATRIX.iter().filter(|r| wanted(&r.drive)) {
        let mut cells = Vec::new();
        for (point, cell) in POINTS.iter().zip(row.cells) {
            cells.push(match cell {
                Na(why) => format!("n/a ({why})"),
                Crash => {
                    let run = || match row.drive {
                        Files { .. } => crash_then_resume(row, point),
                        ShipBob(run) => run(point, row.flow),
                    };
                    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                        Ok(counts) => format!("ok {counts}"),
                        Err(e) => {
                            let why = e
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            failures.push(format!("{} at {point}: {why}", row.name));
                            "FAILED".into()
                        }
                    }
                }
            });
        }
        lines.push(format!("{:<38} {}", row.name, cells.join(" | ")));
    }
    println!("{}", lines.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Kills `row`'s command at `point`, adds new work, runs it again, checks the invariants.
fn crash_then_resume(row: &Row, point: &str) -> String {
    let Files {
        command,
        setup,
        new_work,
        check,
    } = row.drive
    else {
        unreachable!("only files rows are resumed here");
    };
    let env = standard();
    setup(&env);
    let at = format!("{point}@{}", row.flow);
    let crashed = env
        .oms(command.to_vec())
        .env("OMS_TEST_CRASH_AT", &at)
        .run();
    assert_eq!(
        crashed.code, -1,
        "the process was to die at {at}: {crashed:?}"
    );
    new_work(&env);
    env.oms(command.to_vec()).ok();
    let counts = check(&env);
    assert_stock_consistent(&env);
    counts
}
