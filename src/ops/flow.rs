//! What every flow shares: a row in the run journal around it (SPEC §4.5 `oms runs list`),
//! with its counts and outcome, or its error when it fails.

use serde_json::Value;

use crate::error::Exit;
use crate::store::Store;
use crate::store::runs::{self, Outcome};

/// A flow's report as the journal sees it.
pub trait Journaled {
    /// Counts recorded with the run (e.g. `{"imported": 10, "rejected": 1}`).
    fn counts(&self) -> Value;
    fn outcome(&self) -> Outcome;
}

/// The exit code of an outcome (SPEC §7).
pub fn exit_of(outcome: Outcome) -> Exit {
    match outcome {
        Outcome::Ok => Exit::Ok,
        Outcome::Rejected => Exit::Rejected,
        Outcome::Failed => Exit::Failed,
    }
}

/// Runs `body` as one journaled run of `flow`. The run row is written in its own small
/// transactions, outside the body's, so a failed flow still leaves its error behind.
/// A dry run leaves no trace at all, not even in the journal; its body gets no run id.
pub fn journaled<R: Journaled>(
    store: &mut Store,
    flow: &str,
    channel: Option<&str>,
    dry_run: bool,
    body: impl FnOnce(&mut Store, Option<i64>) -> anyhow::Result<R>,
) -> anyhow::Result<R> {
    if dry_run {
        return body(store, None);
    }
    // SQLite's messages never name the file; every flow's error (and the journal row of
    // it, and a failed channel's line in a report) should.
    let path = store.path().to_path_buf();
    journal_run(store, flow, channel, body).map_err(|e| crate::store::name_database(e, &path))
}

fn journal_run<R: Journaled>(
    store: &mut Store,
    flow: &str,
    channel: Option<&str>,
    body: impl FnOnce(&mut Store, Option<i64>) -> anyhow::Result<R>,
) -> anyhow::Result<R> {
    let run_id = runs::start(&store.conn, flow, channel, false)?;
    tracing::info!(run_id, flow, channel, "run started");
    match body(store, Some(run_id)) {
        Ok(report) => {
            let (outcome, counts) = (report.outcome(), report.counts());
            runs::finish(&store.conn, run_id, outcome, &counts, None)?;
            tracing::info!(run_id, flow, channel, outcome = outcome.as_str(), %counts, "run finished");
            Ok(report)
        }
        Err(e) => {
            let e = crate::store::name_database(e, store.path());
            let message = format!("{e:#}");
            // The same shape as a success, for whoever greps the log file. Not at error
            // level: the flow reports its failure to the terminal itself, once.
            tracing::info!(run_id, flow, channel, outcome = "failed", error = %message, "run finished");
            if let Err(journal) = runs::finish(
                &store.conn,
                run_id,
                Outcome::Failed,
                &Value::Null,
                Some(&message),
            ) {
                tracing::warn!("could not record the failure of run {run_id}: {journal}");
            }
            Err(e)
        }
    }
}

/// The channels a flow runs on: the one asked for (even when disabled: naming it is an
/// explicit request), else every enabled one.
pub fn chosen<'a>(
    channels: &'a std::collections::BTreeMap<String, crate::config::Channel>,
    only: Option<&str>,
) -> Vec<&'a str> {
    channels
        .iter()
        .filter(|(code, ch)| match only {
            Some(wanted) => wanted == code.as_str(),
            None => ch.enabled,
        })
        .map(|(code, _)| code.as_str())
        .collect()
}

/// A flow report made of one part per channel.
pub trait PerChannel: Journaled {
    /// Adds one channel's report to the total.
    fn absorb(&mut self, part: Self);
    /// Where channels whose run failed are listed, as `code: error`.
    fn failed_channels(&mut self) -> &mut Vec<String>;
}

/// Runs `body` for each channel as its own journaled run and adds the reports into
/// `total`. A channel that fails is listed and logged; the others still run.
pub fn per_channel<'c, R: PerChannel>(
    store: &mut Store,
    flow: &str,
    channels: impl IntoIterator<Item = &'c str>,
    dry_run: bool,
    total: &mut R,
    mut body: impl FnMut(&mut Store, &'c str, Option<i64>) -> anyhow::Result<R>,
) {
    for code in channels {
        match journaled(store, flow, Some(code), dry_run, |store, run_id| {
            body(store, code, run_id)
        }) {
            Ok(part) => total.absorb(part),
            Err(e) => {
                tracing::error!("{flow}: channel {code}: {e:#}");
                total.failed_channels().push(format!("{code}: {e:#}"));
            }
        }
    }
}

/// How status changes made inside a run are attributed in the story of an order.
pub fn cause_of(flow: &str, run_id: Option<i64>, fallback: &str) -> String {
    match run_id {
        Some(id) => format!("run {id} ({flow})"),
        None => fallback.to_string(),
    }
}

/// What became of one recorded document sent on its own (a PO, an RMA).
pub enum OneSent {
    /// Taken; the channel's id for it, if it gave one.
    Accepted(Option<String>),
    /// Refused: an answer, so its batch is settled and the next run decides afresh.
    Refused(Option<String>),
    /// No answer (the channel failed): the batch stays unsent and goes out again as it is.
    Failed(String),
}

/// Sends one document whose batch (`batch_id`, when it has one) was recorded before, with
/// the flow's crash points around the call, and settles it: an accepted one is marked by
/// `accepted` in the transaction that marks its batch sent.
pub fn send_one(
    store: &mut Store,
    crash_flow: &str,
    batch_id: Option<i64>,
    send: impl FnOnce() -> anyhow::Result<crate::connectors::Sent>,
    accepted: impl FnOnce(&rusqlite::Transaction, Option<&str>) -> rusqlite::Result<()>,
) -> anyhow::Result<OneSent> {
    use crate::crashpoint::{self, Point};
    use crate::store::outbound;
    crashpoint::hit(crash_flow, Point::BeforeWrite);
    let answer = send();
    crashpoint::hit(crash_flow, Point::AfterWrite);
    Ok(match answer {
        Ok(sent) if sent.error.is_none() => {
            let tx = store.tx()?;
            accepted(&tx, sent.external_id.as_deref())?;
            if let Some(id) = batch_id {
                outbound::mark_sent(&tx, id)?;
            }
            tx.commit()?;
            OneSent::Accepted(sent.external_id)
        }
        Ok(sent) => {
            if let Some(id) = batch_id {
                outbound::mark_sent(&store.conn, id)?;
            }
            OneSent::Refused(sent.error)
        }
        Err(e) => OneSent::Failed(format!("{e:#}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Counted(u32, Outcome);
    impl Journaled for Counted {
        fn counts(&self) -> Value {
            serde_json::json!({ "done": self.0 })
        }
        fn outcome(&self) -> Outcome {
            self.1
        }
    }

    #[test]
    fn runs_are_journaled_with_counts_or_errors() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db")).unwrap();
        journaled(&mut store, "orders import", Some("web"), false, |_, id| {
            assert!(id.is_some());
            Ok(Counted(3, Outcome::Rejected))
        })
        .unwrap();
        let failed: anyhow::Result<Counted> =
            journaled(&mut store, "orders process", None, false, |_, _| {
                anyhow::bail!("disk full")
            });
        assert!(failed.is_err());
        journaled(&mut store, "orders process", None, true, |_, id| {
            assert!(id.is_none());
            Ok(Counted(0, Outcome::Ok))
        })
        .unwrap();
        let rows = runs::list(&store.conn, None, 10).unwrap();
        assert_eq!(rows.len(), 2, "dry runs leave no journal row");
        assert_eq!(
            (rows[0].outcome.as_str(), rows[0].error.as_deref()),
            ("failed", Some("disk full"))
        );
        assert_eq!(rows[1].outcome, "rejected");
        assert_eq!(rows[1].counts.as_ref().unwrap()["done"], 3);
    }
}
