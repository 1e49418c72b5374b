//! Helix endpoints over the seeded data: shapes, filters, pagination, 400s.

mod common;

use std::collections::HashSet;

use common::{assert_helix_error, get, helix};
use reqwest::Method;
use twitchapi_mock::MockServer;

#[tokio::test]
async fn streams_pagination_walk_without_duplicates() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let mut seen = HashSet::new();
    let mut viewers = Vec::new();
    let mut pages = 0;
    let mut cursors = Vec::new();
    let mut path = "/streams?first=20".to_owned();
    loop {
        let page = get(&server, &path, &token).await;
        assert_eq!(page.status, 200, "{}", page.text);
        pages += 1;
        for stream in page.data() {
            assert!(seen.insert(stream["id"].as_str().unwrap().to_owned()));
            assert_eq!(stream["type"], "live");
            viewers.push(stream["viewer_count"].as_u64().unwrap());
        }
        match page.cursor() {
            Some(cursor) => {
                assert!(cursor.parse::<u64>().is_err());
                path = format!("/streams?first=20&after={cursor}");
                cursors.push(cursor);
            }
            None => {
                assert_eq!(page.json["pagination"], serde_json::json!({}));
                break;
            }
        }
        assert!(pages < 50);
    }
    assert!(pages > 3);
    assert_eq!(seen.len(), 120);
    assert!(viewers.windows(2).all(|w| w[0] >= w[1]));

    // `before` with the cursor of page 2 gives page 1 again.
    let first = get(&server, "/streams?first=20", &token).await;
    let back = get(
        &server,
        &format!("/streams?first=20&before={}", cursors[1]),
        &token,
    )
    .await;
    assert_eq!(back.data(), first.data());

    let stream = &first.data()[0];
    for key in [
        "id",
        "user_id",
        "user_login",
        "user_name",
        "game_id",
        "game_name",
        "type",
        "title",
        "tags",
        "viewer_count",
        "started_at",
        "language",
        "thumbnail_url",
        "tag_ids",
        "is_mature",
    ] {
        assert!(stream.get(key).is_some(), "missing {key}");
    }
}

#[tokio::test]
async fn bad_parameters_answer_400() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let ids: String = (0..101).map(|i| format!("id=1000{i}&")).collect();
    let first =
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 100";
    let cursor = "Invalid cursor value";
    let clips = "Exactly one of the parameters id, broadcaster_id, game_id must be specified";
    for (path, message) in [
        ("/streams?first=0".to_owned(), first),
        ("/streams?first=101".to_owned(), first),
        ("/streams?first=ten".to_owned(), first),
        ("/streams?after=garbage!!".to_owned(), cursor),
        ("/streams?after=MjA".to_owned(), cursor),
        ("/streams?before=%FF%FE".to_owned(), cursor),
        (
            format!("/users?{ids}"),
            "The parameter \"id\" may be specified at most 100 times",
        ),
        (
            "/users/follows".to_owned(),
            "The \"from_id\" or \"to_id\" query parameter is required",
        ),
        (
            "/games".to_owned(),
            "One of the parameters \"id\", \"name\" or \"igdb_id\" is required",
        ),
        (
            "/channels".to_owned(),
            "Missing required parameter \"broadcaster_id\"",
        ),
        (
            "/search/categories".to_owned(),
            "Missing required parameter \"query\"",
        ),
        (
            "/search/channels?query=user&live_only=maybe".to_owned(),
            "The parameter \"live_only\" was malformed: the value must be a boolean",
        ),
        ("/clips".to_owned(), clips),
        (
            "/clips?broadcaster_id=141981764&game_id=33214".to_owned(),
            clips,
        ),
        (
            "/clips?broadcaster_id=141981764&started_at=yesterday".to_owned(),
            "The parameter \"started_at\" was malformed: the value must be an RFC3339 date-time",
        ),
        (
            "/videos".to_owned(),
            "Exactly one of the parameters id, user_id, game_id must be specified",
        ),
        (
            "/videos?user_id=141981764&period=year".to_owned(),
            "The parameter \"period\" was malformed: the value must be one of all, day, week, month",
        ),
        (
            "/videos?user_id=141981764&sort=random".to_owned(),
            "The parameter \"sort\" was malformed: the value must be one of time, trending, views",
        ),
        (
            "/videos?id=335921245&type=upload".to_owned(),
            "The period, sort, type and language parameters may not be used with id",
        ),
        (
            "/streams?type=rerun".to_owned(),
            "The parameter \"type\" was malformed: the value must be one of all, live",
        ),
    ] {
        let answer = get(&server, &path, &token).await;
        assert_helix_error(&answer, 400, message);
        assert_eq!(answer.json["error"], "Bad Request", "{path}");
    }
    let far = get(
        &server,
        "/clips?game_id=33214&started_at=9999-12-31T23:59:59Z",
        &token,
    )
    .await;
    assert_eq!(far.status, 200, "no overflow on far dates");
    assert!(far.data().is_empty());
    let user = server.issue_user_token("141981764", &["channel:manage:broadcast"]);
    for (body, message) in [
        ("{not json", "The request body is not valid JSON"),
        ("[]", "The request body must be a JSON object"),
        (
            r#"{"delay":"soon"}"#,
            "The request body is malformed: invalid type: string \"soon\", expected an integer",
        ),
        ("{}", "The request must update at least one property"),
        (r#"{"game_id":"nope"}"#, "The game_id is not valid"),
        (r#"{"title":""}"#, "The title may not be empty"),
    ] {
        let answer = helix(
            &server,
            Method::PATCH,
            "/channels?broadcaster_id=141981764",
            &user.access_token,
            Some(body),
        )
        .await;
        assert_helix_error(&answer, 400, message);
    }
}

#[tokio::test]
async fn users_and_email_visibility() {
    let server = MockServer::start().await.unwrap();
    let app = server.issue_app_token().access_token;
    let answer = get(&server, "/users?id=141981764&login=user5&login=USER6", &app).await;
    let users = answer.data();
    assert_eq!(users.len(), 3);
    let dev = &users[0];
    assert_eq!(dev["login"], "twitchdev");
    assert_eq!(dev["display_name"], "TwitchDev");
    assert_eq!(dev["broadcaster_type"], "partner");
    assert_eq!(dev["created_at"], "2016-12-14T20:32:28Z");
    assert_eq!(dev["type"], "");
    assert!(dev.get("email").is_none());
    assert_eq!(users[1]["id"], "10005");

    let with_scope = server.issue_user_token("141981764", &["user:read:email", "user:edit"]);
    let me = get(&server, "/users", &with_scope.access_token).await;
    assert_eq!(me.data()[0]["email"], "not-real@email.com");
    let other = get(&server, "/users?id=10005", &with_scope.access_token).await;
    assert!(other.data()[0].get("email").is_none());

    let put = helix(
        &server,
        Method::PUT,
        "/users?description=BaldAngel",
        &with_scope.access_token,
        None,
    )
    .await;
    assert_eq!(put.status, 200, "{}", put.text);
    assert_eq!(put.data()[0]["description"], "BaldAngel");
    let again = get(&server, "/users?login=twitchdev", &app).await;
    assert_eq!(again.data()[0]["description"], "BaldAngel");
}

#[tokio::test]
async fn channels_read_and_modify() {
    let server = MockServer::start().await.unwrap();
    let app = server.issue_app_token().access_token;
    let answer = get(
        &server,
        "/channels?broadcaster_id=141981764&broadcaster_id=10001",
        &app,
    )
    .await;
    assert_eq!(answer.data().len(), 2);
    let dev = &answer.data()[0];
    assert_eq!(dev["broadcaster_login"], "twitchdev");
    assert_eq!(dev["game_name"], "Science & Technology");
    assert_eq!(dev["content_classification_labels"], serde_json::json!([]));

    let owner = server.issue_user_token("141981764", &["channel:manage:broadcast"]);
    let body = r#"{"game_id":"33214","title":"helicopters","broadcaster_language":"en","tags":["LevelingUp"]}"#;
    let patch = helix(
        &server,
        Method::PATCH,
        "/channels?broadcaster_id=141981764",
        &owner.access_token,
        Some(body),
    )
    .await;
    assert_eq!(patch.status, 204, "{}", patch.text);
    assert!(patch.text.is_empty());
    assert!(patch.header("ratelimit-remaining").is_some());
    let after = get(&server, "/channels?broadcaster_id=141981764", &app).await;
    assert_eq!(after.data()[0]["game_name"], "Fortnite");
    assert_eq!(after.data()[0]["title"], "helicopters");

    let legacy = server.issue_user_token("10001", &["user:edit:broadcast"]);
    let other = helix(
        &server,
        Method::PATCH,
        "/channels?broadcaster_id=141981764",
        &legacy.access_token,
        Some(body),
    )
    .await;
    assert_helix_error(&other, 401, "broadcaster_id");
    let own = helix(
        &server,
        Method::PATCH,
        "/channels?broadcaster_id=10001",
        &legacy.access_token,
        Some(body),
    )
    .await;
    assert_eq!(own.status, 204);

    // Live streams reflect the channel.
    let stream = get(&server, "/streams?user_id=10001", &app).await;
    assert_eq!(stream.data()[0]["title"], "helicopters");
}

#[tokio::test]
async fn games_search_and_follows() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let games = get(&server, "/games?id=33214&name=Just%20Chatting", &token).await;
    assert_eq!(games.data().len(), 2);
    assert!(games.json.get("pagination").is_none());
    let fortnite = games.data().iter().find(|g| g["id"] == "33214").unwrap();
    assert_eq!(fortnite["igdb_id"], "1905");
    assert_eq!(
        fortnite["box_art_url"],
        "https://static-cdn.jtvnw.net/ttv-boxart/33214-{width}x{height}.jpg"
    );

    let top = get(&server, "/games/top?first=10", &token).await;
    assert_eq!(top.data().len(), 10);
    let rest = get(
        &server,
        &format!("/games/top?first=100&after={}", top.cursor().unwrap()),
        &token,
    )
    .await;
    assert!(rest.data().len() >= 20 && rest.cursor().is_none());

    let cats = get(&server, "/search/categories?query=FORT", &token).await;
    assert_eq!(cats.data()[0]["name"], "Fortnite");

    let chans = get(&server, "/search/channels?query=twitchdev", &token).await;
    let hit = &chans.data()[0];
    assert_eq!(hit["broadcaster_login"], "twitchdev");
    assert_eq!(hit["is_live"], false);
    assert_eq!(hit["started_at"], "");
    let live = get(
        &server,
        "/search/channels?query=user1&live_only=true&first=100",
        &token,
    )
    .await;
    assert!(live.data().iter().all(|c| c["is_live"] == true));
    let all = get(&server, "/search/channels?query=user1&first=100", &token).await;
    assert!(all.data().len() > live.data().len());

    let followers = get(&server, "/users/follows?to_id=141981764&first=50", &token).await;
    assert_eq!(followers.json["total"], 80);
    assert_eq!(followers.data().len(), 50);
    let next = get(
        &server,
        &format!(
            "/users/follows?to_id=141981764&first=50&after={}",
            followers.cursor().unwrap()
        ),
        &token,
    )
    .await;
    assert_eq!(next.data().len(), 30);
    assert!(next.cursor().is_none());
    let edge = get(
        &server,
        "/users/follows?from_id=10003&to_id=141981764",
        &token,
    )
    .await;
    assert_eq!(edge.json["total"], 1);
    assert_eq!(edge.data()[0]["to_login"], "twitchdev");
}

#[tokio::test]
async fn booleans_read_like_twitch() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    // Python's spelling, as a widely used Python client sends it.
    let python = get(&server, "/search/channels?query=x&live_only=False", &token).await;
    assert_eq!(python.status, 200, "{}", python.text);

    let search = "/search/channels?query=user1&first=100";
    let everyone = get(&server, search, &token).await.data().len();
    let live = get(&server, &format!("{search}&live_only=true"), &token)
        .await
        .data()
        .len();
    assert!(live < everyone);
    for (text, expected) in [
        ("True", live),
        ("TRUE", live),
        ("tRuE", live),
        ("t", live),
        ("T", live),
        ("1", live),
        ("False", everyone),
        ("FALSE", everyone),
        ("f", everyone),
        ("F", everyone),
        ("0", everyone),
    ] {
        let answer = get(&server, &format!("{search}&live_only={text}"), &token).await;
        assert_eq!(answer.status, 200, "{text}: {}", answer.text);
        assert_eq!(answer.data().len(), expected, "live_only={text}");
    }
    let bad = get(&server, &format!("{search}&live_only=yes"), &token).await;
    assert_helix_error(
        &bad,
        400,
        "The parameter \"live_only\" was malformed: the value must be a boolean",
    );

    // Every boolean parameter reads the same way.
    let featured = get(
        &server,
        "/clips?broadcaster_id=141981764&is_featured=F",
        &token,
    )
    .await;
    assert_eq!(featured.status, 200, "{}", featured.text);
    let clipper = server.issue_user_token("141981764", &["clips:edit"]);
    let clip = helix(
        &server,
        Method::POST,
        "/clips?broadcaster_id=10000&has_delay=False",
        &clipper.access_token,
        None,
    )
    .await;
    assert_eq!(clip.status, 202, "{}", clip.text);
    let reader = server.issue_user_token("141981764", &["channel:read:redemptions"]);
    let rewards = get(
        &server,
        "/channel_points/custom_rewards?broadcaster_id=141981764&only_manageable_rewards=True",
        &reader.access_token,
    )
    .await;
    assert_eq!(rewards.status, 200, "{}", rewards.text);
}

#[tokio::test]
async fn clips_and_videos() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let clips = get(&server, "/clips?broadcaster_id=141981764&first=5", &token).await;
    assert_eq!(clips.status, 200, "{}", clips.text);
    assert_eq!(clips.data().len(), 5);
    assert!(clips
        .data()
        .iter()
        .all(|c| c["broadcaster_id"] == "141981764"));
    let id = clips.data()[0]["id"].as_str().unwrap().to_owned();
    let by_id = get(&server, &format!("/clips?id={id}"), &token).await;
    assert_eq!(
        by_id.data()[0]["url"],
        format!("https://clips.twitch.tv/{id}")
    );
    let since = "2000-01-01T00:00:00Z";
    let windowed = get(
        &server,
        &format!("/clips?game_id=509658&started_at={since}"),
        &token,
    )
    .await;
    assert_eq!(windowed.data().len(), 0, "one week from 2000 holds no clip");

    let video = get(&server, "/videos?id=335921245", &token).await;
    let v = &video.data()[0];
    assert_eq!(v["title"], "Twitch Developers 101");
    assert_eq!(v["stream_id"], serde_json::Value::Null);
    assert_eq!(v["muted_segments"][0]["duration"], 30);
    assert_eq!(video.json["pagination"], serde_json::json!({}));
    let mine = get(
        &server,
        "/videos?user_id=141981764&sort=views&type=all&period=all",
        &token,
    )
    .await;
    let views: Vec<u64> = mine
        .data()
        .iter()
        .map(|v| v["view_count"].as_u64().unwrap())
        .collect();
    assert!(!views.is_empty() && views.windows(2).all(|w| w[0] >= w[1]));
    let day = get(&server, "/videos?user_id=141981764&period=day", &token).await;
    assert!(day.data().len() < mine.data().len());
    let uploads = get(&server, "/videos?user_id=141981764&type=upload", &token).await;
    assert!(uploads.data().iter().all(|v| v["type"] == "upload"));
}
