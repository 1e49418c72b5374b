//! Twitch's legacy webhooks (WebSub, retired by Twitch in 2021) as a machine:
//! [`WebHook`] builds hub requests (`POST <helix>/webhooks/hub`), answers the
//! hub's verification requests and signed notifications, and renews leases one
//! minute before they end. The seed's `TwitchWebHook` is this machine plus a
//! callback server (the native adapter's `TwitchWebHook`).
//!
//! Unlike the seed, every notification's `X-Hub-Signature` is checked (HMAC-SHA256
//! with the secret sent in `hub.secret`, compared in constant time): a forged one
//! is answered 403 and never reaches the application.

mod callback;
mod config;
mod dedupe;
mod event;
mod machine;
mod signature;
mod topic;

#[cfg(test)]
mod tests;

pub use callback::{HEALTH_TEXT, NOTIFICATION_ID, SIGNATURE};
pub use config::{WebHookConfig, LEASE_RANGE, RENEW_MARGIN, RENEW_RETRY};
pub use event::{Event, HubTransmit};
pub use machine::{require_https_callback, WebHook};
pub use signature::{sign, verify, SignatureError};
pub use topic::{WebhookTopic, TOPIC_BASE};
