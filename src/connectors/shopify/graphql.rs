//! The one way oms talks to Shopify: `POST /admin/api/{api_version}/graphql.json`.
//!
//! It owns the access token (a legacy `shpat_` token from config, or one fetched with the
//! client-credentials grant, kept in memory for the run and fetched again on 401 or when
//! it expires), the calculated-cost rate limit (`extensions.cost.throttleStatus`: wait
//! before a query the bucket cannot pay for, and wait out `THROTTLED`), and turns
//! top-level GraphQL `errors` into errors naming the operation.

use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::config::Secret;
use crate::connectors::http::{HttpClient, HttpError, HttpErrorKind, Reply, Retry};

/// Times a `THROTTLED` answer is waited out before the run gives up.
const MAX_THROTTLED: u32 = 10;
/// What a query is assumed to cost before Shopify has said (a page of orders is ~250).
const DEFAULT_COST: f64 = 100.0;
/// A fetched token is renewed this long before Shopify says it expires.
const EXPIRY_MARGIN: Duration = Duration::from_secs(60);
/// Longest wait for the bucket to refill that oms sits through.
const MAX_THROTTLE_WAIT: Duration = Duration::from_secs(60);

/// How oms proves who it is to the shop.
pub(super) enum Credentials {
    /// An admin-created custom app's token (`shpat_…`), valid until revoked.
    Token,
    /// A Dev Dashboard app: client id + secret exchanged for a short-lived token.
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
        /// When the current token should be renewed; None before the first grant.
        renew_at: Option<Instant>,
    },
}

impl Credentials {
    pub(super) fn kind(&self) -> &'static str {
        match self {
            Credentials::Token => "access token (admin-created custom app)",
            Credentials::ClientCredentials { .. } => "client credentials (Dev Dashboard app)",
        }
    }
}

/// The points bucket as Shopify last reported it.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleStatus {
    pub maximum_available: f64,
    pub currently_available: f64,
    pub restore_rate: f64,
}

#[derive(Debug, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Cost {
    requested_query_cost: Option<f64>,
    throttle_status: Option<ThrottleStatus>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Extensions {
    cost: Option<Cost>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct GqlError {
    message: String,
    extensions: Option<ErrorExtensions>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ErrorExtensions {
    code: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Envelope<T> {
    data: Option<T>,
    #[serde(default)]
    errors: Vec<GqlError>,
    #[serde(default)]
    extensions: Extensions,
}

#[derive(Debug, Deserialize)]
struct Grant {
    access_token: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    expires_in: Option<u64>,
}

pub(super) struct Gql {
    pub(super) http: HttpClient,
    pub(super) credentials: Credentials,
    /// Scopes the grant answered with (client credentials only).
    pub(super) granted_scopes: Option<String>,
    bucket: Option<(ThrottleStatus, Instant)>,
    /// The cost of the last query of each kind is a good guess for the next one.
    last_cost: f64,
}

impl Gql {
    pub(super) fn new(http: HttpClient, credentials: Credentials) -> Gql {
        Gql {
            http,
            credentials,
            granted_scopes: None,
            bucket: None,
            last_cost: DEFAULT_COST,
        }
    }

    /// Runs one query or mutation and returns its `data` as `T`. Writes pass
    /// `Retry::Unsafe`: a lost answer is then the caller's to look up.
    pub(super) fn run<T: serde::de::DeserializeOwned>(
        &mut self,
        operation: &str,
        document: &str,
        variables: Value,
        retry: Retry,
    ) -> Result<T, HttpError> {
        self.run_keeping(operation, document, variables, retry)
            .map(|(data, _)| data)
    }

    /// [`Gql::run`], also handing back the raw answer: a page reader can take what it
    /// needs to ask for the next page (`T`) and leave the full parse to another thread.
    pub(super) fn run_keeping<T: serde::de::DeserializeOwned>(
        &mut self,
        operation: &str,
        document: &str,
        variables: Value,
        retry: Retry,
    ) -> Result<(T, Reply), HttpError> {
        let body = json!({ "query": document, "variables": variables });
        let mut throttled = 0;
        let mut refreshed = false;
        loop {
            self.ensure_token()?;
            let wait = self.bucket_wait(Instant::now());
            if !wait.is_zero() {
                tracing::debug!(channel = %self.http.channel(), wait_ms = wait.as_millis() as u64, "waiting for Shopify's cost bucket");
                std::thread::sleep(wait);
            }
            let reply = match self.http.post("graphql.json", &body, retry) {
                Err(e) if e.status == Some(401) && !refreshed && self.can_refresh() => {
                    // The token expired early or was revoked: one new grant, then again.
                    refreshed = true;
                    self.expire_token();
                    continue;
                }
                other => other?,
            };
            let envelope: Envelope<T> = reply.json()?;
            if let Some(cost) = &envelope.extensions.cost {
                if let Some(status) = cost.throttle_status {
                    self.bucket = Some((status, Instant::now()));
                }
                if let Some(requested) = cost.requested_query_cost {
                    self.last_cost = requested;
                }
            }
            let is_throttled = envelope.errors.iter().any(|e| {
                e.extensions.as_ref().and_then(|x| x.code.as_deref()) == Some("THROTTLED")
                    || e.message.eq_ignore_ascii_case("throttled")
            });
            if is_throttled {
                throttled += 1;
                if throttled > MAX_THROTTLED {
                    return Err(self.error(
                        operation,
                        "still throttled after waiting; try again later".into(),
                    ));
                }
                // A throttled query cost nothing; the bucket must hold its full price.
                let wait = self
                    .bucket_wait(Instant::now())
                    .max(Duration::from_millis(1));
                tracing::info!(channel = %self.http.channel(), operation, wait_ms = wait.as_millis() as u64, "throttled by Shopify; waiting");
                std::thread::sleep(wait);
                continue;
            }
            if !envelope.errors.is_empty() {
                let text: Vec<&str> = envelope.errors.iter().map(|e| e.message.as_str()).collect();
                let access = envelope.errors.iter().any(|e| {
                    e.extensions.as_ref().and_then(|x| x.code.as_deref()) == Some("ACCESS_DENIED")
                });
                let mut err = self.error(operation, text.join("; "));
                if access {
                    err.kind = HttpErrorKind::Status;
                    err.status = Some(403);
                }
                return Err(err);
            }
            return match envelope.data {
                Some(data) => Ok((data, reply)),
                None => Err(self.error(operation, "the answer has no `data`".into())),
            };
        }
    }

    fn error(&self, operation: &str, message: String) -> HttpError {
        HttpError {
            channel: self.http.channel().to_string(),
            method: "POST".into(),
            endpoint: format!("graphql.json {operation}"),
            status: None,
            kind: HttpErrorKind::Malformed,
            message,
            attempts: 1,
            maybe_applied: false,
        }
    }

    fn can_refresh(&self) -> bool {
        matches!(self.credentials, Credentials::ClientCredentials { .. })
    }

    fn expire_token(&mut self) {
        if let Credentials::ClientCredentials { renew_at, .. } = &mut self.credentials {
            *renew_at = None;
        }
    }

    /// Fetches a token with the client-credentials grant when there is none yet or it is
    /// about to expire. The token goes to the client's header and nowhere else.
    fn ensure_token(&mut self) -> Result<(), HttpError> {
        let Credentials::ClientCredentials {
            client_id,
            client_secret,
            renew_at,
        } = &mut self.credentials
        else {
            return Ok(());
        };
        if renew_at.is_some_and(|at| Instant::now() < at) {
            return Ok(());
        }
        self.http.redact(client_secret);
        let body = json!({
            "client_id": client_id,
            "client_secret": client_secret.expose(),
            "grant_type": "client_credentials",
        });
        // Asking for a token twice only yields two tokens, so a lost answer is retried.
        let reply = self
            .http
            .post("/admin/oauth/access_token", &body, Retry::Safe)?;
        let grant: Grant = reply.json()?;
        let token = Secret::new(grant.access_token);
        self.http.set_token(&token)?;
        let lifetime = Duration::from_secs(grant.expires_in.unwrap_or(86_399));
        *renew_at = Some(Instant::now() + lifetime.saturating_sub(EXPIRY_MARGIN));
        self.granted_scopes = grant.scope;
        Ok(())
    }

    fn bucket_wait(&self, now: Instant) -> Duration {
        match self.bucket {
            Some((status, at)) => {
                throttle_wait(status, now.saturating_duration_since(at), self.last_cost)
            }
            None => Duration::ZERO,
        }
    }
}

/// How long until the bucket, last seen `elapsed` ago at `status`, holds `cost` points.
pub fn throttle_wait(status: ThrottleStatus, elapsed: Duration, cost: f64) -> Duration {
    if status.restore_rate <= 0.0 {
        return Duration::ZERO;
    }
    let cost = cost.min(status.maximum_available);
    let now = (status.currently_available + elapsed.as_secs_f64() * status.restore_rate)
        .min(status.maximum_available);
    if now >= cost {
        Duration::ZERO
    } else {
        Duration::from_secs_f64((cost - now) / status.restore_rate).min(MAX_THROTTLE_WAIT)
    }
}

/// The numeric id at the end of a Shopify global id (`gid://shopify/Order/123` → `123`);
/// oms keeps these, so orders imported before the move to GraphQL still match.
pub fn legacy_id(gid: &str) -> &str {
    gid.rsplit('/').next().unwrap_or(gid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bucket_is_waited_for_only_when_it_cannot_pay() {
        let s = ThrottleStatus {
            maximum_available: 2000.0,
            currently_available: 50.0,
            restore_rate: 100.0,
        };
        assert_eq!(
            throttle_wait(s, Duration::ZERO, 250.0),
            Duration::from_secs(2)
        );
        assert_eq!(
            throttle_wait(s, Duration::from_secs(2), 250.0),
            Duration::ZERO
        );
        assert_eq!(throttle_wait(s, Duration::ZERO, 40.0), Duration::ZERO);
        let empty = ThrottleStatus {
            restore_rate: 0.0,
            ..s
        };
        assert_eq!(throttle_wait(empty, Duration::ZERO, 250.0), Duration::ZERO);
    }

    #[test]
    fn global_ids_end_in_the_legacy_id() {
        assert_eq!(legacy_id("gid://shopify/Order/450789469"), "450789469");
        assert_eq!(legacy_id("450789469"), "450789469");
    }
}
