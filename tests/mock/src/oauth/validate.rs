//! `GET /oauth2/validate`: who a token belongs to and what it may do; 401
//! "invalid access token" once it expired or was revoked.

use std::time::Instant;

use axum::extract::State as AxumState;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;

use crate::errors::{json_ok, oauth_error};
use crate::state::{lock, Shared};

/// The token of `Authorization: OAuth <t>` or `Bearer <t>`.
fn auth_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let known = scheme.eq_ignore_ascii_case("oauth") || scheme.eq_ignore_ascii_case("bearer");
    Some(token.trim()).filter(|t| known && !t.is_empty())
}

#[derive(Serialize)]
struct Validation {
    client_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    login: Option<String>,
    scopes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_id: Option<String>,
    expires_in: u64,
}

/// `GET /oauth2/validate`.
pub(crate) async fn validate(AxumState(shared): AxumState<Shared>, headers: HeaderMap) -> Response {
    let Some(token) = auth_token(&headers) else {
        return oauth_error(StatusCode::UNAUTHORIZED, "missing authorization token");
    };
    let now = Instant::now();
    let state = lock(&shared);
    let Some(record) = state.valid_token(token, now) else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid access token");
    };
    let login = record.user_id.as_deref().map(|id| {
        state
            .data
            .user(id)
            .map(|u| u.login.clone())
            .unwrap_or_default()
    });
    json_ok(&Validation {
        client_id: record.client_id.clone(),
        login,
        scopes: record.scopes.clone(),
        user_id: record.user_id.clone(),
        expires_in: record.expires_in(now),
    })
}
