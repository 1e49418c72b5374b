//! The WebSub hub (`POST /helix/webhooks/hub`), with a real callback server.

#[path = "webhook_hub/callback.rs"]
mod callback;
mod common;
#[path = "webhook_hub/requests.rs"]
mod requests;

use std::time::Duration;

use callback::{Callback, Reply};
use common::{answer, app_token, assert_helix_error, client, user_token};
use requests::*;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use twitchapi_mock::{seeded, MockServer};

const WAIT: Duration = Duration::from_secs(5);
const QUIET: Duration = Duration::from_millis(300);
const BROADCASTER: &str = seeded::LIVE_USER_ID;
const OTHER_USER: &str = seeded::TWITCHDEV_ID;
const SEEDED_HOOKS: u64 = 25;

#[tokio::test]
async fn a_subscribe_is_accepted_then_verified_and_listed() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    cb.hold_until_accepted(WAIT);
    let callback = cb.url("u-123");
    let topic = streams_topic(BROADCASTER);
    let app = app_token(&server);

    let accepted = hub(
        &server,
        &app,
        &subscribe_form(&callback, &topic, "600", Some("s3cret")),
    )
    .await;
    assert_accepted(&accepted);
    cb.accept();
    let hit = cb.next_get().await;
    assert_eq!(
        hit.after_accept,
        Some(true),
        "the verification GET must come after the 202"
    );
    assert_eq!(hit.query[0], ("uuid".to_owned(), "u-123".to_owned()));
    assert_eq!(hit.get("hub.mode"), Some("subscribe"));
    assert_eq!(hit.get("hub.topic"), Some(topic.as_str()));
    assert_eq!(hit.get("hub.lease_seconds"), Some("600"));
    let challenge = hit.get("hub.challenge").unwrap().to_owned();
    assert!(challenge.len() >= 16, "{challenge:?}");

    until("the subscription", || {
        subscribed(&server, &callback, &topic)
    })
    .await;
    let subs = server.webhook_subscriptions();
    assert_eq!(subs.len(), 1);
    assert_eq!(subs[0].lease_seconds, 600);
    assert!(subs[0].has_secret);
    let left = subs[0].expires_at - OffsetDateTime::now_utc();
    assert!(
        (590..=600).contains(&left.whole_seconds()),
        "{left:?} left of a 600 s lease"
    );

    let list = listed(&server).await;
    assert_eq!(list.json["total"], SEEDED_HOOKS + 1);
    // Soonest expiry first: 600 s is before every seeded subscription.
    let first = &list.data()[0];
    assert_eq!(first["callback"], callback.as_str());
    assert_eq!(first["topic"], topic.as_str());
    let expires = OffsetDateTime::parse(first["expires_at"].as_str().unwrap(), &Rfc3339).unwrap();
    assert_eq!(expires, subs[0].expires_at);

    // Subscribing again renews it, with a fresh challenge.
    assert_accepted(
        &hub(
            &server,
            &app,
            &subscribe_form(&callback, &topic, "900", None),
        )
        .await,
    );
    let again = cb.next_get().await;
    assert_ne!(again.get("hub.challenge"), Some(challenge.as_str()));
    until("the renewal", || {
        server
            .webhook_subscriptions()
            .first()
            .is_some_and(|s| s.lease_seconds == 900)
    })
    .await;
    let subs = server.webhook_subscriptions();
    assert_eq!(subs.len(), 1);
    assert!(!subs[0].has_secret);
    assert_eq!(server.count("POST", "/helix/webhooks/hub"), 2);
}

#[tokio::test]
async fn an_unconfirmed_intent_stores_nothing() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let app = app_token(&server);
    let topic = streams_topic(BROADCASTER);
    for reply in [Reply::Wrong, Reply::EchoWith(404)] {
        cb.reply(reply);
        let callback = cb.url("wrong");
        assert_accepted(
            &hub(
                &server,
                &app,
                &subscribe_form(&callback, &topic, "600", None),
            )
            .await,
        );
        let hit = cb.next_get().await;
        assert!(hit.get("hub.challenge").is_some());
        tokio::time::sleep(QUIET).await;
        assert_eq!(server.webhook_subscriptions(), vec![], "{reply:?}");
    }
    assert_eq!(listed(&server).await.json["total"], SEEDED_HOOKS);
}

/// `form` with `key` removed, then set to `value` when given.
fn replaced<'a>(
    form: &[(&'a str, &'a str)],
    key: &'a str,
    value: Option<&'a str>,
) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<(&str, &str)> = form.iter().filter(|(k, _)| *k != key).copied().collect();
    if let Some(value) = value {
        form.push((key, value));
    }
    form
}

#[tokio::test]
async fn bad_requests_are_400() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let app = app_token(&server);
    let callback = cb.url("bad");
    let topic = streams_topic(BROADCASTER);
    let long_secret = "s".repeat(201);
    let base = subscribe_form(&callback, &topic, "600", None);
    let with = |key, value| replaced(&base, key, value);
    let cases: Vec<(Vec<(&str, &str)>, &str)> = vec![
        (with("hub.callback", None), "hub.callback"),
        (with("hub.callback", Some("/relative/cb")), "hub.callback"),
        (
            with("hub.callback", Some("ftp://127.0.0.1/cb")),
            "hub.callback",
        ),
        (with("hub.callback", Some("not a url")), "hub.callback"),
        (with("hub.mode", None), "hub.mode"),
        (with("hub.mode", Some("denied")), "hub.mode"),
        (with("hub.topic", None), "hub.topic"),
        (
            with("hub.topic", Some("https://api.twitch.tv/helix/games?id=1")),
            "hub.topic",
        ),
        (
            with("hub.topic", Some("https://api.twitch.tv/helix/streams")),
            "hub.topic",
        ),
        (
            with(
                "hub.topic",
                Some("https://api.twitch.tv/helix/streams?user_id=1&first=1"),
            ),
            "hub.topic",
        ),
        (
            with(
                "hub.topic",
                Some("https://api.twitch.tv/helix/users/follows?to_id=1"),
            ),
            "hub.topic",
        ),
        (
            with(
                "hub.topic",
                Some("https://api.twitch.tv/helix/users/follows?first=1"),
            ),
            "hub.topic",
        ),
        (
            with("hub.topic", Some("https://example.com/helix/users?id=1")),
            "hub.topic",
        ),
        (with("hub.lease_seconds", Some("-1")), "hub.lease_seconds"),
        (
            with("hub.lease_seconds", Some("864001")),
            "hub.lease_seconds",
        ),
        (with("hub.lease_seconds", Some("ten")), "hub.lease_seconds"),
        (with("hub.lease_seconds", Some("1.5")), "hub.lease_seconds"),
    ];
    for (form, message) in &cases {
        let answer = hub(&server, &app, form).await;
        assert_helix_error(&answer, 400, message);
        assert_eq!(answer.json["error"], "Bad Request", "{form:?}");
    }
    let mut form = base.clone();
    form.push(("hub.secret", &long_secret));
    assert_helix_error(&hub(&server, &app, &form).await, 400, "hub.secret");
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&base)
        .finish();
    for content_type in [Some("application/json"), Some("text/plain"), None] {
        assert_helix_error(
            &hub_raw(&server, &app, content_type, &body).await,
            400,
            "Content-Type",
        );
    }
    cb.quiet().await;

    // The limits themselves are fine; a missing lease is 0.
    let secret = "s".repeat(200);
    assert_accepted(
        &hub(
            &server,
            &app,
            &subscribe_form(&callback, &topic, "864000", Some(&secret)),
        )
        .await,
    );
    assert_eq!(cb.next_get().await.get("hub.lease_seconds"), Some("864000"));
    assert_accepted(&hub(&server, &app, &with("hub.lease_seconds", None)).await);
    assert_eq!(cb.next_get().await.get("hub.lease_seconds"), Some("0"));
}

#[tokio::test]
async fn topics_need_their_tokens_and_scopes() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let callback = cb.url("auth");
    let app = app_token(&server);
    let anyone = user_token(&server, OTHER_USER, &[]);
    let b = BROADCASTER;

    // Public topics: any token.
    for topic in [
        format!("https://api.twitch.tv/helix/users/follows?first=1&from_id={b}"),
        format!("https://api.twitch.tv/helix/users/follows?to_id={b}&first=1"),
        format!("https://api.twitch.tv/helix/users/follows?first=1&from_id=1&to_id={b}"),
        streams_topic(b),
        format!("https://api.twitch.tv/helix/users?id={b}"),
    ] {
        for token in [&app, &anyone] {
            assert_accepted(
                &hub(
                    &server,
                    token,
                    &subscribe_form(&callback, &topic, "60", None),
                )
                .await,
            );
            assert_eq!(cb.next_get().await.get("hub.topic"), Some(topic.as_str()));
        }
    }

    // Extension transactions: app token only.
    let transactions = format!(
        "https://api.twitch.tv/helix/extensions/transactions?extension_id={}&first=1",
        seeded::TRANSACTIONS_EXTENSION_ID
    );
    let form = subscribe_form(&callback, &transactions, "60", None);
    assert_helix_error(&hub(&server, &anyone, &form).await, 401, "app access token");
    assert_accepted(&hub(&server, &app, &form).await);
    assert_eq!(
        cb.next_get().await.get("hub.topic"),
        Some(transactions.as_str())
    );

    // Broadcaster topics: that broadcaster's user token with the scope.
    let topics = [
        (
            format!("https://api.twitch.tv/helix/moderation/moderators/events?broadcaster_id={b}&first=1"),
            "moderation:read",
        ),
        (
            format!("https://api.twitch.tv/helix/moderation/moderators/events?first=1&broadcaster_id={b}&user_id=1"),
            "moderation:read",
        ),
        (
            format!("https://api.twitch.tv/helix/moderation/banned/events?broadcaster_id={b}&first=1"),
            "moderation:read",
        ),
        (
            format!("https://api.twitch.tv/helix/subscriptions/events?broadcaster_id={b}&first=1"),
            "channel:read:subscriptions",
        ),
        (
            format!("https://api.twitch.tv/helix/subscriptions/events?broadcaster_id={b}&first=1&gifter_id=1&gifter_name=user_1&user_id=2"),
            "channel:read:subscriptions",
        ),
        (
            format!("https://api.twitch.tv/helix/hypetrain/events?broadcaster_id={b}&first=1"),
            "channel:read:hype_train",
        ),
    ];
    for (topic, scope) in &topics {
        let form = subscribe_form(&callback, topic, "60", None);
        let unscoped = user_token(&server, b, &["user:read:email"]);
        let stranger = user_token(&server, OTHER_USER, &[*scope]);
        let owner = user_token(&server, b, &[*scope]);
        assert_helix_error(&hub(&server, &app, &form).await, 401, "User OAUTH Token");
        assert_helix_error(
            &hub(&server, &unscoped, &form).await,
            401,
            &format!("Missing scope: {scope}"),
        );
        assert_helix_error(&hub(&server, &stranger, &form).await, 401, "broadcaster_id");
        assert_accepted(&hub(&server, &owner, &form).await);
        assert_eq!(cb.next_get().await.get("hub.topic"), Some(topic.as_str()));
    }
    cb.quiet().await;
}

#[tokio::test]
async fn the_hub_is_a_helix_route() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let callback = cb.url("helix");
    let topic = streams_topic(BROADCASTER);
    let form = subscribe_form(&callback, &topic, "60", None);
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&form)
        .finish();

    let no_token = client()
        .post(format!("{}/webhooks/hub", server.helix_url()))
        .header("Client-Id", server.client_id())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_helix_error(&answer(no_token).await, 401, "OAuth token is missing");
    let app = app_token(&server);
    let wrong_client = client()
        .post(format!("{}/webhooks/hub", server.helix_url()))
        .bearer_auth(&app)
        .header("Client-Id", "someone-else")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_helix_error(&answer(wrong_client).await, 401, "do not match");

    server.fail_next("/helix/webhooks/hub", 503, 1);
    let failed = hub(&server, &app, &form).await;
    assert_helix_error(&failed, 503, "fault injected");
    assert!(failed.header("ratelimit-remaining").is_some());
    cb.quiet().await;
    assert_eq!(server.webhook_subscriptions(), vec![]);

    assert_accepted(&hub(&server, &app, &form).await);
    cb.next_get().await;
    assert_eq!(server.count("POST", "/helix/webhooks/hub"), 4);
    let recorded = server.requests();
    let last = recorded.last().unwrap();
    assert!(last.body.contains("hub.mode=subscribe"), "{}", last.body);
}
