//! The EventSub methods of [`MockServer`]: triggers, fault switches and
//! what tests inspect.

use serde_json::Value;

use super::deliver::{self, reconnect_all};
use super::{status_for_close, Command, EventSubSigning, EventSubSubscription};
use crate::state::lock;
use crate::MockServer;

impl MockServer {
    /// EventSub WebSocket URL, `ws://127.0.0.1:PORT/eventsub/ws` (add
    /// `?keepalive_timeout_seconds=N` as on Twitch).
    ///
    /// The opening handshake is an HTTP request like the others: it is
    /// recorded, waits out [`set_delay`](Self::set_delay), and the faults of
    /// `"/eventsub/ws"` refuse the next connects.
    pub fn eventsub_ws_url(&self) -> String {
        format!("ws://{}/eventsub/ws", self.addr)
    }

    /// Fires an event of type `kind` in `version` with its documented payload
    /// (the subscription's condition user ids, and the logins and names of
    /// seeded users, put into the event's fields of the same names) to every
    /// enabled subscription of that type and version: on its WebSocket
    /// session, or POSTed (signed, retried) to its webhook callback. Each
    /// subscription's notification has a fresh message id. Returns how many
    /// subscriptions got it (webhooks: answered 2xx); 0 for an unknown type
    /// or version.
    pub async fn eventsub_trigger(&self, kind: &str, version: &str) -> usize {
        deliver::notify(&self.shared, kind, version, None)
            .await
            .unwrap_or(0)
    }

    /// As [`eventsub_trigger`](Self::eventsub_trigger), with `event` sent as
    /// given (for batched types such as `drop.entitlement.grant`, an object
    /// is sent as a list of one).
    pub async fn eventsub_trigger_event(&self, kind: &str, version: &str, event: Value) -> usize {
        deliver::notify(&self.shared, kind, version, Some(event))
            .await
            .unwrap_or(0)
    }

    /// Sends `session_reconnect` to every open session, with a reconnect URL
    /// `ws://127.0.0.1:PORT/eventsub/ws?reconnect=<token>` of its own. The
    /// session's socket stays open for the reconnect grace
    /// ([`crate::MockConfig::eventsub_reconnect_grace`]), then closes with
    /// 4004; a connection to the URL within it joins the session (same
    /// session id, same subscriptions), and until the old socket closes every
    /// message goes to both. Returns how many sessions were told.
    pub fn eventsub_reconnect(&self) -> usize {
        reconnect_all(&mut lock(&self.shared))
    }

    /// Closes every EventSub socket with close `code` (Twitch's are
    /// 4000..=4007, reasons as Twitch sends them); their subscriptions are
    /// disabled at once with the status the code stands for (4000
    /// `websocket_internal_error`, 4001 `websocket_received_inbound_traffic`,
    /// 4002 `websocket_failed_ping_pong`, 4003 `websocket_connection_unused`,
    /// 4004 and 4007 `websocket_failed_to_reconnect`, 4005
    /// `websocket_network_timeout`, 4006 `websocket_network_error`, others
    /// `websocket_disconnected`). Returns how many sockets there were.
    pub fn eventsub_close(&self, code: u16) -> usize {
        lock(&self.shared)
            .eventsub
            .end_all(|| Command::Close(code), status_for_close(Some(code)))
    }

    /// Ends every EventSub socket with no close frame (the TCP connection is
    /// reset); their subscriptions become `websocket_disconnected` at once.
    /// Returns how many sockets there were.
    pub fn eventsub_drop_sockets(&self) -> usize {
        lock(&self.shared)
            .eventsub
            .end_all(|| Command::Drop, status_for_close(None))
    }

    /// While `on`, no `session_keepalive` is sent (a client should notice
    /// the silence and reconnect).
    pub fn eventsub_stop_keepalives(&self, on: bool) {
        lock(&self.shared).eventsub.stop_keepalives = on;
    }

    /// The next notification to each subscription is sent twice with the
    /// same message id (on WebSockets, and to webhooks), as Twitch may.
    pub fn eventsub_duplicate_next(&self) {
        lock(&self.shared).eventsub.duplicate_next = true;
    }

    /// Revokes subscription `subscription_id` with `status`
    /// (`authorization_revoked`, `user_removed`, `version_removed`, ...): it
    /// is disabled (and stays listed with that status), and an enabled one
    /// is told with a `revocation` message (on its session, or POSTed to its
    /// callback). `false` for an unknown or already disabled subscription,
    /// or a status that does not disable.
    pub fn eventsub_revoke(&self, subscription_id: &str, status: &str) -> bool {
        deliver::revoke(&self.shared, subscription_id, status)
    }

    /// How the webhook messages from now on are signed (verifications,
    /// notifications, revocations), until changed again.
    pub fn eventsub_webhook_signing(&self, signing: EventSubSigning) {
        lock(&self.shared).eventsub.signing = signing;
    }

    /// Every EventSub subscription, oldest first, disabled ones included.
    pub fn eventsub_subscriptions(&self) -> Vec<EventSubSubscription> {
        lock(&self.shared)
            .eventsub
            .subscriptions
            .iter()
            .map(|s| s.public())
            .collect()
    }

    /// How many EventSub sockets are open (a session has two during a
    /// reconnect handoff).
    pub fn eventsub_sessions(&self) -> usize {
        lock(&self.shared).eventsub.sessions.sockets()
    }

    /// Get EventSub Subscriptions answers pages of `n` (default 100; 0 is
    /// taken as 1).
    pub fn set_eventsub_page_size(&self, n: usize) {
        lock(&self.shared).eventsub.page_size = n.max(1);
    }
}
