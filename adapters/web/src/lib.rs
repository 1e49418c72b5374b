//! Browser adapter of twitchapi: runs the sans-IO core of [`twitchapi_core`] over
//! `fetch` and the browser `WebSocket`.
//!
//! Status: skeleton. The request types of the core are re-exported so that a page
//! can already build Helix requests and hand them to its own `fetch`; the fetch and
//! WebSocket loops are added together with the JS bindings.
#![deny(missing_docs)]

pub use twitchapi_core as core;
