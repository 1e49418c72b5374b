//! CORS as Twitch does it: preflights answered for any origin, every answer
//! allowing any origin, no response header exposed (so a page cannot read
//! `Ratelimit-*`). And a `Date` on every answer.

mod common;

use std::time::Duration;

use common::{answer, client, get, token_request, unix_now, Answer};
use reqwest::Method;
use twitchapi_mock::{MockConfig, MockServer};

const ORIGIN: &str = "https://overlay.invalid";

async fn preflight(server: &MockServer, path: &str, method: &str) -> Answer {
    let url = format!("{}{path}", server.url());
    answer(
        client()
            .request(Method::OPTIONS, url)
            .header("Origin", ORIGIN)
            .header("Access-Control-Request-Method", method)
            .header(
                "Access-Control-Request-Headers",
                "authorization,client-id,content-type",
            )
            .send()
            .await
            .unwrap(),
    )
    .await
}

fn listed(answer: &Answer, header: &str) -> Vec<String> {
    answer
        .header(header)
        .unwrap_or_else(|| panic!("{header} missing"))
        .split(',')
        .map(|item| item.trim().to_ascii_lowercase())
        .collect()
}

fn assert_dated(answer: &Answer) {
    let date = answer.date();
    let now = unix_now();
    assert!(date.abs_diff(now) <= 2, "Date {date}, now {now}");
}

#[tokio::test]
async fn preflights_are_answered_without_auth_or_points() {
    let server = MockServer::start_with(MockConfig {
        rate_limit_bucket: 1,
        rate_limit_refill: Duration::from_secs(600),
        ..MockConfig::default()
    })
    .await
    .unwrap();
    let paths = [
        ("/helix/users", "GET"),
        ("/helix/channel_points/custom_rewards", "POST"),
        ("/helix/channels", "PATCH"),
        ("/helix/no/such/thing", "DELETE"),
        ("/oauth2/token", "POST"),
        ("/oauth2/validate", "GET"),
    ];
    for (path, method) in paths {
        let answer = preflight(&server, path, method).await;
        assert_eq!(answer.status, 204, "{path}: {}", answer.text);
        assert!(answer.text.is_empty());
        assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
        let methods = listed(&answer, "access-control-allow-methods");
        for m in ["get", "post", "put", "patch", "delete", "options"] {
            assert!(methods.iter().any(|x| x == m), "{m} not in {methods:?}");
        }
        let headers = listed(&answer, "access-control-allow-headers");
        for h in ["authorization", "client-id", "content-type"] {
            assert!(headers.iter().any(|x| x == h), "{h} not in {headers:?}");
        }
        assert!(answer.header("ratelimit-limit").is_none());
        assert_dated(&answer);
    }
    // The one point is still there.
    let token = server.issue_app_token().access_token;
    let ok = get(&server, "/users?id=141981764", &token).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(ok.header("ratelimit-remaining"), Some("0"));
    assert_eq!(server.count("OPTIONS", "/helix/users"), 1);
}

#[tokio::test]
async fn preflights_pass_armed_faults_and_delays_by() {
    let server = MockServer::start().await.unwrap();
    server.fail_next("/helix/users", 503, 1);
    server.reset_next("/oauth2/token", 1);
    server.set_delay("/helix/games", Duration::from_secs(30));
    for path in ["/helix/users", "/oauth2/token", "/helix/games"] {
        let answer = tokio::time::timeout(Duration::from_secs(10), preflight(&server, path, "GET"))
            .await
            .expect("not delayed");
        assert_eq!(answer.status, 204, "{path}");
    }
    let token = server.issue_app_token().access_token;
    assert_eq!(
        get(&server, "/users?id=141981764", &token).await.status,
        503
    );
}

#[tokio::test]
async fn answers_allow_any_origin_and_expose_no_header() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let ok = get(&server, "/users?id=141981764", &token).await;
    let unauthorized = get(&server, "/users?id=141981764", "bogus").await;
    let missing = get(&server, "/no/such/thing", &token).await;
    let form = [
        ("client_id", server.client_id()),
        ("client_secret", server.client_secret()),
        ("grant_type", "client_credentials"),
    ];
    let oauth = token_request(&server, &form).await;
    let oauth_error = token_request(&server, &form[..1]).await;
    let outside = answer(
        client()
            .get(format!("{}/nothing", server.url()))
            .header("Origin", ORIGIN)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let answers = [
        (&ok, 200),
        (&unauthorized, 401),
        (&missing, 404),
        (&oauth, 200),
        (&oauth_error, 400),
        (&outside, 404),
    ];
    for (answer, status) in answers {
        assert_eq!(answer.status, status, "{}", answer.text);
        assert_eq!(answer.header("access-control-allow-origin"), Some("*"));
        assert!(answer.header("access-control-expose-headers").is_none());
        assert!(answer.header("access-control-allow-credentials").is_none());
        assert_dated(answer);
    }
    // Helix answers still carry Ratelimit-*, for clients that can read them.
    for answer in [&ok, &unauthorized, &missing] {
        assert!(answer.header("ratelimit-reset").is_some());
    }
}
