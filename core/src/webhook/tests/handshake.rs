//! Hub requests, verification, leases, renewal.

use http::StatusCode;
use uuid::Uuid;

use super::*;

#[test]
fn hub_request_bytes_for_every_topic() {
    let (mut hook, now) = hook();
    let s = |v: &str| v.to_owned();
    let topics = [
        (
            WebhookTopic::UserFollow {
                from_id: None,
                to_id: Some(s("2")),
            },
            "users/follows",
            "https://api.twitch.tv/helix/users/follows?first=1&to_id=2",
        ),
        (stream(), "streams", STREAM_TOPIC),
        (
            WebhookTopic::UserChanged { user_id: s("3") },
            "users/changed",
            "https://api.twitch.tv/helix/users?id=3",
        ),
        (
            WebhookTopic::ExtensionTransactionCreated {
                extension_id: s("e1"),
            },
            "extensions/transactions",
            "https://api.twitch.tv/helix/extensions/transactions?extension_id=e1&first=1",
        ),
        (
            WebhookTopic::ModeratorChange {
                broadcaster_id: s("4"),
                user_id: None,
            },
            "moderation/moderators/events",
            "https://api.twitch.tv/helix/moderation/moderators/events?broadcaster_id=4&first=1",
        ),
        (
            WebhookTopic::ChannelBanChange {
                broadcaster_id: s("4"),
                user_id: Some(s("5")),
            },
            "moderation/banned/events",
            "https://api.twitch.tv/helix/moderation/banned/events?broadcaster_id=4&first=1&user_id=5",
        ),
        (
            WebhookTopic::Subscription {
                broadcaster_id: s("4"),
                user_id: None,
                gifter_id: Some(s("6")),
                gifter_name: None,
            },
            "subscriptions/events",
            "https://api.twitch.tv/helix/subscriptions/events?broadcaster_id=4&first=1&gifter_id=6",
        ),
        (
            WebhookTopic::HypeTrain {
                broadcaster_id: s("4"),
            },
            "hypetrain/events",
            "https://api.twitch.tv/helix/hypetrain/events?broadcaster_id=4&first=1",
        ),
    ];
    for (topic, path, hub_topic) in topics {
        let auth = topic.auth();
        let uuid = hook.subscribe(topic, now).unwrap();
        let t = hook.poll_transmit().unwrap();
        assert_eq!(t.request.method(), http::Method::POST);
        assert_eq!(t.request.uri(), "http://127.0.0.1:9/helix/webhooks/hub");
        assert_eq!(t.request.headers()["client-id"], "cid");
        assert_eq!(
            t.request.headers()["content-type"],
            "application/x-www-form-urlencoded"
        );
        assert!(t.request.headers().get("authorization").is_none());
        assert_eq!(t.auth, auth);
        let callback = format!("https://hooks.example.com/tw/{path}?uuid={uuid}");
        // the exact bytes, fields in the hub's order
        let expected = format!(
            "hub.callback={}&hub.mode=subscribe&hub.topic={}&hub.lease_seconds=600&hub.secret={SECRET}",
            enc(&callback),
            enc(hub_topic)
        );
        assert_eq!(
            String::from_utf8(t.request.body().clone()).unwrap(),
            expected
        );
    }
    assert!(hook.poll_transmit().is_none());
    // the Debug of a hub request leaves the secret out
    let uuid = hook.subscribe(stream(), now).unwrap();
    let t = hook.poll_transmit().unwrap();
    assert!(!format!("{t:?}{hook:?}").contains(SECRET), "{uuid}");
}

#[test]
fn scopes_and_tokens_per_topic() {
    assert_eq!(
        WebhookTopic::ModeratorChange {
            broadcaster_id: "1".into(),
            user_id: None
        }
        .auth(),
        Auth::User(Scopes::All(&[AuthScope::ModerationRead]))
    );
    assert_eq!(stream().auth(), Auth::Either(Scopes::NONE));
}

#[test]
fn start_checks_the_lease_and_runs_once() {
    let now = Instant::now();
    let helix = Helix::new("cid");
    for (lease, ok) in [(299, false), (300, true), (864_000, true), (864_001, false)] {
        let mut config = WebHookConfig::new("https://h.example.com");
        config.lease_seconds = lease;
        let mut hook = WebHook::new(&helix, config, Secret::new("s"), 1);
        assert_eq!(hook.start(now).is_ok(), ok, "{lease}");
    }
    let mut hook = WebHook::new(
        &helix,
        WebHookConfig::new("https://h.example.com"),
        Secret::new("s"),
        1,
    );
    assert!(hook.subscribe(stream(), now).is_err(), "not started");
    hook.start(now).unwrap();
    assert!(matches!(hook.start(now), Err(Error::InvalidArgument(_))));
    hook.stop().unwrap();
    assert!(hook.stop().is_err());
    hook.start(now).unwrap();
    let mut bad = WebHook::new(&helix, WebHookConfig::new("ftp://x"), Secret::new("s"), 1);
    assert!(bad.start(now).is_err());
    assert!(require_https_callback("http://localhost:1/x").is_ok());
    assert!(require_https_callback("http://10.0.0.1/x").is_err());
    // a bad topic is refused before anything is queued
    assert!(hook
        .subscribe(
            WebhookTopic::UserFollow {
                from_id: None,
                to_id: None
            },
            now
        )
        .is_err());
    assert!(hook.poll_transmit().is_none());
}

#[test]
fn the_challenge_is_answered_only_when_mode_topic_and_uuid_match() {
    let (mut hook, now) = hook();
    let uuid = hook.subscribe(stream(), now).unwrap();
    // before the request went out, nothing matches
    let early = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        now,
    );
    assert_eq!(early.status(), StatusCode::NOT_FOUND);
    let t = hook.poll_transmit().unwrap();
    let other = Uuid::from_u128(7);
    for uri in [
        verify_uri("streams", other, "subscribe", STREAM_TOPIC, 600),
        verify_uri("streams", uuid, "unsubscribe", STREAM_TOPIC, 600),
        verify_uri(
            "streams",
            uuid,
            "subscribe",
            "https://api.twitch.tv/helix/streams?user_id=1",
            600,
        ),
        verify_uri("users/changed", uuid, "subscribe", STREAM_TOPIC, 600),
        verify_uri("streams", uuid, "bogus", STREAM_TOPIC, 600),
        format!(
            "/tw/streams?hub.mode=subscribe&hub.topic={}&hub.challenge=x",
            enc(STREAM_TOPIC)
        ),
        format!(
            "/elsewhere/streams?uuid={uuid}&hub.mode=subscribe&hub.topic={}&hub.challenge=x",
            enc(STREAM_TOPIC)
        ),
    ] {
        let a = hook.handle_request(get(&uri), now);
        assert_eq!(a.status(), StatusCode::NOT_FOUND, "{uri}");
        assert!(a.body() != b"ch-subscribe");
    }
    assert!(events(&mut hook)
        .iter()
        .all(|e| matches!(e, Event::Rejected { .. })));
    hook.handle_response(t.id, accepted(), now);
    let ok = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        now,
    );
    assert_eq!(
        (ok.status(), ok.body().as_slice()),
        (StatusCode::OK, &b"ch-subscribe"[..])
    );
    assert_eq!(hook.subscriptions(), vec![(uuid, STREAM_TOPIC.to_owned())]);
    // a second verification of the same request is a stray
    let again = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        now,
    );
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
}

#[test]
fn the_health_check_answers_on_the_callback_root() {
    let (mut hook, now) = hook();
    for uri in ["/tw", "/tw/"] {
        let a = hook.handle_request(get(uri), now);
        assert_eq!(
            (a.status(), a.body().as_slice()),
            (StatusCode::OK, HEALTH_TEXT.as_bytes())
        );
    }
    assert_eq!(
        hook.handle_request(get("/"), now).status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        hook.handle_request(get("/twx"), now).status(),
        StatusCode::NOT_FOUND
    );
}

#[test]
fn a_denied_subscription_ends_with_the_hubs_reason() {
    let (mut hook, now) = hook();
    let uuid = hook.subscribe(stream(), now).unwrap();
    let t = hook.poll_transmit().unwrap();
    hook.handle_response(t.id, accepted(), now);
    let uri = format!(
        "/tw/streams?uuid={uuid}&hub.mode=denied&hub.topic={}&hub.reason=unauthorized",
        enc(STREAM_TOPIC)
    );
    assert_eq!(hook.handle_request(get(&uri), now).status(), StatusCode::OK);
    assert_eq!(
        events(&mut hook),
        vec![Event::Denied {
            uuid,
            topic: STREAM_TOPIC.into(),
            reason: "unauthorized".into()
        }]
    );
    assert!(hook.subscriptions().is_empty());
    assert_eq!(hook.poll_timeout(), None, "no confirm timer is left");
}

#[test]
fn the_verification_may_come_before_the_202() {
    let (mut hook, now) = hook();
    let uuid = hook.subscribe(stream(), now).unwrap();
    let t = hook.poll_transmit().unwrap();
    let a = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        now,
    );
    assert_eq!(a.body(), b"ch-subscribe");
    assert!(matches!(events(&mut hook)[..], [Event::Subscribed { .. }]));
    // the 202 arriving afterwards is reported; a late failure changes nothing
    hook.handle_response(t.id, accepted(), now);
    hook.handle_transport_error(t.id, Error::Transport("late".into()), now);
    assert_eq!(all_events(&mut hook), vec![Event::Accepted { uuid }]);
    assert_eq!(hook.subscriptions().len(), 1);
}

#[test]
fn no_verification_in_time_is_a_listen_timeout() {
    let (mut hook, now) = hook();
    let uuid = hook.subscribe(stream(), now).unwrap();
    let t = hook.poll_transmit().unwrap();
    hook.handle_response(t.id, accepted(), now);
    assert_eq!(all_events(&mut hook), vec![Event::Accepted { uuid }]);
    let deadline = now + Duration::from_secs(30);
    assert_eq!(hook.poll_timeout(), Some(deadline));
    hook.handle_timeout(deadline - Duration::from_millis(1));
    assert!(
        events(&mut hook).is_empty(),
        "spurious timeout does nothing"
    );
    hook.handle_timeout(deadline);
    assert_eq!(
        events(&mut hook),
        vec![Event::Failed {
            uuid,
            error: Error::ListenTimeout
        }]
    );
    // a verification that comes later is refused
    let late = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        deadline,
    );
    assert_eq!(late.status(), StatusCode::NOT_FOUND);
}

#[test]
fn a_refused_hub_request_fails_with_twitchs_error() {
    let (mut hook, now) = hook();
    let uuid = hook.subscribe(stream(), now).unwrap();
    let t = hook.poll_transmit().unwrap();
    let refused = http::Response::builder()
        .status(400)
        .body(br#"{"error":"Bad Request","status":400,"message":"hub.topic is invalid"}"#.to_vec())
        .unwrap();
    hook.handle_response(t.id, refused, now);
    match &events(&mut hook)[..] {
        [Event::Failed {
            uuid: u,
            error: Error::Api {
                status: 400,
                message,
            },
        }] => {
            assert_eq!(*u, uuid);
            assert_eq!(message, "hub.topic is invalid");
        }
        other => panic!("{other:?}"),
    }
    assert!(hook.subscriptions().is_empty());
    assert_eq!(hook.poll_timeout(), None);
}

#[test]
fn renewal_goes_out_one_minute_before_expiry_and_again_after_renewal() {
    let (mut hook, t0) = hook();
    let uuid = subscribed(&mut hook, t0);
    let renew_at = t0 + Duration::from_secs(540);
    assert_eq!(hook.poll_timeout(), Some(renew_at));
    hook.handle_timeout(renew_at - Duration::from_millis(1));
    assert!(hook.poll_transmit().is_none());
    hook.handle_timeout(renew_at);
    let t = hook.poll_transmit().expect("a renewal");
    assert!(form(&t).contains(&("hub.mode".into(), "subscribe".into())));
    hook.handle_response(t.id, accepted(), renew_at);
    let t1 = renew_at + Duration::from_secs(2);
    let a = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        t1,
    );
    assert_eq!(a.body(), b"ch-subscribe");
    assert_eq!(events(&mut hook), vec![Event::Renewed { uuid }]);
    // the next renewal: one minute before the new lease ends
    assert_eq!(hook.poll_timeout(), Some(t1 + Duration::from_secs(540)));
    hook.handle_timeout(t1 + Duration::from_secs(540));
    assert!(hook.poll_transmit().is_some());
}

#[test]
fn a_lease_without_renewal_expires() {
    let mut config = WebHookConfig::new("https://hooks.example.com/tw");
    config.auto_renew = false;
    let (mut hook, t0) = hook_with(config);
    let uuid = subscribed(&mut hook, t0);
    let end = t0 + Duration::from_secs(600);
    assert_eq!(hook.poll_timeout(), Some(end));
    hook.handle_timeout(end);
    assert_eq!(events(&mut hook), vec![Event::Expired { uuid }]);
    assert!(hook.subscriptions().is_empty());
    assert!(hook.poll_transmit().is_none());
}

#[test]
fn a_short_granted_lease_is_renewed_at_half_and_a_failed_renewal_is_retried() {
    let (mut hook, t0) = hook();
    let uuid = hook.subscribe(stream(), t0).unwrap();
    let t = hook.poll_transmit().unwrap();
    hook.handle_response(t.id, accepted(), t0);
    hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 4)),
        t0,
    );
    assert_eq!(hook.poll_timeout(), Some(t0 + Duration::from_secs(2)));
    hook.handle_timeout(t0 + Duration::from_secs(2));
    let t = hook.poll_transmit().unwrap();
    hook.handle_transport_error(
        t.id,
        Error::Transport("reset".into()),
        t0 + Duration::from_secs(2),
    );
    events(&mut hook);
    // the retry is bounded by the lease: at its end the subscription expires
    assert_eq!(hook.poll_timeout(), Some(t0 + Duration::from_secs(4)));
    hook.handle_timeout(t0 + Duration::from_secs(4));
    assert_eq!(events(&mut hook), vec![Event::Expired { uuid }]);
}

#[test]
fn unsubscribe_ends_after_the_hubs_verification() {
    let (mut hook, now) = hook();
    let uuid = subscribed(&mut hook, now);
    hook.unsubscribe(uuid, now).unwrap();
    assert!(
        hook.unsubscribe(uuid, now).is_err(),
        "one request at a time"
    );
    let t = hook.poll_transmit().unwrap();
    assert!(form(&t).contains(&("hub.mode".into(), "unsubscribe".into())));
    hook.handle_response(t.id, accepted(), now);
    let a = hook.handle_request(
        get(&verify_uri(
            "streams",
            uuid,
            "unsubscribe",
            STREAM_TOPIC,
            600,
        )),
        now,
    );
    assert_eq!(a.body(), b"ch-unsubscribe");
    assert_eq!(events(&mut hook), vec![Event::Unsubscribed { uuid }]);
    assert!(hook.subscriptions().is_empty());
    assert!(matches!(
        hook.unsubscribe(uuid, now),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn listed_leftovers_under_our_callback_are_unsubscribed() {
    let (mut hook, now) = hook();
    let mine = Uuid::from_u128(42);
    let listed: Vec<crate::helix::webhooks::WebhookSubscription> = serde_json::from_value(serde_json::json!([
        {"topic": STREAM_TOPIC, "callback": format!("https://hooks.example.com/tw/streams?uuid={mine}"), "expires_at": "2030-01-01T00:00:00Z"},
        {"topic": STREAM_TOPIC, "callback": "https://other.example.com/tw/streams?uuid=00000000-0000-0000-0000-000000000001", "expires_at": "2030-01-01T00:00:00Z"},
        {"topic": STREAM_TOPIC, "callback": "https://hooks.example.com/twother/streams?uuid=00000000-0000-0000-0000-000000000002", "expires_at": "2030-01-01T00:00:00Z"},
        {"topic": STREAM_TOPIC, "callback": "https://hooks.example.com/tw/streams", "expires_at": "2030-01-01T00:00:00Z"}
    ])).unwrap();
    assert_eq!(hook.unsubscribe_listed(&listed, now), vec![mine]);
    let t = hook.poll_transmit().unwrap();
    let f = form(&t);
    assert!(f.contains(&("hub.mode".into(), "unsubscribe".into())));
    assert!(f.contains(&("hub.callback".into(), listed[0].callback.clone())));
    assert!(hook.poll_transmit().is_none());
    let a = hook.handle_request(
        get(&verify_uri("streams", mine, "unsubscribe", STREAM_TOPIC, 0)),
        now,
    );
    assert_eq!(a.status(), StatusCode::OK);
    assert_eq!(events(&mut hook), vec![Event::Unsubscribed { uuid: mine }]);
}
