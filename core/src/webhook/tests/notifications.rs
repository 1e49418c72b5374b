//! Signed notifications, repeats, bad bodies.

use http::StatusCode;
use uuid::Uuid;

use super::*;

#[test]
fn signatures_are_checked_before_anything_is_handed_out() {
    let (mut hook, now) = hook();
    let uuid = subscribed(&mut hook, now);
    let body = br#"{"data":[{"id":"1","user_id":"1337","type":"live"}]}"#;
    let secret = Secret::new(SECRET);
    let good = sign(&secret, body);
    let wrong = sign(&Secret::new("not-it"), body);
    let mut tampered = body.to_vec();
    tampered[12] = b'9';
    let sha1 = format!("sha1={}", "0".repeat(40));
    let cases: [(&[u8], Option<&str>, &str); 5] = [
        (body, Some(&wrong), "wrong secret"),
        (body, None, "missing"),
        (body, Some("sha256=xyz"), "malformed"),
        (&tampered, Some(&good), "tampered"),
        (body, Some(&sha1), "sha1"),
    ];
    for (i, (b, sig, what)) in cases.iter().enumerate() {
        let a = hook.handle_request(notify(uuid, b, *sig, &format!("bad-{i}")), now);
        assert_eq!(a.status(), StatusCode::FORBIDDEN, "{what}");
        match &events(&mut hook)[..] {
            [Event::Rejected { uuid: Some(u), .. }] => assert_eq!(*u, uuid),
            other => panic!("{what}: {other:?}"),
        }
    }
    let a = hook.handle_request(notify(uuid, body, Some(&good), "n-1"), now);
    assert_eq!(a.status(), StatusCode::OK);
    assert_eq!(
        events(&mut hook),
        vec![Event::Notification {
            uuid,
            id: Some("n-1".into()),
            data: serde_json::json!({"id":"1","user_id":"1337","type":"live"})
        }]
    );
}

#[test]
fn a_repeated_notification_id_is_answered_but_not_handed_out_again() {
    let (mut hook, now) = hook();
    let uuid = subscribed(&mut hook, now);
    let body = br#"{"data":[]}"#;
    let sig = sign(&Secret::new(SECRET), body);
    assert_eq!(
        hook.handle_request(notify(uuid, body, Some(&sig), "same"), now)
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        hook.handle_request(notify(uuid, body, Some(&sig), "same"), now)
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        events(&mut hook),
        vec![Event::Notification {
            uuid,
            id: Some("same".into()),
            data: serde_json::json!({"type": "offline"})
        }]
    );
    assert_eq!(
        hook.handle_request(notify(uuid, body, Some(&sig), "other"), now)
            .status(),
        StatusCode::OK
    );
    assert_eq!(events(&mut hook).len(), 1);
    assert_eq!(hook.remembered_notifications(), 2);
}

#[test]
fn the_dedupe_memory_is_bounded() {
    let mut config = WebHookConfig::new("https://hooks.example.com/tw");
    config.dedupe_capacity = 100;
    let (mut hook, now) = hook_with(config);
    let uuid = subscribed(&mut hook, now);
    let body = br#"{"data":[{"x":1}]}"#;
    let sig = sign(&Secret::new(SECRET), body);
    for i in 0..1000 {
        hook.handle_request(notify(uuid, body, Some(&sig), &i.to_string()), now);
    }
    assert_eq!(events(&mut hook).len(), 1000);
    assert_eq!(hook.remembered_notifications(), 100);
}

#[test]
fn oversized_unknown_and_garbled_notifications_are_refused() {
    let mut config = WebHookConfig::new("https://hooks.example.com/tw");
    config.max_body_bytes = 64;
    let (mut hook, now) = hook_with(config);
    let uuid = subscribed(&mut hook, now);
    let big = format!(r#"{{"data":[{{"pad":"{}"}}]}}"#, "x".repeat(64));
    let sig = sign(&Secret::new(SECRET), big.as_bytes());
    let a = hook.handle_request(notify(uuid, big.as_bytes(), Some(&sig), "big"), now);
    assert_eq!(a.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let a = hook.handle_request(notify(Uuid::from_u128(1), b"{}", None, "x"), now);
    assert_eq!(a.status(), StatusCode::NOT_FOUND);
    for garbage in [&b"not json"[..], b"{}", b"[]", br#"{"data":{}}"#] {
        let sig = sign(&Secret::new(SECRET), garbage);
        let a = hook.handle_request(notify(uuid, garbage, Some(&sig), "g"), now);
        assert_eq!(a.status(), StatusCode::BAD_REQUEST);
    }
    let evs = events(&mut hook);
    assert_eq!(evs.len(), 6);
    assert!(evs.iter().all(|e| matches!(e, Event::Rejected { .. })));
    // a rejected body did not use up its notification id
    let body = br#"{"data":[{"a":1}]}"#;
    let sig = sign(&Secret::new(SECRET), body);
    hook.handle_request(notify(uuid, body, Some(&sig), "g"), now);
    assert!(matches!(
        events(&mut hook)[..],
        [Event::Notification { .. }]
    ));
    assert_eq!(
        hook.handle_request(http::Request::put("/tw").body(Vec::new()).unwrap(), now)
            .status(),
        StatusCode::METHOD_NOT_ALLOWED
    );
}

#[test]
fn arbitrary_requests_never_panic() {
    let (mut hook, now) = hook();
    let uuid = subscribed(&mut hook, now);
    let good = verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600);
    let mut rng = crate::machine::Rng::new(9);
    let alphabet = b"/?&=%.ab0uid-_hub.mode\xff";
    for _ in 0..5000 {
        let mut uri = good.clone().into_bytes();
        for _ in 0..3 {
            let at = (rng.next_u64() as usize) % uri.len();
            uri[at] = alphabet[(rng.next_u64() as usize) % alphabet.len()];
        }
        let Ok(text) = String::from_utf8(uri) else {
            continue;
        };
        let Ok(request) = http::Request::get(text).body(Vec::new()) else {
            continue;
        };
        let _ = hook.handle_request(request, now);
        let mut body = br#"{"data":[{"id":"1"}]}"#.to_vec();
        let at = (rng.next_u64() as usize) % body.len();
        body[at] = alphabet[(rng.next_u64() as usize) % alphabet.len()];
        let sig = sign(&Secret::new(SECRET), &body);
        let _ = hook.handle_request(notify(uuid, &body, Some(&sig), "fuzz"), now);
    }
}
