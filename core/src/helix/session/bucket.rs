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
    /// Requests answered or lost so far.
    ended: u64,
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
            ended: 0,
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

    /// A request goes out. Returns the count of requests ended so far, to
    /// hand back with its answer ([`Bucket::on_answer`]).
    pub(super) fn on_send(&mut self, now: Instant) -> u64 {
        self.refill(now);
        self.points -= 1.0;
        self.in_flight += 1;
        self.ended
    }

    /// A request ended without an answer (Twitch may have counted it).
    pub(super) fn on_lost(&mut self) {
        self.in_flight = self.in_flight.saturating_sub(1);
        self.ended += 1;
    }

    /// An answer arrived: `headers` is (limit, remaining, reset) when it carried
    /// the `Ratelimit-*` headers, `server_now` the answer's `Date` in unix seconds.
    pub(super) fn on_answer(
        &mut self,
        now: Instant,
        ended_at_send: u64,
        headers: Option<(u32, u32, u64)>,
        server_now: Option<u64>,
    ) {
        self.in_flight = self.in_flight.saturating_sub(1);
        let ended_since_send = self.ended.saturating_sub(ended_at_send);
        self.ended += 1;
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
        // A floor under what Twitch has now: what it reported, less every
        // request it may have counted after this one. Requests reach Twitch in
        // another order than they were sent and answers overtake each other, so
        // that is every request still out, and every one that ended after this
        // one was sent. The running estimate is such a floor too (spent on
        // each send, refilled at a rate no higher than the real one): keep the
        // higher of the two.
        let floor = remaining - f64::from(self.in_flight) - ended_since_send as f64;
        self.refill(now);
        self.points = if self.from_headers {
            self.points.max(floor).min(limit)
        } else {
            floor
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
        let sent = b.on_send(t0);
        // 100-point bucket, 50 left, full again in 5 s: at least 10 points per second
        b.on_answer(t0, sent, Some((100, 50, 1_005)), Some(1_000));
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
    fn reports_out_of_order_never_overstate_what_is_left() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        let sent: Vec<u64> = (0..3).map(|_| b.on_send(t0)).collect();
        // Twitch counted the three in another order: the last one it counted
        // reports 7 left; its answer comes first, the others' after it
        b.on_answer(t0, sent[2], Some((10, 7, 1_003)), Some(1_000));
        b.on_answer(t0, sent[0], Some((10, 9, 1_001)), Some(1_000));
        b.on_answer(t0, sent[1], Some((10, 8, 1_002)), Some(1_000));
        // 7 are left; one stays in reserve
        let mut sends = 0;
        while sends < 20 && b.can_send(t0) {
            b.on_send(t0);
            sends += 1;
        }
        assert_eq!(sends, 6);
    }

    #[test]
    fn a_report_raises_the_estimate_when_nothing_else_is_out() {
        // light traffic: Twitch refills faster than the rate measured so far
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        for _ in 0..900 {
            let sent = b.on_send(t0);
            b.on_answer(t0, sent, Some((800, 799, 1_001)), Some(1_000));
            assert!(b.can_send(t0), "held back although Twitch reports 799 left");
        }
    }

    #[test]
    fn a_stale_report_arriving_late_is_discounted() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        let early = b.on_send(t0);
        let late = b.on_send(t0);
        // Twitch counted `early` last: 2 left; then the answer to `late`, counted
        // first, reports 3 left but comes after the other ended
        b.on_answer(t0, early, Some((10, 2, 1_008)), Some(1_000));
        b.on_answer(t0, late, Some((10, 3, 1_007)), Some(1_000));
        let mut sends = 0;
        while sends < 20 && b.can_send(t0) {
            b.on_send(t0);
            sends += 1;
        }
        assert_eq!(sends, 1, "2 left, one in reserve");
    }

    #[test]
    fn empty_bucket_with_unknown_rate_waits_for_the_reset() {
        let t0 = Instant::now();
        let mut b = Bucket::new(budget(800, 60));
        let sent = b.on_send(t0);
        b.on_answer(t0, sent, Some((100, 0, 1_003)), None);
        assert_eq!(b.ready_at(), Some(t0 + Duration::from_secs(1)));
        let mut b = Bucket::new(budget(800, 60));
        let sent = b.on_send(t0);
        b.on_answer(t0, sent, Some((5, 0, 1_003)), Some(1_000));
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
