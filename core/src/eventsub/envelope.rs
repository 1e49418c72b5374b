//! The `subscription` object every EventSub message carries.

use serde::{Deserialize, Serialize};

use super::types::{EventSubCondition, EventSubEvent};
use super::RawEvent;
use crate::Error;

/// A subscription as Twitch describes it in messages and in Get EventSub
/// Subscriptions. Unknown fields are ignored; `condition` stays raw JSON
/// until the typed conditions of each type read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subscription {
    /// The subscription id.
    pub id: String,
    /// `enabled`, `webhook_callback_verification_pending`, `authorization_revoked`, ...
    pub status: String,
    /// The subscription type, e.g. `channel.follow`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The type's version, e.g. `"2"`.
    pub version: String,
    /// What the subscription is about (the ids of its condition).
    #[serde(default)]
    pub condition: serde_json::Value,
    /// How events reach the subscriber.
    #[serde(default)]
    pub transport: Option<Transport>,
    /// When it was created (RFC 3339, kept as sent).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Its cost against the budget.
    #[serde(default)]
    pub cost: Option<u64>,
}

impl Subscription {
    /// Reads an `event` of this subscription with the model of its type and
    /// version, straight from its text ([`RawEvent::parse`]).
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] when the event does not fit the model of a known type.
    pub fn parse_event(&self, event: &RawEvent) -> Result<EventSubEvent, Error> {
        event.parse(&self.kind, &self.version)
    }

    /// Reads [`Subscription::condition`] with the model of its type and version
    /// ([`super::types::parse_condition`]).
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] when the condition does not fit the model of a known type.
    pub fn parse_condition(&self) -> Result<EventSubCondition, Error> {
        super::types::parse_condition(&self.kind, &self.version, self.condition.clone())
    }
}

/// The transport of a subscription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transport {
    /// `webhook` or `websocket`.
    pub method: String,
    /// The webhook's callback URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<String>,
    /// The WebSocket session id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<String>,
}
