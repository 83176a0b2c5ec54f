//! `oms stock history`: the ledger, newest first. A virtual warehouse stands for the
//! movements of its members, since nothing ever moves in a virtual warehouse itself.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::Connection;

use super::stock_scope;
use crate::config::Config;
use crate::error::usage;
use crate::store::stock::{self, HistoryFilter, LedgerRow};

pub struct HistoryOptions<'a> {
    /// A SKU pattern where `*` matches any text.
    pub sku: Option<&'a str>,
    pub warehouses: &'a [String],
    /// RFC 3339, or YYYY-MM-DD for midnight UTC of that day.
    pub since: Option<&'a str>,
    pub limit: i64,
}

pub fn history(
    conn: &Connection,
    config: &Config,
    opts: &HistoryOptions,
) -> anyhow::Result<Vec<LedgerRow>> {
    let since = opts
        .since
        .map(parse_since)
        .transpose()
        .map_err(|e| usage(format!("--since: {e}")))?;
    let scope = stock_scope::resolve(config, opts.warehouses)?;
    let warehouses = scope.expanded();
    let like = opts.sku.map(stock::sku_like);
    Ok(stock::history(
        conn,
        &HistoryFilter {
            warehouses: &warehouses,
            sku_like: like.as_deref(),
            since: since.as_deref(),
            limit: opts.limit,
        },
    )?)
}

/// The stored timestamp form (RFC 3339 UTC, whole seconds) of a `--since` value, so
/// that comparing text compares times. A fraction of a second rounds up: the stored
/// times have none, and rounding down would let in a row from before the instant asked for.
pub fn parse_since(text: &str) -> Result<String, String> {
    let text = text.trim();
    let at = if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        date.and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc())
            .ok_or_else(|| format!("`{text}` is not a valid date"))?
    } else {
        let parsed = DateTime::parse_from_rfc3339(text).map_err(|_| {
            format!("`{text}` is neither a date (2026-11-01) nor an RFC 3339 time (2026-11-01T08:00:00Z)")
        })?;
        let utc = parsed.with_timezone(&Utc);
        let whole = utc.timestamp();
        let whole = if utc.timestamp_subsec_nanos() > 0 {
            whole + 1
        } else {
            whole
        };
        DateTime::from_timestamp(whole, 0).ok_or_else(|| format!("`{text}` is out of range"))?
    };
    Ok(at.to_rfc3339_opts(SecondsFormat::Secs, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_accepts_dates_and_rfc3339() {
        assert_eq!(
            parse_since("2026-11-01").as_deref(),
            Ok("2026-11-01T00:00:00Z")
        );
        assert_eq!(
            parse_since("2026-11-01T10:00:00+02:00").as_deref(),
            Ok("2026-11-01T08:00:00Z")
        );
        assert_eq!(
            parse_since("2026-11-01T08:00:00.250Z").as_deref(),
            Ok("2026-11-01T08:00:01Z")
        );
    }

    #[test]
    fn since_rejects_other_text() {
        for bad in ["yesterday", "2026-13-01", "01/11/2026", "2026-11-01 08:00"] {
            let e = parse_since(bad).expect_err(bad);
            assert!(e.contains(bad), "{e}");
        }
    }
}
