//! id.twitch.tv: `/oauth2/token`, `/oauth2/authorize`, `/oauth2/device`,
//! `/oauth2/validate`, `/oauth2/revoke`, and `/activate` (the page a device
//! code's `verification_uri` names).
//!
//! Two clients are registered: the confidential one (id and secret of
//! [`crate::MockConfig`]) and the public one (`public_client_id`, no secret).
//! Errors are id.twitch.tv's JSON `{"status": N, "message": ".."}`, except a
//! rejected refresh token, which gets Helix's `{"error", "status", "message"}`
//! as Twitch sends it. Parameters are read from the form body, then the query.
//!
//! | grant (`grant_type`) | confidential client | public client |
//! | --- | --- | --- |
//! | `client_credentials` | secret required (else 400 "invalid client secret") | 400 "invalid client secret" |
//! | `authorization_code` | secret required | refused: it has no secret |
//! | `refresh_token` | secret required; the refresh token stays usable | no secret; the refresh token is used up |
//! | `urn:ietf:params:oauth:grant-type:device_code` | secret optional | no secret |
//!
//! "Secret required": 400 "missing client secret" without one, 403 "invalid
//! client secret" for a wrong one; a public client sending any secret gets
//! the 403 too. An unknown `client_id` is 400 "invalid client" everywhere.

mod authorize;
mod clients;
mod device;
mod revoke;
mod scopes;
mod store;
mod token;
mod validate;

pub(crate) mod admin;
mod api;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::errors::{oauth_error, ApiError};
use crate::state::Shared;
use crate::RecordedRequest;

pub(crate) use store::OAuthStore;

/// The id.twitch.tv routes.
pub(crate) fn router() -> Router<Shared> {
    Router::new()
        .route("/oauth2/token", post(token::token))
        .route("/oauth2/authorize", get(authorize::authorize))
        .route("/oauth2/device", post(device::device))
        .route("/oauth2/validate", get(validate::validate))
        .route("/oauth2/revoke", post(revoke::revoke))
        .route("/activate", get(device::activate))
}

/// Form parameters from the body, then the query string.
pub(crate) struct Form(Vec<(String, String)>);

impl Form {
    fn new(body: &[u8], query: Option<&str>) -> Form {
        let query = query.unwrap_or("").as_bytes();
        let pairs = url::form_urlencoded::parse(body)
            .chain(url::form_urlencoded::parse(query))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Form(pairs)
    }

    /// The first non-empty value of `key`.
    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `key`, even when empty.
    fn get_raw(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The `grant_type` of a recorded token request (body first, then query).
pub(crate) fn grant_type_of(request: &RecordedRequest) -> Option<String> {
    let body = Form::new(request.body.as_bytes(), None);
    body.get("grant_type").map(str::to_owned).or_else(|| {
        request
            .query
            .iter()
            .find(|(k, v)| k == "grant_type" && !v.is_empty())
            .map(|(_, v)| v.clone())
    })
}

/// An error answer of id.twitch.tv, made into a response when sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `{"status", "message"}`.
    OAuth(StatusCode, String),
    /// Helix's `{"error", "status", "message"}` (a rejected refresh token).
    Helix(ApiError),
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::OAuth(status, message) => oauth_error(status, &message),
            Refusal::Helix(error) => error.into_response(),
        }
    }
}

/// 400 with id.twitch.tv's error body.
fn bad(message: &str) -> Refusal {
    Refusal::OAuth(StatusCode::BAD_REQUEST, message.to_owned())
}
