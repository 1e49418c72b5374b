//! What Twitch sends (RESPONSE, PONG, RECONNECT, MESSAGE), read in one pass.
//!
//! `data.message` is a JSON string (always escaped: it holds JSON). It is
//! unescaped once, into the JSON reader's own buffer, and handed from there
//! to the caller's `read(topic, message)`, which decodes it: the message is
//! never copied into a `String` of its own. Twitch writes `topic` before
//! `message`; a frame written the other way round is read too, by keeping the
//! message as a `String` until the topic is known.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::Error;

/// A frame from Twitch; `R` is what the caller's `read` made of a message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Incoming<R> {
    /// The answer to a LISTEN or UNLISTEN: `error` is empty on success.
    Response {
        nonce: String,
        error: String,
    },
    Pong,
    Reconnect,
    /// A MESSAGE on `topic`: `read` is what `read(topic, data.message)` returned.
    Message {
        topic: String,
        read: R,
    },
}

/// Reads a text frame from Twitch, handing `data.message` (unescaped) to
/// `read` with its topic; anything that is not a frame is [`Error::Protocol`].
pub(crate) fn parse<R, F>(text: &str, read: F) -> Result<Incoming<R>, Error>
where
    F: FnMut(&str, &str) -> R,
{
    let mut de = serde_json::Deserializer::from_str(text);
    let frame = de
        .deserialize_map(FrameVisitor { read })
        .and_then(|frame| de.end().map(|()| frame))
        .map_err(|e| Error::Protocol(format!("pubsub frame is not valid: {e}")))?;
    match &*frame.kind {
        "PONG" => Ok(Incoming::Pong),
        "RECONNECT" => Ok(Incoming::Reconnect),
        "RESPONSE" => Ok(Incoming::Response {
            nonce: frame
                .nonce
                .ok_or_else(|| Error::Protocol("pubsub RESPONSE without a nonce".into()))?
                .into_owned(),
            error: frame.error.map(Cow::into_owned).unwrap_or_default(),
        }),
        "MESSAGE" => {
            let (topic, read) = frame
                .data
                .ok_or_else(|| Error::Protocol("pubsub MESSAGE without data".into()))?;
            Ok(Incoming::Message {
                topic: topic.into_owned(),
                read,
            })
        }
        other => Err(Error::Protocol(format!(
            "unknown pubsub frame type {other:?}"
        ))),
    }
}

/// A string member's value: borrowed from the frame where it has no escapes
/// (a `Cow<str>` deserialized on its own is always owned).
struct Text<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(TextVisitor)
    }
}

/// A member's name, read without allocating.
enum Key {
    Type,
    Nonce,
    Error,
    Data,
    Topic,
    Message,
    Other,
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    "type" => Key::Type,
                    "nonce" => Key::Nonce,
                    "error" => Key::Error,
                    "data" => Key::Data,
                    "topic" => Key::Topic,
                    "message" => Key::Message,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// The top level, its strings borrowed where they have no escapes.
struct Frame<'a, R> {
    kind: Cow<'a, str>,
    nonce: Option<Cow<'a, str>>,
    error: Option<Cow<'a, str>>,
    data: Option<(Cow<'a, str>, R)>,
}

struct FrameVisitor<F> {
    read: F,
}

fn once<T, E: de::Error>(slot: &Option<T>, name: &'static str) -> Result<(), E> {
    match slot {
        Some(_) => Err(E::duplicate_field(name)),
        None => Ok(()),
    }
}

impl<'de, R, F: FnMut(&str, &str) -> R> Visitor<'de> for FrameVisitor<F> {
    type Value = Frame<'de, R>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a PubSub frame")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
        // each `Some` once its member was read (the inner `None` of a null)
        let (mut kind, mut nonce, mut error, mut data) = (None, None, None, None);
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Type => {
                    once(&kind, "type")?;
                    kind = Some(map.next_value::<Text<'de>>()?.0);
                }
                Key::Nonce => {
                    once(&nonce, "nonce")?;
                    nonce = Some(map.next_value::<Option<Text<'de>>>()?.map(|t| t.0));
                }
                Key::Error => {
                    once(&error, "error")?;
                    error = Some(map.next_value::<Option<Text<'de>>>()?.map(|t| t.0));
                }
                Key::Data => {
                    once(&data, "data")?;
                    data = Some(map.next_value_seed(DataSeed {
                        read: &mut self.read,
                    })?);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Frame {
            kind: kind.ok_or_else(|| de::Error::missing_field("type"))?,
            nonce: nonce.flatten(),
            error: error.flatten(),
            data: data.flatten(),
        })
    }
}

/// `data`: null, or an object with `topic` and `message`.
struct DataSeed<'r, F> {
    read: &'r mut F,
}

impl<'de, R, F: FnMut(&str, &str) -> R> DeserializeSeed<'de> for DataSeed<'_, F> {
    type Value = Option<(Cow<'de, str>, R)>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, R, F: FnMut(&str, &str) -> R> Visitor<'de> for DataSeed<'_, F> {
    type Value = Option<(Cow<'de, str>, R)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a PubSub frame's data")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut topic: Option<Cow<'de, str>> = None;
        // the message read (topic known), or kept as text (topic not yet known)
        let mut read: Option<R> = None;
        let mut early: Option<String> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Topic => {
                    once(&topic, "topic")?;
                    topic = Some(map.next_value::<Text<'de>>()?.0);
                }
                Key::Message => {
                    if read.is_some() || early.is_some() {
                        return Err(de::Error::duplicate_field("message"));
                    }
                    match &topic {
                        Some(topic) => {
                            read = Some(map.next_value_seed(MessageSeed {
                                topic,
                                read: &mut *self.read,
                            })?);
                        }
                        None => early = Some(map.next_value()?),
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let topic = topic.ok_or_else(|| de::Error::missing_field("topic"))?;
        let read = match (read, early) {
            (Some(read), _) => read,
            (None, Some(message)) => (self.read)(&topic, &message),
            (None, None) => return Err(de::Error::missing_field("message")),
        };
        Ok(Some((topic, read)))
    }
}

/// `data.message`, handed to `read` where the JSON reader unescaped it.
struct MessageSeed<'t, 'r, F> {
    topic: &'t str,
    read: &'r mut F,
}

impl<'de, R, F: FnMut(&str, &str) -> R> DeserializeSeed<'de> for MessageSeed<'_, '_, F> {
    type Value = R;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<R, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, R, F: FnMut(&str, &str) -> R> Visitor<'de> for MessageSeed<'_, '_, F> {
    type Value = R;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, message: &str) -> Result<R, E> {
        Ok((self.read)(self.topic, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(frame: &str) -> Result<Incoming<String>, Error> {
        parse(frame, |topic, message| format!("{topic}|{message}"))
    }

    #[test]
    fn frames_parse_and_garbage_is_an_error() {
        assert_eq!(text(r#"{"type":"PONG"}"#), Ok(Incoming::Pong));
        assert_eq!(text(r#"{"type":"RECONNECT"}"#), Ok(Incoming::Reconnect));
        assert_eq!(
            text(r#"{"type":"RESPONSE","nonce":"44h1k13746815ab1r2","error":""}"#),
            Ok(Incoming::Response {
                nonce: "44h1k13746815ab1r2".into(),
                error: String::new()
            })
        );
        let message = Ok(Incoming::Message {
            topic: "whispers.1".into(),
            read: "whispers.1|{\"a\":1}".into(),
        });
        assert_eq!(
            text(r#"{"type":"MESSAGE","data":{"topic":"whispers.1","message":"{\"a\":1}"}}"#),
            message
        );
        // any member order: data first, message before topic, unknown members
        assert_eq!(
            text(
                r#"{"x":[1],"data":{"message":"{\"a\":1}","y":{},"topic":"whispers.1"},"type":"MESSAGE"}"#
            ),
            message
        );
        let frame = r#"{"type":"MESSAGE","data":{"topic":"whispers.1","message":"{}"}}"#;
        for end in 0..frame.len() {
            assert!(text(&frame[..end]).is_err());
        }
        for bad in [
            "",
            "null",
            "[]",
            r#"{"type":"NOPE"}"#,
            r#"{"type":"RESPONSE"}"#,
            r#"{"type":"MESSAGE"}"#,
            r#"{"type":"MESSAGE","data":null}"#,
            r#"{"type":"MESSAGE","data":{"topic":"t"}}"#,
            r#"{"type":"MESSAGE","data":{"message":"{}"}}"#,
            r#"{"type":"MESSAGE","data":{"topic":"t","message":1}}"#,
            r#"{"type":"MESSAGE","data":{"topic":"t","message":"{}","message":"{}"}}"#,
            r#"{"type":"MESSAGE","type":"MESSAGE","data":{"topic":"t","message":"{}"}}"#,
            r#"{"type":"MESSAGE","data":null,"data":{"topic":"t","message":"{}"}}"#,
            r#"{"type":"PONG"} x"#,
        ] {
            assert!(matches!(text(bad), Err(Error::Protocol(_))), "{bad}");
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed() {
        let plain: Text = serde_json::from_str(r#""whispers.1""#).unwrap();
        assert!(matches!(plain.0, Cow::Borrowed("whispers.1")));
        let escaped: Text = serde_json::from_str(r#""a\nb""#).unwrap();
        assert!(matches!(escaped.0, Cow::Owned(ref s) if s == "a\nb"));
    }

    #[test]
    fn the_message_is_unescaped_once_and_read_in_place() {
        let frame =
            r#"{"type":"MESSAGE","data":{"topic":"t.1","message":"{\"a\":\"\\u00e9\\n\"}"}}"#;
        let mut calls = 0;
        let got = parse(frame, |topic, message| {
            calls += 1;
            assert_eq!(topic, "t.1");
            serde_json::from_str::<serde_json::Value>(message).unwrap()
        })
        .unwrap();
        assert_eq!(calls, 1);
        assert_eq!(
            got,
            Incoming::Message {
                topic: "t.1".into(),
                read: serde_json::json!({"a": "é\n"})
            }
        );
    }

    /// The reader this one replaced (serde's derive, the message kept as a
    /// `String`): the model the property test holds the one-pass reader to.
    fn reference(text: &str) -> Option<(String, String)> {
        #[derive(serde::Deserialize)]
        struct Raw<'a> {
            #[serde(rename = "type", borrow)]
            kind: Cow<'a, str>,
            #[serde(default, borrow)]
            data: Option<Data<'a>>,
            #[serde(default, borrow)]
            nonce: Option<Cow<'a, str>>,
            #[allow(dead_code)]
            #[serde(default, borrow)]
            error: Option<Cow<'a, str>>,
        }
        #[derive(serde::Deserialize)]
        struct Data<'a> {
            #[serde(borrow)]
            topic: Cow<'a, str>,
            message: String,
        }
        let raw: Raw = serde_json::from_str(text).ok()?;
        match &*raw.kind {
            "MESSAGE" => raw.data.map(|d| (d.topic.into_owned(), d.message)),
            "RESPONSE" => raw.nonce.map(|n| ("RESPONSE".into(), n.into_owned())),
            "PONG" | "RECONNECT" => Some((raw.kind.into_owned(), String::new())),
            _ => None,
        }
    }

    fn summary(frame: &str) -> Option<(String, String)> {
        match text(frame).ok()? {
            Incoming::Message { topic, read } => {
                let message = read.strip_prefix(&format!("{topic}|"))?.to_owned();
                Some((topic, message))
            }
            Incoming::Response { nonce, .. } => Some(("RESPONSE".into(), nonce)),
            Incoming::Pong => Some(("PONG".into(), String::new())),
            Incoming::Reconnect => Some(("RECONNECT".into(), String::new())),
        }
    }

    #[test]
    fn garbled_real_frames_read_as_the_derived_reader_reads_them() {
        let files = [
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/vectors/pubsub/whispers.json"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/vectors/pubsub/channel-points-channel-v1.json"
            )),
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/vectors/pubsub/chat_moderator_actions.json"
            )),
        ];
        let mut frames: Vec<String> = vec![
            r#"{"type":"RESPONSE","nonce":"n1","error":"ERR_BADAUTH"}"#.into(),
            r#"{"type":"PONG"}"#.into(),
        ];
        for file in files {
            let doc: serde_json::Value = serde_json::from_str(file).unwrap();
            for m in doc["messages"].as_array().unwrap() {
                if m["frame"].is_object() {
                    frames.push(m["frame"].to_string());
                }
            }
        }
        let mut rng = crate::machine::Rng::new(7);
        let alphabet: Vec<char> = "{}[]\",:0a\\u n\u{e9}".chars().collect();
        let mut agreed_ok = 0;
        for i in 0..6000 {
            let mut chars: Vec<char> = frames[i % frames.len()].chars().collect();
            for _ in 0..(rng.next_u64() % 3) {
                let at = (rng.next_u64() as usize) % chars.len();
                match rng.next_u64() % 3 {
                    0 => chars[at] = alphabet[(rng.next_u64() as usize) % alphabet.len()],
                    1 => drop(chars.remove(at)),
                    _ => chars.insert(at, alphabet[(rng.next_u64() as usize) % alphabet.len()]),
                }
            }
            let garbled: String = chars.into_iter().collect();
            let (ours, theirs) = (summary(&garbled), reference(&garbled));
            assert_eq!(ours, theirs, "{garbled}");
            agreed_ok += usize::from(ours.is_some());
        }
        // the garbling leaves many frames readable: both readers were tested on them
        assert!(agreed_ok > 1000, "{agreed_ok}");
    }
}
