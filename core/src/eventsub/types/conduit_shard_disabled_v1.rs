//! `conduit.shard.disabled` version 1. The conduit.shard.disabled subscription
//! type sends a notification when EventSub disables a shard due to the status
//! of the underlying transport changing.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `conduit.shard.disabled` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConduitShardDisabledV1Condition {
    /// The application's client ID.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub client_id: String,
    /// ID of the conduit.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub conduit_id: Option<String>,
}

impl ConduitShardDisabledV1Condition {
    /// A condition with its required fields; the optional ones are `None`.
    pub fn new(client_id: impl Into<String>) -> Self {
        Self {
            client_id: client_id.into(),
            ..Self::default()
        }
    }
}

/// A `conduit.shard.disabled` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConduitShardDisabledV1Event {
    /// ID of the conduit.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub conduit_id: String,
    /// ID of the shard.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub shard_id: String,
    /// The status.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub status: String,
    /// The transport.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub transport: ConduitShardDisabledV1Transport,
}

/// The `transport` object of a `conduit.shard.disabled` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ConduitShardDisabledV1Transport {
    /// `webhook` or `websocket`.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub method: String,
    /// ID of the session.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub session_id: String,
    /// When it connected (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub connected_at: Option<OffsetDateTime>,
    /// When it disconnected (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub disconnected_at: Option<OffsetDateTime>,
}
