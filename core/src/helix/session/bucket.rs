//! The rate-limit bucket of one token, kept by the session so that calls are
//! held back instead of being sent into a 429.
//!
//! Twitch's bucket refills continuously; each answer says how many points are
//! left (`Ratelimit-Remaining`) and when the bucket will be full again
//! (`Ratelimit-Reset`, unix seconds, measured against the answer's `Date`).
//! From those the bucket estimates the refill rate from below: every answer
//! gives `missing points / (reset - date)`, a rate the real one is at least
//! (the `Date` is rounded down), and the bucket keeps the largest such bound.
//! Requests still in flight count as spent. Where the headers cannot be read
//! (browsers: Twitch does not expose them to CORS), the bucket is a client-side
//! budget of its own ([`Budget`]).

use crate::machine::after;
use crate::{Duration, Instant};

use super::Budget;

/// The smallest wait that is still a wait (keeps float rounding from busy loops).
const EPSILON: Duration = Duration::from_micros(1);

#[derive(Debug, Clone)]
pub(super) struct Bucket {
    limit: f64,
    /// Points at `at`, less every request sent and not yet answered.
    points: f64,
    at: Option<Instant>,
    /// Points per second that come back.
    rate: f64,
    /// Whether `rate` comes from Twitch's headers (else from the budget).
    measured: bool,
    /// Whether any answer carried the headers (else `points` is the budget's).
    from_headers: bool,
    /// Nothing is sent before this (after a 429, or an empty bucket whose rate is unknown).
    hold_until: Option<Instant>,
    in_flight: u32,
}

impl Bucket {
    pub(super) fn new(budget: Budget) -> Bucket {
        let limit = f64::from(budget.points.max(1));
        let secs = budget.per.as_secs_f64();
        Bucket {
            limit,
            points: limit,
            at: None,
            rate: if secs > 0.0 { limit / secs } else { limit },
            measured: false,
            from_headers: false,
            hold_until: None,
            in_flight: 0,
        }
    }

    fn refill(&mut self, now: Instant) {
        match self.at {
            Some(at) if now > at => {
                let gained = self.rate * (now - at).as_secs_f64();
                self.points = (self.points + gained).min(self.limit);
                self.at = Some(now);
            }
            None => self.at = Some(now),
            _ => {}
        }
    }

    /// Whether one more request may go out now.
    pub(super) fn can_send(&mut self, now: Instant) -> bool {
        if let Some(hold) = self.hold_until {
            if now < hold {
                return false;
            }
            // the reset has come: the bucket is full again
            self.hold_until = None;
            self.points = self.limit - f64::from(self.in_flight);
            self.at = Some(now);
        }
        self.refill(now);
        self.points >= 1.0 + self.reserve()
    }

    /// Points kept back once Twitch's headers are known, for what the
    /// estimate cannot see (requests reaching Twitch in another order than
    /// they were sent, the one-second resolution of `Date`). Small buckets
    /// keep none.
    fn reserve(&self) -> f64 {
        if self.from_headers && self.limit >= 10.0 {
            1.0
        } else {
            0.0
        }
    }

    pub(super) fn on_send(&mut self, now: Instant) {
        self.refill(now);
        self.points -= 1.0;
        self.in_flight += 1;
    }

    /// A request ended without an answer.
    pub(super) fn on_lost(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
    }

    /// An answer arrived: `headers` is (limit, remaining, reset) when it carried
    /// the `Ratelimit-*` headers, `server_now` the answer's `Date` in unix seconds.
    pub(super) fn on_answer(
        &mut self,
        now: Instant,
        headers: Option<(u32, u32, u64)>,
        server_now: Option<u64>,
    ) {
        self.in_flight = self.in_flight.saturating_sub(1);
        let Some((limit, remaining, reset)) = headers else {
            return;
        };
        let limit = f64::from(limit.max(1));
        let remaining = f64::from(remaining).min(limit);
        let until_full = server_now
            .and_then(|date| reset.checked_sub(date))
            .filter(|s| *s > 0);
        if let Some(secs) = until_full {
            if remaining < limit {
                let bound = (limit - remaining) / secs as f64;
                self.rate = if self.measured {
                    self.rate.max(bound)
                } else {
                    bound
                };
                self.measured = true;
            }
        }
        // What Twitch reports, less every request it may not have seen yet.
        // Requests reach Twitch in another order than they were sent, and
        // answers overtake each other, so no single report is known to be the
        // newest: a report only ever lowers the estimate, which otherwise
        // refills at the measured rate (a lower bound of the real one).
        let reported = remaining - f64::from(self.in_flight);
        self.refill(now);
        self.points = if self.from_headers {
            self.points.min(reported)
        } else {
            reported
        };
        self.from_headers = true;
        tracing::trace!(target: "twitchapi::helix", remaining, in_flight = self.in_flight,
            points = self.points, rate = self.rate, "rate-limit bucket");
        self.limit = limit;
        self.at = Some(now);
        if remaining < 1.0 && !self.measured {
            let wait = Duration::from_secs(until_full.unwrap_or(1));
            self.hold(now, wait);
        }
    }

    /// Twitch answered 429: nothing goes out for `wait`.
    pub(super) fn hold(&mut self, now: Instant, wait: Duration) {
        self.points = self.points.min(0.0);
        self.hold_until = after(now, wait).or(self.hold_until);
    }

    /// When the next request may go out, if it may not go out now.
    pub(super) fn ready_at(&self) -> Option<Instant> {
        if let Some(hold) = self.hold_until {
            return Some(hold);
        }
        let needed = 1.0 + self.reserve();
        if self.points >= needed {
            return None;
        }
        let at = self.at?;
        let secs = if self.rate > 0.0 {
            (needed - self.points) / self.rate
        } else {
            1.0
        };
        let wait = Duration::try_from_secs_f64(secs).unwrap_or(Duration::from_secs(3600));
        after(at, wait.max(EPSILON))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(points: u32, secs: u64) -> Budget {
        Budget {
            points,
            per: Duration::from_secs(secs),
        }
    }

    #[test]
    fn budget_spends_and_refills_continuously() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(10, 10));
        for _ in 0..10 {
            assert!(b.can_send(t0));
            b.on_send(t0);
        }
        assert!(!b.can_send(t0));
        let ready = b.ready_at().unwrap();
        assert!(ready > t0 && ready <= t0 + Duration::from_millis(1001));
        assert!(b.can_send(t0 + Duration::from_secs(1)));
    }

    #[test]
    fn headers_replace_the_budget_and_estimate_the_rate() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        b.on_send(t0);
        // 100-point bucket, 50 left, full again in 5 s: at least 10 points per second
        b.on_answer(t0, Some((100, 50, 1_005)), Some(1_000));
        assert!(b.can_send(t0));
        // one point stays in reserve
        for _ in 0..49 {
            b.on_send(t0);
        }
        assert!(!b.can_send(t0));
        let ready = b.ready_at().unwrap();
        assert!(
            ready >= t0 + Duration::from_millis(99) && ready <= t0 + Duration::from_millis(101)
        );
    }

    #[test]
    fn a_report_of_more_points_arriving_later_does_not_raise_the_estimate() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        for _ in 0..3 {
            b.on_send(t0);
        }
        // the answer reporting 7 left comes first
        b.on_answer(t0, Some((10, 7, 1_003)), Some(1_000));
        // the other two report more points, but they are older news
        b.on_answer(t0, Some((10, 9, 1_001)), Some(1_000));
        b.on_answer(t0, Some((10, 8, 1_002)), Some(1_000));
        // 7 left by the newest report, less the two requests still out when it
        // came (counted as unseen, to be safe), less the reserve of one; the
        // older reports of 9 and 8 must not raise that
        let sends = (0..20)
            .take_while(|_| {
                let ok = b.can_send(t0);
                if ok {
                    b.on_send(t0);
                }
                ok
            })
            .count();
        assert_eq!(sends, 4, "the stale answers raised the estimate");
    }

    #[test]
    fn empty_bucket_with_unknown_rate_waits_for_the_reset() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        b.on_send(t0);
        b.on_answer(t0, Some((100, 0, 1_003)), None);
        assert_eq!(b.ready_at(), Some(t0 + Duration::from_secs(1)));
        let mut b = Bucket::new(budget(800, 60));
        b.on_send(t0);
        b.on_answer(t0, Some((5, 0, 1_003)), Some(1_000));
        // the rate is measured (5 points in 3 s) and paces the next send
        let ready = b.ready_at().unwrap();
        assert!(ready > t0 && ready <= t0 + Duration::from_millis(601));
    }

    #[test]
    fn hold_blocks_until_its_end_then_the_bucket_is_full() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(3, 60));
        b.hold(t0, Duration::from_secs(3));
        assert!(!b.can_send(t0 + Duration::from_millis(2999)));
        assert_eq!(b.ready_at(), Some(t0 + Duration::from_secs(3)));
        assert!(b.can_send(t0 + Duration::from_secs(3)));
        assert_eq!(b.ready_at(), None);
    }
}
