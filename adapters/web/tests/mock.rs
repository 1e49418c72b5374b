//! `Twitch` over fetch against the real mock server, run under Node by
//! wasm-bindgen-test-runner (scripts/test-web starts the mock and passes its
//! URL in `TWITCHAPI_MOCK_URL`). The mock is steered through its admin API.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::future::Future;
use std::pin::pin;
use std::rc::Rc;

use futures::future::{select, Either};
use futures::TryStreamExt;
use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use serde_json::Value;
use twitchapi_web::core::Instant;
use twitchapi_web::helix::streams::GetStreams;
use twitchapi_web::helix::users::GetUsers;
use twitchapi_web::{AuthScope, Error, Twitch};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const CLIENT_ID: &str = "mock-client-id";
const CLIENT_SECRET: &str = "mock-client-secret";
const TWITCHDEV_ID: &str = "141981764";

/// The mock's base URL: `TWITCHAPI_MOCK_URL` from Node's environment, read at
/// run time (read at build time, every new port would rebuild the tests).
fn mock_url() -> String {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("process"))
        .and_then(|process| js_sys::Reflect::get(&process, &JsValue::from_str("env")))
        .and_then(|env| js_sys::Reflect::get(&env, &JsValue::from_str("TWITCHAPI_MOCK_URL")))
        .ok()
        .and_then(|url| url.as_string())
        .expect("TWITCHAPI_MOCK_URL names the mock server (scripts/test-web sets it)")
}

/// An admin request; the JSON answer (`Null` for 204).
async fn admin(method: &str, path: &str) -> Value {
    let url = format!("{}{path}", mock_url());
    let builder = match method {
        "GET" => Request::get(&url),
        _ => Request::post(&url),
    };
    let response = builder.send().await.expect("admin request");
    let status = response.status();
    let text = response.text().await.expect("admin answer");
    assert!(
        (200..300).contains(&status),
        "{method} {path}: {status} {text}"
    );
    if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("admin JSON")
    }
}

async fn count(query: &str) -> u64 {
    admin("GET", &format!("/mock/requests/count?{query}")).await["count"]
        .as_u64()
        .expect("count")
}

/// A user token of twitchdev: (access token, refresh token).
async fn user_token(scopes: &str) -> (String, String) {
    let token = admin(
        "POST",
        &format!("/mock/users/{TWITCHDEV_ID}/token?scopes={scopes}"),
    )
    .await;
    (
        token["access_token"].as_str().unwrap().to_owned(),
        token["refresh_token"].as_str().unwrap().to_owned(),
    )
}

fn client() -> Twitch {
    let url = mock_url();
    Twitch::builder(CLIENT_ID, CLIENT_SECRET)
        .helix_url(format!("{url}/helix"))
        .auth_url(url)
        .build()
        .expect("client")
}

/// `future`, or a panic after `secs` seconds (a hang fails instead of blocking the run).
async fn within<T>(secs: u32, future: impl Future<Output = T>) -> T {
    match select(pin!(future), TimeoutFuture::new(secs * 1000)).await {
        Either::Left((value, _)) => value,
        Either::Right(_) => panic!("timed out after {secs} s"),
    }
}

fn twitchdev() -> GetUsers {
    GetUsers {
        logins: vec!["twitchdev".into()],
        ..Default::default()
    }
}

#[wasm_bindgen_test]
async fn get_users_with_an_app_token() {
    admin("POST", "/mock/requests/clear").await;
    let twitch = client();
    assert!(twitch.get_app_token().is_none());
    within(10, twitch.authenticate_app(vec![]))
        .await
        .expect("app token");
    assert!(twitch.get_app_token().is_some());
    let users = within(10, twitch.get_users(twitchdev()))
        .await
        .expect("get_users");
    assert_eq!(users.data.len(), 1);
    assert_eq!(users.data[0].id, TWITCHDEV_ID);
    assert_eq!(users.data[0].login, "twitchdev");
    assert_eq!(
        count("method=POST&path=/oauth2/token&grant_type=client_credentials").await,
        1
    );
    assert_eq!(count("method=GET&path=/helix/users").await, 1);
    assert_eq!(twitch.calls_in_progress(), 0);

    // validation happens before anything is sent: a typed error, no request
    let too_many = GetUsers {
        logins: (0..101).map(|i| format!("user{i}")).collect(),
        ..Default::default()
    };
    assert!(matches!(
        twitch.get_users(too_many).await,
        Err(Error::InvalidArgument(_))
    ));
    assert_eq!(count("method=GET&path=/helix/users").await, 1);
}

#[wasm_bindgen_test]
async fn a_401_is_answered_by_exactly_one_refresh_and_one_retry() {
    let (token, refresh) = user_token("user:read:email").await;
    let twitch = client();
    twitch
        .set_user_authentication(&token, vec![AuthScope::UserReadEmail], Some(refresh))
        .unwrap();
    let refreshed = Rc::new(RefCell::new(Vec::new()));
    let seen = Rc::clone(&refreshed);
    twitch.on_token_refresh(move |update| {
        seen.borrow_mut()
            .push(update.access_token.expose().to_owned());
    });
    admin("POST", &format!("/mock/tokens/{token}/expire")).await;
    admin("POST", "/mock/requests/clear").await;

    let users = within(10, twitch.get_users(twitchdev()))
        .await
        .expect("get_users");
    assert_eq!(users.data[0].id, TWITCHDEV_ID);
    assert_eq!(
        count("method=POST&path=/oauth2/token&grant_type=refresh_token").await,
        1
    );
    assert_eq!(count("method=GET&path=/helix/users").await, 2);
    let new_token = twitch.get_user_auth_token().unwrap().expose().to_owned();
    assert_ne!(new_token, token);
    assert_eq!(*refreshed.borrow(), vec![new_token]);
}

#[wasm_bindgen_test]
async fn concurrent_calls_with_an_expired_token_share_one_refresh() {
    let (token, refresh) = user_token("").await;
    let twitch = client();
    twitch
        .set_user_authentication(&token, vec![], Some(refresh))
        .unwrap();
    admin("POST", &format!("/mock/tokens/{token}/expire")).await;
    admin("POST", "/mock/requests/clear").await;

    let calls = futures::future::join_all((0..3).map(|_| twitch.get_users(twitchdev())));
    for result in within(10, calls).await {
        assert_eq!(result.expect("get_users").data[0].id, TWITCHDEV_ID);
    }
    assert_eq!(
        count("method=POST&path=/oauth2/token&grant_type=refresh_token").await,
        1
    );
}

#[wasm_bindgen_test]
async fn pagination_walks_three_pages() {
    let (token, refresh) = user_token("").await;
    let twitch = client();
    twitch
        .set_user_authentication(&token, vec![], Some(refresh))
        .unwrap();
    admin("POST", "/mock/requests/clear").await;

    let first_page = GetStreams {
        first: Some(20),
        ..Default::default()
    };
    let streams: Vec<_> = within(10, twitch.paginate(first_page, Some(50)).try_collect())
        .await
        .expect("streams");
    assert_eq!(streams.len(), 50);
    let mut ids: Vec<&str> = streams.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 50, "pages overlap");
    // 20 + 20 + 10 of the third page; no fourth page is requested
    assert_eq!(count("method=GET&path=/helix/streams").await, 3);
}

#[wasm_bindgen_test]
async fn a_429_is_waited_out() {
    let (token, refresh) = user_token("").await;
    let twitch = client();
    twitch
        .set_user_authentication(&token, vec![], Some(refresh))
        .unwrap();
    // short windows: the reset the 429 names is at most a few seconds away
    admin("POST", "/mock/rate_limit?bucket=800&refill_ms=2000").await;
    admin("POST", "/mock/faults?path=/helix/users&status=429&times=1").await;
    admin("POST", "/mock/requests/clear").await;

    let start = Instant::now();
    let result = within(15, twitch.get_users(twitchdev())).await;
    let waited = start.elapsed();
    admin("POST", "/mock/rate_limit?bucket=800&refill_ms=60000").await;
    assert_eq!(result.expect("get_users").data[0].id, TWITCHDEV_ID);
    assert_eq!(count("method=GET&path=/helix/users").await, 2);
    assert!(
        waited.as_millis() >= 900,
        "no wait for the reset: {waited:?}"
    );
}

#[wasm_bindgen_test]
async fn dropping_a_call_cancels_it() {
    let (token, refresh) = user_token("").await;
    let twitch = client();
    twitch
        .set_user_authentication(&token, vec![], Some(refresh))
        .unwrap();
    admin("POST", "/mock/delays?path=/helix/users&ms=300").await;
    let mut call = Box::pin(twitch.get_users(twitchdev()));
    // poll it for 50 ms: the request is out, its answer delayed
    if let Either::Left(_) = select(call.as_mut(), TimeoutFuture::new(50)).await {
        panic!("answered despite the delay");
    }
    assert_eq!(twitch.calls_in_progress(), 1);
    drop(call);
    assert_eq!(twitch.calls_in_progress(), 0);
    admin("POST", "/mock/delays?path=/helix/users&ms=0").await;
    // the late answer is dropped; the client keeps working
    TimeoutFuture::new(400).await;
    let users = within(10, twitch.get_users(twitchdev()))
        .await
        .expect("get_users");
    assert_eq!(users.data[0].id, TWITCHDEV_ID);
}
