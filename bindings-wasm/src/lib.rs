//! JavaScript API of twitchapi, built with wasm-bindgen into the npm package
//! `twitchapi` (`scripts/build-npm`).
//!
//! The Rust side is deliberately thin, because every byte of the .wasm is paid
//! for by the pages that load it: one exported class (`RawTwitch`, the
//! [`twitchapi_web::Twitch`] session over fetch) whose arguments are strings
//! and JSON text, a table of every Helix endpoint by the seed's method name
//! ([`dispatch`]) whose arguments are data ([`spec`]) read by one interpreter,
//! so that an endpoint costs the .wasm its table entry and little else, and
//! answers handed to JavaScript as text for `JSON.parse` ([`answer`]). The
//! package's JavaScript (`js/`) adds the camelCase `Twitch` class, one
//! method per endpoint, and `TwitchError` ([`error`] says what its fields
//! are).
//!
//! Natively the crate builds and tests its host-independent parts; the
//! wasm-bindgen exports exist only on wasm32.
//!
//! Crate features (both on by default): `eventsub` (EventSubWs,
//! EventSubWsMachine) and `pubsub` (PubSub, PubSubMachine). Without them the
//! package is Helix-only: the client, pagination, OAuth for pages and the
//! HelixMachine (`TWITCHAPI_NPM_HELIX_ONLY=1 scripts/build-npm DIR`).
#![deny(missing_docs)]

pub mod answer;
pub mod clock;
pub mod dispatch;
pub mod error;
#[cfg(all(target_arch = "wasm32", feature = "eventsub"))]
mod eventsub;
#[cfg(target_arch = "wasm32")]
mod js;
pub mod machines;
#[cfg(target_arch = "wasm32")]
mod oauth;
#[cfg(all(target_arch = "wasm32", feature = "pubsub"))]
mod pubsub;
pub mod spec;
pub mod walk;

pub use twitchapi_core as core;
