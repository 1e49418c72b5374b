//! # twitchapi
//!
//! A Twitch API client for Rust programs on tokio: every Helix endpoint of the
//! seed library (twitchAPI 2.x) as an async method, app and user authentication
//! with automatic token refresh, scope checks and argument validation before any
//! request is sent, typed responses and Twitch's rate limits.
//!
//! The protocol logic lives in the sans-IO crate [`twitchapi_core`] (re-exported
//! as [`core`]); this crate only moves bytes with reqwest and sleeps with tokio.
//!
//! ```no_run
//! use twitchapi::{helix::users::GetUsers, Twitch};
//!
//! # async fn run() -> Result<(), twitchapi::Error> {
//! let twitch = Twitch::new("my_app_id", "my_app_secret");
//! twitch.authenticate_app(vec![]).await?;
//! let users = twitch
//!     .get_users(GetUsers { logins: vec!["twitchdev".into()], ..Default::default() })
//!     .await?;
//! println!("{}", users.data[0].display_name);
//! # Ok(()) }
//! ```
//!
//! Optional parameters: each endpoint method takes the endpoint's struct, whose
//! fields are the seed's parameter names; `None` / empty lists mean "use the
//! seed's default", so `GetStreams { first: Some(5), ..Default::default() }` is the
//! seed's `get_streams(first=5)`.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "blocking")]
pub mod blocking;
mod builder;
mod driver;
mod endpoints;
pub mod eventsub;
pub mod oauth;
mod paginate;
mod pubsub;
mod serve;
mod transport;
mod twitch;
mod webhook;

pub use builder::TwitchBuilder;
pub use oauth::{
    device_flow, open_in_browser, DeviceCode, StoredTokens, TokenStore, UserAuthenticator,
};
pub use paginate::Item;
pub use pubsub::{PubSub, PUBSUB_URL};
pub use twitch::Twitch;
pub use twitchapi_core as core;
pub use twitchapi_core::{
    auth::{TokenKind, TokenResponse, TokenUpdate, Validation},
    helix::{self, HelixResponse, RateLimit},
    types, AuthScope, Error, Secret,
};
pub use webhook::{tls_config_from_pem, TwitchWebHook};
