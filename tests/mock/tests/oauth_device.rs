//! id.twitch.tv's device code flow, the public client, refresh errors, revoke.

mod common;
mod oauth_common;

use std::time::Duration;

use common::{answer, client, get, token_request};
use oauth_common::*;
use serde_json::json;
use twitchapi_mock::MockServer;

#[tokio::test]
async fn device_flow_pending_then_approved_then_used_up() {
    let server = MockServer::start().await.unwrap();
    let public = server.public_client_id().to_owned();
    let started = device(
        &server,
        &[
            ("client_id", &public),
            ("scopes", "user:read:email channel:read:redemptions"),
        ],
    )
    .await;
    assert_eq!(started.status, 200, "{}", started.text);
    assert_eq!(started.json["expires_in"], 1800);
    assert_eq!(started.json["interval"], 5);
    let code = started.json["device_code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 40);
    assert!(code.bytes().all(|b| b.is_ascii_alphanumeric()));
    let user_code = started.json["user_code"].as_str().unwrap();
    assert_eq!(user_code.len(), 8);
    assert!(user_code.bytes().all(|b| b.is_ascii_uppercase()));
    assert_eq!(
        started.json["verification_uri"],
        format!("{}/activate?device-code={user_code}", server.url())
    );

    for _ in 0..2 {
        assert_oauth_error(
            &poll(&server, &public, &code).await,
            400,
            "authorization_pending",
        );
    }
    let token = poll(&server, &public, &code).await;
    assert_eq!(token.status, 200, "{}", token.text);
    assert_eq!(token.json["token_type"], "bearer");
    assert_eq!(
        token.json["scope"],
        json!(["user:read:email", "channel:read:redemptions"])
    );
    assert!(token.json["refresh_token"].is_string());
    assert!(token.json["expires_in"].as_u64().unwrap() > 0);
    let access = token.json["access_token"].as_str().unwrap();
    let v = validate(&server, access).await;
    assert_eq!(v.json["client_id"], public.as_str());
    assert_eq!(v.json["login"], "twitchdev");

    assert_oauth_error(
        &poll(&server, &public, &code).await,
        400,
        "invalid device code",
    );
    assert_oauth_error(
        &poll(&server, &public, "not-a-device-code").await,
        400,
        "invalid device code",
    );

    // The confidential client may poll too, with or without its secret (a
    // wrong one is refused); visiting the verification_uri approves at once.
    server.oauth_device_pending_polls(5);
    let started = device(&server, &[("client_id", server.client_id())]).await;
    let code = started.json["device_code"].as_str().unwrap().to_owned();
    let wrong = token_request(
        &server,
        &[
            ("client_id", server.client_id()),
            ("client_secret", "nope"),
            ("device_code", &code),
            ("grant_type", DEVICE_GRANT),
        ],
    )
    .await;
    assert_oauth_error(&wrong, 403, "invalid client secret");
    let other_client = poll(&server, &public, &code).await;
    assert_oauth_error(&other_client, 400, "invalid device code");
    let page = client()
        .get(started.json["verification_uri"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let token = poll(&server, server.client_id(), &code).await;
    assert_eq!(token.status, 200, "{}", token.text);
    assert_eq!(token.json["scope"], json!([]));
}

#[tokio::test]
async fn device_slow_down_knobs() {
    let server = MockServer::start().await.unwrap();
    let public = server.public_client_id().to_owned();
    server.oauth_device_pending_polls(0);
    let code = device_code(&server, &public, "bits:read").await;
    server.oauth_device_slow_down_next();
    assert_oauth_error(&poll(&server, &public, &code).await, 400, "slow_down");
    // Once only, and it did not use the code up.
    assert_eq!(poll(&server, &public, &code).await.status, 200);

    // The interval, when enforced: a second poll within 5 s slows down.
    server.oauth_device_pending_polls(1);
    server.oauth_device_enforce_interval(true);
    let code = device_code(&server, &public, "bits:read").await;
    let first = poll(&server, &public, &code).await;
    assert_oauth_error(&first, 400, "authorization_pending");
    assert_oauth_error(&poll(&server, &public, &code).await, 400, "slow_down");
    server.oauth_device_enforce_interval(false);
    assert_eq!(poll(&server, &public, &code).await.status, 200);

    // Over the admin API.
    let code = device_code(&server, &public, "bits:read").await;
    let url = format!("{}/mock/oauth/device/slow_down_next", server.url());
    let armed = client().post(url).send().await.unwrap();
    assert_eq!(armed.status().as_u16(), 204);
    assert_oauth_error(&poll(&server, &public, &code).await, 400, "slow_down");
    let url = format!("{}/mock/oauth/device/pending_polls?n=3", server.url());
    assert_eq!(client().post(url).send().await.unwrap().status(), 204);
    assert_oauth_error(
        &poll(&server, &public, &code).await,
        400,
        "authorization_pending",
    );
}

#[tokio::test]
async fn device_codes_expire() {
    let server = MockServer::start().await.unwrap();
    let public = server.public_client_id().to_owned();
    server.oauth_device_expires_in(Duration::from_millis(300));
    let started = device(&server, &[("client_id", &public), ("scopes", "bits:read")]).await;
    assert_eq!(started.json["expires_in"], 0);
    let code = started.json["device_code"].as_str().unwrap().to_owned();
    assert_oauth_error(
        &poll(&server, &public, &code).await,
        400,
        "authorization_pending",
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_oauth_error(
        &poll(&server, &public, &code).await,
        400,
        "invalid device code",
    );

    // Over the admin API, and it only changes codes handed out later.
    let url = format!("{}/mock/oauth/device/expires_in?ms=60000", server.url());
    assert_eq!(client().post(url).send().await.unwrap().status(), 204);
    let started = device(&server, &[("client_id", &public)]).await;
    assert_eq!(started.json["expires_in"], 60);
}

#[tokio::test]
async fn device_deny_answers_access_denied() {
    let server = MockServer::start().await.unwrap();
    let public = server.public_client_id().to_owned();
    let code = device_code(&server, &public, "bits:read").await;
    assert_oauth_error(
        &poll(&server, &public, &code).await,
        400,
        "authorization_pending",
    );
    assert_eq!(server.oauth_device_deny(), 1);
    for _ in 0..4 {
        assert_oauth_error(&poll(&server, &public, &code).await, 400, "access_denied");
    }
    // Codes handed out later are not refused.
    server.oauth_device_pending_polls(0);
    let later = device_code(&server, &public, "bits:read").await;
    assert_eq!(poll(&server, &public, &later).await.status, 200);

    let code = device_code(&server, &public, "bits:read").await;
    let url = format!("{}/mock/oauth/device/deny", server.url());
    let denied = answer(client().post(url).send().await.unwrap()).await;
    assert_eq!(denied.json, json!({ "count": 1 }));
    assert_oauth_error(&poll(&server, &public, &code).await, 400, "access_denied");
}

#[tokio::test]
async fn public_client_refreshes_without_secret_and_gets_no_app_token() {
    let server = MockServer::start().await.unwrap();
    let public = server.public_client_id().to_owned();
    server.oauth_device_pending_polls(0);
    let code = device_code(&server, &public, "user:read:email").await;
    let first = poll(&server, &public, &code).await;
    let access = first.json["access_token"].as_str().unwrap().to_owned();
    let refresh = first.json["refresh_token"].as_str().unwrap().to_owned();

    // Its tokens work on Helix with its own Client-Id, not with the other one.
    let me = users_as(&server, &public, &access).await;
    assert_eq!(me.status, 200, "{}", me.text);
    assert_eq!(me.data()[0]["email"], "not-real@email.com");
    let mismatch = users_as(&server, server.client_id(), &access).await;
    common::assert_helix_error(&mismatch, 401, "Client ID and OAuth token do not match");

    let refreshed = token_request(
        &server,
        &[
            ("client_id", &public),
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
        ],
    )
    .await;
    assert_eq!(refreshed.status, 200, "{}", refreshed.text);
    assert_eq!(refreshed.json["scope"], json!(["user:read:email"]));
    let new_access = refreshed.json["access_token"].as_str().unwrap();
    assert_eq!(users_as(&server, &public, new_access).await.status, 200);
    assert_eq!(users_as(&server, &public, &access).await.status, 401);

    // A public client's refresh token is good once.
    let again = token_request(
        &server,
        &[
            ("client_id", &public),
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
        ],
    )
    .await;
    assert_eq!(again.status, 400);
    assert_eq!(
        again.json,
        json!({"error": "Bad Request", "status": 400, "message": "Invalid refresh token"})
    );

    let app = token_request(
        &server,
        &[("client_id", &public), ("grant_type", "client_credentials")],
    )
    .await;
    assert_oauth_error(&app, 400, "invalid client secret");
    assert_eq!(server.count_grant("client_credentials"), 1);
}

#[tokio::test]
async fn refresh_errors_are_twitchs() {
    let server = MockServer::start().await.unwrap();
    let (id, secret) = (server.client_id(), server.client_secret());
    let issued = server.issue_user_token("141981764", &["user:edit"]);
    let refresh = issued.refresh_token.unwrap();
    let send = |form: Vec<(&'static str, String)>| {
        let url = format!("{}/oauth2/token", server.auth_url());
        async move { answer(client().post(url).form(&form).send().await.unwrap()).await }
    };
    let grant = |client_id: &str, secret: Option<&str>, refresh: &str| {
        let mut form = vec![
            ("client_id", client_id.to_owned()),
            ("grant_type", "refresh_token".to_owned()),
            ("refresh_token", refresh.to_owned()),
        ];
        if let Some(secret) = secret {
            form.push(("client_secret", secret.to_owned()));
        }
        form
    };

    let unknown = send(grant(id, Some(secret), "no-such-token")).await;
    assert_eq!(unknown.status, 400);
    assert_eq!(
        unknown.json,
        json!({"error": "Bad Request", "status": 400, "message": "Invalid refresh token"})
    );
    let wrong_secret = send(grant(id, Some("nope"), &refresh)).await;
    assert_oauth_error(&wrong_secret, 403, "invalid client secret");
    let no_secret = send(grant(id, None, &refresh)).await;
    assert_oauth_error(&no_secret, 400, "missing client secret");
    let bad_client = send(grant("someone", Some(secret), &refresh)).await;
    assert_oauth_error(&bad_client, 400, "invalid client");
    // The confidential client's token is not the public client's to refresh.
    let foreign = send(grant(server.public_client_id(), None, &refresh)).await;
    assert_eq!(foreign.json["message"], "Invalid refresh token");
    // None of these used it up.
    assert_eq!(send(grant(id, Some(secret), &refresh)).await.status, 200);

    assert!(server.revoke_token(&refresh));
    let revoked = send(grant(id, Some(secret), &refresh)).await;
    assert_eq!(revoked.status, 400);
    assert_eq!(revoked.json["error"], "Bad Request");
    assert_eq!(revoked.json["message"], "Invalid refresh token");
}

#[tokio::test]
async fn revoked_tokens_get_401_from_helix_and_validate() {
    let server = MockServer::start().await.unwrap();
    let url = format!("{}/oauth2/revoke", server.auth_url());
    let token = server
        .issue_user_token("141981764", &["user:read:email"])
        .access_token;
    assert_eq!(get(&server, "/users", &token).await.status, 200);
    let form = [("client_id", server.client_id()), ("token", token.as_str())];
    let ok = answer(client().post(&url).form(&form).send().await.unwrap()).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    common::assert_helix_error(
        &get(&server, "/users", &token).await,
        401,
        "Invalid OAuth token",
    );
    assert_oauth_error(
        &validate(&server, &token).await,
        401,
        "invalid access token",
    );
    // Revoking again is no error.
    let twice = answer(client().post(&url).form(&form).send().await.unwrap()).await;
    assert_eq!(twice.status, 200);

    let form = [("client_id", server.client_id()), ("token", "never-issued")];
    let unknown = answer(client().post(&url).form(&form).send().await.unwrap()).await;
    assert_oauth_error(&unknown, 400, "Invalid token");
    // A token of the other client is not this client's to revoke.
    let other = server.issue_app_token().access_token;
    let form = [
        ("client_id", server.public_client_id()),
        ("token", other.as_str()),
    ];
    let foreign = answer(client().post(&url).form(&form).send().await.unwrap()).await;
    assert_oauth_error(&foreign, 400, "Invalid token");
    assert_eq!(validate(&server, &other).await.status, 200);

    // MockServer::revoke_token and its admin route.
    assert!(server.revoke_token(&other));
    assert_oauth_error(
        &validate(&server, &other).await,
        401,
        "invalid access token",
    );
    assert!(!server.revoke_token("never-issued"));
    let app = server.issue_app_token().access_token;
    let admin = format!("{}/mock/tokens/{app}/revoke", server.url());
    assert_eq!(client().post(admin).send().await.unwrap().status(), 204);
    assert_eq!(get(&server, "/games?id=33214", &app).await.status, 401);
    let admin = format!("{}/mock/tokens/never-issued/revoke", server.url());
    assert_eq!(client().post(admin).send().await.unwrap().status(), 404);
}
