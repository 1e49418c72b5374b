//! The top level of a frame (`metadata` and `payload`), shared by
//! [`super::Message::parse`] and [`super::TypedNotification::parse`]: Twitch
//! sends `metadata` first, so the payload is read straight into the shape the
//! metadata calls for; a payload that comes first is kept as borrowed text and
//! read afterwards.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A frame's top level, the payload read as `P`.
pub(super) struct Frame<'a, P> {
    pub(super) metadata: Option<Metadata<'a>>,
    pub(super) payload: Option<P>,
    /// A payload that came before the metadata, or that the reader left as text.
    pub(super) raw_payload: Option<&'a RawValue>,
}

#[derive(Deserialize)]
pub(super) struct Metadata<'a> {
    #[serde(borrow)]
    pub(super) message_id: Cow<'a, str>,
    #[serde(borrow)]
    pub(super) message_type: Cow<'a, str>,
}

impl<'a, P> Frame<'a, P> {
    /// Reads `text`; `reader` gives the payload's reader once the metadata
    /// is known, or `None` to keep the payload as text.
    pub(super) fn read<S, F>(text: &'a str, reader: F) -> Result<Frame<'a, P>, serde_json::Error>
    where
        S: DeserializeSeed<'a, Value = P>,
        F: Fn(&Metadata<'a>) -> Option<S>,
    {
        let mut de = serde_json::Deserializer::from_str(text);
        let frame = de::Deserializer::deserialize_map(
            &mut de,
            FrameVisitor {
                reader,
                payload: PhantomData,
            },
        )?;
        de.end()?;
        Ok(frame)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Metadata,
    Payload,
    #[serde(other)]
    Other,
}

struct FrameVisitor<F, P> {
    reader: F,
    payload: PhantomData<fn() -> P>,
}

impl<'de, S, F, P> Visitor<'de> for FrameVisitor<F, P>
where
    S: DeserializeSeed<'de, Value = P>,
    F: Fn(&Metadata<'de>) -> Option<S>,
{
    type Value = Frame<'de, P>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an EventSub message object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Frame<'de, P>, A::Error> {
        let mut frame = Frame {
            metadata: None,
            payload: None,
            raw_payload: None,
        };
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Metadata if frame.metadata.is_some() => {
                    return Err(de::Error::duplicate_field("metadata"))
                }
                Key::Metadata => frame.metadata = Some(map.next_value()?),
                Key::Payload if frame.payload.is_some() || frame.raw_payload.is_some() => {
                    return Err(de::Error::duplicate_field("payload"))
                }
                Key::Payload => match frame.metadata.as_ref().and_then(&self.reader) {
                    Some(reader) => frame.payload = Some(map.next_value_seed(reader)?),
                    None => frame.raw_payload = Some(map.next_value()?),
                },
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(frame)
    }
}
