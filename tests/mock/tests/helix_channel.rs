//! Subscriptions and Hype Train events.

mod common;

use common::{app_token, assert_helix_error, get, user_token, walk};
use twitchapi_mock::seeded::TWITCHDEV_ID;
use twitchapi_mock::MockServer;

#[tokio::test]
async fn subscriptions_total_and_points() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, &["channel:read:subscriptions"]);
    let page = get(&server, "/subscriptions?broadcaster_id=141981764", &token).await;
    assert_eq!(page.status, 200, "{}", page.text);
    assert_eq!(page.json["total"], 45);
    assert_eq!(page.data().len(), 20);
    assert!(page.cursor().is_some());
    let (all, _) = walk(
        &server,
        "/subscriptions?broadcaster_id=141981764&first=100",
        &token,
    )
    .await;
    let points: u64 = all
        .iter()
        .map(|s| match s["tier"].as_str().unwrap() {
            "3000" => 6,
            "2000" => 2,
            _ => 1,
        })
        .sum();
    assert_eq!(page.json["points"], points);
    let gift = all.iter().find(|s| s["is_gift"] == true).unwrap();
    assert_eq!(gift["gifter_login"], "user150");
    assert_eq!(
        all[0]["plan_name"],
        "Channel Subscription (twitchdev): $24.99 Sub"
    );
    let one = get(
        &server,
        "/subscriptions?broadcaster_id=141981764&user_id=10001",
        &token,
    )
    .await;
    assert_eq!(one.data().len(), 1);
    assert_eq!(one.json["total"], 45);

    let app = app_token(&server);
    assert_helix_error(
        &get(&server, "/subscriptions?broadcaster_id=141981764", &app).await,
        401,
        "Missing User OAUTH Token",
    );
    let other = get(&server, "/subscriptions?broadcaster_id=10000", &token).await;
    assert_helix_error(
        &other,
        401,
        "The ID in broadcaster_id must match the user ID found in the request's OAuth token",
    );
    let ids: String = (0..101).map(|i| format!("&user_id={i}")).collect();
    let answer = get(
        &server,
        &format!("/subscriptions?broadcaster_id=141981764{ids}"),
        &token,
    )
    .await;
    assert_helix_error(
        &answer,
        400,
        "The parameter \"user_id\" may be specified at most 100 times",
    );
}

#[tokio::test]
async fn hype_train_events() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, TWITCHDEV_ID, &["channel:read:hype_train"]);
    let first = get(
        &server,
        "/hypetrain/events?broadcaster_id=141981764",
        &token,
    )
    .await;
    assert_eq!(first.status, 200, "{}", first.text);
    assert_eq!(first.data().len(), 1, "first defaults to 1");
    let event = &first.data()[0];
    assert_eq!(event["event_type"], "hypetrain.progression");
    let contribution = &event["event_data"]["last_contribution"];
    assert!(["BITS", "SUBS"].contains(&contribution["type"].as_str().unwrap()));
    assert!(event["event_data"]["top_contributions"].is_array());
    let (all, pages) = walk(
        &server,
        "/hypetrain/events?broadcaster_id=141981764&first=2",
        &token,
    )
    .await;
    assert_eq!((all.len(), pages), (5, 3));
    let id = all[3]["id"].as_str().unwrap();
    let by_id = get(
        &server,
        &format!("/hypetrain/events?broadcaster_id=141981764&id={id}"),
        &token,
    )
    .await;
    assert_eq!(by_id.data()[0]["id"], id);

    let bad = get(
        &server,
        "/hypetrain/events?broadcaster_id=141981764&first=101",
        &token,
    )
    .await;
    assert_helix_error(
        &bad,
        400,
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 100",
    );
    let other = get(&server, "/hypetrain/events?broadcaster_id=10000", &token).await;
    assert_helix_error(
        &other,
        401,
        "The ID in broadcaster_id must match the user ID found in the request's OAuth token",
    );
    let plain = user_token(&server, "10001", &["channel:read:hype_train"]);
    let none = get(&server, "/hypetrain/events?broadcaster_id=10001", &plain).await;
    assert!(none.data().is_empty());
}
