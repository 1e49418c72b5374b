//! Runs the `twitchapi` binary: calls against the mock, exit codes, dry runs, help.

use std::process::{Command, Output};

use serde_json::Value;
use twitchapi_mock::MockServer;

fn twitchapi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(args)
        // The caller's environment must not leak credentials into the tests.
        .env_remove("TWITCH_CLIENT_ID")
        .env_remove("TWITCH_CLIENT_SECRET")
        .env_remove("TWITCH_APP_TOKEN")
        .env_remove("TWITCH_USER_TOKEN")
        .env_remove("TWITCH_USER_SCOPES")
        .env_remove("TWITCH_REFRESH_TOKEN")
        .env_remove("TWITCH_HELIX_URL")
        .env_remove("TWITCH_AUTH_URL")
        .output()
        .expect("the binary runs")
}

fn stdout_json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "exit {:?}, stderr: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn calls_against_the_mock() {
    let users = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "get_users",
        r#"{"logins":["twitchdev"]}"#,
    ]));
    assert_eq!(users[0]["id"], "141981764");

    // global options after the subcommand work the same
    let streams = stdout_json(&twitchapi(&[
        "call",
        "get_streams",
        r#"{"first":3}"#,
        "--mock",
    ]));
    assert_eq!(streams.as_array().unwrap().len(), 3);

    // user-token endpoints: --mock authenticates as twitchdev with every scope
    let updated = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "update_user",
        r#"{"description":"hi"}"#,
    ]));
    assert_eq!(updated[0]["description"], "hi");

    // 204 endpoints print null
    let modified = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "modify_channel_information",
        r#"{"broadcaster_id":"141981764","title":"new title","game_id":null}"#,
    ]));
    assert_eq!(modified, Value::Null);

    // no data: an empty list
    let none = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "get_users",
        r#"{"logins":["nobody-has-this-login"]}"#,
    ]));
    assert_eq!(none, Value::Array(vec![]));
}

#[test]
fn channel_points_and_enums_through_the_cli() {
    let reward = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "create_custom_reward",
        r#"{"broadcaster_id":"141981764","title":"stretch","prompt":"stand up","cost":10,"is_enabled":true,"background_color":null}"#,
    ]));
    assert_eq!(reward[0]["title"], "stretch");
    assert_eq!(reward[0]["cost"], 10);
    let redemptions = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "get_custom_reward_redemption",
        r#"{"broadcaster_id":"141981764","reward_id":"92af127c-7326-4483-a52b-b0da0be61c01","status":"UNFULFILLED","sort":"NEWEST","first":5}"#,
    ]));
    let list = redemptions.as_array().unwrap();
    assert_eq!(list.len(), 5);
    assert!(list.iter().all(|r| r["status"] == "UNFULFILLED"));
    let board = stdout_json(&twitchapi(&[
        "--mock",
        "call",
        "get_bits_leaderboard",
        r#"{"count":3,"period":"week"}"#,
    ]));
    let entries = board["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3, "count=3 of the seeded leaderboard");
    let ranks: Vec<_> = entries
        .iter()
        .map(|e| e["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3]);
    // an unknown reward: 404 -> exit 4
    let output = twitchapi(&[
        "--mock",
        "call",
        "delete_custom_reward",
        r#"{"broadcaster_id":"141981764","reward_id":"00000000-0000-0000-0000-000000000000"}"#,
    ]);
    assert_eq!(code(&output), 4, "{}", stderr(&output));
}

#[test]
fn invalid_arguments_exit_2() {
    for args in [
        vec!["--mock", "call", "get_streams", r#"{"first":0}"#],
        vec!["--mock", "call", "get_users", r#"{"login":["x"]}"#],
        vec!["--mock", "call", "get_users", r#"{"logins":"twitchdev"}"#],
        vec!["--mock", "call", "get_users", "{not json"],
        vec!["--mock", "call", "get_users", "[1]"],
        vec!["--mock", "call", "no_such_method"],
        vec![
            "--mock",
            "call",
            "get_videos",
            r#"{"user_id":"1","period":"fortnight"}"#,
        ],
        vec![
            "--mock",
            "call",
            "get_clips",
            r#"{"broadcaster_id":"1","started_at":"yesterday"}"#,
        ],
    ] {
        let output = twitchapi(&args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
        assert_eq!(
            stderr(&output).trim().lines().count(),
            1,
            "one line on stderr"
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn auth_problems_exit_3() {
    // A scope the given user token lacks: refused before sending.
    let output = twitchapi(&[
        "--mock",
        "--user-token",
        "some-token",
        "--user-scopes",
        "user:read:email",
        "call",
        "update_user",
        r#"{"description":"x"}"#,
    ]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));
    assert!(stderr(&output).contains("user:edit"));

    // A user token the server does not know, and no refresh token.
    let output = twitchapi(&[
        "--mock",
        "--user-token",
        "not-a-real-token",
        "call",
        "get_users",
    ]);
    assert_eq!(code(&output), 3, "{}", stderr(&output));
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Runtime::new().unwrap()
}

#[test]
fn api_errors_exit_4_and_secrets_stay_hidden() {
    let runtime = runtime();
    let mock = runtime.block_on(MockServer::start()).unwrap();
    let helix = mock.helix_url();
    let auth = mock.auth_url();
    let base = [
        "--helix-url",
        helix.as_str(),
        "--auth-url",
        auth.as_str(),
        "--client-id",
        mock.client_id(),
        "--client-secret",
        mock.client_secret(),
    ];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        twitchapi(&args)
    };
    for status in [400u16, 403, 404, 409, 422] {
        mock.fail_next("/helix/games", status, 1);
        let output = run(&["call", "get_games", r#"{"names":["Fortnite"]}"#]);
        assert_eq!(code(&output), 4, "status {status}: {}", stderr(&output));
    }
    // 5xx after the one retry
    mock.fail_next("/helix/games", 500, 2);
    let output = run(&["call", "get_games", r#"{"names":["Fortnite"]}"#]);
    assert_eq!(code(&output), 4, "{}", stderr(&output));
    // a 5xx once is retried and succeeds
    mock.fail_next("/helix/games", 503, 1);
    let games = stdout_json(&run(&["call", "get_games", r#"{"names":["Fortnite"]}"#]));
    assert_eq!(games[0]["name"], "Fortnite");
    // the secret never reaches stderr or stdout
    let output = run(&["call", "get_games", r#"{"names":["Fortnite"]}"#]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
    assert!(!all.contains(mock.client_secret()));
}

#[test]
fn dry_run_redacts_tokens_and_sends_nothing() {
    let runtime = runtime();
    let mock = runtime.block_on(MockServer::start()).unwrap();
    let helix = mock.helix_url();
    let output = twitchapi(&[
        "--helix-url",
        &helix,
        "--client-id",
        "cid",
        "--user-token",
        "USER-SECRET-TOKEN",
        "--user-scopes",
        "user:edit",
        "--app-token",
        "APP-SECRET-TOKEN",
        "call",
        "update_user",
        r#"{"description":"hello world"}"#,
        "--dry-run",
    ]);
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(!text.contains("USER-SECRET-TOKEN") && !text.contains("APP-SECRET-TOKEN"));
    let request = stdout_json(&output);
    assert_eq!(request["method"], "PUT");
    assert_eq!(
        request["url"],
        format!("{helix}/users?description=hello+world")
    );
    assert_eq!(request["headers"]["authorization"], "Bearer [redacted]");
    assert_eq!(request["headers"]["client-id"], "cid");
    assert!(mock.requests().is_empty(), "nothing was sent");

    // a JSON body is shown
    let output = twitchapi(&[
        "--user-token",
        "T",
        "--user-scopes",
        "all",
        "call",
        "modify_channel_information",
        r#"{"broadcaster_id":"1","title":"t"}"#,
        "--dry-run",
    ]);
    let request = stdout_json(&output);
    assert_eq!(request["method"], "PATCH");
    assert_eq!(request["body"]["title"], "t");

    // invalid arguments are still refused in a dry run
    let output = twitchapi(&["call", "get_streams", r#"{"first":101}"#, "--dry-run"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn help_lists_every_method_with_parameters() {
    for args in [vec!["--help"], vec!["call", "--help"]] {
        let output = twitchapi(&args);
        assert!(output.status.success());
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        for method in [
            "get_users",
            "get_streams",
            "update_user",
            "get_videos",
            "search_channels",
        ] {
            assert!(text.contains(method), "{args:?} lists {method}");
        }
        assert!(text.contains("user_ids: [string]"));
        assert!(text.contains("first: integer, default 20"));
    }
}

#[test]
fn environment_variables_configure_the_client() {
    let runtime = runtime();
    let mock = runtime.block_on(MockServer::start()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(["call", "get_top_games", r#"{"first":2}"#])
        .env("TWITCH_CLIENT_ID", mock.client_id())
        .env("TWITCH_CLIENT_SECRET", mock.client_secret())
        .env("TWITCH_HELIX_URL", mock.helix_url())
        .env("TWITCH_AUTH_URL", mock.auth_url())
        .env_remove("TWITCH_USER_TOKEN")
        .env_remove("TWITCH_APP_TOKEN")
        .output()
        .unwrap();
    let games = stdout_json(&output);
    assert_eq!(games.as_array().unwrap().len(), 2);
    assert_eq!(mock.count_grant("client_credentials"), 1);
}

#[test]
fn the_mock_subcommand_serves_until_stopped() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_twitchapi"))
        .args(["mock", "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .strip_prefix("twitchapi mock listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();
    assert!(url.starts_with("http://127.0.0.1:"));
    let credentials = lines.nth(1).unwrap().unwrap();
    assert_eq!(
        credentials,
        "client_id=mock-client-id client_secret=mock-client-secret"
    );
    let helix = format!("{url}/helix");
    let output = twitchapi(&[
        "--helix-url",
        &helix,
        "--auth-url",
        &url,
        "--client-id",
        "mock-client-id",
        "--client-secret",
        "mock-client-secret",
        "call",
        "get_users",
        r#"{"logins":["twitchdev"]}"#,
    ]);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(stdout_json(&output)[0]["login"], "twitchdev");
}
