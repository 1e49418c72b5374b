//! Entitlements, extension transactions and webhooks.

mod common;

use common::{app_token, assert_helix_error, get, helix, user_token, walk};
use reqwest::Method;
use twitchapi_mock::seeded::{TRANSACTIONS_EXTENSION_ID, TWITCHDEV_ID};
use twitchapi_mock::MockServer;

#[tokio::test]
async fn code_status_and_redeem() {
    let server = MockServer::start().await.unwrap();
    let app = app_token(&server);
    let path = "/entitlements/codes?user_id=156900877&code=KUHXV-4GXYP-AKAKK&code=XZDDZ-5SIQR-RT5M3&code=AAAAA-BBBBB-CCCCC&code=bad&code=EXPIR-ED000-00001";
    let status = get(&server, path, &app).await;
    assert_eq!(status.status, 200, "{}", status.text);
    let statuses: Vec<&str> = status
        .data()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "UNUSED",
            "ALREADY_CLAIMED",
            "NOT_FOUND",
            "INCORRECT_FORMAT",
            "EXPIRED"
        ]
    );
    assert_eq!(status.data()[0]["code"], "KUHXV-4GXYP-AKAKK");

    let redeem = "/entitlements/codes?user_id=12345&code=KUHXV-4GXYP-AKAKK&code=PUN4G-HYFVP-MMFET";
    let redeemed = helix(&server, Method::POST, redeem, &app, None).await;
    assert_eq!(redeemed.status, 200, "{}", redeemed.text);
    let statuses: Vec<&str> = redeemed
        .data()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["SUCCESSFULLY_REDEEMED", "ALREADY_CLAIMED"]);
    let again = helix(&server, Method::POST, redeem, &app, None).await;
    assert_eq!(again.data()[0]["status"], "ALREADY_CLAIMED");

    let many: String = (0..21)
        .map(|i| format!("&code=AAAAA-BBBBB-{i:05}"))
        .collect();
    for (bad, message) in [
        (
            "/entitlements/codes?code=KUHXV-4GXYP-AKAKK".to_owned(),
            "Missing required parameter \"user_id\"",
        ),
        (
            "/entitlements/codes?user_id=1".to_owned(),
            "Missing required parameter \"code\"",
        ),
        (
            "/entitlements/codes?user_id=abc&code=KUHXV-4GXYP-AKAKK".to_owned(),
            "The parameter \"user_id\" was malformed: the value must be a numeric user ID",
        ),
        (
            "/entitlements/codes?user_id=1&code=".to_owned(),
            "The parameter \"code\" was malformed: the value must not be empty",
        ),
        (
            format!("/entitlements/codes?user_id=1{many}"),
            "The parameter \"code\" may be specified at most 20 times",
        ),
    ] {
        assert_helix_error(&get(&server, &bad, &app).await, 400, message);
        assert_helix_error(
            &helix(&server, Method::POST, &bad, &app, None).await,
            400,
            message,
        );
    }
    let user = user_token(&server, TWITCHDEV_ID, &[]);
    assert_helix_error(&get(&server, path, &user).await, 401, "app access token");
    assert_helix_error(
        &helix(&server, Method::POST, redeem, &user, None).await,
        401,
        "This endpoint requires an app access token",
    );
}

#[tokio::test]
async fn drops_upload_transactions_webhooks() {
    let server = MockServer::start().await.unwrap();
    let app = app_token(&server);
    let user = user_token(&server, TWITCHDEV_ID, &[]);
    let (drops, pages) = walk(&server, "/entitlements/drops?first=7", &app).await;
    assert_eq!((drops.len(), pages), (30, 5));
    assert!(drops[0]["timestamp"].as_str().unwrap().ends_with(".325Z"));
    let mine = get(
        &server,
        "/entitlements/drops?user_id=141981764&game_id=33214",
        &app,
    )
    .await;
    assert!(!mine.data().is_empty());
    assert!(mine
        .data()
        .iter()
        .all(|d| d["user_id"] == TWITCHDEV_ID && d["game_id"] == "33214"));
    let id = drops[3]["id"].as_str().unwrap();
    assert_eq!(
        get(&server, &format!("/entitlements/drops?id={id}"), &app)
            .await
            .data()
            .len(),
        1
    );
    let done = get(
        &server,
        "/entitlements/drops?fulfillment_status=FULFILLED&first=100",
        &app,
    )
    .await;
    assert!(done
        .data()
        .iter()
        .all(|d| d["fulfillment_status"] == "FULFILLED"));
    for (bad, message) in [
        (
            "/entitlements/drops?first=0",
            "The parameter \"first\" was malformed: the value must be an integer between 1 and 1000",
        ),
        (
            "/entitlements/drops?fulfillment_status=LOST",
            "The parameter \"fulfillment_status\" was malformed: the value must be one of CLAIMED, FULFILLED",
        ),
    ] {
        assert_helix_error(&get(&server, bad, &app).await, 400, message);
    }
    // Twitch takes an app or a user token here.
    let by_user = get(&server, "/entitlements/drops", &user).await;
    assert_eq!(by_user.status, 200, "{}", by_user.text);

    let upload = helix(
        &server,
        Method::POST,
        "/entitlements/upload?manifest_id=my-manifest&type=bulk_drops_grant",
        &app,
        None,
    )
    .await;
    assert_eq!(upload.status, 200, "{}", upload.text);
    assert!(upload.data()[0]["url"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let long = "m".repeat(65);
    for (bad, message) in [
        (
            format!("/entitlements/upload?manifest_id={long}&type=bulk_drops_grant"),
            "The manifest_id must be 1 to 64 characters long",
        ),
        (
            "/entitlements/upload?type=bulk_drops_grant".to_owned(),
            "Missing required parameter \"manifest_id\"",
        ),
        (
            "/entitlements/upload?manifest_id=m&type=other".to_owned(),
            "The parameter \"type\" was malformed: the value must be bulk_drops_grant",
        ),
    ] {
        assert_helix_error(
            &helix(&server, Method::POST, &bad, &app, None).await,
            400,
            message,
        );
    }
    let answer = helix(
        &server,
        Method::POST,
        "/entitlements/upload?manifest_id=m&type=bulk_drops_grant",
        &user,
        None,
    )
    .await;
    assert_helix_error(&answer, 401, "This endpoint requires an app access token");

    let path =
        format!("/extensions/transactions?extension_id={TRANSACTIONS_EXTENSION_ID}&first=10");
    let (transactions, pages) = walk(&server, &path, &app).await;
    assert_eq!((transactions.len(), pages), (25, 3));
    let t = &transactions[0];
    assert_eq!(t["product_type"], "BITS_IN_EXTENSION");
    assert_eq!(t["product_data"]["cost"]["type"], "bits");
    assert_eq!(t["product_data"]["inDevelopment"], false);
    assert!(t["product_data"]["displayName"].is_string());
    let id = t["id"].as_str().unwrap();
    let one = get(
        &server,
        &format!("/extensions/transactions?extension_id={TRANSACTIONS_EXTENSION_ID}&id={id}"),
        &app,
    )
    .await;
    assert_eq!(one.data().len(), 1);
    assert_helix_error(
        &get(&server, "/extensions/transactions", &app).await,
        400,
        "extension_id",
    );
    assert_helix_error(
        &get(&server, &path, &user).await,
        401,
        "This endpoint requires an app access token",
    );

    let hooks = get(&server, "/webhooks/subscriptions?first=10", &app).await;
    assert_eq!(hooks.status, 200, "{}", hooks.text);
    assert_eq!(hooks.json["total"], 25);
    assert_eq!(hooks.data().len(), 10);
    assert!(hooks.data()[0]["topic"]
        .as_str()
        .unwrap()
        .starts_with("https://api.twitch.tv/helix/streams?user_id="));
    let (all, _) = walk(&server, "/webhooks/subscriptions?first=10", &app).await;
    assert_eq!(all.len(), 25);
    assert_helix_error(
        &get(&server, "/webhooks/subscriptions?first=101", &app).await,
        400,
        "The parameter \"first\" was malformed: the value must be an integer between 1 and 100",
    );
    assert_helix_error(
        &get(&server, "/webhooks/subscriptions", &user).await,
        401,
        "This endpoint requires an app access token",
    );
}
