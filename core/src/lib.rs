//! # twitchapi-core
//!
//! The sans-IO core of twitchapi: it builds [`http::Request`]s for Twitch's Helix
//! API and OAuth endpoints, parses their responses into typed models, and runs the
//! token lifecycle as a state machine on a clock the caller passes in. It performs
//! no I/O, spawns nothing and never reads a clock, so it runs unchanged natively,
//! in the browser (wasm32-unknown-unknown) and inside deterministic tests.
//!
//! Every protocol is a machine of one shape ([`machine`]); the whole Helix
//! client is [`helix::Session`], which the native and browser adapters drive.
//! With the feature `testing`, the `testing` module drives machines against a
//! scripted Twitch on a virtual clock.
//!
//! ```
//! use twitchapi_core::{helix::{Helix, users::GetUsers}, Secret};
//!
//! let helix = Helix::new("my-client-id");
//! let request = helix
//!     .build_request(&GetUsers { logins: vec!["twitchdev".into()], ..Default::default() },
//!         &Secret::new("app-token"))
//!     .unwrap();
//! assert_eq!(request.uri(), "https://api.twitch.tv/helix/users?login=twitchdev");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod error;
mod http_url;
mod rfc3339;
mod secret;
mod serde_util;
mod time;

pub mod auth;
pub mod eventsub;
pub mod helix;
pub mod helper;
pub mod machine;
pub mod pubsub;
pub mod sorted_map;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod types;
pub mod webhook;

pub use error::Error;
pub use secret::Secret;
pub use time::{Duration, Instant};
pub use types::AuthScope;
