//! The native TwitchWebHook against the mock's WebSub hub, end to end.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use futures::StreamExt;
use serde_json::json;
use twitchapi::core::webhook::Event;
use twitchapi::{AuthScope, Error, Twitch, TwitchWebHook};
use twitchapi_mock::{MockServer, Signing};
use uuid::Uuid;

const EXTENSION: &str = twitchapi_mock::seeded::TRANSACTIONS_EXTENSION_ID;

fn all_scopes() -> Vec<AuthScope> {
    vec![
        AuthScope::ModerationRead,
        AuthScope::ChannelReadSubscriptions,
        AuthScope::ChannelReadHypeTrain,
        AuthScope::UserReadEmail,
    ]
}

/// A started webhook on a free loopback port, callback under `/hooks`.
async fn started(twitch: &Twitch, port: u16) -> TwitchWebHook {
    let mut hook = TwitchWebHook::new(
        format!("http://127.0.0.1:{port}/hooks"),
        twitch.app_id(),
        port,
    );
    hook.authenticate(twitch).unwrap();
    hook.start().await.unwrap();
    hook
}

fn ours(mock: &MockServer, port: u16) -> Vec<twitchapi_mock::HubSubscription> {
    let prefix = format!("http://127.0.0.1:{port}/hooks");
    mock.webhook_subscriptions()
        .into_iter()
        .filter(|s| s.callback.starts_with(&prefix))
        .collect()
}

/// Waits until the hub lists `n` subscriptions under our callback (the hub
/// stores one after our answer to its verification reached it).
async fn until_ours(mock: &MockServer, port: u16, n: usize) {
    until(&format!("{n} subscriptions at the hub"), || {
        ours(mock, port).len() == n
    })
    .await;
}

type Seen = Arc<Mutex<Vec<(Uuid, serde_json::Value)>>>;

fn recorder(seen: &Seen) -> impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static {
    let seen = Arc::clone(seen);
    move |uuid, data| seen.lock().unwrap().push((uuid, data.clone()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn all_eight_topics_subscribe_receive_signed_notifications_and_unsubscribe_on_stop() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &all_scopes()).await;
    let port = free_port();
    let mut hook = started(&twitch, port).await;
    assert!(hook.start().await.is_err(), "started twice");
    let seen: Seen = Arc::default();
    let t = TWITCHDEV;
    let uuids = [
        hook.subscribe_user_follow(None, Some(t), recorder(&seen))
            .await
            .unwrap(),
        hook.subscribe_stream_changed(t, recorder(&seen))
            .await
            .unwrap(),
        hook.subscribe_user_changed(t, recorder(&seen))
            .await
            .unwrap(),
        hook.subscribe_extension_transaction_created(EXTENSION, recorder(&seen))
            .await
            .unwrap(),
        hook.subscribe_moderator_change_events(t, None, recorder(&seen))
            .await
            .unwrap(),
        hook.subscribe_channel_ban_change_events(t, Some("1234"), recorder(&seen))
            .await
            .unwrap(),
        hook.subscribe_subscription_events(t, recorder(&seen), None, Some("55"), None)
            .await
            .unwrap(),
        hook.subscribe_hype_train_events(t, recorder(&seen))
            .await
            .unwrap(),
    ];
    until_ours(&mock, port, 8).await;
    let live = ours(&mock, port);
    assert!(live.iter().all(|s| s.has_secret && s.lease_seconds == 600));
    assert_eq!(hook.subscriptions().len(), 8);
    // one signed notification per topic reaches the callback of its subscription
    let topics: Vec<(Uuid, String)> = {
        let mut subs = hook.subscriptions();
        subs.sort_by_key(|(u, _)| uuids.iter().position(|x| x == u));
        subs
    };
    for (i, (_, topic)) in topics.iter().enumerate() {
        let statuses = mock
            .webhook_notify(topic, vec![json!({"n": i})], Signing::Valid, None)
            .await;
        assert_eq!(statuses, vec![200], "{topic}");
    }
    until("8 notifications", || seen.lock().unwrap().len() == 8).await;
    let got = seen.lock().unwrap().clone();
    for (i, uuid) in uuids.iter().enumerate() {
        assert!(got.contains(&(*uuid, json!({"n": i}))), "{i}: {got:?}");
    }
    // an empty stream notification is the stream going offline
    let stream_topic = &topics[1].1;
    mock.webhook_notify(stream_topic, vec![], Signing::Valid, None)
        .await;
    until("offline", || seen.lock().unwrap().len() == 9).await;
    assert_eq!(
        seen.lock().unwrap()[8],
        (uuids[1], json!({"type": "offline"}))
    );

    hook.stop().await.unwrap();
    until_ours(&mock, port, 0).await;
    assert!(hook.stop().await.is_err(), "stopped twice");
    // the port is free again
    std::net::TcpListener::bind(("127.0.0.1", port)).expect("server is down");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_and_repeated_notifications_never_reach_the_callback() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &all_scopes()).await;
    let port = free_port();
    let mut hook = started(&twitch, port).await;
    let mut events = hook.events();
    let seen: Seen = Arc::default();
    let uuid = hook
        .subscribe_stream_changed(TWITCHDEV, recorder(&seen))
        .await
        .unwrap();
    let topic = hook.subscriptions()[0].1.clone();
    until_ours(&mock, port, 1).await;
    for signing in [
        Signing::Missing,
        Signing::WrongSecret,
        Signing::Malformed,
        Signing::Sha1,
        Signing::Tampered,
    ] {
        let statuses = mock
            .webhook_notify(&topic, vec![json!({"forged": true})], signing, None)
            .await;
        assert_eq!(statuses, vec![403], "{signing:?}");
    }
    for _ in 0..2 {
        let statuses = mock
            .webhook_notify(
                &topic,
                vec![json!({"id": 1})],
                Signing::Valid,
                Some("same-id".into()),
            )
            .await;
        assert_eq!(statuses, vec![200]);
    }
    mock.webhook_notify(&topic, vec![json!({"id": 2})], Signing::Valid, None)
        .await;
    until("two notifications", || seen.lock().unwrap().len() == 2).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        *seen.lock().unwrap(),
        vec![(uuid, json!({"id": 1})), (uuid, json!({"id": 2}))]
    );
    // the stream saw the subscription, five rejections and the two notifications
    let mut rejected = 0;
    let mut notified = 0;
    while rejected + notified < 7 {
        match tokio::time::timeout(Duration::from_secs(5), events.next()).await {
            Ok(Some(Event::Rejected { .. })) => rejected += 1,
            Ok(Some(Event::Notification { .. })) => notified += 1,
            Ok(Some(_)) => {}
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((rejected, notified), (5, 2));
    // the health check on the callback root
    let health = reqwest::get(format!("http://127.0.0.1:{port}/hooks"))
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    assert_eq!(health.text().await.unwrap(), "twitchapi webhook");
    // a body over 1 MiB is refused before it is read whole
    let big = vec![b' '; (1 << 20) + 10];
    let answer = reqwest::Client::new()
        .post(format!("http://127.0.0.1:{port}/hooks/streams?uuid={uuid}"))
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 413);
    hook.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_lease_is_renewed_before_it_expires_and_notifications_go_on() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &all_scopes()).await;
    // the hub grants 4 s: renewal at 2 s, expiry at 4 s unless renewed
    mock.webhook_grant_lease_seconds(Some(4));
    let port = free_port();
    let mut hook = started(&twitch, port).await;
    let mut events = hook.events();
    let seen: Seen = Arc::default();
    let uuid = hook
        .subscribe_user_changed(TWITCHDEV, recorder(&seen))
        .await
        .unwrap();
    let topic = hook.subscriptions()[0].1.clone();
    until_ours(&mock, port, 1).await;
    let mut renewals = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(7);
    while tokio::time::Instant::now() < deadline {
        match tokio::time::timeout_at(deadline, events.next()).await {
            Ok(Some(Event::Renewed { uuid: u })) => {
                assert_eq!(u, uuid);
                renewals += 1;
            }
            Ok(Some(Event::Expired { .. })) => panic!("the lease expired"),
            Ok(Some(_)) => {}
            Ok(None) => panic!("stream ended"),
            Err(_) => break,
        }
    }
    // 7 s is past the first lease's end: it lives on through renewals
    assert!(renewals >= 2, "{renewals} renewals");
    assert_eq!(ours(&mock, port).len(), 1);
    let statuses = mock
        .webhook_notify(
            &topic,
            vec![json!({"after": "renewal"})],
            Signing::Valid,
            None,
        )
        .await;
    assert_eq!(statuses, vec![200]);
    until("the notification", || seen.lock().unwrap().len() == 1).await;
    mock.webhook_grant_lease_seconds(None);
    hook.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unsubscribe_all_ends_leftovers_of_an_earlier_run() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &all_scopes()).await;
    let port = free_port();
    let mut first = started(&twitch, port).await;
    first.unsubscribe_on_stop = false;
    first
        .subscribe_stream_changed(TWITCHDEV, |_, _| {})
        .await
        .unwrap();
    first
        .subscribe_user_follow(Some(TWITCHDEV), None, |_, _| {})
        .await
        .unwrap();
    until_ours(&mock, port, 2).await;
    first.stop().await.unwrap();
    assert_eq!(ours(&mock, port).len(), 2, "left over");
    let before = mock.webhook_subscriptions().len();

    let mut second = started(&twitch, port).await;
    assert!(second.unsubscribe_all(&twitch).await.unwrap());
    until_ours(&mock, port, 0).await;
    // subscriptions under other callbacks are left alone
    assert_eq!(mock.webhook_subscriptions().len(), before - 2);
    second.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn denials_missing_scopes_and_bad_urls_fail_as_typed_errors() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[AuthScope::UserReadEmail]).await;
    let port = free_port();
    let mut hook = started(&twitch, port).await;
    // a missing scope fails before anything is sent
    let hub_posts = || mock.count("POST", "/helix/webhooks/hub");
    let err = hook
        .subscribe_hype_train_events(TWITCHDEV, |_, _| {})
        .await
        .unwrap_err();
    assert!(matches!(err, Error::MissingScope { .. }), "{err:?}");
    assert_eq!(hub_posts(), 0);
    // both ids missing: refused at once
    let err = hook
        .subscribe_user_follow(None, None, |_, _| {})
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)));
    // the hub denies
    mock.webhook_deny_next(Some("unauthorized"));
    let err = hook
        .subscribe_stream_changed(TWITCHDEV, |_, _| {})
        .await
        .unwrap_err();
    assert!(err.to_string().contains("unauthorized"), "{err}");
    assert_eq!(hub_posts(), 1);
    assert!(hook.subscriptions().is_empty());
    // not waiting for the verification: back on the hub's 202
    hook.wait_for_subscription_confirm = false;
    let uuid = hook
        .subscribe_stream_changed(TWITCHDEV, |_, _| {})
        .await
        .unwrap();
    until("the verification", || hook.subscriptions().len() == 1).await;
    hook.wait_for_subscription_confirm = true;
    until_ours(&mock, port, 1).await;
    hook.unsubscribe(uuid).await.unwrap();
    until_ours(&mock, port, 0).await;
    hook.stop().await.unwrap();

    let mut plain = TwitchWebHook::new("http://hooks.example.com", twitch.app_id(), 0);
    assert!(matches!(
        plain.authenticate(&twitch),
        Err(Error::InvalidArgument(_))
    ));
    let mut other_app = TwitchWebHook::new("https://hooks.example.com", "another-app", 0);
    assert!(other_app.authenticate(&twitch).is_err());
    let mut not_authenticated = TwitchWebHook::new("https://hooks.example.com", twitch.app_id(), 0);
    assert!(not_authenticated.start().await.is_err());
    let mut bad_lease = TwitchWebHook::new("https://hooks.example.com", twitch.app_id(), 0);
    bad_lease.subscribe_least_seconds = 100;
    bad_lease.authenticate(&twitch).unwrap();
    assert!(matches!(
        bad_lease.start().await,
        Err(Error::InvalidArgument(_))
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_callback_server_speaks_tls_when_given_a_certificate() {
    let mock = mock().await;
    let twitch = client(&mock);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut hook = TwitchWebHook::new("https://localhost/hooks", twitch.app_id(), 0);
    hook.tls = Some(
        twitchapi::tls_config_from_pem(
            format!("{dir}/webhook-test-cert.pem"),
            format!("{dir}/webhook-test-key.pem"),
        )
        .unwrap(),
    );
    hook.authenticate(&twitch).unwrap();
    hook.start().await.unwrap();
    let port = hook.local_addr().unwrap().port();
    let cert = std::fs::read(format!("{dir}/webhook-test-cert.pem")).unwrap();
    let client = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&cert).unwrap())
        .build()
        .unwrap();
    let health = client
        .get(format!("https://localhost:{port}/hooks"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.text().await.unwrap(), "twitchapi webhook");
    // plain HTTP on the TLS port gets no answer
    assert!(reqwest::get(format!("http://127.0.0.1:{port}/hooks"))
        .await
        .is_err());
    hook.stop().await.unwrap();
    // a missing certificate is a typed error
    assert!(matches!(
        twitchapi::tls_config_from_pem("/nonexistent.pem", "/nonexistent.pem"),
        Err(Error::InvalidArgument(_))
    ));
}
