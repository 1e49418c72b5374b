//! EventSub, Twitch's live event system: the webhook transport's receiver
//! ([`webhook::Receiver`]) and the typed conditions and events of every
//! subscription type ([`types`]). The WebSocket transport builds on the same
//! envelope ([`Subscription`]).

mod envelope;
pub mod types;
pub mod webhook;
pub mod ws;

pub use envelope::{Subscription, Transport};
