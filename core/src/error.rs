use crate::types::AuthScope;

/// Every error twitchapi reports: the seed library's exceptions as one enum.
///
/// Adapters add only [`Error::Transport`]. Messages never contain a token or secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument broke a rule of the endpoint (the seed's `ValueError`). Raised
    /// before any I/O: nothing was sent.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// No suitable authentication is set, or Twitch answered 401
    /// (the seed's `UnauthorizedException`).
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// The token lacks scopes the endpoint requires (the seed's
    /// `MissingScopeException`). Raised before sending when the scopes are known.
    #[error("missing scope: {}", crate::auth::scopes_to_string(required))]
    MissingScope {
        /// The scopes that are required but not granted.
        required: Vec<AuthScope>,
    },
    /// The token became invalid and refreshing it failed
    /// (the seed's `TwitchAuthorizationException`).
    #[error("authorization failed: {0}")]
    Authorization(String),
    /// Twitch rejected the refresh token (the seed's `InvalidRefreshTokenException`).
    #[error("invalid refresh token")]
    InvalidRefreshToken,
    /// The resource was not found (404; the seed's `NotFoundException`).
    #[error("not found: {0}")]
    NotFound(String),
    /// Twitch itself failed (5xx; the seed's `TwitchBackendException`).
    #[error("twitch backend error {status}: {message}")]
    Backend {
        /// HTTP status code.
        status: u16,
        /// Twitch's error message.
        message: String,
    },
    /// Any other error answer of Twitch (the seed's `TwitchAPIException`).
    #[error("twitch api error {status}: {message}")]
    Api {
        /// HTTP status code.
        status: u16,
        /// Twitch's error message.
        message: String,
    },
    /// The rate limit bucket is empty (429) and retrying did not help.
    #[error("rate limited until {reset:?} (unix seconds)")]
    RateLimited {
        /// Unix time in seconds at which the bucket refills (`Ratelimit-Reset`).
        reset: Option<u64>,
    },
    /// A PubSub LISTEN was not answered in time (the seed's
    /// `PubSubListenTimeoutException`), or the hub did not verify a webhook
    /// subscription in time.
    #[error("listen timed out")]
    ListenTimeout,
    /// The user refused the app access (`error=access_denied` in an OAuth
    /// redirect, or a device code the user declined).
    #[error("access denied: {0}")]
    AccessDenied(String),
    /// Another OAuth error: in a redirect (`invalid_scope`, ...) or from a
    /// device-code poll (an expired or used-up device code).
    #[error("oauth error {error}: {description}")]
    OAuth {
        /// The OAuth error code, e.g. `invalid_scope`, `expired_token`.
        error: String,
        /// Twitch's description.
        description: String,
    },
    /// An OAuth redirect carried a `state` that is not the one this flow sent
    /// (a forged or stale redirect): nothing was exchanged.
    #[error("the OAuth redirect's state does not match")]
    StateMismatch,
    /// A frame or response did not follow the protocol (malformed JSON,
    /// truncated body, unexpected shape).
    #[error("protocol error: {0}")]
    Protocol(String),
    /// The transport failed (connection refused, reset, TLS, timeout). Only
    /// adapters produce it.
    #[error("transport error: {0}")]
    Transport(String),
}

impl Error {
    /// Shorthand for [`Error::InvalidArgument`].
    pub fn invalid(message: impl Into<String>) -> Self {
        Error::InvalidArgument(message.into())
    }

    /// True for errors caused by authentication (the CLI's exit code 3 group).
    pub fn is_auth(&self) -> bool {
        matches!(
            self,
            Error::Unauthorized(_)
                | Error::MissingScope { .. }
                | Error::Authorization(_)
                | Error::InvalidRefreshToken
                | Error::AccessDenied(_)
                | Error::OAuth { .. }
                | Error::StateMismatch
        )
    }
}
