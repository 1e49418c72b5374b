//! id.twitch.tv: `/oauth2/token`, `/oauth2/authorize`, `/oauth2/validate`, `/oauth2/revoke`.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{RawQuery, State as AxumState};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::errors::{json_ok, oauth_error};
use crate::seed_data::TWITCHDEV_ID;
use crate::state::{lock, AuthCode, Shared, State};
use crate::{IssuedToken, RecordedRequest};

/// Form parameters from the body, then the query string.
struct Form(Vec<(String, String)>);

impl Form {
    fn new(body: &[u8], query: Option<&str>) -> Form {
        let query = query.unwrap_or("").as_bytes();
        let pairs = url::form_urlencoded::parse(body)
            .chain(url::form_urlencoded::parse(query))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Form(pairs)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
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

fn bad(message: &str) -> Response {
    oauth_error(StatusCode::BAD_REQUEST, message)
}

/// 400 unless `client_id` is the registered client.
fn check_client(state: &State, form: &Form) -> Result<(), &'static str> {
    match form.get("client_id") {
        None => Err("missing client id"),
        Some(id) if id != state.client_id => Err("invalid client"),
        Some(_) => Ok(()),
    }
}

fn check_secret(state: &State, form: &Form) -> Result<(), &'static str> {
    check_client(state, form)?;
    match form.get("client_secret") {
        Some(secret) if secret == state.client_secret => Ok(()),
        _ => Err("invalid client secret"),
    }
}

#[derive(Serialize)]
struct TokenAnswer {
    access_token: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    expires_in: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<Vec<String>>,
    token_type: &'static str,
}

impl TokenAnswer {
    fn user(issued: IssuedToken) -> Response {
        json_ok(&TokenAnswer {
            access_token: issued.access_token,
            refresh_token: issued.refresh_token,
            expires_in: issued.expires_in,
            scope: Some(issued.scopes),
            token_type: "bearer",
        })
    }
}

/// `POST /oauth2/token`: client_credentials, refresh_token, authorization_code.
pub(crate) async fn token(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let form = Form::new(&body, query.as_deref());
    let mut state = lock(&shared);
    if let Err(message) = check_secret(&state, &form) {
        return bad(message);
    }
    match form.get("grant_type") {
        Some("client_credentials") => {
            let issued = state.issue_app_token();
            json_ok(&TokenAnswer {
                access_token: issued.access_token,
                refresh_token: None,
                expires_in: issued.expires_in,
                scope: None,
                token_type: "bearer",
            })
        }
        Some("refresh_token") => refresh(&mut state, &form),
        Some("authorization_code") => exchange_code(&mut state, &form),
        Some(_) => bad("Invalid grant type"),
        None => bad("missing grant_type"),
    }
}

fn refresh(state: &mut State, form: &Form) -> Response {
    let Some(old) = form
        .get("refresh_token")
        .and_then(|t| state.refresh_tokens.get(t))
        .filter(|r| !r.revoked && r.client_id == state.client_id)
        .cloned()
    else {
        return bad("Invalid refresh token");
    };
    state.revoke_access_token(&old.access_token);
    TokenAnswer::user(state.issue_user_token(&old.user_id, old.scopes))
}

fn exchange_code(state: &mut State, form: &Form) -> Response {
    let Some(code) = form.get("code").and_then(|c| state.codes.remove(c)) else {
        return bad("Invalid authorization code");
    };
    if code.client_id != state.client_id {
        return bad("Invalid authorization code");
    }
    if form.get("redirect_uri") != Some(code.redirect_uri.as_str()) {
        return bad("Parameter redirect_uri does not match registered URI");
    }
    TokenAnswer::user(state.issue_user_token(&code.user_id, code.scopes))
}

/// `GET /oauth2/authorize`: the seeded user twitchdev always consents.
/// `response_type=code` redirects with `?code=..&scope=..&state=..`;
/// `response_type=token` with `#access_token=..&scope=..&state=..&token_type=bearer`.
pub(crate) async fn authorize(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
) -> Response {
    let form = Form::new(b"", query.as_deref());
    let mut state = lock(&shared);
    if let Err(message) = check_client(&state, &form) {
        return bad(message);
    }
    let Some(redirect_uri) = form.get("redirect_uri") else {
        return bad("missing redirect_uri");
    };
    let Ok(mut target) = url::Url::parse(redirect_uri) else {
        return bad("Parameter redirect_uri does not match registered URI");
    };
    let scopes: Vec<String> = form
        .get("scope")
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let scope_text = scopes.join(" ");
    let mut pairs = Vec::new();
    match form.get("response_type") {
        Some("code") => {
            let code = state.next_secret();
            let client_id = state.client_id.clone();
            state.codes.insert(
                code.clone(),
                AuthCode {
                    client_id,
                    user_id: TWITCHDEV_ID.to_owned(),
                    scopes,
                    redirect_uri: redirect_uri.to_owned(),
                },
            );
            pairs.push(("code", code));
            pairs.push(("scope", scope_text));
        }
        Some("token") => {
            let issued = state.issue_user_token(TWITCHDEV_ID, scopes);
            pairs.push(("access_token", issued.access_token));
            pairs.push(("scope", scope_text));
        }
        _ => return bad("unsupported response_type"),
    }
    if let Some(s) = form.get("state") {
        pairs.push(("state", s.to_owned()));
    }
    if pairs[0].0 == "access_token" {
        pairs.push(("token_type", "bearer".to_owned()));
        let fragment: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        target.set_fragment(Some(&fragment));
    } else {
        target.query_pairs_mut().extend_pairs(pairs);
    }
    let location = target.to_string();
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

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

/// `POST /oauth2/revoke` (form `client_id`, `token`): 200 with an empty body.
pub(crate) async fn revoke(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let form = Form::new(&body, query.as_deref());
    let mut state = lock(&shared);
    if let Err(message) = check_client(&state, &form) {
        return bad(message);
    }
    let Some(token) = form.get("token") else {
        return bad("missing token");
    };
    if state.tokens.contains_key(token) {
        state.revoke_access_token(token);
    } else if state.refresh_tokens.contains_key(token) {
        state.revoke_refresh_token(token);
    } else {
        return bad("Invalid token");
    }
    StatusCode::OK.into_response()
}
