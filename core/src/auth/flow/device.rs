//! The device code flow as a machine: ask for a code, show it to the user,
//! poll the token endpoint at Twitch's pace until the user approved, refused,
//! or the code ran out.

use std::collections::VecDeque;

use http::StatusCode;
use serde::Deserialize;

use crate::auth::{scopes_to_string, OAuth, TokenResponse};
use crate::machine::{after, HttpMachine, HttpTransmit, TransmitId};
use crate::{AuthScope, Duration, Error, Instant};

/// The `grant_type` of a device-code poll.
pub const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// How much longer the polls wait after each `slow_down`.
const SLOW_DOWN_STEP: Duration = Duration::from_secs(5);

/// What a [`DeviceFlow`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeviceEvent {
    /// Show this to the user: open `verification_uri` and enter `user_code`
    /// before `expires_at`.
    Code {
        /// The code to enter.
        user_code: String,
        /// Where to enter it.
        verification_uri: String,
        /// When the code runs out.
        expires_at: Instant,
    },
    /// The user approved: the tokens.
    Token(TokenResponse),
    /// The flow ended without a token: [`Error::AccessDenied`] when the user
    /// refused, [`Error::OAuth`] (`expired_token`) when the code ran out or
    /// Twitch no longer knows it, or the error of a failed code request.
    Failed(Error),
}

#[derive(Debug)]
enum Phase {
    Idle,
    /// The code request is out.
    Requesting,
    /// Waiting until `at` to poll (or the poll is out when `out`).
    Polling {
        device_code: crate::Secret,
        at: Instant,
        out: bool,
    },
    Done,
}

#[derive(Deserialize)]
struct DeviceAnswer {
    device_code: String,
    user_code: String,
    verification_uri: String,
    expires_in: u64,
    #[serde(default = "default_interval")]
    interval: u64,
}

fn default_interval() -> u64 {
    5
}

/// The device code flow (`POST /oauth2/device`, then polls of
/// `/oauth2/token` with [`DEVICE_GRANT`]). It works for public clients: the
/// secret is sent only when the [`OAuth`] has one.
///
/// Polls honour Twitch's `interval`; `authorization_pending` waits one more
/// interval; `slow_down` adds 5 s to it for good; a failed or garbled poll is
/// tried again after the interval; nothing is polled once the code expired.
/// The calling rule of [`crate::machine`] applies.
///
/// ```
/// use twitchapi_core::auth::{flow::{DeviceEvent, DeviceFlow}, OAuth};
/// use twitchapi_core::machine::HttpMachine;
/// use twitchapi_core::{AuthScope, Instant};
///
/// let now = Instant::now();
/// let mut flow = DeviceFlow::new(&OAuth::new("public-client", None), vec![AuthScope::ChatRead]);
/// flow.start(now);
/// let request = flow.poll_transmit().unwrap();
/// assert_eq!(request.request.uri(), "https://id.twitch.tv/oauth2/device");
/// let answer = http::Response::new(br#"{"device_code":"dc","user_code":"ABCDEFGH","verification_uri":"https://www.twitch.tv/activate","expires_in":1800,"interval":5}"#.to_vec());
/// flow.handle_response(request.id, answer, now);
/// assert!(matches!(flow.poll_event(), Some(DeviceEvent::Code { .. })));
/// assert_eq!(flow.poll_timeout(), Some(now + std::time::Duration::from_secs(5)));
/// ```
#[derive(Debug)]
pub struct DeviceFlow {
    oauth: OAuth,
    scopes: Vec<AuthScope>,
    phase: Phase,
    interval: Duration,
    expires_at: Option<Instant>,
    in_flight: Option<TransmitId>,
    next_id: u64,
    transmits: VecDeque<HttpTransmit>,
    events: VecDeque<DeviceEvent>,
}

impl DeviceFlow {
    /// A flow for `scopes`.
    pub fn new(oauth: &OAuth, scopes: Vec<AuthScope>) -> DeviceFlow {
        DeviceFlow {
            oauth: oauth.clone(),
            scopes,
            phase: Phase::Idle,
            interval: Duration::from_secs(default_interval()),
            expires_at: None,
            in_flight: None,
            next_id: 0,
            transmits: VecDeque::new(),
            events: VecDeque::new(),
        }
    }

    /// Asks Twitch for a code. A second call does nothing.
    pub fn start(&mut self, _now: Instant) {
        if !matches!(self.phase, Phase::Idle) {
            return;
        }
        let scope = scopes_to_string(&self.scopes);
        match self.oauth.form_post(
            "/oauth2/device",
            &[("client_id", self.oauth.client_id()), ("scopes", &scope)],
        ) {
            Ok(request) => {
                self.phase = Phase::Requesting;
                self.send(request);
            }
            Err(error) => self.fail(error),
        }
    }

    /// The next event.
    pub fn poll_event(&mut self) -> Option<DeviceEvent> {
        self.events.pop_front()
    }

    /// Whether the flow has ended (a token or a failure was reported).
    pub fn is_done(&self) -> bool {
        matches!(self.phase, Phase::Done)
    }

    /// The time between polls now (Twitch's `interval`, plus 5 s per `slow_down`).
    pub fn interval(&self) -> Duration {
        self.interval
    }

    /// When the code runs out, once Twitch gave one.
    pub fn expires_at(&self) -> Option<Instant> {
        self.expires_at
    }

    fn send(&mut self, request: http::Request<Vec<u8>>) {
        self.next_id += 1;
        let id = TransmitId(self.next_id);
        self.in_flight = Some(id);
        self.transmits.push_back(HttpTransmit { id, request });
    }

    fn fail(&mut self, error: Error) {
        tracing::debug!(target: "twitchapi::oauth", %error, "device flow ended");
        self.phase = Phase::Done;
        self.in_flight = None;
        self.transmits.clear();
        self.events.push_back(DeviceEvent::Failed(error));
    }

    fn expired() -> Error {
        Error::OAuth {
            error: "expired_token".into(),
            description: "the device code expired before the user approved it".into(),
        }
    }

    /// Waits one interval before the next poll, or ends when the code will
    /// have run out by then.
    fn wait(&mut self, device_code: crate::Secret, now: Instant) {
        match after(now, self.interval) {
            Some(at) if self.expires_at.is_none_or(|end| at < end) => {
                self.phase = Phase::Polling {
                    device_code,
                    at,
                    out: false,
                };
            }
            _ => self.fail(Self::expired()),
        }
    }

    fn poll_request(&self, device_code: &crate::Secret) -> Result<http::Request<Vec<u8>>, Error> {
        let scope = scopes_to_string(&self.scopes);
        let mut pairs = vec![("client_id", self.oauth.client_id())];
        if let Some(secret) = self.oauth.client_secret() {
            pairs.push(("client_secret", secret.expose()));
        }
        pairs.extend([
            ("device_code", device_code.expose()),
            ("grant_type", DEVICE_GRANT),
            ("scopes", scope.as_str()),
        ]);
        self.oauth.form_post("/oauth2/token", &pairs)
    }

    fn code_answer(&mut self, response: &http::Response<Vec<u8>>, now: Instant) {
        if !response.status().is_success() {
            let message = crate::helix::error_message(response.status(), response.body());
            let error = if response.status().is_server_error() {
                Error::Backend {
                    status: response.status().as_u16(),
                    message,
                }
            } else {
                Error::Authorization(message)
            };
            return self.fail(error);
        }
        let answer: DeviceAnswer = match serde_json::from_slice(response.body()) {
            Ok(answer) => answer,
            Err(e) => return self.fail(Error::Protocol(format!("device code answer: {e}"))),
        };
        self.interval = Duration::from_secs(answer.interval.max(1));
        self.expires_at = after(now, Duration::from_secs(answer.expires_in));
        let Some(expires_at) = self.expires_at else {
            return self.fail(Error::Protocol("device code lifetime out of range".into()));
        };
        self.events.push_back(DeviceEvent::Code {
            user_code: answer.user_code,
            verification_uri: answer.verification_uri,
            expires_at,
        });
        self.wait(crate::Secret::new(answer.device_code), now);
    }

    fn poll_answer(
        &mut self,
        device_code: crate::Secret,
        response: &http::Response<Vec<u8>>,
        now: Instant,
    ) {
        let status = response.status();
        if status.is_success() {
            match OAuth::parse_token_response(response) {
                Ok(token) => {
                    self.phase = Phase::Done;
                    self.events.push_back(DeviceEvent::Token(token));
                }
                // a garbled answer: the code may still be good, poll again
                Err(_) => self.wait(device_code, now),
            }
            return;
        }
        let message = crate::helix::error_message(status, response.body());
        match (status, message.as_str()) {
            (StatusCode::BAD_REQUEST, "authorization_pending") => self.wait(device_code, now),
            (StatusCode::BAD_REQUEST, "slow_down") => {
                self.interval += SLOW_DOWN_STEP;
                self.wait(device_code, now);
            }
            (StatusCode::BAD_REQUEST, "access_denied") => self.fail(Error::AccessDenied(
                "the user refused the device code".into(),
            )),
            (StatusCode::BAD_REQUEST, "invalid device code" | "expired_token") => {
                self.fail(Error::OAuth {
                    error: "expired_token".into(),
                    description: message,
                })
            }
            (s, _) if s.is_server_error() || s == StatusCode::TOO_MANY_REQUESTS => {
                self.wait(device_code, now)
            }
            _ => self.fail(Error::Authorization(message)),
        }
    }
}

impl HttpMachine for DeviceFlow {
    fn poll_transmit(&mut self) -> Option<HttpTransmit> {
        self.transmits.pop_front()
    }

    fn handle_response(&mut self, id: TransmitId, response: http::Response<Vec<u8>>, now: Instant) {
        if self.in_flight != Some(id) {
            return;
        }
        self.in_flight = None;
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Requesting => self.code_answer(&response, now),
            Phase::Polling { device_code, .. } => self.poll_answer(device_code, &response, now),
            other => self.phase = other,
        }
    }

    fn handle_transport_error(&mut self, id: TransmitId, error: Error, now: Instant) {
        if self.in_flight != Some(id) {
            return;
        }
        self.in_flight = None;
        match std::mem::replace(&mut self.phase, Phase::Idle) {
            Phase::Requesting => self.fail(error),
            // the network hiccuped: the code is still good until it expires
            Phase::Polling { device_code, .. } => self.wait(device_code, now),
            other => self.phase = other,
        }
    }

    fn poll_timeout(&self) -> Option<Instant> {
        match &self.phase {
            Phase::Polling { at, out: false, .. } => Some(*at),
            _ => None,
        }
    }

    fn handle_timeout(&mut self, now: Instant) {
        let Phase::Polling {
            device_code,
            at,
            out,
        } = &mut self.phase
        else {
            return;
        };
        if *out || *at > now {
            return;
        }
        if self.expires_at.is_some_and(|end| now >= end) {
            return self.fail(Self::expired());
        }
        *out = true;
        let code = device_code.clone();
        match self.poll_request(&code) {
            Ok(request) => self.send(request),
            Err(error) => self.fail(error),
        }
    }
}
