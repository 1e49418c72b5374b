//! EventSub, Twitch's live event system, over its two transports:
//! [`EventSubWebSocket`] (a client; for bots, overlays and anything without a
//! public URL) and [`EventSubWebhook`] (a callback server Twitch posts to).
//!
//! Both take a listener per subscription: `listen_<type>(condition, callback)`
//! for every subscription type with a model in
//! [`twitchapi_core::eventsub::types`] (for example
//! [`EventSubWebSocket::listen_stream_online`]), [`EventSubWebSocket::listen`]
//! for any typed condition, and [`EventSubWebSocket::listen_json`] for any
//! type, version and JSON condition. Each returns Twitch's subscription id once
//! the subscription is in place; `unlisten(id)` ends it and `stop()` deletes
//! what was created. `events()` is a stream of everything that happens
//! ([`EventSubMessage`]). The protocol (sessions, keepalives, reconnect
//! handoffs, signature checks, dedupe) is decided by the core's machines; this
//! module moves the bytes. Logs go to the tracing target `twitchapi::eventsub`.

mod callback;
mod listen;
mod message;
mod webhook;
mod websocket;

pub use message::{EventSubMessage, Notification};
pub use webhook::EventSubWebhook;
pub use websocket::EventSubWebSocket;
