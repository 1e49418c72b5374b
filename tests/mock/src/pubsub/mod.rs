//! The PubSub websocket server (`GET /pubsub`), behaving like Twitch's
//! (retired) one: LISTEN/UNLISTEN answered by one RESPONSE per frame, PING
//! answered by PONG, MESSAGE delivered to the connections listening, and a
//! connection closed when it sent no PING for 5 minutes. Frame handling is in
//! [`frames`], topics in [`topics`], the socket loop in [`server`], the
//! [`crate::MockServer`] methods in [`api`] and their HTTP mirror in [`admin`].

pub(crate) mod admin;
mod api;
mod frames;
mod messages;
pub(crate) mod server;
mod topics;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use tokio::sync::mpsc;

/// Most topics one LISTEN, and one connection, may hold.
pub(crate) const MAX_TOPICS: usize = 50;

/// What the server tells a connection's task to do.
#[derive(Debug)]
pub(crate) enum Command {
    /// Send this text frame.
    Text(String),
    /// Close the socket at once, with no close frame (a TCP reset where possible).
    Drop,
    /// Send a close frame (going away) and end: the mock shuts down.
    Close,
}

/// One open websocket.
#[derive(Debug)]
pub(crate) struct Connection {
    tx: mpsc::UnboundedSender<Command>,
    topics: BTreeSet<String>,
}

/// The PubSub part of the mock's state: connections, topics, fault switches
/// and the frames received.
#[derive(Debug)]
pub(crate) struct PubSubState {
    conns: BTreeMap<u64, Connection>,
    next_id: u64,
    /// A connection that sent no PING for this long is closed.
    pub idle_timeout: Duration,
    /// Answer no PING.
    pub withhold_pong: bool,
    /// Answer no LISTEN or UNLISTEN.
    pub drop_responses: bool,
    /// Every RESPONSE goes out this late.
    pub response_delay: Duration,
    /// Topics answered with ERR_BADTOPIC.
    pub refused_topics: BTreeSet<String>,
    /// Every frame received, parsed (frames that are not JSON as a JSON string).
    pub frames: Vec<serde_json::Value>,
    /// Whispers sent so far (the next whisper's numeric id).
    pub whispers_sent: u64,
}

impl PubSubState {
    pub fn new(idle_timeout: Duration) -> Self {
        PubSubState {
            conns: BTreeMap::new(),
            next_id: 0,
            idle_timeout,
            withhold_pong: false,
            drop_responses: false,
            response_delay: Duration::ZERO,
            refused_topics: BTreeSet::new(),
            frames: Vec::new(),
            whispers_sent: 0,
        }
    }

    /// Registers a new connection; returns its id.
    pub fn register(&mut self, tx: mpsc::UnboundedSender<Command>) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.conns.insert(
            id,
            Connection {
                tx,
                topics: BTreeSet::new(),
            },
        );
        id
    }

    /// Forgets a connection (closed, dropped or timed out) and its topics.
    pub fn unregister(&mut self, id: u64) {
        self.conns.remove(&id);
    }

    /// Number of open connections.
    pub fn connections(&self) -> usize {
        self.conns.len()
    }

    /// Number of connections listening to `topic`.
    pub fn listening(&self, topic: &str) -> usize {
        self.conns
            .values()
            .filter(|c| c.topics.contains(topic))
            .count()
    }

    /// The topics of connection `id`.
    pub(crate) fn topics_mut(&mut self, id: u64) -> Option<&mut BTreeSet<String>> {
        self.conns.get_mut(&id).map(|c| &mut c.topics)
    }

    /// Sends `text` on every connection; returns on how many.
    pub fn broadcast(&self, text: &str) -> usize {
        self.conns
            .values()
            .filter(|c| c.tx.send(Command::Text(text.to_owned())).is_ok())
            .count()
    }

    /// Delivers a MESSAGE (`message` serialized into `data.message`) to every
    /// connection listening to `topic`; returns to how many.
    pub fn send(&self, topic: &str, message: &serde_json::Value) -> usize {
        let frame = serde_json::json!({
            "type": "MESSAGE",
            "data": { "topic": topic, "message": message.to_string() },
        })
        .to_string();
        self.conns
            .values()
            .filter(|c| c.topics.contains(topic))
            .filter(|c| c.tx.send(Command::Text(frame.clone())).is_ok())
            .count()
    }

    /// Tells every connection to end with `command` (Drop or Close) and
    /// forgets them all; returns how many there were.
    pub fn end_all(&mut self, command: fn() -> Command) -> usize {
        let conns = std::mem::take(&mut self.conns);
        for conn in conns.values() {
            let _ = conn.tx.send(command());
        }
        conns.len()
    }
}
