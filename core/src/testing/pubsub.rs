//! [`FakePubSub`]: a scripted PubSub server for the [`crate::pubsub::PubSub`]
//! machine, with Twitch's behaviour and fault switches, and [`drive_pubsub`].

use std::collections::{BTreeMap, BTreeSet};

use crate::machine::earliest;
use crate::pubsub::{ConnId, PubSub, Transmit};
use crate::{Duration, Instant};

use super::VirtualClock;

/// What the server does to a connection, when.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Output {
    Connected(ConnId),
    Closed(ConnId),
    Text(ConnId, String),
}

/// A frame the server received.
#[derive(Debug, Clone)]
pub struct ReceivedFrame {
    /// Virtual time of arrival.
    pub at: Instant,
    /// The connection.
    pub conn: ConnId,
    /// The frame's JSON.
    pub frame: serde_json::Value,
}

/// A PubSub server standing in for Twitch's: it answers LISTEN with a
/// RESPONSE (one per LISTEN, even for a batch), PING with PONG, and delivers
/// pushed messages to the connections listening. Fault switches: refuse
/// connects, withhold PONGs, drop RESPONSEs, refuse topics (ERR_BADTOPIC),
/// refuse tokens (ERR_BADAUTH), send RECONNECT, drop a socket.
#[derive(Debug, Default)]
pub struct FakePubSub {
    outbox: Vec<(Instant, u64, Output)>,
    order: u64,
    received: Vec<ReceivedFrame>,
    connects: Vec<(Instant, ConnId)>,
    open: BTreeSet<ConnId>,
    listening: BTreeMap<ConnId, BTreeSet<String>>,
    /// Connect attempts to refuse.
    pub refuse_connects: u32,
    /// Answer no PING.
    pub withhold_pong: bool,
    /// Answer no LISTEN.
    pub drop_responses: bool,
    /// Topics answered with ERR_BADTOPIC.
    pub bad_topics: BTreeSet<String>,
    /// Tokens answered with ERR_BADAUTH.
    pub bad_tokens: BTreeSet<String>,
    /// Topics the token may not read (ERR_BADAUTH for a batch holding one).
    pub forbidden_topics: BTreeSet<String>,
    /// Delay of every answer.
    pub delay: Duration,
}

impl FakePubSub {
    /// A server that accepts everything.
    pub fn new() -> FakePubSub {
        FakePubSub::default()
    }

    fn push(&mut self, at: Instant, output: Output) {
        self.order += 1;
        self.outbox.push((at, self.order, output));
    }

    /// Takes what the machine sent at `now`.
    pub fn receive(&mut self, transmit: Transmit, now: Instant) {
        let due = now + self.delay;
        match transmit {
            Transmit::Connect(conn) => {
                self.connects.push((now, conn));
                if self.refuse_connects > 0 {
                    self.refuse_connects -= 1;
                    self.push(due, Output::Closed(conn));
                } else {
                    self.open.insert(conn);
                    self.push(due, Output::Connected(conn));
                }
            }
            Transmit::Close(conn) => {
                self.open.remove(&conn);
                self.listening.remove(&conn);
                self.outbox
                    .retain(|(_, _, o)| !matches!(o, Output::Text(c, _) if *c == conn));
            }
            Transmit::Text(conn, text) => {
                let frame: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or(serde_json::Value::Null);
                self.received.push(ReceivedFrame {
                    at: now,
                    conn,
                    frame: frame.clone(),
                });
                self.answer(conn, &frame, due);
            }
        }
    }

    fn answer(&mut self, conn: ConnId, frame: &serde_json::Value, due: Instant) {
        let nonce = frame["nonce"].clone();
        match frame["type"].as_str() {
            Some("PING") if !self.withhold_pong => {
                self.push(due, Output::Text(conn, r#"{"type":"PONG"}"#.into()))
            }
            Some("LISTEN") if !self.drop_responses => {
                let topics: Vec<String> = frame["data"]["topics"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|t| t.as_str().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let token = frame["data"]["auth_token"].as_str().unwrap_or("");
                let error = if self.bad_tokens.contains(token)
                    || topics.iter().any(|t| self.forbidden_topics.contains(t))
                {
                    "ERR_BADAUTH"
                } else if topics.iter().any(|t| self.bad_topics.contains(t)) {
                    "ERR_BADTOPIC"
                } else {
                    self.listening.entry(conn).or_default().extend(topics);
                    ""
                };
                let response =
                    serde_json::json!({"type": "RESPONSE", "nonce": nonce, "error": error});
                self.push(due, Output::Text(conn, response.to_string()));
            }
            Some("UNLISTEN") => {
                if let Some(topics) = frame["data"]["topics"].as_array() {
                    for t in topics.iter().filter_map(|t| t.as_str()) {
                        if let Some(set) = self.listening.get_mut(&conn) {
                            set.remove(t);
                        }
                    }
                }
                let response = serde_json::json!({"type": "RESPONSE", "nonce": nonce, "error": ""});
                self.push(due, Output::Text(conn, response.to_string()));
            }
            _ => {}
        }
    }

    /// Sends RECONNECT on every open connection at `now`.
    pub fn send_reconnect(&mut self, now: Instant) {
        for conn in self.open.clone() {
            self.push(now, Output::Text(conn, r#"{"type":"RECONNECT"}"#.into()));
        }
    }

    /// Drops the socket of `conn` at `now`.
    pub fn drop_socket(&mut self, conn: ConnId, now: Instant) {
        self.open.remove(&conn);
        self.listening.remove(&conn);
        self.push(now, Output::Closed(conn));
    }

    /// Sends a raw text frame on `conn` at `now` (garbage, for instance).
    pub fn send_raw(&mut self, conn: ConnId, text: &str, now: Instant) {
        self.push(now, Output::Text(conn, text.to_owned()));
    }

    /// Delivers `message` (the JSON that goes into `data.message`) on every
    /// connection listening to `topic`; returns on how many.
    pub fn push_message(&mut self, topic: &str, message: &str, now: Instant) -> usize {
        let frame = serde_json::json!({
            "type": "MESSAGE",
            "data": {"topic": topic, "message": message},
        })
        .to_string();
        let conns: Vec<ConnId> = self
            .listening
            .iter()
            .filter(|(c, set)| set.contains(topic) && self.open.contains(c))
            .map(|(c, _)| *c)
            .collect();
        for conn in &conns {
            self.push(now, Output::Text(*conn, frame.clone()));
        }
        conns.len()
    }

    /// Every frame received, in order.
    pub fn frames(&self) -> &[ReceivedFrame] {
        &self.received
    }

    /// The frames of one type (`"LISTEN"`, `"PING"`, ...).
    pub fn frames_of(&self, kind: &str) -> Vec<&ReceivedFrame> {
        self.received
            .iter()
            .filter(|f| f.frame["type"] == kind)
            .collect()
    }

    /// Every connect attempt, with its time.
    pub fn connects(&self) -> &[(Instant, ConnId)] {
        &self.connects
    }

    /// The topics the server has confirmed on `conn`.
    pub fn listening(&self, conn: ConnId) -> Vec<String> {
        self.listening
            .get(&conn)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    fn next_due(&self) -> Option<Instant> {
        self.outbox.iter().map(|o| o.0).min()
    }

    fn take_due(&mut self, now: Instant) -> Option<Output> {
        let i = self
            .outbox
            .iter()
            .enumerate()
            .filter(|(_, o)| o.0 <= now)
            .min_by_key(|(_, o)| (o.0, o.1))
            .map(|(i, _)| i)?;
        Some(self.outbox.remove(i).2)
    }
}

/// Steps `pubsub` and `server` for `duration` of virtual time (PubSub never
/// goes idle: it PINGs forever). Returns the number of steps.
pub fn drive_pubsub(
    pubsub: &mut PubSub,
    server: &mut FakePubSub,
    clock: &mut VirtualClock,
    duration: Duration,
) -> usize {
    let deadline = clock.now() + duration;
    for step in 0..1_000_000 {
        let now = clock.now();
        while let Some(t) = pubsub.poll_transmit() {
            server.receive(t, now);
        }
        if let Some(output) = server.take_due(now) {
            match output {
                Output::Connected(c) => pubsub.handle_connected(c, now),
                Output::Closed(c) => pubsub.handle_closed(c, now),
                Output::Text(c, text) => pubsub.handle_text(c, &text, now),
            }
            continue;
        }
        let timeout = pubsub.poll_timeout();
        if timeout.is_some_and(|at| at <= now) {
            pubsub.handle_timeout(now);
            continue;
        }
        match earliest(server.next_due(), timeout) {
            Some(next) if next <= deadline => clock.set(next),
            _ => {
                clock.set(deadline);
                return step;
            }
        }
    }
    panic!("drive_pubsub: still busy after a million steps (livelock?)");
}
