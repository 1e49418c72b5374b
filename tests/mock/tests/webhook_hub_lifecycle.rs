//! The WebSub hub after the subscribe: unsubscribe, denials, leases, notifications, admin API.

#[path = "webhook_hub/callback.rs"]
mod callback;
mod common;
#[path = "webhook_hub/requests.rs"]
mod requests;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use callback::{Callback, Reply};
use common::{answer, app_token, assert_helix_error, client};
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
