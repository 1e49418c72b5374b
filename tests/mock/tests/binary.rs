//! The `twitchapi-mock` binary: prints its address and credentials, serves, stops on Ctrl-C.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{answer, client};

#[tokio::test]
async fn binary_serves_and_stops_on_sigint() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi-mock"))
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let second = lines.next().unwrap().unwrap();
    let url = first
        .strip_prefix("twitchapi-mock listening on ")
        .expect("listening line")
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert_eq!(
        second,
        "client_id=mock-client-id client_secret=mock-client-secret"
    );

    let form = [
        ("client_id", "mock-client-id"),
        ("client_secret", "mock-client-secret"),
        ("grant_type", "client_credentials"),
    ];
    let token = answer(
        client()
            .post(format!("{url}/oauth2/token"))
            .form(&form)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(token.status, 200, "{}", token.text);

    let pid = child.id().to_string();
    let signalled = Command::new("kill").args(["-INT", &pid]).status();
    if signalled.is_ok_and(|s| s.success()) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                break;
            }
            assert!(Instant::now() < deadline, "did not stop on SIGINT");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    } else {
        child.kill().unwrap();
        child.wait().unwrap();
    }
}

#[test]
fn binary_rejects_bad_arguments() {
    let status = Command::new(env!("CARGO_BIN_EXE_twitchapi-mock"))
        .args(["--port", "not-a-port"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(2));
}
