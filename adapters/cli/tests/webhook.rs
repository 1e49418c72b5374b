//! `twitchapi webhook` as a user runs it, against a mock hub in this process:
//! JSON lines, notifications, SIGTERM unsubscribes, exit codes.

use std::io::{BufRead, BufReader, Lines};
use std::process::{ChildStdout, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use twitchapi_mock::{MockServer, Signing};

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

fn ours(mock: &MockServer, port: u16) -> usize {
    let prefix = format!("http://127.0.0.1:{port}/cb/");
    mock.webhook_subscriptions()
        .iter()
        .filter(|s| s.callback.starts_with(&prefix))
        .count()
}

async fn until_ours(mock: &MockServer, port: u16, n: usize) {
    for _ in 0..400 {
        if ours(mock, port) == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the hub never listed {n} subscriptions");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhook_prints_json_lines_and_unsubscribes_on_sigterm() {
    let mock = MockServer::start().await.unwrap();
    let token = mock.issue_user_token("141981764", &["user:read:email"]);
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args([
            "webhook",
            "subscribe_stream_changed",
            r#"{"user_id":"141981764"}"#,
            "subscribe_user_follow",
            r#"{"to_id":"141981764","from_id":null}"#,
            "--callback-url",
            &format!("http://127.0.0.1:{port}/cb"),
            "--port",
            &port.to_string(),
            "--secret",
            "cli-secret",
            "--client-id",
            mock.client_id(),
            "--client-secret",
            mock.client_secret(),
            "--helix-url",
            &mock.helix_url(),
            "--auth-url",
            &mock.auth_url(),
            "--user-token",
            &token.access_token,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (first, second) = tokio::task::block_in_place(|| {
        (
            next_event(&mut lines, "subscribed"),
            next_event(&mut lines, "subscribed"),
        )
    });
    let stream = [&first, &second]
        .into_iter()
        .find(|v| v["topic"] == "https://api.twitch.tv/helix/streams?user_id=141981764")
        .expect("the stream topic")
        .clone();
    assert_eq!(stream["uuid"].as_str().unwrap().len(), 36);
    until_ours(&mock, port, 2).await;
    let topic = stream["topic"].as_str().unwrap();
    assert_eq!(
        mock.webhook_notify(
            topic,
            vec![json!({"id": "1", "type": "live"})],
            Signing::Valid,
            None
        )
        .await,
        vec![200]
    );
    let notification = tokio::task::block_in_place(|| next_event(&mut lines, "notification"));
    assert_eq!(notification["uuid"], stream["uuid"]);
    assert_eq!(notification["data"], json!({"id": "1", "type": "live"}));
    // the hub's signature with the secret given: a wrong one is rejected
    assert_eq!(
        mock.webhook_notify(topic, vec![json!({})], Signing::WrongSecret, None)
            .await,
        vec![403]
    );
    let rejected = tokio::task::block_in_place(|| next_event(&mut lines, "rejected"));
    assert!(rejected["reason"]
        .as_str()
        .unwrap()
        .contains("X-Hub-Signature"));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = tokio::task::block_in_place(|| child.wait().unwrap());
    assert_eq!(exit.code(), Some(0), "stops cleanly on SIGTERM");
    until_ours(&mock, port, 0).await;
}

#[test]
fn webhook_arguments_are_checked_before_anything_starts() {
    let base = ["--callback-url", "https://hooks.example.com", "--port", "0"];
    let cases: Vec<Vec<&str>> = vec![
        vec!["subscribe_nothing", "{}"],
        vec!["subscribe_stream_changed"],
        vec!["subscribe_stream_changed", "not json"],
        vec!["subscribe_stream_changed", r#"{"id":"1"}"#],
        vec!["subscribe_stream_changed", r#"{}"#],
        vec!["subscribe_user_follow", r#"{}"#],
        vec![
            "subscribe_stream_changed",
            r#"{"user_id":"1"}"#,
            "--lease-seconds",
            "100",
        ],
    ];
    for extra in cases {
        let mut args = vec!["webhook"];
        args.extend(extra.iter().copied());
        args.extend(base);
        let output = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    // an http callback off this machine is refused, as in the seed
    let output = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args([
            "webhook",
            "subscribe_stream_changed",
            r#"{"user_id":"1"}"#,
            "--callback-url",
            "http://hooks.example.com",
            "--port",
            "0",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("https"));
}
