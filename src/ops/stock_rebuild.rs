//! `oms stock rebuild`: sets every level that differs from its ledger sums back to them.

use serde::Serialize;

use crate::error::Exit;
use crate::output::Report;
use crate::store::Store;
use crate::store::stock::{self, Mismatch};

#[derive(Debug, Default, Serialize)]
pub struct RebuildReport {
    pub dry_run: bool,
    /// Levels stored after the rebuild.
    pub levels: i64,
    pub mended: usize,
    pub items: Vec<Mismatch>,
}

impl Report for RebuildReport {
    type Item = Mismatch;

    fn summary(&self) -> Vec<(&'static str, String)> {
        let mut s = vec![
            ("levels", self.levels.to_string()),
            ("mended", self.mended.to_string()),
        ];
        if self.dry_run {
            s.push(("dry run", "nothing was written".into()));
        }
        s
    }

    fn items(&self) -> &[Mismatch] {
        &self.items
    }

    /// Every mended level is shown: a mismatch means something wrote around the ledger,
    /// and the person needs to see what.
    fn is_notable(&self, _item: &Mismatch) -> bool {
        true
    }

    fn exit(&self) -> Exit {
        Exit::Ok
    }
}

/// Runs in one transaction under the caller's flow lock; rolled back when `dry_run`.
pub fn rebuild(store: &mut Store, dry_run: bool) -> anyhow::Result<RebuildReport> {
    let tx = store.tx()?;
    let items = stock::rebuild(&tx)?;
    let report = RebuildReport {
        dry_run,
        levels: stock::level_count(&tx)?,
        mended: items.len(),
        items,
    };
    if !dry_run {
        tx.commit()?;
    }
    Ok(report)
}
