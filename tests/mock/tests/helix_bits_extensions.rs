//! Bits, analytics and user extensions.

mod common;

use common::{app_token, assert_helix_error, get, helix, user_token};
use reqwest::Method;
use twitchapi_mock::seeded::{PANEL_EXTENSION_ID, TWITCHDEV_ID};
use twitchapi_mock::MockServer;

#[tokio::test]
async fn bits_leaderboard_and_cheermotes() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, &["bits:read"]);
    let all = get(&server, "/bits/leaderboard", &token).await;
    assert_eq!(all.status, 200, "{}", all.text);
    assert_eq!(all.data().len(), 10);
    assert_eq!(all.json["total"], 10);
    assert_eq!(all.json["date_range"]["started_at"], "");
    assert_eq!(all.data()[0]["rank"], 1);
    let scores: Vec<u64> = all
        .data()
        .iter()
        .map(|e| e["score"].as_u64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]));
    let week = get(
        &server,
        "/bits/leaderboard?count=2&period=week&started_at=2018-02-05T08:00:00Z",
        &token,
    )
    .await;
    assert_eq!(week.data().len(), 2);
    assert_eq!(
        week.json["date_range"]["started_at"],
        "2018-02-05T08:00:00Z"
    );
    assert_eq!(week.json["date_range"]["ended_at"], "2018-02-12T08:00:00Z");
    let one = get(&server, "/bits/leaderboard?user_id=100012", &token).await;
    assert_eq!(one.data().len(), 1);
    for (bad, message) in [
        (
            "count=0",
            "The parameter \"count\" was malformed: the value must be an integer between 1 and 100",
        ),
        (
            "count=101",
            "The parameter \"count\" was malformed: the value must be an integer between 1 and 100",
        ),
        (
            "period=decade",
            "The parameter \"period\" was malformed: the value must be one of all, day, week, month, year",
        ),
        (
            "started_at=yesterday",
            "The parameter \"started_at\" was malformed: the value must be an RFC3339 date-time",
        ),
    ] {
        assert_helix_error(
            &get(&server, &format!("/bits/leaderboard?{bad}"), &token).await,
            400,
            message,
        );
    }
    let no_scope = user_token(&server, TWITCHDEV_ID, &[]);
    assert_helix_error(
        &get(&server, "/bits/leaderboard", &no_scope).await,
        401,
        "Missing scope: bits:read",
    );

    let app = app_token(&server);
    let cheers = get(&server, "/bits/cheermotes?broadcaster_id=141981764", &app).await;
    assert_eq!(cheers.status, 200, "{}", cheers.text);
    let first = &cheers.data()[0];
    assert_eq!(first["type"], "channel_custom");
    let tier = &first["tiers"][0];
    assert_eq!(tier["min_bits"], 1);
    assert!(tier["images"]["dark"]["animated"]["1.5"]
        .as_str()
        .unwrap()
        .ends_with(".gif"));
    assert!(cheers
        .data()
        .iter()
        .any(|c| c["prefix"] == "Cheer" && c["type"] == "global_first_party"));
    let plain = get(&server, "/bits/cheermotes?broadcaster_id=10001", &token).await;
    assert!(plain.data().iter().all(|c| c["type"] != "channel_custom"));
    assert_helix_error(
        &get(&server, "/bits/cheermotes", &app).await,
        400,
        "broadcaster_id",
    );
}

#[tokio::test]
async fn extension_and_game_analytics() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(
        &server,
        TWITCHDEV_ID,
        &["analytics:read:extensions", "analytics:read:games"],
    );
    let ext = get(&server, "/analytics/extensions?first=2", &token).await;
    assert_eq!(ext.status, 200, "{}", ext.text);
    assert_eq!(ext.data().len(), 2);
    assert!(ext.cursor().is_some());
    let report = &ext.data()[0];
    assert!(report["URL"].as_str().unwrap().starts_with("https://"));
    assert_eq!(report["type"], "overview_v2");
    assert!(report["date_range"]["started_at"]
        .as_str()
        .unwrap()
        .ends_with("T00:00:00Z"));
    let one = get(
        &server,
        &format!("/analytics/extensions?extension_id={PANEL_EXTENSION_ID}&type=overview_v1"),
        &token,
    )
    .await;
    assert_eq!(one.data()[0]["type"], "overview_v1");
    let game = get(&server, "/analytics/games?game_id=33214&started_at=2018-01-01T00:00:00Z&ended_at=2018-03-01T00:00:00Z", &token).await;
    assert_eq!(game.status, 200, "{}", game.text);
    assert_eq!(game.data()[0]["game_id"], "33214");
    assert_eq!(
        game.data()[0]["date_range"]["ended_at"],
        "2018-03-01T00:00:00Z"
    );

    for (bad, message) in [
        (
            "/analytics/extensions?started_at=2018-01-01T00:00:00Z",
            "The started_at and ended_at parameters must be specified together",
        ),
        (
            "/analytics/extensions?type=overview_v9",
            "The parameter \"type\" was malformed: the value must be one of overview_v2, overview_v1",
        ),
        (
            "/analytics/games?first=0",
            "The parameter \"first\" was malformed: the value must be an integer between 1 and 100",
        ),
        (
            "/analytics/games?ended_at=2018-01-01T00:00:00Z",
            "The started_at and ended_at parameters must be specified together",
        ),
        (
            "/analytics/games?started_at=2018-03-01T00:00:00Z&ended_at=2018-01-01T00:00:00Z",
            "The started_at date must be before the ended_at date",
        ),
    ] {
        assert_helix_error(&get(&server, bad, &token).await, 400, message);
    }
    assert_helix_error(
        &get(&server, "/analytics/games?game_id=0", &token).await,
        404,
        "The game specified in the game_id query parameter was not found",
    );
    let games_only = user_token(&server, TWITCHDEV_ID, &["analytics:read:games"]);
    let answer = get(&server, "/analytics/extensions", &games_only).await;
    assert_helix_error(&answer, 401, "Missing scope: analytics:read:extensions");
}

#[tokio::test]
async fn user_extensions_list_active_update() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(
        &server,
        TWITCHDEV_ID,
        &["user:read:broadcast", "user:edit:broadcast"],
    );
    let list = get(&server, "/users/extensions/list", &token).await;
    assert_eq!(list.status, 200, "{}", list.text);
    assert_eq!(list.data().len(), 6);
    assert_eq!(
        list.data()[2]["type"],
        serde_json::json!(["mobile", "panel"])
    );

    let active = get(&server, "/users/extensions", &token).await;
    assert_eq!(active.status, 200, "{}", active.text);
    assert_eq!(active.json["data"]["panel"]["1"]["name"], "TopClip");
    assert_eq!(
        active.json["data"]["component"]["2"],
        serde_json::json!({"active": false})
    );
    assert_eq!(active.json["data"]["component"]["1"]["x"], 0);

    let body = r#"{"data":{"panel":{"1":{"active":false}},"overlay":{"1":{"active":true,"id":"d4uvtfdr04uq6raoenvj7m86gdk16v","version":"2.0.2"}}}}"#;
    let updated = helix(
        &server,
        Method::PUT,
        "/users/extensions",
        &token,
        Some(body),
    )
    .await;
    assert_eq!(updated.status, 200, "{}", updated.text);
    assert_eq!(
        updated.json["data"]["panel"]["1"],
        serde_json::json!({"active": false})
    );
    assert_eq!(
        updated.json["data"]["overlay"]["1"]["name"],
        "Prime Subscription and Loot Reminder"
    );
    assert_eq!(
        updated.json["data"]["panel"]["2"]["active"], true,
        "other slots kept"
    );
    let reread = get(&server, "/users/extensions?user_id=141981764", &token).await;
    assert_eq!(reread.json, updated.json);

    let no_data = "The request body must contain a \"data\" object";
    for (bad, message) in [
        (r#"{"data":[]}"#, no_data),
        (r#"{"panel":{}}"#, no_data),
        (
            r#"{"data":{"sidebar":{}}}"#,
            "Unknown extension type \"sidebar\"",
        ),
        (
            r#"{"data":{"panel":{"4":{"active":false}}}}"#,
            "Invalid panel slot \"4\"",
        ),
        (
            r#"{"data":{"panel":{"1":{"active":true}}}}"#,
            "The active panel slot \"1\" must specify an id and a version",
        ),
        (
            r#"{"data":{"panel":{"1":{"active":true,"id":"unknown","version":"1.0.0"}}}}"#,
            "The extension unknown version 1.0.0 is not installed",
        ),
        (
            r#"{"data":{"overlay":{"1":{"active":true,"id":"wi08ebtatdc7oj83wtl9uxwz807l8b","version":"1.1.8"}}}}"#,
            "The extension wi08ebtatdc7oj83wtl9uxwz807l8b cannot be activated as overlay",
        ),
        ("nope", "The request body is not valid JSON"),
    ] {
        let answer = helix(&server, Method::PUT, "/users/extensions", &token, Some(bad)).await;
        assert_helix_error(&answer, 400, message);
    }
    let app = app_token(&server);
    assert_helix_error(
        &get(&server, "/users/extensions/list", &app).await,
        401,
        "Missing User OAUTH Token",
    );
    let reader = user_token(&server, TWITCHDEV_ID, &["user:read:broadcast"]);
    let answer = helix(
        &server,
        Method::PUT,
        "/users/extensions",
        &reader,
        Some(body),
    )
    .await;
    assert_helix_error(&answer, 401, "Missing scope: user:edit:broadcast");
    // Active extensions need no scope, and an app token names the user.
    let no_scope = user_token(&server, TWITCHDEV_ID, &[]);
    let own = get(&server, "/users/extensions", &no_scope).await;
    assert_eq!(own.json, reread.json, "{}", own.text);
    let by_app = get(&server, "/users/extensions?user_id=141981764", &app).await;
    assert_eq!(by_app.json, reread.json, "{}", by_app.text);
    assert_helix_error(
        &get(&server, "/users/extensions", &app).await,
        400,
        "user_id",
    );
}
