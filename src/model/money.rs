//! Money as integer minor units: prices are summed and compared against thresholds,
//! and floats would make `19.99 * 3` disagree with the shop's own total.

/// Parses "19.99", "25", "1,299.50", "-3.5" and the European "12,50" and "1.299,50"
/// into cents. A comma followed by one or two digits at the end is a decimal comma
/// (spreadsheets in `;` locales write those); otherwise commas group thousands.
/// More than two decimals is an error rather than a silent rounding.
pub fn parse_cents(input: &str) -> Result<i64, String> {
    let s = normalize_separators(input.trim());
    if s.is_empty() {
        return Err("empty amount".into());
    }
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let valid = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && frac.is_empty() || !valid(whole) || !valid(frac) {
        return Err(format!("`{input}` is not an amount"));
    }
    if frac.len() > 2 {
        return Err(format!("`{input}` has more than two decimals"));
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .map_err(|_| format!("`{input}` is too large"))?
    };
    let frac: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
    let cents = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(|| format!("`{input}` is too large"))?;
    Ok(if neg { -cents } else { cents })
}

/// Rewrites an amount to use `.` as its only decimal separator and no grouping.
fn normalize_separators(s: &str) -> String {
    let decimal_comma = match (s.rfind(','), s.rfind('.')) {
        (Some(c), Some(d)) => c > d,
        (Some(c), None) => (1..=2).contains(&(s.len() - c - 1)),
        _ => false,
    };
    if decimal_comma {
        s.replace('.', "").replace(',', ".")
    } else {
        s.replace(',', "")
    }
}

/// Formats cents as a plain decimal ("19.90"), the way CSV consumers expect it.
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Why the lines of an order add up to no total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTotal {
    /// Line `0`-based index has no price; a sum without it would understate the order.
    Unpriced(usize),
    /// Σ quantity × price does not fit in 64-bit cents.
    Overflow,
}

/// Σ quantity × price over `(quantity, price)` lines in cents, the one place an order's
/// total is computed (listing, showing, importing and rules all use it), with checked
/// arithmetic so absurd input is "unknown", never a wrapped number.
pub fn lines_total(lines: impl IntoIterator<Item = (i64, Option<i64>)>) -> Result<i64, NoTotal> {
    let mut sum = 0i64;
    for (i, (quantity, price)) in lines.into_iter().enumerate() {
        let price = price.ok_or(NoTotal::Unpriced(i))?;
        sum = price
            .checked_mul(quantity)
            .and_then(|v| sum.checked_add(v))
            .ok_or(NoTotal::Overflow)?;
    }
    Ok(sum)
}

/// How far a shop's stated subtotal may be from the computed one and still agree: a
/// cent per line, since shops round each line's unit price on its own.
pub fn subtotal_agrees(stated: i64, computed: i64, discount: Option<i64>, lines: usize) -> bool {
    let slack = lines.max(1) as i64;
    let near = |c: i64| stated.checked_sub(c).is_some_and(|d| d.abs() <= slack);
    // Shopify's subtotal is after discounts; a plain file's may be before them.
    near(computed)
        || discount
            .and_then(|d| computed.checked_sub(d.abs()))
            .is_some_and(near)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_total_is_checked() {
        assert_eq!(lines_total([(2, Some(1999)), (1, Some(500))]), Ok(4498));
        assert_eq!(lines_total([]), Ok(0));
        assert_eq!(
            lines_total([(1, Some(1)), (1, None)]),
            Err(NoTotal::Unpriced(1))
        );
        assert_eq!(lines_total([(2, Some(i64::MAX))]), Err(NoTotal::Overflow));
        assert_eq!(
            lines_total([(1, Some(i64::MAX)), (1, Some(1))]),
            Err(NoTotal::Overflow)
        );
    }

    #[test]
    fn subtotals_agree_within_a_cent_a_line() {
        assert!(subtotal_agrees(4498, 4498, None, 2));
        assert!(subtotal_agrees(4500, 4498, None, 2));
        assert!(!subtotal_agrees(4501, 4498, None, 2));
        assert!(subtotal_agrees(3998, 4498, Some(500), 2), "after discount");
        assert!(!subtotal_agrees(3000, 4498, Some(500), 2));
        assert!(!subtotal_agrees(i64::MIN, 1, None, 1), "no overflow");
    }

    #[test]
    fn parses_common_amounts() {
        assert_eq!(parse_cents("19.99"), Ok(1999));
        assert_eq!(parse_cents("25"), Ok(2500));
        assert_eq!(parse_cents("1,299.5"), Ok(129950));
        assert_eq!(parse_cents(".5"), Ok(50));
        assert_eq!(parse_cents("-3.05"), Ok(-305));
        assert_eq!(parse_cents("12,50"), Ok(1250));
        assert_eq!(parse_cents("0,5"), Ok(50));
        assert_eq!(parse_cents("1.299,50"), Ok(129_950));
        assert_eq!(parse_cents("1,299"), Ok(129_900));
        assert_eq!(parse_cents("1,299,000.5"), Ok(129_900_050));
    }

    #[test]
    fn rejects_what_is_not_money() {
        assert!(parse_cents("").is_err());
        assert!(parse_cents("abc").is_err());
        assert!(parse_cents("1.999").is_err());
        assert!(parse_cents("1e5").is_err());
        assert!(parse_cents("x,50").is_err());
        assert!(parse_cents("1,2,3").is_err(), "two decimal commas");
        assert!(parse_cents("99999999999999999999").is_err());
    }

    #[test]
    fn formats_round_trip() {
        for c in [0, 5, 1999, -305, 100_000] {
            assert_eq!(parse_cents(&format_cents(c)), Ok(c));
        }
    }
}
