//! WebSocket sessions. A session has one socket, or two while a
//! `session_reconnect` hands it over (the old socket and the one that came
//! with the reconnect URL); it keeps its id across the handoff, and ends with
//! its last socket.

use std::collections::BTreeMap;

use time::OffsetDateTime;
use tokio::sync::mpsc;

/// What the server tells a socket's task to do.
#[derive(Debug)]
pub(crate) enum Command {
    /// Send this text frame.
    Text(String),
    /// Send this `session_reconnect` frame and close with 4004 once the
    /// reconnect grace is over.
    Reconnect(String),
    /// Send a close frame with this code, then end.
    Close(u16),
    /// End with no close frame (a TCP reset where possible).
    Drop,
    /// Send a close frame (going away) and end: the mock shuts down.
    Shutdown,
}

#[derive(Debug)]
struct Socket {
    id: u64,
    tx: mpsc::UnboundedSender<Command>,
}

/// One session.
#[derive(Debug)]
pub(crate) struct Session {
    pub id: String,
    pub connected_at: OffsetDateTime,
    pub keepalive_seconds: u64,
    /// Oldest first: during a handoff the last one is the new socket.
    sockets: Vec<Socket>,
    /// The client and user of the session's subscriptions (set by the first).
    pub owner: Option<(String, String)>,
    /// The token of the reconnect URL last sent, until it is used.
    pub reconnect_token: Option<String>,
    /// Whether a subscription was ever created on it.
    pub subscribed: bool,
}

/// Every open session, by id.
#[derive(Debug, Default)]
pub(crate) struct Sessions {
    map: BTreeMap<String, Session>,
    next_socket: u64,
}

impl Sessions {
    fn socket(&mut self, tx: mpsc::UnboundedSender<Command>) -> Socket {
        self.next_socket += 1;
        Socket {
            id: self.next_socket,
            tx,
        }
    }

    /// A new session `id` with one socket; returns the socket's number.
    pub fn open(
        &mut self,
        id: &str,
        keepalive_seconds: u64,
        now: OffsetDateTime,
        tx: mpsc::UnboundedSender<Command>,
    ) -> u64 {
        let socket = self.socket(tx);
        let number = socket.id;
        self.map.insert(
            id.to_owned(),
            Session {
                id: id.to_owned(),
                connected_at: now,
                keepalive_seconds,
                sockets: vec![socket],
                owner: None,
                reconnect_token: None,
                subscribed: false,
            },
        );
        number
    }

    /// Adds a socket to the session waiting for reconnect `token` (used up
    /// here); returns the session id and the socket's number.
    pub fn join(
        &mut self,
        token: &str,
        tx: mpsc::UnboundedSender<Command>,
    ) -> Option<(String, u64)> {
        let id = self
            .map
            .values()
            .find(|s| s.reconnect_token.as_deref() == Some(token))?
            .id
            .clone();
        let socket = self.socket(tx);
        let number = socket.id;
        let session = self.map.get_mut(&id)?;
        session.reconnect_token = None;
        session.sockets.push(socket);
        Some((id, number))
    }

    pub fn get(&self, id: &str) -> Option<&Session> {
        self.map.get(id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Session> {
        self.map.get_mut(id)
    }

    /// Forgets session `id`.
    pub fn remove(&mut self, id: &str) {
        self.map.remove(id);
    }

    /// Removes `socket` from session `id`; `true` when the session has no
    /// socket left (the caller ends it).
    pub fn leave(&mut self, id: &str, socket: u64) -> bool {
        match self.map.get_mut(id) {
            Some(session) => {
                session.sockets.retain(|s| s.id != socket);
                session.sockets.is_empty()
            }
            None => false,
        }
    }

    /// The ids of every session.
    pub fn ids(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }

    /// Open sockets, over every session.
    pub fn sockets(&self) -> usize {
        self.map.values().map(|s| s.sockets.len()).sum()
    }

    /// Sends `text` on every socket of session `id`; returns on how many.
    pub fn send(&self, id: &str, text: &str) -> usize {
        self.command(id, || Command::Text(text.to_owned()))
    }

    /// Gives `command()` to every socket of session `id`; returns how many took it.
    pub fn command(&self, id: &str, command: impl Fn() -> Command) -> usize {
        self.map.get(id).map_or(0, |session| {
            session
                .sockets
                .iter()
                .filter(|s| s.tx.send(command()).is_ok())
                .count()
        })
    }

    /// Sends `frame` to the newest socket of session `id` only, as a reconnect.
    pub fn reconnect(&self, id: &str, frame: String) -> bool {
        self.map
            .get(id)
            .and_then(|s| s.sockets.last())
            .is_some_and(|s| s.tx.send(Command::Reconnect(frame)).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handoff_keeps_the_session_until_its_last_socket() {
        let mut sessions = Sessions::default();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let now = OffsetDateTime::UNIX_EPOCH;
        let first = sessions.open("s1", 10, now, tx.clone());
        assert!(sessions.join("t", tx.clone()).is_none());
        sessions.get_mut("s1").unwrap().reconnect_token = Some("t".to_owned());
        let (id, second) = sessions.join("t", tx).unwrap();
        assert_eq!(id, "s1");
        assert!(
            sessions.join("t", mpsc::unbounded_channel().0).is_none(),
            "used up"
        );
        assert_eq!(sessions.sockets(), 2);
        assert_eq!(sessions.send("s1", "x"), 2);
        assert!(matches!(rx.try_recv(), Ok(Command::Text(t)) if t == "x"));
        assert!(!sessions.leave("s1", first));
        assert!(sessions.leave("s1", second));
        assert!(!sessions.leave("nope", 1));
    }
}
