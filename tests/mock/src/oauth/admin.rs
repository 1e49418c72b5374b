//! `/mock/oauth/...`: the OAuth switches of [`crate::MockServer`] over HTTP
//! (the table is in the admin module's docs).

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;

use crate::admin::{done, params, Params};
use crate::errors::ApiError;
use crate::state::{lock, Shared};

/// The OAuth admin routes, to be merged into the admin router.
pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/mock/oauth/faults", post(faults))
        .route("/mock/oauth/device/pending_polls", post(pending_polls))
        .route("/mock/oauth/device/slow_down_next", post(slow_down_next))
        .route("/mock/oauth/device/expires_in", post(expires_in))
        .route("/mock/oauth/device/interval", post(interval))
        .route("/mock/oauth/device/deny", post(deny))
        .route(
            "/mock/oauth/device/enforce_interval",
            post(enforce_interval),
        )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Faults {
    #[serde(default)]
    deny_next: Option<bool>,
}

async fn faults(AxumState(shared): AxumState<Shared>, body: Bytes) -> Result<Response, ApiError> {
    let f: Faults = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("bad JSON body: {e}")))?;
    if let Some(on) = f.deny_next {
        lock(&shared).oauth.deny_next = on;
    }
    Ok(done())
}

#[derive(Deserialize)]
struct Polls {
    n: u32,
}

async fn pending_polls(
    AxumState(shared): AxumState<Shared>,
    query: Params<Polls>,
) -> Result<Response, ApiError> {
    let n = params(query)?.n;
    lock(&shared).oauth.device_knobs.pending_polls = n;
    Ok(done())
}

async fn slow_down_next(AxumState(shared): AxumState<Shared>) -> Response {
    lock(&shared).oauth.device_knobs.slow_down_next = true;
    done()
}

#[derive(Deserialize)]
struct Lifetime {
    ms: u64,
}

async fn expires_in(
    AxumState(shared): AxumState<Shared>,
    query: Params<Lifetime>,
) -> Result<Response, ApiError> {
    let lifetime = Duration::from_millis(params(query)?.ms);
    lock(&shared).oauth.device_knobs.expires_in = lifetime;
    Ok(done())
}

#[derive(Deserialize)]
struct Interval {
    secs: u64,
}

async fn interval(
    AxumState(shared): AxumState<Shared>,
    query: Params<Interval>,
) -> Result<Response, ApiError> {
    let secs = params(query)?.secs;
    if secs == 0 {
        return Err(ApiError::bad_request("secs must be at least 1"));
    }
    lock(&shared).oauth.device_knobs.interval = Duration::from_secs(secs);
    Ok(done())
}

async fn deny(AxumState(shared): AxumState<Shared>) -> Response {
    let count = lock(&shared).oauth.deny_pending_devices();
    Json(serde_json::json!({ "count": count })).into_response()
}

#[derive(Deserialize)]
struct Switch {
    #[serde(default = "yes")]
    on: bool,
}

fn yes() -> bool {
    true
}

async fn enforce_interval(
    AxumState(shared): AxumState<Shared>,
    query: Params<Switch>,
) -> Result<Response, ApiError> {
    let on = params(query)?.on;
    lock(&shared).oauth.device_knobs.enforce_interval = on;
    Ok(done())
}
