//! Helix common behaviour: auth errors, scopes, rate limits, faults, 404.

mod common;

use std::time::Duration;

use common::{answer, assert_helix_error, client, get, helix, unix_now};
use reqwest::Method;
use twitchapi_mock::{MockConfig, MockServer};

#[tokio::test]
async fn auth_errors() {
    let server = MockServer::start().await.unwrap();
    let url = format!("{}/users?id=141981764", server.helix_url());
    let no_token = answer(
        client()
            .get(&url)
            .header("Client-Id", server.client_id())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_helix_error(&no_token, 401, "OAuth token is missing");
    assert_eq!(no_token.json["error"], "Unauthorized");

    let invalid = get(&server, "/users?id=141981764", "bogus").await;
    assert_helix_error(&invalid, 401, "Invalid OAuth token");

    let token = server.issue_app_token().access_token;
    let mismatch = answer(
        client()
            .get(&url)
            .bearer_auth(&token)
            .header("Client-Id", "another-client")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_helix_error(&mismatch, 401, "Client ID and OAuth token do not match");
    assert!(mismatch.header("ratelimit-limit").is_some());

    let no_client = answer(client().get(&url).bearer_auth(&token).send().await.unwrap()).await;
    assert_helix_error(&no_client, 401, "Client ID is missing");
}

#[tokio::test]
async fn user_token_and_scope_requirements() {
    let server = MockServer::start().await.unwrap();
    let app = server.issue_app_token().access_token;
    let me = get(&server, "/users", &app).await;
    assert_helix_error(&me, 401, "Missing User OAUTH Token");
    let put = helix(&server, Method::PUT, "/users?description=hi", &app, None).await;
    assert_helix_error(&put, 401, "Missing User OAUTH Token");

    let user = server.issue_user_token("141981764", &[]).access_token;
    let put = helix(&server, Method::PUT, "/users?description=hi", &user, None).await;
    assert_helix_error(&put, 401, "Missing scope: user:edit");
    let patch = helix(
        &server,
        Method::PATCH,
        "/channels?broadcaster_id=141981764",
        &user,
        Some(r#"{"title":"x"}"#),
    )
    .await;
    assert_helix_error(&patch, 401, "Missing scope: channel:manage:broadcast");
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    // 3 points refilling over 600 s: nothing noticeable trickles back while
    // the test runs, so the 4th request is a 429 every time.
    let server = MockServer::start_with(MockConfig {
        rate_limit_bucket: 3,
        rate_limit_refill: Duration::from_secs(600),
        ..MockConfig::default()
    })
    .await
    .unwrap();
    let token = server.issue_app_token().access_token;
    // Ratelimit-Reset is when the bucket is full again: 200 s per spent point.
    for (remaining, full_in) in [("2", 200), ("1", 400), ("0", 600)] {
        let ok = get(&server, "/games/top?first=1", &token).await;
        assert_eq!(ok.status, 200, "{}", ok.text);
        assert_eq!(ok.header("ratelimit-limit"), Some("3"));
        assert_eq!(ok.header("ratelimit-remaining"), Some(remaining));
        let reset_in = ok.reset_in();
        assert!(
            (full_in - 1..=full_in + 1).contains(&reset_in),
            "full in {reset_in} s, not {full_in} s"
        );
        assert!(ok
            .header("content-type")
            .unwrap()
            .starts_with("application/json"));
    }
    for _ in 0..2 {
        let limited = get(&server, "/games/top?first=1", &token).await;
        assert_helix_error(&limited, 429, "Too Many Requests");
        assert_eq!(limited.json["error"], "Too Many Requests");
        assert_eq!(limited.header("ratelimit-limit"), Some("3"));
        assert_eq!(limited.header("ratelimit-remaining"), Some("0"));
        let reset_in = limited.reset_in();
        assert!((599..=601).contains(&reset_in), "full in {reset_in} s");
        let date = limited.date();
        let now = unix_now();
        assert!(date.abs_diff(now) <= 2, "Date {date}, now {now}");
    }
}

#[tokio::test]
async fn points_trickle_back_before_a_full_refill() {
    // A fixed window would stay empty for the whole 800 ms; the bucket gains
    // a point every 200 ms. Only a lower bound on elapsed time is relied on.
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    server.set_rate_limit(4, Duration::from_millis(800));
    server.drain_rate_limit();
    tokio::time::sleep(Duration::from_millis(250)).await;
    let ok = get(&server, "/games/top?first=1", &token).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(ok.header("ratelimit-limit"), Some("4"));
}

#[tokio::test]
async fn drain_and_set_rate_limit() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    assert_eq!(
        get(&server, "/games/top", &token)
            .await
            .header("ratelimit-limit"),
        Some("800")
    );
    server.drain_rate_limit();
    let fresh = server.issue_app_token().access_token;
    for t in [&token, &fresh] {
        let limited = get(&server, "/games/top", t).await;
        assert_helix_error(&limited, 429, "Too Many Requests");
    }
    server.set_rate_limit(10, Duration::from_secs(60));
    let ok = get(&server, "/games/top", &token).await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.header("ratelimit-limit"), Some("10"));
    assert_eq!(ok.header("ratelimit-remaining"), Some("9"));
}

#[tokio::test]
async fn fail_next_injects_faults_then_recovers() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    server.fail_next("/helix/users", 503, 2);
    for _ in 0..2 {
        let failed = get(&server, "/users?id=141981764", &token).await;
        assert_helix_error(&failed, 503, "fault injected");
        assert_eq!(failed.json["error"], "Service Unavailable");
        assert!(failed.header("ratelimit-reset").is_some());
    }
    // Other paths are unaffected.
    assert_eq!(get(&server, "/games?id=33214", &token).await.status, 200);
    let ok = get(&server, "/users?id=141981764", &token).await;
    assert_eq!(ok.status, 200);
    assert_eq!(server.count("GET", "/helix/users"), 3);

    server.fail_next("/oauth2/token", 500, 1);
    let form = [
        ("client_id", server.client_id()),
        ("client_secret", server.client_secret()),
        ("grant_type", "client_credentials"),
    ];
    let failed = common::token_request(&server, &form).await;
    assert_eq!(failed.status, 500);
    assert_eq!(common::token_request(&server, &form).await.status, 200);
}

#[tokio::test]
async fn unknown_paths_and_recording() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let missing = get(&server, "/no/such/thing", &token).await;
    assert_helix_error(&missing, 404, "Not Found");
    assert_eq!(missing.json["error"], "Not Found");
    assert!(missing.header("ratelimit-remaining").is_some());
    let wrong_method = helix(&server, Method::DELETE, "/users", &token, None).await;
    assert_eq!(wrong_method.status, 404);
    let outside = answer(
        client()
            .get(format!("{}/nothing", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(outside.status, 404);

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let first = &requests[0];
    assert_eq!(first.method, "GET");
    assert_eq!(first.path, "/helix/no/such/thing");
    assert!(first
        .headers
        .iter()
        .any(|(k, v)| k == "client-id" && v == server.client_id()));
    server.clear_requests();
    assert!(server.requests().is_empty());
    assert!(server.url().starts_with("http://127.0.0.1:"));
    assert_eq!(server.addr().ip().to_string(), "127.0.0.1");
    server.shutdown().await;
}
