//! id.twitch.tv's authorize page: codes, implicit tokens, denials, bad clients.

mod common;
mod oauth_common;

use common::{answer, client, token_request};
use oauth_common::*;
use serde_json::json;
use twitchapi_mock::MockServer;

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
