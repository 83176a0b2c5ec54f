//! The one place oms asks what time it is. Holds release and orders expire by the clock,
//! and tests must move it without sleeping: `OMS_TEST_NOW` (RFC 3339) stands in for the
//! system clock when set. Nothing else in oms reads the system time for decisions.

use chrono::{DateTime, Utc};

pub const TEST_NOW: &str = "OMS_TEST_NOW";

pub fn now_utc() -> DateTime<Utc> {
    if let Ok(text) = std::env::var(TEST_NOW)
        && let Ok(t) = DateTime::parse_from_rfc3339(text.trim())
    {
        return t.with_timezone(&Utc);
    }
    Utc::now()
}
