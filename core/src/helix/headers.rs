//! The header names Helix requests carry and Helix answers are read for, as
//! constants: no header name is parsed at run time (which keeps `http`'s
//! name table out of a WebAssembly build).
//!
//! ```
//! use twitchapi_core::helix::headers::{ANSWER_HEADERS, RATELIMIT_RESET};
//! assert!(ANSWER_HEADERS.contains(&RATELIMIT_RESET));
//! assert_eq!(RATELIMIT_RESET.as_str(), "ratelimit-reset");
//! ```

use http::header::{HeaderName, DATE};

/// `Client-Id`, on every Helix request.
pub const CLIENT_ID: HeaderName = HeaderName::from_static("client-id");
/// `Ratelimit-Limit`: the bucket's size.
pub const RATELIMIT_LIMIT: HeaderName = HeaderName::from_static("ratelimit-limit");
/// `Ratelimit-Remaining`: the points left in the bucket.
pub const RATELIMIT_REMAINING: HeaderName = HeaderName::from_static("ratelimit-remaining");
/// `Ratelimit-Reset`: when the bucket refills, in Unix seconds.
pub const RATELIMIT_RESET: HeaderName = HeaderName::from_static("ratelimit-reset");

/// Every answer header the machines read (Helix's rate limit, and `Date` to
/// place the reset on the server's clock). A transport that copies an
/// answer's headers from elsewhere (fetch, or JavaScript driving a machine)
/// needs to copy only these: the machines read no other.
pub const ANSWER_HEADERS: [HeaderName; 4] =
    [DATE, RATELIMIT_LIMIT, RATELIMIT_REMAINING, RATELIMIT_RESET];
