//! What an [`super::EventSubWs`] is configured with and hands out.

use uuid::Uuid;

use crate::eventsub::RawEvent;
use crate::helix::Auth;
use crate::machine::TransmitId;
use crate::{Duration, Error};

/// Twitch's EventSub WebSocket URL.
pub const EVENTSUB_WS_URL: &str = "wss://eventsub.wss.twitch.tv/ws";

/// Settings of an [`super::EventSubWs`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct WsConfig {
    /// The server (default [`EVENTSUB_WS_URL`]).
    pub url: String,
    /// `keepalive_timeout_seconds` asked for (10..=600, default 10).
    pub keepalive_seconds: u64,
    /// Added to Twitch's keepalive timeout before a silent session counts as
    /// dead (default 3 s).
    pub keepalive_slack: Duration,
    /// How long a new socket may take to send its welcome (default 10 s).
    pub welcome_timeout: Duration,
    /// The first reconnect wait (default 1 s, doubling with jitter up to 120 s).
    pub reconnect_backoff: Duration,
    /// Enabled subscriptions per connection (Twitch: 300).
    pub per_connection: usize,
    /// Connections per user and client id (Twitch: 3).
    pub max_connections: usize,
    /// Seed of the jitter and id generator.
    pub seed: u64,
}

impl Default for WsConfig {
    fn default() -> Self {
        WsConfig {
            url: EVENTSUB_WS_URL.into(),
            keepalive_seconds: 10,
            keepalive_slack: Duration::from_secs(3),
            welcome_timeout: Duration::from_secs(10),
            reconnect_backoff: Duration::from_secs(1),
            per_connection: 300,
            max_connections: 3,
            seed: 0x6576_656e_7473,
        }
    }
}

/// Identifies one websocket (a reconnect handoff has two at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SocketId(pub(crate) u64);

impl SocketId {
    /// The number behind the id (for logs).
    pub fn get(self) -> u64 {
        self.0
    }
}

/// What an [`super::EventSubWs`] wants done.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Transmit {
    /// Open a websocket to `url`; report with `handle_connected` / `handle_closed`.
    Connect {
        /// The socket.
        socket: SocketId,
        /// Where to.
        url: String,
    },
    /// Close this websocket (no more input from it is wanted).
    Close {
        /// The socket.
        socket: SocketId,
    },
    /// A Helix request (create or delete a subscription) to send through the
    /// Helix session with the token `auth` asks for; feed the answer to
    /// `handle_response`.
    Helix {
        /// Which transmit this is.
        id: TransmitId,
        /// The token it needs.
        auth: Auth,
        /// The request, without `Authorization`.
        request: Box<http::Request<Vec<u8>>>,
    },
}

/// What the application sees of an [`super::EventSubWs`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// A session started.
    Welcome {
        /// Its id.
        session_id: String,
    },
    /// A subscription was created for a session.
    Subscribed {
        /// The handle [`super::EventSubWs::listen`] returned.
        uuid: Uuid,
        /// Twitch's subscription id.
        subscription_id: String,
        /// The type.
        kind: String,
        /// The version.
        version: String,
    },
    /// Twitch refused to create a subscription; it is dropped.
    SubscribeFailed {
        /// The handle.
        uuid: Uuid,
        /// The type.
        kind: String,
        /// The version.
        version: String,
        /// Why.
        error: Error,
    },
    /// A notification, once per message id.
    Notification {
        /// The handle, when the subscription is one of ours.
        uuid: Option<Uuid>,
        /// Twitch's subscription id.
        subscription_id: String,
        /// The message id.
        message_id: String,
        /// The type.
        kind: String,
        /// The version.
        version: String,
        /// The payload's `event` object, as sent ([`RawEvent::parse`] reads
        /// it into its typed model).
        event: RawEvent,
    },
    /// A session is being replaced: Twitch asked (`session_reconnect`), or it
    /// closed, went silent, or could not be opened.
    Reconnecting {
        /// Why.
        reason: String,
    },
    /// A replacement session is up; its subscriptions are in place.
    Reconnected {
        /// The new session's id.
        session_id: String,
    },
    /// Twitch ended a subscription (`authorization_revoked`, `user_removed`,
    /// `version_removed`, ...); it is not created again.
    Revoked {
        /// The handle, when it was ours.
        uuid: Option<Uuid>,
        /// Twitch's subscription id.
        subscription_id: String,
        /// The status Twitch gave.
        status: String,
    },
    /// Bad input from Twitch (a frame that is not EventSub); the session goes on.
    Error(Error),
}

/// The longest reconnect wait.
pub(crate) const MAX_BACKOFF: Duration = Duration::from_secs(120);
