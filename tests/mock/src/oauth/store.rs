//! What id.twitch.tv keeps between requests: authorization codes, device
//! codes, and the switches tests set.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long an authorization code may be exchanged.
pub(crate) const CODE_LIFETIME: Duration = Duration::from_secs(600);

/// Seconds a device should wait between two polls (Twitch's `interval`).
pub(crate) const DEVICE_INTERVAL: Duration = Duration::from_secs(5);

/// An authorization code from `/oauth2/authorize`, usable once.
#[derive(Clone, Debug)]
pub(crate) struct AuthCode {
    pub client_id: String,
    pub user_id: String,
    pub scopes: Vec<String>,
    pub redirect_uri: String,
    pub expires_at: Instant,
}

/// Where the user stands with a device code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Consent {
    /// Not decided yet.
    Pending,
    /// The user (this id) approved it.
    Approved(String),
    /// The user refused.
    Denied,
}

/// A device code from `/oauth2/device`, redeemed once.
#[derive(Clone, Debug)]
pub(crate) struct DeviceCode {
    pub client_id: String,
    pub user_code: String,
    pub scopes: Vec<String>,
    pub expires_at: Instant,
    pub consent: Consent,
    /// Polls answered `authorization_pending` so far.
    pub pending_answers: u32,
    pub last_poll: Option<Instant>,
}

/// The device-flow switches.
#[derive(Clone, Debug)]
pub(crate) struct DeviceKnobs {
    /// Polls answered `authorization_pending` before a code is approved as twitchdev.
    pub pending_polls: u32,
    /// The next poll answers `slow_down`.
    pub slow_down_next: bool,
    /// Lifetime of the device codes issued from now on.
    pub expires_in: Duration,
    /// A poll sooner than `interval` after the previous one answers `slow_down`.
    pub enforce_interval: bool,
    /// The `interval` handed out with new codes (default [`DEVICE_INTERVAL`]).
    pub interval: Duration,
}

impl Default for DeviceKnobs {
    fn default() -> Self {
        DeviceKnobs {
            pending_polls: 2,
            slow_down_next: false,
            expires_in: Duration::from_secs(1800),
            enforce_interval: false,
            interval: DEVICE_INTERVAL,
        }
    }
}

/// The OAuth part of the mock's state.
#[derive(Debug, Default)]
pub(crate) struct OAuthStore {
    pub codes: HashMap<String, AuthCode>,
    /// Device codes by `device_code`.
    pub devices: HashMap<String, DeviceCode>,
    pub device_knobs: DeviceKnobs,
    /// The next `/oauth2/authorize` that reaches consent is refused.
    pub deny_next: bool,
}

impl OAuthStore {
    /// Forgets the codes that expired by `now`.
    pub fn purge(&mut self, now: Instant) {
        self.codes.retain(|_, c| now < c.expires_at);
        self.devices.retain(|_, d| now < d.expires_at);
    }

    /// The device code whose user code is `user_code`.
    pub fn device_by_user_code(&mut self, user_code: &str) -> Option<&mut DeviceCode> {
        self.devices.values_mut().find(|d| d.user_code == user_code)
    }

    /// Refuses every device code still pending; returns how many.
    pub fn deny_pending_devices(&mut self) -> usize {
        let mut count = 0;
        for device in self.devices.values_mut() {
            if device.consent == Consent::Pending {
                device.consent = Consent::Denied;
                count += 1;
            }
        }
        count
    }
}
