use super::{OAuth, TokenResponse};
use crate::helix::Auth;
use crate::{AuthScope, Duration, Error, Instant, Secret};

/// Which token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// The app access token (client credentials).
    App,
    /// The user access token.
    User,
    /// The Helix token Twitch hands an extension's front end for its viewer
    /// (`window.Twitch.ext.onAuthorized`'s `helixToken`), sent as
    /// `Authorization: Extension <token>`. It serves only endpoints that take
    /// a user token and need no scope, and is never refreshed: Twitch hands a
    /// new one ([`Tokens::set_extension_token`]).
    Extension,
}

/// Why a call cannot go out with an extension's Helix token.
const EXTENSION_ONLY: &str =
    "an extension's Helix token serves only endpoints that take a user token and need no scope";

#[derive(Debug, Clone)]
struct TokenState {
    token: Secret,
    scopes: Vec<AuthScope>,
    refresh_token: Option<Secret>,
    /// When the token counts as expired (its expiry less the refresh margin).
    expires_at: Option<Instant>,
    generation: u64,
    rejected: bool,
}

/// When a token with this lifetime counts as expired: `margin` before its end, but
/// never earlier than three quarters into its life (short-lived tokens stay usable).
/// A lifetime too large to represent (an untrusted `expires_in` of `u64::MAX`)
/// counts as no expiry.
fn refresh_at(now: Instant, expires_in: Option<Duration>, margin: Duration) -> Option<Instant> {
    let life = expires_in?;
    now.checked_add(life.saturating_sub(margin.min(life / 4)))
}

/// A token that was just obtained or refreshed. Twitch rotates refresh tokens:
/// persist `refresh_token` to start again later without a new authorization.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TokenUpdate {
    /// Which token.
    pub kind: TokenKind,
    /// The new access token.
    pub access_token: Secret,
    /// The refresh token now valid (user tokens; the old one when Twitch sent none).
    pub refresh_token: Option<Secret>,
    /// The lifetime Twitch gave the access token.
    pub expires_in: Option<Duration>,
    /// The token's scopes.
    pub scopes: Vec<AuthScope>,
}

/// The token chosen for a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenChoice {
    /// Which token.
    pub kind: TokenKind,
    /// The token itself.
    pub token: Secret,
    /// Identifies this token value; pass it back to [`Tokens::reject`] and
    /// [`Tokens::is_current`] so a refresh happens once per stale token.
    pub generation: u64,
}

/// What [`Tokens::select`] decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Send with this token (`None` for endpoints that need no token).
    Ready(Option<TokenChoice>),
    /// Refresh this token first (it expired or Twitch rejected it), then select again.
    Refresh {
        /// Which token.
        kind: TokenKind,
        /// The generation that is stale.
        generation: u64,
    },
}

/// The token lifecycle as a sans-IO state machine: which token a request uses,
/// whether it must be refreshed first, and which one (a failing app-token call
/// refreshes the app token, never the user token). Time comes in as `now`.
///
/// The refresh of one token is single-flight when the caller follows this rule:
/// hold one lock per [`TokenKind`] while refreshing, and inside it refresh only
/// if [`Tokens::is_current`] still says the stale generation is current.
///
/// ```
/// use twitchapi_core::auth::{Selection, TokenKind, Tokens};
/// use twitchapi_core::helix::Auth;
/// use twitchapi_core::{Duration, Instant, Secret};
///
/// let t0 = Instant::now();
/// let mut tokens = Tokens::new(true);
/// tokens.set_app_token(Secret::new("app"), vec![], Some(Duration::from_secs(3600)), t0);
/// assert!(matches!(tokens.select(&Auth::App, t0).unwrap(), Selection::Ready(Some(_))));
/// // one hour later the token has expired: refresh the app token first
/// let later = t0 + Duration::from_secs(3600);
/// assert!(matches!(tokens.select(&Auth::App, later).unwrap(),
///     Selection::Refresh { kind: TokenKind::App, .. }));
/// ```
#[derive(Debug, Clone)]
pub struct Tokens {
    app: Option<TokenState>,
    user: Option<TokenState>,
    /// When set, every call goes out with it (an extension front end).
    extension: Option<TokenState>,
    app_scopes: Vec<AuthScope>,
    auto_refresh: bool,
    margin: Duration,
    next_generation: u64,
    /// A refresh that failed for good, per kind: (generation, error). Later
    /// callers get the same error instead of sending the same doomed request again.
    failed_app: Option<(u64, Error)>,
    failed_user: Option<(u64, Error)>,
    /// Fetch an app token by client credentials when a call needs one and none is set.
    fetch_app: bool,
}

/// Generation 0 stands for "no app token yet" when [`Tokens::set_fetch_app_token`] is on.
const NO_APP_TOKEN: u64 = 0;

impl Tokens {
    /// No tokens yet. `auto_refresh` is the seed's `auto_refresh_auth`.
    pub fn new(auto_refresh: bool) -> Self {
        Tokens {
            app: None,
            user: None,
            extension: None,
            app_scopes: Vec::new(),
            auto_refresh,
            margin: Duration::from_secs(30),
            next_generation: 1,
            failed_app: None,
            failed_user: None,
            fetch_app: false,
        }
    }

    /// When on, a call that needs the app token while none is set asks for one
    /// ([`Selection::Refresh`] of [`TokenKind::App`]) instead of failing with
    /// `Unauthorized`; this needs the client secret. Off by default (the seed
    /// requires `authenticate_app` first).
    pub fn set_fetch_app_token(&mut self, on: bool) {
        self.fetch_app = on;
    }

    /// Sets the scopes a client credentials request asks for.
    pub fn set_app_scopes(&mut self, scopes: Vec<AuthScope>) {
        self.app_scopes = scopes;
    }

    /// The generation of the token of `kind` now (0 when none is set).
    pub fn generation_of(&self, kind: TokenKind) -> u64 {
        self.state(kind).map_or(NO_APP_TOKEN, |s| s.generation)
    }

    /// How long before its expiry a token counts as expired (default 30 s, at
    /// most a quarter of the token's lifetime). Applies to tokens set afterwards.
    pub fn set_refresh_margin(&mut self, margin: Duration) {
        self.margin = margin;
    }

    /// Whether expired or rejected tokens are refreshed.
    pub fn auto_refresh(&self) -> bool {
        self.auto_refresh
    }

    /// Turns automatic refresh on or off.
    pub fn set_auto_refresh(&mut self, on: bool) {
        self.auto_refresh = on;
    }

    fn generation(&mut self) -> u64 {
        let g = self.next_generation;
        self.next_generation += 1;
        g
    }

    /// Sets the app token (after client credentials), with the scopes asked for.
    pub fn set_app_token(
        &mut self,
        token: Secret,
        scopes: Vec<AuthScope>,
        expires_in: Option<Duration>,
        now: Instant,
    ) {
        let generation = self.generation();
        self.app_scopes = scopes.clone();
        self.app = Some(TokenState {
            token,
            scopes,
            refresh_token: None,
            expires_at: refresh_at(now, expires_in, self.margin),
            generation,
            rejected: false,
        });
    }

    /// Sets the user token. Like the seed, a refresh token is required while
    /// auto refresh is on.
    pub fn set_user_token(
        &mut self,
        token: Secret,
        scopes: Vec<AuthScope>,
        refresh_token: Option<Secret>,
        expires_in: Option<Duration>,
        now: Instant,
    ) -> Result<(), Error> {
        if self.auto_refresh && refresh_token.is_none() {
            return Err(Error::invalid(
                "refresh_token must be set while auto refresh is on",
            ));
        }
        let generation = self.generation();
        self.user = Some(TokenState {
            token,
            scopes,
            refresh_token,
            expires_at: refresh_at(now, expires_in, self.margin),
            generation,
            rejected: false,
        });
        Ok(())
    }

    /// Replaces the user token's scope list (for example with what
    /// `/oauth2/validate` reported); the token itself is unchanged.
    pub fn set_user_scopes(&mut self, scopes: Vec<AuthScope>) {
        if let Some(user) = self.user.as_mut() {
            user.scopes = scopes;
        }
    }

    /// Sets the extension's Helix token (the newest one Twitch handed the
    /// front end). While it is set every call goes out with it: those that
    /// need an app token or any scope are refused before sending.
    pub fn set_extension_token(&mut self, token: Secret) {
        let generation = self.generation();
        self.extension = Some(TokenState {
            token,
            scopes: Vec::new(),
            refresh_token: None,
            expires_at: None,
            generation,
            rejected: false,
        });
    }

    /// The extension's Helix token, if set.
    pub fn extension_token(&self) -> Option<&Secret> {
        self.extension.as_ref().map(|t| &t.token)
    }

    /// Removes the user token.
    pub fn clear_user_token(&mut self) {
        self.user = None;
    }

    /// The app token, if set.
    pub fn app_token(&self) -> Option<&Secret> {
        self.app.as_ref().map(|t| &t.token)
    }

    /// The user token, if set.
    pub fn user_token(&self) -> Option<&Secret> {
        self.user.as_ref().map(|t| &t.token)
    }

    /// The user token's refresh token, if set.
    pub fn user_refresh_token(&self) -> Option<&Secret> {
        self.user.as_ref().and_then(|t| t.refresh_token.as_ref())
    }

    /// The user token's scopes (empty without a user token).
    pub fn user_scopes(&self) -> &[AuthScope] {
        self.user
            .as_ref()
            .map(|t| t.scopes.as_slice())
            .unwrap_or(&[])
    }

    /// The token the seed's `get_used_token` reports: the user token if set, else the app token.
    pub fn used_token(&self) -> Option<TokenKind> {
        if self.user.is_some() {
            Some(TokenKind::User)
        } else if self.app.is_some() {
            Some(TokenKind::App)
        } else {
            None
        }
    }

    /// The value of the token [`Tokens::used_token`] names (the seed's `get_used_token`).
    pub fn used_token_value(&self) -> Option<&Secret> {
        match self.used_token()? {
            TokenKind::User => self.user_token(),
            TokenKind::App => self.app_token(),
            TokenKind::Extension => self.extension_token(),
        }
    }

    fn state(&self, kind: TokenKind) -> Option<&TokenState> {
        match kind {
            TokenKind::App => self.app.as_ref(),
            TokenKind::User => self.user.as_ref(),
            TokenKind::Extension => self.extension.as_ref(),
        }
    }

    fn state_mut(&mut self, kind: TokenKind) -> Option<&mut TokenState> {
        match kind {
            TokenKind::App => self.app.as_mut(),
            TokenKind::User => self.user.as_mut(),
            TokenKind::Extension => self.extension.as_mut(),
        }
    }

    /// Chooses the token for a request needing `auth`, checking scopes first
    /// (`MissingScope` names the missing ones; nothing is sent).
    pub fn select(&self, auth: &Auth, now: Instant) -> Result<Selection, Error> {
        if let Some(extension) = &self.extension {
            return Self::select_extension(extension, auth);
        }
        let kind = match auth {
            Auth::None => return Ok(Selection::Ready(None)),
            Auth::App => {
                if self.app.is_none() {
                    return self.no_app_token();
                }
                TokenKind::App
            }
            Auth::User(required) => {
                let Some(user) = &self.user else {
                    return Err(Error::Unauthorized("user authentication is not set".into()));
                };
                let missing = required.missing(&user.scopes);
                if !missing.is_empty() {
                    return Err(Error::MissingScope { required: missing });
                }
                TokenKind::User
            }
            Auth::Either(required) => {
                let user_ok = self
                    .user
                    .as_ref()
                    .is_some_and(|u| required.satisfied_by(&u.scopes));
                if user_ok {
                    TokenKind::User
                } else if let Some(app) = &self.app {
                    let missing = required.missing(&app.scopes);
                    if !missing.is_empty() {
                        return Err(Error::MissingScope { required: missing });
                    }
                    TokenKind::App
                } else if self.fetch_app && required.listed().is_empty() {
                    return self.no_app_token();
                } else if let Some(user) = &self.user {
                    return Err(Error::MissingScope {
                        required: required.missing(&user.scopes),
                    });
                } else {
                    return Err(Error::Unauthorized("no authentication is set".into()));
                }
            }
        };
        let state = self.state(kind).expect("kind chosen from a set token");
        let expired = state.expires_at.is_some_and(|at| now >= at);
        if self.auto_refresh && (expired || state.rejected) {
            return Ok(Selection::Refresh {
                kind,
                generation: state.generation,
            });
        }
        Ok(Selection::Ready(Some(TokenChoice {
            kind,
            token: state.token.clone(),
            generation: state.generation,
        })))
    }

    fn select_extension(extension: &TokenState, auth: &Auth) -> Result<Selection, Error> {
        let fits = match auth {
            Auth::None => return Ok(Selection::Ready(None)),
            Auth::App => false,
            Auth::User(required) | Auth::Either(required) => required.listed().is_empty(),
        };
        if !fits {
            let needs = match auth.scopes() {
                [] => "an app access token".to_owned(),
                scopes => format!("the scopes {}", super::scopes_to_string(scopes)),
            };
            return Err(Error::Authorization(format!(
                "{EXTENSION_ONLY}; this one needs {needs}"
            )));
        }
        if extension.rejected {
            return Err(Error::Unauthorized(
                "Twitch refused the extension's Helix token; set the next one onAuthorized hands over"
                    .into(),
            ));
        }
        Ok(Selection::Ready(Some(TokenChoice {
            kind: TokenKind::Extension,
            token: extension.token.clone(),
            generation: extension.generation,
        })))
    }

    fn no_app_token(&self) -> Result<Selection, Error> {
        if self.fetch_app && self.auto_refresh {
            Ok(Selection::Refresh {
                kind: TokenKind::App,
                generation: NO_APP_TOKEN,
            })
        } else {
            Err(Error::Unauthorized("app authentication is not set".into()))
        }
    }

    /// Records that Twitch answered 401 to a request sent with this token. A
    /// later generation (someone refreshed meanwhile) is left alone. Returns
    /// whether the token should be refreshed (auto refresh on and still current).
    pub fn reject(&mut self, kind: TokenKind, generation: u64) -> bool {
        // an extension's token is never refreshed: Twitch hands the next one
        let auto = self.auto_refresh && kind != TokenKind::Extension;
        match self.state_mut(kind) {
            Some(state) if state.generation == generation => {
                state.rejected = true;
                auto
            }
            _ => false,
        }
    }

    /// Remembers that refreshing generation `generation` of `kind` failed for
    /// good with `error` (a rejected refresh token, a missing secret, an invalid
    /// client): later calls for that token get the error without sending anything.
    /// Each kind has its own record; a new token of that kind clears it.
    pub fn record_refresh_failure(&mut self, kind: TokenKind, generation: u64, error: &Error) {
        let slot = match kind {
            TokenKind::App => &mut self.failed_app,
            TokenKind::User => &mut self.failed_user,
            TokenKind::Extension => return,
        };
        *slot = Some((generation, error.clone()));
    }

    /// Forgets the lasting failure of `kind` (an explicit re-authentication tries again).
    pub fn clear_refresh_failure(&mut self, kind: TokenKind) {
        match kind {
            TokenKind::App => self.failed_app = None,
            TokenKind::User => self.failed_user = None,
            TokenKind::Extension => {}
        }
    }

    /// The lasting failure recorded for refreshing this token, if any.
    pub fn refresh_failure(&self, kind: TokenKind, generation: u64) -> Option<Error> {
        let slot = match kind {
            TokenKind::App => &self.failed_app,
            TokenKind::User => &self.failed_user,
            TokenKind::Extension => return None,
        };
        match slot {
            Some((g, e)) if *g == generation && self.is_current(kind, generation) => {
                Some(e.clone())
            }
            _ => None,
        }
    }

    /// The token a request needing `auth` would carry right now, without any
    /// refresh decision (for dry runs): scopes are checked as in
    /// [`Tokens::select`]; `Ok(None)` when no token is set for it.
    pub fn peek(&self, auth: &Auth, now: Instant) -> Result<Option<Secret>, Error> {
        match self.select(auth, now) {
            Ok(Selection::Ready(choice)) => Ok(choice.map(|c| c.token)),
            Ok(Selection::Refresh { kind, .. }) => Ok(self.state(kind).map(|s| s.token.clone())),
            Err(Error::Unauthorized(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// True while `generation` is still the token of `kind` (nobody refreshed it).
    pub fn is_current(&self, kind: TokenKind, generation: u64) -> bool {
        match self.state(kind) {
            Some(s) => s.generation == generation,
            None => kind == TokenKind::App && generation == NO_APP_TOKEN,
        }
    }

    /// The request that refreshes `kind`: client credentials for the app token,
    /// the refresh token grant for the user token.
    pub fn refresh_request(
        &self,
        kind: TokenKind,
        oauth: &OAuth,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        match kind {
            TokenKind::App => oauth.app_token_request(&self.app_scopes),
            TokenKind::User => {
                let refresh = self.user_refresh_token().ok_or_else(|| {
                    Error::Authorization("no refresh token for the user token".into())
                })?;
                oauth.refresh_request(refresh)
            }
            TokenKind::Extension => Err(Error::Authorization(
                "an extension's Helix token is not refreshed; Twitch hands the next one".into(),
            )),
        }
    }

    /// Applies the answer to [`Tokens::refresh_request`] and returns what was
    /// applied. The user token keeps its scopes (and its refresh token) when
    /// Twitch's answer lists none.
    pub fn handle_refresh_response<B: AsRef<[u8]>>(
        &mut self,
        kind: TokenKind,
        response: &http::Response<B>,
        now: Instant,
    ) -> Result<TokenUpdate, Error> {
        let answer: TokenResponse = match kind {
            TokenKind::App => OAuth::parse_token_response(response)?,
            TokenKind::User => OAuth::parse_refresh_response(response)?,
            TokenKind::Extension => {
                return Err(Error::Authorization(
                    "an extension's Helix token is not refreshed".into(),
                ))
            }
        };
        let expires_in = answer.expires_in.map(Duration::from_secs);
        match kind {
            TokenKind::App => {
                let scopes = self.app_scopes.clone();
                self.set_app_token(answer.access_token.clone(), scopes.clone(), expires_in, now);
                self.failed_app = None;
                Ok(TokenUpdate {
                    kind,
                    access_token: answer.access_token,
                    refresh_token: None,
                    expires_in,
                    scopes,
                })
            }
            TokenKind::User => {
                let old = self.user.as_ref();
                let scopes = if answer.scope.is_empty() {
                    old.map(|u| u.scopes.clone()).unwrap_or_default()
                } else {
                    answer.scope
                };
                let refresh = answer
                    .refresh_token
                    .or_else(|| old.and_then(|u| u.refresh_token.clone()));
                let generation = self.generation();
                self.user = Some(TokenState {
                    token: answer.access_token.clone(),
                    scopes: scopes.clone(),
                    refresh_token: refresh.clone(),
                    expires_at: refresh_at(now, expires_in, self.margin),
                    generation,
                    rejected: false,
                });
                self.failed_user = None;
                Ok(TokenUpdate {
                    kind,
                    access_token: answer.access_token,
                    refresh_token: refresh,
                    expires_in,
                    scopes,
                })
            }
            TokenKind::Extension => Err(Error::Authorization(
                "an extension's Helix token is not refreshed".into(),
            )),
        }
    }
}

#[cfg(test)]
mod tests;
