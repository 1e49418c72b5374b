//! POST /helix/webhooks/hub: a subscribe or unsubscribe intent, checked, then
//! answered 202 and verified with the callback.
//!
//! The endpoint runs under the state lock, so it only checks the request and
//! attaches the [`Intent`] to its answer; [`follow_up`] (called by the Helix
//! dispatcher once the lock is released) verifies it: after the 202 has been
//! written, or before answering when `verify_before_accept` is set.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use url::Url;

use super::topic::{self, Need};
use super::verify;
use crate::conn::Conn;
use crate::errors::ApiError;
use crate::helix::{Auth, HelixRequest};
use crate::state::{Shared, State};

/// Largest `hub.lease_seconds` (10 days).
pub(crate) const MAX_LEASE_SECONDS: u32 = 864_000;
/// Longest `hub.secret`, in bytes.
pub(crate) const MAX_SECRET_BYTES: usize = 200;

const FORM: &str = "application/x-www-form-urlencoded";

/// What the subscriber asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Subscribe,
    Unsubscribe,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Subscribe => "subscribe",
            Mode::Unsubscribe => "unsubscribe",
        }
    }
}

/// An accepted request, still to be verified (or denied).
#[derive(Clone, Debug)]
pub(crate) struct Intent {
    pub mode: Mode,
    pub callback: String,
    /// The topic as sent.
    pub topic: String,
    /// Its canonical form.
    pub key: String,
    /// The lease granted.
    pub lease_seconds: u32,
    pub secret: Option<String>,
    pub challenge: String,
    /// Deny the intent with this reason instead of verifying it.
    pub deny: Option<String>,
    /// Verify before answering.
    pub verify_first: bool,
}

fn content_type_is_form(content_type: Option<&str>) -> bool {
    content_type
        .and_then(|value| value.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case(FORM))
}

/// The first value of `key` in the form.
fn field<'a>(form: &'a [(String, String)], key: &str) -> Option<&'a str> {
    form.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn callback(form: &[(String, String)]) -> Result<String, ApiError> {
    let text = field(form, "hub.callback")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::bad_request("hub.callback is required"))?;
    match Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(text.to_owned())
        }
        _ => Err(ApiError::bad_request(
            "hub.callback must be an absolute http or https URL",
        )),
    }
}

fn mode(form: &[(String, String)]) -> Result<Mode, ApiError> {
    match field(form, "hub.mode") {
        Some("subscribe") => Ok(Mode::Subscribe),
        Some("unsubscribe") => Ok(Mode::Unsubscribe),
        _ => Err(ApiError::bad_request(
            "hub.mode must be subscribe or unsubscribe",
        )),
    }
}

fn lease_seconds(form: &[(String, String)]) -> Result<u32, ApiError> {
    let text = match field(form, "hub.lease_seconds") {
        None | Some("") => return Ok(0),
        Some(text) => text,
    };
    let bad = || {
        ApiError::bad_request(format!(
            "hub.lease_seconds must be an integer between 0 and {MAX_LEASE_SECONDS}"
        ))
    };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    text.parse::<u32>()
        .ok()
        .filter(|n| *n <= MAX_LEASE_SECONDS)
        .ok_or_else(bad)
}

fn secret(form: &[(String, String)]) -> Result<Option<String>, ApiError> {
    match field(form, "hub.secret") {
        None | Some("") => Ok(None),
        Some(s) if s.len() > MAX_SECRET_BYTES => Err(ApiError::bad_request(format!(
            "hub.secret must be at most {MAX_SECRET_BYTES} bytes"
        ))),
        Some(s) => Ok(Some(s.to_owned())),
    }
}

/// 401 unless the token may subscribe to a topic that needs `need`.
fn authorize(auth: &Auth, need: Need, broadcaster_id: Option<&str>) -> Result<(), ApiError> {
    match need {
        Need::Any => Ok(()),
        Need::App => auth.require_app(),
        Need::Broadcaster(scope) => {
            auth.user_with(&[scope])?;
            auth.require_self("broadcaster_id", broadcaster_id.unwrap_or_default())
        }
    }
}

/// The endpoint: 400 for a malformed request, 401 for a token the topic
/// does not allow, else 202 with the [`Intent`] attached for [`follow_up`].
pub(crate) fn post(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    if !content_type_is_form(req.content_type.as_deref()) {
        return Err(ApiError::bad_request(format!(
            "Content-Type must be {FORM}"
        )));
    }
    let form: Vec<(String, String)> = url::form_urlencoded::parse(&req.body)
        .into_owned()
        .collect();
    let callback = callback(&form)?;
    let mode = mode(&form)?;
    let topic_text = field(&form, "hub.topic")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::bad_request("hub.topic is required"))?;
    let topic = topic::parse(topic_text).map_err(ApiError::bad_request)?;
    let requested = lease_seconds(&form)?;
    let secret = secret(&form)?;
    authorize(auth, topic.need, topic.broadcaster_id.as_deref())?;
    let challenge = state.next_secret();
    let hub = &mut state.webhook;
    let deny = match mode {
        Mode::Subscribe => hub.deny_next.take(),
        Mode::Unsubscribe => None,
    };
    let intent = Intent {
        mode,
        callback,
        topic: topic_text.to_owned(),
        key: topic.key,
        lease_seconds: hub.grant_lease_seconds.unwrap_or(requested),
        secret,
        challenge,
        deny,
        verify_first: hub.verify_before_accept,
    };
    let mut response = StatusCode::ACCEPTED.into_response();
    response.extensions_mut().insert(intent);
    Ok(response)
}

/// Verifies the intent attached to `response`, if any: now when it asks to
/// be verified first, else in a task of its own once the answer has been
/// written on `conn` (at once without a connection handle).
pub(crate) async fn follow_up(shared: &Shared, response: &mut Response, conn: Option<&Conn>) {
    let Some(intent) = response.extensions_mut().remove::<Intent>() else {
        return;
    };
    if intent.verify_first {
        verify::run(shared, intent).await;
        return;
    }
    let written = conn.map(Conn::when_written);
    let shared = shared.clone();
    tokio::spawn(async move {
        if let Some(written) = written {
            // A cut or closed connection still has its intent verified.
            let _ = tokio::time::timeout(super::CALLBACK_TIMEOUT, written).await;
        }
        verify::run(&shared, intent).await;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn content_types() {
        assert!(content_type_is_form(Some(FORM)));
        assert!(content_type_is_form(Some(
            "Application/X-WWW-Form-Urlencoded; charset=UTF-8"
        )));
        assert!(!content_type_is_form(Some("application/json")));
        assert!(!content_type_is_form(None));
    }

    #[test]
    fn fields_are_checked() {
        assert!(callback(&form(&[("hub.callback", "https://x.example/cb?uuid=1")])).is_ok());
        for bad in ["", "/cb", "ftp://x.example/", "mailto:a@b", "http://"] {
            assert!(callback(&form(&[("hub.callback", bad)])).is_err(), "{bad}");
        }
        assert_eq!(lease_seconds(&form(&[])), Ok(0));
        assert_eq!(
            lease_seconds(&form(&[("hub.lease_seconds", "864000")])),
            Ok(864_000)
        );
        for bad in ["864001", "-1", "+5", "1.5", "x", "99999999999"] {
            assert!(
                lease_seconds(&form(&[("hub.lease_seconds", bad)])).is_err(),
                "{bad}"
            );
        }
        let long = "s".repeat(MAX_SECRET_BYTES + 1);
        assert!(secret(&form(&[("hub.secret", &long)])).is_err());
        assert_eq!(
            secret(&form(&[("hub.secret", &long[1..])])),
            Ok(Some(long[1..].to_owned()))
        );
        assert!(mode(&form(&[("hub.mode", "denied")])).is_err());
    }
}
