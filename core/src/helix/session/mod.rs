//! The whole Helix client as one sans-IO machine: [`Session`].

mod answer;
mod bucket;
mod config;
mod event;
mod extension;
mod refresh;
mod validation;

#[cfg(test)]
mod tests;

use std::collections::VecDeque;

use bucket::Bucket;
pub use config::{Budget, SessionConfig, VALIDATE_EVERY};
pub use event::Event;

use super::{Auth, Endpoint, Helix};
use crate::auth::{OAuth, Selection, TokenChoice, TokenKind, Tokens};
use crate::machine::{earliest, CallId, HttpMachine, HttpTransmit, Rng, TransmitId};
use crate::sorted_map::SortedMap;
use crate::{AuthScope, Duration, Error, Instant, Secret};

#[derive(Debug)]
enum CallKind {
    Helix {
        request: Box<http::Request<Vec<u8>>>,
        auth: Auth,
    },
    /// Obtain or refresh this token now.
    Token(TokenKind),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    /// Goes out as soon as its token and its bucket allow.
    Queued,
    /// Waits for the refresh of this token.
    Refreshing(TokenKind),
    /// Waits until then (a 5xx backoff, a 429 reset).
    Sleeping(Instant),
    InFlight(TransmitId),
}

#[derive(Debug)]
struct Call {
    kind: CallKind,
    state: State,
    /// A 401 already led to a refresh (or a resend with a newer token).
    refreshed: bool,
    backend_retried: bool,
    rate_limited: u32,
    /// How often this call waited for a refresh (a token that is expired again
    /// right after its refresh must not loop).
    refresh_waits: u8,
    /// The bucket that held it back last.
    blocked_on: Option<TokenKind>,
    /// The token of the request in flight.
    used: Option<TokenChoice>,
    /// Its bucket's count of ended requests when it was sent.
    ended_at_send: u64,
}

#[derive(Debug)]
enum Purpose {
    Call(CallId),
    Refresh {
        kind: TokenKind,
        generation: u64,
    },
    /// The hourly validation of the user token of `generation`.
    Validate {
        generation: u64,
    },
    /// The call was cancelled; the answer only settles its bucket (which, and
    /// the bucket's count of ended requests when it was sent).
    Cancelled(Option<(TokenKind, u64)>),
}

#[derive(Debug, Default)]
struct RefreshSlot {
    in_flight: Option<TransmitId>,
    backoff_until: Option<Instant>,
    failures: u32,
}

fn slot(kind: TokenKind) -> usize {
    match kind {
        TokenKind::App => 0,
        TokenKind::User => 1,
        TokenKind::Extension => 2,
    }
}

/// The Helix client as a sans-IO state machine: it owns the tokens, the
/// rate-limit buckets and every call in flight, and decides everything an
/// adapter would otherwise have to: which token a call carries, when a token
/// is refreshed (once, however many calls wait for it), what is retried and
/// when, and when a call is held back so that it is not sent into a 429.
///
/// It follows the [calling rule](crate::machine): after any input, poll
/// [`Session::poll_transmit`], [`Session::poll_event`] and
/// [`Session::poll_timeout`] until empty; call [`Session::handle_timeout`]
/// when the timeout is reached (an early call does nothing); garbled answers
/// become errors, never panics; jitter comes from [`SessionConfig::seed`]; it
/// never reads a clock.
///
/// Rules:
/// * [`Session::start`] validates and scope-checks first (`InvalidArgument`,
///   `MissingScope`, nothing sent); the call's request and any token request
///   (client credentials, refresh) come out of `poll_transmit`;
/// * an expired token, or a 401 answer, refreshes the token that call used,
///   once; calls that need a token being refreshed wait inside the session,
///   and one refresh request goes out however many wait. A refresh answer is
///   applied only while the token it refreshed is still current (a
///   `set_user_authentication` made meanwhile wins);
/// * a rejected refresh token, a missing client secret or an invalid client
///   fail every later call for that token at once, nothing sent; a 429, 5xx,
///   transport error or garbled answer of the token endpoint fails the waiting
///   calls and the next call tries again after a backoff;
/// * a 5xx answer is sent again once after a jittered delay, for GET, PUT and
///   DELETE; POST and PATCH only on 503 (a create must not run twice);
/// * a 429 answer waits until `Ratelimit-Reset`, measured against the answer's
///   `Date` (the server's clock; the wall clock from [`Session::set_wall_clock`]
///   when there is no `Date`), up to [`SessionConfig::rate_limit_retries`] times;
/// * every token has a bucket, kept from the `Ratelimit-*` headers (a
///   client-side [`Budget`] until they are seen); calls wait in the session
///   while it is empty, and `poll_timeout` says until when.
///
/// ```
/// use twitchapi_core::auth::OAuth;
/// use twitchapi_core::helix::{users::GetUsers, Event, Helix, Session, SessionConfig};
/// use twitchapi_core::{Instant, Secret};
///
/// let now = Instant::now();
/// let mut session = Session::new(
///     Helix::new("client-id"),
///     OAuth::new("client-id", Some(Secret::new("secret"))),
///     SessionConfig::default(),
/// );
/// session.set_app_token(Secret::new("app-token"), vec![], None, now);
/// let call = session
///     .start(&GetUsers { logins: vec!["twitchdev".into()], ..Default::default() }, now)
///     .unwrap();
/// let transmit = session.poll_transmit().unwrap();
/// assert_eq!(transmit.request.uri(), "https://api.twitch.tv/helix/users?login=twitchdev");
///
/// // ... the adapter sends it and feeds the answer back:
/// let answer = http::Response::builder().status(200).body(br#"{"data":[]}"#.to_vec()).unwrap();
/// session.handle_response(transmit.id, answer, now);
/// match session.poll_event() {
///     Some(Event::Answer { call: done, response }) => {
///         assert_eq!(done, call);
///         let users = session.helix().parse_response::<GetUsers, _>(&response).unwrap();
///         assert!(users.data.is_empty());
///     }
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug)]
pub struct Session {
    helix: Helix,
    oauth: OAuth,
    tokens: Tokens,
    config: SessionConfig,
    // sorted by id (ids only grow, so a new call goes at the end); every pump
    // walks all calls anyway, so removing one from the middle costs no more
    calls: SortedMap<CallId, Call>,
    in_flight: SortedMap<TransmitId, Purpose>,
    refresh: [RefreshSlot; 3],
    buckets: [Bucket; 3],
    /// The extension's client id, while an extension's Helix token is set.
    extension_client: Option<String>,
    transmits: VecDeque<HttpTransmit>,
    events: VecDeque<Event>,
    next_id: u64,
    rng: Rng,
    /// (an instant, the unix time then): the wall clock, when the adapter gave it.
    wall: Option<(Instant, Duration)>,
    validation: validation::Validation,
}

impl Session {
    /// A session with no tokens yet.
    pub fn new(helix: Helix, oauth: OAuth, config: SessionConfig) -> Session {
        let mut tokens = Tokens::new(config.auto_refresh);
        tokens.set_refresh_margin(config.refresh_margin);
        tokens.set_fetch_app_token(config.fetch_app_token);
        Session {
            helix,
            oauth,
            tokens,
            rng: Rng::new(config.seed),
            buckets: [
                Bucket::new(config.budget),
                Bucket::new(config.budget),
                Bucket::new(config.extension_budget),
            ],
            extension_client: None,
            config,
            calls: SortedMap::new(),
            in_flight: SortedMap::new(),
            refresh: Default::default(),
            transmits: VecDeque::new(),
            events: VecDeque::new(),
            next_id: 1,
            wall: None,
            validation: Default::default(),
        }
    }

    /// The request builder and answer parser.
    pub fn helix(&self) -> &Helix {
        &self.helix
    }

    /// The OAuth request builder.
    pub fn oauth(&self) -> &OAuth {
        &self.oauth
    }

    /// The token state (read only; change it through the session).
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    /// The configuration.
    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// Tells the session the wall clock: at `now` it is `unix` since the Unix
    /// epoch. Used for `Ratelimit-Reset` when an answer carries no `Date`.
    pub fn set_wall_clock(&mut self, now: Instant, unix: Duration) {
        self.wall = Some((now, unix));
    }

    /// Turns automatic refresh on or off.
    pub fn set_auto_refresh(&mut self, on: bool) {
        self.config.auto_refresh = on;
        self.tokens.set_auto_refresh(on);
    }

    /// Uses this app token (from an earlier client credentials grant, or one
    /// fetched elsewhere).
    pub fn set_app_token(
        &mut self,
        token: Secret,
        scopes: Vec<AuthScope>,
        expires_in: Option<Duration>,
        now: Instant,
    ) {
        self.tokens.set_app_token(token, scopes, expires_in, now);
        self.after_token_change(TokenKind::App, now);
    }

    /// Sets the user token (the seed's `set_user_authentication`); a refresh
    /// token is required while auto refresh is on. Wins over a refresh that is
    /// in flight: that refresh's answer is dropped.
    pub fn set_user_authentication(
        &mut self,
        token: Secret,
        scopes: Vec<AuthScope>,
        refresh_token: Option<Secret>,
        expires_in: Option<Duration>,
        now: Instant,
    ) -> Result<(), Error> {
        self.tokens
            .set_user_token(token, scopes, refresh_token, expires_in, now)?;
        self.schedule_validation(now);
        self.after_token_change(TokenKind::User, now);
        Ok(())
    }

    /// Replaces the user token's scope list; the token is unchanged.
    pub fn set_user_scopes(&mut self, scopes: Vec<AuthScope>) {
        self.tokens.set_user_scopes(scopes);
    }

    /// A new token: calls waiting for the old one's refresh go ahead with it.
    pub(super) fn after_token_change(&mut self, kind: TokenKind, now: Instant) {
        self.refresh[slot(kind)].backoff_until = None;
        self.refresh[slot(kind)].failures = 0;
        for call in self.calls.values_mut() {
            if call.state == State::Refreshing(kind) && matches!(call.kind, CallKind::Helix { .. })
            {
                call.state = State::Queued;
            }
        }
        self.pump(now);
    }

    fn next_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Starts a call of `endpoint`: validated and scope-checked now
    /// (`InvalidArgument`, `MissingScope`, `Unauthorized`: nothing is sent).
    /// Its outcome is an [`Event::Answer`] or [`Event::Failed`] with the id returned.
    pub fn start<E: Endpoint>(&mut self, endpoint: &E, now: Instant) -> Result<CallId, Error> {
        endpoint.validate()?;
        let request = self.helix.build_unsigned(endpoint)?;
        self.start_unsigned(request, endpoint.auth(), now)
    }

    /// Starts a call of an already built request without `Authorization` (see
    /// [`Helix::build_unsigned`]) that needs `auth`. For callers that build
    /// requests themselves (bindings, generic tools).
    pub fn start_unsigned(
        &mut self,
        request: http::Request<Vec<u8>>,
        auth: Auth,
        now: Instant,
    ) -> Result<CallId, Error> {
        // the scope check and any lasting refresh failure: before anything is sent
        match self.tokens.select(&auth, now)? {
            Selection::Refresh { kind, generation } => {
                if let Some(error) = self.tokens.refresh_failure(kind, generation) {
                    return Err(error);
                }
            }
            Selection::Ready(_) => {}
        }
        let id = CallId(self.next_id());
        self.calls.insert(
            id,
            Call::new(CallKind::Helix {
                request: Box::new(request),
                auth,
            }),
        );
        self.advance(id, now);
        Ok(id)
    }

    /// Forgets a call (its caller went away). An answer still on its way is
    /// dropped when it arrives.
    pub fn cancel(&mut self, call: CallId) {
        let Some(removed) = self.calls.remove(&call) else {
            return;
        };
        if let State::InFlight(tid) = removed.state {
            let bucket = removed.used.map(|u| (u.kind, removed.ended_at_send));
            self.in_flight.insert(tid, Purpose::Cancelled(bucket));
        }
    }

    /// How many calls are started and not yet ended.
    pub fn calls_in_progress(&self) -> usize {
        self.calls.len()
    }

    /// The request [`Session::start`] would send first, without starting
    /// anything or refreshing: validated, scope-checked, signed with the token
    /// that would be used (`[no token]` when none is set).
    pub fn dry_run<E: Endpoint>(
        &self,
        endpoint: &E,
        now: Instant,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        endpoint.validate()?;
        if self.tokens.extension_token().is_some() {
            let mut request = self.helix.build_unsigned(endpoint)?;
            if let Selection::Ready(Some(choice)) = self.tokens.select(&endpoint.auth(), now)? {
                self.sign(&mut request, &choice)?;
            }
            return Ok(request);
        }
        let token = self
            .tokens
            .peek(&endpoint.auth(), now)?
            .unwrap_or_else(|| Secret::new("[no token]"));
        self.helix.build_request(endpoint, &token)
    }

    /// The next request to send.
    pub fn poll_transmit(&mut self) -> Option<HttpTransmit> {
        self.transmits.pop_front()
    }

    /// The next thing the application should see.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// When [`Session::handle_timeout`] wants to be called: the end of a
    /// backoff, a 429 wait or a rate-limit hold. `None` while nothing waits on time.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let mut next = None;
        for call in self.calls.values() {
            let at = match call.state {
                State::Sleeping(at) => Some(at),
                State::Queued => call
                    .blocked_on
                    .and_then(|kind| self.buckets[slot(kind)].ready_at()),
                State::Refreshing(kind) => {
                    let s = &self.refresh[slot(kind)];
                    if s.in_flight.is_none() {
                        s.backoff_until
                    } else {
                        None
                    }
                }
                State::InFlight(_) => None,
            };
            next = earliest(next, at);
        }
        earliest(next, self.validation_timeout())
    }

    /// Time has reached `now`: wake what waited for it.
    pub fn handle_timeout(&mut self, now: Instant) {
        let refresh = &self.refresh;
        for call in self.calls.values_mut() {
            let due = match call.state {
                State::Sleeping(at) => at <= now,
                State::Refreshing(kind) => {
                    let s = &refresh[slot(kind)];
                    s.in_flight.is_none() && s.backoff_until.is_none_or(|at| at <= now)
                }
                _ => false,
            };
            if due {
                call.state = State::Queued;
            }
        }
        self.validate_if_due(now);
        self.pump(now);
    }

    /// Sends every queued call that may go now.
    fn pump(&mut self, now: Instant) {
        let queued: Vec<CallId> = self
            .calls
            .iter()
            .filter(|(_, c)| c.state == State::Queued)
            .map(|(id, _)| *id)
            .collect();
        for id in queued {
            self.advance(id, now);
        }
    }

    /// Moves one queued call on: to a refresh wait, a bucket wait, or the wire.
    fn advance(&mut self, id: CallId, now: Instant) {
        let Some(call) = self.calls.get(&id) else {
            return;
        };
        let selection = match &call.kind {
            CallKind::Token(kind) => {
                let kind = *kind;
                let generation = self.tokens.generation_of(kind);
                self.wait_for_refresh(id, kind, generation, now);
                return;
            }
            CallKind::Helix { auth, .. } => self.tokens.select(auth, now),
        };
        match selection {
            Err(error) => self.fail(id, error),
            Ok(Selection::Refresh { kind, generation }) => {
                if let Some(error) = self.tokens.refresh_failure(kind, generation) {
                    return self.fail(id, error);
                }
                let call = self.calls.get_mut(&id).expect("checked above");
                if call.refresh_waits >= 2 {
                    return self.fail(
                        id,
                        Error::Authorization("token expired again right after its refresh".into()),
                    );
                }
                call.refresh_waits += 1;
                self.wait_for_refresh(id, kind, generation, now);
            }
            Ok(Selection::Ready(choice)) => self.send(id, choice, now),
        }
    }

    fn send(&mut self, id: CallId, choice: Option<TokenChoice>, now: Instant) {
        let kind = choice.as_ref().map(|c| c.kind);
        if let Some(kind) = kind {
            if !self.buckets[slot(kind)].can_send(now) {
                if let Some(call) = self.calls.get_mut(&id) {
                    call.blocked_on = Some(kind);
                }
                return;
            }
        }
        let Some(call) = self.calls.get_mut(&id) else {
            return;
        };
        let CallKind::Helix { request, .. } = &call.kind else {
            return;
        };
        let mut request = copy_request(request);
        if let Some(choice) = &choice {
            if let Err(error) = self.sign(&mut request, choice) {
                return self.fail(id, error);
            }
        }
        let tid = TransmitId(self.next_id);
        self.next_id += 1;
        let call = self.calls.get_mut(&id).expect("checked above");
        call.state = State::InFlight(tid);
        call.blocked_on = None;
        call.used = choice;
        if let Some(kind) = kind {
            let ended = self.buckets[slot(kind)].on_send(now);
            if let Some(call) = self.calls.get_mut(&id) {
                call.ended_at_send = ended;
            }
        }
        self.in_flight.insert(tid, Purpose::Call(id));
        tracing::debug!(target: "twitchapi::helix", call = id.0, transmit = tid.0,
            method = %request.method(), path = request.uri().path(), "request");
        self.transmits.push_back(HttpTransmit { id: tid, request });
    }

    fn fail(&mut self, id: CallId, error: Error) {
        if self.calls.remove(&id).is_some() {
            self.events.push_back(Event::Failed { call: id, error });
        }
    }

    fn finish(&mut self, id: CallId, response: http::Response<Vec<u8>>) {
        if self.calls.remove(&id).is_some() {
            self.events.push_back(Event::Answer { call: id, response });
        }
    }

    /// The unix time at `now` by the wall clock the adapter gave, if any.
    fn unix_at(&self, now: Instant) -> Option<Duration> {
        let (at, unix) = self.wall?;
        Some(if now >= at {
            unix.saturating_add(now - at)
        } else {
            unix.saturating_sub(at - now)
        })
    }
}

impl Call {
    fn new(kind: CallKind) -> Call {
        Call {
            kind,
            state: State::Queued,
            refreshed: false,
            backend_retried: false,
            rate_limited: 0,
            refresh_waits: 0,
            blocked_on: None,
            used: None,
            ended_at_send: 0,
        }
    }
}

/// A copy of a request (http's `Request` is not `Clone`; extensions are not kept).
fn copy_request(request: &http::Request<Vec<u8>>) -> http::Request<Vec<u8>> {
    let mut copy = http::Request::new(request.body().clone());
    *copy.method_mut() = request.method().clone();
    *copy.uri_mut() = request.uri().clone();
    *copy.version_mut() = request.version();
    *copy.headers_mut() = request.headers().clone();
    copy
}

impl HttpMachine for Session {
    fn poll_transmit(&mut self) -> Option<HttpTransmit> {
        Session::poll_transmit(self)
    }
    fn handle_response(&mut self, id: TransmitId, response: http::Response<Vec<u8>>, now: Instant) {
        Session::handle_response(self, id, response, now)
    }
    fn handle_transport_error(&mut self, id: TransmitId, error: Error, now: Instant) {
        Session::handle_transport_error(self, id, error, now)
    }
    fn poll_timeout(&self) -> Option<Instant> {
        Session::poll_timeout(self)
    }
    fn handle_timeout(&mut self, now: Instant) {
        Session::handle_timeout(self, now)
    }
}
