//! The device code flow: `POST /oauth2/device` hands out a device code and a
//! user code, the device polls `POST /oauth2/token` with the device grant,
//! and `GET /activate?device-code=<user code>` is where the user approves.
//!
//! A poll answers, in this order: 400 "missing device_code"; 400 "invalid
//! device code" for a code that is unknown, of another client, used up or
//! expired; 400 "slow_down" when armed or (with the interval enforced) sooner
//! than `interval` after the previous poll; 400 "access_denied" once the user
//! refused; 400 "authorization_pending" for the first `pending_polls` polls of
//! an undecided code; then the token, and the code is used up.

use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{RawQuery, State as AxumState};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::clients::{self, Client};
use super::store::{Consent, DeviceCode};
use super::token::user_answer;
use super::{bad, scopes, Form, Refusal};
use crate::errors::json_ok;
use crate::seed_data::TWITCHDEV_ID;
use crate::state::{lock, Shared, State};

#[derive(Serialize)]
struct DeviceAnswer {
    device_code: String,
    expires_in: u64,
    interval: u64,
    user_code: String,
    verification_uri: String,
}

/// `POST /oauth2/device` (form `client_id`, `scopes` space-separated; `scope`
/// is read too): a fresh device code for either registered client.
pub(crate) async fn device(
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
    let requested = form.get("scopes").or_else(|| form.get("scope"));
    let scopes = match scopes::parse(requested.unwrap_or("")) {
        Ok(scopes) => scopes,
        Err(unknown) => {
            return bad(&format!("invalid scope requested: '{unknown}'")).into_response();
        }
    };
    state.oauth.purge(now);
    let device_code = new_device_code(&mut state);
    let user_code = new_user_code(&mut state);
    let lifetime = state.oauth.device_knobs.expires_in;
    let store_interval = state.oauth.device_knobs.interval;
    let verification_uri = format!("{}/activate?device-code={user_code}", state.base_url);
    state.oauth.devices.insert(
        device_code.clone(),
        DeviceCode {
            client_id: client.id,
            user_code: user_code.clone(),
            scopes,
            expires_at: now + lifetime,
            consent: Consent::Pending,
            pending_answers: 0,
            last_poll: None,
        },
    );
    json_ok(&DeviceAnswer {
        device_code,
        expires_in: lifetime.as_secs(),
        interval: store_interval.as_secs(),
        user_code,
        verification_uri,
    })
}

/// 40 characters `[a-z0-9]`, unique.
fn new_device_code(state: &mut State) -> String {
    let mut code = state.next_secret();
    code.push_str(&state.next_secret()[..10]);
    code
}

/// 8 upper-case letters, unlike the user code of any live device code.
fn new_user_code(state: &mut State) -> String {
    loop {
        let code: String = state
            .next_secret()
            .bytes()
            .take(8)
            .map(|b| char::from(b'A' + b % 26))
            .collect();
        if state.oauth.device_by_user_code(&code).is_none() {
            return code;
        }
    }
}

/// A poll of the device grant (see the module docs for the answers).
pub(crate) fn poll(
    state: &mut State,
    client: &Client,
    form: &Form,
    now: Instant,
) -> Result<Response, Refusal> {
    client.check_optional_secret(form)?;
    let Some(code) = form.get("device_code") else {
        return Err(bad("missing device_code"));
    };
    let invalid = || bad("invalid device code");
    let store = &mut state.oauth;
    let device = store
        .devices
        .get_mut(code)
        .filter(|d| d.client_id == client.id)
        .ok_or_else(invalid)?;
    if now >= device.expires_at {
        store.devices.remove(code);
        return Err(invalid());
    }
    let too_soon = store.device_knobs.enforce_interval
        && device
            .last_poll
            .is_some_and(|last| now < last + store.device_knobs.interval);
    device.last_poll = Some(now);
    if std::mem::take(&mut store.device_knobs.slow_down_next) || too_soon {
        return Err(bad("slow_down"));
    }
    let user_id = match &device.consent {
        Consent::Denied => return Err(bad("access_denied")),
        Consent::Approved(user_id) => user_id.clone(),
        Consent::Pending if device.pending_answers < store.device_knobs.pending_polls => {
            device.pending_answers += 1;
            return Err(bad("authorization_pending"));
        }
        Consent::Pending => TWITCHDEV_ID.to_owned(),
    };
    let Some(device) = store.devices.remove(code) else {
        return Err(invalid());
    };
    let issued = state.issue_user_token_for(&client.id, &user_id, device.scopes);
    Ok(user_answer(issued))
}

/// `GET /activate?device-code=<user code>`: the seeded user twitchdev
/// approves that pending device code (its next poll gets the token).
pub(crate) async fn activate(
    AxumState(shared): AxumState<Shared>,
    RawQuery(query): RawQuery,
) -> Response {
    let form = Form::new(b"", query.as_deref());
    let mut state = lock(&shared);
    state.oauth.purge(Instant::now());
    let device = form
        .get("device-code")
        .and_then(|code| state.oauth.device_by_user_code(code));
    let (status, text) = match device {
        Some(device) if device.consent == Consent::Pending => {
            device.consent = Consent::Approved(TWITCHDEV_ID.to_owned());
            (StatusCode::OK, "Device connected: twitchdev approved it.")
        }
        Some(_) => (StatusCode::OK, "This code was already approved or refused."),
        None => (StatusCode::NOT_FOUND, "Unknown or expired code."),
    };
    let content_type = [(header::CONTENT_TYPE, "text/plain; charset=utf-8")];
    (status, content_type, text).into_response()
}
