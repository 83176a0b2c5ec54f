//! What `oms status` says needs attention (and what makes `status --check` fail), from
//! the figures gathered in [`super::gather`].

use super::{Attention, Status};

pub(super) fn attention(s: &Status, unconfirmed_hours: i64) -> Vec<Attention> {
    let mut list = Vec::new();
    let mut add = |kind: &str, detail: String| {
        list.push(Attention {
            kind: kind.into(),
            detail,
        })
    };
    for r in &s.runs {
        let name = match &r.channel {
            Some(c) => format!("{} ({c})", r.flow),
            None => r.flow.clone(),
        };
        if r.outcome == "failed" || r.outcome == "interrupted" {
            add(
                &format!("{} run", r.outcome),
                format!(
                    "{name} {} {}h ago: {}",
                    r.outcome,
                    r.age_hours,
                    r.error.as_deref().unwrap_or("see `oms runs list`")
                ),
            );
        } else if r.stale {
            let when = r
                .last_success_hours
                .map(|h| format!("{h}h ago"))
                .unwrap_or_else(|| "never".into());
            add("stale flow", format!("{name} last succeeded {when}"));
        }
    }
    if let Some(why) = &s.journal {
        add("journal unwritable", why.clone());
    }
    for f in &s.unread_files {
        add(
            "unread inbox file",
            format!(
                "{} is read by no flow of channel `{}` (it reads {})",
                f.file, f.channel, f.read_here
            ),
        );
    }
    if let Some(oldest) = s.stale_returns.first() {
        add(
            "stale returns",
            format!(
                "{} RMAs open more than {} days (oldest {}, {} days); receive or close them",
                s.stale_returns.len(),
                s.stale_return_days,
                oldest.rma,
                oldest.days_open
            ),
        );
    }
    for r in &s.rejections {
        add(
            "rejections",
            format!(
                "{} open in {} ({}); see `oms rejects --flow \"{}\"`",
                r.open, r.flow, r.channel, r.flow
            ),
        );
    }
    if s.unconfirmed_total > 0 {
        add(
            "unconfirmed shipments",
            format!(
                "{} sent more than {unconfirmed_hours}h ago {} not confirmed",
                crate::model::words::count(s.unconfirmed_total, "shipment"),
                if s.unconfirmed_total == 1 {
                    "is"
                } else {
                    "are"
                }
            ),
        );
    }
    for f in &s.failing_shipments {
        add(
            "send failing",
            format!(
                "{} to {}: {}",
                f.reference,
                f.fulfillment_channel,
                f.last_error.as_deref().unwrap_or("")
            ),
        );
    }
    for h in &s.holds {
        let why = h
            .reason
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        match &h.hold_until {
            Some(t) => add(
                "hold past due",
                format!(
                    "order {} {} was due for release at {t}{why}; run `oms orders process`",
                    h.order_id, h.order
                ),
            ),
            None => add(
                "hold without time",
                format!(
                    "order {} {} is on hold until released by hand{why}: `oms orders release {}`",
                    h.order_id, h.order, h.order_id
                ),
            ),
        }
    }
    for e in &s.expired {
        let what = format!(
            "order {} {} ({}) was to be cancelled after {} and is not sent yet",
            e.order_id, e.order, e.status, e.cancel_after
        );
        if s.auto_cancel {
            add(
                "cancel_after passed",
                format!("{what}; run `oms orders process` (auto_cancel cancels it)"),
            );
        } else {
            add(
                "cancel_after passed",
                format!(
                    "{what}: `oms orders cancel {}`, or set auto_cancel = true in [defaults]",
                    e.order_id
                ),
            );
        }
    }
    let negative = s
        .stock_alerts
        .iter()
        .filter(|a| a.alert == "negative")
        .count();
    if negative > 0 {
        add(
            "negative stock",
            format!("{negative} SKU/warehouse levels are below zero; see `oms stock show`"),
        );
    }
    list
}
