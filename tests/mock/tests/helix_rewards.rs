//! Channel points: custom rewards.

mod common;

use common::{app_token, assert_helix_error, get, helix, user_token};
use reqwest::Method;
use twitchapi_mock::seeded::{FOREIGN_REWARD_ID, REWARD_ID, REWARD_TITLE, TWITCHDEV_ID};
use twitchapi_mock::MockServer;

const REWARDS: &str = "/channel_points/custom_rewards?broadcaster_id=141981764";
const MANAGE: &[&str] = &["channel:manage:redemptions"];

#[tokio::test]
async fn reward_create_update_list_delete_round_trip() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MANAGE);
    let body = r##"{"title":"game analysis 1v1","cost":50000,"prompt":"","is_enabled":true,"background_color":"#00E5CB","is_max_per_stream_enabled":false}"##;
    let created = helix(&server, Method::POST, REWARDS, &token, Some(body)).await;
    assert_eq!(created.status, 200, "{}", created.text);
    let reward = &created.data()[0];
    assert_eq!(reward["title"], "game analysis 1v1");
    assert_eq!(reward["cost"], 50000);
    assert_eq!(reward["broadcaster_login"], "twitchdev");
    assert_eq!(reward["image"], serde_json::Value::Null);
    assert_eq!(
        reward["redemptions_redeemed_current_stream"],
        serde_json::Value::Null
    );
    assert_eq!(reward["max_per_stream_setting"]["is_enabled"], false);
    assert!(reward["default_image"]["url_4x"].is_string());
    let id = reward["id"].as_str().unwrap().to_owned();
    assert_eq!(id.len(), 36);

    let patch = format!("{REWARDS}&id={id}");
    let update =
        r#"{"is_enabled":false,"cost":30000,"is_max_per_stream_enabled":true,"max_per_stream":60}"#;
    let updated = helix(&server, Method::PATCH, &patch, &token, Some(update)).await;
    assert_eq!(updated.status, 200, "{}", updated.text);
    let reward = &updated.data()[0];
    assert_eq!(reward["is_enabled"], false);
    assert_eq!(reward["cost"], 30000);
    assert_eq!(reward["max_per_stream_setting"]["max_per_stream"], 60);
    assert_eq!(reward["title"], "game analysis 1v1");

    let listed = get(&server, &format!("{REWARDS}&id={id}"), &token).await;
    assert_eq!(listed.status, 200, "{}", listed.text);
    assert_eq!(listed.data().len(), 1);
    assert_eq!(listed.data()[0]["cost"], 30000);
    let all = get(&server, REWARDS, &token).await;
    assert_eq!(all.data().len(), 3);
    let mine = get(
        &server,
        &format!("{REWARDS}&only_manageable_rewards=true"),
        &token,
    )
    .await;
    let ids: Vec<&str> = mine
        .data()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [REWARD_ID, id.as_str()]);

    let deleted = helix(&server, Method::DELETE, &patch, &token, None).await;
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    assert!(deleted.text.is_empty());
    let gone = get(&server, &format!("{REWARDS}&id={id}"), &token).await;
    assert_helix_error(
        &gone,
        404,
        "All of the custom rewards specified in the id query parameter were not found",
    );
    let again = helix(&server, Method::DELETE, &patch, &token, None).await;
    assert_helix_error(&again, 404, "not found");
    assert_eq!(again.json["error"], "Not Found");
}

#[tokio::test]
async fn reward_rules() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MANAGE);
    let long_title = format!(r#"{{"title":"{}","cost":1}}"#, "t".repeat(46));
    let long_prompt = format!(r#"{{"title":"x","cost":1,"prompt":"{}"}}"#, "p".repeat(201));
    let title = "The title must be 1 to 45 characters long";
    for (body, message) in [
        ("{not json", "The request body is not valid JSON"),
        ("[]", "The request body must be a JSON object"),
        (r#"{"cost":10}"#, "Missing required field \"title\""),
        (r#"{"title":"x"}"#, "Missing required field \"cost\""),
        (r#"{"title":"","cost":1}"#, title),
        (long_title.as_str(), title),
        (
            long_prompt.as_str(),
            "The prompt may not be longer than 200 characters",
        ),
        (r#"{"title":"x","cost":0}"#, "The cost must be at least 1"),
        (
            r#"{"title":"x","cost":"ten"}"#,
            "The request body is malformed: invalid type: string \"ten\", expected an integer",
        ),
        (
            r#"{"title":"x","cost":1,"background_color":"red"}"#,
            "The background_color must be a hex color like #00E5CB",
        ),
        (
            r#"{"title":"x","cost":1,"is_max_per_stream_enabled":true}"#,
            "The max_per_stream field is required when is_max_per_stream_enabled is true",
        ),
        (
            r#"{"title":"x","cost":1,"is_global_cooldown_enabled":true,"global_cooldown_seconds":0}"#,
            "The global_cooldown_seconds must be between 1 and 604800",
        ),
        (
            r#"{"title":"x","cost":1,"max_per_user_per_stream":-1}"#,
            "The max_per_user_per_stream must be between 1 and 9223372036854775807",
        ),
    ] {
        let answer = helix(&server, Method::POST, REWARDS, &token, Some(body)).await;
        assert_helix_error(&answer, 400, message);
    }
    let dup = format!(r#"{{"title":"{}","cost":5}}"#, REWARD_TITLE.to_uppercase());
    let answer = helix(&server, Method::POST, REWARDS, &token, Some(&dup)).await;
    assert_helix_error(&answer, 400, "CREATE_CUSTOM_REWARD_DUPLICATE_REWARD");

    let ok = r#"{"title":"x","cost":1}"#;
    let app = app_token(&server);
    let answer = helix(&server, Method::POST, REWARDS, &app, Some(ok)).await;
    assert_helix_error(&answer, 401, "Missing User OAUTH Token");
    let reader = user_token(&server, TWITCHDEV_ID, &["channel:read:redemptions"]);
    let answer = helix(&server, Method::POST, REWARDS, &reader, Some(ok)).await;
    assert_helix_error(&answer, 401, "Missing scope: channel:manage:redemptions");
    let other = user_token(&server, "10001", MANAGE);
    let answer = helix(&server, Method::POST, REWARDS, &other, Some(ok)).await;
    assert_helix_error(&answer, 401, "broadcaster_id");
    let plain = "/channel_points/custom_rewards?broadcaster_id=10001";
    let answer = helix(&server, Method::POST, plain, &other, Some(ok)).await;
    assert_helix_error(&answer, 403, "partner or affiliate");

    let ids: String = (0..51).map(|i| format!("&id={i}")).collect();
    let answer = get(&server, &format!("{REWARDS}{ids}"), &token).await;
    assert_helix_error(
        &answer,
        400,
        "The parameter \"id\" may be specified at most 50 times",
    );
    let answer = get(
        &server,
        &format!("{REWARDS}&only_manageable_rewards=yes"),
        &token,
    )
    .await;
    assert_helix_error(
        &answer,
        400,
        "The parameter \"only_manageable_rewards\" was malformed: the value must be a boolean",
    );
}

#[tokio::test]
async fn reward_update_and_delete_errors() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MANAGE);
    let unknown = format!("{REWARDS}&id=00000000-0000-4000-8000-000000000000");
    let patch = helix(
        &server,
        Method::PATCH,
        &unknown,
        &token,
        Some(r#"{"cost":5}"#),
    )
    .await;
    assert_helix_error(
        &patch,
        404,
        "The custom reward specified in the id query parameter was not found",
    );
    assert_eq!(patch.json["error"], "Not Found");
    let delete = helix(&server, Method::DELETE, &unknown, &token, None).await;
    assert_helix_error(
        &delete,
        404,
        "The custom reward specified in the id query parameter was not found",
    );

    let foreign = format!("{REWARDS}&id={FOREIGN_REWARD_ID}");
    let patch = helix(
        &server,
        Method::PATCH,
        &foreign,
        &token,
        Some(r#"{"cost":5}"#),
    )
    .await;
    assert_helix_error(&patch, 403, "Client-Id");
    assert_eq!(patch.json["error"], "Forbidden");
    let delete = helix(&server, Method::DELETE, &foreign, &token, None).await;
    assert_helix_error(
        &delete,
        403,
        "The ID in the Client-Id header must match the client ID used to create the custom reward",
    );

    let seeded = format!("{REWARDS}&id={REWARD_ID}");
    let dup = helix(
        &server,
        Method::PATCH,
        &seeded,
        &token,
        Some(r#"{"title":"Hydrate!"}"#),
    )
    .await;
    assert_helix_error(&dup, 400, "DUPLICATE");
    let same = helix(
        &server,
        Method::PATCH,
        &seeded,
        &token,
        Some(r#"{"title":"game analysis"}"#),
    )
    .await;
    assert_eq!(same.status, 200, "{}", same.text);
    let bad = helix(
        &server,
        Method::PATCH,
        &seeded,
        &token,
        Some(r#"{"prompt":5}"#),
    )
    .await;
    assert_helix_error(
        &bad,
        400,
        "The request body is malformed: invalid type: integer `5`, expected a string",
    );
    let missing = helix(&server, Method::DELETE, REWARDS, &token, None).await;
    assert_helix_error(&missing, 400, "\"id\"");
}
