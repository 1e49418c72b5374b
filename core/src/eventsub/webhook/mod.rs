//! The EventSub webhook transport, receiving side: the callback verification
//! challenge, signed notifications (HMAC-SHA256 over message id, timestamp
//! and body, compared in constant time), a 10-minute age limit, repeated
//! message ids answered but not handed out again, revocations.

mod body;
mod known;
mod receiver;
mod seen;
mod signature;

#[cfg(test)]
mod tests;

pub use receiver::{Event, Receiver, MAX_AGE, MAX_BODY_BYTES};
pub use seen::{MemorySeenIds, SeenIds};
pub use signature::{check_secret, sign, verify};
