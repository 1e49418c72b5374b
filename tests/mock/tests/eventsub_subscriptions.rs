//! Create EventSub Subscription with WebSocket transports, as strict as
//! Twitch: 202 in Twitch's shape, 400, 403, 409, 429, and the Helix machinery.

mod common;
#[path = "eventsub/helix.rs"]
mod helix;
#[path = "eventsub/ws.rs"]
mod ws;

use common::{app_token, assert_helix_error, helix as call, user_token};
use helix::{create, online_ws, subscribe_ws, ws_body, PATH};
use reqwest::Method;
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use twitchapi_mock::{seeded, MockConfig, MockServer};
use ws::session;

const ME: &str = seeded::TWITCHDEV_ID;
const OTHER: &str = seeded::LIVE_USER_ID;

#[tokio::test]
async fn a_create_answers_202_in_twitch_shape() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &["moderator:read:followers"]);
    let (_ws, session_id) = session(&server.eventsub_ws_url()).await;
    let condition = json!({"broadcaster_user_id": ME, "moderator_user_id": ME});
    let answer = create(
        &server,
        &token,
        &ws_body("channel.follow", "2", condition.clone(), &session_id),
    )
    .await;
    assert_eq!(answer.status, 202, "{}", answer.text);
    assert_eq!(answer.json["total"], 1);
    assert_eq!(answer.json["total_cost"], 0);
    assert_eq!(answer.json["max_total_cost"], 10);
    let sub = &answer.data()[0];
    let id = sub["id"].as_str().unwrap();
    assert_eq!(id.len(), 36);
    assert_eq!(id.matches('-').count(), 4);
    assert_eq!(sub["status"], "enabled");
    assert_eq!(sub["type"], "channel.follow");
    assert_eq!(sub["version"], "2");
    assert_eq!(sub["condition"], condition);
    assert_eq!(sub["cost"], 0);
    OffsetDateTime::parse(sub["created_at"].as_str().unwrap(), &Rfc3339).unwrap();
    assert_eq!(sub["transport"]["method"], "websocket");
    assert_eq!(sub["transport"]["session_id"], session_id.as_str());
    OffsetDateTime::parse(sub["transport"]["connected_at"].as_str().unwrap(), &Rfc3339).unwrap();
    let mine = server.eventsub_subscriptions();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, id);
    assert_eq!(mine[0].kind, "channel.follow");
    assert_eq!(mine[0].method, "websocket");
    assert_eq!(mine[0].session_id.as_deref(), Some(session_id.as_str()));
    assert_eq!(mine[0].callback, None);
    assert_eq!(server.count("POST", "/helix/eventsub/subscriptions"), 1);
}

#[tokio::test]
async fn bad_creates_answer_400() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &["moderator:read:followers"]);
    let app = app_token(&server);
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    let online = json!({"broadcaster_user_id": ME});
    let follow = json!({"broadcaster_user_id": ME, "moderator_user_id": ME});
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({"type": "stream.online"}),
            "",
            "Missing required field",
        ),
        (
            ws_body("stream.online", "2", online.clone(), &s),
            "",
            "unsupported subscription type",
        ),
        (
            ws_body("no.such.thing", "1", online.clone(), &s),
            "",
            "unsupported subscription type",
        ),
        (
            ws_body("channel.follow", "2", online.clone(), &s),
            "",
            "condition.moderator_user_id is required",
        ),
        (
            ws_body("stream.online", "1", json!({}), &s),
            "",
            "condition.broadcaster_user_id is required",
        ),
        (
            ws_body("stream.online", "1", json!({"broadcaster_user_id": 1}), &s),
            "",
            "must be a string",
        ),
        (
            ws_body("stream.online", "1", json!("1"), &s),
            "",
            "condition must be an object",
        ),
        (
            ws_body("channel.raid", "1", json!({}), &s),
            "",
            "one of from_broadcaster_user_id, to_broadcaster_user_id",
        ),
        (
            ws_body(
                "channel.raid",
                "1",
                json!({"from_broadcaster_user_id": ME, "to_broadcaster_user_id": OTHER}),
                &s,
            ),
            "",
            "only one of",
        ),
        (
            ws_body("stream.online", "1", online.clone(), "no-such-session"),
            "",
            "does not exist or has already disconnected",
        ),
        (
            ws_body("stream.online", "1", online.clone(), ""),
            "",
            "session_id is required",
        ),
        (
            ws_body("stream.online", "1", online.clone(), &s),
            "app",
            "websocket transports require a user access token",
        ),
        (
            ws_body(
                "user.authorization.grant",
                "1",
                json!({"client_id": server.client_id()}),
                &s,
            ),
            "",
            "does not support websocket",
        ),
        (
            json!({"type": "stream.online", "version": "1", "condition": online, "transport": {"method": "carrier pigeon"}}),
            "",
            "transport.method must be webhook or websocket",
        ),
        (
            json!({"type": "channel.follow", "version": "2", "condition": follow, "transport": {"method": "webhook", "callback": "https://example.com/cb", "secret": "0123456789"}}),
            "",
            "webhook transports require an app access token",
        ),
    ];
    for (body, with, message) in cases {
        let token = if with == "app" { &app } else { &token };
        let answer = create(&server, token, &body).await;
        assert_helix_error(&answer, 400, message);
    }
    // The raid condition takes either side.
    for side in ["from_broadcaster_user_id", "to_broadcaster_user_id"] {
        let answer = create(
            &server,
            &token,
            &ws_body("channel.raid", "1", json!({side: ME}), &s),
        )
        .await;
        assert_eq!(answer.status, 202, "{side}: {}", answer.text);
    }
    // reward_id is optional.
    let token = user_token(&server, ME, &["channel:read:redemptions"]);
    let body = ws_body(
        "channel.channel_points_custom_reward_redemption.add",
        "1",
        json!({"broadcaster_user_id": ME}),
        &s,
    );
    assert_eq!(create(&server, &token, &body).await.status, 202);
}

#[tokio::test]
async fn missing_scopes_and_foreign_users_answer_403() {
    let server = MockServer::start().await.unwrap();
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    let follow = json!({"broadcaster_user_id": ME, "moderator_user_id": ME});
    let unscoped = user_token(&server, ME, &["user:read:email"]);
    let answer = create(
        &server,
        &unscoped,
        &ws_body("channel.follow", "2", follow.clone(), &s),
    )
    .await;
    assert_helix_error(&answer, 403, "subscription missing proper authorization");
    // The moderator in the condition must be the token's user.
    let other = user_token(&server, OTHER, &["moderator:read:followers"]);
    let answer = create(
        &server,
        &other,
        &ws_body("channel.follow", "2", follow.clone(), &s),
    )
    .await;
    assert_helix_error(&answer, 403, "subscription missing proper authorization");
    // "Any of" scopes: the manage scope does as well as the read one.
    let manage = user_token(&server, ME, &["channel:manage:polls"]);
    let poll = ws_body(
        "channel.poll.begin",
        "1",
        json!({"broadcaster_user_id": ME}),
        &s,
    );
    assert_eq!(create(&server, &manage, &poll).await.status, 202);
    // channel.moderate needs one scope of every area.
    let areas = [
        "blocked_terms",
        "chat_settings",
        "unban_requests",
        "banned_users",
        "chat_messages",
    ];
    let mut scopes: Vec<String> = areas
        .iter()
        .map(|a| format!("moderator:read:{a}"))
        .collect();
    scopes.push("moderator:read:moderators".to_owned());
    let moderate = ws_body(
        "channel.moderate",
        "1",
        json!({"broadcaster_user_id": ME, "moderator_user_id": ME}),
        &s,
    );
    let some: Vec<&str> = scopes.iter().map(String::as_str).collect();
    let answer = create(&server, &user_token(&server, ME, &some), &moderate).await;
    assert_helix_error(&answer, 403, "missing proper authorization");
    scopes.push("moderator:read:vips".to_owned());
    let all: Vec<&str> = scopes.iter().map(String::as_str).collect();
    assert_eq!(
        create(&server, &user_token(&server, ME, &all), &moderate)
            .await
            .status,
        202
    );
    // Types without authorization take any user token.
    let answer = create(
        &server,
        &unscoped,
        &ws_body(
            "stream.online",
            "1",
            json!({"broadcaster_user_id": OTHER}),
            &s,
        ),
    )
    .await;
    assert_eq!(answer.status, 202, "{}", answer.text);
    assert_eq!(answer.data()[0]["cost"], 1, "another broadcaster costs 1");
}

#[tokio::test]
async fn the_same_subscription_twice_answers_409() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    let (_ws2, s2) = session(&server.eventsub_ws_url()).await;
    online_ws(&server, &token, ME, &s).await;
    let again = create(
        &server,
        &token,
        &ws_body("stream.online", "1", json!({"broadcaster_user_id": ME}), &s),
    )
    .await;
    assert_helix_error(&again, 409, "subscription already exists");
    // Another condition, type or session is another subscription.
    online_ws(&server, &token, OTHER, &s).await;
    subscribe_ws(
        &server,
        &token,
        "stream.offline",
        "1",
        json!({"broadcaster_user_id": ME}),
        &s,
    )
    .await;
    online_ws(&server, &token, ME, &s2).await;
}

#[tokio::test]
async fn a_session_holds_at_most_max_per_session_enabled_subscriptions() {
    let server = MockServer::start_with(MockConfig {
        eventsub_max_per_session: 2,
        ..Default::default()
    })
    .await
    .unwrap();
    let token = user_token(&server, ME, &[]);
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    let first = online_ws(&server, &token, ME, &s).await;
    subscribe_ws(
        &server,
        &token,
        "stream.offline",
        "1",
        json!({"broadcaster_user_id": ME}),
        &s,
    )
    .await;
    let third = ws_body(
        "channel.update",
        "2",
        json!({"broadcaster_user_id": ME}),
        &s,
    );
    assert_helix_error(
        &create(&server, &token, &third).await,
        429,
        "subscription limit exceeded",
    );
    // Deleting one makes room.
    let deleted = call(
        &server,
        Method::DELETE,
        &format!("{PATH}?id={first}"),
        &token,
        None,
    )
    .await;
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    assert_eq!(create(&server, &token, &third).await.status, 202);
}

#[tokio::test]
async fn the_total_cost_of_a_user_stops_at_10() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    for n in 1..=10 {
        let answer = create(
            &server,
            &token,
            &ws_body(
                "stream.online",
                "1",
                json!({"broadcaster_user_id": format!("{n}")}),
                &s,
            ),
        )
        .await;
        assert_eq!(answer.status, 202, "{n}: {}", answer.text);
        assert_eq!(answer.json["total_cost"], n);
    }
    let eleventh = ws_body(
        "stream.online",
        "1",
        json!({"broadcaster_user_id": "11"}),
        &s,
    );
    assert_helix_error(
        &create(&server, &token, &eleventh).await,
        429,
        "max_total_cost",
    );
    // Own channel costs nothing, so it still fits.
    let own = create(
        &server,
        &token,
        &ws_body("stream.online", "1", json!({"broadcaster_user_id": ME}), &s),
    )
    .await;
    assert_eq!(own.status, 202, "{}", own.text);
    assert_eq!(own.json["total_cost"], 10);
    assert_eq!(own.json["total"], 11);
    // Another user has a budget of their own.
    let other = user_token(&server, OTHER, &[]);
    let (_ws2, s2) = session(&server.eventsub_ws_url()).await;
    assert_eq!(create(&server, &other, &eleventh_on(&s2)).await.status, 202);
}

fn eleventh_on(session_id: &str) -> Value {
    ws_body(
        "stream.online",
        "1",
        json!({"broadcaster_user_id": "11"}),
        session_id,
    )
}

#[tokio::test]
async fn a_user_gets_three_sessions_with_subscriptions_per_client() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &[]);
    let mut sockets = Vec::new();
    for kind in ["stream.online", "stream.offline", "channel.update"] {
        let (ws, s) = session(&server.eventsub_ws_url()).await;
        let version = if kind == "channel.update" { "2" } else { "1" };
        subscribe_ws(
            &server,
            &token,
            kind,
            version,
            json!({"broadcaster_user_id": ME}),
            &s,
        )
        .await;
        sockets.push((ws, s));
    }
    // The fourth session may connect, but takes no subscription of this user.
    let (_ws4, s4) = session(&server.eventsub_ws_url()).await;
    let body = ws_body("user.update", "1", json!({"user_id": ME}), &s4);
    assert_helix_error(
        &create(&server, &token, &body).await,
        429,
        "number of websocket transports limit exceeded",
    );
    // The three sessions in use take more.
    let on_first = ws_body("user.update", "1", json!({"user_id": ME}), &sockets[0].1);
    assert_eq!(create(&server, &token, &on_first).await.status, 202);
    // Another user may use the fourth session; a user's session is theirs only.
    let other = user_token(&server, OTHER, &[]);
    online_ws(&server, &other, OTHER, &s4).await;
    let mine_there = ws_body(
        "stream.online",
        "1",
        json!({"broadcaster_user_id": OTHER}),
        &sockets[1].1,
    );
    assert_helix_error(
        &create(&server, &other, &mine_there).await,
        400,
        "in use by another user",
    );
}

#[tokio::test]
async fn the_endpoints_go_through_helix_auth_and_rate_limits() {
    let server = MockServer::start().await.unwrap();
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    let body = ws_body("stream.online", "1", json!({"broadcaster_user_id": ME}), &s);
    assert_helix_error(
        &create(&server, "not-a-token", &body).await,
        401,
        "Invalid OAuth token",
    );
    let token = user_token(&server, ME, &[]);
    server.fail_next("/helix/eventsub/subscriptions", 503, 1);
    assert_eq!(create(&server, &token, &body).await.status, 503);
    assert!(server.eventsub_subscriptions().is_empty());
    let answer = create(&server, &token, &body).await;
    assert_eq!(answer.status, 202);
    assert!(answer.header("ratelimit-remaining").is_some());
}
