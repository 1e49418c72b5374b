//! [`PubSub`], the machine: topics, connections, LISTEN confirmation, PING and
//! PONG, reconnects with backoff.

use std::collections::VecDeque;

use uuid::Uuid;

use super::frame;
use super::messages::Message;
use super::Topic;
use crate::machine::{after, Rng};
use crate::sorted_map::SortedMap;
use crate::{AuthScope, Duration, Error, Instant, Secret};

/// How a [`PubSub`] behaves; the defaults are the seed's.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PubSubConfig {
    /// Time between PINGs (the seed's `ping_frequency`, default 120 s).
    pub ping_frequency: Duration,
    /// Each PING comes this much earlier or later at random (`ping_jitter`, default 4 s).
    pub ping_jitter: Duration,
    /// A PING not answered within this ends the connection (default 10 s).
    pub pong_timeout: Duration,
    /// A LISTEN not confirmed within this fails with `ListenTimeout`
    /// (`listen_confirm_timeout`, default 30 s).
    pub listen_confirm_timeout: Duration,
    /// The first wait before a reconnect (default 1 s; doubling, with jitter).
    pub reconnect_backoff: Duration,
    /// The longest wait before a reconnect (default 120 s).
    pub max_reconnect_backoff: Duration,
    /// Topics per connection (Twitch allows 50).
    pub topics_per_connection: usize,
    /// Connections (Twitch allows 10 per IP).
    pub max_connections: usize,
    /// Seed of the nonce, UUID and jitter generator.
    pub seed: u64,
}

impl Default for PubSubConfig {
    fn default() -> Self {
        PubSubConfig {
            ping_frequency: Duration::from_secs(120),
            ping_jitter: Duration::from_secs(4),
            pong_timeout: Duration::from_secs(10),
            listen_confirm_timeout: Duration::from_secs(30),
            reconnect_backoff: Duration::from_secs(1),
            max_reconnect_backoff: Duration::from_secs(120),
            topics_per_connection: 50,
            max_connections: 10,
            seed: 0x7075_6273_7562,
        }
    }
}

/// One connection of a [`PubSub`] (it opens more beyond 50 topics); the
/// default is the first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnId(pub(crate) usize);

impl ConnId {
    /// The connection's number, from 0.
    pub fn get(self) -> usize {
        self.0
    }
}

/// What the adapter must do with a connection. `Debug` hides the token a
/// LISTEN frame carries.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Transmit {
    /// Open a websocket to the PubSub URL; report `handle_connected` or `handle_closed`.
    Connect(ConnId),
    /// Send this text frame.
    Text(ConnId, String),
    /// Close the websocket (no `handle_closed` is expected afterwards).
    Close(ConnId),
}

impl std::fmt::Debug for Transmit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transmit::Connect(conn) => f.debug_tuple("Connect").field(conn).finish(),
            Transmit::Close(conn) => f.debug_tuple("Close").field(conn).finish(),
            Transmit::Text(conn, text) => f
                .debug_tuple("Text")
                .field(conn)
                .field(&redact_token(text))
                .finish(),
        }
    }
}

/// The frame with the value of `auth_token` replaced by `[redacted]`.
fn redact_token(text: &str) -> String {
    const KEY: &str = "\"auth_token\":\"";
    match text.find(KEY) {
        Some(start) => {
            let value = start + KEY.len();
            let end = text[value..].find('"').map_or(text.len(), |i| value + i);
            format!("{}[redacted]{}", &text[..value], &text[end..])
        }
        None => text.to_owned(),
    }
}

/// What the application sees.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// Twitch confirmed the subscription `uuid` of `topic`.
    Listening {
        /// The subscription ([`PubSub::listen`] returned it).
        uuid: Uuid,
        /// The topic.
        topic: String,
    },
    /// The subscription ended because Twitch refused its topic, or did not
    /// confirm it in time ([`Error::ListenTimeout`]).
    ListenFailed {
        /// The subscription.
        uuid: Uuid,
        /// The topic.
        topic: String,
        /// Why.
        error: Error,
    },
    /// A message for the subscription `uuid`.
    Message {
        /// The subscription.
        uuid: Uuid,
        /// The topic.
        topic: String,
        /// The decoded `data.message`.
        message: Message,
    },
    /// A connection is down and will be opened again.
    Reconnecting {
        /// Which.
        conn: ConnId,
        /// Why (`RECONNECT`, `no PONG`, `closed`, ...).
        reason: String,
    },
    /// A connection is back; its topics are being listened to again.
    Reconnected {
        /// Which.
        conn: ConnId,
    },
    /// Twitch answered ERR_BADAUTH: refresh the user token (through the Helix
    /// session) and hand the new one to [`PubSub::set_token`]; the LISTEN is
    /// sent again once with it.
    TokenRejected,
    /// Bad input from the server; the session goes on.
    Error(Error),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TopicState {
    /// To be sent in the next LISTEN of its connection.
    Wanted,
    /// In a LISTEN that is not answered yet.
    Pending,
    /// Confirmed.
    Listening,
    /// Waiting for a new token after ERR_BADAUTH.
    AwaitingToken,
}

#[derive(Debug)]
struct TopicEntry {
    conn: usize,
    state: TopicState,
    /// LISTEN it alone (its batch failed with ERR_BADTOPIC).
    alone: bool,
    /// ERR_BADAUTH was already answered with a refresh.
    auth_retried: bool,
}

#[derive(Debug)]
struct Sub {
    topic: String,
    confirmed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ConnState {
    Idle,
    Connecting,
    Open,
    /// Reconnect at this instant.
    Waiting(Instant),
}

#[derive(Debug)]
struct Conn {
    state: ConnState,
    failures: u32,
    was_open: bool,
    next_ping: Option<Instant>,
    pong_deadline: Option<Instant>,
}

#[derive(Debug)]
struct Pending {
    conn: usize,
    topics: Vec<String>,
    deadline: Option<Instant>,
}

/// The seed's PubSub client as a sans-IO machine.
///
/// Rules: LISTENs carry the user token raw; each is confirmed by a RESPONSE
/// with its nonce within `listen_confirm_timeout`. A PING goes out every
/// `ping_frequency ± ping_jitter`; no PONG within `pong_timeout`, a RECONNECT
/// or a closed socket reconnects with exponential backoff and LISTENs every
/// wanted topic again (at most 50 per LISTEN). A batch refused with
/// ERR_BADTOPIC or ERR_BADAUTH is sent again one topic per LISTEN, so one bad
/// topic never takes the others down; a topic refused alone is reported and
/// dropped (after one token refresh, for ERR_BADAUTH). At
/// most 50 topics per connection, more connections beyond that, a typed error
/// beyond `max_connections`. It follows the [calling rule](crate::machine).
///
/// ```
/// use twitchapi_core::pubsub::{ConnId, Event, PubSub, PubSubConfig, Topic, Transmit};
/// use twitchapi_core::{AuthScope, Instant, Secret};
///
/// let now = Instant::now();
/// let mut pubsub = PubSub::new(PubSubConfig::default());
/// pubsub.set_token(Secret::new("user-token"), vec![AuthScope::WhispersRead], now);
/// let uuid = pubsub.listen(Topic::Whispers { user_id: "1".into() }, now).unwrap();
/// pubsub.start(now).unwrap();
/// assert_eq!(pubsub.poll_transmit(), Some(Transmit::Connect(ConnId::default())));
/// pubsub.handle_connected(ConnId::default(), now);
/// let Some(Transmit::Text(_, listen)) = pubsub.poll_transmit() else { panic!() };
/// let nonce = serde_json::from_str::<serde_json::Value>(&listen).unwrap()["nonce"].clone();
/// let response = serde_json::json!({"type": "RESPONSE", "nonce": nonce, "error": ""});
/// pubsub.handle_text(ConnId::default(), &response.to_string(), now);
/// assert_eq!(
///     pubsub.poll_event(),
///     Some(Event::Listening { uuid, topic: "whispers.1".into() })
/// );
/// ```
#[derive(Debug)]
pub struct PubSub {
    config: PubSubConfig,
    rng: Rng,
    token: Option<Secret>,
    scopes: Vec<AuthScope>,
    started: bool,
    subs: SortedMap<Uuid, Sub>,
    topics: SortedMap<String, TopicEntry>,
    conns: Vec<Conn>,
    pending: SortedMap<String, Pending>,
    transmits: VecDeque<Transmit>,
    events: VecDeque<Event>,
    decode: Decoder,
}

/// How a [`PubSub`] reads a message's `data.message` on a topic.
pub type Decoder = fn(&str, &str) -> Result<Message, Error>;

impl PubSub {
    /// A stopped client with no topics, decoding messages into the typed
    /// models ([`super::messages::decode`]).
    pub fn new(config: PubSubConfig) -> PubSub {
        PubSub::with_decoder(config, super::messages::decode)
    }

    /// Like [`PubSub::new`], reading messages with `decode`: for example
    /// [`super::messages::decode_json`], which keeps every message as JSON
    /// (a build that never calls [`PubSub::new`] then carries no typed model).
    pub fn with_decoder(config: PubSubConfig, decode: Decoder) -> PubSub {
        PubSub {
            decode,
            rng: Rng::new(config.seed),
            config,
            token: None,
            scopes: Vec::new(),
            started: false,
            subs: SortedMap::new(),
            topics: SortedMap::new(),
            conns: Vec::new(),
            pending: SortedMap::new(),
            transmits: VecDeque::new(),
            events: VecDeque::new(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &PubSubConfig {
        &self.config
    }

    /// The user token LISTENs carry, and its scopes (checked by `listen`).
    /// Topics waiting for a new token after ERR_BADAUTH are sent again.
    pub fn set_token(&mut self, token: Secret, scopes: Vec<AuthScope>, now: Instant) {
        self.token = Some(token);
        self.scopes = scopes;
        for entry in self.topics.values_mut() {
            if entry.state == TopicState::AwaitingToken {
                entry.state = TopicState::Wanted;
            }
        }
        for conn in 0..self.conns.len() {
            self.flush(conn, now);
        }
    }

    /// Opens the connections (the seed's `start`); starting twice is an error.
    pub fn start(&mut self, now: Instant) -> Result<(), Error> {
        if self.started {
            return Err(Error::invalid("pubsub is already started"));
        }
        self.started = true;
        let _ = now;
        for i in 0..self.conns.len() {
            self.open_if_needed(i);
        }
        Ok(())
    }

    /// Closes every connection (the seed's `stop`); stopping a stopped client is an error.
    /// Subscriptions are kept: a later `start` listens to them again.
    pub fn stop(&mut self, now: Instant) -> Result<(), Error> {
        if !self.started {
            return Err(Error::invalid("pubsub is not started"));
        }
        let _ = now;
        self.started = false;
        for i in 0..self.conns.len() {
            if matches!(self.conns[i].state, ConnState::Open | ConnState::Connecting) {
                self.transmits.push_back(Transmit::Close(ConnId(i)));
            }
            self.down(i);
            self.conns[i].state = ConnState::Idle;
        }
        Ok(())
    }

    /// Subscribes to `topic`; the returned UUID names the subscription in its
    /// events. The scope is checked first (`MissingScope`, nothing sent);
    /// beyond `max_connections` × `topics_per_connection` topics, `InvalidArgument`.
    pub fn listen(&mut self, topic: Topic, now: Instant) -> Result<Uuid, Error> {
        if let Some(scope) = topic.scope() {
            if !self.scopes.contains(&scope) {
                return Err(Error::MissingScope {
                    required: vec![scope],
                });
            }
        }
        let name = topic.name();
        if !self.topics.contains_key(&name) {
            let conn = self.conn_with_room()?;
            self.topics.insert(
                name.clone(),
                TopicEntry {
                    conn,
                    state: TopicState::Wanted,
                    alone: false,
                    auth_retried: false,
                },
            );
        }
        let uuid = self.new_uuid();
        let confirmed = self.topics[&name].state == TopicState::Listening;
        self.subs.insert(
            uuid,
            Sub {
                topic: name.clone(),
                confirmed,
            },
        );
        if confirmed {
            self.events
                .push_back(Event::Listening { uuid, topic: name });
        }
        let conn = self.topics.get(&topic.name()).map(|t| t.conn).unwrap_or(0);
        self.open_if_needed(conn);
        self.flush(conn, now);
        Ok(uuid)
    }

    /// Ends the subscription `uuid`; UNLISTEN goes out when it was the last
    /// one of its topic. An unknown UUID is `InvalidArgument`.
    pub fn unlisten(&mut self, uuid: Uuid, now: Instant) -> Result<(), Error> {
        let _ = now;
        let sub = self
            .subs
            .remove(&uuid)
            .ok_or_else(|| Error::invalid(format!("no subscription {uuid}")))?;
        if self.subs.values().any(|s| s.topic == sub.topic) {
            return Ok(());
        }
        if let Some(entry) = self.topics.remove(&sub.topic) {
            let sent = matches!(entry.state, TopicState::Pending | TopicState::Listening);
            if sent && self.conns[entry.conn].state == ConnState::Open {
                let nonce = self.new_nonce();
                self.transmits.push_back(Transmit::Text(
                    ConnId(entry.conn),
                    frame::unlisten(&nonce, std::slice::from_ref(&sub.topic)),
                ));
            }
        }
        Ok(())
    }

    /// The topics listened to (confirmed or not), in order.
    pub fn topics(&self) -> Vec<String> {
        self.topics.keys().cloned().collect()
    }

    fn conn_with_room(&mut self) -> Result<usize, Error> {
        let per = self.config.topics_per_connection.max(1);
        for (i, _) in self.conns.iter().enumerate() {
            if self.topics.values().filter(|t| t.conn == i).count() < per {
                return Ok(i);
            }
        }
        if self.conns.len() >= self.config.max_connections {
            return Err(Error::invalid(format!(
                "pubsub: at most {} topics ({} connections of {per})",
                self.config.max_connections * per,
                self.config.max_connections
            )));
        }
        self.conns.push(Conn {
            state: ConnState::Idle,
            failures: 0,
            was_open: false,
            next_ping: None,
            pong_deadline: None,
        });
        Ok(self.conns.len() - 1)
    }

    fn new_uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn new_nonce(&mut self) -> String {
        format!("{:016x}{:016x}", self.rng.next_u64(), self.rng.next_u64())
    }

    fn open_if_needed(&mut self, conn: usize) {
        if !self.started || self.conns[conn].state != ConnState::Idle {
            return;
        }
        if self.topics.values().any(|t| t.conn == conn) {
            self.conns[conn].state = ConnState::Connecting;
            self.transmits.push_back(Transmit::Connect(ConnId(conn)));
        }
    }

    /// Sends the wanted topics of `conn` in LISTENs of at most 50 (one each
    /// for topics marked `alone`).
    pub(super) fn flush(&mut self, conn: usize, now: Instant) {
        if self.conns[conn].state != ConnState::Open {
            return;
        }
        let Some(token) = self.token.clone() else {
            return;
        };
        let wanted: Vec<(String, bool)> = self
            .topics
            .iter()
            .filter(|(_, t)| t.conn == conn && t.state == TopicState::Wanted)
            .map(|(name, t)| (name.clone(), t.alone))
            .collect();
        let mut batches: Vec<Vec<String>> = Vec::new();
        let mut together = Vec::new();
        for (name, alone) in wanted {
            if alone {
                batches.push(vec![name]);
            } else {
                together.push(name);
            }
        }
        batches.extend(together.chunks(50).map(|c| c.to_vec()));
        for topics in batches {
            let nonce = self.new_nonce();
            for name in &topics {
                if let Some(entry) = self.topics.get_mut(name) {
                    entry.state = TopicState::Pending;
                }
            }
            let text = frame::listen(&nonce, &topics, &token);
            // an unrepresentable deadline never comes: the LISTEN just waits
            let deadline = after(now, self.config.listen_confirm_timeout);
            self.pending.insert(
                nonce,
                Pending {
                    conn,
                    topics,
                    deadline,
                },
            );
            self.transmits.push_back(Transmit::Text(ConnId(conn), text));
        }
    }
}

mod inputs;
