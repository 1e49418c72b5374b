//! The native OAuth helpers against the mock's id.twitch.tv, end to end, with a
//! test HTTP client playing the browser. Every log line of the run is
//! captured and checked for tokens and secrets.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use common::*;
use twitchapi::helix::users::GetUsers;
use twitchapi::{AuthScope, Error, StoredTokens, TokenStore, Twitch, UserAuthenticator};
use twitchapi_mock::MockServer;

/// Every log line written during the run (all targets, TRACE).
fn logs() -> &'static Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buffer: Arc<Mutex<Vec<u8>>> = Arc::default();
        let sink = Arc::clone(&buffer);
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || Sink(Arc::clone(&sink)))
            .finish();
        let _ = tracing::subscriber::set_global_default(subscriber);
        buffer
    })
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn assert_not_logged(secrets: &[&str]) {
    let text = String::from_utf8_lossy(&logs().lock().unwrap()).into_owned();
    assert!(!text.is_empty(), "the capture works");
    for secret in secrets {
        assert!(!text.contains(secret), "{secret:?} appears in the logs");
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn authenticator(twitch: &Twitch, port: u16) -> UserAuthenticator {
    let mut auth = UserAuthenticator::new(twitch, vec![AuthScope::UserReadEmail], false);
    auth.port = port;
    auth.url = format!("http://localhost:{port}");
    auth.timeout = Duration::from_secs(10);
    auth
}

/// Plays the browser: opens `url` and follows the redirects to the local server.
fn browse(url: &str) -> tokio::task::JoinHandle<(u16, String)> {
    let url = url.to_owned();
    tokio::spawn(async move {
        let answer = reqwest::get(&url)
            .await
            .expect("the browser gets an answer");
        (answer.status().as_u16(), answer.text().await.unwrap())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_authenticator_gets_tokens_that_work_on_helix() {
    logs();
    let mock = mock().await;
    let twitch = client(&mock);
    let port = free_port();
    let auth = authenticator(&twitch, port);
    let browser = Arc::new(Mutex::new(None));
    let b = Arc::clone(&browser);
    let token = auth
        .authenticate_with(move |url| {
            assert!(url.contains(&format!("redirect_uri=http%3A%2F%2Flocalhost%3A{port}&")));
            let state = url.split("state=").nth(1).unwrap();
            assert!(state.len() >= 16 && state.chars().all(|c| c.is_ascii_alphanumeric()));
            *b.lock().unwrap() = Some(browse(url));
        })
        .await
        .expect("tokens");
    let browser = browser.lock().unwrap().take().unwrap();
    let (status, page) = browser.await.unwrap();
    assert_eq!(status, 200);
    assert!(page.contains("You can close this tab"));
    assert_eq!(token.scope, vec![AuthScope::UserReadEmail]);
    let refresh = token.refresh_token.clone().expect("a refresh token");
    twitch
        .set_user_authentication(
            token.access_token.expose(),
            token.scope.clone(),
            Some(refresh.expose().to_owned()),
        )
        .unwrap();
    let me = twitch.request(&GetUsers::default()).await.unwrap();
    assert_eq!(me.data[0].id, TWITCHDEV);
    // the port is free again
    std::net::TcpListener::bind(("127.0.0.1", port)).expect("the redirect server is down");
    assert_not_logged(&[
        token.access_token.expose(),
        refresh.expose(),
        mock.client_secret(),
    ]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_state_is_refused_and_the_wait_goes_on() {
    logs();
    let mock = mock().await;
    let twitch = client(&mock);
    let port = free_port();
    let auth = authenticator(&twitch, port);
    let browser = Arc::new(Mutex::new(None));
    let b = Arc::clone(&browser);
    let token = auth
        .authenticate_with(move |url| {
            let url = url.to_owned();
            *b.lock().unwrap() = Some(tokio::spawn(async move {
                // a forged redirect first: an error page, no exchange
                let forged = reqwest::get(format!(
                    "http://127.0.0.1:{port}/?code=stolen&state=forged-state-0123456789"
                ))
                .await
                .unwrap();
                let status = forged.status().as_u16();
                let page = forged.text().await.unwrap();
                let no_state = reqwest::get(format!("http://127.0.0.1:{port}/?code=stolen"))
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                let favicon = reqwest::get(format!("http://127.0.0.1:{port}/favicon.ico"))
                    .await
                    .unwrap()
                    .status()
                    .as_u16();
                let real = reqwest::get(&url).await.unwrap().status().as_u16();
                (status, page, no_state, favicon, real)
            }));
        })
        .await
        .expect("the right redirect still works");
    let handle = browser.lock().unwrap().take().unwrap();
    let (status, page, no_state, favicon, real) = handle.await.unwrap();
    assert_eq!((status, no_state, favicon, real), (400, 400, 404, 200));
    assert!(page.contains("state"), "{page}");
    assert!(token.refresh_token.is_some());
    assert_eq!(
        mock.requests()
            .iter()
            .filter(|r| r.path == "/oauth2/token")
            .count(),
        1,
        "one exchange, of the right code"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_denial_a_busy_port_and_a_stop_are_typed_errors() {
    logs();
    let mock = mock().await;
    let twitch = client(&mock);
    let port = free_port();
    mock.oauth_deny_next(true);
    let err = authenticator(&twitch, port)
        .authenticate_with(|url| {
            browse(url);
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::AccessDenied(_)), "{err:?}");

    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let busy_port = busy.local_addr().unwrap().port();
    let started = std::time::Instant::now();
    let err = authenticator(&twitch, busy_port)
        .authenticate_with(|_| panic!("no URL is handed out when the port is busy"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Transport(m) if m.contains("busy")),
        "{err:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "no hang");
    drop(busy);

    let port = free_port();
    let auth = Arc::new(authenticator(&twitch, port));
    let waiting = Arc::clone(&auth);
    let task = tokio::spawn(async move { waiting.authenticate_with(|_| {}).await });
    // once it listens, it waits for the redirect: stop it
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    auth.stop();
    let err = task.await.unwrap().unwrap_err();
    assert!(
        matches!(&err, Error::Transport(m) if m.contains("stopped")),
        "{err:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refresh_validate_and_revoke() {
    logs();
    let mock = mock().await;
    let twitch = client(&mock);
    let issued = mock.issue_user_token(TWITCHDEV, &["user:read:email"]);
    let refresh = issued.refresh_token.clone().unwrap();
    let (access, new_refresh) = twitch.refresh_access_token(&refresh).await.unwrap();
    assert_ne!(access.expose(), issued.access_token);
    let validation = twitch.validate_token(access.expose()).await.unwrap();
    assert_eq!(validation.user_id.as_deref(), Some(TWITCHDEV));
    assert_eq!(
        twitch.refresh_access_token("not-a-refresh-token").await,
        Err(Error::InvalidRefreshToken)
    );
    let bad_client = Twitch::builder(mock.client_id(), "wrong-secret")
        .auth_url(mock.auth_url())
        .build()
        .unwrap();
    assert!(matches!(
        bad_client.refresh_access_token(new_refresh.expose()).await,
        Err(Error::Unauthorized(_))
    ));
    // a revoked token is refused by validate and by Helix
    twitch.revoke_token(access.expose()).await.unwrap();
    assert!(matches!(
        twitch.validate_token(access.expose()).await,
        Err(Error::Unauthorized(_))
    ));
    let user = client(&mock);
    user.set_auto_refresh_auth(false);
    user.set_user_authentication(access.expose(), vec![AuthScope::UserReadEmail], None)
        .unwrap();
    assert!(matches!(
        user.request(&GetUsers::default()).await,
        Err(Error::Unauthorized(_))
    ));
    assert!(twitch.revoke_token("never-issued").await.is_err());
    assert_not_logged(&[access.expose(), new_refresh.expose(), &refresh]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_client_gets_a_device_token_and_refreshes_it_without_a_secret() {
    logs();
    let mock = mock().await;
    mock.oauth_device_interval(Duration::from_secs(1));
    mock.oauth_device_pending_polls(1);
    let twitch = Twitch::builder(mock.public_client_id(), "")
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()
        .unwrap();
    let mut shown = Vec::new();
    let token = twitchapi::device_flow(&twitch, vec![AuthScope::UserReadEmail], |code| {
        shown.push(code.clone())
    })
    .await
    .unwrap();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].user_code.len(), 8);
    assert!(shown[0].verification_uri.contains(&shown[0].user_code));
    let polls = mock
        .requests()
        .iter()
        .filter(|r| r.path == "/oauth2/token")
        .count();
    assert_eq!(polls, 2, "one pending poll, then the token");
    let refresh = token.refresh_token.clone().unwrap();
    let (access, rotated) = twitch.refresh_access_token(refresh.expose()).await.unwrap();
    let sent = mock.requests();
    let last = sent
        .iter()
        .rev()
        .find(|r| r.path == "/oauth2/token")
        .unwrap();
    assert!(!last.body.contains("client_secret"));
    // the session refreshes a public client's token too
    twitch
        .set_user_authentication(
            access.expose(),
            vec![AuthScope::UserReadEmail],
            Some(rotated.expose().to_owned()),
        )
        .unwrap();
    mock.expire_token(access.expose());
    let me = twitch.request(&GetUsers::default()).await.unwrap();
    assert_eq!(me.data[0].id, TWITCHDEV);
    // a refused device code ends the flow
    mock.oauth_device_pending_polls(100);
    let flow = tokio::spawn({
        let twitch = twitch.clone();
        async move { twitchapi::device_flow(&twitch, vec![], |_| {}).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(mock.oauth_device_deny(), 1);
    assert!(matches!(flow.await.unwrap(), Err(Error::AccessDenied(_))));
    assert_not_logged(&[
        token.access_token.expose(),
        refresh.expose(),
        rotated.expose(),
    ]);
}

fn temp_file(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("twitchapi-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("tokens.json")
}

async fn mock_user(mock: &MockServer) -> StoredTokens {
    let issued = mock.issue_user_token(TWITCHDEV, &["user:read:email"]);
    StoredTokens {
        access_token: twitchapi::Secret::new(issued.access_token),
        refresh_token: twitchapi::Secret::new(issued.refresh_token.unwrap()),
        scopes: vec![AuthScope::UserReadEmail],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_store_refreshes_an_expired_token_and_saves_every_refresh() {
    logs();
    let mock = mock().await;
    let path = temp_file("store");
    let store = TokenStore::new(&path);
    let stored = mock_user(&mock).await;
    store.save(&stored).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    mock.expire_token(stored.access_token.expose());
    let twitch = client(&mock);
    let got = store
        .authenticate(&twitch, vec![AuthScope::UserReadEmail], || async {
            panic!("a refreshable token needs no browser")
        })
        .await
        .unwrap();
    assert_ne!(got.access_token, stored.access_token, "refreshed");
    assert_eq!(store.load().unwrap().unwrap(), got, "and saved");
    // an automatic refresh by the session is saved too
    mock.expire_token(got.access_token.expose());
    twitch.request(&GetUsers::default()).await.unwrap();
    let saved = store.load().unwrap().unwrap();
    assert_ne!(saved.access_token, got.access_token);
    assert_eq!(saved.access_token, twitch.get_user_auth_token().unwrap());

    // a token that cannot be refreshed runs the authenticator
    mock.revoke_token(saved.access_token.expose());
    mock.revoke_refresh_token(saved.refresh_token.expose());
    let fresh = mock_user(&mock).await;
    let twitch = client(&mock);
    let from_auth = fresh.clone();
    let got = store
        .authenticate(
            &twitch,
            vec![AuthScope::UserReadEmail],
            move || async move {
                Ok(serde_json::from_value(serde_json::json!({
                    "access_token": from_auth.access_token.expose(),
                    "refresh_token": from_auth.refresh_token.expose(),
                    "scope": ["user:read:email"],
                    "expires_in": 3600,
                    "token_type": "bearer"
                }))
                .unwrap())
            },
        )
        .await
        .unwrap();
    assert_eq!(got, fresh);
    assert_eq!(store.load().unwrap().unwrap(), fresh);
    assert_not_logged(&[stored.refresh_token.expose(), fresh.access_token.expose()]);
}

#[test]
fn a_crash_mid_save_leaves_the_old_file_intact() {
    let path = temp_file("crash");
    let store = TokenStore::new(&path);
    let old = StoredTokens {
        access_token: twitchapi::Secret::new("old-access"),
        refresh_token: twitchapi::Secret::new("old-refresh"),
        scopes: vec![AuthScope::ChatRead],
    };
    store.save(&old).unwrap();
    // a crash while writing leaves a partial temporary file beside the token file
    let dir = path.parent().unwrap();
    std::fs::write(
        dir.join(".tokens.json.999.0.tmp"),
        b"{\"access_token\":\"new-acc",
    )
    .unwrap();
    assert_eq!(store.load().unwrap(), Some(old.clone()));
    // a save that fails midway (the temporary file cannot be renamed into
    // place: the target is a directory) leaves nothing half-written either
    let blocked = TokenStore::new(dir.join("blocked"));
    std::fs::create_dir_all(dir.join("blocked").join("inside")).unwrap();
    assert!(blocked.save(&old).is_err());
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("blocked") && n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // the next save replaces the file whole
    let new = StoredTokens {
        access_token: twitchapi::Secret::new("new-access"),
        ..old.clone()
    };
    store.save(&new).unwrap();
    assert_eq!(store.load().unwrap(), Some(new));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_while_idle_is_found_by_the_validation_and_refreshed() {
    logs();
    let mock = mock().await;
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .validate_every(Some(Duration::from_millis(300)))
        .build()
        .unwrap();
    let invalid = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&invalid);
    twitch.on_token_invalid(move |kind| seen.lock().unwrap().push(kind));
    let issued = mock.issue_user_token(TWITCHDEV, &["user:read:email"]);
    twitch
        .set_user_authentication(
            issued.access_token.clone(),
            vec![AuthScope::UserReadEmail],
            issued.refresh_token.clone(),
        )
        .unwrap();
    // one call gives the client its runtime; then it sits idle
    twitch.request(&GetUsers::default()).await.unwrap();
    tokio::time::sleep(Duration::from_millis(700)).await;
    let validations = || mock.count("GET", "/oauth2/validate");
    assert!(validations() >= 1, "validated while idle");
    assert!(
        invalid.lock().unwrap().is_empty(),
        "a valid token is left alone"
    );
    mock.revoke_token(&issued.access_token);
    for _ in 0..100 {
        if !invalid.lock().unwrap().is_empty()
            && twitch.get_user_auth_token().unwrap().expose() != issued.access_token
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(*invalid.lock().unwrap(), vec![twitchapi::TokenKind::User]);
    assert_ne!(
        twitch.get_user_auth_token().unwrap().expose(),
        issued.access_token,
        "refreshed"
    );
    assert_not_logged(&[&issued.access_token]);
}
