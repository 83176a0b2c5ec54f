//! A content fingerprint that is stable across runs and Rust releases (std's hasher is
//! not), used to tell "the same data again" from "changed" without keeping copies.

/// 64-bit FNV-1a over bytes, as 16 hex digits.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The fingerprint of a value's JSON form.
pub fn of_json<T: serde::Serialize>(value: &T) -> String {
    fingerprint(&serde_json::to_vec(value).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_sensitivity() {
        assert_eq!(fingerprint(b""), "cbf29ce484222325");
        assert_eq!(fingerprint(b"a"), "af63dc4c8601ec8c");
        assert_ne!(of_json(&("S1", 2)), of_json(&("S1", 3)));
    }
}
