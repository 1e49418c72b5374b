//! Records every request, answers CORS preflights, applies injected delays,
//! and applies injected faults of the non-Helix paths (Helix applies its own
//! after authentication).

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State as AxumState};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::errors::ApiError;
use crate::helix::BODY_LIMIT;
use crate::state::{lock, FaultKind, Shared};
use crate::{faults, headers, RecordedRequest};

fn headers_of(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect()
}

/// Middleware: buffer the body, record the request, answer a preflight, wait
/// out a delay, then answer a pending fault (non-Helix paths) or pass the
/// request on.
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
    if headers::is_preflight(&parts.method, &path) {
        return headers::preflight();
    }
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let request = Request::from_parts(parts, Body::from(bytes));
    if is_helix(&path) {
        // Helix applies faults itself, after authentication.
        return next.run(request).await;
    }
    let fault = lock(&shared).take_fault(&path);
    match fault {
        None => next.run(request).await,
        Some(FaultKind::Status(status)) => faults::status_answer(status),
        Some(FaultKind::Reset) => faults::reset(faults::conn_of(&request).as_ref()),
        Some(FaultKind::Drop) => {
            let conn = faults::conn_of(&request);
            let response = next.run(request).await;
            faults::cut(conn.as_ref(), response).await
        }
    }
}

/// Whether `path` is served by the Helix handler.
pub(crate) fn is_helix(path: &str) -> bool {
    path == "/helix" || path.starts_with("/helix/")
}
