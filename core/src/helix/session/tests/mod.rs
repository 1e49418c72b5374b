//! The session driven against a scripted peer on the virtual clock.

mod extension;
mod garbage;
mod rate_limits;
mod refresh;
mod retries;
mod validation;

use crate::auth::{OAuth, TokenKind};
use crate::helix::{Event, Helix, Session, SessionConfig};
use crate::machine::CallId;
use crate::testing::{FakePeer, Reply, VirtualClock};
use crate::{AuthScope, Duration, Error, Secret};

const TOKEN: &str = "/oauth2/token";
const USERS: &str = "/helix/users";
const CLIPS: &str = "/helix/clips";
/// An endpoint that takes only the app token.
const APP_ONLY: &str = "/helix/webhooks/subscriptions";

fn session(config: SessionConfig) -> Session {
    Session::new(
        Helix::new("cid"),
        OAuth::new("cid", Some(Secret::new("secret"))),
        config,
    )
}

fn ok() -> Reply {
    Reply::json(200, r#"{"data":[]}"#)
}

/// A session with an app token and a user token (`user1`, refresh token `r1`)
/// that expires after 1000 s.
fn with_tokens(clock: &VirtualClock) -> Session {
    let mut s = session(SessionConfig::default());
    s.set_app_token(Secret::new("app1"), vec![], None, clock.now());
    s.set_user_authentication(
        Secret::new("user1"),
        vec![AuthScope::ClipsEdit],
        Some(Secret::new("r1")),
        Some(Duration::from_secs(1000)),
        clock.now(),
    )
    .unwrap();
    s
}

/// Every event until the queue is empty.
fn events(s: &mut Session) -> Vec<Event> {
    std::iter::from_fn(|| s.poll_event()).collect()
}

/// The status of each answered call, and the error of each failed one.
fn outcomes(events: &[Event]) -> Vec<(CallId, Result<u16, Error>)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Answer { call, response } => Some((*call, Ok(response.status().as_u16()))),
            Event::Failed { call, error } => Some((*call, Err(error.clone()))),
            _ => None,
        })
        .collect()
}

fn outcome_of(events: &[Event], call: CallId) -> Result<u16, Error> {
    outcomes(events)
        .into_iter()
        .find(|(c, _)| *c == call)
        .map(|(_, o)| o)
        .unwrap_or_else(|| panic!("no outcome for {call:?} in {events:?}"))
}

fn refreshed(events: &[Event]) -> Vec<TokenKind> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::TokenRefreshed(update) => Some(update.kind),
            _ => None,
        })
        .collect()
}

fn bearers(peer: &FakePeer, path: &str) -> Vec<String> {
    peer.requests()
        .iter()
        .filter(|r| r.request.uri().path() == path)
        .map(|r| r.bearer().unwrap_or("").to_owned())
        .collect()
}
