//! EventSub webhook transports, against a real callback server: the
//! challenge, signed notifications, retries, revocation after failures,
//! faulty signing.

#[path = "eventsub/callback.rs"]
mod callback;
mod common;
#[path = "eventsub/helix.rs"]
mod helix;

use std::time::Duration;

use callback::{Callback, Reply};
use common::{app_token, assert_helix_error, get, user_token};
use helix::{create, hook_body, sub, until_status, PATH};
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use twitchapi_mock::{seeded, EventSubSigning, MockConfig, MockServer};

const ME: &str = seeded::TWITCHDEV_ID;
const SECRET: &str = "s3cr3t-s3cr3t";

/// Creates a `stream.online` webhook subscription of `ME` and answers its
/// challenge; returns its id once enabled.
async fn enabled_hook(server: &MockServer, cb: &mut Callback) -> String {
    let body = hook_body(
        "stream.online",
        "1",
        json!({"broadcaster_user_id": ME}),
        &cb.url,
        SECRET,
    );
    let answer = create(server, &app_token(server), &body).await;
    assert_eq!(answer.status, 202, "{}", answer.text);
    let id = answer.data()[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        cb.next().await.message_type(),
        "webhook_callback_verification"
    );
    until_status(server, &id, "enabled").await;
    id
}

#[tokio::test]
async fn a_webhook_subscription_is_verified_with_a_signed_challenge() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let app = app_token(&server);
    let condition = json!({"broadcaster_user_id": ME});
    let answer = create(
        &server,
        &app,
        &hook_body("stream.online", "1", condition.clone(), &cb.url, SECRET),
    )
    .await;
    assert_eq!(answer.status, 202, "{}", answer.text);
    let created = &answer.data()[0];
    assert_eq!(created["status"], "webhook_callback_verification_pending");
    assert_eq!(
        created["transport"],
        json!({"method": "webhook", "callback": cb.url})
    );
    assert_eq!(created["cost"], 1, "no user authorized the client");
    assert_eq!(answer.json["max_total_cost"], 10000);
    let id = created["id"].as_str().unwrap().to_owned();

    let got = cb.next().await;
    assert_eq!(got.message_type(), "webhook_callback_verification");
    assert_eq!(got.header("twitch-eventsub-message-retry"), Some("0"));
    assert_eq!(
        got.header("twitch-eventsub-subscription-type"),
        Some("stream.online")
    );
    assert_eq!(
        got.header("twitch-eventsub-subscription-version"),
        Some("1")
    );
    assert!(got
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert!(got.signed_with(SECRET), "{:?}", got.headers);
    let challenge = got.json["challenge"].as_str().unwrap();
    assert!(challenge.len() >= 16);
    let subscription = &got.json["subscription"];
    assert_eq!(subscription["id"], id.as_str());
    assert_eq!(
        subscription["status"],
        "webhook_callback_verification_pending"
    );
    assert_eq!(subscription["condition"], condition);
    until_status(&server, &id, "enabled").await;
    let listed = get(&server, PATH, &app).await;
    assert_eq!(listed.data()[0]["status"], "enabled");
    assert!(listed.data()[0]["transport"].get("secret").is_none());

    // A callback that does not echo the challenge fails verification.
    cb.reply(Reply::WrongChallenge);
    let body = hook_body("stream.offline", "1", condition.clone(), &cb.url, SECRET);
    let failed = create(&server, &app, &body).await.data()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    cb.next().await;
    until_status(&server, &failed, "webhook_callback_verification_failed").await;
    cb.reply(Reply::Status(500));
    let body = hook_body("channel.update", "2", condition, &cb.url, SECRET);
    let failed = create(&server, &app, &body).await.data()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    cb.next().await;
    until_status(&server, &failed, "webhook_callback_verification_failed").await;
    // Only the enabled one is notified.
    cb.reply(Reply::Fine);
    assert_eq!(server.eventsub_trigger("stream.offline", "1").await, 0);
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    assert_eq!(cb.next().await.message_type(), "notification");
}

#[tokio::test]
async fn notifications_are_signed_over_id_timestamp_and_body() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let id = enabled_hook(&server, &mut cb).await;
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    let got = cb.next().await;
    assert_eq!(got.message_type(), "notification");
    assert!(got.signed_with(SECRET));
    assert!(!got.signed_with("another-secret"));
    assert_eq!(got.header("twitch-eventsub-message-retry"), Some("0"));
    assert_eq!(got.header("twitch-eventsub-message-id").unwrap().len(), 36);
    let sent = OffsetDateTime::parse(
        got.header("twitch-eventsub-message-timestamp").unwrap(),
        &Rfc3339,
    )
    .unwrap();
    assert!((OffsetDateTime::now_utc() - sent).abs() < time::Duration::minutes(1));
    assert_eq!(got.json["subscription"]["id"], id.as_str());
    assert_eq!(got.json["subscription"]["status"], "enabled");
    assert_eq!(
        got.json["subscription"]["transport"],
        json!({"method": "webhook", "callback": cb.url})
    );
    assert_eq!(got.json["event"]["broadcaster_user_id"], ME);
    assert_eq!(got.json["event"]["broadcaster_user_login"], "twitchdev");
    assert_eq!(got.json["event"]["type"], "live");

    // Duplicates: the same message id twice.
    server.eventsub_duplicate_next();
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    let first = cb.next().await;
    let second = cb.next().await;
    assert_eq!(
        first.header("twitch-eventsub-message-id"),
        second.header("twitch-eventsub-message-id")
    );
    assert_eq!(first.body, second.body);
}

#[tokio::test]
async fn signing_faults_make_the_next_messages_wrong_missing_or_stale() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    enabled_hook(&server, &mut cb).await;

    server.eventsub_webhook_signing(EventSubSigning::Wrong);
    server.eventsub_trigger("stream.online", "1").await;
    let got = cb.next().await;
    assert!(got.header("twitch-eventsub-message-signature").is_some());
    assert!(!got.signed_with(SECRET));

    server.eventsub_webhook_signing(EventSubSigning::Missing);
    server.eventsub_trigger("stream.online", "1").await;
    assert_eq!(
        cb.next().await.header("twitch-eventsub-message-signature"),
        None
    );

    server.eventsub_webhook_signing(EventSubSigning::Stale);
    server.eventsub_trigger("stream.online", "1").await;
    let got = cb.next().await;
    assert!(
        got.signed_with(SECRET),
        "signed validly over the old timestamp"
    );
    let sent = OffsetDateTime::parse(
        got.header("twitch-eventsub-message-timestamp").unwrap(),
        &Rfc3339,
    )
    .unwrap();
    let age = OffsetDateTime::now_utc() - sent;
    assert!(
        age > time::Duration::minutes(10) && age < time::Duration::minutes(12),
        "{age}"
    );

    server.eventsub_webhook_signing(EventSubSigning::Valid);
    server.eventsub_trigger("stream.online", "1").await;
    assert!(cb.next().await.signed_with(SECRET));
}

#[tokio::test]
async fn failing_callbacks_are_retried_then_revoked() {
    let server = MockServer::start_with(MockConfig {
        eventsub_webhook_retries: 1,
        eventsub_webhook_retry_backoff: Duration::from_millis(10),
        eventsub_webhook_failure_limit: 2,
        ..Default::default()
    })
    .await
    .unwrap();
    let mut cb = Callback::start().await;
    let id = enabled_hook(&server, &mut cb).await;
    cb.reply(Reply::Status(503));
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 0);
    let first = cb.next().await;
    let retry = cb.next().await;
    assert_eq!(first.header("twitch-eventsub-message-retry"), Some("0"));
    assert_eq!(retry.header("twitch-eventsub-message-retry"), Some("1"));
    assert_eq!(
        first.header("twitch-eventsub-message-id"),
        retry.header("twitch-eventsub-message-id"),
        "a retry is the same message"
    );
    assert!(retry.signed_with(SECRET));
    cb.quiet().await;
    assert_eq!(
        sub(&server, &id).status,
        "enabled",
        "one failure is not enough"
    );

    // A success in between starts the count again.
    cb.reply(Reply::Fine);
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 1);
    cb.next().await;
    cb.reply(Reply::Status(500));
    server.eventsub_trigger("stream.online", "1").await;
    cb.next().await;
    cb.next().await;
    assert_eq!(sub(&server, &id).status, "enabled");
    server.eventsub_trigger("stream.online", "1").await;
    cb.next().await;
    cb.next().await;
    assert_eq!(sub(&server, &id).status, "notification_failures_exceeded");
    let revocation = cb.next().await;
    assert_eq!(revocation.message_type(), "revocation");
    assert!(revocation.signed_with(SECRET));
    assert_eq!(revocation.json["subscription"]["id"], id.as_str());
    assert_eq!(
        revocation.json["subscription"]["status"],
        "notification_failures_exceeded"
    );
    assert!(revocation.json.get("event").is_none());
    assert_eq!(server.eventsub_trigger("stream.online", "1").await, 0);
    cb.quiet().await;
}

#[tokio::test]
async fn a_revoked_webhook_subscription_gets_a_revocation() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let id = enabled_hook(&server, &mut cb).await;
    assert!(server.eventsub_revoke(&id, "user_removed"));
    let got = cb.next().await;
    assert_eq!(got.message_type(), "revocation");
    assert_eq!(got.json["subscription"]["status"], "user_removed");
    assert_eq!(sub(&server, &id).status, "user_removed");
}

#[tokio::test]
async fn webhook_creates_are_checked_like_twitch() {
    let server = MockServer::start().await.unwrap();
    let cb = Callback::start().await;
    let app = app_token(&server);
    let online = json!({"broadcaster_user_id": ME});
    for (callback, secret, message) in [
        ("", SECRET, "transport.callback is required"),
        (
            "http://example.com/eventsub",
            SECRET,
            "must be an https URL",
        ),
        ("not a url", SECRET, "must be an https URL"),
        (cb.url.as_str(), "short", "10 to 100 ASCII characters"),
        (
            cb.url.as_str(),
            &"x".repeat(101),
            "10 to 100 ASCII characters",
        ),
        (
            cb.url.as_str(),
            "ünïcödé-sëcrét",
            "10 to 100 ASCII characters",
        ),
    ] {
        let answer = create(
            &server,
            &app,
            &hook_body("stream.online", "1", online.clone(), callback, secret),
        )
        .await;
        assert_helix_error(&answer, 400, message);
    }
    let user = user_token(&server, ME, &[]);
    let answer = create(
        &server,
        &user,
        &hook_body("stream.online", "1", online.clone(), &cb.url, SECRET),
    )
    .await;
    assert_helix_error(
        &answer,
        400,
        "webhook transports require an app access token",
    );

    // Scoped types need the user's grant to the client.
    let follow = json!({"broadcaster_user_id": ME, "moderator_user_id": ME});
    let body = hook_body("channel.follow", "2", follow, &cb.url, SECRET);
    assert_helix_error(
        &create(&server, &app, &body).await,
        403,
        "missing proper authorization",
    );
    user_token(&server, ME, &["moderator:read:followers"]);
    let answer = create(&server, &app, &body).await;
    assert_eq!(answer.status, 202, "{}", answer.text);
    assert_eq!(answer.data()[0]["cost"], 0);
    assert_helix_error(&create(&server, &app, &body).await, 409, "already exists");
    // Chat types over webhooks also need user:bot.
    let chat = hook_body(
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": ME, "user_id": ME}),
        &cb.url,
        SECRET,
    );
    user_token(&server, ME, &["user:read:chat"]);
    assert_helix_error(
        &create(&server, &app, &chat).await,
        403,
        "missing proper authorization",
    );
    user_token(&server, ME, &["user:read:chat", "user:bot"]);
    assert_eq!(create(&server, &app, &chat).await.status, 202);

    // Client-bound conditions must name the token's client.
    let grant = |client: &str| {
        hook_body(
            "user.authorization.grant",
            "1",
            json!({"client_id": client}),
            &cb.url,
            SECRET,
        )
    };
    assert_helix_error(
        &create(&server, &app, &grant("someone-else")).await,
        403,
        "missing proper authorization",
    );
    assert_eq!(
        create(&server, &app, &grant(server.client_id()))
            .await
            .status,
        202
    );
    // Batched types must say so.
    let mut drops = hook_body(
        "drop.entitlement.grant",
        "1",
        json!({"organization_id": "9001"}),
        &cb.url,
        SECRET,
    );
    assert_helix_error(
        &create(&server, &app, &drops).await,
        400,
        "is_batching_enabled",
    );
    drops["is_batching_enabled"] = json!(true);
    assert_eq!(create(&server, &app, &drops).await.status, 202);
}
