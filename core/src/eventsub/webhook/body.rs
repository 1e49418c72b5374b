//! The JSON body of a webhook request, read in one pass.
//!
//! Twitch writes `subscription` as the body's first member and repeats the
//! same subscription object, byte for byte, on every notification of that
//! subscription. When the body opens with the subscription of the previous
//! notification (already read and checked), that member is matched with one
//! comparison instead of being scanned again, and only the members after it
//! are read. Anything else (another order, another subscription, an escaped
//! key) takes the general path; both accept and refuse the same bodies.

use std::sync::Arc;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::eventsub::Subscription;

/// What a body holds, borrowed from it.
pub(super) struct Parsed<'a> {
    pub(super) subscription: SubscriptionText<'a>,
    pub(super) challenge: Option<String>,
    pub(super) event: Option<&'a RawValue>,
    pub(super) events: Option<Vec<&'a RawValue>>,
}

/// The body's `subscription`: its text, or the known subscription it repeats.
pub(super) enum SubscriptionText<'a> {
    Text(&'a RawValue),
    Known(Arc<Subscription>),
}

/// The members of a body, or of the part after a known leading
/// `subscription`.
#[derive(Deserialize)]
struct Members<'a> {
    /// `Some` whenever the member is there, whatever its value (`null`
    /// included), so that the part after a known one can tell a second one.
    #[serde(default, borrow, deserialize_with = "present")]
    subscription: Option<&'a RawValue>,
    #[serde(default)]
    challenge: Option<String>,
    #[serde(default, borrow)]
    event: Option<&'a RawValue>,
    #[serde(default, borrow)]
    events: Option<Vec<&'a RawValue>>,
}

/// A member that is there, as its text.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(d).map(Some)
}

/// Reads `body`. `known` is the text of a subscription read before and the
/// subscription it gave; a body that opens with exactly that text gives
/// [`SubscriptionText::Known`]. The body may be changed in place (one
/// separator byte), which is why it is taken mutably.
///
/// # Errors
///
/// A description when the body is not UTF-8, not JSON, or not an object with
/// a `subscription` member (exactly one).
pub(super) fn read<'a>(
    body: &'a mut [u8],
    known: Option<(&str, &Arc<Subscription>)>,
) -> Result<Parsed<'a>, String> {
    let after = known.and_then(|(text, _)| after_leading(body, text.as_bytes()));
    if let Some(comma) = after {
        // `{"subscription": <known>, "event": …}` from the comma on, with the
        // comma made an opening brace, is the object of the other members
        body[comma] = b'{';
    }
    let body: &'a [u8] = body;
    // the body checked as UTF-8 once, not string by string
    let text = std::str::from_utf8(body).map_err(|e| e.to_string())?;
    let (members, subscription) = match (after, known) {
        (Some(comma), Some((_, known))) => {
            let members: Members =
                serde_json::from_str(&text[comma..]).map_err(|e| e.to_string())?;
            if members.subscription.is_some() {
                return Err("duplicate field `subscription`".into());
            }
            (members, SubscriptionText::Known(known.clone()))
        }
        _ => {
            let members: Members = serde_json::from_str(text).map_err(|e| e.to_string())?;
            let text = members
                .subscription
                .ok_or_else(|| "missing field `subscription`".to_owned())?;
            (members, SubscriptionText::Text(text))
        }
    };
    Ok(Parsed {
        subscription,
        challenge: members.challenge,
        event: members.event,
        events: members.events,
    })
}

/// The index of the `,` after a leading `"subscription": <known>` member,
/// when the body opens with one and another member follows (JSON whitespace
/// allowed between tokens).
fn after_leading(body: &[u8], known: &[u8]) -> Option<usize> {
    const KEY: &[u8] = b"\"subscription\"";
    let mut at = skip_space(body, 0);
    for token in [&b"{"[..], KEY, b":", known] {
        if !body.get(at..)?.starts_with(token) {
            return None;
        }
        at = skip_space(body, at + token.len());
    }
    // a member must follow the comma: `{"subscription": …,}` is no JSON
    let member = body.get(at) == Some(&b',') && body.get(skip_space(body, at + 1)) == Some(&b'"');
    member.then_some(at)
}

/// The index of the first byte at or after `at` that is not JSON whitespace.
fn skip_space(body: &[u8], mut at: usize) -> usize {
    while matches!(body.get(at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUB: &str = r#"{"id":"a","status":"enabled","type":"stream.online","version":"1","condition":{"broadcaster_user_id":"1"},"transport":{"method":"webhook","callback":"https://example.com/cb"},"created_at":"2019-11-16T10:11:12.123Z"}"#;

    fn known() -> Arc<Subscription> {
        Arc::new(serde_json::from_str(SUB).unwrap())
    }

    fn outcome(body: &str, known: &Arc<Subscription>) -> Result<(bool, Option<String>), String> {
        let mut bytes = body.as_bytes().to_vec();
        let parsed = read(&mut bytes, Some((SUB, known)))?;
        let fast = matches!(parsed.subscription, SubscriptionText::Known(_));
        Ok((fast, parsed.event.map(|e| e.get().to_owned())))
    }

    #[test]
    fn a_repeated_leading_subscription_is_matched_and_the_rest_read() {
        let known = known();
        let event = r#"{"broadcaster_user_id":"1"}"#;
        for body in [
            format!(r#"{{"subscription":{SUB},"event":{event}}}"#),
            format!("\n {{ \"subscription\" :\t{SUB}\r\n, \"event\": {event} }} \n"),
        ] {
            assert_eq!(outcome(&body, &known), Ok((true, Some(event.to_owned()))));
        }
    }

    #[test]
    fn anything_else_takes_the_general_path_with_the_same_answer() {
        let known = known();
        let event = r#"{"x":1}"#;
        let other = SUB.replace("\"a\"", "\"b\"");
        for body in [
            format!(r#"{{"event":{event},"subscription":{SUB}}}"#),
            format!(r#"{{"subscription":{other},"event":{event}}}"#),
            format!(r#"{{"\u0073ubscription":{SUB},"event":{event}}}"#),
        ] {
            assert_eq!(outcome(&body, &known), Ok((false, Some(event.to_owned()))));
        }
        assert_eq!(
            outcome(&format!(r#"{{"subscription":{SUB}}}"#), &known),
            Ok((false, None))
        );
    }

    #[test]
    fn bad_bodies_are_refused_on_both_paths() {
        let known = known();
        let event = r#"{"x":1}"#;
        for body in [
            format!(r#"{{"subscription":{SUB},"subscription":{SUB},"event":{event}}}"#),
            format!(r#"{{"subscription":{SUB},"event":{event},"subscription":null}}"#),
            format!(r#"{{"subscription":{SUB},"event":{event},"\u0073ubscription":null}}"#),
            format!(r#"{{"subscription":{SUB},"event":{event}"#),
            format!(r#"{{"subscription":{SUB},"event":{event}}} trailing"#),
            format!(r#"{{"subscription":{SUB},}}"#),
            format!(r#"{{"subscription":{SUB},"event":{event},}}"#),
            format!(r#"{{"subscription":{SUB},"events":{event}}}"#),
            format!(r#"{{"subscription":{SUB}"#),
            format!(r#"{{"subscription":{}"#, &SUB[..SUB.len() - 1]),
            format!(r#"{{"event":{event}}}"#),
            String::new(),
        ] {
            assert!(outcome(&body, &known).is_err(), "{body}");
            // the general path, with no known subscription, refuses it too
            assert!(read(&mut body.into_bytes(), None).is_err());
        }
        let mut not_utf8 = format!(r#"{{"subscription":{SUB},"event":"#).into_bytes();
        not_utf8.extend_from_slice(b"\"\xff\"}");
        assert!(read(&mut not_utf8.clone(), Some((SUB, &known))).is_err());
        assert!(read(&mut not_utf8, None).is_err());
    }
}
