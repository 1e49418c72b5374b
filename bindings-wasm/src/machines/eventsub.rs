//! `EventSubWsMachine`: the core's EventSub WebSocket machine for JavaScript
//! that opens the sockets itself. Sockets to open and close come out; frames,
//! opens, closes and the time go in. Its Helix requests (creating and deleting
//! subscriptions) go through the [`RawHelixMachine`] it was made over, so they
//! leave as that machine's requests, with its tokens and rate limits, and
//! their answers come back here by themselves.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use serde::Serialize;
use twitchapi_core::eventsub::ws::{Event, EventSubWs, SocketId, Transmit, WsConfig};
use twitchapi_core::eventsub::RawEvent;
use twitchapi_core::helix::Auth;
use twitchapi_core::machine::TransmitId;
use twitchapi_core::sorted_map::SortedMap;
use twitchapi_core::{Error, Instant};
use uuid::Uuid;

use super::helix::{Answer, Core, RawHelixMachine};
use super::JsError;
use crate::clock::Clock;
use crate::error::describe;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// One event as JSON text for the wrapper (`event` is Twitch's text, as sent).
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
enum Out<'a> {
    #[serde(rename_all = "camelCase")]
    Welcome {
        session_id: &'a str,
    },
    #[serde(rename_all = "camelCase")]
    Subscribed {
        uuid: String,
        subscription_id: &'a str,
        kind: &'a str,
        version: &'a str,
    },
    #[serde(rename_all = "camelCase")]
    SubscribeFailed {
        uuid: String,
        kind: &'a str,
        version: &'a str,
        error_kind: &'static str,
        message: String,
    },
    #[serde(rename_all = "camelCase")]
    Notification {
        uuid: Option<String>,
        subscription_id: &'a str,
        message_id: &'a str,
        kind: &'a str,
        version: &'a str,
        event: &'a RawEvent,
    },
    Reconnecting {
        reason: &'a str,
    },
    #[serde(rename_all = "camelCase")]
    Reconnected {
        session_id: &'a str,
    },
    #[serde(rename_all = "camelCase")]
    Revoked {
        uuid: Option<String>,
        subscription_id: &'a str,
        status: &'a str,
    },
    #[serde(rename_all = "camelCase")]
    Error {
        error_kind: &'static str,
        message: String,
    },
}

/// An event as JSON text for JavaScript (`type` camelCase); `None` for one
/// this version does not hand over.
pub(crate) fn to_text(event: &Event) -> Option<String> {
    let out = match event {
        Event::Welcome { session_id } => Out::Welcome { session_id },
        Event::Subscribed {
            uuid,
            subscription_id,
            kind,
            version,
        } => Out::Subscribed {
            uuid: uuid.to_string(),
            subscription_id,
            kind,
            version,
        },
        Event::SubscribeFailed {
            uuid,
            kind,
            version,
            error,
        } => {
            let described = describe(error);
            Out::SubscribeFailed {
                uuid: uuid.to_string(),
                kind,
                version,
                error_kind: described.kind,
                message: described.message,
            }
        }
        Event::Notification {
            uuid,
            subscription_id,
            message_id,
            kind,
            version,
            event,
        } => Out::Notification {
            uuid: uuid.map(|u| u.to_string()),
            subscription_id,
            message_id,
            kind,
            version,
            event,
        },
        Event::Reconnecting { reason } => Out::Reconnecting { reason },
        Event::Reconnected { session_id } => Out::Reconnected { session_id },
        Event::Revoked {
            uuid,
            subscription_id,
            status,
        } => Out::Revoked {
            uuid: uuid.map(|u| u.to_string()),
            subscription_id,
            status,
        },
        Event::Error(error) => {
            let described = describe(error);
            Out::Error {
                error_kind: described.kind,
                message: described.message,
            }
        }
        _ => return None,
    };
    serde_json::to_string(&out).ok()
}

/// What an EventSub transmit is for JavaScript.
pub(crate) enum Outgoing {
    /// A socket action as JSON text: `{"type":"connect","socket":n,"url":u}`
    /// or `{"type":"close","socket":n}`.
    Socket(String),
    /// A Helix request to send for the machine (without `Authorization`).
    Helix(TransmitId, Auth, Box<http::Request<Vec<u8>>>),
}

/// The sockets an EventSub machine opened, by the number JavaScript knows
/// them by.
#[derive(Debug, Default)]
pub(crate) struct Sockets(SortedMap<u64, SocketId>);

impl Sockets {
    /// The socket JavaScript calls `index`.
    pub(crate) fn find(&self, index: f64) -> Option<SocketId> {
        self.0.get(&(index as u64)).copied()
    }

    /// Forgets a closed socket.
    pub(crate) fn remove(&mut self, index: f64) {
        self.0.remove(&(index as u64));
    }

    /// Sorts a transmit; `None` for one this version does not hand over.
    pub(crate) fn sort(&mut self, transmit: Transmit) -> Option<Outgoing> {
        Some(match transmit {
            Transmit::Connect { socket, url } => {
                self.0.insert(socket.get(), socket);
                let out =
                    serde_json::json!({"type": "connect", "socket": socket.get(), "url": url});
                Outgoing::Socket(out.to_string())
            }
            Transmit::Close { socket } => Outgoing::Socket(
                serde_json::json!({"type": "close", "socket": socket.get()}).to_string(),
            ),
            Transmit::Helix { id, auth, request } => Outgoing::Helix(id, auth, request),
            _ => return None,
        })
    }
}

/// The EventSub WebSocket machine as JavaScript drives it.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub struct RawEventSubWsMachine {
    machine: RefCell<EventSubWs>,
    helix: Rc<RefCell<Core>>,
    inbox: Rc<RefCell<VecDeque<Answer>>>,
    sockets: RefCell<Sockets>,
    clock: Clock,
    last: RefCell<Instant>,
}

impl RawEventSubWsMachine {
    /// The instant of the caller's `now`, remembered as the latest.
    fn at(&self, now: f64) -> Instant {
        let at = self.clock.at(now);
        *self.last.borrow_mut() = at;
        at
    }

    /// Hands the machine the Helix answers that arrived for it.
    fn absorb(&self) {
        loop {
            let Some((id, outcome, at)) = self.inbox.borrow_mut().pop_front() else {
                return;
            };
            let mut machine = self.machine.borrow_mut();
            match outcome {
                Ok(response) => machine.handle_response(id, response, at),
                Err(error) => machine.handle_transport_error(id, error, at),
            }
        }
    }

    fn socket(&self, socket: f64) -> Option<SocketId> {
        self.sockets.borrow().find(socket)
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
impl RawEventSubWsMachine {
    /// A machine whose Helix requests go through `helix`; `url` is the
    /// EventSub WebSocket server (default Twitch's). Times are `helix`'s clock.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(constructor))]
    pub fn new(helix: &RawHelixMachine, url: Option<String>, now: f64) -> RawEventSubWsMachine {
        let core = helix.core();
        let mut config = WsConfig::default();
        if let Some(url) = url {
            config.url = url;
        }
        let (machine, clock) = {
            let core = core.borrow();
            (EventSubWs::new(core.helix(), config), core.clock())
        };
        RawEventSubWsMachine {
            machine: RefCell::new(machine),
            helix: core,
            inbox: Rc::new(RefCell::new(VecDeque::new())),
            sockets: RefCell::new(Sockets::default()),
            clock,
            last: RefCell::new(clock.at(now)),
        }
    }

    /// Subscribes to type `kind`, version `version` with `condition` (JSON
    /// text of an object); returns the subscription's handle (a UUID).
    pub fn listen(
        &self,
        kind: String,
        version: String,
        condition: String,
        now: f64,
    ) -> Result<String, JsError> {
        self.absorb();
        let condition = serde_json::from_str(&condition)
            .map_err(|e| Error::invalid(format!("condition: {e}")))?;
        let at = self.at(now);
        let uuid = self
            .machine
            .borrow_mut()
            .listen(&kind, &version, condition, at)?;
        Ok(uuid.to_string())
    }

    /// Ends the subscription of that handle.
    pub fn unlisten(&self, uuid: String, now: f64) -> Result<(), JsError> {
        self.absorb();
        let uuid = Uuid::parse_str(&uuid)
            .map_err(|_| Error::NotFound(format!("no subscription {uuid:?}")))?;
        let at = self.at(now);
        self.machine.borrow_mut().unlisten(uuid, at)?;
        Ok(())
    }

    /// Ends every subscription (deleted at Twitch) and closes the sockets.
    pub fn stop(&self, now: f64) {
        self.absorb();
        let at = self.at(now);
        self.machine.borrow_mut().stop(at);
    }

    /// The next socket to open or close as JSON text:
    /// `{"type":"connect","socket":n,"url":u}` or `{"type":"close","socket":n}`;
    /// `undefined` when there is none. (Helix requests become requests of
    /// the Helix machine: poll that one too.)
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollTransmit))]
    pub fn poll_transmit(&self) -> Option<String> {
        self.absorb();
        loop {
            let transmit = self.machine.borrow_mut().poll_transmit()?;
            match self.sockets.borrow_mut().sort(transmit) {
                Some(Outgoing::Socket(text)) => return Some(text),
                Some(Outgoing::Helix(id, auth, request)) => {
                    let at = *self.last.borrow();
                    let inbox = Rc::downgrade(&self.inbox);
                    let started = self
                        .helix
                        .borrow_mut()
                        .start_for(*request, auth, inbox, id, at);
                    if let Err(error) = started {
                        self.machine
                            .borrow_mut()
                            .handle_transport_error(id, error, at);
                    }
                }
                None => {}
            }
        }
    }

    /// The next event as JSON text (as `EventSubWs.onEvent` gets them), or
    /// `undefined`.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollEvent))]
    pub fn poll_event(&self) -> Option<String> {
        self.absorb();
        loop {
            let event = self.machine.borrow_mut().poll_event()?;
            if let Some(text) = to_text(&event) {
                return Some(text);
            }
        }
    }

    /// When `handleTimeout` wants to be called, in the caller's
    /// milliseconds; `undefined` while nothing waits on time.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollTimeout))]
    pub fn poll_timeout(&self) -> Option<f64> {
        self.absorb();
        let at = self.machine.borrow().poll_timeout()?;
        Some(self.clock.ms(at))
    }

    /// Time has reached `now`.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleTimeout))]
    pub fn handle_timeout(&self, now: f64) {
        self.absorb();
        let at = self.at(now);
        self.machine.borrow_mut().handle_timeout(at);
    }

    /// The socket opened.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleConnected))]
    pub fn handle_connected(&self, socket: f64, now: f64) {
        self.absorb();
        if let Some(id) = self.socket(socket) {
            let at = self.at(now);
            self.machine.borrow_mut().handle_connected(id, at);
        }
    }

    /// A text frame arrived on the socket.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleText))]
    pub fn handle_text(&self, socket: f64, text: String, now: f64) {
        self.absorb();
        if let Some(id) = self.socket(socket) {
            let at = self.at(now);
            self.machine.borrow_mut().handle_text(id, &text, at);
        }
    }

    /// The socket closed (or failed to open), with its close code if any.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleClosed))]
    pub fn handle_closed(&self, socket: f64, code: Option<u16>, now: f64) {
        self.absorb();
        if let Some(id) = self.socket(socket) {
            self.sockets.borrow_mut().remove(socket);
            let at = self.at(now);
            self.machine.borrow_mut().handle_closed(id, code, at);
        }
    }
}
