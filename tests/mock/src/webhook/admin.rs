//! `/mock/webhook/...`: the hub's switches and triggers of
//! [`crate::MockServer`] over HTTP (the table is in the admin module's docs).
//! Bodies are JSON; a body that does not fit answers 400 with Twitch's JSON
//! error body.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::{notify, Signing};
use crate::admin::done;
use crate::errors::ApiError;
use crate::state::{lock, Shared};

/// The webhook admin routes, to be merged into the admin router.
pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/mock/webhook/notify", post(notify_route))
        .route("/mock/webhook/faults", post(faults))
        .route("/mock/webhook/subscriptions", get(subscriptions))
}

fn json<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::bad_request(format!("bad JSON body: {e}")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Notify {
    topic: String,
    #[serde(default)]
    data: Vec<serde_json::Value>,
    #[serde(default)]
    signing: Signing,
    #[serde(default)]
    notification_id: Option<String>,
}

async fn notify_route(
    AxumState(shared): AxumState<Shared>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let n: Notify = json(&body)?;
    let statuses = notify::notify(&shared, &n.topic, n.data, n.signing, n.notification_id).await;
    Ok(Json(serde_json::json!({ "statuses": statuses })).into_response())
}

/// A field that may be absent (`None`: leave as is) or `null` (`Some(None)`: clear).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Faults {
    #[serde(default, deserialize_with = "present")]
    deny_next: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    grant_lease_seconds: Option<Option<u32>>,
    #[serde(default)]
    verify_before_accept: Option<bool>,
}

async fn faults(AxumState(shared): AxumState<Shared>, body: Bytes) -> Result<Response, ApiError> {
    let f: Faults = json(&body)?;
    let mut state = lock(&shared);
    let hub = &mut state.webhook;
    if let Some(deny_next) = f.deny_next {
        hub.deny_next = deny_next;
    }
    if let Some(lease) = f.grant_lease_seconds {
        hub.grant_lease_seconds = lease;
    }
    if let Some(on) = f.verify_before_accept {
        hub.verify_before_accept = on;
    }
    Ok(done())
}

async fn subscriptions(AxumState(shared): AxumState<Shared>) -> Response {
    Json(lock(&shared).webhook.views(Instant::now())).into_response()
}
