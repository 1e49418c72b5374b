//! `HelixMachine`: the core's Helix [`Session`] for JavaScript that moves the
//! bytes itself. Calls go in by method name with JSON parameters; requests
//! come out complete (headers, token, body); answers and the time go in; call
//! outcomes, token updates and the next deadline come out. Tokens, single-flight
//! refresh, retries, rate limits and the hourly validation are the session's,
//! exactly as in the package's `Twitch`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use serde_json::{json, Value};
use twitchapi_core::auth::{OAuth, TokenKind, TokenUpdate};
use twitchapi_core::helix::{Auth, Event, Helix, Session, SessionConfig, VALIDATE_EVERY};
use twitchapi_core::machine::{CallId, TransmitId};
use twitchapi_core::sorted_map::SortedMap;
use twitchapi_core::{AuthScope, Duration, Error, Instant, Secret};

use super::JsError;
use crate::clock::Clock;
use crate::dispatch::{find, Entry};
use crate::error::to_json;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// What a Helix answer of another machine's request is handed back as.
pub(crate) type Answer = (TransmitId, Result<http::Response<Vec<u8>>, Error>, Instant);

/// Where another machine (EventSub) waits for the answers of the requests it
/// had the session send.
pub(crate) type Inbox = Weak<RefCell<VecDeque<Answer>>>;

/// Who started a call.
enum Route {
    /// The application, by method name: its outcome is an event.
    Endpoint(&'static Entry),
    /// A token command (`authenticateApp`).
    Command,
    /// Another machine: the outcome goes to its inbox.
    Machine(Inbox, TransmitId),
}

/// The session and what the JavaScript side needs around it.
pub(crate) struct Core {
    session: Session,
    clock: Clock,
    last: Instant,
    routes: SortedMap<u64, Route>,
    transmits: SortedMap<u64, TransmitId>,
    /// The application's events, in order; the other machines' outcomes
    /// are in their inboxes already.
    events: VecDeque<Value>,
}

impl Core {
    /// Takes the session's events: the outcomes of other machines' requests
    /// go to their inboxes at once (so they need no `pollEvent` here), the
    /// rest wait for `pollEvent`.
    fn settle(&mut self) {
        while let Some(event) = self.session.poll_event() {
            let (call, outcome) = match event {
                Event::Answer { call, response } => (call, Ok(response)),
                Event::Failed { call, error } => (call, Err(error)),
                Event::Ready { call } => {
                    self.routes.remove(&call.get());
                    self.events
                        .push_back(json!({"type": "ready", "call": call.get()}));
                    continue;
                }
                Event::TokenRefreshed(update) => {
                    self.events.push_back(update_json(&update));
                    continue;
                }
                Event::TokenInvalid { kind } => {
                    let out = json!({"type": "tokenInvalid", "kind": kind_name(kind)});
                    self.events.push_back(out);
                    continue;
                }
                _ => continue,
            };
            let out = match self.routes.remove(&call.get()) {
                Some(Route::Machine(inbox, tid)) => {
                    if let Some(inbox) = inbox.upgrade() {
                        inbox.borrow_mut().push_back((tid, outcome, self.last));
                    }
                    continue;
                }
                Some(Route::Endpoint(entry)) => {
                    match outcome.and_then(|r| crate::answer::into_text(entry, r)) {
                        Ok(body) => json!({"type": "answer", "call": call.get(), "body": body}),
                        Err(error) => {
                            json!({"type": "failed", "call": call.get(), "error": to_json(&error)})
                        }
                    }
                }
                Some(Route::Command) | None => match outcome {
                    Ok(_) => json!({"type": "ready", "call": call.get()}),
                    Err(error) => {
                        json!({"type": "failed", "call": call.get(), "error": to_json(&error)})
                    }
                },
            };
            self.events.push_back(out);
        }
    }

    /// Starts a request built by another machine; its outcome goes to `inbox`.
    #[cfg_attr(not(feature = "eventsub"), allow(dead_code))]
    pub(crate) fn start_for(
        &mut self,
        request: http::Request<Vec<u8>>,
        auth: Auth,
        inbox: Inbox,
        id: TransmitId,
        now: Instant,
    ) -> Result<(), Error> {
        self.settle();
        let call = self.session.start_unsigned(request, auth, now)?;
        self.routes.insert(call.get(), Route::Machine(inbox, id));
        Ok(())
    }

    /// The session's Helix request builder (base URL, client id).
    #[cfg_attr(not(feature = "eventsub"), allow(dead_code))]
    pub(crate) fn helix(&self) -> &Helix {
        self.session.helix()
    }

    /// The caller's clock.
    #[cfg_attr(not(any(feature = "eventsub", feature = "pubsub")), allow(dead_code))]
    pub(crate) fn clock(&self) -> Clock {
        self.clock
    }

    #[cfg_attr(not(feature = "pubsub"), allow(dead_code))]
    /// The user token's generation (it changes with every new token).
    pub(crate) fn user_generation(&self) -> u64 {
        self.session.tokens().generation_of(TokenKind::User)
    }

    #[cfg_attr(not(feature = "pubsub"), allow(dead_code))]
    /// The caller's milliseconds of the latest input.
    pub(crate) fn latest_ms(&self) -> f64 {
        self.clock.ms(self.last)
    }

    #[cfg_attr(not(feature = "pubsub"), allow(dead_code))]
    /// Starts a refresh of the user token (Twitch refused it elsewhere); its
    /// outcome is this machine's `ready` / `tokenRefreshed` or `failed`.
    pub(crate) fn refresh_user(&mut self, at: Instant) {
        let call = self.session.refresh_token(TokenKind::User, at);
        self.routes.insert(call.get(), Route::Command);
    }

    #[cfg_attr(not(feature = "pubsub"), allow(dead_code))]
    /// The user token and its scopes, for a PubSub machine.
    pub(crate) fn user_token(&self) -> Option<(Secret, Vec<AuthScope>)> {
        let token = self.session.tokens().user_token()?;
        Some((token.clone(), self.session.tokens().user_scopes().to_vec()))
    }
}

/// A token kind as JavaScript names it.
pub(crate) fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::App => "app",
        TokenKind::User => "user",
        TokenKind::Extension => "extension",
    }
}

fn update_json(update: &TokenUpdate) -> Value {
    json!({
        "type": "tokenRefreshed",
        "kind": kind_name(update.kind),
        "accessToken": update.access_token.expose(),
        "refreshToken": update.refresh_token.as_ref().map(|t| t.expose()),
        "expiresIn": update.expires_in.map(|d| d.as_secs()),
        "scopes": update.scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
    })
}

fn scopes(list: Vec<String>) -> Vec<AuthScope> {
    list.iter().map(|s| AuthScope::from_wire(s)).collect()
}

/// A response from what JavaScript hands over: the status, the headers as
/// JSON text (an object, or an array of `[name, value]` pairs) and the body.
/// Of the headers, those the machines read are kept
/// ([`twitchapi_core::helix::headers::ANSWER_HEADERS`], names in any case).
fn response(status: u16, headers: &str, body: String) -> Result<http::Response<Vec<u8>>, Error> {
    let bad = |what: &str| Error::invalid(format!("handleResponse: {what}"));
    let mut builder = http::Response::builder().status(status);
    let pairs: Vec<(String, String)> = match serde_json::from_str::<Value>(headers) {
        Ok(Value::Object(map)) => map
            .into_iter()
            .map(|(k, v)| {
                Ok((
                    k,
                    v.as_str()
                        .ok_or_else(|| bad("a header value is not a string"))?
                        .to_owned(),
                ))
            })
            .collect::<Result<_, Error>>()?,
        Ok(Value::Array(_)) => {
            serde_json::from_str(headers).map_err(|_| bad("headers must be [name, value] pairs"))?
        }
        _ => {
            return Err(bad(
                "headers must be JSON text of an object or of [name, value] pairs",
            ))
        }
    };
    // only the headers the machines read: no header name parsed at run time
    for name in twitchapi_core::helix::headers::ANSWER_HEADERS {
        if let Some((_, value)) = pairs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name.as_str()))
        {
            builder = builder.header(name, value.as_str());
        }
    }
    builder
        .body(body.into_bytes())
        .map_err(|_| bad("a status or header that HTTP does not allow"))
}

/// The Helix session as a machine JavaScript drives.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub struct RawHelixMachine {
    core: Rc<RefCell<Core>>,
}

impl RawHelixMachine {
    /// The shared state, for the machines made over this one.
    #[cfg_attr(not(any(feature = "eventsub", feature = "pubsub")), allow(dead_code))]
    pub(crate) fn core(&self) -> Rc<RefCell<Core>> {
        self.core.clone()
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
impl RawHelixMachine {
    /// A session for the app `client_id` (a secret allows app tokens and
    /// refreshing); `now` is the caller's clock in milliseconds, which every
    /// later `now` continues.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(constructor))]
    pub fn new(
        client_id: String,
        client_secret: Option<String>,
        helix_url: Option<String>,
        auth_url: Option<String>,
        auto_refresh: bool,
        now: f64,
    ) -> Result<RawHelixMachine, JsError> {
        let mut helix = Helix::new(client_id.clone());
        if let Some(url) = &helix_url {
            helix = helix.with_base_url(url)?;
        }
        let secret = client_secret.filter(|s| !s.is_empty()).map(Secret::new);
        let mut oauth = OAuth::new(client_id, secret);
        if let Some(url) = &auth_url {
            oauth = oauth.with_base_url(url)?;
        }
        let mut config = SessionConfig::default();
        config.validate_every = Some(VALIDATE_EVERY);
        config.auto_refresh = auto_refresh;
        let clock = Clock::new(now);
        let mut session = Session::new(helix, oauth, config);
        session.set_auto_refresh(auto_refresh);
        Ok(RawHelixMachine {
            core: Rc::new(RefCell::new(Core {
                session,
                clock,
                last: clock.at(now),
                routes: SortedMap::new(),
                transmits: SortedMap::new(),
                events: VecDeque::new(),
            })),
        })
    }

    /// Tells the session the wall clock (`unixMs`, `Date.now()`) at `now`,
    /// for rate-limit resets of answers without a `Date`.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = setWallClock))]
    pub fn set_wall_clock(&self, unix_ms: f64, now: f64) {
        let mut core = self.core.borrow_mut();
        let at = core.clock.at(now);
        let unix = Duration::from_millis(unix_ms.max(0.0) as u64);
        core.session.set_wall_clock(at, unix);
    }

    /// Uses an app token obtained elsewhere.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = setAppToken))]
    pub fn set_app_token(&self, token: String, granted: Vec<String>, now: f64) {
        let mut core = self.core.borrow_mut();
        let at = core.clock.at(now);
        core.session
            .set_app_token(Secret::new(token), scopes(granted), None, at);
    }

    /// Sets the user token (a refresh token is required while auto refresh is on).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = setUserAuthentication))]
    pub fn set_user_authentication(
        &self,
        token: String,
        granted: Vec<String>,
        refresh_token: Option<String>,
        now: f64,
    ) -> Result<(), JsError> {
        let mut core = self.core.borrow_mut();
        let at = core.clock.at(now);
        core.session.set_user_authentication(
            Secret::new(token),
            scopes(granted),
            refresh_token.map(Secret::new),
            None,
            at,
        )?;
        Ok(())
    }

    /// Gets an app token by client credentials; returns the command's call
    /// id (its outcome: a `ready` or `failed` event).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = authenticateApp))]
    pub fn authenticate_app(&self, granted: Vec<String>, now: f64) -> f64 {
        let mut core = self.core.borrow_mut();
        let at = core.clock.at(now);
        let call = core.session.authenticate_app(scopes(granted), at);
        core.routes.insert(call.get(), Route::Command);
        call.get() as f64
    }

    /// Starts the Helix method of that seed name with `params` (JSON text of
    /// an object, the seed's names); returns the call id. Throws before
    /// anything is queued when the arguments break a rule or a scope is missing.
    pub fn call(&self, name: String, params: String, now: f64) -> Result<f64, JsError> {
        let entry = find(&name)?;
        let mut core = self.core.borrow_mut();
        let (request, auth) = entry.build(core.session.helix(), &params)?;
        let at = core.clock.at(now);
        core.last = at;
        let call: CallId = core.session.start_unsigned(request, auth, at)?;
        core.routes.insert(call.get(), Route::Endpoint(entry));
        Ok(call.get() as f64)
    }

    /// The next request to send, as JSON text: `{"id","method","url",
    /// "headers":[[name,value],...],"body"}` (`body` a string or null);
    /// `undefined` when there is none.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollTransmit))]
    pub fn poll_transmit(&self) -> Option<String> {
        let mut core = self.core.borrow_mut();
        let transmit = core.session.poll_transmit()?;
        core.transmits.insert(transmit.id.get(), transmit.id);
        let request = transmit.request;
        let headers: Vec<(&str, &str)> = request
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?)))
            .collect();
        let body = (!request.body().is_empty()).then(|| String::from_utf8_lossy(request.body()));
        let out = json!({
            "id": transmit.id.get(),
            "method": request.method().as_str(),
            "url": request.uri().to_string(),
            "headers": headers,
            "body": body,
        });
        Some(out.to_string())
    }

    /// The answer to request `id`: its status, headers (JSON text: an object
    /// or `[name, value]` pairs) and body text.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleResponse))]
    pub fn handle_response(
        &self,
        id: f64,
        status: u16,
        headers: String,
        body: String,
        now: f64,
    ) -> Result<(), JsError> {
        let answer = response(status, &headers, body)?;
        let mut core = self.core.borrow_mut();
        let Some(tid) = core.transmits.remove(&(id as u64)) else {
            return Err(Error::NotFound(format!("no request {id} in flight")).into());
        };
        let at = core.clock.at(now);
        core.last = at;
        core.session.handle_response(tid, answer, at);
        core.settle();
        Ok(())
    }

    /// Request `id` failed without an answer (`message` says how).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleTransportError))]
    pub fn handle_transport_error(&self, id: f64, message: String, now: f64) {
        let mut core = self.core.borrow_mut();
        if let Some(tid) = core.transmits.remove(&(id as u64)) {
            let at = core.clock.at(now);
            core.last = at;
            core.session
                .handle_transport_error(tid, Error::Transport(message), at);
            core.settle();
        }
    }

    /// The next event as JSON text, `undefined` when there is none:
    /// `{"type":"answer","call","body"}` (Twitch's body text, "" for 204),
    /// `{"type":"failed","call","error":{kind,message,...}}`,
    /// `{"type":"ready","call"}`, `{"type":"tokenRefreshed",kind,accessToken,
    /// refreshToken,expiresIn,scopes}` or `{"type":"tokenInvalid","kind"}`.
    /// Outcomes of requests another machine made go to that machine instead.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollEvent))]
    pub fn poll_event(&self) -> Option<String> {
        let mut core = self.core.borrow_mut();
        core.settle();
        core.events.pop_front().map(|event| event.to_string())
    }

    /// When `handleTimeout` wants to be called, in the caller's milliseconds;
    /// `undefined` while nothing waits on time.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollTimeout))]
    pub fn poll_timeout(&self) -> Option<f64> {
        let core = self.core.borrow();
        let at = core.session.poll_timeout()?;
        Some(core.clock.ms(at))
    }

    /// Time has reached `now`.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleTimeout))]
    pub fn handle_timeout(&self, now: f64) {
        let mut core = self.core.borrow_mut();
        let at = core.clock.at(now);
        core.last = at;
        core.session.handle_timeout(at);
        core.settle();
    }

    /// How many calls are started and not yet ended.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = callsInProgress))]
    pub fn calls_in_progress(&self) -> usize {
        self.core.borrow().session.calls_in_progress()
    }
}
