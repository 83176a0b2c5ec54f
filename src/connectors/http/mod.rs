//! The one HTTP client every API connector uses (ARCHITECTURE: "sharing one HTTP client").
//!
//! It owns what each connector would otherwise get subtly wrong: https only (plain http
//! only to this machine), connect and total timeouts from the channel's config, retries of
//! 429 / 5xx / timeouts / broken connections with exponential backoff and jitter,
//! `Retry-After` (and ShipBob's `x-retry-after`), pacing under the API's rate limit, a
//! `User-Agent` with our version, no redirects (a redirect could carry the token to
//! another host), and errors that name the channel, endpoint and status without ever
//! containing the token. With `-vv` every request is traced: method, path, status, time.
//!
//! `OMS_HTTP_BACKOFF_MS` (test-only) sets the first backoff step in milliseconds
//! (default 500) so that retry tests run in milliseconds. It does not shorten a wait the
//! server asked for with `Retry-After`.

pub mod batch;
mod error;
mod links;
mod pace;
mod reply;

pub use error::{HttpError, HttpErrorKind, body_message};
pub use links::{next_link, with_query};
pub use pace::{Pacer, Pacing};
pub use reply::Reply;

use links::shown_endpoint;
use reply::Redactor;

use std::time::{Duration, Instant};

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::config::{Channel, Secret, check_base_url};

/// What oms calls itself on the wire.
pub const USER_AGENT: &str = concat!("oms/", env!("CARGO_PKG_VERSION"));

/// Longest server-requested wait oms honours before giving up on the request.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(300);
/// Longest backoff step between attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Whether a request may be sent again when its answer was lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Reads, and writes that set a value: sending twice does no harm.
    Safe,
    /// Creates: after a timeout or 5xx the server may have done it, so the caller must
    /// look it up before sending again. Only answers that prove the request was not
    /// carried out (429, a connection that never opened) are retried here.
    Unsafe,
}

/// How the token is put on each request.
pub struct Auth {
    pub header: &'static str,
    /// Written before the token, e.g. `Bearer `.
    pub prefix: &'static str,
}

pub struct HttpClient {
    channel: String,
    /// Base URL without a trailing slash, e.g. `https://shop.example/admin/api/2025-10`.
    base: reqwest::Url,
    client: reqwest::blocking::Client,
    /// None until a token is known (Shopify's client-credentials grant fetches one).
    auth: Option<(HeaderName, HeaderValue)>,
    auth_header: &'static str,
    auth_prefix: &'static str,
    extra: Vec<(HeaderName, HeaderValue)>,
    max_retries: u32,
    backoff: Duration,
    pacer: Pacer,
    redactor: Redactor,
    jitter: u64,
}

impl HttpClient {
    /// A client for channel `code` at `base`, with the channel's token, timeouts and retries.
    pub fn new(
        code: &str,
        config: &Channel,
        base: &str,
        auth: Auth,
        pacing: Pacing,
    ) -> Result<HttpClient, HttpError> {
        let secret = config.secret.clone().ok_or_else(|| HttpError {
            channel: code.to_string(),
            method: "-".into(),
            endpoint: base.to_string(),
            status: None,
            kind: HttpErrorKind::Refused,
            message: match &config.secret_problem {
                Some(why) => format!("no token: {why}"),
                None => "the channel has no token (`token` or `token_file`)".into(),
            },
            attempts: 0,
            maybe_applied: false,
        })?;
        let mut client = HttpClient::without_token(code, config, base, auth, pacing)?;
        client.set_token(&secret)?;
        Ok(client)
    }

    /// A client whose token comes later ([`HttpClient::set_token`]), e.g. from an OAuth
    /// grant made with this same client.
    pub fn without_token(
        code: &str,
        config: &Channel,
        base: &str,
        auth: Auth,
        pacing: Pacing,
    ) -> Result<HttpClient, HttpError> {
        let refuse = |message: String| HttpError {
            channel: code.to_string(),
            method: "-".into(),
            endpoint: base.to_string(),
            status: None,
            kind: HttpErrorKind::Refused,
            message,
            attempts: 0,
            maybe_applied: false,
        };
        let loopback = check_base_url(base).map_err(refuse)?;
        let base_url = reqwest::Url::parse(base.trim_end_matches('/'))
            .map_err(|e| refuse(format!("not a URL: {e}")))?;
        let mut builder = reqwest::blocking::Client::builder()
            .user_agent(USER_AGENT)
            .timeout(Duration::from_secs(config.timeout_secs.max(1)))
            .connect_timeout(Duration::from_secs(config.connect_timeout_secs.max(1)))
            .redirect(reqwest::redirect::Policy::none());
        if loopback {
            // A proxy from the environment must not swallow requests to this machine.
            builder = builder.no_proxy();
        }
        let client = builder
            .build()
            .map_err(|e| refuse(format!("cannot set up HTTP: {e}")))?;
        let backoff_ms = std::env::var("OMS_HTTP_BACKOFF_MS")
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(500);
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)
            ^ (u64::from(std::process::id()) << 32);
        Ok(HttpClient {
            channel: code.to_string(),
            base: base_url,
            client,
            auth: None,
            auth_header: auth.header,
            auth_prefix: auth.prefix,
            extra: Vec::new(),
            max_retries: config.max_retries,
            backoff: Duration::from_millis(backoff_ms),
            pacer: Pacer::new(pacing),
            redactor: Redactor(Vec::new()),
            jitter: seed | 1,
        })
    }

    /// Adds a header sent with every request (e.g. ShipBob's `shipbob_channel_id`).
    pub fn with_header(mut self, name: &'static str, value: &str) -> Result<Self, HttpError> {
        let value = HeaderValue::from_str(value).map_err(|_| HttpError {
            channel: self.channel.clone(),
            method: "-".into(),
            endpoint: self.base.to_string(),
            status: None,
            kind: HttpErrorKind::Refused,
            message: format!("`{value}` cannot be sent as header {name}"),
            attempts: 0,
            maybe_applied: false,
        })?;
        self.extra.push((HeaderName::from_static(name), value));
        Ok(self)
    }

    /// Puts `token` on every request from now on; it is also kept out of every message.
    pub fn set_token(&mut self, token: &Secret) -> Result<(), HttpError> {
        let mut value = HeaderValue::from_str(&format!("{}{}", self.auth_prefix, token.expose()))
            .map_err(|_| HttpError {
            channel: self.channel.clone(),
            method: "-".into(),
            endpoint: self.base.to_string(),
            status: None,
            kind: HttpErrorKind::Refused,
            message: "the token contains characters a header cannot carry".into(),
            attempts: 0,
            maybe_applied: false,
        })?;
        value.set_sensitive(true);
        self.auth = Some((HeaderName::from_static(self.auth_header), value));
        self.redact(token);
        Ok(())
    }

    /// Keeps `secret` (a client secret, say) out of every error and log line.
    pub fn redact(&mut self, secret: &Secret) {
        if !self.redactor.0.contains(secret) {
            self.redactor.0.push(secret.clone());
        }
    }

    pub fn channel(&self) -> &str {
        &self.channel
    }

    pub fn max_retries(&self) -> u32 {
        self.max_retries
    }

    /// Sleeps one backoff step before attempt `attempt + 1` of a request the caller
    /// retries itself (a create whose answer was lost and that was looked up first).
    pub fn pause(&mut self, attempt: u32) {
        let wait = self.backoff_step(attempt);
        std::thread::sleep(wait);
    }

    /// Caps the retries of the requests that follow (a connection check wants an answer
    /// soon rather than a patient one).
    pub fn set_max_retries(&mut self, retries: u32) {
        self.max_retries = retries;
    }

    pub fn get(&mut self, endpoint: &str) -> Result<Reply, HttpError> {
        self.request(Method::GET, endpoint, None, Retry::Safe)
    }

    pub fn post(
        &mut self,
        endpoint: &str,
        body: &serde_json::Value,
        retry: Retry,
    ) -> Result<Reply, HttpError> {
        self.request(Method::POST, endpoint, Some(body), retry)
    }

    /// Sends one request, retrying as `retry` allows. `endpoint` is a path relative to the
    /// base (`orders.json?status=any`), a path from the host's root (`/2026-01/order?Page=2`)
    /// or an absolute URL on the same host (a pagination link).
    pub fn request(
        &mut self,
        method: Method,
        endpoint: &str,
        body: Option<&serde_json::Value>,
        retry: Retry,
    ) -> Result<Reply, HttpError> {
        let url = self.resolve(method.as_str(), endpoint)?;
        let shown = shown_endpoint(&url);
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let wait = self.pacer.wait(Instant::now());
            if !wait.is_zero() {
                tracing::debug!(channel = %self.channel, wait_ms = wait.as_millis() as u64, "pacing under the rate limit");
                std::thread::sleep(wait);
            }
            let started = Instant::now();
            let mut req = self.client.request(method.clone(), url.clone());
            if let Some((name, value)) = &self.auth {
                req = req.header(name.clone(), value.clone());
            }
            for (name, value) in &self.extra {
                req = req.header(name.clone(), value.clone());
            }
            if let Some(body) = body {
                req = req.json(body);
            }
            let outcome = req.send().and_then(|resp| {
                let status = resp.status().as_u16();
                let headers = resp.headers().clone();
                resp.bytes().map(|b| (status, headers, b.to_vec()))
            });
            let elapsed_ms = started.elapsed().as_millis() as u64;
            let error = |kind, status, message: String, maybe_applied| HttpError {
                channel: self.channel.clone(),
                method: method.to_string(),
                endpoint: shown.clone(),
                status,
                kind,
                message: self.redactor.apply(&message),
                attempts: attempt,
                maybe_applied,
            };
            let (failure, retry_after) = match outcome {
                Ok((status, headers, body)) => {
                    self.pacer.observe(Instant::now(), &headers);
                    tracing::debug!(channel = %self.channel, method = %method, url = %shown, status, elapsed_ms, attempt, "http");
                    if (200..300).contains(&status) {
                        return Ok(Reply {
                            status,
                            headers,
                            body,
                            channel: self.channel.clone(),
                            method: method.to_string(),
                            endpoint: shown,
                            redactor: self.redactor.clone(),
                        });
                    }
                    let server_error = status >= 500 && status != 501;
                    let retryable = status == 429 || (server_error && retry == Retry::Safe);
                    let message = match headers.get("location").and_then(|v| v.to_str().ok()) {
                        // Following would hand the token to wherever the redirect points.
                        Some(to) if (300..400).contains(&status) => format!(
                            "redirects to {}; oms does not follow redirects, so point the channel's address there",
                            to.split('?').next().unwrap_or(to)
                        ),
                        _ => body_message(&body),
                    };
                    let failure = error(HttpErrorKind::Status, Some(status), message, server_error);
                    if !retryable {
                        return Err(failure);
                    }
                    (failure, retry_after(&headers))
                }
                Err(e) => {
                    let kind = if e.is_timeout() {
                        HttpErrorKind::Timeout
                    } else {
                        HttpErrorKind::Connection
                    };
                    // A connection that never opened carried nothing: always safe to retry.
                    let never_sent = e.is_connect();
                    tracing::debug!(channel = %self.channel, method = %method, url = %shown, error = %self.redactor.apply(&chain(&e)), elapsed_ms, attempt, "http");
                    let failure = error(kind, None, describe(&e), !never_sent);
                    if !(never_sent || retry == Retry::Safe) {
                        return Err(failure);
                    }
                    (failure, None)
                }
            };
            if attempt > self.max_retries {
                return Err(failure);
            }
            let wait = match retry_after {
                Some(asked) if asked > MAX_RETRY_AFTER => {
                    return Err(HttpError {
                        message: format!(
                            "the server asks to wait {}s before retrying; try again later",
                            asked.as_secs()
                        ),
                        ..failure
                    });
                }
                Some(asked) => asked,
                None => self.backoff_step(attempt),
            };
            tracing::info!(channel = %self.channel, url = %shown, attempt, wait_ms = wait.as_millis() as u64, "retrying: {failure}");
            std::thread::sleep(wait);
        }
    }

    /// The URL for `endpoint`; links are followed only on the base's own host so that the
    /// token never travels anywhere else.
    fn resolve(&self, method: &str, endpoint: &str) -> Result<reqwest::Url, HttpError> {
        let refuse = |message: String| HttpError {
            channel: self.channel.clone(),
            method: method.to_string(),
            endpoint: endpoint.to_string(),
            status: None,
            kind: HttpErrorKind::Refused,
            message,
            attempts: 0,
            maybe_applied: false,
        };
        let url = if endpoint.starts_with("http://") || endpoint.starts_with("https://") {
            let url = reqwest::Url::parse(endpoint).map_err(|e| refuse(e.to_string()))?;
            if url.origin() != self.base.origin() {
                return Err(refuse(format!(
                    "will not follow a link to another host than {}",
                    self.base.origin().ascii_serialization()
                )));
            }
            url
        } else if endpoint.starts_with('/') {
            self.base
                .join(endpoint)
                .map_err(|e| refuse(e.to_string()))?
        } else {
            let joined = format!("{}/{}", self.base.as_str().trim_end_matches('/'), endpoint);
            reqwest::Url::parse(&joined).map_err(|e| refuse(e.to_string()))?
        };
        Ok(url)
    }

    /// Exponential backoff with jitter: step n waits between half and all of base·2ⁿ⁻¹,
    /// so that several clients retrying together spread out.
    fn backoff_step(&mut self, attempt: u32) -> Duration {
        let full = self
            .backoff
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(MAX_BACKOFF);
        // xorshift64: plenty for spreading retries, no dependency for it.
        self.jitter ^= self.jitter << 13;
        self.jitter ^= self.jitter >> 7;
        self.jitter ^= self.jitter << 17;
        let fraction = (self.jitter % 1000) as f64 / 1000.0;
        full.mul_f64(0.5 + fraction / 2.0)
    }
}

/// `Retry-After` (Shopify, seconds, possibly fractional) or ShipBob's `x-retry-after`.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    ["retry-after", "x-retry-after"].iter().find_map(|name| {
        let value = headers.get(*name)?.to_str().ok()?;
        let secs: f64 = value.trim().parse().ok()?;
        (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs))
    })
}

fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "no answer within the configured timeout".into()
    } else if e.is_connect() {
        format!("cannot connect: {}", innermost(e))
    } else {
        innermost(e)
    }
}

fn innermost(e: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = e;
    while let Some(next) = source.source() {
        source = next;
    }
    source.to_string()
}

fn chain(e: &reqwest::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_reads_both_spellings() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("2.0"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(2)));
        let mut h = HeaderMap::new();
        h.insert("x-retry-after", HeaderValue::from_static("25"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(25)));
        h.insert(
            "retry-after",
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), Some(Duration::from_secs(25)));
    }
}
