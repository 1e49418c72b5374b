//! PubSub frames: what the client sends (LISTEN, UNLISTEN, PING) and what
//! Twitch sends (RESPONSE, PONG, RECONNECT, MESSAGE).

use std::borrow::Cow;

use serde::Deserialize;
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

/// A frame from Twitch.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Incoming {
    /// The answer to a LISTEN or UNLISTEN: `error` is empty on success.
    Response {
        nonce: String,
        error: String,
    },
    Pong,
    Reconnect,
    /// `message` is the JSON text inside `data.message`.
    Message {
        topic: String,
        message: String,
    },
}

// Borrowed where the text has no escapes (type, nonce, topic): only
// `data.message`, which always has escaped quotes, is unescaped into a String.
#[derive(Deserialize)]
struct Raw<'a> {
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    #[serde(default, borrow)]
    nonce: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    error: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    data: Option<RawData<'a>>,
}

#[derive(Deserialize)]
struct RawData<'a> {
    #[serde(borrow)]
    topic: Cow<'a, str>,
    message: String,
}

/// Reads a text frame from Twitch; anything else is [`Error::Protocol`].
pub(crate) fn parse(text: &str) -> Result<Incoming, Error> {
    let raw: Raw = serde_json::from_str(text)
        .map_err(|e| Error::Protocol(format!("pubsub frame is not valid: {e}")))?;
    match &*raw.kind {
        "PONG" => Ok(Incoming::Pong),
        "RECONNECT" => Ok(Incoming::Reconnect),
        "RESPONSE" => Ok(Incoming::Response {
            nonce: raw
                .nonce
                .ok_or_else(|| Error::Protocol("pubsub RESPONSE without a nonce".into()))?
                .into_owned(),
            error: raw.error.map(Cow::into_owned).unwrap_or_default(),
        }),
        "MESSAGE" => {
            let data = raw
                .data
                .ok_or_else(|| Error::Protocol("pubsub MESSAGE without data".into()))?;
            Ok(Incoming::Message {
                topic: data.topic.into_owned(),
                message: data.message,
            })
        }
        other => Err(Error::Protocol(format!(
            "unknown pubsub frame type {other:?}"
        ))),
    }
}

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

    #[test]
    fn incoming_frames_parse_and_garbage_is_an_error() {
        assert_eq!(parse(r#"{"type":"PONG"}"#), Ok(Incoming::Pong));
        assert_eq!(parse(r#"{"type":"RECONNECT"}"#), Ok(Incoming::Reconnect));
        assert_eq!(
            parse(r#"{"type":"RESPONSE","nonce":"44h1k13746815ab1r2","error":""}"#),
            Ok(Incoming::Response {
                nonce: "44h1k13746815ab1r2".into(),
                error: String::new()
            })
        );
        assert_eq!(
            parse(r#"{"type":"MESSAGE","data":{"topic":"whispers.1","message":"{\"a\":1}"}}"#),
            Ok(Incoming::Message {
                topic: "whispers.1".into(),
                message: "{\"a\":1}".into()
            })
        );
        let text = r#"{"type":"MESSAGE","data":{"topic":"whispers.1","message":"{}"}}"#;
        for end in 0..text.len() {
            assert!(parse(&text[..end]).is_err());
        }
        for bad in [
            "",
            "null",
            "[]",
            r#"{"type":"NOPE"}"#,
            r#"{"type":"RESPONSE"}"#,
            r#"{"type":"MESSAGE"}"#,
        ] {
            assert!(matches!(parse(bad), Err(Error::Protocol(_))), "{bad}");
        }
    }
}
