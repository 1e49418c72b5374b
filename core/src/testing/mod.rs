//! A deterministic test harness for the protocol machines (crate feature
//! `testing`): a [`VirtualClock`], a scripted HTTP peer standing in for
//! Helix and OAuth ([`FakePeer`]), and [`drive`], which connects a machine to
//! the peer and steps both until nothing is left to do, jumping the clock from
//! one due time to the next. No sockets, no sleeping: a test of a one-minute
//! rate-limit wait runs in microseconds and gives the same result every time.
//!
//! Your own bot's protocol handling can be tested the same way:
//!
//! ```
//! use twitchapi_core::auth::OAuth;
//! use twitchapi_core::helix::{users::GetUsers, Event, Helix, Session, SessionConfig};
//! use twitchapi_core::testing::{drive, FakePeer, Reply, VirtualClock};
//! use twitchapi_core::{Duration, Secret};
//!
//! let mut clock = VirtualClock::new();
//! let mut peer = FakePeer::new();
//! // the first answer is a 429 whose reset is 3 s after the answer's Date
//! peer.once("GET", "/helix/users", Reply::json(429, r#"{"message":"Too Many Requests"}"#)
//!     .header("Date", "Sun, 06 Nov 1994 08:49:37 GMT")
//!     .header("Ratelimit-Limit", "800")
//!     .header("Ratelimit-Remaining", "0")
//!     .header("Ratelimit-Reset", "784111780"));
//! peer.on("GET", "/helix/users", Reply::json(200, r#"{"data":[]}"#));
//!
//! let mut session = Session::new(
//!     Helix::new("id"),
//!     OAuth::new("id", Some(Secret::new("secret"))),
//!     SessionConfig::default(),
//! );
//! session.set_app_token(Secret::new("app"), vec![], None, clock.now());
//! let call = session.start(&GetUsers { user_ids: vec!["1".into()], ..Default::default() }, clock.now()).unwrap();
//! drive(&mut session, &mut peer, &mut clock);
//!
//! assert!(matches!(session.poll_event(), Some(Event::Answer { call: c, .. }) if c == call));
//! let sent = peer.requests();
//! assert_eq!(sent.len(), 2);
//! assert_eq!(sent[1].at - sent[0].at, Duration::from_secs(3));
//! ```

mod peer;
mod pubsub;

pub use peer::{Answer, FakePeer, Received, Reply};
pub use pubsub::{drive_pubsub, FakePubSub, ReceivedFrame};

use crate::machine::{earliest, HttpMachine};
use crate::{Duration, Instant};

/// A clock that moves only when told to.
#[derive(Debug, Clone, Copy)]
pub struct VirtualClock {
    start: Instant,
    now: Instant,
}

impl VirtualClock {
    /// A clock whose time zero is an arbitrary instant.
    #[allow(clippy::new_without_default)]
    pub fn new() -> VirtualClock {
        VirtualClock::starting_at(Instant::now())
    }

    /// A clock starting at `start`.
    pub fn starting_at(start: Instant) -> VirtualClock {
        VirtualClock { start, now: start }
    }

    /// The current virtual time.
    pub fn now(&self) -> Instant {
        self.now
    }

    /// Virtual time since the clock started.
    pub fn elapsed(&self) -> Duration {
        self.now - self.start
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&mut self, by: Duration) {
        self.now += by;
    }

    /// Moves the clock to `at` (never backwards).
    pub fn set(&mut self, at: Instant) {
        self.now = self.now.max(at);
    }
}

/// The most steps one [`drive`] takes before it reports a livelock.
const MAX_STEPS: usize = 1_000_000;

/// Steps `machine` and `peer` until both are idle: transmits go to the peer,
/// its answers come back when their (virtual) delay is over, and the clock
/// jumps to the next answer or machine timeout. Returns the number of steps.
///
/// Panics if the pair is still busy after a million steps (a livelock of the
/// machine under test).
pub fn drive<M: HttpMachine>(
    machine: &mut M,
    peer: &mut FakePeer,
    clock: &mut VirtualClock,
) -> usize {
    drive_until(machine, peer, clock, None)
}

/// Like [`drive`], but stops at `deadline` even when more is due later; the
/// clock is left at `deadline` then (or where it was, if that is later).
pub fn drive_for<M: HttpMachine>(
    machine: &mut M,
    peer: &mut FakePeer,
    clock: &mut VirtualClock,
    duration: Duration,
) -> usize {
    let deadline = clock.now() + duration;
    drive_until(machine, peer, clock, Some(deadline))
}

fn drive_until<M: HttpMachine>(
    machine: &mut M,
    peer: &mut FakePeer,
    clock: &mut VirtualClock,
    deadline: Option<Instant>,
) -> usize {
    for step in 0..MAX_STEPS {
        let now = clock.now();
        while let Some(transmit) = machine.poll_transmit() {
            peer.receive(transmit, now);
        }
        if let Some((id, answer)) = peer.take_due(now) {
            match answer {
                Ok(response) => machine.handle_response(id, response, now),
                Err(error) => machine.handle_transport_error(id, error, now),
            }
            continue;
        }
        let timeout = machine.poll_timeout();
        if timeout.is_some_and(|at| at <= now) {
            machine.handle_timeout(now);
            continue;
        }
        let Some(next) = earliest(peer.next_due(), timeout) else {
            return step;
        };
        if let Some(deadline) = deadline {
            if next > deadline {
                clock.set(deadline);
                return step;
            }
        }
        clock.set(next);
    }
    panic!("drive: still busy after {MAX_STEPS} steps (livelock?)");
}
