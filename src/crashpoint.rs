//! Test-only crash points for the crash-point matrix (tests/crash_matrix.rs).
//!
//! The promise "a crash at any point loses nothing and sends nothing twice" can only be
//! proven by crashing at the exact moments that matter at an edge. Each flow that talks to
//! another system calls [`hit`] at those moments; with `OMS_TEST_CRASH_AT` unset this is one
//! cached environment look-up and costs nothing measurable.
//!
//! `OMS_TEST_CRASH_AT=<point>@<flow>[#<n>]` aborts the process (as a power cut would: no
//! destructors, no rollback, no flush) at the n-th time (default the first) that `flow`
//! reaches `point`. `<flow>` may be `*` for any flow. Examples:
//! `after_write@shipments-send`, `between_pages@orders-import#2`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

pub const ENV: &str = "OMS_TEST_CRASH_AT";

/// The moments at an edge where a crash is most likely to lose or repeat something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// The outbound batch is decided and committed; nothing has been written or sent yet.
    BeforeWrite,
    /// The file is in place or the request was answered; the database does not know yet.
    AfterWrite,
    /// The inbound work is committed; the inbox file has not moved / the ack is not sent.
    AfterCommit,
    /// One page of a channel's list has been read and applied; the next is not fetched.
    BetweenPages,
}

impl Point {
    pub const ALL: [Point; 4] = [
        Point::BeforeWrite,
        Point::AfterWrite,
        Point::AfterCommit,
        Point::BetweenPages,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Point::BeforeWrite => "before_write",
            Point::AfterWrite => "after_write",
            Point::AfterCommit => "after_commit",
            Point::BetweenPages => "between_pages",
        }
    }
}

struct Target {
    point: String,
    flow: String,
    nth: u64,
}

fn target() -> Option<&'static Target> {
    static TARGET: OnceLock<Option<Target>> = OnceLock::new();
    TARGET
        .get_or_init(|| parse(&std::env::var(ENV).ok()?))
        .as_ref()
}

fn parse(spec: &str) -> Option<Target> {
    let (rest, nth) = match spec.trim().split_once('#') {
        Some((rest, n)) => (rest, n.trim().parse().ok()?),
        None => (spec.trim(), 1),
    };
    let (point, flow) = rest.split_once('@').unwrap_or((rest, "*"));
    Some(Target {
        point: point.trim().to_string(),
        flow: flow.trim().to_string(),
        nth,
    })
}

/// Aborts the process when `OMS_TEST_CRASH_AT` names this point of this flow.
pub fn hit(flow: &str, point: Point) {
    static HITS: AtomicU64 = AtomicU64::new(0);
    let Some(t) = target() else { return };
    if t.point != point.name() || (t.flow != "*" && t.flow != flow) {
        return;
    }
    if HITS.fetch_add(1, Ordering::SeqCst) + 1 >= t.nth {
        eprintln!("oms: test crash at {}@{flow}", point.name());
        std::process::abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_with_and_without_flow_and_count() {
        let t = parse("after_write@shipments-send#3").unwrap();
        assert_eq!(
            (t.point.as_str(), t.flow.as_str(), t.nth),
            ("after_write", "shipments-send", 3)
        );
        let t = parse("before_write").unwrap();
        assert_eq!((t.flow.as_str(), t.nth), ("*", 1));
        assert!(parse("after_write#x").is_none());
    }
}
