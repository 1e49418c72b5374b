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

use twitchapi_core::auth::Validation;
use twitchapi_core::{Error, Secret};

use crate::Twitch;

/// The seed's `oauth.refresh_access_token(refresh_token, app_id, app_secret)`
/// against Twitch: (access token, refresh token). An empty `app_secret` is a
/// public client's refresh. Use [`Twitch::refresh_access_token`] for another
/// OAuth URL (the mock).
///
/// # Errors
///
/// As [`Twitch::refresh_access_token`].
pub async fn refresh_access_token(
    refresh_token: &str,
    app_id: &str,
    app_secret: &str,
) -> Result<(Secret, Secret), Error> {
    Twitch::builder(app_id, app_secret)
        .build()?
        .refresh_access_token(refresh_token)
        .await
}

/// The seed's `oauth.validate_token(access_token)` against Twitch.
///
/// # Errors
///
/// As [`Twitch::validate_token`].
pub async fn validate_token(access_token: &str) -> Result<Validation, Error> {
    Twitch::builder("", "")
        .build()?
        .validate_token(access_token)
        .await
}

/// The seed's `oauth.revoke_token(client_id, access_token)` against Twitch.
///
/// # Errors
///
/// As [`Twitch::revoke_token`].
pub async fn revoke_token(client_id: &str, access_token: &str) -> Result<(), Error> {
    Twitch::builder(client_id, "")
        .build()?
        .revoke_token(access_token)
        .await
}
