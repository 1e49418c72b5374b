//! # twitchapi-web
//!
//! The Twitch API client for the browser (and any JavaScript host with a
//! global `fetch`, such as Node 18+), built for `wasm32-unknown-unknown`: the
//! same [`Twitch`] as the native `twitchapi` crate, with every Helix endpoint
//! of the seed library as an async method, app and user authentication with
//! automatic token refresh, pagination and Twitch's rate limits.
//!
//! All protocol logic lives in the sans-IO [`helix::Session`] of
//! [`twitchapi_core`] (re-exported as [`core`]); this crate is the loop that
//! sends its requests with `fetch`, feeds the answers back and wakes it with
//! `setTimeout`. Its futures are not `Send` (the browser has one thread).
//!
//! ```no_run
//! use twitchapi_web::{helix::streams::GetStreams, AuthScope, Twitch};
//!
//! # async fn run() -> Result<(), twitchapi_web::Error> {
//! // a page has no app secret: a user token from the implicit flow, no refresh
//! let twitch = Twitch::builder("my_app_id", "").auto_refresh_auth(false).build()?;
//! twitch.set_user_authentication("user-token", vec![AuthScope::UserReadEmail], None)?;
//! // with an app secret (a server, a test against the mock) tokens are refreshed;
//! // Twitch rotates refresh tokens, so persist them here
//! twitch.on_token_refresh(|update| {
//!     let _ = &update.refresh_token;
//! });
//! let live = twitch.get_streams(GetStreams { first: Some(5), ..Default::default() }).await?;
//! for stream in &live.data {
//!     let _ = &stream.user_login;
//! }
//! # Ok(()) }
//! ```
//!
//! Outside wasm32 the crate compiles (so a workspace builds natively), but
//! every request fails with [`Error::Transport`].
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod device;
mod driver;
mod endpoints;
mod paginate;
mod platform;
mod twitch;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use device::DeviceCode;
pub use paginate::Item;
pub use twitch::{Twitch, TwitchBuilder};
pub use twitchapi_core as core;
pub use twitchapi_core::{
    auth::{TokenKind, TokenUpdate, Validation},
    helix::{self, HelixResponse, RateLimit},
    types, AuthScope, Error, Secret,
};
