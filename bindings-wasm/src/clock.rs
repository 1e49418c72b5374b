//! The caller's clock, for the machines JavaScript drives itself: times go
//! in and out as milliseconds on whatever clock the caller keeps
//! (`performance.now()`, `Date.now()`, or a virtual clock of a test that
//! starts at 0), never read from the host.

use twitchapi_core::{Duration, Instant};

/// Maps the caller's milliseconds to the core's [`Instant`]s and back: the
/// `now` a machine was made at is its epoch. Times before the epoch count as
/// the epoch, so a clock that jumps back cannot move a machine backwards
/// past its start.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    epoch: Instant,
    origin: f64,
}

impl Clock {
    /// A clock whose `origin` milliseconds are now.
    ///
    /// ```
    /// use twitchapi_wasm::clock::Clock;
    /// let clock = Clock::new(1000.0);
    /// let later = clock.at(3500.0);
    /// assert_eq!(clock.ms(later), 3500.0);
    /// assert_eq!(later - clock.at(1000.0), twitchapi_core::Duration::from_millis(2500));
    /// ```
    pub fn new(origin: f64) -> Clock {
        let origin = if origin.is_finite() { origin } else { 0.0 };
        Clock {
            epoch: Instant::now(),
            origin,
        }
    }

    /// The instant of the caller's `ms` (not finite: the epoch).
    pub fn at(&self, ms: f64) -> Instant {
        let since = ms - self.origin;
        if since.is_finite() && since > 0.0 {
            // microseconds: enough for any timer, exact for whole milliseconds
            self.epoch + Duration::from_micros((since * 1000.0).round() as u64)
        } else {
            self.epoch
        }
    }

    /// The caller's milliseconds of `at`.
    pub fn ms(&self, at: Instant) -> f64 {
        self.origin + at.saturating_duration_since(self.epoch).as_micros() as f64 / 1000.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_clamps() {
        let clock = Clock::new(0.0);
        for ms in [0.0, 1.0, 10_000.0, 86_400_000.0, 0.25] {
            assert_eq!(clock.ms(clock.at(ms)), ms);
        }
        assert_eq!(clock.at(-5.0), clock.at(0.0));
        assert_eq!(clock.at(f64::NAN), clock.at(0.0));
        assert_eq!(clock.at(f64::INFINITY), clock.at(0.0));
        let late = Clock::new(f64::NAN);
        assert_eq!(late.ms(late.at(7.0)), 7.0);
    }
}
