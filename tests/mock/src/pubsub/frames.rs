//! What the server answers to a frame from a client.
//!
//! LISTEN and UNLISTEN get one RESPONSE each, echoing the frame's nonce
//! (`""` when it had none), with `error` empty or one of Twitch's codes:
//! `ERR_BADMESSAGE` (not JSON, missing or mistyped fields, no topics, more
//! than [`MAX_TOPICS`] topics in the frame or on the connection),
//! `ERR_BADTOPIC` (an unknown or malformed topic, or one refused by
//! [`crate::MockServer::pubsub_refuse_topic`]; one bad topic fails the whole
//! batch), `ERR_BADAUTH` (a token unknown, expired or revoked, lacking a
//! topic's scope, or of another user than the topic's). PING gets PONG. A
//! frame of another type gets `ERR_BADMESSAGE` if it carried a nonce and is
//! ignored otherwise.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::{topics, MAX_TOPICS};
use crate::state::State;

/// The answer to one frame.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Reply {
    /// The text frame to send.
    pub text: String,
    /// How long to wait before sending it.
    pub delay: Duration,
}

/// What handling a frame produced.
#[derive(Debug, Default)]
pub(crate) struct Handled {
    /// The answer, if any goes out.
    pub reply: Option<Reply>,
    /// The frame was a PING (it keeps the connection alive).
    pub pinged: bool,
}

const PONG: &str = r#"{"type":"PONG"}"#;

/// Handles a text frame from connection `conn`: records it, changes the
/// connection's topics, and tells what to answer.
pub(crate) fn handle(state: &mut State, conn: u64, text: &str, now: Instant) -> Handled {
    let frame: Option<Value> = serde_json::from_str(text).ok();
    state.pubsub.frames.push(
        frame
            .clone()
            .unwrap_or_else(|| Value::String(text.to_owned())),
    );
    let Some(frame) = frame else {
        return response(state, "", "ERR_BADMESSAGE");
    };
    let nonce = match frame.get("nonce") {
        None => Some(""),
        Some(Value::String(nonce)) => Some(nonce.as_str()),
        Some(_) => None,
    };
    let kind = frame.get("type").and_then(Value::as_str);
    match (kind, nonce) {
        (Some("PING"), _) => Handled {
            reply: (!state.pubsub.withhold_pong).then(|| Reply {
                text: PONG.to_owned(),
                delay: Duration::ZERO,
            }),
            pinged: true,
        },
        (Some("LISTEN"), Some(nonce)) => {
            let error = listen(state, conn, &frame, now);
            response(state, nonce, error)
        }
        (Some("UNLISTEN"), Some(nonce)) => {
            let error = unlisten(state, conn, &frame);
            response(state, nonce, error)
        }
        // A bad nonce, no type, or an unknown type that carried a nonce.
        (_, nonce) if frame.get("nonce").is_some() || kind.is_none() => {
            response(state, nonce.unwrap_or(""), "ERR_BADMESSAGE")
        }
        _ => Handled::default(),
    }
}

/// A RESPONSE, unless responses are dropped.
fn response(state: &State, nonce: &str, error: &str) -> Handled {
    let reply = (!state.pubsub.drop_responses).then(|| Reply {
        text: serde_json::json!({ "type": "RESPONSE", "nonce": nonce, "error": error }).to_string(),
        delay: state.pubsub.response_delay,
    });
    Handled {
        reply,
        pinged: false,
    }
}

/// The topics of `data.topics`: a non-empty array of strings.
fn topics_of(frame: &Value) -> Option<Vec<String>> {
    let list = frame.get("data")?.get("topics")?.as_array()?;
    let topics: Option<Vec<String>> = list.iter().map(|t| t.as_str().map(str::to_owned)).collect();
    topics.filter(|t| !t.is_empty())
}

fn listen(state: &mut State, conn: u64, frame: &Value, now: Instant) -> &'static str {
    let Some(topics) = topics_of(frame) else {
        return "ERR_BADMESSAGE";
    };
    let token = match frame["data"].get("auth_token") {
        None | Some(Value::Null) => None,
        Some(Value::String(token)) => Some(token.as_str()),
        Some(_) => return "ERR_BADMESSAGE",
    };
    if topics.len() > MAX_TOPICS {
        return "ERR_BADMESSAGE";
    }
    let mut needs = Vec::with_capacity(topics.len());
    for topic in &topics {
        match topics::parse(topic) {
            Some(need) if !state.pubsub.refused_topics.contains(topic) => needs.push(need),
            _ => return "ERR_BADTOPIC",
        }
    }
    let record = token.and_then(|t| state.valid_token(t, now));
    for need in &needs {
        let Some(scope) = need.scope else { continue };
        let Some(record) = record else {
            return "ERR_BADAUTH";
        };
        let owns = need.owner.is_none() || record.user_id == need.owner;
        if !owns || !record.scopes.iter().any(|s| s == scope) {
            return "ERR_BADAUTH";
        }
    }
    if token.is_some_and(|t| !t.is_empty()) && record.is_none() {
        // A token was given and it is no good, even for public topics.
        return "ERR_BADAUTH";
    }
    let Some(current) = state.pubsub.topics_mut(conn) else {
        return "ERR_SERVER";
    };
    let added = topics.iter().filter(|t| !current.contains(*t)).count();
    if current.len() + added > MAX_TOPICS {
        return "ERR_BADMESSAGE";
    }
    current.extend(topics);
    ""
}

fn unlisten(state: &mut State, conn: u64, frame: &Value) -> &'static str {
    let Some(topics) = topics_of(frame) else {
        return "ERR_BADMESSAGE";
    };
    if let Some(current) = state.pubsub.topics_mut(conn) {
        for topic in &topics {
            current.remove(topic);
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MockConfig;

    fn setup() -> (State, u64, String) {
        let mut state = State::new(&MockConfig::default());
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let conn = state.pubsub.register(tx);
        let token = state
            .issue_user_token("42", vec!["channel:read:redemptions".into()])
            .access_token;
        (state, conn, token)
    }

    fn error_of(handled: &Handled) -> String {
        let reply = handled.reply.as_ref().expect("a reply");
        let v: Value = serde_json::from_str(&reply.text).unwrap();
        assert_eq!(v["type"], "RESPONSE");
        v["error"].as_str().unwrap().to_owned()
    }

    fn listen_frame(topics: &[&str], token: &str) -> String {
        serde_json::json!({"type":"LISTEN","nonce":"n","data":{"topics":topics,"auth_token":token}})
            .to_string()
    }

    #[test]
    fn garbage_never_panics_and_gets_badmessage() {
        let (mut state, conn, _) = setup();
        let now = Instant::now();
        for bad in [
            "",
            "{",
            "null",
            "[]",
            "1",
            r#"{"nonce":"x"}"#,
            r#"{"type":"LISTEN"}"#,
            r#"{"type":"LISTEN","nonce":"x","data":{"topics":[]}}"#,
            r#"{"type":"LISTEN","nonce":"x","data":{"topics":[1]}}"#,
            r#"{"type":"LISTEN","nonce":"x","data":{"topics":["whispers.1"],"auth_token":5}}"#,
            r#"{"type":"LISTEN","nonce":7,"data":{"topics":["whispers.1"]}}"#,
            r#"{"type":"UNLISTEN","nonce":"x","data":{}}"#,
            r#"{"type":"NOPE","nonce":"x"}"#,
        ] {
            let handled = handle(&mut state, conn, bad, now);
            assert_eq!(error_of(&handled), "ERR_BADMESSAGE", "{bad:?}");
        }
        assert!(handle(&mut state, conn, r#"{"type":"NOPE"}"#, now)
            .reply
            .is_none());
        assert_eq!(state.pubsub.frames.len(), 14);
    }

    #[test]
    fn listen_checks_topics_then_token_then_limits() {
        let (mut state, conn, token) = setup();
        let now = Instant::now();
        let ok = ["channel-points-channel-v1.42"];
        assert_eq!(
            error_of(&handle(&mut state, conn, &listen_frame(&ok, &token), now)),
            ""
        );
        let bad = ["channel-points-channel-v1.42", "nope.1"];
        let h = handle(&mut state, conn, &listen_frame(&bad, &token), now);
        assert_eq!(error_of(&h), "ERR_BADTOPIC");
        for topics in [&["whispers.42"][..], &["channel-points-channel-v1.43"][..]] {
            let h = handle(&mut state, conn, &listen_frame(topics, &token), now);
            assert_eq!(error_of(&h), "ERR_BADAUTH", "{topics:?}");
        }
        let h = handle(&mut state, conn, &listen_frame(&ok, "oauth:x"), now);
        assert_eq!(error_of(&h), "ERR_BADAUTH");
        let many: Vec<String> = (0..51).map(|i| format!("raid.{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let h = handle(&mut state, conn, &listen_frame(&many, &token), now);
        assert_eq!(error_of(&h), "ERR_BADMESSAGE");
        let h = handle(&mut state, conn, &listen_frame(&many[..49], &token), now);
        assert_eq!(error_of(&h), "");
        let h = handle(&mut state, conn, &listen_frame(&many[49..50], &token), now);
        assert_eq!(error_of(&h), "ERR_BADMESSAGE");
        assert_eq!(state.pubsub.listening("raid.48"), 1);
        assert_eq!(state.pubsub.listening("raid.49"), 0);
    }
}
