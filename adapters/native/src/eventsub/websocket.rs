//! [`EventSubWebSocket`]: the EventSub WebSocket transport over
//! tokio-tungstenite, a loop around the core's
//! [`twitchapi_core::eventsub::ws::EventSubWs`] machine, which makes every
//! decision (sessions, keepalive deadlines, reconnect handoffs, backoff,
//! re-creating subscriptions, dedupe, limits).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::channel::oneshot;
use futures::stream::BoxStream;
use futures::{SinkExt, StreamExt};
use tokio::sync::{mpsc, Notify};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message as WsMessage;
use twitchapi_core::eventsub::ws::{self as core_ws, SocketId, Transmit, WsConfig};
use twitchapi_core::eventsub::RawEvent;
use twitchapi_core::{Error, Instant};
use uuid::Uuid;

use super::callback::RawCallback;
use super::{EventSubMessage, Notification};
use crate::Twitch;

struct Shared {
    machine: core_ws::EventSubWs,
    callbacks: HashMap<Uuid, RawCallback>,
    confirms: HashMap<Uuid, oneshot::Sender<Result<String, Error>>>,
    /// Every subscription id handed out, to its handle (ids change when a
    /// session is replaced; the first one keeps working for `unlisten`).
    ids: HashMap<String, Uuid>,
    /// Open sockets: dropping the sender closes the socket.
    sockets: HashMap<SocketId, mpsc::UnboundedSender<()>>,
    streams: Vec<mpsc::UnboundedSender<EventSubMessage>>,
    /// Helix requests under way (stop waits for the deletes).
    helix: Vec<JoinHandle<()>>,
    running: bool,
}

struct Inner {
    twitch: Twitch,
    state: Mutex<Shared>,
    wake: Notify,
    listen_timeout: Duration,
}

/// The EventSub WebSocket transport: subscriptions of the client's user
/// token over up to three connections (300 subscriptions each), created
/// within Twitch's 10 s of each welcome, carried over `session_reconnect`,
/// re-created after a lost session (the old ones deleted), never created
/// twice. Needs a tokio runtime.
///
/// ```no_run
/// use twitchapi::eventsub::EventSubWebSocket;
/// use twitchapi::core::eventsub::types::StreamOnlineV1Condition;
///
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// let eventsub = EventSubWebSocket::new(&twitch);
/// let id = eventsub
///     .listen_stream_online(StreamOnlineV1Condition::new("1337"), |n| {
///         println!("{} is live", n.event.broadcaster_user_login)
///     })
///     .await?;
/// eventsub.unlisten(&id).await?;
/// eventsub.stop().await;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct EventSubWebSocket {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for EventSubWebSocket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventSubWebSocket")
            .field("url", &self.lock().machine.config().url)
            .finish_non_exhaustive()
    }
}

fn random_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(Instant::now().elapsed().as_nanos());
    hasher.finish()
}

impl EventSubWebSocket {
    /// A client for Twitch's EventSub WebSocket server, creating
    /// subscriptions through `twitch` (its user token).
    pub fn new(twitch: &Twitch) -> EventSubWebSocket {
        EventSubWebSocket::with_config(twitch, WsConfig::default())
    }

    /// Like [`EventSubWebSocket::new`] with another server URL (the mock's),
    /// keepalive, backoff or limits. The default seed is replaced by a random
    /// one, so two clients never hand out the same handles; set another seed
    /// to replay a run.
    pub fn with_config(twitch: &Twitch, mut config: WsConfig) -> EventSubWebSocket {
        if config.seed == WsConfig::default().seed {
            config.seed = random_seed();
        }
        EventSubWebSocket {
            inner: Arc::new(Inner {
                state: Mutex::new(Shared {
                    machine: core_ws::EventSubWs::new(twitch.helix(), config),
                    callbacks: HashMap::new(),
                    confirms: HashMap::new(),
                    ids: HashMap::new(),
                    sockets: HashMap::new(),
                    streams: Vec::new(),
                    helix: Vec::new(),
                    running: false,
                }),
                twitch: twitch.clone(),
                wake: Notify::new(),
                listen_timeout: Duration::from_secs(30),
            }),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Shared> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Every message (welcomes, subscriptions, notifications, reconnects,
    /// revocations, errors) as a stream, from now on.
    pub fn events(&self) -> BoxStream<'static, EventSubMessage> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.lock().streams.push(tx);
        futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|e| (e, rx)) })
            .boxed()
    }

    /// How many connections are in use.
    pub fn connections(&self) -> usize {
        self.lock().machine.connections()
    }

    pub(super) async fn listen_raw(
        &self,
        kind: &str,
        version: &str,
        condition: serde_json::Value,
        callback: RawCallback,
    ) -> Result<String, Error> {
        let (tx, rx) = oneshot::channel();
        let uuid = {
            let mut state = self.lock();
            let listened = state
                .machine
                .listen(kind, version, condition, Instant::now());
            let uuid = match listened {
                Ok(uuid) => uuid,
                Err(error) => {
                    drop(state);
                    self.failed(kind, version, &error);
                    return Err(error);
                }
            };
            state.callbacks.insert(uuid, callback);
            state.confirms.insert(uuid, tx);
            if !state.running {
                state.running = true;
                tokio::spawn(self.clone().run());
            }
            uuid
        };
        self.carry_out();
        match tokio::time::timeout(self.inner.listen_timeout, rx).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(Error::Transport("the EventSub client stopped".into())),
            Err(_) => {
                let _ = self.unlisten_handle(uuid);
                self.failed(kind, version, &Error::ListenTimeout);
                Err(Error::ListenTimeout)
            }
        }
    }

    /// Every failed listen shows in the stream, whatever failed.
    fn failed(&self, kind: &str, version: &str, error: &Error) {
        let message = EventSubMessage::SubscribeFailed {
            kind: kind.into(),
            version: version.into(),
            error: error.clone(),
        };
        self.lock()
            .streams
            .retain(|tx| tx.send(message.clone()).is_ok());
    }

    /// Ends the subscription `subscription_id` (as `listen` returned it):
    /// deleted at Twitch; a connection left without subscriptions closes.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for an id this client did not hand out.
    pub async fn unlisten(&self, subscription_id: &str) -> Result<(), Error> {
        let uuid = self.lock().ids.get(subscription_id).copied();
        let uuid = uuid.ok_or_else(|| {
            Error::NotFound(format!("no EventSub subscription {subscription_id}"))
        })?;
        self.unlisten_handle(uuid)?;
        self.settle().await;
        Ok(())
    }

    /// Waits for the Helix requests under way.
    async fn settle(&self) {
        loop {
            let pending = std::mem::take(&mut self.lock().helix);
            if pending.is_empty() {
                return;
            }
            for task in pending {
                let _ = task.await;
            }
        }
    }

    fn unlisten_handle(&self, uuid: Uuid) -> Result<(), Error> {
        {
            let mut state = self.lock();
            state.machine.unlisten(uuid, Instant::now())?;
            state.callbacks.remove(&uuid);
            state.confirms.remove(&uuid);
            state.ids.retain(|_, u| *u != uuid);
        }
        self.carry_out();
        Ok(())
    }

    /// Deletes every subscription created, waits for Twitch's answers, and
    /// closes every socket.
    pub async fn stop(&self) {
        {
            let mut state = self.lock();
            state.machine.stop(Instant::now());
            state.callbacks.clear();
            state.confirms.clear();
            state.ids.clear();
        }
        self.carry_out();
        self.settle().await;
        self.lock().running = false;
        self.inner.wake.notify_waiters();
    }

    /// Carries out what the machine produced: sockets opened and closed,
    /// Helix requests sent, events to callbacks, waiters and streams.
    fn carry_out(&self) {
        let mut deliveries: Vec<(RawCallback, Notification<RawEvent>)> = Vec::new();
        {
            let mut guard = self.lock();
            let state = &mut *guard;
            while let Some(transmit) = state.machine.poll_transmit() {
                match transmit {
                    Transmit::Connect { socket, url } => {
                        let (tx, rx) = mpsc::unbounded_channel();
                        state.sockets.insert(socket, tx);
                        tokio::spawn(self.clone().connect(socket, url, rx));
                    }
                    Transmit::Close { socket } => {
                        state.sockets.remove(&socket);
                    }
                    Transmit::Helix { id, auth, request } => {
                        let me = self.clone();
                        state.helix.retain(|task| !task.is_finished());
                        state.helix.push(tokio::spawn(async move {
                            let answer = me.inner.twitch.request_unsigned(*request, auth).await;
                            me.input(|m, now| match answer {
                                Ok(response) => m.handle_response(id, response, now),
                                Err(error) => m.handle_transport_error(id, error, now),
                            });
                        }));
                    }
                    _ => {}
                }
            }
            while let Some(event) = state.machine.poll_event() {
                let message = match event {
                    core_ws::Event::Welcome { session_id } => {
                        EventSubMessage::Welcome { session_id }
                    }
                    core_ws::Event::Subscribed {
                        uuid,
                        subscription_id,
                        kind,
                        version,
                    } => {
                        state.ids.insert(subscription_id.clone(), uuid);
                        if let Some(tx) = state.confirms.remove(&uuid) {
                            let _ = tx.send(Ok(subscription_id.clone()));
                        }
                        EventSubMessage::Subscribed {
                            subscription_id,
                            kind,
                            version,
                        }
                    }
                    core_ws::Event::SubscribeFailed {
                        uuid,
                        kind,
                        version,
                        error,
                    } => {
                        state.callbacks.remove(&uuid);
                        if let Some(tx) = state.confirms.remove(&uuid) {
                            let _ = tx.send(Err(error.clone()));
                        }
                        EventSubMessage::SubscribeFailed {
                            kind,
                            version,
                            error,
                        }
                    }
                    core_ws::Event::Notification {
                        uuid,
                        subscription_id,
                        message_id,
                        kind,
                        version,
                        event,
                    } => {
                        let notification = Notification {
                            subscription_id,
                            message_id,
                            kind,
                            version,
                            event,
                        };
                        if let Some(callback) = uuid.and_then(|u| state.callbacks.get(&u)) {
                            deliveries.push((callback.clone(), notification.clone()));
                        }
                        EventSubMessage::Notification(notification)
                    }
                    core_ws::Event::Reconnecting { reason } => {
                        EventSubMessage::Reconnecting { reason }
                    }
                    core_ws::Event::Reconnected { session_id } => {
                        EventSubMessage::Reconnected { session_id }
                    }
                    core_ws::Event::Revoked {
                        uuid,
                        subscription_id,
                        status,
                    } => {
                        if let Some(uuid) = uuid {
                            state.callbacks.remove(&uuid);
                        }
                        EventSubMessage::Revoked {
                            subscription_id,
                            status,
                        }
                    }
                    core_ws::Event::Error(error) => EventSubMessage::Error(error),
                    other => EventSubMessage::Error(Error::Protocol(format!(
                        "unhandled EventSub event {other:?}"
                    ))),
                };
                state.streams.retain(|tx| tx.send(message.clone()).is_ok());
            }
        }
        for (callback, notification) in deliveries {
            callback(&notification);
        }
        self.inner.wake.notify_waiters();
    }

    /// Feeds the machine one input, then carries out what it produced.
    fn input(&self, f: impl FnOnce(&mut core_ws::EventSubWs, Instant)) {
        f(&mut self.lock().machine, Instant::now());
        self.carry_out();
    }

    /// Sleeps until the machine's next deadline, while the client runs.
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
                _ = sleep => self.input(|m, now| m.handle_timeout(now)),
                _ = &mut notified => {}
            }
        }
    }

    /// Opens `socket` to `url` and pumps it until it closes, or until the
    /// machine closes it (its sender is dropped).
    async fn connect(self, socket: SocketId, url: String, mut closed: mpsc::UnboundedReceiver<()>) {
        let connected = tokio::select! {
            connected = tokio_tungstenite::connect_async(url.as_str()) => connected,
            _ = closed.recv() => return,
        };
        let (mut sink, mut stream) = match connected {
            Ok((ws, _)) => ws.split(),
            Err(error) => {
                tracing::warn!(target: "twitchapi::eventsub", socket = socket.get(), %error, "connect failed");
                self.input(|m, now| m.handle_closed(socket, None, now));
                return;
            }
        };
        self.input(|m, now| m.handle_connected(socket, now));
        let code = loop {
            tokio::select! {
                frame = stream.next() => match frame {
                    Some(Ok(WsMessage::Text(text))) => {
                        self.input(|m, now| m.handle_text(socket, text.as_str(), now));
                    }
                    Some(Ok(WsMessage::Close(frame))) => break frame.map(|f| u16::from(f.code)),
                    Some(Ok(_)) => {}
                    Some(Err(error)) => {
                        tracing::debug!(target: "twitchapi::eventsub", socket = socket.get(), %error, "socket error");
                        break None;
                    }
                    None => break None,
                },
                _ = closed.recv() => {
                    // the machine is done with this socket
                    let _ = sink.close().await;
                    return;
                }
            }
        };
        let _ = sink.close().await;
        self.input(|m, now| m.handle_closed(socket, code, now));
    }
}
