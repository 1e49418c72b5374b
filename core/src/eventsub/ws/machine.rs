//! [`EventSubWs`]: one user's EventSub WebSocket subscriptions over up to
//! three connections.

use std::collections::VecDeque;

use uuid::Uuid;

use super::frames::CloseReason;
use super::message::Message;
use super::recent::Recent;
use super::types::{Event, SocketId, Transmit, WsConfig, MAX_BACKOFF};

mod requests;
use crate::helix::Helix;
use crate::machine::{after, earliest, Rng, TransmitId};
use crate::sorted_map::SortedMap;
use crate::{Duration, Error, Instant};

#[derive(Debug)]
struct Wanted {
    kind: String,
    version: String,
    condition: serde_json::Value,
    conn: usize,
    subscription_id: Option<String>,
    /// The create request out for it, and the session it was made for.
    creating: Option<(TransmitId, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConnState {
    /// Nothing wanted on it.
    Idle,
    /// A socket is being opened / waits for its welcome until the deadline.
    Connecting,
    /// A session is running.
    Open,
    /// Waiting to reconnect.
    Waiting(Instant),
}

#[derive(Debug)]
struct Conn {
    state: ConnState,
    current: Option<SocketId>,
    /// The socket of a `session_reconnect` handoff, until its welcome.
    pending: Option<SocketId>,
    session_id: Option<String>,
    /// When the session counts as dead without a message.
    deadline: Option<Instant>,
    keepalive: Duration,
    failures: u32,
    was_open: bool,
    /// Subscription ids of a session that died: deleted once a new one is up.
    stale: Vec<String>,
}

#[derive(Debug)]
enum Purpose {
    Create(Uuid),
    Delete,
}

/// One user's EventSub WebSocket subscriptions (the core's machine shape;
/// see [`crate::machine`] for the calling rule).
///
/// - A connection opens when a subscription is wanted on it; every wanted
///   subscription is created right after the welcome (within Twitch's 10 s).
/// - Any message resets the keepalive deadline (Twitch's timeout plus a slack);
///   a missed one closes the socket and reconnects.
/// - `session_reconnect`: the new socket opens while the old one stays; on
///   the new welcome the old one closes; subscriptions carry over; a message
///   delivered on both sockets is handed out once (message ids are kept for
///   10 minutes, bounded).
/// - A closed or failed socket: backoff with jitter, a new session, the old
///   session's subscriptions deleted and every wanted one created again.
/// - A revoked subscription is dropped, never created again.
/// - At most [`WsConfig::per_connection`] per connection and
///   [`WsConfig::max_connections`] connections; more is a typed error.
/// - A create that the known cost budget cannot take fails before it is sent.
///
/// ```
/// use twitchapi_core::eventsub::ws::{EventSubWs, Transmit, WsConfig};
/// use twitchapi_core::helix::Helix;
/// use twitchapi_core::Instant;
///
/// let now = Instant::now();
/// let mut ws = EventSubWs::new(&Helix::new("cid"), WsConfig::default());
/// ws.listen("stream.online", "1", serde_json::json!({"broadcaster_user_id": "1337"}), now).unwrap();
/// match ws.poll_transmit() {
///     Some(Transmit::Connect { url, .. }) => assert_eq!(url, "wss://eventsub.wss.twitch.tv/ws?keepalive_timeout_seconds=10"),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug)]
pub struct EventSubWs {
    subs_url: String,
    client_id: String,
    config: WsConfig,
    conns: Vec<Conn>,
    wanted: SortedMap<Uuid, Wanted>,
    in_flight: SortedMap<TransmitId, Purpose>,
    transmits: VecDeque<Transmit>,
    events: VecDeque<Event>,
    recent: Recent,
    rng: Rng,
    next_id: u64,
    total_cost: u64,
    max_total_cost: Option<u64>,
}

impl EventSubWs {
    /// A machine creating subscriptions under `helix`'s base URL.
    pub fn new(helix: &Helix, config: WsConfig) -> EventSubWs {
        EventSubWs {
            subs_url: format!("{}/eventsub/subscriptions", helix.base_url()),
            client_id: helix.client_id().to_owned(),
            rng: Rng::new(config.seed),
            config,
            conns: Vec::new(),
            wanted: SortedMap::new(),
            in_flight: SortedMap::new(),
            transmits: VecDeque::new(),
            events: VecDeque::new(),
            recent: Recent::new(100_000),
            next_id: 0,
            total_cost: 0,
            max_total_cost: None,
        }
    }

    /// The settings.
    pub fn config(&self) -> &WsConfig {
        &self.config
    }

    /// How many connections are in use (open, opening or waiting to reopen).
    pub fn connections(&self) -> usize {
        self.conns
            .iter()
            .filter(|c| c.state != ConnState::Idle)
            .count()
    }

    /// `(total_cost, max_total_cost)` as Twitch last reported them.
    pub fn cost(&self) -> (u64, Option<u64>) {
        (self.total_cost, self.max_total_cost)
    }

    /// How many message ids are remembered for dedupe (bounded).
    pub fn remembered_messages(&self) -> usize {
        self.recent.len()
    }

    /// Wants a subscription of `kind` `version` with `condition`; it is
    /// created once its connection's session is up. Returns its handle.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for an empty type or version, a condition
    /// that is not an object, more than `per_connection × max_connections`
    /// subscriptions; [`Error::Api`] (429) when the cost budget Twitch
    /// reported is used up. Nothing is sent then.
    pub fn listen(
        &mut self,
        kind: &str,
        version: &str,
        condition: serde_json::Value,
        now: Instant,
    ) -> Result<Uuid, Error> {
        if kind.is_empty() || version.is_empty() {
            return Err(Error::invalid("an EventSub type and version are required"));
        }
        if !condition.is_object() {
            return Err(Error::invalid(
                "an EventSub condition must be a JSON object",
            ));
        }
        if self
            .max_total_cost
            .is_some_and(|max| self.total_cost >= max)
        {
            return Err(Error::Api {
                status: 429,
                message: "the EventSub cost budget is used up".into(),
            });
        }
        let conn = self.conn_with_room()?;
        let uuid = self.new_uuid();
        self.wanted.insert(
            uuid,
            Wanted {
                kind: kind.into(),
                version: version.into(),
                condition,
                conn,
                subscription_id: None,
                creating: None,
            },
        );
        match self.conns[conn].state {
            ConnState::Idle => self.open(conn, now),
            ConnState::Open => self.create(uuid),
            _ => {}
        }
        Ok(uuid)
    }

    /// Ends the subscription `uuid` (deleted at Twitch when it was created).
    /// A connection left without subscriptions closes.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for an unknown handle.
    pub fn unlisten(&mut self, uuid: Uuid, _now: Instant) -> Result<(), Error> {
        let wanted = self
            .wanted
            .remove(&uuid)
            .ok_or_else(|| Error::NotFound(format!("no EventSub subscription {uuid}")))?;
        if let Some(id) = wanted.subscription_id {
            self.delete(&id);
        }
        // a create still out finds no wanted subscription when its answer
        // comes, and deletes what it created then
        if !self.wanted.values().any(|w| w.conn == wanted.conn) {
            self.close_conn(wanted.conn);
        }
        Ok(())
    }

    /// Deletes every subscription created and closes every socket.
    pub fn stop(&mut self, _now: Instant) {
        let ids: Vec<String> = self
            .wanted
            .values()
            .filter_map(|w| w.subscription_id.clone())
            .collect();
        for id in ids {
            self.delete(&id);
        }
        self.wanted.clear();
        for conn in 0..self.conns.len() {
            self.close_conn(conn);
        }
    }

    /// The next thing to do.
    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.transmits.pop_front()
    }

    /// The next event.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// When [`EventSubWs::handle_timeout`] wants to be called.
    pub fn poll_timeout(&self) -> Option<Instant> {
        self.conns.iter().fold(None, |next, c| match c.state {
            ConnState::Waiting(at) => earliest(next, Some(at)),
            ConnState::Connecting | ConnState::Open => earliest(next, c.deadline),
            ConnState::Idle => next,
        })
    }

    /// Time has reached `now`: silent sessions, late welcomes, reconnects.
    pub fn handle_timeout(&mut self, now: Instant) {
        for i in 0..self.conns.len() {
            match self.conns[i].state {
                ConnState::Waiting(at) if at <= now => self.open(i, now),
                ConnState::Connecting | ConnState::Open
                    if self.conns[i].deadline.is_some_and(|at| at <= now) =>
                {
                    let reason = if self.conns[i].state == ConnState::Open {
                        "keepalive missed"
                    } else {
                        "no welcome in time"
                    };
                    if let Some(socket) = self.conns[i].current.take() {
                        self.transmits.push_back(Transmit::Close { socket });
                    }
                    if let Some(socket) = self.conns[i].pending.take() {
                        self.transmits.push_back(Transmit::Close { socket });
                    }
                    self.session_lost(i, reason.into(), now);
                }
                _ => {}
            }
        }
    }

    /// The websocket `socket` is open.
    pub fn handle_connected(&mut self, socket: SocketId, now: Instant) {
        if let Some(i) = self.conn_of_current(socket) {
            self.conns[i].deadline = after(now, self.config.welcome_timeout);
        }
    }

    /// The websocket `socket` closed (`code`: its close code), or could not be opened.
    pub fn handle_closed(&mut self, socket: SocketId, code: Option<u16>, now: Instant) {
        let reason = CloseReason::from_code(code);
        for i in 0..self.conns.len() {
            if self.conns[i].pending == Some(socket) {
                self.conns[i].pending = None;
                self.events.push_back(Event::Error(Error::Transport(format!(
                    "the reconnect socket closed: {}",
                    reason.as_str()
                ))));
                if self.conns[i].current.is_none() {
                    self.session_lost(i, reason.as_str().into(), now);
                }
                return;
            }
            if self.conns[i].current == Some(socket) {
                self.conns[i].current = None;
                if self.conns[i].pending.is_some() {
                    return; // the handoff's new socket carries on
                }
                if self.conns[i].state != ConnState::Idle {
                    self.session_lost(i, reason.as_str().into(), now);
                }
                return;
            }
        }
    }

    /// A text frame arrived on `socket`.
    pub fn handle_text(&mut self, socket: SocketId, text: &str, now: Instant) {
        let Some(i) = self
            .conns
            .iter()
            .position(|c| c.current == Some(socket) || c.pending == Some(socket))
        else {
            return; // a socket already replaced or closed
        };
        let on_pending = self.conns[i].pending == Some(socket);
        let incoming = match Message::parse(text) {
            Ok(incoming) => incoming,
            Err(error) => {
                self.events.push_back(Event::Error(error));
                return;
            }
        };
        if !on_pending {
            let c = &mut self.conns[i];
            c.deadline = after(now, c.keepalive + self.config.keepalive_slack);
        }
        match incoming {
            Message::Welcome {
                session_id,
                keepalive_seconds,
            } => self.welcome(i, socket, on_pending, session_id, keepalive_seconds, now),
            Message::Keepalive => {}
            Message::Notification {
                message_id,
                subscription_id,
                kind,
                version,
                events,
            } => {
                if !self.recent.insert(&message_id, now) {
                    return;
                }
                let uuid = self.uuid_of(&subscription_id);
                let mut ids = Some((subscription_id, message_id, kind, version));
                let mut events = events.into_iter().peekable();
                while let Some(event) = events.next() {
                    // the last (usually the only) event takes the strings, the others copy them
                    let (subscription_id, message_id, kind, version) = match events.peek() {
                        Some(_) => ids.clone(),
                        None => ids.take(),
                    }
                    .unwrap_or_default();
                    self.events.push_back(Event::Notification {
                        uuid,
                        subscription_id,
                        message_id,
                        kind,
                        version,
                        event,
                    });
                }
            }
            Message::Reconnect { reconnect_url } => {
                if on_pending || self.conns[i].pending.is_some() {
                    return;
                }
                let socket = self.new_socket();
                self.conns[i].pending = Some(socket);
                self.events.push_back(Event::Reconnecting {
                    reason: "session_reconnect".into(),
                });
                self.transmits.push_back(Transmit::Connect {
                    socket,
                    url: reconnect_url,
                });
            }
            Message::Revocation { subscription } => {
                let uuid = self.uuid_of(&subscription.id);
                if let Some(uuid) = uuid {
                    self.wanted.remove(&uuid);
                }
                self.events.push_back(Event::Revoked {
                    uuid,
                    subscription_id: subscription.id,
                    status: subscription.status,
                });
            }
        }
    }

    fn welcome(
        &mut self,
        i: usize,
        socket: SocketId,
        on_pending: bool,
        session_id: String,
        keepalive: Option<u64>,
        now: Instant,
    ) {
        let keepalive = Duration::from_secs(keepalive.unwrap_or(self.config.keepalive_seconds));
        let c = &mut self.conns[i];
        c.keepalive = keepalive;
        c.deadline = after(now, keepalive + self.config.keepalive_slack);
        c.session_id = Some(session_id.clone());
        c.state = ConnState::Open;
        c.failures = 0;
        if on_pending {
            // the handoff: the new socket takes over, subscriptions carry over
            if let Some(old) = c.current.replace(socket) {
                self.transmits.push_back(Transmit::Close { socket: old });
            }
            c.pending = None;
            self.events.push_back(Event::Reconnected { session_id });
            return;
        }
        let reconnected = c.was_open;
        c.was_open = true;
        let stale = std::mem::take(&mut c.stale);
        self.events.push_back(Event::Welcome {
            session_id: session_id.clone(),
        });
        for id in stale {
            self.delete(&id);
        }
        let mine: Vec<Uuid> = self
            .wanted
            .iter()
            .filter(|(_, w)| w.conn == i)
            .map(|(u, _)| *u)
            .collect();
        for uuid in mine {
            self.create(uuid);
        }
        if reconnected {
            self.events.push_back(Event::Reconnected { session_id });
        }
    }

    /// The session of connection `i` is gone: its subscriptions go stale, and
    /// a new socket opens after a backoff.
    fn session_lost(&mut self, i: usize, reason: String, now: Instant) {
        tracing::warn!(target: "twitchapi::eventsub", %reason, "session lost");
        let mut stale = Vec::new();
        for w in self.wanted.values_mut().filter(|w| w.conn == i) {
            if let Some(id) = w.subscription_id.take() {
                stale.push(id);
            }
            w.creating = None;
        }
        let c = &mut self.conns[i];
        c.stale.extend(stale);
        c.session_id = None;
        c.deadline = None;
        c.failures = c.failures.saturating_add(1);
        let base = self
            .config
            .reconnect_backoff
            .saturating_mul(1 << (c.failures - 1).min(16))
            .min(MAX_BACKOFF);
        let wait = self.rng.jitter(base);
        c.state = match after(now, wait) {
            Some(at) => ConnState::Waiting(at),
            None => ConnState::Idle,
        };
        self.events.push_back(Event::Reconnecting { reason });
    }

    fn conn_with_room(&mut self) -> Result<usize, Error> {
        let count = |i: usize| self.wanted.values().filter(|w| w.conn == i).count();
        if let Some(i) = (0..self.conns.len()).find(|&i| count(i) < self.config.per_connection) {
            return Ok(i);
        }
        if self.conns.len() >= self.config.max_connections {
            return Err(Error::invalid(format!(
                "at most {} EventSub subscriptions per user over WebSockets ({} per connection, {} connections)",
                self.config.per_connection * self.config.max_connections,
                self.config.per_connection,
                self.config.max_connections
            )));
        }
        self.conns.push(Conn {
            state: ConnState::Idle,
            current: None,
            pending: None,
            session_id: None,
            deadline: None,
            keepalive: Duration::from_secs(self.config.keepalive_seconds),
            failures: 0,
            was_open: false,
            stale: Vec::new(),
        });
        Ok(self.conns.len() - 1)
    }

    fn open(&mut self, i: usize, now: Instant) {
        let socket = self.new_socket();
        let c = &mut self.conns[i];
        c.current = Some(socket);
        c.state = ConnState::Connecting;
        c.deadline = after(now, self.config.welcome_timeout);
        let url = format!(
            "{}?keepalive_timeout_seconds={}",
            self.config.url,
            self.config.keepalive_seconds.clamp(10, 600)
        );
        self.transmits.push_back(Transmit::Connect { socket, url });
    }

    fn close_conn(&mut self, i: usize) {
        let Some(c) = self.conns.get_mut(i) else {
            return;
        };
        for socket in [c.current.take(), c.pending.take()].into_iter().flatten() {
            self.transmits.push_back(Transmit::Close { socket });
        }
        c.state = ConnState::Idle;
        c.session_id = None;
        c.deadline = None;
        c.was_open = false;
        let stale = std::mem::take(&mut c.stale);
        for id in stale {
            self.delete(&id);
        }
    }

    fn conn_of_current(&self, socket: SocketId) -> Option<usize> {
        self.conns.iter().position(|c| c.current == Some(socket))
    }

    fn uuid_of(&self, subscription_id: &str) -> Option<Uuid> {
        self.wanted
            .iter()
            .find(|(_, w)| w.subscription_id.as_deref() == Some(subscription_id))
            .map(|(u, _)| *u)
    }
}
