//! A stored EventSub subscription and the shapes Twitch shows it in: the
//! Helix answers (transport with `connected_at`, `disconnected_at`) and the
//! messages (transport with `session_id` or `callback` only).

use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use crate::model::rfc3339;

/// Receives notifications.
pub(crate) const ENABLED: &str = "enabled";
/// A webhook subscription whose callback has not answered the challenge yet.
pub(crate) const PENDING: &str = "webhook_callback_verification_pending";
/// A webhook subscription whose callback did not answer the challenge.
pub(crate) const FAILED: &str = "webhook_callback_verification_failed";

/// Every status Get EventSub Subscriptions filters by.
pub(crate) const STATUSES: [&str; 18] = [
    ENABLED,
    PENDING,
    FAILED,
    "notification_failures_exceeded",
    "authorization_revoked",
    "moderator_removed",
    "user_removed",
    "chat_user_banned",
    "version_removed",
    "beta_maintenance",
    "websocket_disconnected",
    "websocket_failed_ping_pong",
    "websocket_received_inbound_traffic",
    "websocket_connection_unused",
    "websocket_internal_error",
    "websocket_network_timeout",
    "websocket_network_error",
    "websocket_failed_to_reconnect",
];

/// Where a subscription's messages go.
#[derive(Clone, Debug)]
pub(crate) enum Transport {
    Webhook {
        callback: String,
        secret: String,
    },
    WebSocket {
        session_id: String,
        /// When the session connected.
        connected_at: OffsetDateTime,
        /// When the session ended (the subscription is disabled then).
        disconnected_at: Option<OffsetDateTime>,
    },
}

/// A subscription as the mock keeps it.
#[derive(Clone, Debug)]
pub(crate) struct Stored {
    pub id: String,
    pub kind: String,
    pub version: String,
    pub status: String,
    pub condition: Value,
    pub created_at: OffsetDateTime,
    /// The client whose token created it.
    pub client_id: String,
    /// The user whose token created it (WebSocket subscriptions).
    pub user_id: Option<String>,
    pub transport: Transport,
    pub cost: u64,
    /// Webhook deliveries failed in a row.
    pub failures: u32,
}

/// `transport` as Twitch shows it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct TransportView {
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    callback: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    connected_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disconnected_at: Option<String>,
}

/// A subscription as Twitch shows it, fields in Twitch's order.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct View {
    id: String,
    status: String,
    #[serde(rename = "type")]
    kind: String,
    version: String,
    condition: Value,
    created_at: String,
    transport: TransportView,
    cost: u64,
}

impl Stored {
    /// Enabled or waiting for verification: it counts against limits and duplicates.
    pub fn is_live(&self) -> bool {
        self.status == ENABLED || self.status == PENDING
    }

    pub fn is_enabled(&self) -> bool {
        self.status == ENABLED
    }

    /// The session of a WebSocket subscription.
    pub fn session_id(&self) -> Option<&str> {
        match &self.transport {
            Transport::WebSocket { session_id, .. } => Some(session_id),
            Transport::Webhook { .. } => None,
        }
    }

    pub fn is_websocket(&self) -> bool {
        self.session_id().is_some()
    }

    /// Whether the holder of a token of `client_id` and `user_id` (`None`: an
    /// app token) sees this subscription: app tokens see the client's
    /// webhook subscriptions, user tokens the user's WebSocket ones.
    pub fn owned_by(&self, client_id: &str, user_id: Option<&str>) -> bool {
        self.client_id == client_id
            && match user_id {
                None => !self.is_websocket(),
                Some(user) => self.is_websocket() && self.user_id.as_deref() == Some(user),
            }
    }

    fn transport_view(&self, full: bool) -> TransportView {
        match &self.transport {
            Transport::Webhook { callback, .. } => TransportView {
                method: "webhook",
                callback: Some(callback.clone()),
                session_id: None,
                connected_at: None,
                disconnected_at: None,
            },
            Transport::WebSocket {
                session_id,
                connected_at,
                disconnected_at,
            } => TransportView {
                method: "websocket",
                callback: None,
                session_id: Some(session_id.clone()),
                connected_at: full.then(|| rfc3339(*connected_at)),
                disconnected_at: disconnected_at.filter(|_| full).map(rfc3339),
            },
        }
    }

    fn view_with(&self, full: bool) -> View {
        View {
            id: self.id.clone(),
            status: self.status.clone(),
            kind: self.kind.clone(),
            version: self.version.clone(),
            condition: self.condition.clone(),
            created_at: rfc3339(self.created_at),
            transport: self.transport_view(full),
            cost: self.cost,
        }
    }

    /// As Helix answers show it.
    pub fn view(&self) -> View {
        self.view_with(true)
    }

    /// As notification, revocation and verification messages carry it.
    pub fn message_view(&self) -> View {
        self.view_with(false)
    }

    /// As [`crate::MockServer::eventsub_subscriptions`] shows it.
    pub fn public(&self) -> EventSubSubscription {
        let (method, session_id, callback) = match &self.transport {
            Transport::Webhook { callback, .. } => ("webhook", None, Some(callback.clone())),
            Transport::WebSocket { session_id, .. } => {
                ("websocket", Some(session_id.clone()), None)
            }
        };
        EventSubSubscription {
            id: self.id.clone(),
            kind: self.kind.clone(),
            version: self.version.clone(),
            status: self.status.clone(),
            condition: self.condition.clone(),
            method: method.to_owned(),
            session_id,
            callback,
            cost: self.cost,
        }
    }
}

/// An EventSub subscription of the mock, as
/// [`crate::MockServer::eventsub_subscriptions`] shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventSubSubscription {
    /// The subscription id (UUID-shaped).
    pub id: String,
    /// The subscription type (`channel.follow`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The type's version (`2`).
    pub version: String,
    /// `enabled`, `webhook_callback_verification_pending`, or why it is
    /// disabled (`websocket_disconnected`, `authorization_revoked`, ...).
    pub status: String,
    /// The condition as created.
    pub condition: Value,
    /// The transport method: `websocket` or `webhook`.
    pub method: String,
    /// The WebSocket session (WebSocket subscriptions).
    pub session_id: Option<String>,
    /// The callback URL (webhook subscriptions).
    pub callback: Option<String>,
    /// What it counts against `max_total_cost`: 0 or 1.
    pub cost: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(transport: Transport) -> Stored {
        Stored {
            id: "id".to_owned(),
            kind: "stream.online".to_owned(),
            version: "1".to_owned(),
            status: ENABLED.to_owned(),
            condition: serde_json::json!({"broadcaster_user_id": "1"}),
            created_at: OffsetDateTime::UNIX_EPOCH,
            client_id: "c".to_owned(),
            user_id: Some("1".to_owned()),
            transport,
            cost: 0,
            failures: 0,
        }
    }

    #[test]
    fn views_follow_twitch() {
        let ws = stored(Transport::WebSocket {
            session_id: "s".to_owned(),
            connected_at: OffsetDateTime::UNIX_EPOCH,
            disconnected_at: None,
        });
        let full = serde_json::to_value(ws.view()).unwrap();
        assert_eq!(full["transport"]["method"], "websocket");
        assert_eq!(full["transport"]["connected_at"], "1970-01-01T00:00:00Z");
        assert!(full["transport"].get("disconnected_at").is_none());
        let short = serde_json::to_value(ws.message_view()).unwrap();
        assert!(short["transport"].get("connected_at").is_none());
        assert_eq!(short["type"], "stream.online");
        assert!(ws.owned_by("c", Some("1")));
        assert!(!ws.owned_by("c", None));
        let hook = stored(Transport::Webhook {
            callback: "http://127.0.0.1/cb".to_owned(),
            secret: "0123456789".to_owned(),
        });
        let view = serde_json::to_value(hook.view()).unwrap();
        assert_eq!(view["transport"]["callback"], "http://127.0.0.1/cb");
        assert!(view["transport"].get("secret").is_none());
        assert!(hook.owned_by("c", None));
        assert_eq!(STATUSES.iter().filter(|s| **s == ENABLED).count(), 1);
    }
}
