//! `TypedNotification::parse` (a frame straight to typed events) against
//! `Message::parse` then `RawEvent::parse` (the two-step path): the same
//! answer for every documented notification, in any member order, and for
//! garbled frames.

use std::path::PathBuf;

use serde_json::{json, Value};
use twitchapi_core::eventsub::types::EventSubEvent;
use twitchapi_core::eventsub::ws::{Message, TypedNotification};

/// Every documented notification payload (`tests/vectors/eventsub/`).
fn payloads() -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/eventsub");
    let mut out = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.starts_with('_') && name.ends_with(".json")
        })
        .collect();
    names.sort();
    for path in names {
        let vector: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for notification in vector["notifications"].as_array().unwrap() {
            out.push(notification["payload"].clone());
        }
    }
    out
}

/// A frame as Twitch writes it: `metadata` first, then `payload` with
/// `subscription` before the event.
fn frame(id: &str, payload: &Value) -> String {
    let metadata = json!({
        "message_id": id,
        "message_type": "notification",
        "message_timestamp": "2023-07-19T10:11:12.12Z",
    });
    let mut members = vec![format!(r#""subscription":{}"#, payload["subscription"])];
    for key in ["event", "events"] {
        if let Some(value) = payload.get(key) {
            members.push(format!(r#""{key}":{value}"#));
        }
    }
    format!(
        r#"{{"metadata":{metadata},"payload":{{{}}}}}"#,
        members.join(",")
    )
}

/// A notification's fields: message id, subscription id, type, version, events.
type Fields = (String, String, String, String, Vec<EventSubEvent>);

fn fields(n: TypedNotification) -> Fields {
    (n.message_id, n.subscription_id, n.kind, n.version, n.events)
}

/// The two-step path: what a frame gives, or `None` where it refuses.
fn two_step(text: &str) -> Option<Fields> {
    match Message::parse(text).ok()? {
        Message::Notification {
            message_id,
            subscription_id,
            kind,
            version,
            events,
        } => {
            let typed: Result<Vec<EventSubEvent>, _> =
                events.iter().map(|e| e.parse(&kind, &version)).collect();
            Some((message_id, subscription_id, kind, version, typed.ok()?))
        }
        _ => None,
    }
}

#[test]
fn every_documented_notification_reads_as_the_two_step_path_reads_it() {
    let payloads = payloads();
    assert!(payloads.len() >= 82, "{}", payloads.len());
    for (i, payload) in payloads.iter().enumerate() {
        let text = frame(&format!("m-{i}"), payload);
        let typed = TypedNotification::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(!typed.events.is_empty());
        assert!(
            typed
                .events
                .iter()
                .all(|e| !matches!(e, EventSubEvent::Raw { .. })),
            "{text}"
        );
        let Message::Notification {
            events,
            kind,
            version,
            message_id,
            subscription_id,
        } = Message::parse(&text).unwrap()
        else {
            panic!("{text}")
        };
        assert_eq!(
            (
                &typed.message_id,
                &typed.subscription_id,
                &typed.kind,
                &typed.version
            ),
            (&message_id, &subscription_id, &kind, &version)
        );
        let two: Vec<EventSubEvent> = events
            .iter()
            .map(|e| e.parse(&kind, &version).unwrap())
            .collect();
        assert_eq!(typed.events, two, "{text}");
    }
}

#[test]
fn members_in_any_order_are_read_alike() {
    let payload = &payloads()[0];
    let straight = TypedNotification::parse(&frame("m", payload)).unwrap();
    let sub = payload["subscription"].to_string();
    let event = payload["event"].to_string();
    let meta = r#"{"message_id":"m","message_type":"notification","message_timestamp":"2023-07-19T10:11:12.12Z"}"#;
    for text in [
        format!(r#"{{"payload":{{"subscription":{sub},"event":{event}}},"metadata":{meta}}}"#),
        format!(r#"{{"metadata":{meta},"payload":{{"event":{event},"subscription":{sub}}}}}"#),
        format!(r#"{{"payload":{{"event":{event},"subscription":{sub}}},"metadata":{meta}}}"#),
        format!(
            r#"{{"metadata":{meta},"payload":{{"events":[{event}],"x":1,"subscription":{sub}}}}}"#
        ),
        format!(
            r#"{{"\u006detadata":{meta},"payload":{{"subscription":{sub},"\u0065vent":{event}}}}}"#
        ),
    ] {
        assert_eq!(
            TypedNotification::parse(&text).as_ref(),
            Ok(&straight),
            "{text}"
        );
    }
}

#[test]
fn other_frames_and_broken_notifications_are_refused_as_protocol_errors() {
    let payload = &payloads()[0];
    let sub = payload["subscription"].to_string();
    let event = payload["event"].to_string();
    let meta = r#"{"message_id":"m","message_type":"notification"}"#;
    for text in [
        r#"{"metadata":{"message_id":"m","message_type":"session_keepalive"},"payload":{}}"#
            .to_owned(),
        r#"{"metadata":{"message_id":"m","message_type":"nope"},"payload":{}}"#.to_owned(),
        format!(r#"{{"payload":{{"subscription":{sub},"event":{event}}}}}"#),
        format!(r#"{{"metadata":{meta},"payload":{{"subscription":{sub}}}}}"#),
        format!(r#"{{"metadata":{meta},"payload":{{"subscription":{sub},"event":null}}}}"#),
        format!(
            r#"{{"metadata":{meta},"payload":{{"subscription":{sub},"event":{event},"event":{event}}}}}"#
        ),
        format!(r#"{{"metadata":{meta},"payload":{{"event":{event}}}}}"#),
        format!(
            r#"{{"metadata":{meta},"payload":{{"subscription":{sub},"event":{{"user_id":5}}}}}}"#
        ),
        format!(r#"{{"metadata":{meta},"payload":{{"subscription":{sub},"event":{event}}}"#),
        String::new(),
    ] {
        assert!(
            matches!(
                TypedNotification::parse(&text),
                Err(twitchapi_core::Error::Protocol(_))
            ),
            "{text}"
        );
        assert!(two_step(&text).is_none(), "{text}");
    }
}

#[test]
fn garbled_frames_get_the_answer_of_the_two_step_path() {
    let payloads = payloads();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"{}[]\",:0an\\ ";
    let (mut same_ok, mut same_err) = (0, 0);
    for round in 0..4000 {
        let payload = &payloads[round % payloads.len()];
        let mut bytes = frame("m", payload).into_bytes();
        for _ in 0..1 + round % 2 {
            let at = (next() as usize) % bytes.len();
            bytes[at] = alphabet[(next() as usize) % alphabet.len()];
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let typed = TypedNotification::parse(&text).ok().map(fields);
        match (typed, two_step(&text)) {
            (Some(a), Some(b)) => {
                assert_eq!(a, b, "{text}");
                same_ok += 1;
            }
            (None, None) => same_err += 1,
            (a, b) => panic!("{text}\ntyped: {a:?}\ntwo-step: {b:?}"),
        }
    }
    assert!(same_ok > 500 && same_err > 500, "{same_ok} {same_err}");
}

#[test]
fn array_payloads_unknown_types_and_deep_nesting_read_as_the_two_step_path_reads_them() {
    let meta = r#"{"message_id":"m","message_type":"notification"}"#;
    let offline = r#"{"broadcaster_user_id":"1337","broadcaster_user_login":"c","broadcaster_user_name":"C"}"#;
    let head = |kind: &str| format!(r#"{{"id":"s","type":"{kind}","version":"1"}}"#);
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let frames = [
        // the payload as an array of its members, in order, the last ones left off
        format!(
            r#"{{"metadata":{meta},"payload":[{},{offline}]}}"#,
            head("stream.offline")
        ),
        format!(
            r#"{{"metadata":{meta},"payload":[{},null,[{offline}]]}}"#,
            head("stream.offline")
        ),
        format!(
            r#"{{"payload":[{},{offline}],"metadata":{meta}}}"#,
            head("stream.offline")
        ),
        // a type without a model, its event as JSON, up to JSON's nesting limit
        format!(
            r#"{{"metadata":{meta},"payload":{{"subscription":{},"event":{{"a":[1]}}}}}}"#,
            head("x.unknown")
        ),
        format!(
            r#"{{"metadata":{meta},"payload":{{"subscription":{},"event":{}}}}}"#,
            head("x.unknown"),
            deep(126)
        ),
        format!(
            r#"{{"metadata":{meta},"payload":{{"subscription":{},"events":[{}]}}}}"#,
            head("x.unknown"),
            deep(127)
        ),
        format!(
            r#"{{"metadata":{meta},"payload":{{"subscription":{},"event":{}}}}}"#,
            head("x.unknown"),
            deep(200)
        ),
    ];
    let mut accepted = 0;
    for text in &frames {
        let typed = TypedNotification::parse(text).ok().map(fields);
        assert_eq!(typed, two_step(text), "{text}");
        accepted += usize::from(typed.is_some());
    }
    assert_eq!(
        accepted,
        frames.len() - 1,
        "all but the one nested too deep"
    );
}
