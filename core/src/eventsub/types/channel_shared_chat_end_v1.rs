//! `channel.shared_chat.end` version 1. The channel.shared_chat.end
//! subscription type sends a notification when a channel leaves a shared chat
//! session or the session ends.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.shared_chat.end` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSharedChatEndV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelSharedChatEndV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.shared_chat.end` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSharedChatEndV1Event {
    /// ID of the session.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub session_id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the host broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_broadcaster_user_id: String,
    /// Login of the host broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_broadcaster_user_login: String,
    /// Display name of the host broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_broadcaster_user_name: String,
}
