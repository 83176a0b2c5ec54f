//! `oms demo [DIR]`: builds a workspace on the `files` connectors and runs the whole
//! cycle with the same commands a person would type, printing what each one did.

use std::path::PathBuf;

use clap::Args;

use super::{Ctx, run_line};
use crate::error::Exit;
use crate::ops::demo;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Folder for the demo workspace (must be new or empty)
    #[arg(default_value = "oms-demo")]
    pub dir: PathBuf,
}

pub fn exec(ctx: &Ctx, args: DemoArgs) -> anyhow::Result<Exit> {
    let ws = demo::create(&args.dir)?;
    // Like `oms init`, the demo creates its own database; no other command does.
    let demo_config = crate::config::load(Some(&ws.config), None)?;
    crate::store::Store::open(&demo_config.database_path)?;
    let config = ws.config.display().to_string();
    // The demo's narration is its output, so it goes to stdout like the tables it explains.
    let say = |text: &str| {
        let _ = ctx.out.heading(&format!("\n{text}"));
    };
    // Each step is a real command line; its exit code is checked against what the
    // scenario expects (the unknown-SKU order makes the import exit 3 on purpose).
    let step = |words: &[&str], expected: Exit| -> anyhow::Result<()> {
        let mut argv: Vec<String> = vec![
            "oms".into(),
            "--config".into(),
            config.clone(),
            "--no-progress".into(),
        ];
        if ctx.global.quiet {
            argv.push("-q".into());
        }
        argv.extend(words.iter().map(|w| w.to_string()));
        say(&format!("$ oms {}", words.join(" ")));
        let exit = run_line(&argv, false)?;
        if exit != expected {
            anyhow::bail!(
                "demo step `oms {}` ended with {exit:?}, expected {expected:?}",
                words.join(" ")
            );
        }
        Ok(())
    };
    let catalog = ws.catalog.display().to_string();
    let stock = ws.stock.display().to_string();

    say(&format!(
        "oms demo: a shop (web), two 3PL warehouses (east, west) and one virtual warehouse (all),\nall exchanging files under {}.",
        ws.dir.display()
    ));
    say("1. The catalog and the opening stock count.");
    step(&["catalog", "import", "--file", &catalog], Exit::Ok)?;
    say(
        "   oms is the catalog master: the sync sends the catalog to the shop and both warehouses.",
    );
    step(&["catalog", "sync"], Exit::Ok)?;
    step(&["stock", "adjust", "--file", &stock, "--yes"], Exit::Ok)?;
    step(&["stock", "show", "--warehouse", "all"], Exit::Ok)?;

    say(
        "2. The shop's orders arrive in channels/web/inbox. #5004 names a SKU nobody sells: it is rejected, the rest go in.",
    );
    step(&["orders", "import", "-v"], Exit::Rejected)?;
    step(&["orders", "rejects"], Exit::Ok)?;

    say(
        "3. Processing picks warehouses: #5003 needs both warehouses (a split), #5006 waits for totes (backordered).",
    );
    step(&["orders", "process", "--explain"], Exit::Ok)?;
    step(&["shipments", "list"], Exit::Ok)?;

    say(
        "4. The warehouses pick, pack and ship, and answer with confirmation files (west finds one tote damaged).",
    );
    let mut damaged = Vec::new();
    for (channel, prefix, short) in [
        ("east-3pl", "1ZE", None),
        ("west-3pl", "1ZW", Some("TOTE-NAT")),
    ] {
        let shipped = demo::play_warehouse(&ws.dir.join("channels").join(channel), prefix, short)?;
        for s in shipped {
            let short = if s.short { ", one short" } else { "" };
            ctx.out.heading(&format!(
                "   {channel}: shipped {} ({}{short})",
                s.reference,
                crate::model::words::count(s.units, "unit")
            ))?;
            if s.short {
                damaged.push(s.reference);
            }
        }
    }
    step(&["shipments", "sync"], Exit::Ok)?;
    if !damaged.is_empty() {
        say(
            "   A short parcel keeps the missing unit allocated for a later parcel. The tote is\n   damaged, so nothing more will come: close the shipment and release it.",
        );
        let mut close = vec!["shipments", "close"];
        close.extend(damaged.iter().map(String::as_str));
        step(&close, Exit::Ok)?;
    }

    say("5. The shop hears what shipped, with tracking numbers (channels/web/outbox).");
    step(&["orders", "export", "-v"], Exit::Ok)?;
    step(&["orders", "list"], Exit::Ok)?;

    say(
        "6. #5006 still waits for 5 totes. A purchase order for 10 goes to the west warehouse;\n   approved, they count as incoming.",
    );
    // The workspace is new, so its first PO has the first number.
    let po = "PO-000001";
    step(
        &[
            "po",
            "create",
            "--supplier",
            "Canvasworks",
            "--warehouse",
            "west",
            "--line",
            "TOTE-NAT=10",
            "--expected",
            "2026-11-25",
        ],
        Exit::Ok,
    )?;
    step(&["po", "approve", po], Exit::Ok)?;
    step(&["po", "export", "-v"], Exit::Ok)?;
    step(&["stock", "show", "--sku", "TOTE-NAT"], Exit::Ok)?;

    say(
        "7. West receives the totes in two deliveries (channels/west-3pl/inbox). The first is\n   short of the PO but enough for #5006: the backorder retry allocates it in the same\n   transaction. The second completes the PO.",
    );
    let west = ws.dir.join("channels").join("west-3pl");
    let deliveries = [6, 4];
    let receipts = demo::receive(&west, po, "TOTE-NAT", &deliveries)?;
    for (id, units) in receipts.iter().zip(deliveries) {
        ctx.out.heading(&format!(
            "   west-3pl: receipt {id}, {units} totes against {po}"
        ))?;
    }
    step(&["receipts", "sync", "-v"], Exit::Ok)?;
    step(&["po", "show", po], Exit::Ok)?;
    say("   The next processing run sends #5006's shipment to west.");
    step(&["orders", "process"], Exit::Ok)?;

    let east = ws.dir.join("channels").join("east-3pl");
    let count = demo::count_stock(&ws.db, &east, "east", "MUG-WHT", -2)?;
    say(&format!(
        "8. East counts its shelves and finds {} {} where oms expected {}; its snapshot\n   (channels/east-3pl/inbox) sets on hand, the ledger keeps the difference.",
        count.counted, count.sku, count.expected
    ));
    step(&["stock", "sync", "-v"], Exit::Ok)?;

    say(
        "9. The shop learns what it may sell: available over both warehouses minus its buffer of 1\n   (channels/web/outbox).",
    );
    step(&["stock", "push", "-v"], Exit::Ok)?;
    step(&["stock", "show", "--warehouse", "all"], Exit::Ok)?;
    step(&["stock", "verify"], Exit::Ok)?;
    step(&["runs", "list"], Exit::Ok)?;

    say(&format!(
        "Done. Look around:\n  cd {}\n  oms orders show 3        # the story of the split order\n  oms orders show 5        # #5006: backordered, then allocated by a receipt\n  oms stock history --sku TOTE-NAT\n  ls channels/*/outbox channels/*/inbox/done",
        ws.dir.display()
    ));
    Ok(Exit::Ok)
}
