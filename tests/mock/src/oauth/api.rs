//! The OAuth switches of [`MockServer`]: refusals on `/oauth2/authorize` and
//! the device flow's knobs.

use std::time::Duration;

use crate::state::lock;
use crate::MockServer;

impl MockServer {
    /// `true`: the next `/oauth2/authorize` that passes its checks is refused
    /// by the user: it redirects to `redirect_uri` with
    /// `error=access_denied&error_description=The+user+denied+you+access&state=..`
    /// (in the fragment for `response_type=token`). `false` cancels it.
    pub fn oauth_deny_next(&self, on: bool) {
        lock(&self.shared).oauth.deny_next = on;
    }

    /// The first `n` polls of each device code answer 400
    /// `authorization_pending`; the next one gets the token, approved as
    /// twitchdev (default 2). Read at every poll, so it also changes the
    /// codes handed out already.
    pub fn oauth_device_pending_polls(&self, n: u32) {
        lock(&self.shared).oauth.device_knobs.pending_polls = n;
    }

    /// The next device poll (of any device code) answers 400 `slow_down`.
    pub fn oauth_device_slow_down_next(&self) {
        lock(&self.shared).oauth.device_knobs.slow_down_next = true;
    }

    /// Lifetime of the device codes handed out from now on (default 1800 s;
    /// `expires_in` reports whole seconds). Polls of an expired code answer
    /// 400 `invalid device code`.
    pub fn oauth_device_expires_in(&self, lifetime: Duration) {
        lock(&self.shared).oauth.device_knobs.expires_in = lifetime;
    }

    /// The `interval` (whole seconds, at least 1) handed out with device codes
    /// from now on (default 5 s, as Twitch); tests shorten it.
    pub fn oauth_device_interval(&self, interval: Duration) {
        lock(&self.shared).oauth.device_knobs.interval = interval.max(Duration::from_secs(1));
    }

    /// The user refuses every device code still pending: their polls answer
    /// 400 `access_denied` until they expire. Returns how many were refused.
    pub fn oauth_device_deny(&self) -> usize {
        lock(&self.shared).oauth.deny_pending_devices()
    }

    /// `true`: a device poll sooner than `interval` (5 s) after the previous
    /// poll of the same code answers 400 `slow_down`. Off by default, so
    /// tests on real time can poll quickly.
    pub fn oauth_device_enforce_interval(&self, on: bool) {
        lock(&self.shared).oauth.device_knobs.enforce_interval = on;
    }
}
