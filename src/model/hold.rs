//! Hold times: the durations config and `orders hold --for` accept ("15m", "2h", "1d",
//! "90s", "1h30m") and the release instants they give, in the stored RFC 3339 form.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

/// Parses a duration of one or more `<number><unit>` parts, unit one of s, m, h, d.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let bad = || format!("`{text}` is not a duration (use e.g. 90s, 15m, 2h, 1d or 1h30m)");
    if t.is_empty() {
        return Err(bad());
    }
    let mut total = Duration::zero();
    let mut digits = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let n: i64 = digits.parse().map_err(|_| bad())?;
        digits.clear();
        let part = match c.to_ascii_lowercase() {
            's' => Duration::try_seconds(n),
            'm' => Duration::try_minutes(n),
            'h' => Duration::try_hours(n),
            'd' => Duration::try_days(n),
            _ => None,
        }
        .ok_or_else(bad)?;
        total = total.checked_add(&part).ok_or_else(bad)?;
    }
    if !digits.is_empty() || total <= Duration::zero() {
        return Err(bad());
    }
    Ok(total)
}

/// Parses an absolute release time: RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` taken as UTC.
pub fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Ok(d.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(d) = chrono::NaiveDateTime::parse_from_str(t, format) {
            return Ok(d.and_utc());
        }
    }
    Err(format!(
        "`{text}` is not a time (use RFC 3339, e.g. 2026-12-24T18:00:00Z, or `2026-12-24 18:00` in UTC)"
    ))
}

/// The stored form of an instant (the same as `model::now`).
pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("15m"), Ok(Duration::minutes(15)));
        assert_eq!(parse_duration(" 2h "), Ok(Duration::hours(2)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::minutes(90)));
        assert_eq!(parse_duration("1d"), Ok(Duration::days(1)));
        for bad in ["", "15", "m", "0m", "15x", "-5m", "1.5h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn instants() {
        let t = parse_instant("2026-12-24T18:00:00+01:00").unwrap();
        assert_eq!(stamp(t), "2026-12-24T17:00:00Z");
        assert_eq!(
            stamp(parse_instant("2026-12-24 18:00").unwrap()),
            "2026-12-24T18:00:00Z"
        );
        assert!(parse_instant("tomorrow").is_err());
    }
}
