//! Connection faults (answers cut mid-body, resets) and the rule that faults
//! hit only requests that passed authentication and the rate limit.

mod common;

use std::error::Error as _;
use std::io;
use std::time::Duration;

use common::{answer, assert_helix_error, client, get, send_get, token_request, user_token};
use twitchapi_mock::{seeded, MockServer};

const TWITCHDEV: &str = "/users?id=141981764";
const CHANNEL: &str = "/channels?broadcaster_id=141981764";

/// The kind of the first I/O error in `error`'s source chain.
fn io_kind(error: &reqwest::Error) -> Option<io::ErrorKind> {
    let mut source = error.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<io::Error>() {
            return Some(io.kind());
        }
        source = cause.source();
    }
    None
}

/// PATCH /helix/channels for twitchdev with `title`, as a raw outcome.
async fn patch_title(
    server: &MockServer,
    token: &str,
    title: &str,
) -> reqwest::Result<reqwest::Response> {
    client()
        .patch(format!("{}{CHANNEL}", server.helix_url()))
        .bearer_auth(token)
        .header("Client-Id", server.client_id())
        .header("Content-Type", "application/json")
        .body(format!(r#"{{"title":"{title}"}}"#))
        .send()
        .await
}

async fn title(server: &MockServer) -> String {
    let token = server.issue_app_token().access_token;
    let channel = get(server, CHANNEL, &token).await;
    channel.data()[0]["title"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn drop_next_sends_headers_and_half_the_body_then_closes() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let whole = get(&server, TWITCHDEV, &token).await.text.len();
    server.drop_next("/helix/users", 2);
    for _ in 0..2 {
        let response = send_get(&server, TWITCHDEV, &token)
            .await
            .expect("headers arrive");
        assert_eq!(response.status(), 200);
        assert_eq!(response.content_length(), Some(whole as u64));
        assert!(response.headers().contains_key("ratelimit-remaining"));
        let error = response.bytes().await.expect_err("the body is cut off");
        assert_eq!(
            io_kind(&error),
            Some(io::ErrorKind::UnexpectedEof),
            "{error:?}"
        );
    }
    let ok = get(&server, TWITCHDEV, &token).await;
    assert_eq!(ok.status, 200);
    assert_eq!(ok.data()[0]["login"], "twitchdev");
    assert_eq!(server.count("GET", "/helix/users"), 4);
}

#[tokio::test]
async fn a_dropped_answer_without_body_is_cut_in_its_head_and_the_change_stays() {
    let server = MockServer::start().await.unwrap();
    let owner = user_token(&server, seeded::TWITCHDEV_ID, &["channel:manage:broadcast"]);
    server.drop_next("/helix/channels", 1);
    let error = patch_title(&server, &owner, "cut off")
        .await
        .expect_err("no complete answer");
    assert!(error.is_request(), "{error:?}");
    assert!(error.status().is_none());
    // The endpoint ran before its answer was cut.
    assert_eq!(title(&server).await, "cut off");
    let ok = patch_title(&server, &owner, "whole").await.unwrap();
    assert_eq!(ok.status(), 204);
}

#[tokio::test]
async fn reset_next_closes_without_an_answer_and_changes_nothing() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    server.reset_next("/helix/users", 1);
    let error = send_get(&server, TWITCHDEV, &token)
        .await
        .expect_err("no answer at all");
    assert!(error.is_request(), "{error:?}");
    assert!(error.status().is_none());
    assert_eq!(
        io_kind(&error),
        Some(io::ErrorKind::ConnectionReset),
        "{error:?}"
    );
    assert_eq!(get(&server, TWITCHDEV, &token).await.status, 200);
    assert_eq!(server.count("GET", "/helix/users"), 2);

    let owner = user_token(&server, seeded::TWITCHDEV_ID, &["channel:manage:broadcast"]);
    let before = title(&server).await;
    server.reset_next("/helix/channels", 1);
    let error = patch_title(&server, &owner, "never").await.unwrap_err();
    assert_eq!(
        io_kind(&error),
        Some(io::ErrorKind::ConnectionReset),
        "{error:?}"
    );
    assert_eq!(title(&server).await, before);
}

#[tokio::test]
async fn oauth_paths_can_be_dropped_and_reset() {
    let server = MockServer::start().await.unwrap();
    let form = [
        ("client_id", server.client_id()),
        ("client_secret", server.client_secret()),
        ("grant_type", "client_credentials"),
    ];
    let url = format!("{}/oauth2/token", server.auth_url());
    server.reset_next("/oauth2/token", 1);
    let error = client().post(&url).form(&form).send().await.unwrap_err();
    assert_eq!(
        io_kind(&error),
        Some(io::ErrorKind::ConnectionReset),
        "{error:?}"
    );
    server.drop_next("/oauth2/token", 1);
    let response = client().post(&url).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let error = response.bytes().await.unwrap_err();
    assert_eq!(
        io_kind(&error),
        Some(io::ErrorKind::UnexpectedEof),
        "{error:?}"
    );
    assert_eq!(token_request(&server, &form).await.status, 200);
    assert_eq!(server.count_grant("client_credentials"), 3);
}

#[tokio::test]
async fn times_zero_cancels_and_a_new_fault_replaces_the_pending_one() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    server.reset_next("/helix/users", 5);
    server.reset_next("/helix/users", 0);
    assert_eq!(get(&server, TWITCHDEV, &token).await.status, 200);
    server.reset_next("/helix/users", 5);
    server.fail_next("/helix/users", 502, 1);
    let failed = get(&server, TWITCHDEV, &token).await;
    assert_helix_error(&failed, 502, "fault injected");
    assert_eq!(get(&server, TWITCHDEV, &token).await.status, 200);
}

/// Requests that fail authentication: no token, a bogus one, no Client-Id,
/// another client's id.
async fn unauthenticated(server: &MockServer, token: &str) {
    let url = format!("{}{TWITCHDEV}", server.helix_url());
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
    let bogus = get(server, TWITCHDEV, "bogus").await;
    assert_helix_error(&bogus, 401, "Invalid OAuth token");
    let no_client = answer(client().get(&url).bearer_auth(token).send().await.unwrap()).await;
    assert_helix_error(&no_client, 401, "Client ID is missing");
    let other_client = answer(
        client()
            .get(&url)
            .bearer_auth(token)
            .header("Client-Id", "another-client")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_helix_error(&other_client, 401, "Client ID and OAuth token do not match");
}

#[tokio::test]
async fn a_401_leaves_an_armed_fault_armed() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;

    server.fail_next("/helix/users", 503, 1);
    unauthenticated(&server, &token).await;
    let failed = get(&server, TWITCHDEV, &token).await;
    assert_helix_error(&failed, 503, "fault injected");

    server.drop_next("/helix/users", 1);
    unauthenticated(&server, &token).await;
    let cut = send_get(&server, TWITCHDEV, &token).await.unwrap();
    assert!(cut.bytes().await.is_err());

    server.reset_next("/helix/users", 1);
    unauthenticated(&server, &token).await;
    assert!(send_get(&server, TWITCHDEV, &token).await.is_err());

    // Every fault was used up by the one authenticated request.
    assert_eq!(get(&server, TWITCHDEV, &token).await.status, 200);
}

#[tokio::test]
async fn a_429_leaves_an_armed_fault_armed() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    server.set_rate_limit(1, Duration::from_secs(600));
    server.fail_next("/helix/users", 500, 2);
    // The fault hits a request that got its point, which stays spent.
    let failed = get(&server, TWITCHDEV, &token).await;
    assert_helix_error(&failed, 500, "fault injected");
    assert_eq!(failed.header("ratelimit-remaining"), Some("0"));
    let limited = get(&server, TWITCHDEV, &token).await;
    assert_helix_error(&limited, 429, "Too Many Requests");
    server.set_rate_limit(1, Duration::from_secs(600));
    let failed = get(&server, TWITCHDEV, &token).await;
    assert_helix_error(&failed, 500, "fault injected");
}
