//! `GET /oauth2/authorize`: the authorization code and implicit flows, with
//! the seeded user twitchdev consenting (unless a denial is armed).
//!
//! A bad `client_id` or `redirect_uri` answers 400 JSON, as nothing can be
//! redirected then; every other error redirects to `redirect_uri` with
//! `error`, `error_description` and `state` (in the fragment for
//! `response_type=token`).

use std::time::Instant;

use axum::extract::{RawQuery, State as AxumState};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use url::Url;

use super::store::{AuthCode, CODE_LIFETIME};
use super::{bad, clients, scopes, Form};
use crate::seed_data::TWITCHDEV_ID;
use crate::state::{lock, Shared};

/// Where the answer goes: `redirect_uri`, with the pairs in its query or
/// its fragment, and `state` passed back unchanged.
struct Redirect {
    target: Url,
    fragment: bool,
    state: Option<String>,
}

impl Redirect {
    fn to(mut self, mut pairs: Vec<(&str, String)>) -> Response {
        if let Some(state) = self.state.take() {
            pairs.push(("state", state));
        }
        if self.fragment {
            if pairs[0].0 == "access_token" {
                pairs.push(("token_type", "bearer".to_owned()));
            }
            let fragment = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish();
            self.target.set_fragment(Some(&fragment));
        } else {
            self.target.query_pairs_mut().extend_pairs(pairs);
        }
        let location = self.target.to_string();
        (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
    }

    fn error(self, error: &str, description: &str) -> Response {
        self.to(vec![
            ("error", error.to_owned()),
            ("error_description", description.to_owned()),
        ])
    }
}

/// `GET /oauth2/authorize` (`client_id`, `redirect_uri`, `response_type`
/// `code` or `token`, `scope`, `state`, `force_verify`).
/// `response_type=code` redirects with `?code=..&scope=..&state=..` (the
/// code is good for one exchange within 10 minutes, by this client with
/// this `redirect_uri`); `response_type=token` with
/// `#access_token=..&scope=..&state=..&token_type=bearer`.
pub(crate) async fn authorize(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
) -> Response {
    let form = Form::new(b"", query.as_deref());
    let now = Instant::now();
    let mut state = lock(&shared);
    let client = match clients::identify(&state, &form) {
        Ok(client) => client,
        Err(refusal) => return refusal.into_response(),
    };
    let Some(redirect_uri) = form.get("redirect_uri") else {
        return bad("missing redirect_uri").into_response();
    };
    let target = match Url::parse(redirect_uri) {
        Ok(url) if !url.cannot_be_a_base() => url,
        _ => return bad("Parameter redirect_uri does not match registered URI").into_response(),
    };
    let response_type = form.get("response_type");
    let redirect = Redirect {
        target,
        fragment: response_type == Some("token"),
        state: form.get_raw("state").map(str::to_owned),
    };
    if !matches!(response_type, Some("code" | "token")) {
        return redirect.error(
            "unsupported_response_type",
            "response_type must be code or token",
        );
    }
    let force_verify = form.get("force_verify").unwrap_or("false");
    if !["true", "false"]
        .iter()
        .any(|v| force_verify.eq_ignore_ascii_case(v))
    {
        return redirect.error("invalid_request", "force_verify must be true or false");
    }
    let scopes = match scopes::parse(form.get("scope").unwrap_or("")) {
        Ok(scopes) => scopes,
        Err(unknown) => {
            return redirect.error("invalid_scope", &format!("Invalid scope: {unknown}"));
        }
    };
    if std::mem::take(&mut state.oauth.deny_next) {
        return redirect.error("access_denied", "The user denied you access");
    }
    let scope_text = scopes.join(" ");
    if redirect.fragment {
        let issued = state.issue_user_token_for(&client.id, TWITCHDEV_ID, scopes);
        return redirect.to(vec![
            ("access_token", issued.access_token),
            ("scope", scope_text),
        ]);
    }
    state.oauth.purge(now);
    let code = state.next_secret();
    let auth = AuthCode {
        client_id: client.id,
        user_id: TWITCHDEV_ID.to_owned(),
        scopes,
        redirect_uri: redirect_uri.to_owned(),
        expires_at: now + CODE_LIFETIME,
    };
    state.oauth.codes.insert(code.clone(), auth);
    redirect.to(vec![("code", code), ("scope", scope_text)])
}
