//! The admin API (`/mock/...`): every switch of `MockServer` over HTTP.

mod common;

use std::time::{Duration, Instant};

use common::{answer, client, get, token_request, Answer};
use twitchapi_mock::{seeded, MockServer};

async fn admin(server: &MockServer, method: reqwest::Method, path: &str) -> Answer {
    let url = format!("{}{}", server.url(), path);
    answer(client().request(method, url).send().await.expect("send")).await
}

async fn post(server: &MockServer, path: &str) -> Answer {
    admin(server, reqwest::Method::POST, path).await
}

async fn count(server: &MockServer, query: &str) -> u64 {
    let a = admin(
        server,
        reqwest::Method::GET,
        &format!("/mock/requests/count?{query}"),
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.text);
    a.json["count"].as_u64().expect("count")
}

#[tokio::test]
async fn user_token_is_issued_expired_refreshed_and_counted() {
    let server = MockServer::start().await.unwrap();
    let issued = post(
        &server,
        &format!(
            "/mock/users/{}/token?scopes=user:read:email,bits:read",
            seeded::TWITCHDEV_ID
        ),
    )
    .await;
    assert_eq!(issued.status, 200, "{}", issued.text);
    assert_eq!(issued.json["expires_in"], 3600);
    assert_eq!(
        issued.json["scope"],
        serde_json::json!(["user:read:email", "bits:read"])
    );
    let token = issued.json["access_token"].as_str().unwrap().to_owned();
    let refresh = issued.json["refresh_token"].as_str().unwrap().to_owned();

    let users = get(&server, "/users", &token).await;
    assert_eq!(users.status, 200, "{}", users.text);
    assert_eq!(users.data()[0]["id"], seeded::TWITCHDEV_ID);

    assert_eq!(
        post(&server, &format!("/mock/tokens/{token}/expire"))
            .await
            .status,
        204
    );
    assert_eq!(get(&server, "/users", &token).await.status, 401);

    let refreshed = token_request(
        &server,
        &[
            ("client_id", server.client_id()),
            ("client_secret", server.client_secret()),
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
        ],
    )
    .await;
    assert_eq!(refreshed.status, 200, "{}", refreshed.text);

    // admin requests are not recorded; the mock's own are
    assert_eq!(count(&server, "method=GET&path=/helix/users").await, 2);
    assert_eq!(count(&server, "method=post&path=/oauth2/token").await, 1);
    assert_eq!(
        count(
            &server,
            "method=POST&path=/oauth2/token&grant_type=refresh_token"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &server,
            "method=POST&path=/oauth2/token&grant_type=client_credentials"
        )
        .await,
        0
    );
    assert_eq!(server.count("POST", "/mock/requests/clear"), 0);
    assert_eq!(post(&server, "/mock/requests/clear").await.status, 204);
    assert_eq!(count(&server, "method=GET&path=/helix/users").await, 0);

    // a revoked refresh token no longer refreshes
    let other = server.issue_user_token(seeded::TWITCHDEV_ID, &[]);
    let other_refresh = other.refresh_token.unwrap();
    let revoked = post(
        &server,
        &format!("/mock/refresh_tokens/{other_refresh}/revoke"),
    )
    .await;
    assert_eq!(revoked.status, 204);
    let refused = token_request(
        &server,
        &[
            ("client_id", server.client_id()),
            ("client_secret", server.client_secret()),
            ("grant_type", "refresh_token"),
            ("refresh_token", &other_refresh),
        ],
    )
    .await;
    assert_eq!(refused.status, 400);
}

#[tokio::test]
async fn app_token_faults_delays_and_rate_limits() {
    let server = MockServer::start().await.unwrap();
    let app = post(&server, "/mock/app_token").await;
    assert_eq!(app.status, 200, "{}", app.text);
    assert!(app.json["refresh_token"].is_null());
    let token = app.json["access_token"].as_str().unwrap().to_owned();
    let games = "/games?id=33214";

    let fault = post(&server, "/mock/faults?path=/helix/games&status=503&times=2").await;
    assert_eq!(fault.status, 204);
    assert_eq!(get(&server, games, &token).await.status, 503);
    assert_eq!(get(&server, games, &token).await.status, 503);
    assert_eq!(get(&server, games, &token).await.status, 200);
    // `times` defaults to one
    post(&server, "/mock/faults?path=/helix/games&status=429").await;
    let limited = get(&server, games, &token).await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("ratelimit-remaining"), Some("0"));
    assert_eq!(get(&server, games, &token).await.status, 200);

    // a reset connection: no answer at all, and the next request is fine again
    assert_eq!(
        post(&server, "/mock/faults?path=/helix/games&kind=reset")
            .await
            .status,
        204
    );
    let url = format!("{}{games}", server.helix_url());
    let reset = client()
        .get(&url)
        .bearer_auth(&token)
        .header("Client-Id", server.client_id())
        .send()
        .await;
    assert!(reset.is_err(), "{reset:?}");
    assert_eq!(get(&server, games, &token).await.status, 200);

    post(&server, "/mock/delays?path=/helix/games&ms=300").await;
    let start = Instant::now();
    assert_eq!(get(&server, games, &token).await.status, 200);
    assert!(start.elapsed() >= Duration::from_millis(300));
    post(&server, "/mock/delays?path=/helix/games&ms=0").await;

    assert_eq!(
        post(&server, "/mock/rate_limit?bucket=2&refill_ms=60000")
            .await
            .status,
        204
    );
    let first = get(&server, games, &token).await;
    assert_eq!(first.header("ratelimit-limit"), Some("2"));
    assert_eq!(first.header("ratelimit-remaining"), Some("1"));
    assert_eq!(post(&server, "/mock/rate_limit/drain").await.status, 204);
    assert_eq!(get(&server, games, &token).await.status, 429);
}

#[tokio::test]
async fn bad_parameters_answer_400_with_a_json_body() {
    let server = MockServer::start().await.unwrap();
    for path in [
        "/mock/faults?path=/helix/users",
        "/mock/faults?path=/helix/users&status=abc",
        "/mock/rate_limit?bucket=-1&refill_ms=10",
        "/mock/delays?ms=10",
        "/mock/faults?path=/helix/users&kind=explode",
        "/mock/faults?path=/helix/users&kind=drop&status=500",
    ] {
        let a = post(&server, path).await;
        assert_eq!(a.status, 400, "{path}: {}", a.text);
        assert_eq!(a.json["status"], 400, "{path}");
    }
    let a = admin(
        &server,
        reqwest::Method::GET,
        "/mock/requests/count?method=GET",
    )
    .await;
    assert_eq!(a.status, 400);
    // the wrong method on an admin route
    let a = admin(&server, reqwest::Method::GET, "/mock/requests/clear").await;
    assert_eq!(a.status, 405);
}
