use std::fmt;

/// A credential read from the environment or a file. It has no way to print itself:
/// Debug and Display both redact, so a stray `{:?}` cannot leak it into a log.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The raw value, for the one place that puts it in an HTTP header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `${NAME}` exactly: the only form of environment reference the config accepts.
pub fn is_env_reference(s: &str) -> bool {
    env_reference_name(s).is_some()
}

pub fn env_reference_name(s: &str) -> Option<&str> {
    let name = s.trim().strip_prefix("${")?.strip_suffix('}')?;
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    valid.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let s = Secret::new("shpat_abc".into());
        assert_eq!(format!("{s} {s:?}"), "<redacted> Secret(<redacted>)");
        assert_eq!(s.expose(), "shpat_abc");
    }

    #[test]
    fn env_references() {
        assert_eq!(
            env_reference_name("${SHOPIFY_TOKEN}"),
            Some("SHOPIFY_TOKEN")
        );
        assert_eq!(env_reference_name("$SHOPIFY_TOKEN"), None);
        assert_eq!(env_reference_name("${}"), None);
        assert_eq!(env_reference_name("${A-B}"), None);
    }
}
