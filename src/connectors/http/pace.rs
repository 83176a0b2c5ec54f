//! Staying under each API's documented rate limit, so that a long run slows itself down
//! instead of collecting 429s. Pure bookkeeping over `Instant`s: the client sleeps for
//! whatever [`Pacer::wait`] says, which keeps these rules testable without sleeping.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use reqwest::header::HeaderMap;

/// How a channel's API limits requests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pacing {
    /// No documented limit: send as fast as answers come.
    None,
    /// Shopify's leaky bucket, reported in `X-Shopify-Shop-Api-Call-Limit: used/size`.
    /// The bucket drains at size/20 requests a second (2/s for 40, 4/s for Plus's 80).
    ShopifyBucket,
    /// A sliding window of `n` requests a minute (ShipBob: 150), also told by
    /// `x-remaining-calls` / `X-RateLimit-Remaining`.
    PerMinute(u32),
}

/// Share of Shopify's bucket oms leaves to other apps of the same shop.
const BUCKET_HEADROOM: f64 = 0.2;

#[derive(Debug)]
pub struct Pacer {
    pacing: Pacing,
    /// Shopify: (used, size) as last reported, and when.
    bucket: Option<(f64, f64, Instant)>,
    /// Sliding window: when each recent request was sent, oldest first.
    sent: VecDeque<Instant>,
    /// Sliding window: the server said no calls remain; hold until then.
    hold_until: Option<Instant>,
}

impl Pacer {
    pub fn new(pacing: Pacing) -> Pacer {
        Pacer {
            pacing,
            bucket: None,
            sent: VecDeque::new(),
            hold_until: None,
        }
    }

    /// How long to wait before sending a request at `now`; records the request as sent
    /// at `now + wait`.
    pub fn wait(&mut self, now: Instant) -> Duration {
        let wait = match self.pacing {
            Pacing::None => Duration::ZERO,
            Pacing::ShopifyBucket => self.bucket_wait(now),
            Pacing::PerMinute(limit) => self.window_wait(now, limit),
        };
        if let Pacing::PerMinute(_) = self.pacing {
            self.sent.push_back(now + wait);
        }
        wait
    }

    /// Learns the server's view of the limit from an answer's headers.
    pub fn observe(&mut self, now: Instant, headers: &HeaderMap) {
        match self.pacing {
            Pacing::None => {}
            Pacing::ShopifyBucket => {
                let reported = header(headers, "x-shopify-shop-api-call-limit").and_then(|v| {
                    let (used, size) = v.split_once('/')?;
                    Some((used.trim().parse().ok()?, size.trim().parse().ok()?))
                });
                if let Some((used, size)) = reported.filter(|(_, size): &(f64, f64)| *size > 0.0) {
                    self.bucket = Some((used, size, now));
                }
            }
            Pacing::PerMinute(_) => {
                let remaining = header(headers, "x-remaining-calls")
                    .or_else(|| header(headers, "x-ratelimit-remaining"))
                    .and_then(|v| v.trim().parse::<i64>().ok());
                if remaining.is_some_and(|r| r <= 0) {
                    // Other apps share the budget, so our own log cannot say when a call
                    // frees up: the server's hint if it gave one, else a second, after
                    // which a 429 would carry the exact wait.
                    let hint = ["x-retry-after", "retry-after"]
                        .iter()
                        .find_map(|h| header(headers, h)?.trim().parse::<f64>().ok())
                        .filter(|s| s.is_finite() && *s >= 0.0)
                        .map(Duration::from_secs_f64);
                    self.hold_until = Some(now + hint.unwrap_or(Duration::from_secs(1)));
                }
            }
        }
    }

    fn bucket_wait(&self, now: Instant) -> Duration {
        let Some((used, size, at)) = self.bucket else {
            return Duration::ZERO;
        };
        let leak = size / 20.0;
        let level = (used - now.saturating_duration_since(at).as_secs_f64() * leak).max(0.0);
        let allowed = size * (1.0 - BUCKET_HEADROOM);
        if level + 1.0 <= allowed {
            Duration::ZERO
        } else {
            Duration::from_secs_f64((level + 1.0 - allowed) / leak)
        }
    }

    fn window_wait(&mut self, now: Instant, limit: u32) -> Duration {
        let window = Duration::from_secs(60);
        while self
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= window)
        {
            self.sent.pop_front();
        }
        let mut until = now;
        if self.sent.len() >= limit as usize {
            let nth = self.sent.len() - limit as usize;
            until = until.max(self.sent[nth] + window);
        }
        if let Some(hold) = self.hold_until.take().filter(|h| *h > now) {
            until = until.max(hold);
        }
        until - now
    }
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(name: &'static str, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn shopify_bucket_waits_only_when_nearly_full() {
        let t0 = Instant::now();
        let mut p = Pacer::new(Pacing::ShopifyBucket);
        assert_eq!(p.wait(t0), Duration::ZERO, "nothing known yet");
        p.observe(t0, &headers("X-Shopify-Shop-Api-Call-Limit", "10/40"));
        assert_eq!(p.wait(t0), Duration::ZERO);
        p.observe(t0, &headers("X-Shopify-Shop-Api-Call-Limit", "39/40"));
        // 39 + 1 = 40 against 32 allowed: 8 requests to drain at 2/s.
        assert_eq!(p.wait(t0), Duration::from_secs(4));
        assert_eq!(p.wait(t0 + Duration::from_secs(4)), Duration::ZERO);
        p.observe(t0, &headers("X-Shopify-Shop-Api-Call-Limit", "80/80"));
        assert_eq!(
            p.wait(t0),
            Duration::from_secs_f64(17.0 / 4.0),
            "Plus drains at 4/s"
        );
    }

    #[test]
    fn per_minute_window_holds_the_151st_request() {
        let t0 = Instant::now();
        let mut p = Pacer::new(Pacing::PerMinute(150));
        for i in 0..150 {
            assert_eq!(p.wait(t0 + Duration::from_millis(i)), Duration::ZERO);
        }
        let at = t0 + Duration::from_secs(10);
        assert_eq!(p.wait(at), Duration::from_secs(50));
        let later = t0 + Duration::from_secs(61);
        assert_eq!(p.wait(later), Duration::ZERO, "the window has moved on");
    }

    #[test]
    fn no_remaining_calls_holds_the_next_request() {
        let t0 = Instant::now();
        let mut p = Pacer::new(Pacing::PerMinute(150));
        assert_eq!(p.wait(t0), Duration::ZERO);
        p.observe(t0, &headers("x-remaining-calls", "0"));
        assert_eq!(
            p.wait(t0),
            Duration::from_secs(1),
            "a second without a hint"
        );
        let mut hinted = headers("x-remaining-calls", "0");
        hinted.insert("x-retry-after", HeaderValue::from_static("25"));
        p.observe(t0, &hinted);
        assert_eq!(p.wait(t0 + Duration::from_secs(5)), Duration::from_secs(20));
        assert_eq!(p.wait(t0 + Duration::from_secs(26)), Duration::ZERO);
    }
}
