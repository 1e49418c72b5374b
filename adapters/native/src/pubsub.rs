//! The seed's PubSub client over tokio-tungstenite: a loop around the core's
//! [`twitchapi_core::pubsub::PubSub`] machine, which makes every decision
//! (LISTEN batching and confirmation, PING/PONG, reconnects, backoff).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::channel::oneshot;
use futures::{SinkExt, StreamExt};
use tokio::sync::{mpsc, Notify};
use tokio_tungstenite::tungstenite::Message as WsMessage;
use twitchapi_core::pubsub::{
    self as core_pubsub, ConnId, Event, Message, PubSubConfig, Topic, Transmit,
};
use twitchapi_core::{Error, Instant};
use uuid::Uuid;

use crate::Twitch;

/// Twitch's PubSub URL (retired by Twitch in 2025; the mock serves the protocol).
pub use twitchapi_core::pubsub::PUBSUB_URL;

type Callback = Arc<dyn Fn(Uuid, &Message) + Send + Sync>;

struct Shared {
    machine: core_pubsub::PubSub,
    callbacks: HashMap<Uuid, Callback>,
    confirms: HashMap<Uuid, oneshot::Sender<Result<(), Error>>>,
    /// Writers of the open sockets.
    writers: HashMap<ConnId, mpsc::UnboundedSender<String>>,
    /// The socket each connection has now (a number per connect): inputs
    /// from a socket the machine replaced or closed are dropped.
    sockets: HashMap<ConnId, u64>,
    next_socket: u64,
    events: Vec<mpsc::UnboundedSender<Event>>,
    running: bool,
}

struct Inner {
    twitch: Twitch,
    url: String,
    state: Mutex<Shared>,
    wake: Notify,
}

/// The seed's `twitchAPI.pubsub.PubSub`: listen to topics with a callback per
/// subscription, over one or more websockets. Each instance owns its topics.
///
/// ```no_run
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// let pubsub = twitchapi::PubSub::new(&twitch);
/// pubsub.start()?;
/// let uuid = pubsub
///     .listen_channel_points("141981764", |_uuid, message| println!("{message:?}"))
///     .await?;
/// pubsub.unlisten(uuid)?;
/// pubsub.stop()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct PubSub {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for PubSub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PubSub")
            .field("url", &self.inner.url)
            .finish_non_exhaustive()
    }
}

impl PubSub {
    /// A stopped client that authenticates with `twitch`'s user token.
    pub fn new(twitch: &Twitch) -> PubSub {
        PubSub::with_config(twitch, PUBSUB_URL, PubSubConfig::default())
    }

    /// Like [`PubSub::new`] with another URL (the mock's) and configuration
    /// (`ping_frequency`, `ping_jitter`, `listen_confirm_timeout`, ...). The
    /// default seed is replaced by a random one, so that two clients never hand
    /// out the same subscription UUIDs; set another seed to replay a run.
    pub fn with_config(
        twitch: &Twitch,
        url: impl Into<String>,
        mut config: PubSubConfig,
    ) -> PubSub {
        if config.seed == PubSubConfig::default().seed {
            use std::hash::{BuildHasher, Hasher};
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(Instant::now().elapsed().as_nanos() as u64);
            config.seed = hasher.finish();
        }
        PubSub {
            inner: Arc::new(Inner {
                twitch: twitch.clone(),
                url: url.into(),
                state: Mutex::new(Shared {
                    machine: core_pubsub::PubSub::new(config),
                    callbacks: HashMap::new(),
                    confirms: HashMap::new(),
                    writers: HashMap::new(),
                    sockets: HashMap::new(),
                    next_socket: 0,
                    events: Vec::new(),
                    running: false,
                }),
                wake: Notify::new(),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn refresh_token(&self, now: Instant) {
        let token = self.inner.twitch.get_user_auth_token();
        let scopes = self.inner.twitch.get_user_auth_scope();
        if let Some(token) = token {
            self.lock().machine.set_token(token, scopes, now);
        }
    }

    /// Opens the connections (the seed's `start`); starting twice is an error.
    /// Needs a tokio runtime.
    pub fn start(&self) -> Result<(), Error> {
        let handle = tokio::runtime::Handle::try_current()
            .map_err(|_| Error::Transport("PubSub::start needs a tokio runtime".into()))?;
        let now = Instant::now();
        self.refresh_token(now);
        {
            let mut state = self.lock();
            state.machine.start(now)?;
            state.running = true;
        }
        let me = self.clone();
        handle.spawn(async move { me.run().await });
        Ok(())
    }

    /// Closes every connection (the seed's `stop`); stopping twice is an error.
    pub fn stop(&self) -> Result<(), Error> {
        {
            let mut state = self.lock();
            state.machine.stop(Instant::now())?;
            state.running = false;
        }
        self.carry_out();
        self.inner.wake.notify_waiters();
        Ok(())
    }

    /// Every event of the machine (listening, messages, reconnects, errors)
    /// as a stream (boxed, so `.next().await` works directly).
    pub fn events(&self) -> futures::stream::BoxStream<'static, Event> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.lock().events.push(tx);
        futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|e| (e, rx)) })
            .boxed()
    }

    /// Subscribes to any topic with `callback`, and waits until Twitch
    /// confirms it (`ListenTimeout` after `listen_confirm_timeout`).
    pub async fn listen(
        &self,
        topic: Topic,
        callback: impl Fn(Uuid, &Message) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let (tx, rx) = oneshot::channel();
        let uuid = {
            let mut state = self.lock();
            let uuid = state.machine.listen(topic, Instant::now())?;
            state.callbacks.insert(uuid, Arc::new(callback));
            state.confirms.insert(uuid, tx);
            uuid
        };
        self.carry_out();
        self.inner.wake.notify_waiters();
        match rx.await {
            Ok(Ok(())) => Ok(uuid),
            Ok(Err(error)) => Err(error),
            Err(_) => Err(Error::Transport("pubsub stopped".into())),
        }
    }

    /// Ends the subscription `uuid` (the seed's `unlisten`).
    pub fn unlisten(&self, uuid: Uuid) -> Result<(), Error> {
        {
            let mut state = self.lock();
            state.machine.unlisten(uuid, Instant::now())?;
            state.callbacks.remove(&uuid);
        }
        self.carry_out();
        Ok(())
    }

    /// Carries out what the machine produced: frames to writers, connects
    /// spawned, events to callbacks, waiters and streams.
    fn carry_out(&self) {
        let mut deliveries: Vec<(Callback, Uuid, Message)> = Vec::new();
        let mut token_rejected = false;
        {
            let mut state = self.lock();
            while let Some(transmit) = state.machine.poll_transmit() {
                match transmit {
                    Transmit::Connect(conn) => {
                        state.next_socket += 1;
                        let epoch = state.next_socket;
                        state.sockets.insert(conn, epoch);
                        let me = self.clone();
                        tokio::spawn(async move { me.connect(conn, epoch).await });
                    }
                    Transmit::Text(conn, text) => {
                        if let Some(writer) = state.writers.get(&conn) {
                            let _ = writer.send(text);
                        }
                    }
                    Transmit::Close(conn) => {
                        // dropping the writer closes the socket
                        state.writers.remove(&conn);
                        state.sockets.remove(&conn);
                    }
                    _ => {}
                }
            }
            while let Some(event) = state.machine.poll_event() {
                match &event {
                    Event::Listening { uuid, .. } => {
                        if let Some(tx) = state.confirms.remove(uuid) {
                            let _ = tx.send(Ok(()));
                        }
                    }
                    Event::ListenFailed { uuid, error, .. } => {
                        state.callbacks.remove(uuid);
                        if let Some(tx) = state.confirms.remove(uuid) {
                            let _ = tx.send(Err(error.clone()));
                        }
                    }
                    Event::Message { uuid, message, .. } => {
                        if let Some(callback) = state.callbacks.get(uuid) {
                            deliveries.push((callback.clone(), *uuid, message.clone()));
                        }
                    }
                    Event::TokenRejected => token_rejected = true,
                    _ => {}
                }
                state.events.retain(|tx| tx.send(event.clone()).is_ok());
            }
        }
        for (callback, uuid, message) in deliveries {
            callback(uuid, &message);
        }
        if token_rejected {
            let me = self.clone();
            tokio::spawn(async move {
                // one refresh, shared with every Helix call of the client
                if me.inner.twitch.refresh_used_token().await.is_ok() {
                    me.refresh_token(Instant::now());
                    me.carry_out();
                    me.inner.wake.notify_waiters();
                }
            });
        }
    }

    /// Sleeps until the machine's next timeout, while the client runs.
    async fn run(self) {
        loop {
            let notified = self.inner.wake.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let (running, deadline) = {
                let state = self.lock();
                (state.running, state.machine.poll_timeout())
            };
            if !running {
                return;
            }
            let sleep = async move {
                match deadline {
                    Some(at) => tokio::time::sleep_until(at.into()).await,
                    None => tokio::time::sleep(Duration::from_secs(3600)).await,
                }
            };
            tokio::select! {
                _ = sleep => {
                    self.lock().machine.handle_timeout(Instant::now());
                    self.carry_out();
                }
                _ = &mut notified => {}
            }
        }
    }

    /// Opens the websocket of `conn` and pumps it until it closes.
    async fn connect(self, conn: ConnId, epoch: u64) {
        let socket = tokio_tungstenite::connect_async(self.inner.url.as_str()).await;
        let (mut sink, mut stream) = match socket {
            Ok((socket, _)) => socket.split(),
            Err(e) => {
                tracing::warn!(target: "twitchapi::pubsub", conn = conn.get(), error = %e, "connect failed");
                self.input(conn, epoch, |m, now| m.handle_closed(conn, now));
                return;
            }
        };
        let (tx, mut rx) = mpsc::unbounded_channel::<String>();
        {
            let mut state = self.lock();
            if state.sockets.get(&conn) != Some(&epoch) {
                return;
            }
            state.writers.insert(conn, tx);
        }
        self.input(conn, epoch, |m, now| m.handle_connected(conn, now));
        let writer = tokio::spawn(async move {
            while let Some(text) = rx.recv().await {
                if sink.send(WsMessage::text(text)).await.is_err() {
                    return;
                }
            }
            let _ = sink.close().await;
        });
        while let Some(frame) = stream.next().await {
            match frame {
                Ok(WsMessage::Text(text)) => self.input(conn, epoch, |m, now| {
                    m.handle_text(conn, text.as_str(), now)
                }),
                Ok(WsMessage::Close(_)) | Err(_) => break,
                Ok(_) => {}
            }
            if self.lock().sockets.get(&conn) != Some(&epoch) {
                break; // the machine closed this socket
            }
        }
        writer.abort();
        self.input(conn, epoch, |m, now| m.handle_closed(conn, now));
    }

    /// Feeds the machine an input from the socket of `conn` at `epoch`
    /// (inputs of a socket the machine has replaced are dropped).
    fn input(&self, conn: ConnId, epoch: u64, f: impl FnOnce(&mut core_pubsub::PubSub, Instant)) {
        {
            let mut state = self.lock();
            if state.sockets.get(&conn) != Some(&epoch) {
                return;
            }
            f(&mut state.machine, Instant::now());
        }
        self.carry_out();
        self.inner.wake.notify_waiters();
    }
}

macro_rules! listen_methods {
    ($($(#[$doc:meta])* $name:ident($($arg:ident),*) => $variant:ident;)*) => {
        impl PubSub {
            $(
                $(#[$doc])*
                pub async fn $name(
                    &self,
                    $($arg: &str,)*
                    callback: impl Fn(Uuid, &Message) + Send + Sync + 'static,
                ) -> Result<Uuid, Error> {
                    self.listen(Topic::$variant { $($arg: $arg.to_owned()),* }, callback).await
                }
            )*
        }
    };
}

listen_methods! {
    /// `whispers.<user_id>` (whispers:read).
    listen_whispers(user_id) => Whispers;
    /// `channel-bits-events-v1.<channel_id>` (bits:read).
    listen_bits_v1(channel_id) => BitsV1;
    /// `channel-bits-events-v2.<channel_id>` (bits:read).
    listen_bits(channel_id) => Bits;
    /// `channel-bits-badge-unlocks.<channel_id>` (bits:read).
    listen_bits_badge_notification(channel_id) => BitsBadgeNotification;
    /// `channel-points-channel-v1.<channel_id>` (channel:read:redemptions).
    listen_channel_points(channel_id) => ChannelPoints;
    /// `channel-subscribe-events-v1.<channel_id>` (channel_subscriptions).
    listen_channel_subscriptions(channel_id) => ChannelSubscriptions;
    /// `chat_moderator_actions.<user_id>.<channel_id>` (channel:moderate).
    listen_chat_moderator_actions(user_id, channel_id) => ChatModeratorActions;
}
