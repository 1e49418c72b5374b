//! `twitchapi auth` as a user runs it, against a mock in this process; the
//! test plays the browser.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use twitchapi_mock::MockServer;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn creds(mock: &MockServer) -> Vec<String> {
    vec![
        "--client-id".into(),
        mock.client_id().into(),
        "--client-secret".into(),
        mock.client_secret().into(),
        "--auth-url".into(),
        mock.auth_url(),
        "--helix-url".into(),
        mock.helix_url(),
    ]
}

fn twitchapi(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `auth user`, plays the browser (a forged redirect first when
/// `forge`), and returns the exit code, stdout and the authorize URL.
async fn auth_user(mock: &MockServer, forge: bool) -> (Option<i32>, String, String) {
    let port = free_port();
    let mut args = vec![
        "auth".to_string(),
        "user".into(),
        "--scopes".into(),
        "user:read:email".into(),
        "--no-browser".into(),
        "--port".into(),
        port.to_string(),
    ];
    args.extend(creds(mock));
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let url = tokio::task::block_in_place(|| {
        let mut lines = BufReader::new(stderr).lines();
        loop {
            let line = lines.next().expect("the URL on stderr").unwrap();
            if let Some(at) = line.find("http") {
                return line[at..].trim().to_owned();
            }
        }
    });
    if forge {
        let page = reqwest::get(format!(
            "http://127.0.0.1:{port}/?code=x&state=forged-state-0123456789"
        ))
        .await
        .unwrap();
        assert_eq!(page.status(), 400);
    }
    let page = reqwest::get(&url).await.unwrap();
    assert_eq!(page.status(), 200, "the local redirect page");
    let output = tokio::task::block_in_place(|| child.wait_with_output().unwrap());
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        url,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_user_prints_tokens_after_the_redirect() {
    let mock = MockServer::start().await.unwrap();
    let (code, stdout, url) = auth_user(&mock, true).await;
    assert_eq!(code, Some(0));
    let port = url
        .split("redirect_uri=http%3A%2F%2Flocalhost%3A")
        .nth(1)
        .and_then(|rest| rest.split('&').next())
        .expect("redirect_uri is http://localhost:<port>");
    assert!(port.parse::<u16>().is_ok());
    let state = url
        .split("state=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    assert!(state.len() >= 16, "{state}");
    let token: Value = serde_json::from_str(stdout.trim()).unwrap();
    assert!(token["access_token"].as_str().unwrap().len() > 10);
    assert!(token["refresh_token"].is_string());
    assert_eq!(token["scopes"], serde_json::json!(["user:read:email"]));
    assert!(token["expires_in"].as_u64().unwrap() > 0);
    // one exchange: the forged code was never sent
    let exchanges = mock
        .requests()
        .iter()
        .filter(|r| r.path == "/oauth2/token")
        .count();
    assert_eq!(exchanges, 1);

    // the token validates, refreshes and revokes from the shell too
    let access = token["access_token"].as_str().unwrap().to_owned();
    let mut args = vec![
        "auth".into(),
        "validate".into(),
        "--token".into(),
        access.clone(),
    ];
    args.extend(creds(&mock));
    let out = tokio::task::block_in_place(|| twitchapi(&args));
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["user_id"], "141981764");
    let mut args = vec![
        "auth".into(),
        "refresh".into(),
        "--refresh-token".into(),
        token["refresh_token"].as_str().unwrap().into(),
    ];
    args.extend(creds(&mock));
    let out = tokio::task::block_in_place(|| twitchapi(&args));
    assert_eq!(out.status.code(), Some(0));
    let refreshed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(refreshed["access_token"].is_string() && refreshed["refresh_token"].is_string());
    let mut args = vec![
        "auth".into(),
        "revoke".into(),
        "--token".into(),
        access.clone(),
    ];
    args.extend(creds(&mock));
    let out = tokio::task::block_in_place(|| twitchapi(&args));
    assert_eq!(out.status.code(), Some(0));
    let mut args = vec!["auth".into(), "validate".into(), "--token".into(), access];
    args.extend(creds(&mock));
    let out = tokio::task::block_in_place(|| twitchapi(&args));
    assert_eq!(out.status.code(), Some(3), "a revoked token is refused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_user_denied_exits_3() {
    let mock = MockServer::start().await.unwrap();
    mock.oauth_deny_next(true);
    let port = free_port();
    let mut args = vec![
        "auth".to_string(),
        "user".into(),
        "--no-browser".into(),
        "--port".into(),
        port.to_string(),
    ];
    args.extend(creds(&mock));
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let url = tokio::task::block_in_place(|| {
        let mut lines = BufReader::new(stderr).lines();
        loop {
            let line = lines.next().unwrap().unwrap();
            if let Some(at) = line.find("http") {
                return line[at..].trim().to_owned();
            }
        }
    });
    let _ = reqwest::get(&url).await.unwrap();
    let output = tokio::task::block_in_place(|| child.wait_with_output().unwrap());
    assert_eq!(output.status.code(), Some(3));
    assert!(output.stdout.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_device_polls_and_prints_tokens() {
    let mock = MockServer::start().await.unwrap();
    mock.oauth_device_interval(Duration::from_secs(1));
    mock.oauth_device_pending_polls(1);
    let mut args = vec![
        "auth".into(),
        "device".into(),
        "--scopes".into(),
        "user:read:email".into(),
        "--client-id".into(),
        mock.public_client_id().into(),
        "--auth-url".into(),
        mock.auth_url(),
    ];
    args.push("--helix-url".into());
    args.push(mock.helix_url());
    let out = tokio::task::block_in_place(|| twitchapi(&args));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/activate"), "{stderr}");
    assert!(stderr.contains("expires in"), "{stderr}");
    let token: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(token["access_token"].is_string());
    assert_eq!(token["scopes"], serde_json::json!(["user:read:email"]));
}

#[test]
fn auth_refresh_without_a_refresh_token_is_an_argument_error() {
    let out = twitchapi(&["auth".into(), "refresh".into()]);
    assert_eq!(out.status.code(), Some(2));
}
