//! Get and Delete EventSub Subscriptions: filters, cursor pages, who sees
//! what, deletes.

mod common;
#[path = "eventsub/helix.rs"]
mod helix;
#[path = "eventsub/ws.rs"]
mod ws;

use common::{app_token, assert_helix_error, get, helix as call, user_token};
use helix::{online_ws, subscribe_ws, PATH};
use reqwest::Method;
use serde_json::json;
use twitchapi_mock::{seeded, MockServer};
use ws::session;

const ME: &str = seeded::TWITCHDEV_ID;
const OTHER: &str = seeded::LIVE_USER_ID;

#[tokio::test]
async fn list_filters_pages_and_deletes() {
    let server = MockServer::start().await.unwrap();
    let token = user_token(&server, ME, &["moderator:read:followers"]);
    let (_ws, s) = session(&server.eventsub_ws_url()).await;
    let mut ids = Vec::new();
    for broadcaster in [ME, OTHER, "3", "4"] {
        ids.push(online_ws(&server, &token, broadcaster, &s).await);
    }
    let follow = subscribe_ws(
        &server,
        &token,
        "channel.follow",
        "2",
        json!({"broadcaster_user_id": ME, "moderator_user_id": ME}),
        &s,
    )
    .await;
    ids.push(follow.clone());

    let all = get(&server, PATH, &token).await;
    assert_eq!(all.status, 200, "{}", all.text);
    let listed: Vec<&str> = all
        .data()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ids, "oldest first");
    assert_eq!(all.json["total"], 5);
    assert_eq!(all.json["total_cost"], 3);
    assert_eq!(all.json["max_total_cost"], 10);
    assert_eq!(all.json["pagination"], json!({}));

    let of_type = get(&server, &format!("{PATH}?type=channel.follow"), &token).await;
    assert_eq!(of_type.data().len(), 1);
    assert_eq!(of_type.json["total"], 5, "total counts all");
    let of_user = get(&server, &format!("{PATH}?user_id={ME}"), &token).await;
    assert_eq!(of_user.data().len(), 2);
    let one = get(
        &server,
        &format!("{PATH}?subscription_id={}", ids[2]),
        &token,
    )
    .await;
    assert_eq!(one.data()[0]["id"], ids[2].as_str());
    let enabled = get(&server, &format!("{PATH}?status=enabled"), &token).await;
    assert_eq!(enabled.data().len(), 5);
    let none = get(
        &server,
        &format!("{PATH}?status=authorization_revoked"),
        &token,
    )
    .await;
    assert!(none.data().is_empty());
    assert_helix_error(
        &get(&server, &format!("{PATH}?status=happy"), &token).await,
        400,
        "status",
    );
    assert_helix_error(
        &get(
            &server,
            &format!("{PATH}?type=stream.online&user_id={ME}"),
            &token,
        )
        .await,
        400,
        "Only one of the filters",
    );
    assert_helix_error(
        &get(&server, &format!("{PATH}?after=garbage"), &token).await,
        400,
        "cursor",
    );

    server.set_eventsub_page_size(2);
    let (pages, count) = common::walk(&server, &format!("{PATH}?"), &token).await;
    assert_eq!(count, 3);
    let walked: Vec<&str> = pages.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(walked, ids);
    let filtered = get(&server, &format!("{PATH}?type=stream.online"), &token).await;
    assert_eq!(filtered.data().len(), 2);
    let cursor = filtered.cursor().expect("a next page");
    let next = get(
        &server,
        &format!("{PATH}?type=stream.online&after={cursor}"),
        &token,
    )
    .await;
    assert_eq!(next.data().len(), 2);
    assert!(next.cursor().is_none());

    // App tokens see the client's webhook subscriptions; other users their own.
    let app = get(&server, PATH, &app_token(&server)).await;
    assert_eq!(app.status, 200);
    assert!(app.data().is_empty());
    assert_eq!(app.json["max_total_cost"], 10000);
    let other = user_token(&server, OTHER, &[]);
    assert!(get(&server, PATH, &other).await.data().is_empty());

    // Delete: 204 for own, 404 for unknown or someone else's, 400 without id.
    let path = format!("{PATH}?id={follow}");
    assert_helix_error(
        &call(&server, Method::DELETE, &path, &other, None).await,
        404,
        "not found",
    );
    assert_eq!(
        call(&server, Method::DELETE, &path, &token, None)
            .await
            .status,
        204
    );
    assert_helix_error(
        &call(&server, Method::DELETE, &path, &token, None).await,
        404,
        "not found",
    );
    assert_helix_error(
        &call(&server, Method::DELETE, PATH, &token, None).await,
        400,
        "id",
    );
    assert_eq!(server.eventsub_subscriptions().len(), 4);
    assert_eq!(server.eventsub_trigger("channel.follow", "2").await, 0);
}
