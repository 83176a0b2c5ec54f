//! A successful answer and what it needs to report its own body as unusable.

use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use super::{HttpError, HttpErrorKind};
use crate::config::Secret;

/// A successful answer, read in full.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub(super) channel: String,
    pub(super) method: String,
    pub(super) endpoint: String,
    pub(super) redactor: Redactor,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as `T`. A truncated or malformed body is an error naming the channel and
    /// endpoint; it never panics and never hands half a page to the caller.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, HttpError> {
        serde_json::from_slice(&self.body).map_err(|e| HttpError {
            channel: self.channel.clone(),
            method: self.method.clone(),
            endpoint: self.endpoint.clone(),
            status: Some(self.status),
            kind: HttpErrorKind::Malformed,
            message: self.redactor.apply(&e.to_string()),
            attempts: 1,
            maybe_applied: false,
        })
    }

    /// The path and query this answer came from (no host, no credentials).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }
}

/// Replaces the tokens (and client secrets) wherever they might appear in a message.
#[derive(Debug, Clone)]
pub(super) struct Redactor(pub(super) Vec<Secret>);

impl Redactor {
    pub(super) fn apply(&self, text: &str) -> String {
        let mut text = text.to_string();
        for secret in &self.0 {
            let token = secret.expose();
            if !token.is_empty() {
                text = text.replace(token, "<redacted>");
            }
        }
        text
    }
}
