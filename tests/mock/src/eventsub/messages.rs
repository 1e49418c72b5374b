//! The messages of the EventSub WebSocket, in Twitch's envelope:
//! `{"metadata":{message_id, message_type, message_timestamp[,
//! subscription_type, subscription_version]},"payload":{...}}`, and the
//! bodies of webhook messages.

use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use super::subscription::{Stored, View};
use crate::model::rfc3339;

#[derive(Serialize)]
struct Metadata<'a> {
    message_id: &'a str,
    message_type: &'a str,
    message_timestamp: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription_version: Option<&'a str>,
}

#[derive(Serialize)]
struct Envelope<'a, P: Serialize> {
    metadata: Metadata<'a>,
    payload: P,
}

/// `payload.session` of welcome and reconnect messages.
#[derive(Serialize)]
struct SessionBody<'a> {
    id: &'a str,
    status: &'a str,
    connected_at: String,
    keepalive_timeout_seconds: Option<u64>,
    reconnect_url: Option<&'a str>,
    recovery_url: Option<&'a str>,
}

#[derive(Serialize)]
struct SessionPayload<'a> {
    session: SessionBody<'a>,
}

/// `{"subscription": ..., "event": ...}` or, batched, `"events": [...]`.
#[derive(Serialize)]
pub(crate) struct EventPayload {
    pub subscription: View,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Value>,
}

#[derive(Serialize)]
struct RevocationPayload {
    subscription: View,
}

#[derive(Serialize)]
struct Empty {}

fn text<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn metadata<'a>(id: &'a str, kind: &'a str, sub: Option<&'a Stored>) -> Metadata<'a> {
    Metadata {
        message_id: id,
        message_type: kind,
        message_timestamp: rfc3339(OffsetDateTime::now_utc()),
        subscription_type: sub.map(|s| s.kind.as_str()),
        subscription_version: sub.map(|s| s.version.as_str()),
    }
}

/// The first message of a connection.
pub(crate) fn welcome(
    message_id: &str,
    session_id: &str,
    connected_at: OffsetDateTime,
    keepalive_seconds: u64,
) -> String {
    text(&Envelope {
        metadata: metadata(message_id, "session_welcome", None),
        payload: SessionPayload {
            session: SessionBody {
                id: session_id,
                status: "connected",
                connected_at: rfc3339(connected_at),
                keepalive_timeout_seconds: Some(keepalive_seconds),
                reconnect_url: None,
                recovery_url: None,
            },
        },
    })
}

/// "Reconnect to `url` within the grace."
pub(crate) fn reconnect(
    message_id: &str,
    session_id: &str,
    connected_at: OffsetDateTime,
    url: &str,
) -> String {
    text(&Envelope {
        metadata: metadata(message_id, "session_reconnect", None),
        payload: SessionPayload {
            session: SessionBody {
                id: session_id,
                status: "reconnecting",
                connected_at: rfc3339(connected_at),
                keepalive_timeout_seconds: None,
                reconnect_url: Some(url),
                recovery_url: None,
            },
        },
    })
}

/// "The connection is healthy."
pub(crate) fn keepalive(message_id: &str) -> String {
    text(&Envelope {
        metadata: metadata(message_id, "session_keepalive", None),
        payload: Empty {},
    })
}

/// The event payload of a notification of `sub`.
pub(crate) fn event_payload(sub: &Stored, event: Value, batched: bool) -> EventPayload {
    let (event, events) = if batched {
        (None, Some(event))
    } else {
        (Some(event), None)
    };
    EventPayload {
        subscription: sub.message_view(),
        event,
        events,
    }
}

/// A notification of `sub` on the WebSocket.
pub(crate) fn notification(message_id: &str, sub: &Stored, payload: &EventPayload) -> String {
    text(&Envelope {
        metadata: metadata(message_id, "notification", Some(sub)),
        payload,
    })
}

/// The revocation of `sub` (carrying its new status) on the WebSocket.
pub(crate) fn revocation(message_id: &str, sub: &Stored) -> String {
    text(&Envelope {
        metadata: metadata(message_id, "revocation", Some(sub)),
        payload: RevocationPayload {
            subscription: sub.message_view(),
        },
    })
}

/// The body of a webhook notification.
pub(crate) fn webhook_notification(payload: &EventPayload) -> Vec<u8> {
    serde_json::to_vec(payload).unwrap_or_default()
}

/// The body of a webhook revocation.
pub(crate) fn webhook_revocation(sub: &Stored) -> Vec<u8> {
    serde_json::to_vec(&RevocationPayload {
        subscription: sub.message_view(),
    })
    .unwrap_or_default()
}

#[derive(Serialize)]
struct Challenge<'a> {
    challenge: &'a str,
    subscription: View,
}

/// The body of a webhook callback verification.
pub(crate) fn webhook_challenge(challenge: &str, sub: &Stored) -> Vec<u8> {
    serde_json::to_vec(&Challenge {
        challenge,
        subscription: sub.message_view(),
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_welcome_has_twitch_shape() {
        let text = welcome("m", "s", OffsetDateTime::UNIX_EPOCH, 30);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["metadata"]["message_type"], "session_welcome");
        assert!(value["metadata"].get("subscription_type").is_none());
        let session = &value["payload"]["session"];
        assert_eq!(session["status"], "connected");
        assert_eq!(session["keepalive_timeout_seconds"], 30);
        assert!(session["reconnect_url"].is_null());
        assert!(session["recovery_url"].is_null());
        let value: Value = serde_json::from_str(&keepalive("k")).unwrap();
        assert_eq!(value["payload"], serde_json::json!({}));
        let value: Value =
            serde_json::from_str(&reconnect("r", "s", OffsetDateTime::UNIX_EPOCH, "ws://x"))
                .unwrap();
        assert_eq!(value["payload"]["session"]["status"], "reconnecting");
        assert!(value["payload"]["session"]["keepalive_timeout_seconds"].is_null());
        assert_eq!(value["payload"]["session"]["reconnect_url"], "ws://x");
    }
}
