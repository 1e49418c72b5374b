//! Moderators, bans, their events and AutoMod.

mod common;

use std::collections::HashSet;

use common::{app_token, assert_helix_error, get, helix, user_token, walk};
use reqwest::Method;
use twitchapi_mock::seeded::{LIVE_USER_ID, TWITCHDEV_ID};
use twitchapi_mock::MockServer;

const MOD_READ: &[&str] = &["moderation:read"];

#[tokio::test]
async fn moderators_and_their_events() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MOD_READ);
    let (mods, pages) = walk(
        &server,
        "/moderation/moderators?broadcaster_id=141981764&first=10",
        &token,
    )
    .await;
    assert_eq!(mods.len(), 25);
    assert_eq!(pages, 3);
    assert_eq!(mods[0]["user_login"], "user40");
    assert!(mods[0].get("broadcaster_id").is_none());
    let some = get(
        &server,
        "/moderation/moderators?broadcaster_id=141981764&user_id=100041&user_id=10001",
        &token,
    )
    .await;
    assert_eq!(some.data().len(), 1);
    assert_eq!(some.data()[0]["user_name"], "User41");

    let (events, _) = walk(
        &server,
        "/moderation/moderators/events?broadcaster_id=141981764&first=7",
        &token,
    )
    .await;
    assert_eq!(events.len(), 31);
    let kinds: HashSet<&str> = events
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        HashSet::from(["moderation.moderator.add", "moderation.moderator.remove"])
    );
    let stamps: Vec<&str> = events
        .iter()
        .map(|e| e["event_timestamp"].as_str().unwrap())
        .collect();
    assert!(stamps.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(events[0]["version"], "1.0");
    assert_eq!(events[0]["event_data"]["broadcaster_login"], "twitchdev");
    let one = get(
        &server,
        "/moderation/moderators/events?broadcaster_id=141981764&user_id=100065",
        &token,
    )
    .await;
    assert_eq!(one.data().len(), 2);

    let other = get(
        &server,
        "/moderation/moderators?broadcaster_id=10000",
        &token,
    )
    .await;
    assert_helix_error(&other, 401, "broadcaster_id");
    let no_scope = user_token(&server, TWITCHDEV_ID, &[]);
    let answer = get(
        &server,
        "/moderation/moderators/events?broadcaster_id=141981764",
        &no_scope,
    )
    .await;
    assert_helix_error(&answer, 401, "Missing scope: moderation:read");
    let app = app_token(&server);
    assert_helix_error(
        &get(
            &server,
            "/moderation/moderators?broadcaster_id=141981764",
            &app,
        )
        .await,
        401,
        "Missing User OAUTH Token",
    );
    let ids: String = (0..101).map(|i| format!("&user_id={i}")).collect();
    let answer = get(
        &server,
        &format!("/moderation/moderators?broadcaster_id=141981764{ids}"),
        &token,
    )
    .await;
    assert_helix_error(
        &answer,
        400,
        "The parameter \"user_id\" may be specified at most 100 times",
    );
    let answer = get(
        &server,
        "/moderation/moderators/events?broadcaster_id=141981764&first=101",
        &token,
    )
    .await;
    assert_helix_error(
        &answer,
        400,
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 100",
    );
    assert_helix_error(
        &get(&server, "/moderation/moderators", &token).await,
        400,
        "broadcaster_id",
    );
    let live = user_token(&server, LIVE_USER_ID, MOD_READ);
    let theirs = get(
        &server,
        "/moderation/moderators?broadcaster_id=10000",
        &live,
    )
    .await;
    assert_eq!(theirs.data().len(), 3);
}

#[tokio::test]
async fn banned_users_and_events() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MOD_READ);
    let first = get(
        &server,
        "/moderation/banned?broadcaster_id=141981764&first=20",
        &token,
    )
    .await;
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(first.data().len(), 20);
    let ban = &first.data()[0];
    for key in [
        "user_id",
        "user_login",
        "user_name",
        "expires_at",
        "created_at",
        "reason",
        "moderator_id",
        "moderator_login",
        "moderator_name",
    ] {
        assert!(ban.get(key).is_some(), "missing {key}");
    }
    assert!(first.data().iter().any(|b| b["expires_at"] == ""));
    assert!(first.data().iter().any(|b| b["expires_at"] != ""));
    let cursor = first.cursor().unwrap();
    let second = get(
        &server,
        &format!("/moderation/banned?broadcaster_id=141981764&first=20&after={cursor}"),
        &token,
    )
    .await;
    assert_eq!(second.data().len(), 10);
    let back_cursor = second.cursor();
    assert!(back_cursor.is_none());
    let one = get(
        &server,
        "/moderation/banned?broadcaster_id=141981764&user_id=1000100",
        &token,
    )
    .await;
    assert_eq!(one.data().len(), 1);

    let (events, _) = walk(
        &server,
        "/moderation/banned/events?broadcaster_id=141981764&first=15",
        &token,
    )
    .await;
    assert_eq!(events.len(), 40);
    assert!(events
        .iter()
        .any(|e| e["event_type"] == "moderation.user.unban"));
    assert!(events[0]["id"].as_str().unwrap().len() == 27);
    let unbanned = get(
        &server,
        "/moderation/banned/events?broadcaster_id=141981764&user_id=1000130",
        &token,
    )
    .await;
    let kinds: Vec<&str> = unbanned
        .data()
        .iter()
        .map(|e| e["event_type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["moderation.user.unban", "moderation.user.ban"]);

    let first =
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 100";
    for (path, message) in [
        ("/moderation/banned?broadcaster_id=141981764&first=0", first),
        (
            "/moderation/banned?broadcaster_id=141981764&after=x&before=y",
            "Only one of \"after\" and \"before\" may be specified",
        ),
        (
            "/moderation/banned/events?broadcaster_id=141981764&first=abc",
            first,
        ),
        (
            "/moderation/banned/events",
            "Missing required parameter \"broadcaster_id\"",
        ),
    ] {
        assert_helix_error(&get(&server, path, &token).await, 400, message);
    }
    let other = get(
        &server,
        "/moderation/banned/events?broadcaster_id=10000",
        &token,
    )
    .await;
    assert_helix_error(
        &other,
        401,
        "The ID in broadcaster_id must match the user ID found in the request's OAuth token",
    );
}

#[tokio::test]
async fn automod_status() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MOD_READ);
    let path = "/moderation/enforcements/status?broadcaster_id=141981764";
    let body = r#"{"data":[{"msg_id":"123","msg_text":"Hello World!"},{"msg_id":"393","msg_text":"Boooooo!"}]}"#;
    let answer = helix(&server, Method::POST, path, &token, Some(body)).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        answer.json,
        serde_json::json!({"data":[{"msg_id":"123","is_permitted":true},{"msg_id":"393","is_permitted":false}]})
    );
    let non_empty = "Each message must have a non-empty msg_id and msg_text";
    for (bad, message) in [
        (
            r#"{"data":[]}"#,
            "The data field must contain 1 to 100 messages",
        ),
        (r#"{"data":[{"msg_id":"","msg_text":"hi"}]}"#, non_empty),
        (r#"{"data":[{"msg_id":"1","msg_text":""}]}"#, non_empty),
        (
            r#"{"data":[{"msg_id":"1"}]}"#,
            "Missing required field \"msg_text\"",
        ),
        ("not json", "The request body is not valid JSON"),
    ] {
        let answer = helix(&server, Method::POST, path, &token, Some(bad)).await;
        assert_helix_error(&answer, 400, message);
    }
    let other = user_token(&server, "10001", MOD_READ);
    let answer = helix(&server, Method::POST, path, &other, Some(body)).await;
    assert_helix_error(&answer, 401, "broadcaster_id");
}
