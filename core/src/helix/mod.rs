//! Helix: request building and response parsing for Twitch's REST API.
//!
//! Every endpoint is a data struct implementing [`Endpoint`], in a module named
//! after the Twitch reference's category (one endpoint per file). [`Helix`] turns
//! an endpoint and a token into an [`http::Request`] and an [`http::Response`]
//! into a [`HelixResponse`].

mod client;
mod endpoint;
pub mod headers;
mod pages;
mod query;
mod registry;
mod session;

pub mod ads;
pub mod analytics;
pub mod bits;
pub mod channel_points;
pub mod channels;
pub mod chat;
pub mod clips;
pub mod entitlements;
pub mod eventsub;
pub mod extensions;
pub mod games;
pub mod hype_train;
pub mod moderation;
pub mod search;
pub mod streams;
pub mod subscriptions;
pub mod tags;
pub mod users;
pub mod videos;
pub mod webhooks;

#[cfg(test)]
pub(crate) mod test_util;

pub use client::{
    authorize, authorize_extension, error_for_status, error_message, Helix, HelixResponse,
    RateLimit, HELIX_URL,
};
pub use endpoint::{parse_envelope, parse_no_content, Auth, Endpoint, Paginated, Parsed, Scopes};
pub use pages::{Cursors, JsonCursors, Pages};
pub use query::{datetime_arg, Query};
pub use session::{Budget, Event, Session, SessionConfig, VALIDATE_EVERY};
