//! Token lifecycle against the mock: single-flight refresh, which token is
//! refreshed, invalid refresh tokens, missing scopes.

mod common;

use std::time::Duration;

use common::*;
use twitchapi::helix::users::{GetUsers, GetUsersFollows, UpdateUser};
use twitchapi::{AuthScope, Error};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_calls_with_a_rejected_user_token_refresh_once() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[AuthScope::UserReadEmail]).await;
    let old = twitch.get_user_auth_token().unwrap();
    mock.expire_token(old.expose());
    // A slow token endpoint: every call gets its 401 while the refresh is in flight.
    mock.set_delay("/oauth2/token", Duration::from_millis(300));

    let calls = (0..50).map(|_| {
        let twitch = twitch.clone();
        tokio::spawn(async move { twitch.get_users(GetUsers::default()).await })
    });
    let results = futures::future::join_all(calls).await;
    for result in results {
        let users = result
            .expect("task")
            .expect("call succeeds after the refresh");
        assert_eq!(users.data[0].id, TWITCHDEV);
    }
    assert_eq!(mock.count_grant("refresh_token"), 1, "exactly one refresh");
    assert_ne!(twitch.get_user_auth_token().unwrap(), old);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_calls_with_an_expired_user_token_refresh_once() {
    let mock = mock().await;
    let twitch = client(&mock);
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    mock.expire_token(&issued.access_token);
    // The lifetime is known and already over: the client refreshes before sending.
    twitch
        .set_user_authentication_with_expiry(
            issued.access_token.clone(),
            vec![],
            issued.refresh_token.clone(),
            Duration::ZERO,
        )
        .unwrap();
    let calls = (0..50).map(|_| {
        let twitch = twitch.clone();
        tokio::spawn(async move { twitch.get_users(GetUsers::default()).await })
    });
    for result in futures::future::join_all(calls).await {
        result.unwrap().expect("call succeeds");
    }
    assert_eq!(mock.count_grant("refresh_token"), 1);
    // No request went out with the expired token.
    let stale = format!("Bearer {}", issued.access_token);
    assert!(mock
        .requests()
        .iter()
        .all(|r| !r.headers.iter().any(|(_, v)| v == &stale)));
}

#[tokio::test]
async fn a_401_on_an_app_token_call_refreshes_the_app_token_only() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[]).await;
    let app = twitch.get_app_token().unwrap();
    let user = twitch.get_user_auth_token().unwrap();
    mock.expire_token(app.expose());

    let follows = twitch
        .get_users_follows(GetUsersFollows {
            to_id: Some(TWITCHDEV.into()),
            ..Default::default()
        })
        .await
        .expect("succeeds after refreshing the app token");
    assert!(!follows.data.is_empty());
    assert_eq!(mock.count_grant("client_credentials"), 2);
    assert_eq!(mock.count_grant("refresh_token"), 0);
    assert_ne!(twitch.get_app_token().unwrap(), app);
    assert_eq!(twitch.get_user_auth_token().unwrap(), user);
}

#[tokio::test]
async fn a_missing_scope_fails_before_any_request() {
    let mock = mock().await;
    let twitch = client_with_user(&mock, &[AuthScope::UserReadEmail]).await;
    mock.clear_requests();
    let err = twitch
        .update_user(UpdateUser::new("hello"))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::MissingScope {
            required: vec![AuthScope::UserEdit]
        }
    );
    assert!(mock.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn an_invalid_refresh_token_is_reported() {
    let mock = mock().await;
    let twitch = client(&mock);
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    let refresh = issued
        .refresh_token
        .clone()
        .expect("user tokens have a refresh token");
    twitch
        .set_user_authentication(issued.access_token.clone(), vec![], Some(refresh.clone()))
        .unwrap();
    mock.expire_token(&issued.access_token);
    mock.revoke_refresh_token(&refresh);
    mock.set_delay("/oauth2/token", Duration::from_millis(300));
    let calls = (0..20).map(|_| {
        let twitch = twitch.clone();
        tokio::spawn(async move { twitch.get_users(GetUsers::default()).await })
    });
    for result in futures::future::join_all(calls).await {
        assert_eq!(result.unwrap().unwrap_err(), Error::InvalidRefreshToken);
    }
    // The rejected refresh token is tried once, not once per call.
    assert_eq!(mock.count_grant("refresh_token"), 1);
}

#[tokio::test]
async fn without_auto_refresh_a_401_is_unauthorized() {
    let mock = mock().await;
    let twitch = client(&mock);
    twitch.set_auto_refresh_auth(false);
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    twitch
        .set_user_authentication(issued.access_token.clone(), vec![], None)
        .unwrap();
    mock.expire_token(&issued.access_token);
    let err = twitch.get_users(GetUsers::default()).await.unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)), "{err:?}");
    assert_eq!(mock.count_grant("refresh_token"), 0);
}

#[tokio::test]
async fn no_authentication_is_unauthorized_before_sending() {
    let mock = mock().await;
    let twitch = client(&mock);
    let err = twitch
        .get_users(GetUsers {
            logins: vec!["twitchdev".into()],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Unauthorized(_)));
    assert!(mock.requests().is_empty());
}

#[tokio::test]
async fn every_refresh_hands_the_rotated_refresh_token_to_the_application() {
    let mock = mock().await;
    let twitch = client(&mock);
    let issued = mock.issue_user_token(TWITCHDEV, &[]);
    twitch
        .set_user_authentication(
            issued.access_token.clone(),
            vec![],
            issued.refresh_token.clone(),
        )
        .unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = seen.clone();
    twitch.on_token_refresh(move |update| {
        sink.lock().unwrap().push((
            update.kind,
            update.access_token.expose().to_owned(),
            update.refresh_token.as_ref().map(|t| t.expose().to_owned()),
        ));
    });
    mock.expire_token(&issued.access_token);
    twitch.get_users(GetUsers::default()).await.unwrap();
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    let (kind, access, refresh) = &seen[0];
    assert_eq!(*kind, twitchapi::TokenKind::User);
    assert_eq!(
        Some(access.as_str()),
        twitch.get_user_auth_token().as_ref().map(|t| t.expose())
    );
    assert_ne!(
        refresh.as_deref(),
        issued.refresh_token.as_deref(),
        "not rotated"
    );
    // the rotated refresh token is the one that works now
    twitch.refresh_used_token().await.unwrap();
}
