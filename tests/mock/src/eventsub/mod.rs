//! EventSub, as Twitch runs it: the Helix endpoints of
//! `/helix/eventsub/subscriptions` (create in [`create`], list and delete in
//! [`list`]), the WebSocket server at `/eventsub/ws` (the socket loop in
//! [`socket`], sessions in [`session`], the messages in [`messages`]), the
//! webhook sender in [`webhook`], notifications and revocations in
//! [`deliver`], the subscription types in [`catalog`] (made from the
//! reference vectors into `payloads.json`), the stored subscriptions in
//! [`subscription`], the [`crate::MockServer`] methods in [`api`] and their
//! HTTP mirror in [`admin`].

pub(crate) mod admin;
mod api;
mod catalog;
mod create;
mod deliver;
mod list;
mod messages;
mod session;
pub(crate) mod socket;
mod subscription;
mod webhook;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

pub(crate) use create::create;
pub(crate) use list::{delete, list};
pub(crate) use session::Command;
pub use subscription::EventSubSubscription;
pub(crate) use webhook::follow_up;

use session::Sessions;
use subscription::{Stored, Transport};

use crate::MockConfig;

/// Most enabled subscriptions a WebSocket session may hold (Twitch's limit).
pub(crate) const MAX_PER_SESSION: usize = 300;
/// Most sessions with enabled subscriptions one user may have per client.
pub(crate) const MAX_SESSIONS_PER_USER: usize = 3;
/// `max_total_cost` of a user's WebSocket subscriptions (per client).
pub(crate) const WEBSOCKET_MAX_TOTAL_COST: u64 = 10;
/// `max_total_cost` of a client's webhook subscriptions.
pub(crate) const WEBHOOK_MAX_TOTAL_COST: u64 = 10_000;
/// Subscriptions on one page of Get EventSub Subscriptions.
pub(crate) const PAGE_SIZE: usize = 100;

/// How the next webhook messages (verifications, notifications,
/// revocations) are signed, for testing how a receiver checks them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventSubSigning {
    /// `Twitch-Eventsub-Message-Signature: sha256=` and the lowercase hex
    /// HMAC-SHA256, under the subscription's secret, of the message id, the
    /// timestamp and the body.
    #[default]
    Valid,
    /// The same made with another secret.
    Wrong,
    /// No signature header.
    Missing,
    /// A valid signature over a `Twitch-Eventsub-Message-Timestamp` 11
    /// minutes in the past (Twitch's receivers refuse messages older than 10).
    Stale,
}

/// The knobs of [`MockConfig`] EventSub reads.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    pub subscribe_deadline: Duration,
    pub reconnect_grace: Duration,
    pub max_per_session: usize,
    pub keepalive_interval: Option<Duration>,
    pub ping_interval: Duration,
    pub webhook_retries: u32,
    pub webhook_retry_backoff: Duration,
    pub webhook_failure_limit: u32,
}

impl Settings {
    fn of(config: &MockConfig) -> Self {
        Settings {
            subscribe_deadline: config.eventsub_subscribe_deadline,
            reconnect_grace: config.eventsub_reconnect_grace,
            max_per_session: config.eventsub_max_per_session,
            keepalive_interval: config
                .eventsub_keepalive_interval
                .map(|d| d.max(Duration::from_millis(10))),
            ping_interval: config.eventsub_ping_interval.max(Duration::from_millis(10)),
            webhook_retries: config.eventsub_webhook_retries,
            webhook_retry_backoff: config.eventsub_webhook_retry_backoff,
            webhook_failure_limit: config.eventsub_webhook_failure_limit.max(1),
        }
    }
}

/// The status a WebSocket subscription gets when its session ends with
/// close `code` (`None`: the client closed or the connection broke).
pub(crate) fn status_for_close(code: Option<u16>) -> &'static str {
    match code {
        Some(4000) => "websocket_internal_error",
        Some(4001) => "websocket_received_inbound_traffic",
        Some(4002) => "websocket_failed_ping_pong",
        Some(4003) => "websocket_connection_unused",
        Some(4004 | 4007) => "websocket_failed_to_reconnect",
        Some(4005) => "websocket_network_timeout",
        Some(4006) => "websocket_network_error",
        _ => "websocket_disconnected",
    }
}

/// The reason Twitch gives with close `code`.
pub(crate) fn close_reason(code: u16) -> &'static str {
    match code {
        1000 => "client disconnected",
        1001 => "server shutting down",
        4000 => "internal server error",
        4001 => "sent inbound traffic",
        4002 => "failed ping pong",
        4003 => "connection unused",
        4004 => "client reconnect grace time expired",
        4005 => "network timeout",
        4006 => "network error",
        4007 => "invalid reconnect attempt",
        _ => "",
    }
}

/// EventSub's part of the mock's state: subscriptions, WebSocket sessions
/// and the fault switches.
#[derive(Debug)]
pub(crate) struct EventSubState {
    pub settings: Settings,
    /// Every subscription, oldest first; disabled ones stay until deleted.
    pub subscriptions: Vec<Stored>,
    pub sessions: Sessions,
    /// No keepalive messages while set.
    pub stop_keepalives: bool,
    /// The next notification to each target goes out twice.
    pub duplicate_next: bool,
    pub signing: EventSubSigning,
    pub page_size: usize,
    /// The runtime the server runs on, for work started by synchronous calls.
    pub runtime: Option<tokio::runtime::Handle>,
}

impl EventSubState {
    pub fn new(config: &MockConfig) -> Self {
        EventSubState {
            settings: Settings::of(config),
            subscriptions: Vec::new(),
            sessions: Sessions::default(),
            stop_keepalives: false,
            duplicate_next: false,
            signing: EventSubSigning::Valid,
            page_size: PAGE_SIZE,
            runtime: tokio::runtime::Handle::try_current().ok(),
        }
    }

    /// The subscription with this id.
    pub fn find_mut(&mut self, id: &str) -> Option<&mut Stored> {
        self.subscriptions.iter_mut().find(|s| s.id == id)
    }

    /// Session `session_id` is gone: its enabled subscriptions get `status`.
    pub fn session_ended(&mut self, session_id: &str, status: &str, now: OffsetDateTime) {
        self.sessions.remove(session_id);
        for sub in &mut self.subscriptions {
            if let Transport::WebSocket {
                session_id: id,
                disconnected_at,
                ..
            } = &mut sub.transport
            {
                if id == session_id && sub.status == subscription::ENABLED {
                    sub.status = status.to_owned();
                    *disconnected_at = Some(now);
                }
            }
        }
    }

    /// A socket of `session_id` ended; when it was the session's last one the
    /// session ends and its subscriptions get `status`.
    pub fn socket_ended(&mut self, session_id: &str, socket: u64, status: &str) {
        if self.sessions.leave(session_id, socket) {
            self.session_ended(session_id, status, OffsetDateTime::now_utc());
        }
    }

    /// Ends every session at once with `command` to each of its sockets;
    /// their subscriptions get `status`. Returns how many sockets there were.
    pub fn end_all(&mut self, command: impl Fn() -> Command, status: &str) -> usize {
        let now = OffsetDateTime::now_utc();
        let mut sockets = 0;
        for id in self.sessions.ids() {
            sockets += self.sessions.command(&id, &command);
            self.session_ended(&id, status, now);
        }
        sockets
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_codes_have_twitch_reasons_and_statuses() {
        for code in 4000..=4007 {
            assert!(!close_reason(code).is_empty(), "{code}");
            assert!(status_for_close(Some(code)).starts_with("websocket_"));
        }
        assert_eq!(close_reason(4003), "connection unused");
        assert_eq!(status_for_close(None), "websocket_disconnected");
        assert_eq!(close_reason(4999), "");
    }
}
