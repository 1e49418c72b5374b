//! Records every request, applies injected delays and answers injected faults
//! before anything else.

use std::time::{Instant, SystemTime};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State as AxumState};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::errors::ApiError;
use crate::helix::{peek_rate, BODY_LIMIT};
use crate::state::{lock, Shared};
use crate::RecordedRequest;

fn headers_of(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect()
}

/// Middleware: buffer the body, record the request, answer a pending fault or
/// pass the request on.
pub(crate) async fn record(
    AxumState(shared): AxumState<Shared>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => return ApiError::bad_request("The request body is too large").into_response(),
    };
    let path = parts.uri.path().to_owned();
    let query = url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let recorded = RecordedRequest {
        method: parts.method.as_str().to_owned(),
        path: path.clone(),
        query,
        headers: headers_of(&parts.headers),
        body: String::from_utf8_lossy(&bytes).into_owned(),
    };
    tracing::debug!(method = %recorded.method, path = %recorded.path, "twitchapi-mock request");
    let delay = {
        let mut state = lock(&shared);
        state.requests.push(recorded);
        state.delays.get(&path).copied()
    };
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let fault = {
        let mut state = lock(&shared);
        state.take_fault(&path).map(|status| {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = ApiError::new(status, "fault injected").into_response();
            if path == "/helix" || path.starts_with("/helix/") {
                let mut info = peek_rate(&state, &parts.headers, Instant::now());
                if status == StatusCode::TOO_MANY_REQUESTS {
                    info.remaining = 0;
                }
                info.apply(&mut response, SystemTime::now());
            }
            response
        })
    };
    match fault {
        Some(response) => response,
        None => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
    }
}
