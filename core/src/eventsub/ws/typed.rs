//! [`TypedNotification`]: a notification frame read straight into its typed
//! events, in one pass.
//!
//! [`Message::parse`] keeps each event as text ([`crate::eventsub::RawEvent`])
//! and reads it into a model only when asked, which scans the event twice.
//! For a transport of one's own that only wants the models, this reader picks
//! the model as soon as the subscription's type and version are known (Twitch
//! sends `metadata` before `payload` and `subscription` before `event`) and
//! reads the event into it directly; members in another order are kept as
//! borrowed text and read after. It accepts exactly the notification frames
//! that [`Message::parse`] followed by [`crate::eventsub::RawEvent::parse`]
//! accepts, and gives the same values.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::message::SubscriptionHead;
use super::outer::{Frame, Metadata};
use super::Message;
use crate::eventsub::types::{deserialize_event, has_model, parse_event_json, EventSubEvent};
use crate::Error;

/// A `notification` frame with its events read into their typed models.
///
/// ```
/// use twitchapi_core::eventsub::types::EventSubEvent;
/// use twitchapi_core::eventsub::ws::TypedNotification;
///
/// let frame = r#"{"metadata":{"message_id":"m1","message_type":"notification","message_timestamp":"2023-07-19T10:11:12.12Z"},"payload":{"subscription":{"id":"s1","status":"enabled","type":"stream.offline","version":"1","condition":{"broadcaster_user_id":"1337"},"transport":{"method":"websocket","session_id":"x"},"created_at":"2023-07-19T10:11:12.12Z","cost":0},"event":{"broadcaster_user_id":"1337","broadcaster_user_login":"cool_user","broadcaster_user_name":"Cool_User"}}}"#;
/// let n = TypedNotification::parse(frame).unwrap();
/// assert_eq!((n.message_id.as_str(), n.kind.as_str()), ("m1", "stream.offline"));
/// match &n.events[..] {
///     [EventSubEvent::StreamOfflineV1(offline)] => assert_eq!(offline.broadcaster_user_login, "cool_user"),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TypedNotification {
    /// `metadata.message_id`.
    pub message_id: String,
    /// The subscription's id.
    pub subscription_id: String,
    /// The subscription's type.
    pub kind: String,
    /// The subscription's version.
    pub version: String,
    /// The `event`, or the elements of a batch (`events`), typed.
    pub events: Vec<EventSubEvent>,
}

impl TypedNotification {
    /// Reads a `notification` frame.
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] for a frame of another message type, a frame that
    /// is not an EventSub message, a notification without an event, and an
    /// event that does not fit the model of its type.
    pub fn parse(text: &str) -> Result<TypedNotification, Error> {
        let bad = |e: serde_json::Error| Error::Protocol(format!("eventsub frame: {e}"));
        let notification = |m: &Metadata| (m.message_type == "notification").then_some(PhantomData);
        let frame: Frame<Payload> = Frame::read(text, notification).map_err(bad)?;
        let Some(metadata) = frame.metadata else {
            return Err(Error::Protocol("eventsub frame without metadata".into()));
        };
        if metadata.message_type != "notification" {
            // what Message::parse says of it, or that it is no notification
            return Err(match Message::parse(text) {
                Err(e) => e,
                Ok(_) => Error::Protocol(format!(
                    "eventsub {:?} frame, not a notification",
                    metadata.message_type
                )),
            });
        }
        let payload = match (frame.payload, frame.raw_payload) {
            (Some(payload), _) => payload,
            (None, raw) => {
                let text = raw.map_or("null", RawValue::get);
                serde_json::from_str(text).map_err(bad)?
            }
        };
        let (head, events) = (payload.head, payload.events);
        if events.is_empty() {
            return Err(Error::Protocol(
                "eventsub notification without an event".into(),
            ));
        }
        Ok(TypedNotification {
            message_id: metadata.message_id.into_owned(),
            subscription_id: head.id,
            kind: head.kind,
            version: head.version,
            events,
        })
    }
}

#[derive(serde::Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum PayloadKey {
    Subscription,
    Event,
    Events,
    #[serde(other)]
    Other,
}

/// A notification's payload: the subscription's head and the typed events.
struct Payload {
    head: SubscriptionHead,
    events: Vec<EventSubEvent>,
}

impl<'de> de::Deserialize<'de> for Payload {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // a struct, as the derive of the two-step path reads it: an object, or
        // its members in order as an array
        d.deserialize_struct(
            "NotificationPayload",
            &["subscription", "event", "events"],
            PayloadVisitor,
        )
    }
}

struct PayloadVisitor;

impl<'de> Visitor<'de> for PayloadVisitor {
    type Value = Payload;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an EventSub notification payload")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Payload, S::Error> {
        // the members in order; the optional ones may be left off the end
        let head: SubscriptionHead = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let mut all = seq
            .next_element_seed(Events::optional_one(&head))?
            .unwrap_or_default();
        all.extend(
            seq.next_element_seed(Events::optional_list(&head))?
                .unwrap_or_default(),
        );
        Ok(Payload { head, events: all })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Payload, A::Error> {
        let mut head: Option<SubscriptionHead> = None;
        // typed as soon as the head is known; before that, kept as text
        let (mut event, mut events) = (None::<Vec<EventSubEvent>>, None::<Vec<EventSubEvent>>);
        let (mut early_event, mut early_events) = (None::<&'de RawValue>, None::<&'de RawValue>);
        while let Some(key) = map.next_key::<PayloadKey>()? {
            match key {
                PayloadKey::Subscription if head.is_some() => {
                    return Err(de::Error::duplicate_field("subscription"))
                }
                PayloadKey::Subscription => head = Some(map.next_value()?),
                PayloadKey::Event if event.is_some() || early_event.is_some() => {
                    return Err(de::Error::duplicate_field("event"))
                }
                PayloadKey::Event => match &head {
                    Some(h) => event = Some(map.next_value_seed(Events::optional_one(h))?),
                    None => early_event = Some(map.next_value()?),
                },
                PayloadKey::Events if events.is_some() || early_events.is_some() => {
                    return Err(de::Error::duplicate_field("events"))
                }
                PayloadKey::Events => match &head {
                    Some(h) => events = Some(map.next_value_seed(Events::optional_list(h))?),
                    None => early_events = Some(map.next_value()?),
                },
                PayloadKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let head = head.ok_or_else(|| de::Error::missing_field("subscription"))?;
        let late = |raw: Option<&RawValue>, seed: Events| -> Result<Vec<EventSubEvent>, A::Error> {
            match raw {
                None => Ok(Vec::new()),
                Some(raw) => seed
                    .deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
                    .map_err(de::Error::custom),
            }
        };
        let mut all = match event {
            Some(event) => event,
            None => late(early_event, Events::optional_one(&head))?,
        };
        all.extend(match events {
            Some(events) => events,
            None => late(early_events, Events::optional_list(&head))?,
        });
        Ok(Payload { head, events: all })
    }
}

/// Reads `event` (one, or `null`) or `events` (a list, or `null`) with the
/// model of the head's type and version.
#[derive(Clone, Copy)]
struct Events<'a> {
    kind: &'a str,
    version: &'a str,
    list: bool,
}

impl<'a> Events<'a> {
    fn optional_one(head: &'a SubscriptionHead) -> Events<'a> {
        Events {
            kind: &head.kind,
            version: &head.version,
            list: false,
        }
    }

    fn optional_list(head: &'a SubscriptionHead) -> Events<'a> {
        Events {
            list: true,
            ..Events::optional_one(head)
        }
    }
}

impl<'de> DeserializeSeed<'de> for Events<'_> {
    type Value = Vec<EventSubEvent>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Events<'_> {
    type Value = Vec<EventSubEvent>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.list {
            "a list of events or null"
        } else {
            "an event or null"
        })
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        if self.list {
            d.deserialize_seq(self)
        } else {
            read_event(self.kind, self.version, d).map(|event| vec![event])
        }
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Self::Value, S::Error> {
        let mut all = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(event) = seq.next_element_seed(One(self))? {
            all.push(event);
        }
        Ok(all)
    }
}

/// One element of `events`.
struct One<'a>(Events<'a>);

impl<'de> DeserializeSeed<'de> for One<'_> {
    type Value = EventSubEvent;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<EventSubEvent, D::Error> {
        read_event(self.0.kind, self.0.version, d)
    }
}

/// An event read in the stream with its type's model. One of a type without a
/// model is taken as text first and read as JSON on its own, as the two-step
/// path reads it: JSON's nesting limit then counts from the event, not from
/// the frame.
fn read_event<'de, D: Deserializer<'de>>(
    kind: &str,
    version: &str,
    d: D,
) -> Result<EventSubEvent, D::Error> {
    if has_model(kind, version) {
        return deserialize_event(kind, version, d);
    }
    let raw = <&RawValue as de::Deserialize>::deserialize(d)?;
    parse_event_json(kind, version, raw.get()).map_err(de::Error::custom)
}
