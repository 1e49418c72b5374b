//! The EventSub WebSocket transport as a machine ([`EventSubWs`]): sessions,
//! keepalives, `session_reconnect` handoffs, reconnects with backoff, the
//! subscriptions of each session created through the Helix session.

mod frames;
mod machine;
mod message;
mod outer;
mod recent;
mod typed;
mod types;

#[cfg(test)]
mod tests;

pub use frames::CloseReason;
pub use machine::EventSubWs;
pub use message::Message;
pub use typed::TypedNotification;
pub use types::{Event, SocketId, Transmit, WsConfig, EVENTSUB_WS_URL};
