//! The `Twitch` client: the seed's API over the core's Helix session.

use std::sync::Arc;
use std::time::Duration;

use tracing::info;
use twitchapi_core::auth::{OAuth, TokenKind, TokenUpdate, Validation};
use twitchapi_core::helix::{Endpoint, Helix, HelixResponse, Session, SessionConfig};
use twitchapi_core::{AuthScope, Error, Secret};

use crate::driver::{Driver, Outcome};
use crate::{transport, TwitchBuilder};

/// Twitch API client (the seed's `twitchAPI.twitch.Twitch`). Cheap to clone: all
/// clones share tokens, calls in flight and the connection pool.
///
/// Every rule lives in the core's [`Session`] (see its documentation), and this
/// client only carries it out with reqwest and tokio:
/// * arguments are validated and scopes checked before anything is sent;
/// * an expired token, or a 401 answer, refreshes that token once and retries
///   once (the app token for app-token calls, the user token for user-token
///   calls); concurrent calls share one refresh;
/// * a 5xx answer is retried once (POST and PATCH only on 503), then reported as
///   [`Error::Backend`];
/// * calls are held back while the rate-limit bucket is empty; a 429 answer
///   waits until `Ratelimit-Reset` and retries (up to
///   [`TwitchBuilder::rate_limit_retries`] times, waiting at most
///   [`TwitchBuilder::max_rate_limit_wait`]), then reports [`Error::RateLimited`].
#[derive(Clone)]
pub struct Twitch {
    inner: Arc<Inner>,
}

struct Inner {
    driver: Arc<Driver>,
    helix: Helix,
    oauth: OAuth,
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
        TwitchBuilder::new(
            app_id.into(),
            (!secret.is_empty()).then(|| Secret::new(secret)),
        )
    }

    pub(crate) fn from_parts(
        http: reqwest::Client,
        helix: Helix,
        oauth: OAuth,
        config: SessionConfig,
    ) -> Twitch {
        let session = Session::new(helix.clone(), oauth.clone(), config);
        Twitch {
            inner: Arc::new(Inner {
                driver: Arc::new(Driver::new(http, session)),
                helix,
                oauth,
            }),
        }
    }

    fn driver(&self) -> &Arc<Driver> {
        &self.inner.driver
    }

    /// The app id (client id).
    pub fn app_id(&self) -> &str {
        self.inner.helix.client_id()
    }

    /// Gets a fresh app token by client credentials (the seed's `authenticate_app`).
    pub async fn authenticate_app(&self, scopes: Vec<AuthScope>) -> Result<(), Error> {
        info!(target: "twitchapi::oauth", "requesting app access token");
        self.driver()
            .run(|s, now| Ok(s.authenticate_app(scopes, now)))
            .await
            .map(|_| ())
    }

    /// Uses this app token instead of fetching one; it cannot be refreshed unless
    /// the client has an app secret.
    pub fn set_app_token(&self, token: impl Into<String>, scopes: Vec<AuthScope>) {
        let token = Secret::new(token.into());
        self.driver()
            .with_session(|s, now| s.set_app_token(token, scopes, None, now));
    }

    /// Sets a user token (the seed's `set_user_authentication`). Like the seed, a
    /// refresh token is required while auto refresh is on. A refresh of the old
    /// token that is still in flight is dropped when it answers: this token wins.
    pub fn set_user_authentication(
        &self,
        token: impl Into<String>,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
    ) -> Result<(), Error> {
        self.set_user(token.into(), scopes, refresh_token, None)
    }

    /// Like [`Twitch::set_user_authentication`], with the token's lifetime, so
    /// it is refreshed before it expires rather than after a 401.
    pub fn set_user_authentication_with_expiry(
        &self,
        token: impl Into<String>,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
        expires_in: Duration,
    ) -> Result<(), Error> {
        self.set_user(token.into(), scopes, refresh_token, Some(expires_in))
    }

    fn set_user(
        &self,
        token: String,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
        expires_in: Option<Duration>,
    ) -> Result<(), Error> {
        self.driver().with_session(|s, now| {
            s.set_user_authentication(
                Secret::new(token),
                scopes,
                refresh_token.map(Secret::new),
                expires_in,
                now,
            )
        })
    }

    /// Replaces the scope list of the current user token (for example with what
    /// [`Twitch::validate_token`] reported).
    pub fn set_user_auth_scope(&self, scopes: Vec<AuthScope>) {
        self.driver().with_session(|s, _| s.set_user_scopes(scopes));
    }

    /// Calls `listener` with every token obtained or refreshed, so an
    /// application can persist the new refresh token (Twitch rotates it on
    /// every refresh; the old one stops working).
    ///
    /// ```
    /// let twitch = twitchapi::Twitch::new("id", "secret");
    /// twitch.on_token_refresh(|update| {
    ///     if let Some(refresh) = &update.refresh_token {
    ///         // store refresh.expose() somewhere safe
    ///         let _ = refresh;
    ///     }
    /// });
    /// ```
    pub fn on_token_refresh(&self, listener: impl Fn(&TokenUpdate) + Send + Sync + 'static) {
        self.driver().add_listener(Arc::new(listener));
    }

    /// Calls `listener` when the hourly validation finds that Twitch no
    /// longer accepts a token (revoked, or the user disconnected the app).
    /// With a refresh token it is being refreshed already
    /// ([`Twitch::on_token_refresh`] follows); otherwise set a new one.
    pub fn on_token_invalid(&self, listener: impl Fn(TokenKind) + Send + Sync + 'static) {
        self.driver().add_invalid_listener(Arc::new(listener));
    }

    /// The seed's `auto_refresh_auth`.
    pub fn auto_refresh_auth(&self) -> bool {
        self.driver().lock().session.tokens().auto_refresh()
    }

    /// Turns automatic refresh on or off.
    pub fn set_auto_refresh_auth(&self, on: bool) {
        self.driver().with_session(|s, _| s.set_auto_refresh(on));
    }

    /// The app token, if set (the seed's `get_app_token`).
    pub fn get_app_token(&self) -> Option<Secret> {
        self.driver().lock().session.tokens().app_token().cloned()
    }

    /// The user token, if set (the seed's `get_user_auth_token`).
    pub fn get_user_auth_token(&self) -> Option<Secret> {
        self.driver().lock().session.tokens().user_token().cloned()
    }

    /// The user token if set, else the app token (the seed's `get_used_token`).
    pub fn get_used_token(&self) -> Option<Secret> {
        self.driver()
            .lock()
            .session
            .tokens()
            .used_token_value()
            .cloned()
    }

    /// The user token's scopes (the seed's `get_user_auth_scope`).
    pub fn get_user_auth_scope(&self) -> Vec<AuthScope> {
        self.driver().lock().session.tokens().user_scopes().to_vec()
    }

    /// Refreshes the token in use now (the seed's `refresh_used_token`).
    pub async fn refresh_used_token(&self) -> Result<(), Error> {
        self.driver()
            .run(|s, now| s.refresh_used_token(now))
            .await
            .map(|_| ())
    }

    /// Sends any endpoint: validation, token choice, refresh, retries, rate
    /// limits, all decided by the core's [`Session`]. Every named method
    /// (`get_users`, ...) calls this.
    pub async fn request<E: Endpoint>(
        &self,
        endpoint: &E,
    ) -> Result<HelixResponse<E::Response>, Error> {
        let outcome = self.driver().run(|s, now| s.start(endpoint, now)).await?;
        match outcome {
            Outcome::Answer(response) => self.inner.helix.parse_response::<E, _>(&response),
            Outcome::Ready => Err(Error::Protocol("a call ended without an answer".into())),
        }
    }

    /// Sends a request that is already built, without `Authorization` (see
    /// [`Helix::build_unsigned`]), with the token `auth` asks for: the same
    /// token choice, refresh, retries and rate limits as every endpoint.
    /// Returns Twitch's answer as it came, whatever its status; the webhook's
    /// hub requests go out this way.
    pub async fn request_unsigned(
        &self,
        request: http::Request<Vec<u8>>,
        auth: twitchapi_core::helix::Auth,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let outcome = self
            .driver()
            .run(move |s, now| s.start_unsigned(request, auth, now))
            .await?;
        match outcome {
            Outcome::Answer(response) => Ok(response),
            Outcome::Ready => Err(Error::Protocol("a call ended without an answer".into())),
        }
    }

    /// The request builder of this client (client id and Helix base URL).
    pub fn helix(&self) -> &Helix {
        &self.inner.helix
    }

    /// Asks Twitch who a token belongs to and what it may do (`/oauth2/validate`;
    /// the seed's `oauth.validate_token`).
    pub async fn validate_token(&self, token: &str) -> Result<Validation, Error> {
        let request = self.inner.oauth.validate_request(&Secret::new(token))?;
        let response = self.send_direct(request).await?;
        OAuth::parse_validate_response(&response)
    }

    /// The OAuth request builder of this client (client id, secret, base URL).
    pub fn oauth(&self) -> &OAuth {
        &self.inner.oauth
    }

    /// Sends a request straight to Twitch (no session: OAuth endpoints).
    pub(crate) async fn send_direct(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        transport::send(&self.driver().http, request).await
    }

    /// Gets a new user token for `refresh_token` (the seed's
    /// `oauth.refresh_access_token`); public clients (no secret) refresh with
    /// their client id alone. Returns (access token, refresh token); Twitch
    /// rotates the refresh token for public clients, so store the new one.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRefreshToken`] when Twitch refuses the refresh token;
    /// [`Error::Unauthorized`] when it refuses the client (id or secret).
    pub async fn refresh_access_token(
        &self,
        refresh_token: &str,
    ) -> Result<(Secret, Secret), Error> {
        let request = self
            .inner
            .oauth
            .refresh_request(&Secret::new(refresh_token))?;
        let response = self.send_direct(request).await?;
        match OAuth::parse_refresh_response(&response) {
            Ok(token) => {
                let refresh = token
                    .refresh_token
                    .unwrap_or_else(|| Secret::new(refresh_token));
                Ok((token.access_token, refresh))
            }
            Err(Error::Authorization(message)) => Err(Error::Unauthorized(message)),
            Err(other) => Err(other),
        }
    }

    /// Revokes a token (the seed's `oauth.revoke_token`): Twitch refuses it afterwards.
    ///
    /// # Errors
    ///
    /// [`Error::Authorization`] with Twitch's message (an unknown token).
    pub async fn revoke_token(&self, token: &str) -> Result<(), Error> {
        let request = self.inner.oauth.revoke_request(&Secret::new(token))?;
        let response = self.send_direct(request).await?;
        OAuth::parse_revoke_response(&response)
    }

    /// The request [`Twitch::request`] would send first, without sending it or
    /// refreshing anything: arguments validated, scopes checked, the token that
    /// would be used in `Authorization`. Without any token set, the header
    /// carries the placeholder `[no token]`.
    pub fn dry_run<E: Endpoint>(&self, endpoint: &E) -> Result<http::Request<Vec<u8>>, Error> {
        self.driver()
            .with_session(|s, now| s.dry_run(endpoint, now))
    }
}
