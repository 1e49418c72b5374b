//! [`Message`]: what a text frame of an EventSub WebSocket session says.
//!
//! A frame is read in one pass: Twitch sends `metadata` before `payload`, so
//! the payload is read straight into the shape its `message_type` names (a
//! frame with the payload first is read too, its payload in a second pass).
//! Nothing is kept of a notification's subscription but what the machine
//! hands out (id, type, version), and its event stays text ([`RawEvent`]).

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::outer::Frame;
use crate::eventsub::{RawEvent, Subscription};
use crate::Error;

/// A message from Twitch on an EventSub WebSocket session, as
/// [`super::EventSubWs::handle_text`] reads it ([`Message::parse`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Message {
    /// `session_welcome`: the session is up.
    Welcome {
        /// The session id (subscriptions are created for it).
        session_id: String,
        /// `keepalive_timeout_seconds`.
        keepalive_seconds: Option<u64>,
    },
    /// `session_keepalive`.
    Keepalive,
    /// `notification`.
    Notification {
        /// `metadata.message_id`.
        message_id: String,
        /// The subscription's id.
        subscription_id: String,
        /// The subscription's type.
        kind: String,
        /// The subscription's version.
        version: String,
        /// The `event`, or the elements of a batch (`events`), as sent.
        events: Vec<RawEvent>,
    },
    /// `session_reconnect`: connect to `reconnect_url`, then drop this socket.
    Reconnect {
        /// Where the replacement session is.
        reconnect_url: String,
    },
    /// `revocation`: Twitch ended a subscription.
    Revocation {
        /// The subscription (`status` says why).
        subscription: Box<Subscription>,
    },
}

impl Message {
    /// Reads a text frame.
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] for anything that is not an EventSub message.
    pub fn parse(text: &str) -> Result<Message, Error> {
        let bad = |e: serde_json::Error| Error::Protocol(format!("eventsub frame: {e}"));
        let frame = Frame::read(text, |m| Some(Kind::of(&m.message_type))).map_err(bad)?;
        let Some(metadata) = frame.metadata else {
            return Err(Error::Protocol("eventsub frame without metadata".into()));
        };
        let kind = Kind::of(&metadata.message_type);
        let payload = match (frame.payload, frame.raw_payload) {
            (Some(payload), _) => payload,
            (None, raw) => {
                let text = raw.map_or("null", RawValue::get);
                kind.deserialize(&mut serde_json::Deserializer::from_str(text))
                    .map_err(bad)?
            }
        };
        Ok(match payload {
            Payload::Welcome(session) => Message::Welcome {
                session_id: session.id,
                keepalive_seconds: session.keepalive_timeout_seconds,
            },
            Payload::Keepalive => Message::Keepalive,
            Payload::Notification(p) => {
                let events: Vec<RawEvent> = p
                    .event
                    .into_iter()
                    .chain(p.events.into_iter().flatten())
                    .map(RawEvent::from_raw)
                    .collect();
                if events.is_empty() {
                    return Err(Error::Protocol(
                        "eventsub notification without an event".into(),
                    ));
                }
                Message::Notification {
                    message_id: metadata.message_id.into_owned(),
                    subscription_id: p.subscription.id,
                    kind: p.subscription.kind,
                    version: p.subscription.version,
                    events,
                }
            }
            Payload::Reconnect(session) => Message::Reconnect {
                reconnect_url: session.reconnect_url.ok_or_else(|| {
                    Error::Protocol("eventsub session_reconnect without a reconnect_url".into())
                })?,
            },
            Payload::Revocation(p) => Message::Revocation {
                subscription: Box::new(p.subscription),
            },
            Payload::Unknown => {
                return Err(Error::Protocol(format!(
                    "unknown eventsub message type {:?}",
                    metadata.message_type
                )))
            }
        })
    }
}

/// The message types, each with the shape of its payload.
#[derive(Clone, Copy)]
enum Kind {
    Welcome,
    Keepalive,
    Notification,
    Reconnect,
    Revocation,
    Unknown,
}

impl Kind {
    fn of(message_type: &str) -> Kind {
        match message_type {
            "session_welcome" => Kind::Welcome,
            "session_keepalive" => Kind::Keepalive,
            "notification" => Kind::Notification,
            "session_reconnect" => Kind::Reconnect,
            "revocation" => Kind::Revocation,
            _ => Kind::Unknown,
        }
    }
}

enum Payload {
    Welcome(Session),
    Keepalive,
    Notification(NotificationPayload),
    Reconnect(Session),
    Revocation(RevocationPayload),
    Unknown,
}

impl<'de> DeserializeSeed<'de> for Kind {
    type Value = Payload;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Payload, D::Error> {
        Ok(match self {
            Kind::Welcome => Payload::Welcome(SessionPayload::deserialize(d)?.session),
            Kind::Reconnect => Payload::Reconnect(SessionPayload::deserialize(d)?.session),
            Kind::Notification => Payload::Notification(NotificationPayload::deserialize(d)?),
            Kind::Revocation => Payload::Revocation(RevocationPayload::deserialize(d)?),
            Kind::Keepalive => {
                IgnoredAny::deserialize(d)?;
                Payload::Keepalive
            }
            Kind::Unknown => {
                IgnoredAny::deserialize(d)?;
                Payload::Unknown
            }
        })
    }
}

#[derive(Deserialize)]
struct SessionPayload {
    session: Session,
}

#[derive(Deserialize)]
struct Session {
    id: String,
    #[serde(default)]
    keepalive_timeout_seconds: Option<u64>,
    #[serde(default)]
    reconnect_url: Option<String>,
}

#[derive(Deserialize)]
struct NotificationPayload {
    subscription: SubscriptionHead,
    #[serde(default)]
    event: Option<Box<RawValue>>,
    /// Batched types (`drop.entitlement.grant`) send a list instead.
    #[serde(default)]
    events: Option<Vec<Box<RawValue>>>,
}

/// What the machine hands out of a notification's subscription.
#[derive(Deserialize)]
pub(super) struct SubscriptionHead {
    pub(super) id: String,
    #[serde(rename = "type")]
    pub(super) kind: String,
    pub(super) version: String,
}

#[derive(Deserialize)]
struct RevocationPayload {
    subscription: Subscription,
}
