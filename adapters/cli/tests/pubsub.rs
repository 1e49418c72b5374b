//! `twitchapi pubsub` as a user runs it: JSON lines, SIGTERM, exit codes.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

#[test]
fn pubsub_prints_json_lines_and_stops_cleanly_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args([
            "--mock",
            "pubsub",
            "listen_channel_points",
            r#"{"channel_id":"141981764"}"#,
            "listen_bits",
            r#"{"channel_id":"999"}"#,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let line = lines.next().expect("a line").unwrap();
        let value: Value = serde_json::from_str(&line).expect("each line is JSON");
        seen.push(value);
    }
    let listening = seen
        .iter()
        .find(|v| v["event"] == "listening")
        .expect("listening");
    assert_eq!(listening["topic"], "channel-points-channel-v1.141981764");
    assert_eq!(listening["uuid"].as_str().unwrap().len(), 36);
    // another channel's bits: the mock's token may not read them
    let failed = seen
        .iter()
        .find(|v| v["event"] == "listen_failed")
        .expect("listen_failed");
    assert_eq!(failed["topic"], "channel-bits-events-v2.999");
    assert!(failed["error"].as_str().unwrap().contains("ERR_BADAUTH"));

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert_eq!(exit.code(), Some(0), "stops cleanly on SIGTERM");
}

#[test]
fn pubsub_arguments_are_checked_before_anything_starts() {
    for args in [
        vec!["pubsub", "listen_nothing", "{}"],
        vec!["pubsub", "listen_whispers"],
        vec!["pubsub", "listen_whispers", "not json"],
        vec!["pubsub", "listen_whispers", r#"{"user":"1"}"#],
        vec!["pubsub", "listen_whispers", r#"{}"#],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
