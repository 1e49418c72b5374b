//! The native EventSubWebhook against the mock's EventSub webhook sender, end
//! to end: the challenge, typed events, forged, stale and repeated messages,
//! and stop deleting what was created.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use futures::StreamExt;
use twitchapi::core::eventsub::types::StreamOnlineV1Condition;
use twitchapi::eventsub::{EventSubMessage, EventSubWebhook};
use twitchapi::Secret;
use twitchapi_mock::{EventSubSigning, MockConfig, MockServer};

type Seen = Arc<Mutex<Vec<String>>>;

async fn listening(mock: &MockServer) -> (EventSubWebhook, Seen, String) {
    let twitch = client_with_user(mock, &[]).await;
    let port = free_port();
    let hook = EventSubWebhook::builder(&twitch, format!("http://127.0.0.1:{port}/eventsub"), port)
        .secret(Secret::new("a-secret-of-some-length"))
        .start()
        .await
        .expect("the server starts");
    let seen: Seen = Arc::default();
    let sink = Arc::clone(&seen);
    let id = hook
        .listen_stream_online(StreamOnlineV1Condition::new(TWITCHDEV), move |n| {
            sink.lock()
                .unwrap()
                .push(n.event.broadcaster_user_login.clone());
        })
        .await
        .expect("created and verified");
    // Twitch enables it once it has read the challenge's answer
    until("enabled", || {
        mock.eventsub_subscriptions()
            .iter()
            .any(|s| s.id == id && s.status == "enabled")
    })
    .await;
    (hook, seen, id)
}

#[tokio::test]
async fn the_challenge_is_answered_and_typed_events_arrive() {
    let mock = mock().await;
    let (hook, seen, id) = listening(&mock).await;
    let subs = mock.eventsub_subscriptions();
    assert_eq!(subs.len(), 1);
    assert_eq!(
        (subs[0].id.as_str(), subs[0].status.as_str()),
        (id.as_str(), "enabled")
    );
    assert_eq!(mock.eventsub_trigger("stream.online", "1").await, 1);
    until("the event", || seen.lock().unwrap().len() == 1).await;
    hook.stop().await;
    assert!(mock.eventsub_subscriptions().is_empty());
}

#[tokio::test]
async fn forged_stale_and_repeated_messages_hand_out_nothing() {
    // each refused delivery counts as a failure at Twitch; keep the
    // subscription alive through the three kinds of refusal
    let mock = mock_with(MockConfig {
        eventsub_webhook_failure_limit: 20,
        ..MockConfig::default()
    })
    .await;
    let (hook, seen, _id) = listening(&mock).await;
    let mut events = hook.events();
    for signing in [
        EventSubSigning::Wrong,
        EventSubSigning::Missing,
        EventSubSigning::Stale,
    ] {
        mock.eventsub_webhook_signing(signing);
        mock.eventsub_trigger("stream.online", "1").await;
        let wait = async {
            while let Some(message) = events.next().await {
                if let EventSubMessage::Rejected { status, .. } = message {
                    return status;
                }
            }
            0
        };
        let status = tokio::time::timeout(Duration::from_secs(10), wait)
            .await
            .unwrap();
        assert!(status == 403 || status == 400, "{signing:?}: {status}");
    }
    mock.eventsub_webhook_signing(EventSubSigning::Valid);
    mock.eventsub_duplicate_next();
    mock.eventsub_trigger("stream.online", "1").await;
    until("the event", || !seen.lock().unwrap().is_empty()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        seen.lock().unwrap().len(),
        1,
        "a repeated message id is handed out once"
    );
    hook.stop().await;
}
