//! `/mock/eventsub/...`: the EventSub triggers and switches of
//! [`crate::MockServer`] over HTTP (the table is in the admin module's
//! docs). Parameters that do not fit answer 400 with Twitch's JSON error
//! body; a trigger of an unknown type or version answers 404.

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::Value;

use super::deliver::{self, reconnect_all};
use super::{catalog, status_for_close, Command, EventSubSigning};
use crate::admin::{done, params, Params};
use crate::errors::ApiError;
use crate::state::{lock, Shared};

/// The EventSub admin routes, to be merged into the admin router.
pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/mock/eventsub/trigger", post(trigger))
        .route("/mock/eventsub/reconnect", post(reconnect))
        .route("/mock/eventsub/close", post(close))
        .route("/mock/eventsub/drop", post(drop_sockets))
        .route("/mock/eventsub/keepalives", post(keepalives))
        .route("/mock/eventsub/duplicate_next", post(duplicate_next))
        .route("/mock/eventsub/revoke", post(revoke))
        .route("/mock/eventsub/signing", post(signing))
        .route("/mock/eventsub/page_size", post(page_size))
        .route("/mock/eventsub/subscriptions", get(subscriptions))
        .route("/mock/eventsub/sessions", get(sessions))
}

fn count(n: usize) -> Response {
    Json(serde_json::json!({ "count": n })).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Trigger {
    #[serde(rename = "type")]
    kind: String,
    version: String,
    #[serde(default)]
    event: Option<Value>,
}

async fn trigger(AxumState(shared): AxumState<Shared>, body: Bytes) -> Result<Response, ApiError> {
    let t: Trigger = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("bad JSON body: {e}")))?;
    if catalog::find(&t.kind, &t.version).is_none() {
        return Err(ApiError::not_found(format!(
            "unknown subscription type and version: {} {}",
            t.kind, t.version
        )));
    }
    let n = deliver::notify(&shared, &t.kind, &t.version, t.event)
        .await
        .unwrap_or(0);
    Ok(count(n))
}

async fn reconnect(AxumState(shared): AxumState<Shared>) -> Response {
    count(reconnect_all(&mut lock(&shared)))
}

#[derive(Deserialize)]
struct Code {
    code: u16,
}

async fn close(
    AxumState(shared): AxumState<Shared>,
    query: Params<Code>,
) -> Result<Response, ApiError> {
    let code = params(query)?.code;
    if code != 1000 && !(3000..=4999).contains(&code) {
        return Err(ApiError::bad_request(
            "code must be 1000 or between 3000 and 4999",
        ));
    }
    let status = status_for_close(Some(code));
    Ok(count(
        lock(&shared)
            .eventsub
            .end_all(|| Command::Close(code), status),
    ))
}

async fn drop_sockets(AxumState(shared): AxumState<Shared>) -> Response {
    count(
        lock(&shared)
            .eventsub
            .end_all(|| Command::Drop, status_for_close(None)),
    )
}

#[derive(Deserialize)]
struct Switch {
    #[serde(default = "yes")]
    on: bool,
}

fn yes() -> bool {
    true
}

async fn keepalives(
    AxumState(shared): AxumState<Shared>,
    query: Params<Switch>,
) -> Result<Response, ApiError> {
    lock(&shared).eventsub.stop_keepalives = !params(query)?.on;
    Ok(done())
}

async fn duplicate_next(AxumState(shared): AxumState<Shared>) -> Response {
    lock(&shared).eventsub.duplicate_next = true;
    done()
}

#[derive(Deserialize)]
struct Revoke {
    id: String,
    #[serde(default = "authorization_revoked")]
    status: String,
}

fn authorization_revoked() -> String {
    "authorization_revoked".to_owned()
}

async fn revoke(
    AxumState(shared): AxumState<Shared>,
    query: Params<Revoke>,
) -> Result<Response, ApiError> {
    let r = params(query)?;
    if deliver::revoke(&shared, &r.id, &r.status) {
        Ok(done())
    } else {
        Err(ApiError::not_found(
            "no enabled subscription with that id, or a status that does not revoke",
        ))
    }
}

#[derive(Deserialize)]
struct Signing {
    mode: EventSubSigning,
}

async fn signing(
    AxumState(shared): AxumState<Shared>,
    query: Params<Signing>,
) -> Result<Response, ApiError> {
    lock(&shared).eventsub.signing = params(query)?.mode;
    Ok(done())
}

#[derive(Deserialize)]
struct PageSize {
    n: usize,
}

async fn page_size(
    AxumState(shared): AxumState<Shared>,
    query: Params<PageSize>,
) -> Result<Response, ApiError> {
    lock(&shared).eventsub.page_size = params(query)?.n.max(1);
    Ok(done())
}

async fn subscriptions(AxumState(shared): AxumState<Shared>) -> Response {
    let subs: Vec<_> = lock(&shared)
        .eventsub
        .subscriptions
        .iter()
        .map(|s| s.public())
        .collect();
    Json(subs).into_response()
}

async fn sessions(AxumState(shared): AxumState<Shared>) -> Response {
    count(lock(&shared).eventsub.sessions.sockets())
}
