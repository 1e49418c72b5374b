//! Requests to the hub and what the tests check about it.
#![allow(dead_code)] // shared by two test files; each uses part of it

use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use serde_json::Value;
use twitchapi_mock::MockServer;

use super::callback::Callback;
use super::common::{answer, app_token, client, get, Answer};
use super::WAIT;

/// POST /helix/webhooks/hub with `body` of `content_type` (none when `None`).
pub async fn hub_raw(
    server: &MockServer,
    token: &str,
    content_type: Option<&str>,
    body: &str,
) -> Answer {
    let mut request = client()
        .post(format!("{}/webhooks/hub", server.helix_url()))
        .bearer_auth(token)
        .header("Client-Id", server.client_id());
    if let Some(content_type) = content_type {
        request = request.header("Content-Type", content_type);
    }
    answer(request.body(body.to_owned()).send().await.expect("send")).await
}

/// POST /helix/webhooks/hub with form fields.
pub async fn hub(server: &MockServer, token: &str, fields: &[(&str, &str)]) -> Answer {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    hub_raw(
        server,
        token,
        Some("application/x-www-form-urlencoded"),
        &body,
    )
    .await
}

/// A subscribe request's fields.
pub fn subscribe_form<'a>(
    callback: &'a str,
    topic: &'a str,
    lease: &'a str,
    secret: Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("hub.callback", callback),
        ("hub.mode", "subscribe"),
        ("hub.topic", topic),
        ("hub.lease_seconds", lease),
    ];
    if let Some(secret) = secret {
        form.push(("hub.secret", secret));
    }
    form
}

#[track_caller]
pub fn assert_accepted(answer: &Answer) {
    assert_eq!(answer.status, 202, "{}", answer.text);
    assert_eq!(answer.text, "", "202 has an empty body");
}

/// Waits until `done` holds (within 5 s).
pub async fn until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < WAIT, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

pub fn subscribed(server: &MockServer, callback: &str, topic: &str) -> bool {
    server
        .webhook_subscriptions()
        .iter()
        .any(|s| s.callback == callback && s.topic == topic)
}

/// Subscribes (app token) and waits until the subscription is stored.
pub async fn subscribe(
    server: &MockServer,
    cb: &mut Callback,
    callback: &str,
    topic: &str,
    secret: Option<&str>,
) {
    let app = app_token(server);
    assert_accepted(
        &hub(
            server,
            &app,
            &subscribe_form(callback, topic, "600", secret),
        )
        .await,
    );
    let hit = cb.next_get().await;
    assert_eq!(hit.get("hub.mode"), Some("subscribe"));
    until("the subscription", || subscribed(server, callback, topic)).await;
}

/// The Helix listing, all on one page.
pub async fn listed(server: &MockServer) -> Answer {
    let list = get(
        server,
        "/webhooks/subscriptions?first=100",
        &app_token(server),
    )
    .await;
    assert_eq!(list.status, 200, "{}", list.text);
    list
}

pub fn hmac_sha256(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

pub fn hmac_sha1(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    format!("sha1={}", hex::encode(mac.finalize().into_bytes()))
}

/// POST `/mock/webhook/{path}` with a JSON body.
pub async fn admin_post(server: &MockServer, path: &str, body: Value) -> Answer {
    let response = client()
        .post(format!("{}/mock/webhook/{path}", server.url()))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("send");
    answer(response).await
}

/// The `hub.topic` of a stream-changed subscription.
pub fn streams_topic(user_id: &str) -> String {
    format!("https://api.twitch.tv/helix/streams?user_id={user_id}")
}
