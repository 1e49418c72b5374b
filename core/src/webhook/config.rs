//! The settings of a [`super::WebHook`] and the lease rules.

use crate::Duration;

/// The lease range the hub accepts and the seed checked at `start()`.
pub const LEASE_RANGE: std::ops::RangeInclusive<u32> = 300..=864_000;

/// A renewal goes out this long before the lease ends (the seed's "one minute").
pub const RENEW_MARGIN: Duration = Duration::from_secs(60);

/// After a failed renewal, the next try waits this long (while the lease lasts).
pub const RENEW_RETRY: Duration = Duration::from_secs(15);

/// Settings of a [`super::WebHook`] (the seed's `TwitchWebHook` variables).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WebHookConfig {
    /// The public URL of the callback server, with an optional path prefix:
    /// each topic's path and `?uuid=` are appended to it.
    pub callback_url: String,
    /// The lease asked for, in seconds (the seed's `subscribe_least_seconds`,
    /// default 600, 300..=864000, checked by [`super::WebHook::start`]).
    pub lease_seconds: u32,
    /// Renew every subscription one minute before its lease ends (default true).
    pub auto_renew: bool,
    /// How long a subscribe or unsubscribe may wait for the hub's verification
    /// request before it fails with [`Error::ListenTimeout`] (default 30 s).
    pub confirm_timeout: Duration,
    /// Notification bodies larger than this are answered 413 (default 1 MiB).
    pub max_body_bytes: usize,
    /// How many notification ids are remembered to drop repeats (default 65,536).
    pub dedupe_capacity: usize,
}

impl WebHookConfig {
    /// The defaults with this callback URL.
    pub fn new(callback_url: impl Into<String>) -> WebHookConfig {
        WebHookConfig {
            callback_url: callback_url.into(),
            lease_seconds: 600,
            auto_renew: true,
            confirm_timeout: Duration::from_secs(30),
            max_body_bytes: 1 << 20,
            dedupe_capacity: 65_536,
        }
    }
}
