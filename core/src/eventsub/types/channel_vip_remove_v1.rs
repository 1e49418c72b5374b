//! `channel.vip.remove` version 1. The channel.vip.remove subscription type
//! sends a notification when a VIP is removed from the channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.vip.remove` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelVipRemoveV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelVipRemoveV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.vip.remove` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelVipRemoveV1Event {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
}
