//! `RawPubSub`: the core's PubSub machine for the package's `PubSub`.
//! JavaScript moves the frames (its `WebSocket`, `setTimeout`); the machine
//! decides the rest: LISTEN batches and their confirmations, PINGs, PONG
//! timeouts, RECONNECT, backoff, re-LISTEN. LISTENs carry the client's user
//! token; when Twitch refuses it, the client refreshes it and the LISTEN is
//! sent again.

use std::cell::RefCell;
use std::rc::Rc;

use twitchapi_core::pubsub::{ConnId, Event, PubSub, PubSubConfig, PUBSUB_URL};
use twitchapi_core::{Error, Instant, Secret};
use uuid::Uuid;
use wasm_bindgen::prelude::*;

use crate::js::{to_js, RawTwitch};
use crate::machines::pubsub::{to_text, topic, Conns};

/// The PubSub machine, driven by the package's `PubSub`.
#[wasm_bindgen]
pub struct RawPubSub {
    machine: Rc<RefCell<PubSub>>,
    conns: RefCell<Conns>,
    twitch: twitchapi_web::Twitch,
    url: String,
    wake: Rc<RefCell<Option<js_sys::Function>>>,
}

impl RawPubSub {
    fn conn(&self, index: f64) -> Option<ConnId> {
        self.conns.borrow().find(index)
    }

    /// Hands the machine the client's current user token.
    fn give_token(machine: &RefCell<PubSub>, twitch: &twitchapi_web::Twitch) {
        if let Some(token) = twitch.get_user_auth_token() {
            let scopes = twitch.get_user_auth_scope();
            machine
                .borrow_mut()
                .set_token(Secret::new(token.expose()), scopes, Instant::now());
        }
    }
}

#[wasm_bindgen]
impl RawPubSub {
    /// A machine whose LISTENs carry `twitch`'s user token; `url` is the
    /// server (default Twitch's).
    #[wasm_bindgen(constructor)]
    pub fn new(twitch: &RawTwitch, url: Option<String>) -> RawPubSub {
        RawPubSub {
            // messages stay JSON for JSON.parse: no typed model is compiled in
            machine: Rc::new(RefCell::new(PubSub::with_decoder(
                PubSubConfig::default(),
                twitchapi_core::pubsub::messages::decode_json,
            ))),
            conns: RefCell::new(Conns::default()),
            twitch: twitch.web().clone(),
            url: url.unwrap_or_else(|| PUBSUB_URL.to_owned()),
            wake: Rc::new(RefCell::new(None)),
        }
    }

    /// Opens the connections (the seed's `start`).
    pub fn start(&self) -> Result<(), JsValue> {
        Self::give_token(&self.machine, &self.twitch);
        self.machine
            .borrow_mut()
            .start(Instant::now())
            .map_err(to_js)
    }

    /// Ends every subscription and closes the connections.
    pub fn stop(&self) -> Result<(), JsValue> {
        self.machine
            .borrow_mut()
            .stop(Instant::now())
            .map_err(to_js)
    }

    /// Subscribes by the seed's method name (`listen_whispers`, ...) with
    /// its ids; returns the subscription's UUID. A missing scope throws.
    pub fn listen(
        &self,
        method: String,
        first: String,
        second: Option<String>,
    ) -> Result<String, JsValue> {
        let topic = topic(&method, first, second).map_err(to_js)?;
        Self::give_token(&self.machine, &self.twitch);
        let uuid = self
            .machine
            .borrow_mut()
            .listen(topic, Instant::now())
            .map_err(to_js)?;
        Ok(uuid.to_string())
    }

    /// Ends a subscription.
    pub fn unlisten(&self, uuid: String) -> Result<(), JsValue> {
        let uuid = Uuid::parse_str(&uuid)
            .map_err(|_| to_js(Error::NotFound(format!("no subscription {uuid:?}"))))?;
        self.machine
            .borrow_mut()
            .unlisten(uuid, Instant::now())
            .map_err(to_js)
    }

    /// The next thing to do as JSON text (as `PubSubMachine.pollTransmit`
    /// gives it: `connect`, `send` or `close`); `undefined` when there is nothing.
    #[wasm_bindgen(js_name = pollTransmit)]
    pub fn poll_transmit(&self) -> Option<String> {
        loop {
            let transmit = self.machine.borrow_mut().poll_transmit()?;
            if let Some(text) = self.conns.borrow_mut().transmit(transmit, &self.url) {
                return Some(text);
            }
        }
    }

    /// The next event as JSON text (`data` of a message is Twitch's
    /// `data.message`, decoded); `undefined` when there is none. After a
    /// `tokenRejected` the client refreshes its user token by itself.
    #[wasm_bindgen(js_name = pollEvent)]
    pub fn poll_event(&self) -> Option<String> {
        loop {
            let event = self.machine.borrow_mut().poll_event()?;
            if matches!(event, Event::TokenRejected) {
                let (machine, twitch) = (self.machine.clone(), self.twitch.clone());
                let wake = self.wake.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if twitch.refresh_used_token().await.is_ok() {
                        Self::give_token(&machine, &twitch);
                        if let Some(wake) = wake.borrow().as_ref() {
                            let _ = wake.call0(&JsValue::NULL);
                        }
                    }
                });
            }
            if let Some(text) = to_text(&event) {
                return Some(text);
            }
        }
    }

    /// `callback()` is called when the machine has new work without any input
    /// from JavaScript (a refreshed token was handed over): pump then.
    #[wasm_bindgen(js_name = onWake)]
    pub fn on_wake(&self, callback: js_sys::Function) {
        *self.wake.borrow_mut() = Some(callback);
    }

    /// Milliseconds until `handleTimeout` wants to be called.
    #[wasm_bindgen(js_name = pollTimeout)]
    pub fn poll_timeout(&self) -> Option<f64> {
        let at = self.machine.borrow().poll_timeout()?;
        Some(at.saturating_duration_since(Instant::now()).as_millis() as f64)
    }

    /// The timer went off.
    #[wasm_bindgen(js_name = handleTimeout)]
    pub fn handle_timeout(&self) {
        self.machine.borrow_mut().handle_timeout(Instant::now());
    }

    /// The connection's socket opened.
    #[wasm_bindgen(js_name = handleConnected)]
    pub fn handle_connected(&self, connection: f64) {
        if let Some(conn) = self.conn(connection) {
            self.machine
                .borrow_mut()
                .handle_connected(conn, Instant::now());
        }
    }

    /// A text frame arrived.
    #[wasm_bindgen(js_name = handleText)]
    pub fn handle_text(&self, connection: f64, text: String) {
        if let Some(conn) = self.conn(connection) {
            self.machine
                .borrow_mut()
                .handle_text(conn, &text, Instant::now());
        }
    }

    /// The socket closed or could not open.
    #[wasm_bindgen(js_name = handleClosed)]
    pub fn handle_closed(&self, connection: f64) {
        if let Some(conn) = self.conn(connection) {
            self.machine
                .borrow_mut()
                .handle_closed(conn, Instant::now());
        }
    }
}
