//! 5xx resends, transport errors, scope checks, cancellation, timeouts.

use super::*;
use crate::helix::clips::CreateClip;
use crate::helix::users::GetUsers;
use crate::helix::{Auth, Scopes};
use crate::testing::drive;

fn backend(status: u16) -> Reply {
    Reply::json(
        status,
        format!(r#"{{"status":{status},"message":"Internal Server Error"}}"#),
    )
}

#[test]
fn a_5xx_on_a_get_is_sent_again_once_after_a_jittered_delay() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on("GET", USERS, backend(500));
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(500));
    let sent = peer.requests();
    assert_eq!(sent.len(), 2);
    let gap = sent[1].at - sent[0].at;
    assert!(
        gap >= Duration::from_millis(250) && gap < Duration::from_millis(375),
        "{gap:?}"
    );

    // a success on the second try ends the call with it
    peer.clear_requests();
    peer.once("GET", USERS, backend(502));
    peer.on("GET", USERS, ok());
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(200));
    assert_eq!(peer.requests().len(), 2);
}

#[test]
fn a_post_is_sent_again_only_on_503() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on("POST", CLIPS, backend(500));
    let call = s.start(&CreateClip::new("1"), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(500));
    assert_eq!(peer.count("POST", CLIPS), 1, "a create ran twice");

    peer.clear_requests();
    peer.once("POST", CLIPS, backend(503));
    peer.on("POST", CLIPS, Reply::json(202, r#"{"data":[]}"#));
    let call = s.start(&CreateClip::new("1"), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(202));
    assert_eq!(peer.count("POST", CLIPS), 2);
}

#[test]
fn jitter_follows_the_seed() {
    let gaps = |seed: u64| {
        let mut clock = VirtualClock::new();
        let mut s = session(SessionConfig {
            seed,
            ..Default::default()
        });
        s.set_app_token(Secret::new("a"), vec![], None, clock.now());
        let mut peer = FakePeer::new();
        peer.on("GET", "/helix/streams", backend(500));
        s.start(&crate::helix::streams::GetStreams::default(), clock.now())
            .unwrap();
        drive(&mut s, &mut peer, &mut clock);
        peer.requests()[1].at - peer.requests()[0].at
    };
    assert_eq!(gaps(1), gaps(1));
    assert_ne!(gaps(1), gaps(2));
}

#[test]
fn a_transport_error_fails_the_call_without_a_resend() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on("GET", USERS, Reply::transport_error("connection reset"));
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(
        outcome_of(&events(&mut s), call),
        Err(Error::Transport("connection reset".into()))
    );
    assert_eq!(peer.requests().len(), 1);
}

#[test]
fn a_missing_scope_fails_at_start_with_nothing_sent() {
    let clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let err = s
        .start_unsigned(
            http::Request::new(Vec::new()),
            Auth::User(Scopes::All(&[AuthScope::BitsRead])),
            clock.now(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        Error::MissingScope {
            required: vec![AuthScope::BitsRead]
        }
    );
    // "any of": one of the listed scopes is enough
    s.start_unsigned(
        http::Request::new(Vec::new()),
        Auth::User(Scopes::Any(&[AuthScope::BitsRead, AuthScope::ClipsEdit])),
        clock.now(),
    )
    .unwrap();
    assert!(s.poll_transmit().is_some());
    assert!(s.poll_transmit().is_none());
}

#[test]
fn invalid_arguments_fail_at_start() {
    let clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let too_many = GetUsers {
        user_ids: (0..101).map(|i| i.to_string()).collect(),
        ..Default::default()
    };
    assert!(matches!(
        s.start(&too_many, clock.now()),
        Err(Error::InvalidArgument(_))
    ));
    assert!(s.poll_transmit().is_none());
    assert_eq!(s.calls_in_progress(), 0);
}

#[test]
fn a_twitch_missing_scope_401_is_not_refreshed() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on(
        "GET",
        USERS,
        Reply::json(
            401,
            r#"{"error":"Unauthorized","status":401,"message":"Missing scope: user:read:email"}"#,
        ),
    );
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(401));
    assert_eq!(peer.requests().len(), 1);
}

#[test]
fn a_cancelled_call_ends_silently() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on("GET", USERS, ok());
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    s.cancel(call);
    drive(&mut s, &mut peer, &mut clock);
    assert!(outcomes(&events(&mut s)).is_empty());
    assert_eq!(s.calls_in_progress(), 0);
}

#[test]
fn spurious_timeouts_and_unknown_answers_do_nothing() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    s.handle_timeout(clock.now());
    assert!(s.poll_transmit().is_none() && s.poll_event().is_none());
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    let transmit = s.poll_transmit().unwrap();
    clock.advance(Duration::from_secs(5));
    s.handle_timeout(clock.now());
    assert!(s.poll_transmit().is_none() && s.poll_event().is_none());
    // an answer to an id the session never sent is dropped
    let bogus = crate::machine::TransmitId(9_999);
    s.handle_response(bogus, http::Response::new(Vec::new()), clock.now());
    s.handle_transport_error(bogus, Error::Transport("x".into()), clock.now());
    assert!(s.poll_event().is_none());
    let answer = http::Response::builder()
        .status(200)
        .body(b"{\"data\":[]}".to_vec())
        .unwrap();
    s.handle_response(transmit.id, answer, clock.now());
    assert_eq!(outcome_of(&events(&mut s), call), Ok(200));
}
