//! The webhook machine on a virtual clock: hub requests, verification,
//! leases (`handshake`), signatures and repeats (`notifications`).

mod handshake;
mod notifications;

use http::StatusCode;
use url::form_urlencoded::{byte_serialize, parse};
use uuid::Uuid;

use super::*;
use crate::helix::{Auth, Helix, Scopes};
use crate::{AuthScope, Duration, Error, Instant, Secret};

pub(super) const SECRET: &str = "the-secret";

pub(super) fn hook_with(config: WebHookConfig) -> (WebHook, Instant) {
    let now = Instant::now();
    let helix = Helix::new("cid")
        .with_base_url("http://127.0.0.1:9/helix")
        .unwrap();
    let mut hook = WebHook::new(&helix, config, Secret::new(SECRET), 1);
    hook.start(now).unwrap();
    (hook, now)
}

pub(super) fn hook() -> (WebHook, Instant) {
    hook_with(WebHookConfig::new("https://hooks.example.com/tw"))
}

pub(super) fn stream() -> WebhookTopic {
    WebhookTopic::StreamChanged {
        user_id: "1337".into(),
    }
}

pub(super) const STREAM_TOPIC: &str = "https://api.twitch.tv/helix/streams?user_id=1337";

pub(super) fn enc(s: &str) -> String {
    byte_serialize(s.as_bytes()).collect()
}

pub(super) fn get(uri: &str) -> http::Request<Vec<u8>> {
    http::Request::get(uri).body(Vec::new()).unwrap()
}

pub(super) fn verify_uri(path: &str, uuid: Uuid, mode: &str, topic: &str, lease: u64) -> String {
    format!(
        "/tw/{path}?uuid={uuid}&hub.mode={mode}&hub.topic={}&hub.lease_seconds={lease}&hub.challenge=ch-{mode}",
        enc(topic)
    )
}

pub(super) fn form(t: &HubTransmit) -> Vec<(String, String)> {
    parse(t.request.body()).into_owned().collect()
}

/// The events but [`Event::Accepted`] (the hub's 202), which most tests do not look at.
pub(super) fn events(hook: &mut WebHook) -> Vec<Event> {
    all_events(hook)
        .into_iter()
        .filter(|e| !matches!(e, Event::Accepted { .. }))
        .collect()
}

pub(super) fn all_events(hook: &mut WebHook) -> Vec<Event> {
    std::iter::from_fn(|| hook.poll_event()).collect()
}

/// Subscribes to the stream topic and walks the handshake: transmit, 202, verification.
pub(super) fn subscribed(hook: &mut WebHook, now: Instant) -> Uuid {
    let uuid = hook.subscribe(stream(), now).unwrap();
    let t = hook.poll_transmit().unwrap();
    hook.handle_response(t.id, accepted(), now);
    let answer = hook.handle_request(
        get(&verify_uri("streams", uuid, "subscribe", STREAM_TOPIC, 600)),
        now,
    );
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(answer.body(), b"ch-subscribe");
    assert_eq!(
        events(hook),
        vec![Event::Subscribed {
            uuid,
            topic: STREAM_TOPIC.into()
        }]
    );
    uuid
}

pub(super) fn accepted() -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(202)
        .body(Vec::new())
        .unwrap()
}

pub(super) fn notify(
    uuid: Uuid,
    body: &[u8],
    signature: Option<&str>,
    id: &str,
) -> http::Request<Vec<u8>> {
    let mut b = http::Request::post(format!("https://hooks.example.com/tw/streams?uuid={uuid}"))
        .header("Twitch-Notification-Id", id)
        .header("Content-Type", "application/json");
    if let Some(sig) = signature {
        b = b.header("X-Hub-Signature", sig);
    }
    b.body(body.to_vec()).unwrap()
}
