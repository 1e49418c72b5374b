//! Single-flight refresh, token generations, lasting and transient failures.

use super::*;
// On wasm32 these scenarios run under wasm-bindgen-test, in Node (scripts/test-web).
use crate::helix::users::GetUsers;
use crate::helix::webhooks::GetWebhookSubscriptions as AppOnly;
use crate::testing::{drive, drive_for};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[test]
fn fifty_calls_with_an_expired_user_token_make_one_refresh() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    let mut peer = FakePeer::new();
    peer.on(
        "POST",
        TOKEN,
        Reply::token("user2", Some("r2"), 3600).delay(Duration::from_millis(300)),
    );
    peer.on("GET", USERS, ok());
    let calls: Vec<_> = (0..50)
        .map(|_| s.start(&GetUsers::default(), clock.now()).unwrap())
        .collect();
    drive(&mut s, &mut peer, &mut clock);

    assert_eq!(peer.count("POST", TOKEN), 1);
    assert!(peer.requests()[0].body_text().contains("refresh_token=r1"));
    let events = events(&mut s);
    for call in calls {
        assert_eq!(outcome_of(&events, call), Ok(200));
    }
    // no request went out with the stale token
    let used = bearers(&peer, USERS);
    assert_eq!(used.len(), 50);
    assert!(used.iter().all(|b| b == "user2"), "{used:?}");
    // the rotated refresh token is handed to the application
    let update = events
        .iter()
        .find_map(|e| match e {
            Event::TokenRefreshed(u) => Some(u),
            _ => None,
        })
        .unwrap();
    assert_eq!(update.kind, TokenKind::User);
    assert_eq!(update.refresh_token.as_ref().unwrap().expose(), "r2");
    assert_eq!(update.expires_in, Some(Duration::from_secs(3600)));
}

#[test]
fn set_user_authentication_during_a_refresh_wins() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    let mut peer = FakePeer::new();
    peer.on(
        "POST",
        TOKEN,
        Reply::token("slow", Some("r-slow"), 3600).delay(Duration::from_secs(1)),
    );
    peer.on("GET", USERS, ok());
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive_for(&mut s, &mut peer, &mut clock, Duration::from_millis(500));
    assert_eq!(peer.count("POST", TOKEN), 1);
    assert_eq!(peer.count("GET", USERS), 0);

    s.set_user_authentication(
        Secret::new("user3"),
        vec![],
        Some(Secret::new("r3")),
        None,
        clock.now(),
    )
    .unwrap();
    drive(&mut s, &mut peer, &mut clock);

    assert_eq!(s.tokens().user_token().unwrap().expose(), "user3");
    assert_eq!(s.tokens().user_refresh_token().unwrap().expose(), "r3");
    assert_eq!(bearers(&peer, USERS), vec!["user3"]);
    let events = events(&mut s);
    assert_eq!(outcome_of(&events, call), Ok(200));
    assert!(refreshed(&events).is_empty(), "the slow answer was applied");
}

#[test]
fn a_401_on_an_app_token_call_refreshes_only_the_app_token() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.once(
        "GET",
        APP_ONLY,
        Reply::json(
            401,
            r#"{"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}"#,
        ),
    );
    peer.on("GET", APP_ONLY, ok());
    peer.on("POST", TOKEN, Reply::token("app2", None, 5000));
    let call = s.start(&AppOnly::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);

    let events = events(&mut s);
    assert_eq!(outcome_of(&events, call), Ok(200));
    assert_eq!(refreshed(&events), vec![TokenKind::App]);
    assert_eq!(bearers(&peer, APP_ONLY), vec!["app1", "app2"]);
    let token_requests: Vec<_> = peer
        .requests()
        .iter()
        .filter(|r| r.request.uri().path() == TOKEN)
        .collect();
    assert_eq!(token_requests.len(), 1);
    assert!(token_requests[0]
        .body_text()
        .contains("grant_type=client_credentials"));
    assert_eq!(s.tokens().app_token().unwrap().expose(), "app2");
    assert_eq!(s.tokens().user_token().unwrap().expose(), "user1");
    assert_eq!(s.tokens().user_refresh_token().unwrap().expose(), "r1");
}

#[test]
fn a_second_401_after_the_refresh_fails_the_call() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on(
        "GET",
        USERS,
        Reply::json(401, r#"{"status":401,"message":"Invalid OAuth token"}"#),
    );
    peer.on("POST", TOKEN, Reply::token("user2", Some("r2"), 3600));
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    let events = events(&mut s);
    assert_eq!(outcome_of(&events, call), Ok(401));
    assert_eq!(peer.count("POST", TOKEN), 1);
    assert_eq!(bearers(&peer, USERS), vec!["user1", "user2"]);
}

#[test]
fn a_transient_503_of_the_token_endpoint_then_success_on_the_next_call() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    let mut peer = FakePeer::new();
    peer.once(
        "POST",
        TOKEN,
        Reply::json(503, r#"{"status":503,"message":"Service Unavailable"}"#),
    );
    peer.on("POST", TOKEN, Reply::token("user2", Some("r2"), 3600));
    peer.on("GET", USERS, ok());

    let first = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    let events1 = events(&mut s);
    assert!(matches!(
        outcome_of(&events1, first),
        Err(Error::Backend { status: 503, .. })
    ));
    // not a lasting failure: the next call tries again (after the backoff)
    let failed_at = clock.now();
    let second = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    let events2 = events(&mut s);
    assert_eq!(outcome_of(&events2, second), Ok(200));
    assert_eq!(peer.count("POST", TOKEN), 2);
    let retry_at = peer
        .requests()
        .iter()
        .filter(|r| r.request.uri().path() == TOKEN)
        .nth(1)
        .unwrap()
        .at;
    assert!(retry_at - failed_at >= Duration::from_secs(1), "no backoff");
    assert_eq!(bearers(&peer, USERS), vec!["user2"]);
}

#[test]
fn a_rejected_refresh_token_fails_every_later_call_and_sends_nothing_more() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    let mut peer = FakePeer::new();
    peer.on(
        "POST",
        TOKEN,
        Reply::json(400, r#"{"status":400,"message":"Invalid refresh token"}"#),
    );
    peer.on("GET", USERS, ok());
    let calls: Vec<_> = (0..20)
        .map(|_| s.start(&GetUsers::default(), clock.now()).unwrap())
        .collect();
    drive(&mut s, &mut peer, &mut clock);
    let events = events(&mut s);
    for call in calls {
        assert_eq!(outcome_of(&events, call), Err(Error::InvalidRefreshToken));
    }
    assert_eq!(peer.requests().len(), 1);

    for _ in 0..3 {
        clock.advance(Duration::from_secs(120));
        assert_eq!(
            s.start(&GetUsers::default(), clock.now()),
            Err(Error::InvalidRefreshToken)
        );
        drive(&mut s, &mut peer, &mut clock);
    }
    assert_eq!(
        peer.requests().len(),
        1,
        "sent again after a lasting failure"
    );
    // the app token is a different token kind: its calls still go out
    let app_call = s.start(&AppOnly::default(), clock.now()).unwrap();
    peer.on("GET", APP_ONLY, ok());
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&super::events(&mut s), app_call), Ok(200));
}

#[test]
fn a_garbled_token_answer_is_transient() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    let mut peer = FakePeer::new();
    peer.once("POST", TOKEN, Reply::json(200, "{\"access_tok"));
    peer.on("POST", TOKEN, Reply::token("user2", Some("r2"), 3600));
    peer.on("GET", USERS, ok());
    let first = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert!(matches!(
        outcome_of(&events(&mut s), first),
        Err(Error::Authorization(m)) if m.contains("token refresh failed")
    ));
    let second = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), second), Ok(200));
}

#[test]
fn an_endless_expires_in_does_not_overflow() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    let mut peer = FakePeer::new();
    peer.on("POST", TOKEN, Reply::token("user2", Some("r2"), u64::MAX));
    peer.on("GET", USERS, ok());
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(200));
    // a year later the token still counts as valid: no refresh
    clock.advance(Duration::from_secs(365 * 86_400));
    s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(peer.count("POST", TOKEN), 1);
}

#[test]
fn an_app_token_is_fetched_when_asked_to_and_none_is_set() {
    let mut clock = VirtualClock::new();
    let mut s = session(SessionConfig {
        fetch_app_token: true,
        ..Default::default()
    });
    let mut peer = FakePeer::new();
    peer.on("POST", TOKEN, Reply::token("app9", None, 5000));
    peer.on("GET", APP_ONLY, ok());
    let calls: Vec<_> = (0..3)
        .map(|_| s.start(&AppOnly::default(), clock.now()).unwrap())
        .collect();
    drive(&mut s, &mut peer, &mut clock);
    let events = events(&mut s);
    for call in calls {
        assert_eq!(outcome_of(&events, call), Ok(200));
    }
    assert_eq!(peer.count("POST", TOKEN), 1);
    assert_eq!(bearers(&peer, APP_ONLY), vec!["app9"; 3]);

    // by default, the seed's rule: no app token, no call
    let mut s = session(SessionConfig::default());
    assert!(matches!(
        s.start(&AppOnly::default(), clock.now()),
        Err(Error::Unauthorized(_))
    ));
}

#[test]
fn token_commands_end_with_ready() {
    let mut clock = VirtualClock::new();
    let mut s = session(SessionConfig::default());
    let mut peer = FakePeer::new();
    peer.on("POST", TOKEN, Reply::token("app1", None, 5000));
    let auth = s.authenticate_app(vec![AuthScope::BitsRead], clock.now());
    drive(&mut s, &mut peer, &mut clock);
    let events = events(&mut s);
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::Ready { call } if *call == auth)));
    assert!(peer.requests()[0].body_text().contains("scope=bits%3Aread"));
    assert_eq!(s.tokens().app_token().unwrap().expose(), "app1");

    // refreshing a user token that has no refresh token fails at once
    let refresh = s.refresh_token(TokenKind::User, clock.now());
    drive(&mut s, &mut peer, &mut clock);
    assert!(matches!(
        outcome_of(&super::events(&mut s), refresh),
        Err(Error::Authorization(_))
    ));
    assert_eq!(peer.requests().len(), 1);
}

#[test]
fn no_secret_shows_in_the_sessions_debug_output() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    clock.advance(Duration::from_secs(2000));
    s.start(&GetUsers::default(), clock.now()).unwrap();
    // the refresh request (client secret, refresh token) is waiting to go out
    let shown = format!("{s:?}");
    for secret in ["secret", "r1", "user1", "app1"] {
        assert!(
            !shown.contains(&format!("\"{secret}\"")),
            "{secret} in {shown}"
        );
    }
    let transmit = s.poll_transmit().unwrap();
    assert!(std::str::from_utf8(transmit.request.body())
        .unwrap()
        .contains("client_secret=secret"));
    // neither as text nor as the body's bytes
    let bytes = |t: &str| {
        t.bytes()
            .map(|b| b.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for shown in [format!("{transmit:?}"), shown] {
        assert!(!shown.contains("client_secret="), "{shown}");
        assert!(!shown.contains(&bytes("client_secret=")), "{shown}");
    }
}
