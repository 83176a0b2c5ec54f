//! Counted nouns in messages: "1 unit", "2 units", never "(1 units)".

/// `n` and `noun`, plural unless `n` is 1 or -1 (`noun` takes a plain `s`).
pub fn count(n: impl Into<i64>, noun: &str) -> String {
    let n = n.into();
    if n.abs() == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "unit"), "1 unit");
        assert_eq!(count(0, "unit"), "0 units");
        assert_eq!(count(2, "shipment"), "2 shipments");
        assert_eq!(count(-1, "unit"), "-1 unit");
    }
}
