//! Points-based rate limiting with fixed refill windows, as Helix does it.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::HeaderValue;
use axum::response::Response;

/// What the `Ratelimit-*` headers report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RateInfo {
    pub limit: u32,
    pub remaining: u32,
    /// Unix seconds of the next refill (rounded up).
    pub reset: u64,
}

impl RateInfo {
    /// Sets `Ratelimit-Limit`, `Ratelimit-Remaining` and `Ratelimit-Reset`.
    pub fn apply(&self, response: &mut Response) {
        let headers = response.headers_mut();
        headers.insert("ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("ratelimit-reset", HeaderValue::from(self.reset));
    }
}

/// Buckets keyed by (client id, token); every bucket refills fully at each
/// window boundary (`origin + k * refill`).
#[derive(Debug)]
pub(crate) struct RateLimiter {
    bucket: u32,
    refill: Duration,
    origin: Instant,
    /// key -> (window index of the last use, points left in that window)
    buckets: HashMap<(String, String), (u64, u32)>,
    /// Buckets first touched in this window start empty.
    drained_window: Option<u64>,
}

impl RateLimiter {
    pub fn new(bucket: u32, refill: Duration, now: Instant) -> Self {
        RateLimiter {
            bucket,
            refill: refill.max(Duration::from_millis(1)),
            origin: now,
            buckets: HashMap::new(),
            drained_window: None,
        }
    }

    fn window(&self, now: Instant) -> u64 {
        let elapsed = now.saturating_duration_since(self.origin).as_nanos();
        (elapsed / self.refill.as_nanos()) as u64
    }

    fn reset_unix(&self, window: u64, now: Instant) -> u64 {
        let nanos = self
            .refill
            .as_nanos()
            .saturating_mul(u128::from(window) + 1);
        let offset = Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX));
        let wait = match self.origin.checked_add(offset) {
            Some(next) => next.saturating_duration_since(now),
            None => Duration::ZERO,
        };
        let at = SystemTime::now() + wait;
        let since = at.duration_since(UNIX_EPOCH).unwrap_or_default();
        since.as_secs() + u64::from(since.subsec_nanos() > 0)
    }

    fn full(&self, window: u64) -> u32 {
        if self.drained_window == Some(window) {
            0
        } else {
            self.bucket
        }
    }

    fn left(&self, key: &(String, String), window: u64) -> u32 {
        match self.buckets.get(key) {
            Some(&(w, left)) if w == window => left,
            _ => self.full(window),
        }
    }

    /// Spends one point; `Err` when the bucket is empty.
    pub fn take(
        &mut self,
        client_id: &str,
        token: &str,
        now: Instant,
    ) -> Result<RateInfo, RateInfo> {
        let window = self.window(now);
        let key = (client_id.to_owned(), token.to_owned());
        let left = self.left(&key, window);
        let reset = self.reset_unix(window, now);
        if left == 0 {
            self.buckets.insert(key, (window, 0));
            return Err(RateInfo {
                limit: self.bucket,
                remaining: 0,
                reset,
            });
        }
        self.buckets.insert(key, (window, left - 1));
        Ok(RateInfo {
            limit: self.bucket,
            remaining: left - 1,
            reset,
        })
    }

    /// The bucket's state without spending anything.
    pub fn peek(&self, client_id: &str, token: &str, now: Instant) -> RateInfo {
        let window = self.window(now);
        let key = (client_id.to_owned(), token.to_owned());
        RateInfo {
            limit: self.bucket,
            remaining: self.left(&key, window),
            reset: self.reset_unix(window, now),
        }
    }

    /// Empties every bucket until the next window boundary.
    pub fn drain(&mut self, now: Instant) {
        let window = self.window(now);
        self.drained_window = Some(window);
        for value in self.buckets.values_mut() {
            *value = (window, 0);
        }
    }

    /// New size and window; every bucket is full again now.
    pub fn reset(&mut self, bucket: u32, refill: Duration, now: Instant) {
        *self = RateLimiter::new(bucket, refill, now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spends_and_refills() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(2, Duration::from_secs(10), start);
        assert_eq!(limiter.take("c", "t", start).map(|i| i.remaining), Ok(1));
        assert_eq!(limiter.take("c", "t", start).map(|i| i.remaining), Ok(0));
        assert!(limiter.take("c", "t", start).is_err());
        assert_eq!(limiter.peek("c", "other", start).remaining, 2);
        let later = start + Duration::from_secs(10);
        assert_eq!(limiter.take("c", "t", later).map(|i| i.remaining), Ok(1));
    }

    #[test]
    fn drain_empties_new_buckets_too() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(5, Duration::from_secs(10), start);
        limiter.drain(start);
        assert!(limiter.take("c", "new", start).is_err());
        let later = start + Duration::from_secs(11);
        assert!(limiter.take("c", "new", later).is_ok());
    }
}
