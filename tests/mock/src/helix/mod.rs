//! Helix (`/helix/...`): authentication, rate limiting and dispatch.
//!
//! Checks, in order: token present and valid, Client-Id matching the token,
//! rate limit (1 point per call), an injected fault, then the endpoint (token
//! kind, scopes, parameters). A request that fails authentication neither
//! spends a point nor consumes a fault. Every answer carries the
//! `Ratelimit-*` headers and a `Date` taken from the same clock reading.

mod analytics;
mod automod;
mod bans;
mod bits;
mod body;
mod channels;
mod chat;
mod clips;
mod commercial;
mod cursor;
mod entitlements;
mod extensions;
mod followers;
mod follows;
mod games;
mod hypetrain;
mod markers;
mod moderators;
mod params;
mod redemptions;
mod reward_body;
mod rewards;
mod routes;
mod search;
mod streams;
mod subscriptions;
mod tags;
mod users;
mod videos;
mod webhooks;

use std::time::{Instant, SystemTime};

use axum::body::{to_bytes, Bytes};
use axum::extract::{Request, State as AxumState};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::errors::{json_ok, ApiError};
use crate::faults;
use crate::headers::set_date;
use crate::ratelimit::{BucketKey, RateInfo};
use crate::state::{lock, FaultKind, Shared, State};

pub(crate) use body::json_body;
pub(crate) use cursor::Cursor;
pub(crate) use params::{Pagination, Params};

/// Largest accepted request body.
pub(crate) const BODY_LIMIT: usize = 1 << 20;

/// The caller, as established from its token.
#[derive(Clone, Debug)]
pub(crate) struct Auth {
    pub client_id: String,
    /// `None` for app tokens.
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
}

impl Auth {
    /// The user id of a user token; 401 for app tokens.
    pub fn require_user(&self) -> Result<&str, ApiError> {
        self.user_id
            .as_deref()
            .ok_or_else(|| ApiError::unauthorized("Missing User OAUTH Token"))
    }

    /// 401 for user tokens (the endpoint takes app access tokens only).
    pub fn require_app(&self) -> Result<(), ApiError> {
        match self.user_id {
            None => Ok(()),
            Some(_) => Err(ApiError::unauthorized(
                "This endpoint requires an app access token",
            )),
        }
    }

    /// A user token with one of `scopes`; returns the token's user id.
    pub fn user_with(&self, scopes: &[&str]) -> Result<&str, ApiError> {
        let user_id = self.require_user()?;
        self.require_any_scope(scopes)?;
        Ok(user_id)
    }

    /// 401 unless `value` (of parameter `key`) is the token's user.
    pub fn require_self(&self, key: &str, value: &str) -> Result<(), ApiError> {
        if self.user_id.as_deref() == Some(value) {
            Ok(())
        } else {
            Err(ApiError::unauthorized(format!(
                "The ID in {key} must match the user ID found in the request's OAuth token"
            )))
        }
    }

    /// User token with one of `scopes` and the required query parameter `key`
    /// naming the token's user; returns that id.
    pub fn owner<'a>(
        &self,
        req: &'a HelixRequest,
        scopes: &[&str],
        key: &str,
    ) -> Result<&'a str, ApiError> {
        self.user_with(scopes)?;
        let id = req.params.required(key)?;
        self.require_self(key, id)?;
        Ok(id)
    }

    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.iter().any(|s| s == scope)
    }

    /// 401 "Missing scope: <first>" unless one of `scopes` was granted.
    pub fn require_any_scope(&self, scopes: &[&str]) -> Result<(), ApiError> {
        if scopes.iter().any(|s| self.has_scope(s)) {
            Ok(())
        } else {
            Err(ApiError::unauthorized(format!(
                "Missing scope: {}",
                scopes.first().copied().unwrap_or_default()
            )))
        }
    }
}

/// What an endpoint gets to see of the request.
#[derive(Clone, Debug)]
pub(crate) struct HelixRequest {
    pub params: Params,
    /// The `Content-Type` header, when present and text.
    pub content_type: Option<String>,
    pub body: Bytes,
}

type Handler = fn(&mut State, &Auth, &HelixRequest) -> Result<Response, ApiError>;

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The token of `Authorization: Bearer <token>` (or, with `true`, of an
/// extension's `Authorization: Extension <token>`); other schemes yield the
/// whole value (which matches no token).
fn credentials(headers: &HeaderMap) -> Option<(bool, &str)> {
    let value = header(headers, "authorization")?.trim();
    let (extension, token) = match value.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => (false, rest.trim()),
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("extension") => (true, rest.trim()),
        _ if value.eq_ignore_ascii_case("bearer") => (false, ""),
        _ => (false, value),
    };
    Some((extension, token)).filter(|(_, t)| !t.is_empty())
}

fn authenticate(state: &State, headers: &HeaderMap, now: Instant) -> Result<Auth, ApiError> {
    let (extension, token) =
        credentials(headers).ok_or_else(|| ApiError::unauthorized("OAuth token is missing"))?;
    let record = if extension {
        state.valid_extension_token(token, now)
    } else {
        state.valid_token(token, now)
    }
    .ok_or_else(|| ApiError::unauthorized("Invalid OAuth token"))?;
    let client_id = header(headers, "client-id")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| ApiError::unauthorized("Client ID is missing"))?;
    if client_id != record.client_id {
        return Err(ApiError::unauthorized(
            "Client ID and OAuth token do not match",
        ));
    }
    Ok(Auth {
        client_id: client_id.to_owned(),
        user_id: record.user_id.clone(),
        scopes: record.scopes.clone(),
    })
}

/// The bucket an unauthenticated request is reported against: its token's
/// when the token is known (even expired), else the Client-Id's app bucket.
fn guess_bucket(state: &State, headers: &HeaderMap) -> BucketKey {
    match credentials(headers).and_then(|(_, t)| state.tokens.get(t)) {
        Some(record) => BucketKey::new(&record.client_id, record.user_id.as_deref()),
        None => BucketKey::new(header(headers, "client-id").unwrap_or(""), None),
    }
}

/// What happens to an authenticated, admitted request.
enum Outcome {
    Answer(Response),
    /// Answer, then cut the connection in the middle of it.
    Cut(Response),
    Reset,
}

/// Authentication, rate limit, injected fault, endpoint; with the bucket to report.
fn respond(
    state: &mut State,
    parts: &Parts,
    req: &HelixRequest,
    now: Instant,
) -> (Outcome, RateInfo) {
    let auth = match authenticate(state, &parts.headers, now) {
        Ok(auth) => auth,
        Err(error) => {
            let info = state
                .limiter
                .peek(&guess_bucket(state, &parts.headers), now);
            return (Outcome::Answer(error.into_response()), info);
        }
    };
    let key = BucketKey::new(&auth.client_id, auth.user_id.as_deref());
    let info = match state.limiter.take(&key, now) {
        Ok(info) => info,
        Err(info) => {
            let limited = ApiError::too_many_requests().into_response();
            return (Outcome::Answer(limited), info);
        }
    };
    let path = parts.uri.path();
    let fault = state.take_fault(path);
    let answer = |state: &mut State| match routes::route(&parts.method, path) {
        Some(handler) => handler(state, &auth, req).unwrap_or_else(IntoResponse::into_response),
        None => ApiError::not_found("Not Found").into_response(),
    };
    match fault {
        None => (Outcome::Answer(answer(state)), info),
        Some(FaultKind::Status(status)) => {
            let mut info = info;
            if status == StatusCode::TOO_MANY_REQUESTS.as_u16() {
                info.remaining = 0;
            }
            (Outcome::Answer(faults::status_answer(status)), info)
        }
        Some(FaultKind::Drop) => (Outcome::Cut(answer(state)), info),
        Some(FaultKind::Reset) => (Outcome::Reset, info),
    }
}

/// Entry point for every `/helix` request.
pub(crate) async fn handle(AxumState(shared): AxumState<Shared>, request: Request) -> Response {
    let conn = faults::conn_of(&request);
    let (parts, body) = request.into_parts();
    let body = match to_bytes(body, BODY_LIMIT).await {
        Ok(body) => body,
        Err(_) => return ApiError::bad_request("The request body is too large").into_response(),
    };
    let req = HelixRequest {
        params: Params::parse(parts.uri.query()),
        content_type: header(&parts.headers, "content-type").map(str::to_owned),
        body,
    };
    let now = Instant::now();
    let wall = SystemTime::now();
    let (outcome, info) = respond(&mut lock(&shared), &parts, &req, now);
    let (mut response, cut) = match outcome {
        Outcome::Answer(response) => (response, false),
        Outcome::Cut(response) => (response, true),
        Outcome::Reset => return faults::reset(conn.as_ref()),
    };
    crate::webhook::hub::follow_up(&shared, &mut response, conn.as_ref()).await;
    crate::eventsub::follow_up(&shared, &mut response, conn.as_ref()).await;
    info.apply(&mut response, wall);
    set_date(&mut response, wall);
    if cut {
        response = faults::cut(conn.as_ref(), response).await;
    }
    response
}

#[derive(Serialize)]
struct DataBody<T> {
    data: Vec<T>,
}

#[derive(Serialize)]
struct PageBody<T> {
    data: Vec<T>,
    pagination: Pagination,
}

/// `{"data": [...]}`
pub(crate) fn data<T: Serialize>(data: Vec<T>) -> Result<Response, ApiError> {
    Ok(json_ok(&DataBody { data }))
}

/// `{"data": [...], "pagination": {...}}`
pub(crate) fn page<T: Serialize>(
    data: Vec<T>,
    pagination: Pagination,
) -> Result<Response, ApiError> {
    Ok(json_ok(&PageBody { data, pagination }))
}

/// `204 No Content` without a body.
pub(crate) fn no_content() -> Result<Response, ApiError> {
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// 400 unless exactly one of the selector groups was given; returns its index.
pub(crate) fn exactly_one(params: &Params, keys: &[&str]) -> Result<usize, ApiError> {
    let given: Vec<usize> = (0..keys.len())
        .filter(|&i| !params.all(keys[i]).is_empty())
        .collect();
    match given.as_slice() {
        [one] => Ok(*one),
        _ => Err(ApiError::bad_request(format!(
            "Exactly one of the parameters {} must be specified",
            keys.join(", ")
        ))),
    }
}
