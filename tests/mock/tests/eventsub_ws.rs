//! The EventSub WebSocket server (`/eventsub/ws`) with a real websocket
//! client: welcome, keepalives, pings, Twitch's close codes, notifications.

mod common;
#[path = "eventsub/helix.rs"]
mod helix;
#[path = "eventsub/ws.rs"]
mod ws;

use std::time::Duration;

use common::{get, user_token};
use futures::SinkExt;
use helix::{online_ws, sub, subscribe_ws, until, until_status};
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use tokio_tungstenite::tungstenite::Message;
use twitchapi_mock::{seeded, MockConfig, MockServer};
use ws::{connect, next_close, next_of, send_text, session, silent};

const ME: &str = seeded::TWITCHDEV_ID;

async fn server_with(config: MockConfig) -> MockServer {
    MockServer::start_with(config).await.unwrap()
}

#[tokio::test]
async fn the_welcome_has_twitch_shape_and_the_requested_keepalive() {
    let server = MockServer::start().await.unwrap();
    assert!(server.eventsub_ws_url().starts_with("ws://127.0.0.1:"));
    assert!(server.eventsub_ws_url().ends_with("/eventsub/ws"));
    let url = format!("{}?keepalive_timeout_seconds=30", server.eventsub_ws_url());
    let mut ws = connect(&url).await;
    let welcome = next_of(&mut ws, "session_welcome").await;
    let metadata = welcome["metadata"].as_object().unwrap();
    assert_eq!(metadata.len(), 3, "{welcome}");
    assert_eq!(metadata["message_id"].as_str().unwrap().len(), 36);
    OffsetDateTime::parse(metadata["message_timestamp"].as_str().unwrap(), &Rfc3339).unwrap();
    let session = welcome["payload"]["session"].as_object().unwrap();
    let mut keys: Vec<&str> = session.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "connected_at",
            "id",
            "keepalive_timeout_seconds",
            "reconnect_url",
            "recovery_url",
            "status"
        ]
    );
    assert_eq!(session["status"], "connected");
    assert_eq!(session["keepalive_timeout_seconds"], 30);
    assert!(session["reconnect_url"].is_null() && session["recovery_url"].is_null());
    OffsetDateTime::parse(session["connected_at"].as_str().unwrap(), &Rfc3339).unwrap();
    assert_eq!(server.eventsub_sessions(), 1);
    assert_eq!(server.count("GET", "/eventsub/ws"), 1);

    // Out of range is taken as the nearest bound, as Twitch documents.
    for (asked, got) in [("3", 10), ("9000", 600)] {
        let url = format!(
            "{}?keepalive_timeout_seconds={asked}",
            server.eventsub_ws_url()
        );
        let mut ws = connect(&url).await;
        let welcome = next_of(&mut ws, "session_welcome").await;
        assert_eq!(
            welcome["payload"]["session"]["keepalive_timeout_seconds"],
            got
        );
    }
    let mut ws = connect(&server.eventsub_ws_url()).await;
    let welcome = next_of(&mut ws, "session_welcome").await;
    assert_eq!(
        welcome["payload"]["session"]["keepalive_timeout_seconds"],
        10
    );
    // Not a number: the handshake is refused.
    let url = format!(
        "{}?keepalive_timeout_seconds=soon",
        server.eventsub_ws_url()
    );
    assert!(tokio_tungstenite::connect_async(url).await.is_err());
}

#[tokio::test]
async fn keepalives_fill_silence_and_can_be_stopped() {
    let server = server_with(MockConfig {
        eventsub_keepalive_interval: Some(Duration::from_millis(150)),
        ..Default::default()
    })
    .await;
    let token = user_token(&server, ME, &[]);
    let (mut ws, id) = session(&server.eventsub_ws_url()).await;
    online_ws(&server, &token, ME, &id).await;
    for _ in 0..2 {
        let keepalive = next_of(&mut ws, "session_keepalive").await;
        assert_eq!(keepalive["payload"], json!({}));
        assert!(keepalive["metadata"].get("subscription_type").is_none());
    }
    server.eventsub_stop_keepalives(true);
    // One may already be on its way.
    tokio::time::sleep(Duration::from_millis(200)).await;
    while let Ok(Some(_)) =
        tokio::time::timeout(Duration::from_millis(10), futures::StreamExt::next(&mut ws)).await
    {
    }
    silent(&mut ws).await;
    server.eventsub_stop_keepalives(false);
    next_of(&mut ws, "session_keepalive").await;
}

#[tokio::test]
async fn an_unused_session_is_closed_with_4003() {
    let server = server_with(MockConfig {
        eventsub_subscribe_deadline: Duration::from_millis(200),
        ..Default::default()
    })
    .await;
    let (mut ws, _) = session(&server.eventsub_ws_url()).await;
    assert_eq!(
        next_close(&mut ws).await,
        (4003, "connection unused".to_owned())
    );
    until("the session gone", || async {
        server.eventsub_sessions() == 0
    })
    .await;

    // One subscription within the deadline keeps the session.
    let token = user_token(&server, ME, &[]);
    let (mut ws, id) = session(&server.eventsub_ws_url()).await;
    online_ws(&server, &token, ME, &id).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    silent(&mut ws).await;
    assert_eq!(server.eventsub_sessions(), 1);
}

#[tokio::test]
async fn a_client_frame_is_closed_with_4001_but_pongs_are_fine() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let (mut ws, id) = session(&server.eventsub_ws_url()).await;
    let sub_id = online_ws(&server, &token, ME, &id).await;
    ws.send(Message::Pong(Vec::new().into())).await.unwrap();
    silent(&mut ws).await;
    send_text(&mut ws, r#"{"type":"PING"}"#).await;
    assert_eq!(
        next_close(&mut ws).await,
        (4001, "sent inbound traffic".to_owned())
    );
    until_status(&server, &sub_id, "websocket_received_inbound_traffic").await;

    let (mut ws, _) = session(&server.eventsub_ws_url()).await;
    ws.send(Message::Binary(vec![1, 2, 3].into()))
        .await
        .unwrap();
    assert_eq!(next_close(&mut ws).await.0, 4001);
}

#[tokio::test]
async fn a_socket_that_does_not_answer_pings_is_closed_with_4002() {
    let server = server_with(MockConfig {
        eventsub_ping_interval: Duration::from_millis(250),
        ..Default::default()
    })
    .await;
    let token = user_token(&server, ME, &[]);
    // A client that reads answers every ping (tungstenite does).
    let (mut reading, id) = session(&server.eventsub_ws_url()).await;
    online_ws(&server, &token, ME, &id).await;
    // A client that does not read cannot answer.
    let (mut deaf, _) = session(&server.eventsub_ws_url()).await;
    // Reading one for 600 ms leaves the other unread as long.
    silent(&mut reading).await;
    silent(&mut reading).await;
    assert_eq!(
        next_close(&mut deaf).await,
        (4002, "failed ping pong".to_owned())
    );
    until("the deaf one gone", || async {
        server.eventsub_sessions() == 1
    })
    .await;
    silent(&mut reading).await;
}

#[tokio::test]
async fn a_trigger_reaches_the_session_in_twitch_shape() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &["moderator:read:followers", "user:read:chat"]);
    let (mut ws, session_id) = session(&server.eventsub_ws_url()).await;
    let condition = json!({"broadcaster_user_id": ME, "moderator_user_id": ME});
    let id = subscribe_ws(
        &server,
        &token,
        "channel.follow",
        "2",
        condition.clone(),
        &session_id,
    )
    .await;

    assert_eq!(server.eventsub_trigger("channel.follow", "2").await, 1);
    let message = next_of(&mut ws, "notification").await;
    let metadata = &message["metadata"];
    assert_eq!(metadata["subscription_type"], "channel.follow");
    assert_eq!(metadata["subscription_version"], "2");
    assert_eq!(metadata["message_id"].as_str().unwrap().len(), 36);
    let subscription = &message["payload"]["subscription"];
    assert_eq!(subscription["id"], id.as_str());
    assert_eq!(subscription["status"], "enabled");
    assert_eq!(subscription["type"], "channel.follow");
    assert_eq!(subscription["version"], "2");
    assert_eq!(subscription["cost"], 0);
    assert_eq!(subscription["condition"], condition);
    assert_eq!(
        subscription["transport"],
        json!({"method": "websocket", "session_id": session_id})
    );
    OffsetDateTime::parse(subscription["created_at"].as_str().unwrap(), &Rfc3339).unwrap();
    let event = &message["payload"]["event"];
    assert_eq!(event["broadcaster_user_id"], ME);
    assert_eq!(event["broadcaster_user_login"], "twitchdev");
    assert_eq!(event["user_login"], "cool_user", "the documented follower");
    assert!(event["followed_at"].is_string());

    // A fresh message id each call.
    assert_eq!(server.eventsub_trigger("channel.follow", "2").await, 1);
    let again = next_of(&mut ws, "notification").await;
    assert_ne!(again["metadata"]["message_id"], metadata["message_id"]);

    // A given event goes as it is.
    let chat = json!({"broadcaster_user_id": ME, "chatter_user_login": "viewer", "message": {"text": "!ping", "fragments": []}});
    subscribe_ws(
        &server,
        &token,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": ME, "user_id": ME}),
        &session_id,
    )
    .await;
    assert_eq!(
        server
            .eventsub_trigger_event("channel.chat.message", "1", chat.clone())
            .await,
        1
    );
    let message = next_of(&mut ws, "notification").await;
    assert_eq!(message["payload"]["event"], chat);
    assert_eq!(message["payload"]["event"]["message"]["text"], "!ping");

    // Other types and unknown ones reach nobody.
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 0);
    assert_eq!(server.eventsub_trigger("channel.follow", "1").await, 0);
    assert_eq!(server.eventsub_trigger("no.such.type", "1").await, 0);
    silent(&mut ws).await;
    assert_eq!(sub(&server, &id).status, "enabled");
}

#[tokio::test]
async fn duplicates_carry_the_same_message_id() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let (mut ws, id) = session(&server.eventsub_ws_url()).await;
    online_ws(&server, &token, ME, &id).await;
    server.eventsub_duplicate_next();
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    let first = next_of(&mut ws, "notification").await;
    let second = next_of(&mut ws, "notification").await;
    assert_eq!(
        first["metadata"]["message_id"],
        second["metadata"]["message_id"]
    );
    assert_eq!(first["payload"], second["payload"]);
    // Only the next one.
    server.eventsub_trigger("stream.online", "1").await;
    next_of(&mut ws, "notification").await;
    silent(&mut ws).await;
}

#[tokio::test]
async fn every_close_code_can_be_forced_and_disables_the_subscriptions() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let cases = [
        (4000, "internal server error", "websocket_internal_error"),
        (
            4001,
            "sent inbound traffic",
            "websocket_received_inbound_traffic",
        ),
        (4002, "failed ping pong", "websocket_failed_ping_pong"),
        (4003, "connection unused", "websocket_connection_unused"),
        (
            4004,
            "client reconnect grace time expired",
            "websocket_failed_to_reconnect",
        ),
        (4005, "network timeout", "websocket_network_timeout"),
        (4006, "network error", "websocket_network_error"),
        (
            4007,
            "invalid reconnect attempt",
            "websocket_failed_to_reconnect",
        ),
    ];
    for (code, reason, status) in cases {
        let (mut ws, session_id) = session(&server.eventsub_ws_url()).await;
        let id = online_ws(&server, &token, ME, &session_id).await;
        assert_eq!(server.eventsub_close(code), 1);
        assert_eq!(next_close(&mut ws).await, (code, reason.to_owned()));
        assert_eq!(sub(&server, &id).status, status, "{code}");
        assert_eq!(server.eventsub_sessions(), 0);
        // The session is gone: creating on it fails.
        let answer = helix::create(
            &server,
            &token,
            &helix::ws_body(
                "stream.offline",
                "1",
                json!({"broadcaster_user_id": ME}),
                &session_id,
            ),
        )
        .await;
        assert_eq!(answer.status, 400, "{}", answer.text);
    }
}

#[tokio::test]
async fn a_closed_session_leaves_its_subscriptions_listed_as_disconnected() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let (mut ws, session_id) = session(&server.eventsub_ws_url()).await;
    let id = online_ws(&server, &token, ME, &session_id).await;
    ws.close(None).await.unwrap();
    until_status(&server, &id, "websocket_disconnected").await;
    let listed = get(&server, "/eventsub/subscriptions", &token).await;
    assert_eq!(listed.status, 200, "{}", listed.text);
    let transport = &listed.data()[0]["transport"];
    assert_eq!(transport["session_id"], session_id.as_str());
    assert!(transport["connected_at"].is_string());
    assert!(transport["disconnected_at"].is_string(), "{transport}");
    assert_eq!(listed.json["total_cost"], 0, "disabled costs nothing");
    let answer = helix::create(
        &server,
        &token,
        &helix::ws_body(
            "stream.online",
            "1",
            json!({"broadcaster_user_id": ME}),
            &session_id,
        ),
    )
    .await;
    common::assert_helix_error(&answer, 400, "does not exist or has already disconnected");

    // A dropped socket (no close frame) ends the same way.
    let (mut ws, session_id) = session(&server.eventsub_ws_url()).await;
    let id = online_ws(&server, &token, ME, &session_id).await;
    assert_eq!(server.eventsub_drop_sockets(), 1);
    assert!(!matches!(
        next_frame_or_end(&mut ws).await,
        Some(Message::Close(_))
    ));
    assert_eq!(sub(&server, &id).status, "websocket_disconnected");
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 0);
}

/// The next frame, `None` when the connection ended (reset or closed).
async fn next_frame_or_end(ws: &mut ws::Ws) -> Option<Message> {
    tokio::time::timeout(ws::WAIT, futures::StreamExt::next(ws))
        .await
        .expect("an end within 5 s")
        .and_then(Result::ok)
}

#[tokio::test]
async fn shutting_down_closes_the_sockets() {
    let server = MockServer::start().await.unwrap();
    let (mut ws, _) = session(&server.eventsub_ws_url()).await;
    server.shutdown().await;
    assert_eq!(next_close(&mut ws).await.0, 1001);
}
