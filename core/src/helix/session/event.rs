//! What the application sees of a [`super::Session`].

use crate::auth::TokenUpdate;
use crate::machine::CallId;
use crate::Error;

/// What the application sees of a [`super::Session`].
#[derive(Debug)]
#[non_exhaustive]
pub enum Event {
    /// A call ended with Twitch's answer: a success, or an error status that no
    /// retry rule covers (any more). Turn it into the typed result with
    /// [`crate::helix::Helix::parse_response`] for the call's endpoint.
    Answer {
        /// The call.
        call: CallId,
        /// Twitch's answer.
        response: http::Response<Vec<u8>>,
    },
    /// A call ended without an answer to parse: the token could not be
    /// refreshed, the transport failed, a rate-limit wait would be too long.
    Failed {
        /// The call.
        call: CallId,
        /// Why.
        error: Error,
    },
    /// A token command ([`super::Session::authenticate_app`], [`super::Session::refresh_token`]) succeeded.
    Ready {
        /// The command.
        call: CallId,
    },
    /// A token was obtained or refreshed. Twitch rotates refresh tokens:
    /// persist `refresh_token` here to start again later.
    TokenRefreshed(TokenUpdate),
    /// The hourly validation found that Twitch no longer accepts the token
    /// (revoked, or the user disconnected the app). With auto refresh and a
    /// refresh token it is being refreshed ([`Event::TokenRefreshed`] follows);
    /// otherwise calls with it fail until a new one is set.
    TokenInvalid {
        /// Which token.
        kind: crate::auth::TokenKind,
    },
}
