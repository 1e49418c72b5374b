//! `PubSubMachine`: the core's PubSub machine for JavaScript that opens the
//! sockets itself. Connections to open, frames to send and sockets to close
//! come out; opens, frames, closes and the time go in. LISTENs carry the user
//! token of the [`RawHelixMachine`] it was made over; when Twitch refuses
//! it, that machine refreshes it (its requests, its events) and the LISTEN is
//! sent again with the new one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde_json::json;
use twitchapi_core::pubsub::{
    ConnId, Event, Message, PubSub, PubSubConfig, Topic, Transmit, PUBSUB_URL,
};
use twitchapi_core::{Error, Instant};
use uuid::Uuid;

use super::helix::{Core, RawHelixMachine};
use super::JsError;
use crate::clock::Clock;
use crate::error::describe;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// The topic of a seed `listen_*` method with its ids (the second only for
/// `listen_chat_moderator_actions`).
pub(crate) fn topic(method: &str, first: String, second: Option<String>) -> Result<Topic, Error> {
    let mut ids = vec![first.as_str()];
    ids.extend(second.as_deref());
    Topic::for_method(method, &ids)
}

/// The connections a PubSub machine opened, by the number JavaScript knows
/// them by, and its transmits as JavaScript gets them.
#[derive(Debug, Default)]
pub(crate) struct Conns(Vec<ConnId>);

impl Conns {
    /// The connection JavaScript calls `index`.
    pub(crate) fn find(&self, index: f64) -> Option<ConnId> {
        self.0.iter().copied().find(|c| c.get() as f64 == index)
    }

    /// A transmit as JSON text: `{"type":"connect","socket":n,"url":u}`,
    /// `{"type":"send","socket":n,"text":t}` or `{"type":"close","socket":n}`;
    /// `None` for one this version does not hand over.
    pub(crate) fn transmit(&mut self, transmit: Transmit, url: &str) -> Option<String> {
        let out = match transmit {
            Transmit::Connect(conn) => {
                if !self.0.contains(&conn) {
                    self.0.push(conn);
                }
                json!({"type": "connect", "socket": conn.get(), "url": url})
            }
            Transmit::Text(conn, text) => {
                json!({"type": "send", "socket": conn.get(), "text": text})
            }
            Transmit::Close(conn) => json!({"type": "close", "socket": conn.get()}),
            _ => return None,
        };
        Some(out.to_string())
    }
}

/// An event as JSON text for JavaScript; `None` for one this version does
/// not hand over.
pub(crate) fn to_text(event: &Event) -> Option<String> {
    let out = match event {
        Event::Listening { uuid, topic } => {
            json!({"type": "listening", "uuid": uuid.to_string(), "topic": topic})
        }
        Event::ListenFailed { uuid, topic, error } => {
            let described = describe(error);
            json!({"type": "listenFailed", "uuid": uuid.to_string(), "topic": topic,
                "errorKind": described.kind, "message": described.message})
        }
        Event::Message {
            uuid,
            topic,
            message,
        } => {
            // decode_json keeps every message as JSON; matching here keeps the
            // typed models' serializers out of the build
            let data = match message {
                Message::Other(json) => json.clone(),
                _ => serde_json::Value::Null,
            };
            json!({"type": "message", "uuid": uuid.to_string(), "topic": topic, "data": data})
        }
        Event::Reconnecting { conn, reason } => {
            json!({"type": "reconnecting", "connection": conn.get(), "reason": reason})
        }
        Event::Reconnected { conn } => json!({"type": "reconnected", "connection": conn.get()}),
        Event::TokenRejected => json!({"type": "tokenRejected"}),
        Event::Error(error) => {
            let described = describe(error);
            json!({"type": "error", "errorKind": described.kind, "message": described.message})
        }
        _ => return None,
    };
    Some(out.to_string())
}

/// The PubSub machine as JavaScript drives it.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
pub struct RawPubSubMachine {
    machine: RefCell<PubSub>,
    helix: Rc<RefCell<Core>>,
    conns: RefCell<Conns>,
    url: String,
    clock: Clock,
    /// The Helix machine's user-token generation last handed over.
    generation: Cell<Option<u64>>,
}

impl RawPubSubMachine {
    fn conn(&self, index: f64) -> Option<ConnId> {
        self.conns.borrow().find(index)
    }

    /// The instant of `now`, after handing over a user token that changed.
    fn at(&self, now: f64) -> Instant {
        let at = self.clock.at(now);
        let core = self.helix.borrow();
        let generation = core.user_generation();
        if self.generation.get() != Some(generation) {
            if let Some((token, scopes)) = core.user_token() {
                self.machine.borrow_mut().set_token(token, scopes, at);
                self.generation.set(Some(generation));
            }
        }
        at
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen)]
impl RawPubSubMachine {
    /// A machine whose LISTENs carry `helix`'s user token; `url` is the
    /// server (default Twitch's). Times are `helix`'s clock.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(constructor))]
    pub fn new(helix: &RawHelixMachine, url: Option<String>) -> RawPubSubMachine {
        let core = helix.core();
        let clock = core.borrow().clock();
        RawPubSubMachine {
            // messages stay JSON for JSON.parse: no typed model is compiled in
            machine: RefCell::new(PubSub::with_decoder(
                PubSubConfig::default(),
                twitchapi_core::pubsub::messages::decode_json,
            )),
            helix: core,
            conns: RefCell::new(Conns::default()),
            url: url.unwrap_or_else(|| PUBSUB_URL.to_owned()),
            clock,
            generation: Cell::new(None),
        }
    }

    /// Opens the connections (the seed's `start`).
    pub fn start(&self, now: f64) -> Result<(), JsError> {
        let at = self.at(now);
        self.machine.borrow_mut().start(at)?;
        Ok(())
    }

    /// Ends every subscription and closes the connections.
    pub fn stop(&self, now: f64) -> Result<(), JsError> {
        let at = self.at(now);
        self.machine.borrow_mut().stop(at)?;
        Ok(())
    }

    /// Subscribes by the seed's method name (`listen_whispers`, ...) with
    /// its ids; returns the subscription's UUID. A missing scope throws.
    pub fn listen(
        &self,
        method: String,
        first: String,
        second: Option<String>,
        now: f64,
    ) -> Result<String, JsError> {
        let topic = topic(&method, first, second)?;
        let at = self.at(now);
        let uuid = self.machine.borrow_mut().listen(topic, at)?;
        Ok(uuid.to_string())
    }

    /// Ends a subscription.
    pub fn unlisten(&self, uuid: String, now: f64) -> Result<(), JsError> {
        let uuid = Uuid::parse_str(&uuid)
            .map_err(|_| Error::NotFound(format!("no subscription {uuid:?}")))?;
        let at = self.at(now);
        self.machine.borrow_mut().unlisten(uuid, at)?;
        Ok(())
    }

    /// The next thing to do as JSON text: `{"type":"connect","socket":n,
    /// "url":u}`, `{"type":"send","socket":n,"text":t}` or
    /// `{"type":"close","socket":n}`; `undefined` when there is nothing.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollTransmit))]
    pub fn poll_transmit(&self) -> Option<String> {
        loop {
            let transmit = self.machine.borrow_mut().poll_transmit()?;
            if let Some(text) = self.conns.borrow_mut().transmit(transmit, &self.url) {
                return Some(text);
            }
        }
    }

    /// The next event as JSON text (as `PubSub.onEvent` gets them), or
    /// `undefined`. A `tokenRejected` has the Helix machine refresh the user
    /// token by itself: drive that machine, and the LISTENs go out again.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollEvent))]
    pub fn poll_event(&self) -> Option<String> {
        loop {
            let event = self.machine.borrow_mut().poll_event()?;
            if matches!(event, Event::TokenRejected) {
                let mut core = self.helix.borrow_mut();
                let at = core.clock().at(core.latest_ms());
                core.refresh_user(at);
            }
            if let Some(text) = to_text(&event) {
                return Some(text);
            }
        }
    }

    /// When `handleTimeout` wants to be called, in the caller's
    /// milliseconds; `undefined` while nothing waits on time.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = pollTimeout))]
    pub fn poll_timeout(&self) -> Option<f64> {
        let at = self.machine.borrow().poll_timeout()?;
        Some(self.clock.ms(at))
    }

    /// Time has reached `now` (also hands over a refreshed user token).
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleTimeout))]
    pub fn handle_timeout(&self, now: f64) {
        let at = self.at(now);
        self.machine.borrow_mut().handle_timeout(at);
    }

    /// The connection's socket opened.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleConnected))]
    pub fn handle_connected(&self, socket: f64, now: f64) {
        let at = self.at(now);
        if let Some(conn) = self.conn(socket) {
            self.machine.borrow_mut().handle_connected(conn, at);
        }
    }

    /// A text frame arrived.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleText))]
    pub fn handle_text(&self, socket: f64, text: String, now: f64) {
        let at = self.at(now);
        if let Some(conn) = self.conn(socket) {
            self.machine.borrow_mut().handle_text(conn, &text, at);
        }
    }

    /// The socket closed or could not open.
    #[cfg_attr(target_arch = "wasm32", wasm_bindgen(js_name = handleClosed))]
    pub fn handle_closed(&self, socket: f64, now: f64) {
        let at = self.at(now);
        if let Some(conn) = self.conn(socket) {
            self.machine.borrow_mut().handle_closed(conn, at);
        }
    }
}
