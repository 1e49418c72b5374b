//! The device flow on a virtual clock: pending, slow_down, expiry, refusal.

use super::{DeviceEvent, DeviceFlow, DEVICE_GRANT};
use crate::auth::OAuth;
use crate::machine::{HttpMachine, HttpTransmit};
use crate::{AuthScope, Duration, Error, Instant, Secret};

fn answer(status: u16, body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

fn pending() -> http::Response<Vec<u8>> {
    answer(400, r#"{"status":400,"message":"authorization_pending"}"#)
}

const CODE: &str = r#"{"device_code":"dev-code","user_code":"ABCDEFGH","verification_uri":"https://www.twitch.tv/activate?device-code=ABCDEFGH","expires_in":60,"interval":5}"#;
const TOKEN: &str = r#"{"access_token":"at","refresh_token":"rt","expires_in":14400,"scope":["chat:read"],"token_type":"bearer"}"#;

fn form(t: &HttpTransmit) -> Vec<(String, String)> {
    url::form_urlencoded::parse(t.request.body())
        .into_owned()
        .collect()
}

/// A public-client flow that got its code at `t0`.
fn with_code() -> (DeviceFlow, Instant) {
    let t0 = Instant::now();
    let oauth = OAuth::new("public", None)
        .with_base_url("http://127.0.0.1:9")
        .unwrap();
    let mut flow = DeviceFlow::new(&oauth, vec![AuthScope::ChatRead, AuthScope::ChatEdit]);
    flow.start(t0);
    let t = flow.poll_transmit().unwrap();
    assert_eq!(t.request.uri(), "http://127.0.0.1:9/oauth2/device");
    assert_eq!(
        form(&t),
        vec![
            ("client_id".into(), "public".into()),
            ("scopes".into(), "chat:read chat:edit".into())
        ]
    );
    flow.handle_response(t.id, answer(200, CODE), t0);
    assert_eq!(
        flow.poll_event(),
        Some(DeviceEvent::Code {
            user_code: "ABCDEFGH".into(),
            verification_uri: "https://www.twitch.tv/activate?device-code=ABCDEFGH".into(),
            expires_at: t0 + Duration::from_secs(60),
        })
    );
    (flow, t0)
}

/// Runs the flow to its next poll and returns it with the time it went out.
fn next_poll(flow: &mut DeviceFlow) -> (HttpTransmit, Instant) {
    let at = flow.poll_timeout().expect("a poll is scheduled");
    flow.handle_timeout(at - Duration::from_millis(1));
    assert!(flow.poll_transmit().is_none(), "no poll before its time");
    flow.handle_timeout(at);
    (flow.poll_transmit().expect("a poll"), at)
}

#[test]
fn pending_polls_follow_the_interval_until_the_token_comes() {
    let (mut flow, t0) = with_code();
    let (poll, at) = next_poll(&mut flow);
    assert_eq!(at, t0 + Duration::from_secs(5));
    let fields = form(&poll);
    assert!(fields.contains(&("grant_type".into(), DEVICE_GRANT.into())));
    assert!(fields.contains(&("device_code".into(), "dev-code".into())));
    assert!(
        !fields.iter().any(|(k, _)| k == "client_secret"),
        "a public client sends no secret"
    );
    // a spurious timeout while the poll is out sends nothing
    flow.handle_timeout(at + Duration::from_secs(100));
    assert!(flow.poll_transmit().is_none());
    flow.handle_response(poll.id, pending(), at);
    let (poll, at2) = next_poll(&mut flow);
    assert_eq!(at2, at + Duration::from_secs(5));
    flow.handle_response(poll.id, answer(200, TOKEN), at2);
    match flow.poll_event() {
        Some(DeviceEvent::Token(token)) => {
            assert_eq!(token.access_token, Secret::new("at"));
            assert_eq!(token.scope, vec![AuthScope::ChatRead]);
        }
        other => panic!("{other:?}"),
    }
    assert!(flow.is_done());
    assert_eq!(flow.poll_timeout(), None);
}

#[test]
fn slow_down_adds_five_seconds_for_good() {
    let (mut flow, _) = with_code();
    let (poll, at) = next_poll(&mut flow);
    flow.handle_response(
        poll.id,
        answer(400, r#"{"status":400,"message":"slow_down"}"#),
        at,
    );
    assert_eq!(flow.interval(), Duration::from_secs(10));
    let (poll, at2) = next_poll(&mut flow);
    assert_eq!(at2, at + Duration::from_secs(10));
    flow.handle_response(poll.id, pending(), at2);
    let (_, at3) = next_poll(&mut flow);
    assert_eq!(at3, at2 + Duration::from_secs(10), "the slower pace stays");
}

#[test]
fn the_flow_ends_when_the_code_expires() {
    let (mut flow, t0) = with_code();
    let mut polls = 0;
    while let Some(at) = flow.poll_timeout() {
        flow.handle_timeout(at);
        if let Some(poll) = flow.poll_transmit() {
            polls += 1;
            flow.handle_response(poll.id, pending(), at);
        }
    }
    // 60 s of code at 5 s per poll: polls at 5..55 s, none at or after 60 s
    assert_eq!(polls, 11);
    match flow.poll_event() {
        Some(DeviceEvent::Failed(Error::OAuth { error, .. })) => assert_eq!(error, "expired_token"),
        other => panic!("{other:?}"),
    }
    assert!(flow.is_done());
    let _ = t0;
}

#[test]
fn a_refusal_and_a_used_code_end_the_flow_with_their_errors() {
    let (mut flow, _) = with_code();
    let (poll, at) = next_poll(&mut flow);
    flow.handle_response(
        poll.id,
        answer(400, r#"{"status":400,"message":"access_denied"}"#),
        at,
    );
    assert!(matches!(
        flow.poll_event(),
        Some(DeviceEvent::Failed(Error::AccessDenied(_)))
    ));

    let (mut flow, _) = with_code();
    let (poll, at) = next_poll(&mut flow);
    flow.handle_response(
        poll.id,
        answer(400, r#"{"status":400,"message":"invalid device code"}"#),
        at,
    );
    assert!(matches!(
        flow.poll_event(),
        Some(DeviceEvent::Failed(Error::OAuth { .. }))
    ));
    assert_eq!(flow.poll_timeout(), None);
}

#[test]
fn transient_failures_are_polled_again_and_a_bad_code_request_fails() {
    let (mut flow, _) = with_code();
    let (poll, at) = next_poll(&mut flow);
    flow.handle_transport_error(poll.id, Error::Transport("reset".into()), at);
    let (poll, at) = next_poll(&mut flow);
    flow.handle_response(poll.id, answer(503, "oops"), at);
    let (poll, at) = next_poll(&mut flow);
    flow.handle_response(poll.id, answer(200, "{garbled"), at);
    let (poll, at) = next_poll(&mut flow);
    flow.handle_response(poll.id, answer(200, TOKEN), at);
    assert!(matches!(flow.poll_event(), Some(DeviceEvent::Token(_))));

    let now = Instant::now();
    let mut flow = DeviceFlow::new(&OAuth::new("bad", None), vec![]);
    flow.start(now);
    let t = flow.poll_transmit().unwrap();
    flow.handle_response(
        t.id,
        answer(400, r#"{"status":400,"message":"invalid client"}"#),
        now,
    );
    assert_eq!(
        flow.poll_event(),
        Some(DeviceEvent::Failed(Error::Authorization(
            "invalid client".into()
        )))
    );
    // an answer for a transmit it does not know changes nothing
    flow.handle_response(t.id, answer(200, CODE), now);
    assert_eq!(flow.poll_event(), None);
}

#[test]
fn a_confidential_client_sends_its_secret_in_polls() {
    let now = Instant::now();
    let mut flow = DeviceFlow::new(&OAuth::new("cid", Some(Secret::new("sec"))), vec![]);
    flow.start(now);
    let t = flow.poll_transmit().unwrap();
    flow.handle_response(t.id, answer(200, CODE), now);
    let (poll, _) = next_poll(&mut flow);
    assert!(form(&poll).contains(&("client_secret".into(), "sec".into())));
    assert!(
        !format!("{flow:?}").contains("dev-code"),
        "the device code is a secret"
    );
}
