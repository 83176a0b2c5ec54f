//! `oms rejects dismiss`: a person closes rejections that can never be fixed (a test order,
//! an upstream edit after shipping), so `status --check` stops counting them. They stay in
//! the history with the reason (`oms rejects --all`).

use serde::Serialize;

use crate::error::usage;
use crate::store::Store;
use crate::store::rejections;

pub struct Options<'a> {
    /// The rejections named by id, or empty with `all_of_flow`.
    pub ids: &'a [i64],
    /// Every open rejection of this flow (and `channel`, if given).
    pub all_of_flow: Option<&'a str>,
    pub channel: Option<&'a str>,
    pub reason: &'a str,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub dismissed: Vec<i64>,
    /// Named ids that were already closed (resolved or dismissed before): left as they are.
    pub already_closed: Vec<i64>,
    /// Named ids that are not rejections at all.
    pub unknown: Vec<i64>,
}

/// Dismisses what it can in one transaction; unknown ids are reported, not fatal, so the
/// valid part of a list still happens (the CLI then exits 2 naming them).
pub fn run(store: &mut Store, opts: &Options) -> anyhow::Result<Report> {
    if opts.reason.trim().is_empty() {
        return Err(usage(
            "--reason must say why these can never be fixed (it is kept in the history)",
        ));
    }
    let tx = store.conn.transaction()?;
    let ids = match opts.all_of_flow {
        Some(flow) => rejections::open_ids(&tx, flow, opts.channel)?,
        None => opts.ids.to_vec(),
    };
    let dismissed = rejections::dismiss(&tx, &ids, opts.reason.trim())?;
    let known = rejections::states(&tx, &ids)?;
    tx.commit()?;
    let mut report = Report {
        dismissed: dismissed.clone(),
        already_closed: Vec::new(),
        unknown: Vec::new(),
    };
    for id in ids {
        if dismissed.contains(&id) || report.already_closed.contains(&id) {
            continue;
        }
        if known.iter().any(|(k, _)| *k == id) {
            report.already_closed.push(id);
        } else if !report.unknown.contains(&id) {
            report.unknown.push(id);
        }
    }
    Ok(report)
}
