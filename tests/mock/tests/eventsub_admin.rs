//! The EventSub admin routes (`/mock/eventsub/...`), for tests outside the process.

mod common;
#[path = "eventsub/helix.rs"]
mod helix;
#[path = "eventsub/ws.rs"]
mod ws;

use common::{answer, client, user_token, Answer};
use helix::{online_ws, sub, subscribe_ws};
use serde_json::{json, Value};
use twitchapi_mock::{seeded, MockServer};
use ws::{next_close, next_of, session, silent};

const ME: &str = seeded::TWITCHDEV_ID;

async fn admin_post(server: &MockServer, path: &str, body: Option<Value>) -> Answer {
    let mut request = client().post(format!("{}{path}", server.url()));
    if let Some(body) = body {
        request = request
            .header("Content-Type", "application/json")
            .body(body.to_string());
    }
    answer(request.send().await.expect("send")).await
}

async fn admin_get(server: &MockServer, path: &str) -> Answer {
    answer(
        client()
            .get(format!("{}{path}", server.url()))
            .send()
            .await
            .expect("send"),
    )
    .await
}

#[tokio::test]
async fn triggers_over_http() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &["moderator:read:followers", "user:read:chat"]);
    let (mut ws, s) = session(&server.eventsub_ws_url()).await;
    subscribe_ws(
        &server,
        &token,
        "channel.follow",
        "2",
        json!({"broadcaster_user_id": ME, "moderator_user_id": ME}),
        &s,
    )
    .await;
    subscribe_ws(
        &server,
        &token,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": ME, "user_id": ME}),
        &s,
    )
    .await;

    let fired = admin_post(
        &server,
        "/mock/eventsub/trigger",
        Some(json!({"type": "channel.follow", "version": "2"})),
    )
    .await;
    assert_eq!(fired.status, 200, "{}", fired.text);
    assert_eq!(fired.json, json!({"count": 1}));
    let message = next_of(&mut ws, "notification").await;
    assert_eq!(message["payload"]["event"]["broadcaster_user_id"], ME);

    let event = json!({"broadcaster_user_id": ME, "message": {"text": "!ping"}});
    let fired = admin_post(
        &server,
        "/mock/eventsub/trigger",
        Some(json!({"type": "channel.chat.message", "version": "1", "event": event})),
    )
    .await;
    assert_eq!(fired.json["count"], 1);
    let message = next_of(&mut ws, "notification").await;
    assert_eq!(message["payload"]["event"]["message"]["text"], "!ping");

    let unknown = admin_post(
        &server,
        "/mock/eventsub/trigger",
        Some(json!({"type": "channel.follow", "version": "9"})),
    )
    .await;
    common::assert_helix_error(&unknown, 404, "unknown subscription type");
    let nobody = admin_post(
        &server,
        "/mock/eventsub/trigger",
        Some(json!({"type": "stream.online", "version": "1"})),
    )
    .await;
    assert_eq!(nobody.json["count"], 0);
    for bad in [
        json!({"version": "1"}),
        json!({"type": "x", "version": "1", "extra": 1}),
        json!([]),
    ] {
        let answer = admin_post(&server, "/mock/eventsub/trigger", Some(bad)).await;
        common::assert_helix_error(&answer, 400, "bad JSON body");
    }
    silent(&mut ws).await;
}

#[tokio::test]
async fn switches_over_http() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let (mut ws, s) = session(&server.eventsub_ws_url()).await;
    let id = online_ws(&server, &token, ME, &s).await;

    assert_eq!(
        admin_get(&server, "/mock/eventsub/sessions").await.json["count"],
        1
    );
    let listed = admin_get(&server, "/mock/eventsub/subscriptions").await;
    assert_eq!(listed.json[0]["id"], id.as_str());
    assert_eq!(listed.json[0]["type"], "stream.online");
    assert_eq!(listed.json[0]["method"], "websocket");
    assert_eq!(listed.json[0]["session_id"], s.as_str());

    assert_eq!(
        admin_post(&server, "/mock/eventsub/duplicate_next", None)
            .await
            .status,
        204
    );
    server.eventsub_trigger("stream.online", "1").await;
    let a = next_of(&mut ws, "notification").await;
    let b = next_of(&mut ws, "notification").await;
    assert_eq!(a["metadata"]["message_id"], b["metadata"]["message_id"]);

    assert_eq!(
        admin_post(&server, "/mock/eventsub/keepalives?on=false", None)
            .await
            .status,
        204
    );
    assert_eq!(
        admin_post(&server, "/mock/eventsub/keepalives?on=maybe", None)
            .await
            .status,
        400
    );
    assert_eq!(
        admin_post(&server, "/mock/eventsub/signing?mode=stale", None)
            .await
            .status,
        204
    );
    assert_eq!(
        admin_post(&server, "/mock/eventsub/signing?mode=rot13", None)
            .await
            .status,
        400
    );
    assert_eq!(
        admin_post(&server, "/mock/eventsub/page_size?n=1", None)
            .await
            .status,
        204
    );

    let reconnect = admin_post(&server, "/mock/eventsub/reconnect", None).await;
    assert_eq!(reconnect.json["count"], 1);
    next_of(&mut ws, "session_reconnect").await;

    assert_eq!(
        admin_post(
            &server,
            "/mock/eventsub/revoke?id=nope&status=user_removed",
            None
        )
        .await
        .status,
        404
    );
    let revoked = admin_post(
        &server,
        &format!("/mock/eventsub/revoke?id={id}&status=version_removed"),
        None,
    )
    .await;
    assert_eq!(revoked.status, 204, "{}", revoked.text);
    let message = next_of(&mut ws, "revocation").await;
    assert_eq!(
        message["payload"]["subscription"]["status"],
        "version_removed"
    );
    assert_eq!(sub(&server, &id).status, "version_removed");

    assert_eq!(
        admin_post(&server, "/mock/eventsub/close?code=99", None)
            .await
            .status,
        400
    );
    let closed = admin_post(&server, "/mock/eventsub/close?code=4006", None).await;
    assert_eq!(closed.json["count"], 1);
    assert_eq!(next_close(&mut ws).await.0, 4006);

    let (_ws2, _) = session(&server.eventsub_ws_url()).await;
    assert_eq!(
        admin_post(&server, "/mock/eventsub/drop", None).await.json["count"],
        1
    );
    assert_eq!(server.eventsub_sessions(), 0);
}
