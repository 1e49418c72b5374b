//! `POST /oauth2/token`: client_credentials, refresh_token,
//! authorization_code and the device code grant.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{RawQuery, State as AxumState};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::clients::{self, Client};
use super::{bad, device, Form, Refusal};
use crate::errors::{json_ok, ApiError};
use crate::state::{lock, Shared, State};
use crate::IssuedToken;

/// The `grant_type` of the device flow's polls.
pub(crate) const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

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

/// 200 with a user token: `access_token`, `refresh_token`, `expires_in`,
/// `scope` (an array) and `token_type: "bearer"`.
pub(crate) fn user_answer(issued: IssuedToken) -> Response {
    json_ok(&TokenAnswer {
        access_token: issued.access_token,
        refresh_token: issued.refresh_token,
        expires_in: issued.expires_in,
        scope: Some(issued.scopes),
        token_type: "bearer",
    })
}

/// `POST /oauth2/token`: the client first (400 "missing client id" /
/// "invalid client"), then the grant.
pub(crate) async fn token(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let form = Form::new(&body, query.as_deref());
    let now = Instant::now();
    let mut state = lock(&shared);
    let client = match clients::identify(&state, &form) {
        Ok(client) => client,
        Err(refusal) => return refusal.into_response(),
    };
    let answer = match form.get("grant_type") {
        Some("client_credentials") => app_token(&mut state, &client, &form),
        Some("refresh_token") => refresh(&mut state, &client, &form),
        Some("authorization_code") => exchange_code(&mut state, &client, &form, now),
        Some(DEVICE_GRANT) => device::poll(&mut state, &client, &form, now),
        Some(_) => Err(bad("Invalid grant type")),
        None => Err(bad("missing grant_type")),
    };
    answer.unwrap_or_else(IntoResponse::into_response)
}

fn app_token(state: &mut State, client: &Client, form: &Form) -> Result<Response, Refusal> {
    client.check_app_secret(form)?;
    let issued = state.issue_app_token();
    Ok(json_ok(&TokenAnswer {
        access_token: issued.access_token,
        refresh_token: None,
        expires_in: issued.expires_in,
        scope: None,
        token_type: "bearer",
    }))
}

/// A new access token for a live refresh token of this client; the access
/// token issued with the old one stops working. The public client's refresh
/// tokens are used up by the refresh (it gets a new one), the confidential
/// client's stay usable.
fn refresh(state: &mut State, client: &Client, form: &Form) -> Result<Response, Refusal> {
    client.check_user_secret(form)?;
    let Some((token, old)) = form
        .get("refresh_token")
        .and_then(|t| Some((t, state.refresh_tokens.get(t)?)))
        .filter(|(_, r)| !r.revoked && r.client_id == client.id)
        .map(|(t, r)| (t.to_owned(), r.clone()))
    else {
        return Err(Refusal::Helix(ApiError::bad_request(
            "Invalid refresh token",
        )));
    };
    state.revoke_access_token(&old.access_token);
    if client.is_public() {
        state.revoke_refresh_token(&token);
    }
    let issued = state.issue_user_token_for(&client.id, &old.user_id, old.scopes);
    Ok(user_answer(issued))
}

/// Redeems a code of this client, sent with the `redirect_uri` it was issued
/// for, within its lifetime. Any attempt uses the code up.
fn exchange_code(
    state: &mut State,
    client: &Client,
    form: &Form,
    now: Instant,
) -> Result<Response, Refusal> {
    client.check_user_secret(form)?;
    let Some(code) = form.get("code") else {
        return Err(bad("missing code"));
    };
    let invalid = || bad("Invalid authorization code");
    let code = state.oauth.codes.remove(code).ok_or_else(invalid)?;
    let fits = code.client_id == client.id
        && now < code.expires_at
        && form.get("redirect_uri") == Some(code.redirect_uri.as_str());
    if !fits {
        return Err(invalid());
    }
    let issued = state.issue_user_token_for(&client.id, &code.user_id, code.scopes);
    Ok(user_answer(issued))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oauth::store::{AuthCode, CODE_LIFETIME};
    use crate::MockConfig;
    use axum::http::StatusCode;

    fn code_for(state: &mut State, redirect_uri: &str, issued: Instant) -> String {
        let code = state.next_secret();
        let auth = AuthCode {
            client_id: state.client_id.clone(),
            user_id: "141981764".to_owned(),
            scopes: vec!["user:edit".to_owned()],
            redirect_uri: redirect_uri.to_owned(),
            expires_at: issued + CODE_LIFETIME,
        };
        state.oauth.codes.insert(code.clone(), auth);
        code
    }

    fn exchange(state: &mut State, code: &str, now: Instant) -> StatusCode {
        let body = format!(
            "client_id=mock-client-id&client_secret=mock-client-secret&code={code}\
             &grant_type=authorization_code&redirect_uri=http://localhost/cb"
        );
        let form = Form::new(body.as_bytes(), None);
        let client = clients::identify(state, &form).unwrap();
        match exchange_code(state, &client, &form, now) {
            Ok(answer) => answer.status(),
            Err(refusal) => refusal.into_response().status(),
        }
    }

    #[test]
    fn codes_expire_after_ten_minutes() {
        let mut state = State::new(&MockConfig::default());
        let issued = Instant::now();
        let fresh = code_for(&mut state, "http://localhost/cb", issued);
        let late = CODE_LIFETIME - std::time::Duration::from_secs(1);
        assert_eq!(exchange(&mut state, &fresh, issued + late), StatusCode::OK);
        let stale = code_for(&mut state, "http://localhost/cb", issued);
        assert_eq!(
            exchange(&mut state, &stale, issued + CODE_LIFETIME),
            StatusCode::BAD_REQUEST
        );
    }
}
