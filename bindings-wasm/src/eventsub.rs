//! `RawEventSubWs`: the core's EventSub WebSocket machine for the package's
//! `EventSubWs`. JavaScript moves the bytes (its `WebSocket`, `setTimeout`);
//! the machine decides everything else: sessions, keepalives, the reconnect
//! handoff, which subscriptions to create, repeats. Its Helix requests go
//! through the client's session (tokens, refresh, rate limits).

use std::cell::RefCell;
use std::rc::Rc;

use twitchapi_core::eventsub::ws::{EventSubWs, SocketId, WsConfig};
use twitchapi_core::helix::Auth;
use twitchapi_core::machine::TransmitId;
use twitchapi_core::sorted_map::SortedMap;
use twitchapi_core::{Error, Instant};
use uuid::Uuid;
use wasm_bindgen::prelude::*;

use crate::js::{to_js, RawTwitch};
use crate::machines::eventsub::{to_text, Outgoing, Sockets};

struct State {
    machine: EventSubWs,
    sockets: Sockets,
    helix: SortedMap<u64, (TransmitId, Auth, http::Request<Vec<u8>>)>,
}

/// The EventSub WebSocket machine, driven by the package's `EventSubWs`.
#[wasm_bindgen]
pub struct RawEventSubWs {
    state: Rc<RefCell<State>>,
    twitch: twitchapi_web::Twitch,
}

impl RawEventSubWs {
    fn socket(&self, socket: f64) -> Option<SocketId> {
        self.state.borrow().sockets.find(socket)
    }
}

#[wasm_bindgen]
impl RawEventSubWs {
    /// A machine whose Helix requests go through `twitch`; `url` is the
    /// EventSub WebSocket server (default Twitch's).
    #[wasm_bindgen(constructor)]
    pub fn new(twitch: &RawTwitch, url: Option<String>) -> RawEventSubWs {
        let twitch = twitch.web().clone();
        let mut config = WsConfig::default();
        if let Some(url) = url {
            config.url = url;
        }
        let machine = EventSubWs::new(&twitch.helix(), config);
        RawEventSubWs {
            state: Rc::new(RefCell::new(State {
                machine,
                sockets: Sockets::default(),
                helix: SortedMap::new(),
            })),
            twitch,
        }
    }

    /// Subscribes to type `kind`, version `version` with `condition` (JSON
    /// text of an object); returns the subscription's handle.
    pub fn listen(
        &self,
        kind: String,
        version: String,
        condition: String,
    ) -> Result<String, JsValue> {
        let condition = serde_json::from_str(&condition)
            .map_err(|e| to_js(Error::invalid(format!("condition: {e}"))))?;
        let uuid = self
            .state
            .borrow_mut()
            .machine
            .listen(&kind, &version, condition, Instant::now())
            .map_err(to_js)?;
        Ok(uuid.to_string())
    }

    /// Ends the subscription of that handle.
    pub fn unlisten(&self, uuid: String) -> Result<(), JsValue> {
        let uuid = Uuid::parse_str(&uuid)
            .map_err(|_| to_js(Error::NotFound(format!("no subscription {uuid:?}"))))?;
        self.state
            .borrow_mut()
            .machine
            .unlisten(uuid, Instant::now())
            .map_err(to_js)
    }

    /// Ends every subscription (deleted at Twitch) and closes the sockets.
    pub fn stop(&self) {
        self.state.borrow_mut().machine.stop(Instant::now());
    }

    /// The next thing to do, as JSON text: a socket action as
    /// `EventSubWsMachine.pollTransmit` gives it, or `{"type":"helix","id":n}`
    /// (then call `helix(n)`); `undefined` when there is nothing.
    #[wasm_bindgen(js_name = pollTransmit)]
    pub fn poll_transmit(&self) -> Option<String> {
        let mut state = self.state.borrow_mut();
        loop {
            let transmit = state.machine.poll_transmit()?;
            match state.sockets.sort(transmit) {
                Some(Outgoing::Socket(text)) => return Some(text),
                Some(Outgoing::Helix(id, auth, request)) => {
                    let key = id.get();
                    state.helix.insert(key, (id, auth, *request));
                    return Some(serde_json::json!({"type": "helix", "id": key}).to_string());
                }
                None => {}
            }
        }
    }

    /// Sends the Helix request `pollTransmit` named through the client's
    /// session and feeds its answer back; resolves when that is done (then
    /// drain `pollTransmit` and `pollEvent` again).
    pub fn helix(&self, key: f64) -> js_sys::Promise {
        let (state, twitch) = (self.state.clone(), self.twitch.clone());
        crate::js::promise(async move {
            let Some((id, auth, request)) = state.borrow_mut().helix.remove(&(key as u64)) else {
                return Ok(JsValue::UNDEFINED);
            };
            let answer = twitch.send_unsigned(|_| Ok((request, auth))).await;
            let now = Instant::now();
            let mut state = state.borrow_mut();
            match answer {
                Ok(response) => state.machine.handle_response(id, response, now),
                Err(error) => state.machine.handle_transport_error(id, error, now),
            }
            Ok(JsValue::UNDEFINED)
        })
    }

    /// The next event as JSON text, `undefined` when there is none.
    #[wasm_bindgen(js_name = pollEvent)]
    pub fn poll_event(&self) -> Option<String> {
        loop {
            let event = self.state.borrow_mut().machine.poll_event()?;
            if let Some(text) = to_text(&event) {
                return Some(text);
            }
        }
    }

    /// Milliseconds until `handleTimeout` wants to be called, `undefined`
    /// when nothing waits on time.
    #[wasm_bindgen(js_name = pollTimeout)]
    pub fn poll_timeout(&self) -> Option<f64> {
        let at = self.state.borrow().machine.poll_timeout()?;
        Some(at.saturating_duration_since(Instant::now()).as_millis() as f64)
    }

    /// The timer set from `pollTimeout` went off.
    #[wasm_bindgen(js_name = handleTimeout)]
    pub fn handle_timeout(&self) {
        self.state
            .borrow_mut()
            .machine
            .handle_timeout(Instant::now());
    }

    /// The socket opened.
    #[wasm_bindgen(js_name = handleConnected)]
    pub fn handle_connected(&self, socket: f64) {
        if let Some(id) = self.socket(socket) {
            self.state
                .borrow_mut()
                .machine
                .handle_connected(id, Instant::now());
        }
    }

    /// A text frame arrived on the socket.
    #[wasm_bindgen(js_name = handleText)]
    pub fn handle_text(&self, socket: f64, text: String) {
        if let Some(id) = self.socket(socket) {
            self.state
                .borrow_mut()
                .machine
                .handle_text(id, &text, Instant::now());
        }
    }

    /// The socket closed (or failed to open), with its close code if any.
    #[wasm_bindgen(js_name = handleClosed)]
    pub fn handle_closed(&self, socket: f64, code: Option<u16>) {
        if let Some(id) = self.socket(socket) {
            let mut state = self.state.borrow_mut();
            state.sockets.remove(socket);
            state.machine.handle_closed(id, code, Instant::now());
        }
    }
}

/// Every EventSub type: `type:version:listenName` entries, comma-separated
/// (what the wrapper turns into `listen<Type>` methods).
#[wasm_bindgen(js_name = eventSubTypes)]
pub fn event_sub_types() -> String {
    macro_rules! names {
        ([] $( $variant:ident, $event:ident, $condition:ident, $kind:literal, $version:literal, $scopes:expr, $listen:ident; )*) => {
            [$(concat!($kind, ":", $version, ":", stringify!($listen)),)*].join(",")
        };
    }
    twitchapi_core::eventsub_types!(names)
}
