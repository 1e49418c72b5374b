//! EventSub WebSocket `session_reconnect` handoffs and revocations.

mod common;
#[path = "eventsub/helix.rs"]
mod helix;
#[path = "eventsub/ws.rs"]
mod ws;

use std::time::Duration;

use common::{get, user_token};
use helix::{online_ws, sub, subscribe_ws, until_status};
use serde_json::json;
use twitchapi_mock::{seeded, MockConfig, MockServer};
use ws::{connect, next_close, next_of, session, silent, welcome};

const ME: &str = seeded::TWITCHDEV_ID;

async fn with_grace(grace: Duration) -> MockServer {
    MockServer::start_with(MockConfig {
        eventsub_reconnect_grace: grace,
        ..Default::default()
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn a_reconnect_hands_the_session_over_and_the_old_socket_closes_with_4004() {
    let server = with_grace(Duration::from_millis(1500)).await;
    let token = user_token(&server, ME, &[]);
    let url = format!("{}?keepalive_timeout_seconds=20", server.eventsub_ws_url());
    let (mut old, session_id) = session(&url).await;
    let id = online_ws(&server, &token, ME, &session_id).await;

    assert_eq!(server.eventsub_reconnect(), 1);
    let reconnect = next_of(&mut old, "session_reconnect").await;
    let told = &reconnect["payload"]["session"];
    assert_eq!(told["id"], session_id.as_str());
    assert_eq!(told["status"], "reconnecting");
    assert!(told["keepalive_timeout_seconds"].is_null());
    let reconnect_url = told["reconnect_url"].as_str().unwrap().to_owned();
    let prefix = format!("{}?reconnect=", server.eventsub_ws_url());
    assert!(reconnect_url.starts_with(&prefix), "{reconnect_url}");

    let mut new = connect(&reconnect_url).await;
    let welcome = next_of(&mut new, "session_welcome").await;
    let session = &welcome["payload"]["session"];
    assert_eq!(
        session["id"],
        session_id.as_str(),
        "Twitch keeps the session id"
    );
    assert_eq!(
        session["keepalive_timeout_seconds"], 20,
        "and its keepalive"
    );
    assert_eq!(server.eventsub_sessions(), 2);

    // During the grace both sockets get every message, with the same id.
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    let on_old = next_of(&mut old, "notification").await;
    let on_new = next_of(&mut new, "notification").await;
    assert_eq!(
        on_old["metadata"]["message_id"],
        on_new["metadata"]["message_id"]
    );
    assert_eq!(on_new["payload"]["subscription"]["id"], id.as_str());

    // The grace ends with the old socket still open: 4004 on it only.
    assert_eq!(
        next_close(&mut old).await,
        (4004, "client reconnect grace time expired".to_owned())
    );
    silent(&mut new).await;
    assert_eq!(server.eventsub_sessions(), 1);
    assert_eq!(
        sub(&server, &id).status,
        "enabled",
        "the subscriptions moved"
    );
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    next_of(&mut new, "notification").await;
    let listed = get(&server, "/eventsub/subscriptions", &token).await;
    assert_eq!(
        listed.data()[0]["transport"]["session_id"],
        session_id.as_str()
    );
    // The session takes new subscriptions under its id.
    subscribe_ws(
        &server,
        &token,
        "stream.offline",
        "1",
        json!({"broadcaster_user_id": ME}),
        &session_id,
    )
    .await;
    // The token was used up.
    let mut late = connect(&reconnect_url).await;
    assert_eq!(next_close(&mut late).await.0, 4007);
}

#[tokio::test]
async fn a_client_that_closes_the_old_socket_keeps_its_session() {
    let server = with_grace(Duration::from_secs(30)).await;
    let token = user_token(&server, ME, &[]);
    let (mut old, session_id) = session(&server.eventsub_ws_url()).await;
    let id = online_ws(&server, &token, ME, &session_id).await;
    server.eventsub_reconnect();
    let reconnect = next_of(&mut old, "session_reconnect").await;
    let url = reconnect["payload"]["session"]["reconnect_url"]
        .as_str()
        .unwrap();
    let (mut new, again) = session(url).await;
    assert_eq!(again, session_id);
    old.close(None).await.unwrap();
    helix::until("the old socket gone", || async {
        server.eventsub_sessions() == 1
    })
    .await;
    assert_eq!(sub(&server, &id).status, "enabled");
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    next_of(&mut new, "notification").await;
}

#[tokio::test]
async fn a_reconnect_nobody_follows_ends_the_session_with_4004() {
    let server = with_grace(Duration::from_millis(200)).await;
    let token = user_token(&server, ME, &[]);
    let (mut ws, session_id) = session(&server.eventsub_ws_url()).await;
    let id = online_ws(&server, &token, ME, &session_id).await;
    server.eventsub_reconnect();
    next_of(&mut ws, "session_reconnect").await;
    assert_eq!(next_close(&mut ws).await.0, 4004);
    until_status(&server, &id, "websocket_failed_to_reconnect").await;
}

#[tokio::test]
async fn a_bad_reconnect_token_is_closed_with_4007() {
    let server = MockServer::start().await.unwrap();
    let url = format!("{}?reconnect=not-a-token", server.eventsub_ws_url());
    let mut ws = connect(&url).await;
    assert_eq!(
        next_close(&mut ws).await,
        (4007, "invalid reconnect attempt".to_owned())
    );
    // A fresh connection is not harmed.
    let mut fresh = connect(&server.eventsub_ws_url()).await;
    welcome(&mut fresh).await;
}

#[tokio::test]
async fn a_revocation_tells_the_session_and_disables_the_subscription() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &["channel:read:subscriptions"]);
    let (mut ws, session_id) = session(&server.eventsub_ws_url()).await;
    let id = subscribe_ws(
        &server,
        &token,
        "channel.subscribe",
        "1",
        json!({"broadcaster_user_id": ME}),
        &session_id,
    )
    .await;
    assert!(server.eventsub_revoke(&id, "authorization_revoked"));
    let message = next_of(&mut ws, "revocation").await;
    assert_eq!(
        message["metadata"]["subscription_type"],
        "channel.subscribe"
    );
    assert_eq!(message["metadata"]["subscription_version"], "1");
    let subscription = &message["payload"]["subscription"];
    assert_eq!(subscription["id"], id.as_str());
    assert_eq!(subscription["status"], "authorization_revoked");
    assert!(message["payload"].get("event").is_none());
    assert_eq!(sub(&server, &id).status, "authorization_revoked");
    assert_eq!(server.eventsub_trigger("channel.subscribe", "1").await, 0);
    silent(&mut ws).await;
    // Not twice, not unknown ids, not a status that does not disable.
    assert!(!server.eventsub_revoke(&id, "user_removed"));
    assert!(!server.eventsub_revoke("no-such-id", "user_removed"));
    let other = online_ws(&server, &token, ME, &session_id).await;
    assert!(!server.eventsub_revoke(&other, "enabled"));
    // It stays listed with its status; a new one may be created.
    let listed = get(
        &server,
        "/eventsub/subscriptions?status=authorization_revoked",
        &token,
    )
    .await;
    assert_eq!(listed.data().len(), 1);
    subscribe_ws(
        &server,
        &token,
        "channel.subscribe",
        "1",
        json!({"broadcaster_user_id": ME}),
        &session_id,
    )
    .await;
    ws.close(None).await.unwrap();
}
