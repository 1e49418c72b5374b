//! The `Twitch` client: token handling, retries and rate limits around the core.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tracing::{debug, info, warn};
use twitchapi_core::auth::{OAuth, Selection, TokenChoice, TokenKind, Tokens, Validation};
use twitchapi_core::helix::{Endpoint, Helix, HelixResponse, Next, Retry, RetryPolicy};
use twitchapi_core::{AuthScope, Error, Instant, Secret};

use crate::transport;

/// Twitch API client (the seed's `twitchAPI.twitch.Twitch`). Cheap to clone: all
/// clones share tokens and the connection pool.
///
/// Behaviour on every call:
/// * arguments are validated and scopes checked before anything is sent;
/// * an expired token, or a 401 answer, refreshes that token once and retries
///   once (the app token for app-token calls, the user token for user-token
///   calls); concurrent calls share one refresh;
/// * a 5xx answer is retried once, then reported as [`Error::Backend`];
/// * a 429 answer waits until `Ratelimit-Reset` and retries (up to
///   [`TwitchBuilder::rate_limit_retries`] times, waiting at most
///   [`TwitchBuilder::max_rate_limit_wait`]), then reports [`Error::RateLimited`].
#[derive(Clone)]
pub struct Twitch {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    helix: Helix,
    oauth: OAuth,
    tokens: Mutex<Tokens>,
    refresh_app: tokio::sync::Mutex<()>,
    refresh_user: tokio::sync::Mutex<()>,
    retry_policy: RetryPolicy,
}

impl std::fmt::Debug for Twitch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Twitch")
            .field("client_id", &self.inner.helix.client_id())
            .field("helix_url", &self.inner.helix.base_url())
            .field("auth_url", &self.inner.oauth.base_url())
            .finish_non_exhaustive()
    }
}

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
    auto_refresh: bool,
    rate_limit_retries: u32,
    max_rate_limit_wait: Duration,
    http: Option<reqwest::Client>,
}

impl TwitchBuilder {
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
        self.auto_refresh = on;
        self
    }

    /// How many times a 429 answer is retried after waiting (default 3).
    pub fn rate_limit_retries(mut self, n: u32) -> Self {
        self.rate_limit_retries = n;
        self
    }

    /// The longest wait for a rate limit reset before giving up (default 60 s).
    pub fn max_rate_limit_wait(mut self, wait: Duration) -> Self {
        self.max_rate_limit_wait = wait;
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
        Ok(Twitch {
            inner: Arc::new(Inner {
                http,
                helix,
                oauth,
                tokens: Mutex::new(Tokens::new(self.auto_refresh)),
                refresh_app: tokio::sync::Mutex::new(()),
                refresh_user: tokio::sync::Mutex::new(()),
                retry_policy: RetryPolicy {
                    rate_limit_retries: self.rate_limit_retries,
                    max_rate_limit_wait: self.max_rate_limit_wait,
                },
            }),
        })
    }
}

impl Twitch {
    /// A client for the real Twitch with your app's id and secret.
    ///
    /// Panics only if the TLS backend cannot be initialised, like
    /// `reqwest::Client::new`; [`Twitch::builder`] reports that as an error instead.
    pub fn new(app_id: impl Into<String>, app_secret: impl Into<String>) -> Twitch {
        Twitch::builder(app_id, app_secret)
            .build()
            .expect("the default URLs are valid")
    }

    /// A builder, to change base URLs and behaviour.
    pub fn builder(app_id: impl Into<String>, app_secret: impl Into<String>) -> TwitchBuilder {
        let secret: String = app_secret.into();
        TwitchBuilder {
            app_id: app_id.into(),
            app_secret: (!secret.is_empty()).then(|| Secret::new(secret)),
            helix_url: twitchapi_core::helix::HELIX_URL.to_owned(),
            auth_url: twitchapi_core::auth::AUTH_URL.to_owned(),
            auto_refresh: true,
            rate_limit_retries: RetryPolicy::default().rate_limit_retries,
            max_rate_limit_wait: RetryPolicy::default().max_rate_limit_wait,
            http: None,
        }
    }

    fn tokens(&self) -> MutexGuard<'_, Tokens> {
        // A poisoned lock only means another task panicked mid-update of plain
        // data; the token state itself stays consistent.
        self.inner
            .tokens
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The app id (client id).
    pub fn app_id(&self) -> &str {
        self.inner.helix.client_id()
    }

    /// Gets a fresh app token by client credentials (the seed's `authenticate_app`).
    pub async fn authenticate_app(&self, scopes: Vec<AuthScope>) -> Result<(), Error> {
        let request = self.inner.oauth.app_token_request(&scopes)?;
        info!(target: "twitchapi::oauth", "requesting app access token");
        let response = transport::send(&self.inner.http, request).await?;
        let answer = OAuth::parse_token_response(&response)?;
        self.tokens().set_app_token(
            answer.access_token,
            scopes,
            answer.expires_in.map(Duration::from_secs),
            Instant::now(),
        );
        Ok(())
    }

    /// Uses this app token instead of fetching one; it cannot be refreshed unless
    /// the client has an app secret.
    pub fn set_app_token(&self, token: impl Into<String>, scopes: Vec<AuthScope>) {
        self.tokens()
            .set_app_token(Secret::new(token.into()), scopes, None, Instant::now());
    }

    /// Sets a user token (the seed's `set_user_authentication`). Like the seed, a
    /// refresh token is required while auto refresh is on.
    pub fn set_user_authentication(
        &self,
        token: impl Into<String>,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
    ) -> Result<(), Error> {
        self.tokens().set_user_token(
            Secret::new(token.into()),
            scopes,
            refresh_token.map(Secret::new),
            None,
            Instant::now(),
        )
    }

    /// Like [`Twitch::set_user_authentication`], with the token's lifetime in
    /// seconds, so it is refreshed before it expires rather than after a 401.
    pub fn set_user_authentication_with_expiry(
        &self,
        token: impl Into<String>,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
        expires_in: Duration,
    ) -> Result<(), Error> {
        self.tokens().set_user_token(
            Secret::new(token.into()),
            scopes,
            refresh_token.map(Secret::new),
            Some(expires_in),
            Instant::now(),
        )
    }

    /// Replaces the scope list of the current user token (for example with what
    /// [`Twitch::validate_token`] reported).
    pub fn set_user_auth_scope(&self, scopes: Vec<AuthScope>) {
        self.tokens().set_user_scopes(scopes);
    }

    /// The seed's `auto_refresh_auth`.
    pub fn auto_refresh_auth(&self) -> bool {
        self.tokens().auto_refresh()
    }

    /// Turns automatic refresh on or off.
    pub fn set_auto_refresh_auth(&self, on: bool) {
        self.tokens().set_auto_refresh(on);
    }

    /// The app token, if set (the seed's `get_app_token`).
    pub fn get_app_token(&self) -> Option<Secret> {
        self.tokens().app_token().cloned()
    }

    /// The user token, if set (the seed's `get_user_auth_token`).
    pub fn get_user_auth_token(&self) -> Option<Secret> {
        self.tokens().user_token().cloned()
    }

    /// The user token if set, else the app token (the seed's `get_used_token`).
    pub fn get_used_token(&self) -> Option<Secret> {
        let tokens = self.tokens();
        match tokens.used_token() {
            Some(TokenKind::User) => tokens.user_token().cloned(),
            Some(TokenKind::App) => tokens.app_token().cloned(),
            None => None,
        }
    }

    /// The user token's scopes (the seed's `get_user_auth_scope`).
    pub fn get_user_auth_scope(&self) -> Vec<AuthScope> {
        self.tokens().user_scopes().to_vec()
    }

    /// Refreshes the token in use now (the seed's `refresh_used_token`).
    pub async fn refresh_used_token(&self) -> Result<(), Error> {
        let (kind, generation) = {
            let tokens = self.tokens();
            let kind = tokens
                .used_token()
                .ok_or_else(|| Error::Unauthorized("no authentication is set".into()))?;
            let generation = match tokens.select(
                &match kind {
                    TokenKind::User => {
                        twitchapi_core::helix::Auth::User(twitchapi_core::helix::Scopes::All(&[]))
                    }
                    TokenKind::App => twitchapi_core::helix::Auth::App,
                },
                Instant::now(),
            )? {
                Selection::Ready(Some(choice)) => choice.generation,
                Selection::Refresh { generation, .. } => generation,
                Selection::Ready(None) => 0,
            };
            (kind, generation)
        };
        self.refresh(kind, generation).await
    }

    /// Refreshes `kind` unless someone already replaced generation `generation`.
    /// One refresh per token at a time: concurrent callers wait and then see the
    /// new generation.
    async fn refresh(&self, kind: TokenKind, generation: u64) -> Result<(), Error> {
        let lock = match kind {
            TokenKind::App => &self.inner.refresh_app,
            TokenKind::User => &self.inner.refresh_user,
        };
        let _guard = lock.lock().await;
        let request = {
            let tokens = self.tokens();
            if !tokens.is_current(kind, generation) {
                debug!(target: "twitchapi::oauth", ?kind, "token already refreshed");
                return Ok(());
            }
            if let Some(error) = tokens.refresh_failure(kind, generation) {
                return Err(error);
            }
            tokens.refresh_request(kind, &self.inner.oauth)
        };
        let result = match request {
            Ok(request) => {
                info!(target: "twitchapi::oauth", ?kind, "refreshing token");
                let response = transport::send(&self.inner.http, request).await?;
                self.tokens()
                    .handle_refresh_response(kind, &response, Instant::now())
            }
            Err(e) => Err(e),
        };
        let result = result.map_err(|e| match e {
            Error::InvalidRefreshToken
            | Error::Backend { .. }
            | Error::Transport(_)
            | Error::Authorization(_) => e,
            other => Error::Authorization(format!("token refresh failed: {other}")),
        });
        if let Err(e) = &result {
            self.tokens().record_refresh_failure(kind, generation, e);
        }
        match result {
            Ok(()) => Ok(()),
            Err(Error::InvalidRefreshToken) => {
                warn!(target: "twitchapi::oauth", "refresh token rejected");
                Err(Error::InvalidRefreshToken)
            }
            Err(e) => Err(e),
        }
    }

    /// Chooses a token, refreshing it first when it expired.
    async fn choose(
        &self,
        endpoint_auth: &twitchapi_core::helix::Auth,
    ) -> Result<TokenChoice, Error> {
        let mut refreshed = false;
        loop {
            let selection = self.tokens().select(endpoint_auth, Instant::now())?;
            match selection {
                Selection::Ready(Some(choice)) => return Ok(choice),
                Selection::Ready(None) => {
                    return Err(Error::Unauthorized("this endpoint needs no token".into()))
                }
                Selection::Refresh { kind, generation } => {
                    if refreshed {
                        return Err(Error::Authorization(
                            "token expired again right after its refresh".into(),
                        ));
                    }
                    self.refresh(kind, generation).await?;
                    refreshed = true;
                }
            }
        }
    }

    /// Sends any endpoint: validation, token choice, refresh, retries. Every
    /// named method (`get_users`, ...) calls this. What to do after an error is
    /// decided by the core's [`Retry`] machine; this loop only carries it out.
    pub async fn request<E: Endpoint>(
        &self,
        endpoint: &E,
    ) -> Result<HelixResponse<E::Response>, Error> {
        endpoint.validate()?;
        let auth = endpoint.auth();
        let mut retry = Retry::new(self.inner.retry_policy);
        loop {
            let choice = self.choose(&auth).await?;
            let request = self.inner.helix.build_request(endpoint, &choice.token)?;
            debug!(target: "twitchapi::helix", method = %request.method(), path = E::PATH, "request");
            let response = transport::send(&self.inner.http, request).await?;
            let error = match self.inner.helix.parse_response::<E, _>(&response) {
                Ok(ok) => return Ok(ok),
                Err(error) => error,
            };
            let next = retry.on_error(error, Some(&choice), &mut self.tokens(), unix_now());
            match next {
                Next::Retry => {
                    warn!(target: "twitchapi::helix", path = E::PATH, "sending again");
                }
                Next::Refresh { kind, generation } => {
                    warn!(target: "twitchapi::helix", ?kind, "token rejected, refreshing");
                    self.refresh(kind, generation).await?;
                }
                Next::Wait(wait) => {
                    warn!(target: "twitchapi::helix", wait_ms = wait.as_millis() as u64, "rate limited, waiting for reset");
                    tokio::time::sleep(wait).await;
                }
                Next::Fail(error) => return Err(error),
                // `Next` is non-exhaustive: a step this adapter does not know fails.
                _ => return Err(Error::Protocol("unsupported retry step".into())),
            }
        }
    }
}

impl Twitch {
    /// Asks Twitch who a token belongs to and what it may do (`/oauth2/validate`;
    /// the seed's `oauth.validate_token`).
    pub async fn validate_token(&self, token: &str) -> Result<Validation, Error> {
        let request = self.inner.oauth.validate_request(&Secret::new(token))?;
        let response = transport::send(&self.inner.http, request).await?;
        OAuth::parse_validate_response(&response)
    }

    /// The request [`Twitch::request`] would send first, without sending it or
    /// refreshing anything: arguments validated, scopes checked, the token that
    /// would be used in `Authorization`. Without any token set, the header
    /// carries the placeholder `[no token]`.
    pub fn dry_run<E: Endpoint>(&self, endpoint: &E) -> Result<http::Request<Vec<u8>>, Error> {
        endpoint.validate()?;
        let token = self
            .tokens()
            .peek(&endpoint.auth(), Instant::now())?
            .unwrap_or_else(|| Secret::new("[no token]"));
        self.inner.helix.build_request(endpoint, &token)
    }
}

/// The wall clock as time since the Unix epoch (for `Ratelimit-Reset`).
fn unix_now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}
