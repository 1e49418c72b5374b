//! How a [`super::Session`] behaves: [`SessionConfig`] and the client-side [`Budget`].

use crate::Duration;

/// A client-side rate budget: `points` requests per `per`, refilled
/// continuously. Used per token until Twitch's `Ratelimit-*` headers are seen
/// (browsers never see them: Twitch does not expose them to CORS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Bucket size (default 800, Twitch's documented limit for user and app tokens).
    pub points: u32,
    /// Time for a full refill (default 60 s).
    pub per: Duration,
}

impl Budget {
    /// Twitch's limit for an extension's Helix token: 30 requests per minute
    /// per viewer.
    pub const EXTENSION: Budget = Budget {
        points: 30,
        per: Duration::from_secs(60),
    };
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            points: 800,
            per: Duration::from_secs(60),
        }
    }
}

/// Twitch's rule for user tokens: validate them every hour.
pub const VALIDATE_EVERY: Duration = Duration::from_secs(3600);

/// How a [`Session`] behaves. `SessionConfig::default()` is the seed's behaviour.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SessionConfig {
    /// Refresh expired or rejected tokens (the seed's `auto_refresh_auth`; default true).
    pub auto_refresh: bool,
    /// Fetch an app token by client credentials when a call needs one and none
    /// is set (default false: the seed requires `authenticate_app` first).
    pub fetch_app_token: bool,
    /// How many 429 answers one call waits out (default 3).
    pub rate_limit_retries: u32,
    /// The longest single wait for a rate-limit reset (default 60 s); a longer
    /// one ends the call with [`Error::RateLimited`].
    pub max_rate_limit_wait: Duration,
    /// The client-side budget per token (default 800 per 60 s).
    pub budget: Budget,
    /// The client-side budget of an extension's Helix token, per viewer
    /// (default [`Budget::EXTENSION`]: 30 per 60 s).
    pub extension_budget: Budget,
    /// The delay before a 5xx answer is sent again, stretched by jitter (default 250 ms).
    pub backend_retry_delay: Duration,
    /// The first wait after a transient token-endpoint failure (default 1 s;
    /// doubling up to 60 s).
    pub refresh_backoff: Duration,
    /// How long before its expiry a token counts as expired (default 30 s).
    pub refresh_margin: Duration,
    /// How often the user token is validated (`GET /oauth2/validate`), as
    /// Twitch requires of apps, counted from when the token was set or
    /// refreshed. Default `None` here, so that a session driven to quiet in a
    /// test (`testing::drive`) goes quiet; the native and browser clients
    /// turn it on, hourly ([`VALIDATE_EVERY`]).
    pub validate_every: Option<Duration>,
    /// Seed of the jitter generator.
    pub seed: u64,
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            auto_refresh: true,
            fetch_app_token: false,
            rate_limit_retries: 3,
            max_rate_limit_wait: Duration::from_secs(60),
            budget: Budget::default(),
            extension_budget: Budget::EXTENSION,
            backend_retry_delay: Duration::from_millis(250),
            refresh_backoff: Duration::from_secs(1),
            refresh_margin: Duration::from_secs(30),
            validate_every: None,
            seed: 0x7477_6974_6368,
        }
    }
}
