//! What arrives at a [`PubSub`]: socket events, frames, time; and what it hands out.

use super::{ConnId, ConnState, Event, PubSub, TopicState, Transmit};
use crate::machine::{after, earliest};
use crate::pubsub::frame;
use crate::pubsub::incoming::{self, Incoming};
use crate::pubsub::Message;
use crate::{Error, Instant};

impl PubSub {
    /// The websocket of `conn` is open: PINGs start, every topic of it is
    /// listened to (again).
    pub fn handle_connected(&mut self, conn: ConnId, now: Instant) {
        let Some(c) = self.conns.get_mut(conn.0) else {
            return;
        };
        if !self.started || c.state != ConnState::Connecting {
            return;
        }
        c.state = ConnState::Open;
        c.failures = 0;
        c.pong_deadline = None;
        if c.was_open {
            self.events.push_back(Event::Reconnected { conn });
        }
        self.conns[conn.0].was_open = true;
        self.conns[conn.0].next_ping = self.ping_after(now);
        // every topic of it is Wanted since the connection went down
        self.flush(conn.0, now);
    }

    /// The websocket of `conn` closed, or could not be opened: reconnect after a backoff.
    pub fn handle_closed(&mut self, conn: ConnId, now: Instant) {
        if conn.0 < self.conns.len() {
            self.reconnect(conn.0, "closed", false, now);
        }
    }

    /// A text frame arrived on `conn`. Bad frames become [`Event::Error`].
    pub fn handle_text(&mut self, conn: ConnId, text: &str, now: Instant) {
        if self.conns.get(conn.0).map(|c| c.state) != Some(ConnState::Open) {
            return;
        }
        // a message is decoded where the frame's reader unescaped it, and
        // only when somebody listens to its topic
        let (subs, decode) = (&self.subs, self.decode);
        let read = |topic: &str, message: &str| {
            subs.values()
                .any(|s| s.topic == topic)
                .then(|| decode(topic, message))
        };
        match incoming::parse(text, read) {
            Err(error) => self.events.push_back(Event::Error(error)),
            Ok(Incoming::Pong) => self.conns[conn.0].pong_deadline = None,
            Ok(Incoming::Reconnect) => self.reconnect(conn.0, "RECONNECT", true, now),
            Ok(Incoming::Response { nonce, error }) => self.response(&nonce, &error, now),
            Ok(Incoming::Message { topic, read }) => self.message(topic, read),
        }
    }

    fn response(&mut self, nonce: &str, error: &str, now: Instant) {
        let Some(pending) = self.pending.remove(nonce) else {
            // an UNLISTEN's answer, or one for a LISTEN given up on
            return;
        };
        if error.is_empty() {
            for name in &pending.topics {
                if let Some(entry) = self.topics.get_mut(name) {
                    entry.state = TopicState::Listening;
                }
                self.confirm(name);
            }
            return;
        }
        match error {
            "ERR_BADTOPIC" | "ERR_BADAUTH" if pending.topics.len() > 1 => {
                // one bad topic (or one the token may not read) must not take
                // the batch down: each alone
                for name in &pending.topics {
                    if let Some(entry) = self.topics.get_mut(name) {
                        entry.state = TopicState::Wanted;
                        entry.alone = true;
                    }
                }
                self.flush(pending.conn, now);
            }
            "ERR_BADAUTH" => {
                let mut ask = false;
                for name in &pending.topics {
                    let retry = self.topics.get(name).is_some_and(|t| !t.auth_retried);
                    if retry {
                        let entry = self.topics.get_mut(name).expect("checked");
                        entry.auth_retried = true;
                        entry.state = TopicState::AwaitingToken;
                        ask = true;
                    } else {
                        self.drop_topic(name, frame::response_error(error));
                    }
                }
                if ask {
                    self.events.push_back(Event::TokenRejected);
                }
            }
            _ => {
                for name in &pending.topics {
                    self.drop_topic(name, frame::response_error(error));
                }
            }
        }
    }

    fn confirm(&mut self, topic: &str) {
        for (uuid, sub) in self.subs.iter_mut() {
            if sub.topic == topic && !sub.confirmed {
                sub.confirmed = true;
                self.events.push_back(Event::Listening {
                    uuid: *uuid,
                    topic: topic.to_owned(),
                });
            }
        }
        if let Some(entry) = self.topics.get_mut(topic) {
            entry.auth_retried = false;
        }
    }

    /// Twitch refused `topic`: its subscriptions end with `error`.
    fn drop_topic(&mut self, topic: &str, error: Error) {
        self.topics.remove(topic);
        let gone: Vec<_> = self
            .subs
            .iter()
            .filter(|(_, s)| s.topic == topic)
            .map(|(u, _)| *u)
            .collect();
        for uuid in gone {
            self.subs.remove(&uuid);
            self.events.push_back(Event::ListenFailed {
                uuid,
                topic: topic.to_owned(),
                error: error.clone(),
            });
        }
    }

    /// A MESSAGE on `topic`: `decoded` is `None` when nobody listens to it.
    fn message(&mut self, topic: String, decoded: Option<Result<Message, Error>>) {
        let Some(decoded) = decoded else {
            self.events.push_back(Event::Error(Error::Protocol(format!(
                "pubsub message for {topic:?}, which nobody listens to"
            ))));
            return;
        };
        let uuids: Vec<_> = self
            .subs
            .iter()
            .filter(|(_, s)| s.topic == topic)
            .map(|(u, _)| *u)
            .collect();
        let Some((last, others)) = uuids.split_last() else {
            return;
        };
        match decoded {
            Ok(decoded) => {
                // every subscription but the last gets a copy; the last gets the original
                for &uuid in others {
                    self.events.push_back(Event::Message {
                        uuid,
                        topic: topic.clone(),
                        message: decoded.clone(),
                    });
                }
                self.events.push_back(Event::Message {
                    uuid: *last,
                    topic,
                    message: decoded,
                });
            }
            Err(error) => self.events.push_back(Event::Error(error)),
        }
    }

    /// Time has reached `now`: PINGs, PONG and LISTEN deadlines, reconnects.
    pub fn handle_timeout(&mut self, now: Instant) {
        for i in 0..self.conns.len() {
            match self.conns[i].state {
                ConnState::Waiting(at) if at <= now => {
                    self.conns[i].state = ConnState::Idle;
                    self.open_if_needed(i);
                }
                ConnState::Open => {
                    if self.conns[i].pong_deadline.is_some_and(|at| at <= now) {
                        self.reconnect(i, "no PONG", true, now);
                    } else if self.conns[i].next_ping.is_some_and(|at| at <= now) {
                        self.transmits
                            .push_back(Transmit::Text(ConnId(i), frame::PING.to_owned()));
                        self.conns[i].pong_deadline = after(now, self.config.pong_timeout);
                        self.conns[i].next_ping = self.ping_after(now);
                    }
                }
                _ => {}
            }
        }
        let late: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, p)| p.deadline.is_some_and(|at| at <= now))
            .map(|(n, _)| n.clone())
            .collect();
        for nonce in late {
            let Some(pending) = self.pending.remove(&nonce) else {
                continue;
            };
            let mut relisten = false;
            for name in &pending.topics {
                let confirmed_before = self.subs.values().any(|s| &s.topic == name && s.confirmed);
                if confirmed_before {
                    // a topic that worked before must not go deaf: try on a new connection
                    relisten = true;
                } else {
                    self.drop_topic(name, Error::ListenTimeout);
                }
            }
            if relisten {
                self.reconnect(pending.conn, "LISTEN not confirmed", true, now);
            }
        }
    }

    /// When `handle_timeout` wants to be called.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let mut next = None;
        for c in &self.conns {
            next = match c.state {
                ConnState::Waiting(at) => earliest(next, Some(at)),
                ConnState::Open => earliest(next, earliest(c.next_ping, c.pong_deadline)),
                _ => next,
            };
        }
        for p in self.pending.values() {
            next = earliest(next, p.deadline);
        }
        next
    }

    /// The next thing to do with a connection.
    pub fn poll_transmit(&mut self) -> Option<Transmit> {
        self.transmits.pop_front()
    }

    /// The next thing the application should see.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    fn ping_after(&mut self, now: Instant) -> Option<Instant> {
        let base = self.config.ping_frequency;
        let jitter = self.config.ping_jitter.min(base);
        let offset = jitter.mul_f64(2.0 * self.rng.unit());
        after(now, base.saturating_sub(jitter) + offset)
    }

    /// Forgets what was in flight on `conn`.
    pub(super) fn down(&mut self, conn: usize) {
        self.pending.retain(|_, p| p.conn != conn);
        let c = &mut self.conns[conn];
        c.next_ping = None;
        c.pong_deadline = None;
        for entry in self.topics.values_mut() {
            if entry.conn == conn && entry.state != TopicState::AwaitingToken {
                entry.state = TopicState::Wanted;
            }
        }
    }

    fn reconnect(&mut self, conn: usize, reason: &str, close: bool, now: Instant) {
        if !self.started {
            return;
        }
        if close
            && matches!(
                self.conns[conn].state,
                ConnState::Open | ConnState::Connecting
            )
        {
            self.transmits.push_back(Transmit::Close(ConnId(conn)));
        }
        self.down(conn);
        let c = &mut self.conns[conn];
        c.failures = c.failures.saturating_add(1);
        let base = self
            .config
            .reconnect_backoff
            .saturating_mul(1 << (c.failures - 1).min(16))
            .min(self.config.max_reconnect_backoff);
        let wait = self
            .rng
            .jitter(base)
            .min(self.config.max_reconnect_backoff.max(base));
        let at = after(now, wait).unwrap_or(now);
        self.conns[conn].state = ConnState::Waiting(at);
        tracing::warn!(target: "twitchapi::pubsub", conn, reason, wait_ms = wait.as_millis() as u64, "reconnecting");
        self.events.push_back(Event::Reconnecting {
            conn: ConnId(conn),
            reason: reason.to_owned(),
        });
    }
}
