//! [`TwitchBuilder`]: base URLs and behaviour of a [`Twitch`] client.

use std::time::Duration;

use twitchapi_core::auth::OAuth;
use twitchapi_core::helix::{Budget, Helix, SessionConfig};
use twitchapi_core::{Error, Secret};

use crate::Twitch;

/// Configures a [`Twitch`] client: base URLs (point them at the mock server in
/// tests), auto refresh, rate limit patience, a custom reqwest client.
///
/// ```
/// let twitch = twitchapi::Twitch::builder("id", "secret")
///     .helix_url("http://127.0.0.1:8080/helix")
///     .auth_url("http://127.0.0.1:8080")
///     .auto_refresh_auth(false)
///     .build()
///     .unwrap();
/// assert!(!twitch.auto_refresh_auth());
/// ```
#[derive(Debug)]
pub struct TwitchBuilder {
    app_id: String,
    app_secret: Option<Secret>,
    helix_url: String,
    auth_url: String,
    config: SessionConfig,
    http: Option<reqwest::Client>,
}

impl TwitchBuilder {
    pub(crate) fn new(app_id: String, app_secret: Option<Secret>) -> TwitchBuilder {
        TwitchBuilder {
            app_id,
            app_secret,
            helix_url: twitchapi_core::helix::HELIX_URL.to_owned(),
            auth_url: twitchapi_core::auth::AUTH_URL.to_owned(),
            config: {
                let mut config = SessionConfig::default();
                // Twitch requires apps to validate user tokens hourly
                config.validate_every = Some(twitchapi_core::helix::VALIDATE_EVERY);
                config
            },
            http: None,
        }
    }

    /// Helix base URL (default `https://api.twitch.tv/helix`).
    pub fn helix_url(mut self, url: impl Into<String>) -> Self {
        self.helix_url = url.into();
        self
    }

    /// OAuth base URL (default `https://id.twitch.tv`).
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = url.into();
        self
    }

    /// The seed's `auto_refresh_auth` (default true).
    pub fn auto_refresh_auth(mut self, on: bool) -> Self {
        self.config.auto_refresh = on;
        self
    }

    /// Fetch an app token by client credentials when a call needs one and none
    /// is set (default false: like the seed, call `authenticate_app` first).
    pub fn fetch_app_token(mut self, on: bool) -> Self {
        self.config.fetch_app_token = on;
        self
    }

    /// How many times a 429 answer is waited out (default 3).
    pub fn rate_limit_retries(mut self, n: u32) -> Self {
        self.config.rate_limit_retries = n;
        self
    }

    /// The longest wait for a rate limit reset before giving up (default 60 s).
    pub fn max_rate_limit_wait(mut self, wait: Duration) -> Self {
        self.config.max_rate_limit_wait = wait;
        self
    }

    /// The client-side budget per token until Twitch's `Ratelimit-*` headers
    /// are seen (default 800 points per 60 s).
    pub fn rate_limit_budget(mut self, points: u32, per: Duration) -> Self {
        self.config.budget = Budget { points, per };
        self
    }

    /// How often the user token is validated (default hourly, as Twitch
    /// requires of apps; `None` turns it off).
    pub fn validate_every(mut self, every: Option<Duration>) -> Self {
        self.config.validate_every = every;
        self
    }

    /// Seed of the retry jitter (for reproducible runs).
    pub fn seed(mut self, seed: u64) -> Self {
        self.config.seed = seed;
        self
    }

    /// Uses this reqwest client (proxies, timeouts, ...).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Builds the client; fails on a malformed base URL.
    pub fn build(self) -> Result<Twitch, Error> {
        let helix = Helix::new(self.app_id.clone()).with_base_url(&self.helix_url)?;
        let oauth = OAuth::new(self.app_id, self.app_secret).with_base_url(&self.auth_url)?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .map_err(|e| Error::Transport(e.to_string()))?,
        };
        Ok(Twitch::from_parts(http, helix, oauth, self.config))
    }
}
