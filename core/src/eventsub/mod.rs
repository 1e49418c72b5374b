//! EventSub, Twitch's live event system: the webhook transport's receiver
//! ([`webhook::Receiver`]), the WebSocket transport's machine
//! ([`ws::EventSubWs`]) and the typed conditions and events of every
//! subscription type ([`types`]). Both transports hand out an event as the
//! text Twitch sent ([`RawEvent`]), read into its model on demand.

mod envelope;
mod raw;
pub mod types;
pub mod webhook;
pub mod ws;

pub use envelope::{Subscription, Transport};
pub use raw::RawEvent;
