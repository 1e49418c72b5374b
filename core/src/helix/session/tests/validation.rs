//! Hourly validation of the user token on the virtual clock.

use super::*;
use crate::testing::drive_for;

const VALIDATE: &str = "/oauth2/validate";
const HOUR: Duration = Duration::from_secs(3600);

fn validating(clock: &VirtualClock, refresh: bool) -> Session {
    let config = SessionConfig {
        validate_every: Some(HOUR),
        auto_refresh: refresh,
        ..SessionConfig::default()
    };
    let mut s = session(config);
    s.set_user_authentication(
        Secret::new("user1"),
        vec![AuthScope::ClipsEdit],
        refresh.then(|| Secret::new("r1")),
        None,
        clock.now(),
    )
    .unwrap();
    s
}

fn valid() -> Reply {
    Reply::json(
        200,
        r#"{"client_id":"cid","login":"twitchdev","scopes":["clips:edit"],"user_id":"141981764","expires_in":0}"#,
    )
}

fn revoked() -> Reply {
    Reply::json(401, r#"{"status":401,"message":"invalid access token"}"#)
}

#[test]
fn a_valid_token_is_checked_every_hour_and_left_alone() {
    let mut clock = VirtualClock::new();
    let mut s = validating(&clock, true);
    let start = clock.now();
    assert_eq!(s.poll_timeout(), Some(start + HOUR));
    let mut peer = FakePeer::new();
    peer.on("GET", VALIDATE, valid());
    drive_for(
        &mut s,
        &mut peer,
        &mut clock,
        HOUR * 3 + Duration::from_secs(1),
    );
    let validations: Vec<_> = peer
        .requests()
        .iter()
        .filter(|r| r.request.uri().path() == VALIDATE)
        .collect();
    assert_eq!(validations.len(), 3);
    for (i, r) in validations.iter().enumerate() {
        assert_eq!(r.at, start + HOUR * (i as u32 + 1), "on the hour");
        assert_eq!(r.request.headers()["authorization"], "OAuth user1");
    }
    assert_eq!(
        peer.count("POST", TOKEN),
        0,
        "a valid token is not refreshed"
    );
    assert!(events(&mut s).is_empty());
}

#[test]
fn a_revoked_token_is_reported_and_refreshed() {
    let mut clock = VirtualClock::new();
    let mut s = validating(&clock, true);
    let mut peer = FakePeer::new();
    peer.once("GET", VALIDATE, revoked());
    peer.on("POST", TOKEN, Reply::token("user2", Some("r2"), 14400));
    peer.on("GET", VALIDATE, valid());
    drive_for(&mut s, &mut peer, &mut clock, HOUR + Duration::from_secs(1));
    let evs = events(&mut s);
    assert!(matches!(
        evs.first(),
        Some(Event::TokenInvalid {
            kind: TokenKind::User
        })
    ));
    assert_eq!(refreshed(&evs), vec![TokenKind::User]);
    assert_eq!(peer.count("POST", TOKEN), 1);
    assert_eq!(s.tokens().user_token(), Some(&Secret::new("user2")));
    // the new token's schedule starts at its refresh
    drive_for(&mut s, &mut peer, &mut clock, HOUR);
    let last = peer.requests().last().unwrap();
    assert_eq!(last.request.uri().path(), VALIDATE);
    assert_eq!(last.request.headers()["authorization"], "OAuth user2");
}

#[test]
fn a_revoked_token_without_a_refresh_token_is_reported_and_not_checked_again() {
    let mut clock = VirtualClock::new();
    let mut s = validating(&clock, false);
    let mut peer = FakePeer::new();
    peer.on("GET", VALIDATE, revoked());
    drive_for(&mut s, &mut peer, &mut clock, HOUR + Duration::from_secs(1));
    assert!(matches!(events(&mut s)[..], [Event::TokenInvalid { .. }]));
    assert_eq!(peer.count("POST", TOKEN), 0);
    assert_eq!(
        s.poll_timeout(),
        None,
        "no further validation of a dead token"
    );
}

#[test]
fn a_failed_validation_is_tried_again_in_a_minute_and_off_means_off() {
    let mut clock = VirtualClock::new();
    let mut s = validating(&clock, true);
    let start = clock.now();
    let mut peer = FakePeer::new();
    peer.once("GET", VALIDATE, Reply::transport_error("reset"));
    peer.on("GET", VALIDATE, valid());
    drive_for(
        &mut s,
        &mut peer,
        &mut clock,
        HOUR + Duration::from_secs(61),
    );
    let times: Vec<_> = peer.requests().iter().map(|r| r.at).collect();
    assert_eq!(
        times,
        vec![start + HOUR, start + HOUR + Duration::from_secs(60)]
    );
    assert!(events(&mut s).is_empty());

    let mut off = session(SessionConfig::default());
    off.set_user_authentication(
        Secret::new("u"),
        vec![],
        Some(Secret::new("r")),
        None,
        clock.now(),
    )
    .unwrap();
    assert_eq!(off.poll_timeout(), None);
}
