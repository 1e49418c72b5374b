//! The webhook receiver against Twitch's signature vectors and the rules
//! around them: age, repeats, challenge, size.

use http::StatusCode;
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::*;
use crate::Secret;

#[derive(Deserialize)]
struct Vectors {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    name: String,
    secret: String,
    headers: std::collections::BTreeMap<String, String>,
    body: String,
    valid: bool,
}

fn vectors() -> Vec<Vector> {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/eventsub-webhook/signature-vectors.json"
    ));
    serde_json::from_str::<Vectors>(text).unwrap().vectors
}

fn request(headers: &[(&str, &str)], body: &[u8]) -> http::Request<Vec<u8>> {
    let mut b = http::Request::post("/eventsub");
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(body.to_vec()).unwrap()
}

fn stamp(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap()
}

const SECRET: &str = "the-webhook-secret";

/// A signed message of `kind` with `id`, sent at `sent`.
fn signed(kind: &str, id: &str, sent: OffsetDateTime, body: &str) -> http::Request<Vec<u8>> {
    let ts = stamp(sent);
    let sig = sign(
        &Secret::new(SECRET),
        id.as_bytes(),
        ts.as_bytes(),
        body.as_bytes(),
    );
    request(
        &[
            ("Twitch-Eventsub-Message-Id", id),
            ("Twitch-Eventsub-Message-Timestamp", &ts),
            ("Twitch-Eventsub-Message-Signature", &sig),
            ("Twitch-Eventsub-Message-Type", kind),
        ],
        body.as_bytes(),
    )
}

const NOTIFICATION: &str = r#"{"subscription":{"id":"s1","status":"enabled","type":"stream.online","version":"1","condition":{"broadcaster_user_id":"1337"},"transport":{"method":"webhook","callback":"https://example.com/cb"},"created_at":"2019-11-16T10:11:12.123Z","cost":0},"event":{"id":"9001","broadcaster_user_id":"1337","type":"live"}}"#;

fn events(r: &mut Receiver) -> Vec<Event> {
    std::iter::from_fn(|| r.poll_event()).collect()
}

#[test]
fn every_signature_vector_verifies_as_documented() {
    let all = vectors();
    assert_eq!(all.len(), 5);
    for v in all {
        let h = |k: &str| v.headers[k].as_bytes();
        let ok = verify(
            &Secret::new(v.secret.clone()),
            h("Twitch-Eventsub-Message-Id"),
            h("Twitch-Eventsub-Message-Timestamp"),
            v.body.as_bytes(),
            h("Twitch-Eventsub-Message-Signature"),
        );
        assert_eq!(ok, v.valid, "{}", v.name);
        // the receiver answers them the same way, one minute after they were sent
        let sent = OffsetDateTime::parse(&v.headers["Twitch-Eventsub-Message-Timestamp"], &Rfc3339)
            .unwrap();
        let mut receiver = Receiver::new(Secret::new(v.secret.clone())).unwrap();
        let headers: Vec<(&str, &str)> = v
            .headers
            .iter()
            .map(|(k, x)| (k.as_str(), x.as_str()))
            .collect();
        let answer = receiver.handle_request(
            request(&headers, v.body.as_bytes()),
            sent + time::Duration::minutes(1),
        );
        if v.valid {
            assert!(answer.status().is_success(), "{}: {:?}", v.name, answer);
            assert!(
                !matches!(events(&mut receiver)[..], [Event::Rejected { .. }]),
                "{}",
                v.name
            );
        } else {
            assert_eq!(answer.status(), StatusCode::FORBIDDEN, "{}", v.name);
        }
    }
}

#[test]
fn the_challenge_is_answered_as_plain_text() {
    let v = &vectors()[1];
    let sent =
        OffsetDateTime::parse(&v.headers["Twitch-Eventsub-Message-Timestamp"], &Rfc3339).unwrap();
    let mut receiver = Receiver::new(Secret::new(v.secret.clone())).unwrap();
    let headers: Vec<(&str, &str)> = v
        .headers
        .iter()
        .map(|(k, x)| (k.as_str(), x.as_str()))
        .collect();
    let answer = receiver.handle_request(request(&headers, v.body.as_bytes()), sent);
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(answer.headers()["content-type"], "text/plain");
    assert_eq!(answer.body(), b"11535768-497e-14ec-8197-ba2cb5341a01");
    match &events(&mut receiver)[..] {
        [Event::Verified { subscription }] => {
            assert_eq!(subscription.kind, "channel.subscribe");
            assert_eq!(subscription.status, "webhook_callback_verification_pending");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn notifications_are_handed_out_once_and_stale_ones_refused() {
    let now = OffsetDateTime::now_utc();
    let mut r = Receiver::new(Secret::new(SECRET)).unwrap();
    let a = r.handle_request(signed("notification", "m-1", now, NOTIFICATION), now);
    assert_eq!(a.status(), StatusCode::NO_CONTENT);
    match &events(&mut r)[..] {
        [Event::Notification {
            message_id,
            subscription,
            event,
        }] => {
            assert_eq!(message_id, "m-1");
            assert_eq!(subscription.kind, "stream.online");
            assert_eq!(event.to_value()["broadcaster_user_id"], "1337");
        }
        other => panic!("{other:?}"),
    }
    // Twitch's retry of the same message: 2xx, nothing handed out
    let again = r.handle_request(
        signed("notification", "m-1", now, NOTIFICATION),
        now + time::Duration::seconds(5),
    );
    assert!(again.status().is_success());
    assert!(events(&mut r).is_empty());
    // older than 10 minutes: refused, even with a good signature
    let stale = now - time::Duration::minutes(11);
    let a = r.handle_request(signed("notification", "m-2", stale, NOTIFICATION), now);
    assert_eq!(a.status(), StatusCode::BAD_REQUEST);
    assert!(
        matches!(&events(&mut r)[..], [Event::Rejected { status: 400, reason }] if reason.contains("10 minutes"))
    );
    // just inside the window is fine
    let edge = now - time::Duration::minutes(9);
    assert!(r
        .handle_request(signed("notification", "m-3", edge, NOTIFICATION), now)
        .status()
        .is_success());
}

#[test]
fn forged_oversized_and_garbled_requests_are_refused() {
    let now = OffsetDateTime::now_utc();
    let mut r = Receiver::new(Secret::new(SECRET)).unwrap();
    let mut forged = signed("notification", "m-1", now, NOTIFICATION);
    *forged.body_mut() = NOTIFICATION.replace("1337", "1338").into_bytes();
    assert_eq!(
        r.handle_request(forged, now).status(),
        StatusCode::FORBIDDEN
    );
    let unsigned = request(
        &[("Twitch-Eventsub-Message-Type", "notification")],
        NOTIFICATION.as_bytes(),
    );
    assert_eq!(
        r.handle_request(unsigned, now).status(),
        StatusCode::FORBIDDEN
    );
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_BODY_BYTES));
    assert_eq!(
        r.handle_request(signed("notification", "m-big", now, &big), now)
            .status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
    for body in ["", "{", "[]", r#"{"subscription":{}}"#] {
        let a = r.handle_request(signed("notification", "m-g", now, body), now);
        assert_eq!(a.status(), StatusCode::BAD_REQUEST, "{body}");
    }
    let a = r.handle_request(signed("bogus_type", "m-x", now, NOTIFICATION), now);
    assert_eq!(a.status(), StatusCode::BAD_REQUEST);
    let evs = events(&mut r);
    assert_eq!(evs.len(), 8);
    assert!(evs.iter().all(|e| matches!(e, Event::Rejected { .. })));
    // a garbled message did not use up its id
    assert!(r
        .handle_request(signed("notification", "m-g", now, NOTIFICATION), now)
        .status()
        .is_success());
    assert!(matches!(events(&mut r)[..], [Event::Notification { .. }]));
}

#[test]
fn a_revocation_is_an_event_with_its_status() {
    let now = OffsetDateTime::now_utc();
    let mut r = Receiver::new(Secret::new(SECRET)).unwrap();
    let body = r#"{"subscription":{"id":"s1","status":"authorization_revoked","type":"channel.follow","version":"2","condition":{"broadcaster_user_id":"12826"},"transport":{"method":"webhook","callback":"https://example.com/cb"},"created_at":"2019-11-16T10:11:12.123Z","cost":1}}"#;
    assert!(r
        .handle_request(signed("revocation", "r-1", now, body), now)
        .status()
        .is_success());
    match &events(&mut r)[..] {
        [Event::Revoked { subscription }] => {
            assert_eq!(subscription.status, "authorization_revoked")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn secrets_follow_twitchs_rule() {
    for (s, ok) in [
        ("123456789", false),
        ("1234567890", true),
        (&"x".repeat(100) as &str, true),
        (&"x".repeat(101), false),
        ("ünïcode-secret", false),
    ] {
        assert_eq!(Receiver::new(Secret::new(s)).is_ok(), ok, "{s}");
    }
    assert!(!format!("{:?}", Receiver::new(Secret::new(SECRET)).unwrap()).contains(SECRET));
}

#[test]
fn the_seen_ids_are_kept_ten_minutes_or_capacity_ids_and_stay_bounded() {
    let t0 = OffsetDateTime::now_utc();
    let at = |minutes: i64| t0 + time::Duration::minutes(minutes);
    let mut seen = MemorySeenIds::new(3);
    assert!(seen.insert("a", t0));
    assert!(!seen.insert("a", at(9)));
    assert!(!seen.insert("a", at(10)), "kept at least 10 minutes");
    assert!(seen.insert("a", at(20)), "forgotten by 20 minutes");
    assert!(seen.insert("b", at(21)));
    assert!(seen.insert("c", at(21)));
    assert!(
        !seen.insert("a", at(21)),
        "the last `capacity` ids are kept"
    );
    for i in 0..1000 {
        assert!(seen.insert(&i.to_string(), at(22)));
        assert!(seen.len() <= 6);
        for back in 0..3.min(i + 1) {
            assert!(!seen.insert(&(i - back).to_string(), at(22)));
        }
    }
    // long quiet: everything from before is gone at once
    assert!(seen.insert("999", at(60)));
    assert_eq!(seen.len(), 1);
}

#[test]
fn arbitrary_bodies_and_headers_never_panic() {
    let now = OffsetDateTime::now_utc();
    let mut r = Receiver::new(Secret::new(SECRET)).unwrap();
    let mut rng = crate::machine::Rng::new(3);
    let alphabet = b"{}[]\",:0a\\ \xff";
    for i in 0..3000 {
        let mut body = NOTIFICATION.as_bytes().to_vec();
        for _ in 0..3 {
            let at = (rng.next_u64() as usize) % body.len();
            body[at] = alphabet[(rng.next_u64() as usize) % alphabet.len()];
        }
        let text = String::from_utf8_lossy(&body).into_owned();
        let _ = r.handle_request(signed("notification", &format!("f-{i}"), now, &text), now);
    }
}

#[test]
fn a_batched_notification_gives_one_event_per_element_and_they_parse_typed() {
    let now = OffsetDateTime::now_utc();
    let mut r = Receiver::new(Secret::new(SECRET)).unwrap();
    let vector: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vectors/eventsub/drop.entitlement.grant.1.json"
    )))
    .unwrap();
    let payload = vector["notifications"][0]["payload"].to_string();
    let answer = r.handle_request(signed("notification", "batch-1", now, &payload), now);
    assert!(answer.status().is_success());
    let evs = events(&mut r);
    let n = vector["notifications"][0]["payload"]["events"]
        .as_array()
        .unwrap()
        .len();
    assert!(n >= 2);
    assert_eq!(evs.len(), n);
    for e in evs {
        let Event::Notification {
            subscription,
            event,
            ..
        } = e
        else {
            panic!()
        };
        let typed = subscription.parse_event(&event).unwrap();
        assert_eq!(typed.kind(), "drop.entitlement.grant");
    }
}

#[test]
fn notifications_of_one_subscription_share_it_and_a_bad_one_is_refused_unseen() {
    let now = OffsetDateTime::now_utc();
    let mut r = Receiver::new(Secret::new(SECRET)).unwrap();
    let subscriptions: Vec<std::sync::Arc<crate::eventsub::Subscription>> = ["n-1", "n-2"]
        .into_iter()
        .map(|id| {
            assert!(r
                .handle_request(signed("notification", id, now, NOTIFICATION), now)
                .status()
                .is_success());
            match events(&mut r).pop() {
                Some(Event::Notification { subscription, .. }) => subscription,
                other => panic!("{other:?}"),
            }
        })
        .collect();
    assert!(std::sync::Arc::ptr_eq(&subscriptions[0], &subscriptions[1]));
    // a subscription that is JSON but not a subscription (no type): refused,
    // and its id is not taken as seen
    let broken = NOTIFICATION.replacen("\"type\"", "\"kind\"", 1);
    assert_ne!(broken, NOTIFICATION);
    let a = r.handle_request(signed("notification", "n-3", now, &broken), now);
    assert_eq!(a.status(), StatusCode::BAD_REQUEST);
    assert!(
        matches!(&events(&mut r)[..], [Event::Rejected { status: 400, reason }] if reason.contains("subscription"))
    );
    let a = r.handle_request(signed("notification", "n-3", now, NOTIFICATION), now);
    assert_eq!(a.status(), StatusCode::NO_CONTENT);
    assert!(matches!(&events(&mut r)[..], [Event::Notification { .. }]));
}

#[test]
fn a_repeated_subscription_is_read_as_a_receiver_new_to_it_would() {
    // a warm receiver matches the repeated leading subscription instead of
    // reading it; whatever follows it, the answer and the events are those
    // of a receiver that never saw it
    let now = OffsetDateTime::now_utc();
    let mut warm = Receiver::new(Secret::new(SECRET)).unwrap();
    let first = warm.handle_request(signed("notification", "w-0", now, NOTIFICATION), now);
    assert_eq!(first.status(), StatusCode::NO_CONTENT);
    events(&mut warm);
    let after = NOTIFICATION.find(r#","event""#).unwrap();
    let mut rng = crate::machine::Rng::new(11);
    let alphabet = b"{}[]\",:0a\\ \n\xff";
    let mut refused = 0;
    for i in 0..3000 {
        let mut body = NOTIFICATION.as_bytes().to_vec();
        for _ in 0..1 + i % 3 {
            let at = after + (rng.next_u64() as usize) % (body.len() - after);
            body[at] = alphabet[(rng.next_u64() as usize) % alphabet.len()];
        }
        let text = String::from_utf8_lossy(&body).into_owned();
        let id = format!("w-{}", i + 1);
        let mut cold = Receiver::new(Secret::new(SECRET)).unwrap();
        let a = warm.handle_request(signed("notification", &id, now, &text), now);
        let b = cold.handle_request(signed("notification", &id, now, &text), now);
        assert_eq!(a.status(), b.status(), "{text}");
        let (ea, eb) = (events(&mut warm), events(&mut cold));
        assert_eq!(ea.len(), eb.len(), "{text}");
        for (ea, eb) in ea.iter().zip(&eb) {
            match (ea, eb) {
                (Event::Rejected { status: x, .. }, Event::Rejected { status: y, .. }) => {
                    assert_eq!(x, y);
                    refused += 1;
                }
                (a, b) => assert_eq!(a, b, "{text}"),
            }
        }
    }
    assert!(refused > 1000, "{refused}");
}
