//! The shared vocabulary of every protocol machine in this crate.
//!
//! Each protocol (the Helix session, and the PubSub, WebSub, OAuth-flow and
//! EventSub machines) is a sans-IO state machine of one shape:
//!
//! * **inputs**: `handle_*` methods that take what arrived plus `now`
//!   (`handle_response(id, response, now)`, `handle_transport_error(id, error, now)`,
//!   `handle_timeout(now)`, frames, connects and closes), and user commands
//!   (`start(&endpoint, now)`, `set_user_authentication`, ...);
//! * **outputs**: `poll_transmit()` (an HTTP request, a frame, a connect or a
//!   close, each with an id), `poll_event()` (what the application sees), and
//!   `poll_timeout()`, the instant at which `handle_timeout` wants to be called.
//!
//! # The calling rule
//!
//! Every machine type documents and follows it:
//!
//! 1. after any input, poll `poll_transmit`, `poll_event` and `poll_timeout`
//!    until the first two are empty, and carry out what came out;
//! 2. call `handle_timeout(now)` once `now` has reached the last
//!    `poll_timeout()`; a spurious or early `handle_timeout` does nothing;
//! 3. a fatal error is sticky: the machine keeps reporting it;
//! 4. bad input (a garbled answer, an unknown transmit id) becomes an error
//!    event or a typed error, never a panic;
//! 5. randomness (jitter, nonces, ids) comes from a generator the caller seeds
//!    ([`Rng`]), so a run can be replayed exactly;
//! 6. the machine never sleeps, spawns or reads a clock: time is the `now`
//!    passed in, and the application's loop (or a virtual clock in tests,
//!    see the `testing` feature) decides what `now` is.
//!
//! [`HttpMachine`] is that shape for machines that speak HTTP; the adapters'
//! loops and the test harness drive any of them the same way.

use crate::{Duration, Error, Instant};

/// Identifies one transmit of a machine: the answer to it is fed back under the
/// same id. Ids are unique per machine and never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TransmitId(pub(crate) u64);

impl TransmitId {
    /// The number behind the id (for logs).
    pub fn get(self) -> u64 {
        self.0
    }
}

/// Identifies one operation a user started on a machine (a Helix call, a token
/// command). Its outcome carries the same id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CallId(pub(crate) u64);

impl CallId {
    /// The number behind the id (for logs).
    pub fn get(self) -> u64 {
        self.0
    }
}

/// An HTTP request a machine wants sent. Feed the answer back with
/// `handle_response(id, ..)`, or a failure with `handle_transport_error(id, ..)`.
/// `Debug` shows the method, URI and body size only: bodies of token requests
/// carry the client secret and the refresh token.
#[derive(Clone)]
pub struct HttpTransmit {
    /// Which transmit this is.
    pub id: TransmitId,
    /// The request, complete with headers and body.
    pub request: http::Request<Vec<u8>>,
}

impl std::fmt::Debug for HttpTransmit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpTransmit")
            .field("id", &self.id)
            .field("method", self.request.method())
            .field("uri", self.request.uri())
            .field("body_bytes", &self.request.body().len())
            .finish()
    }
}

/// A machine that sends HTTP requests; the adapters' loops and
/// `testing::drive` work with any of them.
pub trait HttpMachine {
    /// The next request to send, if any.
    fn poll_transmit(&mut self) -> Option<HttpTransmit>;
    /// The answer to transmit `id`.
    fn handle_response(&mut self, id: TransmitId, response: http::Response<Vec<u8>>, now: Instant);
    /// Transmit `id` failed without an answer (connection refused or reset,
    /// a body cut off, a timeout). `error` is usually [`Error::Transport`].
    fn handle_transport_error(&mut self, id: TransmitId, error: Error, now: Instant);
    /// When [`HttpMachine::handle_timeout`] wants to be called next.
    fn poll_timeout(&self) -> Option<Instant>;
    /// Time has reached `now`; an early call does nothing.
    fn handle_timeout(&mut self, now: Instant);
}

/// A small seedable random generator (SplitMix64) for jitter and ids. It is
/// not for secrets; it exists so that a machine's choices can be replayed.
///
/// ```
/// use twitchapi_core::machine::Rng;
/// use twitchapi_core::Duration;
///
/// let mut a = Rng::new(7);
/// let mut b = Rng::new(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// let d = a.jitter(Duration::from_millis(100));
/// assert!(d >= Duration::from_millis(100) && d < Duration::from_millis(150));
/// ```
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed; equal seeds give equal sequences.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `base` stretched by a random factor in `1.0..1.5`.
    pub fn jitter(&mut self, base: Duration) -> Duration {
        base.mul_f64(1.0 + self.unit() / 2.0)
    }
}

/// The earlier of two optional instants.
pub(crate) fn earliest(a: Option<Instant>, b: Option<Instant>) -> Option<Instant> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

/// `now + d`, or `None` when that is past what an `Instant` can hold.
pub(crate) fn after(now: Instant, d: Duration) -> Option<Instant> {
    now.checked_add(d)
}
