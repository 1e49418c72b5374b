//! Twitch's error bodies: Helix `{"error","status","message"}` and OAuth `{"status","message"}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// A Helix error answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

#[derive(Serialize)]
struct HelixErrorBody<'a> {
    error: &'a str,
    status: u16,
    message: &'a str,
}

#[derive(Serialize)]
struct OAuthErrorBody<'a> {
    status: u16,
    message: &'a str,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    pub fn too_many_requests() -> Self {
        Self::new(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests")
    }
}

/// The reason phrase Twitch puts in `"error"`.
pub(crate) fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("Unknown Error")
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = HelixErrorBody {
            error: reason(self.status),
            status: self.status.as_u16(),
            message: &self.message,
        };
        (self.status, Json(body)).into_response()
    }
}

/// An id.twitch.tv error answer.
pub(crate) fn oauth_error(status: StatusCode, message: &str) -> Response {
    let body = OAuthErrorBody {
        status: status.as_u16(),
        message,
    };
    (status, Json(body)).into_response()
}

/// `200 OK` with a JSON body.
pub(crate) fn json_ok<T: Serialize>(body: &T) -> Response {
    Json(body).into_response()
}
