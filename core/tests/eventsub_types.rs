//! The typed EventSub models against every documented example of the
//! subscription-type reference (`tests/vectors/eventsub/`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{json, Value};
use twitchapi_core::eventsub::types::{
    parse_condition, parse_event, required_scopes, EventSubCondition, EventSubEvent,
    StreamOnlineV1StreamType, TYPES,
};
use twitchapi_core::eventsub::{RawEvent, Subscription};
use twitchapi_core::helix::Scopes;
use twitchapi_core::Error;

fn vectors() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/eventsub");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('_') || !name.ends_with(".json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        out.push((name, serde_json::from_str(&text).unwrap()));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn kind_version(vector: &Value) -> (String, String) {
    (
        vector["type"].as_str().unwrap().to_owned(),
        vector["version"].as_str().unwrap().to_owned(),
    )
}

/// The events of a vector: each notification's `event` (or each element of
/// `events`), then the examples that show the event alone.
fn events(vector: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for notification in vector["notifications"].as_array().unwrap() {
        let payload = &notification["payload"];
        match payload.get("events") {
            Some(batch) => out.extend(batch.as_array().unwrap().iter().cloned()),
            None => out.push(payload["event"].clone()),
        }
    }
    if let Some(alone) = vector.get("event_only_examples").and_then(Value::as_array) {
        out.extend(alone.iter().map(|e| e["event"].clone()));
    }
    out
}

#[test]
fn every_documented_event_parses_to_its_typed_variant_and_round_trips() {
    let mut covered = BTreeSet::new();
    let mut count = 0;
    for (file, vector) in vectors() {
        let (kind, version) = kind_version(&vector);
        for event in events(&vector) {
            let parsed = parse_event(&kind, &version, event.clone())
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(
                !matches!(parsed, EventSubEvent::Raw { .. }),
                "{file}: no typed model"
            );
            assert_eq!((parsed.kind(), parsed.version()), (&*kind, &*version));
            // the text path (what both transports use) reads the same model
            let text = RawEvent::from_json(&event.to_string()).unwrap();
            assert_eq!(
                text.parse(&kind, &version).unwrap(),
                parsed,
                "{file}: text path"
            );
            let written = serde_json::to_value(&parsed).unwrap();
            let again = parse_event(&kind, &version, written.clone()).unwrap();
            assert_eq!(again, parsed, "{file}: round trip");
            // Every field Twitch sent is read, with its value.
            assert_sent_fields_kept(&file, "", &event, &written);
            count += 1;
        }
        covered.insert((kind, version));
    }
    assert_eq!(covered.len(), 82);
    assert_eq!(TYPES.len(), 82);
    let listed: BTreeSet<_> = TYPES
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(listed, covered);
    // 89 notifications (one batches 2 events) and 1 event shown alone.
    assert_eq!(count, 91);
}

/// Every field of `sent` is in `written` with the same value, up to the
/// spelling of timestamps (written back in UTC) and numbers.
fn assert_sent_fields_kept(file: &str, path: &str, sent: &Value, written: &Value) {
    match (sent, written) {
        (Value::Object(sent), Value::Object(written)) => {
            for (key, value) in sent {
                let got = written
                    .get(key)
                    .unwrap_or_else(|| panic!("{file}: {path}.{key} is not read"));
                assert_sent_fields_kept(file, &format!("{path}.{key}"), value, got);
            }
        }
        (Value::Array(sent), Value::Array(written)) => {
            assert_eq!(sent.len(), written.len(), "{file}: {path}");
            for (i, (s, w)) in sent.iter().zip(written).enumerate() {
                assert_sent_fields_kept(file, &format!("{path}[{i}]"), s, w);
            }
        }
        (Value::String(s), Value::String(w)) if s != w => {
            let a = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339);
            let b = time::OffsetDateTime::parse(w, &time::format_description::well_known::Rfc3339);
            assert!(
                a.is_ok() && a.ok() == b.ok(),
                "{file}: {path}: {s:?} became {w:?}"
            );
        }
        (Value::Number(s), Value::String(w)) => assert_eq!(&s.to_string(), w, "{file}: {path}"),
        (Value::Number(s), Value::Number(w)) => {
            assert_eq!(s.as_f64(), w.as_f64(), "{file}: {path}")
        }
        // `null` for a list, text, number or flag reads as its empty value.
        (Value::Null, w) if is_empty(w) => {}
        (s, w) => assert_eq!(s, w, "{file}: {path}"),
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Array(a) => a.is_empty(),
        Value::String(s) => s.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::Bool(b) => !b,
        _ => false,
    }
}

#[test]
fn every_documented_condition_parses_to_its_typed_variant_and_round_trips() {
    for (file, vector) in vectors() {
        let (kind, version) = kind_version(&vector);
        let mut conditions =
            vec![vector["create_subscription_request"]["body"]["condition"].clone()];
        for notification in vector["notifications"].as_array().unwrap() {
            let subscription: Subscription =
                serde_json::from_value(notification["payload"]["subscription"].clone())
                    .unwrap_or_else(|e| panic!("{file}: {e}"));
            // (One example of the reference labels its subscription with a
            // sibling type; the condition is read as the vector's type.)
            assert!(subscription
                .kind
                .starts_with(kind.split('.').next().unwrap()));
            assert!(!matches!(
                subscription.parse_condition().unwrap(),
                EventSubCondition::Raw { .. }
            ));
            conditions.push(subscription.condition);
        }
        for condition in conditions {
            let parsed = parse_condition(&kind, &version, condition.clone())
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            assert!(!matches!(parsed, EventSubCondition::Raw { .. }), "{file}");
            assert_eq!((parsed.kind(), parsed.version()), (&*kind, &*version));
            let written = serde_json::to_value(&parsed).unwrap();
            // Ids the reference shows as numbers are written back as strings.
            let as_strings: serde_json::Map<String, Value> = condition
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| match v {
                    Value::Number(n) => (k.clone(), Value::String(n.to_string())),
                    v => (k.clone(), v.clone()),
                })
                .collect();
            assert_eq!(
                written,
                Value::Object(as_strings),
                "{file}: condition written back"
            );
            assert_eq!(parse_condition(&kind, &version, written).unwrap(), parsed);
        }
    }
}

#[test]
fn typed_fields_hold_the_documented_values() {
    let event = json!({
        "id": "9001", "broadcaster_user_id": "1337", "broadcaster_user_login": "cool_user",
        "broadcaster_user_name": "Cool_User", "type": "live", "started_at": "2020-10-11T10:11:12.123Z"
    });
    let EventSubEvent::StreamOnlineV1(online) = parse_event("stream.online", "1", event).unwrap()
    else {
        panic!("not typed")
    };
    assert_eq!(online.kind, StreamOnlineV1StreamType::Live);
    assert_eq!(
        online.started_at,
        Some(time::macros::datetime!(2020-10-11 10:11:12.123 UTC))
    );
    // Left-out fields default; values this crate does not know are kept.
    let sparse = parse_event("stream.online", "1", json!({"type": "marathon"})).unwrap();
    let EventSubEvent::StreamOnlineV1(sparse) = sparse else {
        panic!()
    };
    assert_eq!(sparse.kind.as_str(), "marathon");
    assert_eq!(sparse.started_at, None);
    assert_eq!(sparse.broadcaster_user_id, "");
}

#[test]
fn an_unknown_type_or_version_is_raw() {
    let event = json!({"anything": [1, 2, 3]});
    for (kind, version) in [("channel.future_thing", "1"), ("stream.online", "99")] {
        match parse_event(kind, version, event.clone()).unwrap() {
            EventSubEvent::Raw {
                kind: k,
                version: v,
                event: e,
            } => {
                assert_eq!((&*k, &*v, &e), (kind, version, &event));
            }
            other => panic!("{other:?}"),
        }
        let raw = parse_event(kind, version, event.clone()).unwrap();
        assert_eq!(serde_json::to_value(&raw).unwrap(), event);
        assert!(matches!(
            parse_condition(kind, version, event.clone()).unwrap(),
            EventSubCondition::Raw { .. }
        ));
        assert!(required_scopes(kind, version).is_none());
    }
}

#[test]
fn a_known_type_with_a_wrong_field_type_is_a_protocol_error() {
    let cases = [
        ("stream.online", "1", json!({"broadcaster_user_id": 5})),
        ("stream.online", "1", json!({"started_at": "yesterday"})),
        ("channel.follow", "2", json!({"followed_at": 12})),
        ("channel.cheer", "1", json!({"bits": "many"})),
        ("channel.poll.begin", "1", json!({"choices": {"id": "1"}})),
    ];
    for (kind, version, event) in cases {
        match parse_event(kind, version, event) {
            Err(Error::Protocol(msg)) => {
                assert!(msg.contains(kind) && msg.contains(version), "{msg}")
            }
            other => panic!("{kind}: {other:?}"),
        }
    }
    match parse_condition("stream.online", "1", json!({"broadcaster_user_id": true})) {
        Err(Error::Protocol(msg)) => assert!(msg.contains("stream.online"), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn required_scopes_follow_the_authorization_text() {
    let leave_out = ["user:bot", "channel:bot", "user:read:email"];
    for (file, vector) in vectors() {
        let (kind, version) = kind_version(&vector);
        let text = vector["authorization"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        let mut named: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_lowercase() || c == '_' || c == ':'))
            .filter(|w| w.contains(':') && !w.ends_with(':') && !leave_out.contains(w))
            .collect();
        let mut seen = BTreeSet::new();
        named.retain(|w| seen.insert(*w));
        let rule = required_scopes(&kind, &version);
        let needs_scope = !named.is_empty() || text.contains("following scopes");
        assert_eq!(rule.is_some(), needs_scope, "{file}: {text}");
        let Some(rule) = rule else { continue };
        let (list, any) = match rule {
            Scopes::All(list) => (list, false),
            Scopes::Any(list) => (list, true),
        };
        let listed: Vec<&str> = list.iter().map(|s| s.as_str()).collect();
        for scope in &named {
            assert!(listed.contains(scope), "{file}: {scope} not in {listed:?}");
        }
        if !named.is_empty() {
            assert_eq!(listed.len(), named.len(), "{file}");
        }
        assert_eq!(any, named.len() > 1, "{file}: {text}");
    }
    assert_eq!(
        required_scopes("channel.moderate", "2").map(|s| s.listed().len()),
        Some(8)
    );
}
