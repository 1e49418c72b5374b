//! The native PubSub client against the mock's PubSub server.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use futures::StreamExt;
use twitchapi::core::pubsub::{Event, Message, PubSubConfig};
use twitchapi::{AuthScope, Error, PubSub};

async fn until<F: Fn() -> bool>(what: &str, f: F) {
    for _ in 0..200 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listen_receive_survive_a_reconnect_and_unlisten() {
    let mock = mock().await;
    let twitch = client_with_user(
        &mock,
        &[AuthScope::ChannelReadRedemptions, AuthScope::WhispersRead],
    )
    .await;
    let mut config = PubSubConfig::default();
    config.reconnect_backoff = Duration::from_millis(50);
    let pubsub = PubSub::with_config(&twitch, mock.pubsub_url(), config);
    let mut events = pubsub.events();
    pubsub.start().unwrap();
    assert!(pubsub.start().is_err(), "started twice");

    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = seen.clone();
    let uuid = pubsub
        .listen_channel_points(TWITCHDEV, move |_, message| {
            if let Message::ChannelPoints(points) = message {
                let title = points
                    .data
                    .redemption
                    .as_ref()
                    .map(|r| r.reward.title.clone())
                    .unwrap_or_default();
                sink.lock().unwrap().push(title);
            }
        })
        .await
        .expect("confirmed");
    assert_eq!(
        mock.pubsub_channel_points_redemption(TWITCHDEV, "hydrate"),
        1
    );
    until("the first message", || seen.lock().unwrap().len() == 1).await;
    assert_eq!(seen.lock().unwrap()[0], "hydrate");

    // Twitch says RECONNECT: the client comes back and listens again
    mock.pubsub_reconnect();
    loop {
        match tokio::time::timeout(Duration::from_secs(5), events.next()).await {
            Ok(Some(Event::Reconnected { .. })) => break,
            Ok(Some(_)) => {}
            other => panic!("no reconnect: {other:?}"),
        }
    }
    until("the topic listened to again", || {
        mock.pubsub_listening(&format!("channel-points-channel-v1.{TWITCHDEV}")) == 1
    })
    .await;
    mock.pubsub_channel_points_redemption(TWITCHDEV, "stretch");
    until("the message after the reconnect", || {
        seen.lock().unwrap().len() == 2
    })
    .await;

    pubsub.unlisten(uuid).unwrap();
    until("the unlisten", || {
        mock.pubsub_listening(&format!("channel-points-channel-v1.{TWITCHDEV}")) == 0
    })
    .await;
    assert_eq!(mock.pubsub_channel_points_redemption(TWITCHDEV, "late"), 0);
    pubsub.stop().unwrap();
    assert!(pubsub.stop().is_err(), "stopped twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_scope_fails_before_sending_and_a_refused_topic_is_reported() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[AuthScope::BitsRead]).await;
    let pubsub = PubSub::with_config(&twitch, mock.pubsub_url(), PubSubConfig::default());
    pubsub.start().unwrap();
    let err = pubsub
        .listen_whispers(TWITCHDEV, |_, _| {})
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::MissingScope {
            required: vec![AuthScope::WhispersRead]
        }
    );
    // another channel's bits: the mock (like Twitch) refuses the token for it
    let err = pubsub.listen_bits("999", |_, _| {}).await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    let ok = pubsub.listen_bits(TWITCHDEV, |_, _| {}).await;
    assert!(ok.is_ok(), "{ok:?}");
    pubsub.stop().unwrap();
}

/// Waits for an event matching `want`, skipping others.
async fn event_where(
    events: &mut futures::stream::BoxStream<'static, Event>,
    want: impl Fn(&Event) -> bool,
) {
    loop {
        match tokio::time::timeout(Duration::from_secs(10), events.next()).await {
            Ok(Some(e)) if want(&e) => return,
            Ok(Some(_)) => {}
            other => panic!("event not seen: {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_switch_is_survived_and_no_subscription_is_lost() {
    let mock = mock().await;
    let twitch = client_with_user(
        &mock,
        &[AuthScope::ChannelReadRedemptions, AuthScope::WhispersRead],
    )
    .await;
    let mut config = PubSubConfig::default();
    config.reconnect_backoff = Duration::from_millis(20);
    config.ping_frequency = Duration::from_millis(300);
    config.ping_jitter = Duration::from_millis(20);
    config.pong_timeout = Duration::from_millis(200);
    let pubsub = PubSub::with_config(&twitch, mock.pubsub_url(), config);
    let mut events = pubsub.events();
    pubsub.start().unwrap();
    let counts: Arc<Mutex<[usize; 2]>> = Arc::default();
    for (i, topic) in [0usize, 1].into_iter().zip(["points", "whispers"]) {
        let sink = counts.clone();
        let callback = move |_: uuid::Uuid, _: &Message| sink.lock().unwrap()[i] += 1;
        if topic == "points" {
            pubsub
                .listen_channel_points(TWITCHDEV, callback)
                .await
                .unwrap();
        } else {
            pubsub.listen_whispers(TWITCHDEV, callback).await.unwrap();
        }
    }
    let mut expected = 0;
    let mut publish_and_check = |what: &'static str| {
        expected += 1;
        let counts = counts.clone();
        let mock = &mock;
        async move {
            until("both topics listened to", || {
                mock.pubsub_listening(&format!("channel-points-channel-v1.{TWITCHDEV}")) == 1
                    && mock.pubsub_listening(&format!("whispers.{TWITCHDEV}")) == 1
            })
            .await;
            mock.pubsub_channel_points_redemption(TWITCHDEV, what);
            mock.pubsub_whisper(TWITCHDEV, "user1", what);
            until(what, || *counts.lock().unwrap() == [expected, expected]).await;
        }
    };
    publish_and_check("before any fault").await;

    // garbage frames are reported, the session goes on
    mock.pubsub_send_garbage("{not json");
    event_where(&mut events, |e| matches!(e, Event::Error(_))).await;
    publish_and_check("after garbage").await;

    // the socket is dropped: reconnect, listen again
    mock.pubsub_drop_connections();
    event_where(&mut events, |e| matches!(e, Event::Reconnected { .. })).await;
    publish_and_check("after a dropped socket").await;

    // PONGs are withheld: the client notices, reconnects
    mock.pubsub_withhold_pong(true);
    event_where(
        &mut events,
        |e| matches!(e, Event::Reconnecting { reason, .. } if reason == "no PONG"),
    )
    .await;
    mock.pubsub_withhold_pong(false);
    event_where(&mut events, |e| matches!(e, Event::Reconnected { .. })).await;
    publish_and_check("after withheld PONGs").await;

    // RESPONSEs are slow: the LISTENs after a RECONNECT still get confirmed
    mock.pubsub_response_delay(Duration::from_millis(150));
    mock.pubsub_reconnect();
    event_where(&mut events, |e| matches!(e, Event::Reconnected { .. })).await;
    publish_and_check("after slow responses").await;
    pubsub.stop().unwrap();
}
