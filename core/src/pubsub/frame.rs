//! PubSub frames the client sends (LISTEN, UNLISTEN, PING), and what a
//! RESPONSE's error means (what Twitch sends is read in `incoming`).

use serde_json::json;

use crate::{Error, Secret};

/// A LISTEN frame for `topics` with `nonce`; the token is sent raw, with no prefix.
pub(crate) fn listen(nonce: &str, topics: &[String], token: &Secret) -> String {
    json!({
        "type": "LISTEN",
        "nonce": nonce,
        "data": { "topics": topics, "auth_token": token.expose() },
    })
    .to_string()
}

/// An UNLISTEN frame.
pub(crate) fn unlisten(nonce: &str, topics: &[String]) -> String {
    json!({ "type": "UNLISTEN", "nonce": nonce, "data": { "topics": topics } }).to_string()
}

/// The PING frame.
pub(crate) const PING: &str = r#"{"type":"PING"}"#;

/// What an error string of a RESPONSE means.
pub(crate) fn response_error(error: &str) -> Error {
    match error {
        "ERR_BADAUTH" => Error::Unauthorized("pubsub: ERR_BADAUTH".into()),
        "ERR_BADTOPIC" => Error::invalid("pubsub: ERR_BADTOPIC"),
        "ERR_BADMESSAGE" => Error::Protocol("pubsub: ERR_BADMESSAGE".into()),
        "ERR_SERVER" => Error::Backend {
            status: 500,
            message: "pubsub: ERR_SERVER".into(),
        },
        other => Error::Api {
            status: 0,
            message: format!("pubsub: {other}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_frames_match_twitchs_shape() {
        let frame: serde_json::Value = serde_json::from_str(&listen(
            "my nonce",
            &["channel-bits-events-v2.12345".into()],
            &Secret::new("my token"),
        ))
        .unwrap();
        assert_eq!(
            frame,
            json!({"type":"LISTEN","nonce":"my nonce","data":{"topics":["channel-bits-events-v2.12345"],"auth_token":"my token"}})
        );
        let frame: serde_json::Value =
            serde_json::from_str(&unlisten("n", &["whispers.1".into()])).unwrap();
        assert_eq!(
            frame,
            json!({"type":"UNLISTEN","nonce":"n","data":{"topics":["whispers.1"]}})
        );
    }
}
