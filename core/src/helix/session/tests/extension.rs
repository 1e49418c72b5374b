//! An extension's Helix token: its scheme and client id, the calls it may
//! make, its budget, and a new token from the next onAuthorized.

use super::*;
use crate::helix::streams::GetStreams;
use crate::helix::users::GetUsers;
use crate::helix::{Auth, Scopes};
use crate::testing::drive;

const STREAMS: &str = "/helix/streams";

fn extension_session(clock: &VirtualClock, config: SessionConfig) -> Session {
    let mut s = Session::new(Helix::new("app-id"), OAuth::new("app-id", None), config);
    s.set_extension_authorization("ext-client", Secret::new("jwt-1"), clock.now());
    s
}

fn authorizations(peer: &FakePeer) -> Vec<(String, String)> {
    peer.requests()
        .iter()
        .map(|r| {
            let h = r.request.headers();
            let text = |name: &str| h[name].to_str().unwrap().to_owned();
            (text("authorization"), text("client-id"))
        })
        .collect()
}

#[test]
fn calls_go_out_as_extension_with_its_client_id_and_the_newest_token() {
    let mut clock = VirtualClock::new();
    let mut s = extension_session(&clock, SessionConfig::default());
    let mut peer = FakePeer::new();
    peer.on("GET", STREAMS, ok());
    peer.on("GET", USERS, ok());
    let a = s.start(&GetStreams::default(), clock.now()).unwrap();
    let b = s
        .start(
            &GetUsers {
                logins: vec!["twitchdev".into()],
                ..Default::default()
            },
            clock.now(),
        )
        .unwrap();
    drive(&mut s, &mut peer, &mut clock);
    let done = events(&mut s);
    assert_eq!(
        (outcome_of(&done, a), outcome_of(&done, b)),
        (Ok(200), Ok(200))
    );
    // Twitch hands a new token: calls from now on carry it
    s.set_extension_authorization("ext-client", Secret::new("jwt-2"), clock.now());
    s.start(&GetStreams::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    let expected = |token: &str| (format!("Extension {token}"), "ext-client".to_owned());
    assert_eq!(
        authorizations(&peer),
        vec![expected("jwt-1"), expected("jwt-1"), expected("jwt-2")]
    );
    assert_eq!(s.tokens().extension_token().unwrap().expose(), "jwt-2");
}

#[test]
fn calls_needing_an_app_token_or_a_scope_are_refused_before_sending() {
    let clock = VirtualClock::new();
    let mut s = extension_session(&clock, SessionConfig::default());
    for auth in [
        Auth::App,
        Auth::User(Scopes::All(&[AuthScope::ChannelManageRedemptions])),
        Auth::Either(Scopes::Any(&[AuthScope::ModeratorReadFollowers])),
    ] {
        match s.start_unsigned(s_helix_request(), auth.clone(), clock.now()) {
            Err(Error::Authorization(why)) => {
                assert!(why.contains("need no scope"), "{why}");
            }
            other => panic!("{auth:?}: {other:?}"),
        }
    }
    assert!(s.poll_transmit().is_none());
    // what needs no token goes out without one
    s.start_unsigned(s_helix_request(), Auth::None, clock.now())
        .unwrap();
    let sent = s.poll_transmit().unwrap().request;
    assert!(sent.headers().get("authorization").is_none());
}

fn s_helix_request() -> http::Request<Vec<u8>> {
    Helix::new("app-id")
        .build_unsigned(&GetStreams::default())
        .unwrap()
}

#[test]
fn the_budget_holds_calls_back_thirty_a_minute_by_default() {
    let mut clock = VirtualClock::new();
    let mut s = extension_session(&clock, SessionConfig::default());
    let mut peer = FakePeer::new();
    peer.on("GET", STREAMS, ok());
    let calls: Vec<_> = (0..33)
        .map(|_| s.start(&GetStreams::default(), clock.now()).unwrap())
        .collect();
    drive(&mut s, &mut peer, &mut clock);
    let done = events(&mut s);
    assert!(calls.iter().all(|c| outcome_of(&done, *c) == Ok(200)));
    let sent: Vec<_> = peer.requests().iter().map(|r| r.at).collect();
    assert_eq!(sent.len(), 33);
    let start = sent[0];
    assert!(sent[..30].iter().all(|at| *at == start), "30 at once");
    // then one every 2 s (30 per 60 s, refilled continuously)
    for (i, at) in sent[30..].iter().enumerate() {
        let waited = *at - start;
        let expected = Duration::from_secs(2 * (i as u64 + 1));
        assert!(
            waited >= expected && waited < expected + Duration::from_millis(100),
            "call {}: {waited:?}",
            30 + i
        );
    }
}

#[test]
fn a_refused_token_is_not_refreshed_and_the_next_one_works() {
    let mut clock = VirtualClock::new();
    let config = SessionConfig {
        extension_budget: crate::helix::Budget {
            points: 2,
            per: Duration::from_secs(10),
        },
        ..SessionConfig::default()
    };
    let mut s = extension_session(&clock, config);
    let mut peer = FakePeer::new();
    peer.once(
        "GET",
        STREAMS,
        Reply::json(401, r#"{"message":"invalid token"}"#),
    );
    peer.on("GET", STREAMS, ok());
    let first = s.start(&GetStreams::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    // Twitch's 401 is the call's answer (its parse gives Unauthorized)
    assert_eq!(outcome_of(&events(&mut s), first), Ok(401));
    assert_eq!(peer.count("POST", TOKEN), 0, "no refresh");
    // until the next token, calls fail at once
    assert!(matches!(
        s.start(&GetStreams::default(), clock.now()),
        Err(Error::Unauthorized(_))
    ));
    s.set_extension_authorization("ext-client", Secret::new("jwt-2"), clock.now());
    let again = s.start(&GetStreams::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), again), Ok(200));
    assert_eq!(peer.count("GET", STREAMS), 2);
}
