//! Time types of the core. The core never reads a clock: every input that depends
//! on time takes `now` as an argument, read by the adapter (or a virtual clock in
//! tests). `web_time::Instant` is `std::time::Instant` natively and a
//! `performance.now()`-backed instant in the browser.

pub use core::time::Duration;
pub use web_time::Instant;
