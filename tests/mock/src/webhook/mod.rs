//! The WebSub hub of Twitch's (retired) webhooks, as Twitch ran it in 2020:
//! `POST /helix/webhooks/hub` checked in [`hub`] against the topic forms of
//! [`topic`], the intent verified with a GET to the callback in [`verify`],
//! notifications signed and posted in [`notify`], the live subscriptions kept
//! here, the [`crate::MockServer`] methods in [`api`] and their HTTP mirror in
//! [`admin`].

pub(crate) mod admin;
mod api;
pub(crate) mod hub;
mod notify;
mod topic;
mod verify;

pub(crate) use notify::sha256_signature;

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The hub's own URL, named in the `Link` header of every notification.
pub(crate) const HUB_URL: &str = "https://api.twitch.tv/helix/webhooks/hub";

/// How a notification's `X-Hub-Signature` header is made, for testing how a
/// subscriber checks it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    /// `sha256=` and the lowercase hex HMAC-SHA256 of the body with the
    /// subscription's secret; no header when the subscription has no secret.
    #[default]
    Valid,
    /// No header.
    Missing,
    /// `sha256=` and the HMAC-SHA256 of the body with another secret.
    WrongSecret,
    /// `sha256=not-hex`.
    Malformed,
    /// `sha1=` and the lowercase hex HMAC-SHA1 of the body with the secret.
    Sha1,
    /// A valid signature of the body, but one byte of the body sent differs.
    Tampered,
}

/// A live subscription of the hub, as [`crate::MockServer::webhook_subscriptions`] shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HubSubscription {
    /// Where notifications go (`hub.callback` as subscribed).
    pub callback: String,
    /// The topic URL as subscribed.
    pub topic: String,
    /// The lease granted, in seconds.
    pub lease_seconds: u32,
    /// When the lease ends (verification time plus the lease).
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// Whether the subscription has a `hub.secret` (notifications are signed).
    pub has_secret: bool,
}

/// A verified subscription.
#[derive(Clone, Debug)]
pub(crate) struct Stored {
    pub callback: String,
    pub topic: String,
    /// The topic in canonical form: subscriptions are told apart by callback and key.
    pub key: String,
    pub secret: Option<String>,
    pub lease_seconds: u32,
    /// When the lease ends, by the monotonic clock (decides liveness).
    pub expires: Instant,
    /// The same moment by the wall clock (shown).
    pub expires_at: OffsetDateTime,
}

impl Stored {
    fn view(&self) -> HubSubscription {
        HubSubscription {
            callback: self.callback.clone(),
            topic: self.topic.clone(),
            lease_seconds: self.lease_seconds,
            expires_at: self.expires_at,
            has_secret: self.secret.is_some(),
        }
    }
}

/// The hub's part of the mock's state: subscriptions and fault switches.
#[derive(Debug, Default)]
pub(crate) struct HubState {
    /// Verified subscriptions, oldest first; expired ones are dropped lazily.
    subscriptions: Vec<Stored>,
    /// The next subscribe is denied with this reason.
    pub deny_next: Option<String>,
    /// Grant this lease instead of the one requested.
    pub grant_lease_seconds: Option<u32>,
    /// Verify before answering 202 (instead of after).
    pub verify_before_accept: bool,
    /// The client verifications and notifications are sent with.
    client: Option<reqwest::Client>,
}

/// Longest a verification or notification request may take.
pub(crate) const CALLBACK_TIMEOUT: Duration = Duration::from_secs(10);

impl HubState {
    /// Adds a subscription, or renews the one with the same callback and topic.
    pub fn upsert(&mut self, stored: Stored) {
        match self
            .subscriptions
            .iter_mut()
            .find(|s| s.callback == stored.callback && s.key == stored.key)
        {
            Some(existing) => *existing = stored,
            None => self.subscriptions.push(stored),
        }
    }

    /// Removes the subscription of `callback` to the topic with canonical `key`.
    pub fn remove(&mut self, callback: &str, key: &str) {
        self.subscriptions
            .retain(|s| !(s.callback == callback && s.key == key));
    }

    /// The live subscriptions, after dropping those whose lease ended by `now`.
    pub fn live(&mut self, now: Instant) -> &[Stored] {
        self.subscriptions.retain(|s| s.expires > now);
        &self.subscriptions
    }

    /// The live subscriptions as shown to tests.
    pub fn views(&mut self, now: Instant) -> Vec<HubSubscription> {
        self.live(now).iter().map(Stored::view).collect()
    }

    /// The HTTP client for callbacks (built once; `None` if it cannot be built).
    pub fn client(&mut self) -> Option<reqwest::Client> {
        if self.client.is_none() {
            match reqwest::Client::builder()
                .timeout(CALLBACK_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .build()
            {
                Ok(client) => self.client = Some(client),
                Err(error) => {
                    tracing::warn!(%error, "twitchapi-mock: cannot build the webhook client");
                }
            }
        }
        self.client.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(callback: &str, key: &str, lease: u64, now: Instant) -> Stored {
        Stored {
            callback: callback.to_owned(),
            topic: key.to_owned(),
            key: key.to_owned(),
            secret: None,
            lease_seconds: lease as u32,
            expires: now + Duration::from_secs(lease),
            expires_at: OffsetDateTime::now_utc(),
        }
    }

    #[test]
    fn subscriptions_are_keyed_by_callback_and_topic() {
        let now = Instant::now();
        let mut hub = HubState::default();
        hub.upsert(stored("http://a/", "t1", 10, now));
        hub.upsert(stored("http://a/", "t2", 10, now));
        hub.upsert(stored("http://b/", "t1", 10, now));
        hub.upsert(stored("http://a/", "t1", 20, now));
        let live = hub.live(now);
        assert_eq!(live.len(), 3);
        assert_eq!(live[0].lease_seconds, 20, "renewed in place");
        hub.remove("http://a/", "t1");
        assert_eq!(hub.live(now).len(), 2);
        assert_eq!(hub.live(now + Duration::from_secs(10)).len(), 0);
    }
}
