//! Shared helpers of the integration tests.
#![allow(dead_code)]

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use reqwest::Method;
use serde_json::Value;
use time::macros::format_description;
use time::PrimitiveDateTime;
use twitchapi_mock::MockServer;

/// An answer: status, headers, JSON body (`Value::Null` when empty or not JSON).
pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub json: Value,
    pub text: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `Date` header as unix seconds.
    pub fn date(&self) -> u64 {
        let text = self.header("date").expect("Date header");
        http_date(text).unwrap_or_else(|| panic!("not an HTTP-date: {text:?}"))
    }

    /// `Ratelimit-Reset` minus `Date`: seconds until the bucket is full, by the server's clock.
    pub fn reset_in(&self) -> i64 {
        let reset: i64 = self
            .header("ratelimit-reset")
            .expect("Ratelimit-Reset header")
            .parse()
            .expect("Ratelimit-Reset is an integer");
        reset - self.date() as i64
    }

    pub fn data(&self) -> &Vec<Value> {
        self.json["data"].as_array().expect("data array")
    }

    pub fn cursor(&self) -> Option<String> {
        self.json["pagination"]["cursor"]
            .as_str()
            .map(str::to_owned)
    }
}

/// Unix seconds of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
pub fn http_date(text: &str) -> Option<u64> {
    let format = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let at = PrimitiveDateTime::parse(text, &format).ok()?.assume_utc();
    u64::try_from(at.unix_timestamp()).ok()
}

/// Unix seconds now, by this process's clock.
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

pub async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.expect("body");
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        json,
        text,
    }
}

/// A Helix call with `Authorization: Bearer token` and the server's client id.
pub async fn helix(
    server: &MockServer,
    method: Method,
    path_and_query: &str,
    token: &str,
    body: Option<&str>,
) -> Answer {
    let url = format!("{}{}", server.helix_url(), path_and_query);
    let mut request = client()
        .request(method, url)
        .bearer_auth(token)
        .header("Client-Id", server.client_id());
    if let Some(body) = body {
        request = request
            .header("Content-Type", "application/json")
            .body(body.to_owned());
    }
    answer(request.send().await.expect("send")).await
}

/// A Helix GET as [`get`] does it, but the raw outcome: faults that break
/// the connection show up as errors here.
pub async fn send_get(
    server: &MockServer,
    path_and_query: &str,
    token: &str,
) -> reqwest::Result<reqwest::Response> {
    client()
        .get(format!("{}{}", server.helix_url(), path_and_query))
        .bearer_auth(token)
        .header("Client-Id", server.client_id())
        .send()
        .await
}

pub async fn get(server: &MockServer, path_and_query: &str, token: &str) -> Answer {
    helix(server, Method::GET, path_and_query, token, None).await
}

/// POST /oauth2/token with form fields.
pub async fn token_request(server: &MockServer, form: &[(&str, &str)]) -> Answer {
    let url = format!("{}/oauth2/token", server.auth_url());
    answer(client().post(url).form(form).send().await.expect("send")).await
}

/// Asserts Twitch's Helix error body: `status`, its reason phrase and a
/// message containing `message_part`, which must not be empty.
#[track_caller]
pub fn assert_helix_error(answer: &Answer, status: u16, message_part: &str) {
    assert!(
        !message_part.is_empty(),
        "name the message Twitch sends with {status}: {}",
        answer.text
    );
    assert_eq!(answer.status, status, "{}", answer.text);
    assert_eq!(answer.json["status"], status);
    assert!(answer.json["error"].is_string(), "{}", answer.text);
    let message = answer.json["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(message_part),
        "message {message:?} lacks {message_part:?}"
    );
    assert!(answer
        .header("content-type")
        .unwrap_or_default()
        .starts_with("application/json"));
}

/// A user access token of `user_id` with `scopes`.
pub fn user_token(server: &MockServer, user_id: &str, scopes: &[&str]) -> String {
    server.issue_user_token(user_id, scopes).access_token
}

/// An app access token.
pub fn app_token(server: &MockServer) -> String {
    server.issue_app_token().access_token
}

/// Walks every page of `path` (which must already hold a `?`), returning all items.
pub async fn walk(server: &MockServer, path: &str, token: &str) -> (Vec<Value>, usize) {
    let mut items = Vec::new();
    let mut pages = 0;
    let mut next = path.to_owned();
    loop {
        let page = get(server, &next, token).await;
        assert_eq!(page.status, 200, "{next}: {}", page.text);
        pages += 1;
        items.extend(page.data().iter().cloned());
        match page.cursor() {
            Some(cursor) => next = format!("{path}&after={cursor}"),
            None => break,
        }
        assert!(pages < 100, "endless pagination");
    }
    (items, pages)
}
