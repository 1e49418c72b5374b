//! What the EventSub clients hand out.

use twitchapi_core::eventsub::RawEvent;
use twitchapi_core::Error;

/// One notification: the subscription it belongs to, and its event (typed
/// for the `listen_<type>` methods, [`RawEvent`] otherwise).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Notification<E> {
    /// Twitch's subscription id.
    pub subscription_id: String,
    /// The message id (each is handed out once).
    pub message_id: String,
    /// The subscription type, e.g. `channel.follow`.
    pub kind: String,
    /// Its version, e.g. `2`.
    pub version: String,
    /// The payload's `event` object.
    pub event: E,
}

impl Notification<RawEvent> {
    /// The same notification with another event (the typed one).
    pub(crate) fn with_event<E>(&self, event: E) -> Notification<E> {
        Notification {
            subscription_id: self.subscription_id.clone(),
            message_id: self.message_id.clone(),
            kind: self.kind.clone(),
            version: self.version.clone(),
            event,
        }
    }
}

/// Everything that happens in an EventSub client, in order.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventSubMessage {
    /// A WebSocket session started.
    Welcome {
        /// Its id.
        session_id: String,
    },
    /// A subscription is in place (created, and for webhooks verified).
    Subscribed {
        /// Twitch's subscription id.
        subscription_id: String,
        /// The type.
        kind: String,
        /// The version.
        version: String,
    },
    /// Twitch refused a subscription.
    SubscribeFailed {
        /// The type.
        kind: String,
        /// The version.
        version: String,
        /// Why.
        error: Error,
    },
    /// A notification, once per message id.
    Notification(Notification<RawEvent>),
    /// A WebSocket session is being replaced.
    Reconnecting {
        /// Why.
        reason: String,
    },
    /// A replacement WebSocket session is up, its subscriptions in place.
    Reconnected {
        /// The new session's id.
        session_id: String,
    },
    /// Twitch ended a subscription (`authorization_revoked`,
    /// `user_removed`, `version_removed`, `notification_failures_exceeded`, ...).
    Revoked {
        /// Twitch's subscription id.
        subscription_id: String,
        /// The status Twitch gave.
        status: String,
    },
    /// The webhook refused a request (bad signature, too old, not EventSub).
    Rejected {
        /// The status answered.
        status: u16,
        /// Why.
        reason: String,
    },
    /// Bad input from Twitch; the client goes on.
    Error(Error),
}
