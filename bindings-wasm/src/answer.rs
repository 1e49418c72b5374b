//! Twitch's answer as JavaScript gets it: the body text of a success (for
//! `JSON.parse`, so no typed model is built only to be converted back), or
//! the [`Error`] of an error status.

use twitchapi_core::helix::{error_for_status, error_message, RateLimit};
use twitchapi_core::Error;

use crate::dispatch::Entry;

/// The body of a 2xx answer as text (empty for 204), or the error the
/// endpoint and the general status mapping give any other status.
pub fn into_text(entry: &Entry, response: http::Response<Vec<u8>>) -> Result<String, Error> {
    let status = response.status();
    if status.is_success() {
        return String::from_utf8(response.into_body())
            .map_err(|_| Error::Protocol("the answer is not UTF-8".into()));
    }
    let message = error_message(status, response.body());
    if let Some(error) = (entry.map_error)(status, &message) {
        return Err(error);
    }
    Err(error_for_status(
        status,
        message,
        RateLimit::from_headers(response.headers()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dispatch::find;

    fn answer(status: u16, body: &[u8]) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .header("ratelimit-limit", "800")
            .header("ratelimit-remaining", "0")
            .header("ratelimit-reset", "1700000000")
            .body(body.to_vec())
            .unwrap()
    }

    #[test]
    fn a_success_is_its_body_text() {
        let users = find("get_users").unwrap();
        let body = br#"{"data":[{"id":"1"}]}"#;
        assert_eq!(
            into_text(users, answer(200, body)).unwrap().as_bytes(),
            body
        );
        assert_eq!(into_text(users, answer(204, b"")).unwrap(), "");
        assert!(matches!(
            into_text(users, answer(200, b"\xff")),
            Err(Error::Protocol(_))
        ));
    }

    #[test]
    fn error_statuses_map_to_their_errors() {
        let users = find("get_users").unwrap();
        let twitch = |status: u16, message: &str| {
            let body = format!(r#"{{"error":"x","status":{status},"message":"{message}"}}"#);
            into_text(users, answer(status, body.as_bytes())).unwrap_err()
        };
        assert_eq!(twitch(404, "gone"), Error::NotFound("gone".into()));
        assert_eq!(
            twitch(401, "bad token"),
            Error::Unauthorized("bad token".into())
        );
        assert!(matches!(
            twitch(401, "Missing scope: user:edit"),
            Error::MissingScope { .. }
        ));
        assert_eq!(
            twitch(429, "slow down"),
            Error::RateLimited {
                reset: Some(1700000000)
            }
        );
        assert!(matches!(
            twitch(503, "down"),
            Error::Backend { status: 503, .. }
        ));
        assert!(matches!(twitch(400, "no"), Error::Api { status: 400, .. }));
    }

    #[test]
    fn a_404_carries_twitchs_message() {
        let entry = find("delete_custom_reward").unwrap();
        let body = br#"{"error":"Not Found","status":404,"message":"no such reward"}"#;
        assert_eq!(
            into_text(entry, answer(404, body)).unwrap_err(),
            Error::NotFound("no such reward".into())
        );
        // a body that is not Twitch's JSON: the status's reason
        assert_eq!(
            into_text(entry, answer(404, b"<html>")).unwrap_err(),
            Error::NotFound("Not Found".into())
        );
    }
}
