//! id.twitch.tv behaviour: grants, validate, revoke, authorize.

mod common;

use common::{answer, client, get, token_request};
use twitchapi_mock::{MockConfig, MockServer};

#[tokio::test]
async fn client_credentials_grant_and_errors() {
    let server = MockServer::start().await.unwrap();
    let (id, secret) = (server.client_id(), server.client_secret());
    let ok = token_request(
        &server,
        &[
            ("client_id", id),
            ("client_secret", secret),
            ("grant_type", "client_credentials"),
        ],
    )
    .await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(ok.json["token_type"], "bearer");
    assert_eq!(ok.json["expires_in"], 3600);
    let token = ok.json["access_token"].as_str().unwrap();
    assert_eq!(get(&server, "/games?id=33214", token).await.status, 200);

    let wrong_secret = token_request(
        &server,
        &[
            ("client_id", id),
            ("client_secret", "nope"),
            ("grant_type", "client_credentials"),
        ],
    )
    .await;
    assert_eq!(wrong_secret.status, 400);
    assert_eq!(wrong_secret.json["message"], "invalid client secret");
    assert_eq!(wrong_secret.json["status"], 400);

    let wrong_client = token_request(
        &server,
        &[
            ("client_id", "other"),
            ("client_secret", secret),
            ("grant_type", "client_credentials"),
        ],
    )
    .await;
    assert_eq!(wrong_client.json["message"], "invalid client");

    let bad_grant = token_request(
        &server,
        &[
            ("client_id", id),
            ("client_secret", secret),
            ("grant_type", "password"),
        ],
    )
    .await;
    assert_eq!(bad_grant.status, 400);

    // Parameters in the query string are accepted too.
    let url = format!(
        "{}/oauth2/token?client_id={id}&client_secret={secret}&grant_type=client_credentials",
        server.auth_url()
    );
    let by_query = answer(client().post(url).send().await.unwrap()).await;
    assert_eq!(by_query.status, 200, "{}", by_query.text);
    assert_eq!(server.count_grant("client_credentials"), 4);
    assert_eq!(server.count("POST", "/oauth2/token"), 5);
}

#[tokio::test]
async fn validate_user_and_app_tokens() {
    let server = MockServer::start_with(MockConfig {
        token_lifetime: std::time::Duration::from_secs(100),
        ..MockConfig::default()
    })
    .await
    .unwrap();
    let validate = |value: String| {
        let url = format!("{}/oauth2/validate", server.auth_url());
        async move {
            answer(
                client()
                    .get(url)
                    .header("Authorization", value)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let user = server.issue_user_token("141981764", &["user:read:email"]);
    assert_eq!(user.expires_in, 100);
    let v = validate(format!("OAuth {}", user.access_token)).await;
    assert_eq!(v.status, 200, "{}", v.text);
    assert_eq!(v.json["login"], "twitchdev");
    assert_eq!(v.json["user_id"], "141981764");
    assert_eq!(v.json["client_id"], "mock-client-id");
    assert_eq!(v.json["scopes"], serde_json::json!(["user:read:email"]));
    assert!(v.json["expires_in"].as_u64().unwrap() <= 100);

    let app = server.issue_app_token();
    let v = validate(format!("Bearer {}", app.access_token)).await;
    assert_eq!(v.status, 200);
    assert!(v.json.get("login").is_none() && v.json.get("user_id").is_none());
    assert_eq!(v.json["scopes"], serde_json::json!([]));

    let v = validate("OAuth not-a-token".to_owned()).await;
    assert_eq!(v.status, 401);
    assert_eq!(v.json["message"], "invalid access token");

    server.expire_token(&user.access_token);
    assert_eq!(
        validate(format!("OAuth {}", user.access_token))
            .await
            .status,
        401
    );
}

#[tokio::test]
async fn refresh_rotates_and_invalidates_old_access_token() {
    let server = MockServer::start().await.unwrap();
    let (id, secret) = (server.client_id(), server.client_secret());
    let first = server.issue_user_token("141981764", &["user:edit", "user:read:email"]);
    let refresh = first.refresh_token.clone().unwrap();
    server.expire_token(&first.access_token);
    let expired = get(&server, "/users", &first.access_token).await;
    common::assert_helix_error(&expired, 401, "Invalid OAuth token");

    let answer = token_request(
        &server,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        answer.json["scope"],
        serde_json::json!(["user:edit", "user:read:email"])
    );
    assert_eq!(answer.json["token_type"], "bearer");
    let new_access = answer.json["access_token"].as_str().unwrap().to_owned();
    let new_refresh = answer.json["refresh_token"].as_str().unwrap().to_owned();
    assert_ne!(new_refresh, refresh);
    assert_eq!(get(&server, "/users", &new_access).await.status, 200);

    // The old refresh token stays usable; this refresh kills the token issued with it.
    let again = token_request(
        &server,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &new_refresh),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(again.status, 200);
    assert_eq!(get(&server, "/users", &new_access).await.status, 401);

    server.revoke_refresh_token(&refresh);
    let revoked = token_request(
        &server,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", &refresh),
            ("client_id", id),
            ("client_secret", secret),
        ],
    )
    .await;
    assert_eq!(revoked.status, 400);
    assert_eq!(revoked.json["message"], "Invalid refresh token");
    assert_eq!(server.count_grant("refresh_token"), 3);
}

#[tokio::test]
async fn revoke_invalidates_token() {
    let server = MockServer::start().await.unwrap();
    let token = server.issue_app_token().access_token;
    let url = format!("{}/oauth2/revoke", server.auth_url());
    let form = [("client_id", server.client_id()), ("token", token.as_str())];
    let ok = answer(client().post(&url).form(&form).send().await.unwrap()).await;
    assert_eq!(ok.status, 200);
    assert!(ok.text.is_empty());
    let after = get(&server, "/games?id=33214", &token).await;
    common::assert_helix_error(&after, 401, "Invalid OAuth token");

    let form = [("client_id", "someone-else"), ("token", token.as_str())];
    let bad = answer(client().post(&url).form(&form).send().await.unwrap()).await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json["message"], "invalid client");
}

#[tokio::test]
async fn authorization_code_flow() {
    let server = MockServer::start().await.unwrap();
    let redirect = "http://localhost:3000/callback";
    let url = format!(
        "{}/oauth2/authorize?client_id={}&redirect_uri={}&response_type=code&scope=user:read:email+user:edit&state=xyz",
        server.auth_url(),
        server.client_id(),
        redirect
    );
    let reply = client().get(url).send().await.unwrap();
    assert_eq!(reply.status().as_u16(), 302);
    let location = reply.headers()["location"].to_str().unwrap().to_owned();
    let location = url::Url::parse(&location).unwrap();
    assert!(location.as_str().starts_with(redirect));
    let pairs: std::collections::HashMap<_, _> = location.query_pairs().into_owned().collect();
    assert_eq!(pairs["state"], "xyz");
    assert_eq!(pairs["scope"], "user:read:email user:edit");
    let code = pairs["code"].clone();

    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("client_id", server.client_id()),
        ("client_secret", server.client_secret()),
        ("redirect_uri", redirect),
    ];
    let token = token_request(&server, &form).await;
    assert_eq!(token.status, 200, "{}", token.text);
    assert_eq!(
        token.json["scope"],
        serde_json::json!(["user:read:email", "user:edit"])
    );
    let access = token.json["access_token"].as_str().unwrap();
    let me = get(&server, "/users", access).await;
    assert_eq!(me.data()[0]["login"], "twitchdev");
    assert_eq!(me.data()[0]["email"], "not-real@email.com");

    let reused = token_request(&server, &form).await;
    assert_eq!(reused.status, 400, "codes are single use");
}

#[tokio::test]
async fn malformed_oauth_requests_answer_400() {
    let server = MockServer::start().await.unwrap();
    let url = format!("{}/oauth2/token", server.auth_url());
    for body in ["%%%&&==", "\u{0}\u{1}binary", "{\"json\":true}"] {
        let reply = answer(client().post(&url).body(body).send().await.unwrap()).await;
        assert_eq!(reply.status, 400, "{body}");
        assert_eq!(reply.json["status"], 400);
    }
    let authorize = format!(
        "{}/oauth2/authorize?client_id={}&redirect_uri=not%20a%20url&response_type=code",
        server.auth_url(),
        server.client_id()
    );
    let reply = answer(client().get(authorize).send().await.unwrap()).await;
    assert_eq!(reply.status, 400);
    // Still serving.
    assert_eq!(server.issue_app_token().expires_in, 3600);
    assert_eq!(
        get(
            &server,
            "/games?id=33214",
            &server.issue_app_token().access_token
        )
        .await
        .status,
        200
    );
}
