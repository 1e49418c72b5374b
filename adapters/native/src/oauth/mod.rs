//! The seed's `twitchAPI.oauth`: the user authenticator, the device code
//! flow and token storage. Every protocol rule lives in the core's flows
//! (`twitchapi_core::auth::flow`); this serves the redirect, opens the browser,
//! sleeps between polls and writes the token file. Refresh, validate and
//! revoke are methods of [`crate::Twitch`].

mod authenticator;
mod device;
mod storage;

pub use authenticator::{open_in_browser, UserAuthenticator};
pub use device::{device_flow, DeviceCode};
pub use storage::{StoredTokens, TokenStore};
