//! Shared set-up: a mock Twitch and a client pointed at it.
#![allow(dead_code)]

use std::time::Duration;

use twitchapi::{AuthScope, Twitch};
use twitchapi_mock::{MockConfig, MockServer};

pub const TWITCHDEV: &str = "141981764";

pub async fn mock() -> MockServer {
    MockServer::start().await.expect("mock starts")
}

pub async fn mock_with(config: MockConfig) -> MockServer {
    MockServer::start_with(config).await.expect("mock starts")
}

pub fn client(mock: &MockServer) -> Twitch {
    Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .max_rate_limit_wait(Duration::from_secs(5))
        .build()
        .expect("client builds")
}

/// A client with an app token and a user token (for twitchdev) with `scopes`.
pub async fn client_with_user(mock: &MockServer, scopes: &[AuthScope]) -> Twitch {
    let twitch = client(mock);
    twitch.authenticate_app(vec![]).await.expect("app auth");
    let names: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
    let issued = mock.issue_user_token(TWITCHDEV, &names);
    twitch
        .set_user_authentication(issued.access_token, scopes.to_vec(), issued.refresh_token)
        .expect("user auth");
    twitch
}

/// Requests the mock received below /helix.
pub fn helix_requests(mock: &MockServer) -> usize {
    mock.requests()
        .iter()
        .filter(|r| r.path.starts_with("/helix"))
        .count()
}

/// Waits (up to 10 s) until `f` holds.
pub async fn until<F: Fn() -> bool>(what: &str, f: F) {
    for _ in 0..400 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting for {what}");
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
