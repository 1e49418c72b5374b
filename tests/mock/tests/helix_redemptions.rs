//! Channel points: redemptions.

mod common;

use std::collections::HashSet;

use common::{assert_helix_error, get, helix, user_token, walk};
use reqwest::Method;
use twitchapi_mock::seeded::{
    CANCELED_REDEMPTION_ID, FOREIGN_REWARD_ID, REWARD_ID, REWARD_TITLE, TWITCHDEV_ID,
    UNFULFILLED_REDEMPTIONS,
};
use twitchapi_mock::MockServer;

const MANAGE: &[&str] = &["channel:manage:redemptions"];

fn redemptions(extra: &str) -> String {
    format!(
        "/channel_points/custom_rewards/redemptions?broadcaster_id={TWITCHDEV_ID}&reward_id={REWARD_ID}{extra}"
    )
}

#[tokio::test]
async fn redemptions_walk_pages_and_sort() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, &["channel:read:redemptions"]);
    let path = redemptions("&status=UNFULFILLED&first=10");
    let (items, pages) = walk(&server, &path, &token).await;
    assert_eq!(items.len(), UNFULFILLED_REDEMPTIONS);
    assert!(pages > 3, "{pages} pages");
    let ids: HashSet<&str> = items.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), items.len());
    let times: Vec<&str> = items
        .iter()
        .map(|r| r["redeemed_at"].as_str().unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "OLDEST first");
    let first = &items[0];
    assert_eq!(first["status"], "UNFULFILLED");
    assert_eq!(first["reward"]["title"], REWARD_TITLE);
    assert_eq!(first["broadcaster_login"], "twitchdev");

    let newest = get(
        &server,
        &redemptions("&status=UNFULFILLED&sort=NEWEST&first=50"),
        &token,
    )
    .await;
    let newest_first = newest.data()[0]["redeemed_at"].as_str().unwrap();
    assert_eq!(newest_first, *times.last().unwrap());
    assert!(newest.cursor().is_none());

    let by_id = get(
        &server,
        &redemptions(&format!("&id={CANCELED_REDEMPTION_ID}")),
        &token,
    )
    .await;
    assert_eq!(by_id.status, 200, "{}", by_id.text);
    assert_eq!(by_id.data()[0]["status"], "CANCELED");

    let first =
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 50";
    for (extra, message) in [
        (
            "",
            "The status query parameter is required if you don't specify the id query parameter",
        ),
        (
            "&status=DONE",
            "The parameter \"status\" was malformed: the value must be one of UNFULFILLED, FULFILLED, CANCELED",
        ),
        (
            "&status=UNFULFILLED&sort=RANDOM",
            "The parameter \"sort\" was malformed: the value must be one of OLDEST, NEWEST",
        ),
        ("&status=UNFULFILLED&first=51", first),
        ("&status=UNFULFILLED&first=0", first),
        ("&status=UNFULFILLED&after=bogus", "Invalid cursor value"),
    ] {
        assert_helix_error(
            &get(&server, &redemptions(extra), &token).await,
            400,
            message,
        );
    }
    let foreign = format!(
        "/channel_points/custom_rewards/redemptions?broadcaster_id={TWITCHDEV_ID}&reward_id={FOREIGN_REWARD_ID}&status=UNFULFILLED"
    );
    assert_helix_error(
        &get(&server, &foreign, &token).await,
        403,
        "The ID in the Client-Id header must match the client ID used to create the custom reward",
    );
    let no_scope = user_token(&server, TWITCHDEV_ID, &[]);
    let answer = get(&server, &redemptions("&status=UNFULFILLED"), &no_scope).await;
    assert_helix_error(&answer, 401, "Missing scope: channel:read:redemptions");
}

#[tokio::test]
async fn redemption_status_updates() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, MANAGE);
    let open = get(&server, &redemptions("&status=UNFULFILLED&first=3"), &token).await;
    let ids: Vec<String> = open
        .data()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let query: String = ids.iter().map(|id| format!("&id={id}")).collect();
    let path = redemptions(&query);
    let done = helix(
        &server,
        Method::PATCH,
        &path,
        &token,
        Some(r#"{"status":"FULFILLED"}"#),
    )
    .await;
    assert_eq!(done.status, 200, "{}", done.text);
    assert_eq!(done.data().len(), 3);
    assert!(done.data().iter().all(|r| r["status"] == "FULFILLED"));
    let (left, _) = walk(
        &server,
        &redemptions("&status=UNFULFILLED&first=50"),
        &token,
    )
    .await;
    assert_eq!(left.len(), UNFULFILLED_REDEMPTIONS - 3);
    let fulfilled = get(&server, &redemptions("&status=FULFILLED&first=50"), &token).await;
    assert_eq!(fulfilled.data().len(), 6);

    // Only UNFULFILLED redemptions change: none left among these ids.
    let again = helix(
        &server,
        Method::PATCH,
        &path,
        &token,
        Some(r#"{"status":"CANCELED"}"#),
    )
    .await;
    assert_helix_error(&again, 404, "UNFULFILLED");
    let canceled = redemptions(&format!("&id={CANCELED_REDEMPTION_ID}"));
    let answer = helix(
        &server,
        Method::PATCH,
        &canceled,
        &token,
        Some(r#"{"status":"FULFILLED"}"#),
    )
    .await;
    assert_helix_error(
        &answer,
        404,
        "No UNFULFILLED redemptions with the specified ids were found for this reward",
    );

    for (body, message) in [
        (
            r#"{"status":"UNFULFILLED"}"#,
            "The status must be FULFILLED or CANCELED",
        ),
        (
            r#"{"status":"DONE"}"#,
            "The status must be FULFILLED or CANCELED",
        ),
        ("{}", "Missing required field \"status\""),
        ("nope", "The request body is not valid JSON"),
    ] {
        let answer = helix(&server, Method::PATCH, &path, &token, Some(body)).await;
        assert_helix_error(&answer, 400, message);
    }
    let no_ids = helix(
        &server,
        Method::PATCH,
        &redemptions(""),
        &token,
        Some(r#"{"status":"CANCELED"}"#),
    )
    .await;
    assert_helix_error(&no_ids, 400, "\"id\"");
    let too_many: String = (0..51).map(|i| format!("&id=r{i}")).collect();
    let answer = helix(
        &server,
        Method::PATCH,
        &redemptions(&too_many),
        &token,
        Some(r#"{"status":"CANCELED"}"#),
    )
    .await;
    assert_helix_error(
        &answer,
        400,
        "The parameter \"id\" may be specified at most 50 times",
    );
    let reader = user_token(&server, TWITCHDEV_ID, &["channel:read:redemptions"]);
    let answer = helix(
        &server,
        Method::PATCH,
        &path,
        &reader,
        Some(r#"{"status":"CANCELED"}"#),
    )
    .await;
    assert_helix_error(&answer, 401, "Missing scope: channel:manage:redemptions");
    let unknown = format!(
        "/channel_points/custom_rewards/redemptions?broadcaster_id={TWITCHDEV_ID}&reward_id=nope&id=x"
    );
    let answer = helix(
        &server,
        Method::PATCH,
        &unknown,
        &token,
        Some(r#"{"status":"CANCELED"}"#),
    )
    .await;
    assert_helix_error(
        &answer,
        404,
        "The custom reward specified in the id query parameter was not found",
    );
}
