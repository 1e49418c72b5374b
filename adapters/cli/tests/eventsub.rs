//! `twitchapi eventsub ws|webhook` and `twitchapi event trigger` as a user
//! runs them, against a mock in this process: JSON lines, notifications, a
//! reconnect, duplicates printed once, SIGTERM deleting what was created,
//! exit codes.

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use twitchapi_mock::{EventSubSigning, MockServer};

const TWITCHDEV: &str = "141981764";

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn next_event(lines: &mut Lines<BufReader<ChildStdout>>, event: &str) -> Value {
    loop {
        let line = lines.next().expect("a line").unwrap();
        let value: Value = serde_json::from_str(&line).expect("each line is JSON");
        if value["event"] == event {
            return value;
        }
    }
}

async fn until(what: &str, f: impl Fn() -> bool) {
    for _ in 0..400 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("timed out waiting for {what}");
}

fn credentials(mock: &MockServer, user_token: &str) -> Vec<String> {
    [
        "--client-id",
        mock.client_id(),
        "--client-secret",
        mock.client_secret(),
        "--helix-url",
        &mock.helix_url(),
        "--auth-url",
        &mock.auth_url(),
        "--user-token",
        user_token,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn spawn(args: &[String]) -> (Child, Lines<BufReader<ChildStdout>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

fn sigterm(child: &mut Child) -> Option<i32> {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait().unwrap().code()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eventsub_ws_prints_json_lines_follows_a_reconnect_and_deletes_on_sigterm() {
    let mock = MockServer::start().await.unwrap();
    let token = mock.issue_user_token(TWITCHDEV, &[]);
    let mut args: Vec<String> = ["eventsub", "ws", "stream.online", "1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.push(format!(r#"{{"broadcaster_user_id":"{TWITCHDEV}"}}"#));
    args.extend(["--eventsub-ws-url".into(), mock.eventsub_ws_url()]);
    args.extend(credentials(&mock, &token.access_token));
    let (mut child, mut lines) = spawn(&args);
    let (welcome, subscribed) = tokio::task::block_in_place(|| {
        (
            next_event(&mut lines, "welcome"),
            next_event(&mut lines, "subscribed"),
        )
    });
    assert!(welcome["session_id"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    assert_eq!(subscribed["type"], "stream.online");
    assert_eq!(subscribed["version"], "1");
    let id = subscribed["subscription_id"].as_str().unwrap().to_owned();

    mock.eventsub_duplicate_next();
    assert_eq!(mock.eventsub_trigger("stream.online", "1").await, 1);
    let first = tokio::task::block_in_place(|| next_event(&mut lines, "notification"));
    assert_eq!(first["subscription_id"], id.as_str());
    assert_eq!(first["type"], "stream.online");
    assert_eq!(first["data"]["broadcaster_user_id"], TWITCHDEV);
    assert!(first["message_id"].as_str().is_some());

    mock.eventsub_reconnect();
    let reconnecting = tokio::task::block_in_place(|| next_event(&mut lines, "reconnecting"));
    assert!(reconnecting["reason"].as_str().is_some());
    let reconnected = tokio::task::block_in_place(|| next_event(&mut lines, "reconnected"));
    assert_eq!(reconnected["session_id"], welcome["session_id"]);
    mock.eventsub_trigger("stream.online", "1").await;
    // the repeated first message printed nothing: the next line is the new one
    let second = tokio::task::block_in_place(|| next_event(&mut lines, "notification"));
    assert_ne!(second["message_id"], first["message_id"]);

    assert_eq!(tokio::task::block_in_place(|| sigterm(&mut child)), Some(0));
    until("deleted", || mock.eventsub_subscriptions().is_empty()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eventsub_ws_prints_subscribe_failed_and_revoked() {
    let mock = MockServer::start().await.unwrap();
    // no moderator:read:followers: Twitch refuses the follow subscription
    let token = mock.issue_user_token(TWITCHDEV, &[]);
    let mut args: Vec<String> = vec!["eventsub".into(), "ws".into()];
    for (kind, version, condition) in [
        (
            "channel.follow",
            "2",
            format!(r#"{{"broadcaster_user_id":"{TWITCHDEV}","moderator_user_id":"{TWITCHDEV}"}}"#),
        ),
        (
            "stream.offline",
            "1",
            format!(r#"{{"broadcaster_user_id":"{TWITCHDEV}"}}"#),
        ),
    ] {
        args.extend([kind.into(), version.into(), condition]);
    }
    args.extend(["--eventsub-ws-url".into(), mock.eventsub_ws_url()]);
    args.extend(credentials(&mock, &token.access_token));
    args.extend(["--user-scopes".into(), "user:read:email".into()]);
    let (mut child, mut lines) = spawn(&args);
    let (failed, subscribed) = tokio::task::block_in_place(|| {
        (
            next_event(&mut lines, "subscribe_failed"),
            next_event(&mut lines, "subscribed"),
        )
    });
    assert_eq!(failed["type"], "channel.follow");
    assert!(failed["error"]
        .as_str()
        .unwrap()
        .contains("moderator:read:followers"));
    let id = subscribed["subscription_id"].as_str().unwrap();
    assert!(mock.eventsub_revoke(id, "authorization_revoked"));
    let revoked = tokio::task::block_in_place(|| next_event(&mut lines, "revoked"));
    assert_eq!(revoked["subscription_id"], id);
    assert_eq!(revoked["status"], "authorization_revoked");
    assert_eq!(tokio::task::block_in_place(|| sigterm(&mut child)), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eventsub_webhook_prints_notifications_and_rejections() {
    let mock = MockServer::start().await.unwrap();
    let token = mock.issue_user_token(TWITCHDEV, &[]);
    let port = free_port();
    let mut args: Vec<String> = ["eventsub", "webhook", "stream.online", "1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    args.push(format!(r#"{{"broadcaster_user_id":"{TWITCHDEV}"}}"#));
    args.extend([
        "--callback-url".into(),
        format!("http://127.0.0.1:{port}/eventsub"),
        "--port".into(),
        port.to_string(),
    ]);
    args.extend(credentials(&mock, &token.access_token));
    let (mut child, mut lines) = spawn(&args);
    let subscribed = tokio::task::block_in_place(|| next_event(&mut lines, "subscribed"));
    let id = subscribed["subscription_id"].as_str().unwrap().to_owned();
    until("enabled", || {
        mock.eventsub_subscriptions()
            .iter()
            .any(|s| s.id == id && s.status == "enabled")
    })
    .await;
    mock.eventsub_trigger("stream.online", "1").await;
    let notification = tokio::task::block_in_place(|| next_event(&mut lines, "notification"));
    assert_eq!(notification["subscription_id"], id.as_str());
    assert_eq!(notification["data"]["broadcaster_user_id"], TWITCHDEV);
    mock.eventsub_webhook_signing(EventSubSigning::Stale);
    mock.eventsub_trigger("stream.online", "1").await;
    let rejected = tokio::task::block_in_place(|| next_event(&mut lines, "rejected"));
    assert!(rejected["reason"].as_str().unwrap().contains("10 minutes"));
    assert_eq!(tokio::task::block_in_place(|| sigterm(&mut child)), Some(0));
    until("deleted", || mock.eventsub_subscriptions().is_empty()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_trigger_asks_a_running_mock() {
    let mock = MockServer::start().await.unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_twitchapi"))
            .args(args)
            .output()
            .unwrap()
    };
    let url = mock.url();
    let output = tokio::task::block_in_place(|| {
        run(&["event", "trigger", "channel.follow", "--mock-url", &url])
    });
    assert_eq!(output.status.code(), Some(0));
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        value,
        serde_json::json!({"type": "channel.follow", "version": "2", "count": 0})
    );
    let unknown = tokio::task::block_in_place(|| {
        run(&[
            "event",
            "trigger",
            "no.such.type",
            "--version",
            "1",
            "--mock-url",
            &url,
        ])
    });
    assert_eq!(unknown.status.code(), Some(4));
    let no_url = tokio::task::block_in_place(|| run(&["event", "trigger", "channel.follow"]));
    assert_eq!(no_url.status.code(), Some(2));
}

#[test]
fn eventsub_arguments_are_checked_before_anything_starts() {
    let cases: Vec<Vec<&str>> = vec![
        vec!["ws", "stream.online", "1"],
        vec!["ws", "stream.online", "1", "not json"],
        vec!["ws", "stream.online", "1", "[1]"],
        vec!["ws", "stream.online", "1", r#"{"broadcaster_user_id":[1]}"#],
        vec!["ws", "stream.online", "1", "{}", "--keepalive", "5"],
        vec![
            "webhook",
            "stream.online",
            "1",
            "{}",
            "--callback-url",
            "http://example.com/cb",
            "--port",
            "0",
        ],
        vec![
            "webhook",
            "stream.online",
            "1",
            "{}",
            "--callback-url",
            "https://example.com/cb",
            "--port",
            "0",
            "--secret",
            "short",
        ],
    ];
    for extra in cases {
        let mut args = vec!["eventsub"];
        args.extend(extra.iter().copied());
        let output = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
            .env_remove("TWITCH_EVENTSUB_SECRET")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
