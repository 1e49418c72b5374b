//! Stream key, commercials, clip creation and follows.

mod common;

use common::{app_token, assert_helix_error, get, helix, user_token};
use reqwest::Method;
use twitchapi_mock::seeded::TWITCHDEV_ID;
use twitchapi_mock::MockServer;

#[tokio::test]
async fn stream_key_and_commercial() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(
        &server,
        TWITCHDEV_ID,
        &["channel:read:stream_key", "channel:edit:commercial"],
    );
    let key = get(&server, "/streams/key?broadcaster_id=141981764", &token).await;
    assert_eq!(key.status, 200, "{}", key.text);
    let value = key.data()[0]["stream_key"].as_str().unwrap().to_owned();
    assert!(value.starts_with("live_141981764_"), "{value}");
    let again = get(&server, "/streams/key?broadcaster_id=141981764", &token).await;
    assert_eq!(again.data()[0]["stream_key"], value.as_str());
    assert_helix_error(
        &get(&server, "/streams/key?broadcaster_id=10000", &token).await,
        401,
        "The ID in broadcaster_id must match the user ID found in the request's OAuth token",
    );
    assert_helix_error(
        &get(&server, "/streams/key", &token).await,
        400,
        "Missing required parameter \"broadcaster_id\"",
    );

    let path = "/channels/commercial";
    let body = r#"{"broadcaster_id":"141981764","length":60}"#;
    let started = helix(&server, Method::POST, path, &token, Some(body)).await;
    assert_eq!(started.status, 200, "{}", started.text);
    assert_eq!(
        started.json,
        serde_json::json!({"data":[{"length":60,"message":"","retry_after":480}]})
    );
    let lengths = "The length must be one of 30, 60, 90, 120, 150 or 180 seconds";
    for (bad, message) in [
        (r#"{"broadcaster_id":"141981764","length":45}"#, lengths),
        (r#"{"broadcaster_id":"141981764","length":240}"#, lengths),
        (
            r#"{"broadcaster_id":"141981764"}"#,
            "Missing required field \"length\"",
        ),
        (
            r#"{"broadcaster_id":"","length":30}"#,
            "Missing required parameter \"broadcaster_id\"",
        ),
        ("{", "The request body is not valid JSON"),
    ] {
        assert_helix_error(
            &helix(&server, Method::POST, path, &token, Some(bad)).await,
            400,
            message,
        );
    }
    let other = r#"{"broadcaster_id":"10000","length":30}"#;
    assert_helix_error(
        &helix(&server, Method::POST, path, &token, Some(other)).await,
        401,
        "broadcaster_id",
    );
    let no_scope = user_token(&server, TWITCHDEV_ID, &["channel:read:stream_key"]);
    let answer = helix(&server, Method::POST, path, &no_scope, Some(body)).await;
    assert_helix_error(&answer, 401, "Missing scope: channel:edit:commercial");
}

#[tokio::test]
async fn create_clip_then_get_it() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, &["clips:edit"]);
    let created = helix(
        &server,
        Method::POST,
        "/clips?broadcaster_id=10000&has_delay=false",
        &token,
        None,
    )
    .await;
    assert_eq!(created.status, 202, "{}", created.text);
    let clip = &created.data()[0];
    let id = clip["id"].as_str().unwrap();
    assert_eq!(
        clip["edit_url"],
        format!("https://www.twitch.tv/user0/clip/{id}")
    );
    let app = app_token(&server);
    let found = get(&server, &format!("/clips?id={id}"), &app).await;
    assert_eq!(found.data().len(), 1);
    assert_eq!(found.data()[0]["broadcaster_id"], "10000");
    assert_eq!(found.data()[0]["creator_id"], TWITCHDEV_ID);

    let offline = helix(
        &server,
        Method::POST,
        "/clips?broadcaster_id=141981764",
        &token,
        None,
    )
    .await;
    assert_helix_error(&offline, 404, "live");
    let bad = helix(
        &server,
        Method::POST,
        "/clips?broadcaster_id=10000&has_delay=maybe",
        &token,
        None,
    )
    .await;
    assert_helix_error(
        &bad,
        400,
        "The parameter \"has_delay\" was malformed: the value must be a boolean",
    );
    assert_helix_error(
        &helix(&server, Method::POST, "/clips", &token, None).await,
        400,
        "Missing required parameter \"broadcaster_id\"",
    );
    let no_scope = user_token(&server, TWITCHDEV_ID, &[]);
    let answer = helix(
        &server,
        Method::POST,
        "/clips?broadcaster_id=10000",
        &no_scope,
        None,
    )
    .await;
    assert_helix_error(&answer, 401, "Missing scope: clips:edit");
    assert_helix_error(
        &helix(
            &server,
            Method::POST,
            "/clips?broadcaster_id=10000",
            &app,
            None,
        )
        .await,
        401,
        "Missing User OAUTH Token",
    );
}

#[tokio::test]
async fn follow_and_unfollow() {
    let server = MockServer::start().await.unwrap();
    let app = app_token(&server);
    let token = user_token(&server, "1000100", &["user:edit:follows"]);
    let edge = "/users/follows?from_id=1000100&to_id=141981764";
    assert_eq!(get(&server, edge, &app).await.json["total"], 0);
    let body = r#"{"from_id":"1000100","to_id":"141981764","allow_notifications":false}"#;
    let created = helix(&server, Method::POST, "/users/follows", &token, Some(body)).await;
    assert_eq!(created.status, 204, "{}", created.text);
    let now = get(&server, edge, &app).await;
    assert_eq!(now.json["total"], 1);
    assert_eq!(now.data()[0]["from_login"], "user100");
    let followers = get(&server, "/users/follows?to_id=141981764&first=1", &app).await;
    assert_eq!(followers.json["total"], 81);
    assert_eq!(followers.data()[0]["from_id"], "1000100", "newest first");
    let twice = helix(&server, Method::POST, "/users/follows", &token, Some(body)).await;
    assert_eq!(twice.status, 204);
    assert_eq!(get(&server, edge, &app).await.json["total"], 1);

    let deleted = helix(&server, Method::DELETE, edge, &token, None).await;
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    assert_eq!(get(&server, edge, &app).await.json["total"], 0);

    for (bad, message) in [
        (
            r#"{"from_id":"1000100"}"#,
            "Missing required field \"to_id\"",
        ),
        (
            r#"{"from_id":"1000100","to_id":""}"#,
            "The from_id and to_id fields are required",
        ),
        (
            r#"{"from_id":"1000100","to_id":"1000100"}"#,
            "A user cannot follow themselves",
        ),
        (
            r#"{"from_id":"1000100","to_id":"nobody"}"#,
            "The to_id is not a valid user",
        ),
    ] {
        assert_helix_error(
            &helix(&server, Method::POST, "/users/follows", &token, Some(bad)).await,
            400,
            message,
        );
    }
    let theirs = r#"{"from_id":"10001","to_id":"141981764"}"#;
    assert_helix_error(
        &helix(
            &server,
            Method::POST,
            "/users/follows",
            &token,
            Some(theirs),
        )
        .await,
        401,
        "from_id",
    );
    let missing = helix(
        &server,
        Method::DELETE,
        "/users/follows?from_id=1000100",
        &token,
        None,
    )
    .await;
    assert_helix_error(&missing, 400, "to_id");
    let no_scope = user_token(&server, "1000100", &[]);
    let answer = helix(&server, Method::DELETE, edge, &no_scope, None).await;
    assert_helix_error(&answer, 401, "Missing scope: user:edit:follows");
}
