//! The one error every HTTP connector returns for a request that did not work. It names
//! the channel, the method and endpoint, and the HTTP status, so a person reading a cron
//! mail knows which shop or warehouse to look at; its text never contains a token.

use std::fmt;

/// What went wrong with one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpErrorKind {
    /// The server answered with a non-success status.
    Status,
    /// No complete answer within the configured timeout.
    Timeout,
    /// The connection could not be made or broke off.
    Connection,
    /// The answer was not the JSON expected (truncated, malformed or of another shape).
    Malformed,
    /// oms refused to send it (plain http to another machine, a link to another host).
    Refused,
}

#[derive(Debug, Clone, thiserror::Error)]
pub struct HttpError {
    /// The channel code from the config.
    pub channel: String,
    pub method: String,
    /// Path and query (no host, no credentials): what a person can look up in the API docs.
    pub endpoint: String,
    pub status: Option<u16>,
    pub kind: HttpErrorKind,
    /// The server's own explanation when it gave one, else ours.
    pub message: String,
    /// Requests made, retries included.
    pub attempts: u32,
    /// The server may have carried the request out even though no answer arrived
    /// (timeout, broken connection, 5xx): a create must be looked up before it is resent.
    pub maybe_applied: bool,
}

impl HttpError {
    /// An error that concerns only the record being sent (the server refused this one
    /// order, SKU or PO), as opposed to one that will fail every other request too
    /// (authentication, rate limits, outages, timeouts).
    pub fn is_record_error(&self) -> bool {
        matches!(self.status, Some(s) if (400..500).contains(&s) && !matches!(s, 401 | 403 | 429))
    }
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "channel `{}`: {} {}: ",
            self.channel, self.method, self.endpoint
        )?;
        match (self.kind, self.status) {
            (HttpErrorKind::Status, Some(status)) => {
                write!(f, "HTTP {status}")?;
                if let Some(reason) = reqwest::StatusCode::from_u16(status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                {
                    write!(f, " {reason}")?;
                }
            }
            (HttpErrorKind::Malformed, Some(status)) => {
                write!(f, "HTTP {status} with a body that is not the JSON expected")?
            }
            (HttpErrorKind::Timeout, _) => f.write_str("timed out")?,
            (HttpErrorKind::Connection, _) => f.write_str("connection failed")?,
            (HttpErrorKind::Refused, _) => f.write_str("refused")?,
            (_, None) => f.write_str("failed")?,
        }
        if self.attempts > 1 {
            write!(f, " (gave up after {} attempts)", self.attempts)?;
        }
        if !self.message.is_empty() {
            write!(f, ": {}", self.message)?;
        }
        Ok(())
    }
}

/// The short explanation an API put in an error body, or the start of the body itself.
/// Shopify writes `{"errors": "..."}` or `{"errors": {"field": ["..."]}}`; ShipBob writes a
/// field → messages map, `{"errors": [...]}` or RFC 7807 problem details.
pub fn body_message(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let message = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(value) => summarize(&value),
        Err(_) => text.trim().to_string(),
    };
    shorten(&message, 300)
}

fn summarize(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(summarize).collect::<Vec<_>>().join("; "),
        Value::Object(map) => {
            for key in ["errors", "error", "detail", "message", "title"] {
                if let Some(v) = map.get(key).filter(|v| !v.is_null()) {
                    return summarize(v);
                }
            }
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{k}: {}", summarize(v)))
                .collect::<Vec<_>>()
                .join("; ")
        }
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(status: Option<u16>, kind: HttpErrorKind, attempts: u32) -> HttpError {
        HttpError {
            channel: "shop".into(),
            method: "GET".into(),
            endpoint: "/admin/api/2025-10/orders.json?status=any".into(),
            status,
            kind,
            message: "Internal error".into(),
            attempts,
            maybe_applied: false,
        }
    }

    #[test]
    fn display_names_channel_endpoint_and_status() {
        assert_eq!(
            error(Some(500), HttpErrorKind::Status, 4).to_string(),
            "channel `shop`: GET /admin/api/2025-10/orders.json?status=any: HTTP 500 \
             Internal Server Error (gave up after 4 attempts): Internal error"
        );
        assert_eq!(
            error(None, HttpErrorKind::Timeout, 1).to_string(),
            "channel `shop`: GET /admin/api/2025-10/orders.json?status=any: timed out: Internal error"
        );
    }

    #[test]
    fn record_errors_are_the_refusals_of_one_record() {
        assert!(error(Some(422), HttpErrorKind::Status, 1).is_record_error());
        assert!(error(Some(404), HttpErrorKind::Status, 1).is_record_error());
        for status in [401, 403, 429, 500] {
            assert!(!error(Some(status), HttpErrorKind::Status, 1).is_record_error());
        }
        assert!(!error(None, HttpErrorKind::Timeout, 1).is_record_error());
    }

    #[test]
    fn body_messages_of_both_apis() {
        assert_eq!(body_message(br#"{"errors":"Not Found"}"#), "Not Found");
        assert_eq!(
            body_message(br#"{"errors":{"line_items":["is invalid"]}}"#),
            "line_items: is invalid"
        );
        assert_eq!(
            body_message(br#"{"Recipient.Address":["The address1 field is required."]}"#),
            "Recipient.Address: The address1 field is required."
        );
        assert_eq!(
            body_message(br#"{"title":"Bad","detail":"PageSize too big","status":400}"#),
            "PageSize too big"
        );
        assert_eq!(
            body_message(b"<html>\n  oops </html>"),
            "<html> oops </html>"
        );
        assert!(body_message("x".repeat(1000).as_bytes()).ends_with('…'));
    }
}
