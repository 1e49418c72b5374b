//! The webhook hub methods of [`MockServer`]: notifications, fault switches
//! and what tests inspect.

use std::time::Instant;

use super::{notify, HubSubscription, Signing};
use crate::state::lock;
use crate::MockServer;

impl MockServer {
    /// Notifies every live hub subscription of `topic` (query order does not
    /// matter): POSTs `{"data": data}` (compact JSON) to its callback with
    /// `Content-Type: application/json`, `Twitch-Notification-Id`
    /// (`notification_id`, else a fresh UUID), `Twitch-Notification-Timestamp`
    /// (RFC 3339, now), `Link: <https://api.twitch.tv/helix/webhooks/hub>;
    /// rel="hub", <TOPIC>; rel="self"` (the topic as subscribed) and
    /// `X-Hub-Signature` made as `signing` says. Without a secret, signings
    /// other than [`Signing::Valid`] and [`Signing::Missing`] sign with an
    /// empty key. Returns the status each callback answered, in the order the
    /// subscriptions were made; 0 where the request failed (within 10 s).
    pub async fn webhook_notify(
        &self,
        topic: &str,
        data: Vec<serde_json::Value>,
        signing: Signing,
        notification_id: Option<String>,
    ) -> Vec<u16> {
        notify::notify(&self.shared, topic, data, signing, notification_id).await
    }

    /// The hub's live (verified, unexpired) subscriptions, oldest first.
    pub fn webhook_subscriptions(&self) -> Vec<HubSubscription> {
        lock(&self.shared).webhook.views(Instant::now())
    }

    /// `Some(reason)`: the next subscribe request is answered 202 as usual,
    /// then denied: the callback gets a GET with `hub.mode=denied`,
    /// `hub.topic` and `hub.reason`, and nothing is stored. `None` cancels a
    /// pending denial.
    pub fn webhook_deny_next(&self, reason: Option<&str>) {
        lock(&self.shared).webhook.deny_next = reason.map(str::to_owned);
    }

    /// `Some(n)`: every intent verified from now on is granted a lease of `n`
    /// seconds (sent as `hub.lease_seconds`, and kept), whatever it asked
    /// for; `None` grants the lease requested again.
    pub fn webhook_grant_lease_seconds(&self, lease_seconds: Option<u32>) {
        lock(&self.shared).webhook.grant_lease_seconds = lease_seconds;
    }

    /// `true`: the hub verifies an intent before answering its request, so
    /// the 202 comes only after the verification GET finished; `false` (the
    /// default): it answers 202 first and verifies once the answer is written.
    pub fn webhook_verify_before_accept(&self, on: bool) {
        lock(&self.shared).webhook.verify_before_accept = on;
    }
}
