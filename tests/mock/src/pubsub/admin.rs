//! `/mock/pubsub/...`: the PubSub switches and triggers of
//! [`crate::MockServer`] over HTTP (the table is in the admin module's docs).
//! Triggers and broadcasts answer `{"count": n}`, the connections reached.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::{messages, Command};
use crate::admin::{done, params, Params};
use crate::errors::ApiError;
use crate::state::{lock, Shared};

/// The PubSub admin routes, to be merged into the admin router.
pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/mock/pubsub/send", post(send))
        .route("/mock/pubsub/channel_points", post(channel_points))
        .route("/mock/pubsub/whisper", post(whisper))
        .route("/mock/pubsub/bits", post(bits))
        .route("/mock/pubsub/reconnect", post(reconnect))
        .route("/mock/pubsub/withhold_pong", post(withhold_pong))
        .route("/mock/pubsub/drop_connections", post(drop_connections))
        .route("/mock/pubsub/response_delay", post(response_delay))
        .route("/mock/pubsub/drop_responses", post(drop_responses))
        .route("/mock/pubsub/refuse_topic", post(refuse_topic))
        .route("/mock/pubsub/garbage", post(garbage))
        .route("/mock/pubsub/connections", get(connections))
        .route("/mock/pubsub/listening", get(listening))
        .route("/mock/pubsub/frames", get(frames))
        .route("/mock/pubsub/frames/clear", post(clear_frames))
}

fn count(n: usize) -> Response {
    Json(serde_json::json!({ "count": n })).into_response()
}

#[derive(Deserialize)]
struct Topic {
    topic: String,
}

async fn send(
    AxumState(shared): AxumState<Shared>,
    query: Params<Topic>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let topic = params(query)?.topic;
    let message: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
    Ok(count(lock(&shared).pubsub.send(&topic, &message)))
}

#[derive(Deserialize)]
struct ChannelPoints {
    channel_id: String,
    title: String,
}

async fn channel_points(
    AxumState(shared): AxumState<Shared>,
    query: Params<ChannelPoints>,
) -> Result<Response, ApiError> {
    let p = params(query)?;
    let mut state = lock(&shared);
    let message = messages::redemption(&mut state, &p.channel_id, &p.title);
    let topic = format!("channel-points-channel-v1.{}", p.channel_id);
    Ok(count(state.pubsub.send(&topic, &message)))
}

#[derive(Deserialize)]
struct Whisper {
    to_user_id: String,
    from_login: String,
    text: String,
}

async fn whisper(
    AxumState(shared): AxumState<Shared>,
    query: Params<Whisper>,
) -> Result<Response, ApiError> {
    let p = params(query)?;
    let mut state = lock(&shared);
    let message = messages::whisper(&mut state, &p.to_user_id, &p.from_login, &p.text);
    let topic = format!("whispers.{}", p.to_user_id);
    Ok(count(state.pubsub.send(&topic, &message)))
}

#[derive(Deserialize)]
struct Bits {
    channel_id: String,
    from_login: String,
    bits: u64,
    #[serde(default)]
    message: String,
}

async fn bits(
    AxumState(shared): AxumState<Shared>,
    query: Params<Bits>,
) -> Result<Response, ApiError> {
    let p = params(query)?;
    let mut state = lock(&shared);
    let message = messages::bits(&mut state, &p.channel_id, &p.from_login, p.bits, &p.message);
    let topic = format!("channel-bits-events-v2.{}", p.channel_id);
    Ok(count(state.pubsub.send(&topic, &message)))
}

async fn reconnect(AxumState(shared): AxumState<Shared>) -> Response {
    count(lock(&shared).pubsub.broadcast(r#"{"type":"RECONNECT"}"#))
}

#[derive(Deserialize)]
struct Switch {
    #[serde(default = "yes")]
    on: bool,
}

fn yes() -> bool {
    true
}

async fn withhold_pong(
    AxumState(shared): AxumState<Shared>,
    query: Params<Switch>,
) -> Result<Response, ApiError> {
    lock(&shared).pubsub.withhold_pong = params(query)?.on;
    Ok(done())
}

async fn drop_connections(AxumState(shared): AxumState<Shared>) -> Response {
    count(lock(&shared).pubsub.end_all(|| Command::Drop))
}

#[derive(Deserialize)]
struct Delay {
    ms: u64,
}

async fn response_delay(
    AxumState(shared): AxumState<Shared>,
    query: Params<Delay>,
) -> Result<Response, ApiError> {
    lock(&shared).pubsub.response_delay = Duration::from_millis(params(query)?.ms);
    Ok(done())
}

async fn drop_responses(
    AxumState(shared): AxumState<Shared>,
    query: Params<Switch>,
) -> Result<Response, ApiError> {
    lock(&shared).pubsub.drop_responses = params(query)?.on;
    Ok(done())
}

#[derive(Deserialize)]
struct Refuse {
    topic: String,
    #[serde(default = "yes")]
    on: bool,
}

async fn refuse_topic(
    AxumState(shared): AxumState<Shared>,
    query: Params<Refuse>,
) -> Result<Response, ApiError> {
    let r = params(query)?;
    let refused = &mut lock(&shared).pubsub.refused_topics;
    if r.on {
        refused.insert(r.topic);
    } else {
        refused.remove(&r.topic);
    }
    Ok(done())
}

async fn garbage(AxumState(shared): AxumState<Shared>, body: Bytes) -> Response {
    let text = String::from_utf8_lossy(&body);
    count(lock(&shared).pubsub.broadcast(&text))
}

async fn connections(AxumState(shared): AxumState<Shared>) -> Response {
    count(lock(&shared).pubsub.connections())
}

async fn listening(
    AxumState(shared): AxumState<Shared>,
    query: Params<Topic>,
) -> Result<Response, ApiError> {
    let topic = params(query)?.topic;
    Ok(count(lock(&shared).pubsub.listening(&topic)))
}

async fn frames(AxumState(shared): AxumState<Shared>) -> Response {
    Json(lock(&shared).pubsub.frames.clone()).into_response()
}

async fn clear_frames(AxumState(shared): AxumState<Shared>) -> Response {
    lock(&shared).pubsub.frames.clear();
    done()
}
