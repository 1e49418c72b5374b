//! `channel.chat.clear_user_messages` version 1. The
//! channel.chat.clear_user_messages subscription type sends a notification when
//! a moderator or bot clears all messages for a specific user.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.chat.clear_user_messages` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatClearUserMessagesV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// User ID of the user.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub user_id: String,
}

impl ChannelChatClearUserMessagesV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            user_id: user_id.into(),
        }
    }
}

/// A `channel.chat.clear_user_messages` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatClearUserMessagesV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// User ID of the target.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_user_id: String,
    /// Display name of the target.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_user_name: String,
    /// Login of the target.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_user_login: String,
}
