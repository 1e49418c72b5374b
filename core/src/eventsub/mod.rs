//! EventSub, Twitch's live event system: the webhook transport's receiver
//! ([`webhook::Receiver`]). The WebSocket transport and the typed events of
//! every subscription type build on the same envelope ([`Subscription`]).

mod envelope;
pub mod webhook;
pub mod ws;

pub use envelope::{Subscription, Transport};
