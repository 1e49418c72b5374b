//! The native EventSubWebSocket against the mock's EventSub server, end to
//! end: typed events, a `session_reconnect` handoff and a dropped socket with
//! events flowing, stop, scopes, and the chat bot answering `!ping`.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use futures::StreamExt;
use serde_json::json;
use twitchapi::core::eventsub::types::{
    ChannelChatMessageV1Condition, ChannelFollowV2Condition, StreamOnlineV1Condition,
};
use twitchapi::core::eventsub::ws::WsConfig;
use twitchapi::eventsub::{EventSubMessage, EventSubWebSocket};
use twitchapi::helix::chat::SendChatMessage;
use twitchapi::{AuthScope, Error, Twitch};
use twitchapi_mock::MockServer;

fn client_for(mock: &MockServer, twitch: &Twitch) -> EventSubWebSocket {
    let mut config = WsConfig::default();
    config.url = mock.eventsub_ws_url();
    config.reconnect_backoff = Duration::from_millis(50);
    EventSubWebSocket::with_config(twitch, config)
}

async fn next_matching(
    events: &mut futures::stream::BoxStream<'static, EventSubMessage>,
    what: &str,
    f: impl Fn(&EventSubMessage) -> bool,
) -> EventSubMessage {
    let wait = async {
        while let Some(message) = events.next().await {
            if f(&message) {
                return message;
            }
        }
        panic!("the stream ended before {what}");
    };
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .unwrap_or_else(|_| panic!("timed out waiting for {what}"))
}

type Seen = Arc<Mutex<Vec<(String, String)>>>;

async fn listening_to_online(mock: &MockServer) -> (EventSubWebSocket, Seen, String) {
    let twitch = client_with_user(mock, &[]).await;
    let client = client_for(mock, &twitch);
    let seen: Seen = Arc::default();
    let sink = Arc::clone(&seen);
    let id = client
        .listen_stream_online(StreamOnlineV1Condition::new(TWITCHDEV), move |n| {
            sink.lock()
                .unwrap()
                .push((n.message_id.clone(), n.event.broadcaster_user_id.clone()));
        })
        .await
        .expect("subscribed");
    (client, seen, id)
}

#[tokio::test]
async fn typed_events_arrive_and_a_reconnect_loses_and_repeats_nothing() {
    let mock = mock().await;
    let (client, seen, id) = listening_to_online(&mock).await;
    let mut events = client.events();
    // Twitch may send a message twice: it is handed out once
    mock.eventsub_duplicate_next();
    assert_eq!(mock.eventsub_trigger("stream.online", "1").await, 1);
    until("the first event", || seen.lock().unwrap().len() == 1).await;
    assert_eq!(seen.lock().unwrap()[0].1, TWITCHDEV);

    // Twitch moves the session; an event sent at once goes to the old socket
    // (and, during the grace, to the new one too)
    assert_eq!(mock.eventsub_reconnect(), 1);
    mock.eventsub_trigger("stream.online", "1").await;
    next_matching(&mut events, "reconnected", |m| {
        matches!(m, EventSubMessage::Reconnected { .. })
    })
    .await;
    mock.eventsub_trigger("stream.online", "1").await;
    until("three events", || seen.lock().unwrap().len() == 3).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let seen = seen.lock().unwrap().clone();
    let ids: std::collections::HashSet<&String> = seen.iter().map(|(m, _)| m).collect();
    assert_eq!(
        (seen.len(), ids.len()),
        (3, 3),
        "each message once: {seen:?}"
    );
    // the subscription carried over: the same one, never created again
    let subs = mock.eventsub_subscriptions();
    assert_eq!(subs.len(), 1, "{subs:?}");
    assert_eq!(subs[0].id, id);
    assert_eq!(mock.count("POST", "/helix/eventsub/subscriptions"), 1);
    client.stop().await;
}

#[tokio::test]
async fn a_dropped_socket_recreates_the_subscription_and_deletes_the_stale_one() {
    let mock = mock().await;
    let (client, seen, first_id) = listening_to_online(&mock).await;
    let mut events = client.events();
    assert_eq!(mock.eventsub_drop_sockets(), 1);
    next_matching(&mut events, "reconnected", |m| {
        matches!(m, EventSubMessage::Reconnected { .. })
    })
    .await;
    until("the stale subscription deleted", || {
        let subs = mock.eventsub_subscriptions();
        subs.len() == 1 && subs[0].id != first_id && subs[0].status == "enabled"
    })
    .await;
    mock.eventsub_trigger("stream.online", "1").await;
    until("the event on the new session", || {
        seen.lock().unwrap().len() == 1
    })
    .await;
    // the first id still names the subscription for unlisten
    client.unlisten(&first_id).await.unwrap();
    until("deleted", || mock.eventsub_subscriptions().is_empty()).await;
    client.stop().await;
}

#[tokio::test]
async fn stop_deletes_what_was_created_and_unknown_ids_are_not_found() {
    let mock = mock().await;
    let (client, _seen, _id) = listening_to_online(&mock).await;
    assert!(matches!(
        client.unlisten("not-ours").await,
        Err(Error::NotFound(_))
    ));
    client.stop().await;
    assert!(mock.eventsub_subscriptions().is_empty());
    until("the socket closed", || mock.eventsub_sessions() == 0).await;
}

#[tokio::test]
async fn a_missing_scope_fails_before_anything_is_sent() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[AuthScope::UserReadEmail]).await;
    let client = client_for(&mock, &twitch);
    let mut events = client.events();
    let refused = client
        .listen_channel_follow(ChannelFollowV2Condition::new(TWITCHDEV, TWITCHDEV), |_| {})
        .await;
    assert!(
        matches!(refused, Err(Error::MissingScope { .. })),
        "{refused:?}"
    );
    assert_eq!(mock.count("POST", "/helix/eventsub/subscriptions"), 0);
    next_matching(&mut events, "subscribe_failed", |m| {
        matches!(m, EventSubMessage::SubscribeFailed { .. })
    })
    .await;
    client.stop().await;
}

#[tokio::test]
async fn the_chat_bot_answers_ping() {
    let mock = mock().await;
    let scopes = [AuthScope::UserReadChat, AuthScope::UserWriteChat];
    let twitch = client_with_user(&mock, &scopes).await;
    let client = client_for(&mock, &twitch);
    let (tx, mut pings) = tokio::sync::mpsc::unbounded_channel();
    client
        .listen_channel_chat_message(
            ChannelChatMessageV1Condition::new(TWITCHDEV, TWITCHDEV),
            move |n| {
                if n.event.message.text == "!ping" {
                    let _ = tx.send(n.event.message_id.clone());
                }
            },
        )
        .await
        .unwrap();
    let event = json!({
        "broadcaster_user_id": TWITCHDEV, "broadcaster_user_login": "twitchdev", "broadcaster_user_name": "TwitchDev",
        "chatter_user_id": "4145994", "chatter_user_login": "viewer32", "chatter_user_name": "viewer32",
        "message_id": "m-1", "message": {"text": "!ping", "fragments": []}, "color": "", "badges": [],
        "message_type": "text", "cheer": null, "reply": null, "channel_points_custom_reward_id": null
    });
    assert_eq!(
        mock.eventsub_trigger_event("channel.chat.message", "1", event)
            .await,
        1
    );
    let reply_to = tokio::time::timeout(Duration::from_secs(10), pings.recv())
        .await
        .unwrap()
        .unwrap();
    let mut pong = SendChatMessage::new(TWITCHDEV, TWITCHDEV, "pong");
    pong.reply_parent_message_id = Some(reply_to);
    let sent = twitch.request(&pong).await.unwrap();
    assert!(sent.data[0].is_sent);
    let posted = mock
        .requests()
        .into_iter()
        .find(|r| r.method == "POST" && r.path == "/helix/chat/messages")
        .expect("the answer was posted");
    let body: serde_json::Value = serde_json::from_str(&posted.body).unwrap();
    assert_eq!(body["message"], "pong");
    assert_eq!(body["reply_parent_message_id"], "m-1");
    client.stop().await;
}
