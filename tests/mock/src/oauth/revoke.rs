//! `POST /oauth2/revoke` (form `client_id`, `token`): revokes an access token
//! or a refresh token of that client.

use axum::body::Bytes;
use axum::extract::{RawQuery, State as AxumState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{bad, clients, Form};
use crate::state::{lock, Shared};

/// 200 with an empty body (revoking twice is fine); 400 "missing token"
/// without a token, 400 "Invalid token" for one the mock never issued to
/// this client. A revoked access token answers 401 on Helix and on
/// `/oauth2/validate` from then on.
pub(crate) async fn revoke(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let form = Form::new(&body, query.as_deref());
    let mut state = lock(&shared);
    let client = match clients::identify(&state, &form) {
        Ok(client) => client,
        Err(refusal) => return refusal.into_response(),
    };
    let Some(token) = form.get("token") else {
        return bad("missing token").into_response();
    };
    let access = state.tokens.get(token).map(|t| &t.client_id);
    let refresh = state.refresh_tokens.get(token).map(|t| &t.client_id);
    if access.or(refresh) != Some(&client.id) {
        return bad("Invalid token").into_response();
    }
    state.revoke_token(token);
    StatusCode::OK.into_response()
}
