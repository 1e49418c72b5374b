//! Helix's points-based rate limit: a token bucket per client (app tokens) or
//! per client and user (user tokens) that refills continuously.
//!
//! The limiter is a pure value: every method takes `now`, so tests move time
//! by hand instead of sleeping.

use std::collections::HashMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::http::HeaderValue;
use axum::response::Response;

/// Whose bucket a request spends from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum BucketKey {
    /// App access tokens share one bucket per client id.
    App { client_id: String },
    /// User access tokens share one bucket per client id and user, so every
    /// (refreshed) token of a user spends from the same bucket.
    User { client_id: String, user_id: String },
}

impl BucketKey {
    /// The key of a token issued to `client_id`, for `user_id` when it is a user token.
    pub fn new(client_id: &str, user_id: Option<&str>) -> Self {
        match user_id {
            None => BucketKey::App {
                client_id: client_id.to_owned(),
            },
            Some(user_id) => BucketKey::User {
                client_id: client_id.to_owned(),
                user_id: user_id.to_owned(),
            },
        }
    }
}

/// What the `Ratelimit-*` headers report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RateInfo {
    /// Bucket capacity.
    pub limit: u32,
    /// Whole points left.
    pub remaining: u32,
    /// Time until the bucket is full again.
    pub full_in: Duration,
}

impl RateInfo {
    /// Unix seconds (rounded up) at which the bucket is full, seen from `wall`.
    pub fn reset_unix(&self, wall: SystemTime) -> u64 {
        let Some(full_at) = wall.checked_add(self.full_in) else {
            return u64::MAX;
        };
        let since = full_at.duration_since(UNIX_EPOCH).unwrap_or_default();
        since.as_secs() + u64::from(since.subsec_nanos() > 0)
    }

    /// Sets `Ratelimit-Limit`, `Ratelimit-Remaining` and `Ratelimit-Reset`
    /// (the unix second at which the bucket is full again, as Twitch means it).
    pub fn apply(&self, response: &mut Response, wall: SystemTime) {
        let headers = response.headers_mut();
        headers.insert("ratelimit-limit", HeaderValue::from(self.limit));
        headers.insert("ratelimit-remaining", HeaderValue::from(self.remaining));
        headers.insert("ratelimit-reset", HeaderValue::from(self.reset_unix(wall)));
    }
}

/// One bucket: its level at `at`, in units of 1/`refill_nanos` point.
#[derive(Clone, Copy, Debug)]
struct Bucket {
    level: u128,
    at: Instant,
}

/// Token buckets of `capacity` points that refill at `capacity / refill`
/// points per second, continuously. A request costs one point; a bucket with
/// less than one point refuses it.
///
/// Levels are exact integers: one point is `refill` in nanoseconds units, and
/// a bucket gains `capacity` units per elapsed nanosecond.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    capacity: u32,
    refill: Duration,
    buckets: HashMap<BucketKey, Bucket>,
    /// Every bucket was emptied at this instant; buckets first seen later
    /// start from the level they have refilled to since.
    drained_at: Option<Instant>,
}

/// Shortest refill period; shorter ones (including zero) are taken as this.
const MIN_REFILL: Duration = Duration::from_millis(1);

impl RateLimiter {
    /// Full buckets of `capacity` points refilling completely in `refill`.
    pub fn new(capacity: u32, refill: Duration) -> Self {
        RateLimiter {
            capacity,
            refill: refill.max(MIN_REFILL),
            buckets: HashMap::new(),
            drained_at: None,
        }
    }

    /// Units in one point.
    fn point(&self) -> u128 {
        self.refill.as_nanos()
    }

    fn full(&self) -> u128 {
        self.point().saturating_mul(u128::from(self.capacity))
    }

    /// Units gained between `from` and `to`.
    fn gained(&self, from: Instant, to: Instant) -> u128 {
        to.saturating_duration_since(from)
            .as_nanos()
            .saturating_mul(u128::from(self.capacity))
    }

    /// The bucket of `key` as it stands at `now` (not stored).
    fn bucket(&self, key: &BucketKey, now: Instant) -> Bucket {
        let (level, at) = match (self.buckets.get(key), self.drained_at) {
            (Some(bucket), _) => (bucket.level, bucket.at),
            (None, Some(drained)) => (0, drained),
            (None, None) => (self.full(), now),
        };
        let level = level.saturating_add(self.gained(at, now)).min(self.full());
        Bucket { level, at: now }
    }

    fn info(&self, bucket: Bucket) -> RateInfo {
        let missing = self.full().saturating_sub(bucket.level);
        // capacity units per nanosecond; round up to whole nanoseconds.
        let nanos = missing.div_ceil(u128::from(self.capacity.max(1)));
        let remaining = bucket.level / self.point();
        RateInfo {
            limit: self.capacity,
            remaining: u32::try_from(remaining).unwrap_or(u32::MAX),
            full_in: Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX)),
        }
    }

    /// Spends one point of `key`'s bucket; `Err` (nothing spent) when it
    /// holds less than one point.
    pub fn take(&mut self, key: &BucketKey, now: Instant) -> Result<RateInfo, RateInfo> {
        let mut bucket = self.bucket(key, now);
        if self.capacity == 0 || bucket.level < self.point() {
            return Err(self.info(bucket));
        }
        bucket.level -= self.point();
        self.buckets.insert(key.clone(), bucket);
        Ok(self.info(bucket))
    }

    /// `key`'s bucket without spending anything.
    pub fn peek(&self, key: &BucketKey, now: Instant) -> RateInfo {
        self.info(self.bucket(key, now))
    }

    /// Empties every bucket, including ones not used yet; they refill from now.
    pub fn drain(&mut self, now: Instant) {
        self.buckets.clear();
        self.drained_at = Some(now);
    }

    /// New capacity and refill period; every bucket is full again.
    pub fn reset(&mut self, capacity: u32, refill: Duration) {
        *self = RateLimiter::new(capacity, refill);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(client_id: &str) -> BucketKey {
        BucketKey::new(client_id, None)
    }

    fn user(client_id: &str, user_id: &str) -> BucketKey {
        BucketKey::new(client_id, Some(user_id))
    }

    fn remaining(result: Result<RateInfo, RateInfo>) -> Result<u32, u32> {
        result.map(|i| i.remaining).map_err(|i| i.remaining)
    }

    #[test]
    fn spends_one_point_per_request_then_refuses() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(3, Duration::from_secs(600));
        let key = app("c");
        assert_eq!(remaining(limiter.take(&key, start)), Ok(2));
        assert_eq!(remaining(limiter.take(&key, start)), Ok(1));
        assert_eq!(remaining(limiter.take(&key, start)), Ok(0));
        let refused = limiter.take(&key, start).unwrap_err();
        assert_eq!(refused.remaining, 0);
        assert_eq!(refused.limit, 3);
        // Full again after the whole refill period.
        assert_eq!(refused.full_in, Duration::from_secs(600));
        // A refusal spends nothing.
        assert_eq!(limiter.peek(&key, start).full_in, Duration::from_secs(600));
    }

    #[test]
    fn refills_continuously() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(10, Duration::from_secs(60));
        let key = app("c");
        for _ in 0..10 {
            limiter.take(&key, start).unwrap();
        }
        assert!(limiter.take(&key, start).is_err());
        // A point trickles back every 6 s, not all at once after 60 s.
        let almost = start + Duration::from_millis(5_999);
        assert!(limiter.take(&key, almost).is_err());
        let one = start + Duration::from_secs(6);
        assert_eq!(limiter.peek(&key, one).remaining, 1);
        // After half the refill period, half the points are back.
        let half = start + Duration::from_secs(30);
        let info = limiter.peek(&key, half);
        assert_eq!(info.remaining, 5);
        assert_eq!(info.full_in, Duration::from_secs(30));
        assert_eq!(remaining(limiter.take(&key, half)), Ok(4));
        // Never more than the capacity.
        let much_later = start + Duration::from_secs(3600);
        let info = limiter.peek(&key, much_later);
        assert_eq!(info.remaining, 10);
        assert_eq!(info.full_in, Duration::ZERO);
    }

    #[test]
    fn reset_is_when_the_bucket_is_full() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(4, Duration::from_secs(8));
        let key = app("c");
        let info = limiter.take(&key, start).unwrap();
        assert_eq!(info.full_in, Duration::from_secs(2));
        let info = limiter.take(&key, start).unwrap();
        assert_eq!(info.full_in, Duration::from_secs(4));
        let wall = UNIX_EPOCH + Duration::from_millis(1_000_500);
        assert_eq!(info.reset_unix(wall), 1_005);
        let exact = UNIX_EPOCH + Duration::from_secs(1_000);
        assert_eq!(info.reset_unix(exact), 1_004);
    }

    #[test]
    fn user_tokens_of_one_user_share_a_bucket() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(2, Duration::from_secs(600));
        // Two tokens (say, before and after a refresh) of the same user.
        let first_token = BucketKey::new("c", Some("141981764"));
        let refreshed = BucketKey::new("c", Some("141981764"));
        assert_eq!(remaining(limiter.take(&first_token, start)), Ok(1));
        assert_eq!(remaining(limiter.take(&refreshed, start)), Ok(0));
        assert!(limiter.take(&first_token, start).is_err());
        // Another user, and the same user of another client, are separate.
        assert_eq!(remaining(limiter.take(&user("c", "12826"), start)), Ok(1));
        assert_eq!(
            remaining(limiter.take(&user("other", "141981764"), start)),
            Ok(1)
        );
    }

    #[test]
    fn app_bucket_is_separate_from_user_buckets() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(1, Duration::from_secs(600));
        assert_eq!(remaining(limiter.take(&app("c"), start)), Ok(0));
        assert!(limiter.take(&app("c"), start).is_err());
        assert_eq!(
            remaining(limiter.take(&user("c", "141981764"), start)),
            Ok(0)
        );
        assert!(limiter.take(&user("c", "141981764"), start).is_err());
        // Another client's app bucket is its own.
        assert_eq!(remaining(limiter.take(&app("other"), start)), Ok(0));
    }

    #[test]
    fn drain_empties_every_bucket_including_new_ones() {
        let start = Instant::now();
        let mut limiter = RateLimiter::new(4, Duration::from_secs(40));
        limiter.take(&app("c"), start).unwrap();
        limiter.drain(start);
        assert!(limiter.take(&app("c"), start).is_err());
        assert!(limiter.take(&user("c", "new"), start).is_err());
        assert_eq!(
            limiter.peek(&user("c", "new"), start).full_in,
            Duration::from_secs(40)
        );
        // They refill from the drain on.
        let later = start + Duration::from_secs(10);
        assert_eq!(remaining(limiter.take(&user("c", "new"), later)), Ok(0));
        assert_eq!(remaining(limiter.take(&app("c"), later)), Ok(0));
        limiter.reset(4, Duration::from_secs(40));
        assert_eq!(remaining(limiter.take(&app("c"), later)), Ok(3));
    }

    #[test]
    fn degenerate_settings_do_not_panic() {
        let start = Instant::now();
        let mut empty = RateLimiter::new(0, Duration::ZERO);
        let refused = empty.take(&app("c"), start).unwrap_err();
        assert_eq!((refused.limit, refused.remaining), (0, 0));
        assert_eq!(refused.full_in, Duration::ZERO);
        let mut huge = RateLimiter::new(u32::MAX, Duration::MAX);
        assert!(huge.take(&app("c"), start).is_ok());
        let far = huge.peek(&app("c"), start + Duration::from_secs(1));
        assert_eq!(far.limit, u32::MAX);
        let _ = far.reset_unix(SystemTime::now());
    }
}
