//! `channel.ad_break.begin` version 1. The channel.ad_break.begin subscription
//! type sends a notification when a user runs a midroll commercial break,
//! either manually or automatically via ads manager.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.ad_break.begin` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelAdBreakBeginV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelAdBreakBeginV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.ad_break.begin` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelAdBreakBeginV1Event {
    /// The duration in seconds.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub duration_seconds: String,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// Whether automatic.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_automatic: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the requester.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub requester_user_id: String,
    /// Login of the requester.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub requester_user_login: String,
    /// Display name of the requester.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub requester_user_name: String,
}
