//! The `Twitch` client of the browser: the core's [`Session`] driven over `fetch`.

use std::rc::Rc;

use twitchapi_core::auth::{OAuth, TokenUpdate, Validation};
use twitchapi_core::helix::{Auth, Budget, Endpoint, Helix, HelixResponse, Session, SessionConfig};
use twitchapi_core::{AuthScope, Duration, Error, Instant, Secret};

use crate::driver::{clock, Inner};
use crate::platform;

/// Twitch API client for the browser (the seed's `twitchAPI.twitch.Twitch`),
/// with the methods of the native `twitchapi::Twitch`. Cheap to clone: clones
/// share the session (tokens, rate-limit buckets, calls in flight). Its
/// futures are not `Send`; run them with `wasm_bindgen_futures::spawn_local`
/// or await them from a `#[wasm_bindgen]` async function.
///
/// Every rule comes from the core's [`Session`]: arguments are validated and
/// scopes checked before anything is sent; an expired token or a 401 answer
/// refreshes that token once (one refresh however many calls wait) and sends
/// the call again; a 5xx answer is sent again once where that is safe; a 429
/// answer waits for the rate-limit reset. In a browser Twitch's `Date` and
/// `Ratelimit-*` headers cannot be read (CORS), so the session paces calls
/// with its own budget and measures resets against the wall clock, which this
/// client passes in.
///
/// Dropping a call's future cancels the call.
///
/// ```no_run
/// use twitchapi_web::{helix::users::GetUsers, Twitch};
///
/// # async fn run() -> Result<(), twitchapi_web::Error> {
/// // a page has no app secret to refresh with: a user token from the implicit flow
/// let twitch = Twitch::builder("my_app_id", "").auto_refresh_auth(false).build()?;
/// twitch.set_user_authentication("user-token", vec![], None)?;
/// let users = twitch
///     .get_users(GetUsers { logins: vec!["twitchdev".into()], ..Default::default() })
///     .await?;
/// let name = &users.data[0].display_name;
/// # let _ = name;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Twitch {
    pub(crate) inner: Rc<Inner>,
}

impl std::fmt::Debug for Twitch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.inner.session.try_borrow() {
            Ok(session) => f
                .debug_struct("Twitch")
                .field("client_id", &session.helix().client_id())
                .field("helix_url", &session.helix().base_url())
                .field("auth_url", &session.oauth().base_url())
                .finish_non_exhaustive(),
            Err(_) => f.debug_struct("Twitch").finish_non_exhaustive(),
        }
    }
}

/// Configures a [`Twitch`] client: base URLs (point them at the mock server
/// in tests), auto refresh, rate-limit patience, or a whole [`SessionConfig`].
///
/// ```
/// let twitch = twitchapi_web::Twitch::builder("id", "")
///     .helix_url("http://127.0.0.1:8080/helix")
///     .auth_url("http://127.0.0.1:8080")
///     .auto_refresh_auth(false)
///     .build()
///     .unwrap();
/// assert!(!twitch.auto_refresh_auth());
/// assert!(twitchapi_web::Twitch::builder("id", "").helix_url("not a url").build().is_err());
/// ```
#[derive(Debug)]
pub struct TwitchBuilder {
    app_id: String,
    app_secret: Option<Secret>,
    helix_url: Option<String>,
    auth_url: Option<String>,
    config: SessionConfig,
}

impl TwitchBuilder {
    /// Helix base URL (default `https://api.twitch.tv/helix`).
    pub fn helix_url(mut self, url: impl Into<String>) -> Self {
        self.helix_url = Some(url.into());
        self
    }

    /// OAuth base URL (default `https://id.twitch.tv`).
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = Some(url.into());
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

    /// How many 429 answers one call waits out (default 3).
    pub fn rate_limit_retries(mut self, n: u32) -> Self {
        self.config.rate_limit_retries = n;
        self
    }

    /// The longest wait for a rate-limit reset before a call fails with
    /// [`Error::RateLimited`] (default 60 s).
    pub fn max_rate_limit_wait(mut self, wait: Duration) -> Self {
        self.config.max_rate_limit_wait = wait;
        self
    }

    /// The client-side budget per token (default 800 points per 60 s). In a
    /// browser it is all the session knows of the rate limit: Twitch's
    /// `Ratelimit-*` headers are not readable under CORS.
    pub fn rate_limit_budget(mut self, points: u32, per: Duration) -> Self {
        self.config.budget = Budget { points, per };
        self
    }

    /// The client-side budget of an extension's Helix token (default 30
    /// requests per 60 s, Twitch's limit per viewer); see
    /// [`Twitch::set_extension_authorization`].
    pub fn extension_budget(mut self, requests: u32, per: Duration) -> Self {
        self.config.extension_budget = Budget {
            points: requests,
            per,
        };
        self
    }

    /// Seed of the retry jitter (for reproducible runs).
    pub fn seed(mut self, seed: u64) -> Self {
        self.config.seed = seed;
        self
    }

    /// Replaces the whole session configuration (budget, backoffs, seed, ...).
    /// Call it before the other setters: it overwrites what they set.
    pub fn session_config(mut self, config: SessionConfig) -> Self {
        self.config = config;
        self
    }

    /// Builds the client; fails with [`Error::InvalidArgument`] on a malformed base URL.
    pub fn build(self) -> Result<Twitch, Error> {
        let mut helix = Helix::new(self.app_id.clone());
        if let Some(url) = &self.helix_url {
            helix = helix.with_base_url(url)?;
        }
        let mut oauth = OAuth::new(self.app_id, self.app_secret);
        if let Some(url) = &self.auth_url {
            oauth = oauth.with_base_url(url)?;
        }
        Ok(Twitch::from_session(Session::new(
            helix,
            oauth,
            self.config,
        )))
    }
}

impl Twitch {
    /// A client for the real Twitch with your app's id and secret. An empty
    /// secret means none (the usual case in a browser, where a secret would
    /// be public): then only user tokens and tokens set by hand are used.
    pub fn new(app_id: impl Into<String>, app_secret: impl Into<String>) -> Twitch {
        let builder = Twitch::builder(app_id, app_secret);
        let helix = Helix::new(builder.app_id.clone());
        let oauth = OAuth::new(builder.app_id, builder.app_secret);
        Twitch::from_session(Session::new(helix, oauth, builder.config))
    }

    /// A builder, to change base URLs and behaviour.
    pub fn builder(app_id: impl Into<String>, app_secret: impl Into<String>) -> TwitchBuilder {
        let secret: String = app_secret.into();
        TwitchBuilder {
            app_id: app_id.into(),
            app_secret: (!secret.is_empty()).then(|| Secret::new(secret)),
            helix_url: None,
            auth_url: None,
            config: {
                let mut config = SessionConfig::default();
                // Twitch requires apps to validate user tokens hourly
                config.validate_every = Some(twitchapi_core::helix::VALIDATE_EVERY);
                config
            },
        }
    }

    /// A client around a session built by hand.
    pub fn from_session(session: Session) -> Twitch {
        Twitch {
            inner: Rc::new(Inner::new(session)),
        }
    }

    /// Reads the session.
    pub(crate) fn read<R>(&self, f: impl FnOnce(&Session) -> R) -> R {
        f(&self.inner.session.borrow())
    }

    /// A command to the session, then the calling rule.
    fn command<R>(&self, f: impl FnOnce(&mut Session, Instant) -> R) -> R {
        let result = {
            let mut session = self.inner.session.borrow_mut();
            let now = clock(&mut session);
            f(&mut session, now)
        };
        self.inner.drive();
        result
    }

    /// The app id (client id).
    pub fn app_id(&self) -> &str {
        &self.inner.app_id
    }

    /// Calls `listener` with every token the session obtains or refreshes, so
    /// an application can persist the new refresh token (Twitch rotates it on
    /// every refresh; the old one stops working). Listeners add up; they may
    /// use this client.
    ///
    /// ```
    /// use std::{cell::RefCell, rc::Rc};
    /// let twitch = twitchapi_web::Twitch::new("id", "");
    /// let saved = Rc::new(RefCell::new(None));
    /// let keep = saved.clone();
    /// twitch.on_token_refresh(move |update| {
    ///     *keep.borrow_mut() = update.refresh_token.clone();
    /// });
    /// # assert!(saved.borrow().is_none());
    /// ```
    pub fn on_token_refresh(&self, listener: impl Fn(&TokenUpdate) + 'static) {
        self.inner.listeners.borrow_mut().push(Rc::new(listener));
    }

    /// Gets a fresh app token by client credentials (the seed's
    /// `authenticate_app`); needs the app secret.
    pub async fn authenticate_app(&self, scopes: Vec<AuthScope>) -> Result<(), Error> {
        let pending = self
            .inner
            .call(|s, now| Ok(s.authenticate_app(scopes, now)))?;
        pending.await?.ready()
    }

    /// Uses this app token instead of fetching one; it cannot be refreshed
    /// unless the client has an app secret.
    pub fn set_app_token(&self, token: impl Into<String>, scopes: Vec<AuthScope>) {
        let token = Secret::new(token.into());
        self.command(|s, now| s.set_app_token(token, scopes, None, now));
    }

    /// For an extension's front end: what `window.Twitch.ext.onAuthorized`
    /// hands it (`clientId`, `helixToken`); call it with every new
    /// authorization. Calls then go out as `Authorization: Extension <token>`
    /// within the extension budget; those that need an app token or a scope
    /// fail before sending ([`Error::Authorization`]). See
    /// [`twitchapi_core::helix::Session::set_extension_authorization`].
    ///
    /// ```
    /// use twitchapi_web::helix::streams::GetStreams;
    /// let twitch = twitchapi_web::Twitch::new("app-id", "");
    /// twitch.set_extension_authorization("app-id", "helix-jwt");
    /// let request = twitch.dry_run(&GetStreams::default()).unwrap();
    /// assert_eq!(request.headers()["authorization"], "Extension helix-jwt");
    /// ```
    pub fn set_extension_authorization(
        &self,
        client_id: impl Into<String>,
        helix_token: impl Into<String>,
    ) {
        let (client_id, token) = (client_id.into(), Secret::new(helix_token.into()));
        self.command(|s, now| s.set_extension_authorization(client_id, token, now));
    }

    /// Sets a user token (the seed's `set_user_authentication`). Like the
    /// seed, a refresh token is required while auto refresh is on.
    ///
    /// ```
    /// use twitchapi_web::{AuthScope, Twitch};
    /// let twitch = Twitch::new("id", "");
    /// assert!(twitch.set_user_authentication("token", vec![], None).is_err());
    /// twitch
    ///     .set_user_authentication("token", vec![AuthScope::UserReadEmail], Some("refresh".into()))
    ///     .unwrap();
    /// assert_eq!(twitch.get_user_auth_scope(), vec![AuthScope::UserReadEmail]);
    /// assert_eq!(format!("{:?}", twitch.get_user_auth_token()), "Some([redacted])");
    /// ```
    pub fn set_user_authentication(
        &self,
        token: impl Into<String>,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
    ) -> Result<(), Error> {
        self.set_user(token.into(), scopes, refresh_token, None)
    }

    /// Like [`Twitch::set_user_authentication`], with the token's lifetime,
    /// so it is refreshed before it expires rather than after a 401.
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
        self.command(|s, now| {
            s.set_user_authentication(
                Secret::new(token),
                scopes,
                refresh_token.map(Secret::new),
                expires_in,
                now,
            )
        })
    }

    /// Replaces the scope list of the current user token (for example with
    /// what [`Twitch::validate_token`] reported).
    pub fn set_user_auth_scope(&self, scopes: Vec<AuthScope>) {
        self.command(|s, _| s.set_user_scopes(scopes));
    }

    /// The seed's `auto_refresh_auth`.
    pub fn auto_refresh_auth(&self) -> bool {
        self.read(|s| s.tokens().auto_refresh())
    }

    /// Turns automatic refresh on or off.
    pub fn set_auto_refresh_auth(&self, on: bool) {
        self.command(|s, _| s.set_auto_refresh(on));
    }

    /// The app token, if set (the seed's `get_app_token`).
    pub fn get_app_token(&self) -> Option<Secret> {
        self.read(|s| s.tokens().app_token().cloned())
    }

    /// The user token, if set (the seed's `get_user_auth_token`).
    pub fn get_user_auth_token(&self) -> Option<Secret> {
        self.read(|s| s.tokens().user_token().cloned())
    }

    /// The user token if set, else the app token (the seed's `get_used_token`).
    pub fn get_used_token(&self) -> Option<Secret> {
        self.read(|s| s.tokens().used_token_value().cloned())
    }

    /// The user token's scopes (the seed's `get_user_auth_scope`).
    pub fn get_user_auth_scope(&self) -> Vec<AuthScope> {
        self.read(|s| s.tokens().user_scopes().to_vec())
    }

    /// Refreshes the token in use now (the seed's `refresh_used_token`),
    /// whether or not it expired.
    pub async fn refresh_used_token(&self) -> Result<(), Error> {
        let pending = self.inner.call(|s, now| s.refresh_used_token(now))?;
        pending.await?.ready()
    }

    /// The session's request builder (its Helix URL and client id), for
    /// machines that build Helix requests of their own (EventSub).
    pub fn helix(&self) -> Helix {
        self.read(|s| s.helix().clone())
    }

    /// How many calls are started and not yet ended.
    pub fn calls_in_progress(&self) -> usize {
        self.read(|s| s.calls_in_progress())
    }

    /// Sends any endpoint through the session: validation, token choice,
    /// refresh, retries. Every named method (`get_users`, ...) calls this.
    pub async fn request<E: Endpoint>(
        &self,
        endpoint: &E,
    ) -> Result<HelixResponse<E::Response>, Error> {
        let pending = self.inner.call(|s, now| s.start(endpoint, now))?;
        let response = pending.await?.answer()?;
        self.read(|s| s.helix().parse_response::<E, _>(&response))
    }

    /// Sends a request that `build` makes from the session's [`Helix`] (for
    /// example with [`Helix::build_unsigned`]: no `Authorization` header) and
    /// that needs the returned [`Auth`], through the session like
    /// [`Twitch::request`], and returns Twitch's answer unparsed, error
    /// statuses included. For bindings that dispatch by name and let their
    /// host parse the body: one instantiation of the whole call path serves
    /// every endpoint.
    ///
    /// ```no_run
    /// use twitchapi_web::{helix::{users::GetUsers, Endpoint}, Twitch};
    /// # async fn run(twitch: Twitch) -> Result<(), twitchapi_web::Error> {
    /// let users = GetUsers { logins: vec!["twitchdev".into()], ..Default::default() };
    /// let answer = twitch
    ///     .send_unsigned(|helix| Ok((helix.build_unsigned(&users)?, users.auth())))
    ///     .await?;
    /// assert!(answer.status().is_success());
    /// # Ok(()) }
    /// ```
    pub async fn send_unsigned(
        &self,
        build: impl FnOnce(&Helix) -> Result<(http::Request<Vec<u8>>, Auth), Error>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let pending = self.inner.call(|s, now| {
            let (request, auth) = build(s.helix())?;
            s.start_unsigned(request, auth, now)
        })?;
        pending.await?.answer()
    }

    /// The request [`Twitch::request`] would send first, without sending it
    /// or refreshing anything (`[no token]` in `Authorization` when none is set).
    ///
    /// ```
    /// use twitchapi_web::{helix::users::GetUsers, Twitch};
    /// let twitch = Twitch::new("id", "");
    /// twitch.set_app_token("app-token", vec![]);
    /// let request = twitch.dry_run(&GetUsers { user_ids: vec!["1".into()], ..Default::default() }).unwrap();
    /// assert_eq!(request.uri(), "https://api.twitch.tv/helix/users?id=1");
    /// ```
    pub fn dry_run<E: Endpoint>(&self, endpoint: &E) -> Result<http::Request<Vec<u8>>, Error> {
        self.read(|s| s.dry_run(endpoint, Instant::now()))
    }

    /// Asks Twitch who a token belongs to and what it may do
    /// (`/oauth2/validate`; the seed's `oauth.validate_token`).
    pub async fn validate_token(&self, token: &str) -> Result<Validation, Error> {
        let request = self.read(|s| s.oauth().validate_request(&Secret::new(token)))?;
        let response = platform::fetch(request).await?;
        OAuth::parse_validate_response(&response)
    }
}
