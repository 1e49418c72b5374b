//! EventSub Helix calls for the tests.
#![allow(dead_code)] // shared by several test files; each uses part of it

use std::future::Future;
use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{json, Value};
use twitchapi_mock::{EventSubSubscription, MockServer};

use super::common::{helix, Answer};

pub const PATH: &str = "/eventsub/subscriptions";

/// POST /helix/eventsub/subscriptions with `body`.
pub async fn create(server: &MockServer, token: &str, body: &Value) -> Answer {
    helix(server, Method::POST, PATH, token, Some(&body.to_string())).await
}

/// A WebSocket subscription request.
pub fn ws_body(kind: &str, version: &str, condition: Value, session_id: &str) -> Value {
    json!({
        "type": kind,
        "version": version,
        "condition": condition,
        "transport": {"method": "websocket", "session_id": session_id},
    })
}

/// A webhook subscription request.
pub fn hook_body(
    kind: &str,
    version: &str,
    condition: Value,
    callback: &str,
    secret: &str,
) -> Value {
    json!({
        "type": kind,
        "version": version,
        "condition": condition,
        "transport": {"method": "webhook", "callback": callback, "secret": secret},
    })
}

/// Creates a WebSocket subscription that must be accepted; returns its id.
pub async fn subscribe_ws(
    server: &MockServer,
    token: &str,
    kind: &str,
    version: &str,
    condition: Value,
    session_id: &str,
) -> String {
    let answer = create(
        server,
        token,
        &ws_body(kind, version, condition, session_id),
    )
    .await;
    assert_eq!(answer.status, 202, "{}", answer.text);
    answer.json["data"][0]["id"]
        .as_str()
        .expect("id")
        .to_owned()
}

/// `stream.online` of `broadcaster` on `session_id`, which must be accepted.
pub async fn online_ws(
    server: &MockServer,
    token: &str,
    broadcaster: &str,
    session_id: &str,
) -> String {
    subscribe_ws(
        server,
        token,
        "stream.online",
        "1",
        json!({"broadcaster_user_id": broadcaster}),
        session_id,
    )
    .await
}

/// The mock's record of subscription `id`.
pub fn sub(server: &MockServer, id: &str) -> EventSubSubscription {
    server
        .eventsub_subscriptions()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no subscription {id}"))
}

/// Waits (up to 5 s) until `ready` holds.
pub async fn until<F, Fut>(what: &str, mut ready: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    while !ready().await {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "waited 5 s for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until subscription `id` has `status`.
pub async fn until_status(server: &MockServer, id: &str, status: &str) {
    until(status, || async { sub(server, id).status == status }).await;
}
