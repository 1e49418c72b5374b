//! The core's machines for JavaScript that runs its own transport (the
//! package's `HelixMachine`, `EventSubWsMachine` and `PubSubMachine`): feed
//! answers, frames and the time in; take requests, frames, events and the
//! next deadline out. Nothing here reads the host's clock or does I/O: every
//! `now` is the caller's, in milliseconds ([`crate::clock::Clock`]).
//!
//! The same code builds natively, where it is tested; on wasm32 it is
//! exported through wasm-bindgen.

#[cfg(feature = "eventsub")]
pub mod eventsub;
pub mod helix;
#[cfg(feature = "pubsub")]
pub mod pubsub;

use twitchapi_core::Error;

/// An [`Error`] on its way to JavaScript (thrown as a described `Error`
/// that the wrapper turns into a `TwitchError`).
#[derive(Debug)]
pub struct JsError(pub Error);

impl From<Error> for JsError {
    fn from(error: Error) -> Self {
        JsError(error)
    }
}

#[cfg(target_arch = "wasm32")]
impl From<JsError> for wasm_bindgen::JsValue {
    fn from(error: JsError) -> Self {
        crate::js::to_js(error.0)
    }
}

#[cfg(test)]
mod tests;
