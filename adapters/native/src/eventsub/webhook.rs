//! [`EventSubWebhook`]: the EventSub webhook transport, a callback server
//! (axum, or rustls for TLS) around the core's
//! [`twitchapi_core::eventsub::webhook::Receiver`], which decides every
//! answer (challenge, signature, age, dedupe, size).

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::Router;
use futures::channel::oneshot;
use futures::stream::BoxStream;
use futures::StreamExt;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use twitchapi_core::eventsub::webhook::{Event, Receiver, SeenIds, MAX_BODY_BYTES};
use twitchapi_core::eventsub::RawEvent;
use twitchapi_core::helix::eventsub::{
    CreateEventSubSubscription, DeleteEventSubSubscription, TransportRequest,
};
use twitchapi_core::{Error, Secret};

use super::callback::RawCallback;
use super::{EventSubMessage, Notification};
use crate::serve::{read_at_most, serve};
use crate::Twitch;

struct Shared {
    receiver: Receiver,
    callbacks: HashMap<String, RawCallback>,
    /// Subscriptions whose challenge was answered.
    verified: HashSet<String>,
    waiters: HashMap<String, oneshot::Sender<()>>,
    /// What this client created (deleted by `stop`).
    created: HashSet<String>,
    streams: Vec<mpsc::UnboundedSender<EventSubMessage>>,
}

struct Inner {
    twitch: Twitch,
    callback_url: String,
    secret: Secret,
    verify_timeout: Duration,
    addr: SocketAddr,
    state: Mutex<Shared>,
    shutdown: watch::Sender<bool>,
    server: Mutex<Option<JoinHandle<()>>>,
}

/// Settings of an [`EventSubWebhook`], then [`EventSubWebhookBuilder::start`].
pub struct EventSubWebhookBuilder {
    twitch: Twitch,
    callback_url: String,
    port: u16,
    host: String,
    secret: Option<Secret>,
    tls: Option<Arc<rustls::ServerConfig>>,
    seen: Option<Box<dyn SeenIds>>,
    verify_timeout: Duration,
}

impl std::fmt::Debug for EventSubWebhookBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventSubWebhookBuilder")
            .field("callback_url", &self.callback_url)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("secret", &self.secret)
            .field("tls", &self.tls.is_some())
            .finish_non_exhaustive()
    }
}

impl EventSubWebhookBuilder {
    /// The address to listen on (default 127.0.0.1; a reverse proxy or
    /// tunnel usually forwards the public callback URL to it).
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = host.into();
        self
    }

    /// The signing secret, 10 to 100 ASCII characters (default: 64 random
    /// hex characters).
    pub fn secret(mut self, secret: Secret) -> Self {
        self.secret = Some(secret);
        self
    }

    /// Serve TLS with this configuration (see [`crate::tls_config_from_pem`]).
    pub fn tls(mut self, tls: Arc<rustls::ServerConfig>) -> Self {
        self.tls = Some(tls);
        self
    }

    /// Another store of seen message ids (shared by several machines).
    pub fn seen_ids(mut self, seen: Box<dyn SeenIds>) -> Self {
        self.seen = Some(seen);
        self
    }

    /// How long `listen` waits for Twitch's challenge (default 10 s).
    pub fn verify_timeout(mut self, timeout: Duration) -> Self {
        self.verify_timeout = timeout;
        self
    }

    /// Binds the server and starts answering Twitch.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a secret that is not 10 to 100 ASCII
    /// characters; [`Error::Transport`] when the address cannot be bound.
    pub async fn start(self) -> Result<EventSubWebhook, Error> {
        let secret = self.secret.unwrap_or_else(random_secret);
        let receiver = match self.seen {
            Some(seen) => Receiver::with_seen_ids(secret.clone(), seen)?,
            None => Receiver::new(secret.clone())?,
        };
        let listener = tokio::net::TcpListener::bind((self.host.as_str(), self.port))
            .await
            .map_err(|e| Error::Transport(format!("bind {}:{}: {e}", self.host, self.port)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Transport(e.to_string()))?;
        let (shutdown, stop) = watch::channel(false);
        let inner = Arc::new(Inner {
            twitch: self.twitch,
            callback_url: self.callback_url,
            secret,
            verify_timeout: self.verify_timeout,
            addr,
            state: Mutex::new(Shared {
                receiver,
                callbacks: HashMap::new(),
                verified: HashSet::new(),
                waiters: HashMap::new(),
                created: HashSet::new(),
                streams: Vec::new(),
            }),
            shutdown,
            server: Mutex::new(None),
        });
        let app = Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&inner));
        let server = tokio::spawn(serve(listener, self.tls, app, stop));
        *lock(&inner.server) = Some(server);
        tracing::info!(target: "twitchapi::eventsub", %addr, callback = %inner.callback_url, "EventSub webhook started");
        Ok(EventSubWebhook { inner })
    }
}

fn random_secret() -> Secret {
    let a = uuid::Uuid::new_v4().simple().to_string();
    let b = uuid::Uuid::new_v4().simple().to_string();
    Secret::new(a + &b)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn handle(State(inner): State<Arc<Inner>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = read_at_most(body, MAX_BODY_BYTES + 1).await;
    let request = http::Request::from_parts(parts, body);
    let now = time::OffsetDateTime::now_utc();
    let mut deliveries = Vec::new();
    let answer = {
        let mut state = lock(&inner.state);
        let answer = state.receiver.handle_request(request, now);
        drain(&mut state, &mut deliveries);
        answer
    };
    for (callback, notification) in deliveries {
        callback(&notification);
    }
    answer.map(Body::from)
}

/// Hands the receiver's events to waiters, callbacks and streams.
fn drain(state: &mut Shared, deliveries: &mut Vec<(RawCallback, Notification<RawEvent>)>) {
    while let Some(event) = state.receiver.poll_event() {
        let message = match event {
            Event::Verified { subscription } => {
                state.verified.insert(subscription.id.clone());
                if let Some(tx) = state.waiters.remove(&subscription.id) {
                    let _ = tx.send(());
                }
                EventSubMessage::Subscribed {
                    subscription_id: subscription.id,
                    kind: subscription.kind,
                    version: subscription.version,
                }
            }
            Event::Notification {
                message_id,
                subscription,
                event,
            } => {
                let notification = Notification {
                    subscription_id: subscription.id.clone(),
                    message_id,
                    kind: subscription.kind.clone(),
                    version: subscription.version.clone(),
                    event,
                };
                if let Some(callback) = state.callbacks.get(&notification.subscription_id) {
                    deliveries.push((callback.clone(), notification.clone()));
                }
                EventSubMessage::Notification(notification)
            }
            Event::Revoked { subscription } => {
                state.callbacks.remove(&subscription.id);
                state.created.remove(&subscription.id);
                EventSubMessage::Revoked {
                    subscription_id: subscription.id,
                    status: subscription.status,
                }
            }
            Event::Rejected { status, reason } => EventSubMessage::Rejected { status, reason },
            other => EventSubMessage::Error(Error::Protocol(format!(
                "unhandled EventSub webhook event {other:?}"
            ))),
        };
        state.streams.retain(|tx| tx.send(message.clone()).is_ok());
    }
}

/// The EventSub webhook transport: a server at `callback_url` that answers
/// Twitch's challenges, checks every message's signature (HMAC-SHA256 over
/// id, timestamp and body, in constant time), refuses messages older than 10
/// minutes, hands each message id out once, and creates subscriptions with
/// the client's app token. Needs a tokio runtime.
///
/// ```no_run
/// use twitchapi::eventsub::EventSubWebhook;
/// use twitchapi::core::eventsub::types::ChannelFollowV2Condition;
///
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// let eventsub = EventSubWebhook::builder(&twitch, "https://example.com/eventsub", 8080)
///     .start()
///     .await?;
/// let id = eventsub
///     .listen_channel_follow(ChannelFollowV2Condition::new("1337", "1337"), |n| {
///         println!("{} follows", n.event.user_login)
///     })
///     .await?;
/// eventsub.unlisten(&id).await?;
/// eventsub.stop().await;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct EventSubWebhook {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for EventSubWebhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventSubWebhook")
            .field("callback_url", &self.inner.callback_url)
            .field("addr", &self.inner.addr)
            .finish_non_exhaustive()
    }
}

impl EventSubWebhook {
    /// Settings for a server receiving Twitch's posts to `callback_url` on
    /// `port` (0: any free port; see [`EventSubWebhook::local_addr`]).
    pub fn builder(
        twitch: &Twitch,
        callback_url: impl Into<String>,
        port: u16,
    ) -> EventSubWebhookBuilder {
        EventSubWebhookBuilder {
            twitch: twitch.clone(),
            callback_url: callback_url.into(),
            port,
            host: "127.0.0.1".into(),
            secret: None,
            tls: None,
            seen: None,
            verify_timeout: Duration::from_secs(10),
        }
    }

    /// Where the server listens.
    pub fn local_addr(&self) -> SocketAddr {
        self.inner.addr
    }

    /// Every message (subscriptions verified, notifications, revocations,
    /// refused requests) as a stream, from now on.
    pub fn events(&self) -> BoxStream<'static, EventSubMessage> {
        let (tx, rx) = mpsc::unbounded_channel();
        lock(&self.inner.state).streams.push(tx);
        futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|e| (e, rx)) })
            .boxed()
    }

    pub(super) async fn listen_raw(
        &self,
        kind: &str,
        version: &str,
        condition: serde_json::Value,
        callback: RawCallback,
    ) -> Result<String, Error> {
        let create = CreateEventSubSubscription::new(
            kind,
            version,
            condition,
            TransportRequest::Webhook {
                callback: self.inner.callback_url.clone(),
                secret: self.inner.secret.clone(),
            },
        );
        let answer = self.inner.twitch.request(&create).await;
        let created = answer.and_then(|answer| {
            answer
                .data
                .data
                .into_iter()
                .next()
                .ok_or_else(|| Error::Protocol("create answer without a subscription".into()))
        });
        let subscription = match created {
            Ok(subscription) => subscription,
            Err(error) => {
                self.emit(EventSubMessage::SubscribeFailed {
                    kind: kind.into(),
                    version: version.into(),
                    error: error.clone(),
                });
                return Err(error);
            }
        };
        let id = subscription.id;
        let (tx, rx) = oneshot::channel();
        {
            let mut state = lock(&self.inner.state);
            state.callbacks.insert(id.clone(), callback);
            state.created.insert(id.clone());
            if state.verified.contains(&id) {
                return Ok(id);
            }
            state.waiters.insert(id.clone(), tx);
        }
        match tokio::time::timeout(self.inner.verify_timeout, rx).await {
            Ok(Ok(())) => Ok(id),
            _ => {
                lock(&self.inner.state).waiters.remove(&id);
                let _ = self.unlisten(&id).await;
                self.emit(EventSubMessage::SubscribeFailed {
                    kind: kind.into(),
                    version: version.into(),
                    error: Error::ListenTimeout,
                });
                Err(Error::ListenTimeout)
            }
        }
    }

    fn emit(&self, message: EventSubMessage) {
        lock(&self.inner.state)
            .streams
            .retain(|tx| tx.send(message.clone()).is_ok());
    }

    /// Ends the subscription `subscription_id`: deleted at Twitch with the
    /// app token (a subscription Twitch no longer has is no error).
    ///
    /// # Errors
    ///
    /// Twitch's refusal other than 404, or a transport error.
    pub async fn unlisten(&self, subscription_id: &str) -> Result<(), Error> {
        {
            let mut state = lock(&self.inner.state);
            state.callbacks.remove(subscription_id);
            state.created.remove(subscription_id);
        }
        let delete = DeleteEventSubSubscription::new(subscription_id).with_app_token();
        match self.inner.twitch.request(&delete).await {
            // gone already (revoked, or deleted elsewhere): nothing to undo
            Ok(_) | Err(Error::NotFound(_)) => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// Deletes every subscription this client created, then stops the server.
    pub async fn stop(&self) {
        let created: Vec<String> = lock(&self.inner.state).created.iter().cloned().collect();
        for id in created {
            if let Err(error) = self.unlisten(&id).await {
                tracing::warn!(target: "twitchapi::eventsub", subscription = %id, %error, "delete failed");
            }
        }
        let _ = self.inner.shutdown.send(true);
        let server = lock(&self.inner.server).take();
        if let Some(server) = server {
            let _ = server.await;
        }
    }
}
