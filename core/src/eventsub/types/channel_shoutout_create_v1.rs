//! `channel.shoutout.create` version 1. Sends a notification when the specified
//! broadcaster sends a Shoutout.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.shoutout.create` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelShoutoutCreateV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// User ID of the moderator.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub moderator_user_id: String,
}

impl ChannelShoutoutCreateV1Condition {
    /// A condition with its required fields.
    pub fn new(
        broadcaster_user_id: impl Into<String>,
        moderator_user_id: impl Into<String>,
    ) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            moderator_user_id: moderator_user_id.into(),
        }
    }
}

/// A `channel.shoutout.create` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelShoutoutCreateV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// User ID of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_id: String,
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// User ID of the to broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_broadcaster_user_id: String,
    /// Display name of the to broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_broadcaster_user_name: String,
    /// Login of the to broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_broadcaster_user_login: String,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// The number of viewers.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub viewer_count: u64,
    /// When it cooldown ends (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub cooldown_ends_at: Option<OffsetDateTime>,
    /// When it target cooldown ends (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub target_cooldown_ends_at: Option<OffsetDateTime>,
}
