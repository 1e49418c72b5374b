//! Helpers of the OAuth flow tests: authorize, exchange, device polls.
#![allow(dead_code)]

use std::collections::HashMap;

use crate::common::{answer, client, token_request, Answer};
use reqwest::Method;
use serde_json::json;
use twitchapi_mock::MockServer;

pub const REDIRECT: &str = "http://localhost:3000/callback";
pub const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// `GET /oauth2/authorize?<query>` without following the redirect.
pub async fn authorize(server: &MockServer, query: &str) -> reqwest::Response {
    let url = format!("{}/oauth2/authorize?{query}", server.auth_url());
    client().get(url).send().await.expect("send")
}

/// The `Location` of a 302 answer.
pub fn location(reply: &reqwest::Response) -> url::Url {
    assert_eq!(reply.status().as_u16(), 302, "not a redirect");
    let location = reply.headers()["location"].to_str().unwrap();
    url::Url::parse(location).expect("absolute Location")
}

pub fn query_of(url: &url::Url) -> HashMap<String, String> {
    url.query_pairs().into_owned().collect()
}

pub fn fragment_of(url: &url::Url) -> HashMap<String, String> {
    let fragment = url.fragment().unwrap_or("");
    url::form_urlencoded::parse(fragment.as_bytes())
        .into_owned()
        .collect()
}

/// A code for the confidential client, issued for [`REDIRECT`].
pub async fn code_for(server: &MockServer, scope: &str) -> String {
    let query = format!(
        "client_id={}&redirect_uri={REDIRECT}&response_type=code&scope={scope}&state=s",
        server.client_id()
    );
    query_of(&location(&authorize(server, &query).await))["code"].clone()
}

pub async fn exchange(server: &MockServer, code: &str, redirect_uri: &str) -> Answer {
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
pub async fn device(server: &MockServer, form: &[(&str, &str)]) -> Answer {
    let url = format!("{}/oauth2/device", server.auth_url());
    answer(client().post(url).form(form).send().await.expect("send")).await
}

/// A device code of `client_id` for `scopes`.
pub async fn device_code(server: &MockServer, client_id: &str, scopes: &str) -> String {
    let started = device(server, &[("client_id", client_id), ("scopes", scopes)]).await;
    assert_eq!(started.status, 200, "{}", started.text);
    started.json["device_code"].as_str().unwrap().to_owned()
}

/// One poll of the device grant, without a client secret.
pub async fn poll(server: &MockServer, client_id: &str, code: &str) -> Answer {
    let form = [
        ("client_id", client_id),
        ("device_code", code),
        ("grant_type", DEVICE_GRANT),
        ("scopes", "user:read:email"),
    ];
    token_request(server, &form).await
}

#[track_caller]
pub fn assert_oauth_error(answer: &Answer, status: u16, message: &str) {
    assert_eq!(answer.status, status, "{}", answer.text);
    assert_eq!(
        answer.json,
        json!({ "status": status, "message": message }),
        "{}",
        answer.text
    );
}

pub async fn validate(server: &MockServer, token: &str) -> Answer {
    let url = format!("{}/oauth2/validate", server.auth_url());
    let request = client()
        .get(url)
        .header("Authorization", format!("OAuth {token}"));
    answer(request.send().await.expect("send")).await
}

/// A Helix GET /users with `Client-Id: client_id`.
pub async fn users_as(server: &MockServer, client_id: &str, token: &str) -> Answer {
    let request = client()
        .request(Method::GET, format!("{}/users", server.helix_url()))
        .bearer_auth(token)
        .header("Client-Id", client_id);
    answer(request.send().await.expect("send")).await
}
