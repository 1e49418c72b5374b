//! The WebSub hub (`POST /helix/webhooks/hub`), with a real callback server.

#[path = "webhook_hub/callback.rs"]
mod callback;
mod common;
#[path = "webhook_hub/requests.rs"]
mod requests;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use callback::{Callback, Reply};
use common::{answer, app_token, assert_helix_error, client, user_token};
use requests::*;
use serde_json::json;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use twitchapi_mock::{seeded, MockServer, Signing};

const WAIT: Duration = Duration::from_secs(5);
const QUIET: Duration = Duration::from_millis(300);
const BROADCASTER: &str = seeded::LIVE_USER_ID;
const OTHER_USER: &str = seeded::TWITCHDEV_ID;
const SEEDED_HOOKS: u64 = 25;

fn streams_topic(user_id: &str) -> String {
    format!("https://api.twitch.tv/helix/streams?user_id={user_id}")
}

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

#[tokio::test]
async fn unsubscribe_removes_the_subscription() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let callback = cb.url("un");
    let b = BROADCASTER;
    let topic = format!("https://api.twitch.tv/helix/users/follows?first=1&to_id={b}");
    let other = streams_topic(b);
    subscribe(&server, &mut cb, &callback, &topic, None).await;
    subscribe(&server, &mut cb, &callback, &other, None).await;
    assert_eq!(listed(&server).await.json["total"], SEEDED_HOOKS + 2);

    // The same topic, its query in another order.
    let reordered = format!("https://api.twitch.tv/helix/users/follows?to_id={b}&first=1");
    let app = app_token(&server);
    let form = [
        ("hub.callback", callback.as_str()),
        ("hub.mode", "unsubscribe"),
        ("hub.topic", reordered.as_str()),
    ];
    assert_accepted(&hub(&server, &app, &form).await);
    let hit = cb.next_get().await;
    assert_eq!(hit.get("hub.mode"), Some("unsubscribe"));
    assert_eq!(hit.get("hub.topic"), Some(reordered.as_str()));
    assert!(hit.get("hub.challenge").is_some());
    until("the unsubscription", || {
        !subscribed(&server, &callback, &topic)
    })
    .await;
    let left = server.webhook_subscriptions();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].topic, other);
    assert_eq!(listed(&server).await.json["total"], SEEDED_HOOKS + 1);

    // An unsubscribe the callback does not confirm changes nothing.
    cb.reply(Reply::Wrong);
    let form = [
        ("hub.callback", callback.as_str()),
        ("hub.mode", "unsubscribe"),
        ("hub.topic", other.as_str()),
    ];
    assert_accepted(&hub(&server, &app, &form).await);
    cb.next_get().await;
    tokio::time::sleep(QUIET).await;
    assert_eq!(server.webhook_subscriptions().len(), 1);
}

#[tokio::test]
async fn deny_next_denies_one_subscribe() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let callback = cb.url("deny");
    let topic = streams_topic(BROADCASTER);
    let app = app_token(&server);
    server.webhook_deny_next(Some("too many subscriptions"));

    assert_accepted(
        &hub(
            &server,
            &app,
            &subscribe_form(&callback, &topic, "600", None),
        )
        .await,
    );
    let hit = cb.next_get().await;
    assert_eq!(hit.query[0], ("uuid".to_owned(), "deny".to_owned()));
    assert_eq!(hit.get("hub.mode"), Some("denied"));
    assert_eq!(hit.get("hub.topic"), Some(topic.as_str()));
    assert_eq!(hit.get("hub.reason"), Some("too many subscriptions"));
    assert_eq!(hit.get("hub.challenge"), None);
    assert_eq!(hit.get("hub.lease_seconds"), None);
    tokio::time::sleep(QUIET).await;
    assert_eq!(server.webhook_subscriptions(), vec![]);

    // Only the next one: the following subscribe is verified as usual.
    subscribe(&server, &mut cb, &callback, &topic, None).await;

    // A cancelled denial denies nothing.
    let other = streams_topic(OTHER_USER);
    server.webhook_deny_next(Some("no"));
    server.webhook_deny_next(None);
    subscribe(&server, &mut cb, &callback, &other, None).await;
}

#[tokio::test]
async fn a_granted_lease_is_kept_and_expires() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let callback = cb.url("lease");
    let topic = streams_topic(BROADCASTER);
    let app = app_token(&server);
    server.webhook_grant_lease_seconds(Some(1));

    assert_accepted(
        &hub(
            &server,
            &app,
            &subscribe_form(&callback, &topic, "864000", None),
        )
        .await,
    );
    assert_eq!(cb.next_get().await.get("hub.lease_seconds"), Some("1"));
    until("the subscription", || {
        subscribed(&server, &callback, &topic)
    })
    .await;
    assert_eq!(server.webhook_subscriptions()[0].lease_seconds, 1);
    let list = listed(&server).await;
    assert_eq!(list.json["total"], SEEDED_HOOKS + 1);
    assert_eq!(list.data()[0]["callback"], callback.as_str());

    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(listed(&server).await.json["total"], SEEDED_HOOKS);
    assert_eq!(server.webhook_subscriptions(), vec![]);
    let statuses = server
        .webhook_notify(&topic, vec![json!({"id": "1"})], Signing::Valid, None)
        .await;
    assert_eq!(statuses, Vec::<u16>::new());
    cb.quiet().await;

    // Cleared, the requested lease is granted again.
    server.webhook_grant_lease_seconds(None);
    assert_accepted(
        &hub(
            &server,
            &app,
            &subscribe_form(&callback, &topic, "120", None),
        )
        .await,
    );
    assert_eq!(cb.next_get().await.get("hub.lease_seconds"), Some("120"));
}

#[tokio::test]
async fn verify_before_accept_answers_after_the_get() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let hold = Duration::from_millis(400);
    cb.hold_until_accepted(hold);
    let callback = cb.url("first");
    let topic = streams_topic(BROADCASTER);
    let app = app_token(&server);
    server.webhook_verify_before_accept(true);

    let start = Instant::now();
    let accepted = hub(
        &server,
        &app,
        &subscribe_form(&callback, &topic, "600", None),
    )
    .await;
    let took = start.elapsed();
    assert_accepted(&accepted);
    cb.accept();
    let hit = cb
        .gets
        .try_recv()
        .expect("the GET arrived before the 202 did");
    assert_eq!(hit.after_accept, Some(false), "the 202 waited for the GET");
    assert!(took >= hold, "answered after {took:?}");
    assert!(
        subscribed(&server, &callback, &topic),
        "stored before the 202 went out"
    );
}

#[tokio::test]
async fn notifications_are_signed_as_asked() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let callback = cb.url("notify");
    let secret = "s3cret";
    let b = BROADCASTER;
    let topic = format!("https://api.twitch.tv/helix/users/follows?first=1&to_id={b}");
    subscribe(&server, &mut cb, &callback, &topic, Some(secret)).await;
    let data = vec![json!({
        "from_id": "1336",
        "from_name": "ebi",
        "to_id": b,
        "to_name": "user0",
        "followed_at": "2020-07-15T18:16:11Z"
    })];
    let original = serde_json::to_vec(&json!({ "data": data.clone() })).unwrap();

    // The query order of the topic does not matter.
    let reordered = format!("https://api.twitch.tv/helix/users/follows?to_id={b}&first=1");
    let statuses = server
        .webhook_notify(&reordered, data.clone(), Signing::Valid, Some("n-1".into()))
        .await;
    assert_eq!(statuses, vec![200]);
    let post = cb.next_post().await;
    assert_eq!(post.body, original);
    assert_eq!(post.header("content-type"), Some("application/json"));
    assert_eq!(post.header("twitch-notification-id"), Some("n-1"));
    let stamp = post.header("twitch-notification-timestamp").unwrap();
    let stamp = OffsetDateTime::parse(stamp, &Rfc3339).unwrap();
    assert!((OffsetDateTime::now_utc() - stamp).whole_seconds().abs() < 60);
    assert_eq!(
        post.header("link"),
        Some(
            format!(
                "<https://api.twitch.tv/helix/webhooks/hub>; rel=\"hub\", <{topic}>; rel=\"self\""
            )
            .as_str()
        )
    );
    let valid = hmac_sha256(secret, &original);
    assert_eq!(post.header("x-hub-signature"), Some(valid.as_str()));

    let notify = |signing| server.webhook_notify(&topic, data.clone(), signing, None);
    assert_eq!(notify(Signing::Missing).await, vec![200]);
    let post = cb.next_post().await;
    assert_eq!(post.header("x-hub-signature"), None);
    assert_eq!(post.body, original);
    let first_id = post.header("twitch-notification-id").unwrap().to_owned();
    assert!(!first_id.is_empty());

    assert_eq!(notify(Signing::WrongSecret).await, vec![200]);
    let post = cb.next_post().await;
    let wrong = post.header("x-hub-signature").unwrap();
    let hex_part = wrong.strip_prefix("sha256=").expect("sha256=");
    assert_eq!(hex_part.len(), 64);
    assert!(hex_part
        .bytes()
        .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)));
    assert_ne!(wrong, valid);
    assert_ne!(
        post.header("twitch-notification-id"),
        Some(first_id.as_str())
    );

    assert_eq!(notify(Signing::Malformed).await, vec![200]);
    let post = cb.next_post().await;
    assert_eq!(post.header("x-hub-signature"), Some("sha256=not-hex"));

    assert_eq!(notify(Signing::Sha1).await, vec![200]);
    let post = cb.next_post().await;
    assert_eq!(
        post.header("x-hub-signature"),
        Some(hmac_sha1(secret, &original).as_str())
    );

    assert_eq!(notify(Signing::Tampered).await, vec![200]);
    let post = cb.next_post().await;
    assert_eq!(post.header("x-hub-signature"), Some(valid.as_str()));
    assert_eq!(post.body.len(), original.len());
    let changed = post
        .body
        .iter()
        .zip(&original)
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 1, "one byte changed");
    assert_ne!(hmac_sha256(secret, &post.body), valid);

    // The callback's status comes back; a topic nobody holds reaches nobody.
    cb.post_status.store(410, Ordering::SeqCst);
    assert_eq!(notify(Signing::Valid).await, vec![410]);
    cb.next_post().await;
    let nobody = server
        .webhook_notify(&streams_topic(b), data.clone(), Signing::Valid, None)
        .await;
    assert_eq!(nobody, Vec::<u16>::new());
}

#[tokio::test]
async fn notifications_without_a_secret_or_a_callback() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let mut gone = Callback::start().await;
    let topic = streams_topic(BROADCASTER);
    let callback = cb.url("plain");
    subscribe(&server, &mut cb, &callback, &topic, None).await;
    let gone_url = gone.url("gone");
    subscribe(&server, &mut gone, &gone_url, &topic, Some("x")).await;
    drop(gone);
    tokio::time::sleep(Duration::from_millis(100)).await;

    let statuses = server
        .webhook_notify(&topic, vec![json!({"type": "live"})], Signing::Valid, None)
        .await;
    assert_eq!(
        statuses,
        vec![200, 0],
        "in subscription order; 0: unreachable"
    );
    let post = cb.next_post().await;
    assert_eq!(
        post.header("x-hub-signature"),
        None,
        "no secret, no signature"
    );
    assert_eq!(post.body, br#"{"data":[{"type":"live"}]}"#);
}

#[tokio::test]
async fn the_admin_api_mirrors_the_methods() {
    let server = MockServer::start().await.unwrap();
    let mut cb = Callback::start().await;
    let http = client();
    let admin = |path: &str| format!("{}/mock/webhook/{path}", server.url());
    let callback = cb.url("admin");
    let topic = streams_topic(BROADCASTER);
    let app = app_token(&server);

    let set = admin_post(
        &server,
        "faults",
        json!({"grant_lease_seconds": 30, "verify_before_accept": true}),
    )
    .await;
    assert_eq!(set.status, 204, "{}", set.text);
    let form = subscribe_form(&callback, &topic, "600", Some("k"));
    assert_accepted(&hub(&server, &app, &form).await);
    assert_eq!(cb.next_get().await.get("hub.lease_seconds"), Some("30"));
    // Verified before the 202: listed at once.
    let subs = answer(http.get(admin("subscriptions")).send().await.unwrap())
        .await
        .json;
    assert_eq!(subs.as_array().unwrap().len(), 1, "{subs}");
    assert_eq!(subs[0]["callback"], callback.as_str());
    assert_eq!(subs[0]["topic"], topic.as_str());
    assert_eq!(subs[0]["lease_seconds"], 30);
    assert_eq!(subs[0]["has_secret"], true);
    assert!(OffsetDateTime::parse(subs[0]["expires_at"].as_str().unwrap(), &Rfc3339).is_ok());

    let notified = admin_post(&server, "notify", json!({"topic": topic, "data": [{"a": 1}], "signing": "malformed", "notification_id": "n-9"})).await.json;
    assert_eq!(notified, json!({"statuses": [200]}));
    let post = cb.next_post().await;
    assert_eq!(post.header("x-hub-signature"), Some("sha256=not-hex"));
    assert_eq!(post.header("twitch-notification-id"), Some("n-9"));
    assert_eq!(post.body, br#"{"data":[{"a":1}]}"#);
    let defaults = admin_post(&server, "notify", json!({"topic": topic}))
        .await
        .json;
    assert_eq!(defaults, json!({"statuses": [200]}));
    let post = cb.next_post().await;
    assert_eq!(
        post.header("x-hub-signature"),
        Some(hmac_sha256("k", b"{\"data\":[]}").as_str())
    );

    // Fields left out stay; null clears.
    let set = admin_post(
        &server,
        "faults",
        json!({"deny_next": "busy", "grant_lease_seconds": null}),
    )
    .await;
    assert_eq!(set.status, 204, "{}", set.text);
    assert_accepted(&hub(&server, &app, &form).await);
    let hit = cb.next_get().await;
    assert_eq!(hit.get("hub.mode"), Some("denied"));
    assert_eq!(hit.get("hub.reason"), Some("busy"));
    assert_accepted(&hub(&server, &app, &form).await);
    let hit = cb.next_get().await;
    assert_eq!(hit.get("hub.lease_seconds"), Some("600"));
    assert_eq!(
        server.webhook_subscriptions()[0].lease_seconds,
        600,
        "still verified first"
    );

    for bad in [
        r#"{"topic": 1}"#,
        r#"{"topic": "t", "signing": "bogus"}"#,
        "nope",
    ] {
        let refused = http
            .post(admin("notify"))
            .header("Content-Type", "application/json")
            .body(bad)
            .send()
            .await
            .unwrap();
        assert_helix_error(&answer(refused).await, 400, "bad JSON body");
    }
    let refused = http
        .post(admin("faults"))
        .body(r#"{"grant_lease_seconds": "soon"}"#)
        .send()
        .await
        .unwrap();
    assert_helix_error(&answer(refused).await, 400, "bad JSON body");
}
