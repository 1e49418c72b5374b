//! PubSub: the seed's PubSub client as a sans-IO machine ([`PubSub`]).
//!
//! Twitch retired PubSub in 2025; the mock server is its peer now. The
//! machine follows the [machine shape](crate::machine): user commands
//! (`listen`, `unlisten`, `start`, `stop`, `set_token`), inputs from the
//! socket (`handle_connected`, `handle_text`, `handle_closed`) and the clock
//! (`handle_timeout`), outputs from `poll_transmit` (connect, text frame,
//! close, each for one connection), `poll_event` and `poll_timeout`.

mod frame;
mod incoming;
pub mod messages;
mod methods;
mod session;
mod topic;

#[cfg(test)]
mod tests;

pub use messages::Message;
pub use methods::{LISTEN_METHODS, PUBSUB_URL};
pub use session::{ConnId, Decoder, Event, PubSub, PubSubConfig, Transmit};
pub use topic::Topic;
