//! JavaScript API of twitchapi, built with wasm-bindgen into an npm package.
//!
//! Status: skeleton. The wasm-bindgen exports (camelCase methods mirroring the
//! Python seed library, Promises, TypeScript types) are added in a later release;
//! this crate already links the sans-IO core so the package layout is fixed.
#![deny(missing_docs)]

pub use twitchapi_core as core;
