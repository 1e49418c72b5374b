//! The mock's mutable state: tokens, recorded requests, faults, rate limits, data.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::eventsub::EventSubState;
use crate::model::Data;
use crate::oauth::OAuthStore;
use crate::pubsub::PubSubState;
use crate::ratelimit::RateLimiter;
use crate::webhook::HubState;
use crate::{IssuedToken, MockConfig, RecordedRequest};

/// State shared by the server tasks and the [`crate::MockServer`] handle.
pub(crate) type Shared = Arc<Mutex<State>>;

/// Locks the state; a poisoned lock is recovered (the state stays usable).
pub(crate) fn lock(shared: &Shared) -> MutexGuard<'_, State> {
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub(crate) fn new_shared(config: &MockConfig) -> Shared {
    Arc::new(Mutex::new(State::new(config)))
}

/// An access token known to the mock.
#[derive(Clone, Debug)]
pub(crate) struct AccessToken {
    pub client_id: String,
    /// `None` for app tokens.
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
    pub expires_at: Instant,
    pub revoked: bool,
    /// An extension's Helix token for a viewer: good only as
    /// `Authorization: Extension <token>` on Helix.
    pub extension: bool,
}

impl AccessToken {
    pub fn is_valid(&self, now: Instant) -> bool {
        !self.revoked && now < self.expires_at
    }

    pub fn expires_in(&self, now: Instant) -> u64 {
        self.expires_at.saturating_duration_since(now).as_secs()
    }
}

/// A refresh token; `access_token` is the access token issued together with it.
#[derive(Clone, Debug)]
pub(crate) struct RefreshToken {
    pub client_id: String,
    pub user_id: String,
    pub scopes: Vec<String>,
    pub access_token: String,
    pub revoked: bool,
}

/// What an injected fault does to a request that passed authentication.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    /// Answer this status with Twitch's JSON error body.
    Status(u16),
    /// Send the real answer's headers and part of its body, then close.
    Drop,
    /// Close the connection without answering.
    Reset,
}

/// A pending injected fault and how many requests it still hits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fault {
    pub kind: FaultKind,
    pub remaining: u32,
}

pub(crate) struct State {
    pub client_id: String,
    pub client_secret: String,
    /// The registered client without a secret.
    pub public_client_id: String,
    /// `http://127.0.0.1:PORT`, once the server is bound.
    pub base_url: String,
    pub token_lifetime: Duration,
    pub tokens: HashMap<String, AccessToken>,
    pub refresh_tokens: HashMap<String, RefreshToken>,
    /// Authorization and device codes, and the OAuth switches.
    pub oauth: OAuthStore,
    pub requests: Vec<RecordedRequest>,
    pub faults: HashMap<String, Fault>,
    /// Slow answers: every request to the path waits this long first.
    pub delays: HashMap<String, Duration>,
    pub limiter: RateLimiter,
    pub data: Data,
    pub pubsub: PubSubState,
    pub webhook: HubState,
    pub eventsub: EventSubState,
    /// Send Chat Message: the last message per (broadcaster, sender), for duplicates.
    pub chat_last: HashMap<(String, String), (String, Instant)>,
    seed: u64,
    counter: u64,
}

impl State {
    pub fn new(config: &MockConfig) -> Self {
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x5eed);
        State {
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            public_client_id: config.public_client_id.clone(),
            base_url: String::new(),
            token_lifetime: config.token_lifetime,
            tokens: HashMap::new(),
            refresh_tokens: HashMap::new(),
            oauth: OAuthStore::default(),
            requests: Vec::new(),
            faults: HashMap::new(),
            delays: HashMap::new(),
            limiter: RateLimiter::new(config.rate_limit_bucket, config.rate_limit_refill),
            data: crate::seed_data::seed(time::OffsetDateTime::now_utc(), &config.client_id),
            pubsub: PubSubState::new(config.pubsub_idle_timeout),
            webhook: HubState::default(),
            eventsub: EventSubState::new(config),
            chat_last: HashMap::new(),
            seed: splitmix(seed),
            counter: 0,
        }
    }

    /// A fresh, unique, 30-character `[a-z0-9]` string.
    pub fn next_secret(&mut self) -> String {
        self.counter += 1;
        secret_string(self.seed.wrapping_add(self.counter))
    }

    /// A fresh, unique, UUID-shaped id (version 4 layout).
    pub fn next_uuid(&mut self) -> String {
        self.counter += 1;
        uuid_like(self.seed.wrapping_add(self.counter))
    }

    fn new_access(&mut self, client_id: &str, user_id: Option<&str>, scopes: &[String]) -> String {
        let token = self.next_secret();
        let record = AccessToken {
            client_id: client_id.to_owned(),
            user_id: user_id.map(str::to_owned),
            scopes: scopes.to_vec(),
            expires_at: Instant::now() + self.token_lifetime,
            revoked: false,
            extension: false,
        };
        self.tokens.insert(token.clone(), record);
        token
    }

    /// An extension's Helix token for viewer `user_id` (what Twitch hands an
    /// extension's front end): no scopes, Helix only, as `Extension <token>`.
    pub fn issue_extension_token(&mut self, user_id: &str) -> String {
        let token = format!("ext-{}", self.next_secret());
        let record = AccessToken {
            client_id: self.client_id.clone(),
            user_id: Some(user_id.to_owned()),
            scopes: Vec::new(),
            expires_at: Instant::now() + self.token_lifetime,
            revoked: false,
            extension: true,
        };
        self.tokens.insert(token.clone(), record);
        token
    }

    /// An app token of the confidential client.
    pub fn issue_app_token(&mut self) -> IssuedToken {
        let client_id = self.client_id.clone();
        let access_token = self.new_access(&client_id, None, &[]);
        IssuedToken {
            access_token,
            refresh_token: None,
            expires_in: self.token_lifetime.as_secs(),
            scopes: Vec::new(),
        }
    }

    /// A user token (with its refresh token) of the confidential client.
    pub fn issue_user_token(&mut self, user_id: &str, scopes: Vec<String>) -> IssuedToken {
        let client_id = self.client_id.clone();
        self.issue_user_token_for(&client_id, user_id, scopes)
    }

    /// A user token (with its refresh token) issued to `client_id`.
    pub fn issue_user_token_for(
        &mut self,
        client_id: &str,
        user_id: &str,
        scopes: Vec<String>,
    ) -> IssuedToken {
        let access_token = self.new_access(client_id, Some(user_id), &scopes);
        let refresh_token = self.next_secret();
        self.refresh_tokens.insert(
            refresh_token.clone(),
            RefreshToken {
                client_id: client_id.to_owned(),
                user_id: user_id.to_owned(),
                scopes: scopes.clone(),
                access_token: access_token.clone(),
                revoked: false,
            },
        );
        IssuedToken {
            access_token,
            refresh_token: Some(refresh_token),
            expires_in: self.token_lifetime.as_secs(),
            scopes,
        }
    }

    /// The record of a currently valid access token.
    /// A valid OAuth token (not an extension's Helix token).
    pub fn valid_token(&self, token: &str, now: Instant) -> Option<&AccessToken> {
        self.tokens
            .get(token)
            .filter(|t| t.is_valid(now) && !t.extension)
    }

    /// A valid extension Helix token.
    pub fn valid_extension_token(&self, token: &str, now: Instant) -> Option<&AccessToken> {
        self.tokens
            .get(token)
            .filter(|t| t.is_valid(now) && t.extension)
    }

    pub fn expire_token(&mut self, token: &str, now: Instant) {
        if let Some(record) = self.tokens.get_mut(token) {
            record.expires_at = now;
        }
    }

    pub fn revoke_access_token(&mut self, token: &str) {
        if let Some(record) = self.tokens.get_mut(token) {
            record.revoked = true;
        }
    }

    pub fn revoke_refresh_token(&mut self, token: &str) {
        if let Some(record) = self.refresh_tokens.get_mut(token) {
            record.revoked = true;
        }
    }

    /// Revokes an access token or a refresh token; `false` when it is neither.
    pub fn revoke_token(&mut self, token: &str) -> bool {
        if self.tokens.contains_key(token) {
            self.revoke_access_token(token);
            true
        } else if self.refresh_tokens.contains_key(token) {
            self.revoke_refresh_token(token);
            true
        } else {
            false
        }
    }

    /// Arms `kind` for the next `times` requests to `path`, replacing a pending
    /// fault of that path; `times == 0` only cancels. A status outside
    /// 200..=599 is taken as 500.
    pub fn set_fault(&mut self, path: &str, kind: FaultKind, times: u32) {
        if times == 0 {
            self.faults.remove(path);
            return;
        }
        let kind = match kind {
            FaultKind::Status(status) if !(200..=599).contains(&status) => FaultKind::Status(500),
            other => other,
        };
        self.faults.insert(
            path.to_owned(),
            Fault {
                kind,
                remaining: times,
            },
        );
    }

    /// Consumes one pending fault for `path`, if any.
    pub fn take_fault(&mut self, path: &str) -> Option<FaultKind> {
        let fault = self.faults.get_mut(path)?;
        let kind = fault.kind;
        fault.remaining = fault.remaining.saturating_sub(1);
        if fault.remaining == 0 {
            self.faults.remove(path);
        }
        Some(kind)
    }
}

/// SplitMix64 finaliser: a bijection on u64 with good mixing.
pub(crate) fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A UUID-shaped (8-4-4-4-12 hex, version 4 layout) string derived from `state`.
pub(crate) fn uuid_like(state: u64) -> String {
    let a = splitmix(state);
    let b = splitmix(a ^ 0x0F0F_0F0F_0F0F_0F0F);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// 30 base-36 characters; the first 13 encode `splitmix(state)` exactly, so
/// distinct states give distinct strings.
fn secret_string(state: u64) -> String {
    const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = String::with_capacity(30);
    let mut word = splitmix(state);
    let mut next = word;
    for _ in 0..13 {
        out.push(ALPHABET[(word % 36) as usize] as char);
        word /= 36;
    }
    while out.len() < 30 {
        next = splitmix(next);
        out.push(ALPHABET[(next % 36) as usize] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_and_shaped() {
        let mut state = State::new(&MockConfig::default());
        let a = state.next_secret();
        let b = state.next_secret();
        assert_ne!(a, b);
        assert_eq!(a.len(), 30);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    }

    #[test]
    fn faults_count_down() {
        let mut state = State::new(&MockConfig::default());
        state.set_fault("/helix/users", FaultKind::Status(503), 2);
        assert_eq!(
            state.take_fault("/helix/users"),
            Some(FaultKind::Status(503))
        );
        assert_eq!(
            state.take_fault("/helix/users"),
            Some(FaultKind::Status(503))
        );
        assert_eq!(state.take_fault("/helix/users"), None);
        state.set_fault("/x", FaultKind::Status(42), 1);
        assert_eq!(state.take_fault("/x"), Some(FaultKind::Status(500)));
        state.set_fault("/x", FaultKind::Reset, 3);
        state.set_fault("/x", FaultKind::Drop, 1);
        assert_eq!(state.take_fault("/x"), Some(FaultKind::Drop));
        assert_eq!(state.take_fault("/x"), None);
        state.set_fault("/x", FaultKind::Reset, 3);
        state.set_fault("/x", FaultKind::Reset, 0);
        assert_eq!(state.take_fault("/x"), None);
    }
}
