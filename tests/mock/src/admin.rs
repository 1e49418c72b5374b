//! The admin API: the [`crate::MockServer`] switches over HTTP, for tests that
//! run outside the mock's process (wasm tests under Node, scripts). Like the
//! rest of the mock it listens on 127.0.0.1 only. Its own requests are not
//! recorded and never hit a fault.
//!
//! | request | effect | answer |
//! | --- | --- | --- |
//! | `POST /mock/users/{id}/token?scopes=a,b` | [`crate::MockServer::issue_user_token`] | the token as JSON |
//! | `POST /mock/users/{id}/extension_token` | an extension's Helix token for that viewer (only as `Authorization: Extension <token>`) | `{"helix_token": t}` |
//! | `POST /mock/app_token` | [`crate::MockServer::issue_app_token`] | the token as JSON |
//! | `POST /mock/tokens/{token}/expire` | [`crate::MockServer::expire_token`] | 204 |
//! | `POST /mock/refresh_tokens/{token}/revoke` | [`crate::MockServer::revoke_refresh_token`] | 204 |
//! | `POST /mock/tokens/{token}/revoke` (access or refresh token) | [`crate::MockServer::revoke_token`] | 204; 404 for a token never issued |
//! | `POST /mock/faults?path=/helix/users&status=429&times=1` | [`crate::MockServer::fail_next`] | 204 |
//! | `POST /mock/faults?path=/helix/users&kind=drop` (or `kind=reset`) | [`crate::MockServer::drop_next`], [`crate::MockServer::reset_next`] | 204 |
//! | `POST /mock/delays?path=/oauth2/token&ms=500` | [`crate::MockServer::set_delay`] | 204 |
//! | `POST /mock/rate_limit?bucket=5&refill_ms=2000` | [`crate::MockServer::set_rate_limit`] | 204 |
//! | `POST /mock/rate_limit/drain` | [`crate::MockServer::drain_rate_limit`] | 204 |
//! | `POST /mock/requests/clear` | [`crate::MockServer::clear_requests`] | 204 |
//! | `GET /mock/requests/count?method=POST&path=/oauth2/token[&grant_type=refresh_token]` | [`crate::MockServer::count`] / [`crate::MockServer::count_grant`] | `{"count": n}` |
//!
//! PubSub (`on` defaults to `true`; broadcasts and triggers answer `{"count": n}`, the connections reached):
//!
//! | request | effect |
//! | --- | --- |
//! | `POST /mock/pubsub/send?topic=whispers.1` with a JSON body | [`crate::MockServer::pubsub_send`] |
//! | `POST /mock/pubsub/channel_points?channel_id=1&title=Hydrate` | [`crate::MockServer::pubsub_channel_points_redemption`] |
//! | `POST /mock/pubsub/whisper?to_user_id=1&from_login=user2&text=hi` | [`crate::MockServer::pubsub_whisper`] |
//! | `POST /mock/pubsub/bits?channel_id=1&from_login=user2&bits=100&message=cheer100` | [`crate::MockServer::pubsub_bits`] |
//! | `POST /mock/pubsub/reconnect` | [`crate::MockServer::pubsub_reconnect`] |
//! | `POST /mock/pubsub/withhold_pong?on=true` | [`crate::MockServer::pubsub_withhold_pong`] (204) |
//! | `POST /mock/pubsub/drop_connections` | [`crate::MockServer::pubsub_drop_connections`] |
//! | `POST /mock/pubsub/response_delay?ms=500` | [`crate::MockServer::pubsub_response_delay`] (204) |
//! | `POST /mock/pubsub/drop_responses?on=true` | [`crate::MockServer::pubsub_drop_responses`] (204) |
//! | `POST /mock/pubsub/refuse_topic?topic=whispers.1[&on=false]` | [`crate::MockServer::pubsub_refuse_topic`] / [`crate::MockServer::pubsub_allow_topic`] (204) |
//! | `POST /mock/pubsub/garbage` with a text body | [`crate::MockServer::pubsub_send_garbage`] |
//! | `GET /mock/pubsub/connections` | [`crate::MockServer::pubsub_connections`] |
//! | `GET /mock/pubsub/listening?topic=whispers.1` | [`crate::MockServer::pubsub_listening`] |
//! | `GET /mock/pubsub/frames` | [`crate::MockServer::pubsub_frames`] (a JSON array) |
//! | `POST /mock/pubsub/frames/clear` | [`crate::MockServer::pubsub_clear_frames`] (204) |
//!
//! Webhook hub (JSON bodies; fields of `faults` left out stay as they are, `null` clears):
//!
//! | request | effect | answer |
//! | --- | --- | --- |
//! | `POST /mock/webhook/notify` `{"topic":"..","data":[..],"signing":"valid","notification_id":null}` | [`crate::MockServer::webhook_notify`] | `{"statuses": [..]}` |
//! | `POST /mock/webhook/faults` `{"deny_next":"reason","grant_lease_seconds":2,"verify_before_accept":true}` | [`crate::MockServer::webhook_deny_next`], [`crate::MockServer::webhook_grant_lease_seconds`], [`crate::MockServer::webhook_verify_before_accept`] | 204 |
//! | `GET /mock/webhook/subscriptions` | [`crate::MockServer::webhook_subscriptions`] | a JSON array |
//!
//! EventSub (counts are of the subscriptions or sockets reached):
//!
//! | request | effect | answer |
//! | --- | --- | --- |
//! | `POST /mock/eventsub/trigger` `{"type":"channel.follow","version":"2","event":{..}}` (`event` optional) | [`crate::MockServer::eventsub_trigger`] / [`crate::MockServer::eventsub_trigger_event`] | `{"count": n}`; 404 for an unknown type or version |
//! | `POST /mock/eventsub/reconnect` | [`crate::MockServer::eventsub_reconnect`] | `{"count": n}` |
//! | `POST /mock/eventsub/close?code=4000` (1000 or 3000..=4999) | [`crate::MockServer::eventsub_close`] | `{"count": n}` |
//! | `POST /mock/eventsub/drop` | [`crate::MockServer::eventsub_drop_sockets`] | `{"count": n}` |
//! | `POST /mock/eventsub/keepalives?on=false` | [`crate::MockServer::eventsub_stop_keepalives`] (`on=false` stops them) | 204 |
//! | `POST /mock/eventsub/duplicate_next` | [`crate::MockServer::eventsub_duplicate_next`] | 204 |
//! | `POST /mock/eventsub/revoke?id=..&status=authorization_revoked` | [`crate::MockServer::eventsub_revoke`] | 204; 404 when nothing was revoked |
//! | `POST /mock/eventsub/signing?mode=stale` (`valid`, `wrong`, `missing`, `stale`) | [`crate::MockServer::eventsub_webhook_signing`] | 204 |
//! | `POST /mock/eventsub/page_size?n=2` | [`crate::MockServer::set_eventsub_page_size`] | 204 |
//! | `GET /mock/eventsub/subscriptions` | [`crate::MockServer::eventsub_subscriptions`] | a JSON array |
//! | `GET /mock/eventsub/sessions` | [`crate::MockServer::eventsub_sessions`] | `{"count": n}` |
//!
//! OAuth (`on` defaults to `true`):
//!
//! | request | effect | answer |
//! | --- | --- | --- |
//! | `POST /mock/oauth/faults` `{"deny_next": true}` | [`crate::MockServer::oauth_deny_next`] | 204 |
//! | `POST /mock/oauth/device/pending_polls?n=2` | [`crate::MockServer::oauth_device_pending_polls`] | 204 |
//! | `POST /mock/oauth/device/slow_down_next` | [`crate::MockServer::oauth_device_slow_down_next`] | 204 |
//! | `POST /mock/oauth/device/expires_in?ms=1800000` | [`crate::MockServer::oauth_device_expires_in`] | 204 |
//! | `POST /mock/oauth/device/interval?secs=5` | [`crate::MockServer::oauth_device_interval`] | 204 |
//! | `POST /mock/oauth/device/deny` | [`crate::MockServer::oauth_device_deny`] | `{"count": n}`, the codes refused |
//! | `POST /mock/oauth/device/enforce_interval?on=true` | [`crate::MockServer::oauth_device_enforce_interval`] | 204 |
//!
//! Malformed parameters answer 400 with Twitch's JSON error body.

use std::time::{Duration, Instant};

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State as AxumState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use crate::errors::ApiError;
use crate::state::{lock, FaultKind, Shared};
use crate::IssuedToken;

/// The admin routes, to be merged into the mock's router.
pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/mock/users/{id}/token", post(user_token))
        .route("/mock/users/{id}/extension_token", post(extension_token))
        .route("/mock/app_token", post(app_token))
        .route("/mock/tokens/{token}/expire", post(expire))
        .route("/mock/refresh_tokens/{token}/revoke", post(revoke))
        .route("/mock/tokens/{token}/revoke", post(revoke_any))
        .route("/mock/faults", post(fault))
        .route("/mock/delays", post(delay))
        .route("/mock/rate_limit", post(rate_limit))
        .route("/mock/rate_limit/drain", post(drain))
        .route("/mock/requests/clear", post(clear))
        .route("/mock/requests/count", get(count))
        .merge(crate::pubsub::admin::router())
        .merge(crate::webhook::admin::router())
        .merge(crate::eventsub::admin::router())
        .merge(crate::oauth::admin::router())
}

pub(crate) type Params<T> = Result<Query<T>, QueryRejection>;

/// The parameters, or 400 with Twitch's JSON error body.
pub(crate) fn params<T>(query: Params<T>) -> Result<T, ApiError> {
    query
        .map(|Query(params)| params)
        .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
}

pub(crate) fn done() -> Response {
    StatusCode::NO_CONTENT.into_response()
}

fn token_json(token: IssuedToken) -> Response {
    Json(serde_json::json!({
        "access_token": token.access_token,
        "refresh_token": token.refresh_token,
        "expires_in": token.expires_in,
        "scope": token.scopes,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct Scopes {
    #[serde(default)]
    scopes: String,
}

async fn user_token(
    AxumState(shared): AxumState<Shared>,
    Path(id): Path<String>,
    query: Params<Scopes>,
) -> Result<Response, ApiError> {
    let scopes = params(query)?
        .scopes
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(token_json(lock(&shared).issue_user_token(&id, scopes)))
}

async fn extension_token(AxumState(shared): AxumState<Shared>, Path(id): Path<String>) -> Response {
    let token = lock(&shared).issue_extension_token(&id);
    Json(serde_json::json!({ "helix_token": token })).into_response()
}

async fn app_token(AxumState(shared): AxumState<Shared>) -> Response {
    token_json(lock(&shared).issue_app_token())
}

async fn expire(AxumState(shared): AxumState<Shared>, Path(token): Path<String>) -> Response {
    lock(&shared).expire_token(&token, Instant::now());
    done()
}

async fn revoke(AxumState(shared): AxumState<Shared>, Path(token): Path<String>) -> Response {
    lock(&shared).revoke_refresh_token(&token);
    done()
}

async fn revoke_any(
    AxumState(shared): AxumState<Shared>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    if lock(&shared).revoke_token(&token) {
        Ok(done())
    } else {
        Err(ApiError::not_found("unknown token"))
    }
}

#[derive(Deserialize)]
struct Fault {
    path: String,
    /// Answer this status ([`crate::MockServer::fail_next`]).
    status: Option<u16>,
    /// Or `drop` ([`crate::MockServer::drop_next`]) or `reset` ([`crate::MockServer::reset_next`]).
    kind: Option<String>,
    #[serde(default = "one")]
    times: u32,
}

fn one() -> u32 {
    1
}

async fn fault(
    AxumState(shared): AxumState<Shared>,
    query: Params<Fault>,
) -> Result<Response, ApiError> {
    let f = params(query)?;
    let kind = match (f.kind.as_deref(), f.status) {
        (Some("drop"), None) => FaultKind::Drop,
        (Some("reset"), None) => FaultKind::Reset,
        (None, Some(status)) => FaultKind::Status(status),
        _ => {
            return Err(ApiError::bad_request(
                "give either status=N or kind=drop|reset",
            ))
        }
    };
    lock(&shared).set_fault(&f.path, kind, f.times);
    Ok(done())
}

#[derive(Deserialize)]
struct Delay {
    path: String,
    ms: u64,
}

async fn delay(
    AxumState(shared): AxumState<Shared>,
    query: Params<Delay>,
) -> Result<Response, ApiError> {
    let d = params(query)?;
    let mut state = lock(&shared);
    if d.ms == 0 {
        state.delays.remove(&d.path);
    } else {
        state.delays.insert(d.path, Duration::from_millis(d.ms));
    }
    Ok(done())
}

#[derive(Deserialize)]
struct RateLimit {
    bucket: u32,
    refill_ms: u64,
}

async fn rate_limit(
    AxumState(shared): AxumState<Shared>,
    query: Params<RateLimit>,
) -> Result<Response, ApiError> {
    let r = params(query)?;
    let refill = Duration::from_millis(r.refill_ms);
    lock(&shared).limiter.reset(r.bucket, refill);
    Ok(done())
}

async fn drain(AxumState(shared): AxumState<Shared>) -> Response {
    lock(&shared).limiter.drain(Instant::now());
    done()
}

async fn clear(AxumState(shared): AxumState<Shared>) -> Response {
    lock(&shared).requests.clear();
    done()
}

#[derive(Deserialize)]
struct Count {
    method: String,
    path: String,
    grant_type: Option<String>,
}

async fn count(
    AxumState(shared): AxumState<Shared>,
    query: Params<Count>,
) -> Result<Response, ApiError> {
    let c = params(query)?;
    let state = lock(&shared);
    let n = state
        .requests
        .iter()
        .filter(|r| r.method.eq_ignore_ascii_case(&c.method) && r.path == c.path)
        .filter(|r| match &c.grant_type {
            Some(grant) => crate::oauth::grant_type_of(r).as_deref() == Some(grant.as_str()),
            None => true,
        })
        .count();
    Ok(Json(serde_json::json!({ "count": n })).into_response())
}
