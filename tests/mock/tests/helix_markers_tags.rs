//! Stream markers and stream tags.

mod common;

use std::collections::HashSet;

use common::{app_token, assert_helix_error, get, helix, user_token, walk};
use reqwest::Method;
use twitchapi_mock::seeded::{
    LIVE_USER_ID, LIVE_USER_MARKERS, MARKED_VIDEO_ID, TAG_COUNT, TAG_ENGLISH, TAG_ONE_CREDIT_CLEAR,
    TAG_SPEEDRUN, TWITCHDEV_ID,
};
use twitchapi_mock::MockServer;

#[tokio::test]
async fn stream_markers() {
    let server = MockServer::start().await.unwrap();
    let scopes = ["channel:manage:broadcast", "user:read:broadcast"];
    let live = user_token(&server, LIVE_USER_ID, &scopes);
    let (pages, count) = walk(&server, "/streams/markers?user_id=10000&first=8", &live).await;
    assert_eq!(count, 4);
    let markers: Vec<&serde_json::Value> = pages
        .iter()
        .flat_map(|u| u["videos"][0]["markers"].as_array().unwrap())
        .collect();
    assert_eq!(markers.len(), LIVE_USER_MARKERS);
    assert_eq!(pages[0]["user_login"], "user0");
    assert!(markers[0]["URL"]
        .as_str()
        .unwrap()
        .contains("/manager/highlighter/"));

    let body = r#"{"user_id":"10000","description":"hello, this is a marker!"}"#;
    let created = helix(&server, Method::POST, "/streams/markers", &live, Some(body)).await;
    assert_eq!(created.status, 200, "{}", created.text);
    let marker = &created.data()[0];
    assert_eq!(marker["description"], "hello, this is a marker!");
    assert!(marker["position_seconds"].as_u64().unwrap() >= 15 * 60);
    let newest = get(&server, "/streams/markers?user_id=10000&first=1", &live).await;
    assert_eq!(
        newest.data()[0]["videos"][0]["markers"][0]["id"],
        marker["id"]
    );

    let dev = user_token(&server, TWITCHDEV_ID, &scopes);
    let by_video = get(
        &server,
        &format!("/streams/markers?video_id={MARKED_VIDEO_ID}"),
        &dev,
    )
    .await;
    assert_eq!(by_video.status, 200, "{}", by_video.text);
    assert_eq!(by_video.data()[0]["videos"][0]["video_id"], MARKED_VIDEO_ID);
    assert_eq!(
        by_video.data()[0]["videos"][0]["markers"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let not_mine = get(
        &server,
        &format!("/streams/markers?video_id={MARKED_VIDEO_ID}"),
        &live,
    )
    .await;
    assert_helix_error(
        &not_mine,
        403,
        "The user in the access token is not authorized to get this video's markers",
    );
    let offline = helix(
        &server,
        Method::POST,
        "/streams/markers",
        &dev,
        Some(r#"{"user_id":"141981764"}"#),
    )
    .await;
    assert_helix_error(&offline, 404, "live");

    let one_of = "Exactly one of the parameters user_id, video_id must be specified";
    for (path, message) in [
        ("/streams/markers", one_of),
        ("/streams/markers?user_id=10000&video_id=1", one_of),
        (
            "/streams/markers?user_id=10000&first=101",
            "The parameter \"first\" was malformed: the value must be an integer between 1 and 100",
        ),
    ] {
        assert_helix_error(&get(&server, path, &live).await, 400, message);
    }
    assert_helix_error(
        &get(&server, "/streams/markers?user_id=141981764", &live).await,
        401,
        "The ID in user_id must match the user ID found in the request's OAuth token",
    );
    let long = format!(
        r#"{{"user_id":"10000","description":"{}"}}"#,
        "d".repeat(141)
    );
    assert_helix_error(
        &helix(
            &server,
            Method::POST,
            "/streams/markers",
            &live,
            Some(&long),
        )
        .await,
        400,
        "140",
    );
    let old_scope = user_token(&server, LIVE_USER_ID, &["user:edit:broadcast"]);
    let answer = helix(
        &server,
        Method::POST,
        "/streams/markers",
        &old_scope,
        Some(body),
    )
    .await;
    assert_helix_error(&answer, 401, "Missing scope: channel:manage:broadcast");
}

#[tokio::test]
async fn stream_tags_catalogue_and_replace() {
    let server = MockServer::start().await.unwrap();
    let app = app_token(&server);
    let (tags, pages) = walk(&server, "/tags/streams?first=5", &app).await;
    assert_eq!(tags.len(), TAG_COUNT);
    assert!(pages >= 5);
    let ids: HashSet<&str> = tags.iter().map(|t| t["tag_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), TAG_COUNT);
    let english = tags.iter().find(|t| t["tag_id"] == TAG_ENGLISH).unwrap();
    assert_eq!(english["is_auto"], true);
    assert_eq!(english["localization_names"]["en-us"], "English");
    let some = get(
        &server,
        &format!("/tags/streams?tag_id={TAG_SPEEDRUN}&tag_id=nope"),
        &app,
    )
    .await;
    assert_eq!(some.data().len(), 1);

    let before = get(&server, "/streams/tags?broadcaster_id=141981764", &app).await;
    let ids: Vec<&str> = before
        .data()
        .iter()
        .map(|t| t["tag_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [TAG_ENGLISH]);

    let owner = user_token(&server, TWITCHDEV_ID, &["channel:manage:broadcast"]);
    let path = "/streams/tags?broadcaster_id=141981764";
    let body = format!(r#"{{"tag_ids":["{TAG_ONE_CREDIT_CLEAR}","{TAG_SPEEDRUN}"]}}"#);
    let put = helix(&server, Method::PUT, path, &owner, Some(&body)).await;
    assert_eq!(put.status, 204, "{}", put.text);
    assert!(put.text.is_empty());
    let after = get(&server, "/streams/tags?broadcaster_id=141981764", &app).await;
    let ids: Vec<&str> = after
        .data()
        .iter()
        .map(|t| t["tag_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [TAG_ENGLISH, TAG_ONE_CREDIT_CLEAR, TAG_SPEEDRUN]);
    let cleared = helix(
        &server,
        Method::PUT,
        path,
        &owner,
        Some(r#"{"tag_ids":[]}"#),
    )
    .await;
    assert_eq!(cleared.status, 204);
    assert_eq!(
        get(&server, "/streams/tags?broadcaster_id=141981764", &app)
            .await
            .data()
            .len(),
        1
    );

    let auto = format!(r#"{{"tag_ids":["{TAG_ENGLISH}"]}}"#);
    assert_helix_error(
        &helix(&server, Method::PUT, path, &owner, Some(&auto)).await,
        403,
        "automatic",
    );
    let six: Vec<String> = tags
        .iter()
        .filter(|t| t["is_auto"] == false)
        .take(6)
        .map(|t| format!("\"{}\"", t["tag_id"].as_str().unwrap()))
        .collect();
    let too_many = format!(r#"{{"tag_ids":[{}]}}"#, six.join(","));
    for (bad, message) in [
        (r#"{"tag_ids":["nope"]}"#, "The tag ID nope is not valid"),
        (too_many.as_str(), "The list of tag IDs is too long"),
        (
            r#"{"tag_ids":"x"}"#,
            "The request body is malformed: invalid type: string \"x\", expected an array",
        ),
    ] {
        assert_helix_error(
            &helix(&server, Method::PUT, path, &owner, Some(bad)).await,
            400,
            message,
        );
    }
    let other = "/streams/tags?broadcaster_id=10000";
    assert_helix_error(
        &helix(&server, Method::PUT, other, &owner, Some(&body)).await,
        401,
        "The ID in broadcaster_id must match the user ID found in the request's OAuth token",
    );
    // Both reads take an app or a user token.
    for path in ["/streams/tags?broadcaster_id=141981764", "/tags/streams"] {
        let by_user = get(&server, path, &owner).await;
        assert_eq!(by_user.status, 200, "{path}: {}", by_user.text);
    }
    assert_helix_error(
        &get(&server, "/streams/tags", &app).await,
        400,
        "Missing required parameter \"broadcaster_id\"",
    );
    assert_helix_error(
        &get(&server, "/tags/streams?first=0", &app).await,
        400,
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 100",
    );
}
