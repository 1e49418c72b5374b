//! Injected faults, applied once a request passed authentication: an error
//! status, an answer cut off mid-body, or a connection reset.

use axum::body::{to_bytes, Body};
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::conn::Conn;
use crate::errors::ApiError;

/// The message of an injected error answer.
pub(crate) const MESSAGE: &str = "fault injected";

/// The connection `request` arrived on (always known when served by the mock's listener).
pub(crate) fn conn_of<B>(request: &Request<B>) -> Option<Conn> {
    let conn = request
        .extensions()
        .get::<ConnectInfo<Conn>>()
        .map(|info| info.0.clone());
    if conn.is_none() {
        tracing::warn!("twitchapi-mock: no connection handle; connection faults answer 500");
    }
    conn
}

/// Twitch's JSON error answer with `status` and [`MESSAGE`].
pub(crate) fn status_answer(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    ApiError::new(status, MESSAGE).into_response()
}

/// Arms a reset of the connection; the answer returned here is never sent.
pub(crate) fn reset(conn: Option<&Conn>) -> Response {
    match conn {
        Some(conn) => conn.reset(),
        None => return status_answer(500),
    }
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Arms a cut of `response` after its headers and half its body (inside
/// the header block when it has no body).
pub(crate) async fn cut(conn: Option<&Conn>, response: Response) -> Response {
    let Some(conn) = conn else {
        return status_answer(500);
    };
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(_) => return status_answer(500),
    };
    if bytes.is_empty() {
        conn.cut_in_head();
    } else {
        conn.cut_after_body(bytes.len() / 2);
    }
    Response::from_parts(parts, Body::from(bytes))
}
