//! Rate-limit buckets: whose requests share one, what spends a point.

mod common;

use std::time::Duration;

use common::{assert_helix_error, get, token_request, user_token};
use twitchapi_mock::{seeded, MockConfig, MockServer};

/// 3 points refilling over 600 s: nothing noticeable trickles back during a test.
async fn slow_bucket() -> MockServer {
    MockServer::start_with(MockConfig {
        rate_limit_bucket: 3,
        rate_limit_refill: Duration::from_secs(600),
        ..MockConfig::default()
    })
    .await
    .unwrap()
}

async fn remaining(server: &MockServer, token: &str) -> String {
    let answer = get(server, "/games/top?first=1", token).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    answer.header("ratelimit-remaining").unwrap().to_owned()
}

#[tokio::test]
async fn a_users_tokens_share_one_bucket_across_a_refresh() {
    let server = slow_bucket().await;
    let issued = server.issue_user_token(seeded::TWITCHDEV_ID, &[]);
    assert_eq!(remaining(&server, &issued.access_token).await, "2");

    let refresh = issued.refresh_token.unwrap();
    let refreshed = token_request(
        &server,
        &[
            ("client_id", server.client_id()),
            ("client_secret", server.client_secret()),
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.as_str()),
        ],
    )
    .await;
    assert_eq!(refreshed.status, 200, "{}", refreshed.text);
    let new_token = refreshed.json["access_token"].as_str().unwrap().to_owned();
    assert_eq!(remaining(&server, &new_token).await, "1");

    // Another token of the same user, issued separately, spends from it too.
    let second = user_token(&server, seeded::TWITCHDEV_ID, &[]);
    assert_eq!(remaining(&server, &second).await, "0");
    let limited = get(&server, "/games/top?first=1", &new_token).await;
    assert_helix_error(&limited, 429, "Too Many Requests");

    // The app's bucket and other users' buckets are untouched.
    let app = server.issue_app_token().access_token;
    assert_eq!(remaining(&server, &app).await, "2");
    let other = user_token(&server, seeded::LIVE_USER_ID, &[]);
    assert_eq!(remaining(&server, &other).await, "2");
}

#[tokio::test]
async fn app_tokens_share_the_clients_bucket() {
    let server = slow_bucket().await;
    let first = server.issue_app_token().access_token;
    let second = server.issue_app_token().access_token;
    assert_eq!(remaining(&server, &first).await, "2");
    assert_eq!(remaining(&server, &second).await, "1");
    let user = user_token(&server, seeded::TWITCHDEV_ID, &[]);
    assert_eq!(remaining(&server, &user).await, "2");
    assert_eq!(remaining(&server, &first).await, "0");
    let limited = get(&server, "/games/top?first=1", &second).await;
    assert_helix_error(&limited, 429, "Too Many Requests");
}

#[tokio::test]
async fn failed_authentication_spends_nothing() {
    let server = slow_bucket().await;
    let issued = server.issue_user_token(seeded::TWITCHDEV_ID, &[]);
    assert_eq!(remaining(&server, &issued.access_token).await, "2");
    server.expire_token(&issued.access_token);
    for _ in 0..3 {
        let expired = get(&server, "/games/top?first=1", &issued.access_token).await;
        assert_helix_error(&expired, 401, "Invalid OAuth token");
        // Reported against the user's bucket, which keeps its points.
        assert_eq!(expired.header("ratelimit-limit"), Some("3"));
        assert_eq!(expired.header("ratelimit-remaining"), Some("2"));
        let bogus = get(&server, "/games/top?first=1", "bogus").await;
        assert_helix_error(&bogus, 401, "Invalid OAuth token");
        assert_eq!(bogus.header("ratelimit-remaining"), Some("3"));
    }
    let fresh = user_token(&server, seeded::TWITCHDEV_ID, &[]);
    assert_eq!(remaining(&server, &fresh).await, "1");
}

#[tokio::test]
async fn an_empty_bucket_has_no_points_for_any_token() {
    let server = slow_bucket().await;
    server.drain_rate_limit();
    let app = server.issue_app_token().access_token;
    let user = user_token(&server, seeded::TWITCHDEV_ID, &[]);
    for token in [&app, &user] {
        let limited = get(&server, "/games/top?first=1", token).await;
        assert_helix_error(&limited, 429, "Too Many Requests");
        assert_eq!(limited.header("ratelimit-remaining"), Some("0"));
        let reset_in = limited.reset_in();
        assert!((599..=601).contains(&reset_in), "full in {reset_in} s");
    }
    // A bucket of no points refuses everything, and says it is full now.
    server.set_rate_limit(0, Duration::from_secs(60));
    let refused = get(&server, "/games/top?first=1", &app).await;
    assert_helix_error(&refused, 429, "Too Many Requests");
    assert_eq!(refused.header("ratelimit-limit"), Some("0"));
    assert!((0..=1).contains(&refused.reset_in()));
}
