//! Error statuses, retries, rate limits and malformed answers.

mod common;

use std::time::Duration;

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use twitchapi::helix::streams::GetStreams;
use twitchapi::helix::users::GetUsers;
use twitchapi::{Error, Twitch};

fn twitchdev() -> GetUsers {
    GetUsers {
        logins: vec!["twitchdev".into()],
        ..Default::default()
    }
}

async fn app_client(mock: &twitchapi_mock::MockServer) -> Twitch {
    let twitch = client(mock);
    twitch.authenticate_app(vec![]).await.unwrap();
    twitch
}

#[tokio::test]
async fn status_codes_map_to_typed_errors() {
    let mock = mock().await;
    let twitch = app_client(&mock).await;

    mock.fail_next("/helix/users", 400, 1);
    let err = twitch.get_users(twitchdev()).await.unwrap_err();
    assert!(
        matches!(err, Error::Api { status: 400, ref message } if message == "fault injected"),
        "{err:?}"
    );

    mock.fail_next("/helix/users", 403, 1);
    assert!(matches!(
        twitch.get_users(twitchdev()).await,
        Err(Error::Api { status: 403, .. })
    ));

    mock.fail_next("/helix/users", 404, 1);
    assert!(matches!(
        twitch.get_users(twitchdev()).await,
        Err(Error::NotFound(_))
    ));

    // 401 twice: refresh once, retry once, then Unauthorized.
    mock.fail_next("/helix/users", 401, 2);
    let err = twitch.get_users(twitchdev()).await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    assert_eq!(mock.count_grant("client_credentials"), 2);

    // Afterwards everything works again.
    assert_eq!(
        twitch.get_users(twitchdev()).await.unwrap().data[0].login,
        "twitchdev"
    );
}

#[tokio::test]
async fn a_5xx_is_retried_once() {
    let mock = mock().await;
    let twitch = app_client(&mock).await;
    mock.clear_requests();

    mock.fail_next("/helix/users", 503, 1);
    assert!(twitch.get_users(twitchdev()).await.is_ok());
    assert_eq!(mock.count("GET", "/helix/users"), 2);

    mock.clear_requests();
    mock.fail_next("/helix/users", 500, 2);
    let err = twitch.get_users(twitchdev()).await.unwrap_err();
    assert!(matches!(err, Error::Backend { status: 500, .. }), "{err:?}");
    assert_eq!(mock.count("GET", "/helix/users"), 2, "one retry, no more");
}

#[tokio::test]
async fn an_empty_bucket_holds_the_call_back_instead_of_sending_into_a_429() {
    let mock = mock().await;
    let twitch = app_client(&mock).await;
    mock.set_rate_limit(2, Duration::from_secs(1));
    mock.clear_requests();
    for _ in 0..3 {
        let page = twitch
            .get_streams(GetStreams::default())
            .await
            .expect("succeeds");
        assert!(page.rate_limit.is_some());
    }
    // The third call waited inside the session for a point to come back: it
    // went out once, and was not answered 429 (that would have sent it twice).
    assert_eq!(mock.count("GET", "/helix/streams"), 3);
}

#[tokio::test]
async fn a_429_is_waited_out_and_sent_again() {
    let mock = mock().await;
    let twitch = app_client(&mock).await;
    // the 429's Ratelimit-Reset is when this bucket is full again: within 1 s
    mock.set_rate_limit(800, Duration::from_secs(1));
    mock.clear_requests();
    mock.fail_next("/helix/streams", 429, 1);
    twitch
        .get_streams(GetStreams::default())
        .await
        .expect("succeeds after the wait");
    assert_eq!(mock.count("GET", "/helix/streams"), 2);
}

#[tokio::test]
async fn a_persistent_429_is_rate_limited() {
    let mock = mock().await;
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .rate_limit_retries(0)
        .build()
        .unwrap();
    twitch.authenticate_app(vec![]).await.unwrap();
    // a slow refill, so that no point comes back before the call
    mock.set_rate_limit(800, Duration::from_secs(600));
    mock.drain_rate_limit();
    let err = twitch.get_streams(GetStreams::default()).await.unwrap_err();
    assert!(
        matches!(err, Error::RateLimited { reset: Some(_) }),
        "{err:?}"
    );
}

#[tokio::test]
async fn invalid_arguments_send_nothing() {
    let mock = mock().await;
    let twitch = app_client(&mock).await;
    mock.clear_requests();
    let err = twitch
        .get_streams(GetStreams {
            first: Some(101),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidArgument(_)));
    assert!(mock.requests().is_empty());
}

/// A one-shot HTTP server on loopback that answers every request with `raw`.
async fn raw_server(raw: &'static [u8]) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let _ = socket.write_all(raw).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    format!("http://{addr}/helix")
}

async fn client_for(helix_url: String) -> Twitch {
    let twitch = Twitch::builder("cid", "secret")
        .helix_url(helix_url)
        .auth_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    twitch.set_app_token("token", vec![]);
    twitch
}

#[tokio::test]
async fn a_non_json_body_is_a_protocol_error() {
    let url = raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 13\r\nConnection: close\r\n\r\n<html></html>").await;
    let err = client_for(url)
        .await
        .get_users(twitchdev())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Protocol(_)), "{err:?}");
}

#[tokio::test]
async fn a_truncated_body_is_a_typed_error() {
    // Content-Length promises more than arrives: the transport reports it.
    let url = raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"data\":[{\"id\":").await;
    let err = client_for(url)
        .await
        .get_users(twitchdev())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport(_) | Error::Protocol(_)),
        "{err:?}"
    );
    // A complete but cut-off JSON document is a protocol error.
    let url = raw_server(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"data\":[{\"id\":").await;
    let err = client_for(url)
        .await
        .get_users(twitchdev())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Protocol(_)), "{err:?}");
}

#[tokio::test]
async fn an_error_body_that_is_not_json_keeps_the_status() {
    let url = raw_server(
        b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 3\r\nConnection: close\r\n\r\nbad",
    )
    .await;
    let err = client_for(url)
        .await
        .get_users(twitchdev())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Backend { status: 502, .. }), "{err:?}");
}

#[tokio::test]
async fn secrets_stay_out_of_debug_output() {
    let mock = mock().await;
    let twitch = app_client(&mock).await;
    let token = twitch.get_app_token().unwrap();
    let dbg = format!("{twitch:?} {token:?} {token}");
    assert!(!dbg.contains(token.expose()));
    assert!(!dbg.contains(mock.client_secret()));
}
