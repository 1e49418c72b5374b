//! The messages of an EventSub WebSocket session.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::eventsub::{RawEvent, Subscription};
use crate::Error;

#[derive(Deserialize)]
struct Raw<'a> {
    metadata: Metadata,
    #[serde(borrow, default)]
    payload: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Metadata {
    message_id: String,
    message_type: String,
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
    subscription: Subscription,
    #[serde(default)]
    event: Option<Box<RawValue>>,
    /// Batched types (`drop.entitlement.grant`) send a list instead.
    #[serde(default)]
    events: Option<Vec<Box<RawValue>>>,
}

#[derive(Deserialize)]
struct RevocationPayload {
    subscription: Subscription,
}

/// A message from Twitch.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Incoming {
    Welcome {
        session_id: String,
        keepalive: Option<u64>,
    },
    Keepalive,
    Notification {
        message_id: String,
        subscription: Box<Subscription>,
        /// One element, or the elements of a batch.
        events: Vec<RawEvent>,
    },
    Reconnect {
        reconnect_url: String,
    },
    Revocation {
        subscription: Box<Subscription>,
    },
}

/// Reads a text frame; anything else is [`Error::Protocol`].
pub(crate) fn parse(text: &str) -> Result<Incoming, Error> {
    let bad = |what: &str, e: serde_json::Error| Error::Protocol(format!("eventsub {what}: {e}"));
    let raw: Raw = serde_json::from_str(text).map_err(|e| bad("frame", e))?;
    let payload = raw.payload.map_or("null", RawValue::get);
    Ok(match raw.metadata.message_type.as_str() {
        "session_welcome" => {
            let p: SessionPayload =
                serde_json::from_str(payload).map_err(|e| bad("session_welcome", e))?;
            Incoming::Welcome {
                session_id: p.session.id,
                keepalive: p.session.keepalive_timeout_seconds,
            }
        }
        "session_keepalive" => Incoming::Keepalive,
        "notification" => {
            let p: NotificationPayload =
                serde_json::from_str(payload).map_err(|e| bad("notification", e))?;
            let batch: Vec<RawEvent> = p
                .event
                .into_iter()
                .chain(p.events.into_iter().flatten())
                .map(RawEvent::from_raw)
                .collect();
            if batch.is_empty() {
                return Err(Error::Protocol(
                    "eventsub notification without an event".into(),
                ));
            }
            Incoming::Notification {
                message_id: raw.metadata.message_id,
                subscription: Box::new(p.subscription),
                events: batch,
            }
        }
        "session_reconnect" => {
            let p: SessionPayload =
                serde_json::from_str(payload).map_err(|e| bad("session_reconnect", e))?;
            Incoming::Reconnect {
                reconnect_url: p.session.reconnect_url.ok_or_else(|| {
                    Error::Protocol("eventsub session_reconnect without a reconnect_url".into())
                })?,
            }
        }
        "revocation" => {
            let p: RevocationPayload =
                serde_json::from_str(payload).map_err(|e| bad("revocation", e))?;
            Incoming::Revocation {
                subscription: Box::new(p.subscription),
            }
        }
        other => {
            return Err(Error::Protocol(format!(
                "unknown eventsub message type {other:?}"
            )))
        }
    })
}

/// Why Twitch closed a session (the close code), and what that means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CloseReason {
    /// 1000, or no code: a plain close.
    Normal,
    /// 4000: Twitch failed.
    InternalServerError,
    /// 4001: the client sent something (clients must only listen).
    SentInboundTraffic,
    /// 4002: the client did not answer a ping.
    FailedPingPong,
    /// 4003: no subscription was created within 10 s of the welcome.
    ConnectionUnused,
    /// 4004: after a `session_reconnect`, the new connection came too late.
    ReconnectGraceExpired,
    /// 4005: the network timed out.
    NetworkTimeout,
    /// 4006: a network error.
    NetworkError,
    /// 4007: the reconnect URL was not valid.
    InvalidReconnect,
    /// Any other code.
    Other(u16),
}

impl CloseReason {
    /// The reason of a close code.
    pub fn from_code(code: Option<u16>) -> CloseReason {
        match code {
            None | Some(1000) => CloseReason::Normal,
            Some(4000) => CloseReason::InternalServerError,
            Some(4001) => CloseReason::SentInboundTraffic,
            Some(4002) => CloseReason::FailedPingPong,
            Some(4003) => CloseReason::ConnectionUnused,
            Some(4004) => CloseReason::ReconnectGraceExpired,
            Some(4005) => CloseReason::NetworkTimeout,
            Some(4006) => CloseReason::NetworkError,
            Some(4007) => CloseReason::InvalidReconnect,
            Some(other) => CloseReason::Other(other),
        }
    }

    /// A short description, for logs and the CLI.
    pub fn as_str(&self) -> &'static str {
        match self {
            CloseReason::Normal => "closed",
            CloseReason::InternalServerError => "internal server error (4000)",
            CloseReason::SentInboundTraffic => "sent inbound traffic (4001)",
            CloseReason::FailedPingPong => "failed ping pong (4002)",
            CloseReason::ConnectionUnused => "connection unused (4003)",
            CloseReason::ReconnectGraceExpired => "reconnect grace time expired (4004)",
            CloseReason::NetworkTimeout => "network timeout (4005)",
            CloseReason::NetworkError => "network error (4006)",
            CloseReason::InvalidReconnect => "invalid reconnect attempt (4007)",
            CloseReason::Other(_) => "closed with an unknown code",
        }
    }
}
