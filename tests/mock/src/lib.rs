//! `twitchapi-mock`: an in-process stand-in for Twitch (Helix and the OAuth
//! endpoints of id.twitch.tv), listening on 127.0.0.1 only.
//!
//! It serves deterministic seeded data (users, games, streams, channels,
//! follows, clips, videos, channel points, moderation, subscriptions, tags,
//! extensions, entitlements; ids in [`seeded`]), checks tokens, scopes and client ids like Twitch,
//! applies Twitch's points-based rate limit (a continuously refilling token
//! bucket per client, or per client and user), answers CORS preflights, and
//! records every request it receives so tests can assert on the traffic a
//! client produced. Fault switches make it fail like a real server: error
//! statuses ([`MockServer::fail_next`]), answers cut off mid-body
//! ([`MockServer::drop_next`]), connection resets ([`MockServer::reset_next`])
//! and slow answers ([`MockServer::set_delay`]).
//!
//! Its id.twitch.tv is as strict as Twitch's: two registered clients (the
//! confidential [`MockConfig::client_id`] with its secret, the public
//! [`MockConfig::public_client_id`] without one), the authorization code and
//! implicit flows on `/oauth2/authorize` (known scopes only, `state` passed
//! back, single-use codes bound to client and `redirect_uri` for 10 minutes,
//! refusals with [`MockServer::oauth_deny_next`]), the device code flow
//! (`/oauth2/device`, then polls answered `authorization_pending` until
//! approved; knobs [`MockServer::oauth_device_pending_polls`],
//! [`MockServer::oauth_device_slow_down_next`],
//! [`MockServer::oauth_device_expires_in`], [`MockServer::oauth_device_deny`],
//! [`MockServer::oauth_device_enforce_interval`]), refresh, validate and
//! revoke ([`MockServer::revoke_token`]) with Twitch's error answers.
//!
//! It also serves Twitch's (retired) PubSub websocket at
//! [`MockServer::pubsub_url`]: LISTEN checked against the mock's tokens and
//! scopes (ERR_BADAUTH, ERR_BADTOPIC, ERR_BADMESSAGE, 50 topics per
//! connection), PING/PONG, connections closed after 5 minutes without a PING,
//! messages pushed with [`MockServer::pubsub_send`] and realistic triggers
//! ([`MockServer::pubsub_channel_points_redemption`],
//! [`MockServer::pubsub_whisper`], [`MockServer::pubsub_bits`]), and fault
//! switches (RECONNECT, withheld PONGs, dropped sockets, slow or missing
//! RESPONSEs, refused topics, garbage frames).
//!
//! And it runs the WebSub hub of Twitch's (retired) webhooks, as Twitch ran
//! it in 2020: `POST /helix/webhooks/hub` (form fields `hub.callback`,
//! `hub.mode`, `hub.topic`, `hub.lease_seconds`, `hub.secret`) checks the
//! eight topic forms and their tokens and scopes, answers 202 and then
//! verifies the intent with a GET carrying `hub.challenge` to the callback;
//! verified subscriptions show in Get Webhook Subscriptions until their lease
//! ends. [`MockServer::webhook_notify`] posts a notification to every
//! subscriber of a topic, signed (`X-Hub-Signature`) correctly or wrongly as
//! [`Signing`] says, and fault switches deny the next subscribe
//! ([`MockServer::webhook_deny_next`]), shorten leases
//! ([`MockServer::webhook_grant_lease_seconds`]) or verify before answering
//! ([`MockServer::webhook_verify_before_accept`]).
//!
//! EventSub is served as strictly as Twitch serves it. Create EventSub
//! Subscription (`POST /helix/eventsub/subscriptions`) knows the 82 types and
//! versions of Twitch's reference and checks the condition keys, the
//! transport (WebSocket with a user token and a live session, webhook with
//! an app token, a callback and a 10 to 100 character secret), the scopes
//! (403), duplicates (409), the 300 subscriptions per session, the three
//! sessions per user and the `max_total_cost` (429); Get lists with Twitch's
//! filters and cursor pages, Delete deletes. The WebSocket server at
//! [`MockServer::eventsub_ws_url`] sends the welcome, keepalives, pings,
//! notifications, revocations and `session_reconnect` (the old socket kept
//! for a grace, both sockets served, then 4004), and closes with Twitch's
//! codes (4001 inbound traffic, 4002 no pong, 4003 unused, 4007 bad
//! reconnect); a session that ends disables its subscriptions
//! (`websocket_disconnected` and the like), which stay listed. Webhook
//! subscriptions are verified with a signed challenge after the 202, then
//! get signed notifications, retried while the callback fails and revoked
//! with `notification_failures_exceeded` after repeated failures.
//! [`MockServer::eventsub_trigger`] fires a type's documented event (or a
//! given one, [`MockServer::eventsub_trigger_event`]) to every enabled
//! subscription; fault switches force reconnects and close codes, drop
//! sockets, stop keepalives, send duplicates, revoke, and sign webhook
//! messages wrongly or with stale timestamps ([`EventSubSigning`]).
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! use twitchapi_mock::MockServer;
//!
//! let server = MockServer::start().await?;
//! let token = server.issue_user_token("141981764", &["user:read:email"]);
//! assert!(server.helix_url().starts_with("http://127.0.0.1:"));
//! assert_eq!(token.refresh_token.is_some(), true);
//! assert_eq!(server.count("GET", "/helix/users"), 0);
//! server.shutdown().await;
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod admin;
mod conn;
mod errors;
mod eventsub;
mod faults;
mod headers;
mod helix;
mod model;
mod oauth;
mod pubsub;
mod ratelimit;
mod record;
mod seed_data;
pub mod seeded;
mod server;
mod state;
mod webhook;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::state::{lock, FaultKind, Shared};

pub use crate::eventsub::{EventSubSigning, EventSubSubscription};
pub use crate::webhook::{HubSubscription, Signing};

/// Settings of a [`MockServer`].
#[derive(Clone, Debug)]
pub struct MockConfig {
    /// The registered confidential client (default `"mock-client-id"`).
    pub client_id: String,
    /// The secret of that client (default `"mock-client-secret"`).
    pub client_secret: String,
    /// The registered public client (default `"mock-public-client-id"`): it
    /// has no secret, refreshes and polls the device flow with its id alone,
    /// and may not use the client_credentials grant.
    pub public_client_id: String,
    /// Lifetime of issued access tokens (default 3600 s); reported as `expires_in`.
    pub token_lifetime: Duration,
    /// Capacity of each rate-limit bucket in points (default 800). Every Helix
    /// request costs one point; app tokens spend from one bucket per client id,
    /// user tokens from one bucket per client id and user (so a refreshed token
    /// keeps its user's bucket). `0` refuses every Helix request with 429.
    pub rate_limit_bucket: u32,
    /// Time an empty bucket takes to refill completely (default 60 s); points
    /// trickle back continuously at `rate_limit_bucket / rate_limit_refill`.
    /// Shorter than 1 ms is taken as 1 ms.
    pub rate_limit_refill: Duration,
    /// Port to bind on 127.0.0.1 (default 0: a random free port).
    pub port: u16,
    /// A PubSub connection that sent no PING for this long is closed, as
    /// Twitch did (default 5 minutes).
    pub pubsub_idle_timeout: Duration,
    /// A new EventSub WebSocket session with no subscription created on it
    /// this long after its welcome is closed with 4003 "connection unused"
    /// (default 10 s, Twitch's time for the default keepalive; Twitch
    /// documents the welcome's `keepalive_timeout_seconds` as the time, the
    /// mock takes this one whatever keepalive was asked for).
    pub eventsub_subscribe_deadline: Duration,
    /// How long a socket told `session_reconnect` stays open before it is
    /// closed with 4004 (default 30 s, as Twitch).
    pub eventsub_reconnect_grace: Duration,
    /// Most enabled subscriptions one WebSocket session may hold (default
    /// 300, as Twitch); one more answers 429.
    pub eventsub_max_per_session: usize,
    /// `None` (default): a `session_keepalive` goes out after
    /// `keepalive_timeout_seconds` of silence, as Twitch sends them.
    /// `Some(d)`: after `d` (at least 10 ms) of silence instead, for fast
    /// tests; the welcome still shows the seconds asked for.
    pub eventsub_keepalive_interval: Option<Duration>,
    /// The EventSub server pings each socket this often and closes it with
    /// 4002 when the previous ping got no pong (default 10 s; at least 10 ms).
    pub eventsub_ping_interval: Duration,
    /// Retries of a webhook notification the callback did not take (no
    /// answer, or not 2xx) before the delivery counts as failed (default 2).
    pub eventsub_webhook_retries: u32,
    /// Wait before the first retry; it doubles for each next one (default 50 ms).
    pub eventsub_webhook_retry_backoff: Duration,
    /// A webhook subscription whose deliveries failed this many times in a
    /// row is revoked with `notification_failures_exceeded` (default 3).
    pub eventsub_webhook_failure_limit: u32,
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            client_id: "mock-client-id".to_owned(),
            client_secret: "mock-client-secret".to_owned(),
            public_client_id: "mock-public-client-id".to_owned(),
            token_lifetime: Duration::from_secs(3600),
            rate_limit_bucket: 800,
            rate_limit_refill: Duration::from_secs(60),
            port: 0,
            pubsub_idle_timeout: Duration::from_secs(300),
            eventsub_subscribe_deadline: Duration::from_secs(10),
            eventsub_reconnect_grace: Duration::from_secs(30),
            eventsub_max_per_session: eventsub::MAX_PER_SESSION,
            eventsub_keepalive_interval: None,
            eventsub_ping_interval: Duration::from_secs(10),
            eventsub_webhook_retries: 2,
            eventsub_webhook_retry_backoff: Duration::from_millis(50),
            eventsub_webhook_failure_limit: 3,
        }
    }
}

/// A token created by the mock, as a token endpoint would answer it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedToken {
    /// The access token, for `Authorization: Bearer ...`.
    pub access_token: String,
    /// The refresh token (user tokens only).
    pub refresh_token: Option<String>,
    /// Seconds until the access token expires.
    pub expires_in: u64,
    /// Scopes granted to the token (empty for app tokens).
    pub scopes: Vec<String>,
}

/// One request received by the mock.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// HTTP method, upper case (`"GET"`).
    pub method: String,
    /// Path without the query string (`"/helix/users"`).
    pub path: String,
    /// Decoded query pairs, in order, keys repeated as sent.
    pub query: Vec<(String, String)>,
    /// Headers, names in lower case, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy UTF-8).
    pub body: String,
}

/// A running mock server; dropping it shuts the server down.
pub struct MockServer {
    addr: SocketAddr,
    shared: Shared,
    client_id: String,
    client_secret: String,
    public_client_id: String,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl MockServer {
    /// Starts a server with [`MockConfig::default`].
    pub async fn start() -> std::io::Result<MockServer> {
        Self::start_with(MockConfig::default()).await
    }

    /// Starts a server with the given settings on 127.0.0.1.
    pub async fn start_with(config: MockConfig) -> std::io::Result<MockServer> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let shared = state::new_shared(&config);
        lock(&shared).base_url = format!("http://{addr}");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server::serve(listener, shared.clone(), stopped));
        tracing::info!(%addr, "twitchapi-mock started");
        Ok(MockServer {
            addr,
            shared,
            client_id: config.client_id,
            client_secret: config.client_secret,
            public_client_id: config.public_client_id,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Base URL, `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Helix base URL, `http://127.0.0.1:PORT/helix`.
    pub fn helix_url(&self) -> String {
        format!("{}/helix", self.url())
    }

    /// OAuth base URL, `http://127.0.0.1:PORT` (endpoints live at `/oauth2/...`).
    pub fn auth_url(&self) -> String {
        self.url()
    }

    /// The id of the registered confidential client.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The secret of the registered confidential client.
    pub fn client_secret(&self) -> &str {
        &self.client_secret
    }

    /// The id of the registered public client (it has no secret).
    pub fn public_client_id(&self) -> &str {
        &self.public_client_id
    }

    /// Creates a user token for a seeded user, as if the user had authorized the app.
    ///
    /// An unknown `user_id` still gets a token; it then has no login.
    pub fn issue_user_token(&self, user_id: &str, scopes: &[&str]) -> IssuedToken {
        let scopes: Vec<String> = scopes.iter().map(|s| (*s).to_owned()).collect();
        lock(&self.shared).issue_user_token(user_id, scopes)
    }

    /// Creates an app token (as the client_credentials grant would).
    pub fn issue_app_token(&self) -> IssuedToken {
        lock(&self.shared).issue_app_token()
    }

    /// Expires an access token now: it answers 401 "Invalid OAuth token"; its refresh token stays valid.
    pub fn expire_token(&self, access_token: &str) {
        lock(&self.shared).expire_token(access_token, Instant::now());
    }

    /// Revokes a refresh token: refreshing with it answers 400 "Invalid refresh token".
    pub fn revoke_refresh_token(&self, refresh_token: &str) {
        lock(&self.shared).revoke_refresh_token(refresh_token);
    }

    /// Revokes an access token or a refresh token, as `POST /oauth2/revoke`
    /// does: a revoked access token answers 401 on Helix ("Invalid OAuth
    /// token") and on `/oauth2/validate` ("invalid access token"). `false`
    /// when the mock never issued `token`.
    pub fn revoke_token(&self, token: &str) -> bool {
        lock(&self.shared).revoke_token(token)
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared).requests.clone()
    }

    /// How many requests had this method (case-insensitive) and exactly this path.
    pub fn count(&self, method: &str, path: &str) -> usize {
        lock(&self.shared)
            .requests
            .iter()
            .filter(|r| r.method.eq_ignore_ascii_case(method) && r.path == path)
            .count()
    }

    /// How many `POST /oauth2/token` requests had this `grant_type` (body or query).
    pub fn count_grant(&self, grant_type: &str) -> usize {
        lock(&self.shared)
            .requests
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/oauth2/token")
            .filter(|r| oauth::grant_type_of(r).as_deref() == Some(grant_type))
            .count()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        lock(&self.shared).requests.clear();
    }

    /// The next `times` requests to `path` (e.g. `"/helix/users"`) answer `status`
    /// with Twitch's JSON error body (message `"fault injected"`). A status
    /// outside 200..=599 is taken as 500.
    ///
    /// Faults (this one, [`drop_next`](Self::drop_next) and
    /// [`reset_next`](Self::reset_next)) share one slot per path: arming one
    /// replaces what is pending for that path, and `times == 0` cancels it. On
    /// Helix paths a fault hits only requests that pass authentication (a bad
    /// Client-Id or token still gets its 401 and leaves the fault armed) and
    /// the rate limit (a request hit by a fault has spent its point); on other
    /// paths it hits the next requests before the endpoint sees them. CORS
    /// preflights are never hit.
    pub fn fail_next(&self, path: &str, status: u16, times: u32) {
        lock(&self.shared).set_fault(path, FaultKind::Status(status), times);
    }

    /// The next `times` requests to `path` are answered in part: the endpoint
    /// runs (its effects stay), its status line and headers go out with the
    /// first half of the body, then the connection closes. The client sees a
    /// body (transport) error; an answer without a body is cut inside its
    /// header block instead. Armed and consumed like [`fail_next`](Self::fail_next).
    pub fn drop_next(&self, path: &str, times: u32) {
        lock(&self.shared).set_fault(path, FaultKind::Drop, times);
    }

    /// The next `times` requests to `path` get no answer: the connection is
    /// reset (TCP RST) before the endpoint runs, so nothing changes. The
    /// client sees a connection error. Armed and consumed like
    /// [`fail_next`](Self::fail_next).
    pub fn reset_next(&self, path: &str, times: u32) {
        lock(&self.shared).set_fault(path, FaultKind::Reset, times);
    }

    /// Makes every request to `path` (e.g. `"/oauth2/token"`) wait `delay` before
    /// it is answered (a slow Twitch); `Duration::ZERO` removes the delay.
    pub fn set_delay(&self, path: &str, delay: Duration) {
        let mut state = lock(&self.shared);
        if delay.is_zero() {
            state.delays.remove(path);
        } else {
            state.delays.insert(path.to_owned(), delay);
        }
    }

    /// Changes the bucket capacity (`bucket` points) and the time a full refill
    /// takes (`refill`), as in [`MockConfig`], and fills every bucket now.
    pub fn set_rate_limit(&self, bucket: u32, refill: Duration) {
        lock(&self.shared).limiter.reset(bucket, refill);
    }

    /// Empties every bucket now, including those not used yet: Helix calls
    /// answer 429 until a point has trickled back (after `refill / bucket`).
    pub fn drain_rate_limit(&self) {
        lock(&self.shared).limiter.drain(Instant::now());
    }

    /// Closes every PubSub and EventSub socket (going away).
    fn end_sockets(&self) {
        let mut state = lock(&self.shared);
        state.pubsub.end_all(|| pubsub::Command::Close);
        state
            .eventsub
            .end_all(|| eventsub::Command::Shutdown, "websocket_disconnected");
    }

    /// Stops the server and waits (up to 5 s) for it to finish.
    pub async fn shutdown(mut self) {
        self.end_sockets();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(5), &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.end_sockets();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer")
            .field("addr", &self.addr)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}
