//! id.twitch.tv's user flows: authorization code and implicit (authorize),
//! device code, the public client, revoke.

mod common;

use std::collections::HashMap;
use std::time::Duration;

use common::{answer, client, get, token_request, Answer};
use reqwest::Method;
use serde_json::json;
use twitchapi_mock::MockServer;

const REDIRECT: &str = "http://localhost:3000/callback";
const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// `GET /oauth2/authorize?<query>` without following the redirect.
async fn authorize(server: &MockServer, query: &str) -> reqwest::Response {
    let url = format!("{}/oauth2/authorize?{query}", server.auth_url());
    client().get(url).send().await.expect("send")
}

/// The `Location` of a 302 answer.
fn location(reply: &reqwest::Response) -> url::Url {
    assert_eq!(reply.status().as_u16(), 302, "not a redirect");
    let location = reply.headers()["location"].to_str().unwrap();
    url::Url::parse(location).expect("absolute Location")
}

fn query_of(url: &url::Url) -> HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

fn fragment_of(url: &url::Url) -> HashMap<String, String> {
    let fragment = url.fragment().unwrap_or("");
    url::form_urlencoded::parse(fragment.as_bytes())
        .into_owned()
        .collect()
}

/// A code for the confidential client, issued for [`REDIRECT`].
async fn code_for(server: &MockServer, scope: &str) -> String {
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=code&scope={scope}&state=s",
        server.client_id()
    );
    query_of(&location(&authorize(server, &query).await))["code"].clone()
}

async fn exchange(server: &MockServer, code: &str, redirect_uri: &str) -> Answer {
    let form = [
        ("client_id", server.client_id()),
        ("client_secret", server.client_secret()),
        ("code", code),
        ("grant_type", "authorization_code"),
        ("redirect_uri", redirect_uri),
    ];
    token_request(server, &form).await
}

/// `POST /oauth2/device` with form fields.
async fn device(server: &MockServer, form: &[(&str, &str)]) -> Answer {
    let url = format!("{}/oauth2/device", server.auth_url());
    answer(client().post(url).form(form).send().await.expect("send")).await
}

/// A device code of `client_id` for `scopes`.
async fn device_code(server: &MockServer, client_id: &str, scopes: &str) -> String {
    let started = device(server, &[("client_id", client_id), ("scopes", scopes)]).await;
    assert_eq!(started.status, 200, "{}", started.text);
    started.json["device_code"].as_str().unwrap().to_owned()
}

/// One poll of the device grant, without a client secret.
async fn poll(server: &MockServer, client_id: &str, code: &str) -> Answer {
    let form = [
        ("client_id", client_id),
        ("device_code", code),
        ("grant_type", DEVICE_GRANT),
        ("scopes", "user:read:email"),
    ];
    token_request(server, &form).await
}

#[track_caller]
fn assert_oauth_error(answer: &Answer, status: u16, message: &str) {
    assert_eq!(answer.status, status, "{}", answer.text);
    assert_eq!(
        answer.json,
        json!({ "status": status, "message": message }),
        "{}",
        answer.text
    );
}

async fn validate(server: &MockServer, token: &str) -> Answer {
    let url = format!("{}/oauth2/validate", server.auth_url());
    let request = client()
        .get(url)
        .header("Authorization", format!("OAuth {token}"));
    answer(request.send().await.expect("send")).await
}

/// A Helix GET /users with `Client-Id: client_id`.
async fn users_as(server: &MockServer, client_id: &str, token: &str) -> Answer {
    let request = client()
        .request(Method::GET, format!("{}/users", server.helix_url()))
        .bearer_auth(token)
        .header("Client-Id", client_id);
    answer(request.send().await.expect("send")).await
}

#[tokio::test]
async fn authorize_redirects_with_code_and_state() {
    let server = MockServer::start().await.unwrap();
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=code\
         &scope=user:read:email+channel:read:redemptions&state=a%20b%2Bc&force_verify=true",
        server.client_id()
    );
    let target = location(&authorize(&server, &query).await);
    assert!(target.as_str().starts_with(REDIRECT), "{target}");
    let pairs = query_of(&target);
    assert_eq!(pairs["state"], "a b+c", "state comes back unchanged");
    assert_eq!(pairs["scope"], "user:read:email channel:read:redemptions");
    let token = exchange(&server, &pairs["code"], REDIRECT).await;
    assert_eq!(token.status, 200, "{}", token.text);
    assert_eq!(token.json["token_type"], "bearer");
    assert_eq!(
        token.json["scope"],
        json!(["user:read:email", "channel:read:redemptions"])
    );
    let access = token.json["access_token"].as_str().unwrap();
    assert_eq!(validate(&server, access).await.json["login"], "twitchdev");

    // Implicit flow: the token in the fragment, force_verify=false accepted.
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=token&scope=bits:read&state=xyz&force_verify=false",
        server.client_id()
    );
    let target = location(&authorize(&server, &query).await);
    assert_eq!(target.query(), None);
    let pairs = fragment_of(&target);
    assert_eq!(pairs["state"], "xyz");
    assert_eq!(pairs["token_type"], "bearer");
    assert_eq!(pairs["scope"], "bits:read");
    let v = validate(&server, &pairs["access_token"]).await;
    assert_eq!(v.status, 200, "{}", v.text);
    assert_eq!(v.json["scopes"], json!(["bits:read"]));

    // force_verify takes true or false only.
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=code&force_verify=maybe&state=s",
        server.client_id()
    );
    let pairs = query_of(&location(&authorize(&server, &query).await));
    assert_eq!(pairs["error"], "invalid_request");
    assert!(!pairs.contains_key("code"));
}

#[tokio::test]
async fn codes_are_single_use_and_bound_to_redirect_uri_and_client() {
    let server = MockServer::start().await.unwrap();
    let code = code_for(&server, "user:edit").await;
    assert_eq!(exchange(&server, &code, REDIRECT).await.status, 200);
    let reused = exchange(&server, &code, REDIRECT).await;
    assert_oauth_error(&reused, 400, "Invalid authorization code");

    let code = code_for(&server, "user:edit").await;
    let elsewhere = exchange(&server, &code, "http://localhost:3000/other").await;
    assert_oauth_error(&elsewhere, 400, "Invalid authorization code");

    let code = code_for(&server, "user:edit").await;
    let missing = token_request(
        &server,
        &[
            ("client_id", server.client_id()),
            ("client_secret", server.client_secret()),
            ("code", &code),
            ("grant_type", "authorization_code"),
        ],
    )
    .await;
    assert_oauth_error(&missing, 400, "Invalid authorization code");

    // A code of the confidential client is no good to the public client.
    let code = code_for(&server, "user:edit").await;
    let public = token_request(
        &server,
        &[
            ("client_id", server.public_client_id()),
            ("code", &code),
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_eq!(public.status, 400, "{}", public.text);
    // And the confidential client needs its secret.
    let code = code_for(&server, "user:edit").await;
    let wrong_secret = token_request(
        &server,
        &[
            ("client_id", server.client_id()),
            ("client_secret", "nope"),
            ("code", &code),
            ("grant_type", "authorization_code"),
            ("redirect_uri", REDIRECT),
        ],
    )
    .await;
    assert_oauth_error(&wrong_secret, 403, "invalid client secret");
}

#[tokio::test]
async fn deny_next_redirects_with_access_denied_once() {
    let server = MockServer::start().await.unwrap();
    let code_query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=code&scope=user:edit&state=st8",
        server.client_id()
    );
    server.oauth_deny_next(true);
    let reply = authorize(&server, &code_query).await;
    let target = location(&reply);
    assert_eq!(
        target.query(),
        Some("error=access_denied&error_description=The+user+denied+you+access&state=st8")
    );
    // Used up: the next one is approved.
    let again = query_of(&location(&authorize(&server, &code_query).await));
    assert!(again.contains_key("code"), "{again:?}");

    // Implicit: in the fragment.
    server.oauth_deny_next(true);
    let token_query = code_query.replace("response_type=code", "response_type=token");
    let target = location(&authorize(&server, &token_query).await);
    assert_eq!(target.query(), None);
    assert_eq!(
        target.fragment(),
        Some("error=access_denied&error_description=The+user+denied+you+access&state=st8")
    );

    // Cancelled.
    server.oauth_deny_next(true);
    server.oauth_deny_next(false);
    assert!(query_of(&location(&authorize(&server, &code_query).await)).contains_key("code"));

    // Over the admin API.
    let url = format!("{}/mock/oauth/faults", server.url());
    let armed = client()
        .post(url)
        .body(r#"{"deny_next": true}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(armed.status().as_u16(), 204);
    let pairs = query_of(&location(&authorize(&server, &code_query).await));
    assert_eq!(pairs["error"], "access_denied");
}

#[tokio::test]
async fn unknown_scope_redirects_with_invalid_scope() {
    let server = MockServer::start().await.unwrap();
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=code&scope=user:edit+user_read&state=q",
        server.client_id()
    );
    let pairs = query_of(&location(&authorize(&server, &query).await));
    assert_eq!(pairs["error"], "invalid_scope");
    assert_eq!(pairs["state"], "q");
    assert!(!pairs.contains_key("code"));

    let token_query = query.replace("response_type=code", "response_type=token");
    let pairs = fragment_of(&location(&authorize(&server, &token_query).await));
    assert_eq!(pairs["error"], "invalid_scope");
    assert!(!pairs.contains_key("access_token"));

    let started = device(
        &server,
        &[("client_id", server.client_id()), ("scopes", "chat_login")],
    )
    .await;
    assert_oauth_error(&started, 400, "invalid scope requested: 'chat_login'");
}

#[tokio::test]
async fn bad_client_or_redirect_uri_answer_400_without_redirect() {
    let server = MockServer::start().await.unwrap();
    let cases = [
        (
            format!("client_id=unknown&redirect_uri={REDIRECT}&response_type=code"),
            "invalid client",
        ),
        (
            format!("redirect_uri={REDIRECT}&response_type=code"),
            "missing client id",
        ),
        (
            format!("client_id={}&response_type=code", server.client_id()),
            "missing redirect_uri",
        ),
        (
            format!(
                "client_id={}&redirect_uri=/callback&response_type=code",
                server.client_id()
            ),
            "Parameter redirect_uri does not match registered URI",
        ),
    ];
    for (query, message) in cases {
        let reply = authorize(&server, &query).await;
        assert!(reply.headers().get("location").is_none(), "{query}");
        assert_oauth_error(&answer(reply).await, 400, message);
    }
    // A bad response_type is told to the redirect_uri.
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=id_token&state=z",
        server.client_id()
    );
    let pairs = query_of(&location(&authorize(&server, &query).await));
    assert_eq!(pairs["error"], "unsupported_response_type");
    assert_eq!(pairs["state"], "z");
}

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
